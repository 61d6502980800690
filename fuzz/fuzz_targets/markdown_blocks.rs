//! Markdown → the blocks a leaflet prints: never a panic, never deeper than
//! print allows, and serialisable as the templates' JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use loa::markdown::blocks::{body, Block, MAX_DEPTH};

fn depth(bs: &[Block]) -> usize {
    bs.iter()
        .map(|b| match b {
            Block::List { items, .. } => 1 + items.iter().map(|i| depth(&i.c)).max().unwrap_or(0),
            Block::Quote { c } => 1 + depth(c),
            _ => 0,
        })
        .max()
        .unwrap_or(0)
}

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
