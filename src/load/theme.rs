//! The theme: Tera templates, static files and UI strings.
//!
//! The default theme is embedded in the binary (so `loa init` and sites without
//! a `themes/` folder work anywhere). A site's `themes/<name>/` overrides it file
//! by file: a site that only wants its own footer ships only
//! `themes/<name>/templates/partials/footer.html`.
//!
//! Besides HTML templates, a theme holds the print side: `leaflets/*.typ`
//! (Typst templates for the PDF leaflets) and `fonts/*.ttf|otf` (the fonts
//! the leaflets are typeset with; the default theme ships Noto Sans).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use include_dir::{include_dir, Dir};
use walkdir::WalkDir;

use super::yaml;
use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::Msg;
use crate::t;

/// What the keys of a theme's `images.yaml` take.
fn image_keys(key: &str) -> Option<Msg> {
    Some(match key {
        "widths" => t!("takes-widths"),
        "sizes" => t!("takes-text"),
        _ => return None,
    })
}

/// What the keys of a theme's strings take: text.
fn string_keys(_: &str) -> Option<Msg> {
    Some(t!("takes-text"))
}

/// The default theme, as shipped in the repository's `themes/default/`.
pub static DEFAULT_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// Where a theme file came from, to name it in error messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Embedded in the binary; the path is inside the default theme.
    Embedded(PathBuf),
    /// A file of the site, relative to the site root.
    Site(PathBuf),
}

impl Origin {
    /// The path to show users.
    pub fn display(&self) -> PathBuf {
        match self {
            Origin::Embedded(p) => Path::new("themes/default").join(p),
            Origin::Site(p) => p.clone(),
        }
    }
}

/// A text file of the theme.
#[derive(Debug, Clone)]
pub struct TextFile {
    /// Name inside its folder, with `/` separators (`partials/hotlines.html`).
    pub name: String,
    /// Its contents.
    pub text: String,
    /// Where it came from.
    pub origin: Origin,
}

/// The contents of a static file.
#[derive(Debug, Clone)]
pub enum Bytes {
    /// Embedded in the binary.
    Embedded(&'static [u8]),
    /// On disk, absolute path.
    File(PathBuf),
}

/// A loaded theme.
#[derive(Debug, Clone)]
pub struct Theme {
    /// Its name from `site.yaml`.
    pub name: String,
    /// Tera templates by name.
    pub templates: BTreeMap<String, TextFile>,
    /// Typst leaflet templates (`leaflets/a4.typ`, …) by name inside `leaflets/`.
    pub leaflets: BTreeMap<String, TextFile>,
    /// Font files for the leaflets (`fonts/*.ttf`, `*.otf`, `*.ttc`), by file name.
    pub fonts: BTreeMap<String, (Bytes, Origin)>,
    /// Files copied as they are into the output, by output path.
    pub statics: BTreeMap<String, Bytes>,
    /// UI strings per language: `i18n/<lang>.yaml`.
    pub strings: BTreeMap<String, BTreeMap<String, String>>,
    /// The `i18n/<lang>.yaml` files themselves, to locate findings in them.
    pub string_files: BTreeMap<String, TextFile>,
    /// How pictures are published (`images.yaml`).
    pub images: ImageSettings,
    /// Words a reader may search for in place of one another, per language
    /// (`synonyms.yaml`): groups of words or phrases, such as
    /// `[phụ huynh, cha mẹ]`.
    pub synonyms: BTreeMap<String, Vec<Vec<String>>>,
    /// What is said for abbreviations in bulletins read aloud, per language
    /// (`abbreviations.yaml`): `UBND: ủy ban nhân dân`.
    pub abbreviations: BTreeMap<String, BTreeMap<String, String>>,
    /// Problems that do not stop the build (a language without strings).
    pub warnings: Vec<Diagnostic>,
}

/// How a theme publishes pictures: its `images.yaml`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImageSettings {
    /// The widths in pixels each picture of a page is resized to, narrowest first.
    pub widths: Vec<u32>,
    /// The HTML `sizes` attribute: how wide a picture shows in the layout.
    pub sizes: String,
}

impl ImageSettings {
    /// The narrowest and widest widths loa makes.
    pub const RANGE: (u32, u32) = (120, 2400);
}

