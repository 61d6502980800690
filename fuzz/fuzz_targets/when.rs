//! The `when` grammar of calendar.yaml: any text gives a rule or an error
//! whose column is inside the text, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        match loa::load::when::parse(s) {
            Ok(rule) => {
                // Every rule gives occurrences without panicking, for any year loa plans.
                let timing = loa::time::Timing { rules: vec![rule], years: Default::default(), lead: 30, linger: 14 };
                let _ = loa::time::occurrence::of_campaign(&timing, 1990, 2060);
            }
            Err(e) => assert!(e.column <= s.chars().count(), "column {} past the end of {s:?}", e.column),
        }
    }
});
