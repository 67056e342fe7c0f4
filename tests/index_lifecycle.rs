//! Index lifecycle: build, reopen, incremental add/change/remove, version stamp, search.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod index_common;

use chanjiao::index::{Index, OpenOptions, RebuildReason, SearchRequest, Sort};
use index_common::*;

#[test]
fn builds_on_first_open_and_reuses_after() {
    let corpus = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    small_corpus(corpus.path());
    let (index, report) = open(data.path(), corpus.path());
    assert_eq!(report.rebuilt, Some(RebuildReason::NoIndex));
    assert_eq!(report.added.len(), 3);
    assert_eq!(index.len(), 3);
    assert_eq!(
        titles(&index, "产教融合"),
        vec!["德州深化产教融合 新增76个紧缺专业"]
    );
    drop(index);

    let (index, report) = open(data.path(), corpus.path());
    assert_eq!(report.rebuilt, None);
    assert!(!report.changed_anything(), "{report:?}");
    assert_eq!(index.len(), 3);
}

/// Files that give no article are kept in the manifest (so that they are not read again)
/// but are not reported as added: they are counted as skipped.
#[test]
fn files_that_give_no_article_are_reported_skipped_not_added() {
    let corpus = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    small_corpus(corpus.path());
    drop(open(data.path(), corpus.path()));
    std::fs::write(corpus.path().join("bin"), b"\xff\xfe\x00\xd8").unwrap();
    std::fs::write(corpus.path().join("empty.txt"), b"").unwrap();
    let (index, report) = open(data.path(), corpus.path());
    assert!(report.added.is_empty(), "{report:?}");
    assert_eq!(report.newly_skipped.len(), 2, "{report:?}");
    assert!(report.changed_anything());
    assert_eq!((report.files, report.files_skipped), (5, 2), "{report:?}");
    assert_eq!(index.len(), 3);
    drop(index);

    let (_, report) = open(data.path(), corpus.path());
    assert!(!report.changed_anything(), "{report:?}");
    assert_eq!(report.files_skipped, 2, "{report:?}");

    let rebuild = OpenOptions {
        rebuild: true,
        ..Default::default()
    };
    let (_, report) = open_with(data.path(), corpus.path(), rebuild);
    assert_eq!(report.added.len(), 3, "{report:?}");
    assert_eq!(report.newly_skipped.len(), 2, "{report:?}");
}

/// A data directory inside the corpus folder: the index's own files (extensionless files,
/// word lists written by a search) are not read as articles, however often it is opened.
#[test]
fn a_data_directory_inside_the_corpus_is_not_read_as_corpus() {
    let corpus = tempfile::tempdir().unwrap();
    small_corpus(corpus.path());
    let data = corpus.path().join("data");
    let (index, report) = open(&data, corpus.path());
    assert_eq!((index.len(), report.added.len()), (3, 3), "{report:?}");
    assert_eq!(titles(&index, "产教融合").len(), 1);
    drop(index);
    let (index, report) = open(&data, corpus.path());
    assert!(!report.changed_anything(), "{report:?}");
    assert_eq!((index.len(), report.files), (3, 3), "{report:?}");
}

#[test]
fn incremental_add_change_remove() {
    let corpus = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    small_corpus(corpus.path());
    let (index, _) = open(data.path(), corpus.path());
    assert_eq!(total(&index, "低空经济"), 0);
    drop(index);

    let added = write(
        corpus.path(),
        "d.txt",
        &page(
            "发展低空经济 培养无人机人才",
            "2025-11-01",
            "多所职业院校开设低空经济相关专业。",
        ),
    );
    let (index, report) = open(data.path(), corpus.path());
    assert_eq!(report.rebuilt, None);
    assert_eq!(
        report.added,
        vec![added.canonicalize().unwrap().to_string_lossy().to_string()]
    );
    assert_eq!(index.len(), 4);
    assert_eq!(total(&index, "低空经济"), 1);
    drop(index);

    write(
        corpus.path(),
        "d.txt",
        &page(
            "发展银发经济 培养养老护理人才",
            "2025-11-02",
            "多所职业院校开设智慧健康养老服务专业。",
        ),
    );
    let (index, report) = open(data.path(), corpus.path());
    assert_eq!(report.changed.len(), 1, "{report:?}");
    assert_eq!(total(&index, "低空经济"), 0);
    assert_eq!(total(&index, "银发经济"), 1);
    assert_eq!(index.len(), 4);
    drop(index);

    std::fs::remove_file(&added).unwrap();
    let (index, report) = open(data.path(), corpus.path());
    assert_eq!(report.removed.len(), 1);
    assert_eq!(total(&index, "银发经济"), 0);
    assert_eq!(index.len(), 3);
}

#[test]
fn touching_a_file_without_changing_it_reindexes_nothing() {
    let corpus = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    small_corpus(corpus.path());
    drop(open(data.path(), corpus.path()));
    let text = std::fs::read(corpus.path().join("a.txt")).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(corpus.path().join("a.txt"), text).unwrap();
    let (index, report) = open(data.path(), corpus.path());
    assert!(!report.changed_anything(), "{report:?}");
    // The new state keeps the link table, or the next update would read every article.
    let states = numbered(index.dir(), "state");
    assert_eq!(states.len(), 1);
    assert_eq!(numbered(index.dir(), "links"), states);
}

