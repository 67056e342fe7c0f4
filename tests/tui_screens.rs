//! Whole screens of the reader on a test terminal, driven by keys over the sample corpus.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod tui_support;

use chanjiao::tui::action::Action;
use crossterm::event::{KeyCode, KeyModifiers};
use insta::assert_snapshot;
use tui_support::{assert_no_overflow, buffer, reader, screen};

#[test]
fn wide_first_screen() {
    let h = reader(120, 40);
    assert_no_overflow(&buffer(&h));
    assert_snapshot!("wide", screen(&h));
}

#[test]
fn narrow_first_screen() {
    let h = reader(60, 20);
    assert_no_overflow(&buffer(&h));
    assert_snapshot!("narrow", screen(&h));
}

#[test]
fn help_overlay() {
    let mut h = reader(120, 40);
    h.type_str("?");
    assert!(h.app.help.is_some());
    assert_snapshot!("help", screen(&h));
}

#[test]
fn narrow_help_overlay_scrolls() {
    let mut h = reader(60, 20);
    h.type_str("?");
    h.press(KeyCode::End);
    assert_no_overflow(&buffer(&h));
    assert_snapshot!("help_narrow_end", screen(&h));
}

#[test]
fn search_active() {
    let mut h = reader(120, 40);
    h.type_str("/产教联合体");
    assert!(h.app.searching);
    assert_no_overflow(&buffer(&h));
    assert_snapshot!("search", screen(&h));
}

#[test]
fn filtered_by_sidebar() {
    let mut h = reader(120, 40);
    // To the sidebar, past Unread and Starred, toggle the first province (全国 National),
    // then the next one too.
    h.press(KeyCode::Char('h'));
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Enter);
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Char(' '));
    assert_eq!(h.app.filter.provinces.len(), 2);
    assert_no_overflow(&buffer(&h));
    assert_snapshot!("filtered", screen(&h));
}

#[test]
fn narrow_article_view() {
    let mut h = reader(50, 14);
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Enter);
    h.key(KeyCode::Char('d'), KeyModifiers::CONTROL);
    assert_no_overflow(&buffer(&h));
    assert_snapshot!("narrow_article", screen(&h));
}

#[test]
fn loading_screen_shows_a_gauge() {
    let mut app = chanjiao::tui::App::new();
    chanjiao::tui::update::update(
        &mut app,
        Action::Resize {
            width: 80,
            height: 20,
        },
    );
    chanjiao::tui::update::update(
        &mut app,
        Action::Progress(chanjiao::tui::action::Progress {
            label: "reading files".into(),
            done: 30,
            total: 120,
        }),
    );
    let h = chanjiao::tui::harness::Harness {
        app,
        catalog: tui_support::sample(),
        effects: Vec::new(),
    };
    let text = screen(&h);
    assert!(text.contains("30/120"), "{text}");
    assert!(text.contains("loading 25%"), "{text}");
}

#[test]
fn tiny_terminals_get_a_short_message() {
    let mut h = reader(120, 40);
    for (w, hh) in [
        (1, 1),
        (10, 3),
        (29, 40),
        (120, 7),
        (0, 0),
        (2, 50),
        (30, 8),
        (31, 9),
    ] {
        h.send(Action::Resize {
            width: w,
            height: hh,
        });
        let buf = buffer(&h);
        let text = tui_support::lines(&buf).join("\n");
        if w < 30 || hh < 8 {
            if w >= 10 {
                assert!(text.contains("too small"), "{w}x{hh}: {text}");
            }
        } else {
            assert!(!text.contains("too small"), "{w}x{hh}: {text}");
        }
        // Keys and the mouse at any size never panic either.
        tui_support::poke(&mut h, "jkGgllh??ns");
        let _ = buffer(&h);
    }
    assert_snapshot!("tiny_10x3", {
        h.send(Action::Resize {
            width: 10,
            height: 3,
        });
        screen(&h)
    });
}

#[test]
fn every_size_fits() {
    let mut h = reader(120, 40);
    h.type_str("/产教 ");
    h.press(KeyCode::Enter);
    h.press(KeyCode::Enter);
    for w in (30..=130).step_by(7) {
        for hh in (8..=44).step_by(6) {
            h.send(Action::Resize {
                width: w,
                height: hh,
            });
            assert_no_overflow(&buffer(&h));
        }
    }
}

