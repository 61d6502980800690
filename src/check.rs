//! Check: everything that can be wrong with a site whatever the day, for
//! every page — drafts and pages outside their window included — once.
//!
//! `loa check` is load + this; `loa build` and `loa serve` run it too, so a
//! page that goes live next month is checked today, not on the morning its
//! embargo lifts. Rendering for a day then only renders. What is checked:
//!
//! - links and anchors between pages ([`LinkTable::check_page`]);
//! - page URLs that collide with a campaign, a language or a name loa writes;
//! - windows on pages that are always published (hubs, campaign homes);
//! - a page's `image` without its text alternative `image_alt`;
//! - campaigns that never happen;
//! - leaflets: keys that do nothing or need a file the site lacks, templates
//!   the theme lacks, and every character a leaflet prints against the
//!   theme's fonts, located in the file it is written in;
//! - the print box for newspapers: every character it prints (campaign
//!   titles, hotlines, the site's title) against the same fonts;
//! - bulletins for commune radio (`broadcast:`): what cannot be read aloud,
//!   and a bulletin that takes longer to read than the site allows.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Diagnostics, Position};
use crate::i18n::Msg;
use crate::t;
use crate::links::{LinkTable, Target};
use crate::load::content::{Page, PageKind, Variants};
use crate::load::fonts::{self, Fonts};
use crate::load::images;
use crate::load::{calendar, localities, site, Inputs};
use crate::markdown::blocks;
use crate::time::{format, occurrence, Occurrence};
use crate::urls;

/// What the checks found: the whole site's findings, and each page's own,
/// kept apart so that an edit to a page's text is checked again by that page
/// (and the pages whose links point into it) alone.
#[derive(Debug, Clone, Default)]
pub struct Findings {
    /// About the site as a whole: names, windows, campaigns, leaflet keys,
    /// the texts around leaflets and the print box, the theme's warnings.
    site: Diagnostics,
    /// Files of `content/` no page links.
    unlinked: Diagnostics,
    /// Each page's own, by page index: its links and anchors, its raw HTML,
    /// its pictures, the characters its leaflet prints.
    pages: Vec<Vec<Diagnostic>>,
}

impl Findings {
    /// Everything found, sorted (errors and warnings together).
    pub fn all(&self) -> Diagnostics {
        let mut all = self.site.clone();
        all.extend(self.unlinked.iter().cloned());
        for page in &self.pages {
            all.extend(page.iter().cloned());
        }
        all.sort();
        all
    }
}

/// Checks the loaded site. `fonts` are the theme's leaflet fonts, loaded
/// when some page has `leaflet:` or the site has campaigns.
pub fn check(inputs: &Inputs, links: &LinkTable, fonts: Option<&Fonts>) -> Findings {
    use rayon::prelude::*;
    let t = crate::timings::Timings::from_env("      check ");
    let pages = (0..inputs.content.pages.len()).into_par_iter().map(|i| check_page(inputs, links, fonts, i)).collect();
    t.lap("every page");
    let site = check_site(inputs, fonts);
    t.lap("the site");
    let unlinked = unlinked_files(inputs, links);
    t.lap("unlinked files");
    Findings { site, unlinked, pages }
}

/// Checks again after the *text* of pages `changed` changed, their front
/// matter as it was (the caller rescans their links first): those pages, the
/// pages with a link to a heading in one of them, and which files are linked.
/// What depends on front matter alone (names, windows, leaflet keys…) stands.
pub fn recheck_text(findings: &mut Findings, inputs: &Inputs, links: &LinkTable, fonts: Option<&Fonts>, changed: &[usize]) {
    // Where a link points does not depend on the text of the page it points
    // to, so the pages that link to a heading of a changed page are known.
    let mut again: BTreeSet<usize> = changed.iter().copied().collect();
    for j in 0..inputs.content.pages.len() {
        let to_a_heading = |t: &Result<Target, Msg>| matches!(t, Ok(Target::Page(p, Some(_))) if changed.contains(p));
        if links.resolved(j).links.iter().any(to_a_heading) {
            again.insert(j);
        }
    }
    for i in again {
        if i < findings.pages.len() {
            findings.pages[i] = check_page(inputs, links, fonts, i);
        }
    }
    findings.unlinked = unlinked_files(inputs, links);
}

