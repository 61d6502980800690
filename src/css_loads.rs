//! What in CSS makes a browser load from another host: every URL of a
//! stylesheet (`<style>`) or a declaration list (a `style` attribute, an SVG
//! presentation attribute), read with the CSS tokenizer browsers use
//! (`cssparser`, Servo's and Firefox's), so that escapes (`\75 rl(`), comments
//! and case are read as a browser reads them.
//!
//! Judged, against the site's base URL ([`crate::url_policy`]):
//! - every `url(…)`, quoted or not (and a malformed one, as if it loaded);
//! - every string inside a function that is not known to take only names
//!   (`image-set("a.png" 1x)`, `-webkit-image-set`, `image()`, `cross-fade()`,
//!   `src()`, and any function a future browser may add);
//! - every string of an `@import` (where a `data:` URL counts as remote too: a
//!   stylesheet loads what it says) and of a custom property (`--x: "…"`, which
//!   `var()` may put anywhere).
//!
//! Strings elsewhere (`content: "Gọi 111"`, `font-family`) are text, but
//! a string that is itself another host's address (`"https://t.example/a"`,
//! `"//t.example/a"`) is judged wherever it stands
//! ([`crate::url_policy::names_another_host`]): no browser today loads it
//! there, but `image-set("…")` was once such a place, and a page has no need
//! to write another host's address in its CSS.

use cssparser::{Parser, Token};
use url::Url;

use crate::url_policy::{is_remote, is_remote_document, names_another_host};

/// Functions whose strings are names or text, never URLs.
const TEXT_FUNCTIONS: &[&str] = &["attr", "counter", "counters", "format", "local", "tech", "var", "env", "lang", "symbols", "selector", "supports", "layer"];

/// Where the tokens being read are.
#[derive(Clone, Copy, Default)]
struct Context {
    /// Inside a function that may load its strings.
    loading: bool,
    /// Inside an `@import`: `data:` is remote too.
    import: bool,
    /// Inside an `@namespace`, whose string is a name, never loaded.
    namespace: bool,
}

/// Every URL in `css` (a stylesheet or a declaration list) that would load
/// from another origin than `base`'s, as written.
pub fn remote_urls(css: &str, base: &Url) -> Vec<String> {
    let mut parser = Parser::new(css);
    let mut found = Vec::new();
    walk(&mut parser, base, Context::default(), &mut found);
    found
}

/// Reads tokens to the end of the current block, recursing into blocks and
/// functions.
fn walk(p: &mut Parser<'_>, base: &Url, outer: Context, found: &mut Vec<String>) {
    let mut ctx = outer;
    // A custom property's value is being read.
    let mut custom = false;
    let mut after_custom_name = false;
    loop {
        let token = match p.next_including_whitespace_and_comments() {
            Ok(t) => t.clone(),
            Err(_) => return,
        };
        let judge = |url: &str, ctx: Context, found: &mut Vec<String>| {
            if if ctx.import { is_remote_document(url, base) } else { is_remote(url, base) } {
                found.push(url.to_owned());
            }
        };
        match &token {
            Token::AtKeyword(k) if k.eq_ignore_ascii_case("import") => ctx.import = true,
            Token::AtKeyword(k) if k.eq_ignore_ascii_case("namespace") => ctx.namespace = true,
            Token::Semicolon => {
                ctx = outer;
                custom = false;
            }
            Token::Ident(name) if name.starts_with("--") => after_custom_name = true,
            Token::Colon if after_custom_name => custom = true,
            Token::UnquotedUrl(u) | Token::BadUrl(u) => judge(u, ctx, found),
            Token::QuotedString(s) if ctx.loading || ctx.import || custom => judge(s, ctx, found),
            Token::QuotedString(s) if !ctx.namespace && names_another_host(s, base) => found.push(s.to_string()),
            Token::Function(name) => {
                let text = TEXT_FUNCTIONS.iter().any(|f| name.eq_ignore_ascii_case(f));
                let inner = Context { loading: !text, ..ctx };
                let _ = p.parse_nested_block(|p| -> Result<(), cssparser::ParseError<()>> {
                    walk(p, base, inner, found);
                    Ok(())
                });
            }
            Token::ParenthesisBlock | Token::SquareBracketBlock => {
                let inner = Context { loading: ctx.loading || custom, ..ctx };
                let _ = p.parse_nested_block(|p| -> Result<(), cssparser::ParseError<()>> {
                    walk(p, base, inner, found);
                    Ok(())
                });
            }
            Token::CurlyBracketBlock => {
                ctx = outer;
                custom = false;
                let _ = p.parse_nested_block(|p| -> Result<(), cssparser::ParseError<()>> {
                    walk(p, base, Context::default(), found);
                    Ok(())
                });
            }
            _ => {}
        }
        if !matches!(token, Token::Ident(_) | Token::WhiteSpace(_) | Token::Comment(_)) {
            after_custom_name = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn remote(css: &str) -> bool {
        !remote_urls(css, &Url::parse("https://loa.example/").unwrap()).is_empty()
    }

    #[test]
    fn every_way_css_loads() {
        for css in [
            "background:url(https://t.example/a.png)",
            "background:URL( '//t.example/a.png' )",
            "background:\\75 rl(//t.example/a.png)",
            "background:u\\72l(//t.example/a.png)",
            "background:url(/\\/t.example/a.png)",
            "background-image:image-set(\"https://t.example/a.png\" 1x)",
            "background-image:-webkit-image-set(url(//t.example/a.png) 1x)",
            "background:image(\"//t.example/a.png\")",
            "background:cross-fade(url(a.png), \"//t.example/b.png\")",
            "@import \"https://t.example/a.css\";",
            "@import url(https://t.example/a.css) screen;",
            "@import 'data:text/css,@import url(//t.example/a.css)';",
            "@font-face{font-family:x;src:url(https://t.example/f.woff2) format('woff2')}",
            "p{--bg:\"//t.example/a.png\"} p{background:image-set(var(--bg) 1x)}",
            "li{list-style:url( \"//t.example/a.png\" )}",
            "a{cursor:url(https://t.example/c.cur),auto}",
            "p{filter:url(https://t.example/f.svg#x)}",
            "@media screen{@supports (display:grid){p{background:url(//t.example/a.png)}}}",
            "p{background:url(https://t.example/a b.png)}",
            "p{background:/* */url(https://t.example/a.png)}",
            "p{font-family:\"https://t.example\"}",
            "p::after{content:'//t.example/a'}",
            "@font-face{src:local(\"https://t.example/f\")}",
        ] {
            assert!(remote(css), "{css}");
        }
        for css in [
            "background:url(a.png)",
            "background:url(/a.png)",
            "background:url(data:image/png;base64,AAAA)",
            "p::before{content:\"tel: 111\"}",
            "p::before{content:\"Gọi 111 hoặc mailto:a@b.vn\"}",
            "p{font-family:\"Be Vietnam Pro\"}",
            "@namespace svg \"http://www.w3.org/2000/svg\";",
            "@font-face{src:local(\"Be Vietnam Pro\") , url(f.woff2) format(\"woff2\")}",
            "p{background:image-set(\"a.png\" 1x, url(b.png) 2x)}",
            "color: red",
            "",
            "}}}{{{((",
        ] {
            assert!(!remote(css), "{css}");
        }
    }
}
