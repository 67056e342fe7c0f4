//! One test per raw-layout quirk of SPEC §1, on fixtures we wrote (tests/fixtures).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use chanjiao::article::{Article, Layout};
use chanjiao::corpus::{load_paths, parse_file_bytes};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn parse(name: &str) -> Vec<Article> {
    let path = fixture(name);
    let bytes = std::fs::read(&path).unwrap();
    parse_file_bytes(&path, &bytes).unwrap()
}

fn rfc(a: &Article) -> String {
    a.published.map(|t| t.to_rfc3339()).unwrap_or_default()
}

#[test]
fn listing_page_gives_topic_and_every_entry() {
    let a = parse("listing_topic.txt");
    let titles: Vec<&str> = a.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        titles,
        vec![
            "临沂市域产教联合体揭牌 三十家企业与十所院校结对",
            "宁波港口物流人才订单班开班",
            "前瞻:联合体下一步怎么走"
        ]
    );
    assert!(
        a.iter()
            .all(|a| a.topic.as_deref() == Some("市域产教联合体"))
    );
    assert!(a.iter().all(|a| a.layout == Layout::Listing));
    assert!(
        !a.iter()
            .any(|a| a.body.contains("Search documents") || a.body.contains("Workflow"))
    );
}

#[test]
fn source_line_with_and_without_space_after_dot() {
    let a = parse("listing_topic.txt");
    assert_eq!(a[0].source.as_deref(), Some("Da Zhong Ri Bao"));
    assert_eq!(rfc(&a[0]), "2025-11-18T08:40:00+08:00");
    assert_eq!(a[1].source.as_deref(), Some("Zhe Jiang Ri Bao"));
    assert_eq!(rfc(&a[1]), "2025-11-16T10:05:00+08:00");
}

#[test]
fn entry_with_missing_source_line() {
    let a = parse("listing_topic.txt");
    assert_eq!(a[2].source, None);
    assert_eq!(a[2].published, None);
    assert!(a[2].body.starts_with("Group 1\n- Experts expect"));
}

#[test]
fn summary_lead_headings_and_bullets_are_lines() {
    let a = parse("listing_topic.txt");
    let lines: Vec<&str> = a[0].lines().collect();
    assert_eq!(
        lines,
        vec![
            "Linyi in Shandong launched a city-level industry-education alliance that pairs thirty firms with ten colleges to train logistics and machinery workers.",
            "Group 1: Alliance Structure",
            "- The alliance is led by the city government and a logistics park operator, with a council that meets every quarter.",
            "- Member colleges will open order classes for cold chain logistics and farm machinery repair.",
            "Group 2: Early Results",
            "- Some 1,200 students signed training agreements in the first month.",
        ]
    );
    assert_eq!(a[0].headings, vec![1, 4]);
}

#[test]
fn free_headings_are_headings() {
    let a = parse("listing_topic.txt");
    let lines: Vec<&str> = a[1].lines().collect();
    assert_eq!(lines[1], "Enrollment Trends");
    assert_eq!(lines[3], "Employment Outcomes");
    assert_eq!(a[1].headings, vec![1, 3]);
}

#[test]
fn citation_markers_are_data_not_text() {
    let a = parse("listing_topic.txt");
    assert!(!a[0].body.contains('['));
    assert_eq!(a[0].citations[0].line, 0);
    assert_eq!(a[0].citations[0].refs, vec![1, 2]);
    assert_eq!(
        a[0].citations.iter().map(|c| c.refs.len()).sum::<usize>(),
        5
    );
}

#[test]
fn listing_body_ending_in_a_photo_credit_keeps_its_text() {
    let a = parse("listing_quirks.txt");
    assert_eq!(
        a[0].body,
        "湖州技师学院与本地电机企业签约，共建电机装配产业学院，首批招收学员八十人。学院开设绕线、装配和检测三门课程。"
    );
}

#[test]
fn listing_entry_with_an_impossible_date_keeps_its_source() {
    let a = parse("listing_quirks.txt");
    assert_eq!(a[1].title, "嘉兴职校开设光伏运维订单班");
    assert_eq!(a[1].source.as_deref(), Some("Jia Xing Ri Bao"));
    assert_eq!(a[1].published, None);
    assert!(!a[1].body.contains("Jia Xing"), "{}", a[1].body);
}

#[test]
fn listing_entry_without_source_line_and_with_a_chinese_body() {
    let a = parse("listing_quirks.txt");
    let titles: Vec<&str> = a.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        titles,
        vec![
            "湖州技师学院与电机企业共建产业学院",
            "嘉兴职校开设光伏运维订单班",
            "绍兴纺织职校联合印染企业培养数字化人才"
        ]
    );
    assert!(!a[1].truncated);
    assert!(a[2].truncated);
    assert_eq!(a[2].source, None);
}

