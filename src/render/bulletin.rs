//! What every output of a bulletin for commune radio shows of it
//! ([`BulletinCtx`]): its titles, the text said, its air times, weekdays and
//! window written for people, its reading time and where its files are.
//! Shared by the bulletins' own renderer ([`super::broadcast`]: text, script
//! sheet, calendar, JSON, feed) and the HTML pages (the index, the page's
//! box), so neither imports the other. Dates come from the plan
//! ([`crate::plan::airings`]).

use chrono::Weekday;
use serde::Serialize;

use crate::load::broadcast::{read_aloud, Spoken};
use crate::plan::airings::Bulletin;
use crate::plan::Plan;
use crate::time::format;
use crate::urls;

/// A bulletin as its outputs show it.
#[derive(Debug, Clone, Serialize)]
pub struct BulletinCtx {
    /// The page's language.
    pub lang: String,
    /// The title as written (`broadcast: {title}`, else the page's).
    pub title: String,
    /// The title as said.
    pub said_title: String,
    /// The body as said: paragraphs separated by an empty line.
    pub text: String,
    /// The page's URL path.
    pub page_url: String,
    /// The page's absolute URL.
    pub permalink: String,
    /// The output path of its files, without the extension.
    #[serde(skip)]
    pub stem: String,
    /// The URL path of the text to read (`.txt`).
    pub txt_url: String,
    /// The URL path of the script sheet (`.pdf`).
    pub pdf_url: String,
    /// How long it takes to read aloud, in seconds.
    pub reading_seconds: u32,
    /// The same for people: `50 giây`, `2 min 10 s`.
    pub reading: String,
    /// The air times, `06:00`, earliest first.
    pub times: Vec<String>,
    /// The weekdays it is aired, as iCalendar writes them (`MO`); empty for
    /// every day.
    pub days: Vec<&'static str>,
    /// The same for people: `Hằng ngày`, `Thứ Hai, Thứ Tư`.
    pub days_text: String,
    /// The first day of its window (ISO 8601), `None` when open.
    pub from: Option<String>,
    /// The last day of its window (ISO 8601, included), `None` when open.
    pub until: Option<String>,
    /// The window for people: `1/6 – 30/6/2027`, `Từ 1/6/2027`.
    pub window_text: String,
    /// The campaign's title, for a campaign's page.
    pub campaign: Option<String>,
}

/// A weekday as iCalendar writes it (`BYDAY`).
pub fn ical_day(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "MO",
        Weekday::Tue => "TU",
        Weekday::Wed => "WE",
        Weekday::Thu => "TH",
        Weekday::Fri => "FR",
        Weekday::Sat => "SA",
        Weekday::Sun => "SU",
    }
}

/// Whether any page of the site, live or not, is a bulletin: then every
/// language has its bulletins folder (empty on days none is live).
pub fn any(plan: &Plan<'_>) -> bool {
    plan.pages().any(|p| p.page.front.broadcast.is_some())
}

/// The output folder of bulletins in `lang` (`phat-thanh/`).
pub fn dir(plan: &Plan<'_>, lang: &str) -> String {
    urls::broadcast_dir(plan.site(), plan.theme().string(lang, "broadcast_slug"), lang)
}

/// One live bulletin with what is said.
pub fn ctx(plan: &Plan<'_>, b: &Bulletin<'_>) -> (BulletinCtx, Spoken) {
    let site = plan.site();
    let theme = plan.theme();
    let pr = plan.page(b.page);
    let page = pr.page;
    let lang = page.lang.as_str();
    let spoken = read_aloud(site, theme, page, b.broadcast);
    let stem = urls::bulletin_stem(&dir(plan, lang), page);
    let (from, last) = (b.window.0, b.last_day());
    let window_text = match (from, last) {
        (Some(f), Some(l)) => format::range(&crate::time::Occurrence { start: f, end: l }, lang),
        (Some(f), None) => theme.string(lang, "broadcast_from").replace("{date}", &format::short(f, lang)),
        (None, Some(l)) => theme.string(lang, "broadcast_until").replace("{date}", &format::short(l, lang)),
        (None, None) => theme.string(lang, "broadcast_always").to_owned(),
    };
    let days_text = if b.days().is_empty() {
        theme.string(lang, "broadcast_every_day").to_owned()
    } else {
        b.days().iter().map(|d| format::weekday(*d, lang)).collect::<Vec<_>>().join(", ")
    };
    let ctx = BulletinCtx {
        lang: lang.to_owned(),
        title: spoken.title.clone(),
        said_title: spoken.said_title.clone(),
        text: spoken.speech.text.clone(),
        page_url: pr.url.to_owned(),
        permalink: urls::absolute(site, pr.url),
        txt_url: urls::of_file(site, &format!("{stem}.txt")),
        pdf_url: urls::of_file(site, &format!("{stem}.pdf")),
        stem,
        reading_seconds: spoken.seconds,
        reading: format::duration(spoken.seconds, lang),
        times: b.times().iter().map(ToString::to_string).collect(),
        days: b.days().iter().map(|d| ical_day(*d)).collect(),
        days_text,
        from: from.map(format::iso),
        until: last.map(format::iso),
        window_text,
        campaign: pr.campaign.map(|c| plan.campaign(c).campaign.title.get(lang, site.default_language()).to_owned()),
    };
    (ctx, spoken)
}

/// The live bulletins in `lang`, in source order.
pub fn in_language(plan: &Plan<'_>, lang: &str) -> Vec<BulletinCtx> {
    plan.bulletins().iter().filter(|b| plan.page(b.page).page.lang == lang).map(|b| ctx(plan, b).0).collect()
}
