//! Where everything is published: every URL and output path rule in one
//! place. Pages (`/`, `/en/`, `/<campaign>/`, `/<campaign>/<page>/`,
//! `/<page>/`), feeds, calendars (and their `webcal://` addresses), the
//! widgets under `embed/`, the leaflets under `leaflets/`, and the names loa
//! reserves for its own output.
//!
//! A URL *path* starts with the site's base path (`/` or `/campaign/`) and
//! ends in `/` for pages; an output *path* is relative to the output folder.

use crate::load::content::{LeafletFormat, Page, PageKind, PAGES_DIR};
use crate::load::site::Site;

/// The combined calendar, relative to the output folder.
pub const CALENDAR: &str = "calendar.ics";
/// The schedule as data.
pub const SCHEDULE_JSON: &str = "schedule.json";
/// What the output is as of, and when to rebuild; also loa's output marker.
pub const BUILD_JSON: &str = "build.json";
/// The sitemap.
pub const SITEMAP: &str = "sitemap.xml";
/// Rules for crawlers.
pub const ROBOTS: &str = "robots.txt";
/// The page for addresses that do not exist.
pub const NOT_FOUND: &str = "404.html";
/// The folder of the widgets for newspapers.
pub const EMBED_DIR: &str = "embed";
/// The folder of the leaflets.
pub const LEAFLETS_DIR: &str = "leaflets";
/// The list of leaflets by content hash, inside the output.
pub const LEAFLET_MANIFEST: &str = "leaflets/manifest.json";
/// The folder of the leaflet bundles (ZIP files). No leaflet can land in
/// it, even for a campaign named `bundles`: leaflet files and folders are
/// named `<page>-<format>…`, bundles `*.zip`, in `campaigns/`, `localities/`.
pub const BUNDLES_DIR: &str = "leaflets/bundles";
/// The list of bundles by the hash of what is in them, inside the output.
pub const BUNDLE_MANIFEST: &str = "leaflets/bundles/manifest.json";
/// The folder of the widgets' oEmbed responses, under `embed/`.
pub const OEMBED_DIR: &str = "embed/oembed";
/// The list of oEmbed endpoints in the format of oembed.com's
/// `providers.json`, for a CMS that wants endpoints rather than discovery.
pub const OEMBED_PROVIDERS: &str = "embed/oembed/providers.json";
/// The name of the widget of every campaign: `embed/schedule.html`, `embed/oembed/schedule.json`.
pub const SCHEDULE_WIDGET: &str = "schedule";
/// The folder of the print box for newspapers, under `embed/`.
pub const PRINT_DIR: &str = "embed/print";
/// The browser editor's page (only when `site.yaml` has `cms:`).
pub const ADMIN_INDEX: &str = "admin/index.html";
/// The browser editor's configuration, generated from the site.
pub const ADMIN_CONFIG: &str = "admin/config.yml";
/// Where the editor's own files go in the site, to be published in `admin/`
/// as they are (relative to the site root).
pub const ADMIN_STATIC: &str = "static/admin";

pub use crate::reserved::{why_taken, RESERVED};

/// The URL path of the hub in `lang`: `/`, `/en/`.
pub fn hub(site: &Site, lang: &str) -> String {
    if lang == site.default_language() { site.base_path.clone() } else { format!("{}{lang}/", site.base_path) }
}

/// The URL path of a campaign's home in `lang`: `/<id>/`, `/en/<id>/`.
pub fn campaign(site: &Site, id: &str, lang: &str) -> String {
    format!("{}{id}/", hub(site, lang))
}

/// The URL path of the search page in `lang`: `/tim-kiem/`, `/en/search/`
/// (`slug` is the theme's `search_slug` in that language).
pub fn search(site: &Site, slug: &str, lang: &str) -> String {
    format!("{}{slug}/", hub(site, lang))
}

/// The URL path of a page: `/`, `/en/`, `/<campaign>/`, `/<campaign>/<slug>/`, `/<slug>/`.
pub fn page(site: &Site, page: &Page) -> String {
    let mut url = hub(site, &page.lang);
    match &page.kind {
        PageKind::Hub => {}
        PageKind::CampaignHome(c) => url.push_str(&format!("{c}/")),
        PageKind::CampaignPage(c) => url.push_str(&format!("{c}/{}/", page.slug)),
        PageKind::SitePage => url.push_str(&format!("{}/", page.slug)),
    }
    url
}

/// The absolute URL of a URL path (`/cach-bao-tin/` →
/// `https://…/cach-bao-tin/`), for feeds, canonical links and print.
pub fn absolute(site: &Site, path: &str) -> String {
    format!("{}{}", site.base_url, path.strip_prefix(site.base_path.as_str()).unwrap_or(path))
}

