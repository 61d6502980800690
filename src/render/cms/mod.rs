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
pub fn render(cx: &crate::render::Ctx<'_, '_>, out: &Output<'_>) {
    let plan = cx.plan;
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
    let nfc = nfc.replace("    CMS.registerEventListener", "    if (window.CMS) CMS.registerEventListener");
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n  <meta charset=\"utf-8\">\n  <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n  <meta name=\"robots\" content=\"noindex\">\n  <title>{heading} · {}</title>\n  <link href=\"config.yml\" type=\"application/yaml\" rel=\"cms-config-url\">\n{STYLE}</head>\n<body>\n  <!-- {} {}, {origin}. Written by loa. -->\n{}  <script src=\"{}\" onerror=\"document.getElementById('loa-no-editor').hidden=false\"></script>{nfc}\n</body>\n</html>\n",
        escape::attribute(title),
        match cms.editor {
            Editor::Decap => "Decap CMS",
            Editor::Sveltia => "Sveltia CMS",
        },
        cms.editor.version(),
        fallback(cms),
        escape::attribute(&script_src(cms)),
    )
}

/// How the message below looks: readable on a phone, high in contrast.
const STYLE: &str = "  <style>.loa-no-editor{max-width:40rem;margin:2rem auto;padding:1rem 1.25rem;font:1.05rem/1.5 system-ui,sans-serif;color:#1c1917;background:#fff7ed;border:3px solid #9a3412;border-radius:.5rem}.loa-no-editor h1{font-size:1.25rem;margin:0 0 .5rem;color:#7c2d12}.loa-no-editor p{margin:.5rem 0}.loa-no-editor code{font-size:.95em;background:#fff;padding:0 .2em}.loa-no-editor hr{border:0;border-top:1px solid #fdba74;margin:1rem 0}</style>\n";

/// What the page says, in Vietnamese and English, when the editor's script
/// cannot load (offline, a blocked address, the self-hosted file missing
/// from the published site): shown by the script's `onerror`. Without
/// JavaScript the editor cannot run at all: the same box says so.
fn fallback(cms: &Cms) -> String {
    let script = escape::attribute(cms.editor.script());
    let (vi_where, en_where) = match cms.script {
        Script::SelfHosted => (
            format!("Trang này cần tệp <code>admin/{script}</code> của trang web, nhưng không tải được tệp đó."),
            format!("This page needs the site's file <code>admin/{script}</code>, and it could not be loaded."),
        ),
        Script::Cdn => (
            "Trang này tải trình soạn thảo từ unpkg.com, nhưng không tải được: có thể mạng đang chặn địa chỉ này.".to_owned(),
            "This page loads the editor from unpkg.com, and it could not be loaded: the network may block that address.".to_owned(),
        ),
    };
    let vi_fix = "Hãy kiểm tra kết nối mạng rồi tải lại trang. Nếu vẫn không được, hãy báo bộ phận kỹ thuật: họ chạy <code>loa cms install</code> trong thư mục của trang web, commit thư mục <code>static/admin/</code> rồi đăng lại trang web.";
    let en_fix = "Check your connection and reload the page. If it still fails, tell your technical team: they run <code>loa cms install</code> in the site's folder, commit <code>static/admin/</code> and publish the site again.";
    let box_html = |vi_first: &str, en_first: &str, fix: bool| {
        let (vi_fix, en_fix) = if fix { (format!("<p>{vi_fix}</p>"), format!("<p>{en_fix}</p>")) } else { Default::default() };
        format!(
            "<div class=\"loa-no-editor\" lang=\"vi\"><h1>Không mở được trình soạn thảo</h1><p>{vi_first}</p>{vi_fix}</div><hr><div lang=\"en\"><h1>The editor could not open</h1><p>{en_first}</p>{en_fix}</div>"
        )
    };
    let no_js = box_html("Trình soạn thảo cần JavaScript: hãy bật JavaScript trong trình duyệt rồi tải lại trang.", "The editor needs JavaScript: turn JavaScript on in your browser and reload the page.", false);
    format!(
        "  <div id=\"loa-no-editor\" class=\"loa-no-editor\" role=\"alert\" hidden>{}</div>\n  <noscript><div class=\"loa-no-editor\">{}</div></noscript>\n",
        box_html(&vi_where, &en_where, true).replacen(" class=\"loa-no-editor\"", "", 1),
        no_js.replacen(" class=\"loa-no-editor\"", "", 1),
    )
}
