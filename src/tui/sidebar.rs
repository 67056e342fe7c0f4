//! The facet sidebar's entries, rebuilt from each search's facet counts and the filter: the
//! cursor stays on the same value when counts change.

use crate::filter::{Filter, NATIONAL};
use crate::tagging::sectors;

use super::backend::{Counts, Facets};
use super::labels;

/// Which facet a value belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facet {
    Province,
    Sector,
    /// The topic of a listing page (its tag).
    Topic,
    Source,
    /// Reading state: unread, starred.
    State,
    /// A saved view (not a filter: Enter applies it).
    View,
}

/// One line of the sidebar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// A facet's title (`省份 Provinces`).
    Heading { zh: &'static str, en: &'static str },
    /// A group of sectors (`先进制造 Advanced manufacturing`).
    Group { zh: &'static str, en: &'static str },
    /// A value that can be selected.
    Item {
        facet: Facet,
        /// English province name, sector slug or outlet name.
        value: String,
        zh: String,
        en: String,
        count: usize,
        selected: bool,
        /// The query names it (`province:浙江`): the results are filtered by it already.
        in_query: bool,
    },
    /// A saved view; `active` when the reader shows it now.
    View { name: String, active: bool },
    /// Shown under a facet with no values.
    Empty,
}

impl Entry {
    pub fn is_item(&self) -> bool {
        matches!(self, Entry::Item { .. } | Entry::View { .. })
    }

    fn key(&self) -> Option<(Facet, &str)> {
        match self {
            Entry::Item { facet, value, .. } => Some((*facet, value.as_str())),
            Entry::View { name, .. } => Some((Facet::View, name.as_str())),
            _ => None,
        }
    }
}

/// The sidebar: entries, the cursor (an index into `entries`, always on an item when there
/// is one) and the first line shown.
#[derive(Debug, Clone, Default)]
pub struct Sidebar {
    pub entries: Vec<Entry>,
    pub cursor: usize,
    pub scroll: usize,
    /// The value the cursor was last put on. While a search leaves it out (a half-typed
    /// query that matches nothing), the cursor waits nearby and goes back to it when it
    /// returns.
    wanted: Option<(Facet, String)>,
}

/// What the sidebar shows of one value, and whether it is selected there or in the query.
struct Shown<'a> {
    zh: &'a str,
    en: &'a str,
    count: usize,
    selected: bool,
    in_query: bool,
}

fn item(facet: Facet, value: &str, s: Shown) -> Entry {
    Entry::Item {
        facet,
        value: value.to_string(),
        zh: s.zh.to_string(),
        en: s.en.to_string(),
        count: s.count,
        selected: s.selected,
        in_query: s.in_query,
    }
}

/// The sidebar's entries for these counts, this filter and the filters written in the
/// query: values with a count, plus the selected and named ones whatever their count.
pub fn entries(facets: &Facets, filter: &Filter, written: &Filter) -> Vec<Entry> {
    let mut out = vec![Entry::Heading {
        zh: "省份",
        en: "Provinces",
    }];
    let mut provinces: Vec<(String, usize)> = facets.provinces.clone();
    for p in filter.provinces.iter().chain(&written.provinces) {
        if !provinces.iter().any(|(v, _)| v == p) {
            provinces.push((p.to_string(), 0));
        }
    }
    provinces.sort_by(|a, b| {
        (a.0 != NATIONAL)
            .cmp(&(b.0 != NATIONAL))
            .then_with(|| b.1.cmp(&a.1))
            .then_with(|| labels::province_rank(&a.0).cmp(&labels::province_rank(&b.0)))
    });
    let n = out.len();
    for (value, count) in &provinces {
        let zh = labels::province_zh(value).unwrap_or("");
        let shown = Shown {
            zh,
            en: value,
            count: *count,
            selected: filter.provinces.iter().any(|p| p == value),
            in_query: written.provinces.iter().any(|p| p == value),
        };
        out.push(item(Facet::Province, value, shown));
    }
    if out.len() == n {
        out.push(Entry::Empty);
    }

    out.push(Entry::Heading {
        zh: "行业",
        en: "Sectors",
    });
    let n = out.len();
    let mut group: Option<&str> = None;
    for s in sectors::sectors() {
        let count = Facets::count(&facets.sectors, s.slug);
        let selected = filter.sectors.contains(&s.slug);
        let in_query = written.sectors.contains(&s.slug);
        if count == 0 && !selected && !in_query {
            continue;
        }
        if group != Some(s.group_en) {
            out.push(Entry::Group {
                zh: s.group_zh,
                en: s.group_en,
            });
            group = Some(s.group_en);
        }
        let shown = Shown {
            zh: s.zh,
            en: s.en,
            count,
            selected,
            in_query,
        };
        out.push(item(Facet::Sector, s.slug, shown));
    }
    if out.len() == n {
        out.push(Entry::Empty);
    }

    let topics = Open {
        facet: Facet::Topic,
        zh: "话题",
        en: "Topics",
    };
    topics.push(&mut out, &facets.topics, &filter.topics, &written.topics);
    let sources = Open {
        facet: Facet::Source,
        zh: "来源",
        en: "Sources",
    };
    sources.push(&mut out, &facets.sources, &filter.sources, &written.sources);
    out
}

/// A facet whose values are whatever the articles hold (outlets, listing-page topics).
struct Open {
    facet: Facet,
    zh: &'static str,
    en: &'static str,
}

