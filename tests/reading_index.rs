//! Reading state against the real index: unread and starred counts and filters agree with
//! the in-memory catalog, and marks survive a rebuild of the index and files re-saved
//! unchanged.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod index_common;
mod tui_support;

use std::collections::BTreeSet;
use std::sync::Arc;

use chanjiao::filter::{Filter, Mark, NATIONAL};
use chanjiao::index::{OpenOptions, SearchRequest};
use chanjiao::state::{Delta, Marks, Store};
use chanjiao::tui::backend::{Catalog, Request, Response, Sort};

fn ids(r: &Response) -> BTreeSet<String> {
    r.rows.iter().map(|r| r.id.clone()).collect()
}

/// Every third article read, every fifth starred (in the memory catalog's order).
fn some_marks(all: &Response) -> Arc<Marks> {
    let mut m = Marks::default();
    for (i, row) in all.rows.iter().enumerate() {
        m.set_read(&row.id, i % 3 == 0);
        m.set_starred(&row.id, i % 5 == 0);
    }
    Arc::new(m)
}

#[test]
fn unread_and_starred_agree_with_the_memory_catalog() {
    let indexed = tui_support::indexed_sample();
    let memory = tui_support::sample();
    let req = |query: &str, filter: Filter, marks: &Arc<Marks>| Request {
        query: query.into(),
        filter,
        limit: 10_000,
        marks: marks.clone(),
        ..Request::default()
    };
    let all = memory
        .search(&req("", Filter::default(), &Arc::default()))
        .unwrap();
    let marks = some_marks(&all);
    let read = marks.read.len();
    let starred = marks.starred.len();
    assert!(read > 3 && starred > 3 && read < all.total);

    let with = |marks: Vec<Mark>, provinces: Vec<&'static str>| Filter {
        marks,
        provinces,
        ..Filter::default()
    };
    for (q, f) in [
        ("", Filter::default()),
        ("", with(vec![Mark::Unread], vec![])),
        ("", with(vec![Mark::Starred], vec![])),
        ("", with(vec![Mark::Unread, Mark::Starred], vec![])),
        ("", with(vec![Mark::Unread], vec![NATIONAL])),
        ("技能", with(vec![Mark::Starred], vec![])),
        ("province:广东", with(vec![Mark::Unread], vec![])),
    ] {
        let m = memory.search(&req(q, f.clone(), &marks)).unwrap();
        let i = indexed.search(&req(q, f.clone(), &marks)).unwrap();
        assert!(m.total > 0, "{q} {f:?}: the sample has matches");
        assert_eq!(ids(&i), ids(&m), "{q} {f:?}");
        assert_eq!(
            i.facets, m.facets,
            "{q} {f:?}: every count, reading state too"
        );
    }

    // The counts themselves, with no filter: exactly the marks.
    let i = indexed.search(&req("", Filter::default(), &marks)).unwrap();
    assert_eq!(i.facets.marks.unread, all.total - read);
    assert_eq!(i.facets.marks.starred, starred);
    // Filtering by Unread leaves Unread's count and narrows the provinces' counts.
    let unread = indexed
        .search(&req("", with(vec![Mark::Unread], vec![]), &marks))
        .unwrap();
    assert_eq!(unread.total, all.total - read);
    assert_eq!(unread.facets.marks.unread, all.total - read);
    assert!(unread.rows.iter().all(|r| !marks.is_read(&r.id)));
    let provinces: usize = unread.facets.provinces.iter().map(|(_, n)| n).sum();
    let provinces_all: usize = i.facets.provinces.iter().map(|(_, n)| n).sum();
    assert!(provinces < provinces_all);
    // Ids that are not in the index change nothing.
    let mut stray = (*marks).clone();
    stray.set_read("no-such-article", true);
    stray.set_starred("no-such-article", true);
    let s = indexed
        .search(&req("", Filter::default(), &Arc::new(stray)))
        .unwrap();
    assert_eq!(s.facets, i.facets);
    // New marks are never answered from the sets kept for the last ones, and back again.
    let none = indexed
        .search(&req("", Filter::default(), &Arc::default()))
        .unwrap();
    assert_eq!(none.facets.marks.unread, all.total);
    assert_eq!(none.facets.marks.starred, 0);
    let mut one_more = (*marks).clone();
    let unread_id = all.rows.iter().find(|r| !marks.is_read(&r.id)).unwrap();
    one_more.set_read(&unread_id.id, true);
    let again = indexed
        .search(&req("", Filter::default(), &Arc::new(one_more)))
        .unwrap();
    assert_eq!(again.facets.marks.unread, all.total - read - 1);
    let back = indexed.search(&req("", Filter::default(), &marks)).unwrap();
    assert_eq!(back.facets, i.facets);
}

