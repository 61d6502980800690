//! HTML pages with Tera 2: hub, campaign homes, pages, site-wide pages, the
//! list of leaflets for schools, the bulletins for commune radio
//! ([`bulletins`]), 404.
//!
//! The templates get precomputed, display-ready data (dates already written
//! the way each language writes them, state labels already translated), so a
//! theme author needs no logic beyond loops and conditions. The context is
//! documented in the README ("Themes").

mod bulletins;
mod search_page;

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Tera};

use super::context::{alternates, campaign_ctx, AltCtx, CampaignCtx};
use super::pictures::{Loading, Pictures};
use super::made::leaflets::{IndexEntry, Leaflets};
use super::markdown::page_html;
use super::Output;
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::content::PageKind;
use crate::plan::{CampaignId, PageId, Plan};
use crate::time::format;
use crate::time::state::State;
use crate::urls;
pub use search_page::{SEARCH_GROUP_LIMIT, SEARCH_USEFUL_PAGES};
use super::templates::tera_diagnostic;

#[derive(Serialize)]
struct SiteCtx {
    title: String,
    description: String,
    base_url: String,
    base_path: String,
    organisation: OrgCtx,
    hotlines: Vec<HotlineCtx>,
    default_lang: String,
    /// Whether the site has a search index (`search:` in `site.yaml`).
    search: bool,
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
    /// The first audience (themes written for one audience per page).
    audience: Option<String>,
    /// Every audience of the page.
    audiences: Vec<AudienceCtx>,
    audience_label: Option<String>,
    kind: &'static str,
    /// The page's own picture (`image:`), as HTML, shown under its title.
    picture: Option<String>,
    /// The share card: what a shared link's preview shows.
    card: Option<CardCtx>,
}

/// A share card, as templates see it.
#[derive(Serialize, Clone)]
struct CardCtx {
    /// Its absolute URL.
    url: String,
    width: u32,
    height: u32,
    alt: String,
}

/// An audience of a page, as templates see it.
#[derive(Serialize, Clone)]
struct AudienceCtx {
    id: String,
    label: String,
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

/// The campaign first on the hub: the one on now, or else the next.
#[derive(Serialize)]
struct FeatureCtx {
    campaign: CampaignCtx,
    /// Its home page's picture, as HTML.
    picture: Option<String>,
}

/// The quick exit at the top of every page, and the page on staying safe
/// beside it.
#[derive(Serialize)]
struct QuickExitCtx {
    /// Where it leads: `quick_exit:` of `site.yaml`.
    url: String,
    /// The safety page in the page's language (or the default language's
    /// when it has no translation), if `safety_page:` names one that is live.
    safety: Option<SafetyCtx>,
}

/// The link to the safety page.
#[derive(Serialize)]
struct SafetyCtx {
    url: String,
    title: String,
    /// Its language, which is the page's unless it has no translation.
    lang: String,
}

/// How many site-wide pages the footer of every page lists (the hub lists all).
pub const NAV_LIMIT: usize = 12;
/// How many pages of its campaign a page lists (the campaign home lists all).
pub const SIBLINGS_LIMIT: usize = 12;
/// Which HTML pages to render.
#[derive(Debug, Clone, Copy)]
pub enum Scope<'s> {
    /// Every page.
    All,
    /// Only these pages (what `loa serve` does when one page's text changed).
    Pages(&'s BTreeSet<PageId>),
}

struct Renderer<'p, 'a> {
    plan: &'p Plan<'a>,
    tera: &'p Tera,
    leaflets: &'p Leaflets,
    pictures: &'p Pictures,
    strings: BTreeMap<String, BTreeMap<String, String>>,
    /// Live site-wide pages per language, sorted; computed once, not per page.
    site_pages: BTreeMap<String, Vec<PageId>>,
    /// Live pages per (campaign, language), sorted.
    campaign_pages: BTreeMap<(CampaignId, String), Vec<PageId>>,
    /// What every page of a language shares, built once: its values are
    /// reference-counted, so a page's context is a cheap copy of it.
    bases: BTreeMap<String, Context>,
    /// Each campaign as the pages of each language show it, made once, not
    /// for each of its pages.
    campaigns: BTreeMap<(CampaignId, String), SharedCampaign>,
}

/// A campaign as the pages of one language show it.
struct SharedCampaign {
    /// For the pages that list or change it (the hub, its home page).
    ctx: CampaignCtx,
    /// The same as a Tera value, for its pages: Tera's arrays and maps are
    /// reference-counted, so a page's copy is cheap, where serialising it
    /// again for each page was 3 % of a cold build's CPU.
    value: tera::Value,
    /// Its first [`SIBLINGS_LIMIT`] pages as links, none of them current:
    /// what every page but those shows.
    pages: tera::Value,
}

impl Renderer<'_, '_> {
    /// Campaign `c` as the pages of `lang` show it.
    fn campaign(&self, c: CampaignId, lang: &str) -> Cow<'_, CampaignCtx> {
        match self.campaigns.get(&(c, lang.to_owned())) {
            Some(shared) => Cow::Borrowed(&shared.ctx),
            None => Cow::Owned(campaign_ctx(self.plan, c, lang)),
        }
    }