/// Tag names are never broken while the line has room for them: each sector's name is
/// whole on one line of the article pane, at any size, and in the pager's text.
#[test]
fn tags_wrap_at_whole_names() {
    use chanjiao::article::Article;
    use chanjiao::tui::harness::Harness;
    use chanjiao::tui::memory::MemoryCatalog;
    use std::sync::Arc;

    let sectors = [
        "steel-metallurgy",
        "chemicals",
        "smart-manufacturing",
        "ai-big-data",
        "aerospace-low-altitude",
        "new-energy",
        "new-energy-vehicles",
    ];
    let names = [
        "钢铁冶金",
        "石油化工",
        "智能制造与装备",
        "人工智能与大数据",
        "航空航天与低空经济",
        "新能源与储能",
        "新能源汽车",
    ];
    let article = Article {
        id: "tags".into(),
        title: "一篇行业标签很多的文章".into(),
        sectors: sectors.iter().map(|s| s.to_string()).collect(),
        provinces: [
            "Inner Mongolia",
            "Heilongjiang",
            "Xinjiang",
            "Guangxi",
            "Ningxia",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect(),
        body: "校企合作。".into(),
        ..Article::default()
    };
    let catalog = Arc::new(MemoryCatalog::new(vec![article.clone()]));
    for (w, height) in [(120, 40), (80, 24), (40, 15)] {
        let mut h = Harness::new(catalog.clone(), w, height);
        h.press(KeyCode::Enter);
        let shown = tui_support::lines(&buffer(&h)).join("\n");
        for name in names
            .iter()
            .chain(["内蒙古 Inner Mongolia", "黑龙江 Heilongjiang"].iter())
        {
            assert!(
                shown.contains(name),
                "{w}x{height}: {name} is cut:\n{shown}"
            );
        }
    }
    for width in [40, 60, 86] {
        let text = chanjiao::tui::article_text::laid_out(&article, &[], width);
        for name in names {
            assert!(text.contains(name), "width {width}: {name} is cut:\n{text}");
        }
    }
}

/// The mark for other reports of a story never understates them: `+N` up to nine, `9+`
/// beyond.
#[test]
fn the_other_reports_mark_does_not_understate() {
    use chanjiao::article::Article;
    use chanjiao::tui::harness::Harness;
    use chanjiao::tui::memory::MemoryCatalog;
    use std::sync::Arc;

    let story = |id: &str, others: usize, hours: i64| Article {
        id: id.into(),
        title: format!("报道 {id}"),
        published: chrono::DateTime::parse_from_rfc3339("2025-06-01T09:00:00+08:00")
            .ok()
            .map(|t| t - chrono::Duration::hours(hours)),
        duplicates: (0..others).map(|i| format!("{id}-{i}")).collect(),
        body: "校企合作。".into(),
        ..Article::default()
    };
    let catalog = Arc::new(MemoryCatalog::new(vec![
        story("many", 16, 1),
        story("nine", 9, 2),
        story("one", 1, 3),
    ]));
    let h = Harness::new(catalog, 120, 40);
    let shown = tui_support::lines(&buffer(&h));
    let row = |title: &str| shown.iter().find(|l| l.contains(title)).cloned().unwrap();
    assert!(row("报道 many").contains(" 9+ "), "{}", row("报道 many"));
    assert!(row("报道 nine").contains(" +9 "), "{}", row("报道 nine"));
    assert!(row("报道 one").contains(" +1 "), "{}", row("报道 one"));
}

/// The other reports of a story are listed newest first, undated last, with their dates,
/// outlets and titles in columns.
#[test]
fn other_reports_are_sorted_and_aligned() {
    use chanjiao::article::Article;
    use chanjiao::tui::backend::Row;

    let report = |title: &str, source: &str, date: Option<&str>| Row {
        id: title.into(),
        title: title.into(),
        published: date.and_then(|d| {
            chrono::DateTime::parse_from_rfc3339(&format!("{d}T09:00:00+08:00")).ok()
        }),
        source: Some(source.into()),
        source_zh: None,
        provinces: Vec::new(),
        sectors: Vec::new(),
        duplicates: 0,
    };
    let also = [
        report("Undated report", "Daily", None),
        report("Older report", "Some Long Outlet", Some("2025-03-01")),
        report("Newer report", "Daily", Some("2025-05-02")),
    ];
    let article = Article {
        id: "story".into(),
        title: "同一事件".into(),
        body: "校企合作。".into(),
        ..Article::default()
    };
    let text = chanjiao::tui::article_text::laid_out(&article, &also, 80);
    let listed: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.contains("Also reported by"))
        .skip(1)
        .take(3)
        .collect();
    assert_eq!(
        listed,
        [
            "  2025-05-02 Daily            Newer report",
            "  2025-03-01 Some Long Outlet Older report",
            "             Daily            Undated report",
        ],
        "{text}"
    );
}

