//! The statistics view: five bar charts (provinces and sectors above; the month-by-month
//! timeline, listing-page topics and outlets below) in a grid when the screen is large
//! enough, else the chart with the cursor alone. Bars are block characters in eighths;
//! labels are cut and padded by display width.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::tui::app::App;
use crate::tui::hints;
use crate::tui::layout;
use crate::tui::stats::{self, Bar, Chart, Row};
use crate::tui::strings;
use crate::tui::text::{self, fit, fit_right, width};
use crate::tui::theme::Theme;

use super::{fit_title, panel};

/// From this size on (of the area between the search and status lines), all the charts
/// show at once.
const GRID_WIDTH: u16 = 90;
const GRID_HEIGHT: u16 = 20;

/// The area between the search line and the status line.
pub fn body(screen: Rect) -> Rect {
    Rect {
        y: screen.y.saturating_add(1),
        height: screen.height.saturating_sub(2),
        ..screen
    }
}

/// Where each shown chart goes in `body`: all in a grid (two above, three below), or
/// `current` alone.
pub fn chart_areas(body: Rect, current: Chart) -> Vec<(Chart, Rect)> {
    if body.width < GRID_WIDTH || body.height < GRID_HEIGHT {
        return vec![(current, body)];
    }
    let [top, bottom] = Layout::vertical([Constraint::Fill(1); 2]).areas(body);
    let [a, b] = Layout::horizontal([Constraint::Fill(1); 2]).areas(top);
    // The timeline's title holds its date span: it gets a little more of the row.
    let [c, d, e] = Layout::horizontal([
        Constraint::Fill(4),
        Constraint::Fill(3),
        Constraint::Fill(3),
    ])
    .areas(bottom);
    vec![
        (Chart::Provinces, a),
        (Chart::Sectors, b),
        (Chart::Months, c),
        (Chart::Topics, d),
        (Chart::Sources, e),
    ]
}

fn title(chart: Chart) -> &'static str {
    match chart {
        Chart::Provinces => strings::STATS_PROVINCES,
        Chart::Sectors => strings::STATS_SECTORS,
        Chart::Months => strings::STATS_MONTHS,
        Chart::Topics => strings::STATS_TOPICS,
        Chart::Sources => strings::STATS_SOURCES,
    }
}

fn bar_style(chart: Chart, t: &Theme) -> Style {
    match chart {
        Chart::Provinces => t.province(),
        Chart::Sectors => t.sector(),
        Chart::Months => t.date(),
        // Topics, like sectors, say what an article is about.
        Chart::Topics => t.sector(),
        Chart::Sources => t.source(),
    }
}

/// Eighths of a cell, for the end of a bar.
const PARTS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

/// A bar `count / max` of `cols` columns long, in block characters (never empty for a
/// count above 0 when there is a column for it).
pub fn bar_text(count: usize, max: usize, cols: usize) -> String {
    if count == 0 || max == 0 || cols == 0 {
        return String::new();
    }
    let eighths = (count.min(max) * cols * 8).div_ceil(max).max(1);
    let mut s = "█".repeat(eighths / 8);
    s.push_str(PARTS[eighths % 8]);
    s
}

/// Column widths of a chart's bar lines: label, bar, count.
struct Geometry {
    label: usize,
    bar: usize,
    count: usize,
    max: usize,
}

impl Geometry {
    fn new(rows: &[Row], w: usize) -> Geometry {
        let bars = || rows.iter().filter_map(Row::bar);
        let label_w = |b: &Bar| width(&b.zh) + if b.en.is_empty() { 0 } else { 1 + width(&b.en) };
        let max = bars().map(|b| b.count).max().unwrap_or(0);
        let count = width(&max.to_string());
        // A tick, the label, a space, the bar, a space, the count.
        let avail = w.saturating_sub(2 + 1 + 1 + count);
        let label = bars().map(label_w).max().unwrap_or(0).min(avail * 3 / 5);
        Geometry {
            label,
            bar: avail - label,
            count,
            max,
        }
    }
}

