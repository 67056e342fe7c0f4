//! Where the query's words occur in a text, and a short excerpt around them. Byte ranges,
//! always on character boundaries; works on the original text (traditional characters,
//! upper case) by matching on a folded copy.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::analyzer::{WordNormalizer, pieces};
use crate::text::to_simplified;

/// The terms a search matched on, for highlighting: Han words are found as substrings of the
/// simplified text, other words by their stem.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HitTerms {
    pub han: Vec<String>,
    pub stems: Vec<String>,
}

impl HitTerms {
    pub fn is_empty(&self) -> bool {
        self.han.is_empty() && self.stems.is_empty()
    }

    pub(crate) fn add(&mut self, text: &str, han: bool) {
        let list = if han { &mut self.han } else { &mut self.stems };
        if !list.iter().any(|t| t == text) {
            list.push(text.to_string());
        }
    }
}

/// Byte ranges of the hits in `text`, sorted, merged where they overlap.
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
    for t in &terms.han {
        if t.is_empty() {
            continue;
        }
        for (i, m) in folded.match_indices(t.as_str()) {
            out.push(to_orig(i)..to_orig(i + m.len()));
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

    fn terms(han: &[&str], stems: &[&str]) -> HitTerms {
        HitTerms {
            han: han.iter().map(|s| s.to_string()).collect(),
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

    #[test]
    fn no_hits_gives_the_start() {
        let (s, r) = snippet("第一行\n第二行", &[], 100);
        assert_eq!(s, "第一行 第二行");
        assert!(r.is_empty());
    }
}
