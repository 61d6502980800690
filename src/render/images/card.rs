//! Share cards: the 1,200 × 630 PNG that Open Graph and Twitter previews show
//! when a page's link is shared. A page with an `image:` gets that picture
//! cropped around its middle to fill the card; any other page gets a card
//! typeset by the theme's `leaflets/share-card.typ` in its campaign's colour
//! with its title, the campaign and its dates, and the hotline 111 — so a
//! link passed around on Zalo carries the number in its preview.
//!
//! Cards are filed under a hash of what goes into them and reused from the
//! previous output like pictures.

use std::collections::HashMap;

use rayon::prelude::*;
use serde::Serialize;

use super::manifest::{FileEntry, Manifest};
#[cfg(feature = "typeset")]
use super::palette;
use super::{Options, DIR};
use crate::render::pictures::{process, Card, Pictures};
use crate::diag::{Diagnostic, Diagnostics};
use crate::t;
use crate::links::Target;
use crate::load::sniff::Kind;
use crate::plan::{CampaignId, PageId, Plan};
use crate::render::context::DEFAULT_COLOR;
use crate::render::typst::colour::{normal_hex, on_colour};
use crate::render::typst::{self as room, threads, Shared};
#[cfg(feature = "typeset")]
use crate::render::typst::raster;
use crate::render::{Output, Source};
use crate::time::format;

/// The card's size in pixels.
use crate::render::pictures::{CARD_HEIGHT as HEIGHT, CARD_WIDTH as WIDTH};
/// The theme's card template, in its `leaflets/` folder.
pub const TEMPLATE: &str = "share-card.typ";

/// Bumped whenever the way cards are made changes.
const CARD_FORMAT: u32 = 1;

/// Bumped whenever the way typeset cards are drawn or encoded changes (2:
/// indexed PNG, see [`palette`]); cards cropped from pictures keep theirs.
const TYPESET_FORMAT: u32 = 2;

/// The hotline a card shows.
#[derive(Debug, Serialize, Hash)]
struct Hotline {
    number: String,
    label: String,
    note: String,
}

/// A campaign as a card shows it.
#[derive(Debug, Serialize, Hash)]
struct Campaign {
    title: String,
    dates: Option<String>,
}

/// What a typeset card shows: `/loa/data.json` in its Typst world.
#[derive(Debug, Serialize, Hash)]
struct CardData {
    lang: String,
    title: String,
    site_title: String,
    accent: String,
    on_accent: String,
    campaign: Option<Campaign>,
    hotline: Hotline,
}

impl CardData {
    /// The card's text alternative: what it says.
    fn alt(&self) -> String {
        let mut parts = vec![self.title.clone()];
        if let Some(c) = &self.campaign {
            parts.push(match &c.dates {
                Some(d) => format!("{} ({d})", c.title),
                None => c.title.clone(),
            });
        }
        parts.push(format!("{} {}", self.hotline.label, self.hotline.number));
        parts.join(" · ")
    }
}

/// What the card of a page in `lang` titled `title` shows, in `campaign`'s
/// colour and with its dates (or in the default colour).
fn data(plan: &Plan<'_>, lang: &str, title: &str, campaign: Option<CampaignId>) -> CardData {
    let site = plan.site();
    let theme = plan.theme();
    let def = site.default_language();
    let campaign = campaign.map(|c| plan.campaign(c));
    let accent = campaign.and_then(|c| c.campaign.color.as_deref()).and_then(normal_hex).unwrap_or_else(|| DEFAULT_COLOR.to_owned());
    CardData {
        lang: lang.to_owned(),
        title: title.to_owned(),
        site_title: site.title.get(lang, def).to_owned(),
        on_accent: on_colour(&accent).to_owned(),
        accent,
        campaign: campaign.map(|c| Campaign { title: c.campaign.title.get(lang, def).to_owned(), dates: c.status.occurrence.map(|o| format::range(&o, lang)) }),
        hotline: Hotline {
            number: "111".to_owned(),
            label: theme.string(lang, "leaflet_111_label").to_owned(),
            note: theme.string(lang, "leaflet_111_note").to_owned(),
        },
    }
}

