//! One line of an access log in the "combined" format (nginx's default
//! `log_format combined`, Apache's `LogFormat … combined`):
//!
//! ```text
//! 203.0.113.7 - - [10/Jun/2027:08:15:02 +0700] "GET /tim-kiem/ HTTP/2.0" 200 5120 "https://bao.example/tin" "Mozilla/5.0 …"
//! ```
//!
//! Read as bytes, without copying: the line is borrowed and only the parts
//! the report counts are looked at. The client's address and identity
//! (the first three fields) are skipped and never looked at; the referring
//! address and the agent are handed on borrowed, to be reduced to a host
//! and a yes/no by the caller and dropped with the line.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// What the report needs of one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Request<'l> {
    /// When, in UTC, as seconds since 1970.
    pub utc: i64,
    /// `GET`, `HEAD`, …
    pub method: &'l [u8],
    /// The path asked for, without its query or fragment.
    pub path: &'l [u8],
    /// The status sent.
    pub status: u16,
    /// The `Referer` header as logged (`-` for none).
    pub referer: &'l [u8],
    /// The `User-Agent` header as logged (`-` for none).
    pub agent: &'l [u8],
}

const MONTHS: [&[u8; 3]; 12] = [b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov", b"Dec"];

/// Reads one line (without its line end); `None` when it is not a
/// combined-format line.
pub fn parse(line: &[u8]) -> Option<Request<'_>> {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    // The address, identity and user end where the time starts.
    let open = memchr(b'[', line)?;
    let rest = &line[open + 1..];
    let close = memchr(b']', rest)?;
    let utc = timestamp(&rest[..close])?;
    let rest = rest[close + 1..].strip_prefix(b" ")?;
    let (request, rest) = quoted(rest)?;
    let rest = rest.strip_prefix(b" ")?;
    let (status, rest) = field(rest)?;
    let status = number(status)?;
    if !(100..=599).contains(&status) {
        return None;
    }
    let (bytes, rest) = field(rest)?;
    if bytes != b"-" && !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let (referer, rest) = quoted(rest)?;
    let rest = rest.strip_prefix(b" ")?;
    let (agent, _) = quoted(rest)?;
    let mut parts = request.splitn(3, |&b| b == b' ');
    let method = parts.next().filter(|m| !m.is_empty() && m.iter().all(u8::is_ascii_uppercase))?;
    let target = parts.next()?;
    let path = &target[..target.iter().position(|&b| b == b'?' || b == b'#').unwrap_or(target.len())];
    Some(Request { utc, method, path, status: status as u16, referer, agent })
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&b| b == needle)
}

/// A field up to the next space (or the end).
fn field(s: &[u8]) -> Option<(&[u8], &[u8])> {
    let end = memchr(b' ', s).unwrap_or(s.len());
    let (f, rest) = s.split_at(end);
    (!f.is_empty()).then_some((f, rest.strip_prefix(b" ").unwrap_or(rest)))
}

/// A double-quoted field (nginx writes `"` inside as `\x22`, Apache as
/// `\"`): its bytes between the quotes, and what follows the closing one.
fn quoted(s: &[u8]) -> Option<(&[u8], &[u8])> {
    let s = s.strip_prefix(b"\"")?;
    let mut i = 0;
    while i < s.len() {
        match s[i] {
            b'\\' => i += 2,
            b'"' => return Some((&s[..i], &s[i + 1..])),
            _ => i += 1,
        }
    }
    None
}

fn number(s: &[u8]) -> Option<u32> {
    if s.is_empty() || s.len() > 9 || !s.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(s.iter().fold(0, |n, &d| n * 10 + u32::from(d - b'0')))
}

/// `10/Jun/2027:08:15:02 +0700` as seconds since 1970, UTC.
fn timestamp(s: &[u8]) -> Option<i64> {
    if s.len() != 26 || s[2] != b'/' || s[6] != b'/' || s[11] != b':' || s[14] != b':' || s[17] != b':' || s[20] != b' ' {
        return None;
    }
    let day = number(&s[0..2])?;
    let month = MONTHS.iter().position(|m| &s[3..6] == *m)? as u32 + 1;
    let year = number(&s[7..11])? as i32;
    let (h, m, sec) = (number(&s[12..14])?, number(&s[15..17])?, number(&s[18..20])?);
    let sign = match s[21] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let (oh, om) = (number(&s[22..24])?, number(&s[24..26])?);
    if oh > 23 || om > 59 {
        return None;
    }
    let local = NaiveDateTime::new(NaiveDate::from_ymd_opt(year, month, day)?, NaiveTime::from_hms_opt(h, m, sec)?);
    Some(local.and_utc().timestamp() - sign * i64::from(oh * 3600 + om * 60))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_combined_line() {
        let r = parse(br#"203.0.113.7 - - [10/Jun/2027:08:15:02 +0700] "GET /tim-kiem/?q=x HTTP/2.0" 200 5120 "https://bao.example/tin" "Mozilla/5.0 (X; \"y\")""#).unwrap();
        assert_eq!(r.method, b"GET");
        assert_eq!(r.path, b"/tim-kiem/");
        assert_eq!(r.status, 200);
        assert_eq!(r.referer, b"https://bao.example/tin");
        assert_eq!(r.agent, br#"Mozilla/5.0 (X; \"y\")"#);
        assert_eq!(r.utc, NaiveDate::from_ymd_opt(2027, 6, 10).unwrap().and_hms_opt(1, 15, 2).unwrap().and_utc().timestamp());
    }

    #[test]
    fn refuses_what_is_not_combined() {
        for bad in [
            &b""[..],
            b"garbage",
            br#"1.2.3.4 - - [10/Jun/2027:08:15:02 +0700] "GET / HTTP/1.1" 200 12"#,
            br#"1.2.3.4 - - [31/Feb/2027:08:15:02 +0700] "GET / HTTP/1.1" 200 12 "-" "a""#,
            br#"1.2.3.4 - - [10/Jun/2027:08:15:02 +0700] "GET / HTTP/1.1" 999 12 "-" "a""#,
            br#"1.2.3.4 - - [10/Jun/2027:08:15:02 +0700] "GET / HTTP/1.1" 200 12 "-" "a"#,
        ] {
            assert_eq!(parse(bad), None, "{}", String::from_utf8_lossy(bad));
        }
    }
}
