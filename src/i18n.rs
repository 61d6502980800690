//! Messages in the editors' language: Vietnamese or English.
//!
//! Every message loa shows a person — diagnostics and their hints, the
//! command line's summaries, the preview's error page — comes from a catalog
//! in `locales/`: `en.ftl` and `vi.ftl`, in [Project Fluent]'s syntax, which a
//! translator edits without knowing Rust. Both are compiled into the binary.
//! A message names its values (`{ $file }`), and English chooses its plural
//! forms by count (`{ $count -> [one] … *[other] … }`); Vietnamese has one.
//!
//! The language is chosen once, at start-up ([`set_lang`]): `--lang vi|en`,
//! else the locale of the terminal ([`from_locale`]: `LC_ALL`, then
//! `LC_MESSAGES`, then `LANG`; `vi`, `vi_VN.UTF-8` are Vietnamese), else
//! English.
//!
//! Code asks for a message with [`t!`](crate::t): `t!("fm-title-empty")`,
//! `t!("yaml-unknown-key", key = word)`. It gives a [`Msg`], the only thing a
//! [`Diagnostic`](crate::diag::Diagnostic) takes as its message or hint, so no
//! diagnostic can be written as a raw string: text that does not come from
//! loa (an operating-system error, a template engine's message) is a value
//! inside a catalog message. The tests check that both catalogs have the same
//! keys and values, that every key the code asks for exists, with the values
//! it gives, and that every message renders in both languages.
//!
//! [Project Fluent]: https://projectfluent.org/

use std::borrow::Cow;
use std::cell::Cell;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language loa speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lang {
    /// English, the default.
    En = 0,
    /// Vietnamese.
    Vi = 1,
}

impl Lang {
    /// Every language, the default first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Vi];

    /// Its code: `en`, `vi`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Vi => "vi",
        }
    }

    /// The language of a code or a locale name: `vi`, `vi_VN.UTF-8`,
    /// `vi-VN`, `en_GB` (case does not matter). `None` for any other
    /// language, and for `C` and `POSIX`.
    pub fn parse(s: &str) -> Option<Lang> {
        let lang = s.split(['_', '-', '.', '@']).next().unwrap_or("").to_ascii_lowercase();
        match lang.as_str() {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Its catalog, as written in `locales/`.
    pub fn catalog(self) -> &'static str {
        match self {
            Lang::En => include_str!("../locales/en.ftl"),
            Lang::Vi => include_str!("../locales/vi.ftl"),
        }
    }

    /// Its catalog's file, relative to the repository.
    pub fn catalog_file(self) -> &'static str {
        match self {
            Lang::En => "locales/en.ftl",
            Lang::Vi => "locales/vi.ftl",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

static CURRENT: AtomicU8 = AtomicU8::new(Lang::En as u8);

/// Sets the language of every message from now on. The command line calls it
/// once, before anything else.
pub fn set_lang(lang: Lang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

/// The language messages are in: the one [`with_lang`] sets on this thread,
/// else the one [`set_lang`] set.
pub fn lang() -> Lang {
    if let Some(lang) = OVERRIDE.with(Cell::get) {
        return lang;
    }
    if CURRENT.load(Ordering::Relaxed) == Lang::Vi as u8 { Lang::Vi } else { Lang::En }
}

thread_local! {
    static OVERRIDE: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// Runs `f` with messages in `lang` on this thread (other threads keep the
/// language [`set_lang`] set): for tests that look at both languages.
pub fn with_lang<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
    let before = OVERRIDE.with(|o| o.replace(Some(lang)));
    let out = f();
    OVERRIDE.with(|o| o.set(before));
    out
}

/// The language the terminal's locale asks for, reading variables with
/// `var`: the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set and not
/// empty decides (as POSIX has it), and it is Vietnamese when it names `vi`;
/// anything else (`C`, `en_US.UTF-8`, `fr_FR`) and nothing at all are English.
pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> Lang {
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Some(value) = var(name).filter(|v| !v.trim().is_empty()) {
            return Lang::parse(value.trim()).unwrap_or(Lang::En);
        }
    }
    Lang::En
}

/// One catalog, ready to format; isolation marks off (they are for
/// right-to-left scripts, and a terminal would show them as stray bytes).
fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let resource = FluentResource::try_new(lang.catalog().to_owned())
        .unwrap_or_else(|(_, errors)| panic!("{} does not parse: {errors:?}", lang.catalog_file()));
    let id = unic_langid::LanguageIdentifier::from_bytes(lang.code().as_bytes()).expect("a language code");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    bundle.set_use_isolating(false);
    bundle.add_resource(resource).unwrap_or_else(|errors| panic!("{}: {errors:?}", lang.catalog_file()));
    bundle
}

static BUNDLES: LazyLock<[FluentBundle<FluentResource>; 2]> = LazyLock::new(|| [bundle(Lang::En), bundle(Lang::Vi)]);

/// A value put into a message.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// Text, shown as it is.
    Text(String),
    /// A number, which also chooses plural forms.
    Number(f64),
}

