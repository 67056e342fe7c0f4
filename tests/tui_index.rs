//! The index-backed catalog agrees with the in-memory one on the sample corpus.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod tui_support;

use std::collections::BTreeSet;
use std::sync::Arc;

use chanjiao::filter::{Filter, NATIONAL};
use chanjiao::index::Unfiltered;
use chanjiao::tui::backend::{Catalog, Request, Response, Sort};

fn indexed() -> Arc<dyn Catalog> {
    tui_support::indexed_sample()
}

fn both(request: &Request) -> (Response, Response) {
    let memory = tui_support::sample().search(request).unwrap();
    let index = indexed().search(request).unwrap();
    (memory, index)
}

fn ids(r: &Response) -> BTreeSet<String> {
    r.rows.iter().map(|r| r.id.clone()).collect()
}

fn request(query: &str, filter: Filter) -> Request {
    Request {
        query: query.into(),
        filter,
        limit: 10_000,
        ..Default::default()
    }
}

#[test]
fn same_size_and_facets_with_no_query() {
    let (m, i) = both(&request("", Filter::default()));
    assert_eq!(indexed().len(), tui_support::sample().len());
    assert_eq!(i.total, m.total);
    assert_eq!(ids(&i), ids(&m));
    assert_eq!(i.facets, m.facets);
    // No query: newest first.
    let dates: Vec<_> = i.rows.iter().filter_map(|r| r.published).collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "newest first");
}

#[test]
fn searches_find_the_same_articles() {
    for q in [
        "联合体",
        "无人机",
        "无人机 -深圳",
        "实训",
        "实训 -深圳",
        "订单班",
        "新能源汽车",
        "\"skilled workers\"",
        "Cold Chain",
        "技能",
        "學校",
        "\"five-axis CNC\"",
    ] {
        let (m, i) = both(&request(q, Filter::default()));
        assert!(m.total > 0, "{q}: the sample has matches");
        assert_eq!(ids(&i), ids(&m), "{q}");
        assert_eq!(i.total, m.total, "{q}");
        assert_eq!(i.facets, m.facets, "{q}");
    }
}

#[test]
fn english_words_are_stemmed_in_the_index() {
    // The memory catalog matches substrings; the index stems (`robots` finds `robot`), so it
    // finds at least as much.
    for q in ["robots", "skilled workers", "drones OR 无人机"] {
        let (m, i) = both(&request(q, Filter::default()));
        assert!(m.total > 0, "{q}: the sample has matches");
        assert!(ids(&m).is_subset(&ids(&i)), "{q}");
    }
}

/// A Chinese word inside a longer dictionary word (`产教融合` in `行业产教融合共同体`,
/// `产教联合体` in `市域产教联合体`) is found, as the memory catalog's substring match finds it.
#[test]
fn words_inside_longer_words() {
    for q in ["产教融合", "\"产教联合体\""] {
        let (m, i) = both(&request(q, Filter::default()));
        assert!(m.total > 0, "{q}");
        assert_eq!(ids(&i), ids(&m), "{q}");
    }
}

/// A term of the glossary is found in both languages, by both catalogs: 订单班 also finds
/// articles that say `order classes` only, and `cold chain`, which the sample writes in
/// Chinese only, finds what 冷链 finds.
#[test]
fn terms_of_the_glossary_are_found_in_both_languages() {
    let (zh, zh_index) = both(&request("订单班", Filter::default()));
    let (en, en_index) = both(&request("order classes", Filter::default()));
    assert_eq!(ids(&zh), ids(&zh_index));
    assert_eq!(ids(&en), ids(&en_index));
    let in_chinese = (chanjiao::corpus::load_sample().articles.iter())
        .filter(|a| a.title.contains("订单班") || a.body.contains("订单班"))
        .count();
    assert!(
        in_chinese > 0 && in_chinese < zh.total,
        "some say it in English only"
    );
    let (cold, cold_index) = both(&request("Cold Chain", Filter::default()));
    let (lengjian, lengjian_index) = both(&request("冷链", Filter::default()));
    assert!(cold.total > 0);
    assert_eq!(ids(&cold), ids(&lengjian));
    assert_eq!(ids(&cold_index), ids(&lengjian_index));
}