impl Default for ImageSettings {
    fn default() -> Self {
        ImageSettings { widths: vec![480, 960, 1440], sizes: "100vw".to_owned() }
    }
}

/// The UI strings loa itself writes into pages, feeds and leaflets (the
/// templates may use more). A theme's `i18n/<lang>.yaml` must have each of
/// them; `{format}` stands for every leaflet format.
pub const REQUIRED_STRINGS: &[&str] = &[
    "language_name",
    "state_active",
    "countdown",
    "countdown_one",
    "state_recent",
    "state_next",
    "state_over",
    "not_found_title",
    "embed_schedule_title",
    "print_title",
    "leaflets_title",
    "leaflets_intro",
    "leaflets_general",
    "leaflet_format_a4",
    "leaflet_format_a5",
    "leaflet_format_trifold",
    "leaflet_format_booklet",
    "leaflet_format_poster_a3",
    "leaflet_format_poster_a2",
    "leaflet_sheets",
    "leaflet_pages",
    "leaflet_pages_one",
    "leaflet_111_label",
    "leaflet_111_note",
    "leaflets_bundle_all",
    "leaflets_bundle_count",
    "leaflets_bundle_one",
    "school_level_mam_non",
    "school_level_tieu_hoc",
    "school_level_thcs",
    "school_level_thpt",
    "search_slug",
    "search_title",
    "search_general",
    "broadcast_slug",
    "broadcast_title",
    "broadcast_every_day",
    "broadcast_from",
    "broadcast_until",
    "broadcast_always",
    "sheet_kicker",
    "sheet_reading",
    "sheet_air_times",
    "sheet_days",
    "sheet_window",
    "sheet_log",
    "sheet_log_help",
    "sheet_day",
    "sheet_reader",
];

impl Theme {
    /// The label of each audience in `lang` (`cha-me` → the string
    /// `audience_cha_me`), or the audience's own name when the theme has none.
    pub fn audience_labels(&self, lang: &str, audience: &[String]) -> Vec<String> {
        audience.iter().map(|a| self.lookup(lang, &format!("audience_{}", a.replace('-', "_"))).map_or_else(|| a.clone(), str::to_owned)).collect()
    }

    /// The labels of a page's audiences in `lang`, as one text
    /// (`Dành cho cha mẹ · Dành cho trẻ em`); `None` for no audience.
    pub fn audience_label(&self, lang: &str, audience: &[String]) -> Option<String> {
        (!audience.is_empty()).then(|| self.audience_labels(lang, audience).join(" · "))
    }

    /// The audiences the theme names (its `audience_*` strings): the values
    /// `audience:` may take.
    pub fn audiences(&self) -> Vec<String> {
        let keys: BTreeSet<String> = self.strings.values().flat_map(|m| m.keys()).filter_map(|k| k.strip_prefix("audience_")).map(|a| a.replace('_', "-")).collect();
        keys.into_iter().collect()
    }

    /// A UI string in `lang`, falling back to the first language that has it
    /// (a language without a strings file uses another's). Every key of
    /// [`REQUIRED_STRINGS`] exists: loading the theme checks it.
    pub fn string(&self, lang: &str, key: &str) -> &str {
        self.lookup(lang, key).unwrap_or_default()
    }

    fn lookup(&self, lang: &str, key: &str) -> Option<&str> {
        self.strings.get(lang).and_then(|m| m.get(key)).or_else(|| self.strings.values().find_map(|m| m.get(key))).map(String::as_str)
    }
}

/// Whether a file name is a font the leaflets can use.
fn is_font_file(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".ttf", ".otf", ".ttc", ".otc"].iter().any(|e| lower.ends_with(e))
}

