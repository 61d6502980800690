//! SVG pictures rebuilt from the allow-list: never a panic, and whatever the
//! input, what comes out is well-formed XML that runs nothing and loads
//! nothing from outside the picture.
#![no_main]

use libfuzzer_sys::fuzz_target;
use loa::render::images::svg::sanitize;

fuzz_target!(|data: &[u8]| {
    let Ok(out) = sanitize(data) else { return };
    let text = std::str::from_utf8(&out).expect("the output is UTF-8");
    let lower = text.to_ascii_lowercase();
    for bad in ["<script", "javascript:", "<foreignobject", "<image", "<iframe", "@import", "<!doctype", "<!entity"] {
        assert!(!lower.contains(bad), "{bad} in {text}");
    }
    // What comes out reads back as SVG, and unchanged a second time.
    let again = sanitize(&out).expect("the output is an SVG picture");
    assert_eq!(again, out, "sanitising is not stable");
});
