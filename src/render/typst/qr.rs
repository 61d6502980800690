//! QR codes to a page's URL, as SVG for the leaflet templates.
//!
//! Error correction level M (15 % of the code may be damaged — a fold, a
//! smudge from a school photocopier) and the standard four-module quiet zone,
//! black on white so it scans in black-and-white prints.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// An SVG QR code for `url`, or `None` when the URL is too long for a QR code
/// (over about 2,300 bytes at level M).
pub fn svg(url: &str) -> Option<String> {
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M).ok()?;
    Some(
        code.render::<svg::Color<'_>>()
            .quiet_zone(true)
            .module_dimensions(4, 4)
            .dark_color(svg::Color("#000000"))
            .light_color(svg::Color("#ffffff"))
            .build(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_for_a_url() {
        let s = svg("https://baovetreem.hanoi.example/cach-bao-tin/").unwrap();
        assert!(s.contains("<svg"), "{s}");
        assert!(s.contains("fill=\"#000000\""), "{s}");
        assert_eq!(s, svg("https://baovetreem.hanoi.example/cach-bao-tin/").unwrap(), "deterministic");
    }

    #[test]
    fn too_long_is_none() {
        assert!(svg(&"x".repeat(5000)).is_none());
    }
}
