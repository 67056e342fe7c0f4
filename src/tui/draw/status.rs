//! The status line: how many articles match, the active filters (or the last error), the
//! order and the state of the catalog.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::index::query;
use crate::tui::action::Progress;
use crate::tui::app::{App, Load};
use crate::tui::backend::Sort;
use crate::tui::labels;
use crate::tui::strings;
use crate::tui::text::{self, width};

pub fn sort_label(sort: Sort) -> &'static str {
    match sort {
        Sort::Relevance => "relevance",
        Sort::Newest => "newest",
        Sort::Oldest => "oldest",
    }
}

/// The active sidebar filters in words: `山东+江苏 · 智能制造与装备 · 产教融合 · 人民日报`.
pub fn filters_label(app: &App) -> String {
    let f = &app.filter;
    let mut parts = Vec::new();
    if !f.provinces.is_empty() {
        let names: Vec<&str> = f
            .provinces
            .iter()
            .map(|p| labels::province_zh(p).unwrap_or(p))
            .collect();
        parts.push(names.join("+"));
    }
    if !f.sectors.is_empty() {
        let names: Vec<&str> = f.sectors.iter().map(|s| labels::sector_zh(s)).collect();
        parts.push(names.join("+"));
    }
    if !f.topics.is_empty() {
        parts.push(f.topics.join("+"));
    }
    if !f.sources.is_empty() {
        parts.push(f.sources.join("+"));
    }
    if !f.marks.is_empty() {
        let names: Vec<&str> = f
            .marks
            .iter()
            .map(|m| crate::tui::reading_sidebar::mark_names(*m).0)
            .collect();
        parts.push(names.join("+"));
    }
    if f.since.is_some() || f.until.is_some() {
        parts.push(dates_label(f));
    }
    parts.join(" · ")
}

/// The date range: one month as `2025-10`, else `2025-06-01…2025-12-31`.
fn dates_label(f: &crate::filter::Filter) -> String {
    let month = f.since.map(|d| d.format("%Y-%m").to_string());
    if let Some(m) = month.filter(|m| crate::tui::stats::month_selected(f, m)) {
        return m;
    }
    let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    format!("{}…{}", day(f.since), day(f.until))
}

/// How far loading or updating has got: a share of the work while it is counted; else,
/// when `long`, what is being done (`loading · saving the index`), or just `loading…`.
fn progress_label(state: &str, p: &Progress, long: bool) -> String {
    match p.total {
        0 if long && !p.label.is_empty() => format!("{state} · {}", p.label),
        0 => format!("{state}…"),
        t => format!("{state} {}%", p.done.min(t) * 100 / t),
    }
}

/// Widest a skipped file's name is shown.
const SKIPPED_NAME_MAX: usize = 32;

/// How many files were skipped; when `long`, also the first one's name and how many more
/// (`2 files skipped: empty.txt +1 more`). The log has every path and reason.
fn skipped_label(skipped: &[String], long: bool) -> Option<String> {
    let n = skipped.len();
    let files = if n == 1 { "file" } else { "files" };
    counted(skipped, &format!("{n} {files} {}", strings::SKIPPED), long)
}

/// How many corpus paths given are not there (`1 folder not found: reports`).
fn missing_label(missing: &[String], long: bool) -> Option<String> {
    let n = missing.len();
    let noun = match (
        n,
        missing.iter().all(|m| crate::tui::hints::names_a_file(m)),
    ) {
        (1, true) => "file",
        (_, true) => "files",
        (1, false) => "folder",
        (_, false) => "folders",
    };
    counted(missing, &format!("{n} {noun} {}", strings::NOT_FOUND), long)
}

/// `count`; when `long`, also the first path's name and how many more.
fn counted(paths: &[String], count: &str, long: bool) -> Option<String> {
    let first = paths.first()?;
    let n = paths.len();
    let count = count.to_string();
    if !long {
        return Some(count);
    }
    let path = std::path::Path::new(first);
    let name = path
        .file_name()
        .map_or_else(|| first.clone(), |s| s.to_string_lossy().into_owned());
    let name = text::truncate(&text::clean(&name), SKIPPED_NAME_MAX).into_owned();
    let more = match n - 1 {
        0 => String::new(),
        m => format!(" +{m} {}", strings::MORE),
    };
    Some(format!("{count}: {name}{more}"))
}

