//! Printable leaflets: PDFs typeset in-process by Typst from the same Markdown
//! as the pages.
//!
//! A live page with `leaflet: a4 | a5 | trifold` (or a list) gets one PDF per
//! format, and with `variants: localities` also one per entry of
//! `localities.yaml`:
//!
//! ```text
//! leaflets/<campaign>/<page>-<format>.pdf              a campaign page (site-wide pages: leaflets/pages/…)
//! leaflets/<campaign>/<page>-<format>.png              its first page, small, for the list
//! leaflets/<campaign>/<page>-<format>/<locality>.pdf   a locality's copy
//! leaflets/index.html                                  the list for schools (html.rs renders it)
//! ```
//!
//! A page in another language than the site's default adds `.<lang>` before
//! `.pdf` (`cach-bao-tin-a4.en.pdf`).
//!
//! The steps: the page's Markdown becomes data ([`data`]), never Typst
//! markup; every character is checked against the theme's fonts ([`fonts`]);
//! the theme's template (`leaflets/<format>.typ`) is compiled in a world that
//! holds only the templates, the data, the QR code ([`qr`]) and the page's
//! images ([`world`]); the document becomes a tagged PDF/UA-1 file with
//! `typst-pdf`, and page 1 a PNG thumbnail with `typst-render`.
//!
//! Leaflets are typeset in parallel (rayon), and Typst's memo cache is
//! trimmed after each one so memory stays flat over thousands. A leaflet whose
//! inputs (data, templates, fonts, images) are unchanged is copied from the
//! previous output instead of being typeset: `leaflets/manifest.json` in the
//! output maps each leaflet's content hash to its files. The cache is the
//! output itself, so nothing is written outside the output folder.

pub mod data;
pub mod fonts;
pub mod qr;
pub mod world;

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;
use serde::Serialize;
use typst::foundations::{Bytes, Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use super::{Output, Source};
use crate::diag::{Diagnostic, Diagnostics, Position};
use crate::links::Target;
use crate::load::content::{Bound, LeafletFormat, Page, PageKind, Variants, PAGES_DIR};
use crate::load::localities::{self, Locality};
use crate::plan::Plan;
use crate::time::format;
use data::LeafletData;
use world::{LeafletWorld, Shared};

/// The folder of the leaflets in the output, and of the cache in the site.
pub const DIR: &str = "leaflets";

/// The list of leaflets by content hash, inside the output.
pub const MANIFEST: &str = "leaflets/manifest.json";

/// Bumped whenever the way a leaflet is made changes, so old cache entries
/// are not reused.
const CACHE_FORMAT: u32 = 1;

/// More leaflets to typeset than this, on a terminal, shows a progress bar.
const PROGRESS_ABOVE: usize = 36;

/// Stack size of the threads that typeset.
const TYPST_STACK: usize = 64 << 20;

/// Width of the thumbnails in pixels.
const THUMB_WIDTH: f64 = 240.0;

/// Text scales tried, in order, until a tri-fold fits on its two sides.
const TRIFOLD_SCALES: &[f64] = &[1.0, 0.92, 0.85, 0.78];

/// How leaflets are made.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The previous output folder, whose leaflets are reused when their
    /// content hash is unchanged; `None` typesets everything.
    pub previous: Option<PathBuf>,
}

/// A leaflet file as the HTML templates see it.
#[derive(Debug, Clone, Serialize)]
pub struct LeafletCtx {
    /// `a4`, `a5`, `trifold`.
    pub format: &'static str,
    /// `A4`, `A5`, `Gấp ba (A4 ngang)`.
    pub format_label: String,
    /// The PDF's URL.
    pub url: String,
    /// Number of pages.
    pub pages: usize,
    /// `2 trang`.
    pub pages_label: String,
    /// Size in bytes.
    pub bytes: u64,
    /// `84 KB`.
    pub size: String,
    /// The PNG of page 1, if any.
    pub thumbnail: Option<String>,
    /// The thumbnail's width to show, in CSS pixels (half its pixels, for sharp screens).
    pub thumbnail_width: Option<u32>,
    /// The thumbnail's height to show, in CSS pixels.
    pub thumbnail_height: Option<u32>,
    /// The copies for each locality.
    pub localities: Vec<LocalityCtx>,
}

/// A locality's copy of a leaflet.
#[derive(Debug, Clone, Serialize)]
pub struct LocalityCtx {
    /// The locality's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The PDF's URL.
    pub url: String,
    /// `84 KB`.
    pub size: String,
}

/// A page with leaflets, in the list for schools.
#[derive(Debug, Clone, Serialize)]
pub struct IndexEntry {
    /// The page title.
    pub title: String,
    /// The page's URL.
    pub url: String,
    /// Its language.
    pub lang: String,
    /// The language's name, when it is not the site's default.
    pub lang_name: Option<String>,
    /// Who it is for.
    pub audience: Option<String>,
    /// Its audience label.
    pub audience_label: Option<String>,
    /// Its summary.
    pub summary: Option<String>,
    /// One per format.
    pub leaflets: Vec<LeafletCtx>,
}

/// The leaflets of one campaign (or the site-wide ones), in the list for schools.
#[derive(Debug, Clone, Serialize)]
pub struct IndexGroup {
    /// The campaign id, or `pages`.
    pub id: String,
    /// The campaign's title, or "Tài liệu chung".
    pub title: String,
    /// The campaign's home, if a campaign.
    pub url: Option<String>,
    /// The campaign's colour.
    pub color: Option<String>,
    /// The dates of its occurrence as of the day.
    pub dates: Option<String>,
    /// The pages.
    pub entries: Vec<IndexEntry>,
}

