//! What linking keeps between updates, so that adding a few articles to a large corpus does
//! not mean reading every article again: per article its id, file, date, outlet and marks,
//! the candidate pairs with their verdicts, and the document frequencies.
//!
//! An update drops the articles of removed files, marks the new ones, finds the candidate
//! pairs again from the stored keys (no text needed) and scores only what it must, reading
//! the text of just those articles. With exact document frequencies (corpora of up to
//! [`super::similarity`]'s sample size) every candidate pair is scored again, so the links
//! are those a full build would find. Beyond that the frequencies are the last full build's
//! sample, rescaled to the new size, and pairs scored before keep their verdict: only a pair
//! whose similarity sits right at a threshold can come out otherwise than in a full build.

use std::collections::{HashMap, HashSet};

use crate::tagging::regions::has_national_marker;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset};
use rustc_hash::FxHashSet;

use crate::article::Article;

use super::candidates::{self, MAX_SHARED};
use super::similarity::{Frequencies, cosine, jaccard, shared};
use super::{LEAD_SKETCH, Pair, Places, in_parallel, terms};

/// One article as linking sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub id: String,
    /// Index of its file in [`LinkTable::files`].
    pub file: u32,
    pub published: Option<DateTime<FixedOffset>>,
    /// The outlet, folded for comparison; entries of one outlet share the text.
    pub outlet: Option<Arc<str>>,
    /// The figures, the title terms and the sketch of the opening, one after the other in
    /// one list (a table holds 100k entries: one allocation each, not three); the figures
    /// and the title terms are sorted hashes.
    hashes: Vec<u64>,
    /// Where the title terms and the sketch start in `hashes`.
    split: [usize; 2],
}

impl Entry {
    /// An entry whose `hashes` are its figures, title terms and lead sketch one after the
    /// other, the first two parts `lens` long.
    pub(super) fn joined(
        id: String,
        file: u32,
        published: Option<DateTime<FixedOffset>>,
        outlet: Option<Arc<str>>,
        hashes: Vec<u64>,
        lens: [usize; 2],
    ) -> Entry {
        let title_at = lens[0].min(hashes.len());
        let lead_at = (title_at + lens[1]).min(hashes.len());
        Entry {
            id,
            file,
            published,
            outlet,
            hashes,
            split: [title_at, lead_at],
        }
    }

    fn of(a: &Article) -> Entry {
        let mut hashes = terms::figures(&[&a.title, &a.body]);
        let figures = hashes.len();
        let title = terms::title_terms(&a.title);
        hashes.extend_from_slice(&title);
        hashes.extend(terms::lead_sketch(&a.body, LEAD_SKETCH));
        Entry::joined(
            a.id.clone(),
            0,
            a.published,
            None,
            hashes,
            [figures, title.len()],
        )
    }

    /// Figures, sorted hashes.
    pub fn figures(&self) -> &[u64] {
        self.hashes.get(..self.split[0]).unwrap_or_default()
    }

    /// Title terms, sorted hashes.
    pub fn title(&self) -> &[u64] {
        self.hashes
            .get(self.split[0]..self.split[1])
            .unwrap_or_default()
    }

    /// The sketch of the opening.
    pub fn lead(&self) -> &[u64] {
        self.hashes.get(self.split[1]..).unwrap_or_default()
    }

    /// The keys candidates are found by: figures, title terms and the lead sketch.
    fn keys(&self) -> Vec<u64> {
        let mut keys = self.hashes.clone();
        keys.sort_unstable();
        keys.dedup();
        keys
    }
}

/// Gives the stored articles of some ids.
pub type Fetch<'f, E> = dyn FnMut(&[&str]) -> Result<HashMap<String, Article>, E> + 'f;

/// A candidate pair of [`LinkTable::entries`] (`a < b`) and whether it is one story.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict {
    pub a: u32,
    pub b: u32,
    pub linked: bool,
    /// One outlet's report of the story twice (a second run, one text listed twice): not
    /// linked, but the two may stand in one story, each listing the other outlets' reports.
    pub copies: bool,
    /// How alike the two are, their cosine similarity in ten-thousandths: linked pairs join
    /// into stories strongest first.
    pub strength: u16,
}

/// Everything linking needs to take in a change without reading the whole corpus.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LinkTable {
    /// The corpus files the entries came from.
    pub files: Vec<String>,
    pub entries: Vec<Entry>,
    /// Every candidate pair, sorted.
    pub pairs: Vec<Verdict>,
    pub freq: Frequencies,
}

impl LinkTable {
    /// Links `articles` from scratch.
    pub fn build(articles: &[Article]) -> LinkTable {
        let mut table = LinkTable {
            freq: Frequencies::of(articles),
            ..LinkTable::default()
        };
        table.append(articles);
        let text = |i: usize| articles.get(i);
        table.pairs = table.judge(&table.candidates(), &text);
        table
    }

