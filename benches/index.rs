//! Index benchmarks over a synthetic corpus (`chanjiao::synth`): full build, adding one file,
//! opening a built index, and Chinese / English / filtered queries. The jieba floor (cutting
//! all the corpus text with `cut_for_search` on every core) is measured alongside so the
//! build can be compared with it on the same machine, and so is tantivy with jieba and
//! nothing else, the least any positional jieba index of the corpus costs, and tantivy alone
//! on tokens jieba cut beforehand.
//!
//! `cargo bench --bench index` runs at 10k articles; `CHANJIAO_BENCH_100K=1` adds 100k.
//! Corpora are generated once into the system temp dir and reused.

#![allow(clippy::expect_used)]

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chanjiao::index::{CorpusSet, Index, OpenOptions, SearchRequest, Sort};
use chanjiao::state::Marks;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use tantivy::schema::IndexRecordOption;

const SEED: u64 = 2025;

fn corpus(articles: usize) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("chanjiao-bench-corpus-{articles}-{SEED}"));
    let done = dir.join(".complete");
    if !done.exists() {
        let _ = std::fs::remove_dir_all(&dir);
        let s = chanjiao::synth::generate(&dir.join("files"), articles, SEED).expect("generate");
        eprintln!(
            "generated {} articles in {} files, {:.1} MB",
            s.articles,
            s.files.len(),
            s.bytes as f64 / 1e6
        );
        std::fs::write(&done, b"").expect("mark");
    }
    dir.join("files")
}

fn sizes() -> Vec<usize> {
    let mut v = vec![10_000];
    if std::env::var_os("CHANJIAO_BENCH_100K").is_some() {
        v.push(100_000);
    }
    v
}

fn open_opts(data: &Path, files: &Path, rebuild: bool, quick: bool) -> Index {
    Index::open(
        data,
        &CorpusSet::paths([files]),
        OpenOptions {
            rebuild,
            quick,
            ..Default::default()
        },
        &mut |_| {},
    )
    .expect("open")
    .0
}

fn open(data: &Path, files: &Path, rebuild: bool) -> Index {
    open_opts(data, files, rebuild, false)
}

/// All corpus text cut with jieba search mode on every core: the floor for a build.
fn jieba_floor(files: &Path) -> Duration {
    let texts = corpus_texts(files);
    let jieba = jieba_rs::Jieba::new();
    let threads = threads();
    let start = Instant::now();
    std::thread::scope(|s| {
        for chunk in texts.chunks(texts.len().div_ceil(threads).max(1)) {
            let jieba = &jieba;
            s.spawn(move || {
                let mut n = 0usize;
                for t in chunk {
                    n += jieba.cut_for_search(t, true).len();
                }
                black_box(n)
            });
        }
    });
    start.elapsed()
}

/// What tantivy alone costs with jieba: every corpus file as one document of one text field
/// (tantivy-jieba in search mode, positions kept), written with the threads and memory of a
/// full build and committed. No parsing, tagging, stored text or facets: a lower bound for
/// any build of a positional tantivy index over jieba tokens.
fn tantivy_jieba_only(files: &Path, dir: &Path) -> Duration {
    let texts = corpus_texts(files);
    let (index, body) = bare_index(dir, IndexRecordOption::WithFreqsAndPositions);
    index
        .tokenizers()
        .register(BARE_TOKENIZER, tantivy_jieba::JiebaTokenizer::new());
    let start = Instant::now();
    write_all(&index, body, &texts);
    start.elapsed()
}

/// tantivy's own share of `tantivy_jieba_only`: the same documents, cut by jieba (search
/// mode, as tantivy-jieba cuts them) before the clock starts and handed to tantivy as their
/// words joined by a separator, which a tokenizer as cheap as one can be splits again. What
/// is timed is tantivy indexing those words, and the commit. The jieba floor plus this is
/// about the least any build can take that cuts with jieba and indexes with tantivy,
/// however its tokenizer is written and however well the two share the cores. `record` says
/// what the postings keep: positions (which phrases need), or frequencies only.
fn tantivy_pre_cut(files: &Path, dir: &Path, record: IndexRecordOption) -> Duration {
    let jieba = jieba_rs::Jieba::new();
    let cut: Vec<String> = corpus_texts(files)
        .iter()
        .map(|t| {
            let words: Vec<&str> = jieba
                .cut_for_search(t, true)
                .iter()
                .map(|w| w.word)
                .collect();
            words.join(PreCut::SEPARATOR)
        })
        .collect();
    let (index, body) = bare_index(dir, record);
    index.tokenizers().register(BARE_TOKENIZER, PreCut);
    let start = Instant::now();
    write_all(&index, body, &cut);
    start.elapsed()
}

/// The tokenizer name of [`bare_index`]'s one field.
const BARE_TOKENIZER: &str = "bare";