#[test]
fn a_different_version_stamp_triggers_a_rebuild() {
    let corpus = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    small_corpus(corpus.path());
    let (index, _) = open(data.path(), corpus.path());
    let meta = index.dir().join("meta.json");
    drop(index);
    let text = std::fs::read_to_string(&meta).unwrap();
    assert!(text.contains("schema="));
    std::fs::write(&meta, text.replace("schema=", "schema=old")).unwrap();
    let (index, report) = open(data.path(), corpus.path());
    assert_eq!(report.rebuilt, Some(RebuildReason::VersionChanged));
    assert_eq!(index.len(), 3);
}

#[test]
fn rebuild_on_request() {
    let corpus = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    small_corpus(corpus.path());
    drop(open(data.path(), corpus.path()));
    let (index, report) = open_with(
        data.path(),
        corpus.path(),
        OpenOptions {
            rebuild: true,
            ..Default::default()
        },
    );
    assert_eq!(report.rebuilt, Some(RebuildReason::Requested));
    assert_eq!(index.len(), 3);
    // Only the live generation is kept.
    let root = index.dir().parent().unwrap();
    let gens = std::fs::read_dir(root)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with("gen-")
        })
        .count();
    assert_eq!(gens, 1);
}

#[test]
fn search_features() {
    let corpus = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    small_corpus(corpus.path());
    let (index, _) = open(data.path(), corpus.path());
    // Traditional characters find simplified text.
    assert_eq!(total(&index, "產教融合"), 1);
    // English is case-folded and stemmed.
    assert_eq!(total(&index, "WORKER"), 1);
    assert_eq!(total(&index, "trains"), 1);
    // Domain words are whole words.
    assert_eq!(total(&index, "市域产教联合体"), 1);
    // Phrases, exclusion, OR.
    assert_eq!(total(&index, "\"skilled workers\""), 1);
    assert_eq!(total(&index, "\"workers skilled\""), 0);
    assert_eq!(total(&index, "专业 -德州"), 0);
    // Terms of the glossary in both languages: 职业院校 also finds `vocational colleges`
    // (which `-德州` does not exclude), and the English name finds the Chinese.
    assert_eq!(total(&index, "职业院校 -德州"), 1);
    assert_eq!(total(&index, "vocational college"), 2);
    assert_eq!(total(&index, "Modern Apprenticeship"), 1);
    assert_eq!(total(&index, "德州 OR Suzhou"), 2);
    // Dates.
    assert_eq!(total(&index, "after:2025"), 2);
    assert_eq!(total(&index, "before:2025"), 1);
    // A filter with a dash excludes what it would select; a date's bounds turn round.
    assert_eq!(total(&index, "province:Shandong"), 1);
    assert_eq!(total(&index, "-province:Shandong"), 2);
    assert_eq!(total(&index, "专业 -province:山东"), 0);
    assert_eq!(total(&index, "-province:national"), 2);
    assert_eq!(total(&index, "-after:2025"), 1);
    assert_eq!(total(&index, "-before:2025"), 2);
    // Text with no word to search for matches nothing, not everything; OR alone is a word.
    assert_eq!(total(&index, "🚀"), 0);
    assert_eq!(total(&index, "\"\""), 3);
    assert_eq!(total(&index, "\"、\""), 0);
    assert_eq!(total(&index, "OR"), total(&index, "or"));
    // Snippets mark the hits on character boundaries.
    let r = index.search(&SearchRequest::new("产教融合")).unwrap();
    assert_eq!(r.hits.len(), 1);
    for h in &r.hits {
        for range in &h.hit_ranges {
            assert!(
                h.snippet.is_char_boundary(range.start) && h.snippet.is_char_boundary(range.end)
            );
        }
    }
    // Empty query lists everything, newest first.
    let mut req = SearchRequest::new("");
    req.sort = Sort::Newest;
    let r = index.search(&req).unwrap();
    let dates: Vec<String> = r.hits.iter().map(|h| h.article.date_label()).collect();
    assert_eq!(dates, ["2025-10-11", "2025-09-02", "2024-12-24"]);
    // get by id.
    let id = &r.hits[0].article.id;
    assert_eq!(
        index.get(id).unwrap().unwrap().title,
        r.hits[0].article.title
    );
    assert!(index.get("nope").unwrap().is_none());
}

