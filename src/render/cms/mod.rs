//! The browser editor for staff: with `cms:` in `site.yaml`, the output gets
//! `admin/index.html` (the page that loads the editor) and `admin/config.yml`
//! (its configuration, made from the site: [`config`]).
//!
//! The editor's script is not part of loa. Self-hosted (the default), its
//! files are copied from the npm package into the site's `static/admin/` once
//! and published from there as they are; with `script: cdn` the page loads
//! the pinned release from unpkg.com. Either way only staff open `/admin/`:
//! readers' pages load nothing from another host.

pub mod config;

use super::escape;
use super::Output;
use crate::load::cms::{Cms, Editor, Script};
use crate::plan::Plan;
use crate::urls;

/// Adds `admin/index.html` and `admin/config.yml` when the site has `cms:`
/// and the editor's script is there to load (a self-hosted one missing from
/// `static/admin/` would make a page that cannot start: `loa check` warns).
pub fn render(plan: &Plan<'_>, out: &Output<'_>) {
    let Some(cms) = &plan.site().cms else { return };
    if !script_present(plan, cms) {
        return;
    }
    let config = config::Config::new(plan, cms);
    out.add(urls::ADMIN_CONFIG, config.to_yaml(cms).into_bytes());
    out.add(urls::ADMIN_INDEX, index_html(plan, cms).into_bytes());
}

/// Whether the editor's script will be published: from the CDN, or in
/// `static/admin/`.
pub fn script_present(plan: &Plan<'_>, cms: &Cms) -> bool {
    let published = format!("admin/{}", cms.editor.script());
    cms.script == Script::Cdn || plan.statics().iter().any(|a| a.output == published)
}

/// Where the page loads the editor's script from.
pub fn script_src(cms: &Cms) -> String {
    match cms.script {
        Script::SelfHosted => format!("./{}", cms.editor.script()),
        Script::Cdn => cms.editor.cdn_url(),
    }
}

/// The page staff open: it loads the editor, which reads `config.yml` beside it.
/// Every site value in it is escaped for HTML ([`escape::attribute`]): the
/// title is edited in the editor's own Settings form, and a `</title><script>`
/// in it would run on the origin where the editor keeps the staff's login.
fn index_html(plan: &Plan<'_>, cms: &Cms) -> String {
    let site = plan.site();
    let lang = site.default_language();
    let title = site.title.get(lang, lang);
    let heading = if lang == "vi" { "Quản trị nội dung" } else { "Content editor" };
    let origin = match cms.script {
        Script::SelfHosted => format!("self-hosted: copied from the npm package {}@{} (dist/) into static/admin/", cms.editor.package(), cms.editor.version()),
        Script::Cdn => format!("from unpkg.com, pinned to {}@{}", cms.editor.package(), cms.editor.version()),
    };
    // Decap: save the texts in Unicode NFC. A title typed or pasted with
    // combining marks (NFD) would otherwise give a file name like
    // pho-ng-cho-ng.md. (Sveltia normalises by itself.)
    let nfc = match cms.editor {
        Editor::Decap => "\n  <script>\n    CMS.registerEventListener({\n      name: 'preSave',\n      handler: ({ entry }) => {\n        const nfc = (v) => typeof v === 'string' ? v.normalize('NFC') : v && typeof v.map === 'function' ? v.map(nfc) : v;\n        return nfc(entry.get('data'));\n      },\n    });\n  </script>",
        Editor::Sveltia => "",
    };
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n  <meta charset=\"utf-8\">\n  <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n  <meta name=\"robots\" content=\"noindex\">\n  <title>{heading} · {}</title>\n  <link href=\"config.yml\" type=\"application/yaml\" rel=\"cms-config-url\">\n</head>\n<body>\n  <!-- {} {}, {origin}. Written by loa. -->\n  <script src=\"{}\"></script>{nfc}\n</body>\n</html>\n",
        escape::attribute(title),
        match cms.editor {
            Editor::Decap => "Decap CMS",
            Editor::Sveltia => "Sveltia CMS",
        },
        cms.editor.version(),
        escape::attribute(&script_src(cms)),
    )
}
