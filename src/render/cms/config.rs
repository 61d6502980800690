//! `admin/config.yml`: the browser editor's configuration, made from the site
//! itself — one collection per campaign folder, the site-wide pages, the hub,
//! and `calendar.yaml` and `site.yaml` as forms; every front-matter key as a
//! widget of its kind; the languages as the editor's multi-file i18n
//! (`x.vi.md`/`x.md` and `x.en.md`); the backend from `site.yaml`'s `cms:`.
//!
//! Written for Decap CMS 3.16 (`decap-cms`), whose format Sveltia CMS reads
//! too; the few differences are in [`Config::new`].

use serde::Serialize;
use serde_json::Value;

use crate::load::cms::{Backend, Cms, Editor};
use crate::plan::Plan;

/// The grammar of `publish`/`expire` in campaign pages, for the editor's
/// pattern check (the same as [`crate::load::front_matter::parse_bound`],
/// without spaces).
pub const BOUND_PATTERN: &str = r"^(\d{4}-\d{2}-\d{2}|(start|end)([+-]\d+d)?)$";

/// The whole configuration.
#[derive(Debug, Serialize)]
pub struct Config {
    backend: BackendConfig,
    #[serde(skip_serializing_if = "Option::is_none")]
    local_backend: Option<bool>,
    locale: String,
    site_url: String,
    display_url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    publish_mode: Option<&'static str>,
    media_folder: &'static str,
    public_folder: &'static str,
    slug: SlugConfig,
    #[serde(skip_serializing_if = "Option::is_none")]
    i18n: Option<I18n>,
    editor: EditorConfig,
    #[serde(skip_serializing_if = "Option::is_none")]
    output: Option<OutputConfig>,
    collections: Vec<Collection>,
}

#[derive(Debug, Serialize)]
struct BackendConfig {
    name: &'static str,
    repo: String,
    branch: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    base_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    api_root: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    auth_type: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    app_id: Option<String>,
}

#[derive(Debug, Serialize)]
struct SlugConfig {
    encoding: &'static str,
    clean_accents: bool,
    sanitize_replacement: &'static str,
}

#[derive(Debug, Serialize)]
struct I18n {
    structure: &'static str,
    locales: Vec<String>,
    default_locale: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    omit_default_locale_from_file_path: Option<bool>,
}

#[derive(Debug, Serialize)]
struct EditorConfig {
    preview: bool,
}

#[derive(Debug, Serialize)]
struct OutputConfig {
    omit_empty_optional_fields: bool,
}

/// A collection: a folder of pages, or a group of single files.
#[derive(Debug, Default, Serialize)]
struct Collection {
    name: String,
    label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    label_singular: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    folder: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    create: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    delete: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    extension: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    format: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    slug: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sortable_fields: Option<Vec<&'static str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    media_folder: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    public_folder: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    i18n: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    files: Option<Vec<FileEntry>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fields: Option<Vec<Field>>,
}

/// One file of a file collection (`calendar.yaml`, `site.yaml`).
#[derive(Debug, Serialize)]
struct FileEntry {
    name: &'static str,
    label: String,
    file: &'static str,
    fields: Vec<Field>,
}

/// A field: a front-matter key (or `body`), with its widget.
#[derive(Debug, Default, Clone, Serialize)]
struct Field {
    name: String,
    label: String,
    widget: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    required: Option<bool>,
    /// `true` (translated), `false` (the default language's file only) or
    /// `"duplicate"` (the editor copies the value into every language's file).
    #[serde(skip_serializing_if = "Option::is_none")]
    i18n: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    hint: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    default: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pattern: Option<(String, String)>,
    #[serde(skip_serializing_if = "Option::is_none")]
    multiple: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    options: Option<Vec<SelectOption>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    format: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_format: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    time_format: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    picker_utc: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    value_type: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    min: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    choose_url: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    modes: Option<Vec<&'static str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    label_singular: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fields: Option<Vec<Field>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    collapsed: Option<bool>,
}

#[derive(Debug, Clone, Serialize)]
struct SelectOption {
    label: String,
    value: String,
}

/// The texts of the editor's forms, in the site's default language when it
/// is Vietnamese, else in English.
struct Words {
    vi: bool,
}

