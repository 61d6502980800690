//! Embeddable widgets for newspapers and partner portals, under `embed/`:
//! `schedule.html` (every campaign), `<campaign>.html` (one card), their
//! auto-height variants under `auto/`, their oEmbed responses under
//! `oembed/` (with `oembed/providers.json`), and `index.html` (each widget
//! live beside its copy-paste snippets, and the print box).
//!
//! Widgets use no JavaScript and load nothing: their CSS is inline, links are
//! absolute and open in a new tab, they fit from 280 px to full width and follow
//! the reader's light or dark preference. The auto-height variant adds one
//! small inline script that posts the widget's height to the page that embeds
//! it, which resizes the iframe with the few lines it pasted (checking that
//! the message comes from the site's origin). Templates: `templates/embed/*.html`.
//!
//! oEmbed: a static site cannot answer `?url=…&maxwidth=…`, so each widget's
//! response is a static JSON file (`type: rich`, the no-JavaScript snippet as
//! `html`), and the pages name it in a discovery link (`<link rel="alternate"
//! type="application/json+oembed">`): the hub names the schedule's, a
//! campaign's home and pages their card's.

use serde::Serialize;
use tera::{Context, Tera};

use super::context::ordered_campaigns;
use super::escape::html_attr;
use super::html::tera_diagnostic;
use super::print::PrintBox;
use super::Output;
use crate::diag::Diagnostics;
use crate::plan::Plan;
use crate::urls;

/// How long an oEmbed consumer may cache a response, in seconds (a day: the
/// site is rebuilt at most daily, and the snippet itself rarely changes).
pub const OEMBED_CACHE_AGE: u32 = 86_400;

/// The width the oEmbed responses give, in pixels: a usual article column.
/// The iframe itself is `width="100%"` and fits any width from 280 px.
pub const OEMBED_WIDTH: u32 = 600;

/// The suggested height of a campaign's card, in pixels (for a 300 px column).
const CARD_HEIGHT: u32 = 380;

/// The suggested height of the schedule with `n` campaigns.
fn schedule_height(n: usize) -> u32 {
    150 + 150 * n as u32
}

/// One widget as listed on `embed/index.html`.
#[derive(Serialize)]
struct Widget {
    /// `schedule` or the campaign's id.
    name: String,
    title: String,
    /// Path relative to `embed/`.
    path: String,
    /// Absolute URL.
    url: String,
    /// Suggested iframe height in pixels.
    height: u32,
    /// The `<iframe>` to copy (no JavaScript).
    snippet: String,
    /// The auto-height variant: its iframe and the script the page adds.
    auto_snippet: String,
    /// Its oEmbed response's absolute URL.
    oembed_url: String,
    /// The page whose address, pasted into a CMS, embeds this widget.
    page_url: String,
}

/// An oEmbed 1.0 response of type `rich`.
#[derive(Serialize)]
struct OEmbed<'a> {
    r#type: &'static str,
    version: &'static str,
    title: &'a str,
    provider_name: &'a str,
    provider_url: &'a str,
    html: &'a str,
    width: u32,
    height: u32,
    cache_age: u32,
}

/// The iframe of a widget at `url`, as a page pastes it.
fn iframe(url: &str, title: &str, height: u32, auto: bool) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" loading=\"lazy\" width=\"100%\" height=\"{height}\" style=\"border:0;max-width:100%\"{}></iframe>",
        html_attr(url),
        html_attr(title),
        if auto { " data-loa-auto" } else { "" }
    )
}

/// The script a page adds once, beside auto-height widgets: it sets the
/// height of the iframe a message comes from, if it comes from `origin`.
fn resizer(origin: &str) -> String {
    format!(
        "<script>\naddEventListener(\"message\", function (e) {{\n  if (e.origin !== \"{}\" || !e.data || e.data.loa !== \"height\") return;\n  var f = document.querySelectorAll(\"iframe[data-loa-auto]\");\n  for (var i = 0; i < f.length; i++) if (f[i].contentWindow === e.source) f[i].style.height = Math.min(Math.max(+e.data.height || 0, 100), 4000) + \"px\";\n}});\n</script>",
        origin.replace(['\\', '"'], "")
    )
}

