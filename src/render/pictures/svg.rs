//! SVG pictures, rebuilt from what is allowed: an SVG file is a program as
//! much as a picture (scripts, event handlers, links, references that load
//! from other hosts, embedded photos with their EXIF). Each picture is read
//! with an XML reader and written anew from an allow-list of drawing
//! elements and attributes, the way DOMPurify's SVG profile does:
//!
//! - kept: shapes, paths, text, gradients, patterns, filters, clip paths,
//!   masks, markers, symbols, `<use>`, `<title>`, `<desc>`, `<style>`;
//! - dropped with everything inside them: `<script>`, `<foreignObject>`,
//!   `<image>` (a photo inside a drawing keeps its metadata and may load from
//!   anywhere; publish it as its own file), animation (`<set>` and
//!   `<animate>` can rewrite a link into `javascript:`), `<metadata>` (the
//!   editor's author and file paths), and every element loa does not know,
//!   editors' own (`sodipodi:namedview`) included;
//! - `<a>` is dropped but its drawing kept;
//! - attributes: `on…` handlers are dropped, a link (`href`, `xlink:href`)
//!   may only point inside the picture (`#id`), and a `url(…)` in any
//!   attribute or style only to `#id`; `@import`, the other CSS functions
//!   that load (`image-set(`, `image(`, `cross-fade(`, `src(`, prefixed or
//!   not) and CSS escapes are never kept (the attribute or style goes);
//! - a document type (and so any entity of its own) is dropped.

use std::fmt;

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, Writer};

use crate::i18n::Msg;
use crate::t;

/// The SVG elements kept, with their attributes filtered.
const ELEMENTS: &[&str] = &[
    "svg", "g", "defs", "symbol", "use", "switch", "view", "title", "desc", "style",
    "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
    "text", "tspan", "textPath",
    "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker",
    "filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix",
    "feDiffuseLighting", "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood", "feFuncA",
    "feFuncB", "feFuncG", "feFuncR", "feGaussianBlur", "feMerge", "feMergeNode", "feMorphology",
    "feOffset", "fePointLight", "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence",
];

/// Elements whose tags go but whose content stays.
const UNWRAPPED: &[&str] = &["a"];

/// Why an SVG file cannot be published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SvgError {
    /// Byte offset in the file where reading stopped.
    pub offset: usize,
    /// What is wrong, in words.
    pub message: Msg,
}

impl fmt::Display for SvgError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message.as_str())
    }
}

/// Text without the characters XML 1.0 forbids (C0 controls but tab and
/// line breaks, U+FFFE, U+FFFF), so the picture stays well-formed.
fn xml_text(s: &str) -> std::borrow::Cow<'_, str> {
    crate::render::escape::xml(s)
}

/// CSS functions that load what they name, besides `url(…)`, whose
/// arguments may be plain strings (`image-set("http://…" 1x)` loads in
/// Chromium): none of them is kept, whatever it names. Their prefixed
/// spellings (`-webkit-image-set(`, `-webkit-cross-fade(`) contain these.
pub const LOADING_FUNCTIONS: &[&str] = &["image-set(", "image(", "cross-fade(", "src("];

/// Whether a value (an attribute, a style sheet) only refers inside the
/// picture and imports nothing: every `url(…)` names `#id`, and no other
/// CSS function that loads ([`LOADING_FUNCTIONS`]), no `@import` and no
/// CSS escape (which could spell any of them without the letters) is there.
/// Judged with spaces and control characters removed and letters in lower
/// case, so a function is found however it is spaced or written.
fn references_are_local(value: &str) -> bool {
    let lower: String = value.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect::<String>().to_ascii_lowercase();
    if lower.contains("@import") || lower.contains("expression(") || lower.contains("javascript:") {
        return false;
    }
    if LOADING_FUNCTIONS.iter().any(|f| lower.contains(f)) {
        return false;
    }
    let mut rest = lower.as_str();
    while let Some(i) = rest.find("url(") {
        rest = &rest[i + 4..];
        let target = rest.trim_start_matches(['"', '\'']);
        if !target.starts_with('#') {
            return false;
        }
    }
    // CSS escapes could spell `url(` without the letters.
    !lower.contains('\\')
}

