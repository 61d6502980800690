//! Search: an index per language of the live pages, for the search page's
//! script (`static/search.js`), which folds what a reader types the way the
//! index was folded ([`crate::fold`]): `bao luc`, `BẠO LỰC` and `bạo lực`
//! find the same pages. Only live pages are indexed — hubs, campaign homes,
//! campaign pages and site-wide pages; widgets and the 404 page are not
//! pages. The format is [`index`]'s.
//!
//! The search page itself (`/tim-kiem/`, `/en/search/`: the theme's
//! `search_slug`) is an HTML page like the others (`render/html`), useful
//! without JavaScript: every live page, by campaign and by audience.

mod fragments;
mod hashing;
pub mod index;
mod shards;
pub mod synonyms;
mod terms;
pub mod update;


use rayon::prelude::*;

use super::output::Source;
use super::Output;
use crate::load::content::PageKind;
use crate::markdown;
use crate::plan::{PageRef, Plan};
use index::Doc;
use synonyms::Synonyms;

/// What the index of a language holds: a live page, or a page loa makes
/// itself ([`generated_docs`]).
enum Entry<'p> {
    Page(PageRef<'p>),
    Made(Doc),
}

impl Entry<'_> {
    fn url(&self) -> &str {
        match self {
            Entry::Page(p) => p.url,
            Entry::Made(d) => &d.url,
        }
    }
}

/// The live pages of `lang` and the pages loa makes, in the order the index
/// numbers them: by URL.
fn entries_of<'p>(plan: &'p Plan<'p>, lang: &str, synonyms: &Synonyms) -> Vec<Entry<'p>> {
    let mut entries: Vec<Entry<'p>> = plan.live_pages().filter(|p| p.page.lang == lang).map(Entry::Page).collect();
    entries.extend(generated_docs(plan, lang, synonyms).into_iter().map(Entry::Made));
    entries.sort_by(|a, b| a.url().cmp(b.url()));
    entries
}

/// What the index knows of page `p`: its text, read from its Markdown when
/// its batch is indexed (not held from load: a site of 50,000 pages would
/// hold 80 MB of text for it).
fn doc(plan: &Plan<'_>, p: &PageRef<'_>, synonyms: &Synonyms) -> Doc {
    let lang = p.page.lang.as_str();
    let def = plan.site().default_language();
    let text = markdown::text::text(p.page.body());
    let campaign = p.campaign.map(|c| plan.campaign(c).campaign.title.get(lang, def).to_owned());
    let title = match (&p.page.kind, &campaign) {
        // A campaign home's title is the campaign's unless its page says otherwise.
        (PageKind::CampaignHome(_), Some(c)) if p.page.front.title.is_empty() => c.clone(),
        _ => p.page.front.title.clone(),
    };
    let body = match &p.page.front.summary {
        Some(s) => {
            let mut body = String::with_capacity(s.len() + 1 + text.text.len());
            body.push_str(s);
            body.push('\n');
            body.push_str(&text.text);
            body
        }
        None => text.text,
    };
    let also_title = synonyms.also([title.as_str()]);
    let also = synonyms.also(text.headings.iter().map(String::as_str).chain([body.as_str()]));
    Doc {
        url: p.url.to_owned(),
        title,
        campaign,
        lang: lang.to_owned(),
        headings: text.headings,
        text: body,
        audience: p.page.front.audience.clone(),
        also,
        also_title,
    }
}

/// The groups of synonyms for `lang`: the theme's for that language, then
/// the site's own.
fn synonyms_of(plan: &Plan<'_>, lang: &str) -> Synonyms {
    let theme = plan.theme().synonyms.get(lang).map_or(&[][..], Vec::as_slice);
    Synonyms::new(theme.iter().chain(&plan.site().synonyms).map(Vec::as_slice))
}

/// The pages loa makes itself that a reader searches for, in `lang`: the
/// list of leaflets to print (`tờ rơi`, `to roi`), titled and described
/// with the theme's words in that language. It is written in the default
/// language, and listed in every language's index so that a reader of
/// any language finds it.
fn generated_docs(plan: &Plan<'_>, lang: &str, synonyms: &Synonyms) -> Vec<Doc> {
    let site = plan.site();
    let theme = plan.theme();
    let url = crate::urls::of_file(site, &format!("{}/", crate::urls::LEAFLETS_DIR));
    let formats = crate::load::content::LeafletFormat::ALL.map(|f| theme.string(lang, &format!("leaflet_format_{}", f.key()))).join(", ");
    let title = theme.string(lang, "leaflets_title").to_owned();
    let text = format!("{}\n{formats}", theme.string(lang, "leaflets_intro"));
    let also_title = synonyms.also([title.as_str()]);
    let also = synonyms.also([text.as_str()]);
    vec![Doc { url, title, campaign: None, lang: lang.to_owned(), headings: Vec::new(), text, audience: Vec::new(), also, also_title }]
}

