//! Where the query's words occur in a text, and a short excerpt around them. Byte ranges,
//! always on character boundaries; works on the original text (traditional characters,
//! upper case) by matching on a folded copy.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::analyzer::{WordNormalizer, pieces};
use super::segment::QueryTerm;
use crate::text::to_simplified;

/// The terms a search matched on, for highlighting. Han text is found as substrings of the
/// simplified text, other words by their stem.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HitTerms {
    /// For each word or phrase of the query, its readings, each the Han text it looks for
    /// (see [`HitTerms::add`]); [`hit_ranges`] marks the reading a text holds best.
    pub readings: Vec<Vec<Vec<String>>>,
    pub stems: Vec<String>,
}

impl HitTerms {
    pub fn is_empty(&self) -> bool {
        self.readings.iter().flatten().all(|r| r.is_empty()) && self.stems.is_empty()
    }

    /// Adds the readings of one word or phrase of the query. Each reading is kept twice:
    /// with the pieces that must stand side by side joined, and with every run of pieces
    /// typed side by side joined, which is marked instead where the text holds it so
    /// (`学生企业` searched as `学生` and `企业` anywhere).
    pub(crate) fn add(&mut self, readings: &[Vec<QueryTerm>]) {
        let mut strings: Vec<Vec<String>> = Vec::with_capacity(2 * readings.len());
        for terms in readings {
            for typed in [false, true] {
                let reading = self.strings(terms, typed);
                if !reading.is_empty() && !strings.contains(&reading) {
                    strings.push(reading);
                }
            }
        }
        if !strings.is_empty() {
            self.readings.push(strings);
        }
    }

    /// The Han strings of one reading (`typed`: every run of pieces side by side in the
    /// query is one string; otherwise only pieces that must stand so). Other words go to
    /// `stems`.
    fn strings(&mut self, terms: &[QueryTerm], typed: bool) -> Vec<String> {
        let mut reading: Vec<String> = Vec::new();
        let mut end = None;
        for t in terms {
            if !t.han {
                if !self.stems.contains(&t.text) {
                    self.stems.push(t.text.clone());
                }
                end = None;
                continue;
            }
            match reading.last_mut() {
                Some(last) if (typed || t.joined) && end == Some(t.position) => {
                    last.push_str(&t.text)
                }
                _ => reading.push(t.text.clone()),
            }
            end = Some(t.position + t.text.chars().count());
        }
        reading
    }
}

/// Byte ranges of the hits in `text`, sorted, merged where they overlap.
///
/// For each word or phrase of the query, the reading that accounts for most of it in `text`
/// (the fewest strings when several do as well) is marked: with `非遗工` read both as
/// `非遗` and `工` anywhere and as the three characters side by side, an article holding
/// `非遗工坊` gets `非遗工` marked, not every `工` it holds.
pub fn hit_ranges(text: &str, terms: &HitTerms) -> Vec<Range<usize>> {
    if terms.is_empty() || text.is_empty() {
        return Vec::new();
    }
    let folded = to_simplified(text);
    // Folding maps characters one to one; their byte lengths may differ.
    let map: Option<Vec<usize>> = (folded.len() != text.len()).then(|| {
        let mut m = vec![0usize; folded.len() + 1];
        let mut orig = text
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(text.len()));
        for (fi, _) in folded.char_indices() {
            m[fi] = orig.next().unwrap_or(text.len());
        }
        m[folded.len()] = text.len();
        m
    });
    let to_orig = |i: usize| {
        map.as_ref()
            .map_or(i, |m| m.get(i).copied().unwrap_or(text.len()))
    };
    let mut out: Vec<Range<usize>> = Vec::new();
    for readings in &terms.readings {
        for s in marked_strings(&folded, readings) {
            for (i, m) in folded.match_indices(s) {
                out.push(to_orig(i)..to_orig(i + m.len()));
            }
        }
    }
    if !terms.stems.is_empty() {
        let mut norm = WordNormalizer::default();
        for p in pieces(&folded) {
            if !p.han && terms.stems.iter().any(|s| *s == norm.normalize(p.text)) {
                out.push(to_orig(p.start)..to_orig(p.start + p.text.len()));
            }
        }
    }
    out.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(out.len());
    for r in out {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// The strings of `readings` to mark in `folded`: those present of the readings whose
/// present strings cover the most characters, with the fewest strings among them.
fn marked_strings<'a>(folded: &str, readings: &'a [Vec<String>]) -> Vec<&'a str> {
    let score = |reading: &[String]| {
        let covered: usize = reading
            .iter()
            .filter(|s| !s.is_empty() && folded.contains(s.as_str()))
            .map(|s| s.chars().count())
            .sum();
        (covered, std::cmp::Reverse(reading.len()))
    };
    let Some(best) = readings.iter().map(|r| score(r)).max() else {
        return Vec::new();
    };
    if best.0 == 0 {
        return Vec::new();
    }
    let mut out: Vec<&str> = Vec::new();
    for r in readings.iter().filter(|r| score(r) == best) {
        for s in r {
            if !s.is_empty() && folded.contains(s.as_str()) && !out.contains(&s.as_str()) {
                out.push(s);
            }
        }
    }
    out
}

