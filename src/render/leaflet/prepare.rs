//! A page → its leaflet's inputs: the data for the templates
//! ([`LeafletData`]), its images and QR code as files of the Typst world,
//! and the date the PDF carries. Shared by every format and locality copy of
//! the page.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use typst::foundations::Bytes;
use crate::render::escape::nfc;

use super::data::{self, LeafletData};
use crate::diag::{Diagnostic, Diagnostics};
use crate::links::Target;
use crate::load::localities::Locality;
use crate::markdown::blocks;
use crate::plan::{PageId, Plan};
use crate::render::context::DEFAULT_COLOR;
use crate::render::pictures::Pictures;
use crate::render::typst::{colour, qr, QR};
use crate::time::{format, Bound};
use crate::urls;

/// The image formats a leaflet can show.
const IMAGE_EXTENSIONS: &[&str] = &["png", "jpg", "jpeg", "gif", "svg", "webp"];

/// One page's leaflet inputs, shared by its formats and localities.
pub struct Prepared {
    /// The page.
    pub page: PageId,
    /// Its data, without format, contact or scale.
    pub data: LeafletData,
    /// The files of its Typst world: images (the published copies, full
    /// size) and the QR code.
    pub files: Vec<(String, Bytes)>,
    /// Its images: virtual path → output path.
    pub images: Vec<(String, String)>,
    /// The files with each image scaled down for a format, made once per
    /// format when a leaflet of it is typeset.
    pub scaled: std::sync::Mutex<std::collections::HashMap<crate::load::content::LeafletFormat, Vec<(String, Bytes)>>>,
    /// A hash of its images' bytes.
    pub files_hash: u128,
    /// The date the PDF carries: the occurrence it shows, or the page's
    /// `publish` date, never the build day.
    pub date: Option<NaiveDate>,
}

/// The theme's UI strings for leaflets (keys starting with `leaflet_`) in `lang`.
fn strings(plan: &Plan<'_>, lang: &str) -> BTreeMap<String, String> {
    let theme = plan.theme();
    let keys: BTreeSet<&String> = theme.strings.values().flat_map(|m| m.keys()).filter(|k| k.starts_with("leaflet_")).collect();
    keys.into_iter().map(|k| (k.clone(), theme.string(lang, k).to_owned())).collect()
}

/// A locality's contact as the leaflet shows it.
pub fn contact(l: &Locality, lang: &str, def: &str) -> data::Contact {
    data::Contact {
        id: l.id.clone(),
        locality: nfc(l.name.get(lang, def)),
        name: l.contact.as_ref().map(|c| nfc(c.get(lang, def))),
        phone: l.phone.clone(),
        tel: l.tel.as_ref().map(|t| format!("tel:{t}")),
        address: l.address.as_ref().map(|a| nfc(a.get(lang, def))),
    }
}

