//! One Han run of the query and its most probable cuts: into indexed words, or with text
//! inside longer words, or across words with the start or end of longer ones at its edges.

use super::pieces::{Edges, Holders, Kind};
use super::{
    EDGE_PENALTY, INSIDE_PENALTY, Keys, MAX_EDGE_CHARS, MAX_WORD_CHARS, STRAY_PENALTY, Vocabulary,
};

/// One Han run of the query, with the document frequencies of its substrings looked up once.
pub(super) struct Run<'a> {
    text: &'a str,
    /// Byte offset of each character, and the end.
    bytes: Vec<usize>,
    /// `df[i][k]`: frequency of the `k + 1` characters from `i` (looked up on demand).
    df: Vec<Vec<Option<u64>>>,
}

impl<'a> Run<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        let bytes: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(text.len()))
            .collect();
        let len = bytes.len() - 1;
        Run {
            text,
            df: (0..len)
                .map(|i| vec![None; (len - i).min(MAX_WORD_CHARS)])
                .collect(),
            bytes,
        }
    }

    pub(super) fn len(&self) -> usize {
        self.bytes.len() - 1
    }

    pub(super) fn slice(&self, i: usize, j: usize) -> &'a str {
        &self.text[self.bytes[i]..self.bytes[j]]
    }

    pub(super) fn df(&mut self, i: usize, j: usize, vocab: &mut dyn Vocabulary) -> u64 {
        let word = self.slice(i, j);
        let slot = &mut self.df[i][j - i - 1];
        *slot.get_or_insert_with(|| vocab.df(word))
    }

    /// The most probable cut into pieces `(start, end, kind)`, in characters. Without
    /// `holders`, pieces are indexed words or stray characters; with them, also text inside
    /// indexed words, or with `edges` (of some characters) instead the start and end of
    /// longer words at the run's edges, and single characters become a last resort.
    pub(super) fn cut(
        &mut self,
        vocab: &mut dyn Vocabulary,
        holders: Option<&Holders>,
        edges: Edges,
    ) -> Vec<(usize, usize, Kind)> {
        let len = self.len();
        let total = (vocab.docs().max(1) as f64).ln();
        // best[i]: best log-probability of cutting chars i..; next[i]: the first piece.
        let mut best = vec![0f64; len + 1];
        let mut next = vec![(len, Kind::Stray); len + 1];
        for i in (0..len).rev() {
            let mut top = f64::NEG_INFINITY;
            let last = (i + MAX_WORD_CHARS).min(len);
            for (j, &rest) in best.iter().enumerate().take(last + 1).skip(i + 1) {
                let f = self.df(i, j, vocab);
                let Some((logp, kind)) = self.piece(i, j, f, total, holders, edges) else {
                    continue;
                };
                let score = logp + rest;
                if score > top {
                    top = score;
                    next[i] = (j, kind);
                }
            }
            best[i] = top;
        }
        let mut out = Vec::new();
        let mut i = 0;
        while i < len {
            let (j, kind) = next[i];
            let j = j.max(i + 1);
            out.push((i, j, kind));
            i = j;
        }
        out
    }

    /// Characters `i..j` (`f`: their document frequency as a word) as one piece: its
    /// log-probability and kind, or `None` when they cannot be one. An indexed word of two or
    /// more characters is taken as it is; with `holders`, other text may lie inside longer
    /// words, or with `edges` (above 0) instead start or end them at the run's edges in
    /// pieces of up to that many characters, and a single
    /// character is a last resort.
    fn piece(
        &self,
        i: usize,
        j: usize,
        f: u64,
        total: f64,
        holders: Option<&Holders>,
        edges: Edges,
    ) -> Option<(f64, Kind)> {
        let single = j == i + 1;
        let stray = -total - STRAY_PENALTY;
        let Some(h) = holders else {
            return match f {
                0 if single => Some((stray, Kind::Stray)),
                0 => None,
                f => Some(((f as f64).ln() - total, Kind::Word)),
            };
        };
        let at_edge = edges.both && (i == 0 || j == self.len());
        if f > 0 && !single && !at_edge {
            return Some(((f as f64).ln() - total, Kind::Word));
        }
        let piece = self.slice(i, j);
        let mut options: Vec<(f64, Kind)> = Vec::with_capacity(3);
        match f {
            0 if single => options.push((stray, Kind::Stray)),
            0 => {}
            _ => options.push((stray, Kind::Word)),
        }
        // A single character inside some longer word beside other pieces cannot be the text
        // typed, unless it starts or ends that word at an edge (the reading across words).
        if f == 0 && edges.chars == 0 && !(single && self.len() > 1) {
            let w = h.weight(piece, Kind::Inside);
            if w > 0 {
                options.push(((w as f64).ln() - total - INSIDE_PENALTY, Kind::Inside));
            }
        }
        if j - i <= edges.chars && j - i < self.len() {
            let edge = if j == self.len() {
                Some(Kind::Head)
            } else if i == 0 {
                Some(Kind::Tail)
            } else {
                None
            };
            if let Some(kind) = edge.filter(|k| h.weight(piece, *k) > 0) {
                options.push((-total - EDGE_PENALTY, kind));
            }
        }
        options
            .into_iter()
            .filter(|o| !at_edge || matches!(o.1, Kind::Head | Kind::Tail))
            .max_by(|a, b| a.0.total_cmp(&b.0))
    }

    /// Whether the plain cut fell apart: a character that is no word, or a single character
    /// beside other text (the rest of a word the index holds only inside longer ones, as
    /// `成` of `成电路` inside `集成电路`).
    pub(super) fn fell_apart(cut: &[(usize, usize, Kind)]) -> bool {
        cut.iter().any(|p| p.2 == Kind::Stray)
            || (cut.len() > 1 && cut.iter().any(|p| p.1 - p.0 == 1))
    }

    /// What to look for inside indexed words: each word of two or more characters whole,
    /// and around each single character the pairs it makes with its neighbours (any longer
    /// piece that covers it holds one of them), and the character itself when it is no word.
    /// With `edges`, also the run's last few characters at the start of words and its first
    /// few at their end.
    pub(super) fn keys(&self, cut: &[(usize, usize, Kind)], edges: bool) -> Keys {
        let mut keys: Vec<String> = Vec::new();
        for &(i, j, kind) in cut {
            if j - i > 1 {
                keys.push(self.slice(i, j).to_string());
                continue;
            }
            if i > 0 {
                keys.push(self.slice(i - 1, j).to_string());
            }
            if j < self.len() {
                keys.push(self.slice(i, j + 1).to_string());
            }
            if kind == Kind::Stray {
                keys.push(self.slice(i, j).to_string());
            }
        }
        keys.sort();
        keys.dedup();
        let len = self.len();
        let edge = if edges {
            MAX_EDGE_CHARS.min(len.saturating_sub(1))
        } else {
            0
        };
        Keys {
            inside: keys,
            starts: (1..=edge)
                .map(|n| self.slice(len - n, len).to_string())
                .collect(),
            ends: (1..=edge).map(|n| self.slice(0, n).to_string()).collect(),
        }
    }
}