/// What the leaflet renderer made, for the HTML pages.
#[derive(Debug, Default)]
pub struct Leaflets {
    /// The leaflets of each page (by index into `content.pages`).
    pub by_page: BTreeMap<usize, Vec<LeafletCtx>>,
    /// The list for schools, by campaign.
    pub groups: Vec<IndexGroup>,
    /// Number of PDF files made (locality copies included).
    pub files: usize,
    /// How many were typeset in this build.
    pub typeset: usize,
    /// How many were taken from the cache.
    pub reused: usize,
    /// Problems that did not stop the build.
    pub warnings: Diagnostics,
}

/// Where a page's leaflets go: `leaflets/<campaign>` or `leaflets/pages`.
fn folder(page: &Page) -> String {
    match &page.kind {
        PageKind::CampaignPage(c) | PageKind::CampaignHome(c) => format!("{DIR}/{c}"),
        _ => format!("{DIR}/{PAGES_DIR}"),
    }
}

/// The output path of a leaflet (without extension), and of a locality's copy.
pub fn output_stem(page: &Page, default_lang: &str, format: LeafletFormat, locality: Option<&str>) -> String {
    let lang = if page.lang == default_lang { String::new() } else { format!(".{}", page.lang) };
    match locality {
        None => format!("{}/{}-{}{lang}", folder(page), page.slug, format.name()),
        Some(l) => format!("{}/{}-{}/{l}{lang}", folder(page), page.slug, format.name()),
    }
}

/// Where `key:` is written in a page's front matter (its value's column).
pub fn key_position(page: &Page, key: &str) -> Option<Position> {
    for (i, line) in page.text.lines().enumerate().skip(1) {
        if line.trim_end() == "---" {
            break;
        }
        if let Some(rest) = line.strip_prefix(key).and_then(|r| r.strip_prefix(':')) {
            let ws = rest.len() - rest.trim_start().len();
            return Some(Position::new(i + 1, key.chars().count() + ws + 2));
        }
    }
    None
}

/// `84 KB`, `1,2 MB`.
pub fn human_size(bytes: u64, lang: &str) -> String {
    if bytes < 1000 * 1000 {
        format!("{} KB", bytes.div_ceil(1000).max(1))
    } else {
        let s = format!("{:.1} MB", bytes as f64 / 1e6);
        if lang == "vi" { s.replace('.', ",") } else { s }
    }
}

/// The template file of a format.
pub fn template(format: LeafletFormat) -> String {
    format!("{}.typ", format.name())
}

/// One page's leaflet inputs, shared by its formats and localities.
struct Prepared {
    page: usize,
    data: LeafletData,
    files: Vec<(String, Bytes)>,
    files_hash: u128,
    date: Option<NaiveDate>,
}

/// One PDF to make.
struct Job<'p> {
    prep: &'p Prepared,
    format: LeafletFormat,
    locality: Option<usize>,
    stem: String,
    contact: Option<data::Contact>,
    key: String,
}

impl Job<'_> {
    /// The job's data: the page's, with its format and contact. Built when
    /// needed rather than kept for every job, so memory does not grow with
    /// the number of leaflets.
    fn data(&self, scale: f64) -> LeafletData {
        let mut d = self.prep.data.clone();
        d.format = self.format.name();
        d.contact = self.contact.clone();
        d.scale = scale;
        d
    }
}

/// A typeset leaflet.
struct Made {
    pdf: Vec<u8>,
    png: Option<Vec<u8>>,
    pages: usize,
    fits: bool,
    not_ua: Option<String>,
}

/// One leaflet in `leaflets/manifest.json`.
#[derive(Serialize, serde::Deserialize)]
struct Entry {
    /// The PDF's path in the output.
    pdf: String,
    /// The thumbnail's path in the output, for generic (not locality) leaflets.
    png: Option<String>,
    pages: usize,
    fits: bool,
    not_ua: Option<String>,
}

/// Where a finished leaflet's bytes are.
enum Bytes2 {
    Memory(Vec<u8>),
    Cached(PathBuf),
}

struct Done {
    pdf: Bytes2,
    pdf_len: u64,
    png: Option<Bytes2>,
    thumb_size: Option<(u32, u32)>,
    pages: usize,
    fits: bool,
    not_ua: Option<String>,
    typeset: bool,
}

/// The leaflets of the previous output, by content hash.
struct Cache {
    dir: PathBuf,
    entries: std::collections::HashMap<String, Entry>,
}

impl Cache {
    /// Reads the manifest of the output folder `dir`, if it has one.
    fn open(dir: &Path) -> Option<Cache> {
        let entries = serde_json::from_slice(&std::fs::read(dir.join(MANIFEST)).ok()?).ok()?;
        Some(Cache { dir: dir.to_path_buf(), entries })
    }

    fn get(&self, key: &str, want_png: bool) -> Option<Done> {
        let e = self.entries.get(key)?;
        let pdf = self.dir.join(&e.pdf);
        let pdf_len = std::fs::metadata(&pdf).ok()?.len();
        let (png, thumb_size) = if want_png {
            let p = self.dir.join(e.png.as_ref()?);
            let head = read_head(&p)?;
            (Some(Bytes2::Cached(p)), png_size(&head))
        } else {
            (None, None)
        };
        Some(Done { pdf: Bytes2::Cached(pdf), pdf_len, png, thumb_size, pages: e.pages, fits: e.fits, not_ua: e.not_ua.clone(), typeset: false })
    }
}

