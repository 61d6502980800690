//! `localities.yaml` → [`Locality`]: the wards, communes or schools that get
//! their own copy of a leaflet, with their own contact in the hotline box.
//!
//! The file is optional. It is a list:
//!
//! ```yaml
//! - id: phuong-hoan-kiem            # a-z, 0-9, hyphens: the PDF's file name
//!   name: Phường Hoàn Kiếm          # or {vi: …, en: …}
//!   contact: Cán bộ phụ trách       # who to call there (optional)
//!   phone: "024.0000.0001"          # as people write it (optional)
//!   address: 1 Đinh Tiên Hoàng      # (optional)
//! ```
//!
//! A page with `variants: localities` in its front matter gets one PDF per
//! entry, under `leaflets/<campaign>/<page>-<format>/<id>.pdf`.

use std::path::Path;

use serde::Deserialize;

use super::yaml::{self, content_position, position_of, Spanned};
use super::Text;
use crate::diag::{Diagnostic, Diagnostics, Position};
use crate::i18n::Msg;
use crate::t;

/// The file name, relative to the site root.
pub const FILE: &str = "localities.yaml";

/// One ward, commune or school.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Locality {
    /// `[a-z0-9-]`: its file name under the leaflet's folder.
    pub id: String,
    /// Its name, per language.
    pub name: Text,
    /// Who to contact there.
    pub contact: Option<Text>,
    /// The number as people write it.
    pub phone: Option<String>,
    /// The number for `tel:` links: digits and a leading `+`.
    pub tel: Option<String>,
    /// Where to find them.
    pub address: Option<Text>,
    /// Where the entry starts in the file (for messages).
    pub position: Option<Position>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LocalityFile {
    id: Spanned<String>,
    name: Text,
    contact: Option<Text>,
    phone: Option<Spanned<String>>,
    address: Option<Text>,
}

use super::site::tel_of;

/// What the keys of a locality take.
fn takes(key: &str) -> Option<Msg> {
    Some(match key {
        "id" => t!("takes-id"),
        "name" | "contact" | "address" => t!("takes-text-per-lang"),
        "phone" => t!("takes-phone"),
        _ => return None,
    })
}

/// Parses and checks the text of `localities.yaml`.
pub fn parse(text: &str) -> Result<Vec<Locality>, Diagnostics> {
    let file = Path::new(FILE);
    if text.trim().is_empty() || text.lines().all(|l| l.trim().is_empty() || l.trim_start().starts_with('#')) {
        return Ok(Vec::new());
    }
    let raw: Vec<LocalityFile> = yaml::parse(file, text, 0, takes).map_err(|d| Diagnostics::from(d.with_source(text)))?;
    let mut diags = Diagnostics::new();
    let mut err = |pos: Option<Position>, msg: Msg, hint: Msg| {
        diags.push(Diagnostic::error(file, pos, msg).with_hint(hint).with_source(text));
    };
    let mut out: Vec<Locality> = Vec::with_capacity(raw.len());
    for l in raw {
        let id = l.id.value.trim().to_owned();
        let id_pos = content_position(text, position_of(&l.id, 0));
        if !crate::slug::is_valid(&id) {
            err(id_pos, t!("loc-bad-id", id = id.as_str()), t!("loc-bad-id-hint", suggestion = crate::slug::suggest(&id)));
        } else if out.iter().any(|o| o.id == id) {
            err(id_pos, t!("loc-id-twice", id = id.as_str()), t!("loc-id-twice-hint"));
        }
        let (phone, tel) = match &l.phone {
            None => (None, None),
            Some(p) => {
                let number = p.value.trim().to_owned();
                match tel_of(&number) {
                    Some(tel) => (Some(number), Some(tel)),
                    None => {
                        err(
                            content_position(text, position_of(p, 0)),
                            t!("site-not-phone", value = number.as_str()),
                            t!("site-phone-hint"),
                        );
                        (None, None)
                    }
                }
            }
        };
        out.push(Locality { id, name: l.name, contact: l.contact, phone, tel, address: l.address, position: id_pos });
    }
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_list() {
        let l = parse("- id: phuong-hoan-kiem\n  name: Phường Hoàn Kiếm\n  contact: Cán bộ (ví dụ)\n  phone: \"024.0000.0001\"\n").unwrap();
        assert_eq!(l.len(), 1);
        assert_eq!(l[0].id, "phuong-hoan-kiem");
        assert_eq!(l[0].tel.as_deref(), Some("02400000001"));
        assert_eq!(l[0].name.get("vi", "vi"), "Phường Hoàn Kiếm");
        assert!(parse("# nothing yet\n").unwrap().is_empty());
    }

    #[test]
    fn errors_are_located() {
        let e = parse("- id: Hoan Kiem\n  name: A\n- id: b\n  name: B\n  phone: call us\n- id: b\n  name: C\n").unwrap_err();
        let locs: Vec<String> = e.iter().map(|d| d.location()).collect();
        assert_eq!(locs, vec!["localities.yaml:1:7", "localities.yaml:5:10", "localities.yaml:6:7"]);
        let e = parse("- id: a\n  nam: A\n").unwrap_err();
        assert_eq!(e.0[0].position.map(|p| p.line), Some(2));
    }
}
