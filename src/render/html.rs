//! HTML pages with Tera 2: hub, campaign homes, pages, site-wide pages, 404.
//!
//! The templates get precomputed, display-ready data (dates already written the
//! way each language writes them, state labels already translated), so a theme
//! author needs no logic beyond loops and conditions. The context is documented
//! in the README ("Themes").

use std::collections::BTreeMap;
use std::path::PathBuf;

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Tera};

use super::leaflet::Leaflets;
use super::markdown::{self, Resolved};
use super::Output;
use crate::diag::{Diagnostic, Diagnostics, Position};
use crate::load::content::PageKind;
use crate::load::theme::Theme;
use crate::plan::{self, Plan};
use crate::time::format;
use crate::time::state::State;

/// The templates a theme must have.
pub const REQUIRED_TEMPLATES: &[&str] = &["hub.html", "campaign.html", "page.html", "404.html", "leaflets.html"];

/// Compiles the theme's templates, reporting every syntax error with its file and line.
pub fn templates(theme: &Theme) -> Result<Tera, Diagnostics> {
    let mut diags = Diagnostics::new();
    // Each template alone first, to report every syntax error, not only the first.
    for t in theme.templates.values() {
        let mut one = Tera::new();
        if let Err(e) = one.add_raw_template(&t.name, &t.text)
            && matches!(e.kind(), tera::ErrorKind::SyntaxError(_))
        {
            diags.push(tera_diagnostic(&e, theme));
        }
    }
    for name in REQUIRED_TEMPLATES {
        if !theme.templates.contains_key(*name) {
            diags.push(Diagnostic::error(PathBuf::from(format!("themes/{}/templates/{name}", theme.name)), None, format!("the theme has no template {name}")));
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }
    let mut tera = Tera::new();
    tera.autoescape_on(vec![".html", ".xml"]);
    tera.add_raw_templates(theme.templates.values().map(|t| (t.name.as_str(), t.text.as_str())))
        .map_err(|e| Diagnostics::from(tera_diagnostic(&e, theme)))?;
    Ok(tera)
}

/// A Tera error as a located diagnostic, naming the theme file it came from.
pub fn tera_diagnostic(e: &tera::Error, theme: &Theme) -> Diagnostic {
    let file_of = |name: &str| {
        theme.templates.get(name).map_or_else(|| PathBuf::from(format!("themes/{}/templates/{name}", theme.name)), |t| t.origin.display())
    };
    let source_of = |name: &str| theme.templates.get(name).map(|t| t.text.clone());
    match e.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => {
            let span = r.span();
            let mut d = Diagnostic::error(file_of(r.filename()), Some(Position::new(span.start_line, span.start_col + 1)), r.message().to_owned())
                .with_hint("see the Tera 2 template syntax: https://keats.github.io/tera/");
            if let Some(src) = source_of(r.filename()) {
                d = d.with_source(&src);
            }
            d
        }
        tera::ErrorKind::MissingParent { current, parent } => Diagnostic::error(file_of(current), None, format!("extends \"{parent}\", which does not exist"))
            .with_hint("check the name in {% extends %}"),
        tera::ErrorKind::TemplateNotFound(name) => Diagnostic::error(file_of(name), None, format!("the template {name} does not exist")),
        _ => {
            let mut msg = e.to_string();
            let mut src = std::error::Error::source(e);
            while let Some(s) = src {
                msg.push_str(": ");
                msg.push_str(&s.to_string());
                src = s.source();
            }
            Diagnostic::error(PathBuf::from(format!("themes/{}/templates", theme.name)), None, msg)
        }
    }
}

#[derive(Serialize)]
struct SiteCtx {
    title: String,
    description: String,
    base_url: String,
    base_path: String,
    organisation: OrgCtx,
    hotlines: Vec<HotlineCtx>,
    default_lang: String,
}

#[derive(Serialize)]
struct OrgCtx {
    name: String,
    url: Option<String>,
}

#[derive(Serialize)]
struct HotlineCtx {
    number: String,
    tel: String,
    label: String,
    note: Option<String>,
}

