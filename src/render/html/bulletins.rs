//! The HTML of bulletins for commune radio: the index of each language
//! (`phat-thanh/index.html`, `en/broadcast/index.html`) with today's live
//! bulletins — air times, days, dates, reading time, the text as read, its
//! `.txt` and script sheet — and the files for loudspeaker platforms; and
//! the box on a bulletin's own page. What they show of a bulletin is
//! [`crate::render::bulletin`]'s.

use serde::Serialize;

use super::Renderer;
use crate::diag::Diagnostic;
use crate::plan::PageId;
use crate::render::bulletin::{self, BulletinCtx};
use crate::urls;

/// The files for machines in a bulletins folder, as the index links them.
#[derive(Serialize)]
struct MachineFiles {
    ics: String,
    webcal: String,
    json: String,
    feed: String,
}

impl Renderer<'_, '_> {
    /// The URL path of the bulletins index in `lang`, when the site has bulletins.
    pub(super) fn bulletins_url(&self, lang: &str) -> Option<String> {
        bulletin::any(self.plan).then(|| urls::of_file(self.plan.site(), &bulletin::dir(self.plan, lang)))
    }

    /// Page `id` as a live bulletin, for the box on its page.
    pub(super) fn page_bulletin(&self, id: PageId) -> Option<BulletinCtx> {
        self.plan.page(id).page.front.broadcast.as_ref()?;
        self.plan.bulletins().into_iter().find(|b| b.page == id).map(|b| bulletin::ctx(self.plan, &b).0)
    }

    /// The bulletins index of `lang`.
    pub(super) fn bulletin_index(&self, lang: &str) -> Result<(String, Vec<u8>), Diagnostic> {
        let (site, theme) = (self.plan.site(), self.plan.theme());
        let dir = bulletin::dir(self.plan, lang);
        let url = urls::of_file(site, &dir);
        let mut ctx = self.base_context(lang, None);
        ctx.insert("page", &self.generated(theme.string(lang, "broadcast_title").to_owned(), theme.string(lang, "broadcast_intro").to_owned(), &url, "broadcast"));
        ctx.insert("bulletins", &bulletin::in_language(self.plan, lang));
        let [ics, json, feed] = urls::broadcast_files(lang);
        let file = |name: &str| urls::of_file(site, &format!("{dir}{name}"));
        ctx.insert("machine", &MachineFiles { ics: file(ics), webcal: urls::webcal(site, &format!("{dir}{ics}")), json: file(json), feed: file(feed) });
        let urls: Vec<(String, String)> = site.languages.iter().filter_map(|l| Some((l.clone(), self.bulletins_url(l)?))).collect();
        ctx.insert("alternates", &self.alternates(lang, &urls));
        self.render("broadcast.html", &ctx, format!("{dir}index.html"))
    }
}
