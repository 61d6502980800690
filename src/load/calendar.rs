//! `calendar.yaml` → [`Calendar`]: the site's timezone and its campaigns.

use std::collections::BTreeSet;
use std::fmt;
use std::path::Path;

use chrono_tz::Tz;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::Deserialize;

use super::when;
use super::yaml::{self, content_position, position_of, Spanned};
use super::Text;
use crate::diag::{did_you_mean, Diagnostic, Diagnostics, Position};
use crate::i18n::Msg;
use crate::t;
use crate::time::rule::{Timing, YearBounds};

/// The file name, relative to the site root.
pub const FILE: &str = "calendar.yaml";

/// The default timezone: Hanoi's.
pub const DEFAULT_TIMEZONE: Tz = chrono_tz::Asia::Ho_Chi_Minh;

/// The campaigns and the timezone that decides what "today" is.
#[derive(Debug, Clone)]
pub struct Calendar {
    /// IANA timezone; "today" is today there, whatever the machine's zone.
    pub timezone: Tz,
    /// The campaigns, in file order.
    pub campaigns: Vec<Campaign>,
}

impl Calendar {
    /// The campaign with this id.
    pub fn campaign(&self, id: &str) -> Option<&Campaign> {
        self.campaigns.iter().find(|c| c.id == id)
    }
}