/// A page as templates see it.
#[derive(Serialize, Clone)]
pub struct PageCtx {
    title: String,
    summary: Option<String>,
    description: String,
    content: String,
    url: String,
    permalink: String,
    audience: Option<String>,
    audience_label: Option<String>,
    kind: &'static str,
}

/// A link in a list.
#[derive(Serialize, Clone)]
struct LinkCtx {
    title: String,
    url: String,
    summary: Option<String>,
    audience_label: Option<String>,
    current: bool,
}

/// A language version of the current page.
#[derive(Serialize, Clone)]
struct AltCtx {
    lang: String,
    name: String,
    url: String,
    permalink: String,
    current: bool,
}

/// A campaign as templates see it.
#[derive(Serialize, Clone)]
pub struct CampaignCtx {
    /// Its id.
    pub id: String,
    /// Its title in the page's language.
    pub title: String,
    url: String,
    permalink: String,
    color: String,
    state: &'static str,
    state_label: String,
    dates: Option<String>,
    start: Option<String>,
    end: Option<String>,
    days: Option<i64>,
    summary: Option<String>,
    ics: String,
    webcal: String,
}

/// Builds the data of one campaign in `lang`.
pub fn campaign_ctx(plan: &Plan<'_>, index: usize, lang: &str) -> CampaignCtx {
    let cp = &plan.campaigns[index];
    let c = &plan.inputs.calendar.campaigns[index];
    let site = plan.site();
    let theme = &plan.inputs.theme;
    let def = site.default_language();
    let occ = cp.status.occurrence;
    let dates = occ.map(|o| format::range(&o, lang));
    let state = cp.status.state;
    let label = match state {
        State::Active => theme.string(lang, "state_active").to_owned(),
        State::Upcoming => {
            let n = cp.status.days.unwrap_or(0);
            if n == 1 { theme.string(lang, "countdown_one").to_owned() } else { theme.string(lang, "countdown").replace("{n}", &n.to_string()) }
        }
        State::Recent => theme.string(lang, "state_recent").to_owned(),
        State::Dormant => match &dates {
            Some(d) => theme.string(lang, "state_next").replace("{dates}", d),
            None => theme.string(lang, "state_over").to_owned(),
        },
    };
    let home = plan.find(&PageKind::CampaignHome(c.id.clone()), "", lang).or_else(|| plan.find(&PageKind::CampaignHome(c.id.clone()), "", def));
    let summary = home.and_then(|i| plan.inputs.content.pages[i].front.summary.clone());
    let url_lang = if home.is_some_and(|i| plan.inputs.content.pages[i].lang == lang) { lang } else { def };
    CampaignCtx {
        id: c.id.clone(),
        title: c.title.get(lang, def).to_owned(),
        url: plan::campaign_url(site, &c.id, url_lang),
        permalink: site.absolute(&plan::campaign_url(site, &c.id, url_lang)),
        color: c.color.clone().unwrap_or_else(|| "#9a3412".to_owned()),
        state: state.name(),
        state_label: label,
        dates,
        start: occ.map(|o| format::iso(o.start)),
        end: occ.map(|o| format::iso(o.end)),
        days: if state == State::Upcoming { cp.status.days } else { None },
        summary,
        ics: format!("{}{}/calendar.ics", site.base_path, c.id),
        webcal: super::ics::webcal_url(plan, &format!("{}/calendar.ics", c.id)),
    }
}

/// Renders the Markdown of page `i` for output, resolving its links as of the plan's day.
/// With `absolute`, links to the site's own pages and files carry the base URL
/// (as feed readers need).
pub fn page_html(plan: &Plan<'_>, i: usize, absolute: bool) -> String {
    let page = &plan.inputs.content.pages[i];
    let resolve = |dest: &str| plan.link_url(page, dest, absolute).map_or(Resolved::Unlink, Resolved::To);
    markdown::to_html(&page.body, &markdown::RenderOptions { allow_raw_html: plan.site().allow_raw_html, resolve: &resolve })
}