    fn site_ctx(&self, lang: &str) -> SiteCtx {
        let site = self.plan.site();
        let def = site.default_language();
        SiteCtx {
            title: site.title.get(lang, def).to_owned(),
            description: self.site_description(lang),
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
            search: site.search,
        }
    }

    /// The page data of a generated page that has no Markdown file behind it.
    fn generated(&self, title: String, description: String, url: &str, kind: &'static str) -> PageCtx {
        PageCtx {
            title,
            summary: None,
            description,
            content: String::new(),
            url: url.to_owned(),
            permalink: urls::absolute(self.plan.site(), url),
            audience: None,
            audiences: Vec::new(),
            audience_label: None,
            kind,
            picture: None,
            card: self.hub_card(self.lang_of(url)),
        }
    }

    /// The language of a generated page's URL path (`/en/…` → `en`).
    fn lang_of(&self, url: &str) -> &str {
        let site = self.plan.site();
        let rest = url.strip_prefix(site.base_path.as_str()).unwrap_or(url);
        let first = rest.split('/').next().unwrap_or("");
        site.languages.iter().find(|l| l.as_str() == first).map_or(site.default_language(), String::as_str)
    }

    /// A language's hub card: its hub page's, or (no hub page in that
    /// language) the one made for it.
    fn hub_card(&self, lang: &str) -> Option<CardCtx> {
        match self.plan.hub(lang) {
            Some(h) => self.card(h),
            None => self.pictures.hub_card(lang).map(|c| self.card_ctx(c)),
        }
    }

    /// A page's share card.
    fn card(&self, id: PageId) -> Option<CardCtx> {
        self.pictures.card(id).map(|c| self.card_ctx(c))
    }

    fn card_ctx(&self, c: &crate::render::pictures::Card) -> CardCtx {
        let site = self.plan.site();
        CardCtx {
            url: urls::absolute(site, &urls::of_file(site, &c.path)),
            width: crate::render::pictures::CARD_WIDTH,
            height: crate::render::pictures::CARD_HEIGHT,
            alt: c.alt.clone(),
        }
    }

    /// A page's own picture (`image:`) as HTML, loaded at once (it is
    /// under the page's title).
    fn picture(&self, id: PageId) -> Option<String> {
        self.picture_loading(id, Loading::Eager)
    }

