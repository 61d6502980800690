//! The search page of each language (`tim-kiem/index.html`,
//! `en/search/index.html`): the form, and every live page by campaign and
//! by audience for readers without JavaScript, with what a search that
//! finds nothing offers.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{LinkCtx, Renderer};
use crate::diag::Diagnostic;
use crate::load::content::PageKind;
use crate::time::state::State;
use crate::urls;

/// How many pages each group of the search page lists for readers without
/// JavaScript (a campaign's group links to its home, which lists all).
pub const SEARCH_GROUP_LIMIT: usize = 50;

/// How many site-wide pages a search that finds nothing offers, after the
/// campaigns on now.
pub const SEARCH_USEFUL_PAGES: usize = 4;

/// A group of links on the search page: a campaign's pages, or an audience's.
#[derive(Serialize, Clone)]
struct GroupCtx {
    title: String,
    url: Option<String>,
    pages: Vec<LinkCtx>,
}

/// The search page's own data.
#[derive(Serialize)]
struct SearchCtx {
    url: String,
    /// The folder of the index, when the site has one.
    index_url: Option<String>,
    groups: Vec<GroupCtx>,
    audiences: Vec<GroupCtx>,
    /// What a search that finds nothing offers (besides the hotlines): the
    /// campaigns on now, then the first of the site-wide pages.
    useful: Vec<LinkCtx>,
}

impl Renderer<'_, '_> {
    pub(super) fn search_url(&self, lang: &str) -> String {
        urls::search(self.plan.site(), self.plan.theme().string(lang, "search_slug"), lang)
    }

    /// The search page of `lang`: the form, and every live page by campaign
    /// and by audience, for readers without JavaScript.
    pub(super) fn search(&self, lang: &str) -> Result<(String, Vec<u8>), Diagnostic> {
        let site = self.plan.site();
        let theme = self.plan.theme();
        let def = site.default_language();
        let mut ctx = self.base_context(lang, None);
        let url = self.search_url(lang);
        ctx.insert("page", &self.generated(theme.string(lang, "search_title").to_owned(), self.page_description(lang), &url, "search"));
        let mut groups: Vec<GroupCtx> = self
            .plan
            .campaigns()
            .map(|c| GroupCtx {
                title: c.campaign.title.get(lang, def).to_owned(),
                url: Some(self.plan.campaign_url(c.id, lang)),
                pages: self.campaign_pages(c.id, lang).iter().take(SEARCH_GROUP_LIMIT).map(|&i| self.link(i, None)).collect(),
            })
            .collect();
        let general: Vec<LinkCtx> = self.site_pages.get(lang).map_or(&[][..], Vec::as_slice).iter().take(SEARCH_GROUP_LIMIT).map(|&i| self.link(i, None)).collect();
        if !general.is_empty() {
            groups.push(GroupCtx { title: theme.string(lang, "search_general").to_owned(), url: None, pages: general });
        }
        let mut by_audience: BTreeMap<String, Vec<LinkCtx>> = BTreeMap::new();
        for p in self.plan.live_pages().filter(|p| p.page.lang == lang && matches!(p.page.kind, PageKind::CampaignPage(_) | PageKind::SitePage)) {
            for label in theme.audience_labels(lang, &p.page.front.audience) {
                by_audience.entry(label).or_default().push(self.link(p.id, None));
            }
        }
        let audiences = by_audience
            .into_iter()
            .map(|(title, mut pages)| {
                pages.sort_by(|a, b| a.title.cmp(&b.title));
                pages.truncate(SEARCH_GROUP_LIMIT);
                GroupCtx { title, url: None, pages }
            })
            .collect();
        let mut useful: Vec<LinkCtx> = self
            .plan
            .campaigns()
            .filter(|c| c.status.state == State::Active)
            .map(|c| LinkCtx { title: c.campaign.title.get(lang, def).to_owned(), url: self.plan.campaign_url(c.id, lang), summary: None, audience_label: None, current: false })
            .collect();
        useful.extend(self.site_pages.get(lang).map_or(&[][..], Vec::as_slice).iter().take(SEARCH_USEFUL_PAGES).map(|&i| self.link(i, None)));
        let index_url = site.search.then(|| urls::of_file(site, &format!("{}/", urls::search_dir(lang))));
        ctx.insert("search", &SearchCtx { url: url.clone(), index_url, groups, audiences, useful });
        let urls: Vec<(String, String)> = site.languages.iter().map(|l| (l.clone(), self.search_url(l))).collect();
        ctx.insert("alternates", &self.alternates(lang, &urls));
        self.render("search.html", &ctx, urls::index_file(site, &url))
    }
}