#[test]
fn facet_filtered_search_finds_the_same_articles() {
    let shandong = Filter {
        provinces: vec![chanjiao::filter::province("山东").unwrap()],
        ..Filter::default()
    };
    let national = Filter {
        provinces: vec![NATIONAL],
        ..Filter::default()
    };
    // A listing page's topic, as the sidebar selects it.
    let topic = Filter {
        topics: vec!["产教融合".to_string()],
        ..Filter::default()
    };
    for (q, f) in [
        ("技能", shandong.clone()),
        ("", shandong),
        ("", national.clone()),
        ("职业", national),
        ("province:广东", Filter::default()),
        ("sector:new-energy-vehicles", Filter::default()),
        ("", topic.clone()),
        ("职业", topic),
    ] {
        let (m, i) = both(&request(q, f.clone()));
        assert!(m.total > 0, "{q} {f:?}: the sample has matches");
        assert_eq!(ids(&i), ids(&m), "{q} {f:?}");
        assert_eq!(i.facets, m.facets, "{q} {f:?}: disjunctive facet counts");
    }
}

#[test]
fn orders_and_paging() {
    let c = indexed();
    assert_eq!(c.sorts(), &[Sort::Relevance, Sort::Newest, Sort::Oldest]);
    let all = c
        .search(&Request {
            sort: Sort::Oldest,
            ..request("", Filter::default())
        })
        .unwrap();
    let dates: Vec<_> = all.rows.iter().filter_map(|r| r.published).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "oldest first");
    let page = c
        .search(&Request {
            sort: Sort::Oldest,
            offset: 3,
            limit: 4,
            ..request("", Filter::default())
        })
        .unwrap();
    assert_eq!(page.offset, 3);
    assert_eq!(page.total, all.total);
    let want: Vec<_> = all.rows[3..7].iter().map(|r| &r.id).collect();
    let got: Vec<_> = page.rows.iter().map(|r| &r.id).collect();
    assert_eq!(got, want);
}

#[test]
fn get_gives_the_same_article() {
    let (m, _) = both(&request("", Filter::default()));
    for row in &m.rows {
        let a = tui_support::sample().get(&row.id).unwrap();
        let b = indexed().get(&row.id).unwrap();
        assert_eq!(b.id, a.id);
        assert_eq!(b.title, a.title);
        assert_eq!(b.body, a.body);
        assert_eq!(b.published, a.published);
        assert_eq!(b.provinces, a.provinces);
        assert_eq!(b.sectors, a.sectors);
        let (da, db): (BTreeSet<_>, BTreeSet<_>) =
            (a.duplicates.iter().collect(), b.duplicates.iter().collect());
        assert_eq!(db, da, "{}: other reports of the story", a.id);
    }
    assert!(indexed().get("no-such-id").is_none());
}

#[test]
fn errors_are_one_line_and_hits_highlight() {
    let err = indexed()
        .search(&request("province:Atlantis", Filter::default()))
        .unwrap_err()
        .to_string();
    assert!(!err.is_empty() && !err.contains('\n'), "{err}");
    let r = indexed()
        .search(&request("联合体", Filter::default()))
        .unwrap();
    let first = indexed().get(&r.rows[0].id).unwrap();
    let text = format!("{}\n{}", first.title, first.body);
    let ranges = r.hits.ranges(&text);
    assert!(!ranges.is_empty());
    assert!(ranges.iter().all(|h| text[h.clone()].contains("联合体")));
    let none = indexed().search(&request("", Filter::default())).unwrap();
    assert!(none.hits.ranges(&text).is_empty());
}

