//! The facet sidebar: provinces (Chinese and English names), 全国/National, sectors by group,
//! listing-page topics and sources, each with its live count; selected values are ticked,
//! and values the query names (`province:浙江`) marked `/`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::tui::app::App;
use crate::tui::layout::{self, Panel};
use crate::tui::sidebar::{Entry, Facet};
use crate::tui::strings;
use crate::tui::text::{self, fit, fit_right, width};
use crate::tui::theme::Theme;

use super::{fit_title, panel};

fn entry_line(e: &Entry, w: usize, cursor: Option<Style>, t: &Theme) -> Line<'static> {
    let patch = |s: Style| cursor.map_or(s, |c| s.patch(c));
    match e {
        Entry::Heading { zh, en } => Line::styled(
            text::truncate(&format!("{zh} {en}"), w).into_owned(),
            t.facet_heading(),
        ),
        Entry::Group { zh, en } => Line::styled(
            text::truncate(&format!(" {zh} {en}"), w).into_owned(),
            t.group(),
        ),
        Entry::View { name, active } => {
            let (tick, style) = if *active {
                ("✓ ", t.checked())
            } else {
                ("  ", Style::new())
            };
            Line::from(vec![
                Span::styled(tick.to_string(), patch(style)),
                Span::styled(
                    fit(&text::clean(name), w.saturating_sub(width(tick))),
                    patch(style),
                ),
            ])
        }
        Entry::Empty => Line::styled(text::truncate(strings::NO_VALUES, w).into_owned(), t.dim()),
        Entry::Item {
            facet,
            zh,
            en,
            count,
            selected,
            in_query,
            ..
        } => {
            let (tick, tick_style) = if *selected {
                ("✓ ", t.checked())
            } else if *in_query {
                ("/ ", t.checked())
            } else {
                ("  ", Style::new())
            };
            let count_text = count.to_string();
            let count_w = width(&count_text).max(2);
            let indent = if *facet == Facet::Sector { " " } else { "" };
            let label_w = w.saturating_sub(width(tick) + indent.len() + count_w + 1);
            let name_style = if *selected { t.checked() } else { Style::new() };
            // Chinese name first, English after it in a dimmer colour, cut to fit.
            let zh_fit = text::truncate(zh, label_w).into_owned();
            let rest = label_w.saturating_sub(width(&zh_fit));
            let en_text = if en.is_empty() || rest < 2 || en == zh {
                fit("", rest)
            } else {
                fit(&format!(" {en}"), rest)
            };
            Line::from(vec![
                Span::styled(indent.to_string(), patch(Style::new())),
                Span::styled(tick.to_string(), patch(tick_style)),
                Span::styled(zh_fit, patch(name_style)),
                Span::styled(en_text, patch(t.dim())),
                Span::styled(" ".to_string(), patch(Style::new())),
                Span::styled(fit_right(&count_text, count_w), patch(t.count())),
            ])
        }
    }
}

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let focused = app.focus == Panel::Sidebar;
    let selected: usize = app.filter.provinces.len()
        + app.filter.sectors.len()
        + app.filter.topics.len()
        + app.filter.sources.len()
        + app.filter.marks.len();
    let mut title = vec![Span::styled(
        strings::SIDEBAR_TITLE,
        app.theme.panel_title(focused),
    )];
    if selected > 0 {
        title.push(Span::styled(format!(" ✓{selected} "), app.theme.checked()));
    }
    panel(
        fit_title(Line::from(title), area.width),
        focused,
        &app.theme,
    )
    .render(area, buf);
    let inner = layout::inner(area);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let sb = &app.sidebar;
    let height = inner.height as usize;
    let scroll = sb.visible_scroll(height);
    let w = inner.width as usize;
    for (i, e) in sb.entries.iter().skip(scroll).take(height).enumerate() {
        let index = scroll + i;
        let y = inner.y + i as u16;
        let cursor = (index == sb.cursor && e.is_item()).then(|| app.theme.selected(focused));
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
        buf.set_line(
            inner.x,
            y,
            &entry_line(e, w, cursor, &app.theme),
            inner.width,
        );
    }
}