/// jieba keeps `冷链物流` whole and adds only its dictionary sub-words (`物流`), while it
/// finds `冷链` standing alone by its statistical model: a search for `冷链` must still find
/// the text that holds it only inside the longer word.
#[test]
fn search_finds_words_inside_longer_words() {
    let (corpus, data, index) = indexed_pages(&[
        ("发展冷链物流产业", "2025-03-01", "园区新建仓储中心。"),
        ("校企合作", "2025-03-02", "学院采购冷链运输车辆用于实训。"),
        ("技能大赛", "2025-03-03", "学生参加物流技能比赛。"),
    ]);
    let mut found = titles(&index, "冷链");
    found.sort();
    assert_eq!(found, ["发展冷链物流产业", "校企合作"]);
    // Text that is no word at all, inside one.
    assert_eq!(titles(&index, "链物流"), ["发展冷链物流产业"]);
    // Words are ANDed; a phrase keeps the order and the gaps.
    assert_eq!(titles(&index, "冷链产业"), ["发展冷链物流产业"]);
    assert_eq!(total(&index, "\"冷链产业\""), 0);
    assert_eq!(titles(&index, "\"冷链物流产业\""), ["发展冷链物流产业"]);
    assert_eq!(titles(&index, "\"发展冷链\""), ["发展冷链物流产业"]);
    assert_eq!(titles(&index, "物流 -冷链"), ["技能大赛"]);
    // The hit is marked inside the longer word.
    let r = index
        .search(&SearchRequest::new("冷链"))
        .unwrap_or_else(|e| panic!("{e}"));
    let a = r
        .hits
        .iter()
        .find(|h| h.article.title.starts_with("发展"))
        .unwrap();
    let marked: Vec<&str> = chanjiao::index::snippet::hit_ranges(&a.article.title, &r.terms)
        .into_iter()
        .map(|r| &a.article.title[r])
        .collect();
    assert_eq!(marked, ["冷链"]);
    // The word lists the search made are kept beside the index; damaged ones are made again.
    let lists = |dir: &std::path::Path| -> Vec<std::path::PathBuf> {
        std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .filter(|e| {
                e.file_name()
                    .to_string_lossy()
                    .starts_with("chanjiao-words-")
            })
            .map(|e| e.path())
            .collect()
    };
    let kept = lists(index.dir());
    assert!(!kept.is_empty());
    for p in &kept {
        std::fs::write(p, "冷链物流\n").unwrap();
    }
    drop(index);
    let (index, _) = open(data.path(), corpus.path());
    assert_eq!(titles(&index, "冷链").len(), 2);
    for p in lists(index.dir()) {
        assert!(std::fs::read(p).unwrap().starts_with(b"chanjiao-words 1\n"));
    }
}

#[test]
fn search_finds_text_typed_across_words() {
    let (corpus, data, index) = indexed_pages(&[
        ("深化校企共建实训基地", "2025-03-01", "学院与园区签约。"),
        ("校企合作再出发", "2025-03-02", "双方共建共享实训资源。"),
        (
            "产业学院揭牌",
            "2025-03-03",
            "新能源汽车专业学生进入企业实习。",
        ),
    ]);
    // As typed, one character at a time: no step loses the article, and the pieces must be
    // side by side (`校企` and `共建` apart in b do not match).
    let mut both = titles(&index, "校企");
    both.sort();
    assert_eq!(both, ["校企合作再出发", "深化校企共建实训基地"]);
    for q in ["校企共", "企共建", "企共建实"] {
        assert_eq!(titles(&index, q), ["深化校企共建实训基地"], "{q}");
    }
    // Whole words are ANDed wherever they are; side by side ranks first.
    assert_eq!(titles(&index, "校企共建")[0], "深化校企共建实训基地");
    assert_eq!(titles(&index, "\"企共\""), ["深化校企共建实训基地"]);
    // The end of one word and the start of the next (专业 学生, 产业 学院).
    assert_eq!(titles(&index, "业学"), ["产业学院揭牌"]);
    assert_eq!(total(&index, "业学 -学生"), 0);
    // Two more: the same words apart in a short text, and side by side in a longer one.
    write_pages(
        corpus.path(),
        &[
            ("园区简讯", "2025-03-04", "校企双方在园区共建基地。"),
            (
                "年度工作",
                "2025-03-05",
                "推进校企共建基地的各项工作在本年度持续开展并取得新的进展。",
            ),
        ],
    );
    drop(index);
    let (index, _) = open(data.path(), corpus.path());
    let ranked = titles(&index, "校企共建");
    let at = |t: &str| ranked.iter().position(|r| r == t).unwrap();
    assert!(at("年度工作") < at("园区简讯"), "{ranked:?}");
}

/// Text that ends one word, holds a whole one and starts a third is found, while the same
/// text taken as whole words elsewhere still is.
#[test]
fn text_across_three_words_is_found() {
    let (_corpus, _data, index) = indexed_pages(&[
        // 精准 + 育 + 人才
        (
            "学校坚持精准育人才的思路",
            "2025-05-01",
            "各专业据此调整课程。",
        ),
        // 精准 + 育人 + 计划
        ("实施精准育人计划", "2025-05-02", "覆盖全部新生。"),
        ("坚持标准", "2025-05-03", "人才培养质量稳步提高。"),
    ]);
    let mut found = titles(&index, "准育人");
    found.sort();
    assert_eq!(found, ["学校坚持精准育人才的思路", "实施精准育人计划"]);
}

/// Any piece of a title finds its article, however jieba cut the title: here `非遗` is a
/// word elsewhere but `非` + `遗工坊` in the title, and `冷链` is a word in the article's
/// body but inside `冷链物流` in its title.
#[test]
fn every_piece_of_a_title_finds_its_article() {
    let titles_typed = ["学生走进非遗工坊体验扎染", "服务高原特色农业和冷链物流"];
    let (_corpus, _data, index) = indexed_pages(&[
        (titles_typed[0], "2025-06-01", "课程由本地匠人讲授。"),
        (titles_typed[1], "2025-06-02", "园区采购冷链运输车辆。"),
        ("非常规作业培训", "2025-06-03", "遗留问题逐步解决。"),
        ("省级非遗名录公布", "2025-06-04", "共有十二个项目入选。"),
    ]);
    for title in titles_typed {
        let chars: Vec<char> = title.chars().collect();
        for start in 0..chars.len() {
            for end in start + 2..=chars.len() {
                let typed: String = chars[start..end].iter().collect();
                assert!(
                    titles(&index, &typed).iter().any(|t| t == title),
                    "{typed} does not find {title}"
                );
            }
        }
    }
}