    /// A page's own picture (`image:`) as HTML, loaded as `loading` says.
    fn picture_loading(&self, id: PageId, loading: Loading) -> Option<String> {
        let p = self.plan.page(id);
        let dest = p.page.front.image.as_deref()?;
        let Ok(crate::links::Target::Asset(out)) = self.plan.link_target(id, dest) else { return None };
        let site = self.plan.site();
        let alt = p.page.front.image_alt.as_deref().unwrap_or("");
        let url = |path: &str| urls::of_file(site, path);
        Some(self.pictures.get(&out)?.html(&url, alt, None, &self.plan.theme().images.sizes, loading))
    }

    fn campaign_pages(&self, c: CampaignId, lang: &str) -> &[PageId] {
        self.campaign_pages.get(&(c, lang.to_owned())).map_or(&[][..], Vec::as_slice)
    }

    fn site_description(&self, lang: &str) -> String {
        let site = self.plan.site();
        site.description.as_ref().map(|d| d.get(lang, site.default_language()).to_owned()).unwrap_or_default()
    }

    /// The description of a page with no summary of its own (and of every
    /// generated page): the site's, or — a site.yaml without one — what its
    /// card says under the title, the hotline in the page's language. A
    /// link's preview (`og:description`) is never empty.
    fn page_description(&self, lang: &str) -> String {
        let d = self.site_description(lang);
        if !d.trim().is_empty() {
            return d;
        }
        let theme = self.plan.theme();
        format!("{}: 111 ({})", theme.string(lang, "leaflet_111_label"), theme.string(lang, "leaflet_111_note"))
    }

    fn link(&self, id: PageId, current: Option<PageId>) -> LinkCtx {
        let p = self.plan.page(id);
        LinkCtx {
            title: p.page.front.title.clone(),
            url: p.url.to_owned(),
            summary: p.page.front.summary.clone(),
            audience_label: self.plan.theme().audience_label(&p.page.lang, &p.page.front.audience),
            current: current == Some(id),
        }
    }

    /// Alternates for a page known by its per-language URLs.
    fn alternates(&self, lang: &str, urls: &[(String, String)]) -> Vec<AltCtx> {
        alternates(self.plan, lang, urls)
    }

    /// The context every page of `lang` starts from; `nav_current` marks a
    /// site-wide page of the footer's list as the current one.
    fn base_context(&self, lang: &str, nav_current: Option<PageId>) -> Context {
        let Some(base) = self.bases.get(lang) else { return self.shared_context(lang, nav_current) };
        let mut ctx = base.clone();
        let all = self.site_pages.get(lang).map_or(&[][..], Vec::as_slice);
        if let Some(current) = nav_current
            && all.iter().take(NAV_LIMIT).any(|&i| i == current)
        {
            let nav: Vec<LinkCtx> = all.iter().take(NAV_LIMIT).map(|&i| self.link(i, nav_current)).collect();
            ctx.insert("nav", &nav);
        }
        ctx
    }

    /// What every page of `lang` shares.
    fn shared_context(&self, lang: &str, nav_current: Option<PageId>) -> Context {
        let site = self.plan.site();
        let mut ctx = Context::new();
        ctx.insert("lang", lang);
        ctx.insert("t", self.strings.get(lang).unwrap_or(&BTreeMap::new()));
        ctx.insert("site", &self.site_ctx(lang));
        let all = self.site_pages.get(lang).map_or(&[][..], Vec::as_slice);
        let nav: Vec<LinkCtx> = all.iter().take(NAV_LIMIT).map(|&i| self.link(i, nav_current)).collect();
        ctx.insert("nav", &nav);
        ctx.insert("nav_more", &(all.len() > NAV_LIMIT));
        ctx.insert("hub_url", &urls::hub(site, lang));
        ctx.insert("as_of", &format::iso(self.plan.as_of));
        ctx.insert("as_of_long", &format::long(self.plan.as_of, lang));
        ctx.insert("drafts", &self.plan.drafts);
        ctx.insert("preview", &self.plan.preview);
        ctx.insert("feed_url", &urls::of_file(site, &urls::feed(site, lang)));
        ctx.insert("ics_url", &urls::of_file(site, urls::CALENDAR));
        ctx.insert("webcal_url", &urls::webcal(site, urls::CALENDAR));
        ctx.insert("embed_url", &urls::embed_page(site, lang));
        ctx.insert("search_url", &self.search_url(lang));
        ctx.insert("leaflets_url", &urls::of_file(site, &format!("{}/", urls::LEAFLETS_DIR)));
        ctx.insert("oembed_url", &None::<String>);
        ctx.insert("broadcast_url", &self.bulletins_url(lang));
        ctx.insert("quick_exit", &self.quick_exit(lang));
        ctx
    }