/// What the words of a search its filters leave empty find without them, in both catalogs
/// alike; and, in the index, which offers spelling, what the words put right find.
#[test]
fn what_the_words_find_without_the_filters_that_leave_nothing() {
    let tibet = Filter {
        provinces: vec![chanjiao::filter::province("西藏").unwrap()],
        ..Filter::default()
    };
    let (m, _) = both(&request("鲜花", Filter::default()));
    let flowers = m.total;
    assert!(flowers > 0);
    for (q, f, want) in [
        ("鲜花", tibet.clone(), Some(flowers)),
        ("鲜花 province:西藏", Filter::default(), Some(flowers)),
        ("鲜花 -province:云南", Filter::default(), Some(flowers)),
        ("鲜花", Filter::default(), None),
        ("province:西藏", Filter::default(), None),
        ("xylophone", tibet.clone(), None),
    ] {
        let (m, i) = both(&request(q, f.clone()));
        let want = want.map(|total| Unfiltered { total, query: None });
        assert_eq!(i.unfiltered, want, "{q} {f:?}: index");
        assert_eq!(m.unfiltered, want, "{q} {f:?}: in memory");
    }
    // Misspelt: nothing anywhere as typed, but put right the words find articles.
    let (_, found) = both(&request("robots", Filter::default()));
    let robots = Some(Unfiltered {
        total: found.total,
        query: Some("robots".into()),
    });
    assert!(found.total > 0);
    for (q, f) in [
        ("robtos", tibet),
        ("robtos province:西藏", Filter::default()),
        (
            "province:西藏 OR province:青海 robtos after:2020",
            Filter::default(),
        ),
    ] {
        let (_, i) = both(&request(q, f.clone()));
        assert_eq!(i.total, 0);
        assert_eq!(i.unfiltered, robots, "{q} {f:?}");
    }
    // A slip the filters are not to blame for is offered as usual, with them.
    let (_, i) = both(&request("robtos", Filter::default()));
    assert_eq!(i.unfiltered, None);
    assert!(i.suggestion.is_some());
}

/// An outlet or topic given in part is taken for those whose names hold it, in both
/// catalogs alike, with a dash too; one that names nothing is a mistake whose results are
/// those of the query before it.
#[test]
fn outlets_and_topics_given_in_part() {
    use chanjiao::tui::{Action, Effect, worker};

    let sources = |r: &Response| -> BTreeSet<String> {
        r.rows.iter().filter_map(|r| r.source_zh.clone()).collect()
    };
    let xinhua: BTreeSet<String> = ["新华网", "新华日报"].map(String::from).into();
    for q in [
        "source:Xinhua",
        "source:新华",
        "source:xinhua 联合体 OR 鲜花",
    ] {
        let (m, i) = both(&request(q, Filter::default()));
        assert!(m.total > 0, "{q}");
        assert_eq!(ids(&i), ids(&m), "{q}");
        assert_eq!(i.facets, m.facets, "{q}");
        assert!(sources(&i).is_subset(&xinhua), "{q}: {:?}", sources(&i));
        // Both say how they took the outlet, for the sidebar to mark.
        let taken: BTreeSet<String> = i.written.sources.iter().cloned().collect();
        assert_eq!(taken, xinhua, "{q}");
        assert_eq!(i.written, m.written, "{q}");
    }
    assert_eq!(
        sources(&both(&request("source:Xinhua", Filter::default())).1),
        xinhua
    );
    let (m, i) = both(&request("-source:Xinhua", Filter::default()));
    assert_eq!(ids(&i), ids(&m));
    assert!(sources(&i).is_disjoint(&xinhua), "{:?}", sources(&i));
    // A part of the outlet's name as its articles write it (`Guang Ming Ri Bao`).
    let (m, i) = both(&request("source:\"Ming Ri\"", Filter::default()));
    assert_eq!(ids(&i), ids(&m));
    assert_eq!(sources(&i), ["光明日报".to_string()].into());
    let (m, i) = both(&request("topic:产教", Filter::default()));
    assert_eq!(ids(&i), ids(&m));
    assert!(i.total > 0);

    // A misspelt outlet: the query before it is searched, and the mistake named.
    for catalog in [tui_support::sample(), indexed()] {
        assert!(
            catalog
                .search(&request("联合体 source:Xinhau", Filter::default()))
                .is_err()
        );
        let effect = Effect::Search {
            seq: 7,
            request: request("联合体 source:Xinhau", Filter::default()),
        };
        let Some(Action::Searched { seq: 7, result }) = worker::perform(&*catalog, &effect) else {
            panic!("a search answers");
        };
        let r = result.unwrap();
        let problem = r.problem.clone().unwrap_or_default();
        assert!(
            problem.contains("Xinhau") && problem.contains("新华网"),
            "{problem}"
        );
        // `source:Xinh` is the longest beginning that names outlets (`Xinha` is in none).
        let before = catalog
            .search(&request("联合体 source:Xinh", Filter::default()))
            .unwrap();
        assert_eq!(ids(&r), ids(&before));
        assert!(r.total > 0);

        // Both kinds of mistake: the parser's (a month 13) is named, being the first found,
        // and the results are still those before the misspelt outlet.
        let effect = Effect::Search {
            seq: 8,
            request: request("联合体 source:Xinhau after:2025-13", Filter::default()),
        };
        let Some(Action::Searched { seq: 8, result }) = worker::perform(&*catalog, &effect) else {
            panic!("a search answers");
        };
        let r = result.unwrap();
        let problem = r.problem.clone().unwrap_or_default();
        assert!(problem.contains("2025-13"), "{problem}");
        assert_eq!(ids(&r), ids(&before));
    }
}

