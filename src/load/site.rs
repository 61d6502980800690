//! `site.yaml` → [`Site`]: title, base URL, languages, theme, organisation,
//! hotlines, the quick exit and its safety page, and the browser editor
//! ([`super::cms`]).

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use super::yaml::{self, content_position, position_of, Spanned};
use super::Text;
use crate::diag::{Diagnostic, Diagnostics, Position};
use crate::i18n::Msg;
use crate::t;

/// The file name, relative to the site root.
pub const FILE: &str = "site.yaml";

/// Site-wide settings.
#[derive(Debug, Clone)]
pub struct Site {
    /// The site's name, per language.
    pub title: Text,
    /// One sentence for search engines and link previews.
    pub description: Option<Text>,
    /// Absolute URL the site is published at, ending in `/`.
    pub base_url: String,
    /// The path part of `base_url` (`/` or `/campaign/`), prefix of every link.
    pub base_path: String,
    /// `base_url`, parsed: what the site's own origin is.
    pub base: url::Url,
    /// Language codes; the first is the default and is served at the root.
    pub languages: Vec<String>,
    /// The theme's name: `themes/<name>/`, or the embedded `default`.
    pub theme: String,
    /// Where `theme:` is written in `site.yaml`, if it is.
    pub theme_position: Option<Position>,
    /// Who publishes the site.
    pub organisation: Organisation,
    /// Telephone lines shown on every page as `tel:` links.
    pub hotlines: Vec<Hotline>,
    /// Whether raw HTML in Markdown is passed through (default: sanitised).
    pub allow_raw_html: bool,
    /// Whether every page gets a typeset share card (default: yes). Pages
    /// with an `image:` get it cropped either way.
    pub share_cards: bool,
    /// Whether the search index is built (default: yes). Without it the
    /// search page still lists every live page, and carries no script.
    pub search: bool,
    /// The site's own groups of words a reader may search for in place of
    /// one another (`search: {synonyms: [[phụ huynh, cha mẹ]]}`), added to
    /// the theme's (`synonyms.yaml`), in every language.
    pub synonyms: Vec<Vec<String>>,
    /// Where the quick exit on every page leads (`quick_exit:`): a neutral
    /// site on another host, by default [`DEFAULT_QUICK_EXIT`].
    pub quick_exit: String,
    /// The page on staying safe while reading the site (`safety_page:`),
    /// linked beside the quick exit: its path under `content/` as written,
    /// and where it is written in `site.yaml`. Checked against the content
    /// by [`super::load`].
    pub safety_page: Option<(String, Option<Position>)>,
    /// The browser editor written under `admin/`, if the site has one.
    pub cms: Option<super::cms::Cms>,
    /// The longest a bulletin for commune radio may take to read, in
    /// seconds (`broadcast: {max_minutes: 5}`; default 5 minutes).
    pub broadcast_max_seconds: u32,
    /// The site's own abbreviations and what is said for them, per language
    /// (`broadcast: {abbreviations: {vi: {BCĐ: ban chỉ đạo}}}`), added to the
    /// theme's (`abbreviations.yaml`) and replacing them where both have one.
    pub abbreviations: BTreeMap<String, BTreeMap<String, String>>,
    /// Whether every leaflet PDF also gets a copy for print shops, with
    /// bleed, crop marks, TrimBox and BleedBox and CMYK colours
    /// (`leaflets: {print_shop: true}`; default: no).
    pub print_shop: bool,
}

/// The longest a bulletin may take to read when `site.yaml` does not say.
pub const DEFAULT_BROADCAST_MINUTES: u32 = 5;

/// Where the quick exit leads when `site.yaml` does not say: the weather
/// page of the most read Vietnamese news site, as GOV.UK's "Exit this page"
/// leads to BBC Weather. Nothing about it says where the reader came from.
pub const DEFAULT_QUICK_EXIT: &str = "https://vnexpress.net/thoi-tiet";

impl Site {
    /// The default language.
    pub fn default_language(&self) -> &str {
        &self.languages[0]
    }
}

/// The publisher.
#[derive(Debug, Clone)]
pub struct Organisation {
    /// Its name, per language.
    pub name: Text,
    /// Its website (or `mailto:`/`tel:` address), if any.
    pub url: Option<String>,
}

