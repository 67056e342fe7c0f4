//! Filters by facet (SPEC §5): names in English or Chinese, any case; an unknown name is an
//! error that names it and suggests the closest. Values of one facet are ORed, facets ANDed.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::article::Article;
use crate::tagging::{regions, sectors};
use crate::text::to_simplified;

/// The name that selects stories with no province: national ones.
pub const NATIONAL: &str = "National";

/// A filter value that names nothing we know.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum FilterError {
    #[error("unknown province '{name}'{}", hint(.suggestion))]
    Province {
        name: String,
        suggestion: Option<String>,
    },
    #[error("unknown sector '{name}'{}", hint(.suggestion))]
    Sector {
        name: String,
        suggestion: Option<String>,
    },
    #[error("'{0}' is not a date: use YYYY-MM-DD, YYYY-MM or YYYY")]
    Date(String),
    /// An outlet or topic that no article has, with the corpus's closest.
    #[error("no {facet} '{name}' in the corpus{}", hint(.suggestion))]
    Open {
        facet: &'static str,
        name: String,
        suggestion: Option<String>,
    },
    /// An outlet or topic that is part of too many of the corpus's to take them all.
    #[error(
        "{facet} '{name}' could be any of {count} in the corpus ({shown}): give more of the name"
    )]
    OpenTooMany {
        facet: &'static str,
        name: String,
        count: usize,
        shown: String,
    },
    /// A field name before a colon that is close to one of the query's fields.
    #[error("unknown field '{name}' (did you mean '{suggestion}'?)")]
    Field { name: String, suggestion: String },
    /// `OR` beside a filter, other than between two values of one facet.
    #[error(
        "cannot search '{0}': OR joins words, or values of one filter \
         (province:四川 OR province:广东); without OR, both must match"
    )]
    Or(String),
}

fn hint(s: &Option<String>) -> String {
    s.as_ref()
        .map(|s| format!(" (did you mean {s}?)"))
        .unwrap_or_default()
}

/// A value of the reading-state facet. The catalogs apply it from the reader's sets of read
/// and starred ids; [`Filter::matches`] cannot, and ignores it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mark {
    /// Not read yet.
    Unread,
    Starred,
}

/// Resolved filters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// English province names, or [`NATIONAL`].
    pub provinces: Vec<&'static str>,
    /// Sector slugs.
    pub sectors: Vec<&'static str>,
    pub sources: Vec<String>,
    pub topics: Vec<String>,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    /// Reading state (values ORed), applied by the reader's catalogs.
    pub marks: Vec<Mark>,
}

/// Resolves a province name (`Shandong`, `shandong`, `山东`, `山东省`, `national`, `全国`).
pub fn province(name: &str) -> Result<&'static str, FilterError> {
    let t = name.trim();
    if ["national", "全国", "全國", "nationwide", "none"]
        .iter()
        .any(|n| t.eq_ignore_ascii_case(n))
    {
        return Ok(NATIONAL);
    }
    regions::province_by_name(t)
        .map(|p| p.en)
        .ok_or_else(|| FilterError::Province {
            name: t.to_string(),
            suggestion: province_hint(t),
        })
}

/// Most names a hint lists for a name still being typed.
const MAX_HINTED: usize = 4;

/// A hint for a name that is none: the names that start with it (`Sh`, typed on the way to
/// `Shandong`: `'Shanxi 山西', 'Shanghai 上海', 'Shandong 山东', 'Shaanxi 陕西'`, with
/// `or N more` past four), or else the closest (`Shandon` → `'Shandong 山东'`). A name
/// being typed is more likely than a misspelt one to be the start of the one meant, and the
/// closest name to a short start is often another (`Shand` is nearer to `Shanxi` than to
/// `Shandong`).
fn hint_for(starting: Vec<String>, closest: impl FnOnce() -> Option<String>) -> Option<String> {
    let shown: Vec<&str> = starting
        .iter()
        .take(MAX_HINTED)
        .map(String::as_str)
        .collect();
    match starting.len() {
        0 => closest(),
        n if n > MAX_HINTED => Some(format!("{} or {} more", shown.join(", "), n - MAX_HINTED)),
        _ => Some(shown.join(", ")),
    }
}