/// The checks of one page (by index): its links and anchors, the remote
/// loads in its raw HTML, its pictures, and the characters its leaflet
/// prints from its own text.
fn check_page(inputs: &Inputs, links: &LinkTable, fonts: Option<&Fonts>, i: usize) -> Vec<Diagnostic> {
    let mut diags = Diagnostics(links.check_page(&inputs.content, i));
    remote_loads(inputs, links, i, &mut diags);
    pictures(inputs, links, i, &mut diags);
    spaced_targets(inputs, links, i, &mut diags);
    if let Some(fonts) = fonts {
        page_glyphs(inputs, links, fonts, i, &mut diags);
    }
    bulletin(inputs, i, &mut diags);
    diags.0
}

/// Link and picture targets written with spaces and without `<…>`
/// ([`crate::markdown::spaced`]) that name a file or page: read as such, and
/// a note that other Markdown tools need the `<…>` form. (One that names
/// nothing is the link check's error.) For page `i`.
fn spaced_targets(inputs: &Inputs, links: &LinkTable, i: usize, diags: &mut Diagnostics) {
    let page = &inputs.content.pages[i];
    let Some(b) = &page.bracketed else { return };
    let found = links.scans[i].links.iter().zip(&links.resolved(i).links);
    let resolved: BTreeSet<&str> = found.filter(|(_, t)| t.is_ok()).map(|(l, _)| l.dest.as_str()).collect();
    for (offset, target) in &b.targets {
        if resolved.contains(target.as_str()) {
            diags.push(
                Diagnostic::note(&page.source, Some(page.written_position(*offset)), t!("content-spaced-target", target = target.as_str()))
                    .with_hint(t!("content-spaced-target-hint", target = target.as_str()))
                    .with_source(&page.text),
            );
        }
    }
}

/// A bulletin for commune radio: what cannot be read aloud (warnings, where
/// it is written) and a bulletin longer than the site allows (an error at
/// `broadcast:`).
fn bulletin(inputs: &Inputs, i: usize, diags: &mut Diagnostics) {
    use crate::speech::Unreadable;
    let page = &inputs.content.pages[i];
    let Some(b) = &page.front.broadcast else { return };
    let spoken = crate::load::broadcast::read_aloud(&inputs.site, &inputs.theme, page, b);
    let said = &spoken.speech;
    for w in &said.warnings {
        let (msg, hint) = match &w.what {
            Unreadable::Abbreviation(a) => (t!("check-broadcast-abbreviation", value = a.as_str()), t!("check-broadcast-abbreviation-hint")),
            Unreadable::Emoji(e) => (t!("check-broadcast-emoji", value = e.as_str()), t!("check-broadcast-emoji-hint")),
            Unreadable::Table => (t!("check-broadcast-table"), t!("check-broadcast-table-hint")),
            Unreadable::Code => (t!("check-broadcast-code"), t!("check-broadcast-code-hint")),
            Unreadable::Html => (t!("check-broadcast-html"), t!("check-broadcast-html-hint")),
        };
        diags.push(Diagnostic::warning(&page.source, Some(page.body_position(w.offset)), msg).with_hint(hint).with_source(&page.text));
    }
    let seconds = spoken.seconds;
    let limit = inputs.site.broadcast_max_seconds;
    if seconds > limit {
        diags.push(
            Diagnostic::error(&page.source, page.front.position("broadcast"), t!("check-broadcast-too-long", minutes = seconds / 60, seconds = seconds % 60, limit = limit / 60))
                .with_hint(t!("check-broadcast-too-long-hint"))
                .with_source(&page.text),
        );
    }
}