#[test]
fn month_counts_agree_and_ignore_the_selected_date_range() {
    let (m, i) = both(&request("", Filter::default()));
    assert!(!i.facets.months.is_empty());
    assert_eq!(i.facets.months, m.facets.months);
    assert!(
        i.facets.months.windows(2).all(|w| w[0].0 < w[1].0),
        "oldest first: {:?}",
        i.facets.months
    );
    let (month, count) = i.facets.months[i.facets.months.len() / 2].clone();
    let filter = Filter {
        since: Some(chanjiao::filter::date(&month, false).unwrap()),
        until: Some(chanjiao::filter::date(&month, true).unwrap()),
        ..Filter::default()
    };
    let (m2, i2) = both(&request("", filter));
    assert_eq!((i2.total, m2.total), (count, count));
    // The timeline keeps every month while one is selected.
    assert_eq!(i2.facets.months, i.facets.months);
    assert_eq!(m2.facets.months, i.facets.months);
    // A date in the query itself narrows the months, in both catalogs.
    let (m3, i3) = both(&request(&format!("after:{month}"), Filter::default()));
    assert_eq!(i3.facets.months, m3.facets.months);
    assert!(i3.facets.months.iter().all(|(v, _)| *v >= month));
}

/// A search that trips over damage the open did not see sets the index aside and has the
/// reader open it again (which rebuilds it); the results on screen stay.
#[test]
fn a_damaged_index_is_set_aside_and_reopened() {
    use chanjiao::index::{CorpusSet, Index, OpenOptions};
    use chanjiao::tui::backend::Catalog as _;
    use chanjiao::tui::index_catalog::IndexCatalog;
    use chanjiao::tui::{Action, App, Effect, update, worker};

    // A generated corpus, whose document stores are large enough to be damaged well away
    // from their ends (the sample's can be smaller than the end every open checks).
    let corpus = tempfile::tempdir().unwrap();
    chanjiao::synth::generate(corpus.path(), 600, 5).unwrap();
    let set = CorpusSet::paths([corpus.path()]);
    let data = tempfile::tempdir().unwrap();
    let open = || Index::open(data.path(), &set, OpenOptions::default(), &mut |_| {}).unwrap();
    let (index, _) = open();
    let dir = index.dir().to_path_buf();
    let all = request("", Filter::default());
    let before = IndexCatalog::new(index).search(&all).unwrap().total;

    // Invert bytes near the start of the document store (its first compressed blocks), away
    // from the end that every open checks.
    let store = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "store"))
        .max_by_key(|p| std::fs::metadata(p).unwrap().len())
        .unwrap();
    let mut bytes = std::fs::read(&store).unwrap();
    let checked = chanjiao::index::checked_file_end(bytes.len() as u64) as usize;
    let (from, to) = (
        bytes.len() / 16,
        (bytes.len() / 4).min(bytes.len() - checked),
    );
    assert!(to > from + 256, "a store of {} bytes", bytes.len());
    for b in &mut bytes[from..to] {
        *b = !*b;
    }
    std::fs::write(&store, bytes).unwrap();

    // As the reader shows it at launch: the last complete index, unchecked.
    let catalog = IndexCatalog::new(Index::open_as_is(data.path(), &set).unwrap());
    let effect = Effect::Search {
        seq: 1,
        request: all.clone(),
    };
    let answer = worker::perform(&catalog, &effect);
    let Some(Action::Damaged { seq: 1, notice }) = answer else {
        panic!("the damaged store should be noticed: {answer:?}");
    };
    assert!(notice.contains("moved it to"), "{notice}");
    assert!(!dir.exists(), "the damaged index should be moved aside");

    let mut app = App::default();
    let effects = update::update(&mut app, Action::Damaged { seq: 1, notice });
    assert!(effects.contains(&Effect::Reopen), "{effects:?}");

    // What the reopen does: the index is built afresh and answers in full.
    drop(catalog);
    let (index, report) = open();
    assert!(report.rebuilt.is_some());
    assert_eq!(IndexCatalog::new(index).search(&all).unwrap().total, before);
}

