//! The status line: how many articles match, the active filters (or the last error), the
//! order and the state of the catalog.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

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
        Sort::Title => "title",
    }
}

/// The active sidebar filters in words: `山东+江苏 · 智能制造与装备 · 人民日报`.
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

fn state_label(app: &App) -> String {
    if let (Load::Ready { .. }, Some(p)) = (&app.load, &app.updating) {
        return match p.total {
            0 => format!("{}…", strings::UPDATING),
            t => format!("{} {}%", strings::UPDATING, p.done * 100 / t),
        };
    }
    match &app.load {
        Load::Loading(p) if p.total > 0 => {
            format!("{} {}%", strings::LOADING_SHORT, p.done * 100 / p.total)
        }
        Load::Loading(_) => strings::LOADING_SHORT.to_string(),
        Load::Ready { skipped: 0, .. } => strings::READY.to_string(),
        Load::Ready { skipped, .. } => {
            format!("{} · {skipped} {}", strings::READY, strings::SKIPPED)
        }
        Load::Failed(_) => strings::FAILED_SHORT.to_string(),
    }
}

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let w = area.width as usize;
    buf.set_style(area, app.theme.bar());
    let right = format!(
        " {}: {} │ {} ",
        strings::SORT,
        sort_label(app.sort),
        state_label(app)
    );
    // A notice (where a file went) needs the room more than the order does.
    let right = if width(&right) + 10 > w || app.reading.notice.is_some() {
        String::new()
    } else {
        right
    };
    let mut left: Vec<(String, Style)> = Vec::new();
    if let (true, Load::Ready { articles, .. }) = (app.results.received, &app.load) {
        let count = if app.results.total == *articles {
            format!(" {articles} {} ", strings::ARTICLES)
        } else {
            format!(" {} / {articles} {} ", app.results.total, strings::ARTICLES)
        };
        left.push((count, app.theme.bar()));
    } else {
        left.push((" ".into(), app.theme.bar()));
    }
    if let Some(e) = &app.error {
        left.push((format!(" {e} "), app.theme.error_bar()));
    } else if let Some(n) = &app.reading.notice {
        left.push((format!("│ {n} "), app.theme.notice_bar()));
    } else {
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