/// An excerpt of about `max_chars` characters around the densest cluster of hits (the start
/// of the text when there is none), on one line, with `…` where it was cut; and the hit
/// ranges within the excerpt.
pub fn snippet(text: &str, hits: &[Range<usize>], max_chars: usize) -> (String, Vec<Range<usize>>) {
    let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    let nchars = starts.len();
    let char_of = |byte: usize| starts.partition_point(|&s| s < byte);
    let byte_of = |ch: usize| starts.get(ch).copied().unwrap_or(text.len());
    // Pick the window start (in chars) that covers the most hits.
    let lead = max_chars / 6;
    let mut from = 0usize;
    let mut best = 0usize;
    for h in hits {
        let s = char_of(h.start).saturating_sub(lead);
        let e = byte_of(s + max_chars);
        let covered = hits
            .iter()
            .filter(|r| r.start >= byte_of(s) && r.end <= e)
            .count();
        if covered > best {
            best = covered;
            from = s;
        }
    }
    // Don't leave the window short at the end of the text.
    if from + max_chars > nchars {
        from = nchars.saturating_sub(max_chars);
    }
    let to = (from + max_chars).min(nchars);
    let (b0, b1) = (byte_of(from), byte_of(to));
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    let shift = out.len();
    out.extend(text[b0..b1].chars().map(|c| {
        if c == '\n' || c == '\r' || c == '\t' {
            ' '
        } else {
            c
        }
    }));
    if to < nchars {
        out.push('…');
    }
    let ranges = hits
        .iter()
        .filter(|r| r.start >= b0 && r.end <= b1)
        .map(|r| (r.start - b0 + shift)..(r.end - b0 + shift))
        .collect();
    (out, ranges)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words searched anywhere: one reading each.
    fn terms(han: &[&str], stems: &[&str]) -> HitTerms {
        HitTerms {
            readings: han.iter().map(|s| vec![vec![s.to_string()]]).collect(),
            stems: stems.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn finds_traditional_and_stemmed_hits() {
        let text = "深化產教融合, Skilled WORKERS trained";
        let r = hit_ranges(text, &terms(&["产教融合"], &["worker", "train"]));
        let got: Vec<&str> = r.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(got, ["產教融合", "WORKERS", "trained"]);
    }

    #[test]
    fn snippet_ranges_point_at_hits_on_char_boundaries() {
        let body = format!("{}产教融合{}", "前".repeat(300), "后".repeat(300));
        let hits = hit_ranges(&body, &terms(&["产教融合"], &[]));
        let (s, r) = snippet(&body, &hits, 60);
        assert!(s.starts_with('…') && s.ends_with('…'));
        assert_eq!(r.len(), 1);
        assert_eq!(&s[r[0].clone()], "产教融合");
        assert!(s.chars().count() <= 62);
    }

    fn term(text: &str, position: usize, joined: bool) -> QueryTerm {
        QueryTerm {
            text: text.to_string(),
            position,
            han: !text.is_ascii(),
            lookup: crate::index::segment::Lookup::Word,
            joined,
        }
    }

    fn marked<'a>(text: &'a str, terms: &HitTerms) -> Vec<&'a str> {
        hit_ranges(text, terms)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn each_reading_is_kept_as_searched_and_as_typed() {
        let mut t = HitTerms::default();
        t.add(&[
            vec![term("学生", 0, false), term("企业", 2, false)],
            vec![
                term("学", 0, false),
                term("生", 1, false),
                term("企", 2, false),
                term("业", 3, true),
            ],
            vec![term("ai", 0, false), term("赋能", 2, false)],
        ]);
        assert_eq!(
            t.readings,
            [vec![
                vec!["学生".to_string(), "企业".to_string()],
                vec!["学生企业".to_string()],
                vec!["学".to_string(), "生".to_string(), "企业".to_string()],
                vec!["赋能".to_string()],
            ]]
        );
        assert_eq!(t.stems, ["ai"]);
    }

    #[test]
    fn the_reading_the_text_holds_best_is_marked() {
        let mut t = HitTerms::default();
        t.add(&[
            vec![term("非遗", 0, false), term("工", 2, false)],
            vec![term("非", 0, false), term("遗工", 1, true)],
        ]);
        // All three side by side: that, not every `工` or `非` elsewhere.
        assert_eq!(marked("非物质文化遗产，非遗工坊的工作", &t), ["非遗工"]);
        // Apart: the reading that finds them apart.
        assert_eq!(marked("非遗传承与工作坊", &t), ["非遗", "工"]);
        // Part of a reading: what there is of it.
        assert_eq!(marked("省级非遗名录", &t), ["非遗"]);
        assert!(marked("文化遗产", &t).is_empty());
    }

    #[test]
    fn no_hits_gives_the_start() {
        let (s, r) = snippet("第一行\n第二行", &[], 100);
        assert_eq!(s, "第一行 第二行");
        assert!(r.is_empty());
    }
}