/// The article's meta line: a page dated without a time (read as midnight) shows its date
/// alone, a time of day shows with it, and an article without a date or outlet says it has no
/// date rather than leaving the line empty.
#[test]
fn the_meta_line_shows_a_bare_date_alone_and_says_when_there_is_none() {
    use chanjiao::article::Article;
    use chanjiao::tui::article_text::{for_clipboard, laid_out};

    let dated = |at: Option<&str>| Article {
        id: "page".into(),
        title: "学校新闻".into(),
        published: at.and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok()),
        body: "校企合作。".into(),
        ..Article::default()
    };
    let meta = |a: &Article| -> String {
        let text = laid_out(a, &[], 60);
        let lines: Vec<&str> = text.lines().collect();
        let title = lines.iter().position(|l| l.contains("学校新闻")).unwrap();
        lines[title + 1].trim().to_string()
    };
    let date_only = dated(Some("2025-04-18T00:00:00+08:00"));
    assert_eq!(meta(&date_only), "2025-04-18");
    assert!(for_clipboard(&date_only).contains("\n2025-04-18\n"));
    let timed = dated(Some("2025-04-18T09:30:00+08:00"));
    assert_eq!(meta(&timed), "2025-04-18 09:30");
    // A second past midnight is a time of day, shown to the minute.
    let just_after = dated(Some("2025-04-18T00:00:01+08:00"));
    assert_eq!(meta(&just_after), "2025-04-18 00:00");
    assert_eq!(meta(&dated(None)), "无日期 undated");
}

/// A long query of Chinese and English in a narrow search line, the cursor moved into its
/// middle: the part around the cursor is shown, `…` on each side where the query goes on,
/// no character cut in half, and the terminal's cursor where the next character goes in
/// (marked with `^` under the line in the snapshot).
#[test]
fn a_long_query_scrolls_to_the_cursor_in_a_narrow_line() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    let mut h = reader(40, 15);
    h.type_str("/产教融合 vocational 职业教育 training 校企合作 2025");
    for _ in 0..30 {
        h.press(KeyCode::Left);
    }
    for _ in 0..10 {
        h.press(KeyCode::Right);
    }
    let mut t = Terminal::new(TestBackend::new(40, 15)).unwrap();
    t.draw(|f| chanjiao::tui::draw::draw(f, &h.app)).unwrap();
    let at = t.get_cursor_position().unwrap();
    assert_eq!(at.y, 0);
    let line = tui_support::lines(t.backend().buffer())[0].clone();
    assert_eq!(unicode_width::UnicodeWidthStr::width(line.as_str()), 40);
    // Typing goes in where the cursor is drawn.
    let before: String = h.app.query.clone();
    h.type_str("|");
    let cut = h.app.query.find('|').unwrap();
    assert_eq!(h.app.query.replace('|', ""), before);
    let shown_before_cursor = {
        let mut cols = 0;
        let mut s = String::new();
        for c in line.chars() {
            if cols >= at.x as usize {
                break;
            }
            cols += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            s.push(c);
        }
        s
    };
    let typed_before = &h.app.query[..cut];
    let visible = shown_before_cursor
        .trim_start_matches(" / ")
        .trim_start_matches('…');
    assert!(
        typed_before.ends_with(visible),
        "{typed_before:?} / {visible:?}"
    );
    let marker = format!("{}^", " ".repeat(at.x as usize));
    assert_snapshot!("search_cursor_narrow", format!("{line}\n{marker}"));
}