/// The URL path of a file given by its output path (`leaflets/x.pdf` → `/leaflets/x.pdf`).
pub fn of_file(site: &Site, output_path: &str) -> String {
    format!("{}{output_path}", site.base_path)
}

/// The output file of a page's URL path: `/x/` → `x/index.html`.
pub fn index_file(site: &Site, url: &str) -> String {
    let rel = url.strip_prefix(site.base_path.as_str()).unwrap_or(url);
    format!("{rel}index.html")
}

/// `path` (an output path) in `lang`: as it is in the default language,
/// under the language's folder in the others (`feed.xml`, `en/feed.xml`).
fn in_language(site: &Site, lang: &str, path: &str) -> String {
    if lang == site.default_language() { path.to_owned() } else { format!("{lang}/{path}") }
}

/// The Atom feed of `lang`, as an output path: `feed.xml`, `en/feed.xml`.
pub fn feed(site: &Site, lang: &str) -> String {
    in_language(site, lang, "feed.xml")
}

/// A campaign's own calendar, as an output path.
pub fn campaign_calendar(id: &str) -> String {
    format!("{id}/{CALENDAR}")
}

/// The `webcal://` address of a calendar at `output_path`, for "subscribe" links.
pub fn webcal(site: &Site, output_path: &str) -> String {
    let base = &site.base_url;
    let rest = base.split_once("://").map_or(base.as_str(), |(_, r)| r);
    format!("webcal://{rest}{output_path}")
}

/// A widget in `lang`, as an output path: `embed/schedule.html`,
/// `embed/<id>.html` in the default language, `en/embed/<id>.html` in
/// English; `index` is the page of snippets (`embed/index.html`).
pub fn embed(site: &Site, lang: &str, name: &str) -> String {
    in_language(site, lang, &format!("{EMBED_DIR}/{name}.html"))
}

/// The URL path of the page of snippets in `lang`: `/embed/`, `/en/embed/`.
pub fn embed_page(site: &Site, lang: &str) -> String {
    format!("{}{}", site.base_path, in_language(site, lang, &format!("{EMBED_DIR}/")))
}

/// A widget's variant that sets its own height (a few lines of script), as
/// an output path: `embed/auto/schedule.html`, `en/embed/auto/<id>.html`.
pub fn embed_auto(site: &Site, lang: &str, name: &str) -> String {
    in_language(site, lang, &format!("{EMBED_DIR}/auto/{name}.html"))
}

/// A widget's oEmbed response, as an output path: `embed/oembed/schedule.json`,
/// `en/embed/oembed/<id>.json`.
pub fn oembed(site: &Site, lang: &str, name: &str) -> String {
    in_language(site, lang, &format!("{OEMBED_DIR}/{name}.json"))
}

/// The print box as an output path, without extension: `embed/print/lich-<n>-cot`
/// (`n` columns wide), with the language before the extension when it is not
/// the default (`lich-1-cot.en`).
pub fn print_box(columns: u32, lang: &str, default_lang: &str) -> String {
    let lang = if lang == default_lang { String::new() } else { format!(".{lang}") };
    format!("{PRINT_DIR}/lich-{columns}-cot{lang}")
}

/// The bundle of every leaflet (the general versions), as an output path.
pub fn bundle_all() -> String {
    format!("{BUNDLES_DIR}/tat-ca.zip")
}

/// The bundle of the copies for print shops of every leaflet (general
/// versions), as an output path: *nhà in*, print shop.
pub fn bundle_print_shop() -> String {
    format!("{BUNDLES_DIR}/nha-in.zip")
}

/// The bundle of a campaign's leaflets (`Some(id)`) or of the site-wide
/// pages' (`None`), as an output path.
pub fn bundle_group(campaign: Option<&str>) -> String {
    match campaign {
        Some(id) => format!("{BUNDLES_DIR}/campaigns/{id}.zip"),
        None => format!("{BUNDLES_DIR}/{PAGES_DIR}.zip"),
    }
}

/// The bundle of a locality's copies, as an output path.
pub fn bundle_locality(id: &str) -> String {
    format!("{BUNDLES_DIR}/localities/{id}.zip")
}

/// The scheme, host and port of the base URL (`https://baovetreem.hanoi.example`):
/// what a page that embeds a widget checks messages from the widget against.
pub fn origin(site: &Site) -> String {
    let base = site.base_url.as_str();
    match base.split_once("://") {
        Some((scheme, rest)) => format!("{scheme}://{}", rest.split('/').next().unwrap_or("")),
        None => base.trim_end_matches('/').to_owned(),
    }
}