impl Words {
    fn pick(&self, vi: &str, en: &str) -> String {
        if self.vi { vi } else { en }.to_owned()
    }
}

impl Field {
    fn new(name: &str, label: String, widget: &'static str) -> Field {
        Field { name: name.to_owned(), label, widget, ..Field::default() }
    }

    fn optional(mut self) -> Field {
        self.required = Some(false);
        self
    }

    fn translated(mut self, yes: bool) -> Field {
        self.i18n = Some(Value::Bool(yes));
        self
    }

    /// Copied by the editor from the default language's file into each
    /// translation, unchanged (`i18n: duplicate`).
    fn duplicated(mut self) -> Field {
        self.i18n = Some(Value::from("duplicate"));
        self
    }

    fn hint(mut self, hint: String) -> Field {
        self.hint = Some(hint);
        self
    }

    /// A day, stored as `2027-05-20`.
    fn date(name: &str, label: String) -> Field {
        Field { format: Some("YYYY-MM-DD"), date_format: Some("YYYY-MM-DD"), time_format: Some(false), picker_utc: Some(true), ..Field::new(name, label, "datetime") }
    }

    fn select(name: &str, label: String, options: Vec<SelectOption>, multiple: bool) -> Field {
        Field { options: Some(options), multiple: multiple.then_some(true), ..Field::new(name, label, "select") }
    }
}

/// Which kind of page a collection holds: it decides the fields.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// The hub: always published, no leaflet.
    Hub,
    /// A campaign's folder: its home (`_index`) and pages with windows
    /// relative to the campaign.
    Campaign,
    /// `content/pages/`: windows are dates.
    SitePages,
}

impl Config {
    /// The configuration for `plan`'s site with the editor `cms`.
    pub fn new(plan: &Plan<'_>, cms: &Cms) -> Config {
        let site = plan.site();
        let default = site.default_language().to_owned();
        let words = Words { vi: default == "vi" };
        let many = site.languages.len() > 1;
        let sveltia = cms.editor == Editor::Sveltia;
        let i18n = many.then(|| I18n {
            structure: "multiple_files",
            locales: site.languages.clone(),
            default_locale: default.clone(),
            omit_default_locale_from_file_path: sveltia.then_some(true),
        });
        let mut collections = vec![pages_collection(plan, &words, Kind::Hub, "hub", "content", words.pick("Trang chủ", "Home page"), many)];
        for c in plan.campaigns() {
            let title = c.campaign.title.get(&default, &default).to_owned();
            collections.push(pages_collection(plan, &words, Kind::Campaign, &c.campaign.id, &format!("content/{}", c.campaign.id), title, many));
        }
        collections.push(pages_collection(plan, &words, Kind::SitePages, "pages", "content/pages", words.pick("Trang chung", "Site-wide pages"), many));
        collections.push(settings(plan, &words));
        Config {
            backend: backend(cms),
            local_backend: (!sveltia).then_some(true),
            locale: if words.vi { "vi".into() } else { "en".into() },
            site_url: site.base_url.clone(),
            display_url: site.base_url.clone(),
            publish_mode: (!sveltia).then_some("simple"),
            media_folder: "content/pages",
            public_folder: "",
            slug: SlugConfig { encoding: "ascii", clean_accents: true, sanitize_replacement: "-" },
            i18n,
            editor: EditorConfig { preview: false },
            output: sveltia.then_some(OutputConfig { omit_empty_optional_fields: true }),
            collections,
        }
    }

    /// The configuration as YAML, with a header saying what wrote it.
    pub fn to_yaml(&self, cms: &Cms) -> String {
        let body = serde_saphyr::to_string(self).unwrap_or_default();
        let editor = match cms.editor {
            Editor::Decap => "Decap CMS",
            Editor::Sveltia => "Sveltia CMS",
        };
        let naming = match (cms.editor, self.i18n.is_some()) {
            (Editor::Decap, true) => "# Decap saves the default language's text as x.vi.md (loa reads it as x.md) and a\n# translation as x.en.md; fields marked i18n: false live only in the default file, and\n# i18n: duplicate (publish, expire, draft) are copied into every translation.\n",
            (Editor::Sveltia, true) => "# Pages are x.md and their translations x.en.md; fields marked i18n: false live only\n# in the default language's file, and i18n: duplicate (publish, expire, draft)\n# are copied into every translation.\n",
            _ => "",
        };
        format!(
            "# admin/config.yml — written by loa from site.yaml, calendar.yaml and the theme.\n# Do not edit: every `loa build` writes it again. Change `cms:` in site.yaml instead.\n# {editor} {}. The body is edited as Markdown text (modes: [raw]), which keeps\n# task lists and tables as they are written.\n{naming}\n{body}",
            cms.editor.version()
        )
    }
}