/// Both catalogs over a corpus of `pages` (title, date, body), each a file of its own.
fn both_over(
    pages: &[(&str, &str, &str)],
) -> (tempfile::TempDir, Arc<dyn Catalog>, Arc<dyn Catalog>) {
    use chanjiao::index::{CorpusSet, Index, OpenOptions};
    use chanjiao::tui::index_catalog::IndexCatalog;
    use chanjiao::tui::memory::MemoryCatalog;
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for (k, (title, date, body)) in pages.iter().enumerate() {
        let page = format!("{title}\nRen Min Ri Bao· {date} 09:30\n\n{body}\n");
        std::fs::write(corpus.join(format!("{k}.txt")), page).unwrap();
    }
    let articles = chanjiao::corpus::load_paths(std::slice::from_ref(&corpus)).articles;
    assert_eq!(articles.len(), pages.len());
    let (index, _) = Index::open(
        &dir.path().join("data"),
        &CorpusSet::paths([&corpus]),
        OpenOptions::default(),
        &mut |_| {},
    )
    .unwrap();
    (
        dir,
        Arc::new(MemoryCatalog::new(articles)),
        Arc::new(IndexCatalog::new(index)),
    )
}

/// The titles a catalog finds, sorted.
fn found(c: &Arc<dyn Catalog>, query: &str) -> Vec<String> {
    let mut t: Vec<String> = (c.search(&request(query, Filter::default())).unwrap().rows)
        .into_iter()
        .map(|r| r.title)
        .collect();
    t.sort();
    t
}

