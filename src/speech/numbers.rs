//! Numbers as words, in Vietnamese and in English: whole numbers of any
//! size a bulletin writes, decimals, numbers read digit by digit, and Roman
//! numerals.
//!
//! Vietnamese follows the Hanoi reading that radio uses: "mốt" for a final
//! one after "mươi" (21 "hai mươi mốt", but 11 "mười một"), "lăm" for a final
//! five after "mười"/"mươi" (15 "mười lăm", 25 "hai mươi lăm"), "tư" for a
//! final four after "mươi" (24 "hai mươi tư", but 14 "mười bốn"), "linh" for
//! an empty tens place (105 "một trăm linh năm"; the South says "lẻ"),
//! "không trăm" for an empty hundreds place inside a number (2027 "hai nghìn
//! không trăm hai mươi bảy"), "nghìn", "triệu", "tỷ", then "nghìn tỷ",
//! "triệu tỷ", "tỷ tỷ".

/// The words of the digits 0–9 in Vietnamese, as read one by one.
pub const VI_DIGITS: [&str; 10] = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];

/// The words of the digits 0–9 in English, as read one by one.
pub const EN_DIGITS: [&str; 10] = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

/// A whole number in Vietnamese words: `105` → "một trăm linh năm".
pub fn vi_integer(n: u128) -> String {
    if n == 0 {
        return VI_DIGITS[0].to_owned();
    }
    let mut words = Vec::new();
    vi_large(n, false, &mut words);
    words.join(" ")
}

/// `n` (not zero) into `out`: below a billion by groups of three digits,
/// above it as "… tỷ" and the rest, so 10¹² is "một nghìn tỷ". `inner`: a
/// higher part was read, so an empty hundreds place is said ("không trăm").
fn vi_large(n: u128, inner: bool, out: &mut Vec<String>) {
    const BILLION: u128 = 1_000_000_000;
    if n >= BILLION {
        let (high, low) = (n / BILLION, n % BILLION);
        vi_large(high, inner, out);
        out.push("tỷ".to_owned());
        if low > 0 {
            vi_large(low, true, out);
        }
        return;
    }
    let groups = [(n / 1_000_000) % 1000, (n / 1000) % 1000, n % 1000];
    let units = ["triệu", "nghìn", ""];
    let mut started = inner;
    for (g, unit) in groups.iter().zip(units) {
        if *g == 0 {
            continue;
        }
        vi_group(*g as u16, started, out);
        if !unit.is_empty() {
            out.push(unit.to_owned());
        }
        started = true;
    }
}

/// A group of three digits (1–999). `full`: a higher group was read, so the
/// hundreds are said even when empty.
fn vi_group(g: u16, full: bool, out: &mut Vec<String>) {
    let (h, t, u) = ((g / 100) as usize, ((g / 10) % 10) as usize, (g % 10) as usize);
    let hundreds = full || h > 0;
    if hundreds {
        out.push(VI_DIGITS[h].to_owned());
        out.push("trăm".to_owned());
    }
    match t {
        0 if u == 0 => {}
        0 => {
            if hundreds {
                out.push("linh".to_owned());
            }
            out.push(VI_DIGITS[u].to_owned());
        }
        1 => {
            out.push("mười".to_owned());
            match u {
                0 => {}
                5 => out.push("lăm".to_owned()),
                _ => out.push(VI_DIGITS[u].to_owned()),
            }
        }
        _ => {
            out.push(VI_DIGITS[t].to_owned());
            out.push("mươi".to_owned());
            match u {
                0 => {}
                1 => out.push("mốt".to_owned()),
                4 => out.push("tư".to_owned()),
                5 => out.push("lăm".to_owned()),
                _ => out.push(VI_DIGITS[u].to_owned()),
            }
        }
    }
}

/// Digits read one by one (`"024"` → "không hai bốn"); anything that is
/// not a digit is left out.
pub fn digits(s: &str, words: &[&str; 10]) -> String {
    s.chars().filter_map(|c| c.to_digit(10)).map(|d| words[d as usize]).collect::<Vec<_>>().join(" ")
}