/// Whether `name` is a plain XML name (`stroke-width`, `xlink:href`): a
/// letter or `_` first, then letters, digits, `-`, `_`, `.` or one `:`.
fn is_plain_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
        && name.matches(':').count() <= 1
}

/// Whether an attribute may stay, and with which value.
fn keep_attribute(name: &str, value: &str) -> bool {
    if !is_plain_name(name) {
        return false;
    }
    let lower = name.to_ascii_lowercase();
    if lower.starts_with("on") {
        return false;
    }
    // Attributes of other vocabularies (an editor's `inkscape:label`), whose
    // namespaces are dropped with them.
    if let Some((prefix, _)) = name.split_once(':')
        && !matches!(prefix, "xlink" | "xml")
        && name != "xmlns:xlink"
    {
        return false;
    }
    if lower == "href" || lower == "xlink:href" || lower == "src" {
        return value.trim_start().starts_with('#');
    }
    references_are_local(value)
}

/// The element's name if it is kept, or whether to drop it whole.
enum Verdict {
    Keep,
    Unwrap,
    Drop,
}

fn verdict(name: &str) -> Verdict {
    if ELEMENTS.contains(&name) {
        Verdict::Keep
    } else if UNWRAPPED.contains(&name) {
        Verdict::Unwrap
    } else {
        Verdict::Drop
    }
}

