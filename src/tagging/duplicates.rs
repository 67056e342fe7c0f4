//! Duplicate stories: reports of the same event by different outlets.
//!
//! Each article becomes a TF-IDF vector of its title (counted twice) and body: English words,
//! Chinese character bigrams (traditional folded to simplified) and numbers — figures such
//! as "67 schools" or "1.5 million" are what reports of one event share most. Candidate
//! pairs come from an inverted index over each article's most distinctive terms, so the
//! cost stays near linear. A pair is one story when the outlets differ, the dates are within
//! [`MAX_DAYS_APART`], and either the cosine similarity passes [`THRESHOLD`] or — for reports
//! in different languages, whose words cannot meet — they share at least [`MIN_FIGURES`]
//! distinctive figures (not years, not single digits) making up most of the smaller set,
//! with some overlap in wording or in the titles besides. Reports whose figures disagree
//! need twice the similarity: alike wording, different numbers, different events. Linked pairs
//! join into stories (A like B, B like C: one story), and every report of a story lists the
//! others.

use std::collections::HashMap;

use crate::article::Article;
use crate::text::{is_han, to_simplified};

/// Cosine similarity from which two reports count as one story.
pub const THRESHOLD: f32 = 0.3;
/// Reports of one event appear within this many days of each other.
pub const MAX_DAYS_APART: i64 = 14;
/// Shared figures that make two reports one story even across languages.
pub const MIN_FIGURES: usize = 4;
/// How many of an article's heaviest terms find its candidates.
const SIGNATURE: usize = 24;

const STOP: &[&str] = &[
    "the",
    "and",
    "for",
    "with",
    "that",
    "this",
    "from",
    "are",
    "was",
    "were",
    "has",
    "have",
    "its",
    "their",
    "into",
    "such",
    "which",
    "while",
    "also",
    "more",
    "than",
    "been",
    "will",
    "through",
    "over",
    "between",
    "including",
    "aims",
    "key",
    "new",
    "group",
    "core",
    "viewpoint",
    "insight",
    "point",
    "these",
    "they",
    "other",
    "both",
    "not",
    "but",
    "can",
    "all",
    "over",
    "who",
    "her",
    "his",
];

type Vector = Vec<(u64, f32)>;

