//! The query syntax of SPEC §5, parsed into clauses and filters:
//!
//! - words are ANDed: `产教融合 Shandong`; Chinese needs no spaces;
//! - `"exact phrase"` (also `“…”`);
//! - `-word` or `-"phrase"` excludes, and so does a filter with `-` (`-province:四川`);
//! - `a OR b` (also `|`) matches either; OR binds tighter than AND: `x a OR b` = x AND (a OR b);
//! - `a AND b` is `a b`, and `a NOT b` is `a -b` (upper case only: `and`, `not` are words);
//! - `province:`, `sector:`, `source:`, `topic:` filters (values may be quoted; repeat a
//!   facet to OR its values, with or without `OR` between them; `OR` beside any other
//!   filter is an error);
//! - `after:DATE` (on or after the start of DATE) and `before:DATE` (before the start of
//!   DATE), also `since:`/`until:` (inclusive); DATE is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.

use chrono::NaiveDate;

use super::analyzer::pieces;
use crate::filter::{self, Filter};
use crate::text::fold_width;

/// One thing to look for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Atom {
    /// Unquoted text: every word in it must occur.
    Words(String),
    /// Quoted text: the words in this order, next to each other.
    Phrase(String),
}

impl Atom {
    /// Nothing was typed in it yet (`""`, or a quote just opened).
    pub fn is_blank(&self) -> bool {
        self.text().trim().is_empty()
    }

    /// It holds a word to search for: a letter, digit or Han character (punctuation, dashes
    /// and emoji are not, as the index analyzer leaves them out).
    pub fn is_searchable(&self) -> bool {
        !pieces(self.text()).is_empty()
    }

    /// What was written in it.
    pub fn text(&self) -> &str {
        match self {
            Atom::Words(t) | Atom::Phrase(t) => t,
        }
    }
}

/// A clause of the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clause {
    /// At least one of these atoms (one atom unless joined by OR).
    Any(Vec<Atom>),
    /// None of the words of this atom together.
    Not(Atom),
    /// Not what this filter of one facet value selects (`-province:四川`).
    NotFilter(Filter),
}

/// A parsed query: text clauses plus the filters written in it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    pub clauses: Vec<Clause>,
    pub filter: Filter,
}

impl Query {
    /// Whether it looks for words, not only filters and exclusions: only then are the
    /// results ranked by relevance (without words, every result ties and the newest come
    /// first).
    pub fn has_words(&self) -> bool {
        has_words_in(&self.clauses)
    }
}

/// Whether `clauses` look for words (see [`Query::has_words`]).
pub fn has_words_in(clauses: &[Clause]) -> bool {
    clauses.iter().any(|c| match c {
        Clause::Any(atoms) => !atoms.iter().all(Atom::is_blank),
        _ => false,
    })
}

/// Whether `input` looks for words (a query that does not parse looks for none).
pub fn has_words(input: &str) -> bool {
    parse(input).is_ok_and(|q| q.has_words())
}

/// A token of the query as the parser reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Lex {
    Atom {
        neg: bool,
        atom: Atom,
    },
    Or,
    Field {
        neg: bool,
        key: String,
        value: String,
    },
}

impl Lex {
    /// The token as it could be typed, for messages and for queries written back.
    pub(crate) fn shown(&self) -> String {
        let dash = |neg: bool| if neg { "-" } else { "" };
        match self {
            Lex::Or => "OR".to_string(),
            Lex::Atom {
                neg,
                atom: Atom::Words(t),
            } => format!("{}{t}", dash(*neg)),
            Lex::Atom {
                neg,
                atom: Atom::Phrase(t),
            } => format!("{}\"{t}\"", dash(*neg)),
            Lex::Field { neg, key, value } if value.contains(char::is_whitespace) => {
                format!("{}{key}:\"{value}\"", dash(*neg))
            }
            Lex::Field { neg, key, value } => format!("{}{key}:{value}", dash(*neg)),
        }
    }
}

const KEYS: &[&str] = &[
    "province", "sector", "source", "topic", "after", "before", "since", "until",
];

/// The fields written with no value (`after:` alone, `province：` at the end, `source:`
/// before another field): the reader takes them for a value still being typed and leaves
/// them out; a command names them.
pub fn fields_without_value(input: &str) -> Vec<String> {
    let mut empty = Vec::new();
    let _ = lex_noting(&fold_width(input), &mut empty);
    empty
}