/// The provinces whose own name (English or Chinese) starts with `name`, or else those with
/// another name that does: `山` is the start of 山东 and 山西, not of 重庆 for its nickname
/// 山城.
fn provinces_starting(name: &str) -> Vec<&'static regions::Province> {
    let key = fold(name);
    let mut starting = regions::provinces_starting(name);
    let own = |p: &&regions::Province| {
        [p.en, p.zh, p.full_zh]
            .iter()
            .any(|n| fold(n).starts_with(&key))
    };
    if !key.is_empty() && starting.iter().any(own) {
        starting.retain(own);
    }
    starting
}

fn province_hint(name: &str) -> Option<String> {
    let quoted = |p: &regions::Province| format!("'{} {}'", p.en, p.zh);
    hint_for(
        provinces_starting(name).into_iter().map(quoted).collect(),
        || regions::suggest_province(name).map(quoted),
    )
}

/// The sectors with a slug or a name (Chinese or English) that starts with `name`, folded,
/// in the usual order.
fn sectors_starting(name: &str) -> Vec<&'static sectors::Sector> {
    let key = fold(name);
    if key.is_empty() {
        return Vec::new();
    }
    sectors::sectors()
        .iter()
        .filter(|s| {
            [s.slug, s.zh, s.en]
                .iter()
                .any(|n| fold(n).starts_with(&key))
        })
        .collect()
}

fn sector_hint(name: &str) -> Option<String> {
    let quoted = |s: &sectors::Sector| format!("'{}'", s.slug);
    hint_for(
        sectors_starting(name).into_iter().map(quoted).collect(),
        || sectors::suggest_sector(name).map(quoted),
    )
}

/// Resolves a sector name (slug, Chinese or English name).
pub fn sector(name: &str) -> Result<&'static str, FilterError> {
    let t = name.trim();
    sectors::sector_by_name(t)
        .map(|s| s.slug)
        .ok_or_else(|| FilterError::Sector {
            name: t.to_string(),
            suggestion: sector_hint(t),
        })
}

/// A value of an open-ended facet (an outlet, a topic) that some article has, and the names
/// it goes by (an outlet's Chinese and English names).
#[derive(Debug, Clone)]
pub struct Known {
    pub value: String,
    pub names: Vec<String>,
}

/// Most values a name that is part of several is taken for.
const MAX_TAKEN: usize = 4;

/// The values a name of an open-ended facet means when it is no article's name as written:
/// those with a name that holds it (`Xinhua` → 新华网 (Xinhuanet) and 新华日报 (Xinhua
/// Daily); `新华` the same), when there are at most four. More is an error that lists some;
/// none is an error that suggests the closest names.
pub fn open_value(
    facet: &'static str,
    name: &str,
    known: &[Known],
) -> Result<Vec<String>, FilterError> {
    let key = fold(name);
    let names = |k: &Known| -> Vec<String> {
        std::iter::once(&k.value)
            .chain(&k.names)
            .map(|n| fold(n))
            .filter(|n| !n.is_empty())
            .collect()
    };
    let holding: Vec<&Known> = known
        .iter()
        .filter(|k| !key.is_empty() && names(k).iter().any(|n| n.contains(&key)))
        .collect();
    let quoted = |k: &&Known| format!("'{}'", k.value);
    match holding.len() {
        0 => {
            let mut close: Vec<(f64, &Known)> = known
                .iter()
                .map(|k| {
                    let best = names(k)
                        .iter()
                        .map(|n| strsim::normalized_damerau_levenshtein(&key, n))
                        .fold(0.0, f64::max);
                    (best, k)
                })
                .filter(|(score, _)| *score >= 0.5)
                .collect();
            close.sort_by(|a, b| b.0.total_cmp(&a.0));
            let shown: Vec<String> = close.iter().take(3).map(|(_, k)| quoted(k)).collect();
            Err(FilterError::Open {
                facet,
                name: name.trim().to_string(),
                suggestion: (!shown.is_empty()).then(|| shown.join(", ")),
            })
        }
        n if n > MAX_TAKEN => Err(FilterError::OpenTooMany {
            facet,
            name: name.trim().to_string(),
            count: n,
            shown: format!(
                "{} and {} more",
                holding
                    .iter()
                    .take(MAX_TAKEN)
                    .map(quoted)
                    .collect::<Vec<_>>()
                    .join(", "),
                n - MAX_TAKEN
            ),
        }),
        _ => Ok(holding.iter().map(|k| k.value.clone()).collect()),
    }
}

