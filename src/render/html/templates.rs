//! The theme's Tera templates: compiled once per build (every syntax error
//! reported, not only the first), and Tera's errors turned into located
//! diagnostics that name the theme file.

use std::path::PathBuf;

use tera::Tera;

use crate::diag::{Diagnostic, Diagnostics, Position};
use crate::load::theme::Theme;
use crate::t;

/// The templates a theme must have.
pub const REQUIRED_TEMPLATES: &[&str] = &["hub.html", "campaign.html", "page.html", "404.html", "leaflets.html", "search.html"];

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