/// The checks of the site as a whole, which a page's text does not change.
fn check_site(inputs: &Inputs, fonts: Option<&Fonts>) -> Diagnostics {
    let mut diags = Diagnostics::new();
    names(inputs, &mut diags);
    same_names(&inputs.content.pages, &mut diags);
    audiences(inputs, &mut diags);
    windows(inputs, &mut diags);
    cms(inputs, &mut diags);
    campaigns(inputs, &mut diags);
    leaflets(inputs, &mut diags);
    static_pictures(inputs, &mut diags);
    if let Some(fonts) = fonts {
        glyphs_around_leaflets(inputs, fonts, &mut diags);
        print_glyphs(inputs, fonts, &mut diags);
    }
    diags.extend(inputs.theme.warnings.iter().cloned());
    diags.extend(inputs.content.warnings.iter().cloned());
    diags.extend(inputs.static_warnings.iter().cloned());
    diags
}

/// Every picture of `static/` (judged by its bytes, whatever its name) is
/// one loa reads and accepts, from its header: an error at the file, as
/// `loa build` would give.
fn static_pictures(inputs: &Inputs, diags: &mut Diagnostics) {
    for asset in inputs.statics.iter().filter(|a| a.kind.is_raster()) {
        if let Err(why) = images::check(&inputs.root.join(&asset.source), asset.kind) {
            let what = asset.source.display().to_string();
            diags.push(Diagnostic::error(&asset.source, None, t!("check-picture-bad", picture = what.as_str(), why = why)).with_hint(t!("check-picture-bad-hint")));
        }
    }
}

/// Files of `content/` that no page links, whatever the day: they are never
/// published.
fn unlinked_files(inputs: &Inputs, links: &LinkTable) -> Diagnostics {
    let mut diags = Diagnostics::new();
    let used: BTreeSet<&str> = (0..inputs.content.pages.len()).flat_map(|i| links.files_linked_by(i)).collect();
    for a in inputs.content.assets.iter().filter(|a| !used.contains(a.output.as_str())) {
        diags.push(
            Diagnostic::warning(&a.source, None, t!("check-unlinked-file"))
                .with_hint(t!("check-unlinked-file-hint")),
        );
    }
    diags
}

/// Pictures: every image has a text alternative (a warning at the image
/// without one); a page's `image:` is a picture beside the page, with its
/// `image_alt`; and every raster picture a page shows or links is an image
/// loa reads, not larger than it accepts (from its header; an error at the
/// page's first link to it). For page `i`.
fn pictures(inputs: &Inputs, links: &LinkTable, i: usize, diags: &mut Diagnostics) {
    let page = &inputs.content.pages[i];
    let resolved = links.resolved(i);
    let mut checked: BTreeSet<&str> = BTreeSet::new();
    let asset = |out: &str| inputs.content.assets.iter().find(|a| a.output == out);
    let mut check_file = |out: &str, pos: Option<Position>, what: &str, diags: &mut Diagnostics| {
        let Some(asset) = asset(out) else { return };
        if !asset.kind.is_raster() || !checked.insert(asset.output.as_str()) {
            return;
        }
        if let Err(why) = images::check(&inputs.root.join(&asset.source), asset.kind) {
            diags.push(
                Diagnostic::error(&page.source, pos, t!("check-picture-bad", picture = what, why = why))
                    .with_hint(t!("check-picture-bad-hint"))
                    .with_source(&page.text),
            );
        }
    };
    for (link, target) in links.scans[i].links.iter().zip(&resolved.links) {
        // Where the link is, worked out only for a diagnostic (it counts the
        // lines before it).
        let pos = || Some(page.body_position(link.offset));
        if link.image && link.alt.trim().is_empty() {
            diags.push(
                Diagnostic::warning(&page.source, pos(), t!("check-image-no-alt", picture = link.dest.as_str()))
                    .with_hint(t!("check-image-no-alt-hint"))
                    .with_source(&page.text),
            );
        }
        if let Ok(Target::Asset(out)) = target {
            check_file(out, pos(), &link.dest, diags);
        }
    }
    let (Some(dest), Some(target)) = (page.front.image.as_deref(), &resolved.image) else { return };
    let at = page.front.position("image");
    let err = |msg: Msg, hint: Msg| Diagnostic::error(&page.source, at, msg).with_hint(hint).with_source(&page.text);
    if page.front.image_alt.as_deref().is_none_or(|a| a.trim().is_empty()) && !page.front.rejected.contains("image_alt") {
        diags.push(err(t!("check-image-alt-missing"), t!("check-image-alt-missing-hint")));
    }
    match target {
        Ok(Target::Asset(out)) => {
            if asset(out).is_some_and(|a| a.kind.is_picture()) {
                check_file(out, at, dest, diags);
            } else {
                diags.push(err(t!("check-not-a-picture", picture = dest), t!("check-not-a-picture-hint")));
            }
        }
        Ok(Target::External(_)) => diags.push(err(t!("check-picture-remote", picture = dest), t!("check-picture-remote-hint"))),
        Ok(_) => diags.push(err(t!("check-not-a-picture", picture = dest), t!("check-not-a-picture-hint"))),
        Err(msg) => diags.push(err(msg.clone(), t!("check-picture-missing-hint"))),
    }
}

