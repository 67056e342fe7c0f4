//! Where the query's words occur in a text, and a short excerpt around them. Byte ranges,
//! always on character boundaries; works on the original text (traditional characters,
//! full-width forms, upper case) by matching on a folded copy.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::analyzer::{WordNormalizer, joined_groups, pieces};
use super::segment::QueryTerm;
use crate::text::{fold_for_search, offsets_back};

/// The terms a search matched on, for highlighting. Han text is found as substrings of the
/// simplified text, other words by their stem.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HitTerms {
    /// For each word or phrase of the query, its readings, each the Han text it looks for
    /// (see [`HitTerms::add`]); [`hit_ranges`] marks the reading a text holds best.
    pub readings: Vec<Vec<Vec<String>>>,
    /// Stems of other words, marked wherever they stand.
    pub stems: Vec<String>,
    /// Stems of words quoted together, marked only where they stand in that order.
    pub phrases: Vec<Vec<String>>,
}

impl HitTerms {
    pub fn is_empty(&self) -> bool {
        self.readings.iter().flatten().all(|r| r.is_empty())
            && self.stems.is_empty()
            && self.phrases.is_empty()
    }

    /// Adds the readings of one word or phrase of the query, `text` (`phrase`: it was
    /// quoted).
    ///
    /// Each reading's Han text is kept twice: with the pieces that must stand side by side
    /// joined, and with every stretch of pieces typed side by side joined, which is marked
    /// instead where the text holds it so (`学生企业` searched as `学生` and `企业`
    /// anywhere). A single character of a longer stretch typed is left out: on its own it
    /// would mark that character wherever it stands (`共` of `校企共` in `共建`).
    pub(crate) fn add(&mut self, text: &str, readings: &[Vec<QueryTerm>], phrase: bool) {
        let folded = fold_for_search(text);
        let all = pieces(&folded);
        // Each Han run, and whether it is typed against a word or a number with no space
        // (`3000人`): a single character of it is then part of a longer query too.
        let mut runs: Vec<(Range<usize>, bool)> = Vec::new();
        for (k, p) in all.iter().enumerate() {
            if !p.han {
                continue;
            }
            let end = p.start + p.text.len();
            let touches =
                |q: &super::analyzer::Piece| q.start + q.text.len() == p.start || q.start == end;
            let glued = k
                .checked_sub(1)
                .and_then(|b| all.get(b))
                .is_some_and(touches)
                || all.get(k + 1).is_some_and(touches);
            runs.push((p.position..p.position + p.text.chars().count(), glued));
        }
        // A phrase's words stand side by side in the article whatever spaces it was typed
        // with (`"校企 共建"` finds `校企共建`): its Han text is one stretch.
        if phrase && let (Some(first), Some(last)) = (runs.first(), runs.last()) {
            let whole = (first.0.start..last.0.end, runs.iter().any(|r| r.1));
            runs.clear();
            runs.push(whole);
        }
        let mut strings: Vec<Vec<String>> = Vec::with_capacity(2 * readings.len());
        for terms in readings {
            for typed in [false, true] {
                let reading = han_strings(terms, typed, &runs);
                if !reading.is_empty() && !strings.contains(&reading) {
                    strings.push(reading);
                }
            }
            self.add_words(terms, phrase);
        }
        if !strings.is_empty() {
            self.readings.push(strings);
        }
    }

    /// The stems of a reading's other words: in a phrase, words quoted side by side (no Han
    /// text between them) are marked only together, as are words typed as one
    /// (`e-commerce`).
    fn add_words(&mut self, terms: &[QueryTerm], phrase: bool) {
        let mut groups: Vec<Vec<String>> = Vec::new();
        let mut apart = true;
        for t in terms {
            if t.han {
                apart = true;
                continue;
            }
            match groups.last_mut() {
                Some(g) if (phrase || t.joined) && !apart => g.push(t.text.clone()),
                _ => groups.push(vec![t.text.clone()]),
            }
            apart = false;
        }
        for g in groups {
            if g.len() > 1 {
                if !self.phrases.contains(&g) {
                    self.phrases.push(g);
                }
            } else {
                for w in g {
                    if !self.stems.contains(&w) {
                        self.stems.push(w);
                    }
                }
            }
        }
    }
}

