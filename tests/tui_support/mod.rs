//! Shared by the reader's tests: the sample corpus as a catalog, a reader driven without
//! threads, and the screen as text.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::{Arc, OnceLock};

use chanjiao::article::Article;
use chanjiao::index::{CorpusSet, Index, OpenOptions};
use chanjiao::state::Delta;
use chanjiao::tui::backend::Catalog;
use chanjiao::tui::draw;
use chanjiao::tui::effect::Effect;
use chanjiao::tui::harness::Harness;
use chanjiao::tui::index_catalog::IndexCatalog;
use chanjiao::tui::memory::MemoryCatalog;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

/// The embedded sample corpus in memory (read once per test binary).
pub fn sample() -> Arc<dyn Catalog> {
    static CATALOG: OnceLock<Arc<MemoryCatalog>> = OnceLock::new();
    let c = CATALOG
        .get_or_init(|| Arc::new(MemoryCatalog::new(chanjiao::corpus::load_sample().articles)));
    c.clone()
}

/// The embedded sample corpus indexed in a temporary data folder (built once per test
/// binary), as the reader's index-backed catalog.
pub fn indexed_sample() -> Arc<IndexCatalog> {
    static CATALOG: OnceLock<(tempfile::TempDir, Arc<IndexCatalog>)> = OnceLock::new();
    let (_, c) = CATALOG.get_or_init(|| {
        let data = tempfile::tempdir().unwrap();
        let (index, _) = Index::open(
            data.path(),
            &CorpusSet::sample(),
            OpenOptions::default(),
            &mut |_| {},
        )
        .unwrap();
        (data, Arc::new(IndexCatalog::new(index)))
    });
    c.clone()
}

/// Every reading-state change `update` asked to save, merged in order.
pub fn saved(h: &Harness) -> Delta {
    let mut all = Delta::default();
    for e in &h.effects {
        if let Effect::Save(d) = e {
            all.then((**d).clone());
        }
    }
    all
}

/// A catalog bigger than one window of rows: `n` articles, `id0000` … newest first, an hour
/// apart, the body of each `body(i)`.
pub fn long_list(n: usize, body: fn(usize) -> &'static str) -> Arc<dyn Catalog> {
    let base = chrono::DateTime::parse_from_rfc3339("2025-06-01T09:00:00+08:00").unwrap();
    let articles = (0..n)
        .map(|i| Article {
            id: format!("id{i:04}"),
            title: format!("第{i}篇 职业教育新闻"),
            published: Some(base - chrono::Duration::hours(i as i64)),
            body: body(i).into(),
            ..Article::default()
        })
        .collect();
    Arc::new(MemoryCatalog::new(articles))
}

/// A reader of this size over the sample corpus, its first search done.
pub fn reader(width: u16, height: u16) -> Harness {
    Harness::new(sample(), width, height)
}

/// Draws the reader on a test terminal of its own size.
pub fn buffer(h: &Harness) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(h.app.width, h.app.height)).unwrap();
    t.draw(|f| draw::draw(f, &h.app)).unwrap();
    t.backend().buffer().clone()
}

/// The screen as lines of text (wide characters once, as a terminal shows them).
pub fn lines(buf: &Buffer) -> Vec<String> {
    let area = buf.area;
    (0..area.height)
        .map(|y| {
            let mut s = String::new();
            let mut skip = 0;
            for x in 0..area.width {
                let sym = buf[(x, y)].symbol();
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                s.push_str(sym);
                skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
            }
            s
        })
        .collect()
}

/// The screen as one text, for snapshots.
pub fn screen(h: &Harness) -> String {
    lines(&buffer(h)).join("\n")
}

/// Presses each character of `keys`, then clicks and turns the wheel in the middle of the
/// screen: none of it may panic, whatever the size.
pub fn poke(h: &mut Harness, keys: &str) {
    for k in keys.chars() {
        h.press(crossterm::event::KeyCode::Char(k));
    }
    let (column, row) = (h.app.width / 2, h.app.height / 2);
    h.send(chanjiao::tui::action::Action::Click { column, row });
    h.send(chanjiao::tui::action::Action::Scroll {
        column,
        row,
        down: true,
    });
}

/// Every line of the screen takes exactly the screen's width: nothing overflows.
pub fn assert_no_overflow(buf: &Buffer) {
    for (y, line) in lines(buf).iter().enumerate() {
        let w = unicode_width::UnicodeWidthStr::width(line.as_str());
        assert_eq!(
            w, buf.area.width as usize,
            "line {y} is {w} columns wide: {line:?}"
        );
    }
}