fn read_head(p: &Path) -> Option<Vec<u8>> {
    use std::io::Read;
    let mut f = std::fs::File::open(p).ok()?;
    let mut buf = vec![0; 24];
    f.read_exact(&mut buf).ok()?;
    Some(buf)
}

/// Width and height from a PNG's header.
fn png_size(head: &[u8]) -> Option<(u32, u32)> {
    if head.len() < 24 || &head[1..4] != b"PNG" {
        return None;
    }
    let w = u32::from_be_bytes(head[16..20].try_into().ok()?);
    let h = u32::from_be_bytes(head[20..24].try_into().ok()?);
    Some((w, h))
}

/// The theme's UI strings for leaflets (keys starting with `leaflet`) in `lang`.
fn strings(plan: &Plan<'_>, lang: &str) -> BTreeMap<String, String> {
    let theme = &plan.inputs.theme;
    let keys: BTreeSet<&String> = theme.strings.values().flat_map(|m| m.keys()).filter(|k| k.starts_with("leaflet_")).collect();
    keys.into_iter().map(|k| (k.clone(), theme.string(lang, k).to_owned())).collect()
}

fn nfc(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfc().collect()
}


/// The campaign index of a page, if it belongs to one.
fn campaign_of(plan: &Plan<'_>, page: &Page) -> Option<usize> {
    let id = page.kind.campaign()?;
    plan.inputs.calendar.campaigns.iter().position(|c| c.id == id)
}

/// Builds a page's data, reads its images, checks its characters.
fn prepare(plan: &Plan<'_>, i: usize, shared: &Shared, diags: &mut Diagnostics) -> Option<Prepared> {
    let page = &plan.inputs.content.pages[i];
    let site = plan.site();
    let def = site.default_language();
    let lang = page.lang.as_str();
    let abs = |path: &str| site.absolute(path);
    // On paper a same-page `#fragment` leads nowhere: keep only the text.
    let link = |dest: &str| plan.link_url(page, dest, true).filter(|u| !u.starts_with('#'));
    let images: RefCell<Vec<(String, PathBuf)>> = RefCell::new(Vec::new());
    let image = |dest: &str| -> Option<String> {
        let Ok(Target::Asset(out)) = plan.links.target(page, dest) else { return None };
        let asset = plan.inputs.content.assets.iter().find(|a| a.output == out)?;
        let ext = asset.source.extension()?.to_string_lossy().to_ascii_lowercase();
        if !["png", "jpg", "jpeg", "gif", "svg", "webp"].contains(&ext.as_str()) {
            return None;
        }
        let mut imgs = images.borrow_mut();
        let vpath = format!("/loa/img/{}.{ext}", imgs.len());
        imgs.push((vpath.clone(), plan.inputs.root.join(&asset.source)));
        Some(vpath)
    };
    let body = data::body(&page.body, &link, &image);

    let mut files = Vec::new();
    let mut hashes = Vec::new();
    for (vpath, path) in images.into_inner() {
        match std::fs::read(&path) {
            Ok(b) => {
                hashes.push(typst::utils::hash128(&b));
                files.push((vpath, Bytes::new(b)));
            }
            Err(e) => diags.push(Diagnostic::error(&page.source, None, format!("cannot read the image {}: {e}", path.display()))),
        }
    }
    let permalink = abs(&plan.urls[i]);
    let qr = qr::svg(&permalink);
    if let Some(svg) = &qr {
        files.push((world::QR.to_owned(), Bytes::new(svg.clone().into_bytes())));
    }

    let campaign = campaign_of(plan, page);
    let occurrence = campaign.and_then(|c| plan.campaigns[c].status.occurrence);
    let accent = campaign
        .and_then(|c| plan.inputs.calendar.campaigns[c].color.as_deref())
        .and_then(data::normal_hex)
        .unwrap_or_else(|| "#9a3412".to_owned());
    let t = strings(plan, lang);
    let mut hotlines: Vec<data::Hotline> = site
        .hotlines
        .iter()
        .map(|h| {
            let label = nfc(h.label.get(lang, def));
            let local = nfc(h.label.get(def, def));
            data::Hotline {
                number: h.number.clone(),
                tel: format!("tel:{}", h.tel),
                label_local: (lang != def && local != label).then_some(local),
                label,
                note: h.note.as_ref().map(|n| nfc(n.get(lang, def))),
            }
        })
        .collect();
    if !site.hotlines.iter().any(|h| h.tel == "111") {
        let s = |k: &str| plan.inputs.theme.string(lang, k).to_owned();
        hotlines.insert(
            0,
            data::Hotline {
                number: "111".into(),
                tel: "tel:111".into(),
                label: s("leaflet_111_label"),
                label_local: (lang != def).then(|| plan.inputs.theme.string(def, "leaflet_111_label").to_owned()),
                note: Some(s("leaflet_111_note")),
            },
        );
    }
    let data = LeafletData {
        format: "",
        lang: lang.to_owned(),
        title: page.front.title.clone(),
        summary: page.front.summary.clone(),
        audience: plan.inputs.theme.audience_label(lang, &page.front.audience),
        on_accent: data::on_colour(&accent).to_owned(),
        accent,
        campaign: campaign.map(|c| data::Campaign {
            title: nfc(plan.inputs.calendar.campaigns[c].title.get(lang, def)),
            dates: occurrence.map(|o| format::range(&o, lang)),
        }),
        site_title: nfc(site.title.get(lang, def)),
        organisation: data::Organisation { name: nfc(site.organisation.name.get(lang, def)), url: site.organisation.url.clone() },
        url_display: permalink.split_once("://").map_or(permalink.as_str(), |(_, r)| r).trim_end_matches('/').to_owned(),
        url: permalink,
        qr: qr.map(|_| world::QR.to_owned()),
        hotlines,
        contact: None,
        t,
        scale: 1.0,
        body: body.blocks,
        notes: body.notes,
    };
    check_chars(plan, page, shared, &data.text(), diags);
    let date = occurrence.map(|o| o.start).or(match page.front.publish {
        Some(Bound::Date(d)) => Some(d),
        _ => None,
    });
    Some(Prepared { page: i, data, files, files_hash: typst::utils::hash128(&hashes), date })
}