/// Fills each article's `duplicates` with the ids of the other reports of its story.
pub fn link(articles: &mut [Article]) {
    for a in articles.iter_mut() {
        a.duplicates.clear();
    }
    let mut links: Vec<(usize, usize)> = similar_pairs(articles)
        .into_iter()
        .filter(|p| p.same_story() && compatible(&articles[p.a], &articles[p.b]))
        .map(|p| (p.a, p.b))
        .collect();
    links.sort_unstable();
    let mut parent: Vec<usize> = (0..articles.len()).collect();
    for (a, b) in links {
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut stories: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..articles.len() {
        let r = root(&mut parent, i);
        stories.entry(r).or_default().push(i);
    }
    for members in stories.values().filter(|m| m.len() > 1) {
        let ids: Vec<String> = members.iter().map(|&i| articles[i].id.clone()).collect();
        for &i in members {
            let own = articles[i].id.clone();
            articles[i].duplicates = ids.iter().filter(|id| **id != own).cloned().collect();
        }
    }
}

fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Two articles that may report one story, and how alike they are.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pair {
    pub a: usize,
    pub b: usize,
    /// TF-IDF cosine similarity of all their terms.
    pub cosine: f32,
    /// Distinctive figures both mention.
    pub figures: usize,
    /// `figures` over the smaller of the two figure sets.
    pub figure_share: f32,
    /// The size of the smaller figure set.
    pub figure_sets_min: usize,
    /// Jaccard similarity of the two titles' terms.
    pub title: f32,
}

impl Pair {
    pub fn same_story(&self) -> bool {
        // Reports that both give figures but hardly the same ones tell of different events,
        // however alike their wording (two announcements of two lists, say).
        let figures_disagree = self.figure_sets_min >= 2 && self.figure_share < 0.34;
        let wording = if figures_disagree {
            2.0 * THRESHOLD
        } else {
            THRESHOLD
        };
        self.cosine >= wording
            || (self.figures >= MIN_FIGURES
                && self.figure_share >= 0.5
                && (self.cosine >= 0.1 || self.title >= 0.2))
    }
}

/// Candidate pairs with `a < b`: articles that share at least two of their most distinctive
/// terms.
pub fn similar_pairs(articles: &[Article]) -> Vec<Pair> {
    let n = articles.len();
    if n < 2 {
        return Vec::new();
    }
    // Pass 1: document frequencies. Terms are hashed, never stored as strings, so that a
    // corpus of 100k articles stays small in memory.
    let df: HashMap<u64, u32> = in_parallel(articles, |part| {
        let mut df: HashMap<u64, u32> = HashMap::new();
        for a in part {
            for id in term_counts(a).keys() {
                *df.entry(*id).or_default() += 1;
            }
        }
        df
    })
    .into_iter()
    .reduce(|mut acc, part| {
        for (k, v) in part {
            *acc.entry(k).or_default() += v;
        }
        acc
    })
    .unwrap_or_default();
    // Pass 2: each article's heaviest terms, its signature and its figures.
    let cap = (n / 20).max(40) as u32;
    let profiles: Vec<Profile> = in_parallel(articles, |part| {
        part.iter()
            .map(|a| profile(a, n, &df, cap))
            .collect::<Vec<_>>()
    })
    .into_iter()
    .flatten()
    .collect();
    let mut postings: HashMap<u64, Vec<usize>> = HashMap::new();
    for (doc, p) in profiles.iter().enumerate() {
        for id in &p.signature {
            postings.entry(*id).or_default().push(doc);
        }
    }
    let mut pairs: HashMap<(usize, usize), u32> = HashMap::new();
    for docs in postings.values() {
        for (i, &a) in docs.iter().enumerate() {
            for &b in &docs[i + 1..] {
                *pairs.entry((a.min(b), a.max(b))).or_default() += 1;
            }
        }
    }
    let mut out: Vec<Pair> = pairs
        .into_iter()
        .filter(|&(_, shared)| shared >= 2)
        .map(|((a, b), _)| {
            let (fa, fb) = (&profiles[a].figures, &profiles[b].figures);
            let shared = fa.iter().filter(|id| fb.binary_search(id).is_ok()).count();
            let smaller = fa.len().min(fb.len()).max(1);
            Pair {
                a,
                b,
                cosine: cosine(&profiles[a].vector, &profiles[b].vector),
                figures: shared,
                figure_share: shared as f32 / smaller as f32,
                figure_sets_min: fa.len().min(fb.len()),
                title: jaccard(&profiles[a].title, &profiles[b].title),
            }
        })
        .collect();
    out.sort_unstable_by_key(|p| (p.a, p.b));
    out
}

/// What the comparison keeps of an article.
struct Profile {
    /// The heaviest terms, weights normalised over all terms, sorted by term.
    vector: Vector,
    /// Distinctive terms shared with at least one other article: they find candidates.
    signature: Vec<u64>,
    /// Distinctive figures, sorted.
    figures: Vec<u64>,
    /// The title's terms, sorted.
    title: Vec<u64>,
}

/// How many terms of an article take part in the cosine.
const VECTOR_TERMS: usize = 96;

fn profile(a: &Article, n: usize, df: &HashMap<u64, u32>, cap: u32) -> Profile {
    let counts = term_counts(a);
    let mut weighted: Vec<(u64, f32, u32)> = counts
        .iter()
        .map(|(&id, &tf)| {
            let d = df.get(&id).copied().unwrap_or(1);
            let idf = ((n as f32 + 1.0) / (d as f32 + 0.5)).ln().max(0.0);
            (id, (1.0 + tf.ln()) * idf, d)
        })
        .collect();
    let norm = weighted.iter().map(|(_, w, _)| w * w).sum::<f32>().sqrt();
    weighted.sort_unstable_by(|x, y| y.1.total_cmp(&x.1));
    let signature = weighted
        .iter()
        .filter(|(_, _, d)| (2..=cap).contains(d))
        .take(SIGNATURE)
        .map(|(id, _, _)| *id)
        .collect();
    let mut vector: Vector = weighted
        .iter()
        .take(VECTOR_TERMS)
        .map(|(id, w, _)| (*id, if norm > 0.0 { w / norm } else { 0.0 }))
        .collect();
    vector.sort_unstable_by_key(|(id, _)| *id);
    let mut figures: Vec<u64> = figure_terms(a);
    figures.sort_unstable();
    figures.dedup();
    let mut title = Vec::new();
    for_each_term(&a.title, &mut |t| title.push(t.id()));
    title.sort_unstable();
    title.dedup();
    Profile {
        vector,
        signature,
        figures,
        title,
    }
}

fn jaccard(a: &[u64], b: &[u64]) -> f32 {
    let shared = a.iter().filter(|x| b.binary_search(x).is_ok()).count();
    let union = a.len() + b.len() - shared;
    if union == 0 {
        0.0
    } else {
        shared as f32 / union as f32
    }
}

/// Runs `work` over about equal parts of `items` on all cores.
fn in_parallel<T: Sync, R: Send>(items: &[T], work: impl Fn(&[T]) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    let chunk = items.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| s.spawn(|| work(part)))
            .collect();
        handles.into_iter().filter_map(|h| h.join().ok()).collect()
    })
}