/// The backend block: the Git host, the repository, and how staff sign in.
fn backend(cms: &Cms) -> BackendConfig {
    let host = cms.host.clone();
    let (api_root, base_url) = match cms.backend {
        Backend::GitHub => (host.as_ref().map(|h| format!("{h}/api/v3")), cms.auth_url.clone()),
        Backend::GitLab => (host.as_ref().map(|h| format!("{h}/api/v4")), host.clone().or(cms.auth_url.clone())),
        Backend::Gitea => (host.as_ref().map(|h| format!("{h}/api/v1")), host.clone()),
    };
    let pkce = cms.app_id.is_some() && matches!(cms.backend, Backend::GitLab | Backend::Gitea);
    BackendConfig {
        name: cms.backend.name(),
        repo: cms.repo.clone(),
        branch: cms.branch.clone(),
        base_url,
        api_root,
        auth_type: pkce.then_some("pkce"),
        app_id: cms.app_id.clone(),
    }
}

/// The audiences a page may be for: those the theme has a label for
/// (`audience_cha_me` in its `i18n/`), labelled in the default language.
fn audiences(plan: &Plan<'_>) -> Vec<SelectOption> {
    let theme = plan.theme();
    let default = plan.site().default_language();
    theme.audiences().into_iter().map(|value| SelectOption { label: theme.audience_labels(default, std::slice::from_ref(&value)).remove(0), value }).collect()
}

/// The school levels a page may be for, labelled by the theme's
/// `school_level_*` strings in the default language.
fn school_levels(plan: &Plan<'_>) -> Vec<SelectOption> {
    let theme = plan.theme();
    let default = plan.site().default_language();
    crate::load::front_matter::SCHOOL_LEVELS
        .iter()
        .map(|&value| SelectOption { label: theme.string(default, &format!("school_level_{}", value.replace('-', "_"))).to_owned(), value: value.to_owned() })
        .collect()
}

/// A folder collection of pages.
fn pages_collection(plan: &Plan<'_>, w: &Words, kind: Kind, name: &str, folder: &str, label: String, many: bool) -> Collection {
    let default = plan.site().default_language();
    let description = match kind {
        Kind::Hub => w.pick(
            "Trang chủ của cả trang (content/_index). Trang chủ luôn được đăng.",
            "The site's home page (content/_index). It is always published.",
        ),
        Kind::Campaign => w.pick(
            &format!("Các trang của chiến dịch {label}. Trang _index là trang chủ của chiến dịch: luôn được đăng, không đặt Bắt đầu hiện / Thôi hiện."),
            &format!("The pages of {label}. The _index page is the campaign's home: always published, without a start or end date."),
        ),
        Kind::SitePages => w.pick("Các trang dùng chung cho mọi chiến dịch (content/pages).", "Pages for every campaign (content/pages)."),
    };
    Collection {
        name: name.to_owned(),
        label,
        label_singular: Some(w.pick("trang", "page")),
        description: Some(description),
        folder: Some(folder.to_owned()),
        create: Some(kind != Kind::Hub),
        delete: (kind == Kind::Hub).then_some(false),
        extension: Some("md"),
        format: Some("frontmatter"),
        slug: (kind != Kind::Hub).then_some("{{slug}}"),
        summary: Some("{{title}}"),
        sortable_fields: (kind != Kind::Hub).then(|| vec!["title", "weight", "date"]),
        media_folder: Some(""),
        public_folder: Some(""),
        i18n: many.then_some(true),
        fields: Some(page_fields(plan, w, kind, many, default)),
        ..Collection::default()
    }
}