/// A placeholder body (`暂无摘要`) is an empty body, and it ends its entry: the next entry,
/// whose source line is missing, is an article of its own.
#[test]
fn listing_entry_with_a_placeholder_body() {
    let text = "产教融合\nSearch documents\n甲市职校开设智能网联汽车专业\nXin Hua She· 2025-05-01 09:00\n暂无摘要\n乙市职校开设港口物流专业\n乙市一所职业院校开设港口物流专业，与港口企业合作培养人才。\n";
    let a = parse_file_bytes(Path::new("placeholder.txt"), text.as_bytes()).unwrap();
    let titles: Vec<&str> = a.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        titles,
        vec!["甲市职校开设智能网联汽车专业", "乙市职校开设港口物流专业"]
    );
    assert_eq!(a[0].body, "");
    assert_eq!(a[1].source, None);
    assert_eq!(
        a[1].body,
        "乙市一所职业院校开设港口物流专业，与港口企业合作培养人才。"
    );
}

#[test]
fn single_news_page() {
    let a = parse("single_page.txt");
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].layout, Layout::Single);
    assert_eq!(a[0].title, "贵州毕节新建新能源汽车实训中心");
    assert_eq!(a[0].source.as_deref(), Some("Gui Zhou Ri Bao"));
    assert_eq!(a[0].body.lines().count(), 2);
    assert_eq!(a[0].topic, None);
}

#[test]
fn reversed_page() {
    let a = parse("reversed.txt");
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].layout, Layout::Reversed);
    assert_eq!(a[0].title, "长沙轨道交通装备产教融合共同体成立");
    assert_eq!(rfc(&a[0]), "2025-09-09T18:30:00+08:00");
    assert!(a[0].body.starts_with("Changsha in Hunan is building"));
}

#[test]
fn web_page_keeps_the_article_and_drops_the_page() {
    let a = parse("webpage.txt");
    assert_eq!(a.len(), 1);
    let a = &a[0];
    assert_eq!(a.layout, Layout::WebPage);
    assert_eq!(a.title, "Welding classes go aboard in Nantong");
    assert_eq!(
        a.subtitle.as_deref(),
        Some("Shipyards and colleges share workshops to train hull builders")
    );
    assert_eq!(a.author.as_deref(), Some("LIU CHEN"));
    assert_eq!(a.place.as_deref(), Some("Nantong, Jiangsu"));
    assert_eq!(a.source.as_deref(), Some("China Daily"));
    assert_eq!(rfc(a), "2025-11-03T10:15:00+08:00");
    let lines: Vec<&str> = a.lines().collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    for furniture in [
        "Share",
        "WeChat",
        "FOR CHINA DAILY",
        "Copyright",
        "FOLLOW US",
        "蜘蛛",
        "Registration",
        "Home /",
    ] {
        assert!(!a.body.contains(furniture), "{furniture} left in the body");
    }
    assert!(
        !lines.contains(&"Xu Lan"),
        "the name under a photo is not a paragraph"
    );
}

#[test]
fn school_page_note_becomes_fields_and_wrapped_lines_join() {
    let a = parse("school_page.txt");
    assert_eq!(a.len(), 1);
    let a = &a[0];
    assert_eq!(a.layout, Layout::Plain);
    assert_eq!(a.title, "机电工程学院与三家企业共建工业机器人产业学院");
    assert_eq!(a.source.as_deref(), Some("机电工程学院"));
    assert_eq!(a.source_zh.as_deref(), Some("机电工程学院"));
    assert_eq!(a.author.as_deref(), Some("孙七"));
    assert_eq!(rfc(a), "2025-04-16T00:00:00+08:00");
    assert!(
        a.body.contains("人才培养方案"),
        "wrapped line joined: {}",
        a.body
    );
    assert!(!a.body.contains("稿件来源") && !a.body.contains("浏览次数"));
    assert_eq!(a.body.lines().count(), 2);
}

#[test]
fn chinese_portal_page_keeps_the_article_and_drops_the_page() {
    let a = parse("portal_page.txt");
    assert_eq!(a.len(), 1);
    let a = &a[0];
    assert_eq!(
        a.title,
        "德州成立新能源装备产教联合体 八所院校牵手五十家企业"
    );
    assert_eq!(a.source.as_deref(), Some("某某日报"));
    assert_eq!(rfc(a), "2025-09-12T10:05:00+08:00");
    assert_eq!(a.editor.as_deref(), Some("某丁、某戊"));
    assert_eq!(a.body.lines().count(), 2, "{}", a.body);
    for furniture in [
        "首页",
        "分享",
        "大 中 小",
        "相关阅读",
        "储能专业",
        "扫一扫",
        "版权",
        "ICP",
    ] {
        assert!(!a.body.contains(furniture), "{furniture} left in the body");
    }
}

