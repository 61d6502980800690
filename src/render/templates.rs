//! The theme's Tera templates: compiled once per build (every syntax error
//! reported, not only the first), and Tera's errors turned into located
//! diagnostics that name the theme file.

use std::path::PathBuf;

use tera::Tera;

use crate::diag::{Diagnostic, Diagnostics, Position};
use crate::load::theme::Theme;
use crate::t;

/// The templates a theme must have.
pub const REQUIRED_TEMPLATES: &[&str] = &["hub.html", "campaign.html", "page.html", "404.html", "leaflets.html", "search.html", "broadcast.html"];

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
            diags.push(Diagnostic::error(PathBuf::from(format!("themes/{}/templates/{name}", theme.name)), None, t!("tera-no-template", name = *name)));
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }
    let mut tera = Tera::new();
    tera.autoescape_on(vec![".html", ".xml"]);
    tera.set_escape_fn(crate::render::escape::tera_html);
    tera.add_raw_templates(theme.templates.values().map(|t| (t.name.as_str(), t.text.as_str()))).map_err(|e| match e.kind() {
        // What Tera checks once every template is in (an unknown filter, test,
        // function or component, a block no parent has) comes as its reports
        // joined in one message: each becomes an error at its place.
        tera::ErrorKind::Msg(text) => {
            let found = reports(text, theme);
            if found.is_empty() { Diagnostics::from(tera_diagnostic(&e, theme)) } else { found }
        }
        _ => Diagnostics::from(tera_diagnostic(&e, theme)),
    })?;
    Ok(tera)
}

/// Where a template named `name` is: the site's theme file, or the embedded one's path.
fn file_of(theme: &Theme, name: &str) -> PathBuf {
    theme.templates.get(name).map_or_else(|| PathBuf::from(format!("themes/{}/templates/{name}", theme.name)), |t| t.origin.display())
}

/// Tera's reports (`error: Unknown filter `x``, then ` --> page.html:4:8`
/// and the quoted line; several joined by blank lines) as diagnostics
/// located in the theme's files, in the catalog's words where loa knows the
/// kind of mistake. Empty when `text` holds no report.
fn reports(text: &str, theme: &Theme) -> Diagnostics {
    let mut diags = Diagnostics::new();
    let mut message: Option<&str> = None;
    for line in text.lines() {
        if let Some(m) = line.strip_prefix("error: ") {
            message = Some(m);
        } else if let (Some(m), Some(place)) = (message, line.trim_start().strip_prefix("--> ")) {
            let mut parts = place.rsplitn(3, ':');
            let (col, line_no, name) = (parts.next(), parts.next(), parts.next());
            let (Some(name), Some(line_no), Some(col)) = (name, line_no.and_then(|l| l.parse().ok()), col.and_then(|c| c.parse().ok())) else { continue };
            let named = |prefix: &str| m.strip_prefix(prefix).and_then(|r| r.split('`').next()).map(str::to_owned);
            let (msg, hint) = if let Some(n) = named("Unknown filter `") {
                (t!("tera-unknown-filter", name = n), t!("tera-unknown-hint"))
            } else if let Some(n) = named("Unknown test `") {
                (t!("tera-unknown-test", name = n), t!("tera-unknown-hint"))
            } else if let Some(n) = named("Unknown function `") {
                (t!("tera-unknown-function", name = n), t!("tera-unknown-hint"))
            } else if let Some(n) = named("Block `").filter(|_| m.contains("not defined in any parent")) {
                (t!("tera-block-no-parent", name = n), t!("tera-block-no-parent-hint"))
            } else {
                (t!("tera-error", detail = m), t!("tera-syntax-hint"))
            };
            let mut d = Diagnostic::error(file_of(theme, name), Some(Position::new(line_no, col)), msg).with_hint(hint);
            if let Some(t) = theme.templates.get(name) {
                d = d.with_source(&t.text);
            }
            diags.push(d);
            message = None;
        }
    }
    diags
}

/// A Tera error as a located diagnostic, naming the theme file it came from.
pub fn tera_diagnostic(e: &tera::Error, theme: &Theme) -> Diagnostic {
    let file_of = |name: &str| file_of(theme, name);
    let source_of = |name: &str| theme.templates.get(name).map(|t| t.text.clone());
    match e.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => {
            let span = r.span();
            let mut d = Diagnostic::error(file_of(r.filename()), Some(Position::new(span.start_line, span.start_col + 1)), t!("tera-error", detail = r.message()))
                .with_hint(t!("tera-syntax-hint"));
            if let Some(src) = source_of(r.filename()) {
                d = d.with_source(&src);
            }
            d
        }
        tera::ErrorKind::MissingParent { current, parent } => Diagnostic::error(file_of(current), None, t!("tera-missing-parent", parent = parent.as_str()))
            .with_hint(t!("tera-missing-parent-hint")),
        tera::ErrorKind::TemplateNotFound(name) => Diagnostic::error(file_of(name), None, t!("tera-not-found", name = name.as_str())),
        tera::ErrorKind::CircularExtend { tpl, .. } | tera::ErrorKind::CircularInclude { tpl, .. } => {
            Diagnostic::error(file_of(tpl), None, t!("tera-error", detail = e.to_string())).with_hint(t!("tera-syntax-hint"))
        }
        tera::ErrorKind::Msg(text) if !reports(text, theme).is_empty() => {
            reports(text, theme).0.into_iter().next().unwrap_or_else(|| Diagnostic::error(PathBuf::from(format!("themes/{}/templates", theme.name)), None, t!("tera-error", detail = text.as_str())))
        }
        _ => {
            let mut msg = e.to_string();
            let mut src = std::error::Error::source(e);
            while let Some(s) = src {
                msg.push_str(": ");
                msg.push_str(&s.to_string());
                src = s.source();
            }
            Diagnostic::error(PathBuf::from(format!("themes/{}/templates", theme.name)), None, t!("tera-error", detail = msg))
        }
    }
}

