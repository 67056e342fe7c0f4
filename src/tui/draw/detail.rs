//! The detail pane: the article's title, meta line, tags and body (headings, bullets, dimmed
//! citation markers, highlighted hits), wrapped by display width and scrollable.

use std::collections::HashMap;
use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget,
};

use crate::article::Article;
use crate::tui::app::App;
use crate::tui::backend::{Highlighter, Row};
use crate::tui::hints;
use crate::tui::labels;
use crate::tui::layout::{self, Panel};
use crate::tui::strings;
use crate::tui::text;
use crate::tui::theme::Theme;

use super::styled::{Styled, Wrapped, wrap_list};
use super::{fit_title, panel};

/// An article laid out for one width.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleView {
    pub id: String,
    pub width: u16,
    pub lines: Vec<Line<'static>>,
    /// Per search hit (a highlighted stretch of the article's text), in order, the index of
    /// the line where it begins: a line with two hits is there twice. Their number is the
    /// hit count, which does not depend on the width.
    pub hit_rows: Vec<usize>,
    /// Per hit, in the same order, the cells its text takes: for each line it shows on, the
    /// line's index and the columns (a hit wrapped onto the next line has two).
    pub hit_cells: Vec<Vec<(usize, Range<usize>)>>,
}

struct Builder {
    theme: Theme,
    width: usize,
    lines: Vec<Line<'static>>,
    hit_rows: Vec<usize>,
    hit_cells: Vec<Vec<(usize, Range<usize>)>>,
}

impl Builder {
    fn add(&mut self, wrapped: Wrapped) {
        let first = self.lines.len();
        for m in wrapped.marks {
            self.hit_rows.push(first + m.begins);
            let cells = m.parts.into_iter().map(|(i, cols)| (first + i, cols));
            self.hit_cells.push(cells.collect());
        }
        self.lines.extend(wrapped.lines);
    }

    fn styled(&mut self, s: &Styled, first: &str, rest: &str, marks: &[Range<usize>]) {
        let wrapped = s.wrap(self.width, first, rest, self.theme.dim(), marks);
        self.add(wrapped);
    }

    fn blank(&mut self) {
        if self.lines.last().is_some_and(|l| l.width() > 0) {
            self.lines.push(Line::default());
        }
    }
}

/// Date (or that there is none), outlet, author and place, each kept whole when the line
/// wraps.
fn meta_line(a: &Article, t: &Theme, width: usize) -> Vec<Line<'static>> {
    let mut items: Vec<(String, Style)> = Vec::new();
    match a.published_label() {
        Some(when) => items.push((when, t.date())),
        None => items.push((strings::UNDATED.to_string(), t.dim())),
    }
    let names = a.outlet_names();
    if !names.is_empty() {
        items.push((names.join(" "), t.source()));
    }
    items.extend(a.author.iter().map(|s| (s.clone(), Style::new())));
    items.extend(a.place.iter().map(|s| (s.clone(), Style::new())));
    wrap_list("", &items, "  ·  ", width, t.dim())
}

/// The tag lines (regions, sectors, topic and keywords): a label, then names that wrap
/// whole under the label's indent.
fn tags(a: &Article, t: &Theme, width: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let regions: Vec<(String, Style)> = if a.provinces.is_empty() {
        vec![("全国 National".to_string(), t.province())]
    } else {
        a.provinces
            .iter()
            .map(|p| {
                let zh = labels::province_zh(p).unwrap_or("");
                (format!("{zh} {p}").trim().to_string(), t.province())
            })
            .collect()
    };
    out.extend(wrap_list(
        strings::TAG_REGION,
        &regions,
        " · ",
        width,
        t.dim(),
    ));
    if !a.sectors.is_empty() {
        let sectors: Vec<(String, Style)> = a
            .sectors
            .iter()
            .map(|slug| (labels::sector_zh(slug).to_string(), t.sector()))
            .collect();
        out.extend(wrap_list(
            strings::TAG_SECTOR,
            &sectors,
            " · ",
            width,
            t.dim(),
        ));
    }
    if a.topic.is_some() || !a.keywords.is_empty() {
        let words: Vec<(String, Style)> = a
            .topic
            .iter()
            .chain(a.keywords.iter())
            .map(|w| (w.clone(), Style::new()))
            .collect();
        out.extend(wrap_list(strings::TAG_TOPIC, &words, " · ", width, t.dim()));
    }
    out
}

