//! One block of plain text made ready to be read aloud: every number, date,
//! time, telephone number and abbreviation written out in words, in the
//! language's rules, and what cannot be read reported where it is written.
//!
//! The text is read left to right. At a digit, the first of these that fits
//! is taken: "24/24" (day and night), a telephone number or hotline, a date
//! or a range of dates, a time or a range of times, a number (with its
//! thousands, decimals, percent, "đ") or a range of numbers. The word before
//! decides some readings: "thứ 4" is "thứ tư", "tháng 4" "tháng tư",
//! "ngày 5 tháng 6" "ngày mùng năm tháng sáu", "từ 1/6" needs no second "từ".
//! At a letter: a web address (said as the site's name, or left out), a
//! weekday ("T2"), an abbreviation of the lists (the longest that fits), a
//! Roman numeral after "Phần", "Chương"… or at the start of a heading, a word
//! in capitals (read as a word when it is one, reported when it is not).

use super::dates::{self, DayWord};
use super::numbers::{self, EN_DIGITS, VI_DIGITS};
use super::phones;
use super::{Lang, Reader, Unreadable};
use super::abbreviations::looks_abbreviated;

/// A block read: its words, and what could not be read (byte offsets in the block).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Read {
    /// The text in words.
    pub text: String,
    /// What could not be read, with its byte offset in the block's text.
    pub warnings: Vec<(usize, Unreadable)>,
}

/// Reads a block of plain text. `heading`: a Roman numeral that starts it is a number.
pub fn read(s: &str, heading: bool, reader: &Reader<'_>) -> Read {
    let mut st = State {
        chars: s.chars().collect(),
        offsets: s.char_indices().map(|(b, _)| b).collect(),
        i: 0,
        out: String::new(),
        space: false,
        prev: String::new(),
        first: true,
        heading,
        r: reader,
        vi: reader.lang == Lang::Vi,
        warnings: Vec::new(),
    };
    while st.i < st.chars.len() {
        let c = st.chars[st.i];
        if c.is_ascii_digit() || (c == '+' && st.chars.get(st.i + 1).is_some_and(char::is_ascii_digit)) {
            st.quantity();
        } else if is_word_char(c) {
            st.word();
        } else {
            st.symbol(c);
        }
    }
    let text = no_digit_left(&st.out, st.vi);
    Read { text, warnings: st.warnings }
}

/// A block's words as a sentence: spaces made single, no space before a
/// comma or full stop, a capital first letter, a full stop at the end when
/// it has no closing punctuation.
pub fn sentence(s: &str) -> String {
    let mut out = s.split_whitespace().collect::<Vec<_>>().join(" ");
    for p in [",", ".", ";", ":", "!", "?", ")"] {
        out = out.replace(&format!(" {p}"), p);
    }
    out = out.replace("( ", "(");
    // "a.m." at the end of a sentence: one full stop.
    while out.contains("..") {
        out = out.replace("..", ".");
    }
    let out = out.trim_matches(|c: char| c.is_whitespace() || c == ',');
    let mut chars = out.chars();
    let Some(first) = chars.next() else { return String::new() };
    let mut out: String = first.to_uppercase().chain(chars).collect();
    if !out.ends_with(['.', '!', '?', '…', ':', ';']) {
        out.push('.');
    }
    out
}

/// Whatever digit a list's words brought in (an abbreviation said "VTV1"),
/// read as a number: no digit leaves.
fn no_digit_left(s: &str, vi: bool) -> String {
    if !s.chars().any(|c| c.is_ascii_digit()) {
        return s.to_owned();
    }
    let mut out = String::new();
    let mut run = String::new();
    for c in s.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() {
            run.push(c);
            continue;
        }
        if !run.is_empty() {
            if out.chars().last().is_some_and(char::is_alphanumeric) {
                out.push(' ');
            }
            out.push_str(&if vi { numbers::vi_run(&run) } else { numbers::en_run(&run) });
            run.clear();
            if c.is_alphanumeric() {
                out.push(' ');
            }
        }
        out.push(c);
    }
    out.pop();
    out
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || ('\u{300}'..='\u{36f}').contains(&c)
}