/// Where the word before takes part of it (`技能人才` + `需求`) or the word after does
/// (`短期` + `培训班`), jieba cuts a word into shorter ones: a search for the word finds
/// those texts too, and not its parts apart.
#[test]
fn a_word_cut_into_shorter_words_elsewhere_is_found_there_too() {
    let mut pages = vec![
        ("人才需求调查启动", "2025-04-01", "各地企业参与。"),
        ("企业技能人才需求旺盛", "2025-04-02", "招聘会持续举办。"),
        ("人才引进与需求分析", "2025-04-03", "报告发布。"),
        ("短期培训覆盖千人", "2025-04-04", "课程免费。"),
        ("社区开设短期培训班", "2025-04-05", "居民踊跃报名。"),
    ];
    // Other news, so that the words are as rare as in a real corpus.
    let others: Vec<String> = (1..=20).map(|n| format!("第{n}期校园简报")).collect();
    pages.extend(
        others
            .iter()
            .map(|t| (t.as_str(), "2025-04-06", "内容从略。")),
    );
    let (_corpus, _data, index) = indexed_pages(&pages);
    // Whole, `人才需求` is likelier here than `人才` and `需求` apart, which would match
    // anywhere in an article.
    let mut found = titles(&index, "人才需求");
    found.sort();
    assert_eq!(found, ["人才需求调查启动", "企业技能人才需求旺盛"]);
    let mut found = titles(&index, "短期培训");
    found.sort();
    assert_eq!(found, ["短期培训覆盖千人", "社区开设短期培训班"]);
    // Quoted, the same.
    assert_eq!(titles(&index, "\"等短期培训\"").len(), 0);
    assert_eq!(titles(&index, "\"开设短期培训\""), ["社区开设短期培训班"]);
}

/// jieba finds some words by its statistical model alone and, in another context, cuts the
/// same text into characters: a search for the word finds both.
#[test]
fn a_word_cut_into_characters_elsewhere_is_found_there_too() {
    let (_corpus, _data, index) = indexed_pages(&[
        ("省级非遗名录公布", "2025-04-01", "共有十二个项目入选。"),
        (
            "黔东南的职业院校让非遗技艺变成饭碗",
            "2025-04-02",
            "学生毕业后在本地就业。",
        ),
        ("非常规技能培训", "2025-04-03", "遗留问题逐步解决。"),
    ]);
    let mut found = titles(&index, "非遗");
    found.sort();
    assert_eq!(
        found,
        ["省级非遗名录公布", "黔东南的职业院校让非遗技艺变成饭碗"]
    );
    assert_eq!(
        titles(&index, "\"让非遗技艺\""),
        ["黔东南的职业院校让非遗技艺变成饭碗"]
    );
}

/// The text a search marks in an article's title and body.
fn marked(index: &Index, query: &str, title: &str) -> (Vec<String>, Vec<String>) {
    let r = index.search(&SearchRequest::new(query)).unwrap();
    let hit = r
        .hits
        .iter()
        .find(|h| h.article.title == title)
        .expect("the search finds the article");
    let marks = |text: &str| -> Vec<String> {
        chanjiao::index::snippet::hit_ranges(text, &r.terms)
            .into_iter()
            .map(|m| text[m].to_string())
            .collect()
    };
    (marks(&hit.article.title), marks(&hit.article.body))
}

/// Only what a reading of the query found is marked: the characters of `非遗工` are not
/// marked one by one wherever they stand.
#[test]
fn marks_follow_the_reading_that_found_the_article() {
    let (_corpus, _data, index) = indexed_pages(&[
        (
            "学生走进非遗工坊",
            "2025-05-01",
            "这里的技艺列入国家级非物质文化遗产名录，工作人员讲解了非遗工坊的由来。",
        ),
        (
            "非遗传承人进校园",
            "2025-05-02",
            "学生跟着师傅学习刺绣，课后工作坊开放。",
        ),
        ("企业开放日", "2025-05-03", "学生参观生产线。"),
        (
            "校企共建实训基地",
            "2025-05-04",
            "校企双方共享设备，共同培养学生。",
        ),
        (
            "Skilled workers wanted",
            "2025-05-05",
            "Colleges train skills; factories hire workers.",
        ),
    ]);
    let (title, body) = marked(&index, "非遗工", "学生走进非遗工坊");
    assert_eq!(title, ["非遗工"]);
    assert_eq!(body, ["非遗工"]);
    // Words searched anywhere are marked wherever they stand, in the title or the body.
    let (title, body) = marked(&index, "学生 企业", "企业开放日");
    assert_eq!(title, ["企业"]);
    assert_eq!(body, ["学生"]);
    // A lone character of the text typed is not marked wherever it stands.
    let (title, body) = marked(&index, "校企共", "校企共建实训基地");
    assert_eq!(title, ["校企共"]);
    assert!(body.is_empty(), "{body:?}");
    // Quoted words are marked where they stand together, and only there.
    let (title, body) = marked(&index, "\"skilled workers\"", "Skilled workers wanted");
    assert_eq!(title, ["Skilled workers"]);
    assert!(body.is_empty(), "{body:?}");
}

#[test]
fn sample_corpus_indexes() {
    let data = tempfile::tempdir().unwrap();
    let (index, report) = chanjiao::index::Index::open(
        data.path(),
        &chanjiao::index::CorpusSet::sample(),
        OpenOptions::default(),
        &mut |_| {},
    )
    .unwrap();
    assert_eq!(report.articles, index.len());
}