/// Lays an article out for a pane `width` columns wide.
pub fn render(
    article: &Article,
    hits: &dyn Highlighter,
    also: &[Row],
    width: u16,
    t: &Theme,
) -> ArticleView {
    let w = (width as usize).max(1);
    let mut b = Builder {
        theme: *t,
        width: w,
        lines: Vec::new(),
        hit_rows: Vec::new(),
        hit_cells: Vec::new(),
    };

    let title = text::clean(&article.title).into_owned();
    let mut s = Styled::new();
    s.push_marked(&title, t.title(), &hits.ranges(&title), t.hit());
    b.styled(&s, "", "", &hits.ranges(&title));
    if let Some(sub) = &article.subtitle {
        let mut s = Styled::new();
        s.push(sub, Style::new().add_modifier(Modifier::ITALIC));
        b.styled(&s, "", "", &[]);
    }
    b.lines.extend(meta_line(article, t, w));
    b.lines.extend(tags(article, t, w));
    b.lines.push(Line::styled("─".repeat(w), t.dim()));
    let rule = b.lines.len();

    let cites: HashMap<usize, &Vec<u32>> = article
        .citations
        .iter()
        .map(|c| (c.line, &c.refs))
        .collect();
    let mut prev_bullet = false;
    for (i, raw) in article.lines().enumerate() {
        let line = text::clean(raw.trim()).into_owned();
        if line.is_empty() {
            continue;
        }
        let heading = article.headings.contains(&i);
        let stripped = line.strip_prefix("- ").or_else(|| line.strip_prefix("• "));
        let bullet = !heading && stripped.is_some();
        let body = match stripped {
            Some(rest) if bullet => rest.trim_start().to_string(),
            _ => line.clone(),
        };
        let after_rule = b.lines.len() == rule;
        if !after_rule && (heading || !(bullet && prev_bullet)) {
            b.blank();
        }
        prev_bullet = bullet;
        let marks = hits.ranges(&body);
        let style = if heading { t.heading() } else { Style::new() };
        let mut s = Styled::new();
        s.push_marked(&body, style, &marks, t.hit());
        if let Some(refs) = cites.get(&i) {
            let markers: String = refs.iter().map(|r| format!("[{r}]")).collect();
            s.push(&format!(" {markers}"), t.citation());
        }
        if bullet {
            b.styled(&s, "• ", "  ", &marks);
        } else {
            b.styled(&s, "", "", &marks);
        }
    }
    if article.truncated {
        b.blank();
        b.lines.push(Line::styled(
            text::truncate(strings::TRUNCATED, w).into_owned(),
            t.dim(),
        ));
    }
    if !also.is_empty() {
        b.blank();
        b.lines.push(Line::styled(
            text::truncate(strings::ALSO_REPORTED, w).into_owned(),
            t.heading(),
        ));
        b.lines.extend(also_lines(also, w, t));
    }
    b.blank();
    let mut foot = Styled::new();
    foot.push(&format!("{} · id {}", article.file, article.id), t.dim());
    b.styled(&foot, "", "", &[]);
    if !article.also_in.is_empty() {
        let mut also_in = Styled::new();
        let files = article.also_in.join(" · ");
        also_in.push(&format!("{} {files}", strings::ALSO_IN), t.dim());
        b.styled(&also_in, "", "", &[]);
    }
    ArticleView {
        id: article.id.clone(),
        width,
        lines: b.lines,
        hit_rows: b.hit_rows,
        hit_cells: b.hit_cells,
    }
}

/// Widest outlet column of the other reports, so that their titles line up.
const ALSO_SOURCE_MAX: usize = 16;

/// The other reports of the story, newest first and undated last, in columns: date (blank
/// when there is none), outlet, title.
fn also_lines(also: &[Row], w: usize, t: &Theme) -> Vec<Line<'static>> {
    let mut rows: Vec<&Row> = also.iter().collect();
    rows.sort_by(|a, b| labels::story_order(a, b));
    let source_w = rows
        .iter()
        .map(|r| text::width(labels::row_source(r)))
        .max()
        .unwrap_or(0)
        .min(ALSO_SOURCE_MAX);
    rows.into_iter()
        .map(|r| {
            let date = r
                .published
                .map(|t| t.format("%Y-%m-%d").to_string())
                .unwrap_or_default();
            super::styled::fit_spans(
                vec![
                    ("  ".into(), Style::new()),
                    (format!("{} ", text::fit(&date, 10)), t.date()),
                    match source_w {
                        0 => (String::new(), t.source()),
                        n => (
                            format!("{} ", text::fit(labels::row_source(r), n)),
                            t.source(),
                        ),
                    },
                    (text::clean(&r.title).into_owned(), Style::new()),
                ],
                w,
            )
        })
        .collect()
}