    /// Takes in a change: the articles of the files in `gone` and those of `moved_ids` (now
    /// indexed from another file) leave, `fresh` ones come in.
    /// `fetch` gives the stored articles of some ids (the text of the few that need scoring).
    pub fn update<E>(
        &mut self,
        gone: &HashSet<&str>,
        moved_ids: &HashSet<String>,
        fresh: &[Article],
        fetch: &mut Fetch<'_, E>,
    ) -> Result<(), E> {
        let gone_files: HashSet<u32> = self
            .files
            .iter()
            .enumerate()
            .filter(|(_, f)| gone.contains(f.as_str()))
            .map(|(i, _)| i as u32)
            .collect();
        let old = std::mem::take(&mut self.entries);
        // New index of each old entry that stays.
        let mut moved: Vec<Option<u32>> = Vec::with_capacity(old.len());
        let mut left: Vec<Entry> = Vec::new();
        for e in old {
            if gone_files.contains(&e.file) || moved_ids.contains(&e.id) {
                moved.push(None);
                left.push(e);
            } else {
                moved.push(Some(self.entries.len() as u32));
                self.entries.push(e);
            }
        }
        if self.freq.exact {
            // One count per article that leaves.
            let ids: Vec<&str> = left.iter().map(|e| e.id.as_str()).collect();
            let texts = fetch(&ids)?;
            for id in ids {
                if let Some(a) = texts.get(id) {
                    self.freq.count(a, -1.0);
                }
            }
            for a in fresh {
                self.freq.count(a, 1.0);
            }
        }
        // The old pairs between entries that stay, renumbered (the order is kept).
        let kept: Vec<Verdict> = self
            .pairs
            .iter()
            .filter_map(|v| {
                Some(Verdict {
                    a: moved.get(v.a as usize).copied().flatten()?,
                    b: moved.get(v.b as usize).copied().flatten()?,
                    ..*v
                })
            })
            .collect();
        let base = self.entries.len();
        self.append(fresh);
        self.freq.resize(self.entries.len());
        let (mut judged, todo) = match self.new_pairs(base, &left) {
            Some(new) => (kept, new),
            None => {
                // Some key became common or rare again: find every pair anew, and score
                // those that were not candidates before.
                let before: HashMap<(u32, u32), Verdict> =
                    kept.iter().map(|v| ((v.a, v.b), *v)).collect();
                let mut judged = Vec::new();
                let mut todo = Vec::new();
                for (a, b) in self.candidates() {
                    match before.get(&(a as u32, b as u32)) {
                        Some(&v) => judged.push(v),
                        None => todo.push((a, b)),
                    }
                }
                (judged, todo)
            }
        };
        let todo = if self.freq.exact {
            // Exact frequencies changed: every pair is scored again, as a full build would.
            let mut all: Vec<(usize, usize)> = judged
                .drain(..)
                .map(|v| (v.a as usize, v.b as usize))
                .collect();
            all.extend(todo);
            all
        } else {
            todo
        };
        let mut ids: Vec<&str> = todo
            .iter()
            .flat_map(|&(a, b)| [a, b])
            .filter(|&i| i < base)
            .map(|i| self.entries[i].id.as_str())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        let stored = fetch(&ids)?;
        let text = |i: usize| match i.checked_sub(base) {
            Some(k) => fresh.get(k),
            None => self.entries.get(i).and_then(|e| stored.get(&e.id)),
        };
        judged.extend(self.judge(&todo, &text));
        judged.sort_unstable_by_key(|v| (v.a, v.b));
        self.pairs = judged;
        Ok(())
    }