/// A corpus of one article says "1 article" in the status line.
#[test]
fn one_article_is_counted_in_the_singular() {
    let one = chanjiao::corpus::load_sample().articles[..1].to_vec();
    let catalog = std::sync::Arc::new(chanjiao::tui::memory::MemoryCatalog::new(one));
    let h = chanjiao::tui::harness::Harness::new(catalog, 80, 24);
    let screen = screen(&h);
    let status = screen.lines().last().unwrap_or_default().to_string();
    assert!(status.starts_with(" 1 article "), "{status}");
}

/// A reader over a corpus that gave no article, read from `folders`, `skipped` files left out.
fn empty_reader(folders: &[&str], skipped: &[&str]) -> chanjiao::tui::harness::Harness {
    empty_reader_missing(folders, skipped, &[])
}

/// The same, with `missing` among `folders` not found.
fn empty_reader_missing(
    folders: &[&str],
    skipped: &[&str],
    missing: &[&str],
) -> chanjiao::tui::harness::Harness {
    let catalog = std::sync::Arc::new(chanjiao::tui::memory::MemoryCatalog::new(Vec::new()));
    let mut app = chanjiao::tui::App::new();
    app.corpus = folders.iter().map(std::path::PathBuf::from).collect();
    let mut h = chanjiao::tui::harness::Harness::with_app(app, catalog, 100, 24);
    h.send(Action::Ready {
        articles: 0,
        skipped: skipped.iter().map(|s| s.to_string()).collect(),
        sorts: &[],
        missing: missing.iter().map(|s| s.to_string()).collect(),
        news: Default::default(),
    });
    h
}

#[test]
fn an_empty_corpus_names_the_folder_read_and_nothing_is_said_to_match() {
    let h = empty_reader(&["/srv/news/empty"], &[]);
    let s = screen(&h);
    assert!(s.contains("No articles in /srv/news/empty."), "{s}");
    assert!(!s.contains("--corpus"), "the folder was given: {s}");
    assert!(!s.contains("Nothing matches"), "nothing was searched: {s}");
    assert!(!s.contains("clears the"), "{s}");
    let mut h = h;
    h.type_str("/学校");
    let s = screen(&h);
    assert!(s.contains("No articles in /srv/news/empty."), "{s}");
    assert!(
        !s.contains("Nothing matches"),
        "there is nothing to match: {s}"
    );

    let h = empty_reader(&["/srv/a", "/srv/b"], &["/srv/a/bad.txt", "/srv/b/x.txt"]);
    let s = screen(&h);
    assert!(s.contains("No articles in /srv/a, /srv/b."), "{s}");
    assert!(s.contains("2 files gave no article"), "{s}");
    assert!(!s.contains("Nothing matches"), "{s}");
}

/// A corpus folder that is not there (removed, or its name mistyped) is not a file that
/// gave no article: the list and the status line say it is not found.
#[test]
fn a_missing_corpus_folder_is_said_not_found() {
    let h = empty_reader_missing(&["/srv/gone"], &[], &["/srv/gone"]);
    let s = screen(&h);
    assert!(
        s.contains("No articles in /srv/gone. Folder not found: /srv/gone."),
        "{s}"
    );
    assert!(!s.contains("gave no article"), "{s}");
    let status = s.lines().last().unwrap_or_default().to_string();
    assert!(
        status.contains("ready · 1 folder not found: gone"),
        "{status}"
    );
    assert!(!status.contains("skipped"), "{status}");

    let h = empty_reader_missing(&["/srv/a", "/srv/b"], &["/srv/a/x.txt"], &["/srv/b"]);
    let s = screen(&h);
    assert!(s.contains("Folder not found: /srv/b."), "{s}");
    assert!(s.contains("gave no article"), "{s}");
    let status = s.lines().last().unwrap_or_default().to_string();
    assert!(
        status.contains("1 folder not found: b · 1 file skipped: x.txt"),
        "{status}"
    );
}

