//! Duplicate links, stored compactly: reports of one story usually all list each other, so
//! each distinct set {article} ∪ duplicates is stored once, not once per member.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::tagging::duplicates::LinkTable;

/// One set of reports of the same story.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Story {
    /// Every article of the set, sorted.
    pub ids: Vec<String>,
    /// The articles whose own set this is, when not all of `ids` (links that are not
    /// transitive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owners: Option<Vec<String>>,
}

/// Builds the stories from linked articles.
pub fn from_articles(articles: &[Article]) -> Vec<Story> {
    let mut sets: BTreeMap<Vec<String>, Vec<String>> = BTreeMap::new();
    for a in articles.iter().filter(|a| !a.duplicates.is_empty()) {
        let mut ids: Vec<String> = a.duplicates.clone();
        ids.push(a.id.clone());
        ids.sort();
        ids.dedup();
        sets.entry(ids).or_default().push(a.id.clone());
    }
    stories_of(sets)
}

/// Each distinct set of ids once, with the articles whose own set it is when those are not
/// all of it.
fn stories_of(sets: BTreeMap<Vec<String>, Vec<String>>) -> Vec<Story> {
    sets.into_iter()
        .map(|(ids, mut owners)| {
            owners.sort();
            owners.dedup();
            let all = owners == ids;
            Story {
                ids,
                owners: (!all).then_some(owners),
            }
        })
        .collect()
}

/// Builds the stories from a link table, as [`from_articles`] builds them: a story whose
/// members all list each other is one set; one holding copies of an outlet's report, which
/// do not list each other, is one set per member's list.
pub fn from_groups(table: &LinkTable) -> Vec<Story> {
    let id = |i: usize| table.entries.get(i).map(|e| e.id.clone());
    let mut sets: BTreeMap<Vec<String>, Vec<String>> = BTreeMap::new();
    for members in table.groups() {
        for &i in &members {
            let Some(own) = id(i) else { continue };
            let mut ids: Vec<String> = table
                .other_reports(&members, i)
                .into_iter()
                .filter_map(id)
                .collect();
            ids.push(own.clone());
            ids.sort();
            ids.dedup();
            if ids.len() > 1 {
                sets.entry(ids).or_default().push(own);
            }
        }
    }
    stories_of(sets)
}

/// Looks up an article's duplicates.
#[derive(Debug, Clone, Default)]
pub struct Stories {
    stories: Vec<Story>,
    of: HashMap<String, usize>,
}

impl Stories {
    pub fn new(stories: Vec<Story>) -> Self {
        let mut of = HashMap::new();
        for (i, s) in stories.iter().enumerate() {
            for id in s.owners.as_ref().unwrap_or(&s.ids) {
                of.insert(id.clone(), i);
            }
        }
        Stories { stories, of }
    }

    /// The other reports of `id`'s story (empty when none).
    pub fn duplicates(&self, id: &str) -> Vec<String> {
        self.of
            .get(id)
            .and_then(|&i| self.stories.get(i))
            .map(|s| s.ids.iter().filter(|x| *x != id).cloned().collect())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clusters_are_stored_once() {
        let mk = |id: &str, d: &[&str]| {
            let mut a: Article = serde_json::from_value(serde_json::json!({
                "id": id, "title": "", "source": null, "source_zh": null, "published": null,
                "topic": null, "provinces": [], "sectors": [], "duplicates": [], "file": "",
                "body": "", "source_en": null, "truncated": false, "layout": "single"
            }))
            .unwrap();
            a.duplicates = d.iter().map(|s| s.to_string()).collect();
            a
        };
        let arts = vec![
            mk("a", &["b", "c"]),
            mk("b", &["a", "c"]),
            mk("c", &["a", "b"]),
            mk("d", &["e"]),
            mk("e", &[]),
        ];
        let s = from_articles(&arts);
        assert_eq!(s.len(), 2);
        let st = Stories::new(s);
        assert_eq!(st.duplicates("b"), vec!["a".to_string(), "c".to_string()]);
        assert_eq!(st.duplicates("d"), vec!["e".to_string()]);
        assert!(st.duplicates("e").is_empty());
        assert!(st.duplicates("zzz").is_empty());
    }
}
