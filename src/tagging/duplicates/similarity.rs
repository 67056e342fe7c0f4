//! TF-IDF cosine similarity between two articles, with document frequencies taken from the
//! corpus (or, when it is large, a sample of it chosen by article id).

use rustc_hash::FxHashMap as HashMap;

use crate::article::Article;

use super::terms::{for_each_term, hash};

/// Above this many articles, document frequencies come from a sample of about this size.
const DF_SAMPLE: usize = 4000;

/// The fewest articles document frequencies are taken over (see [`Frequencies::idf`]).
const MIN_CORPUS: f32 = 50.0;

/// Document frequencies, scaled to the whole corpus.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Frequencies {
    pub(super) df: HashMap<u64, f32>,
    pub(super) n: f32,
    /// Counted over every article, not a sample: kept exact by [`Frequencies::count`].
    pub(super) exact: bool,
}

impl Frequencies {
    pub fn of(articles: &[Article]) -> Frequencies {
        let n = articles.len();
        let step = n.div_ceil(DF_SAMPLE).max(1);
        let mut df: HashMap<u64, f32> = HashMap::default();
        let mut seen: Vec<u64> = Vec::new();
        // Chosen by id, not by position: the order articles arrive in (files finish parsing
        // in any order) must not change the links.
        let sampled = |a: &&Article| hash(b'i', a.id.as_bytes()).is_multiple_of(step as u64);
        for a in articles.iter().filter(sampled) {
            seen.clear();
            each_term(a, &mut |id, _| seen.push(id));
            seen.sort_unstable();
            seen.dedup();
            for id in &seen {
                *df.entry(*id).or_default() += step as f32;
            }
        }
        Frequencies {
            df,
            n: n as f32,
            exact: step == 1,
        }
    }

    /// Counts an article in (`sign` 1) or out (`sign` -1) of exact frequencies; sampled
    /// ones stay as they are, the sample standing for the changed corpus too.
    pub fn count(&mut self, a: &Article, sign: f32) {
        if !self.exact {
            return;
        }
        let mut seen: Vec<u64> = Vec::new();
        each_term(a, &mut |id, _| seen.push(id));
        seen.sort_unstable();
        seen.dedup();
        for id in seen {
            let d = self.df.entry(id).or_default();
            *d += sign;
            if *d <= 0.0 {
                self.df.remove(&id);
            }
        }
    }

    /// Sets the corpus size; beyond [`DF_SAMPLE`] articles exact counting stops (a full
    /// build would sample from there on).
    pub fn resize(&mut self, n: usize) {
        self.n = n as f32;
        if n > DF_SAMPLE {
            self.exact = false;
        }
    }

    /// Inverse document frequency. A small corpus is taken to be at least
    /// [`MIN_CORPUS`] articles, the others lacking the term: in a folder of three reports of
    /// one story every word they share is in all of them, and would otherwise weigh nothing.
    fn idf(&self, id: u64) -> f32 {
        let d = self.df.get(&id).copied().unwrap_or(1.0);
        ((self.n.max(MIN_CORPUS) + 1.0) / (d + 0.5)).ln().max(0.0)
    }

    /// The article's unit TF-IDF vector, sorted by term.
    pub fn vector(&self, a: &Article) -> Vec<(u64, f32)> {
        let mut tf: HashMap<u64, f32> = HashMap::default();
        each_term(a, &mut |id, w| *tf.entry(id).or_default() += w);
        let mut v: Vec<(u64, f32)> = tf
            .into_iter()
            .map(|(id, tf)| (id, (1.0 + tf.ln()) * self.idf(id)))
            .collect();
        // Sorted before summing, so that the norm does not depend on the map's order.
        v.sort_unstable_by_key(|(id, _)| *id);
        let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            v.iter_mut().for_each(|(_, w)| *w /= norm);
        }
        v
    }
}

/// Title terms count twice, body terms once.
fn each_term(a: &Article, f: &mut dyn FnMut(u64, f32)) {
    for_each_term(&a.title, &mut |t| f(t.id(), 2.0));
    for_each_term(&a.body, &mut |t| f(t.id(), 1.0));
}

pub fn cosine(a: &[(u64, f32)], b: &[(u64, f32)]) -> f32 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    dot
}

pub fn jaccard(a: &[u64], b: &[u64]) -> f32 {
    let shared = shared(a, b);
    let union = a.len() + b.len() - shared;
    if union == 0 {
        0.0
    } else {
        shared as f32 / union as f32
    }
}

/// How many values two sorted lists share.
pub fn shared(a: &[u64], b: &[u64]) -> usize {
    a.iter().filter(|x| b.binary_search(x).is_ok()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sampled_corpus_gives_the_same_frequencies_in_any_order() {
        let mut articles: Vec<Article> = (0..DF_SAMPLE * 2 + 1)
            .map(|i| Article {
                id: format!("a{i}"),
                title: format!("report {} on colleges {}", i % 97, i % 13),
                ..Article::default()
            })
            .collect();
        let forward = Frequencies::of(&articles);
        assert!(!forward.exact);
        articles.reverse();
        assert_eq!(Frequencies::of(&articles), forward);
    }
}