/// How many site-wide pages the footer of every page lists (the hub lists all).
pub const NAV_LIMIT: usize = 12;
/// How many pages of its campaign a page lists (the campaign home lists all).
pub const SIBLINGS_LIMIT: usize = 12;

struct Renderer<'p, 'a> {
    plan: &'p Plan<'a>,
    tera: &'p Tera,
    leaflets: &'p Leaflets,
    strings: BTreeMap<String, BTreeMap<String, String>>,
    /// Live site-wide pages per language, sorted; computed once, not per page.
    site_pages: BTreeMap<String, Vec<usize>>,
    /// Live pages per (campaign, language), sorted.
    campaign_pages: BTreeMap<(String, String), Vec<usize>>,
}

impl Renderer<'_, '_> {
    fn site_ctx(&self, lang: &str) -> SiteCtx {
        let site = self.plan.site();
        let def = site.default_language();
        SiteCtx {
            title: site.title.get(lang, def).to_owned(),
            description: site.description.as_ref().map(|d| d.get(lang, def).to_owned()).unwrap_or_default(),
            base_url: site.base_url.clone(),
            base_path: site.base_path.clone(),
            organisation: OrgCtx { name: site.organisation.name.get(lang, def).to_owned(), url: site.organisation.url.clone() },
            hotlines: site
                .hotlines
                .iter()
                .map(|h| HotlineCtx {
                    number: h.number.clone(),
                    tel: h.tel.clone(),
                    label: h.label.get(lang, def).to_owned(),
                    note: h.note.as_ref().map(|n| n.get(lang, def).to_owned()),
                })
                .collect(),
            default_lang: def.to_owned(),
        }
    }

    /// The page data of a generated page that has no Markdown file behind it.
    fn placeholder(&self, title: String, url: &str, lang: &str, kind: &'static str) -> PageCtx {
        PageCtx {
            title,
            summary: None,
            description: self.site_description(lang),
            content: String::new(),
            url: url.to_owned(),
            permalink: self.permalink(url),
            audience: None,
            audience_label: None,
            kind,
        }
    }

    fn campaign_pages(&self, id: &str, lang: &str) -> &[usize] {
        self.campaign_pages.get(&(id.to_owned(), lang.to_owned())).map_or(&[][..], Vec::as_slice)
    }

    fn site_description(&self, lang: &str) -> String {
        let site = self.plan.site();
        site.description.as_ref().map(|d| d.get(lang, site.default_language()).to_owned()).unwrap_or_default()
    }

    fn permalink(&self, url: &str) -> String {
        self.plan.site().absolute(url)
    }

    fn audience_label(&self, lang: &str, a: &Option<String>) -> Option<String> {
        self.plan.inputs.theme.audience_label(lang, a)
    }

    fn link(&self, i: usize, current: Option<usize>) -> LinkCtx {
        let p = &self.plan.inputs.content.pages[i];
        LinkCtx {
            title: p.front.title.clone(),
            url: self.plan.urls[i].clone(),
            summary: p.front.summary.clone(),
            audience_label: self.audience_label(&p.lang, &p.front.audience),
            current: current == Some(i),
        }
    }

    /// Alternates for a page known by its per-language URLs.
    fn alternates(&self, lang: &str, urls: &[(String, String)]) -> Vec<AltCtx> {
        urls.iter()
            .map(|(l, u)| AltCtx {
                lang: l.clone(),
                name: self.plan.inputs.theme.string(l, "language_name").to_owned(),
                url: u.clone(),
                permalink: self.permalink(u),
                current: l == lang,
            })
            .collect()
    }

