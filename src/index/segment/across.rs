//! The cuts of a run across words: every likely one of a short run, a few set ones of a
//! long run, and the checks that leave out a cut another reading already finds.

use super::pieces::{Cut, Edges, Holders, Kind, ends};
use super::run::Run;
use super::{
    EDGE_PENALTY, MAX_EDGE_CHARS, MAX_TAILS_OF_A_WORD, MAX_WORD_CHARS, STRAY_PENALTY, Vocabulary,
};

impl Run<'_> {
    /// Cuts of a long run across words, made a few set ways: the likeliest favours long
    /// pieces at the edges (`车` + `产业集` in `汽车产业集群`), which may hold the text only
    /// in some other article, so the likeliest with single characters at the edges is a
    /// second (`车` + `产业` + `集`), and the likeliest with both edges inside longer words
    /// and whole words between a third (`准育人` in `精准` + `育` + `人才`, where the others
    /// take `育人` whole).
    pub(super) fn set_across(&mut self, vocab: &mut dyn Vocabulary, h: &Holders) -> Vec<Cut> {
        let mut cuts: Vec<Cut> = Vec::with_capacity(3);
        for (chars, both) in [(MAX_EDGE_CHARS, false), (1, false), (1, true)] {
            let cut = self.cut(vocab, Some(h), Edges { chars, both });
            let across = if both {
                cut.first().is_some_and(|p| p.2 == Kind::Tail)
                    && cut.last().is_some_and(|p| p.2 == Kind::Head)
                    && !cut.iter().any(|p| p.2 == Kind::Stray)
            } else {
                cut.iter().any(|p| matches!(p.2, Kind::Head | Kind::Tail))
            };
            if across && !cuts.contains(&cut) {
                cuts.push(cut);
            }
        }
        cuts
    }

    /// The cuts of the run across words, likeliest first: its first piece an indexed word or
    /// the end of longer words, its last one a word or their start (one of the two at least
    /// inside longer words), and indexed words between.
    pub(super) fn likeliest_across(&mut self, vocab: &mut dyn Vocabulary, h: &Holders) -> Vec<Cut> {
        let n = self.len();
        let total = (vocab.docs().max(1) as f64).ln();
        // What each piece can be where it stands: its log-probability and kind.
        let mut pieces: Vec<Vec<(usize, f64, Kind)>> = vec![Vec::new(); n];
        for (i, from) in pieces.iter_mut().enumerate() {
            for j in i + 1..=(i + MAX_WORD_CHARS).min(n) {
                if (i, j) == (0, n) {
                    continue;
                }
                let f = self.df(i, j, vocab);
                let word = match f {
                    0 => None,
                    _ if j - i == 1 => Some(-total - STRAY_PENALTY),
                    f => Some((f as f64).ln() - total),
                };
                let piece = self.slice(i, j);
                let edge = match (i, j) {
                    (_, j) if j == n => Some(Kind::Head),
                    (0, _) => Some(Kind::Tail),
                    _ => None,
                }
                .filter(|&k| {
                    j - i <= MAX_EDGE_CHARS
                        && h.weight(piece, k) > 0
                        && (k == Kind::Head || f == 0 || h.count(piece, k) <= MAX_TAILS_OF_A_WORD)
                });
                match (word, edge) {
                    (w, Some(kind)) => {
                        let p = w.unwrap_or(f64::NEG_INFINITY).max(-total - EDGE_PENALTY);
                        from.push((j, p, kind));
                    }
                    (Some(p), None) => from.push((j, p, Kind::Word)),
                    (None, None) => {}
                }
            }
        }
        // Every cut from the run's start (at most 2^(n-1) of them).
        let mut cuts: Vec<(f64, Cut)> = Vec::new();
        let mut stack: Vec<(usize, f64, Cut)> = vec![(0, 0.0, Vec::new())];
        while let Some((i, score, cut)) = stack.pop() {
            if i == n {
                if cut.iter().any(|p| matches!(p.2, Kind::Head | Kind::Tail)) {
                    cuts.push((score, cut));
                }
                continue;
            }
            for &(j, p, kind) in &pieces[i] {
                let mut longer = cut.clone();
                longer.push((i, j, kind));
                stack.push((j, score + p, longer));
            }
        }
        // Equally likely cuts in the order of their pieces' ends, so that readings are the
        // same from one search to the next.
        cuts.sort_by(|a, b| {
            b.0.total_cmp(&a.0)
                .then_with(|| ends(&a.1).cmp(&ends(&b.1)))
        });
        cuts.into_iter().map(|(_, cut)| cut).collect()
    }

    /// Whether the cut across words `cut` finds nothing that `base`, whose words are looked
    /// for anywhere in an article, does not: its pieces are `base`'s or words the index cuts
    /// `base`'s out of (`职业院校` of `职业` + `院校`, not `冷链` of `冷` + `链`), and a single
    /// character it takes as the start or end of longer words is one that `base` looks for
    /// inside them too (`共` of `共建` after `校企` is not, where `共` is a word of its own).
    pub(super) fn covered(
        &self,
        cut: &[(usize, usize, Kind)],
        base: &[(usize, usize, Kind)],
        vocab: &mut dyn Vocabulary,
    ) -> bool {
        let base_ends = ends(base);
        if !ends(cut).iter().all(|x| base_ends.contains(x)) {
            return false;
        }
        cut.iter().all(|&(i, j, kind)| {
            let inner: Vec<&(usize, usize, Kind)> =
                base.iter().filter(|b| i <= b.0 && b.1 <= j).collect();
            match (inner.as_slice(), kind) {
                ([b], Kind::Head | Kind::Tail) if j - i == 1 => b.2 == Kind::Inside,
                ([_], _) => true,
                (_, Kind::Word) => inner.iter().all(|b| {
                    b.2 == Kind::Word && vocab.cut_out_of(self.slice(b.0, b.1), self.slice(i, j))
                }),
                _ => false,
            }
        })
    }

    /// Whether the index cuts the word of characters `i..j` out of the most frequent longer
    /// word that holds it: every article that holds that one holds the word too, as it
    /// would where jieba adds the word inside longer ones (a word of its dictionary).
    pub(super) fn cut_out_of_holders(
        &self,
        i: usize,
        j: usize,
        h: &Holders,
        vocab: &mut dyn Vocabulary,
    ) -> bool {
        let piece = self.slice(i, j);
        h.holding(piece, Kind::Word)
            .first()
            .is_some_and(|top| vocab.cut_out_of(piece, &top.word))
    }
}