/// A telephone line.
#[derive(Debug, Clone)]
pub struct Hotline {
    /// The number as people write it (`024.3525.662`).
    pub number: String,
    /// The number for `tel:` links: digits and a leading `+` only.
    pub tel: String,
    /// What the line is.
    pub label: Text,
    /// Hours, cost and the like.
    pub note: Option<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SiteFile {
    title: Text,
    description: Option<Text>,
    base_url: Spanned<String>,
    languages: Option<Spanned<Vec<String>>>,
    theme: Option<Spanned<String>>,
    organisation: Option<OrganisationFile>,
    #[serde(default)]
    hotlines: Vec<HotlineFile>,
    #[serde(default)]
    allow_raw_html: bool,
    share_cards: Option<bool>,
    search: Option<SearchFile>,
    quick_exit: Option<Spanned<String>>,
    safety_page: Option<Spanned<String>>,
    cms: Option<Spanned<super::cms::CmsField>>,
    broadcast: Option<BroadcastSettingsFile>,
    leaflets: Option<LeafletSettingsFile>,
}

/// `leaflets:` — the settings of printed leaflets.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LeafletSettingsFile {
    #[serde(default)]
    print_shop: bool,
}

/// `broadcast:` — the settings of bulletins read aloud.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BroadcastSettingsFile {
    max_minutes: Option<Spanned<u32>>,
    #[serde(default)]
    abbreviations: BTreeMap<String, BTreeMap<String, String>>,
}