/// Whose card it is.
#[derive(Debug)]
enum Owner {
    /// A page's.
    Page(PageId),
    /// The hub of a language that has no hub page (`content/_index.en.md`):
    /// a site with no English pages still has an English hub, and its link
    /// shared shows a card in English.
    Hub(String),
}

/// How one page's card is made.
enum Making {
    /// Cropped from the page's picture (its source bytes).
    Cover(Vec<u8>, Kind, String),
    /// Typeset.
    Typeset(CardData),
}

/// Typesets one card and renders it as PNG.
#[cfg(feature = "typeset")]
fn typeset(shared: &Shared, d: &CardData) -> Result<Vec<u8>, Vec<Diagnostic>> {
    let doc = room::compile(shared, TEMPLATE, d, [])?.doc;
    let page = doc.pages().first().ok_or_else(|| vec![Diagnostic::error(TEMPLATE, None, t!("card-no-page"))])?;
    let (width, height, rgba) = raster::rgba(page, f64::from(WIDTH));
    drop(doc);
    room::forget_unused();
    palette::png(WIDTH, HEIGHT, &fit(width, height, rgba)).map_err(|e| vec![Diagnostic::error(TEMPLATE, None, t!("image-cannot-encode", format = "PNG", detail = e))])
}

/// Without the `typeset` feature no room exists to call this with.
#[cfg(not(feature = "typeset"))]
fn typeset(shared: &Shared, _d: &CardData) -> Result<Vec<u8>, Vec<Diagnostic>> {
    match *shared {}
}

/// RGBA pixels `width` × `height` as a card: a page of the card's size as it
/// is; any other from its top left corner, cut, or filled with transparent
/// pixels (which show white).
#[cfg(feature = "typeset")]
fn fit(width: u32, height: u32, rgba: Vec<u8>) -> Vec<u8> {
    if (width, height) == (WIDTH, HEIGHT) {
        return rgba;
    }
    let mut card = vec![0; WIDTH as usize * HEIGHT as usize * 4];
    let row = width.min(WIDTH) as usize * 4;
    for y in 0..height.min(HEIGHT) as usize {
        let from = y * width as usize * 4;
        let to = y * WIDTH as usize * 4;
        if let (Some(src), Some(dst)) = (rgba.get(from..from + row), card.get_mut(to..to + row)) {
            dst.copy_from_slice(src);
        }
    }
    card
}

/// A typeset card wanted: its owner, its key (a hash of all that goes into
/// it), how it is made and its text alternative.
fn typeset_wanted(plan: &Plan<'_>, owner: Owner, d: CardData) -> (Owner, String, Making, String) {
    let template = plan.theme().leaflets.get(TEMPLATE).map(|t| t.text.as_str()).unwrap_or("");
    let key = crate::hash::hex(&(CARD_FORMAT, TYPESET_FORMAT, process::SETTINGS, template, &d, env!("CARGO_PKG_VERSION")));
    let alt = d.alt();
    (owner, key, Making::Typeset(d), alt)
}