/// Other outlet, close in time.
fn compatible(a: &Article, b: &Article) -> bool {
    if a.id == b.id {
        return false;
    }
    let same_outlet = match (&a.source, &b.source) {
        (Some(x), Some(y)) => normalise(x) == normalise(y),
        _ => false,
    };
    if same_outlet {
        return false;
    }
    match (a.published, b.published) {
        (Some(x), Some(y)) => (x - y).num_days().abs() <= MAX_DAYS_APART,
        _ => true,
    }
}

fn normalise(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn cosine(a: &Vector, b: &Vector) -> f32 {
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

/// FNV-1a: a fast, stable hash for terms.
fn hash(kind: u8, text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ u64::from(kind);
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The weighted terms of an article, hashed: title twice, body once.
fn term_counts(a: &Article) -> HashMap<u64, f32> {
    let mut out = HashMap::new();
    for_each_term(&a.title, &mut |t| *out.entry(t.id()).or_default() += 2.0);
    for_each_term(&a.body, &mut |t| *out.entry(t.id()).or_default() += 1.0);
    out
}

/// The hashed figures an article mentions (numbers of two digits or more, not years).
fn figure_terms(a: &Article) -> Vec<u64> {
    let mut out = Vec::new();
    for text in [&a.title, &a.body] {
        for_each_term(text, &mut |t| {
            if let Term::Number(n) = t
                && is_figure(n)
            {
                out.push(t.id());
            }
        });
    }
    out
}

enum Term<'a> {
    Word(&'a str),
    Bigram(char, char),
    Number(&'a str),
}

impl Term<'_> {
    fn id(&self) -> u64 {
        match self {
            Term::Word(w) => hash(b'w', w),
            Term::Number(n) => hash(b'#', n),
            Term::Bigram(a, b) => {
                let mut buf = [0u8; 8];
                let len_a = a.encode_utf8(&mut buf).len();
                let len_b = b.encode_utf8(&mut buf[len_a..]).len();
                hash(
                    b'b',
                    std::str::from_utf8(&buf[..len_a + len_b]).unwrap_or_default(),
                )
            }
        }
    }
}

/// Calls `f` for every term of `text`: English words (lower-cased, a plural `s` dropped,
/// stop words skipped), Chinese character bigrams (folded to simplified) and numbers
/// (thousands separators dropped).
fn for_each_term(text: &str, f: &mut dyn FnMut(Term<'_>)) {
    let text = to_simplified(text);
    let mut word = String::new();
    let mut num = String::new();
    let mut prev_han: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit()
            || (!num.is_empty()
                && matches!(c, ',' | '.')
                && chars.peek().is_some_and(char::is_ascii_digit))
        {
            flush_word(&mut word, f);
            prev_han = None;
            if c != ',' {
                num.push(c);
            }
            continue;
        }
        if !num.is_empty() {
            f(Term::Number(&num));
            num.clear();
        }
        if is_han(c) {
            flush_word(&mut word, f);
            if let Some(p) = prev_han {
                f(Term::Bigram(p, c));
            }
            prev_han = Some(c);
        } else if c.is_alphabetic() {
            prev_han = None;
            word.extend(c.to_lowercase());
        } else {
            flush_word(&mut word, f);
            prev_han = None;
        }
    }
    if !num.is_empty() {
        f(Term::Number(&num));
    }
    flush_word(&mut word, f);
}

fn flush_word(word: &mut String, f: &mut dyn FnMut(Term<'_>)) {
    if word.len() >= 3 && !STOP.contains(&word.as_str()) {
        let stem = word
            .strip_suffix('s')
            .filter(|s| s.len() >= 3)
            .unwrap_or(word);
        f(Term::Word(stem));
    }
    word.clear();
}

/// A number worth matching on: not a year, not a single digit.
fn is_figure(num: &str) -> bool {
    let value: f64 = num.parse().unwrap_or(0.0);
    let year = num.len() == 4 && !num.contains('.') && (1900.0..=2100.0).contains(&value);
    value >= 10.0 && !year
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::article::china_offset;

    fn art(id: &str, title: &str, source: &str, day: u32, body: &str) -> Article {
        Article {
            id: id.into(),
            title: title.into(),
            source: Some(source.into()),
            published: china_offset()
                .with_ymd_and_hms(2026, 3, day, 9, 0, 0)
                .single(),
            body: body.into(),
            ..Article::default()
        }
    }

    fn filler() -> Vec<Article> {
        (0..8)
            .map(|i| {
                art(
                    &format!("f{i}"),
                    &format!("第{i}所职业学院举办技能节"),
                    "Xiao Yuan Bao",
                    1 + i,
                    "Students showed welding, nursing and accounting skills at a campus fair.",
                )
            })
            .collect()
    }

    fn linked(articles: &mut [Article]) -> Vec<(String, Vec<String>)> {
        link(articles);
        articles
            .iter()
            .filter(|a| !a.duplicates.is_empty())
            .map(|a| (a.id.clone(), a.duplicates.clone()))
            .collect()
    }

    const ZH: &str = "教育部公布第三批产教融合实训基地名单,共64个基地入选,分布在19个省份,吸纳企业830家、院校215所。";
    const EN: &str = "The Ministry of Education named 64 training bases in its third batch, spread over 19 provinces, with 830 companies and 215 colleges taking part.";

    #[test]
    fn reports_in_two_languages_sharing_figures_are_one_story() {
        let mut a = filler();
        a.push(art(
            "zh",
            "教育部公布第三批产教融合实训基地名单",
            "Xin Hua Wang",
            10,
            ZH,
        ));
        a.push(art(
            "en",
            "第三批产教融合实训基地名单公布 64个基地入选",
            "Guang Ming Ri Bao",
            12,
            EN,
        ));
        assert_eq!(
            linked(&mut a),
            vec![
                ("zh".into(), vec!["en".into()]),
                ("en".into(), vec!["zh".into()])
            ]
        );
    }

    #[test]
    fn same_outlet_or_weeks_apart_is_not_a_duplicate() {
        let mut a = filler();
        a.push(art(
            "zh",
            "教育部公布第三批产教融合实训基地名单",
            "Xin Hua Wang",
            10,
            ZH,
        ));
        a.push(art(
            "again",
            "教育部公布第三批产教融合实训基地名单",
            "Xin Hua Wang",
            11,
            ZH,
        ));
        assert!(linked(&mut a).is_empty());
        let mut b = filler();
        b.push(art(
            "zh",
            "教育部公布第三批产教融合实训基地名单",
            "Xin Hua Wang",
            1,
            ZH,
        ));
        b.push(art(
            "late",
            "教育部公布第三批产教融合实训基地名单",
            "Ren Min Ri Bao",
            28,
            ZH,
        ));
        assert!(linked(&mut b).is_empty());
    }

    #[test]
    fn related_story_with_other_figures_is_not_linked() {
        let mut a = filler();
        a.push(art(
            "zh",
            "教育部公布第三批产教融合实训基地名单",
            "Xin Hua Wang",
            10,
            ZH,
        ));
        a.push(art(
            "other",
            "教育部公布第二批行业产教融合共同体名单",
            "Ren Min Ri Bao",
            11,
            "教育部公布第二批行业产教融合共同体名单,共37个共同体入选,由龙头企业牵头组建,覆盖12个行业。",
        ));
        assert!(linked(&mut a).is_empty());
    }

    #[test]
    fn three_reports_all_list_each_other() {
        let mut a = filler();
        a.push(art(
            "zh",
            "教育部公布第三批产教融合实训基地名单",
            "Xin Hua Wang",
            10,
            ZH,
        ));
        a.push(art(
            "en",
            "第三批产教融合实训基地名单公布 64个基地入选",
            "Guang Ming Ri Bao",
            12,
            EN,
        ));
        a.push(art(
            "en2",
            "64个产教融合实训基地入选第三批名单",
            "Zhong Guo Jiao Yu Bao",
            13,
            EN,
        ));
        link(&mut a);
        let third = a.iter().find(|x| x.id == "en2").unwrap();
        let mut d = third.duplicates.clone();
        d.sort();
        assert_eq!(d, vec!["en".to_string(), "zh".to_string()]);
    }
}