#[test]
fn quick_opens_of_the_built_sample_need_no_update_lock() {
    let data = tempfile::tempdir().unwrap();
    let sample = chanjiao::index::CorpusSet::sample();
    let (index, _) =
        chanjiao::index::Index::open(data.path(), &sample, OpenOptions::default(), &mut |_| {})
            .unwrap();
    let n = index.len();
    let root = index.dir().parent().unwrap().to_path_buf();
    drop(index);
    // Another process holds the update lock: a one-shot command on the unchanged sample
    // neither waits nor says that the index is being updated.
    let lock = hold_update_lock(&root);
    let quick = OpenOptions {
        quick: true,
        ..Default::default()
    };
    let (index, report) =
        chanjiao::index::Index::open(data.path(), &sample, quick, &mut |_| {}).unwrap();
    assert!(!report.read_only, "{report:?}");
    assert!(report.notices.is_empty(), "{report:?}");
    assert_eq!(index.len(), n);
    drop(lock);
}

#[test]
fn facet_counts_are_disjunctive() {
    let corpus = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    write(
        corpus.path(),
        "a.txt",
        &page(
            "山东职业院校产教融合",
            "2025-10-11",
            "山东德州职业院校推进产教融合。",
        ),
    );
    write(
        corpus.path(),
        "b.txt",
        &page(
            "山东技工院校产教融合",
            "2025-10-12",
            "山东济宁技工院校推进产教融合。",
        ),
    );
    write(
        corpus.path(),
        "c.txt",
        &page(
            "江苏职业院校产教融合",
            "2025-09-02",
            "江苏苏州职业院校推进产教融合。",
        ),
    );
    write(
        corpus.path(),
        "d.txt",
        &page(
            "教育部部署职业教育工作",
            "2025-08-01",
            "教育部召开会议部署全国职业教育工作。",
        ),
    );
    let (index, _) = open(data.path(), corpus.path());
    let all = index.search(&SearchRequest::new("")).unwrap();
    assert_eq!(all.total, 4);
    let provinces = &all.facets.provinces;
    let count =
        |list: &[chanjiao::index::FacetCount], v: &str| chanjiao::index::Facets::count(list, v);
    assert_eq!(count(provinces, "Shandong"), 2, "{provinces:?}");
    assert_eq!(count(provinces, "Jiangsu"), 1);
    assert_eq!(count(provinces, chanjiao::filter::NATIONAL), 1);
    assert_eq!(count(&all.facets.months, "2025-10"), 2);

    // Selecting Shandong narrows the hits but keeps the other provinces' counts.
    let mut req = SearchRequest::new("产教融合");
    req.filter.provinces.push("Shandong");
    let r = index.search(&req).unwrap();
    assert_eq!(r.total, 2);
    assert_eq!(count(&r.facets.provinces, "Jiangsu"), 1);
    assert_eq!(count(&r.facets.provinces, "Shandong"), 2);
    assert_eq!(count(&r.facets.months, "2025-09"), 0);
    // Same through the query syntax, with a Chinese name.
    assert_eq!(total(&index, "产教融合 province:山东"), 2);
    assert_eq!(total(&index, "province:山东 province:江苏"), 3);
    assert!(
        index
            .search(&SearchRequest::new("province:Atlantis"))
            .is_err()
    );
    // Stats and list.
    let (n, facets) = index.stats(&Default::default()).unwrap();
    assert_eq!(n, 4);
    assert_eq!(facets.sources.len(), 1);
    assert_eq!(total(&index, "source:\"Ren Min Ri Bao\""), 4);
    let listed = index.list(&Default::default(), 2, 1).unwrap();
    assert_eq!(listed.total, 4);
    assert_eq!(listed.hits.len(), 2);
    assert_eq!(listed.hits[0].article.date_label(), "2025-10-11");
}

#[test]
fn quick_open_trusts_unchanged_folders_and_sees_new_files() {
    let corpus = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    small_corpus(corpus.path());
    drop(open(data.path(), corpus.path()));
    let quick = OpenOptions {
        quick: true,
        ..Default::default()
    };
    let (index, report) = open_with(data.path(), corpus.path(), quick);
    assert!(!report.changed_anything());
    assert_eq!(index.len(), 3);
    drop(index);
    // A new file changes the folder's time: the quick open notices it.
    std::thread::sleep(std::time::Duration::from_millis(20));
    write(
        corpus.path(),
        "e.txt",
        &page("新增文件", "2025-01-02", "新增的职业教育报道。"),
    );
    let (index, report) = open_with(data.path(), corpus.path(), quick);
    assert_eq!(report.added.len(), 1, "{report:?}");
    assert_eq!(index.len(), 4);
}