/// A hash of everything page `p`'s entry in the index of `lang` is made
/// from: its URL, title, campaign, summary, text and audiences.
fn page_hash(plan: &Plan<'_>, p: &PageRef<'_>, lang: &str) -> u128 {
    let def = plan.site().default_language();
    let campaign = p.campaign.map(|c| plan.campaign(c).campaign.title.get(lang, def));
    let home = matches!(p.page.kind, PageKind::CampaignHome(_));
    let f = &p.page.front;
    crate::hash::hash128(&(p.url, home, campaign, &f.title, &f.summary, &f.audience, p.page.body()))
}

/// What the index of `lang` is made from: the record of its pages
/// ([`update::Record`], `h` still empty) and the key of its inputs — a hash
/// of every page's inputs, the format, the options and loa's version. Two
/// builds with the same key make the same index.
fn inputs(plan: &Plan<'_>, lang: &str, entries: &[Entry<'_>], synonyms: &Synonyms) -> (update::Record, String) {
    let each: Vec<u128> = entries
        .par_iter()
        .map(|e| match e {
            Entry::Page(p) => page_hash(plan, p, lang),
            Entry::Made(d) => crate::hash::hash128(&(&d.url, &d.title, &d.text, &d.also, &d.also_title)),
        })
        .collect();
    let options = index::Options::default();
    let version = (index::FORMAT_VERSION, index::REFERENCE_WORDS.to_bits(), env!("CARGO_PKG_VERSION"), lang, options.shard_bytes, options.excerpt_bytes, synonyms.groups());
    let urls: Vec<&str> = entries.iter().map(Entry::url).collect();
    let shape = crate::hash::hash128(&(version, urls));
    let key = crate::hash::hex(&(version, &each));
    (update::Record { shape, pages: each, h: String::new() }, key)
}

/// Writes the index of every language: taken whole from the `previous`
/// output when its key of inputs ([`inputs`]) is unchanged; updated
/// from it ([`update`]) when the same pages are live and a few changed,
/// with the record kept in `cache`; else made whole.
pub fn render(cx: &crate::render::Ctx<'_, '_>, out: &Output<'_>) {
    let (plan, previous, cache) = (cx.plan, cx.opts.previous, cx.opts.cache);
    let t = crate::timings::Timings::from_env("        ");
    let options = index::Options::default();
    for lang in &plan.site().languages {
        let synonyms = synonyms_of(plan, lang);
        let entries = entries_of(plan, lang, &synonyms);
        let (mut record, key) = inputs(plan, lang, &entries, &synonyms);
        t.lap(&format!("search, {lang}: key of the inputs"));
        if let Some((dir, (files, h))) = previous.and_then(|dir| Some((dir, index::reusable(dir, lang, &key)?))) {
            for f in files {
                let source = Source::File(dir.join(&f));
                out.copy(f, source);
            }
            if let Some(cache) = cache {
                record.h = h;
                record.write(cache, lang);
            }
            t.lap(&format!("search, {lang}: unchanged, taken from the previous output"));
            continue;
        }
        let docs_of = |numbers: &[usize]| -> Vec<Doc> {
            numbers
                .par_iter()
                .filter_map(|&i| match entries.get(i)? {
                    Entry::Page(p) => Some(doc(plan, p, &synonyms)),
                    Entry::Made(d) => Some(d.clone()),
                })
                .collect()
        };
        let updated = match (previous, cache) {
            (Some(previous), Some(cache)) => update::Record::read(cache, lang).and_then(|old| update::update(previous, lang, &old, &record, &key, &options, docs_of)),
            _ => None,
        };
        let files = match updated {
            Some(files) => {
                t.lap(&format!("search, {lang}: updated from the previous output"));
                files
            }
            None => {
                // Made whole, a batch of pages at a time, each fragment file
                // going to the output as soon as it is made.
                let docs = |range: std::ops::Range<usize>| docs_of(&range.collect::<Vec<_>>());
                let manifest = index::build_streamed(entries.len(), lang, &options, &key, docs, |_, path, bytes| out.add(path, bytes));
                t.lap(&format!("search, {lang}: index of {} pages", entries.len()));
                vec![manifest]
            }
        };
        if let Some(cache) = cache {
            record.h = files.first().map(|(_, m)| manifest_hash(m)).unwrap_or_default();
            record.write(cache, lang);
        }
        files.into_par_iter().for_each(|(path, bytes)| out.add(path, bytes));
        t.lap(&format!("search, {lang}: into the output"));
    }
}

/// The `h` of a manifest's bytes (empty if it has none).
fn manifest_hash(manifest: &[u8]) -> String {
    serde_json::from_slice::<serde_json::Value>(manifest).ok().and_then(|m| Some(m.get("h")?.as_str()?.to_owned())).unwrap_or_default()
}
