//! Bundles: ZIP files of many leaflets, for a school or a ward that wants
//! them all at once. One of every leaflet (the general versions), one per
//! campaign (and one of the site-wide pages'), one per locality (that
//! locality's copies), and, with `leaflets: {print_shop: true}`, one of the
//! copies for print shops of the general versions — which are in no other
//! bundle, so that a school's download is not twice the size for files it
//! cannot print. Paths are [`crate::urls`]'s `bundle_*`.
//!
//! A bundle holds only leaflets made in this build, so only live ones. It is
//! deterministic — members in the order of the list for schools, every
//! timestamp 1980-01-01 00:00, permissions 0644, Deflate level 6 — so two
//! builds give the same bytes. Its key is a hash of its members' names and
//! bytes; the next build copies a bundle whose key is unchanged from the
//! previous output (listed in `leaflets/bundles/manifest.json`) instead of
//! compressing it again. A member's bytes are read back from the output
//! one at a time ([`Output::read`]), never all held in memory.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::Path;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::render::human::human_size;
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::content::LeafletFormat;
use crate::plan::{CampaignId, PageId, Plan};
use crate::render::{Output, Source};
use crate::urls;
use crate::render::made::leaflets::BundleCtx;

/// Bumped whenever the way a bundle is made changes, so old ones are not reused.
const BUNDLE_FORMAT: u32 = 1;

/// What a bundle gathers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Every leaflet, in its general version.
    All,
    /// A campaign's leaflets.
    Campaign,
    /// The site-wide pages' leaflets.
    Pages,
    /// A locality's copies of every leaflet that has them.
    Locality,
    /// The copies for print shops of every leaflet (general versions).
    PrintShop,
}

impl Kind {
    /// Its name for templates: `all`, `campaign`, `pages`, `locality`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::All => "all",
            Kind::Campaign => "campaign",
            Kind::Pages => "pages",
            Kind::Locality => "locality",
            Kind::PrintShop => "print_shop",
        }
    }
}

/// A leaflet file made in this build.
#[derive(Debug, Clone)]
pub struct Made {
    /// Its output path (`leaflets/pages/cach-bao-tin-a4.pdf`).
    pub path: String,
    /// Its name inside a bundle: the general version's path under
    /// `leaflets/` (`pages/cach-bao-tin-a4.pdf`), also for a locality's copy.
    pub name: String,
    /// A hash of its bytes.
    pub hash: String,
    /// Whether it is another copy of the leaflet before it (a booklet's
    /// sheets for printing), not counted as a leaflet of its own.
    pub companion: bool,
    /// Whether it is a copy for print shops (only in their bundle).
    pub print_shop: bool,
}

/// One file in a bundle.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Member {
    name: String,
    path: String,
    hash: String,
    companion: bool,
}

/// A bundle to make.
#[derive(Debug, Clone)]
struct Bundle {
    kind: Kind,
    title: String,
    path: String,
    members: Vec<Member>,
}

/// One bundle in `leaflets/bundles/manifest.json`.
#[derive(Serialize, Deserialize)]
struct Entry {
    /// Its path in the output.
    zip: String,
    /// A hash of its bytes.
    hash: String,
}