/// A run of digits as a Vietnamese number: its value, but digit by digit when
/// it is too long to be a quantity (over 15 digits) or starts with a zero and
/// has three digits or more (`024`: a code). Two digits with a zero ("05
/// trường", as official letters write counts) are the number.
pub fn vi_run(s: &str) -> String {
    run(s, &VI_DIGITS, vi_integer)
}

/// A run of digits as an English number, with the rules of [`vi_run`].
pub fn en_run(s: &str) -> String {
    run(s, &EN_DIGITS, en_integer)
}

fn run(s: &str, words: &[&str; 10], read: fn(u128) -> String) -> String {
    let digits_only: String = s.chars().filter(char::is_ascii_digit).collect();
    if digits_only.is_empty() {
        return String::new();
    }
    if digits_only.len() > 15 || (digits_only.len() >= 3 && digits_only.starts_with('0')) {
        return digits(&digits_only, words);
    }
    read(digits_only.parse().unwrap_or(0))
}

/// The decimal part of a Vietnamese number after "phẩy": up to two digits
/// as a number with its leading zero said ("2,5" "năm", "3,14" "mười bốn",
/// "2,05" "không năm"), longer ones digit by digit.
pub fn vi_fraction(s: &str) -> String {
    fraction(s, &VI_DIGITS, vi_integer)
}

/// The decimal part of an English number after "point": digit by digit,
/// as English says it ("3.14" "three point one four").
pub fn en_fraction(s: &str) -> String {
    digits(s, &EN_DIGITS)
}

fn fraction(s: &str, words: &[&str; 10], read: fn(u128) -> String) -> String {
    if s.len() > 2 {
        return digits(s, words);
    }
    let zeros = s.chars().take_while(|&c| c == '0').count();
    let mut out: Vec<String> = std::iter::repeat_n(words[0].to_owned(), zeros).collect();
    let rest = &s[zeros..];
    if !rest.is_empty() {
        out.push(read(rest.parse().unwrap_or(0)));
    }
    out.join(" ")
}

/// A whole number in English words, British style: `105` → "one hundred and
/// five", `2027` → "two thousand and twenty-seven".
pub fn en_integer(n: u128) -> String {
    if n == 0 {
        return EN_DIGITS[0].to_owned();
    }
    const SCALES: [&str; 7] = ["", "thousand", "million", "billion", "trillion", "quadrillion", "quintillion"];
    let mut groups = Vec::new();
    let mut m = n;
    while m > 0 {
        groups.push((m % 1000) as u16);
        m /= 1000;
    }
    let mut parts: Vec<String> = Vec::new();
    for (i, g) in groups.iter().enumerate().rev() {
        if *g == 0 {
            continue;
        }
        let scale = SCALES.get(i).copied().unwrap_or("");
        let mut words = en_group(*g);
        // "one thousand and five": "and" before a last group below a hundred.
        if i == 0 && *g < 100 && !parts.is_empty() {
            words = format!("and {words}");
        }
        parts.push(if scale.is_empty() { words } else { format!("{words} {scale}") });
    }
    parts.join(" ")
}

fn en_group(g: u16) -> String {
    const ONES: [&str; 20] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
        "sixteen", "seventeen", "eighteen", "nineteen",
    ];
    const TENS: [&str; 10] = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    let (h, rest) = ((g / 100) as usize, (g % 100) as usize);
    let below = match rest {
        0 => String::new(),
        1..=19 => ONES[rest].to_owned(),
        _ if rest % 10 == 0 => TENS[rest / 10].to_owned(),
        _ => format!("{}-{}", TENS[rest / 10], ONES[rest % 10]),
    };
    match (h, below.is_empty()) {
        (0, _) => below,
        (_, true) => format!("{} hundred", ONES[h]),
        (_, false) => format!("{} hundred and {below}", ONES[h]),
    }
}