impl Arg {
    fn fluent(&self) -> FluentValue<'_> {
        match self {
            Arg::Text(s) => FluentValue::from(s.as_str()),
            Arg::Number(n) => FluentValue::from(*n),
        }
    }
}

/// What can be put into a message: text, numbers, paths (shown with forward
/// slashes), dates, other messages.
pub trait IntoArg {
    /// The value.
    fn into_arg(self) -> Arg;
}

macro_rules! text_args {
    ($($t:ty),*) => {$(
        impl IntoArg for $t {
            fn into_arg(self) -> Arg {
                Arg::Text(self.to_string())
            }
        }
    )*};
}
text_args!(&str, String, &String, Cow<'_, str>, &Cow<'_, str>, char, chrono::NaiveDate, &chrono::NaiveDate, &Msg, &&str);

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl IntoArg for $t {
            #[allow(clippy::cast_precision_loss, clippy::cast_lossless)]
            fn into_arg(self) -> Arg {
                Arg::Number(self as f64)
            }
        }
    )*};
}
number_args!(usize, u8, u16, u32, u64, i32, i64, f64);

impl IntoArg for Msg {
    fn into_arg(self) -> Arg {
        Arg::Text(self.0)
    }
}

impl IntoArg for &Path {
    fn into_arg(self) -> Arg {
        Arg::Text(crate::diag::display_path(self))
    }
}

impl IntoArg for &PathBuf {
    fn into_arg(self) -> Arg {
        Arg::Text(crate::diag::display_path(self))
    }
}

impl IntoArg for PathBuf {
    fn into_arg(self) -> Arg {
        Arg::Text(crate::diag::display_path(&self))
    }
}

/// An operating-system error in plain words: the common kinds from the
/// catalog, any other as the system says it.
impl IntoArg for &std::io::Error {
    fn into_arg(self) -> Arg {
        io_error(self).into_arg()
    }
}

impl IntoArg for std::io::Error {
    fn into_arg(self) -> Arg {
        io_error(&self).into_arg()
    }
}

/// An operating-system error in plain words.
pub fn io_error(e: &std::io::Error) -> Msg {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => crate::t!("io-not-found"),
        K::PermissionDenied => crate::t!("io-permission-denied"),
        K::AlreadyExists => crate::t!("io-already-exists"),
        K::StorageFull => crate::t!("io-storage-full"),
        K::ReadOnlyFilesystem => crate::t!("io-read-only"),
        K::IsADirectory => crate::t!("io-is-a-folder"),
        K::NotADirectory => crate::t!("io-not-a-folder"),
        K::InvalidData => crate::t!("io-invalid-data"),
        _ => crate::t!("io-other", detail = e.to_string()),
    }
}

/// A message from the catalog, in the language of [`lang`].
///
/// There is no way to make one from a string: only [`t!`](crate::t) makes
/// them, from a catalog key and the values the message names.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Msg(String);

impl Msg {
    /// The message `key` of the catalog of [`lang`], with `args` in its
    /// placeholders. Use [`t!`](crate::t), which the tests read to check the
    /// keys and values.
    #[doc(hidden)]
    pub fn from_catalog(key: &'static str, args: Vec<(&'static str, Arg)>) -> Msg {
        Msg(text(lang(), key, &args))
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The text, owned.
    pub fn into_string(self) -> String {
        self.0
    }
}

impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<Msg> for String {
    fn from(m: Msg) -> String {
        m.0
    }
}