    /// The candidate pairs that involve an entry from `base` on (the new ones), found from
    /// the posting lists of their keys alone. `None` when the change makes a key cross
    /// [`MAX_SHARED`] (counting the entries that `left`): pairs between old entries then
    /// change too.
    fn new_pairs(&self, base: usize, left: &[Entry]) -> Option<Vec<(usize, usize)>> {
        let mut leaving: HashMap<u64, usize> = HashMap::new();
        for e in left {
            for k in e.keys() {
                *leaving.entry(k).or_default() += 1;
            }
        }
        let fresh_keys: Vec<Vec<u64>> = self.entries[base..].iter().map(Entry::keys).collect();
        // Looked up for every key of every entry: a hash set with a cheap hash.
        let mut touched: FxHashSet<u64> = leaving.keys().copied().collect();
        touched.extend(fresh_keys.iter().flatten());
        // Posting lists of the touched keys, over the entries now in the table (an entry
        // once per key, though a key may stand in more than one of its lists).
        let mut postings: HashMap<u64, Vec<u32>> = HashMap::new();
        for (i, e) in self.entries[..base].iter().enumerate() {
            let i = i as u32;
            for &k in &e.hashes {
                if touched.contains(&k) {
                    let list = postings.entry(k).or_default();
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                }
            }
        }
        for (i, keys) in fresh_keys.iter().enumerate() {
            for k in keys {
                postings.entry(*k).or_default().push((base + i) as u32);
            }
        }
        let common = |n: usize| n > MAX_SHARED;
        for k in &touched {
            let now = postings.get(k).map_or(0, Vec::len);
            let fresh = fresh_keys
                .iter()
                .filter(|ks| ks.binary_search(k).is_ok())
                .count();
            let before = now - fresh + leaving.get(k).copied().unwrap_or(0);
            if common(now) != common(before) {
                return None;
            }
        }
        let mut shared: HashMap<(u32, u32), u8> = HashMap::new();
        for (i, keys) in fresh_keys.iter().enumerate() {
            let b = (base + i) as u32;
            for k in keys {
                let Some(list) = postings.get(k).filter(|l| l.len() <= MAX_SHARED) else {
                    continue;
                };
                for &a in list.iter().take_while(|&&a| a < b) {
                    if candidates::close(
                        self.entries[a as usize].published,
                        self.entries[b as usize].published,
                    ) {
                        let n = shared.entry((a, b)).or_default();
                        *n = n.saturating_add(1);
                    }
                }
            }
        }
        Some(candidates::sharing_two(shared))
    }

    /// Adds entries for `articles`, marking them on all cores.
    fn append(&mut self, articles: &[Article]) {
        let marked: Vec<Vec<Entry>> =
            in_parallel(articles, |part| part.iter().map(Entry::of).collect());
        let mut file_no: HashMap<String, u32> = self
            .files
            .iter()
            .enumerate()
            .map(|(i, f)| (f.clone(), i as u32))
            .collect();
        // Few outlets, many articles: each outlet is folded once. An outlet is known by its
        // Chinese name when there is one, so that `Xin Hua Wang` and `新华网` are one outlet.
        let mut folded: HashMap<&str, Arc<str>> = HashMap::new();
        for (mut e, a) in marked.into_iter().flatten().zip(articles) {
            let name = a.source_zh.as_deref().or(a.source.as_deref());
            e.outlet = name.map(|s| {
                folded
                    .entry(s)
                    .or_insert_with(|| crate::filter::fold(s).into())
                    .clone()
            });
            e.file = match file_no.get(&a.file) {
                Some(&i) => i,
                None => {
                    let i = self.files.len() as u32;
                    self.files.push(a.file.clone());
                    file_no.insert(a.file.clone(), i);
                    i
                }
            };
            self.entries.push(e);
        }
    }

    fn candidates(&self) -> Vec<(usize, usize)> {
        let keys: Vec<Vec<u64>> = in_parallel(&self.entries, |part| {
            part.iter().map(Entry::keys).collect::<Vec<_>>()
        })
        .into_iter()
        .flatten()
        .collect();
        let dates: Vec<_> = self.entries.iter().map(|e| e.published).collect();
        candidates::pairs(&keys, &dates)
    }

    /// Scores `pairs` with the articles' text from `text`, on all cores.
    fn judge<'t>(
        &self,
        pairs: &[(usize, usize)],
        text: &(dyn Fn(usize) -> Option<&'t Article> + Sync),
    ) -> Vec<Verdict> {
        // The TF-IDF vector of every article in a pair, each computed once.
        let mut needed: Vec<usize> = pairs.iter().flat_map(|&(a, b)| [a, b]).collect();
        needed.sort_unstable();
        needed.dedup();
        let computed: Vec<Vec<(u64, f32)>> = in_parallel(&needed, |part| {
            part.iter()
                .map(|&i| text(i).map(|a| self.freq.vector(a)).unwrap_or_default())
                .collect::<Vec<_>>()
        })
        .into_iter()
        .flatten()
        .collect();
        let vector = |i: usize| {
            needed
                .binary_search(&i)
                .ok()
                .and_then(|k| computed.get(k))
                .map_or(&[][..], Vec::as_slice)
        };
        in_parallel(pairs, |part| {
            part.iter()
                .map(|&(a, b)| {
                    let (ea, eb) = (&self.entries[a], &self.entries[b]);
                    let mut pair = score((a, ea), (b, eb), vector(a), vector(b));
                    if let (Some(ta), Some(tb)) = (text(a), text(b)) {
                        pair.places = Places::of(&ta.provinces, &tb.provinces);
                        if pair.places == Places::Unknown
                            && ta.provinces.is_empty()
                            && tb.provinces.is_empty()
                            && [ta, tb].iter().all(|t| {
                                has_national_marker(&t.title) || has_national_marker(&t.body)
                            })
                        {
                            pair.places = Places::National;
                        }
                        pair.across_languages = in_english(ta) != in_english(tb);
                    }
                    Verdict {
                        a: a as u32,
                        b: b as u32,
                        linked: pair.same_story() && other_outlet(ea, eb),
                        copies: pair.same_story() && same_outlet(ea, eb),
                        strength: (pair.cosine.clamp(0.0, 1.0) * 10_000.0).round() as u16,
                    }
                })
                .collect::<Vec<_>>()
        })
        .into_iter()
        .flatten()
        .collect()
    }

