//! Raw HTML with `allow_raw_html: true` still loads nothing from another host
//! (issue #19): every way HTML, SVG, MathML and CSS load — each caught by
//! `loa check` (located, see tests/trust.rs) and removed from the page — and a
//! property test over random combinations of them, judged by an oracle written
//! apart from the code (tests/oracle/remote_loads.rs).

use loa::render::markdown::{to_html, RenderOptions, Resolved};
use proptest::prelude::*;
use url::Url;

include!("../oracle/remote_loads.rs");

fn base() -> Url {
    Url::parse("https://baovetreem.hanoi.example/").unwrap()
}

/// The page's HTML with raw HTML allowed.
fn allowed(md: &str) -> String {
    let keep = |dest: &str| Resolved::To(dest.to_owned());
    to_html(md, &RenderOptions { allow_raw_html: true, base: &base(), resolve: &keep, picture: None, first_eager: true })
}

/// Every way of loading, `{u}` the address.
const FORMS: &[&str] = &[
    // The eight of issue #19.
    "<iframe srcdoc=\"<img src='{u}'>\"></iframe>",
    "<link rel=\"preload\" as=\"image\" imagesrcset=\"/a.png 1x, {u} 2x\">",
    "<p style=\"background:url({u})\">x</p>",
    "<style>p{background:url({u})}</style>",
    "<base href=\"{u}\">",
    "<svg><filter id=\"f\"><feImage href=\"{u}\"/></filter></svg>",
    "<svg><image xlink:href=\"{u}\"/></svg>",
    "<meta http-equiv=\"refresh\" content=\"0; url={u}\">",
    // More of the class.
    "<svg><image href=\"{u}\"/></svg>",
    "<link rel=\"preload\" as=\"image\" href=\"{u}\">",
    "<link rel=\"prefetch\" href=\"{u}\">",
    "<link rel=\"dns-prefetch\" href=\"{u}\">",
    "<link rel=\"preconnect\" href=\"{u}\">",
    "<link rel=\"stylesheet\" href=\"{u}\">",
    "<form action=\"{u}\"><button>x</button></form>",
    "<button formaction=\"{u}\">x</button>",
    "<a href=\"/lien-he/\" ping=\"{u}\">x</a>",
    "<table background=\"{u}\"><tr><td>x</td></tr></table>",
    "<img alt=\"x\" lowsrc=\"{u}\">",
    "<img alt=\"x\" dynsrc=\"{u}\">",
    "<img alt=\"x\" longdesc=\"{u}\">",
    "<object data=\"{u}\"></object>",
    "<object codebase=\"{u}\"></object>",
    // Found by the raw_html fuzz target: a plug-in address on an element that is no plug-in.
    "<template codebase=\"{u}\"></template>",
    // Found by the raw_html fuzz target: an address where a descriptor stands.
    "<link rel=\"preload\" as=\"image\" imagesrcset=\"a.png\n{u}\">",
    "<img alt=\"x\" srcset=\"a.png 1x {u}\">",
    "<embed src=\"{u}\">",
    "<iframe src=\"{u}\"></iframe>",
    "<svg><use href=\"{u}#a\"/></svg>",
    "<style>@import \"{u}\";</style>",
    "<style>@import url({u}) screen;</style>",
    "<p style=\"background-image:image-set('{u}' 1x)\">x</p>",
    "<p style=\"background-image:-webkit-image-set(url({u}) 1x)\">x</p>",
    "<p style=\"background:\\75 rl({u})\">x</p>",
    "<p style=\"background:/**/URL( '{u}' )\">x</p>",
    "<svg><style>@import \"{u}\";</style></svg>",
    "<svg><style>rect{fill:url({u}#g)}</style></svg>",
    "<svg><rect fill=\"url({u}#g)\"/></svg>",
    "<svg><image><set attributeName=\"href\" to=\"{u}\"/></image></svg>",
    "<math><mglyph src=\"{u}\"/></math>",
    "<noscript><img alt=\"x\" src=\"{u}\"></noscript>",
    "<video poster=\"{u}\"></video>",
    "<audio src=\"{u}\"></audio>",
    "<picture><source srcset=\"{u} 1x\"><img alt=\"x\" src=\"/a.png\"></picture>",
    "<video><track src=\"{u}\"></video>",
    "<input type=\"image\" alt=\"x\" src=\"{u}\">",
    "<script src=\"{u}\"></script>",
    "<html manifest=\"{u}\"></html>",
    "<iframe srcdoc=\"<p style='background:url({u})'>x</p>\"></iframe>",
    "<div style=\"--bg:'{u}'\"><p style=\"background:image-set(var(--bg) 1x)\">x</p></div>",
];

