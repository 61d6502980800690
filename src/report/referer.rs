//! A referring address reduced to what the report keeps of it: the host
//! (`baomoi.example`), never its path, query or user part; an address
//! written as a number (an IP address) is not kept either.

/// What is kept of a `Referer`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Host {
    /// No referring address (`-`, empty, or not a web address).
    None,
    /// A numeric address (IPv4 or IPv6): not kept.
    Numeric,
    /// A host name, lower case.
    Name(String),
}

/// The longest host name kept (DNS allows 253 characters).
const MAX_HOST: usize = 253;

/// The host of the referring address `referer` (as logged).
pub fn host(referer: &[u8]) -> Host {
    let Some(i) = referer.windows(3).position(|w| w == b"://") else { return Host::None };
    let scheme = &referer[..i];
    if scheme.is_empty() || !scheme.iter().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.')) {
        return Host::None;
    }
    let rest = &referer[i + 3..];
    let authority = &rest[..rest.iter().position(|&b| matches!(b, b'/' | b'?' | b'#' | b'\\')).unwrap_or(rest.len())];
    // Whatever stands before an `@` is a user name (and maybe a password).
    let hostport = authority.iter().rposition(|&b| b == b'@').map_or(authority, |at| &authority[at + 1..]);
    if hostport.starts_with(b"[") {
        return Host::Numeric;
    }
    let name = hostport.iter().position(|&b| b == b':').map_or(hostport, |c| &hostport[..c]);
    let name = name.strip_suffix(b".").unwrap_or(name);
    if name.is_empty() || name.len() > MAX_HOST || !name.iter().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.')) {
        return Host::None;
    }
    if name.iter().all(|b| b.is_ascii_digit() || *b == b'.') {
        return Host::Numeric;
    }
    Host::Name(String::from_utf8_lossy(name).to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_host() {
        assert_eq!(host(b"https://Bao.Example/tin/abc?id=1"), Host::Name("bao.example".into()));
        assert_eq!(host(b"http://user:pw@news.example:8080/x"), Host::Name("news.example".into()));
        assert_eq!(host(b"https://203.0.113.9/x"), Host::Numeric);
        assert_eq!(host(b"http://[2001:db8::1]:80/"), Host::Numeric);
        assert_eq!(host(b"-"), Host::None);
        assert_eq!(host(b""), Host::None);
        assert_eq!(host(b"android-app://com.zing.zalo/"), Host::Name("com.zing.zalo".into()));
        assert_eq!(host(b"https://bad host/"), Host::None);
    }
}
