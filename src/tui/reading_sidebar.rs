//! The sidebar's reading sections: 状态 State (unread and starred, with live counts, filtering
//! like any facet) and 视图 Views (the saved views; the one shown now is ticked).

use crate::filter::Mark;

use super::app::App;
use super::sidebar::{Entry, Facet};
use super::views;

/// The value of a reading-state entry.
pub fn mark_value(m: Mark) -> &'static str {
    match m {
        Mark::Unread => "unread",
        Mark::Starred => "starred",
    }
}

/// The reading-state value an entry stands for.
pub fn mark_of(value: &str) -> Option<Mark> {
    [Mark::Unread, Mark::Starred]
        .into_iter()
        .find(|m| mark_value(*m) == value)
}

/// Chinese and English names of a reading-state value.
pub fn mark_names(m: Mark) -> (&'static str, &'static str) {
    match m {
        Mark::Unread => ("未读", "Unread"),
        Mark::Starred => ("星标", "Starred"),
    }
}

/// The State and Views sections, for the top of the sidebar.
pub fn entries(app: &App) -> Vec<Entry> {
    let counts = app.results.facets.marks;
    let mut out = vec![Entry::Heading {
        zh: "状态",
        en: "State",
    }];
    for (m, count) in [
        (Mark::Unread, counts.unread),
        (Mark::Starred, counts.starred),
    ] {
        let (zh, en) = mark_names(m);
        out.push(Entry::Item {
            facet: Facet::State,
            value: mark_value(m).to_string(),
            zh: zh.to_string(),
            en: en.to_string(),
            count,
            selected: app.filter.marks.contains(&m),
            in_query: false,
        });
    }
    out.push(Entry::Heading {
        zh: "视图",
        en: "Views",
    });
    if app.reading.views.is_empty() {
        out.push(Entry::Empty);
    }
    for v in &app.reading.views {
        out.push(Entry::View {
            name: v.name.clone(),
            active: views::is_active(app, v),
        });
    }
    out
}