/// Addresses on another host, spelt as browsers forgive them.
const REMOTE: &[&str] = &["https://t.example/p.gif", "//t.example/p.gif", "HTTPS://T.EXAMPLE/p.gif", " https://t.example/p.gif", "http://baovetreem.hanoi.example/p.gif"];
/// Addresses on the site.
const LOCAL: &[&str] = &["/anh/so-do.png", "anh/so-do.png", "https://baovetreem.hanoi.example/anh/so-do.png"];

#[test]
fn every_way_of_loading_is_caught_and_removed() {
    let b = base();
    for form in FORMS {
        for (i, u) in REMOTE.iter().enumerate() {
            let md = form.replace("{u}", u);
            // `loa check` locates it (the raw HTML as written).
            if i < 3 {
                assert!(!loa::html_loads::remote_loads(&md, &b).is_empty(), "check misses {md}");
                assert!(!oracle_remote_loads(&md, &b).is_empty(), "the oracle misses {md}");
            }
            let html = allowed(&md);
            let found = oracle_remote_loads(&html, &b);
            assert!(found.is_empty(), "{md}\n→ {html}\n{found:?}");
            if i == 0 {
                assert!(!html.contains("t.example"), "{md}\n→ {html}");
            }
        }
        for u in LOCAL {
            let md = form.replace("{u}", u);
            assert_eq!(loa::html_loads::remote_loads(&md, &b), Vec::<String>::new(), "{md}");
            let html = allowed(&md);
            assert!(html.contains(u.trim()), "a local address survives: {md}\n→ {html}");
        }
    }
}

/// Allowed HTML that loads nothing from elsewhere is passed through as it was
/// written (scripts included, as the README documents).
#[test]
fn clean_raw_html_is_unchanged() {
    for md in ["<div class=\"x\" onclick=\"go()\"><img src=/a.png alt=a></div>\n", "<script>var x = '<b>';</script>\n", "<style>p{color:red;background:url(/a.png)}</style>\n"] {
        assert_eq!(allowed(md).trim_end(), md.trim_end());
    }
}

fn piece() -> impl Strategy<Value = (usize, bool, usize)> {
    (0..FORMS.len(), any::<bool>(), 0..REMOTE.len().max(LOCAL.len()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Random combinations of forms, remote and local addresses, blocks and
    /// inline: nothing remote survives, everything local does.
    #[test]
    fn random_combinations_load_nothing_from_elsewhere(pieces in prop::collection::vec(piece(), 1..6), inline in any::<bool>(), text in "[a-zA-Z ]{0,12}") {
        let b = base();
        let mut md = String::new();
        let mut locals = Vec::new();
        for (form, remote, k) in &pieces {
            let u = if *remote { REMOTE[k % REMOTE.len()] } else { LOCAL[k % LOCAL.len()] };
            if !*remote {
                locals.push((FORMS[*form], u));
            }
            md.push_str(&FORMS[*form].replace("{u}", u));
            md.push_str(if inline { " " } else { "\n\n" });
            md.push_str(&text);
            md.push_str("\n\n");
        }
        let html = allowed(&md);
        let found = oracle_remote_loads(&html, &b);
        prop_assert!(found.is_empty(), "{}\n→ {}\n{:?}", md, html, found);
        // A local address survives unless its element shares an attribute
        // with a remote one (nothing does here) or sits in markup a remote
        // piece opened and did not close (<html>, <svg>, <math>, <table>).
        if pieces.iter().all(|(_, r, _)| !*r) {
            for (form, u) in locals {
                prop_assert!(html.contains(u.trim()), "{} lost {} in {}", form, u, html);
            }
        }
    }
}