    /// The stories: sets of at least two entries joined by links, each sorted, in order of
    /// their first entry.
    ///
    /// Linked pairs are taken strongest first (ties in the order of the two ids and files,
    /// never of positions: a table built in another order gives the same stories). A pair
    /// whose reports are in two different sets joins the sets only when the result can be
    /// one event ([`Story::joins`]); otherwise the link stays out of the stories. So A like
    /// B and B like C make one story only when A, B and C all fit together.
    /// The other reports of entry `i` in its `group` (one of [`LinkTable::groups`]): the
    /// group's entries but `i` and the copies of its outlet's report.
    pub fn other_reports(&self, group: &[usize], i: usize) -> Vec<usize> {
        let outlet = |k: usize| self.entries.get(k).and_then(|e| e.outlet.as_ref());
        group
            .iter()
            .copied()
            .filter(|&k| k != i && (outlet(i).is_none() || outlet(k) != outlet(i)))
            .collect()
    }

    pub fn groups(&self) -> Vec<Vec<usize>> {
        let n = self.entries.len();
        let mut linked: Vec<&Verdict> = self
            .pairs
            .iter()
            .filter(|v| v.linked && (v.a as usize) < n && (v.b as usize) < n)
            .collect();
        let key = |i: u32| {
            let e = &self.entries[i as usize];
            let file = self.files.get(e.file as usize).map_or("", String::as_str);
            (e.id.as_str(), file)
        };
        let ends = |v: &Verdict| {
            let (x, y) = (key(v.a), key(v.b));
            if x <= y { (x, y) } else { (y, x) }
        };
        linked.sort_by(|p, q| {
            q.strength
                .cmp(&p.strength)
                .then_with(|| ends(p).cmp(&ends(q)))
        });
        let mut near: HashMap<u32, Vec<u32>> = HashMap::new();
        for v in &linked {
            near.entry(v.a).or_default().push(v.b);
            near.entry(v.b).or_default().push(v.a);
        }
        let copies: HashSet<(u32, u32)> = self
            .pairs
            .iter()
            .filter(|v| v.copies)
            .map(|v| (v.a.min(v.b), v.a.max(v.b)))
            .collect();
        // Each linked entry's story, as an index into `stories`; a story that joins another
        // is left empty.
        let mut story_of: HashMap<u32, usize> = HashMap::new();
        let mut stories: Vec<Story> = Vec::new();
        for v in linked {
            let [sa, sb] = [v.a, v.b].map(|i| {
                *story_of.entry(i).or_insert_with(|| {
                    stories.push(Story::of(i, &self.entries[i as usize]));
                    stories.len() - 1
                })
            });
            if sa == sb
                || !stories[sa].joins(&stories[sb], &near, &copies, &story_of, sb, &self.entries)
            {
                continue;
            }
            let (keep, gone) = if stories[sa].members.len() >= stories[sb].members.len() {
                (sa, sb)
            } else {
                (sb, sa)
            };
            let moved = std::mem::take(&mut stories[gone]);
            for &i in &moved.members {
                story_of.insert(i, keep);
            }
            stories[keep].take_in(moved);
        }
        let mut groups: Vec<Vec<usize>> = stories
            .into_iter()
            .filter(|s| s.members.len() >= 2)
            .map(|s| {
                let mut g: Vec<usize> = s.members.iter().map(|&i| i as usize).collect();
                g.sort_unstable();
                g
            })
            .collect();
        groups.sort_unstable();
        groups
    }
}

/// A story being put together by [`LinkTable::groups`]: its entries, their outlets and the
/// span of their dates.
#[derive(Debug, Default)]
struct Story {
    members: Vec<u32>,
    outlets: Vec<Arc<str>>,
    /// The first and the last date of its dated entries.
    dates: Option<(DateTime<FixedOffset>, DateTime<FixedOffset>)>,
}

impl Story {
    fn of(i: u32, e: &Entry) -> Story {
        Story {
            members: vec![i],
            outlets: e.outlet.iter().cloned().collect(),
            dates: e.published.map(|d| (d, d)),
        }
    }