/// Whether the theme's fonts are needed: some page (any, whatever the day)
/// asks for leaflets, or the site has campaigns (the print box lists them).
pub fn needs_fonts(inputs: &Inputs) -> bool {
    inputs.site.share_cards || !inputs.calendar.campaigns.is_empty() || inputs.content.pages.iter().any(|p| !p.front.leaflet.is_empty() || p.front.broadcast.is_some())
}

/// Raw HTML that would make a reader's browser load something from another
/// host (an image, a video's poster, a stylesheet, CSS, a `srcdoc`, a meta
/// refresh…, see [`crate::html_loads`]), however the URL is spelt. The
/// render drops it too; this says where it is, and holds even
/// with `allow_raw_html: true`. For page `i`.
fn remote_loads(inputs: &Inputs, links: &LinkTable, i: usize, diags: &mut Diagnostics) {
    let base = &inputs.site.base;
    let (page, scan) = (&inputs.content.pages[i], &links.scans[i]);
    {
        for (offset, html) in &scan.raw_html {
            for found in crate::html_loads::remote_loads(html, base) {
                diags.push(
                    Diagnostic::error(&page.source, Some(page.body_position(*offset)), t!("check-remote-html", found = found.as_str()))
                        .with_hint(t!("check-remote-html-hint"))
                        .with_source(&page.text),
                );
            }
        }
    }
}

/// Names loa gives its own output, that a page or a file of `content/` may
/// not take: the reserved names and the languages' codes (campaign ids are
/// checked as the calendar is read).
fn names(inputs: &Inputs, diags: &mut Diagnostics) {
    let site = &inputs.site;
    let taken = |name: &str| urls::why_taken(name, &site.languages);
    for a in &inputs.content.assets {
        let top = a.output.split('/').next().unwrap_or("");
        if let Some(why) = taken(top) {
            diags.push(Diagnostic::error(&a.source, None, t!("check-file-name-taken", output = a.output.as_str(), why = why)).with_hint(t!("check-rename-file")));
        }
    }
    let ids: BTreeSet<&str> = inputs.calendar.campaigns.iter().map(|c| c.id.as_str()).collect();
    for page in inputs.content.pages.iter().filter(|p| p.kind == PageKind::SitePage) {
        let clash = if ids.contains(page.slug.as_str()) {
            Some(t!("check-page-is-campaign", slug = page.slug.as_str()))
        } else if site.languages.contains(&page.slug) {
            Some(t!("check-page-is-language", slug = page.slug.as_str()))
        } else if urls::RESERVED.contains(&page.slug.as_str()) {
            Some(t!("check-page-reserved", slug = page.slug.as_str()))
        } else {
            None
        };
        if let Some(msg) = clash {
            diags.push(Diagnostic::error(&page.source, None, msg).with_hint(t!("check-rename-file")));
        }
    }
}