    fn base_context(&self, lang: &str, nav_current: Option<usize>) -> Context {
        let mut ctx = Context::new();
        ctx.insert("lang", lang);
        ctx.insert("t", self.strings.get(lang).unwrap_or(&BTreeMap::new()));
        ctx.insert("site", &self.site_ctx(lang));
        let all = self.site_pages.get(lang).map_or(&[][..], Vec::as_slice);
        let nav: Vec<LinkCtx> = all.iter().take(NAV_LIMIT).map(|&i| self.link(i, nav_current)).collect();
        ctx.insert("nav", &nav);
        ctx.insert("nav_more", &(all.len() > NAV_LIMIT));
        ctx.insert("hub_url", &plan::hub_url(self.plan.site(), lang));
        ctx.insert("as_of", &format::iso(self.plan.as_of));
        ctx.insert("as_of_long", &format::long(self.plan.as_of, lang));
        ctx.insert("drafts", &self.plan.drafts);
        ctx.insert("preview", &self.plan.preview);
        ctx.insert("feed_url", &format!("{}{}", self.plan.site().base_path, super::feeds::feed_path(self.plan, lang)));
        ctx.insert("ics_url", &format!("{}calendar.ics", self.plan.site().base_path));
        ctx.insert("webcal_url", &super::ics::webcal_url(self.plan, "calendar.ics"));
        ctx.insert("embed_url", &format!("{}embed/", self.plan.site().base_path));
        ctx
    }

    fn page_ctx(&self, i: usize) -> PageCtx {
        let p = &self.plan.inputs.content.pages[i];
        PageCtx {
            title: p.front.title.clone(),
            summary: p.front.summary.clone(),
            description: p.front.summary.clone().unwrap_or_else(|| self.site_description(&p.lang)),
            content: page_html(self.plan, i, false),
            url: self.plan.urls[i].clone(),
            permalink: self.permalink(&self.plan.urls[i]),
            audience: p.front.audience.clone(),
            audience_label: self.audience_label(&p.lang, &p.front.audience),
            kind: match p.kind {
                PageKind::Hub => "hub",
                PageKind::CampaignHome(_) => "campaign",
                PageKind::CampaignPage(_) => "campaign_page",
                PageKind::SitePage => "page",
            },
        }
    }

    fn render(&self, template: &str, ctx: &Context, out_path: String) -> Result<(String, Vec<u8>), Diagnostic> {
        self.tera
            .render(template, ctx)
            .map(|html| (out_path, html.into_bytes()))
            .map_err(|e| tera_diagnostic(&e, &self.plan.inputs.theme))
    }

    fn out_path(&self, url: &str) -> String {
        let rel = url.strip_prefix(&self.plan.site().base_path).unwrap_or(url);
        format!("{rel}index.html")
    }

    fn hub(&self, lang: &str) -> Result<(String, Vec<u8>), Diagnostic> {
        let site = self.plan.site();
        let mut ctx = self.base_context(lang, None);
        let url = plan::hub_url(site, lang);
        let page = self.plan.find(&PageKind::Hub, "", lang).map(|i| self.page_ctx(i)).unwrap_or_else(|| self.placeholder(site.title.get(lang, site.default_language()).to_owned(), &url, lang, "hub"));
        ctx.insert("page", &page);
        let site_pages: Vec<LinkCtx> = self.site_pages.get(lang).map_or(&[][..], Vec::as_slice).iter().map(|&i| self.link(i, None)).collect();
        ctx.insert("site_pages", &site_pages);
        let all: Vec<CampaignCtx> = (0..self.plan.campaigns.len()).map(|i| campaign_ctx(self.plan, i, lang)).collect();
        let pick = |s: State| -> Vec<CampaignCtx> {
            let mut v: Vec<(usize, &CampaignCtx)> = all.iter().enumerate().filter(|(i, _)| self.plan.campaigns[*i].status.state == s).collect();
            v.sort_by_key(|(i, c)| (c.start.clone().unwrap_or_default(), if s == State::Recent { usize::MAX - i } else { *i }));
            if s == State::Recent {
                v.reverse();
            }
            v.into_iter().map(|(_, c)| c.clone()).collect()
        };
        ctx.insert("active", &pick(State::Active));
        ctx.insert("upcoming", &pick(State::Upcoming));
        ctx.insert("recent", &pick(State::Recent));
        ctx.insert("dormant", &pick(State::Dormant));
        let urls: Vec<(String, String)> = site.languages.iter().map(|l| (l.clone(), plan::hub_url(site, l))).collect();
        ctx.insert("alternates", &self.alternates(lang, &urls));
        self.render("hub.html", &ctx, self.out_path(&url))
    }

