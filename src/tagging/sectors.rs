//! Industry sectors (SPEC §4): the 21 fixed sectors, lookup by name, and tagging an article
//! with the sectors it is about, most salient first.
//!
//! Keywords are data, in `assets/sectors.toml` (embedded, parsed once). Tagging runs one
//! Aho–Corasick pass over title and body together; see [`score_sectors`] for the salience
//! model.

mod data;
mod matcher;
mod names;

use std::sync::LazyLock;

use serde::Serialize;

use self::matcher::{Matcher, Prepared};
use self::names::Names;

/// One industry sector.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Sector {
    /// Fixed identifier (`smart-manufacturing`).
    pub slug: &'static str,
    /// Chinese name (`智能制造与装备`).
    pub zh: &'static str,
    /// English name (`Intelligent manufacturing, CNC, robots, industrial internet`).
    pub en: &'static str,
    /// English group name (`Advanced manufacturing`).
    pub group_en: &'static str,
    /// Chinese group name (`先进制造`).
    pub group_zh: &'static str,
}

/// Weight of a hit in the title, relative to one in the body.
const TITLE_WEIGHT: f32 = 3.0;
/// Weight of a hit in the lead (the first body line; see [`sections`]).
const LEAD_WEIGHT: f32 = 2.0;
/// Weight of hits in the rest of the body.
const BODY_WEIGHT: f32 = 1.0;
/// A sector is kept only with at least this score (one strong keyword mentioned once in the
/// body scores exactly 1).
const MIN_SCORE: f32 = 1.0;
/// … and at least this share of the best sector's score.
const MIN_SHARE: f32 = 0.2;
/// A lead shorter than this (in characters) takes in the next line too.
const LEAD_MIN_CHARS: usize = 40;
/// At most this many sectors per article.
const MAX_SECTORS: usize = 8;

struct Tables {
    sectors: Vec<Sector>,
    matcher: Option<Matcher>,
    names: Names,
    problems: Vec<String>,
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let data = data::load();
    let mut problems = data.problems.clone();
    let matcher = match Matcher::new(&data.keywords, &data.stops) {
        Ok(m) => Some(m),
        Err(e) => {
            problems.push(format!("cannot build the keyword automaton: {e}"));
            None
        }
    };
    let names = Names::new(&data, &mut problems);
    Tables {
        sectors: data.sectors,
        matcher,
        names,
        problems,
    }
});

/// Builds the keyword automaton now rather than in the first article tagged.
pub fn warm_up() {
    LazyLock::force(&TABLES);
}

/// The 21 sectors, in SPEC §4 order.
pub fn sectors() -> &'static [Sector] {
    &TABLES.sectors
}

/// Finds a sector by slug, Chinese or English name, or a common short name, in any case,
/// with traditional characters folded: `ai-big-data`, `AI-Big-Data`, `人工智能与大数据`,
/// `人工智能`, `人工智能與大數據`, `AI`, `物流`, `robots`.
pub fn sector_by_name(name: &str) -> Option<&'static Sector> {
    let t = &*TABLES;
    t.names.lookup(name).and_then(|i| t.sectors.get(i))
}

/// The sector whose name is closest to `name`, for a "did you mean" hint; `None` when
/// nothing is reasonably close.
pub fn suggest_sector(name: &str) -> Option<&'static Sector> {
    let t = &*TABLES;
    t.names.suggest(name).and_then(|i| t.sectors.get(i))
}

/// Slugs of the sectors an article is about, most salient first; `[]` when it names no
/// industry.
pub fn tag_sectors(title: &str, body: &str) -> Vec<&'static str> {
    let scores = score_sectors(title, body);
    let Some(&(_, top)) = scores.first() else {
        return Vec::new();
    };
    scores
        .into_iter()
        .filter(|&(_, s)| s >= MIN_SCORE && s >= MIN_SHARE * top)
        .take(MAX_SECTORS)
        .map(|(slug, _)| slug)
        .collect()
}