/// `search:` — `true`/`false`, or its settings.
#[derive(Deserialize)]
#[serde(untagged)]
enum SearchFile {
    On(bool),
    Settings(SearchSettingsFile),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SearchSettingsFile {
    enabled: Option<bool>,
    #[serde(default)]
    synonyms: Vec<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OrganisationFile {
    name: Text,
    url: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HotlineFile {
    number: Spanned<String>,
    label: Text,
    note: Option<Text>,
}

/// The digits of a phone number for a `tel:` link (a leading `+` kept), or
/// `None` if it is not a phone number: `024.3525.662` → `0243525662`.
pub fn tel_of(number: &str) -> Option<String> {
    let allowed = number.chars().all(|c| c.is_ascii_digit() || " .-+()".contains(c));
    let tel: String = number
        .chars()
        .enumerate()
        .filter(|(i, c)| c.is_ascii_digit() || (*i == 0 && *c == '+'))
        .map(|(_, c)| c)
        .collect();
    (allowed && !tel.trim_start_matches('+').is_empty()).then_some(tel)
}

/// What the keys of `site.yaml` take.
fn takes(key: &str) -> Option<Msg> {
    Some(match key {
        "title" | "description" | "label" | "note" => t!("takes-text-per-lang"),
        "base_url" | "url" | "quick_exit" => t!("takes-url"),
        "safety_page" => t!("takes-page-path"),
        "languages" => t!("takes-languages"),
        "theme" => t!("takes-theme"),
        "organisation" => t!("takes-organisation"),
        "hotlines" => t!("takes-hotlines"),
        "number" => t!("takes-phone"),
        "allow_raw_html" | "share_cards" | "enabled" | "print_shop" => t!("takes-true-false"),
        "leaflets" => t!("takes-leaflet-settings"),
        "search" => t!("takes-search"),
        "synonyms" => t!("takes-synonyms"),
        "cms" => t!("takes-cms"),
        "broadcast" => t!("takes-broadcast-settings"),
        "max_minutes" => t!("takes-max-minutes"),
        "abbreviations" => t!("takes-abbreviations"),
        _ => return super::cms::takes(key),
    })
}

/// Parses and checks the text of `site.yaml`.
pub fn parse(text: &str) -> Result<Site, Diagnostics> {
    let file = Path::new(FILE);
    let raw: SiteFile = yaml::parse(file, text, 0, takes).map_err(|d| Diagnostics::from(d.with_source(text)))?;
    let mut diags = Diagnostics::new();
    let mut err = |pos: Option<Position>, msg: Msg, hint: Msg| {
        diags.push(Diagnostic::error(file, pos, msg).with_hint(hint).with_source(text));
    };

    let base_pos = content_position(text, position_of(&raw.base_url, 0));
    let written = raw.base_url.value.trim();
    let with_slash = if written.ends_with('/') { written.to_owned() } else { format!("{written}/") };
    let base = match url::Url::parse(&with_slash) {
        // A user name or password (`https://user:secret@host/`, `https://:secret@host/`)
        // would be published in every page, feed and sitemap: refused, and
        // not repeated in the message (it goes to build logs).
        Ok(u) if !u.username().is_empty() || u.password().is_some() => {
            err(base_pos, t!("site-base-url-credentials"), t!("site-base-url-credentials-hint", fixed = without_credentials(&u)));
            None
        }
        Ok(u) if matches!(u.scheme(), "http" | "https") && u.host_str().is_some_and(|h| !h.is_empty()) && u.query().is_none() && u.fragment().is_none() => Some(u),
        _ => {
            err(base_pos, t!("site-not-url", value = written), t!("site-base-url-hint"));
            None
        }
    };
    let base = base.unwrap_or_else(|| url::Url::parse("https://example.org/").expect("a valid URL"));
    let base_url = base.to_string();
    let base_path = base.path().to_owned();
    // The path names a folder on a server (deploy files): it must decode to text.
    match percent_encoding::percent_decode_str(&base_path).decode_utf8() {
        Ok(p) if !p.chars().any(char::is_control) => {}
        _ => err(base_pos, t!("site-base-path-not-text", value = written), t!("site-base-path-hint")),
    }

    let languages = match &raw.languages {
        None => vec!["vi".to_owned()],
        Some(l) => {
            let pos = position_of(l, 0);
            if l.value.is_empty() {
                err(pos, t!("site-languages-empty"), t!("site-languages-empty-hint"));
            }
            let mut seen = Vec::new();
            for code in &l.value {
                let ok = (2..=3).contains(&code.len()) && code.chars().all(|c| c.is_ascii_lowercase());
                if !ok {
                    err(pos, t!("site-not-language", value = code), t!("site-language-hint"));
                } else if seen.contains(code) {
                    err(pos, t!("site-language-twice", value = code), t!("site-language-twice-hint"));
                }
                seen.push(code.clone());
            }
            if seen.is_empty() { vec!["vi".to_owned()] } else { seen }
        }
    };

    for t in [Some(&raw.title), raw.description.as_ref()].into_iter().flatten() {
        for lang in t.languages() {
            if !languages.iter().any(|l| l == lang) {
                err(None, t!("site-text-language", lang = lang), t!("site-text-language-hint"));
            }
        }
    }

    let theme_position = raw.theme.as_ref().and_then(|t| content_position(text, position_of(t, 0)));
    let theme = match &raw.theme {
        None => "default".to_owned(),
        Some(t) => {
            let v = t.value.trim();
            if v.is_empty() || !v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
                err(content_position(text, position_of(t, 0)), t!("site-not-theme", value = v), t!("site-theme-hint"));
            }
            v.to_owned()
        }
    };

    let mut hotlines = Vec::new();
    for h in raw.hotlines {
        let number = h.number.value.trim().to_owned();
        let tel = tel_of(&number).unwrap_or_default();
        if tel.is_empty() {
            err(
                content_position(text, position_of(&h.number, 0)),
                t!("site-not-phone", value = number.as_str()),
                t!("site-phone-hint"),
            );
        }
        hotlines.push(Hotline { number, tel, label: h.label, note: h.note });
    }

    let organisation = match raw.organisation {
        Some(o) => {
            let url = o.url.and_then(|u| match crate::url_policy::config_url(&u.value) {
                Ok(url) => Some(url),
                Err(msg) => {
                    err(content_position(text, position_of(&u, 0)), msg, t!("site-organisation-url-hint"));
                    None
                }
            });
            Organisation { name: o.name, url }
        }
        None => Organisation { name: raw.title.clone(), url: None },
    };

    // The browser editor writes an emptied field as `""`: the default.
    let quick_exit = match raw.quick_exit.as_ref().filter(|q| !q.value.trim().is_empty()) {
        None => DEFAULT_QUICK_EXIT.to_owned(),
        Some(q) => {
            let pos = content_position(text, position_of(q, 0));
            match quick_exit_url(&q.value, &base) {
                Ok(url) => url,
                Err(msg) => {
                    err(pos, msg, t!("site-quick-exit-hint"));
                    DEFAULT_QUICK_EXIT.to_owned()
                }
            }
        }
    };
    let safety_page = raw.safety_page.as_ref().filter(|p| !p.value.trim().is_empty()).map(|p| (p.value.trim().to_owned(), content_position(text, position_of(p, 0))));

    let cms = raw.cms.and_then(|c| super::cms::parse_field(c, text).map_err(|d| diags.extend(d)).ok());
    let (broadcast_minutes, abbreviations) = match raw.broadcast {
        None => (DEFAULT_BROADCAST_MINUTES, BTreeMap::new()),
        Some(b) => {
            let minutes = match &b.max_minutes {
                Some(m) if m.value == 0 => {
                    diags.push(
                        Diagnostic::error(file, content_position(text, position_of(m, 0)), t!("site-broadcast-max-minutes"))
                            .with_hint(t!("site-broadcast-max-minutes-hint"))
                            .with_source(text),
                    );
                    DEFAULT_BROADCAST_MINUTES
                }
                Some(m) => m.value.min(24 * 60),
                None => DEFAULT_BROADCAST_MINUTES,
            };
            (minutes, b.abbreviations)
        }
    };

    if diags.has_errors() {
        return Err(diags);
    }
    Ok(Site {
        title: raw.title,
        description: raw.description,
        base_url,
        base_path,
        base,
        languages,
        theme,
        theme_position,
        organisation,
        hotlines,
        allow_raw_html: raw.allow_raw_html,
        broadcast_max_seconds: broadcast_minutes * 60,
        abbreviations,
        share_cards: raw.share_cards.unwrap_or(true),
        print_shop: raw.leaflets.is_some_and(|l| l.print_shop),
        search: match &raw.search {
            None => true,
            Some(SearchFile::On(on)) => *on,
            Some(SearchFile::Settings(s)) => s.enabled.unwrap_or(true),
        },
        synonyms: match raw.search {
            Some(SearchFile::Settings(s)) => s.synonyms,
            _ => Vec::new(),
        },
        quick_exit,
        safety_page,
        cms,
    })
}

/// Checks the address of the quick exit: a configuration URL
/// ([`crate::url_policy::config_url`]) that a browser opens as a page
/// (`https:` or `http:`, not `mailto:` or `tel:`) on another site than
/// `base`: an exit to the site itself is no exit.
fn quick_exit_url(written: &str, base: &url::Url) -> Result<String, Msg> {
    let url = crate::url_policy::config_url(written)?;
    let parsed = url::Url::parse(&url).map_err(|e| t!("url-not-absolute", url = written.trim(), detail = e.to_string()))?;
    if !matches!(parsed.scheme(), "https" | "http") {
        return Err(t!("site-quick-exit-not-web", url = written.trim()));
    }
    if parsed.host_str() == base.host_str() {
        return Err(t!("site-quick-exit-same-site", url = written.trim()));
    }
    Ok(url)
}

/// `url` without its user name and password, as the fix to suggest.
fn without_credentials(url: &url::Url) -> String {
    let mut u = url.clone();
    // Only a URL that cannot have a host refuses these; it had one to carry them.
    let _ = u.set_username("");
    let _ = u.set_password(None);
    u.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// A `base_url` with a user name or password, however written (any
        /// scheme, percent-escapes, an empty user), is refused at its column,
        /// and neither the message nor the hint repeats the secret.
        #[test]
        fn credentials_in_base_url_are_refused(
            scheme in "(https?|HTTPS|ftp)",
            user in "[a-zA-Z0-9%._~-]{0,8}",
            secret in proptest::option::of("[a-zA-Z0-9!$&'()*+,;=%._~-]{1,12}"),
            host in "[a-z]{1,8}\\.(vn|org)",
            path in "(/[a-z]{0,6}){0,2}",
        ) {
            proptest::prop_assume!(!user.is_empty() || secret.is_some());
            let auth = match &secret { Some(p) => format!("{user}:{p}@"), None => format!("{user}@") };
            let text = format!("title: T\nbase_url: \"{scheme}://{auth}{host}{path}\"\n");
            let e = parse(&text).expect_err("credentials are refused");
            proptest::prop_assert_eq!(e.iter().filter(|d| d.is_error()).count(), 1, "{}", e);
            let d = e.iter().next().unwrap();
            proptest::prop_assert_eq!(d.location(), "site.yaml:2:12");
            let said = format!("{} {}", d.message(), d.hint().unwrap_or(""));
            if let Some(p) = &secret {
                proptest::prop_assert!(!said.contains(&format!(":{p}@")), "{}", said);
            }
            proptest::prop_assert!(!said.contains(&auth), "{}", said);
        }
    }

    #[test]
    fn minimal_site() {
        let s = parse("title: T\nbase_url: https://example.org/sub\n").unwrap();
        assert_eq!(s.base_url, "https://example.org/sub/");
        assert_eq!(s.base_path, "/sub/");
        assert_eq!(s.languages, vec!["vi"]);
        assert_eq!(s.theme, "default");
    }

    #[test]
    fn hotline_tel() {
        let s = parse("title: T\nbase_url: https://example.org\nhotlines:\n  - number: \"024.3525.662\"\n    label: X\n").unwrap();
        assert_eq!(s.hotlines[0].tel, "0243525662");
        assert_eq!(s.base_path, "/");
    }

    #[test]
    fn quick_exit_is_a_web_page_on_another_site() {
        let site = |extra: &str| parse(&format!("title: T\nbase_url: https://example.org/sub/\n{extra}"));
        assert_eq!(site("").unwrap().quick_exit, DEFAULT_QUICK_EXIT);
        assert_eq!(site("quick_exit: \"\"\n").unwrap().quick_exit, DEFAULT_QUICK_EXIT, "the browser editor's empty field");
        assert_eq!(site("quick_exit: HTTPS://Weather.example/ha-noi\n").unwrap().quick_exit, "https://weather.example/ha-noi");
        for bad in ["tel:111", "mailto:a@b.vn", "javascript:alert(1)", "https://example.org/elsewhere/", "http://EXAMPLE.org", "weather.example"] {
            let e = site(&format!("quick_exit: {bad}\n")).unwrap_err();
            let d = e.iter().next().unwrap();
            assert_eq!((e.iter().count(), d.location()), (1, "site.yaml:3:13".to_owned()), "{bad}: {e}");
        }
        assert_eq!(site("safety_page: pages/a.md\n").unwrap().safety_page.map(|p| p.0), Some("pages/a.md".to_owned()));
        assert_eq!(site("safety_page: \"\"\n").unwrap().safety_page, None);
    }

    #[test]
    fn print_shop_copies_are_asked_for() {
        let site = |extra: &str| parse(&format!("title: T\nbase_url: https://example.org/sub/\n{extra}"));
        assert!(!site("").unwrap().print_shop);
        assert!(site("leaflets: {print_shop: true}\n").unwrap().print_shop);
        assert!(!site("leaflets:\n  print_shop: false\n").unwrap().print_shop);
        for (bad, at) in [("leaflets: {print_shop: yes please}\n", "site.yaml:3:11"), ("leaflets:\n  bleed: 5\n", "site.yaml:4:3"), ("leaflets: true\n", "site.yaml:3:11")] {
            let e = site(bad).unwrap_err();
            let d = e.iter().next().unwrap();
            assert_eq!((e.iter().count(), d.location()), (1, at.to_owned()), "{bad}: {e}");
        }
    }

    proptest::proptest! {
        /// Whatever a person writes for `print_shop` that is not `true` or
        /// `false` (yes, có, 1, a list, a date…) is one error at its line and
        /// column that says what it takes; never a panic, never a silent yes.
        #[test]
        fn print_shop_takes_true_or_false_only(value in "[a-zA-Z0-9 ,.:-]{1,12}|\\[[a-z0-9, ]{0,8}\\]|có|không|yes|no|on|off|1|0") {
            let text = format!("title: T\nbase_url: https://example.org/\nleaflets:\n  print_shop: {value}\n");
            // Written as people write YAML: one scalar or flow list after the key.
            proptest::prop_assume!(!value.starts_with([' ', '-', ',']) && !value.contains(": ") && !value.ends_with(':'));
            let read: Result<BTreeMap<String, Option<bool>>, _> = serde_saphyr::from_str(&format!("v: {value}\n"));
            proptest::prop_assume!(!matches!(read.as_ref().ok().and_then(|m| m.get("v")), Some(None)), "empty: no setting");
            let is_bool = matches!(read.as_ref().ok().and_then(|m| m.get("v")), Some(Some(_)));
            match parse(&text) {
                Ok(s) => proptest::prop_assert!(is_bool, "{value:?} taken as {}", s.print_shop),
                Err(e) => {
                    proptest::prop_assert!(!is_bool, "{value:?}: {e}");
                    let d = e.iter().next().unwrap();
                    proptest::prop_assert_eq!(e.iter().count(), 1, "{}", e);
                    proptest::prop_assert_eq!(d.location(), "site.yaml:4:15".to_owned(), "{}", e);
                    proptest::prop_assert!(d.message().contains("`true`"), "{}", e);
                }
            }
        }
    }

    #[test]
    fn errors_are_located() {
        let e = parse("title: T\nbase_url: example.org\nlanguages: [vi, EN]\nhotlines:\n  - number: call us\n    label: X\n").unwrap_err();
        let locs: Vec<String> = e.iter().map(|d| d.location()).collect();
        assert_eq!(locs, vec!["site.yaml:2:11", "site.yaml:3:12", "site.yaml:5:13"]);
    }
}