/// The query's tokens as [`parse`] reads them (full-width forms as their ASCII ones, `NOT x`
/// as `-x`, `AND` left out), before filter values are resolved.
pub(crate) fn lexemes(input: &str) -> Result<Vec<Lex>, filter::FilterError> {
    lex(&fold_width(input))
}

/// The query's tokens with its field filters left out (and an `OR` that joined them):
/// `robtos province:西藏` → `robtos`; `None` when nothing else is left.
pub(crate) fn words_only(lexemes: Vec<Lex>) -> Option<Vec<Lex>> {
    let mut kept: Vec<Lex> = Vec::new();
    for lex in lexemes {
        match lex {
            Lex::Field { .. } => {
                if kept.last() == Some(&Lex::Or) {
                    kept.pop();
                }
            }
            Lex::Or if kept.last().is_none_or(|l| *l == Lex::Or) => {}
            other => kept.push(other),
        }
    }
    if kept.last() == Some(&Lex::Or) {
        kept.pop();
    }
    (!kept.is_empty()).then_some(kept)
}

/// Tokens written back as a query that [`parse`] reads as it read them.
pub(crate) fn written(lexemes: &[Lex]) -> String {
    let shown: Vec<String> = lexemes.iter().map(Lex::shown).collect();
    shown.join(" ")
}

fn is_open_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '「' | '『')
}

fn closing(c: char) -> &'static [char] {
    match c {
        '「' => &['」'],
        '『' => &['』'],
        _ => &['"', '”', '“'],
    }
}

/// Reads a quoted string starting after the opening quote; returns it and the rest.
fn quoted(s: &str, open: char) -> (&str, &str) {
    match s.find(closing(open)) {
        Some(i) => {
            let close_len = s[i..].chars().next().map(char::len_utf8).unwrap_or(1);
            (&s[..i], &s[i + close_len..])
        }
        None => (s, ""),
    }
}

fn lex(input: &str) -> Result<Vec<Lex>, filter::FilterError> {
    lex_noting(input, &mut Vec::new())
}

/// The value of a field written after a space (`province: 山东`, `source: "China Daily"`),
/// taken from the start of `rest`; empty, and nothing taken, when what follows is no value
/// (the end, another field, an exclusion, `OR`).
fn value_after_space(rest: &mut &str) -> String {
    let after = rest.trim_start();
    let Some(first) = after.chars().next() else {
        return String::new();
    };
    if is_open_quote(first) {
        let (text, r) = quoted(&after[first.len_utf8()..], first);
        *rest = r;
        return text.to_string();
    }
    let end = after
        .find(|c: char| c.is_whitespace() || is_open_quote(c))
        .unwrap_or(after.len());
    let word = &after[..end];
    let field = word
        .split_once([':', '：'])
        .is_some_and(|(k, _)| KEYS.contains(&k.to_lowercase().as_str()));
    if field || word.starts_with(['-', '−']) || matches!(word, "OR" | "AND" | "NOT" | "|" | "或")
    {
        return String::new();
    }
    *rest = &after[end..];
    word.to_string()
}