/// The fields of a page: every front-matter key of its kind, then the body.
fn page_fields(plan: &Plan<'_>, w: &Words, kind: Kind, many: bool, default: &str) -> Vec<Field> {
    let tr = |f: Field, yes: bool| if many { f.translated(yes) } else { f };
    let mut f = vec![
        tr(
            Field::new("title", w.pick("Tiêu đề", "Title"), "string")
                .hint(w.pick("Tên tệp được đặt theo tiêu đề, không dấu (Phòng chống xâm hại → phong-chong-xam-hai).", "The file is named after the title.")),
            true,
        ),
        tr(Field::new("summary", w.pick("Tóm tắt", "Summary"), "text").optional().hint(w.pick("Một câu, hiện trong danh sách và khi chia sẻ liên kết.", "One sentence, shown in lists and link previews.")), true),
        tr(Field::date("date", w.pick("Ngày viết / cập nhật", "Written or updated on")).optional(), false),
    ];
    if kind != Kind::Hub {
        // The window and `draft` are the original's in every translation
        // (`load::translations`): the editor copies them, so each file says
        // when it is published and no translation opens a wider window.
        let dup = |f: Field| if many { f.duplicated() } else { f };
        f.extend(window_fields(w, kind).into_iter().map(dup));
        f.push(dup(Field { default: Some(Value::Bool(false)), ..Field::new("draft", w.pick("Bản nháp", "Draft"), "boolean") }.optional().hint(w.pick("Bật: trang chưa được đăng.", "On: the page is not published."))));
        f.push(tr(Field { value_type: Some("int"), ..Field::new("weight", w.pick("Thứ tự", "Order"), "number") }.optional().hint(w.pick("Số nhỏ đứng trước.", "Lower comes first.")), false));
        f.push(tr(Field::select("audience", w.pick("Dành cho", "For"), audiences(plan), true).optional(), false));
        f.push(tr(Field::select("school_level", w.pick("Cấp học", "School level"), school_levels(plan), true).optional().hint(w.pick("Tờ rơi của trang được xếp theo cấp học trong danh sách cho nhà trường.", "The page's leaflets are listed under these school levels for schools.")), false));
        let formats = vec![
            SelectOption { label: w.pick("A4 (áp phích)", "A4 (poster)"), value: "a4".into() },
            SelectOption { label: "A5".into(), value: "a5".into() },
            SelectOption { label: w.pick("Gấp ba", "Tri-fold"), value: "trifold".into() },
            SelectOption { label: w.pick("Sách mỏng (A5, in trên A4 gập đôi)", "Booklet (A5, printed on folded A4)"), value: "booklet".into() },
            SelectOption { label: w.pick("Áp phích A3", "A3 poster"), value: "poster-a3".into() },
            SelectOption { label: w.pick("Áp phích A2", "A2 poster"), value: "poster-a2".into() },
        ];
        f.push(tr(Field::select("leaflet", w.pick("Tờ rơi PDF", "PDF leaflets"), formats, true).optional().hint(w.pick("Trang được in thành tờ rơi theo các khổ đã chọn.", "The page is also printed as leaflets in these formats.")), false));
        if !plan.localities().is_empty() {
            let opt = vec![SelectOption { label: w.pick("Mỗi địa phương một tờ (localities.yaml)", "One per locality (localities.yaml)"), value: "localities".into() }];
            f.push(tr(Field::select("variants", w.pick("Tờ rơi theo địa phương", "Leaflets per locality"), opt, false).optional(), false));
        }
        f.push(tr(
            Field { choose_url: Some(false), ..Field::new("image", w.pick("Ảnh chia sẻ", "Picture for link previews"), "image") }
                .optional()
                .hint(w.pick("Ảnh được lưu cạnh trang. Không dùng ảnh nhận ra được trẻ em. Có ảnh thì phải có Mô tả ảnh.", "Stored beside the page. Never a picture in which a child can be recognised. A picture needs its description.")),
            false,
        ));
        f.push(tr(
            Field::new("image_alt", w.pick("Mô tả ảnh", "Picture description"), "string")
                .optional()
                .hint(w.pick("Bắt buộc khi có ảnh: một câu tả ảnh cho người không nhìn thấy.", "Required with a picture: one sentence saying what it shows.")),
            true,
        ));
    }
    if kind != Kind::Hub {
        f.push(tr(broadcast(w), true));
    }
    let link = if default == "vi" { "[chữ](../pages/cach-bao-tin.md)" } else { "[text](../pages/page.md)" };
    f.push(tr(
        Field { modes: Some(vec!["raw"]), ..Field::new("body", w.pick("Nội dung", "Text"), "markdown") }
            .optional()
            .hint(w.pick(&format!("Markdown: **đậm**, ## Tiêu đề, - danh sách, - [ ] ô đánh dấu, {link} để liên kết."), &format!("Markdown: **bold**, ## Heading, - list, - [ ] box to tick, {link} for a link."))),
        true,
    ));
    f
}

