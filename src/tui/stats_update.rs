//! What keys and the mouse do while the statistics view is open: `j`/`k` move between bars,
//! `Tab` (and `h`/`l`) between charts, `Enter` toggles the bar's filter exactly as the
//! sidebar does, `Esc` closes the view. Other actions fall through to `update`.

use ratatui::layout::Position;

use super::action::{Action, Motion};
use super::app::App;
use super::draw::stats::{body, chart_areas, shown};
use super::effect::Effect;
use super::layout;
use super::sidebar::Facet;
use super::stats::{self, Chart};
use super::update::{refilter, toggle_value};

/// Bars one turn of the mouse wheel moves.
const WHEEL: isize = 3;

/// Handles `action` when the view is open and it is one of the view's; `None` otherwise.
pub fn handle(app: &mut App, action: &Action) -> Option<Vec<Effect>> {
    if !app.stats.open || app.searching || app.help.is_some() {
        return None;
    }
    let none = Vec::new;
    match action {
        Action::Move(m) => {
            let page = chart_height(app).saturating_sub(1).max(1) as isize;
            let delta = match m {
                Motion::Up => -1,
                Motion::Down => 1,
                Motion::PageUp => -page,
                Motion::PageDown => page,
                Motion::Top => isize::MIN / 2,
                Motion::Bottom => isize::MAX / 2,
            };
            step(app, app.stats.chart, delta);
            Some(none())
        }
        Action::NextPanel | Action::PanelRight => {
            app.stats.chart = app.stats.chart.cycle(true);
            Some(none())
        }
        Action::PrevPanel | Action::PanelLeft => {
            app.stats.chart = app.stats.chart.cycle(false);
            Some(none())
        }
        Action::ToggleFilter | Action::OpenArticle => Some(toggle_bar(app)),
        Action::Back => {
            app.stats.open = false;
            Some(none())
        }
        Action::Scroll { column, row, down } => {
            if let Some((chart, _)) = chart_at(app, *column, *row) {
                app.stats.chart = chart;
                step(app, chart, if *down { WHEEL } else { -WHEEL });
            }
            Some(none())
        }
        Action::Click { column, row } => {
            if layout::areas(app.screen(), app.focus)
                .search
                .contains(Position::new(*column, *row))
            {
                return None;
            }
            Some(click(app, *column, *row))
        }
        _ => None,
    }
}

/// Lines inside the current chart's frame.
fn chart_height(app: &App) -> usize {
    chart_areas(body(app.screen()), app.stats.chart)
        .iter()
        .find(|(c, _)| *c == app.stats.chart)
        .map_or(0, |(_, r)| layout::inner(*r).height as usize)
}

fn chart_at(app: &App, column: u16, row: u16) -> Option<(Chart, ratatui::layout::Rect)> {
    chart_areas(body(app.screen()), app.stats.chart)
        .into_iter()
        .find(|(_, r)| r.contains(Position::new(column, row)))
}

fn step(app: &mut App, chart: Chart, delta: isize) {
    let rows = stats::rows(chart, &app.results.facets, &app.filter);
    let at = stats::cursor_row(&rows, chart, app.stats.cursor[chart.index()].as_deref());
    if let Some(v) = stats::stepped(&rows, at, delta) {
        app.stats.cursor[chart.index()] = Some(v);
    }
}

/// Filters by the bar under the cursor, or removes that filter when it is on.
fn toggle_bar(app: &mut App) -> Vec<Effect> {
    let chart = app.stats.chart;
    let rows = stats::rows(chart, &app.results.facets, &app.filter);
    let at = stats::cursor_row(&rows, chart, app.stats.cursor[chart.index()].as_deref());
    let Some(bar) = at.and_then(|i| rows.get(i)).and_then(stats::Row::bar) else {
        return Vec::new();
    };
    let value = bar.value.clone();
    app.stats.cursor[chart.index()] = Some(value.clone());
    match chart {
        Chart::Provinces => toggle_value(app, Facet::Province, value),
        Chart::Sectors => toggle_value(app, Facet::Sector, value),
        Chart::Topics => toggle_value(app, Facet::Topic, value),
        Chart::Sources => toggle_value(app, Facet::Source, value),
        Chart::Months => {
            let f = &mut app.filter;
            if stats::month_selected(f, &value) {
                f.since = None;
                f.until = None;
            } else if let Some((first, last)) = stats::month_range(&value) {
                f.since = Some(first);
                f.until = Some(last);
            }
            refilter(app)
        }
    }
}

/// A click focuses the chart and puts the cursor on the bar; a click on the bar under the
/// cursor toggles its filter.
fn click(app: &mut App, column: u16, row: u16) -> Vec<Effect> {
    let Some((chart, rect)) = chart_at(app, column, row) else {
        return Vec::new();
    };
    app.stats.chart = chart;
    let inner = layout::inner(rect);
    if !inner.contains(Position::new(column, row)) {
        return Vec::new();
    }
    let s = shown(app, chart, inner.height as usize);
    let index = s.scroll + (row - inner.y) as usize;
    let Some(bar) = s.rows.get(index).and_then(stats::Row::bar) else {
        return Vec::new();
    };
    if s.cursor == Some(index) {
        toggle_bar(app)
    } else {
        app.stats.cursor[chart.index()] = Some(bar.value.clone());
        Vec::new()
    }
}