/// One campaign: a recurring (or one-off) action period.
#[derive(Debug, Clone)]
pub struct Campaign {
    /// `[a-z0-9-]`; also its folder under `content/` and its URL.
    pub id: String,
    /// Its title, per language.
    pub title: Text,
    /// When it happens (`when`, `years`) and how long it is shown around
    /// that (`lead`, `linger`).
    pub timing: Timing,
    /// A CSS colour (`#rgb` or `#rrggbb`), if set.
    pub color: Option<String>,
    /// Where its `id` is in `calendar.yaml`.
    pub position: Option<Position>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CalendarFile {
    timezone: Option<Spanned<String>>,
    #[serde(default)]
    campaigns: Vec<CampaignFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CampaignFile {
    id: Spanned<String>,
    title: Spanned<Text>,
    when: Spanned<WhenField>,
    years: Option<Spanned<YearsField>>,
    lead: Option<Spanned<i64>>,
    linger: Option<Spanned<i64>>,
    color: Option<Spanned<String>>,
}

/// `when:` is a string or a list of strings; each keeps its own location.
enum WhenField {
    One(String),
    Many(Vec<Spanned<String>>),
}

impl<'de> Deserialize<'de> for WhenField {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = WhenField;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date such as 1/6 - 30/6, or a list of them")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<WhenField, E> {
                Ok(WhenField::One(v.to_owned()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<WhenField, E> {
                Ok(WhenField::One(v.to_string()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<WhenField, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<Spanned<String>>()? {
                    items.push(item);
                }
                Ok(WhenField::Many(items))
            }
        }
        d.deserialize_any(V)
    }
}

/// `years:` is `2027`, `2020-2030`, `2027-` or `-2030`.
#[derive(Deserialize)]
#[serde(untagged)]
enum YearsField {
    Year(i64),
    Range(String),
}

/// Parses and checks the text of `calendar.yaml`. `languages` are the
/// site's, to check the titles' languages (`None` when `site.yaml` could not
/// be read: no check against a guess).
pub fn parse(text: &str, languages: Option<&[String]>) -> Result<Calendar, Diagnostics> {
    let file = Path::new(FILE);
    let raw: CalendarFile = yaml::parse(file, text, 0, takes).map_err(|d| Diagnostics::from(d.with_source(text)))?;
    let mut diags = Diagnostics::new();
    let mut err = |pos: Option<Position>, msg: Msg, hint: Option<Msg>| {
        let mut d = Diagnostic::error(file, pos, msg).with_source(text);
        if let Some(h) = hint {
            d = d.with_hint(h);
        }
        diags.push(d);
    };

    let timezone = match &raw.timezone {
        None => DEFAULT_TIMEZONE,
        Some(tz) => match tz.value.trim().parse::<Tz>() {
            Ok(tz) => tz,
            Err(_) => {
                err(
                    content_position(text, position_of(tz, 0)),
                    t!("cal-not-timezone", value = tz.value.as_str()),
                    Some(t!("cal-timezone-hint")),
                );
                DEFAULT_TIMEZONE
            }
        },
    };

    let mut campaigns = Vec::new();
    let mut seen = BTreeSet::new();
    for c in raw.campaigns {
        let id_pos = content_position(text, position_of(&c.id, 0));
        let id = c.id.value.trim().to_owned();
        if !crate::slug::is_valid(&id) {
            err(
                id_pos,
                t!("cal-bad-id", id = id.as_str()),
                Some(t!("cal-bad-id-hint", suggestion = crate::slug::suggest(&id))),
            );
        } else if let Some(why) = crate::reserved::why_taken(&id, languages.unwrap_or(&[])) {
            err(id_pos, t!("cal-id-taken", id = id.as_str(), why = why), Some(t!("cal-id-taken-hint", suggestion = format!("chien-dich-{id}"))));
        } else if !seen.insert(id.clone()) {
            err(id_pos, t!("cal-id-twice", id = id.as_str()), Some(t!("cal-id-twice-hint")));
        }

        let title_pos = position_of(&c.title, 0);
        for lang in c.title.value.languages() {
            if let Some(languages) = languages
                && !languages.iter().any(|l| l == lang)
            {
                err(
                    title_pos,
                    t!("cal-title-language", lang = lang, languages = languages.join(", ")),
                    Some(t!("cal-title-language-hint")),
                );
            }
        }

        let mut rules = Vec::new();
        let when_pos = position_of(&c.when, 0);
        let whens: Vec<(String, Option<Position>)> = match c.when.value {
            WhenField::One(s) => vec![(s, when_pos)],
            WhenField::Many(items) => items.into_iter().map(|s| (s.value.clone(), position_of(&s, 0))).collect(),
        };
        if whens.is_empty() {
            err(when_pos, t!("cal-when-empty"), Some(t!("cal-when-empty-hint")));
        }
        for (s, pos) in whens {
            match when::parse(&s) {
                Ok(rule) => rules.push(rule),
                Err(e) => {
                    let pos = content_position(text, pos).map(|p| Position::new(p.line, p.column + e.column));
                    err(pos, e.message, e.hint);
                }
            }
        }

        let years = match &c.years {
            None => YearBounds::default(),
            Some(y) => match parse_years(&y.value) {
                Ok(b) => b,
                Err(msg) => {
                    err(
                        content_position(text, position_of(y, 0)),
                        msg,
                        Some(t!("cal-years-hint")),
                    );
                    YearBounds::default()
                }
            },
        };

        let mut days = |field: &Option<Spanned<i64>>, name: &str, default: u32| -> u32 {
            match field {
                None => default,
                Some(v) if (0..=366).contains(&v.value) => v.value as u32,
                Some(v) => {
                    err(
                        position_of(v, 0),
                        t!("cal-days-range", key = name, value = v.value),
                        None,
                    );
                    default
                }
            }
        };
        let lead = days(&c.lead, "lead", 30);
        let linger = days(&c.linger, "linger", 14);

        let color = c.color.as_ref().and_then(|col| {
            let v = col.value.trim();
            let ok = v.starts_with('#') && matches!(v.len(), 4 | 7) && v[1..].chars().all(|ch| ch.is_ascii_hexdigit());
            if ok {
                Some(v.to_ascii_lowercase())
            } else {
                err(
                    content_position(text, position_of(col, 0)),
                    t!("cal-not-colour", value = v),
                    Some(t!("cal-colour-hint")),
                );
                None
            }
        });

        campaigns.push(Campaign { id, title: c.title.value, timing: Timing { rules, years, lead, linger }, color, position: id_pos });
    }

    if diags.has_errors() {
        return Err(diags);
    }
    Ok(Calendar { timezone, campaigns })
}

fn parse_years(y: &YearsField) -> Result<YearBounds, Msg> {
    let year = |s: &str| -> Result<Option<i32>, Msg> {
        let s = s.trim();
        if s.is_empty() {
            return Ok(None);
        }
        match s.parse::<i32>() {
            Ok(v) if (1900..=2200).contains(&v) => Ok(Some(v)),
            _ => Err(t!("cal-not-a-year", value = s)),
        }
    };
    let bounds = match y {
        YearsField::Year(v) => {
            let v = year(&v.to_string())?;
            YearBounds { from: v, to: v }
        }
        YearsField::Range(s) => match s.split_once(['-', '–']) {
            Some((a, b)) => YearBounds { from: year(a)?, to: year(b)? },
            None => {
                let v = year(s)?;
                YearBounds { from: v, to: v }
            }
        },
    };
    if let (Some(f), Some(t)) = (bounds.from, bounds.to)
        && f > t
    {
        return Err(t!("cal-years-order", years = format!("{f}-{t}")));
    }
    Ok(bounds)
}

/// What the keys of `calendar.yaml` take.
fn takes(key: &str) -> Option<Msg> {
    Some(match key {
        "timezone" => t!("takes-timezone"),
        "campaigns" => t!("takes-campaigns"),
        "id" => t!("takes-id"),
        "title" => t!("takes-text-per-lang"),
        "when" => t!("takes-when"),
        "years" => t!("takes-years"),
        "lead" | "linger" => t!("takes-days"),
        "color" => t!("takes-color"),
        _ => return None,
    })
}

/// Suggests a campaign id close to `name`, for unknown content folders.
pub fn suggest_id<'a>(calendar: &'a Calendar, name: &str) -> Option<&'a str> {
    did_you_mean(name, calendar.campaigns.iter().map(|c| c.id.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn langs() -> Vec<String> {
        vec!["vi".into(), "en".into()]
    }

    #[test]
    fn reads_campaigns_with_defaults() {
        let cal = parse(
            "campaigns:\n  - id: a\n    title: A\n    when: 1/6 - 30/6\n  - id: b\n    title: {vi: B, en: Bee}\n    when: [30/7, tháng 12]\n    years: 2020-2030\n    lead: 10\n    color: \"#ABC\"\n",
            Some(&langs()),
        )
        .unwrap();
        assert_eq!(cal.timezone, DEFAULT_TIMEZONE);
        assert_eq!(cal.campaigns.len(), 2);
        assert_eq!((cal.campaigns[0].timing.lead, cal.campaigns[0].timing.linger), (30, 14));
        assert_eq!(cal.campaigns[1].timing.rules.len(), 2);
        assert_eq!(cal.campaigns[1].timing.years, YearBounds { from: Some(2020), to: Some(2030) });
        assert_eq!(cal.campaigns[1].color.as_deref(), Some("#abc"));
    }

    #[test]
    fn bad_when_points_at_its_column() {
        let text = "timezone: Asia/Ho_Chi_Minh\ncampaigns:\n  - id: a\n    title: A\n    when: 1/6 - 30/6\n  - id: b\n    when: 31/2\n    title: B\n";
        let err = parse(text, Some(&langs())).unwrap_err();
        let d = &err.0[0];
        assert_eq!(d.location(), "calendar.yaml:7:11");
        assert_eq!(d.message(), "31/2 is not a date (February has 29 days at most)");
    }

    #[test]
    fn bad_when_in_a_quoted_list_item() {
        let text = "campaigns:\n  - id: a\n    title: A\n    when: [\"30/7\", \"1/6 - 31/6\"]\n";
        let err = parse(text, Some(&langs())).unwrap_err();
        assert_eq!(err.0[0].location(), "calendar.yaml:4:27");
    }

    #[test]
    fn collects_every_error() {
        let text = "timezone: Mars/Olympus\ncampaigns:\n  - id: Bad Id\n    title: {fr: X}\n    when: tháng 13\n    lead: -1\n    color: red\n    years: 2030-2020\n  - id: ok\n    title: OK\n    when: 1/1\n  - id: ok\n    title: OK\n    when: 2/1\n";
        let err = parse(text, Some(&langs())).unwrap_err();
        let messages: Vec<String> = err.iter().map(|d| d.to_string()).collect();
        assert_eq!(err.0.len(), 8, "{messages:#?}");
    }

    #[test]
    fn unknown_key_is_an_error() {
        let err = parse("campaigns:\n  - id: a\n    title: A\n    when: 1/1\n    lingr: 3\n", Some(&langs())).unwrap_err();
        assert_eq!(err.0[0].position.map(|p| p.line), Some(5));
    }
}
