//! Whether a text is a name git accepts for a branch: the rules of
//! git-check-ref-format(1) for `refs/heads/<name>`, with `--branch`'s own
//! (no leading `-`, not `HEAD`).
//!
//! Written here rather than taken from a crate: the rules are a short,
//! stable list in git's manual, and the one crate that implements them
//! (gitoxide's `gix-validate`) would bring `bstr` and gitoxide's release
//! churn for twenty lines.
//!
//! A valid name may still hold `;`, `$`, `'`, `"`, `%`, `#`, `&`, `|` or
//! letters of any script: the deploy files quote it for each target anyway
//! (see [`crate::scaffold::quote`]).

/// Why `name` is not a branch name git accepts, or `None` when it is one.
pub fn branch_problem(name: &str) -> Option<&'static str> {
    if name.is_empty() {
        return Some("empty");
    }
    if name == "@" || name == "HEAD" {
        return Some("reserved");
    }
    if name.starts_with('-') {
        return Some("leading -");
    }
    if let Some(c) = name.chars().find(|&c| c.is_ascii_control() || matches!(c, ' ' | '~' | '^' | ':' | '?' | '*' | '[' | '\\')) {
        return Some(if c.is_ascii_control() { "control character" } else { "forbidden character" });
    }
    if name.contains("..") || name.contains("@{") {
        return Some("forbidden sequence");
    }
    if name.starts_with('/') || name.ends_with('/') || name.contains("//") {
        return Some("empty component");
    }
    if name.ends_with('.') {
        return Some("trailing .");
    }
    if name.split('/').any(|part| part.starts_with('.') || part.ends_with(".lock")) {
        return Some("component starts with . or ends with .lock");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::branch_problem;

    #[test]
    fn git_rules() {
        for ok in ["main", "publish", "feature/tin-tức", "main;id>x;#", "a$b", "v1.0", "100%"] {
            assert_eq!(branch_problem(ok), None, "{ok}");
        }
        for bad in ["", "@", "HEAD", "-x", "a b", "a~1", "a^", "a:b", "a?", "a*", "a[", "a\\b", "a..b", "a@{1}", "/a", "a/", "a//b", "a.", ".a", "a/.b", "a.lock", "a/b.lock/c", "a\u{7f}", "a\tb", "a\nb"] {
            assert!(branch_problem(bad).is_some(), "{bad:?}");
        }
    }
}