/// An English ordinal in words: `1` → "first", `22` → "twenty-second".
pub fn en_ordinal(n: u128) -> String {
    let cardinal = en_integer(n);
    let (head, last) = match cardinal.rfind([' ', '-']) {
        Some(i) => cardinal.split_at(i + 1),
        None => ("", cardinal.as_str()),
    };
    let last = match last {
        "one" => "first".to_owned(),
        "two" => "second".to_owned(),
        "three" => "third".to_owned(),
        "five" => "fifth".to_owned(),
        "eight" => "eighth".to_owned(),
        "nine" => "ninth".to_owned(),
        "twelve" => "twelfth".to_owned(),
        w if w.ends_with('y') => format!("{}ieth", &w[..w.len() - 1]),
        w => format!("{w}th"),
    };
    format!("{head}{last}")
}

/// The value of a Roman numeral written in capitals (`"XIV"` → 14), when it
/// is one written the standard way, from 1 to 3999.
pub fn roman(s: &str) -> Option<u16> {
    if s.is_empty() || s.len() > 15 {
        return None;
    }
    let value = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        'D' => Some(500),
        'M' => Some(1000),
        _ => None,
    };
    let vals: Vec<i32> = s.chars().map(value).collect::<Option<_>>()?;
    let mut total = 0i32;
    for (i, v) in vals.iter().enumerate() {
        if vals.get(i + 1).is_some_and(|next| next > v) { total -= v } else { total += v }
    }
    // Only the standard spelling: "IIII" or "IC" are not numerals.
    let total = u16::try_from(total).ok()?;
    (1..4000).contains(&total).then_some(total).filter(|&t| to_roman(t) == s)
}

fn to_roman(mut n: u16) -> String {
    const TABLE: [(u16, &str); 13] =
        [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_tones_of_units() {
        let cases = [
            (0, "không"),
            (10, "mười"),
            (11, "mười một"),
            (14, "mười bốn"),
            (15, "mười lăm"),
            (21, "hai mươi mốt"),
            (24, "hai mươi tư"),
            (25, "hai mươi lăm"),
            (31, "ba mươi mốt"),
            (105, "một trăm linh năm"),
            (110, "một trăm mười"),
            (1000, "một nghìn"),
            (1005, "một nghìn không trăm linh năm"),
            (2027, "hai nghìn không trăm hai mươi bảy"),
            (1_000_000, "một triệu"),
            (1_000_005, "một triệu không trăm linh năm"),
            (1_005_000, "một triệu không trăm linh năm nghìn"),
            (21_000_000_000, "hai mươi mốt tỷ"),
            (1_000_000_000_000, "một nghìn tỷ"),
            (2_000_000_001_000, "hai nghìn tỷ không trăm linh một nghìn"),
        ];
        for (n, words) in cases {
            assert_eq!(vi_integer(n), words, "{n}");
        }
    }

    #[test]
    fn runs_fractions_and_english() {
        assert_eq!(vi_run("05"), "năm");
        assert_eq!(vi_run("024"), "không hai bốn");
        assert_eq!(vi_fraction("5"), "năm");
        assert_eq!(vi_fraction("05"), "không năm");
        assert_eq!(vi_fraction("14"), "mười bốn");
        assert_eq!(vi_fraction("141"), "một bốn một");
        assert_eq!(en_integer(105), "one hundred and five");
        assert_eq!(en_integer(2027), "two thousand and twenty-seven");
        assert_eq!(en_integer(1_000_000), "one million");
        assert_eq!(en_integer(21), "twenty-one");
        assert_eq!(en_ordinal(1), "first");
        assert_eq!(en_ordinal(22), "twenty-second");
        assert_eq!(en_ordinal(30), "thirtieth");
        assert_eq!(en_ordinal(15), "fifteenth");
    }

    #[test]
    fn roman_numerals_standard_only() {
        assert_eq!(roman("II"), Some(2));
        assert_eq!(roman("XIV"), Some(14));
        assert_eq!(roman("IV"), Some(4));
        assert_eq!(roman("XL"), Some(40));
        assert_eq!(roman("IIII"), None);
        assert_eq!(roman("IC"), None);
        assert_eq!(roman("HI"), None);
    }
}