/// Reports each character of `text` that no font has, where it is written.
fn check_chars(plan: &Plan<'_>, page: &Page, shared: &Shared, text: &str, diags: &mut Diagnostics) {
    let missing = shared.fonts.missing(text);
    if missing.is_empty() {
        return;
    }
    let families = shared.fonts.families().join(", ");
    let root = &plan.inputs.root;
    let others: Vec<(PathBuf, String)> = [crate::load::site::FILE, crate::load::calendar::FILE, localities::FILE]
        .iter()
        .filter_map(|f| Some((PathBuf::from(f), std::fs::read_to_string(root.join(f)).ok()?)))
        .collect();
    for c in missing {
        let found = std::iter::once((page.source.clone(), page.text.clone()))
            .chain(others.iter().cloned())
            .find_map(|(file, text)| text.find(c).map(|off| (file, Position::of_offset(&text, off), text)));
        let msg = format!("the leaflet cannot show {}: the fonts ({families}) have no such character", fonts::describe(c));
        let hint = format!("remove or replace it (a picture or a word); or add a font that has it to themes/{}/fonts/", plan.inputs.theme.name);
        let d = match found {
            Some((file, pos, text)) => Diagnostic::error(file, Some(pos), msg).with_source(&text),
            None => Diagnostic::error(&page.source, None, format!("{msg} (it comes from the theme's UI strings)")),
        };
        diags.push(d.with_hint(hint));
    }
}

/// The PDF options: PDF/UA-1 (or plain tagged PDF), a stable identifier, and
/// the leaflet's own date.
fn pdf_options(ident: &str, date: Option<NaiveDate>, ua: bool) -> PdfOptions {
    let timestamp = date
        .and_then(|d| Datetime::from_ymd(d.year(), d.month() as u8, d.day() as u8))
        .map(Timestamp::new_utc);
    let standards = if ua { PdfStandards::new(&[PdfStandard::Ua_1]).unwrap_or_default() } else { PdfStandards::default() };
    PdfOptions {
        ident: Smart::Custom(ident.to_owned()),
        creator: Smart::Custom(Some(format!("loa {}", env!("CARGO_PKG_VERSION")))),
        timestamp,
        standards,
        tagged: true,
        ..PdfOptions::default()
    }
}

/// Compiles a job's template with its data (shrinking a tri-fold's text until
/// it fits), exports the PDF and the thumbnail.
fn typeset(shared: &Shared, job: &Job<'_>, want_png: bool, warnings: &std::sync::Mutex<Vec<Diagnostic>>) -> Result<Made, Vec<Diagnostic>> {
    let name = template(job.format);
    let scales: &[f64] = if job.format == LeafletFormat::Trifold { TRIFOLD_SCALES } else { &[1.0] };
    let mut doc: Option<(PagedDocument, bool)> = None;
    for (n, &scale) in scales.iter().enumerate() {
        let json = serde_json::to_vec(&job.data(scale)).unwrap_or_default();
        let files = job.prep.files.iter().cloned().chain([(world::DATA.to_owned(), Bytes::new(json))]);
        let Some(world) = LeafletWorld::new(shared, &name, files) else {
            return Err(vec![Diagnostic::error(&name, None, "not a valid template name")]);
        };
        let result = typst::compile::<PagedDocument>(&world);
        {
            let mut w = warnings.lock().unwrap_or_else(|e| e.into_inner());
            for warning in &result.warnings {
                let mut d = shared.diagnostic(&world, warning, &name);
                d.severity = crate::diag::Severity::Warning;
                w.push(d);
            }
        }
        let compiled = result.output.map_err(|errs| errs.iter().map(|e| shared.diagnostic(&world, e, &name)).collect::<Vec<_>>())?;
        let fits = job.format != LeafletFormat::Trifold || compiled.pages().len() <= 2;
        let last = n + 1 == scales.len();
        if fits || last {
            doc = Some((compiled, fits));
            break;
        }
    }
    let Some((doc, fits)) = doc else { return Err(vec![Diagnostic::error(&name, None, "nothing was typeset")]) };
    let ident = job.stem.clone();
    let (pdf, not_ua) = match typst_pdf::pdf(&doc, &pdf_options(&ident, job.prep.date, true)) {
        Ok(pdf) => (pdf, None),
        Err(errs) => {
            let why = errs.iter().map(|e| e.message.to_string()).collect::<Vec<_>>().join("; ");
            let pdf = typst_pdf::pdf(&doc, &pdf_options(&ident, job.prep.date, false))
                .map_err(|errs| errs.iter().map(|e| Diagnostic::error(shared_file(&name), None, e.message.to_string())).collect::<Vec<_>>())?;
            (pdf, Some(why))
        }
    };
    let png = if want_png {
        doc.pages().first().and_then(|p| {
            let width = p.frame.width().to_pt();
            let opts = typst_render::RenderOptions { pixel_per_pt: typst::utils::Scalar::new(THUMB_WIDTH / width.max(1.0)), render_bleed: false };
            typst_render::render(p, &opts).encode_png().ok()
        })
    } else {
        None
    };
    let pdf = without_suspects(pdf);
    let pages = doc.pages().len();
    drop(doc);
    // Drop Typst's memoised results that the last ten leaflets did not use:
    // the next leaflet of the same page reuses most of them, and memory stays
    // flat over thousands of leaflets.
    typst::comemo::evict(10);
    Ok(Made { pdf, png, pages, fits, not_ua })
}