/// Full-width letters, digits and signs are their ASCII forms, in the text and in the query,
/// in both catalogs; marks fall on the text as the article holds it.
#[test]
fn full_width_forms_are_their_ascii_ones() {
    let wide = "５Ｇ＋工业互联网实训中心落成";
    let narrow = "智能工厂引入AI检测";
    let (_dir, memory, index) = both_over(&[
        (
            wide,
            "2025-03-01",
            "一所职业学院建成５Ｇ＋工业互联网实训中心，学生在这里练习ＡＩ质检。学校计划２０２５年扩建。",
        ),
        (
            narrow,
            "2025-03-02",
            "工厂用AI识别零件缺陷，5G网络覆盖车间，基站由运营商维护。",
        ),
        ("技术学院开设新专业", "2025-03-03", "学院与企业合作。"),
    ]);
    let both_titles = {
        let mut v = vec![wide.to_string(), narrow.to_string()];
        v.sort();
        v
    };
    for (query, want) in [
        ("5G", both_titles.clone()),
        ("ＡＩ", both_titles.clone()),
        ("AI质检", vec![wide.to_string()]),
        ("5G+工业互联网", vec![wide.to_string()]),
        ("2025", vec![wide.to_string()]),
        ("5G -基站", vec![wide.to_string()]),
        ("5G\u{3000}－基站", vec![wide.to_string()]),
        ("学院 －专业", vec![wide.to_string()]),
    ] {
        assert_eq!(found(&index, query), want, "index: {query}");
        assert_eq!(found(&memory, query), want, "memory: {query}");
    }
    let body = "学生练习ＡＩ质检，５Ｇ网络";
    for c in [&memory, &index] {
        let r = c.search(&request("AI质检 5G", Filter::default())).unwrap();
        let marks: Vec<&str> = r.hits.ranges(body).into_iter().map(|m| &body[m]).collect();
        assert_eq!(marks, ["ＡＩ质检", "５Ｇ"]);
    }
}

/// Words joined by a hyphen, and digit groups, are found only side by side, in both
/// catalogs, and marked whole.
#[test]
fn words_typed_as_one_agree() {
    let (_dir, memory, index) = both_over(&[
        (
            "Campus report",
            "2025-06-01",
            "Students from low income families study carbon emissions.",
        ),
        (
            "A low-carbon campus",
            "2025-06-02",
            "The college trains 2,000 technicians in e-commerce.",
        ),
        (
            "Group results",
            "2025-06-03",
            "Group 2 placed 5,000 interns.",
        ),
    ]);
    for (query, want) in [
        ("low-carbon", vec!["A low-carbon campus"]),
        ("carbon-low", vec![]),
        ("campus -low-carbon", vec!["Campus report"]),
        ("2,000", vec!["A low-carbon campus"]),
        ("5,000", vec!["Group results"]),
    ] {
        assert_eq!(found(&index, query), want, "index: {query}");
        assert_eq!(found(&memory, query), want, "memory: {query}");
    }
    let body = "training in E-commerce, e commerce";
    for c in [&memory, &index] {
        let r = c.search(&request("e-commerce", Filter::default())).unwrap();
        let marks: Vec<&str> = r.hits.ranges(body).into_iter().map(|m| &body[m]).collect();
        assert_eq!(marks[0], "E-commerce");
    }
}

#[test]
fn a_window_around_an_article_holds_it() {
    for catalog in [tui_support::sample(), indexed()] {
        let all = catalog
            .search(&Request {
                sort: Sort::Oldest,
                ..request("", Filter::default())
            })
            .unwrap();
        assert!(all.rows.len() > 20, "{}", all.rows.len());
        let window = |around: &str| {
            catalog
                .search(&Request {
                    sort: Sort::Oldest,
                    limit: 6,
                    offset: 2,
                    around: Some(around.to_string()),
                    ..request("", Filter::default())
                })
                .unwrap()
        };
        // Far down the list: in the middle of the window, wherever that starts.
        let far = &all.rows[20].id;
        let w = window(far);
        assert_eq!(w.offset, 17);
        assert_eq!(w.rows.len(), 6);
        assert_eq!(w.rows[3].id, *far);
        assert_eq!(w.total, all.total);
        // Among the first rows: the window starts at the top.
        let w = window(&all.rows[4].id);
        assert_eq!(w.offset, 0);
        assert_eq!(w.rows[4].id, all.rows[4].id);
        // Not among the results: the offset asked for.
        let w = window("no-such-article");
        assert_eq!(w.offset, 2);
        assert_eq!(w.rows[0].id, all.rows[2].id);
    }
}

