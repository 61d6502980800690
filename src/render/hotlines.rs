//! The hotlines as print shows them (leaflets, booklets, posters and the
//! newspapers' print box): 111 first, added when `site.yaml` does not list
//! it, each named in the print's language and, when that is not the site's
//! default, in the default one too.

use serde::Serialize;
use crate::render::escape::nfc;

use crate::plan::Plan;

/// A telephone line as print shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hotline {
    /// As people write it: `024.3525.662`.
    pub number: String,
    /// `tel:` URL.
    pub tel: String,
    /// What it is, in the leaflet's language.
    pub label: String,
    /// Its name in the site's default language when the leaflet is in another
    /// one (what the person answering will understand), else `None`.
    pub label_local: Option<String>,
    /// Hours, cost.
    pub note: Option<String>,
}

/// The hotlines as a leaflet in `lang` shows them: 111 first (added when
/// `site.yaml` does not list it), each with its name in the default language
/// when the leaflet is in another one.
pub fn hotlines(plan: &Plan<'_>, lang: &str) -> Vec<Hotline> {
    let site = plan.site();
    let theme = plan.theme();
    let def = site.default_language();
    let mut out: Vec<Hotline> = site
        .hotlines
        .iter()
        .map(|h| {
            let label = nfc(h.label.get(lang, def));
            let local = nfc(h.label.get(def, def));
            Hotline {
                number: h.number.clone(),
                tel: format!("tel:{}", h.tel),
                label_local: (lang != def && local != label).then_some(local),
                label,
                note: h.note.as_ref().map(|n| nfc(n.get(lang, def))),
            }
        })
        .collect();
    if !site.hotlines.iter().any(|h| h.tel == "111") {
        out.insert(
            0,
            Hotline {
                number: "111".into(),
                tel: "tel:111".into(),
                label: theme.string(lang, "leaflet_111_label").to_owned(),
                label_local: (lang != def).then(|| theme.string(def, "leaflet_111_label").to_owned()),
                note: Some(theme.string(lang, "leaflet_111_note").to_owned()),
            },
        );
    }
    out
}