#[test]
fn the_help_takes_the_width_it_needs_and_wraps_instead_of_cutting() {
    for (width, height) in [(100, 60), (160, 50), (220, 50), (60, 120)] {
        let mut h = reader(width, height);
        h.type_str("?");
        let buf = buffer(&h);
        assert_no_overflow(&buf);
        let r = chanjiao::tui::draw::help::area(&h.app, h.app.screen());
        let all: String = (r.y..r.y + r.height)
            .map(|y| {
                let row: String = (r.x..r.x + r.width).map(|x| buf[(x, y)].symbol()).collect();
                row + "\n"
            })
            .collect();
        assert!(
            !all.contains('…'),
            "{width}×{height}: a line is cut:\n{all}"
        );
        let descs = chanjiao::tui::keymap::BINDINGS
            .iter()
            .map(|b| b.desc)
            .chain(chanjiao::tui::keymap::MOUSE.iter().map(|(_, d)| *d))
            .chain(chanjiao::tui::keymap::QUERY.iter().map(|(_, d)| *d));
        for d in descs {
            let last = d.split_whitespace().last().unwrap();
            assert!(
                all.contains(last),
                "{width}×{height}: {d:?} ends nowhere:\n{all}"
            );
        }
        if width >= 160 {
            // Every description on one line.
            for b in chanjiao::tui::keymap::BINDINGS {
                assert!(
                    all.contains(b.desc),
                    "{width}×{height}: {:?}:\n{all}",
                    b.desc
                );
            }
        }
    }
}

/// Between 70 and 96 columns the placeholder is cut before the help hint, never into it.
#[test]
fn the_search_line_keeps_a_space_before_its_hint() {
    for w in [70, 80, 90] {
        let h = reader(w, 24);
        let top = screen(&h).lines().next().unwrap_or_default().to_string();
        let at = top.find("? help").unwrap_or_else(|| panic!("{top}"));
        assert!(top[..at].ends_with(' '), "{w}: {top}");
    }
}

/// A border title that does not fit is cut with `…` (SPEC §6), never clipped by the corner:
/// the help's title at 30 columns, the statistics view's key hint at 33.
#[test]
fn border_titles_too_wide_are_cut_with_an_ellipsis() {
    let mut h = reader(60, 20);
    h.type_str("?");
    h.send(Action::Resize {
        width: 30,
        height: 10,
    });
    let s = screen(&h);
    let top = s
        .lines()
        .find(|l| l.contains("帮助 Keys"))
        .unwrap_or_else(|| panic!("{s}"));
    assert!(top.contains("…╮"), "{top}");

    let mut h = reader(60, 20);
    h.type_str("t");
    h.send(Action::Resize {
        width: 33,
        height: 9,
    });
    let s = screen(&h);
    let bottom = s
        .lines()
        .rfind(|l| l.contains('╰'))
        .unwrap_or_else(|| panic!("{s}"));
    assert!(bottom.contains("…╯"), "{bottom}");
}

/// The sidebar is scrolled only as far as it must be: grown to a screen where every entry
/// fits, it shows them all from its first heading.
#[test]
fn the_sidebar_scrolls_back_when_the_window_grows() {
    let mut h = reader(40, 12);
    h.send(Action::Resize {
        width: 160,
        height: 50,
    });
    let s = screen(&h);
    assert!(s.contains("状态 State"), "{s}");
    assert_eq!(h.app.sidebar.scroll, 0);
}

/// An outlet given in part is taken for every outlet whose name holds it; the status line
/// says which, as the command line does on stderr, in both catalogs.
#[test]
fn an_outlet_given_in_part_is_said_how_it_was_taken() {
    for catalog in [tui_support::sample(), tui_support::indexed_sample()] {
        let mut h = chanjiao::tui::harness::Harness::new(catalog, 120, 30);
        h.type_str("/source:新华");
        let s = screen(&h);
        let status = s.lines().last().unwrap_or_default().to_string();
        assert!(
            status.contains("source '新华' taken as 新华网 or 新华日报"),
            "{status}"
        );
        // A whole name is taken as written: nothing to say.
        h.press(KeyCode::Esc);
        h.type_str("/source:新华网");
        let s = screen(&h);
        let status = s.lines().last().unwrap_or_default().to_string();
        assert!(!status.contains("taken as"), "{status}");
    }
}