/// Blanks out `/Suspects false` in the catalog's `MarkInfo`: false is the
/// default, and poppler (up to at least 22.12, as in Debian 12) reports the
/// entry as a syntax error ("Suspects object is wrong type (boolean)"). The
/// bytes are replaced by spaces, so no offset in the file changes.
fn without_suspects(mut pdf: Vec<u8>) -> Vec<u8> {
    const FROM: &[u8] = b"/MarkInfo<</Marked true/Suspects false>>";
    const TO: &[u8] = b"/MarkInfo<</Marked true>>               ";
    if let Some(i) = pdf.windows(FROM.len()).position(|w| w == FROM) {
        pdf[i..i + FROM.len()].copy_from_slice(TO);
    }
    pdf
}

fn shared_file(name: &str) -> PathBuf {
    PathBuf::from(format!("leaflets/{name}"))
}

/// Makes every leaflet of the plan's live pages into `out`.
pub fn render(plan: &Plan<'_>, out: &mut Output, opts: &Options) -> Result<Leaflets, Diagnostics> {
    let pages = &plan.inputs.content.pages;
    let site = plan.site();
    let def = site.default_language();
    let mut diags = Diagnostics::new();
    let mut wanted = Vec::new();
    for i in plan.live_pages() {
        let p = &pages[i];
        if p.front.variants.is_some() && p.front.leaflet.is_empty() {
            diags.push(
                Diagnostic::warning(&p.source, key_position(p, "variants"), "`variants` has no effect without `leaflet`")
                    .with_hint("add `leaflet: a5` (or a4, trifold), or remove `variants`")
                    .with_source(&p.text),
            );
        }
        if p.front.variants == Some(Variants::Localities) && plan.inputs.localities.is_none() && !p.front.leaflet.is_empty() {
            diags.push(
                Diagnostic::error(&p.source, key_position(p, "variants"), "`variants: localities` needs a localities.yaml, and the site has none")
                    .with_hint("create localities.yaml beside site.yaml (see the README, \"Leaflets for schools\"), or remove `variants`")
                    .with_source(&p.text),
            );
        }
        if p.front.leaflet.is_empty() {
            continue;
        }
        if matches!(p.kind, PageKind::Hub | PageKind::CampaignHome(_)) {
            diags.push(
                Diagnostic::warning(&p.source, key_position(p, "leaflet"), "leaflets are made of campaign pages and site-wide pages, not of hubs")
                    .with_hint("move the text for the leaflet into a page of its own")
                    .with_source(&p.text),
            );
            continue;
        }
        wanted.push(i);
    }
    if wanted.is_empty() {
        if diags.has_errors() {
            return Err(diags);
        }
        return Ok(Leaflets { warnings: diags, ..Leaflets::default() });
    }

    let fonts = fonts::load(&plan.inputs.theme)?;
    let shared = Shared::new(&plan.inputs.theme, fonts);
    let formats: BTreeSet<LeafletFormat> = wanted.iter().flat_map(|&i| pages[i].front.leaflet.iter().copied()).collect();
    for f in &formats {
        if !shared.has_template(&template(*f)) {
            diags.push(
                Diagnostic::error(format!("themes/{}/leaflets/{}", plan.inputs.theme.name, template(*f)), None, format!("the theme has no leaflet template for {}", f.name()))
                    .with_hint("copy it from loa's default theme, or remove the format from the pages' `leaflet`"),
            );
        }
    }
    let locs: &[Locality] = plan.inputs.localities.as_deref().unwrap_or(&[]);

    let prepared: Vec<Prepared> = wanted.iter().filter_map(|&i| prepare(plan, i, &shared, &mut diags)).collect();
    // The localities' own texts, checked once each against the fonts.
    let uses_localities = prepared.iter().any(|p| pages[p.page].front.variants == Some(Variants::Localities));
    if uses_localities {
        let langs: BTreeSet<&str> = prepared.iter().map(|p| pages[p.page].lang.as_str()).collect();
        for l in locs {
            for lang in &langs {
                let c = contact(l, lang, def);
                let text = [Some(&c.locality), c.name.as_ref(), c.phone.as_ref(), c.address.as_ref()].into_iter().flatten().cloned().collect::<Vec<_>>().join("\n");
                for ch in shared.fonts.missing(&text) {
                    let file_text = std::fs::read_to_string(plan.inputs.root.join(localities::FILE)).unwrap_or_default();
                    let pos = file_text.find(ch).map(|o| Position::of_offset(&file_text, o));
                    diags.push(
                        Diagnostic::error(localities::FILE, pos, format!("the leaflet cannot show {}: the fonts have no such character", fonts::describe(ch)))
                            .with_hint("remove or replace it")
                            .with_source(&file_text),
                    );
                }
            }
        }
    }
    if diags.has_errors() {
        diags.sort();
        return Err(diags);
    }

    // Every PDF to make, with its cache key.
    let mut jobs: Vec<Job<'_>> = Vec::new();
    for prep in &prepared {
        let page = &pages[prep.page];
        for &format in &page.front.leaflet {
            let mut variants: Vec<Option<usize>> = vec![None];
            if page.front.variants == Some(Variants::Localities) {
                variants.extend((0..locs.len()).map(Some));
            }
            for locality in variants {
                let stem = output_stem(page, def, format, locality.map(|l| locs[l].id.as_str()));
                let mut job = Job { prep, format, locality, stem, contact: locality.map(|l| contact(&locs[l], &page.lang, def)), key: String::new() };
                let json = serde_json::to_vec(&job.data(1.0)).unwrap_or_default();
                job.key = format!(
                    "{:032x}",
                    typst::utils::hash128(&(CACHE_FORMAT, env!("CARGO_PKG_VERSION"), shared.hash, &json, prep.files_hash, prep.date, &job.stem, locality.is_none()))
                );
                jobs.push(job);
            }
        }
    }

    let cache = opts.previous.as_deref().and_then(Cache::open);
    let hits: Vec<Option<Done>> = jobs.par_iter().map(|j| cache.as_ref().and_then(|c| c.get(&j.key, j.locality.is_none()))).collect();
    let misses = hits.iter().filter(|h| h.is_none()).count();
    let bar = (misses > PROGRESS_ABOVE && std::io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::new(misses as u64);
        if let Ok(style) = indicatif::ProgressStyle::with_template("{msg} {bar:30} {pos}/{len} ({eta})") {
            bar.set_style(style);
        }
        bar.set_message("Leaflets");
        bar
    });
    let typst_warnings = std::sync::Mutex::new(Vec::new());
    let typeset_one = |job: &Job<'_>, hit: Option<Done>| -> Result<Done, Vec<Diagnostic>> {
        if let Some(done) = hit {
            return Ok(done);
        }
        let made = typeset(&shared, job, job.locality.is_none(), &typst_warnings);
        if let Some(b) = &bar {
            b.inc(1);
        }
        let made = made?;
        let thumb_size = made.png.as_deref().and_then(png_size);
        let pdf_len = made.pdf.len() as u64;
        Ok(Done { pdf_len, pdf: Bytes2::Memory(made.pdf), png: made.png.map(Bytes2::Memory), thumb_size, pages: made.pages, fits: made.fits, not_ua: made.not_ua, typeset: true })
    };
    let results: Vec<Result<Done, Vec<Diagnostic>>> = in_parallel(jobs.iter().zip(hits).collect(), |(job, hit)| typeset_one(job, hit))
        .into_iter()
        .zip(&jobs)
        .map(|(r, job)| {
            r.unwrap_or_else(|| {
                Err(vec![Diagnostic::error(&pages[job.prep.page].source, None, format!("typesetting the {} leaflet failed unexpectedly", job.format.name()))
                    .with_hint("this is a bug in loa or Typst; please report it with the page")])
            })
        })
        .collect();
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let mut seen = BTreeSet::new();
    let typst_warnings = typst_warnings.into_inner().unwrap_or_else(|e| e.into_inner());
    for w in typst_warnings {
        if seen.insert((w.file.clone(), w.position, w.message.clone())) {
            diags.push(w);
        }
    }

    let mut made = Leaflets::default();
    let mut manifest: BTreeMap<String, Entry> = BTreeMap::new();
    let mut by_page: BTreeMap<usize, BTreeMap<LeafletFormat, LeafletCtx>> = BTreeMap::new();
    let mut errors = Diagnostics::new();
    let mut seen_errors = BTreeSet::new();
    for (job, res) in jobs.iter().zip(results) {
        let page = &pages[job.prep.page];
        let done = match res {
            Ok(d) => d,
            Err(ds) => {
                for d in ds {
                    if seen_errors.insert((d.file.clone(), d.position, d.message.clone())) {
                        errors.push(d.with_hint(format!("while making the {} leaflet of {}", job.format.name(), crate::diag::display_path(&page.source))));
                    }
                }
                continue;
            }
        };
        manifest.insert(
            job.key.clone(),
            Entry {
                pdf: format!("{}.pdf", job.stem),
                png: (job.locality.is_none() && done.png.is_some()).then(|| format!("{}.png", job.stem)),
                pages: done.pages,
                fits: done.fits,
                not_ua: done.not_ua.clone(),
            },
        );
        if done.typeset { made.typeset += 1 } else { made.reused += 1 }
        made.files += 1;
        if job.locality.is_none() {
            if !done.fits {
                diags.push(
                    Diagnostic::warning(&page.source, key_position(page, "leaflet"), format!("the page is too long for a tri-fold leaflet: it needs {} sides instead of 2, even with smaller text", done.pages))
                        .with_hint("shorten the page, or use `leaflet: a4` or `a5` for it")
                        .with_source(&page.text),
                );
            }
            if let Some(why) = &done.not_ua {
                diags.push(
                    Diagnostic::warning(&page.source, key_position(page, "leaflet"), format!("the {} leaflet is not PDF/UA-1 conformant, so it was made as a plain tagged PDF: {why}", job.format.name()))
                        .with_hint("give every image a text alternative: ![what it shows](picture.png)")
                        .with_source(&page.text),
                );
            }
        }
        let pdf_path = format!("{}.pdf", job.stem);
        let url = format!("{}{pdf_path}", site.base_path);
        match done.pdf {
            Bytes2::Memory(b) => out.add(pdf_path, b),
            Bytes2::Cached(p) => out.copy(pdf_path, Source::File(p)),
        }
        let lang = page.lang.as_str();
        let theme = &plan.inputs.theme;
        let entry = by_page.entry(job.prep.page).or_default();
        match job.locality {
            None => {
                let thumbnail = done.png.map(|png| {
                    let path = format!("{}.png", job.stem);
                    match png {
                        Bytes2::Memory(b) => out.add(path.clone(), b),
                        Bytes2::Cached(p) => out.copy(path.clone(), Source::File(p)),
                    }
                    format!("{}{path}", site.base_path)
                });
                let localities = entry.remove(&job.format).map(|c| c.localities).unwrap_or_default();
                entry.insert(
                    job.format,
                    LeafletCtx {
                        format: job.format.name(),
                        format_label: theme.string(lang, &format!("leaflet_format_{}", job.format.name())).to_owned(),
                        url,
                        pages: done.pages,
                        pages_label: theme.string(lang, if done.pages == 1 { "leaflet_pages_one" } else { "leaflet_pages" }).replace("{n}", &done.pages.to_string()),
                        bytes: done.pdf_len,
                        size: human_size(done.pdf_len, lang),
                        thumbnail,
                        thumbnail_width: done.thumb_size.map(|(w, _)| w.div_ceil(2)),
                        thumbnail_height: done.thumb_size.map(|(_, h)| h.div_ceil(2)),
                        localities,
                    },
                );
            }
            Some(l) => {
                if let Some(ctx) = entry.get_mut(&job.format) {
                    ctx.localities.push(LocalityCtx {
                        id: locs[l].id.clone(),
                        name: locs[l].name.get(lang, def).to_owned(),
                        url,
                        size: human_size(done.pdf_len, lang),
                    });
                }
            }
        }
    }
    if !manifest.is_empty() {
        let mut json = serde_json::to_vec_pretty(&manifest).unwrap_or_default();
        json.push(b'\n');
        out.add(MANIFEST, json);
    }
    if errors.has_errors() {
        errors.extend(diags.0.into_iter().filter(|d| d.is_error()));
        errors.sort();
        return Err(errors);
    }
    made.by_page = by_page.into_iter().map(|(i, m)| (i, m.into_values().collect())).collect();
    made.groups = groups(plan, &made.by_page);
    diags.sort();
    made.warnings = diags;
    Ok(made)
}