/// An open index says when a corpus folder changed since it was listed, for the reader to
/// bring itself up to date; an open that finds nothing to do starts afresh from that moment.
#[test]
fn an_index_says_when_its_corpus_folders_moved() {
    let corpus = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    small_corpus(corpus.path());
    let (index, _) = open(data.path(), corpus.path());
    assert!(!index.corpus_moved());
    std::thread::sleep(std::time::Duration::from_millis(20));
    write(
        corpus.path(),
        "e.txt",
        &page("新增文件", "2025-01-02", "新增的职业教育报道。"),
    );
    assert!(index.corpus_moved());
    let (index, report) = open(data.path(), corpus.path());
    assert_eq!(report.added.len(), 1);
    assert!(!index.corpus_moved());
    // A file made and removed again: the folder moved, and nothing changed.
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(corpus.path().join("tmp.part"), "x").unwrap();
    std::fs::remove_file(corpus.path().join("tmp.part")).unwrap();
    assert!(index.corpus_moved());
    let (index, report) = open(data.path(), corpus.path());
    assert!(!report.changed_anything());
    assert!(
        !index.corpus_moved(),
        "compared with the folders as listed now"
    );
    let sample = tempfile::tempdir().unwrap();
    let (index, _) = Index::open(
        sample.path(),
        &chanjiao::index::CorpusSet::sample(),
        OpenOptions::default(),
        &mut |_| {},
    )
    .unwrap();
    assert!(!index.corpus_moved());
}

/// A corpus root that is not there is not a corpus that keeps moving: an index opened
/// without it does not ask for an update at every look (the reader would rebuild and log the
/// same warning every few seconds), and a quick open still names it as skipped.
#[test]
fn a_missing_corpus_root_does_not_move() {
    let corpus = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    small_corpus(corpus.path());
    let gone = corpus.path().join("not-there");
    let set = chanjiao::index::CorpusSet::paths([corpus.path(), gone.as_path()]);
    let open = |opts| Index::open(data.path(), &set, opts, &mut |_| {}).unwrap();
    let (index, report) = open(OpenOptions::default());
    assert!(report.skipped.iter().any(|s| s.file == gone), "{report:?}");
    assert!(!index.corpus_moved(), "the missing root counts as moved");
    let quick = OpenOptions {
        quick: true,
        ..Default::default()
    };
    let (_, report) = open(quick);
    let named: Vec<_> = report.skipped.iter().filter(|s| s.file == gone).collect();
    assert_eq!(named.len(), 1, "{report:?}");
    assert_eq!(named[0].reason, "no such file or folder");

    // Every root gone (the only corpus folder removed): the index is empty and stays so.
    let only = tempfile::tempdir().unwrap();
    small_corpus(only.path());
    let root = only.path().to_path_buf();
    let set = chanjiao::index::CorpusSet::paths([root.as_path()]);
    let data = tempfile::tempdir().unwrap();
    let open = || Index::open(data.path(), &set, OpenOptions::default(), &mut |_| {}).unwrap();
    open();
    drop(only);
    let (index, report) = open();
    assert_eq!(index.len(), 0, "{report:?}");
    assert!(!index.corpus_moved());
    // And comes back when the folder does.
    std::fs::create_dir(&root).unwrap();
    assert!(index.corpus_moved());
    std::fs::remove_dir(&root).unwrap();
}

/// Every article's duplicates, by id.
fn links(index: &chanjiao::index::Index) -> std::collections::BTreeMap<String, Vec<String>> {
    let mut req = SearchRequest::new("");
    req.limit = 100_000;
    index
        .search(&req)
        .unwrap()
        .hits
        .into_iter()
        .map(|h| {
            let mut d = h.article.duplicates;
            d.sort();
            (h.article.id, d)
        })
        .collect()
}

/// Adds a corpus's files to an index a few at a time, then removes and changes some; after
/// each step the duplicate links must be those a full build of the same files gives.
fn links_follow_changes(files: &[(String, Vec<u8>)], story: usize) {
    let corpus = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let same_as_rebuild = |step: &str| {
        let (index, report) = open(data.path(), corpus.path());
        assert_eq!(report.rebuilt, None, "{step}");
        let fresh = tempfile::tempdir().unwrap();
        let (rebuilt, _) = open(fresh.path(), corpus.path());
        let got = links(&index);
        assert_eq!(got, links(&rebuilt), "{step}");
        got
    };
    let put = |(name, bytes): &(String, Vec<u8>)| {
        std::fs::write(corpus.path().join(name), bytes).unwrap()
    };
    files.iter().step_by(2).for_each(put);
    drop(open(data.path(), corpus.path()));
    let rest: Vec<_> = files.iter().skip(1).step_by(2).collect();
    for (k, batch) in rest.chunks(rest.len().div_ceil(3).max(1)).enumerate() {
        batch.iter().for_each(|f| put(f));
        same_as_rebuild(&format!("batch {k} added"));
    }
    let full = same_as_rebuild("all added");
    assert!(
        full.values().any(|d| d.len() + 1 >= story),
        "a story of {story} reports: {full:?}"
    );
    for (name, _) in files.iter().step_by(3) {
        std::fs::remove_file(corpus.path().join(name)).unwrap();
    }
    let (name, bytes) = &files[1];
    let mut changed = bytes.clone();
    changed.extend_from_slice(b"\n");
    std::fs::write(corpus.path().join(name), changed).unwrap();
    same_as_rebuild("some removed, one changed");
    // Without its link table an update links every article afresh, to the same end.
    let (index, _) = open(data.path(), corpus.path());
    for n in numbered(index.dir(), "links") {
        std::fs::remove_file(index.dir().join(format!("chanjiao-links-{n}.bin"))).unwrap();
    }
    drop(index);
    files.iter().step_by(3).for_each(put);
    assert_eq!(same_as_rebuild("all back"), full);
    // The table is written without waiting for the disk: one that a crash cut short fails
    // its checksum, and the update links afresh, to the same end.
    let (index, _) = open(data.path(), corpus.path());
    for n in numbered(index.dir(), "links") {
        let path = index.dir().join(format!("chanjiao-links-{n}.bin"));
        let bytes = std::fs::read(&path).unwrap();
        std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    }
    drop(index);
    std::fs::remove_file(corpus.path().join(&files[0].0)).unwrap();
    same_as_rebuild("one removed after the table was cut short");
}