/// The host part of the base URL (`baovetreem.hanoi.example`), for ids.
pub fn host(site: &Site) -> &str {
    let base = site.base_url.as_str();
    base.split_once("://").map_or(base, |(_, r)| r).split('/').next().unwrap_or("loa")
}

/// Where a page's leaflets go: `leaflets/<campaign>` or `leaflets/pages`.
fn leaflet_folder(page: &Page) -> String {
    match page.kind.campaign() {
        Some(c) => format!("{LEAFLETS_DIR}/{c}"),
        None => format!("{LEAFLETS_DIR}/{PAGES_DIR}"),
    }
}

/// The output path of a leaflet without its extension, and of a locality's
/// copy: `leaflets/<campaign>/<page>-<format>[.<lang>]`,
/// `leaflets/<campaign>/<page>-<format>/<locality>[.<lang>]`.
pub fn leaflet_stem(page: &Page, default_lang: &str, format: LeafletFormat, locality: Option<&str>) -> String {
    stem_named(page, default_lang, format.name(), locality)
}

/// The output path, without extension, of a booklet's copy imposed for
/// printing: `leaflets/<campaign>/<page>-booklet-print[.<lang>]`, a
/// locality's `leaflets/<campaign>/<page>-booklet-print/<locality>[.<lang>]`.
pub fn booklet_print_stem(page: &Page, default_lang: &str, locality: Option<&str>) -> String {
    stem_named(page, default_lang, BOOKLET_PRINT, locality)
}

/// What a booklet's imposed copy is named after, in place of a format.
pub const BOOKLET_PRINT: &str = "booklet-print";

/// The output path, without extension, of a leaflet's copy for print shops
/// (bleed, crop marks): `leaflets/<campaign>/<page>-<format>-in-an[.<lang>]`,
/// a locality's `leaflets/<campaign>/<page>-<format>-in-an/<locality>[.<lang>]`.
pub fn print_shop_stem(page: &Page, default_lang: &str, format: LeafletFormat, locality: Option<&str>) -> String {
    stem_named(page, default_lang, &format!("{}-{PRINT_SHOP}", format.name()), locality)
}

/// What marks a copy for print shops after the format: *in ấn*, printing.
pub const PRINT_SHOP: &str = "in-an";

fn stem_named(page: &Page, default_lang: &str, name: &str, locality: Option<&str>) -> String {
    let lang = if page.lang == default_lang { String::new() } else { format!(".{}", page.lang) };
    match locality {
        None => format!("{}/{}-{name}{lang}", leaflet_folder(page), page.slug),
        Some(l) => format!("{}/{}-{name}/{l}{lang}", leaflet_folder(page), page.slug),
    }
}

/// The folder of bulletins for commune radio in `lang`, as an output path
/// ending in `/`: `phat-thanh/`, `en/broadcast/` (`slug` is the theme's
/// `broadcast_slug` in that language).
pub fn broadcast_dir(site: &Site, slug: &str, lang: &str) -> String {
    in_language(site, lang, &format!("{slug}/"))
}

/// The names of the files of a bulletins folder for machines, by language:
/// the air-time calendar, the JSON list and the Atom feed
/// (`lich-phat.ics`, `ban-tin.json`, `ban-tin.xml`; in English
/// `air-times.ics`, `bulletins.json`, `bulletins.xml`).
pub fn broadcast_files(lang: &str) -> [&'static str; 3] {
    if crate::speech::Lang::of(lang) == crate::speech::Lang::Vi {
        ["lich-phat.ics", "ban-tin.json", "ban-tin.xml"]
    } else {
        ["air-times.ics", "bulletins.json", "bulletins.xml"]
    }
}

/// The output path of a bulletin's files without the extension, in its
/// language's folder `dir`: the page's path with `-` for `/`
/// (`phat-thanh/thang-hanh-dong-vi-tre-em-loi-keu-goi`), `trang-chu` or
/// `home` for the hub.
pub fn bulletin_stem(dir: &str, page: &Page) -> String {
    let name = match &page.kind {
        PageKind::Hub => (if crate::speech::Lang::of(&page.lang) == crate::speech::Lang::Vi { "trang-chu" } else { "home" }).to_owned(),
        PageKind::CampaignHome(c) => c.clone(),
        PageKind::CampaignPage(c) => format!("{c}-{}", page.slug),
        PageKind::SitePage => page.slug.clone(),
    };
    format!("{dir}{name}")
}

/// The folder of the search index of `lang`, relative to the output folder.
pub fn search_dir(lang: &str) -> String {
    format!("search/{}", path_segment(lang))
}