impl Open {
    /// Its heading and values: those with a count, then the selected ones without.
    fn push(&self, out: &mut Vec<Entry>, counts: &Counts, selected: &[String], written: &[String]) {
        out.push(Entry::Heading {
            zh: self.zh,
            en: self.en,
        });
        let n = out.len();
        let mut values: Vec<(String, usize)> = counts.clone();
        for s in selected {
            if !values.iter().any(|(v, _)| v == s) {
                values.push((s.clone(), 0));
            }
        }
        for (value, count) in &values {
            let shown = Shown {
                zh: value,
                en: "",
                count: *count,
                selected: selected.contains(value),
                in_query: written.contains(value),
            };
            out.push(item(self.facet, value, shown));
        }
        if out.len() == n {
            out.push(Entry::Empty);
        }
    }
}

impl Sidebar {
    /// The value under the cursor.
    fn key_at_cursor(&self) -> Option<(Facet, String)> {
        self.entries
            .get(self.cursor)
            .and_then(|e| e.key().map(|(f, v)| (f, v.to_string())))
    }

    fn position_of(&self, key: &(Facet, String)) -> Option<usize> {
        self.entries
            .iter()
            .position(|e| e.key() == Some((key.0, key.1.as_str())))
    }

    /// Makes the value under the cursor the one to follow from now on.
    pub fn remember(&mut self) {
        self.wanted = self.key_at_cursor();
    }

    /// Replaces the entries, keeping the cursor on the value it was put on when that is
    /// there (wherever the new counts sort it), else on the value under it now. When both
    /// are gone, the cursor and the view go to the top (not to whatever value now has the
    /// cursor's row number); the value put on is still followed when it comes back.
    pub fn set_entries(&mut self, entries: Vec<Entry>) {
        let now = self.key_at_cursor();
        self.entries = entries;
        let same = self
            .wanted
            .as_ref()
            .and_then(|k| self.position_of(k))
            .or_else(|| now.as_ref().and_then(|k| self.position_of(k)));
        match same {
            Some(i) => self.cursor = i,
            None => {
                self.cursor = 0;
                self.scroll = 0;
            }
        }
        self.snap(true);
    }

    /// Puts the cursor on an item: the nearest one forward (or backward) from where it is.
    fn snap(&mut self, forward: bool) {
        if self.entries.get(self.cursor).is_some_and(Entry::is_item) {
            return;
        }
        let fwd = (self.cursor..self.entries.len()).find(|i| self.entries[*i].is_item());
        let back = (0..self.cursor.min(self.entries.len()))
            .rev()
            .find(|i| self.entries[*i].is_item());
        let pick = if forward { fwd.or(back) } else { back.or(fwd) };
        if let Some(i) = pick {
            self.cursor = i;
        }
    }

    /// Moves the cursor by `delta` items (negative: up), stopping at the ends.
    pub fn step(&mut self, delta: isize) {
        let items: Vec<usize> = (0..self.entries.len())
            .filter(|i| self.entries[*i].is_item())
            .collect();
        let Some(at) = items.iter().position(|i| *i == self.cursor) else {
            self.snap(delta >= 0);
            return;
        };
        let to = (at as isize + delta).clamp(0, items.len() as isize - 1) as usize;
        self.cursor = items[to];
        self.remember();
    }

    /// Moves to the first or last item.
    pub fn jump(&mut self, last: bool) {
        let found = if last {
            (0..self.entries.len())
                .rev()
                .find(|i| self.entries[*i].is_item())
        } else {
            (0..self.entries.len()).find(|i| self.entries[*i].is_item())
        };
        if let Some(i) = found {
            self.cursor = i;
            self.remember();
        }
    }

    /// Puts the cursor on the entry at `index` when it is an item.
    pub fn point(&mut self, index: usize) -> bool {
        if self.entries.get(index).is_some_and(Entry::is_item) {
            self.cursor = index;
            self.remember();
            true
        } else {
            false
        }
    }

    /// The item under the cursor.
    pub fn current(&self) -> Option<&Entry> {
        self.entries.get(self.cursor).filter(|e| e.is_item())
    }

    /// The first line shown in `height` lines: the stored scroll, moved just enough to show
    /// the cursor.
    pub fn visible_scroll(&self, height: usize) -> usize {
        let mut scroll = self.scroll.min(self.entries.len().saturating_sub(height));
        if self.cursor < scroll {
            scroll = self.cursor;
        } else if height > 0 && self.cursor >= scroll + height {
            scroll = self.cursor + 1 - height;
        }
        scroll
    }

    /// Scrolls so that the cursor is visible in `height` lines (a heading just above the
    /// first line shown shows too, whenever the cursor stays in view: after the window grew,
    /// or `g` on the first item, the section's heading is not left scrolled away).
    pub fn follow(&mut self, height: usize) {
        let height = height.max(1);
        if self.cursor < self.scroll {
            self.scroll = self.cursor;
        } else if self.cursor >= self.scroll + height {
            self.scroll = self.cursor + 1 - height;
        }
        let max = self.entries.len().saturating_sub(height);
        self.scroll = self.scroll.min(max);
        // Show the headings right above the first line too.
        while self.scroll > 0
            && self
                .entries
                .get(self.scroll - 1)
                .is_some_and(|e| !e.is_item())
            && self.cursor - (self.scroll - 1) < height
        {
            self.scroll -= 1;
        }
    }
}