/// Runs `f` on every item on plain threads (as many as rayon would use), each
/// with a large stack, and returns the results in order.
///
/// Not rayon workers, on purpose: `typst-pdf` hands work to rayon and, while
/// it waits, a rayon worker runs other queued jobs on the same stack — which
/// would start the next leaflet inside the unfinished one, so memory and stack
/// would grow with the number of leaflets (a stack overflow after a few
/// hundred). On a plain thread the wait is a wait; rayon's own pool does the
/// PDF work. Typst recurses deeply, hence the stack size.
///
/// An item whose `f` panicked gives `None` (Typst is not supposed to panic,
/// but a build must not die of it).
fn in_parallel<T: Send, R: Send>(items: Vec<T>, f: impl Fn(T) -> R + Sync) -> Vec<Option<R>> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Mutex;
    let n = items.len();
    let threads = rayon::current_num_threads().clamp(1, n.max(1));
    let items: Vec<Mutex<Option<T>>> = items.into_iter().map(|i| Mutex::new(Some(i))).collect();
    let results: Vec<Mutex<Option<R>>> = (0..n).map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let work = || {
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i >= n {
                break;
            }
            let item = items[i].lock().unwrap_or_else(|e| e.into_inner()).take();
            if let Some(item) = item
                && let Ok(r) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(item)))
            {
                *results[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(r);
            }
        }
    };
    std::thread::scope(|s| {
        let spawned = (0..threads)
            .filter(|i| std::thread::Builder::new().name(format!("loa-leaflet-{i}")).stack_size(TYPST_STACK).spawn_scoped(s, work).is_ok())
            .count();
        if spawned == 0 {
            work();
        }
    });
    results.into_iter().map(|r| r.into_inner().unwrap_or_else(|e| e.into_inner())).collect()
}