/// Makes (or reuses) the share card of every live page, and of each
/// language's hub that has no page.
pub(super) fn render(plan: &Plan<'_>, out: &Output<'_>, opts: &Options<'_>, previous: &Option<Manifest>, pictures: &mut Pictures, manifest: &mut Manifest) -> Result<(), Diagnostics> {
    let site = plan.site();
    let theme = plan.theme();
    let mut wanted: Vec<(Owner, String, Making, String)> = Vec::new();
    for p in plan.live_pages() {
        let cover = p.page.front.image.as_deref().and_then(|img| match plan.link_target(p.id, img) {
            Ok(Target::Asset(o)) => plan.asset_at(&o).filter(|a| matches!(a.kind, Kind::Picture(_))),
            _ => None,
        });
        if let Some(asset) = cover {
            let Ok(bytes) = std::fs::read(plan.asset_path(asset)) else { continue };
            let key = crate::hash::hex(&(CARD_FORMAT, process::SETTINGS, "cover", &bytes));
            let alt = p.page.front.image_alt.clone().unwrap_or_default();
            wanted.push((Owner::Page(p.id), key, Making::Cover(bytes, asset.kind, asset.source.display().to_string()), alt));
        } else if site.share_cards {
            wanted.push(typeset_wanted(plan, Owner::Page(p.id), data(plan, &p.page.lang, &p.page.front.title, p.campaign)));
        }
    }
    if site.share_cards {
        for lang in site.languages.iter().filter(|l| plan.hub(l).is_none()) {
            let title = site.title.get(lang, site.default_language());
            wanted.push(typeset_wanted(plan, Owner::Hub(lang.clone()), data(plan, lang, title, None)));
        }
    }
    if wanted.is_empty() {
        return Ok(());
    }
    // The same card for two pages is made once.
    let mut todo: HashMap<&str, &Making> = HashMap::new();
    let mut reused: HashMap<&str, FileEntry> = HashMap::new();
    for (_, key, how, _) in &wanted {
        if reused.contains_key(key.as_str()) || todo.contains_key(key.as_str()) {
            continue;
        }
        match previous.as_ref().and_then(|m| m.reusable_card(key)) {
            Some(e) => {
                reused.insert(key, e);
            }
            None => {
                todo.insert(key, how);
            }
        }
    }
    let needs_typst = todo.values().any(|h| matches!(h, Making::Typeset(_)));
    let shared = if needs_typst {
        if !theme.leaflets.contains_key(TEMPLATE) {
            return Err(Diagnostic::error(format!("themes/{}/leaflets/{TEMPLATE}", theme.name), None, t!("card-no-template"))
                .with_hint(t!("card-no-template-hint", template = TEMPLATE))
                .into());
        }
        Some(room::needed(opts.room)?)
    } else {
        None
    };
    let todo: Vec<(&str, &Making)> = {
        let mut v: Vec<_> = todo.into_iter().collect();
        v.sort_by_key(|(k, _)| *k);
        v
    };
    let pool = threads::pool().map_err(|e| Diagnostic::error("", None, t!("threads-cannot-start", detail = e.to_string())))?;
    // Each card goes to the output as soon as it is made, so that the PNGs of
    // a large site never sit in memory together.
    let made: Vec<Result<FileEntry, Vec<Diagnostic>>> = pool.install(|| {
        todo.par_iter()
            .map(|(key, how)| {
                let png = match how {
                    Making::Cover(bytes, kind, source) => process::cover_png(bytes, *kind, WIDTH, HEIGHT).map_err(|why| vec![Diagnostic::error(source.as_str(), None, t!("card-from-picture", why = why))]),
                    Making::Typeset(d) => typeset(shared.as_ref().expect("fonts loaded for typeset cards"), d),
                }?;
                let path = format!("{DIR}/{}/card.png", &key[..16]);
                let entry = FileEntry::of(&path, &png, Some((WIDTH, HEIGHT)));
                out.add(path, png);
                Ok(entry)
            })
            .collect()
    });
    let mut diags = Diagnostics::new();
    let mut paths: HashMap<&str, String> = HashMap::new();
    for ((key, _), result) in todo.iter().zip(made) {
        match result {
            Ok(entry) => {
                pictures.encoded += 1;
                paths.insert(key, entry.path.clone());
                manifest.cards.insert((*key).to_owned(), entry);
            }
            Err(ds) => {
                for d in ds {
                    if !diags.iter().any(|x| x.message() == d.message() && x.file == d.file) {
                        diags.push(d);
                    }
                }
            }
        }
    }
    if diags.has_errors() {
        diags.sort();
        return Err(diags);
    }
    for (key, entry) in reused {
        out.copy(entry.path.clone(), Source::File(previous.as_ref().map(|m| m.dir().join(&entry.path)).unwrap_or_default()));
        pictures.reused += 1;
        paths.insert(key, entry.path.clone());
        manifest.cards.insert(key.to_owned(), entry);
    }
    for (owner, key, _, alt) in &wanted {
        if let Some(path) = paths.get(key.as_str()) {
            let card = Card { path: path.clone(), alt: alt.clone() };
            match owner {
                Owner::Page(id) => pictures.insert_card(*id, card),
                Owner::Hub(lang) => pictures.insert_hub_card(lang, card),
            };
        }
    }
    Ok(())
}
