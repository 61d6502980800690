//! Embeddable widgets for newspapers and partner portals, under `embed/`:
//! `schedule.html` (every campaign), `<campaign>.html` (one card) and
//! `index.html` (each widget live beside its copy-paste `<iframe>` snippet).
//!
//! Widgets use no JavaScript and load nothing: their CSS is inline, links are
//! absolute and open in a new tab, they fit from 280 px to full width and follow
//! the reader's light or dark preference. Templates: `templates/embed/*.html`.

use serde::Serialize;
use tera::{Context, Tera};

use super::context::ordered_campaigns;
use super::html::tera_diagnostic;
use super::Output;
use crate::diag::Diagnostics;
use crate::plan::Plan;
use crate::urls;

/// One widget as listed on `embed/index.html`.
#[derive(Serialize)]
struct Widget {
    title: String,
    /// Path relative to `embed/`.
    path: String,
    /// Absolute URL.
    url: String,
    /// Suggested iframe height in pixels.
    height: u32,
    /// The `<iframe>` to copy.
    snippet: String,
}

fn html_attr(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// Renders the widgets and their index page.
pub fn render(plan: &Plan<'_>, tera: &Tera, out: &Output<'_>) -> Result<(), Diagnostics> {
    let site = plan.site();
    let lang = site.default_language();
    let theme = plan.theme();
    let embed_url = |p: &str| urls::absolute(site, &urls::of_file(site, &format!("{}/{p}", urls::EMBED_DIR)));
    let mut base = Context::new();
    base.insert("lang", lang);
    let strings = theme.strings.get(lang).cloned().unwrap_or_default();
    base.insert("t", &strings);
    base.insert("site_title", site.title.get(lang, lang));
    base.insert("site_url", &site.base_url);
    let hotlines: Vec<serde_json::Value> = site
        .hotlines
        .iter()
        .map(|h| serde_json::json!({"number": h.number, "tel": h.tel, "label": h.label.get(lang, lang)}))
        .collect();
    base.insert("hotlines", &hotlines);
    let campaigns = ordered_campaigns(plan, lang);

    let mut widgets = Vec::new();
    let schedule_height = 150 + 150 * campaigns.len() as u32;
    let mut push = |title: String, path: String, height: u32| {
        let url = embed_url(&path);
        let snippet = format!(
            "<iframe src=\"{}\" title=\"{}\" loading=\"lazy\" width=\"100%\" height=\"{height}\" style=\"border:0;max-width:100%\"></iframe>",
            html_attr(&url),
            html_attr(&title)
        );
        widgets.push(Widget { title, path, url, height, snippet });
    };
    push(theme.string(lang, "embed_schedule_title").to_owned(), "schedule.html".into(), schedule_height);
    for c in &campaigns {
        push(c.title.clone(), format!("{}.html", c.id), 380);
    }

    let render = |name: &str, ctx: &Context| tera.render(name, ctx).map_err(|e| Diagnostics::from(tera_diagnostic(&e, theme)));
    let mut ctx = base.clone();
    ctx.insert("campaigns", &campaigns);
    out.add(urls::embed("schedule"), render("embed/schedule.html", &ctx)?.into_bytes());
    for c in &campaigns {
        let mut ctx = base.clone();
        ctx.insert("campaign", c);
        out.add(urls::embed(&c.id), render("embed/campaign.html", &ctx)?.into_bytes());
    }
    let mut ctx = base;
    ctx.insert("widgets", &widgets);
    let abs = |path: &str| urls::absolute(site, &urls::of_file(site, path));
    ctx.insert("ics_url", &abs(urls::CALENDAR));
    ctx.insert("webcal_url", &urls::webcal(site, urls::CALENDAR));
    ctx.insert("json_url", &abs(urls::SCHEDULE_JSON));
    ctx.insert("feed_url", &abs(&urls::feed(site, lang)));
    ctx.insert("hub_url", &urls::hub(site, lang));
    out.add(urls::embed("index"), render("embed/index.html", &ctx)?.into_bytes());
    Ok(())
}
