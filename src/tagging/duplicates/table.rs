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
use std::sync::Arc;

use chrono::{DateTime, FixedOffset};
use rustc_hash::FxHashSet;

use crate::article::Article;

use super::candidates::{self, MAX_SHARED};
use super::similarity::{Frequencies, cosine, jaccard, shared};
use super::{LEAD_SKETCH, Pair, in_parallel, terms};

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

    /// Takes in a change: the articles of the files in `gone` leave, `fresh` ones come in.
    /// `fetch` gives the stored articles of some ids (the text of the few that need scoring).
    pub fn update<E>(
        &mut self,
        gone: &HashSet<&str>,
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
            if gone_files.contains(&e.file) {
                moved.push(None);
                left.push(e);
            } else {
                moved.push(Some(self.entries.len() as u32));
                self.entries.push(e);
            }
        }
        if self.freq.exact {
            // One count per article that leaves (the same id in two files is two articles).
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
                    linked: v.linked,
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
                let before: HashMap<(u32, u32), bool> =
                    kept.iter().map(|v| ((v.a, v.b), v.linked)).collect();
                let mut judged = Vec::new();
                let mut todo = Vec::new();
                for (a, b) in self.candidates() {
                    match before.get(&(a as u32, b as u32)) {
                        Some(&linked) => judged.push(Verdict {
                            a: a as u32,
                            b: b as u32,
                            linked,
                        }),
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
        // Few outlets, many articles: each outlet is folded once.
        let mut folded: HashMap<&str, Arc<str>> = HashMap::new();
        for (mut e, a) in marked.into_iter().flatten().zip(articles) {
            e.outlet = a.source.as_deref().map(|s| {
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
                    let pair = score((a, ea), (b, eb), vector(a), vector(b));
                    Verdict {
                        a: a as u32,
                        b: b as u32,
                        linked: pair.same_story() && other_outlet(ea, eb),
                    }
                })
                .collect::<Vec<_>>()
        })
        .into_iter()
        .flatten()
        .collect()
    }

    /// The stories: sets of at least two entries joined by links (A like B, B like C: one
    /// story), each sorted, in order of their first entry.
    pub fn groups(&self) -> Vec<Vec<usize>> {
        let mut parent: Vec<usize> = (0..self.entries.len()).collect();
        for v in self.pairs.iter().filter(|v| v.linked) {
            let (ra, rb) = (
                root(&mut parent, v.a as usize),
                root(&mut parent, v.b as usize),
            );
            if ra != rb {
                parent[ra.max(rb)] = ra.min(rb);
            }
        }
        let roots: Vec<usize> = (0..parent.len()).map(|i| root(&mut parent, i)).collect();
        let mut size = vec![0usize; roots.len()];
        for &r in &roots {
            size[r] += 1;
        }
        // Most articles stand alone: only sets of two or more get a list. A set's list is
        // made when its first member comes up, so the lists come out sorted, in order of
        // their first members.
        let mut slot = vec![usize::MAX; roots.len()];
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for (i, &r) in roots.iter().enumerate() {
            if size[r] < 2 {
                continue;
            }
            if slot[r] == usize::MAX {
                slot[r] = groups.len();
                groups.push(Vec::with_capacity(size[r]));
            }
            groups[slot[r]].push(i);
        }
        groups
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
        title: jaccard(ea.title(), eb.title()),
    }
}

/// Reports of one story come from different outlets.
fn other_outlet(a: &Entry, b: &Entry) -> bool {
    if a.id == b.id {
        return false;
    }
    match (&a.outlet, &b.outlet) {
        (Some(x), Some(y)) => x != y,
        _ => true,
    }
}

fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
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
            table.update(&HashSet::new(), &f.1, &mut fetch).unwrap();
            now.push(f.clone());
            assert_eq!(seen(&table), seen(&rebuilt(&now)), "after adding {}", f.0);
        }
        let (stories, _, _) = seen(&table);
        assert!(stories.contains(&vec!["en".into(), "en2".into(), "zh".into()]));
        assert!(stories.contains(&vec!["car1".into(), "car2".into()]));
        // Remove one report of each story, and the copy of another.
        for gone in ["zh.txt", "copy.txt", "en.txt"] {
            table
                .update(&HashSet::from([gone]), &[], &mut fetch)
                .unwrap();
            now.retain(|(f, _)| f != gone);
            assert_eq!(seen(&table), seen(&rebuilt(&now)), "after removing {gone}");
        }
        // A file changed: it leaves and comes back with other articles.
        let back = files.iter().find(|(f, _)| f == "zh.txt").unwrap().clone();
        table.update(&HashSet::new(), &back.1, &mut fetch).unwrap();
        now.push(back.clone());
        let mut changed = back.1.clone();
        changed.truncate(1);
        table
            .update(&HashSet::from(["zh.txt"]), &changed, &mut fetch)
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
        table.update(&HashSet::new(), &more, &mut fetch).unwrap();
        now.extend(files[47..49].iter().cloned());
        assert_eq!(seen(&table), seen(&rebuilt(&now)));
        assert_eq!(fillers(&table), 0);
        table
            .update(&HashSet::from(["f0.txt", "f1.txt"]), &[], &mut fetch)
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
            .update(&HashSet::new(), &files[9].1, &mut fetch)
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
