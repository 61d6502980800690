//! Markdown → the blocks a leaflet prints: never a panic, never deeper than
//! print allows, and serialisable as the templates' JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use loa::markdown::blocks::{body, depth, MAX_DEPTH};

fuzz_target!(|data: &[u8]| {
    let Ok(md) = std::str::from_utf8(data) else { return };
    let b = body(md, &|d| Some(d.to_owned()), &|d| Some(format!("/loa/img/{}", d.len())));
    assert!(depth(&b.blocks) <= MAX_DEPTH);
    for n in &b.notes {
        assert!(depth(&n.c) <= MAX_DEPTH);
    }
    let _ = serde_json::to_vec(&b.blocks).expect("the blocks serialise");
    let _ = b.text();
});