/// `broadcast:` — the page as a bulletin for commune radio: air times (a
/// list the editor writes from `06:00, 17:30`), weekdays, spoken title. A
/// page without air times is no bulletin, so the form may stay empty.
fn broadcast(w: &Words) -> Field {
    let days = [("T2", "Thứ Hai", "Monday"), ("T3", "Thứ Ba", "Tuesday"), ("T4", "Thứ Tư", "Wednesday"), ("T5", "Thứ Năm", "Thursday"), ("T6", "Thứ Sáu", "Friday"), ("T7", "Thứ Bảy", "Saturday"), ("CN", "Chủ Nhật", "Sunday")];
    let days = days.iter().map(|(v, vi, en)| SelectOption { label: w.pick(vi, en), value: (*v).to_owned() }).collect();
    let sub = vec![
        Field::new("times", w.pick("Giờ phát", "Air times"), "list").optional().hint(w.pick("Đồng hồ 24 giờ, cách nhau bằng dấu phẩy: 06:00, 17:30. Để trống: trang không phải bản tin.", "24-hour clock, separated by commas: 06:00, 17:30. Empty: the page is no bulletin.")),
        Field::select("days", w.pick("Ngày phát", "Days"), days, true).optional().hint(w.pick("Để trống: phát mọi ngày trang còn hiện.", "Empty: every day the page is published.")),
        Field::new("title", w.pick("Tên bản tin đọc lên", "Spoken title"), "string").optional().hint(w.pick("Để trống: đọc tiêu đề của trang.", "Empty: the page's title is read.")),
    ];
    Field { fields: Some(sub), collapsed: Some(true), ..Field::new("broadcast", w.pick("Bản tin phát thanh (đài truyền thanh, loa thông minh)", "Radio bulletin (commune radio, IP loudspeakers)"), "object") }
        .optional()
        .hint(w.pick("Trang cũng được viết thành lời đọc cho đài truyền thanh xã, phường, đọc vào các giờ phát trong thời gian trang còn hiện.", "The page is also written out for commune radio and read at these times while it is published."))
}

/// `publish` and `expire`: offsets from the campaign's dates in a campaign,
/// dates elsewhere.
fn window_fields(w: &Words, kind: Kind) -> Vec<Field> {
    if kind == Kind::SitePages {
        return vec![
            Field::date("publish", w.pick("Bắt đầu hiện", "Published from")).optional().hint(w.pick("Để trống: trang luôn hiện.", "Empty: always published.")),
            Field::date("expire", w.pick("Thôi hiện từ", "Gone from")).optional().hint(w.pick("Ngày đầu tiên trang không còn hiện.", "The first day the page is gone.")),
        ];
    }
    let pattern = |example: &str| {
        (
            BOUND_PATTERN.to_owned(),
            w.pick(&format!("Viết một ngày ({example}) hoặc số ngày tính từ đầu/cuối chiến dịch: start, start-14d, end+7d"), &format!("Write a day ({example}) or days from the campaign's start or end: start, start-14d, end+7d")),
        )
    };
    vec![
        Field { pattern: Some(pattern("2027-05-20")), ..Field::new("publish", w.pick("Bắt đầu hiện", "Published from"), "string") }.optional().hint(w.pick(
            "Để trống: trang luôn hiện. Một ngày `2027-05-20`, hoặc tính theo chiến dịch: `start-14d` = 14 ngày trước khi chiến dịch bắt đầu, `start` = ngày đầu chiến dịch, `end` = ngày cuối chiến dịch. Trang hiện lại mỗi năm.",
            "Empty: always published. A day `2027-05-20`, or from the campaign: `start-14d` = 14 days before it starts, `start` = its first day, `end` = its last day. The page comes back every year.",
        )),
        Field { pattern: Some(pattern("2027-07-15")), ..Field::new("expire", w.pick("Thôi hiện từ", "Gone from"), "string") }.optional().hint(w.pick(
            "Ngày đầu tiên trang không còn hiện. Ví dụ `end+7d` = 7 ngày sau ngày cuối chiến dịch.",
            "The first day the page is gone, e.g. `end+7d` = 7 days after the campaign's last day.",
        )),
    ]
}