    /// Whether this story and `other` (number `other_no` in `story_of`) can be one: their
    /// dated entries all within [`super::MAX_DAYS_APART`] days, no outlet in both but for
    /// copies of its report, at least
    /// half of the links there could be between them there, and one of those links between
    /// two dated entries when both have any (an undated entry does not bridge dated ones).
    fn joins(
        &self,
        other: &Story,
        near: &HashMap<u32, Vec<u32>>,
        copies: &HashSet<(u32, u32)>,
        story_of: &HashMap<u32, usize>,
        other_no: usize,
        entries: &[Entry],
    ) -> bool {
        if let (Some((a0, a1)), Some((b0, b1))) = (self.dates, other.dates)
            && !candidates::close(Some(a0.min(b0)), Some(a1.max(b1)))
        {
            return false;
        }
        // An outlet in both: only for copies of its report, each pair of them judged one
        // story (an outlet that ran the story twice, or one text listed twice). They are
        // then not each other's duplicates ([`LinkTable::other_reports`]).
        if self.outlets.iter().any(|o| other.outlets.contains(o)) {
            let outlet = |i: u32| entries[i as usize].outlet.as_ref();
            let all_copies = self.members.iter().all(|&i| {
                other.members.iter().all(|&j| {
                    outlet(i).is_none()
                        || outlet(i) != outlet(j)
                        || copies.contains(&(i.min(j), i.max(j)))
                })
            });
            if !all_copies {
                return false;
            }
        }
        let dated = |i: u32| entries[i as usize].published.is_some();
        let (mut links, mut dated_link) = (0usize, false);
        for &i in &self.members {
            for &j in near.get(&i).map_or(&[][..], Vec::as_slice) {
                if story_of.get(&j) == Some(&other_no) {
                    links += 1;
                    dated_link |= dated(i) && dated(j);
                }
            }
        }
        let bridged = self.dates.is_some() && other.dates.is_some() && !dated_link;
        2 * links >= self.members.len() * other.members.len() && !bridged
    }

    fn take_in(&mut self, other: Story) {
        self.members.extend(other.members);
        self.outlets.extend(other.outlets);
        self.dates = match (self.dates, other.dates) {
            (Some((a0, a1)), Some((b0, b1))) => Some((a0.min(b0), a1.max(b1))),
            (a, b) => a.or(b),
        };
    }
}

fn score(
    (a, ea): (usize, &Entry),
    (b, eb): (usize, &Entry),
    va: &[(u64, f32)],
    vb: &[(u64, f32)],
) -> Pair {
    let (fa, fb) = (ea.figures(), eb.figures());
    let both = shared(fa, fb);
    Pair {
        a,
        b,
        cosine: cosine(va, vb),
        figures: both,
        figure_share: both as f32 / fa.len().min(fb.len()).max(1) as f32,
        figure_sets_min: fa.len().min(fb.len()),
        figure_sets_max: fa.len().max(fb.len()),
        title: jaccard(ea.title(), eb.title()),
        undated: ea.published.is_none() || eb.published.is_none(),
        places: Places::Unknown,
        across_languages: false,
    }
}

/// Is the article written in English (more Latin letters than Han characters in its title
/// and opening)?
fn in_english(a: &Article) -> bool {
    let (mut latin, mut han) = (0usize, 0usize);
    for c in a.title.chars().chain(a.body.chars().take(400)) {
        if c.is_ascii_alphabetic() {
            latin += 1;
        } else if crate::text::is_han(c) {
            han += 1;
        }
    }
    latin > han
}

/// Reports of one story come from different outlets. Two reports with neither an outlet nor
/// a date say nothing of where or when they come from (numbered entries of one listing,
/// `…第4期` and `…第14期`): they are not taken for one story.
/// Two reports of one named outlet.
fn same_outlet(a: &Entry, b: &Entry) -> bool {
    a.outlet.is_some() && a.outlet == b.outlet
}

