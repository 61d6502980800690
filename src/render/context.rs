//! What templates see of a campaign ([`CampaignCtx`]): its title, dates,
//! state and countdown already written for the page's language, so a theme
//! needs no logic beyond loops and conditions; and a page's language
//! versions ([`alternates`]). Shared by the HTML pages and the widgets.

use serde::Serialize;

use crate::plan::{CampaignId, Plan};
use crate::time::format;
use crate::time::state::State;
use crate::urls;

/// The colour of a campaign that sets none.
pub const DEFAULT_COLOR: &str = "#9a3412";

/// A campaign as templates see it.
#[derive(Serialize, Clone)]
pub struct CampaignCtx {
    /// Its id.
    pub id: String,
    /// Its title in the page's language.
    pub title: String,
    /// The language its title is written in, when that is not the page's
    /// (a fallback the page marks with `lang`).
    title_lang: Option<String>,
    url: String,
    /// The language of the page `url` leads to, when that is not the
    /// page's (the campaign has no home in it): `hreflang`.
    url_lang: Option<String>,
    permalink: String,
    color: String,
    state: &'static str,
    state_label: String,
    dates: Option<String>,
    /// The first day of the occurrence its state is about (ISO 8601).
    pub start: Option<String>,
    end: Option<String>,
    days: Option<i64>,
    summary: Option<String>,
    /// The language of its summary, when that is not the page's.
    summary_lang: Option<String>,
    ics: String,
    webcal: String,
}

/// Builds the data of one campaign in `lang`.
pub fn campaign_ctx(plan: &Plan<'_>, id: CampaignId, lang: &str) -> CampaignCtx {
    let cr = plan.campaign(id);
    let c = cr.campaign;
    let site = plan.site();
    let theme = plan.theme();
    let def = site.default_language();
    let occ = cr.status.occurrence;
    let dates = occ.map(|o| format::range(&o, lang));
    let state = cr.status.state;
    let label = match state {
        State::Active => theme.string(lang, "state_active").to_owned(),
        State::Upcoming => {
            let n = cr.status.days.unwrap_or(0);
            if n == 1 { theme.string(lang, "countdown_one").to_owned() } else { theme.string(lang, "countdown").replace("{n}", &n.to_string()) }
        }
        State::Recent => theme.string(lang, "state_recent").to_owned(),
        State::Dormant => match &dates {
            Some(d) => theme.string(lang, "state_next").replace("{dates}", d),
            None => theme.string(lang, "state_over").to_owned(),
        },
    };
    let home = plan.home(id, lang).or_else(|| plan.home(id, def));
    let summary = home.and_then(|h| plan.page(h).page.front.summary.clone());
    let summary_lang = home.map(|h| plan.page(h).page.lang.as_str()).filter(|l| *l != lang).map(str::to_owned);
    let (title, title_lang) = c.title.get_marked(lang, def);
    let url = plan.campaign_url(id, lang);
    let calendar = urls::campaign_calendar(&c.id);
    CampaignCtx {
        id: c.id.clone(),
        title: title.to_owned(),
        title_lang: title_lang.map(str::to_owned),
        permalink: urls::absolute(site, &url),
        url,
        url_lang: (!plan.languages_of(id).contains(&lang)).then(|| def.to_owned()),
        color: c.color.clone().unwrap_or_else(|| DEFAULT_COLOR.to_owned()),
        state: state.name(),
        state_label: label,
        dates,
        start: occ.map(|o| format::iso(o.start)),
        end: occ.map(|o| format::iso(o.end)),
        days: if state == State::Upcoming { cr.status.days } else { None },
        summary_lang: summary.as_ref().and(summary_lang),
        summary,
        ics: urls::of_file(site, &calendar),
        webcal: urls::webcal(site, &calendar),
    }
}

/// Campaigns in the order a reader wants them: active, upcoming (soonest
/// first), recent, then the rest by their next dates.
pub fn ordered_campaigns(plan: &Plan<'_>, lang: &str) -> Vec<CampaignCtx> {
    let mut ids: Vec<CampaignId> = plan.campaigns().map(|c| c.id).collect();
    ids.sort_by_key(|&i| {
        let s = plan.campaign(i).status;
        (s.state, s.occurrence.map(|o| o.start), i)
    });
    ids.into_iter().map(|i| campaign_ctx(plan, i, lang)).collect()
}

/// The language versions of a page of `lang`, from (language, URL path)
/// pairs: what `partials/languages.html` and the `hreflang` links show.
pub fn alternates(plan: &Plan<'_>, lang: &str, urls: &[(String, String)]) -> Vec<AltCtx> {
    urls.iter()
        .map(|(l, u)| AltCtx {
            lang: l.clone(),
            name: plan.theme().string(l, "language_name").to_owned(),
            url: u.clone(),
            permalink: urls::absolute(plan.site(), u),
            current: l == lang,
        })
        .collect()
}

/// A language version of the current page.
#[derive(Serialize, Clone)]
pub struct AltCtx {
    lang: String,
    name: String,
    url: String,
    permalink: String,
    current: bool,
}
