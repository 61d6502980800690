//! `loa new`: a new page from a template, with every front-matter key shown.

use std::fs;
use std::path::{Path, PathBuf};

use crate::diag::{display_path, Diagnostic, Diagnostics};
use crate::load::calendar;

/// Turns `cach-bao-tin` into `Cach bao tin`, a title to start from.
fn title_from_slug(slug: &str) -> String {
    let words = slug.replace('-', " ");
    let mut c = words.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// Creates `content/<section>/<page>.md` in the site at `root`; `section` is a
/// campaign id or `pages`.
pub fn new_page(root: &Path, spec: &str) -> Result<PathBuf, Diagnostics> {
    let usage = || {
        Diagnostics::from(
            Diagnostic::error(spec, None, "write the new page as <campaign>/<page>, e.g. thang-hanh-dong-vi-tre-em/hoat-dong")
                .with_hint("use `pages/<page>` for a site-wide page"),
        )
    };
    let (section, page) = spec.trim_end_matches(".md").split_once('/').ok_or_else(usage)?;
    if page.is_empty() || page.contains('/') {
        return Err(usage());
    }
    // A page may be named as people title it (`Phòng chống xâm hại`): its
    // URL name is derived from it.
    if crate::slug::from_name(page).is_empty() {
        return Err(Diagnostic::error(spec, None, format!("`{page}` gives no name for the page's URL: it has no letter or digit"))
            .with_hint("name the page with words, e.g. pages/Cách báo tin")
            .into());
    }
    let read = |file: &str| crate::load::read_text(root, Path::new(file), "run loa in the site's folder or pass --root DIR");
    let site = crate::load::site::parse(&read(crate::load::site::FILE)?)?;
    if section != crate::load::content::PAGES_DIR {
        let cal = calendar::parse(&read(calendar::FILE)?, Some(&site.languages))?;
        if cal.campaign(section).is_none() {
            let hint = match calendar::suggest_id(&cal, section) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("campaigns are: {}; or use pages/", cal.campaigns.iter().map(|c| c.id.as_str()).collect::<Vec<_>>().join(", ")),
            };
            return Err(Diagnostic::error(calendar::FILE, None, format!("there is no campaign `{section}`")).with_hint(hint).into());
        }
    }
    let path = root.join("content").join(section).join(format!("{page}.md"));
    if path.exists() {
        return Err(Diagnostic::error(display_path(&path), None, "this page already exists").with_hint("open it in your editor, or choose another name").into());
    }
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| Diagnostic::error(display_path(parent), None, format!("cannot create: {e}")))?;
    }
    let text = format!(
        "---\ntitle: {}\nsummary: Một câu giới thiệu trang này.\nweight: 10\n# audience: cha-me        # tre-em, cha-me, giao-vien, cong-dong\n# publish: start-14d      # or a date: 2027-05-20\n# expire: end+7d\n# leaflet: a5             # a4, a5, trifold\n# variants: localities    # one leaflet per entry of localities.yaml\n# draft: true\n---\n\nViết nội dung ở đây. Khi cần trợ giúp, gọi [111](tel:111).\n",
        if crate::slug::is_valid(page) { title_from_slug(page) } else { page.trim().to_owned() }
    );
    fs::write(&path, text).map_err(|e| Diagnostic::error(display_path(&path), None, format!("cannot write: {e}")))?;
    Ok(path)
}