/// The bundles of this build: what goes into each, in the order of the list
/// for schools (`ordered`), from the leaflets made (`made`, by page, format
/// and locality index).
fn bundles(plan: &Plan<'_>, ordered: &[(Option<CampaignId>, Vec<PageId>)], made: &BTreeMap<(PageId, LeafletFormat, Option<usize>), Vec<Made>>) -> Vec<Bundle> {
    let def = plan.site().default_language();
    let theme = plan.theme();
    let member = |m: &Made| Member { name: m.name.clone(), path: m.path.clone(), hash: m.hash.clone(), companion: m.companion };
    let of_page_for = |id: PageId, locality: Option<usize>, shop: bool| -> Vec<Member> {
        made.range((id, LeafletFormat::A4, None)..)
            .take_while(|((p, _, _), _)| *p == id)
            .filter(|((_, _, l), _)| *l == locality)
            .flat_map(|(_, ms)| ms.iter().filter(|m| m.print_shop == shop).map(member))
            .collect()
    };
    let of_page = |id: PageId, locality: Option<usize>| of_page_for(id, locality, false);
    let mut out = Vec::new();
    let all: Vec<Member> = ordered.iter().flat_map(|(_, ids)| ids.iter().flat_map(|&i| of_page(i, None))).collect();
    out.push(Bundle { kind: Kind::All, title: theme.string(def, "leaflets_bundle_all").to_owned(), path: urls::bundle_all(), members: all });
    for (c, ids) in ordered {
        let members = ids.iter().flat_map(|&i| of_page(i, None)).collect();
        let (kind, title, path) = match c.map(|c| plan.campaign(c).campaign) {
            Some(c) => (Kind::Campaign, c.title.get(def, def).to_owned(), urls::bundle_group(Some(&c.id))),
            None => (Kind::Pages, theme.string(def, "leaflets_general").to_owned(), urls::bundle_group(None)),
        };
        out.push(Bundle { kind, title, path, members });
    }
    let shop: Vec<Member> = ordered.iter().flat_map(|(_, ids)| ids.iter().flat_map(|&i| of_page_for(i, None, true))).collect();
    out.push(Bundle { kind: Kind::PrintShop, title: theme.string(def, "leaflets_bundle_print_shop").to_owned(), path: urls::bundle_print_shop(), members: shop });
    for (l, locality) in plan.localities().iter().enumerate() {
        let members = ordered.iter().flat_map(|(_, ids)| ids.iter().flat_map(|&i| of_page(i, Some(l)))).collect();
        out.push(Bundle { kind: Kind::Locality, title: locality.name.get(def, def).to_owned(), path: urls::bundle_locality(&locality.id), members });
    }
    out.retain(|b| !b.members.is_empty());
    out
}

/// A bundle's key: its format, loa's version, its path and its members'
/// names and hashes.
fn key(b: &Bundle) -> String {
    let members: Vec<(&str, &str)> = b.members.iter().map(|m| (m.name.as_str(), m.hash.as_str())).collect();
    crate::hash::hex(&(BUNDLE_FORMAT, env!("CARGO_PKG_VERSION"), &b.path, members))
}

/// Writes the members into a ZIP, reading each back from the output.
fn zip(out: &Output<'_>, b: &Bundle) -> Result<Vec<u8>, String> {
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(6))
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644)
        .system(zip::System::Unix);
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for m in &b.members {
        let bytes = out.read(&m.path).ok_or_else(|| format!("cannot read back {}", m.path))?;
        w.start_file(m.name.as_str(), opts).map_err(|e| e.to_string())?;
        w.write_all(&bytes).map_err(|e| e.to_string())?;
    }
    Ok(w.finish().map_err(|e| e.to_string())?.into_inner())
}

/// The bundles reused from a previous output, by key.
struct Previous<'p> {
    dir: &'p Path,
    entries: HashMap<String, Entry>,
}

impl Previous<'_> {
    fn open(dir: &Path) -> Option<Previous<'_>> {
        let entries = serde_json::from_slice(&std::fs::read(dir.join(urls::BUNDLE_MANIFEST)).ok()?).ok()?;
        Some(Previous { dir, entries })
    }

    /// The previous output's file of the bundle with this key and path, and
    /// its size, if its bytes are the ones listed.
    fn get(&self, key: &str, path: &str) -> Option<(std::path::PathBuf, u64)> {
        let e = self.entries.get(key).filter(|e| e.zip == path)?;
        let file = self.dir.join(&e.zip);
        let bytes = std::fs::read(&file).ok()?;
        (crate::hash::hex(&bytes) == e.hash).then_some((file, bytes.len() as u64))
    }
}

