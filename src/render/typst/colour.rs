//! Campaign colours in typeset documents: a colour as written in
//! `calendar.yaml`, normalised, and the text colour that reads on it.

/// `#abc` → `#aabbcc`; `#AABBCC` → `#aabbcc`; anything else → `None`.
pub fn normal_hex(hex: &str) -> Option<String> {
    let h = hex.trim().strip_prefix('#')?.to_ascii_lowercase();
    if !h.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    match h.len() {
        6 => Some(format!("#{h}")),
        3 => Some(format!("#{}", h.chars().flat_map(|c| [c, c]).collect::<String>())),
        _ => None,
    }
}

/// The text colour that reads better on `hex` (`#rrggbb` or `#rgb`): black or
/// white, by WCAG contrast.
pub fn on_colour(hex: &str) -> &'static str {
    let Some(norm) = normal_hex(hex) else { return "#ffffff" };
    let h = &norm[1..];
    let channel = |i: usize| -> f64 {
        let v = h.get(i..i + 2).and_then(|s| u8::from_str_radix(s, 16).ok()).unwrap_or(0) as f64 / 255.0;
        if v <= 0.03928 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) }
    };
    let l = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
    let white = 1.05 / (l + 0.05);
    let black = (l + 0.05) / 0.05;
    if white >= black { "#ffffff" } else { "#000000" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_colour_on_accent() {
        assert_eq!(on_colour("#c2410c"), "#ffffff");
        assert_eq!(on_colour("#1d4ed8"), "#ffffff");
        assert_eq!(on_colour("#fde047"), "#000000");
        assert_eq!(on_colour("nonsense"), "#ffffff");
        assert_eq!(on_colour("#ff0"), "#000000");
        assert_eq!(normal_hex("#ABC").as_deref(), Some("#aabbcc"));
        assert_eq!(normal_hex("red"), None);
    }
}