    fn campaign_home(&self, index: usize, lang: &str) -> Result<(String, Vec<u8>), Diagnostic> {
        let site = self.plan.site();
        let c = &self.plan.inputs.calendar.campaigns[index];
        let kind = PageKind::CampaignHome(c.id.clone());
        let mut ctx = self.base_context(lang, None);
        let url = plan::campaign_url(site, &c.id, lang);
        let campaign = campaign_ctx(self.plan, index, lang);
        let page = self.plan.find(&kind, "", lang).map(|i| self.page_ctx(i)).unwrap_or_else(|| self.placeholder(campaign.title.clone(), &url, lang, "campaign"));
        ctx.insert("page", &page);
        ctx.insert("campaign", &campaign);
        let pages: Vec<LinkCtx> = self.campaign_pages(&c.id, lang).iter().map(|&i| self.link(i, None)).collect();
        ctx.insert("pages", &pages);
        let mut urls = vec![(site.default_language().to_owned(), plan::campaign_url(site, &c.id, site.default_language()))];
        for l in site.languages.iter().skip(1) {
            if self.plan.find(&kind, "", l).is_some() {
                urls.push((l.clone(), plan::campaign_url(site, &c.id, l)));
            }
        }
        ctx.insert("alternates", &self.alternates(lang, &urls));
        self.render("campaign.html", &ctx, self.out_path(&url))
    }

    fn page(&self, i: usize) -> Result<(String, Vec<u8>), Diagnostic> {
        let p = &self.plan.inputs.content.pages[i];
        let lang = p.lang.as_str();
        let mut ctx = self.base_context(lang, Some(i));
        ctx.insert("page", &self.page_ctx(i));
        if let PageKind::CampaignPage(id) = &p.kind
            && let Some(index) = self.plan.inputs.calendar.campaigns.iter().position(|c| &c.id == id)
        {
            ctx.insert("campaign", &campaign_ctx(self.plan, index, lang));
            let all = self.campaign_pages(id, lang);
            let pages: Vec<LinkCtx> = all.iter().take(SIBLINGS_LIMIT).map(|&j| self.link(j, Some(i))).collect();
            ctx.insert("pages", &pages);
            ctx.insert("pages_more", &(all.len() > SIBLINGS_LIMIT));
        }
        let urls: Vec<(String, String)> = self
            .plan
            .translations(i)
            .into_iter()
            .map(|j| (self.plan.inputs.content.pages[j].lang.clone(), self.plan.urls[j].clone()))
            .collect();
        ctx.insert("alternates", &self.alternates(lang, &urls));
        ctx.insert("leaflets", self.leaflets.by_page.get(&i).map_or(&[][..], Vec::as_slice));
        ctx.insert("leaflets_url", &format!("{}{}/", self.plan.site().base_path, super::leaflet::DIR));
        self.render("page.html", &ctx, self.out_path(&self.plan.urls[i]))
    }

    /// `leaflets/index.html`: every live leaflet, by campaign, for schools.
    fn leaflet_index(&self) -> Result<(String, Vec<u8>), Diagnostic> {
        let lang = self.plan.site().default_language();
        let mut ctx = self.base_context(lang, None);
        let url = format!("{}{}/", self.plan.site().base_path, super::leaflet::DIR);
        ctx.insert(
            "page",
            &PageCtx {
                title: self.plan.inputs.theme.string(lang, "leaflets_title").to_owned(),
                summary: None,
                description: self.plan.inputs.theme.string(lang, "leaflets_intro").to_owned(),
                content: String::new(),
                url: url.clone(),
                permalink: self.permalink(&url),
                audience: None,
                audience_label: None,
                kind: "leaflets",
            },
        );
        ctx.insert("groups", &self.leaflets.groups);
        ctx.insert("leaflet_count", &self.leaflets.by_page.values().map(Vec::len).sum::<usize>());
        ctx.insert("alternates", &Vec::<AltCtx>::new());
        self.render("leaflets.html", &ctx, self.out_path(&url))
    }

