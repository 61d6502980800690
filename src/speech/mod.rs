//! Speech: a page's Markdown as text to be read aloud, by a person at a
//! commune radio's microphone or by the text-to-speech of an IP loudspeaker.
//!
//! Markup goes ([`markdown`]), and what a reader or a machine would say
//! wrongly is written out in words ([`text`]): telephone numbers and hotlines
//! digit by digit ([`phones`]), dates and times ([`dates`]), numbers,
//! decimals and percentages ([`numbers`]), abbreviations from a list the
//! site can extend ([`abbreviations`]). No digit is left. What cannot be read
//! (a table, an emoji, an abbreviation no list has) is left out or left as
//! written, and reported with where it is written.
//!
//! A leaf of the bottom layer: it reads only text and the lists it is given.

pub mod abbreviations;
pub mod dates;
pub mod markdown;
pub mod numbers;
pub mod phones;
pub mod text;

pub use abbreviations::Abbreviations;

/// The rules a text is read by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Vietnamese.
    Vi,
    /// English.
    En,
}

impl Lang {
    /// The rules for a language code: Vietnamese for `vi`, English otherwise.
    pub fn of(code: &str) -> Lang {
        if code.eq_ignore_ascii_case("vi") || code.to_ascii_lowercase().starts_with("vi-") { Lang::Vi } else { Lang::En }
    }
}

/// What cannot be read aloud.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// An abbreviation no list has, as written.
    Abbreviation(String),
    /// An emoji or pictograph, left out.
    Emoji(String),
    /// A table, left out.
    Table,
    /// A code block, left out.
    Code,
    /// Raw HTML, left out.
    Html,
}

/// Something that cannot be read, and where: a byte offset in the Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// Where it is written in the Markdown body (a byte offset).
    pub offset: usize,
    /// What it is.
    pub what: Unreadable,
}

/// What a text is read with besides its language.
#[derive(Debug, Clone, Copy)]
pub struct Reader<'a> {
    /// The language's rules.
    pub lang: Lang,
    /// What is said for abbreviations.
    pub abbreviations: &'a Abbreviations,
    /// The site's hotlines, as digits only, read digit by digit wherever they are written.
    pub hotlines: &'a [String],
    /// What is said for a web address written in the text (the site's
    /// name), or nothing: the address is left out.
    pub site_name: Option<&'a str>,
}

/// A bulletin as it is read aloud.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speech {
    /// The text, one block (heading, paragraph, list item) a paragraph,
    /// paragraphs separated by an empty line.
    pub text: String,
    /// What could not be read, in the order it is written.
    pub warnings: Vec<Warning>,
}

/// How fast Vietnamese is read on commune radio, in syllables per minute:
/// 200, below the slowest of the Vietnamese television presenters measured
/// at 3.7 to 5.5 syllables a second (222 to 330 a minute; their average,
/// 4.4 a second, is a talk show's pace), as a loudspeaker outdoors is
/// understood only read slowly. The measure: a count of presenters' words
/// over 26 seconds each, quoted at emcovu.com, "Trong vòng 1 phút nên đọc
/// bao nhiêu từ?" (a Vietnamese written word is one syllable).
pub const VI_SYLLABLES_PER_MINUTE: u32 = 200;

/// How fast English is read aloud, in words per minute: 150, the low end
/// of the 150–160 words a minute of speakers and audiobooks.
pub const EN_WORDS_PER_MINUTE: u32 = 150;

/// The seconds it takes to read `text` aloud at [`VI_SYLLABLES_PER_MINUTE`]
/// or [`EN_WORDS_PER_MINUTE`], rounded up. Vietnamese syllables are its
/// words, and the parts of a hyphenated loanword ("ki-lô-mét").
pub fn reading_seconds(text: &str, lang: Lang) -> u32 {
    let units: usize = match lang {
        Lang::Vi => text.split_whitespace().map(|w| w.split('-').filter(|p| p.chars().any(char::is_alphabetic)).count()).sum(),
        Lang::En => text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count(),
    };
    let rate = match lang {
        Lang::Vi => VI_SYLLABLES_PER_MINUTE,
        Lang::En => EN_WORDS_PER_MINUTE,
    } as usize;
    (units * 60).div_ceil(rate) as u32
}

/// A Markdown body read aloud: its blocks, each normalised, with what could
/// not be read.
pub fn speak(body: &str, reader: &Reader<'_>) -> Speech {
    let (blocks, skipped) = markdown::blocks(body);
    let mut warnings: Vec<Warning> = skipped.into_iter().map(|(offset, what)| Warning { offset, what }).collect();
    let mut paragraphs = Vec::new();
    for block in &blocks {
        let heading = block.kind == markdown::BlockKind::Heading;
        let read = text::read(&block.text, heading, reader);
        warnings.extend(read.warnings.into_iter().map(|(at, what)| Warning { offset: block.source(at), what }));
        let sentence = text::sentence(&read.text);
        if !sentence.is_empty() {
            paragraphs.push(sentence);
        }
    }
    warnings.sort_by_key(|w| w.offset);
    Speech { text: paragraphs.join("\n\n"), warnings }
}

/// A title or any one line read aloud, as [`speak`] reads a heading.
pub fn speak_line(line: &str, reader: &Reader<'_>) -> (String, Vec<Unreadable>) {
    let read = text::read(line, true, reader);
    (text::sentence(&read.text).trim_end_matches('.').to_owned(), read.warnings.into_iter().map(|(_, w)| w).collect())
}

#[cfg(test)]
mod tests;