/// A locality's contact as the leaflet shows it.
fn contact(l: &Locality, lang: &str, def: &str) -> data::Contact {
    data::Contact {
        id: l.id.clone(),
        locality: nfc(l.name.get(lang, def)),
        name: l.contact.as_ref().map(|c| nfc(c.get(lang, def))),
        phone: l.phone.clone(),
        tel: l.tel.as_ref().map(|t| format!("tel:{t}")),
        address: l.address.as_ref().map(|a| nfc(a.get(lang, def))),
    }
}

/// The list for schools: the campaigns in calendar order, then the
/// site-wide pages; pages by weight then title.
fn groups(plan: &Plan<'_>, by_page: &BTreeMap<usize, Vec<LeafletCtx>>) -> Vec<IndexGroup> {
    let pages = &plan.inputs.content.pages;
    let site = plan.site();
    let def = site.default_language();
    let theme = &plan.inputs.theme;
    let entry = |i: usize| -> IndexEntry {
        let p = &pages[i];
        IndexEntry {
            title: p.front.title.clone(),
            url: plan.urls[i].clone(),
            lang: p.lang.clone(),
            lang_name: (p.lang != def).then(|| theme.string(&p.lang, "language_name").to_owned()),
            audience: p.front.audience.clone(),
            audience_label: plan.inputs.theme.audience_label(def, &p.front.audience),
            summary: p.front.summary.clone(),
            leaflets: by_page.get(&i).cloned().unwrap_or_default(),
        }
    };
    let sorted = |mut v: Vec<usize>| {
        v.sort_by(|&a, &b| {
            let (pa, pb) = (&pages[a], &pages[b]);
            let lang_rank = |p: &Page| site.languages.iter().position(|l| *l == p.lang);
            (pa.front.weight, &pa.front.title, lang_rank(pa)).cmp(&(pb.front.weight, &pb.front.title, lang_rank(pb)))
        });
        v
    };
    let mut out = Vec::new();
    for (ci, c) in plan.inputs.calendar.campaigns.iter().enumerate() {
        let ids: Vec<usize> = by_page.keys().copied().filter(|&i| pages[i].kind.campaign() == Some(c.id.as_str())).collect();
        if ids.is_empty() {
            continue;
        }
        out.push(IndexGroup {
            id: c.id.clone(),
            title: c.title.get(def, def).to_owned(),
            url: Some(crate::plan::campaign_url(site, &c.id, def)),
            color: c.color.clone(),
            dates: plan.campaigns[ci].status.occurrence.map(|o| format::range(&o, def)),
            entries: sorted(ids).into_iter().map(entry).collect(),
        });
    }
    let general: Vec<usize> = by_page.keys().copied().filter(|&i| pages[i].kind.campaign().is_none()).collect();
    if !general.is_empty() {
        out.push(IndexGroup {
            id: PAGES_DIR.to_owned(),
            title: theme.string(def, "leaflets_general").to_owned(),
            url: None,
            color: None,
            dates: None,
            entries: sorted(general).into_iter().map(entry).collect(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(human_size(1, "vi"), "1 KB");
        assert_eq!(human_size(84_001, "vi"), "85 KB");
        assert_eq!(human_size(1_234_567, "vi"), "1,2 MB");
        assert_eq!(human_size(1_234_567, "en"), "1.2 MB");
    }

    #[test]
    fn suspects_blanked_in_place() {
        let pdf = b"1 0 obj<</Type/Catalog/MarkInfo<</Marked true/Suspects false>>/Lang(vi)>>".to_vec();
        let out = without_suspects(pdf.clone());
        assert_eq!(out.len(), pdf.len());
        assert_eq!(String::from_utf8(out).unwrap(), "1 0 obj<</Type/Catalog/MarkInfo<</Marked true>>               /Lang(vi)>>");
    }

    fn page(source: &str, kind: PageKind, slug: &str, lang: &str, text: &str) -> Page {
        Page {
            source: source.into(),
            kind,
            slug: slug.into(),
            lang: lang.into(),
            front: Default::default(),
            body: String::new(),
            body_line: 0,
            text: text.into(),
        }
    }

    #[test]
    fn output_paths() {
        let p = page("content/pages/cach-bao-tin.md", PageKind::SitePage, "cach-bao-tin", "vi", "");
        assert_eq!(output_stem(&p, "vi", LeafletFormat::A4, None), "leaflets/pages/cach-bao-tin-a4");
        assert_eq!(output_stem(&p, "vi", LeafletFormat::Trifold, Some("xa-bat-trang")), "leaflets/pages/cach-bao-tin-trifold/xa-bat-trang");
        let en = page("content/pages/cach-bao-tin.en.md", PageKind::SitePage, "cach-bao-tin", "en", "");
        assert_eq!(output_stem(&en, "vi", LeafletFormat::A5, None), "leaflets/pages/cach-bao-tin-a5.en");
        assert_eq!(output_stem(&en, "vi", LeafletFormat::A5, Some("x")), "leaflets/pages/cach-bao-tin-a5/x.en");
        let c = page("content/tet/den.md", PageKind::CampaignPage("tet".into()), "den", "vi", "");
        assert_eq!(output_stem(&c, "vi", LeafletFormat::A5, None), "leaflets/tet/den-a5");
    }

    #[test]
    fn front_matter_key_positions() {
        let p = page("x.md", PageKind::SitePage, "x", "vi", "---\ntitle: Tờ rơi\nleaflet:  [a4, a5]\nvariants: localities\n---\nleaflet: in the body\n");
        assert_eq!(key_position(&p, "leaflet"), Some(Position::new(3, 11)));
        assert_eq!(key_position(&p, "variants"), Some(Position::new(4, 11)));
        assert_eq!(key_position(&p, "audience"), None);
    }

    #[test]
    fn document_date_and_standard() {
        let o = pdf_options("leaflets/pages/x-a4", NaiveDate::from_ymd_opt(2027, 6, 1), true);
        assert!(o.timestamp.is_some());
        assert!(o.tagged);
        assert!(pdf_options("x", None, false).timestamp.is_none());
    }

    #[test]
    fn parallel_keeps_order_and_survives_panics() {
        let out = in_parallel((0..50).collect(), |i: i32| if i == 7 { panic!("boom") } else { i * 2 });
        assert_eq!(out.len(), 50);
        assert_eq!(out[7], None);
        assert_eq!(out[49], Some(98));
    }

    #[test]
    fn png_header() {
        let mut head = vec![0x89, b'P', b'N', b'G', 13, 10, 26, 10, 0, 0, 0, 13, b'I', b'H', b'D', b'R'];
        head.extend(240u32.to_be_bytes());
        head.extend(340u32.to_be_bytes());
        assert_eq!(png_size(&head), Some((240, 340)));
        assert_eq!(png_size(b"nope"), None);
    }
}