/// Makes (or takes from `previous`) every bundle into `out`, with their
/// manifest; returns them as the list shows them, and how many were made
/// anew.
pub fn render(
    plan: &Plan<'_>,
    out: &Output<'_>,
    previous: Option<&Path>,
    ordered: &[(Option<CampaignId>, Vec<PageId>)],
    made: &BTreeMap<(PageId, LeafletFormat, Option<usize>), Vec<Made>>,
) -> Result<(Vec<BundleCtx>, usize), Diagnostics> {
    let def = plan.site().default_language();
    let theme = plan.theme();
    let bundles = bundles(plan, ordered, made);
    let previous = previous.and_then(Previous::open);
    let results: Vec<Result<(u64, String, bool), Diagnostic>> = bundles
        .par_iter()
        .map(|b| {
            let key = key(b);
            if let Some((file, len)) = previous.as_ref().and_then(|p| p.get(&key, &b.path)) {
                let hash = previous.as_ref().and_then(|p| p.entries.get(&key)).map(|e| e.hash.clone()).unwrap_or_default();
                out.copy(b.path.clone(), Source::File(file));
                return Ok((len, hash, false));
            }
            let bytes = zip(out, b).map_err(|e| Diagnostic::error(&b.path, None, crate::t!("bundle-failed", detail = e.to_string())).with_hint(crate::t!("bug-hint")))?;
            let (len, hash) = (bytes.len() as u64, crate::hash::hex(&bytes));
            out.add(b.path.clone(), bytes);
            Ok((len, hash, true))
        })
        .collect();
    let mut diags = Diagnostics::new();
    let mut manifest = BTreeMap::new();
    let mut list = Vec::new();
    let mut zipped = 0;
    for (b, r) in bundles.iter().zip(results) {
        match r {
            Ok((bytes, hash, fresh)) => {
                zipped += usize::from(fresh);
                manifest.insert(key(b), Entry { zip: b.path.clone(), hash });
                let n = b.members.iter().filter(|m| !m.companion).count();
                list.push(BundleCtx {
                    kind: b.kind.name(),
                    title: b.title.clone(),
                    url: urls::of_file(plan.site(), &b.path),
                    count: n,
                    count_label: if n == 1 { theme.string(def, "leaflets_bundle_one").to_owned() } else { theme.string(def, "leaflets_bundle_count").replace("{n}", &n.to_string()) },
                    bytes,
                    size: human_size(bytes, def),
                });
            }
            Err(d) => diags.push(d),
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }
    if !manifest.is_empty() {
        let mut json = serde_json::to_vec_pretty(&manifest).unwrap_or_default();
        json.push(b'\n');
        out.add(urls::BUNDLE_MANIFEST, json);
    }
    Ok((list, zipped))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundle(members: &[(&str, &str)]) -> Bundle {
        Bundle {
            kind: Kind::All,
            title: "T".into(),
            path: "leaflets/bundles/tat-ca.zip".into(),
            members: members.iter().map(|(n, c)| Member { name: (*n).into(), path: format!("leaflets/{n}"), hash: crate::hash::hex(c.as_bytes()), companion: false }).collect(),
        }
    }

    #[test]
    fn zips_are_deterministic_and_read_back() {
        let out = Output::in_memory();
        out.add("leaflets/pages/a-a4.pdf", b"%PDF a".to_vec());
        out.add("leaflets/tet/b-a5.pdf", b"%PDF b".repeat(100));
        let b = bundle(&[("pages/a-a4.pdf", "%PDF a"), ("tet/b-a5.pdf", "x")]);
        let one = zip(&out, &b).unwrap();
        assert_eq!(one, zip(&out, &b).unwrap(), "same bytes twice");
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&one)).unwrap();
        assert_eq!(archive.len(), 2);
        let names: Vec<String> = archive.file_names().map(|n| n.unwrap().into_owned()).collect();
        assert!(names.contains(&"pages/a-a4.pdf".to_owned()));
        let mut f = archive.by_name("tet/b-a5.pdf").unwrap();
        assert_eq!(f.last_modified().map(|d| (d.year(), d.month(), d.day())), Some((1980, 1, 1)));
        let mut text = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut text).unwrap();
        assert_eq!(text, b"%PDF b".repeat(100));
        // A member the output does not have is an error, not a silent gap.
        assert!(zip(&out, &bundle(&[("pages/none-a4.pdf", "")])).is_err());
    }

    #[test]
    fn the_key_follows_the_members() {
        let a = bundle(&[("pages/a-a4.pdf", "1"), ("pages/b-a4.pdf", "2")]);
        assert_eq!(key(&a), key(&a.clone()));
        assert_ne!(key(&a), key(&bundle(&[("pages/a-a4.pdf", "1"), ("pages/b-a4.pdf", "3")])), "a member's bytes");
        assert_ne!(key(&a), key(&bundle(&[("pages/b-a4.pdf", "2"), ("pages/a-a4.pdf", "1")])), "the order");
        assert_ne!(key(&a), key(&bundle(&[("pages/a-a4.pdf", "1")])), "a member less");
    }
}
