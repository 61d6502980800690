//! The names loa keeps for its own output, at the top level of the output
//! folder: pages, campaigns and files of `content/` may not take them (nor a
//! language's code, under which that language's pages live). One list,
//! checked where each of them is read.

/// The reserved names.
pub const RESERVED: &[&str] = &[
    "static", "embed", "leaflets", "pages", "feed.xml", "sitemap.xml", "robots.txt", "build.json", "calendar.ics", "schedule.json", "404.html", "404",
    "index.html", "admin", "search", "tim-kiem", "img", "style.css", "favicon.svg", "favicon.ico",
    "search.js", "safety.js", "phat-thanh", "broadcast",
];

/// Why `name` cannot be a top-level name of the output, if it cannot:
/// `languages` are the site's language codes.
pub fn why_taken(name: &str, languages: &[String]) -> Option<crate::i18n::Msg> {
    if languages.iter().any(|l| l == name) {
        Some(crate::t!("reserved-language", name = name))
    } else if RESERVED.contains(&name) {
        Some(crate::t!("reserved-name", name = name))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserved_and_language_names() {
        let langs = vec!["vi".to_owned(), "en".to_owned()];
        for n in ["leaflets", "embed", "en", "vi", "pages", "404", "feed.xml"] {
            assert!(why_taken(n, &langs).is_some(), "{n}");
        }
        assert!(why_taken("tet-trung-thu", &langs).is_none());
    }
}