/// Two pages of one folder and language whose file names give the same URL
/// name (`Phòng chống xâm hại.md` and `phong-chong-xam-hai.md`): an error
/// naming both.
fn same_names(pages: &[Page], diags: &mut Diagnostics) {
    let mut seen: std::collections::HashMap<(&PageKind, &str, &str), &Page> = std::collections::HashMap::new();
    for p in pages.iter().filter(|p| !p.slug.is_empty()) {
        if let Some(first) = seen.insert((&p.kind, p.slug.as_str(), p.lang.as_str()), p) {
            diags.push(
                Diagnostic::error(&p.source, p.front.position("slug"), t!("check-same-slug", other = &first.source, slug = p.slug.as_str()))
                    .with_hint(t!("check-same-slug-hint")),
            );
        }
    }
}

/// Every audience a page names must be one the theme has a label for.
fn audiences(inputs: &Inputs, diags: &mut Diagnostics) {
    let known = inputs.theme.audiences();
    for p in &inputs.content.pages {
        for a in p.front.audience.iter().filter(|a| !known.contains(a)) {
            let label = format!("audience_{}", a.replace('-', "_"));
            let hint = match crate::diag::did_you_mean(a, known.iter().map(String::as_str)) {
                Some(s) => t!("check-audience-did-you-mean", audience = s, label = label),
                None => t!("check-audience-hint", label = label),
            };
            diags.push(
                Diagnostic::error(&p.source, p.front.position("audience"), t!("check-unknown-audience", audience = a, groups = known.join(", ")))
                    .with_hint(hint)
                    .with_source(&p.text),
            );
        }
    }
}

/// Hubs and campaign homes are always published: no window.
fn windows(inputs: &Inputs, diags: &mut Diagnostics) {
    for page in inputs.content.pages.iter().filter(|p| is_home(p)) {
        if page.front.publish.is_some() || page.front.expire.is_some() {
            let pos = page.front.position("publish").or(page.front.position("expire"));
            diags.push(
                Diagnostic::error(&page.source, pos, t!("check-home-window"))
                    .with_hint(t!("check-home-window-hint"))
                    .with_source(&page.text),
            );
        }
    }
}

/// The browser editor (`cms:` in `site.yaml`): its self-hosted script must be
/// in `static/admin/`, and Decap CMS, which opens a translated site's
/// `x.md` pages as empty forms, needs them named `x.vi.md`.
fn cms(inputs: &Inputs, diags: &mut Diagnostics) {
    use crate::load::cms::{Editor, Script};
    let site = &inputs.site;
    let Some(cms) = &site.cms else { return };
    let text = inputs.text_of(site::FILE);
    let script = format!("{}/{}", urls::ADMIN_STATIC, cms.editor.script());
    if cms.script == Script::SelfHosted && !inputs.statics.iter().any(|a| a.source == Path::new(&script)) {
        diags.push(
            Diagnostic::warning(site::FILE, cms.position, t!("check-cms-script-missing", script = script.as_str()))
                .with_hint(t!("check-cms-script-missing-hint", folder = urls::ADMIN_STATIC, package = cms.editor.package(), version = cms.editor.version()))
                .with_source(text),
        );
    }
    if cms.editor == Editor::Decap && site.languages.len() > 1 {
        let default = site.default_language();
        let plain: Vec<&Page> = inputs.content.pages.iter().filter(|p| p.lang == default && !p.source.to_string_lossy().ends_with(&format!(".{default}.md"))).collect();
        if let Some(first) = plain.first() {
            diags.push(
                Diagnostic::warning(&first.source, None, t!("check-decap-plain-names", others = plain.len() - 1))
                    .with_hint(t!("check-decap-plain-names-hint", lang = default)),
            );
        }
    }
}

/// A campaign whose `when` and `years` give no occurrence at all.
fn campaigns(inputs: &Inputs, diags: &mut Diagnostics) {
    for c in &inputs.calendar.campaigns {
        if occurrence::of_campaign(&c.timing, 1900, 2200).is_empty() {
            diags.push(
                Diagnostic::warning(Path::new(calendar::FILE), c.position, t!("check-campaign-never", id = c.id.as_str()))
                    .with_hint(t!("check-campaign-never-hint"))
                    .with_source(inputs.text_of(calendar::FILE)),
            );
        }
    }
}

