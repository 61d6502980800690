//! Where a page's links point, as rendering asks for them
//! (`LinkTable::target_in`, which reuses what scanning the page worked out)
//! against working each one out again (`LinkTable::target`), on every
//! fixture site that loads.

use crate::common::fixture;

#[test]
fn a_link_points_where_it_did_when_its_page_was_scanned() {
    let mut links = 0;
    for name in ["good", "leaflets", "newspaper"] {
        let site = loa::Site::load(&fixture(name)).unwrap_or_else(|d| panic!("{name} loads: {d:?}"));
        let pages = &site.inputs.content.pages;
        assert_eq!(site.links.scans.len(), pages.len());
        for (i, page) in pages.iter().enumerate() {
            // Every link as written, and what the page does not link
            // (worked out there and then).
            let written = site.links.scans[i].links.iter().map(|l| l.dest.clone());
            let others = ["nowhere.md", "#top", "../pages/", "https://example.org/", "javascript:alert(1)", ""].map(str::to_owned);
            for dest in written.chain(others) {
                assert_eq!(site.links.target_in(i, page, &dest), site.links.target(page, &dest), "{name}: {} links {dest:?}", page.source.display());
                links += 1;
            }
        }
    }
    assert!(links > 100, "the fixtures have links to compare: {links}");
}
