//! Sizes written for people, in the reader's language.

/// `84 KB`, `1,2 MB`.
pub fn human_size(bytes: u64, lang: &str) -> String {
    if bytes < 1000 * 1000 {
        format!("{} KB", bytes.div_ceil(1000).max(1))
    } else {
        let s = format!("{:.1} MB", bytes as f64 / 1e6);
        if lang == "vi" { s.replace('.', ",") } else { s }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(human_size(1, "vi"), "1 KB");
        assert_eq!(human_size(84_001, "vi"), "85 KB");
        assert_eq!(human_size(1_234_567, "vi"), "1,2 MB");
        assert_eq!(human_size(1_234_567, "en"), "1.2 MB");
    }
}