fn is_home(page: &Page) -> bool {
    matches!(page.kind, PageKind::Hub | PageKind::CampaignHome(_))
}

/// The pages that make leaflets: campaign pages and site-wide pages with
/// `leaflet:` (hubs do not).
pub fn leaflet_pages(inputs: &Inputs) -> impl Iterator<Item = (usize, &Page)> {
    inputs.content.pages.iter().enumerate().filter(|(_, p)| !p.front.leaflet.is_empty() && !is_home(p))
}

/// Front-matter keys about leaflets that do nothing or need what the site lacks.
fn leaflets(inputs: &Inputs, diags: &mut Diagnostics) {
    let mut formats = BTreeSet::new();
    for p in &inputs.content.pages {
        let at = |key: &str| p.front.position(key);
        if p.front.variants.is_some() && p.front.leaflet.is_empty() && !p.front.rejected.contains("leaflet") {
            diags.push(
                Diagnostic::warning(&p.source, at("variants"), t!("check-variants-alone"))
                    .with_hint(t!("check-variants-alone-hint"))
                    .with_source(&p.text),
            );
        }
        if p.front.leaflet.is_empty() {
            continue;
        }
        if p.front.variants == Some(Variants::Localities) && inputs.localities.is_none() {
            diags.push(
                Diagnostic::error(&p.source, at("variants"), t!("check-no-localities"))
                    .with_hint(t!("check-no-localities-hint"))
                    .with_source(&p.text),
            );
        }
        if is_home(p) {
            diags.push(
                Diagnostic::warning(&p.source, at("leaflet"), t!("check-leaflet-of-home"))
                    .with_hint(t!("check-leaflet-of-home-hint"))
                    .with_source(&p.text),
            );
            continue;
        }
        formats.extend(p.front.leaflet.iter().copied());
    }
    let theme = &inputs.theme;
    for f in formats {
        let name = f.template();
        if !theme.leaflets.contains_key(&name) {
            diags.push(
                Diagnostic::error(format!("themes/{}/leaflets/{name}", theme.name), None, t!("check-no-leaflet-template", format = f.name()))
                    .with_hint(t!("check-no-leaflet-template-hint")),
            );
        }
    }
}

/// Characters found in one file, each with where it is first written.
struct Finds {
    /// By file: its text, and the characters no font has.
    by_file: BTreeMap<PathBuf, (String, BTreeSet<char>)>,
}

impl Finds {
    /// Notes every character of `text` no font has, as written in `file`
    /// (whose whole text is `source`).
    fn scan(&mut self, fonts: &Fonts, file: &Path, source: &str, text: &str) {
        let missing = fonts.missing(text);
        if missing.is_empty() {
            return;
        }
        let entry = self.by_file.entry(file.to_path_buf()).or_insert_with(|| (source.to_owned(), BTreeSet::new()));
        entry.1.extend(missing);
    }
}

/// Every character that the leaflets of page `i` print from the page itself
/// (title, summary, text with its links as printed), checked against the
/// theme's fonts, whatever the day; and a list nested deeper than print
/// allows. One error per character, at the first place it is written.
fn page_glyphs(inputs: &Inputs, links: &LinkTable, fonts: &Fonts, i: usize, diags: &mut Diagnostics) {
    let page = &inputs.content.pages[i];
    if page.front.leaflet.is_empty() || is_home(page) {
        return;
    }
    let site = &inputs.site;
    let mut finds = Finds { by_file: BTreeMap::new() };
    // Links as if every page were published: the widest text the page can print.
    let url = |t: usize| Some(urls::page(site, &inputs.content.pages[t]));
    let link = |dest: &str| links.url(site, page, dest, true, &url).filter(|u| !u.starts_with('#'));
    let body = blocks::body(page.body(), &link, &|_| None);
    let mut text = format!("{}\n{}\n", page.front.title, page.front.summary.as_deref().unwrap_or(""));
    text.push_str(&body.text());
    finds.scan(fonts, &page.source, &page.text, &text);
    if let Some(offset) = body.too_deep {
        diags.push(
            Diagnostic::warning(&page.source, Some(page.body_position(offset)), t!("check-nested-too-deep", depth = blocks::MAX_DEPTH))
                .with_hint(t!("check-nested-too-deep-hint"))
                .with_source(&page.text),
        );
    }
    finds.report(fonts, &inputs.theme.name, || t!("check-glyph-leaflet"), diags);
}