#[test]
fn incremental_links_match_a_rebuild_on_the_sample() {
    let files: Vec<(String, Vec<u8>)> = chanjiao::corpus::sample::files()
        .into_iter()
        .map(|(label, bytes)| (label.replace(['/', ':'], "_"), bytes.to_vec()))
        .collect();
    links_follow_changes(&files, 3);
}

#[test]
fn incremental_links_match_a_rebuild_on_the_seeds() {
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let Ok(rd) = std::fs::read_dir(&seeds) else {
        eprintln!("skipped: {} does not exist here", seeds.display());
        return;
    };
    let mut files: Vec<(String, Vec<u8>)> = rd
        .flatten()
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            (name, std::fs::read(e.path()).unwrap())
        })
        .collect();
    files.sort();
    // The three six-sector reports (all in the third file) are one story: they come in
    // with the second batch, so their pairs are all between new articles.
    files.swap(1, 2);
    links_follow_changes(&files, 3);
}

/// The numbers `N` of the files `chanjiao-KIND-N.EXT` in an index folder.
fn numbered(dir: &std::path::Path, kind: &str) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let rest = name.strip_prefix(&format!("chanjiao-{kind}-"))?;
            Some(rest.split('.').next()?.to_string())
        })
        .collect();
    v.sort();
    v
}

/// Words joined by a hyphen, and digit groups joined by a comma or a point, are searched side
/// by side, not anywhere in the article; an exclusion of them leaves out only where they stand
/// so. Their mark covers the whole of them.
#[test]
fn words_typed_as_one_are_searched_side_by_side() {
    let (_corpus, _data, index) = indexed_pages(&[
        (
            "Campus report",
            "2025-06-01",
            "Students from low income families study carbon emissions.",
        ),
        (
            "A low-carbon campus",
            "2025-06-02",
            "The college runs on solar power and trains 2,000 technicians a year.",
        ),
        (
            "Group results",
            "2025-06-03",
            "Group 2 placed 5,000 interns in e-commerce firms; the rate rose 3.5 points.",
        ),
    ]);
    assert_eq!(titles(&index, "low-carbon"), ["A low-carbon campus"]);
    assert!(titles(&index, "carbon-low").is_empty());
    assert_eq!(titles(&index, "campus -low-carbon"), ["Campus report"]);
    assert_eq!(titles(&index, "2,000"), ["A low-carbon campus"]);
    assert_eq!(titles(&index, "3.5"), ["Group results"]);
    assert!(titles(&index, "5.3").is_empty());
    // Spaced, the words are still ANDed anywhere.
    assert_eq!(titles(&index, "low carbon").len(), 2);
    let (_, body) = marked(&index, "e-commerce", "Group results");
    assert_eq!(body, ["e-commerce"]);
}

/// Words that stand side by side as typed rank above the same words apart, however often
/// and wherever (the title included) those stand; of the articles that hold them as typed,
/// one that has them in its title ranks above one that mentions them in passing.
#[test]
fn words_as_typed_outrank_the_same_words_apart() {
    let (_corpus, _data, index) = indexed_pages(&[
        (
            "职业学校与产业学院联合招生",
            "2025-07-01",
            "这所职业技术学院与产业学院合作，学院开设职业培训课程，学院学生参加职业技能比赛。",
        ),
        (
            "学院动态",
            "2025-07-02",
            "本周职业技能鉴定在学院举行，学院职业规划中心推广新技术。",
        ),
        (
            "乡村振兴调研",
            "2025-07-03",
            "调研组走访了多个村庄，了解种植和养殖情况，听取农户意见，并到一所职业学院座谈，随后考察了物流园区和电商中心。",
        ),
        ("职业学院新生报到", "2025-06-01", "新生办理入学手续。"),
    ]);
    let ranked = titles(&index, "职业学院");
    assert_eq!(ranked.len(), 4, "{ranked:?}");
    assert_eq!(
        ranked[..2],
        ["职业学院新生报到", "乡村振兴调研"],
        "{ranked:?}"
    );
    // Another pair of words: the article without them side by side comes last.
    let ranked = titles(&index, "技术学院");
    assert_eq!(ranked.len(), 2, "{ranked:?}");
    assert_eq!(ranked[0], "职业学校与产业学院联合招生", "{ranked:?}");
    let ranked = titles(&index, "学院职业");
    assert_eq!(ranked.len(), 4, "{ranked:?}");
    assert_eq!(ranked[0], "学院动态", "{ranked:?}");
}

/// A term of the glossary finds both languages, and of two articles that say it as plainly,
/// the one in the language typed comes first.
#[test]
fn a_term_finds_both_languages_the_one_typed_first() {
    let (_corpus, _data, index) = indexed_pages(&[
        (
            "冷链实训基地揭牌",
            "2025-07-01",
            "学院冷链实训基地今天揭牌，学生在这里练习冷库管理。",
        ),
        (
            "Cold chain training base opens",
            "2025-07-01",
            "The college's cold chain training base opened today; students practise cold storage there.",
        ),
        ("无关的新闻", "2025-07-02", "这篇文章说的是别的事情。"),
    ]);
    let chinese = titles(&index, "冷链");
    let english = titles(&index, "Cold-Chain");
    assert_eq!(
        chinese,
        ["冷链实训基地揭牌", "Cold chain training base opens"]
    );
    assert_eq!(
        english,
        ["Cold chain training base opens", "冷链实训基地揭牌"]
    );
}

