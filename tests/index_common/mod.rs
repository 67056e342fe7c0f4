//! Helpers shared by the index lifecycle tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use chanjiao::index::{CorpusSet, Index, OpenOptions, SearchRequest, UpdateReport};

/// A news page in the single-article layout.
pub fn page(title: &str, date: &str, body: &str) -> String {
    format!("{title}\nRen Min Ri Bao· {date} 09:30\n\n{body}\n")
}

pub fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

/// One single-article page per (title, date, body), in a file named for its title.
pub fn write_pages(dir: &Path, pages: &[(&str, &str, &str)]) {
    for (title, date, body) in pages {
        write(dir, &format!("{title}.txt"), &page(title, date, body));
    }
}

/// An index of `pages` (title, date, body), each a file of its own: the corpus and data
/// folders, and the index.
pub fn indexed_pages(
    pages: &[(&str, &str, &str)],
) -> (tempfile::TempDir, tempfile::TempDir, Index) {
    let corpus = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    write_pages(corpus.path(), pages);
    let (index, _) = open(data.path(), corpus.path());
    (corpus, data, index)
}

pub fn open(data: &Path, corpus: &Path) -> (Index, UpdateReport) {
    open_with(data, corpus, OpenOptions::default())
}

pub fn open_with(data: &Path, corpus: &Path, opts: OpenOptions) -> (Index, UpdateReport) {
    Index::open(data, &CorpusSet::paths([corpus]), opts, &mut |_| {}).unwrap()
}

/// Holds an index's update lock as another process would, until the file is dropped.
pub fn hold_update_lock(index_root: &Path) -> std::fs::File {
    let lock = std::fs::OpenOptions::new()
        .write(true)
        .open(index_root.join("lock"))
        .unwrap();
    fs4::fs_std::FileExt::lock_exclusive(&lock).unwrap();
    lock
}

/// The first 100 articles a search finds, best first.
pub fn found(index: &Index, q: &str) -> Vec<chanjiao::article::Article> {
    let mut req = SearchRequest::new(q);
    req.limit = 100;
    let hits = index.search(&req).unwrap().hits;
    hits.into_iter().map(|h| h.article).collect()
}

pub fn titles(index: &Index, q: &str) -> Vec<String> {
    found(index, q).into_iter().map(|a| a.title).collect()
}

pub fn total(index: &Index, q: &str) -> usize {
    index.search(&SearchRequest::new(q)).unwrap().total
}

/// A small corpus of hand-written pages.
pub fn small_corpus(dir: &Path) {
    write(
        dir,
        "a.txt",
        &page(
            "德州深化产教融合 新增76个紧缺专业",
            "2025-10-11",
            "德州市职业院校围绕新能源装备和智能制造调整专业设置,与企业共建产业学院。",
        ),
    );
    write(
        dir,
        "b.txt",
        &page(
            "Suzhou colleges train skilled workers for chip makers",
            "2025-09-02",
            "Core Viewpoint - Vocational colleges in Suzhou, Jiangsu are training skilled workers for semiconductor packaging plants [1].",
        ),
    );
    write(
        dir,
        "c.txt",
        &page(
            "市域产教联合体建设提速",
            "2024-12-24",
            "教育部公布第二批市域产教联合体名单,推动现代学徒制和订单班等合作育人新实践。",
        ),
    );
}