/// Builds a page's leaflet data and reads its images; an image that cannot
/// be read is an error in `diags`.
pub fn prepare(plan: &Plan<'_>, id: PageId, pictures: &Pictures, diags: &mut Diagnostics) -> Prepared {
    let p = plan.page(id);
    let page = p.page;
    let site = plan.site();
    let def = site.default_language();
    let lang = page.lang.as_str();
    // On paper a same-page `#fragment` leads nowhere: keep only the text.
    let link = |dest: &str| plan.link_url(id, dest, true).filter(|u| !u.starts_with('#'));
    let images: RefCell<Vec<(String, String)>> = RefCell::new(Vec::new());
    let image = |dest: &str| -> Option<String> {
        let Ok(Target::Asset(out)) = plan.link_target(id, dest) else { return None };
        let asset = plan.asset_at(&out)?;
        let ext = asset.source.extension()?.to_string_lossy().to_ascii_lowercase();
        if !IMAGE_EXTENSIONS.contains(&ext.as_str()) {
            return None;
        }
        let mut imgs = images.borrow_mut();
        // No extension for a raster picture: Typst reads its format from its
        // bytes, and a copy scaled for print may be a JPEG of a PNG.
        let vpath = if ext == "svg" { format!("/loa/img/{}.svg", imgs.len()) } else { format!("/loa/img/{}", imgs.len()) };
        imgs.push((vpath.clone(), out));
        Some(vpath)
    };
    let body = blocks::body(page.body(), &link, &image);
    // The page's own picture (`image:`), first of all on paper too.
    let cover = page.front.image.as_deref().and_then(|dest| {
        let vpath = image(dest)?;
        let out = images.borrow().last().map(|(_, o)| o.clone())?;
        let size = pictures.get(&out).and_then(|p| p.size);
        Some(data::Picture { src: vpath, alt: page.front.image_alt.clone().unwrap_or_default(), width: size.map(|s| s.0), height: size.map(|s| s.1) })
    });

    let mut files = Vec::new();
    let mut hashes = Vec::new();
    let images = images.into_inner();
    // The published copy, metadata stripped, never the file as it was put there.
    for (vpath, out) in images.iter().cloned() {
        match pictures.print_bytes(&out) {
            Some(b) => {
                hashes.push(crate::hash::hash128(&b));
                files.push((vpath, Bytes::new(b)));
            }
            None => diags.push(Diagnostic::error(&page.source, None, crate::t!("leaflet-picture-unreadable", picture = out.as_str()))),
        }
    }
    let permalink = urls::absolute(site, p.url);
    let qr = qr::svg(&permalink);
    if let Some(svg) = &qr {
        files.push((QR.to_owned(), Bytes::new(svg.clone().into_bytes())));
    }

    let campaign = p.campaign.map(|c| plan.campaign(c));
    let occurrence = campaign.and_then(|c| c.status.occurrence);
    let accent = campaign.and_then(|c| c.campaign.color.as_deref()).and_then(colour::normal_hex).unwrap_or_else(|| DEFAULT_COLOR.to_owned());
    let data = LeafletData {
        format: "",
        lang: lang.to_owned(),
        title: page.front.title.clone(),
        summary: page.front.summary.clone(),
        audience: plan.theme().audience_label(lang, &page.front.audience),
        on_accent: colour::on_colour(&accent).to_owned(),
        accent,
        campaign: campaign.map(|c| data::Campaign { title: nfc(c.campaign.title.get(lang, def)), dates: occurrence.map(|o| format::range(&o, lang)) }),
        site_title: nfc(site.title.get(lang, def)),
        organisation: data::Organisation { name: nfc(site.organisation.name.get(lang, def)), url: site.organisation.url.clone() },
        url_display: permalink.split_once("://").map_or(permalink.as_str(), |(_, r)| r).trim_end_matches('/').to_owned(),
        url: permalink,
        qr: qr.map(|_| QR.to_owned()),
        hotlines: crate::render::hotlines::hotlines(plan, lang),
        contact: None,
        t: strings(plan, lang),
        scale: 1.0,
        picture: cover,
        body: body.blocks,
        notes: body.notes,
        bleed: None,
    };
    let date = occurrence.map(|o| o.start).or(match page.front.publish {
        Some(Bound::Date(d)) => Some(d),
        _ => None,
    });
    Prepared { page: id, data, files, images, scaled: Default::default(), files_hash: crate::hash::hash128(&hashes), date }
}

impl Prepared {
    /// The files for a leaflet of `format`: each picture scaled down to what
    /// the format prints it at (`max` pixels, 300 dpi at its largest printed
    /// size; `None`: as published), once per format and shared by the
    /// locality copies.
    pub fn files_for(&self, format: crate::load::content::LeafletFormat, max: Option<(u32, u32)>, pictures: &Pictures) -> Vec<(String, Bytes)> {
        let Some(max) = max else { return self.files.clone() };
        let mut scaled = self.scaled.lock().unwrap_or_else(|e| e.into_inner());
        scaled
            .entry(format)
            .or_insert_with(|| {
                self.files
                    .iter()
                    .map(|(vpath, bytes)| match self.images.iter().find(|(v, _)| v == vpath).and_then(|(_, out)| pictures.print_bytes_within(out, max)) {
                        Some(smaller) => (vpath.clone(), Bytes::new(smaller)),
                        None => (vpath.clone(), bytes.clone()),
                    })
                    .collect()
            })
            .clone()
    }
}