/// [`lex`], noting in `empty` the fields written with no value (`after:`).
fn lex_noting(input: &str, empty: &mut Vec<String>) -> Result<Vec<Lex>, filter::FilterError> {
    let mut out = Vec::new();
    let mut rest = input;
    // The token before was `NOT`: this one is excluded.
    let mut not_next = false;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace());
        let Some(first) = rest.chars().next() else {
            break;
        };
        let mut neg = std::mem::take(&mut not_next);
        if (first == '-' || first == '−') && rest.len() > first.len_utf8() {
            let after = &rest[first.len_utf8()..];
            if after.chars().next().is_some_and(|c| !c.is_whitespace()) {
                neg = true;
                rest = after;
            }
        }
        let Some(c) = rest.chars().next() else { break };
        if is_open_quote(c) {
            let (text, r) = quoted(&rest[c.len_utf8()..], c);
            rest = r;
            out.push(Lex::Atom {
                neg,
                atom: Atom::Phrase(text.to_string()),
            });
            continue;
        }
        let end = rest
            .find(|c: char| c.is_whitespace() || is_open_quote(c))
            .unwrap_or(rest.len());
        let mut word = &rest[..end];
        rest = &rest[end..];
        if !neg && (word == "OR" || word == "|" || word == "或") {
            out.push(Lex::Or);
            continue;
        }
        // `AND` is what a space already says; `NOT x` is `-x`. Alone, each is the word; a
        // trailing one waits for what follows it.
        if !neg && (word == "AND" || word == "NOT") {
            let more = !rest.trim_start().is_empty();
            if word == "NOT" && more {
                not_next = true;
                continue;
            }
            if !out.is_empty() {
                continue;
            }
            if word == "AND" && more {
                continue;
            }
        }
        if let Some((k, v)) = word.split_once([':', '：']) {
            let key = k.to_lowercase();
            let has_value = !v.is_empty() || rest.chars().next().is_some_and(is_open_quote);
            if has_value && let Some(known) = meant_key(&key) {
                return Err(filter::FilterError::Field {
                    name: k.to_string(),
                    suggestion: known.to_string(),
                });
            }
            if KEYS.contains(&key.as_str()) {
                let value = if v.is_empty() {
                    // `source:"China Daily"`: the value is the quoted string that follows,
                    // or, after a space, the next word or quoted string.
                    value_after_space(&mut rest)
                } else {
                    v.to_string()
                };
                if v.is_empty() && value.is_empty() {
                    empty.push(format!("{k}:"));
                }
                if !value.trim().is_empty() {
                    out.push(Lex::Field {
                        neg,
                        key,
                        value: value.trim().to_string(),
                    });
                }
                continue;
            }
        }
        // A trailing closing quote glued to a word is not part of it.
        word = word.trim_end_matches(['"', '”']);
        if !word.is_empty() {
            out.push(Lex::Atom {
                neg,
                atom: Atom::Words(word.to_string()),
            });
        }
    }
    Ok(out)
}

/// The Chinese names a field may be given by mistake (the query's fields have English names
/// only, as in SPEC §5), and the field each means.
const CHINESE_KEYS: &[(&str, &str)] = &[
    ("省", "province"),
    ("省份", "province"),
    ("地区", "province"),
    ("行业", "sector"),
    ("产业", "sector"),
    ("领域", "sector"),
    ("来源", "source"),
    ("媒体", "source"),
    ("主题", "topic"),
    ("话题", "topic"),
];

/// The field a name before a colon was meant to be, when it is none but close to one: one
/// letter off with the first letter right (`provnce`, `secter`, `topics`), or a Chinese name
/// of one (`省份`). Other text with a colon (`10:30`, `http://…`, `Viewpoint:`) is not.
fn meant_key(name: &str) -> Option<&'static str> {
    if KEYS.contains(&name) {
        return None;
    }
    if let Some((_, key)) = CHINESE_KEYS.iter().find(|(zh, _)| *zh == name) {
        return Some(key);
    }
    if name.chars().count() < 4 || !name.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    KEYS.iter().copied().find(|k| {
        k.chars().next() == name.chars().next() && strsim::damerau_levenshtein(k, name) <= 1
    })
}

/// Parses a query string; filter values are resolved (an unknown province or sector, or a
/// bad date, is an error that names it).
pub fn parse(input: &str) -> Result<Query, filter::FilterError> {
    let mut q = Query::default();
    let mut pending_or = false;
    // Full-width forms are their ASCII ones: `－学院` excludes, `ＡＩ` is `AI`.
    let lexed = lex(&fold_width(input))?;
    for (i, l) in lexed.iter().enumerate() {
        let before = i.checked_sub(1).and_then(|b| lexed.get(b));
        match l.clone() {
            Lex::Or => {
                check_or(before, lexed.get(i + 1))?;
                if before.is_none() {
                    // With nothing before it to join, `OR` is the word.
                    q.clauses
                        .push(Clause::Any(vec![Atom::Words("OR".to_string())]));
                } else {
                    pending_or = true;
                }
            }
            Lex::Atom { neg: true, atom } => {
                q.clauses.push(Clause::Not(atom));
                pending_or = false;
            }
            Lex::Atom { neg: false, atom } => {
                match (pending_or, q.clauses.last_mut()) {
                    (true, Some(Clause::Any(group))) => group.push(atom),
                    _ => q.clauses.push(Clause::Any(vec![atom])),
                }
                pending_or = false;
            }
            Lex::Field { neg, key, value } => {
                // `province:四川 OR province:广东`: values of one facet are ORed anyway.
                pending_or = false;
                if let Some(bound) = date_bound(&key, &value, neg)? {
                    let f = &mut q.filter;
                    match bound {
                        Bound::Since(d) => f.since = Some(f.since.map_or(d, |s| s.max(d))),
                        Bound::Until(d) => f.until = Some(f.until.map_or(d, |u| u.min(d))),
                    }
                } else if neg {
                    let mut f = Filter::default();
                    add_facet(&mut f, &key, value)?;
                    if f != Filter::default() {
                        q.clauses.push(Clause::NotFilter(f));
                    }
                } else {
                    add_facet(&mut q.filter, &key, value)?;
                }
            }
        }
    }
    leave_out_unsearchable(&mut q.clauses);
    Ok(q)
}

