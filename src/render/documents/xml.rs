//! People's names and editing dates removed from one XML part of an office
//! document, everything else written back as it was read: comments' and
//! tracked changes' authors (Word's `w:author`, `w:initials`, `w:date`;
//! PowerPoint's comment authors; Excel's `<author>` and threaded-comment
//! persons; OpenDocument's `dc:creator` and `dc:date`) and the accounts
//! Office records beside them (`userId`, `providerId`). The text of a
//! comment or change stays: it is the document's content.

use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, Writer};

/// Elements (local names) whose text is a person or a date, emptied.
const TEXT: &[&[u8]] = &[b"creator", b"lastModifiedBy", b"author", b"initial-creator", b"printed-by", b"date", b"creation-date", b"print-date", b"Company", b"Manager", b"Template"];

/// Attributes (local names) that name a person or an account, emptied.
const BLANKED: &[&[u8]] = &[b"author", b"initials", b"userId", b"providerId", b"displayName"];

/// Attributes (local names) that date an edit, removed (optional in every
/// schema that has them).
const DROPPED: &[&[u8]] = &[b"date", b"dateUtc"];

/// Elements whose `name` attribute is a person's (PowerPoint's comment authors).
const NAMED_PEOPLE: &[&[u8]] = &[b"cmAuthor", b"author"];

fn local(name: &[u8]) -> &[u8] {
    name.rsplit(|&b| b == b':').next().unwrap_or(name)
}

/// The start tag with people's names emptied and dates removed.
fn scrubbed<'a>(start: &BytesStart<'a>) -> Result<BytesStart<'a>, String> {
    let element = start.name();
    let person = NAMED_PEOPLE.contains(&local(element.as_ref()));
    let mut out = BytesStart::new(String::from_utf8_lossy(element.as_ref()).into_owned());
    for attr in start.attributes().with_checks(true) {
        let attr = attr.map_err(|e| e.to_string())?;
        let key = local(attr.key.as_ref());
        if DROPPED.contains(&key) {
            continue;
        }
        if BLANKED.contains(&key) || (person && key == b"name") {
            out.push_attribute(Attribute { key: attr.key, value: std::borrow::Cow::Borrowed(b"") });
        } else if attr.value.contains(&b'"') {
            // A single-quoted value with a double quote inside: written
            // again between double quotes, so the quote is escaped.
            let mut value = Vec::with_capacity(attr.value.len() + 5);
            for &b in attr.value.iter() {
                if b == b'"' {
                    value.extend_from_slice(b"&quot;");
                } else {
                    value.push(b);
                }
            }
            out.push_attribute(Attribute { key: attr.key, value: std::borrow::Cow::Owned(value) });
        } else {
            out.push_attribute(attr);
        }
    }
    Ok(out.into_owned())
}

/// The part with people's names and edit dates removed, or why it is not
/// well-formed XML.
pub fn scrub(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut reader = Reader::from_reader(bytes);
    reader.config_mut().check_end_names = true;
    let mut writer = Writer::new(Vec::with_capacity(bytes.len()));
    let mut buf = Vec::new();
    // How deep inside an element whose text is emptied.
    let mut emptied = 0usize;
    loop {
        let ev = reader.read_event_into(&mut buf).map_err(|e| format!("{e} (at byte {})", reader.buffer_position()))?;
        let out = match ev {
            Event::Eof => break,
            Event::Start(s) => {
                if emptied > 0 || TEXT.contains(&local(s.name().as_ref())) {
                    emptied += 1;
                }
                Some(Event::Start(scrubbed(&s)?))
            }
            Event::Empty(s) => Some(Event::Empty(scrubbed(&s)?)),
            Event::End(e) => {
                emptied = emptied.saturating_sub(1);
                Some(Event::End(e))
            }
            Event::Text(_) | Event::CData(_) | Event::GeneralRef(_) if emptied > 0 => None,
            other => Some(other),
        };
        if let Some(ev) = out {
            writer.write_event(ev).map_err(|e| e.to_string())?;
        }
        buf.clear();
    }
    Ok(writer.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authors_go_and_the_text_stays() {
        let word = br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="0" w:author="Nguyen Van A" w:date="2026-05-01T10:00:00Z" w:initials="NVA"><w:p><w:r><w:t>Ki&#7875;m tra l&#7841;i &amp; s&#7917;a</w:t></w:r></w:p></w:comment></w:comments>"#;
        let out = String::from_utf8(scrub(word).unwrap()).unwrap();
        assert!(!out.contains("Nguyen") && !out.contains("NVA") && !out.contains("2026"), "{out}");
        assert!(out.contains(r#"w:author="""#) && out.contains("Ki&#7875;m tra l&#7841;i &amp; s&#7917;a"), "{out}");
        assert!(out.starts_with(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#));

        let odf = br#"<office:annotation xmlns:office="o" xmlns:dc="d"><dc:creator>Nguyen Van A</dc:creator><dc:date>2026-05-01</dc:date><text:p xmlns:text="t">ghi ch&#250;</text:p></office:annotation>"#;
        let out = String::from_utf8(scrub(odf).unwrap()).unwrap();
        assert_eq!(out, r#"<office:annotation xmlns:office="o" xmlns:dc="d"><dc:creator></dc:creator><dc:date></dc:date><text:p xmlns:text="t">ghi ch&#250;</text:p></office:annotation>"#);

        let ppt = br#"<p:cmAuthorLst xmlns:p="p"><p:cmAuthor id="1" name="Nguyen Van A" initials="N" lastIdx="1" clrIdx="0"/></p:cmAuthorLst>"#;
        let out = String::from_utf8(scrub(ppt).unwrap()).unwrap();
        assert!(!out.contains("Nguyen") && out.contains(r#"lastIdx="1""#), "{out}");
    }

    #[test]
    fn single_quoted_values_stay_well_formed() {
        let out = String::from_utf8(scrub(br#"<a title='say "hi" &amp; go' w:author='x'/>"#).unwrap()).unwrap();
        assert_eq!(out, r#"<a title="say &quot;hi&quot; &amp; go" w:author=""/>"#);
    }

    #[test]
    fn not_xml_is_an_error() {
        assert!(scrub(b"<a><b></a>").is_err());
        assert!(scrub(br#"<a x="1" x="2"/>"#).is_err());
    }
}