/// A text given per language (`{vi: …, en: …}`), or once for a one-language site.
fn per_language(plan: &Plan<'_>, w: &Words, name: &str, label: String, widget: &'static str, required: bool) -> Field {
    let langs = &plan.site().languages;
    let base = if required { Field::new(name, label.clone(), widget) } else { Field::new(name, label.clone(), widget).optional() };
    if langs.len() == 1 {
        return base;
    }
    let sub = langs
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let name_of = match l.as_str() {
                "vi" => w.pick("Tiếng Việt", "Vietnamese"),
                "en" => w.pick("Tiếng Anh", "English"),
                other => other.to_owned(),
            };
            let f = Field::new(l, name_of, widget);
            if i == 0 && required { f } else { f.optional() }
        })
        .collect();
    Field { fields: Some(sub), widget: "object", ..base }
}

/// `calendar.yaml` and `site.yaml` as forms.
fn settings(plan: &Plan<'_>, w: &Words) -> Collection {
    let when_hint = w.pick(
        "Ngày trước, tháng sau: `30/7` (một ngày mỗi năm) · `1/6 - 30/6` (một khoảng mỗi năm) · `20/12 - 10/1` (qua năm mới) · `tháng 6` (cả tháng) · `15/8 âm lịch` (âm lịch) · `1/3/2027 - 8/3/2027` (một lần, có năm) · `[30/4, 2/9]` (nhiều ngày).",
        "Day first, then month: `30/7` (one day a year) · `1/6 - 30/6` (a range every year) · `20/12 - 10/1` (over the new year) · `tháng 6` (the whole month) · `15/8 âm lịch` (lunar calendar) · `1/3/2027 - 8/3/2027` (once, with the year) · `[30/4, 2/9]` (several).",
    );
    let title_summary = if plan.site().languages.len() > 1 { format!("{{{{fields.title.{}}}}} — {{{{fields.when}}}}", plan.site().default_language()) } else { "{{fields.title}} — {{fields.when}}".to_owned() };
    let campaign_fields = vec![
        Field { pattern: Some(("^[a-z0-9-]+$".into(), w.pick("Chỉ chữ thường không dấu, số và dấu gạch ngang", "Lowercase letters a-z, digits and hyphens only"))), ..Field::new("id", w.pick("Mã chiến dịch", "Id"), "string") }
            .hint(w.pick("Cũng là tên thư mục trong content/ và địa chỉ trang. Đổi mã thì phải đổi tên thư mục.", "Also its folder in content/ and its address. Renaming it means renaming the folder.")),
        per_language(plan, w, "title", w.pick("Tên chiến dịch", "Title"), "string", true),
        Field::new("when", w.pick("Thời gian", "When"), "string").hint(when_hint),
        Field { pattern: Some((r"^(\d{4}|\d{4}-\d{4}|\d{4}-|-\d{4})$".into(), w.pick("Một năm (2027) hoặc khoảng năm (2020-2030, 2027-, -2030)", "A year (2027) or years (2020-2030, 2027-, -2030)"))), ..Field::new("years", w.pick("Những năm", "Years"), "string") }
            .optional()
            .hint(w.pick("Để trống: mọi năm.", "Empty: every year.")),
        Field { value_type: Some("int"), min: Some(0), default: Some(Value::from(30)), ..Field::new("lead", w.pick("Báo trước (ngày)", "Shown before (days)"), "number") }.optional(),
        Field { value_type: Some("int"), min: Some(0), default: Some(Value::from(14)), ..Field::new("linger", w.pick("Còn hiện sau khi kết thúc (ngày)", "Shown after (days)"), "number") }.optional(),
        Field::new("color", w.pick("Màu", "Colour"), "color").optional(),
    ];
    let calendar = vec![
        Field { default: Some(Value::from("Asia/Ho_Chi_Minh")), ..Field::new("timezone", w.pick("Múi giờ", "Timezone"), "string") }.hint(w.pick("Tên múi giờ IANA, ví dụ Asia/Ho_Chi_Minh.", "An IANA name, e.g. Asia/Ho_Chi_Minh.")),
        Field { label_singular: Some(w.pick("chiến dịch", "campaign")), summary: Some(title_summary), fields: Some(campaign_fields), ..Field::new("campaigns", w.pick("Các chiến dịch", "Campaigns"), "list") },
    ];
    let hotline_summary = if plan.site().languages.len() > 1 { format!("{{{{fields.number}}}} — {{{{fields.label.{}}}}}", plan.site().default_language()) } else { "{{fields.number}} — {{fields.label}}".to_owned() };
    let site = vec![
        per_language(plan, w, "title", w.pick("Tên trang", "Site title"), "string", true),
        per_language(plan, w, "description", w.pick("Mô tả", "Description"), "text", false),
        Field { pattern: Some(("^https?://.+$".into(), w.pick("Địa chỉ đầy đủ, bắt đầu bằng https://", "A full address starting with https://"))), ..Field::new("base_url", w.pick("Địa chỉ trang", "Address"), "string") },
        Field::new("languages", "languages".into(), "hidden"),
        Field::new("theme", "theme".into(), "hidden"),
        Field {
            fields: Some(vec![per_language(plan, w, "name", w.pick("Tên", "Name"), "string", true), Field::new("url", w.pick("Địa chỉ web", "Website"), "string").optional()]),
            ..Field::new("organisation", w.pick("Cơ quan", "Organisation"), "object").optional()
        },
        Field {
            label_singular: Some(w.pick("số điện thoại", "number")),
            summary: Some(hotline_summary),
            fields: Some(vec![
                Field::new("number", w.pick("Số", "Number"), "string").hint(w.pick("Viết như mọi người vẫn viết: 024.3525.662", "As people write it: 024.3525.662")),
                per_language(plan, w, "label", w.pick("Tên", "Name"), "string", true),
                per_language(plan, w, "note", w.pick("Ghi chú", "Note"), "string", false),
            ]),
            ..Field::new("hotlines", w.pick("Đường dây nóng", "Hotlines"), "list").optional()
        },
        Field { pattern: Some(("^https?://.+$".into(), w.pick("Địa chỉ đầy đủ, bắt đầu bằng https://", "A full address starting with https://"))), ..Field::new("quick_exit", w.pick("Nút Thoát nhanh mở trang", "Quick exit leads to"), "string") }
            .optional()
            .hint(w.pick(
                "Một trang bình thường của trang web khác, không liên quan đến trang này, ví dụ trang thời tiết. Để trống: https://vnexpress.net/thoi-tiet.",
                "A neutral page on another site, unrelated to this one, e.g. a weather page. Empty: https://vnexpress.net/thoi-tiet.",
            )),
        Field::new("safety_page", "safety_page".into(), "hidden"),
        Field::new("allow_raw_html", "allow_raw_html".into(), "hidden"),
        Field::new("share_cards", "share_cards".into(), "hidden"),
        Field::new("search", "search".into(), "hidden"),
        Field::new("broadcast", "broadcast".into(), "hidden"),
        Field::new("leaflets", "leaflets".into(), "hidden"),
        Field::new("cms", "cms".into(), "hidden"),
    ];
    Collection {
        name: "settings".into(),
        label: w.pick("Cấu hình", "Settings"),
        files: Some(vec![
            FileEntry { name: "calendar", label: w.pick("Lịch các chiến dịch (calendar.yaml)", "Campaign calendar (calendar.yaml)"), file: crate::load::calendar::FILE, fields: calendar },
            FileEntry { name: "site", label: w.pick("Thông tin trang (site.yaml)", "Site settings (site.yaml)"), file: crate::load::site::FILE, fields: site },
        ]),
        ..Collection::default()
    }
}
