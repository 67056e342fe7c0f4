//! Query-side analysis without jieba's dictionary.
//!
//! Loading jieba takes ~100 ms, too slow for a query from a fresh process. The index's own
//! term dictionary already holds every word jieba cut from the corpus, with its document
//! frequency: a Han run of the query is cut into the sequence of indexed words that is most
//! probable under a unigram model of those frequencies (the same model jieba uses, with the
//! corpus as its dictionary). Words that never occur in the corpus cannot match anyway.

use super::analyzer::{WordNormalizer, pieces};
use crate::text::to_simplified;

/// Longest word, in characters, looked up in the term dictionary.
const MAX_WORD_CHARS: usize = 16;

/// A query term and its position (alphanumeric characters from the start of the text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryTerm {
    pub text: String,
    pub position: usize,
    pub han: bool,
}

/// Cuts one Han run into indexed words. `df` gives a word's document frequency (0 when the
/// index does not hold it); `n` is the number of documents.
pub fn segment_han(run: &str, n: u64, df: &mut dyn FnMut(&str) -> u64) -> Vec<(usize, String)> {
    let chars: Vec<(usize, char)> = run.char_indices().collect();
    let len = chars.len();
    let byte_at = |i: usize| chars.get(i).map(|c| c.0).unwrap_or(run.len());
    let total = (n.max(1) as f64).ln();
    // best[i]: best log-probability of cutting chars[i..]; next[i]: end of the first word.
    let mut best = vec![0f64; len + 1];
    let mut next = vec![len; len + 1];
    for i in (0..len).rev() {
        let mut top = f64::NEG_INFINITY;
        for j in i + 1..=(i + MAX_WORD_CHARS).min(len) {
            let word = &run[byte_at(i)..byte_at(j)];
            let f = df(word);
            let logp = if f > 0 {
                (f as f64).ln() - total
            } else if j == i + 1 {
                // An unknown single character: possible, but very unlikely.
                -total - 5.0
            } else {
                continue;
            };
            let score = logp + best[j];
            if score > top {
                top = score;
                next[i] = j;
            }
        }
        best[i] = top;
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < len {
        let j = next[i].max(i + 1);
        out.push((i, run[byte_at(i)..byte_at(j)].to_string()));
        i = j;
    }
    out
}

/// Analyzes query text into terms, as the index analyzer would have.
pub fn analyze(
    text: &str,
    n: u64,
    df: &mut dyn FnMut(&str) -> u64,
    norm: &mut WordNormalizer,
) -> Vec<QueryTerm> {
    let folded = to_simplified(text);
    let mut out = Vec::new();
    for p in pieces(&folded) {
        if p.han {
            for (offset, word) in segment_han(p.text, n, df) {
                out.push(QueryTerm {
                    text: word,
                    position: p.position + offset,
                    han: true,
                });
            }
        } else {
            let w = norm.normalize(p.text);
            if !w.is_empty() {
                out.push(QueryTerm {
                    text: w,
                    position: p.position,
                    han: false,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefers_whole_indexed_words() {
        let vocab = [
            ("产教融合", 50u64),
            ("产教", 60),
            ("融合", 80),
            ("发展", 90),
            ("职业", 70),
        ];
        let mut df = |w: &str| {
            vocab
                .iter()
                .find(|(v, _)| *v == w)
                .map(|x| x.1)
                .unwrap_or(0)
        };
        let cut = segment_han("产教融合发展", 1000, &mut df);
        assert_eq!(
            cut,
            vec![(0, "产教融合".to_string()), (4, "发展".to_string())]
        );
        let cut = segment_han("职业X", 1000, &mut df);
        assert_eq!(cut.len(), 2);
    }

    #[test]
    fn unknown_text_falls_back_to_characters() {
        let mut df = |_: &str| 0u64;
        let cut = segment_han("山河", 10, &mut df);
        assert_eq!(cut, vec![(0, "山".to_string()), (1, "河".to_string())]);
    }
}