fn other_outlet(a: &Entry, b: &Entry) -> bool {
    if a.id == b.id {
        return false;
    }
    match (&a.outlet, &b.outlet) {
        (Some(x), Some(y)) => x != y,
        (None, None) => a.published.is_some() || b.published.is_some(),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    fn art(id: &str, file: &str, title: &str, source: &str, day: u32, body: &str) -> Article {
        Article {
            file: file.into(),
            ..super::super::tests::art(id, title, source, day, body)
        }
    }

    const ZH: &str = "教育部公布第三批产教融合实训基地名单,共64个基地入选,分布在19个省份,吸纳企业830家、院校215所。";
    const EN: &str = "The Ministry of Education named 64 training bases in its third batch, spread over 19 provinces, with 830 companies and 215 colleges taking part.";
    const CAR: &str =
        "新能源汽车产业学院在柳州揭牌,首批招收学生320人,合作企业46家,共建实训工位580个。";

    /// Files of a small corpus: filler, two stories told by several outlets, a report with
    /// other figures, and the same article in two files.
    fn corpus() -> Vec<(String, Vec<Article>)> {
        corpus_with(8)
    }

    fn corpus_with(fillers: u32) -> Vec<(String, Vec<Article>)> {
        let mut files: Vec<(String, Vec<Article>)> = (0..fillers)
            .map(|i| {
                let f = format!("f{i}.txt");
                let a = art(
                    &format!("f{i}"),
                    &f,
                    &format!("第{i}所职业学院举办技能节"),
                    "Xiao Yuan Bao",
                    1 + i % 20,
                    "Students showed welding, nursing and accounting skills at a campus fair.",
                );
                (f, vec![a])
            })
            .collect();
        let title = "教育部公布第三批产教融合实训基地名单";
        files.push((
            "zh.txt".into(),
            vec![
                art("zh", "zh.txt", title, "Xin Hua Wang", 10, ZH),
                art(
                    "car1",
                    "zh.txt",
                    "柳州新能源汽车产业学院揭牌",
                    "Xin Hua Wang",
                    11,
                    CAR,
                ),
            ],
        ));
        files.push((
            "en.txt".into(),
            vec![
                art(
                    "en",
                    "en.txt",
                    "第三批产教融合实训基地名单公布 64个基地入选",
                    "Guang Ming Ri Bao",
                    12,
                    EN,
                ),
                art(
                    "car2",
                    "en.txt",
                    "柳州新能源汽车产业学院揭牌 首批招生320人",
                    "Guang Ming Ri Bao",
                    12,
                    CAR,
                ),
            ],
        ));
        files.push((
            "en2.txt".into(),
            vec![art(
                "en2",
                "en2.txt",
                "64个产教融合实训基地入选第三批名单",
                "Zhong Guo Jiao Yu Bao",
                13,
                EN,
            )],
        ));
        files.push((
            "copy.txt".into(),
            vec![art(
                "en2",
                "copy.txt",
                "64个产教融合实训基地入选第三批名单",
                "Zhong Guo Jiao Yu Bao",
                13,
                EN,
            )],
        ));
        files.push((
            "other.txt".into(),
            vec![art(
                "other",
                "other.txt",
                "教育部公布第二批行业产教融合共同体名单",
                "Ren Min Ri Bao",
                11,
                "教育部公布第二批行业产教融合共同体名单,共37个共同体入选,由龙头企业牵头组建,覆盖12个行业。",
            )],
        ));
        files
    }

    /// What a table says, independent of entry order: stories, pairs and frequencies.
    type Seen = (
        BTreeSet<Vec<String>>,
        BTreeSet<(String, String, bool)>,
        Vec<(u64, u32)>,
    );

    fn seen(t: &LinkTable) -> Seen {
        let id = |i: u32| t.entries[i as usize].id.clone();
        let stories = t
            .groups()
            .iter()
            .map(|g| {
                let mut ids: Vec<String> = g.iter().map(|&i| t.entries[i].id.clone()).collect();
                ids.sort();
                ids.dedup();
                ids
            })
            .collect();
        let pairs = t
            .pairs
            .iter()
            .map(|v| {
                let (a, b) = (id(v.a), id(v.b));
                (a.clone().min(b.clone()), a.max(b), v.linked)
            })
            .collect();
        let mut df: Vec<(u64, u32)> = t.freq.df.iter().map(|(k, d)| (*k, *d as u32)).collect();
        df.sort_unstable();
        (stories, pairs, df)
    }

    /// A table of reports `(id, day in March or undated, outlet)`, in the order given, and
    /// the links between them `(id, id, strength)`.
    fn linked_table(
        reports: &[(&str, Option<u32>, &str)],
        links: &[(&str, &str, u16)],
    ) -> LinkTable {
        use chrono::TimeZone;
        let entries: Vec<Entry> = reports
            .iter()
            .map(|&(id, day, outlet)| {
                let date = day.and_then(|d| {
                    crate::article::china_offset()
                        .with_ymd_and_hms(2026, 3, d, 9, 0, 0)
                        .single()
                });
                Entry::joined(id.into(), 0, date, Some(outlet.into()), Vec::new(), [0, 0])
            })
            .collect();
        let at = |id: &str| entries.iter().position(|e| e.id == id).unwrap() as u32;
        let mut pairs: Vec<Verdict> = links
            .iter()
            .map(|&(x, y, strength)| Verdict {
                a: at(x).min(at(y)),
                b: at(x).max(at(y)),
                linked: true,
                copies: false,
                strength,
            })
            .collect();
        pairs.sort_unstable_by_key(|v| (v.a, v.b));
        LinkTable {
            files: vec!["f.txt".into()],
            entries,
            pairs,
            ..LinkTable::default()
        }
    }

    /// The stories of a table as sorted ids, whatever the order of its entries.
    fn stories(t: &LinkTable) -> Vec<Vec<&str>> {
        let mut all: Vec<Vec<&str>> = t
            .groups()
            .iter()
            .map(|g| {
                let mut ids: Vec<&str> = g.iter().map(|&i| t.entries[i].id.as_str()).collect();
                ids.sort_unstable();
                ids
            })
            .collect();
        all.sort();
        all
    }

    #[test]
    fn a_story_lies_within_the_window_as_a_whole() {
        // a and b are 9 days apart, b and c too: a and c are 18.
        let reports = [
            ("a", Some(1), "X"),
            ("b", Some(10), "Y"),
            ("c", Some(19), "Z"),
        ];
        let t = linked_table(&reports, &[("a", "b", 5000), ("b", "c", 4000)]);
        assert_eq!(stories(&t), vec![vec!["a", "b"]]);
        // The stronger link decides which two make the story.
        let t = linked_table(&reports, &[("a", "b", 4000), ("b", "c", 5000)]);
        assert_eq!(stories(&t), vec![vec!["b", "c"]]);
    }

    #[test]
    fn an_outlet_appears_once_in_a_story_whatever_the_order_of_entries() {
        let mut reports = [
            ("a", Some(1), "X"),
            ("b", Some(2), "Y"),
            ("c", Some(3), "X"),
        ];
        // Links as strong as each other: the ids decide, not the positions.
        let links = [("a", "b", 5000), ("b", "c", 5000)];
        assert_eq!(
            stories(&linked_table(&reports, &links)),
            vec![vec!["a", "b"]]
        );
        reports.reverse();
        assert_eq!(
            stories(&linked_table(&reports, &links)),
            vec![vec!["a", "b"]]
        );
    }

    #[test]
    fn an_undated_report_does_not_bridge_dated_ones() {
        let reports = [("a", Some(1), "X"), ("u", None, "Y"), ("b", Some(5), "Z")];
        let t = linked_table(&reports, &[("a", "u", 6000), ("u", "b", 5000)]);
        assert_eq!(stories(&t), vec![vec!["a", "u"]]);
        // Dated reports linked themselves are one story with it.
        let t = linked_table(
            &reports,
            &[("a", "u", 6000), ("u", "b", 5000), ("a", "b", 4000)],
        );
        assert_eq!(stories(&t), vec![vec!["a", "b", "u"]]);
    }

    #[test]
    fn two_stories_joined_by_one_link_stay_two() {
        let reports = [
            ("a", Some(1), "W"),
            ("b", Some(2), "X"),
            ("c", Some(3), "Y"),
            ("d", Some(4), "Z"),
        ];
        // One link of the four there could be between {a, b} and {c, d}.
        let chain = [("a", "b", 6000), ("c", "d", 5000), ("b", "c", 4000)];
        let t = linked_table(&reports, &chain);
        assert_eq!(stories(&t), vec![vec!["a", "b"], vec!["c", "d"]]);
        // Three of the four: one story.
        let mut more = chain.to_vec();
        more.extend([("a", "c", 3000), ("b", "d", 3000)]);
        let t = linked_table(&reports, &more);
        assert_eq!(stories(&t), vec![vec!["a", "b", "c", "d"]]);
    }

    fn rebuilt(files: &[(String, Vec<Article>)]) -> LinkTable {
        let all: Vec<Article> = files.iter().flat_map(|(_, a)| a.clone()).collect();
        LinkTable::build(&all)
    }

    #[test]
    fn adds_changes_and_removals_link_as_a_full_build_does() {
        let files = corpus();
        let every: HashMap<String, Article> = files
            .iter()
            .flat_map(|(_, a)| a.iter().map(|a| (a.id.clone(), a.clone())))
            .collect();
        let mut fetched = 0;
        let mut fetch = |ids: &[&str]| -> Result<HashMap<String, Article>, ()> {
            fetched += ids.len();
            Ok(ids
                .iter()
                .filter_map(|id| every.get(*id).map(|a| (id.to_string(), a.clone())))
                .collect())
        };
        // Start with the filler, then add the stories one file at a time.
        let mut now: Vec<(String, Vec<Article>)> = files[..8].to_vec();
        let mut table = rebuilt(&now);
        for f in &files[8..] {
            table
                .update(&HashSet::new(), &HashSet::new(), &f.1, &mut fetch)
                .unwrap();
            now.push(f.clone());
            assert_eq!(seen(&table), seen(&rebuilt(&now)), "after adding {}", f.0);
        }
        let (stories, _, _) = seen(&table);
        assert!(stories.contains(&vec!["en".into(), "en2".into(), "zh".into()]));
        assert!(stories.contains(&vec!["car1".into(), "car2".into()]));
        // Remove one report of each story, and the copy of another.
        for gone in ["zh.txt", "copy.txt", "en.txt"] {
            table
                .update(&HashSet::from([gone]), &HashSet::new(), &[], &mut fetch)
                .unwrap();
            now.retain(|(f, _)| f != gone);
            assert_eq!(seen(&table), seen(&rebuilt(&now)), "after removing {gone}");
        }
        // A file changed: it leaves and comes back with other articles.
        let back = files.iter().find(|(f, _)| f == "zh.txt").unwrap().clone();
        table
            .update(&HashSet::new(), &HashSet::new(), &back.1, &mut fetch)
            .unwrap();
        now.push(back.clone());
        let mut changed = back.1.clone();
        changed.truncate(1);
        table
            .update(
                &HashSet::from(["zh.txt"]),
                &HashSet::new(),
                &changed,
                &mut fetch,
            )
            .unwrap();
        now.retain(|(f, _)| f != "zh.txt");
        now.push(("zh.txt".into(), changed));
        assert_eq!(seen(&table), seen(&rebuilt(&now)));
        assert!(fetched > 0);
    }

    #[test]
    fn keys_turning_common_or_rare_again_relink_as_a_full_build_does() {
        // 47 fillers share their opening: two more make those keys too common to count.
        let files = corpus_with(49);
        let every: HashMap<String, Article> = files
            .iter()
            .flat_map(|(_, a)| a.iter().map(|a| (a.id.clone(), a.clone())))
            .collect();
        let mut fetch = |ids: &[&str]| -> Result<HashMap<String, Article>, ()> {
            Ok(ids
                .iter()
                .filter_map(|id| every.get(*id).map(|a| (id.to_string(), a.clone())))
                .collect())
        };
        let mut now: Vec<(String, Vec<Article>)> = files
            .iter()
            .filter(|(f, _)| f != "f47.txt" && f != "f48.txt")
            .cloned()
            .collect();
        let mut table = rebuilt(&now);
        let fillers = |t: &LinkTable| t.pairs.iter().filter(|v| v.b < 47).count();
        assert!(fillers(&table) > 0);
        let more: Vec<Article> = files[47..49].iter().flat_map(|(_, a)| a.clone()).collect();
        table
            .update(&HashSet::new(), &HashSet::new(), &more, &mut fetch)
            .unwrap();
        now.extend(files[47..49].iter().cloned());
        assert_eq!(seen(&table), seen(&rebuilt(&now)));
        assert_eq!(fillers(&table), 0);
        table
            .update(
                &HashSet::from(["f0.txt", "f1.txt"]),
                &HashSet::new(),
                &[],
                &mut fetch,
            )
            .unwrap();
        now.retain(|(f, _)| f != "f0.txt" && f != "f1.txt");
        assert_eq!(seen(&table), seen(&rebuilt(&now)));
        assert!(fillers(&table) > 0);
    }

    #[test]
    fn sampled_frequencies_keep_old_verdicts_and_score_only_new_pairs() {
        let files = corpus();
        let mut table = rebuilt(&files[..9]);
        // As if the corpus were large: frequencies from a sample, left as they are.
        table.freq.exact = false;
        let df = table.freq.df.clone();
        let old = table.pairs.clone();
        let mut asked: Vec<String> = Vec::new();
        let zh = files[8].1.clone();
        let mut fetch = |ids: &[&str]| -> Result<HashMap<String, Article>, ()> {
            asked.extend(ids.iter().map(|s| s.to_string()));
            Ok(zh
                .iter()
                .filter(|a| ids.contains(&a.id.as_str()))
                .map(|a| (a.id.clone(), a.clone()))
                .collect())
        };
        table
            .update(&HashSet::new(), &HashSet::new(), &files[9].1, &mut fetch)
            .unwrap();
        assert_eq!(table.freq.df, df);
        assert_eq!(table.freq.n, 12.0);
        // Old pairs kept their verdicts; only partners of the new reports were read back.
        let base = old.iter().map(|v| v.b).max().unwrap() + 1;
        assert_eq!(
            table
                .pairs
                .iter()
                .filter(|v| v.b < base)
                .collect::<Vec<_>>(),
            old.iter().collect::<Vec<_>>()
        );
        let mut partners: Vec<String> = table
            .pairs
            .iter()
            .filter(|v| v.b >= base && v.a < base)
            .map(|v| table.entries[v.a as usize].id.clone())
            .collect();
        partners.sort();
        partners.dedup();
        asked.sort();
        assert_eq!(asked, partners);
        assert!(asked.contains(&"zh".to_string()));
        let (stories, _, _) = seen(&table);
        assert!(stories.contains(&vec!["en".into(), "zh".into()]));
        assert!(stories.contains(&vec!["car1".into(), "car2".into()]));
    }
}
