//! Saved views and the last session, as written in the state file: filters by name, so that
//! a file written by one version still reads when names resolve differently.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::filter::{self, Filter, Mark};

/// Sidebar filters by name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedFilter {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub provinces: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sectors: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub marks: Vec<Mark>,
}

impl SavedFilter {
    pub fn from_filter(f: &Filter) -> SavedFilter {
        SavedFilter {
            provinces: f.provinces.iter().map(|p| p.to_string()).collect(),
            sectors: f.sectors.iter().map(|s| s.to_string()).collect(),
            sources: f.sources.clone(),
            topics: f.topics.clone(),
            since: f.since,
            until: f.until,
            marks: f.marks.clone(),
        }
    }

    /// The filter again; names that no longer resolve are left out.
    pub fn to_filter(&self) -> Filter {
        Filter {
            provinces: self
                .provinces
                .iter()
                .filter_map(|p| filter::province(p).ok())
                .collect(),
            sectors: self
                .sectors
                .iter()
                .filter_map(|s| filter::sector(s).ok())
                .collect(),
            sources: self.sources.clone(),
            topics: self.topics.clone(),
            since: self.since,
            until: self.until,
            marks: self.marks.clone(),
        }
    }
}

/// A query, its sidebar filters and the order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedSearch {
    #[serde(default)]
    pub query: String,
    #[serde(default)]
    pub filters: SavedFilter,
    /// The order's name (`relevance`, `newest`, `oldest`).
    #[serde(default)]
    pub sort: String,
}

/// A search saved under a name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct View {
    pub name: String,
    #[serde(flatten)]
    pub search: SavedSearch,
}

/// Where the reader was when it was closed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    #[serde(flatten)]
    pub search: SavedSearch,
    /// The focused panel (`sidebar`, `list`, `detail`).
    #[serde(default)]
    pub panel: String,
    /// The selected article's id.
    #[serde(default)]
    pub selected: Option<String>,
    /// Its position in the list then (to look near it when the list has changed).
    #[serde(default)]
    pub position: usize,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::filter::NATIONAL;

    #[test]
    fn filters_round_trip_by_name() {
        let f = Filter {
            provinces: vec!["Shandong", NATIONAL],
            sectors: vec!["new-energy"],
            sources: vec!["人民日报".into()],
            since: NaiveDate::from_ymd_opt(2025, 1, 1),
            marks: vec![Mark::Unread],
            ..Filter::default()
        };
        assert_eq!(SavedFilter::from_filter(&f).to_filter(), f);
        let unknown = SavedFilter {
            provinces: vec!["Atlantis".into(), "山东".into()],
            ..SavedFilter::default()
        };
        assert_eq!(unknown.to_filter().provinces, vec!["Shandong"]);
    }
}
