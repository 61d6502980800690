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
use super::escape::attribute;
use super::context::alternates;
use super::templates::tera_diagnostic;
use super::made::print_box::PrintBox;
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

/// The fragment the copy-paste snippets put after a widget's address: the
/// host page picks the widget's colours with it (`#theme=light`, the
/// default; `#theme=dark`; `#theme=auto`, the reader's system setting), and
/// the widget's CSS reads it with `:target`, without JavaScript
/// (`templates/embed/_style.html`). Any other fragment, or none, is light.
pub const SNIPPET_THEME: &str = "#theme=light";

/// One widget as listed on its language's `embed/index.html`.
#[derive(Serialize)]
struct Widget {
    /// `schedule` or the campaign's id.
    name: String,
    /// Its language.
    lang: String,
    title: String,
    /// Path relative to the language's `embed/`.
    path: String,
    /// Absolute URL.
    url: String,
    /// Suggested iframe height in pixels.
    height: u32,
    /// The `<iframe>` to copy (no JavaScript), with [`SNIPPET_THEME`].
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
        attribute(url),
        attribute(title),
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

/// Renders, in each language of the site, the widgets, their auto-height
/// variants, their oEmbed responses and the page of snippets (`embed/` in
/// the default language, `<lang>/embed/` in the others), then the list of
/// oEmbed endpoints of every language.
pub fn render(cx: &crate::render::Ctx<'_, '_>, out: &Output<'_>, print: &[PrintBox]) -> Result<(), Diagnostics> {
    let (plan, tera) = (cx.plan, cx.tera);
    let mut widgets = Vec::new();
    for lang in &plan.site().languages {
        widgets.extend(render_language(plan, tera, print, out, lang)?);
    }
    out.add(urls::OEMBED_PROVIDERS, providers(plan, &widgets));
    Ok(())
}

/// The widgets of `lang`, their variants, responses and snippets page.
fn render_language(plan: &Plan<'_>, tera: &Tera, print: &[PrintBox], out: &Output<'_>, lang: &str) -> Result<Vec<Widget>, Diagnostics> {
    let site = plan.site();
    let def = site.default_language();
    let theme = plan.theme();
    let abs = |path: &str| urls::absolute(site, &urls::of_file(site, path));
    let mut base = Context::new();
    base.insert("lang", lang);
    let strings = theme.strings.get(lang).cloned().unwrap_or_default();
    base.insert("t", &strings);
    let site_title = site.title.get(lang, def);
    base.insert("site_title", site_title);
    base.insert("site_url", &urls::absolute(site, &urls::hub(site, lang)));
    let hotlines: Vec<serde_json::Value> = site
        .hotlines
        .iter()
        .map(|h| serde_json::json!({"number": h.number, "tel": h.tel, "label": h.label.get(lang, def)}))
        .collect();
    base.insert("hotlines", &hotlines);
    let campaigns = ordered_campaigns(plan, lang);
    let origin = urls::origin(site);

    let mut widgets = Vec::new();
    let mut push = |name: &str, title: String, height: u32, page_url: String| {
        let url = abs(&urls::embed(site, lang, name));
        let auto_url = abs(&urls::embed_auto(site, lang, name));
        widgets.push(Widget {
            name: name.to_owned(),
            lang: lang.to_owned(),
            snippet: iframe(&format!("{url}{SNIPPET_THEME}"), &title, height, false),
            auto_snippet: format!("{}\n{}", iframe(&format!("{auto_url}{SNIPPET_THEME}"), &title, height, true), resizer(&origin)),
            oembed_url: abs(&urls::oembed(site, lang, name)),
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
        let path = |name: &str| if auto { urls::embed_auto(site, lang, name) } else { urls::embed(site, lang, name) };
        let mut ctx = base.clone();
        ctx.insert("auto_height", &auto);
        ctx.insert("campaigns", &campaigns);
        ctx.insert("oembed_url", &abs(&urls::oembed(site, lang, urls::SCHEDULE_WIDGET)));
        out.add(path(urls::SCHEDULE_WIDGET), render("embed/schedule.html", &ctx)?.into_bytes());
        for c in &campaigns {
            let mut ctx = base.clone();
            ctx.insert("auto_height", &auto);
            ctx.insert("campaign", c);
            ctx.insert("oembed_url", &abs(&urls::oembed(site, lang, &c.id)));
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
            html: &iframe(&w.url, &w.title, w.height, false),
            width: OEMBED_WIDTH,
            height: w.height,
            cache_age: OEMBED_CACHE_AGE,
        };
        out.add(urls::oembed(site, lang, &w.name), json(&response));
    }

    let mut ctx = base;
    ctx.insert("widgets", &widgets);
    ctx.insert("ics_url", &abs(urls::CALENDAR));
    ctx.insert("webcal_url", &urls::webcal(site, urls::CALENDAR));
    ctx.insert("json_url", &abs(urls::SCHEDULE_JSON));
    ctx.insert("feed_url", &abs(&urls::feed(site, lang)));
    ctx.insert("hub_url", &urls::hub(site, lang));
    ctx.insert("style_url", &urls::of_file(site, "style.css"));
    ctx.insert("providers_url", &abs(urls::OEMBED_PROVIDERS));
    ctx.insert("oembed_width", &OEMBED_WIDTH);
    ctx.insert("print", print);
    ctx.insert("snippet_theme", SNIPPET_THEME);
    let pages: Vec<(String, String)> = site.languages.iter().map(|l| (l.clone(), urls::embed_page(site, l))).collect();
    ctx.insert("alternates", &alternates(plan, lang, &pages));
    out.add(urls::embed(site, lang, "index"), render("embed/index.html", &ctx)?.into_bytes());
    Ok(widgets)
}

fn json(v: &impl Serialize) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(v).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

/// `embed/oembed/providers.json`: the widgets of every language as
/// endpoints in the format of oembed.com's provider list, for a CMS that
/// wants an endpoint for a URL scheme. Each endpoint is a static file, which
/// a web server serves whatever the query (`?url=…&format=json`) says. A
/// campaign's pages in a language and its widget in that language lead to
/// the card in that language. The campaigns come first, and the default
/// language's hub (`/`, a prefix of every address) last: consumers that try
/// schemes in order, or by prefix, find the card of a campaign's page
/// before a schedule, and the English hub's schedule before the default's.
fn providers(plan: &Plan<'_>, widgets: &[Widget]) -> Vec<u8> {
    let site = plan.site();
    let schedule = |w: &Widget| w.name == urls::SCHEDULE_WIDGET;
    let mut ordered: Vec<&Widget> = widgets.iter().collect();
    ordered.sort_by_key(|w| (schedule(w), w.lang == site.default_language()));
    let mut endpoints = Vec::new();
    for w in ordered {
        let mut schemes = Vec::new();
        if schedule(w) {
            schemes.push(urls::absolute(site, &urls::hub(site, &w.lang)));
        } else if let Some(c) = plan.campaign_named(&w.name)
            && plan.languages_of(c).contains(&w.lang.as_str())
        {
            schemes.push(format!("{}*", urls::absolute(site, &urls::campaign(site, &w.name, &w.lang))));
        }
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