/// A new index in `dir` (emptied first) with one text field, cut by the tokenizer that the
/// caller registers as [`BARE_TOKENIZER`].
fn bare_index(dir: &Path, record: IndexRecordOption) -> (tantivy::Index, tantivy::schema::Field) {
    use tantivy::schema::{Schema, TextFieldIndexing, TextOptions};
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).expect("index dir");
    let mut schema = Schema::builder();
    let body = schema.add_text_field(
        "body",
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(BARE_TOKENIZER)
                .set_index_option(record),
        ),
    );
    let index = tantivy::Index::create_in_dir(dir, schema.build()).expect("create");
    (index, body)
}

/// Every text as one document of `field`, written with the threads, memory and merge policy
/// of a full build, and committed.
fn write_all(index: &tantivy::Index, field: tantivy::schema::Field, texts: &[String]) {
    let mut writer: tantivy::IndexWriter = index
        .writer_with_num_threads(threads(), 384 << 20)
        .expect("writer");
    writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
    for chunk in texts.chunks(16) {
        let docs: Vec<_> = chunk
            .iter()
            .map(|t| tantivy::indexer::UserOperation::Add(tantivy::doc!(field => t.as_str())))
            .collect();
        writer.run(docs).expect("add");
    }
    writer.commit().expect("commit");
}

/// Splits text at [`PreCut::SEPARATOR`]: each piece is one token, positions count pieces.
#[derive(Clone)]
struct PreCut;

impl PreCut {
    const SEPARATOR: &str = "\u{1}";
}

struct PreCutStream<'a> {
    text: &'a str,
    at: usize,
    token: tantivy::tokenizer::Token,
}

impl tantivy::tokenizer::Tokenizer for PreCut {
    type TokenStream<'a> = PreCutStream<'a>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> PreCutStream<'a> {
        let token = tantivy::tokenizer::Token {
            position: usize::MAX,
            ..Default::default()
        };
        PreCutStream { text, at: 0, token }
    }
}

impl tantivy::tokenizer::TokenStream for PreCutStream<'_> {
    fn advance(&mut self) -> bool {
        while self.at < self.text.len() {
            let from = self.at;
            let to = self.text[from..]
                .find(PreCut::SEPARATOR)
                .map_or(self.text.len(), |i| from + i);
            self.at = to + PreCut::SEPARATOR.len();
            if to > from {
                let t = &mut self.token;
                t.offset_from = from;
                t.offset_to = to;
                t.position = t.position.wrapping_add(1);
                t.text.clear();
                t.text.push_str(&self.text[from..to]);
                return true;
            }
        }
        false
    }
    fn token(&self) -> &tantivy::tokenizer::Token {
        &self.token
    }
    fn token_mut(&mut self) -> &mut tantivy::tokenizer::Token {
        &mut self.token
    }
}

