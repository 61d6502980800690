//! A page file's front matter: any text gives front matter or located errors
//! (lines and columns inside the file), never a panic.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        // As `load::read_text` hands it over: lone carriage returns are line feeds.
        let text = &loa::load::lone_cr_to_lf(text.to_owned());
        for in_campaign in [false, true] {
            if let Err(diags) = loa::load::front_matter::parse(Path::new("content/x/p.md"), text, in_campaign) {
                assert!(diags.has_errors());
                let lines = text.lines().count().max(1) + 1;
                for d in diags.iter() {
                    if let Some(p) = d.position {
                        assert!(p.line >= 1 && p.line <= lines, "line {} of {lines}: {d}", p.line);
                    }
                    let _ = d.render();
                }
            }
        }
    }
});