/// What the reader's loader sends, start to finish, for one open of `corpus`.
fn load(
    data: &std::path::Path,
    corpus: &std::path::Path,
    start: chanjiao::tui::loader::Opening,
) -> Vec<chanjiao::tui::Action> {
    use chanjiao::settings::{CorpusChoice, Settings};
    use chanjiao::tui::event::Event;
    let settings = Settings {
        data_dir: data.to_path_buf(),
        corpus: CorpusChoice::Paths(vec![corpus.to_path_buf()]),
    };
    let (tx, rx) = std::sync::mpsc::channel();
    chanjiao::tui::loader::spawn(settings, Default::default(), tx, |_| {}, start)
        .join()
        .unwrap();
    rx.try_iter()
        .filter_map(|e| match e {
            Event::App(a) => Some(a),
            Event::Terminal(_) => None,
        })
        .collect()
}

/// The folders of every index generation in the data directory `data`.
fn index_generations(data: &std::path::Path) -> Vec<std::path::PathBuf> {
    let folders = |dir: &std::path::Path| -> Vec<std::path::PathBuf> {
        (std::fs::read_dir(dir).into_iter().flatten().flatten())
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .collect()
    };
    folders(&data.join("indexes"))
        .iter()
        .flat_map(|root| folders(root))
        .collect()
}

/// An index found damaged when the reader opens it is set aside and rebuilt, and the status
/// line says so, as `chanjiao list` does on stderr.
#[test]
fn damage_found_at_launch_is_said_in_the_status_line() {
    use chanjiao::tui::loader::Opening;
    use chanjiao::tui::{App, update};

    let corpus = tempfile::tempdir().unwrap();
    chanjiao::synth::generate(corpus.path(), 60, 3).unwrap();
    let data = tempfile::tempdir().unwrap();
    load(data.path(), corpus.path(), Opening::Launch);

    // A byte changed near the end of each document store, where every open looks.
    let mut damaged = 0;
    for generation in index_generations(data.path()) {
        for file in std::fs::read_dir(&generation).unwrap() {
            let file = file.unwrap().path();
            if file.extension().is_some_and(|e| e == "store") {
                let mut bytes = std::fs::read(&file).unwrap();
                let at = bytes.len() - 100;
                bytes[at] = !bytes[at];
                std::fs::write(&file, bytes).unwrap();
                damaged += 1;
            }
        }
    }
    assert!(damaged > 0);

    let mut app = App::default();
    for action in load(data.path(), corpus.path(), Opening::Launch) {
        update::update(&mut app, action);
    }
    assert!(app.is_ready());
    let notice = app.reading.notice.unwrap_or_default();
    assert!(
        notice.contains("was damaged") && notice.contains("rebuilt it"),
        "{notice}"
    );
    assert!(!notice.contains("corpus updated"), "{notice}");
}

/// After an upgrade the first open rebuilds the index, which takes a while: the status line
/// says why; an open that rebuilds nothing says nothing of it.
#[test]
fn a_rebuild_for_another_version_is_said_in_the_status_line() {
    use chanjiao::tui::loader::Opening;
    use chanjiao::tui::{App, strings, update};

    let corpus = tempfile::tempdir().unwrap();
    chanjiao::synth::generate(corpus.path(), 20, 6).unwrap();
    let data = tempfile::tempdir().unwrap();
    let notice = || {
        let mut app = App::default();
        for action in load(data.path(), corpus.path(), Opening::Launch) {
            update::update(&mut app, action);
        }
        assert!(app.is_ready());
        app.reading.notice.unwrap_or_default()
    };
    assert!(!notice().contains(strings::REBUILT_FOR_VERSION));
    assert!(!notice().contains(strings::REBUILT_FOR_VERSION));
    let mut stamped = 0;
    for generation in index_generations(data.path()) {
        let meta = generation.join("meta.json");
        if let Ok(text) = std::fs::read_to_string(&meta) {
            std::fs::write(&meta, text.replace("schema=", "schema=old")).unwrap();
            stamped += 1;
        }
    }
    assert!(stamped > 0);
    assert!(notice().contains(strings::REBUILT_FOR_VERSION));
    assert!(!notice().contains(strings::REBUILT_FOR_VERSION));
}