/// What a catalog knows of its open-ended facets: the outlets and topics its articles have.
#[derive(Debug, Clone, Default)]
pub struct OpenKnown {
    pub sources: Vec<Known>,
    pub topics: Vec<Known>,
}

/// Takes each outlet and topic of `filter` that is not a value as written (`is_exact` says
/// which are, given the facet and the value) for the values whose names hold it
/// ([`open_value`]), so that `source:Xinhua` in a query, `--source Xinhua` and the reader
/// agree. Returns a note for each value so taken.
pub fn take_open_values(
    filter: &mut Filter,
    known: &OpenKnown,
    is_exact: &dyn Fn(&'static str, &str) -> bool,
) -> Result<Vec<String>, FilterError> {
    let mut notes = Vec::new();
    let facets = [
        ("source", &mut filter.sources, &known.sources),
        ("topic", &mut filter.topics, &known.topics),
    ];
    for (facet, values, known) in facets {
        let mut out: Vec<String> = Vec::new();
        for v in values.iter() {
            let taken = if is_exact(facet, v) {
                vec![v.clone()]
            } else {
                let taken = open_value(facet, v, known)?;
                notes.push(format!("{facet} '{v}' taken as {}", taken.join(" or ")));
                taken
            };
            for t in taken {
                if !out.contains(&t) {
                    out.push(t);
                }
            }
        }
        *values = out;
    }
    Ok(notes)
}

/// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; `end` picks the last day of a month or year.
/// The year has four digits: `25` or `12025` is a mistake, not a year to filter by. The parts
/// may be separated by `/` or `.` instead of `-` (`2025/01/31`, as dates are often written in
/// Chinese text), one of them throughout: `2025-01/31` is a mistake.
pub fn date(text: &str, end: bool) -> Result<NaiveDate, FilterError> {
    let t = text.trim();
    let bad = || FilterError::Date(t.to_string());
    let mut separators: Vec<char> = t.chars().filter(|c| matches!(c, '-' | '/' | '.')).collect();
    separators.dedup();
    if separators.len() > 1 {
        return Err(bad());
    }
    let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
    let num = |i: usize| parts.get(i).and_then(|p| p.parse::<u32>().ok());
    let year = parts
        .first()
        .filter(|p| p.len() == 4 && p.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|p| p.parse::<i32>().ok())
        .ok_or_else(bad)?;
    let d = match parts.len() {
        1 if end => NaiveDate::from_ymd_opt(year, 12, 31),
        1 => NaiveDate::from_ymd_opt(year, 1, 1),
        2 => {
            let m = num(1).ok_or_else(bad)?;
            let first = NaiveDate::from_ymd_opt(year, m, 1);
            if end {
                first
                    .and_then(|f| f.checked_add_months(chrono::Months::new(1)))
                    .and_then(|n| n.pred_opt())
            } else {
                first
            }
        }
        3 => NaiveDate::from_ymd_opt(year, num(1).ok_or_else(bad)?, num(2).ok_or_else(bad)?),
        _ => None,
    };
    d.ok_or_else(bad)
}

/// Lower-case, no spaces or punctuation, simplified characters: how outlet and topic names
/// are compared.
pub fn fold(s: &str) -> String {
    to_simplified(s)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    /// Whether an article passes every facet.
    pub fn matches(&self, a: &Article) -> bool {
        let province_ok = self.provinces.is_empty()
            || self.provinces.iter().any(|p| {
                if *p == NATIONAL {
                    a.provinces.is_empty()
                } else {
                    a.provinces.iter().any(|q| q == p)
                }
            });
        let sector_ok = self.sectors.is_empty()
            || self
                .sectors
                .iter()
                .any(|s| a.sectors.iter().any(|t| t == s));
        let source_ok = self.sources.is_empty() || {
            let names: Vec<String> = [&a.source, &a.source_zh, &a.source_en]
                .into_iter()
                .flatten()
                .map(|s| fold(s))
                .collect();
            self.sources.iter().any(|s| names.contains(&fold(s)))
        };
        let topic_ok = self.topics.is_empty()
            || a.topic
                .as_deref()
                .is_some_and(|t| self.topics.iter().any(|q| fold(q) == fold(t)));
        province_ok && sector_ok && source_ok && topic_ok && self.date_ok(a.published)
    }

    fn date_ok(&self, published: Option<DateTime<FixedOffset>>) -> bool {
        if self.since.is_none() && self.until.is_none() {
            return true;
        }
        let Some(day) = published.map(|t| t.date_naive()) else {
            return false;
        };
        self.since.is_none_or(|s| day >= s) && self.until.is_none_or(|u| day <= u)
    }
}

/// Newest first, undated last; ties by title.
pub fn sort_newest_first(articles: &mut [Article]) {
    articles.sort_by(|a, b| {
        b.published
            .cmp(&a.published)
            .then_with(|| a.title.cmp(&b.title))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(date("2025-10-11", false).unwrap().to_string(), "2025-10-11");
        assert_eq!(date("2025-02", true).unwrap().to_string(), "2025-02-28");
        assert_eq!(date("2025", true).unwrap().to_string(), "2025-12-31");
        assert!(date("2025-13-01", false).is_err());
        assert!(date("yesterday", false).is_err());
        for not_a_year in ["25", "025", "12025", "+2025", "25-10-11"] {
            assert!(date(not_a_year, false).is_err(), "{not_a_year}");
        }
        // `/` or `.` for `-`, but one of them throughout.
        assert_eq!(date("2025/01/31", false).unwrap().to_string(), "2025-01-31");
        assert_eq!(date("2025.2", true).unwrap().to_string(), "2025-02-28");
        for mixed in ["2025-01/31", "2025/01.31", "2025.01-31"] {
            assert!(date(mixed, false).is_err(), "{mixed}");
        }
    }

    #[test]
    fn an_unknown_province_gets_the_closest_or_those_it_starts() {
        let message = |name: &str| province(name).map_err(|e| e.to_string());
        assert_eq!(message("山东省"), Ok("Shandong"));
        assert_eq!(
            message("Shandon"),
            Err("unknown province 'Shandon' (did you mean 'Shandong 山东'?)".to_string())
        );
        // Still being typed: every province it may become.
        assert_eq!(
            message("sh"),
            Err(
                "unknown province 'sh' (did you mean 'Shanxi 山西', 'Shanghai 上海', \
                 'Shandong 山东', 'Shaanxi 陕西'?)"
                    .to_string()
            )
        );
        let h = message("H");
        assert!(
            h.as_ref().is_err_and(|m| m.ends_with(" or 3 more?)")),
            "{h:?}"
        );
        assert_eq!(message("Xx"), Err("unknown province 'Xx'".to_string()));
    }

    #[test]
    fn a_name_being_typed_gets_the_provinces_it_starts_not_the_closest() {
        let hint = |name: &str| match province(name) {
            Err(FilterError::Province { suggestion, .. }) => suggestion.unwrap_or_default(),
            other => format!("{other:?}"),
        };
        for (typed, hinted) in [
            ("Shand", "'Shandong 山东'"),
            ("Shang", "'Shanghai 上海'"),
            ("Hei", "'Heilongjiang 黑龙江'"),
            ("Xin", "'Xinjiang 新疆'"),
            ("Jiang", "'Jiangsu 江苏', 'Jiangxi 江西'"),
            ("Guang", "'Guangdong 广东', 'Guangxi 广西'"),
            // A province's own name first: not Chongqing for its nickname 山城.
            ("山", "'Shanxi 山西', 'Shandong 山东'"),
            ("Nei", "'Inner Mongolia 内蒙古'"),
        ] {
            assert_eq!(hint(typed), hinted, "{typed}");
        }
    }

    #[test]
    fn a_sector_being_typed_gets_the_sectors_it_starts() {
        let hint = |name: &str| match sector(name) {
            Err(FilterError::Sector { suggestion, .. }) => suggestion.unwrap_or_default(),
            other => format!("{other:?}"),
        };
        assert_eq!(hint("smart"), "'smart-manufacturing'");
        assert_eq!(hint("新能"), "'new-energy-vehicles', 'new-energy'");
        assert_eq!(hint("new-energi-vehicles"), "'new-energy-vehicles'");
    }

    #[test]
    fn an_open_value_is_taken_for_the_values_that_hold_it() {
        let known: Vec<Known> = [
            ("新华网", "Xinhuanet"),
            ("新华日报", "Xinhua Daily"),
            ("中国日报", "China Daily"),
            ("光明日报", "Guangming Daily"),
            ("人民日报", "People's Daily"),
            ("四川日报", "Sichuan Daily"),
            ("36氪", ""),
        ]
        .iter()
        .map(|(zh, en)| Known {
            value: zh.to_string(),
            names: vec![en.to_string()],
        })
        .collect();
        let taken = |name: &str| open_value("source", name, &known).map_err(|e| e.to_string());
        let xinhua = Ok(vec!["新华网".to_string(), "新华日报".to_string()]);
        assert_eq!(taken("Xinhua"), xinhua);
        assert_eq!(taken("新华"), xinhua);
        assert_eq!(taken("china"), Ok(vec!["中国日报".to_string()]));
        assert_eq!(
            taken("日报"),
            Err(
                "source '日报' could be any of 5 in the corpus ('新华日报', '中国日报', \
                 '光明日报', '人民日报' and 1 more): give more of the name"
                    .to_string()
            )
        );
        assert_eq!(
            taken("Xinhau"),
            Err("no source 'Xinhau' in the corpus (did you mean '新华网'?)".to_string())
        );
        assert_eq!(
            taken("zzz"),
            Err("no source 'zzz' in the corpus".to_string())
        );
    }

    #[test]
    fn outlets_and_topics_as_written_are_kept_and_others_taken() {
        let known = OpenKnown {
            sources: ["新华网", "新华日报", "光明日报"]
                .map(|v| Known {
                    value: v.to_string(),
                    names: Vec::new(),
                })
                .to_vec(),
            topics: vec![Known {
                value: "产教融合".to_string(),
                names: Vec::new(),
            }],
        };
        let exact = |facet: &'static str, v: &str| facet == "source" && v == "光明日报";
        let mut f = Filter {
            sources: vec!["光明日报".into(), "新华".into(), "新华网".into()],
            topics: vec!["产教".into()],
            ..Filter::default()
        };
        let notes = take_open_values(&mut f, &known, &exact).unwrap();
        assert_eq!(f.sources, ["光明日报", "新华网", "新华日报"]);
        assert_eq!(f.topics, ["产教融合"]);
        assert_eq!(
            notes,
            [
                "source '新华' taken as 新华网 or 新华日报",
                "source '新华网' taken as 新华网",
                "topic '产教' taken as 产教融合"
            ]
        );
        let mut bad = Filter {
            topics: vec!["zzz".into()],
            ..Filter::default()
        };
        assert!(take_open_values(&mut bad, &known, &exact).is_err());
    }

    #[test]
    fn folding() {
        assert_eq!(fold("Ren Min Ri Bao"), "renminribao");
        assert_eq!(fold("產教融合"), "产教融合");
    }
}