    /// The quick exit of the pages in `lang`, with the safety page in that
    /// language when it has one, else in the default language.
    fn quick_exit(&self, lang: &str) -> QuickExitCtx {
        let site = self.plan.site();
        let safety = site.safety_page.as_ref().and_then(|(written, _)| {
            let source = crate::load::safety_page_source(written);
            let original = self.plan.pages().find(|p| p.page.source == source && p.page.lang == site.default_language())?;
            let versions = self.plan.translations(original.id);
            let id = versions.iter().copied().find(|&i| self.plan.page(i).page.lang == lang).or_else(|| versions.iter().copied().find(|&i| i == original.id))?;
            let p = self.plan.page(id);
            Some(SafetyCtx { url: p.url.to_owned(), title: p.page.front.title.clone(), lang: p.page.lang.clone() })
        });
        QuickExitCtx { url: site.quick_exit.clone(), safety }
    }

    /// The discovery link of the oEmbed response of a widget (`schedule` or
    /// a campaign's id) in the page's language `lang`, so that pasting the
    /// page's address into a CMS embeds the widget in that language.
    fn oembed(&self, ctx: &mut Context, lang: &str, widget: &str, title: &str) {
        let site = self.plan.site();
        ctx.insert("oembed_url", &urls::absolute(site, &urls::of_file(site, &urls::oembed(site, lang, widget))));
        ctx.insert("oembed_title", title);
    }

    fn page_ctx(&self, id: PageId) -> PageCtx {
        let p = self.plan.page(id);
        let front = &p.page.front;
        PageCtx {
            title: front.title.clone(),
            summary: front.summary.clone(),
            description: front.summary.clone().filter(|s| !s.trim().is_empty()).unwrap_or_else(|| self.page_description(&p.page.lang)),
            content: page_html(self.plan, id, false, Some(self.pictures)),
            url: p.url.to_owned(),
            permalink: urls::absolute(self.plan.site(), p.url),
            audience: front.audience.first().cloned(),
            audiences: front.audience.iter().zip(self.plan.theme().audience_labels(&p.page.lang, &front.audience)).map(|(id, label)| AudienceCtx { id: id.clone(), label }).collect(),
            audience_label: self.plan.theme().audience_label(&p.page.lang, &front.audience),
            kind: match p.page.kind {
                PageKind::Hub => "hub",
                PageKind::CampaignHome(_) => "campaign",
                PageKind::CampaignPage(_) => "campaign_page",
                PageKind::SitePage => "page",
            },
            picture: self.picture(id),
            card: self.card(id),
        }
    }

    fn render(&self, template: &str, ctx: &Context, out_path: String) -> Result<(String, Vec<u8>), Diagnostic> {
        // Into bytes, as the output takes them: `Tera::render` would check
        // the UTF-8 of every page again to make a `String` (2 % of a cold
        // build's CPU).
        let mut html = Vec::with_capacity(32 << 10);
        self.tera.render_to(template, ctx, &mut html).map(|()| (out_path, html)).map_err(|e| tera_diagnostic(&e, self.plan.theme()))
    }