impl std::ops::Deref for Msg {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Msg {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// The message `key` in `lang`, with `args` in its placeholders.
///
/// A key missing from the catalog, or a placeholder without its value, is a
/// mistake in loa: debug builds (and so the tests) stop on it; a release
/// build shows what it can (the English message, or the key).
pub fn text(lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
    match try_text(lang, key, args) {
        Ok(s) => s,
        Err(e) => {
            debug_assert!(false, "{e}");
            if lang != Lang::En && let Ok(s) = try_text(Lang::En, key, args) {
                return s;
            }
            key.to_owned()
        }
    }
}

/// The message `key` in `lang`, or what is wrong with it: no such key, a
/// placeholder without a value, or a value the message does not name.
pub fn try_text(lang: Lang, key: &str, args: &[(&str, Arg)]) -> Result<String, String> {
    let bundle = &BUNDLES[lang as usize];
    let pattern = bundle
        .get_message(key)
        .and_then(|m| m.value())
        .ok_or_else(|| format!("{} has no message `{key}`", lang.catalog_file()))?;
    let mut fargs = FluentArgs::new();
    for (name, value) in args {
        fargs.set(*name, value.fluent());
    }
    let mut errors = Vec::new();
    let s = bundle.format_pattern(pattern, Some(&fargs), &mut errors).into_owned();
    if !errors.is_empty() {
        return Err(format!("{}: `{key}`: {errors:?}", lang.catalog_file()));
    }
    Ok(s)
}

/// A message from the catalog in the current language: `t!("key")` or
/// `t!("key", name = value, count = n)`. Values are text, numbers, paths,
/// dates or other messages (see [`IntoArg`]).
#[macro_export]
macro_rules! t {
    ($key:literal $(,)?) => {
        $crate::i18n::Msg::from_catalog($key, ::std::vec::Vec::new())
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::Msg::from_catalog($key, ::std::vec![$((stringify!($name), $crate::i18n::IntoArg::into_arg($value))),+])
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_variables_in_posix_order() {
        let env = |pairs: &'static [(&'static str, &'static str)]| move |name: &str| pairs.iter().find(|(n, _)| *n == name).map(|(_, v)| (*v).to_owned());
        assert_eq!(from_locale(env(&[])), Lang::En);
        assert_eq!(from_locale(env(&[("LANG", "vi_VN.UTF-8")])), Lang::Vi);
        assert_eq!(from_locale(env(&[("LANG", "vi")])), Lang::Vi);
        assert_eq!(from_locale(env(&[("LANG", "en_US.UTF-8")])), Lang::En);
        assert_eq!(from_locale(env(&[("LANG", "vi_VN.UTF-8"), ("LC_MESSAGES", "C")])), Lang::En, "LC_MESSAGES before LANG");
        assert_eq!(from_locale(env(&[("LANG", "C"), ("LC_MESSAGES", "vi_VN")])), Lang::Vi);
        assert_eq!(from_locale(env(&[("LC_MESSAGES", "vi_VN"), ("LC_ALL", "en_GB.UTF-8")])), Lang::En, "LC_ALL first");
        assert_eq!(from_locale(env(&[("LC_ALL", ""), ("LANG", "vi_VN.utf8")])), Lang::Vi, "an empty variable is unset");
        assert_eq!(from_locale(env(&[("LANG", "fr_FR.UTF-8")])), Lang::En);
    }

    #[test]
    fn plural_forms_by_count() {
        let one = text(Lang::En, "diag-summary-errors", &[("count", 1usize.into_arg())]);
        let two = text(Lang::En, "diag-summary-errors", &[("count", 2usize.into_arg())]);
        assert!(one.starts_with("1 error found"), "{one}");
        assert!(two.starts_with("2 errors found"), "{two}");
        let vi = text(Lang::Vi, "diag-summary-errors", &[("count", 2usize.into_arg())]);
        assert!(vi.contains("2 lỗi"), "{vi}");
    }

    #[test]
    fn missing_values_and_keys_are_reported() {
        assert!(try_text(Lang::En, "no-such-key", &[]).is_err());
        assert!(try_text(Lang::Vi, "diag-summary-errors", &[]).is_err(), "a placeholder without its value");
    }
}