/// A phrase, and text typed across words, are found side by side within a clause, not
/// across the stop that ends one: plain-text search would not find them there either.
#[test]
fn phrases_do_not_run_across_the_end_of_a_clause() {
    let (_corpus, _data, index) = indexed_pages(&[
        (
            "学院开设订单班",
            "2025-06-01",
            "学院与车企合作开设订单班。今年共有八十名学生参加，服务汽车专业，学生学习整车检测。",
        ),
        (
            "订单班今年扩招",
            "2025-06-02",
            "订单班今年招收一百名学生，专业学生将进入企业实习。",
        ),
        (
            "English report",
            "2025-06-03",
            "Students earn more. The phrase of the year is skilled work, and more.",
        ),
        (
            "Another English report",
            "2025-06-04",
            "The college says students earn more the phrase suggests.",
        ),
    ]);
    assert_eq!(titles(&index, "\"订单班今年\""), ["订单班今年扩招"]);
    assert_eq!(titles(&index, "班今年"), ["订单班今年扩招"]);
    assert_eq!(titles(&index, "\"专业学生\""), ["订单班今年扩招"]);
    assert_eq!(titles(&index, "业学"), ["订单班今年扩招"]);
    assert_eq!(
        titles(&index, "\"more the phrase\""),
        ["Another English report"]
    );
    // Typed with its stop, the phrase is found where it stands so.
    assert_eq!(titles(&index, "\"订单班。今年\""), ["学院开设订单班"]);
    // Words apart are still found anywhere.
    assert_eq!(titles(&index, "订单班 今年").len(), 2);
}

/// A word that many titles hold and one body mentions in passing: the titles rank first.
/// Weighed field by field, the word was rare in bodies and so worth far more in that one
/// body than in any title.
#[test]
fn a_word_common_in_titles_ranks_its_titles_above_a_body_that_mentions_it() {
    let cities = [
        "济南", "青岛", "烟台", "潍坊", "临沂", "淄博", "威海", "日照", "泰安", "德州",
    ];
    let titles_with: Vec<String> = cities
        .iter()
        .map(|c| format!("{c}深化钢铁冶金产教融合"))
        .collect();
    let mut pages: Vec<(&str, &str, &str)> = titles_with
        .iter()
        .map(|t| {
            (
                t.as_str(),
                "2025-05-01",
                "学院与钢厂共建实训基地，学生进入车间跟岗学习，企业技术骨干到校授课。",
            )
        })
        .collect();
    pages.push((
        "学院动态",
        "2025-05-02",
        "本周学院召开教学工作会议，布置期末考试安排，并提到产教融合。会议还通报了招生情况。",
    ));
    let (_corpus, _data, index) = indexed_pages(&pages);
    let ranked = titles(&index, "产教融合");
    assert_eq!(ranked.len(), 11, "{ranked:?}");
    assert_eq!(
        ranked.last().map(String::as_str),
        Some("学院动态"),
        "{ranked:?}"
    );
}

/// A character typed against a number or a word (`人` of `3000人`) is part of a longer
/// query: it is not marked wherever it stands on its own.
#[test]
fn a_unit_typed_against_a_number_is_not_marked_alone() {
    let (_corpus, _data, index) = indexed_pages(&[(
        "合肥培养人工智能训练师",
        "2025-05-01",
        "合肥职业院校与人工智能企业合作，三年培养人工智能训练师3000人。",
    )]);
    let (title, body) = marked(&index, "3000人", "合肥培养人工智能训练师");
    assert!(title.is_empty(), "{title:?}");
    assert!(body.iter().all(|m| m.starts_with("3000")), "{body:?}");
    assert!(!body.is_empty());
}

/// A number with thousands separators and the same number without them find each other,
/// and are marked where they stand.
#[test]
fn numbers_with_and_without_separators_find_each_other() {
    let (_corpus, _data, index) = indexed_pages(&[
        (
            "Ningbo trains port technicians",
            "2025-05-01",
            "The alliance will train 3,000 technicians by 2027.",
        ),
        (
            "宁波港口联合体培养技术人员",
            "2025-05-02",
            "联合体计划到2027年培养技术人员3000名。",
        ),
        (
            "Other news",
            "2025-05-03",
            "The college has 300 teachers and 2,000 students.",
        ),
    ]);
    let mut found = titles(&index, "3000");
    found.sort();
    assert_eq!(
        found,
        [
            "Ningbo trains port technicians",
            "宁波港口联合体培养技术人员"
        ]
    );
    let mut found = titles(&index, "3,000");
    found.sort();
    assert_eq!(
        found,
        [
            "Ningbo trains port technicians",
            "宁波港口联合体培养技术人员"
        ]
    );
    assert!(titles(&index, "300,000").is_empty());
    assert_eq!(
        titles(&index, "\"3,000 technicians\""),
        ["Ningbo trains port technicians"]
    );
    let (_, body) = marked(&index, "3000", "Ningbo trains port technicians");
    assert_eq!(body, ["3,000"]);
}
