//! `loa init` (a new working site) and `loa new` (a new page from a template).

use std::fs;
use std::path::{Path, PathBuf};

use crate::diag::{display_path, Diagnostic, Diagnostics};
use crate::load::calendar;

/// The files of a new site, relative to its folder.
const STARTER: &[(&str, &str)] = &[
    (".gitignore", "# What loa builds, and its working folder beside it.\n/dist\n/.dist.loa/\n"),
    (
        "site.yaml",
        "# Cấu hình chung của trang: xem README của loa.\ntitle: Chung tay bảo vệ trẻ em\ndescription: Thông tin các đợt truyền thông và cách báo tin khi trẻ em cần được bảo vệ.\nbase_url: https://example.org/\nlanguages: [vi]\ntheme: default\norganisation:\n  name: Tên cơ quan của bạn\nhotlines:\n  - number: \"111\"\n    label: Tổng đài điện thoại quốc gia bảo vệ trẻ em\n    note: Trực 24/24, miễn phí cước gọi\n",
    ),
    (
        "calendar.yaml",
        "# Mỗi chiến dịch có một thư mục cùng tên trong content/.\ntimezone: Asia/Ho_Chi_Minh\ncampaigns:\n  - id: thang-hanh-dong-vi-tre-em\n    title: Tháng hành động vì trẻ em\n    when: 1/6 - 30/6\n    lead: 30\n    linger: 14\n    color: \"#c2410c\"\n",
    ),
    (
        "content/_index.md",
        "---\ntitle: Chung tay bảo vệ trẻ em\n---\n\nTrang này giới thiệu các đợt truyền thông bảo vệ trẻ em trong năm. Khi cần trợ giúp, hãy gọi [111](tel:111): tổng đài trực 24/24 và miễn phí.\n",
    ),
    (
        "content/pages/gioi-thieu.md",
        "---\ntitle: Giới thiệu\nsummary: Trang này do ai thực hiện và để làm gì.\n---\n\nViết ở đây cơ quan nào thực hiện trang, căn cứ vào kế hoạch nào và liên hệ ra sao.\n\nXem thêm [Tháng hành động vì trẻ em](../thang-hanh-dong-vi-tre-em/_index.md).\n",
    ),
    (
        "content/thang-hanh-dong-vi-tre-em/_index.md",
        "---\ntitle: Tháng hành động vì trẻ em\nsummary: Từ 1/6 đến 30/6 hằng năm.\n---\n\nTháng hành động vì trẻ em diễn ra từ ngày 1/6 đến ngày 30/6 hằng năm. Viết ở đây chủ đề năm nay và những việc mỗi gia đình có thể làm.\n",
    ),
];

/// Creates a new site in `dir`, which must be missing or empty.
pub fn init(dir: &Path) -> Result<Vec<PathBuf>, Diagnostics> {
    if dir.exists() && fs::read_dir(dir).map(|mut d| d.next().is_some()).unwrap_or(true) {
        return Err(Diagnostic::error(display_path(dir), None, "this folder is not empty")
            .with_hint("give the name of a new folder: loa init my-site")
            .into());
    }
    let mut written = Vec::new();
    for (rel, text) in STARTER {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| Diagnostic::error(display_path(parent), None, format!("cannot create: {e}")))?;
        }
        fs::write(&path, text).map_err(|e| Diagnostic::error(display_path(&path), None, format!("cannot write: {e}")))?;
        written.push(path);
    }
    Ok(written)
}

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