/// Words after which a Roman numeral is a number ("Phần II").
const ROMAN_AFTER: &[&str] = &["phần", "chương", "mục", "điều", "khoản", "lục", "part", "chapter", "section", "article", "annex"];

/// Words after which a date is "ngày …" (days 1–10 stay "mùng …").
const DATE_AFTER: &[&str] = &["từ", "đến", "tới", "hết", "trước", "sau", "vào"];

struct State<'a> {
    chars: Vec<char>,
    offsets: Vec<usize>,
    i: usize,
    out: String,
    /// A word was just written: the next letter or digit needs a space.
    space: bool,
    /// The previous word of the text, in small letters ("" after punctuation).
    prev: String,
    /// No word was read yet.
    first: bool,
    heading: bool,
    r: &'a Reader<'a>,
    vi: bool,
    warnings: Vec<(usize, Unreadable)>,
}

impl State<'_> {
    fn emit(&mut self, words: &str) {
        if self.out.chars().last().is_some_and(|c| c.is_alphanumeric()) {
            self.out.push(' ');
        }
        self.out.push_str(words);
        self.space = true;
    }

    fn push(&mut self, c: char) {
        if self.space && is_word_char(c) {
            self.out.push(' ');
        }
        self.space = false;
        self.out.push(c);
    }

    fn warn(&mut self, at: usize, what: Unreadable) {
        let offset = self.offsets.get(at).copied().unwrap_or(0);
        self.warnings.push((offset, what));
    }

    fn at(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }

    /// After a quantity ending at `end`: a dash between it and the next one
    /// ("1/6 - 30/6", "2021–2025"), and where that next one starts.
    fn dash_after(&self, end: usize) -> Option<usize> {
        let mut k = end;
        while self.at(k) == Some(' ') {
            k += 1;
        }
        if !matches!(self.at(k), Some('-' | '–' | '—')) {
            return None;
        }
        k += 1;
        while self.at(k) == Some(' ') {
            k += 1;
        }
        self.at(k).is_some_and(|c| c.is_ascii_digit()).then_some(k)
    }

    /// "từ … đến …" or "from … to …", without a second "từ" after "từ".
    fn range(&self, a: &str, b: &str) -> String {
        let (from, to) = if self.vi { ("từ", "đến") } else { ("from", "to") };
        if self.prev == from { format!("{a} {to} {b}") } else { format!("{from} {a} {to} {b}") }
    }

    fn int(&self, digits: &str) -> String {
        if self.vi { numbers::vi_run(digits) } else { numbers::en_run(digits) }
    }

    fn quantity(&mut self) {
        let i = self.i;
        if let Some((end, seven)) = self.around_the_clock(i) {
            let said = match (self.vi, seven) {
                (true, true) => "hai mươi tư trên bảy",
                (true, false) => "hai mươi tư trên hai mươi tư",
                (false, true) => "twenty-four seven",
                (false, false) => "twenty-four hours a day",
            };
            self.emit(said);
            self.i = end;
        } else if let Some(p) = phones::find(&self.chars, i, self.r.hotlines) {
            let said = if self.vi { phones::say(&p, &VI_DIGITS, "cộng") } else { phones::say(&p, &EN_DIGITS, "plus") };
            if p.bracket && self.out.ends_with('(') {
                self.out.pop();
            }
            self.emit(&said);
            self.i = p.end;
        } else if !self.date() && !self.time() {
            self.number();
        }
        self.prev.clear();
        self.first = false;
    }

    /// "24/24" and "24/7": day and night, never a date.
    fn around_the_clock(&self, i: usize) -> Option<(usize, bool)> {
        let s: String = self.chars[i..(i + 5).min(self.chars.len())].iter().collect();
        let (end, seven) = if s.starts_with("24/24") { (i + 5, false) } else if s.starts_with("24/7") { (i + 4, true) } else { return None };
        let free = !self.at(end).is_some_and(|c| c.is_ascii_digit() || c == '/') && (i == 0 || !self.chars[i - 1].is_ascii_digit());
        (free && !DATE_AFTER.contains(&self.prev.as_str()) && !matches!(self.prev.as_str(), "ngày" | "mùng" | "mồng")).then_some((end, seven))
    }

    fn lunar_after(&self, end: usize) -> bool {
        let rest: String = self.chars[end.min(self.chars.len())..].iter().take(12).collect::<String>().to_lowercase();
        rest.trim_start_matches([' ', '(']).starts_with("âm lịch")
    }

    fn date_words(&self, d: dates::Date, word: DayWord, lunar: bool) -> String {
        if self.vi { dates::vi_date(d, word, lunar) } else { dates::en_date(d) }
    }

    fn date(&mut self) -> bool {
        let i = self.i;
        if matches!(self.prev.as_str(), "tháng" | "month")
            && let Some((m, y, end)) = dates::month_year_at(&self.chars, i)
        {
            let said = if self.vi {
                format!("{} năm {}", dates::vi_month(m, false).trim_start_matches("tháng "), numbers::vi_integer(y.into()))
            } else {
                format!("{} {}", dates::en_month(m), dates::en_year(y))
            };
            self.emit(&said);
            self.i = end;
            return true;
        }
        let Some((first, e1)) = dates::date_at(&self.chars, i) else {
            // "1-30/6": the first day of a range in one month.
            let Some((d1, e)) = dates::number_at(&self.chars, i, 2) else { return false };
            let Some(k) = self.dash_after(e) else { return false };
            let Some((second, e2)) = dates::date_at(&self.chars, k) else { return false };
            if !(1..second.day).contains(&d1) {
                return false;
            }
            let lunar = self.lunar_after(e2);
            let said = if self.vi {
                self.range(&dates::vi_day(d1, DayWord::Ngay), &dates::vi_date(second, DayWord::Ngay, lunar))
            } else {
                self.range(&format!("the {}", numbers::en_ordinal(d1.into())), &dates::en_date(second))
            };
            self.emit(&said);
            self.i = e2;
            return true;
        };
        if let Some(k) = self.dash_after(e1)
            && let Some((second, e2)) = dates::date_at(&self.chars, k)
        {
            let lunar = self.lunar_after(e2);
            let said = self.range(&self.date_words(first, DayWord::Ngay, lunar), &self.date_words(second, DayWord::Ngay, lunar));
            self.emit(&said);
            self.i = e2;
            return true;
        }
        let word = match self.prev.as_str() {
            "mùng" | "mồng" => DayWord::None,
            p if DATE_AFTER.contains(&p) => DayWord::Ngay,
            _ => DayWord::Bare,
        };
        let said = self.date_words(first, word, self.lunar_after(e1));
        self.emit(&said);
        self.i = e1;
        true
    }

    fn time_words(&self, t: dates::Time) -> String {
        if self.vi { dates::vi_time(t) } else { dates::en_time(t) }
    }

    fn time(&mut self) -> bool {
        let i = self.i;
        if let Some((t, e)) = dates::time_at(&self.chars, i) {
            let said = match self.dash_after(e).and_then(|k| dates::time_at(&self.chars, k)) {
                Some((t2, e2)) => {
                    self.i = e2;
                    self.range(&self.time_words(t), &self.time_words(t2))
                }
                None => {
                    self.i = e;
                    self.time_words(t)
                }
            };
            self.emit(&said);
            return true;
        }
        // "6-8h": a range of hours with the unit at its end.
        if let Some((h, e)) = dates::number_at(&self.chars, i, 2)
            && let Some(k) = self.dash_after(e)
            && let Some((t2, e2)) = dates::time_at(&self.chars, k)
            && h < t2.hour
        {
            let first = if self.vi { numbers::vi_integer(h.into()) } else { numbers::en_integer(h.into()) };
            let said = self.range(&first, &self.time_words(t2));
            self.emit(&said);
            self.i = e2;
            return true;
        }
        false
    }

    /// A number at `i`: its digits without separators, its decimals, and where it ends.
    fn number_at(&self, i: usize) -> (String, Option<String>, usize) {
        let run = |k: usize| -> String { self.chars[k.min(self.chars.len())..].iter().take_while(|c| c.is_ascii_digit()).collect() };
        let first = run(i);
        let mut int = first.clone();
        let mut end = i + first.len();
        let (thousands, decimal) = if self.vi { ('.', ',') } else { (',', '.') };
        let group_of_three = |k: usize, sep: char| self.at(k) == Some(sep) && run(k + 1).len() == 3;
        let mut grouped = false;
        if first.len() <= 3 {
            // Separators of thousands: the language's, or the other one when
            // it appears twice or more (1.000.000 in English, 1,000,000 in Vietnamese).
            let other = if self.vi { ',' } else { '.' };
            // So is one group of zeros ("1,000 người": nobody writes one
            // point nought nought nought); "2,500" stays a decimal.
            let zeros = group_of_three(end, other) && run(end + 1) == "000";
            let sep = if group_of_three(end, thousands) {
                Some(thousands)
            } else if group_of_three(end, other) && (group_of_three(end + 4, other) || zeros) {
                Some(other)
            } else {
                None
            };
            if let Some(sep) = sep {
                while group_of_three(end, sep) {
                    int.push_str(&run(end + 1));
                    end += 4;
                    grouped = true;
                }
            }
        }
        let mut frac = None;
        let point = if grouped { [decimal, decimal] } else { [decimal, thousands] };
        if let Some(c) = self.at(end)
            && point.contains(&c)
        {
            let digits = run(end + 1);
            if !(digits.is_empty() || (c == thousands && digits.len() == 3)) {
                end += 1 + digits.len();
                frac = Some(digits);
            }
        }
        (int, frac, end)
    }

    fn number_words(&self, int: &str, frac: &Option<String>) -> String {
        let mut said = self.int(int);
        if let Some(f) = frac {
            said.push_str(if self.vi { " phẩy " } else { " point " });
            said.push_str(&if self.vi { numbers::vi_fraction(f) } else { numbers::en_fraction(f) });
        }
        said
    }

    /// A percent sign after a number ("30%", "30 %"): where it ends.
    fn percent_after(&self, end: usize) -> Option<usize> {
        match (self.at(end), self.at(end + 1)) {
            (Some('%'), _) => Some(end + 1),
            (Some(' '), Some('%')) => Some(end + 2),
            _ => None,
        }
    }

    fn number(&mut self) {
        let i = self.i;
        let (int, frac, mut end) = self.number_at(i);
        let mut said = self.number_words(&int, &frac);
        let percent_word = if self.vi { "phần trăm" } else { "percent" };
        if let Some(e) = self.percent_after(end) {
            said = format!("{said} {percent_word}");
            end = e;
        } else if let Some(k) = self.dash_after(end) {
            let (int2, frac2, mut e2) = self.number_at(k);
            let mut second = self.number_words(&int2, &frac2);
            if let Some(e) = self.percent_after(e2) {
                second = format!("{second} {percent_word}");
                e2 = e;
            }
            said = self.range(&said, &second);
            end = e2;
        } else if frac.is_none() && int.len() <= 4 {
            let n: u32 = int.parse().unwrap_or(0);
            said = self.in_context(n, &int, said, &mut end);
        }
        if self.vi && self.at(end) == Some('đ') && !self.at(end + 1).is_some_and(is_word_char) {
            said.push_str(" đồng");
            end += 1;
        }
        self.emit(&said);
        self.i = end.max(i + 1);
    }

    /// A whole number read as the words around it ask.
    fn in_context(&self, n: u32, int: &str, said: String, end: &mut usize) -> String {
        let next_word: String = self.chars[(*end).min(self.chars.len())..].iter().skip_while(|c| **c == ' ').take_while(|c| is_word_char(**c)).collect();
        if self.vi {
            return match (self.prev.as_str(), n) {
                ("thứ", 1) => "nhất".to_owned(),
                ("thứ", 4) => "tư".to_owned(),
                ("tháng", 1..=12) => dates::vi_month(n, false).trim_start_matches("tháng ").to_owned(),
                ("ngày", 1..=10) if next_word == "tháng" => format!("mùng {said}"),
                _ => said,
            };
        }
        let month_next = dates::MONTH_NAMES.contains(&next_word.as_str());
        let month_before = dates::MONTH_NAMES.iter().any(|m| m.eq_ignore_ascii_case(&self.prev));
        let suffix: String = self.chars[(*end).min(self.chars.len())..].iter().take(2).collect();
        if ["st", "nd", "rd", "th"].contains(&suffix.to_lowercase().as_str()) && !self.at(*end + 2).is_some_and(is_word_char) {
            *end += 2;
            return numbers::en_ordinal(n.into());
        }
        match n {
            1..=31 if month_next => format!("the {} of", numbers::en_ordinal(n.into())),
            1..=31 if month_before && int.len() <= 2 => format!("the {}", numbers::en_ordinal(n.into())),
            1100..=2099 if int.len() == 4 && (month_before || matches!(self.prev.as_str(), "in" | "year" | "since")) => dates::en_year(n),
            _ => said,
        }
    }

    fn word(&mut self) {
        let i = self.i;
        if let Some(end) = self.url_at(i) {
            if let Some(name) = self.r.site_name {
                self.emit(name);
            }
            self.i = end;
            return;
        }
        if self.vi
            && self.chars[i] == 'T'
            && let Some(d @ '2'..='7') = self.at(i + 1)
            && !self.at(i + 2).is_some_and(char::is_alphanumeric)
        {
            let n = d.to_digit(10).unwrap_or(2) as usize;
            self.emit(&format!("thứ {}", if n == 4 { "tư" } else { VI_DIGITS[n] }));
            self.i = i + 2;
            self.prev.clear();
            return;
        }
        if let Some((said, end)) = self.abbreviation_at(i) {
            // A capital where a sentence starts, as for a word in capitals.
            let starts = !self.out.trim_end().is_empty() && self.out.trim_end().ends_with(['.', '!', '?']);
            let said = match (starts, said.chars().next()) {
                (true, Some(f)) => f.to_uppercase().chain(said.chars().skip(1)).collect(),
                _ => said,
            };
            self.emit(&said);
            self.prev = said.rsplit(' ').next().unwrap_or("").to_lowercase();
            self.i = end;
            self.first = false;
            return;
        }
        let end = i + self.chars[i..].iter().take_while(|c| is_word_char(**c)).count();
        let w: String = self.chars[i..end].iter().collect();
        let lower = w.to_lowercase();
        let roman_here = self.heading && self.first && matches!(self.at(end), None | Some('.' | ':' | ')' | ' '));
        if let Some(n) = numbers::roman(&w)
            && (ROMAN_AFTER.contains(&self.prev.as_str()) || (roman_here && (w.len() > 1 || self.at(end) != Some(' '))))
        {
            let said = if self.vi { numbers::vi_integer(n.into()) } else { numbers::en_integer(n.into()) };
            self.emit(&said);
        } else if looks_abbreviated(&w, self.vi) && (self.vi || !w.chars().any(|c| "AEIOUY".contains(c)) || w.chars().count() < 3) {
            self.warn(i, Unreadable::Abbreviation(w.clone()));
            for c in w.chars() {
                self.push(c);
            }
        } else if w.chars().count() > 1 && !w.chars().any(char::is_lowercase) {
            // A word in capitals, read as a word: in small letters, with a
            // capital where a sentence starts.
            let starts = self.out.trim_end().chars().last().is_none_or(|c| matches!(c, '.' | '!' | '?' | ':'));
            let mut cs = lower.chars();
            let written: String = match (starts, cs.next()) {
                (true, Some(f)) => f.to_uppercase().chain(cs).collect(),
                _ => lower.clone(),
            };
            for c in written.chars() {
                self.push(c);
            }
        } else {
            for c in w.chars() {
                self.push(c);
            }
        }
        self.prev = lower;
        self.first = false;
        self.i = end;
    }

    /// A web address at `i` ("https://…", "www.…"): where it ends (its
    /// closing punctuation left to the sentence).
    fn url_at(&self, i: usize) -> Option<usize> {
        let s: String = self.chars[i..(i + 8).min(self.chars.len())].iter().collect::<String>().to_lowercase();
        if !(s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www.")) {
            return None;
        }
        let mut end = i + self.chars[i..].iter().take_while(|c| !c.is_whitespace()).count();
        while end > i && matches!(self.chars[end - 1], '.' | ',' | ';' | ':' | ')' | '!' | '?') {
            end -= 1;
        }
        Some(end)
    }

    /// The longest abbreviation of the lists written at `i`, what is said for
    /// it and where it ends: "LĐTB&XH", "TP.", "NĐ-CP".
    fn abbreviation_at(&self, i: usize) -> Option<(String, usize)> {
        let list = self.r.abbreviations;
        if list.is_empty() {
            return None;
        }
        let mut ends = Vec::new();
        let mut j = i;
        loop {
            // Letters, and digits after them: a site may list "VTV1".
            let k = j + self.chars[j..].iter().take_while(|c| is_word_char(**c) || c.is_ascii_digit()).count();
            if k == j || k - i > list.longest() {
                break;
            }
            ends.push(k);
            if self.at(k) == Some('.') {
                ends.push(k + 1);
            }
            match (self.at(k), self.at(k + 1)) {
                (Some('&' | '.' | '-' | '/' | ','), Some(c)) if is_word_char(c) => j = k + 1,
                _ => break,
            }
        }
        ends.into_iter().rev().find_map(|e| {
            let key: String = self.chars[i..e].iter().collect();
            let free = key.ends_with('.') || !self.at(e).is_some_and(char::is_alphanumeric);
            list.get(&key).filter(|_| free).map(|said| (said.to_owned(), e))
        })
    }

    fn symbol(&mut self, c: char) {
        let i = self.i;
        let len = emoji_len(&self.chars, i);
        if len > 0 {
            let e: String = self.chars[i..i + len].iter().collect();
            self.warn(i, Unreadable::Emoji(e));
            self.i += len;
            return;
        }
        self.i += 1;
        let (vi, between_letters) = (self.vi, i > 0 && self.chars[i - 1].is_alphanumeric() && self.at(i + 1).is_some_and(char::is_alphanumeric));
        match c {
            '%' => self.emit(if vi { "phần trăm" } else { "percent" }),
            '&' => self.emit(if vi { "và" } else { "and" }),
            '@' => self.emit(if vi { "a còng" } else { "at" }),
            '+' => self.emit(if vi { "cộng" } else { "plus" }),
            '/' if between_letters && !self.chars[i - 1].is_ascii_digit() && !self.at(i + 1).is_some_and(|c| c.is_ascii_digit()) => {
                self.emit(if vi { "hoặc" } else { "or" })
            }
            '/' => self.emit(if vi { "trên" } else { "slash" }),
            // "COVID-19", "KH-UBND": a pause, not a dash read aloud.
            '-' if between_letters && [self.chars[i - 1], self.at(i + 1).unwrap_or(' ')].iter().any(|c| c.is_ascii_digit() || c.is_uppercase()) => {
                self.space = true;
                if !self.out.ends_with(' ') {
                    self.out.push(' ');
                }
            }
            '*' | '_' | '#' | '|' | '`' | '~' | '<' | '>' | '=' | '^' | '\\' | '•' | '·' | '\u{fe0f}' | '\u{fe0e}' | '\u{200d}' | '\u{20e3}' => {
                self.space = true;
            }
            c if c.is_whitespace() => {
                if !self.out.ends_with(' ') {
                    self.out.push(' ');
                }
                self.space = false;
            }
            '.' | '!' | '?' | ';' | ':' | '(' | ')' | '[' | ']' => {
                self.prev.clear();
                self.push(c);
            }
            c => self.push(c),
        }
    }
}

/// The length of the emoji or pictograph at `i` with its modifiers and
/// joined parts (0 when there is none).
pub fn emoji_len(chars: &[char], i: usize) -> usize {
    let pictograph = |c: char| {
        matches!(c as u32, 0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0x2300..=0x23FF | 0x2190..=0x21FF | 0x3297 | 0x3299 | 0x00A9 | 0x00AE | 0x2122 | 0x2139)
    };
    if !chars.get(i).is_some_and(|c| pictograph(*c)) {
        return 0;
    }
    let mut k = i + 1;
    while let Some(&c) = chars.get(k) {
        match c as u32 {
            0xFE0F | 0xFE0E | 0x20E3 | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F => k += 1,
            0x200D if chars.get(k + 1).is_some_and(|c| pictograph(*c)) => k += 2,
            0x1F1E6..=0x1F1FF if k == i + 1 => k += 1,
            _ => break,
        }
    }
    k - i
}