/// Prompts, disclaimers, ads and arrow lines go wherever they stand; sentences that
/// mention the school's WeChat account or a QR code stay.
#[test]
fn site_prompts_disclaimers_and_ads_leave_the_body() {
    let page = "甲市职业院校开设人工智能训练师专业\n2025-02-27 来源：某某日报\n\n甲市一所职业学院与人工智能企业合作，开设人工智能训练师专业。\n学院开通了微信公众号，学生扫描二维码即可报名实习岗位。\n扫一扫，关注我们的微信公众号\n点击下方二维码下载APP\n↓↓↓\n长按识别二维码关注我们\n【广告】考证培训，报名从速！联系电话138xxxxxxxx\n【免责声明】本站转载文章仅为传播更多信息之目的，如有侵权请联系删除。\n本文来源于网络，版权归原作者所有。\n";
    let a = parse_file_bytes(Path::new("page.txt"), page.as_bytes()).unwrap();
    assert_eq!(a.len(), 1);
    assert_eq!(
        a[0].body,
        "甲市一所职业学院与人工智能企业合作，开设人工智能训练师专业。\n学院开通了微信公众号，学生扫描二维码即可报名实习岗位。"
    );
    // In a listing, a prompt after the entry's text on the same line goes too.
    let listing = "产教融合\nSearch documents\n乙市职校与车企共建汽车产业学院\nXin Hua She· 2025-04-01\n据悉，乙市今年新增汽车相关专业五个。 扫码关注公众号，获取更多资讯。\n";
    let a = parse_file_bytes(Path::new("listing.txt"), listing.as_bytes()).unwrap();
    assert_eq!(a[0].body, "据悉，乙市今年新增汽车相关专业五个。");
}

#[test]
fn journal_article_metadata_lines_become_fields() {
    let a = parse("journal.txt");
    let a = &a[0];
    assert_eq!(a.title, "市域产教联合体治理结构的比较研究");
    assert_eq!(a.keywords, vec!["市域产教联合体", "协同治理", "职业教育"]);
    assert_eq!(a.author.as_deref(), Some("周八"));
    assert!(a.body.starts_with("本文比较了"));
    for label in ["[摘要]", "[关键词]", "[作者简介]", "中图分类号"] {
        assert!(!a.body.contains(label));
    }
}

#[test]
fn traditional_characters_are_read_as_written() {
    let a = parse("traditional.txt");
    assert_eq!(a[0].title, "廣東職業院校深化產教融合 新增跨境電商訂單班");
    assert_eq!(rfc(&a[0]), "2025-07-02T00:00:00+08:00");
    assert_eq!(a[0].body.lines().count(), 2);
}

#[test]
fn chinese_wrap_spaces_removed() {
    let a = parse("prose_quirks.txt");
    assert!(a[0].body.contains("共建实训基地"));
    assert!(a[0].body.contains("校企合作走深走实"));
}

#[test]
fn photo_caption_and_credit_removed() {
    let a = parse("prose_quirks.txt");
    assert!(!a[0].body.contains("李青摄") && !a[0].body.contains("李 青"));
    assert!(
        !a[0].body.contains("调试无人机"),
        "the caption goes with its credit"
    );
}

#[test]
fn editor_note_becomes_a_field() {
    let a = parse("prose_quirks.txt");
    assert_eq!(a[0].editor.as_deref(), Some("韩九、钱十"));
    assert!(!a[0].body.contains("责编"));
}

#[test]
fn trailing_dots_mark_truncation() {
    let a = parse("prose_quirks.txt");
    assert!(a[0].truncated);
    assert!(!a[0].body.contains("..."));
    assert!(a[0].body.ends_with("低空经济专业群建设"));
    assert!(!parse("single_page.txt")[0].truncated);
}

#[test]
fn ids_are_stable_and_content_based() {
    let a = parse("single_page.txt");
    let b = parse("single_page.txt");
    assert_eq!(a[0].id, b[0].id);
    assert_eq!(a[0].id.len(), 12);
    let other = parse("reversed.txt");
    assert_ne!(a[0].id, other[0].id);
}

// ---- encodings -------------------------------------------------------------------------

fn text_of(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).unwrap()
}

fn same_articles(bytes: &[u8]) {
    let expected = parse("single_page.txt");
    let got = parse_file_bytes(&fixture("single_page.txt"), bytes).unwrap();
    assert_eq!(got, expected);
}

#[test]
fn utf8_with_bom() {
    let mut b = vec![0xEF, 0xBB, 0xBF];
    b.extend_from_slice(text_of("single_page.txt").as_bytes());
    same_articles(&b);
}

