//! Shards: the sorted terms cut by size into files of `{"<term>":[<posting>,…]}`,
//! and read back for an update.

use super::terms::{numbers, posting, Postings};

/// The terms and postings of a shard file, in its order, as [`shard`]
/// wrote them; `None` if it is not one.
pub(super) fn read_shard(bytes: &[u8]) -> Option<Vec<(Box<str>, Postings)>> {
    let mut out = Vec::new();
    let mut i = 0;
    let expect = |i: &mut usize, b: u8| -> Option<()> { (bytes.get(*i) == Some(&b)).then(|| *i += 1) };
    expect(&mut i, b'{')?;
    if bytes.get(i) == Some(&b'}') {
        return (i + 1 == bytes.len()).then_some(out);
    }
    loop {
        expect(&mut i, b'"')?;
        let start = i;
        while *bytes.get(i)? != b'"' {
            if bytes[i] == b'\\' {
                // Escapes: never written for a folded word; not a shard of ours.
                return None;
            }
            i += 1;
        }
        let term: Box<str> = std::str::from_utf8(&bytes[start..i]).ok()?.into();
        i += 1;
        expect(&mut i, b':')?;
        expect(&mut i, b'[')?;
        let mut list = Postings::new();
        let mut page = 0u64;
        if bytes.get(i) == Some(&b']') {
            i += 1;
        } else {
            loop {
                let mut n = 0u64;
                let digits = i;
                while let Some(d) = bytes.get(i).filter(|b| b.is_ascii_digit()) {
                    n = n.checked_mul(10)?.checked_add(u64::from(d - b'0'))?;
                    i += 1;
                }
                if i == digits {
                    return None;
                }
                page += n / 16;
                list.push(posting(u32::try_from(page).ok().filter(|&p| p < 1 << 28)?, (n % 16) as u8));
                match bytes.get(i)? {
                    b',' => i += 1,
                    b']' => {
                        i += 1;
                        break;
                    }
                    _ => return None,
                }
            }
        }
        out.push((term, list));
        match bytes.get(i)? {
            b',' => i += 1,
            b'}' => return (i + 1 == bytes.len()).then_some(out),
            _ => return None,
        }
    }
}

/// Cuts the sorted terms into shards of about `max` bytes: (first term, JSON).
pub(super) fn shard<'a>(terms: &'a [Box<str>], postings: &[Postings], max: usize) -> Vec<(&'a str, Vec<u8>)> {
    let mut shards = Vec::new();
    shard_each(terms, postings.iter().map(|list| numbers(list)), max, |first, bytes| shards.push((first, bytes)));
    shards
}

/// [`shard`] of each term's numbers as written ([`numbers`]), each shard
/// handed to `each` (first term, JSON) as soon as it is cut, each term's
/// list let go once written.
pub(super) fn shard_each<'a, L: IntoIterator<Item = u64>>(terms: &'a [Box<str>], lists: impl IntoIterator<Item = L>, max: usize, mut each: impl FnMut(&'a str, Vec<u8>)) {
    let mut cur: Vec<u8> = Vec::with_capacity(max + 1024);
    let mut first: Option<&str> = None;
    for (term, list) in terms.iter().zip(lists) {
        let start = cur.len();
        cur.push(if first.is_some() { b',' } else { b'{' });
        // A folded word has no character that JSON must escape, but be safe.
        let _ = serde_json::to_writer(&mut cur, &**term);
        cur.extend_from_slice(b":[");
        for (i, n) in list.into_iter().enumerate() {
            if i > 0 {
                cur.push(b',');
            }
            push_number(&mut cur, n);
        }
        cur.push(b']');
        match first {
            None => first = Some(term),
            Some(f) if cur.len() + 1 > max => {
                // Close the shard before this term and start a new one with it.
                let mut next = Vec::with_capacity(max + 1024);
                next.push(b'{');
                next.extend_from_slice(&cur[start + 1..]);
                cur.truncate(start);
                cur.push(b'}');
                each(f, std::mem::replace(&mut cur, next));
                first = Some(term);
            }
            Some(_) => {}
        }
    }
    if let Some(f) = first {
        cur.push(b'}');
        each(f, cur);
    }
}

pub(super) fn push_number(out: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
}