fn walk_embedded(dir: &'static Dir<'static>, out: &mut Vec<(PathBuf, &'static [u8])>) {
    for f in dir.files() {
        out.push((f.path().to_path_buf(), f.contents()));
    }
    for d in dir.dirs() {
        walk_embedded(d, out);
    }
}

/// Loads the theme `name` for the site at `root`.
pub fn load(root: &Path, name: &str, languages: &[String]) -> Result<Theme, Diagnostics> {
    let mut diags = Diagnostics::new();
    let mut files: BTreeMap<PathBuf, (Bytes, Origin)> = BTreeMap::new();
    let mut embedded = Vec::new();
    walk_embedded(&DEFAULT_THEME, &mut embedded);
    for (path, bytes) in embedded {
        files.insert(path.clone(), (Bytes::Embedded(bytes), Origin::Embedded(path)));
    }

    let site_dir = root.join("themes").join(name);
    if site_dir.is_dir() {
        for entry in WalkDir::new(&site_dir).sort_by_file_name() {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    diags.push(Diagnostic::error(Path::new("themes").join(name), None, t!("theme-cannot-read", detail = e.to_string())));
                    continue;
                }
            };
            if !entry.file_type().is_file() || entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let inner = entry.path().strip_prefix(&site_dir).unwrap_or(entry.path()).to_path_buf();
            let rel = entry.path().strip_prefix(root).unwrap_or(entry.path()).to_path_buf();
            files.insert(inner, (Bytes::File(entry.path().to_path_buf()), Origin::Site(rel)));
        }
    } else if name != "default" {
        diags.push(
            Diagnostic::error("site.yaml", None, t!("theme-missing", name = name))
                .with_hint(t!("theme-missing-hint")),
        );
        return Err(diags);
    }

    let mut theme = Theme {
        name: name.to_owned(),
        templates: BTreeMap::new(),
        leaflets: BTreeMap::new(),
        fonts: BTreeMap::new(),
        statics: BTreeMap::new(),
        strings: BTreeMap::new(),
        string_files: BTreeMap::new(),
        images: ImageSettings::default(),
        synonyms: BTreeMap::new(),
        abbreviations: BTreeMap::new(),
        warnings: Vec::new(),
    };
    for (path, (bytes, origin)) in files {
        let mut comps = path.iter().map(|c| c.to_string_lossy().into_owned());
        let top = comps.next().unwrap_or_default();
        let rest: Vec<String> = comps.collect();
        let rest = rest.join("/");
        let text = || -> Result<String, Diagnostic> {
            let raw = match &bytes {
                Bytes::Embedded(b) => b.to_vec(),
                Bytes::File(p) => std::fs::read(p).map_err(|e| Diagnostic::error(origin.display(), None, t!("file-cannot-read", detail = &e)))?,
            };
            String::from_utf8(raw).map_err(|_| Diagnostic::error(origin.display(), None, t!("file-not-utf8")).with_hint(t!("file-not-utf8-hint")))
        };
        match top.as_str() {
            "templates" => match text() {
                Ok(t) => {
                    theme.templates.insert(rest.clone(), TextFile { name: rest, text: t, origin });
                }
                Err(d) => diags.push(d),
            },
            "static" => {
                theme.statics.insert(rest, bytes);
            }
            "images.yaml" if rest.is_empty() => match text() {
                Ok(t) => match yaml::parse::<ImageSettings>(&origin.display(), &t, 0, image_keys) {
                    Ok(mut settings) => {
                        let (lo, hi) = ImageSettings::RANGE;
                        if settings.widths.is_empty() || settings.widths.iter().any(|w| !(lo..=hi).contains(w)) {
                            diags.push(
                                Diagnostic::error(origin.display(), None, t!("theme-widths", low = lo, high = hi))
                                    .with_hint(t!("theme-widths-hint")),
                            );
                        }
                        if settings.sizes.chars().any(|c| matches!(c, '"' | '<' | '>' | '&') || c.is_control()) {
                            diags.push(Diagnostic::error(origin.display(), None, t!("theme-sizes")).with_hint(t!("theme-sizes-hint")));
                        }
                        settings.widths.sort_unstable();
                        settings.widths.dedup();
                        theme.images = settings;
                    }
                    Err(d) => diags.push(d.with_source(&t)),
                },
                Err(d) => diags.push(d),
            },
            "synonyms.yaml" if rest.is_empty() => match text() {
                Ok(t) => match yaml::parse::<BTreeMap<String, Vec<Vec<String>>>>(&origin.display(), &t, 0, |_| Some(t!("takes-synonyms"))) {
                    Ok(map) => theme.synonyms = map,
                    Err(d) => diags.push(d.with_source(&t)),
                },
                Err(d) => diags.push(d),
            },
            "abbreviations.yaml" if rest.is_empty() => match text() {
                Ok(t) => match yaml::parse::<BTreeMap<String, BTreeMap<String, String>>>(&origin.display(), &t, 0, |_| Some(t!("takes-abbreviations"))) {
                    Ok(map) => theme.abbreviations = map,
                    Err(d) => diags.push(d.with_source(&t)),
                },
                Err(d) => diags.push(d),
            },
            "leaflets" => match text() {
                Ok(t) => {
                    theme.leaflets.insert(rest.clone(), TextFile { name: rest, text: t, origin });
                }
                Err(d) => diags.push(d),
            },
            "fonts" if is_font_file(&rest) => {
                theme.fonts.insert(rest, (bytes, origin));
            }
            "i18n" if rest.ends_with(".yaml") => {
                let lang = rest.trim_end_matches(".yaml").to_owned();
                match text() {
                    Ok(t) => match yaml::parse::<BTreeMap<String, String>>(&origin.display(), &t, 0, string_keys) {
                        Ok(map) => {
                            let missing: Vec<&str> = REQUIRED_STRINGS.iter().copied().filter(|k| !map.contains_key(*k)).collect();
                            if !missing.is_empty() && languages.contains(&lang) {
                                diags.push(
                                    Diagnostic::error(origin.display(), None, t!("theme-strings-missing", lang = lang.as_str(), count = missing.len(), keys = missing.join(", ")))
                                        .with_hint(t!("theme-strings-missing-hint", lang = lang.as_str())),
                                );
                            }
                            theme.strings.insert(lang.clone(), map);
                            theme.string_files.insert(lang.clone(), TextFile { name: rest.clone(), text: t, origin: origin.clone() });
                        }
                        Err(d) => diags.push(d.with_source(&t)),
                    },
                    Err(d) => diags.push(d),
                }
            }
            _ => {}
        }
    }
    for lang in languages {
        if !theme.strings.contains_key(lang) {
            theme.warnings.push(
                Diagnostic::warning(Path::new("themes").join(name).join("i18n"), None, t!("theme-no-strings", lang = lang))
                    .with_hint(t!("theme-no-strings-hint", name = name, lang = lang)),
            );
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(theme)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_theme_has_every_string_loa_uses() {
        let dir = tempfile::tempdir().unwrap();
        let theme = load(dir.path(), "default", &["vi".to_owned(), "en".to_owned()]).unwrap();
        for lang in ["vi", "en"] {
            for key in REQUIRED_STRINGS {
                assert!(theme.strings[lang].contains_key(*key), "{lang}: {key}");
            }
        }
        assert_eq!(theme.audience_label("vi", &["cha-me".into()]).as_deref(), Some("Dành cho cha mẹ, người chăm sóc trẻ"));
        assert_eq!(theme.audience_label("vi", &["tre-em".into(), "cha-me".into()]).as_deref(), Some("Dành cho trẻ em · Dành cho cha mẹ, người chăm sóc trẻ"));
        assert_eq!(theme.audience_label("vi", &[]), None);
        assert_eq!(theme.audiences(), ["can-bo", "cha-me", "cong-dong", "giao-vien", "tre-em"]);
    }

    #[test]
    fn a_strings_file_missing_a_key_loa_uses_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let i18n = dir.path().join("themes/mine/i18n");
        std::fs::create_dir_all(&i18n).unwrap();
        let full = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/i18n/vi.yaml")).unwrap();
        let cut: String = full.lines().filter(|l| !l.starts_with("countdown:")).map(|l| format!("{l}\n")).collect();
        std::fs::write(i18n.join("vi.yaml"), cut).unwrap();
        let err = load(dir.path(), "mine", &["vi".to_owned()]).unwrap_err();
        assert_eq!(err.0.len(), 1, "{err}");
        assert_eq!(err.0[0].file, PathBuf::from("themes/mine/i18n/vi.yaml"));
        assert!(err.0[0].message().contains("countdown"), "{}", err.0[0].message());
        // A language the site does not use may be partial.
        assert!(load(dir.path(), "mine", &["en".to_owned()]).is_ok());
    }
}