#[test]
fn marks_survive_a_rebuild_and_files_saved_again_unchanged() {
    let corpus = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    index_common::small_corpus(corpus.path());
    let (index, _) = index_common::open(data.path(), corpus.path());
    let mut req = SearchRequest::new("");
    req.limit = 100;
    let hits = index.search(&req).unwrap().hits;
    assert_eq!(hits.len(), 3);
    let (read, star) = (hits[0].article.id.clone(), hits[2].article.id.clone());

    // Mark through the store, as the reader does.
    let mut d = Delta::default();
    d.read.insert(read.clone(), true);
    d.starred.insert(star.clone(), true);
    Store::in_data_dir(data.path()).save(&d).unwrap();
    drop(index);

    // Save one file again with the same text, then rebuild the index from scratch.
    let a = corpus.path().join("a.txt");
    let text = std::fs::read(&a).unwrap();
    std::fs::write(&a, &text).unwrap();
    let (index, report) = index_common::open_with(
        data.path(),
        corpus.path(),
        OpenOptions {
            rebuild: true,
            ..OpenOptions::default()
        },
    );
    assert!(report.rebuilt.is_some());

    let (state, notice) = Store::in_data_dir(data.path()).load();
    assert_eq!(notice, None);
    let marks = Arc::new(state.marks());
    assert!(marks.is_read(&read) && marks.is_starred(&star));
    let results = index.search_marked(&req, Some(&marks)).unwrap();
    assert_eq!(results.marks.unread, 2);
    assert_eq!(results.marks.starred, 1);
    let mut unread = req.clone();
    unread.filter.marks = vec![Mark::Unread];
    let left: Vec<String> = index
        .search_marked(&unread, Some(&marks))
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.article.id)
        .collect();
    assert_eq!(left.len(), 2);
    assert!(!left.contains(&read));
    // The state folder is beside the indexes, not inside them.
    let state_path = Store::in_data_dir(data.path()).path();
    assert!(state_path.starts_with(data.path()));
    assert!(!state_path.starts_with(data.path().join("indexes")));
}

/// The ids of a whole list as a set.
fn sorted(mut ids: Vec<String>) -> Vec<String> {
    ids.sort();
    ids
}

#[test]
fn every_id_of_a_list_agrees_with_the_memory_catalog() {
    let indexed = tui_support::indexed_sample();
    let memory = tui_support::sample();
    let everything = Request {
        limit: 10_000,
        ..Request::default()
    };
    let all = memory.search(&everything).unwrap();
    let marks = some_marks(&all);
    let unread = Filter {
        marks: vec![Mark::Unread],
        ..Filter::default()
    };
    for (q, f) in [
        ("", Filter::default()),
        ("", unread.clone()),
        ("技能 -province:江苏", unread),
        ("province:广东 OR province:浙江", Filter::default()),
        ("无人机 before:1990", Filter::default()),
    ] {
        // A window and an order that the whole list must not depend on.
        let req = Request {
            query: q.into(),
            filter: f.clone(),
            offset: 3,
            limit: 2,
            sort: Sort::Oldest,
            marks: marks.clone(),
            ..Request::default()
        };
        let listed = memory
            .search(&Request {
                offset: 0,
                limit: 10_000,
                ..req.clone()
            })
            .unwrap();
        let expected = sorted(listed.rows.iter().map(|r| r.id.clone()).collect());
        assert_eq!(expected.len(), listed.total, "{q} {f:?}");
        assert_eq!(sorted(memory.ids(&req).unwrap()), expected, "{q} {f:?}");
        assert_eq!(sorted(indexed.ids(&req).unwrap()), expected, "{q} {f:?}");
    }
    // A mistake in the query is an error, as it is for a search.
    let wrong = Request {
        query: "province:Atlantis".into(),
        ..Request::default()
    };
    assert!(indexed.ids(&wrong).is_err());
}

#[test]
fn every_id_is_found_across_segments_and_deleted_ones_are_not() {
    let corpus = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    index_common::small_corpus(corpus.path());
    index_common::open(data.path(), corpus.path());
    // A second segment, and one article of the first removed.
    index_common::write(
        corpus.path(),
        "d.txt",
        &index_common::page(
            "无人机应用技术专业开设订单班",
            "2025-11-02",
            "学院与无人机企业合作开设订单班。",
        ),
    );
    std::fs::remove_file(corpus.path().join("c.txt")).unwrap();
    let (index, _) = index_common::open(data.path(), corpus.path());
    let mut req = SearchRequest::new("");
    req.limit = 100;
    let listed: Vec<String> = (index.search(&req).unwrap().hits.into_iter())
        .map(|h| h.article.id)
        .collect();
    assert_eq!(listed.len(), 3);
    let ids = index.matching_ids(&req, None).unwrap();
    assert_eq!(sorted(ids), sorted(listed));
    let mut read = Marks::default();
    for id in index
        .matching_ids(&SearchRequest::new("订单班"), None)
        .unwrap()
    {
        read.set_read(&id, true);
    }
    assert_eq!(read.read.len(), 1);
    let mut unread = SearchRequest::new("");
    unread.filter.marks = vec![Mark::Unread];
    let left = index.matching_ids(&unread, Some(&Arc::new(read))).unwrap();
    assert_eq!(left.len(), 2);
}

#[test]
fn the_next_unread_article_is_where_the_list_puts_it() {
    let indexed = tui_support::indexed_sample();
    let all = indexed
        .search(&Request {
            limit: 10_000,
            ..Request::default()
        })
        .unwrap();
    let marks = some_marks(&all);
    for (q, sort) in [
        ("", Sort::Newest),
        ("", Sort::Oldest),
        ("产教融合", Sort::Relevance),
        ("技能 -province:江苏", Sort::Newest),
    ] {
        let req = Request {
            query: q.into(),
            sort,
            marks: marks.clone(),
            ..Request::default()
        };
        let listed = indexed
            .search(&Request {
                limit: 10_000,
                ..req.clone()
            })
            .unwrap();
        assert!(listed.total > 3, "{q}");
        for from in 0..=listed.total {
            let want = (from..listed.total).find(|i| !marks.is_read(&listed.rows[*i].id));
            assert_eq!(
                indexed.next_unread(&req, from).unwrap(),
                want,
                "{q} from {from}"
            );
        }
    }
    // With nothing read, the article at the place asked for.
    let none = Request {
        marks: Arc::default(),
        ..Request::default()
    };
    assert_eq!(indexed.next_unread(&none, 4).unwrap(), Some(4));
}