/// Keeps a language code usable as one path segment.
pub fn path_segment(lang: &str) -> String {
    let s: String = lang.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
    if s.is_empty() { "und".to_owned() } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> Site {
        crate::load::site::parse("title: T\nbase_url: https://x.example/sub\nlanguages: [vi, en]\n").unwrap()
    }

    fn page(source: &str, kind: PageKind, slug: &str, lang: &str) -> Page {
        Page { source: source.into(), kind, slug: slug.into(), lang: lang.into(), front: Default::default(), body_start: 0, body_line: 0, text: String::new(), bracketed: None }
    }

    #[test]
    fn page_urls() {
        let s = site();
        assert_eq!(super::page(&s, &page("content/_index.md", PageKind::Hub, "", "vi")), "/sub/");
        assert_eq!(super::page(&s, &page("content/_index.en.md", PageKind::Hub, "", "en")), "/sub/en/");
        assert_eq!(super::page(&s, &page("content/c/_index.md", PageKind::CampaignHome("c".into()), "", "vi")), "/sub/c/");
        assert_eq!(super::page(&s, &page("content/c/p.en.md", PageKind::CampaignPage("c".into()), "p", "en")), "/sub/en/c/p/");
        assert_eq!(super::page(&s, &page("content/pages/p.md", PageKind::SitePage, "p", "vi")), "/sub/p/");
        assert_eq!(absolute(&s, "/sub/p/"), "https://x.example/sub/p/");
        assert_eq!(index_file(&s, "/sub/en/c/"), "en/c/index.html");
        assert_eq!(webcal(&s, CALENDAR), "webcal://x.example/sub/calendar.ics");
        assert_eq!(feed(&s, "en"), "en/feed.xml");
        assert_eq!(host(&s), "x.example");
        assert_eq!(origin(&s), "https://x.example");
        assert_eq!(embed(&s, "vi", "index"), "embed/index.html");
        assert_eq!(embed(&s, "en", "tet"), "en/embed/tet.html");
        assert_eq!(embed_page(&s, "vi"), "/sub/embed/");
        assert_eq!(embed_page(&s, "en"), "/sub/en/embed/");
        assert_eq!(embed_auto(&s, "vi", "schedule"), "embed/auto/schedule.html");
        assert_eq!(embed_auto(&s, "en", "schedule"), "en/embed/auto/schedule.html");
        assert_eq!(oembed(&s, "vi", "tet"), "embed/oembed/tet.json");
        assert_eq!(oembed(&s, "en", "tet"), "en/embed/oembed/tet.json");
        assert_eq!(print_box(2, "vi", "vi"), "embed/print/lich-2-cot");
        assert_eq!(print_box(1, "en", "vi"), "embed/print/lich-1-cot.en");
        assert_eq!(bundle_group(Some("tet")), "leaflets/bundles/campaigns/tet.zip");
        assert_eq!(bundle_group(None), "leaflets/bundles/pages.zip");
        assert_eq!(bundle_locality("xa-bat-trang"), "leaflets/bundles/localities/xa-bat-trang.zip");
    }

    #[test]
    fn leaflet_paths() {
        let p = page("content/pages/cach-bao-tin.md", PageKind::SitePage, "cach-bao-tin", "vi");
        assert_eq!(leaflet_stem(&p, "vi", LeafletFormat::A4, None), "leaflets/pages/cach-bao-tin-a4");
        assert_eq!(leaflet_stem(&p, "vi", LeafletFormat::Trifold, Some("xa-bat-trang")), "leaflets/pages/cach-bao-tin-trifold/xa-bat-trang");
        let en = page("content/pages/cach-bao-tin.en.md", PageKind::SitePage, "cach-bao-tin", "en");
        assert_eq!(leaflet_stem(&en, "vi", LeafletFormat::A5, None), "leaflets/pages/cach-bao-tin-a5.en");
        assert_eq!(leaflet_stem(&en, "vi", LeafletFormat::A5, Some("x")), "leaflets/pages/cach-bao-tin-a5/x.en");
        let c = page("content/tet/den.md", PageKind::CampaignPage("tet".into()), "den", "vi");
        assert_eq!(leaflet_stem(&c, "vi", LeafletFormat::A5, None), "leaflets/tet/den-a5");
        assert_eq!(leaflet_stem(&c, "vi", LeafletFormat::PosterA3, None), "leaflets/tet/den-poster-a3");
        assert_eq!(booklet_print_stem(&en, "vi", None), "leaflets/pages/cach-bao-tin-booklet-print.en");
        assert_eq!(booklet_print_stem(&p, "vi", Some("x")), "leaflets/pages/cach-bao-tin-booklet-print/x");
    }
}