    fn not_found(&self) -> Result<(String, Vec<u8>), Diagnostic> {
        let lang = self.plan.site().default_language();
        let mut ctx = self.base_context(lang, None);
        let url = format!("{}404.html", self.plan.site().base_path);
        ctx.insert(
            "page",
            &self.placeholder(self.plan.inputs.theme.string(lang, "not_found_title").to_owned(), &url, lang, "404"),
        );
        ctx.insert("alternates", &Vec::<AltCtx>::new());
        self.render("404.html", &ctx, "404.html".to_owned())
    }
}

/// Renders every HTML page of the plan, in parallel, with the download links
/// of the leaflets made and their list for schools.
pub fn render(plan: &Plan<'_>, tera: &Tera, leaflets: &Leaflets, out: &mut Output) -> Result<(), Diagnostics> {
    render_selected(plan, tera, leaflets, out, None)
}

/// Renders the HTML pages of the plan; with `only`, just those pages (by index
/// into `content.pages`) — what `loa serve` does when one page's text changed.
pub fn render_selected(
    plan: &Plan<'_>,
    tera: &Tera,
    leaflets: &Leaflets,
    out: &mut Output,
    only: Option<&std::collections::BTreeSet<usize>>,
) -> Result<(), Diagnostics> {
    let theme = &plan.inputs.theme;
    let site = plan.site();
    let strings = site
        .languages
        .iter()
        .map(|l| {
            let mut merged = theme.strings.get(site.default_language()).cloned().unwrap_or_default();
            merged.extend(theme.strings.get(l).cloned().unwrap_or_default());
            (l.clone(), merged)
        })
        .collect();
    let site_pages = site.languages.iter().map(|l| (l.clone(), plan.site_pages(l))).collect();
    let campaign_pages = site
        .languages
        .iter()
        .flat_map(|l| plan.inputs.calendar.campaigns.iter().map(move |c| (c.id.clone(), l.clone())))
        .map(|(id, l)| {
            let v = plan.campaign_pages(&id, &l);
            ((id, l), v)
        })
        .collect();
    let r = Renderer { plan, tera, leaflets, strings, site_pages, campaign_pages };

    enum Job<'s> {
        Hub(&'s str),
        Campaign(usize, &'s str),
        Page(usize),
        NotFound,
        LeafletIndex,
    }
    let mut jobs = Vec::new();
    if only.is_none() {
        jobs.push(Job::NotFound);
        jobs.push(Job::LeafletIndex);
    }
    for lang in site.languages.iter().filter(|_| only.is_none()) {
        jobs.push(Job::Hub(lang));
        for (index, c) in plan.inputs.calendar.campaigns.iter().enumerate() {
            if lang == site.default_language() || plan.find(&PageKind::CampaignHome(c.id.clone()), "", lang).is_some() {
                jobs.push(Job::Campaign(index, lang));
            }
        }
    }
    for i in plan.live_pages() {
        if only.is_some_and(|o| !o.contains(&i)) {
            continue;
        }
        if matches!(plan.inputs.content.pages[i].kind, PageKind::CampaignPage(_) | PageKind::SitePage) {
            jobs.push(Job::Page(i));
        }
    }
    let results: Vec<Result<(String, Vec<u8>), Diagnostic>> = jobs
        .par_iter()
        .map(|j| match j {
            Job::Hub(l) => r.hub(l),
            Job::Campaign(i, l) => r.campaign_home(*i, l),
            Job::Page(i) => r.page(*i),
            Job::NotFound => r.not_found(),
            Job::LeafletIndex => r.leaflet_index(),
        })
        .collect();
    let mut diags = Diagnostics::new();
    for res in results {
        match res {
            Ok((path, bytes)) => out.add(path, bytes),
            Err(d) => diags.push(d),
        }
    }
    if diags.has_errors() {
        diags.sort();
        return Err(diags);
    }
    Ok(())
}
