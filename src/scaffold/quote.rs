//! Values written into the deploy files, quoted for each file's own syntax:
//! a systemd unit's command line, a POSIX shell, nginx's configuration, YAML,
//! and GitHub Actions' branch filters. A site value (the editor's branch,
//! the path of `base_url`, where loa is installed) is always one word of the
//! target and never code in it, whatever it holds: `main;id`, a space, a
//! quote, `%`, `$`, Vietnamese letters.
//!
//! Control characters have no safe spelling in a comment or a unit file:
//! the values are checked before they get here (a branch by git's rules, the
//! path by [`super::deploy`]).

use std::borrow::Cow;

/// Whether `s` is written as it is in every target: letters, digits and
/// `/ _ . , + : = @ -` (ASCII), and not empty.
fn plain(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"/_.,+:=@-".contains(&b))
}

/// One word of a systemd command line (`ExecStart=`, `ReadWritePaths=`):
/// double-quoted when it is not plain, with `\` and `"` escaped, `%` written
/// `%%` (systemd's specifiers, `%h`, `%n`…) and `$` written `$$` (systemd's
/// own variable expansion) — systemd.service(5), "Command lines", and
/// systemd.unit(5), "Specifiers".
pub fn systemd_word(s: &str) -> Cow<'_, str> {
    if plain(s) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(double_quoted(s, |c| match c {
        '%' => Some("%%"),
        '$' => Some("$$"),
        _ => None,
    }))
}

/// Text inside a systemd unit that is not a command line (`Description=`):
/// only its specifiers need escaping.
pub fn systemd_text(s: &str) -> Cow<'_, str> {
    if s.contains('%') { Cow::Owned(s.replace('%', "%%")) } else { Cow::Borrowed(s) }
}

/// One word for a POSIX shell (a command shown for copying), by the
/// [`shlex`] crate's quoting; a NUL (which no shell word holds) is dropped.
pub fn shell_word(s: &str) -> String {
    let s: String = s.chars().filter(|&c| c != '\0').collect();
    shlex::try_quote(&s).map(Cow::into_owned).unwrap_or_default()
}

/// One string of nginx's configuration, in double quotes (nginx's parser
/// unescapes `\"` and `\\` there). With `variables`, for a directive whose
/// value may hold nginx variables (`error_page`), a `$` is written as the
/// variable `$loa_dollar`, which [`NGINX_DOLLAR`] defines as a literal `$`:
/// nginx has no other spelling of a literal `$` in such a value.
pub fn nginx_string(s: &str, variables: bool) -> String {
    double_quoted(s, |c| (c == '$' && variables).then_some("${loa_dollar}"))
}

/// `s` in double quotes with `\` and `"` backslash-escaped (as systemd and
/// nginx both read them), and each character `other` names written as it says.
fn double_quoted(s: &str, other: impl Fn(char) -> Option<&'static str>) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            c => match other(c) {
                Some(escaped) => out.push_str(escaped),
                None => out.push(c),
            },
        }
    }
    out.push('"');
    out
}

/// The definition of `$loa_dollar` (a literal `$`), for the `http` level of
/// nginx's configuration, where a site's server block is included.
pub const NGINX_DOLLAR: &str = "# nginx has no spelling of a literal `$` in a value that may hold variables\n# (error_page below): $loa_dollar is one.\ngeo $loa_dollar {\n    default \"$\";\n}\n\n";

/// A YAML scalar holding `s` exactly: a JSON string, which YAML 1.2 reads as
/// a double-quoted scalar (`serde_json` escapes every control character).
pub fn yaml_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_owned())
}

/// A GitHub Actions branch filter (`on.push.branches`) matching the branch
/// `s` only: the characters its patterns give a meaning to (`*`, `?`, `+`,
/// `[`, `!`, and `\` itself) are escaped with `\` ("Filter pattern cheat
/// sheet"). A `]` is not: with every `[` escaped it closes nothing, and
/// GitHub (as actionlint checks) refuses `\]`.
pub fn github_branch_pattern(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '*' | '?' | '+' | '[' | '!' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_target_quotes_what_it_must() {
        assert_eq!(systemd_word("/srv/a.example/www"), "/srv/a.example/www");
        assert_eq!(systemd_word("/srv/www/tin tức/100%/$HOME\\\""), "\"/srv/www/tin tức/100%%/$$HOME\\\\\\\"\"");
        assert_eq!(systemd_text("100% a"), "100%% a");
        assert_eq!(shell_word("main;id>x;#"), "'main;id>x;#'");
        assert_eq!(shell_word("main"), "main");
        assert_eq!(nginx_string("/tin \"tức\"/$x\\", true), "\"/tin \\\"tức\\\"/${loa_dollar}x\\\\\"");
        assert_eq!(nginx_string("/a$b/", false), "\"/a$b/\"");
        assert_eq!(yaml_string("main\"#"), "\"main\\\"#\"");
        assert_eq!(github_branch_pattern("!a+b"), "\\!a\\+b");
        assert_eq!(github_branch_pattern("a]b[c"), "a]b\\[c");
    }
}