/// Every corpus file's text, read before the timed part of a bench.
fn corpus_texts(files: &Path) -> Vec<String> {
    walk(files)
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

/// The threads a full build uses (one per core, at most 8).
fn threads() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .clamp(1, 8)
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p)
            } else {
                out.push(p)
            }
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    for n in sizes() {
        let files = corpus(n);
        let mut g = c.benchmark_group(format!("index-{}k", n / 1000));
        g.sample_size(10)
            .measurement_time(Duration::from_secs(if n >= 100_000 { 60 } else { 15 }));

        g.bench_function("jieba_floor", |b| {
            b.iter_custom(|iters| (0..iters).map(|_| jieba_floor(&files)).sum())
        });

        let bare = tempfile::tempdir().expect("tempdir");
        g.bench_function("tantivy_jieba_only", |b| {
            b.iter_custom(|iters| {
                (0..iters)
                    .map(|_| tantivy_jieba_only(&files, &bare.path().join("index")))
                    .sum()
            })
        });
        drop(bare);

        let pre_cut = tempfile::tempdir().expect("tempdir");
        for (name, record) in [
            ("tantivy_pre_cut", IndexRecordOption::WithFreqsAndPositions),
            ("tantivy_pre_cut_no_positions", IndexRecordOption::WithFreqs),
        ] {
            g.bench_function(name, |b| {
                b.iter_custom(|iters| {
                    (0..iters)
                        .map(|_| tantivy_pre_cut(&files, &pre_cut.path().join("index"), record))
                        .sum()
                })
            });
        }
        drop(pre_cut);

        let data = tempfile::tempdir().expect("tempdir");
        g.bench_function("full_build", |b| {
            b.iter(|| black_box(open(data.path(), &files, true).len()))
        });

        // Adding one listing page of 10 articles to the built index (then removing it, untimed).
        let extra = files.join("bench-extra.txt");
        g.bench_function("add_one_file", |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for i in 0..iters {
                    std::fs::write(&extra, chanjiao::synth::listing_page(i + 1, 10))
                        .expect("write");
                    let t = Instant::now();
                    black_box(open(data.path(), &files, false).len());
                    total += t.elapsed();
                    std::fs::remove_file(&extra).expect("remove");
                    open(data.path(), &files, false);
                }
                total
            })
        });

        g.bench_function("open_up_to_date", |b| {
            b.iter(|| black_box(open(data.path(), &files, false).len()))
        });

        let index = open(data.path(), &files, false);
        let queries = [
            ("zh_word", "产教融合"),
            ("zh_long", "市域产教联合体"),
            ("zh_sentence", "职业院校开设订单班"),
            // A word jieba keeps inside a longer one (冷链物流): found by a term-dictionary scan.
            ("zh_inside", "冷链"),
            // Typed across a word boundary (the end of 企业, then 共建): side by side.
            ("zh_across", "业共建"),
            ("en_word", "robots"),
            ("en_phrase", "\"skilled workers\""),
            ("filtered", "产教融合 province:Shandong after:2025-01"),
            ("or_not", "无人机 OR drones -Shenzhen"),
            // Nothing matches: the query is offered put right (robots)...
            ("typo", "robtos"),
            // ...or without the words no article holds with the rest.
            ("question", "how do colleges train robots"),
            // A Chinese question typed as one run, taken apart to lose its question word.
            ("zh_question", "职业院校如何开展产教融合"),
        ];
        for (name, q) in queries {
            let mut req = SearchRequest::new(q);
            req.limit = 20;
            g.bench_with_input(BenchmarkId::new("search", name), &req, |b, req| {
                b.iter(|| black_box(index.search(req).expect("search").total))
            });
        }
        let mut list = SearchRequest::new("");
        list.sort = Sort::Newest;
        g.bench_function("list_newest_with_facets", |b| {
            b.iter(|| black_box(index.search(&list).expect("list").total))
        });
        // What the reader asks when the order changes under an article far down the list:
        // every result ranked to find where it went, 200 rows around it.
        let mut far = SearchRequest::new("");
        far.sort = Sort::Newest;
        far.offset = index.len() * 2 / 3;
        far.limit = 1;
        let far_id = index
            .search(&far)
            .expect("list")
            .hits
            .first()
            .map(|h| h.article.id.clone());
        let mut around = SearchRequest::new("");
        around.sort = Sort::Oldest;
        around.limit = 200;
        around.around = far_id;
        g.bench_function("list_oldest_around_an_article", |b| {
            b.iter(|| black_box(index.search(&around).expect("list").offset))
        });

        // `A` in the reader: the ids of every article of a list, without loading them.
        let everything = SearchRequest::new("");
        g.bench_function("ids_of_every_article", |b| {
            b.iter(|| black_box(index.matching_ids(&everything, None).expect("ids").len()))
        });
        // The first search after the whole corpus was marked read: the read set of every
        // segment made from every id.
        let mut all_read = Marks::default();
        for id in index.matching_ids(&everything, None).expect("ids") {
            all_read.set_read(&id, true);
        }
        let mut turns = [Arc::new(all_read.clone()), Arc::new(Marks::default())];
        g.bench_function("list_with_every_article_read", |b| {
            b.iter(|| {
                // With no marks first (as cheap as `list_newest_with_facets`), so that the
                // sets of every read article are made afresh each time.
                for marks in turns.iter().rev() {
                    let r = index.search_marked(&list, Some(marks)).expect("list");
                    black_box(r.marks.unread);
                }
            })
        });
        let mut turn = 0;
        // Then one article marked unread, and read again (`r` twice): the sets of the
        // search before are changed by one id.
        if let Some(one) = all_read.read.iter().next().cloned() {
            let mut all_but_one = all_read.clone();
            all_but_one.set_read(&one, false);
            turns[1] = Arc::new(all_but_one);
        }
        // `u` with every article read but the oldest, near the end of the newest-first list:
        // where it is, in one pass over the results.
        let mut last = list.clone();
        last.sort = Sort::Oldest;
        last.limit = 1;
        if let Some(h) = index.search(&last).expect("list").hits.first() {
            let mut all_but_last = all_read.clone();
            all_but_last.set_read(&h.article.id, false);
            let marks = Arc::new(all_but_last);
            g.bench_function("next_unread_at_the_end", |b| {
                b.iter(|| black_box(index.next_unread(&list, &marks, 0).expect("unread")))
            });
        }
        g.bench_function("list_after_one_article_marked", |b| {
            b.iter(|| {
                turn += 1;
                let marks = &turns[turn % 2];
                let r = index.search_marked(&list, Some(marks)).expect("list");
                black_box(r.marks.unread)
            })
        });

        // What `chanjiao search WORD --limit 20` does in a fresh process: open, check
        // freshness (quick: folder times only), search, load the hits.
        g.bench_function("open_quick_and_search", |b| {
            b.iter(|| {
                let index = open_opts(data.path(), &files, false, true);
                black_box(
                    index
                        .search(&SearchRequest::new("产教融合"))
                        .expect("search")
                        .hits
                        .len(),
                )
            })
        });
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
