//! The same article in more than one corpus file (a digest saved twice, one item on two
//! days' listing pages) is one article: listed, counted and linked once, from the first
//! file in label order, whether the index was built at once or updated file by file.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod index_common;

use std::path::Path;

use chanjiao::index::{Facets, Index, OpenOptions, SearchRequest};
use index_common::*;

/// One line per article (id, file name, topic, sorted duplicates, provinces, sectors), and
/// the facet counts of the whole index.
fn contents(index: &Index) -> (Vec<String>, Facets) {
    let mut req = SearchRequest::new("");
    req.limit = 100_000;
    let results = index.search(&req).unwrap();
    let mut rows: Vec<String> = results
        .hits
        .into_iter()
        .map(|h| {
            let a = h.article;
            let mut dups = a.duplicates.clone();
            dups.sort();
            let name = Path::new(&a.file).file_name().unwrap().to_string_lossy();
            format!(
                "{} {name} {:?} {dups:?} {:?} {:?}",
                a.id, a.topic, a.provinces, a.sectors
            )
        })
        .collect();
    rows.sort();
    (rows, results.facets)
}

/// The file names of the articles a search finds.
fn file_of(index: &Index, query: &str) -> Vec<String> {
    let name = |a: chanjiao::article::Article| {
        let p = Path::new(&a.file);
        p.file_name().unwrap().to_string_lossy().into_owned()
    };
    found(index, query).into_iter().map(name).collect()
}

#[test]
fn a_page_saved_twice_is_one_article() {
    let corpus = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    small_corpus(corpus.path());
    let a = std::fs::read(corpus.path().join("a.txt")).unwrap();
    std::fs::write(corpus.path().join("z-saved-again.txt"), &a).unwrap();
    std::fs::write(corpus.path().join("0-saved-first.txt"), &a).unwrap();
    let (index, report) = open(data.path(), corpus.path());
    assert_eq!((index.len(), report.articles), (3, 3), "{report:?}");
    assert_eq!((report.files, report.copies), (5, 2), "{report:?}");
    assert_eq!(file_of(&index, "产教融合"), vec!["0-saved-first.txt"]);
    // The article read from the index names the other files, in path order.
    let names = |paths: &[String]| -> Vec<String> {
        let name = |p: &String| {
            Path::new(p)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        };
        paths.iter().map(name).collect()
    };
    let article = found(&index, "产教融合").remove(0);
    assert_eq!(names(&article.also_in), vec!["a.txt", "z-saved-again.txt"]);
    assert_eq!(
        index.get(&article.id).unwrap().unwrap().also_in,
        article.also_in
    );
    let others = found(&index, "Suzhou").remove(0);
    assert!(others.also_in.is_empty(), "{others:?}");
    let facets = index.search(&SearchRequest::new("")).unwrap().facets;
    assert_eq!(
        Facets::count(&facets.provinces, "Shandong"),
        1,
        "{facets:?}"
    );
    drop(index);

    // Reopened as it stands: the same counts from the manifest.
    let (index, report) = open(data.path(), corpus.path());
    assert!(!report.changed_anything(), "{report:?}");
    assert_eq!((index.len(), report.copies), (3, 2), "{report:?}");
}

/// A listing page from the sample and a later one that repeats some of its items: after
/// each change the index holds what a full build of the same files holds.
#[test]
fn copies_follow_changes_as_a_rebuild_does() {
    let corpus = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let sample = chanjiao::corpus::sample::files();
    let bytes = |part: &str| {
        sample
            .iter()
            .find(|(label, _)| label.contains(part))
            .map(|(_, b)| b.to_vec())
            .unwrap()
    };
    let put = |name: &str, b: &[u8]| std::fs::write(corpus.path().join(name), b).unwrap();
    let listing = bytes("01_listing");
    let single = bytes("05_single");
    put("b-listing.txt", &listing);
    put("c-single.txt", &single);
    // `copies`: how many the step should find, when known.
    let step = |what: &str, copies: Option<usize>| {
        let (index, report) = open(data.path(), corpus.path());
        assert_eq!(report.rebuilt, None, "{what}");
        let fresh = tempfile::tempdir().unwrap();
        let (rebuilt, full) = open(fresh.path(), corpus.path());
        assert_eq!(report.copies, full.copies, "{what}: {report:?}");
        if let Some(n) = copies {
            assert_eq!(full.copies, n, "{what}: {full:?}");
        }
        assert_eq!(index.len(), rebuilt.len(), "{what}");
        assert_eq!(contents(&index), contents(&rebuilt), "{what}");
        index
    };
    drop(open(data.path(), corpus.path()));
    let all = step("built", Some(0)).len();
    // The single page gives one article, the listing the rest.
    let listed = all - 1;

    // A later copy of the listing: nothing new.
    put("d-listing-again.txt", &listing);
    let index = step("a later copy", Some(listed));
    assert_eq!(index.len(), all);
    drop(index);

    // An earlier copy: the articles are now indexed from it.
    put("a-listing-first.txt", &listing);
    let index = step("an earlier copy", Some(2 * listed));
    assert!(
        file_of(&index, "烟台")
            .iter()
            .all(|f| f == "a-listing-first.txt"),
        "{:?}",
        file_of(&index, "烟台")
    );
    drop(index);

    // The first copy goes: the next one in order takes its place.
    std::fs::remove_file(corpus.path().join("a-listing-first.txt")).unwrap();
    let index = step("the first copy removed", Some(listed));
    assert_eq!(file_of(&index, "烟台"), vec!["b-listing.txt"]);
    drop(index);

    // The first copy changes: its articles that stay the same stay, from it; the one it
    // changed is an article of its own.
    let text = String::from_utf8(listing.clone()).unwrap();
    let edited = text.replacen("retiring", "dropping", 1);
    assert_ne!(edited, text);
    put("b-listing.txt", edited.as_bytes());
    let index = step("the first copy changed", Some(listed - 1));
    assert_eq!(index.len(), all + 1);
    assert_eq!(file_of(&index, "retiring"), vec!["d-listing-again.txt"]);
    assert_eq!(file_of(&index, "dropping"), vec!["b-listing.txt"]);
    drop(index);

    // Every copy but one goes.
    std::fs::remove_file(corpus.path().join("b-listing.txt")).unwrap();
    let index = step("one copy left", Some(0));
    assert_eq!(index.len(), all);
    drop(index);

    // A file that holds the listing and the single page one after the other, whatever it
    // is read as: the same as a rebuild, and a rebuild asked for agrees.
    let mut both = listing.clone();
    both.extend_from_slice(b"\n");
    both.extend_from_slice(&single);
    put("e-both.txt", &both);
    drop(step("a page holding another", None));
    let rebuild = OpenOptions {
        rebuild: true,
        ..Default::default()
    };
    let (index, report) = open_with(data.path(), corpus.path(), rebuild);
    let fresh = tempfile::tempdir().unwrap();
    let (rebuilt, full) = open(fresh.path(), corpus.path());
    assert_eq!(report.copies, full.copies);
    assert_eq!(contents(&index), contents(&rebuilt));
}

/// Copies do not list each other as other reports of a story.
#[test]
fn a_copy_is_not_another_report() {
    let corpus = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    small_corpus(corpus.path());
    let a = std::fs::read(corpus.path().join("c.txt")).unwrap();
    std::fs::write(corpus.path().join("c-again.txt"), &a).unwrap();
    let (index, _) = open(data.path(), corpus.path());
    let (rows, _) = contents(&index);
    assert!(rows.iter().all(|r| r.contains(" [] ")), "{rows:#?}");
}