/// Draws the detail pane.
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let focused = app.focus == Panel::Detail;
    let d = &app.detail;
    let inner = layout::inner(area);
    let fresh;
    let view = match (&d.article, &d.view) {
        (Some(a), Some(v)) if v.width == inner.width && v.id == a.id => Some(v),
        (Some(a), _) => {
            fresh = render(a, &*app.results.hits, &d.also, inner.width, &app.theme);
            Some(&fresh)
        }
        _ => None,
    };
    let mut title = vec![Span::styled(
        strings::DETAIL_TITLE,
        app.theme.panel_title(focused),
    )];
    if let Some(v) = view.filter(|v| !v.hit_rows.is_empty()) {
        let at = d.hit.map_or(String::new(), |h| format!("{}/", h + 1));
        title.push(Span::styled(
            format!(" {} {at}{} ", strings::HITS, v.hit_rows.len()),
            app.theme.dim(),
        ));
    }
    let block = panel(
        fit_title(Line::from(title), area.width),
        focused,
        &app.theme,
    );
    block.render(area, buf);
    let Some(view) = view else {
        let msg = if app.is_ready() && app.results.received && app.results.total == 0 {
            hints::nothing_matches(app).unwrap_or_default()
        } else {
            String::new()
        };
        Paragraph::new(text::truncate(&msg, inner.width as usize).into_owned())
            .style(app.theme.dim())
            .render(inner, buf);
        return;
    };
    let height = inner.height as usize;
    let max = view.lines.len().saturating_sub(height);
    let scroll = d.scroll.min(max);
    for (row, line) in view.lines.iter().skip(scroll).take(height).enumerate() {
        buf.set_line(inner.x, inner.y + row as u16, line, inner.width);
    }
    if let Some(cells) = d.hit.and_then(|k| view.hit_cells.get(k)) {
        mark_current_hit(cells, scroll, inner, app.theme.current_hit(), buf);
    }
    if view.lines.len() > height && area.height > 2 {
        let mut state = ScrollbarState::new(max)
            .position(scroll)
            .viewport_content_length(height);
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .track_symbol(None)
            .thumb_style(app.theme.border(focused))
            .render(
                Rect {
                    y: area.y + 1,
                    height: area.height - 2,
                    ..area
                },
                buf,
                &mut state,
            );
    }
}

/// Lays the current hit's style over its cells that are on screen (every part of it, when
/// it is wrapped), so that it stands out from the other hits.
fn mark_current_hit(
    cells: &[(usize, Range<usize>)],
    scroll: usize,
    inner: Rect,
    style: Style,
    buf: &mut Buffer,
) {
    let width = inner.width as usize;
    for (line, cols) in cells {
        let Some(row) = line
            .checked_sub(scroll)
            .filter(|r| *r < inner.height as usize)
        else {
            continue;
        };
        let (a, b) = (cols.start.min(width), cols.end.min(width));
        let area = Rect::new(inner.x + a as u16, inner.y + row as u16, (b - a) as u16, 1);
        buf.set_style(area, style);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::backend::NoHits;

    fn text_of(view: &ArticleView) -> Vec<String> {
        view.lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn the_other_files_of_an_article_are_named_below_its_own() {
        let article = Article {
            id: "0123456789ab".into(),
            title: "校企合作".into(),
            body: "正文".into(),
            file: "/digests/a.txt".into(),
            also_in: vec!["/digests/b.txt".into(), "/digests/c.txt".into()],
            ..Article::default()
        };
        let lines = text_of(&render(&article, &NoHits, &[], 80, &Theme::default()));
        let n = lines.len();
        assert_eq!(
            lines[n - 2],
            "/digests/a.txt · id 0123456789ab",
            "{lines:#?}"
        );
        assert_eq!(
            lines[n - 1],
            "同文另见 also in /digests/b.txt · /digests/c.txt",
            "{lines:#?}"
        );
        let alone = Article {
            also_in: Vec::new(),
            ..article
        };
        let lines = text_of(&render(&alone, &NoHits, &[], 80, &Theme::default()));
        assert!(!lines.iter().any(|l| l.contains("also in")), "{lines:#?}");
    }
}