    fn hub(&self, lang: &str) -> Result<(String, Vec<u8>), Diagnostic> {
        let site = self.plan.site();
        let mut ctx = self.base_context(lang, None);
        let url = urls::hub(site, lang);
        let mut page = match self.plan.hub(lang) {
            Some(id) => self.page_ctx(id),
            None => self.generated(site.title.get(lang, site.default_language()).to_owned(), self.page_description(lang), &url, "hub"),
        };
        let site_pages: Vec<LinkCtx> = self.site_pages.get(lang).map_or(&[][..], Vec::as_slice).iter().map(|&i| self.link(i, None)).collect();
        ctx.insert("site_pages", &site_pages);
        // The hub lists every site-wide page itself: the footer does not
        // repeat them.
        ctx.insert("nav", &Vec::<LinkCtx>::new());
        ctx.insert("nav_more", &false);
        let all: Vec<(CampaignId, State, CampaignCtx)> =
            self.plan.campaigns().map(|c| (c.id, c.status.state, self.campaign(c.id, lang).into_owned())).collect();
        let pick = |s: State| -> Vec<CampaignCtx> {
            let mut v: Vec<(usize, &CampaignCtx)> = all.iter().enumerate().filter(|(_, (_, st, _))| *st == s).map(|(i, (_, _, c))| (i, c)).collect();
            v.sort_by_key(|(i, c)| (c.start.clone().unwrap_or_default(), if s == State::Recent { usize::MAX - i } else { *i }));
            if s == State::Recent {
                v.reverse();
            }
            v.into_iter().map(|(_, c)| c.clone()).collect()
        };
        let mut active = pick(State::Active);
        let mut upcoming = pick(State::Upcoming);
        // The campaign on now (the first of them), or else the next one,
        // first on the hub, with its picture; taken out of its list.
        let featured = if active.is_empty() { (!upcoming.is_empty()).then(|| upcoming.remove(0)) } else { Some(active.remove(0)) };
        let featured = featured.map(|c| {
            let id = all.iter().find(|(_, _, x)| x.id == c.id).map(|(i, _, _)| *i);
            let home = id.and_then(|i| self.plan.home(i, lang).or_else(|| self.plan.home(i, site.default_language())));
            FeatureCtx { picture: home.and_then(|h| self.picture(h)), campaign: c }
        });
        // The hub's own picture waits below a featured campaign: loaded
        // when scrolled near, so the campaign's comes first.
        if featured.is_some()
            && let Some(id) = self.plan.hub(lang)
        {
            page.picture = self.picture_loading(id, Loading::Lazy);
        }
        ctx.insert("page", &page);
        ctx.insert("featured", &featured);
        ctx.insert("active", &active);
        ctx.insert("upcoming", &upcoming);
        ctx.insert("recent", &pick(State::Recent));
        ctx.insert("dormant", &pick(State::Dormant));
        self.oembed(&mut ctx, lang, urls::SCHEDULE_WIDGET, self.plan.theme().string(lang, "embed_schedule_title"));
        let urls: Vec<(String, String)> = site.languages.iter().map(|l| (l.clone(), urls::hub(site, l))).collect();
        ctx.insert("alternates", &self.alternates(lang, &urls));
        self.render("hub.html", &ctx, urls::index_file(site, &url))
    }

    fn campaign_home(&self, c: CampaignId, lang: &str) -> Result<(String, Vec<u8>), Diagnostic> {
        let site = self.plan.site();
        let id = &self.plan.campaign(c).campaign.id;
        let mut ctx = self.base_context(lang, None);
        let url = urls::campaign(site, id, lang);
        let campaign = self.campaign(c, lang);
        let page = match self.plan.home(c, lang) {
            Some(h) => self.page_ctx(h),
            None => self.generated(campaign.title.clone(), self.page_description(lang), &url, "campaign"),
        };
        ctx.insert("page", &page);
        self.oembed(&mut ctx, lang, id, &campaign.title);
        ctx.insert("campaign", &*campaign);
        let pages: Vec<LinkCtx> = self.campaign_pages(c, lang).iter().map(|&i| self.link(i, None)).collect();
        ctx.insert("pages", &pages);
        // The leaflets of the campaign's pages in this language, as the
        // leaflet list shows them.
        let entries: Vec<&IndexEntry> =
            self.leaflets.groups.iter().filter(|g| g.id == *id).flat_map(|g| &g.entries).filter(|e| e.lang == lang).collect();
        ctx.insert("leaflet_entries", &entries);
        let urls: Vec<(String, String)> = self.plan.languages_of(c).into_iter().map(|l| (l.to_owned(), urls::campaign(site, id, l))).collect();
        ctx.insert("alternates", &self.alternates(lang, &urls));
        self.render("campaign.html", &ctx, urls::index_file(site, &url))
    }