/// The catalog's state; `long` lets a phase that is not counted say what it is doing.
fn state_label(app: &App, long: bool) -> String {
    if let (Load::Ready { .. }, Some(p)) = (&app.load, &app.updating) {
        return progress_label(strings::UPDATING, p, long);
    }
    match &app.load {
        Load::Loading(p) => progress_label(strings::LOADING_SHORT, p, long),
        Load::Ready {
            skipped, missing, ..
        } => [missing_label(missing, long), skipped_label(skipped, long)]
            .into_iter()
            .flatten()
            .fold(strings::READY.to_string(), |s, part| {
                format!("{s} · {part}")
            }),
        Load::Failed(_) => strings::FAILED_SHORT.to_string(),
    }
}

/// The right part of the status line for a line `w` wide whose left part needs `essential`
/// columns: the order and the state, in as many words as leave that room; else the state
/// alone while it is not simply ready; else nothing. A notice (where a file went) needs the
/// room more than either.
fn right_part(app: &App, w: usize, essential: usize) -> String {
    if app.reading.notice.is_some() || app.reading.question().is_some() {
        return String::new();
    }
    let both = |long: bool| {
        format!(
            " {}: {} │ {} ",
            strings::SORT,
            sort_label(app.sort.as_listed(query::has_words(&app.query))),
            state_label(app, long)
        )
    };
    let state = format!(" {} ", state_label(app, false));
    let fits = |r: &String| essential + width(r) <= w;
    if let Some(r) = [both(true), both(false), state.clone()]
        .into_iter()
        .find(fits)
    {
        return r;
    }
    let ready = matches!(app.load, Load::Ready { .. }) && app.updating.is_none();
    if !ready && width(&state) + 10 <= w {
        state
    } else {
        String::new()
    }
}

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let w = area.width as usize;
    buf.set_style(area, app.theme.bar());
    let mut left: Vec<(String, Style)> = Vec::new();
    if let Some(q) = app.reading.question() {
        // A question has the line to itself, and drops its Chinese label where that keeps
        // `y/n` on a narrow one.
        let q = match q.split_once(' ') {
            Some((_, english)) if width(q) + 2 > w => english,
            _ => q,
        };
        left.push((format!(" {q} "), app.theme.notice_bar()));
    } else if let (true, Load::Ready { articles, .. }) = (app.results.received, &app.load) {
        let noun = if *articles == 1 {
            strings::ARTICLE
        } else {
            strings::ARTICLES
        };
        let count = if app.results.total == *articles {
            format!(" {articles} {noun} ")
        } else {
            format!(" {} / {articles} {noun} ", app.results.total)
        };
        left.push((count, app.theme.bar()));
    } else {
        left.push((" ".into(), app.theme.bar()));
    }
    let asking = app.reading.question().is_some();
    if let (false, Some(e)) = (asking, &app.error) {
        left.push((format!(" {e} "), app.theme.error_bar()));
    } else if let (false, Some(n)) = (asking, &app.reading.notice) {
        left.push((format!("│ {n} "), app.theme.notice_bar()));
    } else if !asking && !app.results.notes.is_empty() {
        // A value given in part widens the search: say to what, before the filters.
        left.push((
            format!("│ {} ", app.results.notes.join(" · ")),
            app.theme.notice_bar(),
        ));
    }
    // The count and what is said of the search come first; the filters take what is left.
    let essential: usize = left.iter().map(|(s, _)| width(s)).sum();
    let right = right_part(app, w, essential);
    if app.error.is_none() && app.reading.notice.is_none() && !asking {
        let filters = filters_label(app);
        if !filters.is_empty() {
            left.push((
                format!("│ {} {filters} ", strings::FILTERED),
                app.theme.bar(),
            ));
        }
    }
    let avail = w.saturating_sub(width(&right));
    let mut spans = Vec::new();
    let mut used = 0;
    for (s, style) in left {
        if used >= avail {
            break;
        }
        let t = text::truncate(&s, avail - used).into_owned();
        used += width(&t);
        spans.push(Span::styled(t, style));
    }
    spans.push(Span::styled(" ".repeat(avail - used), app.theme.bar()));
    spans.push(Span::styled(right, app.theme.bar()));
    buf.set_line(area.x, area.y, &Line::from(spans), area.width);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::Action;
    use crate::tui::update::update;

    fn loading(label: &str, done: usize, total: usize) -> App {
        let mut app = App::new();
        update(
            &mut app,
            Action::Progress(Progress {
                label: label.into(),
                done,
                total,
            }),
        );
        app
    }

    /// The status line of a reader that found 4 of 36 articles, saying how it took a value.
    fn line(width: u16, note: &str) -> String {
        let mut app = App::new();
        app.load = Load::Ready {
            articles: 36,
            skipped: Vec::new(),
            missing: Vec::new(),
        };
        app.results.received = true;
        app.results.total = 4;
        app.results.notes = vec![note.to_string()]
            .into_iter()
            .filter(|n| !n.is_empty())
            .collect();
        let area = Rect::new(0, 0, width, 1);
        let mut buf = Buffer::empty(area);
        draw(&app, area, &mut buf);
        (0..width)
            .map(|x| buf[(x, 0)].symbol().to_string())
            .collect::<String>()
            .trim_end()
            .to_string()
    }

    #[test]
    fn the_count_and_the_notes_go_before_the_order_at_narrow_widths() {
        let note = "source 'Xinhua' taken as 新华网 or 新华日报";
        assert!(
            line(100, note).ends_with("sort: newest │ ready"),
            "{}",
            line(100, note)
        );
        let narrow = line(60, note);
        assert!(
            narrow.starts_with(" 4 / 36 articles │ source 'Xinhua' taken"),
            "{narrow}"
        );
        assert!(!narrow.contains("sort"), "{narrow}");
        // Without a note, the state alone when the order does not fit.
        let narrow = line(36, "");
        assert!(narrow.starts_with(" 4 / 36 articles "), "{narrow}");
        assert!(
            narrow.ends_with("ready") && !narrow.contains("sort"),
            "{narrow}"
        );
    }

    #[test]
    fn a_phase_without_a_total_says_what_it_does_not_how_far() {
        assert_eq!(
            state_label(&loading("indexing files", 99, 100), true),
            "loading 99%"
        );
        let linking = loading("linking reports of the same story", 0, 0);
        assert_eq!(
            state_label(&linking, true),
            "loading · linking reports of the same story"
        );
        assert_eq!(state_label(&linking, false), "loading…");
    }

    #[test]
    fn skipped_files_are_named_when_there_is_room() {
        let one = vec!["/corpus/a/empty.txt".to_string()];
        assert_eq!(
            skipped_label(&one, true).as_deref(),
            Some("1 file skipped: empty.txt")
        );
        let three = vec![
            "/corpus/a/empty.txt".to_string(),
            "/corpus/b.bin".to_string(),
            "/corpus/c.txt".to_string(),
        ];
        assert_eq!(
            skipped_label(&three, true).as_deref(),
            Some("3 files skipped: empty.txt +2 more")
        );
        assert_eq!(
            skipped_label(&three, false).as_deref(),
            Some("3 files skipped")
        );
        assert_eq!(skipped_label(&[], true), None);
        let gone = ["/srv/news".to_string(), "/srv/a.txt".to_string()];
        assert_eq!(
            missing_label(&gone[..1], true).as_deref(),
            Some("1 folder not found: news")
        );
        assert_eq!(
            missing_label(&gone[1..], true).as_deref(),
            Some("1 file not found: a.txt")
        );
        assert_eq!(
            missing_label(&gone, false).as_deref(),
            Some("2 folders not found")
        );
    }

    #[test]
    fn the_status_line_drops_the_label_before_the_order() {
        for (w, want) in [
            (120, "sort: newest │ loading · saving the index"),
            (40, "sort: newest │ loading…"),
        ] {
            let mut app = loading("saving the index", 0, 0);
            update(
                &mut app,
                Action::Resize {
                    width: w,
                    height: 20,
                },
            );
            let area = Rect::new(0, 0, w, 1);
            let mut buf = Buffer::empty(area);
            draw(&app, area, &mut buf);
            let line: String = buf.content().iter().map(|c| c.symbol()).collect();
            assert!(line.trim_end().ends_with(want), "{w}: {line:?}");
            assert!(!line.contains('%'), "{w}: {line:?}");
        }
    }
}
