//! Which pairs of articles are worth comparing: those that share at least two distinctive
//! keys — a figure, a title term or a piece of the opening — and appeared close in time.
//! Keys that many articles share say nothing about a story and are left out, so the work
//! stays near linear in the number of articles.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};

use super::MAX_DAYS_APART;

/// A key shared by more articles than this is common vocabulary, not a story's mark.
pub(super) const MAX_SHARED: usize = 48;

/// Whether two reports are close enough in time to be one story (an undated one may be).
pub(super) fn close(a: Option<DateTime<FixedOffset>>, b: Option<DateTime<FixedOffset>>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => (x - y).num_days().abs() <= MAX_DAYS_APART,
        _ => true,
    }
}

/// Pairs `(a, b)`, `a < b`, that share at least two rare keys and are dated at most
/// [`MAX_DAYS_APART`] apart (or one of them is undated).
pub fn pairs<K: AsRef<[u64]>>(
    keys: &[K],
    dates: &[Option<DateTime<FixedOffset>>],
) -> Vec<(usize, usize)> {
    // (key, article), sorted: each run of one key is its posting list.
    let mut postings: Vec<(u64, u32)> = keys
        .iter()
        .enumerate()
        .flat_map(|(doc, ks)| ks.as_ref().iter().map(move |k| (*k, doc as u32)))
        .collect();
    postings.sort_unstable();
    let close = |a: usize, b: usize| close(dates[a], dates[b]);
    let mut shared: HashMap<(u32, u32), u8> = HashMap::new();
    for run in postings.chunk_by(|x, y| x.0 == y.0) {
        if !(2..=MAX_SHARED).contains(&run.len()) {
            continue;
        }
        for (i, &(_, a)) in run.iter().enumerate() {
            for &(_, b) in &run[i + 1..] {
                if a != b && close(a as usize, b as usize) {
                    let n = shared.entry((a.min(b), a.max(b))).or_default();
                    *n = n.saturating_add(1);
                }
            }
        }
    }
    sharing_two(shared)
}

/// The pairs counted at least twice in `shared` (pair → keys it shares), sorted.
pub(super) fn sharing_two(shared: HashMap<(u32, u32), u8>) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = shared
        .into_iter()
        .filter(|&(_, n)| n >= 2)
        .map(|((a, b), _)| (a as usize, b as usize))
        .collect();
    out.sort_unstable();
    out
}