    fn page(&self, id: PageId) -> Result<(String, Vec<u8>), Diagnostic> {
        let site = self.plan.site();
        let p = self.plan.page(id);
        let lang = p.page.lang.as_str();
        let mut ctx = self.base_context(lang, Some(id));
        ctx.insert("page", &self.page_ctx(id));
        if let (PageKind::CampaignPage(_), Some(c)) = (&p.page.kind, p.campaign) {
            let shared = self.campaigns.get(&(c, lang.to_owned()));
            match shared {
                Some(v) => ctx.insert_value("campaign", v.value.clone()),
                None => ctx.insert("campaign", &*self.campaign(c, lang)),
            }
            let cr = self.plan.campaign(c).campaign;
            self.oembed(&mut ctx, lang, &cr.id, cr.title.get(lang, site.default_language()));
            let all = self.campaign_pages(c, lang);
            let first = &all[..all.len().min(SIBLINGS_LIMIT)];
            match shared {
                Some(v) if !first.contains(&id) => ctx.insert_value("pages", v.pages.clone()),
                _ => ctx.insert("pages", &first.iter().map(|&j| self.link(j, Some(id))).collect::<Vec<LinkCtx>>()),
            }
            ctx.insert("pages_more", &(all.len() > SIBLINGS_LIMIT));
        }
        let urls: Vec<(String, String)> = self
            .plan
            .translations(id)
            .into_iter()
            .map(|j| {
                let t = self.plan.page(j);
                (t.page.lang.clone(), t.url.to_owned())
            })
            .collect();
        ctx.insert("alternates", &self.alternates(lang, &urls));
        ctx.insert("leaflets", self.leaflets.by_page.get(&id).map_or(&[][..], Vec::as_slice));
        ctx.insert("bulletin", &self.page_bulletin(id));
        self.render("page.html", &ctx, urls::index_file(site, p.url))
    }

    /// `leaflets/index.html`: every live leaflet for schools, by campaign,
    /// by audience and by school level, with the bundles first.
    fn leaflet_index(&self) -> Result<(String, Vec<u8>), Diagnostic> {
        let site = self.plan.site();
        let theme = self.plan.theme();
        let lang = site.default_language();
        let mut ctx = self.base_context(lang, None);
        let url = urls::of_file(site, &format!("{}/", urls::LEAFLETS_DIR));
        let page = self.generated(theme.string(lang, "leaflets_title").to_owned(), theme.string(lang, "leaflets_intro").to_owned(), &url, "leaflets");
        ctx.insert("page", &page);
        ctx.insert("groups", &self.leaflets.groups);
        ctx.insert("audiences", &self.leaflets.audiences);
        ctx.insert("levels", &self.leaflets.levels);
        ctx.insert("bundles", &self.leaflets.bundles);
        ctx.insert("leaflet_count", &self.leaflets.by_page.values().map(Vec::len).sum::<usize>());
        ctx.insert("print_shop", &site.print_shop);
        ctx.insert("alternates", &Vec::<AltCtx>::new());
        self.render("leaflets.html", &ctx, urls::index_file(site, &url))
    }

