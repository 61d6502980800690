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

pub mod index;

use std::path::Path;

use rayon::prelude::*;

use super::output::Source;
use super::Output;
use crate::load::content::PageKind;
use crate::markdown;
use crate::plan::Plan;
use index::Doc;

/// The folder of a language's index, relative to the output folder, with a
/// final `/`.
pub fn index_dir(lang: &str) -> String {
    format!("{}/", index::dir(lang))
}

/// What the index knows of each live page in `lang`.
pub fn docs(plan: &Plan<'_>, lang: &str) -> Vec<Doc> {
    let site = plan.site();
    let def = site.default_language();
    let pages: Vec<_> = plan.live_pages().filter(|p| p.page.lang == lang).collect();
    pages
        .par_iter()
        .map(|p| {
            let text = markdown::text::text(p.page.body());
            let campaign = p.campaign.map(|c| plan.campaign(c).campaign.title.get(lang, def).to_owned());
            let title = match (&p.page.kind, &campaign) {
                // A campaign home's title is the campaign's unless its page says otherwise.
                (PageKind::CampaignHome(_), Some(c)) if p.page.front.title.is_empty() => c.clone(),
                _ => p.page.front.title.clone(),
            };
            let mut body = String::new();
            if let Some(s) = &p.page.front.summary {
                body.push_str(s);
                body.push('\n');
            }
            body.push_str(&text.text);
            Doc {
                url: p.url.to_owned(),
                title,
                campaign,
                lang: lang.to_owned(),
                headings: text.headings,
                text: body,
                audience: p.page.front.audience.clone(),
            }
        })
        .collect()
}

/// A key of everything the index of `lang` is made from: each live page's
/// URL, title, campaign, summary, text and audiences, the format and loa's
/// version. Two builds with the same key make the same index.
pub fn inputs_key(plan: &Plan<'_>, lang: &str) -> String {
    let def = plan.site().default_language();
    let pages: Vec<_> = plan.live_pages().filter(|p| p.page.lang == lang).collect();
    let each: Vec<u128> = pages
        .par_iter()
        .map(|p| {
            let campaign = p.campaign.map(|c| plan.campaign(c).campaign.title.get(lang, def));
            let home = matches!(p.page.kind, PageKind::CampaignHome(_));
            let f = &p.page.front;
            typst::utils::hash128(&(p.url, home, campaign, &f.title, &f.summary, &f.audience, p.page.body()))
        })
        .collect();
    let options = index::Options::default();
    format!("{:032x}", typst::utils::hash128(&(index::FORMAT_VERSION, env!("CARGO_PKG_VERSION"), lang, options.shard_bytes, options.excerpt_bytes, each)))
}

/// Writes the index of every language, taking it whole from the `previous`
/// output when its key of inputs ([`inputs_key`]) is unchanged.
pub fn render(plan: &Plan<'_>, out: &Output<'_>, previous: Option<&Path>) {
    let t = crate::timings::Timings::from_env("        ");
    for lang in &plan.site().languages {
        let key = inputs_key(plan, lang);
        t.lap(&format!("{lang}: key of the inputs"));
        if let Some((dir, files)) = previous.and_then(|dir| Some((dir, index::reusable(dir, lang, &key)?))) {
            for f in files {
                let source = Source::File(dir.join(&f));
                out.copy(f, source);
            }
            t.lap(&format!("{lang}: unchanged, taken from the previous output"));
            continue;
        }
        let docs = docs(plan, lang);
        t.lap(&format!("{lang}: text of {} pages", docs.len()));
        let files = index::build_keyed(&docs, lang, &index::Options::default(), &key);
        drop(docs);
        t.lap(&format!("{lang}: index, {} files", files.len()));
        for (path, bytes) in files {
            out.add(path, bytes);
        }
        t.lap(&format!("{lang}: into the output"));
    }
}