/// Every character that leaflets print around their pages, checked against
/// the theme's fonts: in each language some leaflet is made in (whatever the
/// day), the site's title and hotlines, the titles of the campaigns with
/// leaflets, the localities, the theme's strings and dates as loa writes
/// them. One error per character and file, at the first place it is written.
fn glyphs_around_leaflets(inputs: &Inputs, fonts: &Fonts, diags: &mut Diagnostics) {
    let pages: Vec<(usize, &Page)> = leaflet_pages(inputs).collect();
    if pages.is_empty() {
        return;
    }
    let site = &inputs.site;
    let def = site.default_language();
    let theme = &inputs.theme;
    let mut finds = Finds { by_file: BTreeMap::new() };
    let mut langs: BTreeSet<&str> = BTreeSet::new();
    let mut campaigns: BTreeSet<&str> = BTreeSet::new();
    let mut audiences: BTreeSet<(&str, &str)> = BTreeSet::new();
    let mut with_localities = BTreeSet::new();
    for &(_, page) in &pages {
        langs.insert(&page.lang);
        campaigns.extend(page.kind.campaign());
        for a in &page.front.audience {
            audiences.insert((&page.lang, a));
        }
        if page.front.variants == Some(Variants::Localities) {
            with_localities.insert(page.lang.as_str());
        }
    }
    let site_file = Path::new(site::FILE);
    let site_text = inputs.text_of(site::FILE);
    for lang in &langs {
        let mut text = vec![site.title.get(lang, def).to_owned(), site.organisation.name.get(lang, def).to_owned(), site.base_url.clone()];
        for h in &site.hotlines {
            text.push(h.number.clone());
            text.push(h.label.get(lang, def).to_owned());
            text.push(h.label.get(def, def).to_owned());
            text.extend(h.note.as_ref().map(|n| n.get(lang, def).to_owned()));
        }
        finds.scan(fonts, site_file, site_text, &text.join("\n"));
        let titles: Vec<&str> =
            inputs.calendar.campaigns.iter().filter(|c| campaigns.contains(c.id.as_str())).map(|c| c.title.get(lang, def)).collect();
        finds.scan(fonts, Path::new(calendar::FILE), inputs.text_of(calendar::FILE), &titles.join("\n"));
        // The theme's strings a leaflet prints, and dates as loa writes them.
        let mut strings: Vec<String> = theme.strings.get(*lang).into_iter().flatten().filter(|(k, _)| k.starts_with("leaflet_")).map(|(_, v)| v.clone()).collect();
        let theirs: Vec<String> = audiences.iter().filter(|(l, _)| l == lang).map(|(_, a)| (*a).to_owned()).collect();
        strings.extend(theme.audience_labels(lang, &theirs));
        strings.push(theme.string(def, "leaflet_111_label").to_owned());
        strings.push(sample_dates(lang));
        match theme.string_files.get(*lang) {
            Some(f) => finds.scan(fonts, &f.origin.display(), &f.text, &strings.join("\n")),
            None => finds.scan(fonts, &PathBuf::from(format!("themes/{}/i18n", theme.name)), "", &strings.join("\n")),
        }
    }
    if let Some(locs) = &inputs.localities {
        for lang in &with_localities {
            let mut text = Vec::new();
            for l in locs {
                text.push(l.name.get(lang, def).to_owned());
                text.extend(l.contact.as_ref().map(|c| c.get(lang, def).to_owned()));
                text.extend(l.phone.clone());
                text.extend(l.address.as_ref().map(|a| a.get(lang, def).to_owned()));
            }
            finds.scan(fonts, Path::new(localities::FILE), inputs.text_of(localities::FILE), &text.join("\n"));
        }
    }
    finds.report(fonts, &theme.name, || t!("check-glyph-leaflet"), diags);
}