fn bar_line(
    chart: Chart,
    b: &Bar,
    g: &Geometry,
    cursor: Option<Style>,
    t: &Theme,
) -> Line<'static> {
    let patch = |s: Style| cursor.map_or(s, |c| s.patch(c));
    let (tick, name) = if b.selected {
        ("✓ ", t.checked())
    } else {
        ("  ", Style::new())
    };
    let zh = text::truncate(&b.zh, g.label).into_owned();
    let rest = g.label.saturating_sub(width(&zh));
    let en = if b.en.is_empty() || rest < 2 {
        fit("", rest)
    } else {
        fit(&format!(" {}", b.en), rest)
    };
    Line::from(vec![
        Span::styled(tick, patch(t.checked())),
        Span::styled(zh, patch(name)),
        Span::styled(en, patch(t.dim())),
        Span::styled(" ", patch(Style::new())),
        Span::styled(
            fit(&bar_text(b.count, g.max, g.bar), g.bar),
            patch(bar_style(chart, t)),
        ),
        Span::styled(" ", patch(Style::new())),
        Span::styled(fit_right(&b.count.to_string(), g.count), patch(t.count())),
    ])
}

fn year_line(year: i32, w: usize, t: &Theme) -> Line<'static> {
    let label = format!("{year}年 ");
    let rule = "─".repeat(w.saturating_sub(width(&label)));
    Line::from(vec![
        Span::styled(label, t.facet_heading()),
        Span::styled(rule, t.dim()),
    ])
}

/// The rows of a chart, where its cursor is and the first line shown in `height` lines.
pub struct Shown {
    pub rows: Vec<Row>,
    pub cursor: Option<usize>,
    pub scroll: usize,
}

pub fn shown(app: &App, chart: Chart, height: usize) -> Shown {
    let rows = stats::rows(chart, &app.results.facets, &app.filter);
    let value = app.stats.cursor[chart.index()].as_deref();
    let cursor = stats::cursor_row(&rows, chart, value);
    let scroll = stats::scroll(rows.len(), height, cursor);
    Shown {
        rows,
        cursor,
        scroll,
    }
}

/// The first and last bar's values (`2025-04…2026-07`), when there are two.
fn span(rows: &[Row]) -> Option<String> {
    let mut bars = rows.iter().filter_map(Row::bar);
    let first = bars.next()?;
    let last = bars.next_back()?;
    Some(format!("{}…{}", first.value, last.value))
}

fn draw_chart(app: &App, chart: Chart, area: Rect, single: bool, buf: &mut Buffer) {
    let t = &app.theme;
    let focused = app.stats.chart == chart && !app.searching;
    let inner = layout::inner(area);
    let s = shown(app, chart, inner.height as usize);
    let mut head = vec![Span::styled(title(chart), t.panel_title(focused))];
    if let Some(span) = span(&s.rows).filter(|_| chart == Chart::Months) {
        head.push(Span::styled(format!(" {span} "), t.dim()));
    }
    if single {
        head.push(Span::styled(
            format!(" {}/{} ", chart.index() + 1, Chart::ALL.len()),
            t.dim(),
        ));
    }
    let mut block = panel(fit_title(Line::from(head), area.width), focused, t);
    if focused {
        let hint = Line::styled(hints::stats_hint(&app.keys), t.dim());
        block = block.title_bottom(fit_title(hint, area.width));
    }
    block.render(area, buf);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let w = inner.width as usize;
    if s.rows.is_empty() {
        let msg = text::truncate(strings::NO_VALUES, w).into_owned();
        buf.set_line(inner.x, inner.y, &Line::styled(msg, t.dim()), inner.width);
        return;
    }
    let g = Geometry::new(&s.rows, w);
    let visible = s.rows.iter().enumerate().skip(s.scroll);
    for (i, (index, row)) in visible.take(inner.height as usize).enumerate() {
        let y = inner.y + i as u16;
        let line = match row {
            Row::Year(year) => year_line(*year, w, t),
            Row::Bar(b) => {
                let cursor = (s.cursor == Some(index)).then(|| t.selected(focused));
                if let Some(c) = cursor {
                    buf.set_style(
                        Rect {
                            y,
                            height: 1,
                            ..inner
                        },
                        c,
                    );
                }
                bar_line(chart, b, &g, cursor, t)
            }
        };
        buf.set_line(inner.x, y, &line, inner.width);
    }
}

pub fn draw(app: &App, screen: Rect, buf: &mut Buffer) {
    let areas = chart_areas(body(screen), app.stats.chart);
    let single = areas.len() == 1;
    for (chart, r) in areas {
        draw_chart(app, chart, r, single, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_in_eighths() {
        assert_eq!(bar_text(10, 10, 4), "████");
        assert_eq!(bar_text(5, 10, 4), "██");
        assert_eq!(bar_text(1, 16, 1), "▏");
        assert_eq!(bar_text(3, 16, 2), "▍");
        assert_eq!(bar_text(1, 1000, 10), "▏", "a count above 0 always shows");
        assert_eq!(bar_text(0, 10, 4), "");
        assert_eq!(bar_text(4, 4, 0), "");
    }
}
