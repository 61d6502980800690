//! `loa init`: a new, working site from the files embedded in the binary,
//! with the browser editor set up, and optionally its deployment.

use std::fs;
use std::path::{Path, PathBuf};

use super::deploy::Host;
use crate::diag::{display_path, Diagnostic, Diagnostics};

/// The files of a new site, relative to its folder.
const STARTER: &[(&str, &str)] = &[
    (".gitignore", "# What loa builds, and its working folder beside it.\n/dist\n/.dist.loa/\n"),
    (
        "site.yaml",
        "# Cấu hình chung của trang: xem README của loa.\ntitle: Chung tay bảo vệ trẻ em\ndescription: Thông tin các chiến dịch truyền thông và cách báo tin khi trẻ em cần được bảo vệ.\nbase_url: https://example.org/\nlanguages: [vi]\ntheme: default\norganisation:\n  name: Tên cơ quan của bạn\nhotlines:\n  - number: \"111\"\n    label: Tổng đài điện thoại quốc gia bảo vệ trẻ em\n    note: Trực 24/24, miễn phí cước gọi\n",
    ),
    (
        "calendar.yaml",
        "# Mỗi chiến dịch có một thư mục cùng tên trong content/.\ntimezone: Asia/Ho_Chi_Minh\ncampaigns:\n  - id: thang-hanh-dong-vi-tre-em\n    title: Tháng hành động vì trẻ em\n    when: 1/6 - 30/6\n    lead: 30\n    linger: 14\n    color: \"#c2410c\"\n",
    ),
    (
        "content/_index.md",
        "---\ntitle: Chung tay bảo vệ trẻ em\n---\n\nTrang này giới thiệu các chiến dịch truyền thông bảo vệ trẻ em trong năm. Khi cần trợ giúp, hãy gọi [111](tel:111): tổng đài trực 24/24 và miễn phí.\n",
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

/// The `cms:` block of a new site's `site.yaml`: Decap CMS saving into the
/// repository `OWNER/<folder name>` on the host it is deployed to.
fn cms_block(dir: &Path, deploy: Option<Host>) -> String {
    let name = dir.file_name().map(|n| crate::slug::suggest(&n.to_string_lossy())).filter(|n| crate::slug::is_valid(n)).unwrap_or_else(|| "my-site".to_owned());
    let backend = if deploy == Some(Host::GitLab) { "gitlab" } else { "github" };
    format!(
        "# Trình soạn thảo trên trình duyệt, ở /admin/ (README của loa: \"The browser editor\").\ncms:\n  name: decap\n  backend: {backend}\n  repo: OWNER/{name}        # thay OWNER bằng tài khoản của cơ quan\n  branch: main\n"
    )
}

/// Creates a new site in `dir`, which must be missing or empty, with the
/// browser editor set up and, with `deploy`, what that host needs to build
/// and publish it every day ([`super::deploy`]).
pub fn init(dir: &Path, deploy: Option<Host>) -> Result<Vec<PathBuf>, Diagnostics> {
    if dir.exists() && fs::read_dir(dir).map(|mut d| d.next().is_some()).unwrap_or(true) {
        return Err(Diagnostic::error(display_path(dir), None, crate::t!("init-not-empty"))
            .with_hint(crate::t!("init-not-empty-hint"))
            .into());
    }
    let mut written = Vec::new();
    for (rel, text) in STARTER {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| Diagnostic::error(display_path(parent), None, crate::t!("file-cannot-create", detail = &e)))?;
        }
        let text = if *rel == "site.yaml" { format!("{text}{}", cms_block(dir, deploy)) } else { (*text).to_owned() };
        fs::write(&path, text).map_err(|e| Diagnostic::error(display_path(&path), None, crate::t!("file-cannot-write", detail = &e)))?;
        written.push(path);
    }
    if let Some(host) = deploy {
        written.extend(super::deploy::write(dir, host, &super::deploy::Options::default())?);
    }
    Ok(written)
}