/// Renders the widgets, their auto-height variants, their oEmbed responses
/// and the index page.
pub fn render(plan: &Plan<'_>, tera: &Tera, print: &[PrintBox], out: &Output<'_>) -> Result<(), Diagnostics> {
    let site = plan.site();
    let lang = site.default_language();
    let theme = plan.theme();
    let abs = |path: &str| urls::absolute(site, &urls::of_file(site, path));
    let mut base = Context::new();
    base.insert("lang", lang);
    let strings = theme.strings.get(lang).cloned().unwrap_or_default();
    base.insert("t", &strings);
    let site_title = site.title.get(lang, lang);
    base.insert("site_title", site_title);
    base.insert("site_url", &site.base_url);
    let hotlines: Vec<serde_json::Value> = site
        .hotlines
        .iter()
        .map(|h| serde_json::json!({"number": h.number, "tel": h.tel, "label": h.label.get(lang, lang)}))
        .collect();
    base.insert("hotlines", &hotlines);
    let campaigns = ordered_campaigns(plan, lang);
    let origin = urls::origin(site);

    let mut widgets = Vec::new();
    let mut push = |name: &str, title: String, height: u32, page_url: String| {
        let url = abs(&urls::embed(name));
        let auto_url = abs(&urls::embed_auto(name));
        widgets.push(Widget {
            name: name.to_owned(),
            snippet: iframe(&url, &title, height, false),
            auto_snippet: format!("{}\n{}", iframe(&auto_url, &title, height, true), resizer(&origin)),
            oembed_url: abs(&urls::oembed(name)),
            path: format!("{name}.html"),
            title,
            url,
            height,
            page_url,
        });
    };
    push(urls::SCHEDULE_WIDGET, theme.string(lang, "embed_schedule_title").to_owned(), schedule_height(campaigns.len()), urls::absolute(site, &urls::hub(site, lang)));
    for c in &campaigns {
        let page = plan.campaign_named(&c.id).map(|id| plan.campaign_url(id, lang)).unwrap_or_default();
        push(&c.id, c.title.clone(), CARD_HEIGHT, urls::absolute(site, &page));
    }

    let render = |name: &str, ctx: &Context| tera.render(name, ctx).map_err(|e| Diagnostics::from(tera_diagnostic(&e, theme)));
    // Each widget twice: without JavaScript, and with the auto-height script.
    for auto in [false, true] {
        let path = |name: &str| if auto { urls::embed_auto(name) } else { urls::embed(name) };
        let mut ctx = base.clone();
        ctx.insert("auto_height", &auto);
        ctx.insert("campaigns", &campaigns);
        ctx.insert("oembed_url", &abs(&urls::oembed(urls::SCHEDULE_WIDGET)));
        out.add(path(urls::SCHEDULE_WIDGET), render("embed/schedule.html", &ctx)?.into_bytes());
        for c in &campaigns {
            let mut ctx = base.clone();
            ctx.insert("auto_height", &auto);
            ctx.insert("campaign", c);
            ctx.insert("oembed_url", &abs(&urls::oembed(&c.id)));
            out.add(path(&c.id), render("embed/campaign.html", &ctx)?.into_bytes());
        }
    }
    for w in &widgets {
        let response = OEmbed {
            r#type: "rich",
            version: "1.0",
            title: &w.title,
            provider_name: site_title,
            provider_url: &site.base_url,
            html: &w.snippet,
            width: OEMBED_WIDTH,
            height: w.height,
            cache_age: OEMBED_CACHE_AGE,
        };
        out.add(urls::oembed(&w.name), json(&response));
    }
    out.add(urls::OEMBED_PROVIDERS, providers(plan, &widgets));

    let mut ctx = base;
    ctx.insert("widgets", &widgets);
    ctx.insert("ics_url", &abs(urls::CALENDAR));
    ctx.insert("webcal_url", &urls::webcal(site, urls::CALENDAR));
    ctx.insert("json_url", &abs(urls::SCHEDULE_JSON));
    ctx.insert("feed_url", &abs(&urls::feed(site, lang)));
    ctx.insert("hub_url", &urls::hub(site, lang));
    ctx.insert("providers_url", &abs(urls::OEMBED_PROVIDERS));
    ctx.insert("oembed_width", &OEMBED_WIDTH);
    ctx.insert("print", print);
    out.add(urls::embed("index"), render("embed/index.html", &ctx)?.into_bytes());
    Ok(())
}

fn json(v: &impl Serialize) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(v).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

/// `embed/oembed/providers.json`: the widgets as endpoints in the format of
/// oembed.com's provider list, for a CMS that wants an endpoint for a URL
/// scheme. Each endpoint is a static file, which a web server serves
/// whatever the query (`?url=…&format=json`) says. The campaigns come first:
/// consumers that try schemes in order, or by prefix, find the card of a
/// campaign's page before the schedule of the hub.
fn providers(plan: &Plan<'_>, widgets: &[Widget]) -> Vec<u8> {
    let site = plan.site();
    let mut endpoints = Vec::new();
    for w in widgets.iter().filter(|w| w.name != urls::SCHEDULE_WIDGET) {
        let mut schemes = Vec::new();
        if let Some(c) = plan.campaign_named(&w.name) {
            for l in plan.languages_of(c) {
                schemes.push(format!("{}*", urls::absolute(site, &urls::campaign(site, &w.name, l))));
            }
        }
        schemes.push(w.url.clone());
        endpoints.push(serde_json::json!({"schemes": schemes, "url": w.oembed_url, "discovery": true}));
    }
    for w in widgets.iter().filter(|w| w.name == urls::SCHEDULE_WIDGET) {
        let mut schemes: Vec<String> = site.languages.iter().map(|l| urls::absolute(site, &urls::hub(site, l))).collect();
        schemes.push(w.url.clone());
        endpoints.push(serde_json::json!({"schemes": schemes, "url": w.oembed_url, "discovery": true}));
    }
    let def = site.default_language();
    json(&serde_json::json!([{ "provider_name": site.title.get(def, def), "provider_url": site.base_url, "endpoints": endpoints }]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_escape_and_mark_the_auto_variant() {
        let plain = iframe("https://x.example/embed/a.html?b=1&c=2", "Tết \"Trung thu\" <3", 380, false);
        assert_eq!(plain, "<iframe src=\"https://x.example/embed/a.html?b=1&amp;c=2\" title=\"Tết &quot;Trung thu&quot; &lt;3\" loading=\"lazy\" width=\"100%\" height=\"380\" style=\"border:0;max-width:100%\"></iframe>");
        assert!(iframe("u", "t", 1, true).ends_with(" data-loa-auto></iframe>"));
        let script = resizer("https://x.example");
        assert!(script.contains("e.origin !== \"https://x.example\""), "{script}");
        assert!(script.contains("iframe[data-loa-auto]") && script.contains("e.source"));
    }
}