/// Two readers on one index: the one that brings the index up to date says what changed;
/// the other, refreshing after it, finds nothing left to do and must not keep saying what
/// its own last update changed.
#[test]
fn a_refresh_after_another_process_updated_says_so() {
    use chanjiao::tui::loader::Opening;
    use chanjiao::tui::{App, update};

    let corpus = tempfile::tempdir().unwrap();
    chanjiao::synth::generate(corpus.path(), 30, 4).unwrap();
    let data = tempfile::tempdir().unwrap();
    let mut a = App::default();
    let mut b = App::default();
    for action in load(data.path(), corpus.path(), Opening::Launch) {
        update::update(&mut a, action.clone());
        update::update(&mut b, action);
    }
    let Some(count) = articles_of(&a) else {
        panic!("reader a opened nothing")
    };

    // A file added: reader a runs the update and says so; b refreshes after it.
    let extra = corpus.path().join("extra");
    chanjiao::synth::generate(&extra, 1, 77).unwrap();
    for action in load(data.path(), corpus.path(), Opening::Refresh) {
        update::update(&mut a, action);
    }
    let said = a.reading.notice.clone().unwrap_or_default();
    assert!(said.starts_with("corpus updated: 1 file added"), "{said}");
    for action in load(data.path(), corpus.path(), Opening::Refresh) {
        update::update(&mut b, action);
    }
    assert_eq!(articles_of(&b), articles_of(&a));
    assert!(articles_of(&a) > Some(count));

    // Removed again: b runs this update; a, refreshing after it, changes nothing itself.
    std::fs::remove_dir_all(&extra).unwrap();
    for action in load(data.path(), corpus.path(), Opening::Refresh) {
        update::update(&mut b, action);
    }
    let said = b.reading.notice.clone().unwrap_or_default();
    assert!(said.starts_with("corpus updated: 1 file removed"), "{said}");
    for action in load(data.path(), corpus.path(), Opening::Refresh) {
        update::update(&mut a, action);
    }
    assert_eq!(articles_of(&a), Some(count));
    assert_eq!(
        a.reading.notice.as_deref(),
        Some(format!("index updated by another chanjiao process: {count} articles").as_str())
    );
}

/// At launch the last index is shown at once, then checked against the corpus: when the
/// check finds it as it was, the reader keeps the answer it has (one search, not two); when
/// the corpus changed, it searches the index brought up to date.
#[test]
fn an_index_found_as_it_was_is_not_searched_again() {
    use chanjiao::tui::effect::Effect;
    use chanjiao::tui::loader::Opening;
    use chanjiao::tui::{Action, App, update};

    let corpus = tempfile::tempdir().unwrap();
    chanjiao::synth::generate(corpus.path(), 30, 5).unwrap();
    let data = tempfile::tempdir().unwrap();
    load(data.path(), corpus.path(), Opening::Launch);
    // What each `Ready` says, and how many searches the reader runs for a launch.
    let launch = || {
        let actions = load(data.path(), corpus.path(), Opening::Launch);
        let unchanged: Vec<bool> = actions
            .iter()
            .filter_map(|a| match a {
                Action::Ready { news, .. } => Some(news.unchanged),
                _ => None,
            })
            .collect();
        let mut app = App::default();
        update::update(&mut app, Action::Restore(Box::default()));
        let searches = actions
            .into_iter()
            .flat_map(|a| update::update(&mut app, a))
            .filter(|e| matches!(e, Effect::Search { .. }))
            .count();
        (unchanged, searches)
    };
    assert_eq!(launch(), (vec![false, true], 1));
    chanjiao::synth::generate(&corpus.path().join("extra"), 1, 78).unwrap();
    assert_eq!(launch(), (vec![false, false], 2));
    assert_eq!(launch(), (vec![false, true], 1));
}

fn articles_of(app: &chanjiao::tui::App) -> Option<usize> {
    match app.load {
        chanjiao::tui::app::Load::Ready { articles, .. } => Some(articles),
        _ => None,
    }
}