/// `OR` joins words, or values of one facet (`province:四川 OR province:广东`, which the
/// filter ORs anyway). Next to any other filter it would have to join a filter to words or to
/// another facet, which the query cannot say: an error, rather than searching for the word
/// "or" or quietly requiring both. A trailing `OR` waits for its other side.
fn check_or(before: Option<&Lex>, after: Option<&Lex>) -> Result<(), filter::FilterError> {
    let Some(after) = after else {
        return Ok(());
    };
    let one_facet = match (before, after) {
        (
            Some(Lex::Field {
                neg: false, key: a, ..
            }),
            Lex::Field {
                neg: false, key: b, ..
            },
        ) => a == b && !is_date_key(a),
        _ => false,
    };
    let filter_beside =
        matches!(before, Some(Lex::Field { .. })) || matches!(after, Lex::Field { .. });
    if filter_beside && !one_facet {
        let before = before
            .map(|b| format!("{} ", b.shown()))
            .unwrap_or_default();
        return Err(filter::FilterError::Or(format!(
            "{before}OR {}",
            after.shown()
        )));
    }
    Ok(())
}

fn is_date_key(key: &str) -> bool {
    matches!(key, "after" | "before" | "since" | "until")
}

/// Leaves out the text with nothing to search for in it (`-`, `。`, `🚀`) when the query
/// has a word to search for besides: a stray dash or full stop does not empty the results.
/// Text made only of such atoms is kept, and matches nothing (`search 🚀` is not the whole
/// corpus). An exclusion of nothing searchable excludes nothing.
fn leave_out_unsearchable(clauses: &mut Vec<Clause>) {
    let has_word = clauses.iter().any(|c| match c {
        Clause::Any(atoms) => atoms.iter().any(Atom::is_searchable),
        _ => false,
    });
    clauses.retain_mut(|c| match c {
        Clause::Any(atoms) if has_word => {
            atoms.retain(Atom::is_searchable);
            !atoms.is_empty()
        }
        Clause::Not(atom) => atom.is_searchable(),
        _ => true,
    });
}

/// The first or last day a date filter lets through.
enum Bound {
    Since(NaiveDate),
    Until(NaiveDate),
}

/// The bound a date filter sets: `after:`/`since:` from the start of the date, `before:`
/// up to the day before it, `until:` to its end. With a dash the bound turns round: not
/// after June is before it. `None` when `key` is not a date filter.
fn date_bound(key: &str, value: &str, neg: bool) -> Result<Option<Bound>, filter::FilterError> {
    let day_before = |d: NaiveDate| d.pred_opt().unwrap_or(d);
    let day_after = |d: NaiveDate| d.succ_opt().unwrap_or(d);
    Ok(Some(match (key, neg) {
        ("after" | "since", false) => Bound::Since(filter::date(value, false)?),
        ("after" | "since", true) => Bound::Until(day_before(filter::date(value, false)?)),
        ("before", false) => Bound::Until(day_before(filter::date(value, false)?)),
        ("before", true) => Bound::Since(filter::date(value, false)?),
        ("until", false) => Bound::Until(filter::date(value, true)?),
        ("until", true) => Bound::Since(day_after(filter::date(value, true)?)),
        _ => return Ok(None),
    }))
}