impl Finds {
    /// One error per character and file, at the first place it is written;
    /// `what` is what cannot show it (`the leaflet`).
    fn report(self, fonts: &Fonts, theme: &str, what: impl Fn() -> Msg, diags: &mut Diagnostics) {
        let families = fonts.families().join(", ");
        for (file, (source, chars)) in self.by_file {
            for c in chars {
                let pos = source.find(c).map(|off| Position::of_offset(&source, off));
                let msg = t!("check-glyph-missing", what = what(), char = fonts::describe(c), families = families.as_str());
                let hint = t!("check-glyph-missing-hint", theme = theme);
                let mut d = Diagnostic::error(&file, pos, msg).with_hint(hint);
                if pos.is_some() {
                    d = d.with_source(&source);
                }
                diags.push(d);
            }
        }
    }
}

/// Every character the print box for newspapers prints, in every language
/// of the site: the site's title, publisher and address, the hotlines, every
/// campaign's title, the theme's `print_*` strings and dates as loa writes
/// them. What print drops (controls, noncharacters) is not looked up.
fn print_glyphs(inputs: &Inputs, fonts: &Fonts, diags: &mut Diagnostics) {
    if inputs.calendar.campaigns.is_empty() {
        return;
    }
    let site = &inputs.site;
    let def = site.default_language();
    let theme = &inputs.theme;
    let printable = |s: &str| -> String { s.chars().filter(|&c| fonts::is_printable(c)).collect() };
    let mut finds = Finds { by_file: BTreeMap::new() };
    for lang in &site.languages {
        let mut text = vec![site.title.get(lang, def).to_owned(), site.organisation.name.get(lang, def).to_owned(), site.base_url.clone()];
        for h in &site.hotlines {
            text.push(h.number.clone());
            text.push(h.label.get(lang, def).to_owned());
            text.extend(h.note.as_ref().map(|n| n.get(lang, def).to_owned()));
        }
        finds.scan(fonts, Path::new(site::FILE), inputs.text_of(site::FILE), &printable(&text.join("\n")));
        let titles: Vec<&str> = inputs.calendar.campaigns.iter().map(|c| c.title.get(lang, def)).collect();
        finds.scan(fonts, Path::new(calendar::FILE), inputs.text_of(calendar::FILE), &printable(&titles.join("\n")));
        let mut strings: Vec<String> = theme.strings.get(lang).into_iter().flatten().filter(|(k, _)| k.starts_with("print_")).map(|(_, v)| v.clone()).collect();
        strings.extend(["state_active", "leaflet_111_label", "leaflet_111_note"].map(|k| theme.string(lang, k).to_owned()));
        strings.push(sample_dates(lang));
        let text = printable(&strings.join("\n"));
        match theme.string_files.get(lang) {
            Some(f) => finds.scan(fonts, &f.origin.display(), &f.text, &text),
            None => finds.scan(fonts, &PathBuf::from(format!("themes/{}/i18n", theme.name)), "", &text),
        }
    }
    finds.report(fonts, &theme.name, || t!("check-glyph-print-box"), diags);
}

/// Dates written the way leaflets write them in `lang`, for the font check.
fn sample_dates(lang: &str) -> String {
    let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default();
    let ranges = [
        Occurrence { start: d(2027, 1, 1), end: d(2027, 1, 31) },
        Occurrence { start: d(2027, 11, 15), end: d(2027, 12, 15) },
        Occurrence { start: d(2027, 12, 20), end: d(2028, 1, 10) },
    ];
    let mut out: Vec<String> = ranges.iter().map(|o| format::range(o, lang)).collect();
    out.extend((1..=12).map(|m| format::range(&Occurrence { start: d(2027, m, 1), end: d(2027, m, 2) }, lang)));
    out.join("\n")
}
