//! The article list: date, a mark for stories reported by several outlets, the reading state
//! (`•` unread, `*` starred; unread titles are bold), title, outlet and province, in columns
//! measured by display width. Virtual: only the visible rows are drawn,
//! from the window of results the reader holds.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Gauge, Paragraph, Widget, Wrap};

use crate::state::Marks;
use crate::tui::app::{App, Load};
use crate::tui::backend::Row;
use crate::tui::hints;
use crate::tui::labels;
use crate::tui::layout::{self, Panel};
use crate::tui::strings;
use crate::tui::text::{self, fit, fit_right};
use crate::tui::theme::Theme;

use super::{fit_title, panel};

/// Column widths for a list this wide (0 = column hidden).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Columns {
    pub date: usize,
    pub mark: usize,
    /// Unread and starred marks.
    pub state: usize,
    pub title: usize,
    pub source: usize,
    pub province: usize,
}

impl Columns {
    pub fn for_width(w: usize) -> Columns {
        let date = if w >= 50 {
            10
        } else if w >= 24 {
            5
        } else {
            0
        };
        let mark = if w >= 30 { 2 } else { 0 };
        let state = if w >= 20 { 2 } else { 0 };
        let province = if w >= 56 { 6 } else { 0 };
        let source = if w >= 84 {
            14
        } else if w >= 66 {
            10
        } else {
            0
        };
        let gaps = [date, mark, state, source, province]
            .iter()
            .filter(|c| **c > 0)
            .count();
        let title = w.saturating_sub(date + mark + state + source + province + gaps);
        Columns {
            date,
            mark,
            state,
            title,
            source,
            province,
        }
    }
}

/// One row's cells, styled.
fn row_line(
    row: &Row,
    c: Columns,
    marks: &Marks,
    selected: Option<Style>,
    t: &Theme,
) -> Line<'static> {
    let patch = |s: Style| selected.map_or(s, |sel| s.patch(sel));
    let mut spans = Vec::new();
    let mut cell = |text: String, style: Style, gap: bool| {
        spans.push(Span::styled(text, patch(style)));
        if gap {
            spans.push(Span::styled(" ", patch(Style::new())));
        }
    };
    if c.date > 0 {
        let date = match row.published {
            Some(t) if c.date >= 10 => t.format("%Y-%m-%d").to_string(),
            Some(t) => t.format("%m-%d").to_string(),
            None => String::new(),
        };
        cell(fit(&date, c.date), t.date(), true);
    }
    if c.mark > 0 {
        // Two columns: the number of other reports up to nine, `9+` for ten or more (the
        // article pane lists them all).
        let mark = match row.duplicates {
            0 => String::new(),
            n @ 1..=9 => format!("+{n}"),
            _ => "9+".to_string(),
        };
        cell(fit(&mark, c.mark), t.duplicate(), true);
    }
    let unread = !marks.is_read(&row.id);
    if c.state > 0 {
        let (dot, star) = (
            if unread { "•" } else { " " },
            if marks.is_starred(&row.id) { "*" } else { " " },
        );
        cell(dot.to_string(), t.unread(), false);
        cell(star.to_string(), t.star(), true);
    }
    let more = c.source > 0 || c.province > 0;
    let title_style = if unread {
        Style::new().add_modifier(Modifier::BOLD)
    } else {
        Style::new()
    };
    cell(fit(&text::clean(&row.title), c.title), title_style, more);
    if c.source > 0 {
        cell(
            fit(labels::row_source(row), c.source),
            t.source(),
            c.province > 0,
        );
    }
    if c.province > 0 {
        cell(
            fit_right(labels::row_province(row), c.province),
            t.province(),
            false,
        );
    }
    Line::from(spans)
}

/// The first visible row: the stored scroll, moved just enough to show the selection.
pub fn visible_scroll(app: &App, height: usize) -> usize {
    let sel = app.list.selected;
    let mut scroll = app.list.scroll;
    if sel < scroll {
        scroll = sel;
    } else if height > 0 && sel >= scroll + height {
        scroll = sel + 1 - height;
    }
    scroll.min(app.results.total.saturating_sub(height))
}

fn draw_loading(app: &App, inner: Rect, buf: &mut Buffer) {
    let Load::Loading(p) = &app.load else { return };
    let [_, msg, gauge, _] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(inner);
    let text = format!("{} · {}", strings::LOADING, p.label);
    Paragraph::new(text::truncate(&text, msg.width as usize).into_owned())
        .centered()
        .render(msg, buf);
    // Before the number of files is known there is nothing to measure: the message alone.
    if p.total == 0 {
        return;
    }
    let ratio = (p.done as f64 / p.total as f64).clamp(0.0, 1.0);
    let label = format!("{}/{}", p.done, p.total);
    let g = Rect {
        x: gauge.x + 2,
        width: gauge.width.saturating_sub(4),
        ..gauge
    };
    Gauge::default()
        .ratio(ratio)
        .label(label)
        .gauge_style(app.theme.heading())
        .render(g, buf);
}

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let focused = app.focus == Panel::List && !app.searching;
    let r = &app.results;
    let mut title = vec![Span::styled(
        strings::LIST_TITLE,
        app.theme.panel_title(focused),
    )];
    if r.received {
        let pos = if r.total == 0 {
            0
        } else {
            app.list.selected + 1
        };
        title.push(Span::styled(
            format!(" {pos}/{} ", r.total),
            app.theme.dim(),
        ));
    }
    panel(
        fit_title(Line::from(title), area.width),
        focused,
        &app.theme,
    )
    .render(area, buf);
    let inner = layout::inner(area);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    match &app.load {
        Load::Loading(_) => return draw_loading(app, inner, buf),
        Load::Failed(msg) => {
            Paragraph::new(format!("{}: {msg}", strings::LOAD_FAILED))
                .style(app.theme.error())
                .wrap(Wrap { trim: true })
                .render(inner, buf);
            return;
        }
        Load::Ready { articles, .. } => {
            let msg = if *articles == 0 {
                Some(hints::empty_corpus(app))
            } else if !r.received {
                Some(strings::SEARCHING.to_string())
            } else if r.total == 0 {
                Some(hints::nothing_matches(app).unwrap_or_default())
            } else {
                None
            };
            if let Some(msg) = msg {
                Paragraph::new(msg)
                    .style(app.theme.dim())
                    .wrap(Wrap { trim: true })
                    .render(inner, buf);
                return;
            }
        }
    }
    let height = inner.height as usize;
    let cols = Columns::for_width(inner.width as usize);
    let scroll = visible_scroll(app, height);
    for i in 0..height {
        let index = scroll + i;
        if index >= r.total {
            break;
        }
        let y = inner.y + i as u16;
        let selected = (index == app.list.selected).then(|| app.theme.selected(focused));
        let line = match r.row(index) {
            Some(row) => row_line(row, cols, &app.reading.marks, selected, &app.theme),
            None => Line::styled("…", app.theme.dim().add_modifier(Modifier::ITALIC)),
        };
        if let Some(sel) = selected {
            buf.set_style(
                Rect {
                    y,
                    height: 1,
                    ..inner
                },
                sel,
            );
        }
        buf.set_line(inner.x, y, &line, inner.width);
    }
}