    fn not_found(&self) -> Result<(String, Vec<u8>), Diagnostic> {
        let site = self.plan.site();
        let lang = site.default_language();
        let mut ctx = self.base_context(lang, None);
        let url = urls::of_file(site, urls::NOT_FOUND);
        let title = self.plan.theme().string(lang, "not_found_title").to_owned();
        ctx.insert("page", &self.generated(title, self.page_description(lang), &url, "404"));
        ctx.insert("alternates", &Vec::<AltCtx>::new());
        self.render("404.html", &ctx, urls::NOT_FOUND.to_owned())
    }
}

/// Renders the HTML pages of the plan in `scope`, in parallel, with the
/// download links of the leaflets made and their list for schools.
pub fn render(cx: &crate::render::Ctx<'_, '_>, out: &Output<'_>, leaflets: &Leaflets, pictures: &Pictures) -> Result<(), Diagnostics> {
    let (plan, tera, scope) = (cx.plan, cx.tera, cx.opts.scope);
    let theme = plan.theme();
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
    let campaign_pages = site.languages.iter().flat_map(|l| plan.campaigns().map(move |c| ((c.id, l.clone()), plan.campaign_pages(c.id, l)))).collect();
    let mut r = Renderer { plan, tera, leaflets, pictures, strings, site_pages, campaign_pages, bases: BTreeMap::new(), campaigns: BTreeMap::new() };
    r.bases = site.languages.iter().map(|l| (l.clone(), r.shared_context(l, None))).collect();
    let campaigns = site
        .languages
        .iter()
        .flat_map(|l| plan.campaigns().map(move |c| (c.id, l)))
        .map(|(c, lang)| {
            let ctx = campaign_ctx(plan, c, lang);
            let pages: Vec<LinkCtx> = r.campaign_pages(c, lang).iter().take(SIBLINGS_LIMIT).map(|&j| r.link(j, None)).collect();
            let shared = SharedCampaign { value: tera::Value::from_serializable(&ctx), pages: tera::Value::from_serializable(&pages), ctx };
            ((c, lang.clone()), shared)
        })
        .collect();
    r.campaigns = campaigns;
    let r = r;

    enum Job<'s> {
        Hub(&'s str),
        Campaign(CampaignId, &'s str),
        Page(PageId),
        NotFound,
        LeafletIndex,
        Search(&'s str),
        Bulletins(&'s str),
    }
    let mut jobs = Vec::new();
    if let Scope::All = scope {
        jobs.push(Job::NotFound);
        jobs.push(Job::LeafletIndex);
        for lang in &site.languages {
            jobs.push(Job::Hub(lang));
            jobs.push(Job::Search(lang));
            if crate::render::bulletin::any(plan) {
                jobs.push(Job::Bulletins(lang));
            }
            for c in plan.campaigns() {
                if plan.languages_of(c.id).contains(&lang.as_str()) {
                    jobs.push(Job::Campaign(c.id, lang));
                }
            }
        }
    }
    for p in plan.live_pages() {
        if let Scope::Pages(only) = scope
            && !only.contains(&p.id)
        {
            continue;
        }
        if matches!(p.page.kind, PageKind::CampaignPage(_) | PageKind::SitePage) {
            jobs.push(Job::Page(p.id));
        }
    }
    // Each page goes to the output as soon as it is rendered, so that pages
    // never pile up in memory.
    let errors: Vec<Diagnostic> = jobs
        .par_iter()
        .filter_map(|j| {
            let rendered = match j {
                Job::Hub(l) => r.hub(l),
                Job::Campaign(c, l) => r.campaign_home(*c, l),
                Job::Page(i) => r.page(*i),
                Job::NotFound => r.not_found(),
                Job::LeafletIndex => r.leaflet_index(),
                Job::Search(l) => r.search(l),
                Job::Bulletins(l) => r.bulletin_index(l),
            };
            rendered.map(|(path, bytes)| out.add(path, bytes)).err()
        })
        .collect();
    let mut diags = Diagnostics(errors);
    if diags.has_errors() {
        diags.sort();
        return Err(diags);
    }
    Ok(())
}