#[test]
fn utf16_le_and_be_with_bom() {
    let text = text_of("single_page.txt");
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for u in text.encode_utf16() {
        le.extend_from_slice(&u.to_le_bytes());
        be.extend_from_slice(&u.to_be_bytes());
    }
    same_articles(&le);
    same_articles(&be);
}

#[test]
fn gb18030_detected() {
    let text = text_of("single_page.txt");
    let (b, _, _) = encoding_rs::GB18030.encode(&text);
    same_articles(&b);
}

#[test]
fn big5_detected() {
    let path = fixture("traditional.txt");
    let text = text_of("traditional.txt");
    let (b, _, unmappable) = encoding_rs::BIG5.encode(&text);
    assert!(!unmappable);
    assert_eq!(
        parse_file_bytes(&path, &b).unwrap(),
        parse("traditional.txt")
    );
}

#[test]
fn a_stray_nul_byte_is_dropped() {
    let mut b = text_of("single_page.txt").into_bytes();
    let at = b.iter().position(|&c| c == b'\n').unwrap();
    b.insert(at, 0);
    same_articles(&b);
}

#[test]
fn crlf_line_endings() {
    same_articles(text_of("single_page.txt").replace('\n', "\r\n").as_bytes());
}

// ---- bad files ---------------------------------------------------------------------------

#[test]
fn bad_files_are_skipped_with_a_reason_and_the_rest_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a_empty.txt"), b"").unwrap();
    std::fs::write(
        d.join("b_binary.txt"),
        [0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xff, 0xfe],
    )
    .unwrap();
    std::fs::write(
        d.join("c_spam.txt"),
        "主站蜘蛛池模板: 影院| 剧集| 综艺| 电影| 动漫| 纪录片| 体育| 音乐\n",
    )
    .unwrap();
    std::fs::write(d.join("d_oneline.txt"), "职".repeat(1024 * 1024)).unwrap();
    std::fs::copy(fixture("single_page.txt"), d.join("e_good.txt")).unwrap();
    let report = load_paths(&[d.to_path_buf()]);
    assert_eq!(report.articles.len(), 1);
    let reasons: Vec<(String, String)> = report
        .skipped
        .iter()
        .map(|s| {
            (
                s.file.file_name().unwrap().to_string_lossy().into_owned(),
                s.reason.clone(),
            )
        })
        .collect();
    assert_eq!(reasons.len(), 4, "{reasons:?}");
    assert_eq!(reasons[0], ("a_empty.txt".into(), "empty file".into()));
    assert!(reasons[1].1.contains("binary"));
    assert!(reasons[2].1.contains("spam"));
    assert!(reasons[3].1.contains("KB long"), "{}", reasons[3].1);
    for s in &report.skipped {
        assert!(!s.to_string().contains('\n'), "one line: {s}");
    }
}

/// A page of nothing but navigation, share buttons and a copyright line is no article: the
/// copyright line is never a title.
#[test]
fn a_page_of_nothing_but_furniture_is_skipped_with_a_reason() {
    let page = "首页 | 新闻 | 教育\n当前位置：首页 > 教育\n分享到：微信 微博\nCopyright © 2025 某某网 版权所有 京ICP备00000000号\n";
    let err = parse_file_bytes(Path::new("chrome.txt"), page.as_bytes()).unwrap_err();
    assert!(err.contains("nothing but page furniture"), "{err}");
    assert!(!err.contains('\n'));
    // With a title above it, the title is the article's and the footer is not its body.
    let page = "甲市职校开设新专业\nCopyright © 2025 某某网 版权所有 京ICP备00000000号\n";
    let a = parse_file_bytes(Path::new("short.txt"), page.as_bytes()).unwrap();
    assert_eq!(a[0].title, "甲市职校开设新专业");
    assert_eq!(a[0].body, "");
}

#[test]
fn missing_path_is_reported_not_fatal() {
    let report = load_paths(&[fixture("no_such_folder"), fixture("single_page.txt")]);
    assert_eq!(report.articles.len(), 1);
    assert_eq!(report.skipped[0].reason, "no such file or folder");
}

/// A school page in traditional characters: its closing note of source and author becomes
/// fields, as the simplified one does.
#[test]
fn a_traditional_school_note_becomes_fields() {
    let text = "甲市職業技術學院攜手車企 共建產業學院\n甲市職業技術學院與本地車企舉行產業學院揭牌儀式，雙方將共同制定人才培養方案。\n學院表示，將深化產教融合，服務本地汽車產業。\n（稿件來源：甲市職業技術學院汽車學院　作者：某 乙）\n";
    let a = parse_file_bytes(Path::new("trad_school.txt"), text.as_bytes()).unwrap();
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].source.as_deref(), Some("甲市職業技術學院汽車學院"));
    assert_eq!(a[0].author.as_deref(), Some("某乙"));
    assert!(!a[0].body.contains("稿件"), "{}", a[0].body);
}
