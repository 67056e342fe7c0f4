//! The pieces a run of query text is cut into, and the indexed words that hold them.

use super::Holder;

/// What a piece of a cut is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Word,
    Inside,
    /// The start of longer words (the run's last piece).
    Head,
    /// The end of longer words (the run's first piece).
    Tail,
    Stray,
}

impl Kind {
    /// Where `piece` sits inside the longer word `w`, in characters from its start, when it
    /// does as this kind of piece (an indexed word is looked for anywhere inside others).
    fn offsets(self, w: &str, piece: &str) -> Vec<usize> {
        if w.len() <= piece.len() {
            return Vec::new();
        }
        match self {
            Kind::Head if w.starts_with(piece) => vec![0],
            Kind::Tail if w.ends_with(piece) => {
                vec![w.chars().count() - piece.chars().count()]
            }
            Kind::Head | Kind::Tail => Vec::new(),
            Kind::Word | Kind::Inside | Kind::Stray => w
                .match_indices(piece)
                .map(|(at, _)| w[..at].chars().count())
                .collect(),
        }
    }
}

/// Indexed words that hold pieces of the query.
pub(super) struct Holders {
    pub(super) words: Vec<(String, u64)>,
}

impl Holders {
    /// The summed document frequencies of the longer words that hold `piece` as `kind` (an
    /// upper bound on the documents that hold it inside one).
    pub(super) fn weight(&self, piece: &str, kind: Kind) -> u64 {
        self.words
            .iter()
            .filter(|(w, _)| !kind.offsets(w, piece).is_empty())
            .map(|(_, df)| df)
            .sum()
    }

    /// How many longer words hold `piece` as `kind`.
    pub(super) fn count(&self, piece: &str, kind: Kind) -> usize {
        self.words
            .iter()
            .filter(|(w, _)| !kind.offsets(w, piece).is_empty())
            .count()
    }

    /// Every occurrence of `piece` as `kind` inside a longer word, most frequent words first.
    pub(super) fn holding(&self, piece: &str, kind: Kind) -> Vec<Holder> {
        let mut out: Vec<Holder> = Vec::new();
        for (w, df) in &self.words {
            for offset in kind.offsets(w, piece) {
                out.push(Holder {
                    word: w.clone(),
                    offset,
                    df: *df,
                });
            }
        }
        out.sort_by(|a, b| {
            b.df.cmp(&a.df)
                .then_with(|| a.word.cmp(&b.word))
                .then(a.offset.cmp(&b.offset))
        });
        out
    }
}

/// A cut of a run into pieces `(start, end, kind)`, in characters.
pub(super) type Cut = Vec<(usize, usize, Kind)>;

/// Where the pieces of a cut end.
pub(super) fn ends(cut: &[(usize, usize, Kind)]) -> Vec<usize> {
    cut.iter().map(|p| p.1).collect()
}

/// Which pieces at a run's edges may start or end longer words, on a cut across words.
#[derive(Debug, Clone, Copy)]
pub(super) struct Edges {
    /// The longest such piece, in characters (0: none, the cut is not across words).
    pub(super) chars: usize,
    /// Both edges must be such pieces, with whole words between them.
    pub(super) both: bool,
}

impl Edges {
    pub(super) const NONE: Edges = Edges {
        chars: 0,
        both: false,
    };
}
