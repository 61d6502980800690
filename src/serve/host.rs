//! Which `Host:` headers the preview answers: `localhost`, `127.0.0.1` and
//! `[::1]` (any port), and the address given to `--bind`. A web page on
//! another site can point its own name at 127.0.0.1 (DNS rebinding) and then
//! read the preview, drafts included, as its own origin; its requests carry
//! its name in `Host:`, so they are refused with 421 Misdirected Request.

use std::net::IpAddr;

use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Whether the preview answers a request whose `Host:` is `host` (its value,
/// with or without a port), when it listens on `bind`.
pub fn allowed(host: &str, bind: IpAddr) -> bool {
    let host = host.trim();
    // (name, what follows it: nothing, or `:` and the port)
    let (name, after) = match host.strip_prefix('[') {
        Some(rest) => match rest.split_once(']') {
            Some(split) => split,
            None => return false,
        },
        None => match host.find(':') {
            Some(i) => host.split_at(i),
            None => (host, ""),
        },
    };
    let port_ok = after.is_empty() || after.strip_prefix(':').is_some_and(|p| !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()));
    if !port_ok {
        return false;
    }
    if name.eq_ignore_ascii_case("localhost") {
        return true;
    }
    // An address written as such cannot be rebound to another host.
    match name.parse::<IpAddr>() {
        Ok(ip) => ip.is_loopback() || (!bind.is_unspecified() && ip == bind),
        Err(_) => false,
    }
}

/// Refuses requests for another host, before anything is read from disk.
pub async fn only_local(State(bind): State<IpAddr>, req: Request, next: Next) -> Response {
    let host = req.headers().get(header::HOST).and_then(|h| h.to_str().ok()).or_else(|| req.uri().authority().map(|a| a.as_str()));
    let uri_ok = req.uri().authority().is_none_or(|a| allowed(a.as_str(), bind));
    if uri_ok && host.is_some_and(|h| allowed(h, bind)) {
        return next.run(req).await;
    }
    let text = format!("{}\n", crate::t!("serve-wrong-host"));
    (StatusCode::MISDIRECTED_REQUEST, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], text).into_response()
}

#[cfg(test)]
mod tests {
    use super::allowed;
    use std::net::{IpAddr, Ipv4Addr};

    #[test]
    fn loopback_names_only() {
        let lo = IpAddr::V4(Ipv4Addr::LOCALHOST);
        for ok in ["localhost", "localhost:1111", "LOCALHOST:80", "127.0.0.1", "127.0.0.1:65535", "[::1]", "[::1]:1111"] {
            assert!(allowed(ok, lo), "{ok}");
        }
        for bad in ["evil.example", "evil.example:1111", "localhost.evil.example", "localhost.", "127.0.0.1.nip.io", "[::1", "localhost:x", "localhost:", "", "10.0.0.1", "[::1]x"] {
            assert!(!allowed(bad, lo), "{bad}");
        }
        let lan: IpAddr = "192.168.1.5".parse().unwrap();
        assert!(allowed("192.168.1.5:1111", lan));
        assert!(!allowed("192.168.1.6:1111", lan));
        assert!(!allowed("0.0.0.0", "0.0.0.0".parse().unwrap()));
    }
}