/// The Han strings of one reading (`typed`: every stretch of pieces side by side in one run
/// of the query is one string; otherwise only pieces that must stand so), without single
/// characters of longer runs, or of runs typed against a word or number (`人` of
/// `3000人`). `runs`: the positions of the query's Han runs, and whether each is so typed.
fn han_strings(terms: &[QueryTerm], typed: bool, runs: &[(Range<usize>, bool)]) -> Vec<String> {
    let run_of = |position: usize| runs.iter().position(|(r, _)| r.contains(&position));
    let mut out: Vec<(String, Option<usize>)> = Vec::new();
    let mut end = None;
    for t in terms.iter().filter(|t| t.han) {
        let run = run_of(t.position);
        match out.last_mut() {
            Some((last, r)) if (typed || t.joined) && end == Some(t.position) && *r == run => {
                last.push_str(&t.text)
            }
            _ => out.push((t.text.clone(), run)),
        }
        end = Some(t.position + t.text.chars().count());
    }
    out.into_iter()
        .filter(|(s, run)| {
            s.chars().nth(1).is_some() || run.is_none_or(|r| runs[r].0.len() <= 1 && !runs[r].1)
        })
        .map(|(s, _)| s)
        .collect()
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
    let folded = fold_for_search(text);
    // Folding maps characters one to one; their byte lengths may differ (`Ａ` is `a`).
    let map = offsets_back(text, &folded);
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
    if !terms.stems.is_empty() || !terms.phrases.is_empty() {
        // The text's other words with their stems; a Han run between two breaks a phrase.
        // A number written with thousands separators is also its digits alone (`3,000`
        // for `3000`), and a pinyin name with a syllable mark is the name without it and
        // not its pieces (`Xi'an` is `xian`), as the index holds them.
        let mut norm = WordNormalizer::default();
        let all = pieces(&folded);
        let groups = joined_groups(&folded, &all);
        let mut words: Vec<Option<(Range<usize>, String)>> = Vec::with_capacity(all.len());
        let mut k = 0;
        while let Some(p) = all.get(k) {
            if let Some(j) = groups.iter().find(|g| g.first == k) {
                if terms.stems.contains(&j.word) {
                    out.push(to_orig(p.start)..to_orig(j.end));
                }
                if j.name {
                    words.push(Some((p.start..j.end, j.word.clone())));
                    k = j.last + 1;
                    continue;
                }
            }
            if p.han {
                words.push(None);
            } else {
                let stem = norm.normalize(p.text);
                if !stem.is_empty() {
                    words.push(Some((p.start..p.start + p.text.len(), stem)));
                }
            }
            k += 1;
        }
        for (r, stem) in words.iter().flatten() {
            if terms.stems.contains(stem) {
                out.push(to_orig(r.start)..to_orig(r.end));
            }
        }
        for phrase in &terms.phrases {
            for at in words.windows(phrase.len().max(1)) {
                let found = at
                    .iter()
                    .zip(phrase)
                    .all(|(w, stem)| w.as_ref().is_some_and(|w| w.1 == *stem));
                if let (true, Some(Some(first)), Some(Some(last))) = (found, at.first(), at.last())
                {
                    out.push(to_orig(first.0.start)..to_orig(last.0.end));
                }
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

/// How well a reading accounts for a text: characters covered, then the fewest strings.
type Rank = (usize, std::cmp::Reverse<usize>);

/// The strings of `readings` to mark in `folded`: those present of the readings whose
/// present strings cover the most characters, with the fewest strings among them.
fn marked_strings<'a>(folded: &str, readings: &'a [Vec<String>]) -> Vec<&'a str> {
    // Each reading's strings that the text holds (looked for once), and its rank.
    let found: Vec<(Vec<&str>, Rank)> = readings
        .iter()
        .map(|r| {
            let present: Vec<&str> = r
                .iter()
                .map(String::as_str)
                .filter(|s| !s.is_empty() && folded.contains(s))
                .collect();
            let covered = present.iter().map(|s| s.chars().count()).sum();
            (present, (covered, std::cmp::Reverse(r.len())))
        })
        .collect();
    let Some(best) = found.iter().map(|f| f.1).max().filter(|b| b.0 > 0) else {
        return Vec::new();
    };
    let mut out: Vec<&str> = Vec::new();
    for (present, _) in found.iter().filter(|f| f.1 == best) {
        for s in present {
            if !out.contains(s) {
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
            phrases: Vec::new(),
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
    fn a_pinyin_name_is_marked_whole_alone_and_in_a_phrase() {
        let text = "Students in the Gui'an New Area met Xi\u{2019}an firms, 3,000 of them.";
        let got = |t: &HitTerms| -> Vec<&str> {
            hit_ranges(text, t).into_iter().map(|r| &text[r]).collect()
        };
        assert_eq!(
            got(&terms(&[], &["guian", "xian", "3000"])),
            ["Gui'an", "Xi\u{2019}an", "3,000"]
        );
        // Its pieces are no words of their own.
        assert!(got(&terms(&[], &["an", "gui"])).is_empty());
        let mut phrase = HitTerms::default();
        phrase
            .phrases
            .push(vec!["guian".into(), "new".into(), "area".into()]);
        assert_eq!(got(&phrase), ["Gui'an New Area"]);
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
        t.add(
            "学生企业",
            &[
                vec![term("学生", 0, false), term("企业", 2, false)],
                vec![
                    term("学", 0, false),
                    term("生", 1, false),
                    term("企", 2, false),
                    term("业", 3, true),
                ],
            ],
            false,
        );
        // The lone characters of the second reading are left out.
        assert_eq!(
            t.readings,
            [vec![
                vec!["学生".to_string(), "企业".to_string()],
                vec!["学生企业".to_string()],
                vec!["企业".to_string()],
            ]]
        );
        assert!(t.stems.is_empty() && t.phrases.is_empty());
    }

    #[test]
    fn a_single_character_typed_alone_is_kept() {
        let mut t = HitTerms::default();
        t.add(
            "学 生",
            &[vec![term("学", 0, false), term("生", 1, false)]],
            false,
        );
        assert_eq!(t.readings, [vec![vec!["学".to_string(), "生".to_string()]]]);
    }

    #[test]
    fn a_quoted_chinese_phrase_is_one_stretch_however_it_was_spaced() {
        let mut t = HitTerms::default();
        t.add(
            "校企 共建",
            &[vec![term("校企", 0, false), term("共建", 2, false)]],
            true,
        );
        assert_eq!(
            marked("双方共建专业。近日校企共建实训基地揭牌，校企合作", &t),
            ["校企共建"]
        );
        // Unquoted, each word anywhere.
        let mut t = HitTerms::default();
        t.add(
            "校企 共建",
            &[vec![term("校企", 0, false), term("共建", 2, false)]],
            false,
        );
        assert_eq!(marked("双方共建专业，校企合作", &t), ["共建", "校企"]);
    }

    #[test]
    fn quoted_words_are_marked_only_together() {
        let mut t = HitTerms::default();
        t.add(
            "skilled workers",
            &[vec![term("skill", 0, false), term("worker", 7, false)]],
            true,
        );
        t.add(
            "AI赋能",
            &[vec![term("ai", 0, false), term("赋能", 2, false)]],
            true,
        );
        assert_eq!(t.phrases, [vec!["skill".to_string(), "worker".to_string()]]);
        assert_eq!(t.stems, ["ai"]);
        let text = "Skilled  workers, skills training for WORKERS; AI赋能";
        // Marks that touch are one.
        assert_eq!(marked(text, &t), ["Skilled  workers", "AI赋能"]);
        // Unquoted, each word anywhere.
        let mut t = HitTerms::default();
        t.add(
            "skilled workers",
            &[vec![term("skill", 0, false), term("worker", 7, false)]],
            false,
        );
        assert_eq!(
            marked(text, &t),
            ["Skilled", "workers", "skills", "WORKERS"]
        );
    }

    #[test]
    fn the_reading_the_text_holds_best_is_marked() {
        let mut t = HitTerms::default();
        t.add(
            "非遗工",
            &[
                vec![term("非遗", 0, false), term("工", 2, false)],
                vec![term("非", 0, false), term("遗工", 1, true)],
            ],
            false,
        );
        // All three side by side: that, not every `工` or `非` elsewhere.
        assert_eq!(marked("非物质文化遗产，非遗工坊的工作", &t), ["非遗工"]);
        // Apart: the reading that finds them apart, without its lone character.
        assert_eq!(marked("非遗传承与工作坊", &t), ["非遗"]);
        assert!(marked("文化遗产的工作", &t).is_empty());
    }

    #[test]
    fn no_hits_gives_the_start() {
        let (s, r) = snippet("第一行\n第二行", &[], 100);
        assert_eq!(s, "第一行 第二行");
        assert!(r.is_empty());
    }
}
