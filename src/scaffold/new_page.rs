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
            Diagnostic::error(spec, None, crate::t!("new-usage"))
                .with_hint(crate::t!("new-usage-hint")),
        )
    };
    let (section, page) = spec.trim_end_matches(".md").split_once('/').ok_or_else(usage)?;
    if page.is_empty() || page.contains('/') {
        return Err(usage());
    }
    // A page may be named as people title it (`Phòng chống xâm hại`): its
    // URL name is derived from it.
    if crate::slug::from_name(page).is_empty() {
        return Err(Diagnostic::error(spec, None, crate::t!("content-no-slug", name = page))
            .with_hint(crate::t!("new-no-slug-hint"))
            .into());
    }
    let read = |file: &str| crate::load::read_text(root, Path::new(file), Some(crate::t!("root-hint")));
    let site = crate::load::site::parse(&read(crate::load::site::FILE)?)?;
    if section != crate::load::content::PAGES_DIR {
        let cal = calendar::parse(&read(calendar::FILE)?, Some(&site.languages))?;
        if cal.campaign(section).is_none() {
            let hint = match calendar::suggest_id(&cal, section) {
                Some(s) => crate::t!("yaml-did-you-mean", key = s),
                None => crate::t!("new-campaigns-are", ids = cal.campaigns.iter().map(|c| c.id.as_str()).collect::<Vec<_>>().join(", ")),
            };
            return Err(Diagnostic::error(calendar::FILE, None, crate::t!("new-no-campaign", id = section)).with_hint(hint).into());
        }
    }
    let path = root.join("content").join(section).join(format!("{page}.md"));
    if path.exists() {
        return Err(Diagnostic::error(display_path(&path), None, crate::t!("new-exists")).with_hint(crate::t!("new-exists-hint")).into());
    }
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| Diagnostic::error(display_path(parent), None, crate::t!("file-cannot-create", detail = &e)))?;
    }
    let text = format!(
        "---\ntitle: {}\nsummary: Một câu giới thiệu trang này.\nweight: 10\n# audience: cha-me        # tre-em, cha-me, giao-vien, cong-dong\n# publish: start-14d      # or a date: 2027-05-20\n# expire: end+7d\n# leaflet: a5             # a4, a5, trifold, booklet, poster-a3, poster-a2\n# variants: localities    # one leaflet per entry of localities.yaml\n# draft: true\n---\n\nViết nội dung ở đây. Khi cần trợ giúp, gọi [111](tel:111).\n",
        if crate::slug::is_valid(page) { title_from_slug(page) } else { page.trim().to_owned() }
    );
    fs::write(&path, text).map_err(|e| Diagnostic::error(display_path(&path), None, crate::t!("file-cannot-write", detail = &e)))?;
    Ok(path)
}
