//! Telephone numbers and hotlines, found in text and read digit by digit in
//! the groups they are written in: "024.3525.662" → "không hai bốn, ba năm
//! hai năm, sáu sáu hai"; "111" → "một một một".
//!
//! A telephone number is a run of digit groups joined by dots, hyphens or
//! single spaces, of 8 to 12 digits, that starts with `0`, `+` or a free or
//! paid service prefix (`1800`, `1900`). A hotline is one of the short
//! numbers of Vietnam's emergency and protection services (111 child
//! protection, 112 rescue, 113 police, 114 fire, 115 ambulance) or a number
//! the site lists, written alone.

/// Vietnam's short service numbers, always read digit by digit.
pub const SHORT_NUMBERS: &[&str] = &["111", "112", "113", "114", "115"];

/// A telephone number found at a position of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone {
    /// Whether it starts with `+` (an international number).
    pub plus: bool,
    /// Its digit groups, as written or, for one long run, as it is said.
    pub groups: Vec<String>,
    /// Where it ends in the text (a char index).
    pub end: usize,
    /// Whether the `(` before it belongs to it: an area code in brackets,
    /// "(024) 3525 662".
    pub bracket: bool,
}

/// The telephone number or hotline starting at `chars[start]`, if one does.
/// `hotlines` are the site's own numbers as digits only.
pub fn find(chars: &[char], start: usize, hotlines: &[String]) -> Option<Phone> {
    if start > 0 && (chars[start - 1].is_alphanumeric() || matches!(chars[start - 1], '.' | ',' | '/' | '+')) {
        return None;
    }
    let plus = chars.get(start) == Some(&'+');
    let bracket = !plus && start > 0 && chars[start - 1] == '(' && chars.get(start) == Some(&'0');
    let mut i = start + usize::from(plus);
    let mut groups: Vec<String> = Vec::new();
    let mut end = i;
    loop {
        let g: String = chars[i..].iter().take_while(|c| c.is_ascii_digit()).collect();
        if g.is_empty() {
            break;
        }
        // After a space, a group of one or two digits is something else ("gọi
        // 0243 525 662 5 lần"), but for the area code after a country code.
        let area_code = plus && groups.len() == 1 && g.len() == 2;
        if !groups.is_empty() && chars[i - 1] == ' ' && g.len() < 3 && !area_code {
            break;
        }
        i += g.len();
        end = i;
        groups.push(g);
        match (chars.get(i), chars.get(i + 1), chars.get(i + 2)) {
            (Some('.' | '-' | ' '), Some(c), _) if c.is_ascii_digit() => i += 1,
            // "(024) 3525 662": the area code in brackets.
            (Some(')'), Some(' '), Some(c)) if bracket && groups.len() == 1 && c.is_ascii_digit() => i += 2,
            _ => break,
        }
    }
    let first = groups.first()?;
    if chars.get(end).is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    let total: usize = groups.iter().map(String::len).sum();
    let joined: String = groups.concat();
    // 1800/1900 numbers as written: "1800.1567", "1800 1567", "18001567"
    // (not "18.000.000", eighteen million).
    let service = ["1800", "1900"].iter().any(|p| first == p || (groups.len() == 1 && first.starts_with(p)));
    let phone_like = plus || first.starts_with('0') || service;
    if (8..=12).contains(&total) && phone_like && (groups.len() > 1 || plus || first.starts_with('0') || total == 8) {
        let bracket = bracket && chars.get(start + first.len()) == Some(&')');
        let groups = if groups.len() == 1 { split_long(&joined) } else { groups };
        return Some(Phone { plus, groups, end, bracket });
    }
    // A short number alone: one group, nothing joined to it.
    let alone = &groups[0];
    let end = start + usize::from(plus) + alone.len();
    if !plus && (SHORT_NUMBERS.contains(&alone.as_str()) || hotlines.iter().any(|h| h == alone)) && !continues(chars, end) {
        return Some(Phone { plus, groups: vec![alone.clone()], end, bracket: false });
    }
    None
}

/// Whether the number goes on after `end` (a decimal or thousands part, a
/// date, a time): then the digits are not a hotline.
fn continues(chars: &[char], end: usize) -> bool {
    matches!((chars.get(end), chars.get(end + 1)), (Some('.' | ',' | '/' | ':' | '-'), Some(c)) if c.is_ascii_digit())
        || chars.get(end).is_some_and(|c| c.is_alphanumeric() || *c == '%')
}

/// One run of digits cut as it is said: 10 digits 4-3-3 ("0912 345 678"),
/// 11 digits 3-4-4, 8 digits 4-4, 9 digits 3-3-3, 12 digits 4-4-4.
fn split_long(s: &str) -> Vec<String> {
    let sizes: &[usize] = match s.len() {
        8 => &[4, 4],
        9 => &[3, 3, 3],
        10 => &[4, 3, 3],
        11 => &[3, 4, 4],
        _ => &[4, 4, 4],
    };
    let mut out = Vec::new();
    let mut at = 0;
    for n in sizes {
        let to = (at + n).min(s.len());
        out.push(s[at..to].to_owned());
        at = to;
    }
    out.retain(|g| !g.is_empty());
    out
}

/// The words of a telephone number: its groups digit by digit, joined by
/// commas (a pause), "cộng"/"plus" before an international number.
pub fn say(phone: &Phone, digits: &[&str; 10], plus_word: &str) -> String {
    let groups: Vec<String> = phone.groups.iter().map(|g| super::numbers::digits(g, digits)).collect();
    let said = groups.join(", ");
    if phone.plus { format!("{plus_word} {said}") } else { said }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::speech::numbers::VI_DIGITS;

    fn read(s: &str) -> Option<String> {
        let chars: Vec<char> = s.chars().collect();
        find(&chars, 0, &["18001567".to_owned()]).map(|p| say(&p, &VI_DIGITS, "cộng"))
    }

    #[test]
    fn numbers_as_people_write_them() {
        assert_eq!(read("024.3525.662").as_deref(), Some("không hai bốn, ba năm hai năm, sáu sáu hai"));
        assert_eq!(read("024 3525 662").as_deref(), Some("không hai bốn, ba năm hai năm, sáu sáu hai"));
        assert_eq!(read("0912345678").as_deref(), Some("không chín một hai, ba bốn năm, sáu bảy tám"));
        assert_eq!(read("+84 24 3525 662").as_deref(), Some("cộng tám bốn, hai bốn, ba năm hai năm, sáu sáu hai"));
        assert_eq!(read("1800.1567").as_deref(), Some("một tám không không, một năm sáu bảy"));
        assert_eq!(read("111").as_deref(), Some("một một một"));
        assert_eq!(read("115,").as_deref(), Some("một một năm"));
        let chars: Vec<char> = "(024) 3525 662.".chars().collect();
        let p = find(&chars, 1, &[]).expect("a number");
        assert!(p.bracket && p.end == 14, "{p:?}");
        assert_eq!(say(&p, &VI_DIGITS, "cộng"), "không hai bốn, ba năm hai năm, sáu sáu hai");
    }

    #[test]
    fn what_is_not_a_telephone_number() {
        for s in ["1.000.000", "18.000.000", "19.000.000", "2027", "111.000", "111%", "113,5", "15/11", "05", "110", "1111"] {
            assert_eq!(read(s), None, "{s}");
        }
    }
}