/// Salience score of every sector the article mentions at all, best first (ties: the sector
/// mentioned first). Exposed for tuning and for callers that want their own cut-off.
///
/// The model: each keyword hit weighs 1 (strong keyword) or 0.4 (weak). Per sector, the
/// weights are summed separately for the title, the lead (the first non-empty body line, or
/// the first two when the first is a short heading) and the rest of the body, and each sum `x` is damped as `log2(1 + x)`, so that one mention counts 1,
/// three count 2, seven count 3. The score is `3·title + 2·lead + 1·body`. [`tag_sectors`]
/// keeps sectors scoring at least 1 and at least 20% of the best, at most 8.
pub fn score_sectors(title: &str, body: &str) -> Vec<(&'static str, f32)> {
    let t = &*TABLES;
    let Some(matcher) = &t.matcher else {
        return Vec::new();
    };

    let prepared = Prepared::new(&join(title, body));
    let (title_end, lead) = sections(&prepared.original);

    let n = t.sectors.len();
    let mut sums = vec![[0f32; 3]; n];
    let mut first = vec![usize::MAX; n];
    for hit in matcher.hits(&prepared) {
        let part = part_of(hit.start, title_end, &lead) as usize;
        if let Some(s) = sums.get_mut(hit.sector) {
            s[part] += hit.weight;
        }
        if let Some(f) = first.get_mut(hit.sector) {
            *f = (*f).min(hit.start);
        }
    }
    let damp = |x: f32| (1.0 + x).log2();
    let mut scored: Vec<(usize, f32)> = sums
        .iter()
        .enumerate()
        .filter(|(_, s)| s.iter().any(|&x| x > 0.0))
        .map(|(i, s)| {
            (
                i,
                TITLE_WEIGHT * damp(s[0]) + LEAD_WEIGHT * damp(s[1]) + BODY_WEIGHT * damp(s[2]),
            )
        })
        .collect();
    scored.sort_by(|a, b| {
        b.1.total_cmp(&a.1).then_with(|| {
            let fa = first.get(a.0).copied().unwrap_or(usize::MAX);
            let fb = first.get(b.0).copied().unwrap_or(usize::MAX);
            fa.cmp(&fb)
        })
    });
    scored
        .into_iter()
        .filter_map(|(i, s)| t.sectors.get(i).map(|sec| (sec.slug, s)))
        .collect()
}

/// Where the title ends (the first `\n`) and the byte range of the lead: the first non-blank
/// body line, extended over the following lines while it is shorter than [`LEAD_MIN_CHARS`]
/// (a summary that opens with a heading such as `Group 1: Funding` leads with the heading and
/// its first bullet).
fn sections(text: &[u8]) -> (usize, std::ops::Range<usize>) {
    let title_end = text.iter().position(|&b| b == b'\n').unwrap_or(text.len());
    let mut lead: Option<std::ops::Range<usize>> = None;
    let mut chars = 0usize;
    let mut pos = title_end + 1;
    while pos < text.len() {
        let end = text[pos..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(text.len(), |e| pos + e);
        let line = std::str::from_utf8(&text[pos..end]).map_or("", str::trim);
        if !line.is_empty() {
            chars += line.chars().count();
            let start = lead.as_ref().map_or(pos, |r| r.start);
            lead = Some(start..end);
            if chars >= LEAD_MIN_CHARS {
                break;
            }
        }
        pos = end + 1;
    }
    (title_end, lead.unwrap_or(0..0))
}

/// Every keyword hit behind [`score_sectors`]: sector slug, the text matched, where it was
/// (`title`, `lead` or `body`) and its weight. For tuning the keyword lists.
#[doc(hidden)]
pub fn explain_sectors(title: &str, body: &str) -> Vec<(&'static str, String, &'static str, f32)> {
    let t = &*TABLES;
    let Some(matcher) = &t.matcher else {
        return Vec::new();
    };
    let text = join(title, body);
    let prepared = Prepared::new(&text);
    let (title_end, lead) = sections(&prepared.original);
    matcher
        .hits(&prepared)
        .into_iter()
        .filter_map(|h| {
            let slug = t.sectors.get(h.sector)?.slug;
            let word = String::from_utf8_lossy(prepared.original.get(h.start..h.end)?).into_owned();
            let part = ["title", "lead", "body"][part_of(h.start, title_end, &lead) as usize];
            Some((slug, word, part, h.weight))
        })
        .collect()
}

/// Which part of the text a byte offset is in: title, lead or the rest of the body.
#[derive(Clone, Copy)]
enum Part {
    Title = 0,
    Lead = 1,
    Body = 2,
}

fn part_of(offset: usize, title_end: usize, lead: &std::ops::Range<usize>) -> Part {
    if offset < title_end {
        Part::Title
    } else if lead.contains(&offset) {
        Part::Lead
    } else {
        Part::Body
    }
}

/// Title and body as one text, the title on the first line.
fn join(title: &str, body: &str) -> String {
    let mut text = String::with_capacity(title.len() + body.len() + 1);
    text.extend(
        title
            .chars()
            .map(|c| if c == '\n' || c == '\r' { ' ' } else { c }),
    );
    text.push('\n');
    text.push_str(body);
    text
}

/// Problems found in `assets/sectors.toml` (skipped entries, keyword clashes). Empty for a
/// healthy file; the tests keep it so.
#[doc(hidden)]
pub fn sector_data_problems() -> &'static [String] {
    &TABLES.problems
}