/// Adds the value of a facet filter (`province:`, `sector:`, `source:`, `topic:`) to `f`.
fn add_facet(f: &mut Filter, key: &str, value: String) -> Result<(), filter::FilterError> {
    match key {
        "province" => f.provinces.push(filter::province(&value)?),
        "sector" => f.sectors.push(filter::sector(&value)?),
        "source" => f.sources.push(value),
        "topic" => f.topics.push(value),
        _ => {}
    }
    Ok(())
}

/// Combines two filters: values of one facet are ORed, date bounds narrowed.
pub fn merge(a: &Filter, b: &Filter) -> Filter {
    let mut f = a.clone();
    for p in &b.provinces {
        if !f.provinces.contains(p) {
            f.provinces.push(p);
        }
    }
    for s in &b.sectors {
        if !f.sectors.contains(s) {
            f.sectors.push(s);
        }
    }
    f.sources.extend(b.sources.iter().cloned());
    f.topics.extend(b.topics.iter().cloned());
    f.since = match (a.since, b.since) {
        (Some(x), Some(y)) => Some(x.max(y)),
        (x, y) => x.or(y),
    };
    f.until = match (a.until, b.until) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    };
    f
}

/// When the date bounds of a (merged) filter leave no day between them, says so in one
/// line: no article could match, which is a mistake in the query, not an empty answer.
pub fn no_day_between(f: &Filter) -> Option<String> {
    match (f.since, f.until) {
        (Some(since), Some(until)) if since > until => Some(format!(
            "the dates leave no day between them (from {since} up to {until}): no article could match"
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Atom {
        Atom::Words(s.to_string())
    }

    #[test]
    fn fields_left_without_a_value_are_named() {
        assert_eq!(fields_without_value("产教融合 after:"), ["after:"]);
        assert_eq!(
            fields_without_value("Province： -x source: after:2025"),
            ["Province:", "source:"]
        );
        assert!(fields_without_value("after:2025 source:\"China Daily\" 10: url:").is_empty());
        assert!(fields_without_value("province: 山东 source: \"China Daily\"").is_empty());
    }

    #[test]
    fn a_value_may_follow_its_field_after_a_space() {
        let q = parse("province： 山东 source: \"China Daily\" after: 2025-06 无人机").unwrap();
        assert_eq!(q.filter.provinces, ["Shandong"]);
        assert_eq!(q.filter.sources, ["China Daily"]);
        assert_eq!(q.filter.since, NaiveDate::from_ymd_opt(2025, 6, 1));
        assert_eq!(q.clauses, [Clause::Any(vec![words("无人机")])]);
        // What follows is no value: another field, an exclusion, OR.
        let q = parse("source: province:山东 topic: -无人机").unwrap();
        assert_eq!(q.filter.provinces, ["Shandong"]);
        assert!(q.filter.sources.is_empty() && q.filter.topics.is_empty());
        assert_eq!(q.clauses, [Clause::Not(words("无人机"))]);
    }

    #[test]
    fn words_phrases_exclusion_or() {
        let q = parse(r#"产教融合 "skilled workers" -robot a OR b"#).unwrap_or_default();
        assert_eq!(
            q.clauses,
            vec![
                Clause::Any(vec![words("产教融合")]),
                Clause::Any(vec![Atom::Phrase("skilled workers".into())]),
                Clause::Not(words("robot")),
                Clause::Any(vec![words("a"), words("b")]),
            ]
        );
    }

    #[test]
    fn full_width_quotes_and_negated_phrase() {
        let q = parse("“职业教育” -\"low altitude\"").unwrap_or_default();
        assert_eq!(
            q.clauses,
            vec![
                Clause::Any(vec![Atom::Phrase("职业教育".into())]),
                Clause::Not(Atom::Phrase("low altitude".into())),
            ]
        );
    }

    #[test]
    fn full_width_forms_are_their_ascii_ones() {
        let q = parse("学院\u{3000}－专业 ＯＲ ５Ｇ").unwrap_or_default();
        assert_eq!(
            q.clauses,
            vec![
                Clause::Any(vec![words("学院")]),
                Clause::Not(words("专业")),
                Clause::Any(vec![words("5G")]),
            ]
        );
        let q = parse("－＂skilled workers＂").unwrap_or_default();
        assert_eq!(
            q.clauses,
            vec![Clause::Not(Atom::Phrase("skilled workers".into()))]
        );
    }

    #[test]
    fn and_is_the_space_between_words_and_not_excludes() {
        let clauses = |s: &str| parse(s).map(|q| q.clauses).unwrap_or_default();
        assert_eq!(clauses("咖啡 AND 加工"), clauses("咖啡 加工"));
        assert_eq!(clauses("无人机 NOT 深圳"), clauses("无人机 -深圳"));
        assert_eq!(
            clauses("NOT \"low altitude\" drones"),
            clauses("-\"low altitude\" drones")
        );
        assert_eq!(
            clauses("无人机 NOT province:四川"),
            clauses("无人机 -province:四川")
        );
        // Lower case, they are words, and so is either alone; a trailing one waits.
        assert_eq!(
            clauses("coffee and tea not milk"),
            ["coffee", "and", "tea", "not", "milk"].map(|w| Clause::Any(vec![words(w)]))
        );
        assert_eq!(clauses("AND"), vec![Clause::Any(vec![words("AND")])]);
        assert_eq!(clauses("NOT"), vec![Clause::Any(vec![words("NOT")])]);
        assert_eq!(clauses("咖啡 NOT"), clauses("咖啡"));
        assert_eq!(clauses("咖啡 AND"), clauses("咖啡"));
        assert_eq!(clauses("AND 咖啡"), clauses("咖啡"));
    }

    #[test]
    fn dates() {
        let q = parse("after:2025-10 before:2025-12-01").unwrap_or_default();
        assert_eq!(
            q.filter.since.map(|d| d.to_string()).as_deref(),
            Some("2025-10-01")
        );
        assert_eq!(
            q.filter.until.map(|d| d.to_string()).as_deref(),
            Some("2025-11-30")
        );
        assert!(q.clauses.is_empty());
        assert!(parse("after:yesterday").is_err());
    }

    #[test]
    fn source_and_topic_values_may_be_quoted() {
        let q = parse(r#"source:"China Daily" topic:产教融合 x"#).unwrap_or_default();
        assert_eq!(q.filter.sources, vec!["China Daily".to_string()]);
        assert_eq!(q.filter.topics, vec!["产教融合".to_string()]);
        assert_eq!(q.clauses, vec![Clause::Any(vec![words("x")])]);
    }

    #[test]
    fn a_filter_with_a_dash_excludes() {
        let q = parse("无人机 -province:四川 -source:\"China Daily\" -after:2025-06").unwrap();
        assert_eq!(q.clauses.len(), 3);
        assert_eq!(
            q.clauses[1],
            Clause::NotFilter(Filter {
                provinces: vec!["Sichuan"],
                ..Filter::default()
            })
        );
        assert_eq!(
            q.clauses[2],
            Clause::NotFilter(Filter {
                sources: vec!["China Daily".to_string()],
                ..Filter::default()
            })
        );
        // Not after June is before it.
        assert_eq!(
            q.filter.until.map(|d| d.to_string()).as_deref(),
            Some("2025-05-31")
        );
        assert!(q.filter.provinces.is_empty());
        let q = parse("-until:2025 -before:2024-03").unwrap();
        assert_eq!(
            q.filter.since.map(|d| d.to_string()).as_deref(),
            Some("2026-01-01")
        );
        assert!(parse("-province:Sichuwan").is_err());
    }

    #[test]
    fn or_with_nothing_before_it_is_a_word() {
        let q = parse("OR").unwrap();
        assert_eq!(q.clauses, vec![Clause::Any(vec![words("OR")])]);
        // Typed on the way to `a OR b`, a trailing OR waits for its other side.
        let q = parse("a OR").unwrap();
        assert_eq!(q.clauses, vec![Clause::Any(vec![words("a")])]);
    }

    #[test]
    fn text_with_nothing_to_search_for_is_left_out_beside_words() {
        let clauses = |s: &str| parse(s).map(|q| q.clauses).unwrap_or_default();
        let drone_pilot = vec![
            Clause::Any(vec![words("drone")]),
            Clause::Any(vec![words("pilot")]),
        ];
        for q in [
            "drone - pilot",
            "drone – pilot",
            "drone — pilot 。",
            "drone pilot -",
            "drone 🚀 pilot …",
            "drone pilot -。",
            "drone 、 OR pilot",
        ] {
            assert_eq!(clauses(q), drone_pilot, "{q}");
        }
        assert_eq!(
            clauses("\"drone pilot\"."),
            vec![Clause::Any(vec![Atom::Phrase("drone pilot".into())])]
        );
        assert_eq!(
            clauses("无人机 。"),
            vec![Clause::Any(vec![words("无人机")])]
        );
        // Only such text: kept, so that it matches nothing rather than everything.
        assert_eq!(clauses("🚀"), vec![Clause::Any(vec![words("🚀")])]);
        assert_eq!(
            clauses("-无人机 🚀"),
            vec![Clause::Not(words("无人机")), Clause::Any(vec![words("🚀")])]
        );
    }

    #[test]
    fn or_beside_a_filter_is_never_the_word() {
        // Values of one facet: ORed, as they are without it.
        let q = parse("province:四川 OR province:广东 | province:山东").unwrap();
        assert_eq!(q.filter.provinces, vec!["Sichuan", "Guangdong", "Shandong"]);
        assert!(q.clauses.is_empty());
        let q = parse("无人机 source:新华网 OR source:\"China Daily\"").unwrap();
        assert_eq!(q.clauses, vec![Clause::Any(vec![words("无人机")])]);
        assert_eq!(q.filter.sources.len(), 2);
        // Waiting for its other side.
        let q = parse("province:四川 OR").unwrap();
        assert!(q.clauses.is_empty());
        // Anything else beside a filter cannot be said: an error that shows what was joined.
        let message = |s: &str| parse(s).map(|_| ()).map_err(|e| e.to_string());
        for (query, joined) in [
            ("无人机 OR province:广东", "'无人机 OR province:广东'"),
            ("province:广东 OR 无人机", "'province:广东 OR 无人机'"),
            (
                "province:四川 OR sector:ai-big-data",
                "'province:四川 OR sector:ai-big-data'",
            ),
            (
                "-province:四川 OR province:广东",
                "'-province:四川 OR province:广东'",
            ),
            ("after:2025 OR after:2024", "'after:2025 OR after:2024'"),
            ("OR source:\"China Daily\"", "'OR source:\"China Daily\"'"),
        ] {
            let m = message(query);
            assert!(
                m.as_ref()
                    .is_err_and(|m| m.starts_with(&format!("cannot search {joined}"))),
                "{query}: {m:?}"
            );
        }
    }

    #[test]
    fn a_field_name_close_to_a_known_one_is_an_error_that_names_it() {
        let message = |s: &str| parse(s).map(|q| q.clauses).map_err(|e| e.to_string());
        for (query, name, meant) in [
            ("provnce:广东", "provnce", "province"),
            ("无人机 -Provnce:广东", "Provnce", "province"),
            ("secter:ai-big-data", "secter", "sector"),
            ("topics:产教融合", "topics", "topic"),
            ("souce:\"China Daily\"", "souce", "source"),
            ("afetr:2025", "afetr", "after"),
            ("省份:广东", "省份", "province"),
            ("行业\u{ff1a}ai", "行业", "sector"),
        ] {
            assert_eq!(
                message(query),
                Err(format!("unknown field '{name}' (did you mean '{meant}'?)")),
                "{query}"
            );
        }
        // Other text with a colon stays text.
        for text in [
            "10:30",
            "https://example.cn/a",
            "Viewpoint:",
            "vector:x",
            "doctor:x",
            "note:x",
            "记者:某某",
            "provnce:",
        ] {
            assert_eq!(
                message(text),
                Ok(vec![Clause::Any(vec![words(text)])]),
                "{text}"
            );
        }
        // A full-width colon works as the ASCII one does.
        let q = parse("province\u{ff1a}广东").unwrap();
        assert_eq!(q.filter.provinces, vec!["Guangdong"]);
    }

    #[test]
    fn unknown_keys_are_words() {
        let q = parse("http://x.cn").unwrap_or_default();
        assert_eq!(q.clauses, vec![Clause::Any(vec![words("http://x.cn")])]);
    }
}