/// A start tag with only the allowed attributes.
fn filtered(start: &BytesStart<'_>) -> Result<BytesStart<'static>, Msg> {
    let name = String::from_utf8_lossy(start.name().as_ref()).into_owned();
    let mut out = BytesStart::new(name);
    for attr in start.attributes() {
        let attr = attr.map_err(|e| t!("svg-attribute", detail = e.to_string()))?;
        let key = String::from_utf8_lossy(attr.key.as_ref()).into_owned();
        let value = attr.unescape_value().map_err(|e| t!("svg-attribute-value", key = key.as_str(), detail = e.to_string()))?;
        let value = xml_text(&value);
        if keep_attribute(&key, &value) {
            out.push_attribute((key.as_str(), value.as_ref()));
        }
    }
    Ok(out)
}

/// The SVG rebuilt from its allowed parts, or why it is not an SVG picture.
pub fn sanitize(bytes: &[u8]) -> Result<Vec<u8>, SvgError> {
    let text = std::str::from_utf8(bytes).map_err(|e| SvgError { offset: e.valid_up_to(), message: t!("svg-not-utf8") })?;
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut writer = Writer::new(Vec::with_capacity(bytes.len()));
    let fail = |reader: &Reader<&[u8]>, message: Msg| SvgError { offset: reader.buffer_position() as usize, message };
    // How many dropped elements we are inside; the text of the `<style>`
    // being kept, gathered whole (its child elements dropped) so a rule cut
    // in pieces (`@im<g/>port`) is judged as the browser reads it.
    let mut dropped_depth = 0usize;
    let mut stack: Vec<Verdict> = Vec::new();
    let mut seen_root = false;
    let mut style: Option<String> = None;
    let write = |writer: &mut Writer<Vec<u8>>, ev: Event<'_>| writer.write_event(ev).map_err(|e| t!("svg-write", detail = e.to_string()));
    let root_check = |reader: &Reader<&[u8]>, seen_root: &mut bool, name: &str| -> Result<(), SvgError> {
        if !*seen_root {
            if name != "svg" {
                return Err(fail(reader, t!("svg-first-element", name = name)));
            }
            *seen_root = true;
        }
        Ok(())
    };
    loop {
        let ev = reader.read_event().map_err(|e| fail(&reader, t!("svg-not-xml", detail = e.to_string())))?;
        let quiet = dropped_depth > 0 || !seen_root;
        match ev {
            Event::Eof => break,
            Event::Start(start) => {
                let name = String::from_utf8_lossy(start.name().as_ref()).into_owned();
                root_check(&reader, &mut seen_root, &name)?;
                let v = if dropped_depth > 0 || style.is_some() { Verdict::Drop } else { verdict(&name) };
                match v {
                    Verdict::Keep => {
                        if name == "style" {
                            style = Some(String::new());
                        }
                        let tag = filtered(&start).map_err(|m| fail(&reader, m))?;
                        write(&mut writer, Event::Start(tag)).map_err(|m| fail(&reader, m))?;
                    }
                    Verdict::Drop => dropped_depth += 1,
                    Verdict::Unwrap => {}
                }
                stack.push(v);
            }
            Event::Empty(start) => {
                let name = String::from_utf8_lossy(start.name().as_ref()).into_owned();
                root_check(&reader, &mut seen_root, &name)?;
                if dropped_depth == 0 && style.is_none() && matches!(verdict(&name), Verdict::Keep) {
                    let tag = filtered(&start).map_err(|m| fail(&reader, m))?;
                    write(&mut writer, Event::Empty(tag)).map_err(|m| fail(&reader, m))?;
                }
            }
            Event::End(end) => match stack.pop() {
                Some(Verdict::Keep) => {
                    if let Some(css) = style.take()
                        && references_are_local(&css)
                    {
                        write(&mut writer, Event::Text(quick_xml::events::BytesText::new(&xml_text(&css)))).map_err(|m| fail(&reader, m))?;
                    }
                    write(&mut writer, Event::End(end)).map_err(|m| fail(&reader, m))?;
                }
                Some(Verdict::Drop) => dropped_depth -= 1,
                Some(Verdict::Unwrap) | None => {}
            },
            Event::Text(t) if !quiet => {
                // As read: literal characters (references are events of their own).
                let raw = t.decode().map_err(|e| fail(&reader, t!("svg-text", detail = e.to_string())))?;
                match &mut style {
                    Some(css) => css.push_str(&raw),
                    None => write(&mut writer, Event::Text(quick_xml::events::BytesText::from_escaped(xml_text(&raw).into_owned()))).map_err(|m| fail(&reader, m))?,
                }
            }
            // CDATA is written as escaped text: the same characters, with no
            // section that could hide markup from a careless reader.
            Event::CData(c) if !quiet => {
                let text = String::from_utf8_lossy(&c).into_owned();
                match &mut style {
                    Some(css) => css.push_str(&text),
                    None => write(&mut writer, Event::Text(quick_xml::events::BytesText::new(&xml_text(&text)))).map_err(|m| fail(&reader, m))?,
                }
            }
            // `&lt;` and the like, and `&#…;`: kept as the character they
            // stand for when XML can carry it; other entities are unknown.
            Event::GeneralRef(r) if !quiet => {
                let c = match &*String::from_utf8_lossy(&r) {
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "amp" => Some('&'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    _ => r.resolve_char_ref().ok().flatten(),
                };
                let Some(c) = c.filter(|&c| crate::render::escape::xml_char(c)) else { continue };
                match &mut style {
                    Some(css) => css.push(c),
                    None => write(&mut writer, Event::Text(quick_xml::events::BytesText::new(c.encode_utf8(&mut [0; 4])))).map_err(|m| fail(&reader, m))?,
                }
            }
            Event::Decl(d) if !seen_root => write(&mut writer, Event::Decl(d)).map_err(|m| fail(&reader, m))?,
            // Comments, processing instructions and document types go; text
            // outside the picture too.
            _ => {}
        }
    }
    if !seen_root {
        return Err(SvgError { offset: 0, message: t!("svg-no-svg") });
    }
    if !stack.is_empty() {
        return Err(SvgError { offset: text.len(), message: t!("svg-unclosed") });
    }
    Ok(writer.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(svg: &str) -> String {
        String::from_utf8(sanitize(svg.as_bytes()).unwrap()).unwrap()
    }

    #[test]
    fn drawing_is_kept() {
        let svg = r##"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"><title>Gọi 111</title>
<defs><linearGradient id="g"><stop offset="0" stop-color="#c00"/></linearGradient></defs>
<rect width="10" height="10" fill="url(#g)" style="stroke:url('#g')"/><use xlink:href="#g"/><text x="1" y="5">111 &amp; 112</text></svg>"##;
        let out = clean(svg);
        for kept in ["<title>Gọi 111</title>", "fill=\"url(#g)\"", "xlink:href=\"#g\"", "111 &amp; 112", "viewBox", "xmlns:xlink", "<?xml"] {
            assert!(out.contains(kept), "{kept} in {out}");
        }
    }

    #[test]
    fn programs_links_and_remote_loads_go() {
        let svg = r#"<!DOCTYPE svg [<!ENTITY x "boom">]>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" onload="alert(1)">
<script>alert(2)</script><script/>
<foreignObject><iframe src="https://evil.example"/></foreignObject>
<a href="javascript:alert(3)"><circle r="1" onclick="alert(4)" inkscape:label="me"/></a>
<image href="https://evil.example/p.png"/><image xlink:href="data:image/jpeg;base64,AAAA"/>
<use href="https://evil.example/s.svg#a"/>
<rect fill="url(https://evil.example/f)" style="fill:url( 'http://evil.example/x' )"/>
<rect style="fill:u\72l(//evil.example)"/>
<style>@import url(https://evil.example/a.css); rect { fill: red }</style>
<set attributeName="href" to="javascript:alert(5)"/><animate attributeName="href" values="javascript:alert(6)"/>
<metadata><rdf:RDF>Nguyễn Văn A, C:\Users\a\Pictures</rdf:RDF></metadata>
<sodipodi:namedview id="n"/>
&x;
</svg>"#;
        let out = clean(svg);
        for gone in ["alert", "script", "evil", "iframe", "foreignObject", "javascript", "inkscape", "data:", "@import", "Nguy", "Users", "namedview", "boom", "ENTITY", "\\72"] {
            assert!(!out.contains(gone), "{gone} in {out}");
        }
        assert!(out.contains("<circle r=\"1\"/>"), "the link's drawing stays: {out}");
        // A style cut in pieces by elements or references is judged whole
        // (found by the svg fuzz target).
        for style in ["<style>@im<g/>port url(x.css);</style>", "<style>@im&#112;ort url(x.css);</style>", "<style>@im<![CDATA[port]]> url(x.css);</style>"] {
            let o = clean(&format!("<svg xmlns=\"http://www.w3.org/2000/svg\">{style}<rect/></svg>"));
            assert!(!o.contains("import") && !o.contains("x.css"), "{style} → {o}");
        }
        let kept = clean("<svg xmlns=\"http://www.w3.org/2000/svg\"><style>rect &gt; g { fill: url(#a) }</style></svg>");
        assert!(kept.contains("<style>rect &gt; g { fill: url(#a) }</style>"), "{kept}");
        // Characters XML forbids go, so the picture stays well-formed and a
        // control character cannot hide a reference (found by the fuzz target).
        let controls = clean("<svg xmlns=\"http://www.w3.org/2000/svg\"><text>a\u{1}b</text><rect fill=\"url(\u{1}#g)\"/></svg>");
        assert!(!controls.contains('\u{1}'), "{controls:?}");
        assert!(controls.contains("<text>ab</text>") && controls.contains("fill=\"url(#g)\""), "{controls}");
        // Names no XML reader accepts (found by the fuzz target) go too.
        let odd = clean(r#"<svg xmlns="http://www.w3.org/2000/svg"><rect @import="x" 1a="y" width="2"/></svg>"#);
        assert!(odd.contains("<rect width=\"2\"/>"), "{odd}");
    }

    /// Every way CSS loads from a URL, however it is spelt, in every place
    /// CSS is written (a style attribute, a presentation attribute, a style
    /// sheet): nothing of the remote target survives, and a local `url(#id)`
    /// beside it in another attribute stays.
    #[test]
    fn every_css_function_that_loads_goes() {
        let loaders = [
            "url(", "URL(", "image-set(", "-webkit-image-set(", "Image-Set(", "image(", "cross-fade(", "-webkit-cross-fade(", "src(", "image-set(url(", "u\\72l(", "\\75rl(", "\\000075rl(", "image\\-set(", "@import ", "@import url(", "@IMPORT ",
        ];
        let targets = ["\"http://t.example/a.png\"", "'https://t.example/a.png'", "//t.example/a.png", " \"http://t.example/a.png\" 1x", "\"data:image/png;base64,dC5leGFtcGxl\"", "x.png\"), url(\"//t.example/a.png"];
        for l in loaders {
            for t in targets {
                let css = format!("{l}{t})");
                for svg in [
                    format!("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect fill=\"url(#g)\" style=\"fill: {}\"/></svg>", css.replace('"', "&quot;")),
                    format!("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect fill=\"url(#g)\" mask=\"{}\"/></svg>", css.replace('"', "&quot;")),
                    format!("<svg xmlns=\"http://www.w3.org/2000/svg\"><style>rect {{ fill: {css} }}</style><rect fill=\"url(#g)\"/></svg>"),
                ] {
                    let out = clean(&svg);
                    assert!(!out.contains("t.example") && !out.contains("dC5leGFtcGxl") && !out.contains("a.png") && !out.contains("x.png"), "{svg} → {out}");
                    assert!(out.contains("fill=\"url(#g)\""), "the local reference stays: {out}");
                }
            }
        }
        // What is local stays.
        let local = clean("<svg xmlns=\"http://www.w3.org/2000/svg\"><style>rect { fill: url(#a); mask: url( '#m' ) }</style><rect clip-path=\"url(#c)\"/></svg>");
        assert!(local.contains("url(#a)") && local.contains("url(#c)"), "{local}");
    }

    #[test]
    fn what_is_not_an_svg_picture_says_so() {
        assert!(sanitize(b"<html><script>x</script></html>").unwrap_err().message.contains("not an SVG"));
        assert!(sanitize(b"<svg><g></svg>").is_err());
        assert!(sanitize(b"<svg><g>").unwrap_err().message.contains("ends before"));
        assert!(sanitize(b"\xff\xfe").is_err());
        assert!(sanitize(b"").is_err());
        assert!(sanitize(b"just text").is_err());
    }

    proptest::proptest! {
        /// Whatever mix of SVG, scripts, handlers, links and broken markup:
        /// no panic, and what comes out runs nothing and loads nothing.
        #[test]
        fn nothing_that_runs_or_loads_survives(parts in proptest::collection::vec(proptest::sample::select(vec![
            "<svg xmlns=\"http://www.w3.org/2000/svg\">", "</svg>", "<g>", "</g>", "<script>", "</script>", "alert(1)",
            "<rect onload=\"alert(1)\"/>", "<a href=\"javascript:alert(1)\">", "</a>", "<use href=\"https://t.example/#a\"/>",
            "<rect fill=\"url(https://t.example/f)\"/>", "<style>@import url(//t.example/x.css);</style>", "<image href=\"//t.example/p.png\"/>",
            "<foreignObject><iframe/></foreignObject>", "<![CDATA[<script>alert(1)</script>]]>", "&lt;script&gt;", "&amp;", "&#60;script&#62;",
            "<!DOCTYPE svg [<!ENTITY e \"x\">]>", "&e;", "<!-- c -->", "<?pi x?>", "<set attributeName=\"href\" to=\"javascript:x\"/>",
            "<circle r=\"1\"/>", "text", "<", ">", "\"", "'", "<svg:script>", "<SCRIPT>", "<rect ONLOAD=\"x\"/>",
        ]), 0..24)) {
            let input = parts.concat();
            if let Ok(out) = sanitize(input.as_bytes()) {
                let out = String::from_utf8(out).expect("UTF-8 in, UTF-8 out");
                let lower = out.to_ascii_lowercase();
                for bad in ["<script", "onload", "javascript:", "t.example", "<iframe", "<foreignobject", "<image", "@import", "<set", "<!doctype"] {
                    proptest::prop_assert!(!lower.contains(bad), "{} in {}", bad, out);
                }
            }
        }
    }
}
