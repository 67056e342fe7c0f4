//! The query terms of a cut: how each piece is looked up in the index.

use super::pieces::{Holders, Kind};
use super::run::Run;
use super::{Lookup, QueryTerm, Vocabulary};

impl Run<'_> {
    /// The likeliest cut of characters `i..j` into two or more indexed words (none when
    /// there is no such cut).
    fn parts(&mut self, i: usize, j: usize, vocab: &mut dyn Vocabulary) -> Vec<String> {
        let n = j - i;
        if n < 2 {
            return Vec::new();
        }
        let total = (vocab.docs().max(1) as f64).ln();
        // best[a]: the best log-probability of cutting chars i + a .. j; next[a]: where the
        // first piece ends.
        let mut best = vec![f64::NEG_INFINITY; n + 1];
        best[n] = 0.0;
        let mut next = vec![n; n + 1];
        for a in (0..n).rev() {
            for b in a + 1..=n {
                if (a, b) == (0, n) || best[b] == f64::NEG_INFINITY {
                    continue;
                }
                let f = self.df(i + a, i + b, vocab);
                if f == 0 {
                    continue;
                }
                let score = (f as f64).ln() - total + best[b];
                if score > best[a] {
                    best[a] = score;
                    next[a] = b;
                }
            }
        }
        if best[0] == f64::NEG_INFINITY {
            return Vec::new();
        }
        let mut out = Vec::new();
        let mut a = 0;
        while a < n {
            out.push(self.slice(i + a, i + next[a]).to_string());
            a = next[a];
        }
        out
    }

    /// The query terms of a cut.
    pub(super) fn terms(
        &mut self,
        cut: &[(usize, usize, Kind)],
        position: usize,
        holders: Option<&Holders>,
        vocab: &mut dyn Vocabulary,
    ) -> Vec<QueryTerm> {
        let mut out = Vec::with_capacity(cut.len());
        for &(i, j, kind) in cut {
            let piece = self.slice(i, j);
            let held = match holders {
                Some(h) if kind == Kind::Word && j - i > 1 => h.holding(piece, kind),
                Some(h) if matches!(kind, Kind::Inside | Kind::Head | Kind::Tail) => {
                    h.holding(piece, kind)
                }
                _ => Vec::new(),
            };
            let opaque = match held.first() {
                Some(top) => kind != Kind::Word || !vocab.cut_out_of(piece, &top.word),
                None => false,
            };
            // Shorter words side by side: jieba may cut a word it found by its statistical
            // model (`非遗`) into characters in another context, and a word that overlaps the
            // one before it (`人才需求` after `技能人才`) into its parts.
            // (Text inside longer words is found side by side by the cuts across words; only
            // its characters are tried as parts.)
            let parts = match holders {
                None => Vec::new(),
                Some(_) if kind == Kind::Word => self.parts(i, j, vocab),
                Some(_) if j - i > 1 && (i..j).all(|c| self.df(c, c + 1, vocab) > 0) => {
                    (i..j).map(|c| self.slice(c, c + 1).to_string()).collect()
                }
                Some(_) => Vec::new(),
            };
            let lookup = if opaque || (kind == Kind::Word && !parts.is_empty()) {
                Lookup::Inside {
                    // A character at the run's edge may also stand alone.
                    word: kind == Kind::Word || (kind != Kind::Inside && self.df(i, j, vocab) > 0),
                    holders: if opaque { held } else { Vec::new() },
                    parts,
                }
            } else {
                Lookup::Word
            };
            out.push(QueryTerm {
                text: piece.to_string(),
                position: position + i,
                han: true,
                lookup,
                joined: false,
            });
        }
        out
    }
}
