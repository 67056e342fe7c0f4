//! A set of article ids that costs little to copy however large it is: the reader copies
//! its marks on every change (each search holds the marks it was asked with), and a corpus
//! marked read holds every id. The ids live in a shared base; the few added or taken out
//! since are kept beside it and folded into a new base once they are many.

use std::collections::HashSet;
use std::sync::Arc;

/// Changes kept beside the base before they are folded into a new one.
const FOLD_AT: usize = 1024;

#[derive(Debug, Clone, Default)]
pub struct IdSet {
    base: Arc<HashSet<String>>,
    /// Ids not in `base`.
    added: HashSet<String>,
    /// Ids of `base` taken out.
    removed: HashSet<String>,
}

impl IdSet {
    pub fn contains(&self, id: &str) -> bool {
        self.added.contains(id) || (self.base.contains(id) && !self.removed.contains(id))
    }

    pub fn insert(&mut self, id: &str) {
        if self.base.contains(id) {
            self.removed.remove(id);
        } else if !self.added.contains(id) {
            self.added.insert(id.to_string());
            self.fold_if_many();
        }
    }

    pub fn remove(&mut self, id: &str) {
        if !self.added.remove(id) && self.base.contains(id) && !self.removed.contains(id) {
            self.removed.insert(id.to_string());
            self.fold_if_many();
        }
    }

    /// Puts every id of `ids` in the set (`on`) or takes it out: one new base for many.
    pub fn set_all<'a>(&mut self, ids: impl ExactSizeIterator<Item = &'a String>, on: bool) {
        if ids.len() <= FOLD_AT {
            for id in ids {
                if on {
                    self.insert(id);
                } else {
                    self.remove(id);
                }
            }
            return;
        }
        let mut all: HashSet<String> = self.iter().cloned().collect();
        for id in ids {
            if on {
                all.insert(id.clone());
            } else {
                all.remove(id);
            }
        }
        *self = IdSet {
            base: Arc::new(all),
            ..IdSet::default()
        };
    }

    pub fn len(&self) -> usize {
        self.base.len() - self.removed.len() + self.added.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn iter(&self) -> impl Iterator<Item = &String> {
        (self.base.iter())
            .filter(|id| !self.removed.contains(*id))
            .chain(&self.added)
    }

    /// The ids whose membership differs from `before`, each with whether it is in this
    /// set, or `None` when there are more than `at_most`: only the changes beside the base
    /// are compared when both share it.
    pub fn changes_from(&self, before: &IdSet, at_most: usize) -> Option<Vec<(String, bool)>> {
        let mut looked = HashSet::new();
        let candidates: Box<dyn Iterator<Item = &String>> = if Arc::ptr_eq(&self.base, &before.base)
        {
            let overlays = (self.added.iter()).chain(&self.removed);
            Box::new(overlays.chain(&before.added).chain(&before.removed))
        } else {
            Box::new(self.iter().chain(before.iter()))
        };
        let mut changes = Vec::new();
        for id in candidates {
            let now = self.contains(id);
            if now != before.contains(id) && looked.insert(id.as_str()) {
                if changes.len() == at_most {
                    return None;
                }
                changes.push((id.clone(), now));
            }
        }
        Some(changes)
    }

    fn fold_if_many(&mut self) {
        if self.added.len() + self.removed.len() > FOLD_AT {
            let all: HashSet<String> = self.iter().cloned().collect();
            *self = IdSet {
                base: Arc::new(all),
                ..IdSet::default()
            };
        }
    }
}

impl PartialEq for IdSet {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().all(|id| other.contains(id))
    }
}

impl Eq for IdSet {}

impl FromIterator<String> for IdSet {
    fn from_iter<T: IntoIterator<Item = String>>(ids: T) -> Self {
        IdSet {
            base: Arc::new(ids.into_iter().collect()),
            ..IdSet::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(s: &IdSet) -> Vec<String> {
        let mut v: Vec<String> = s.iter().cloned().collect();
        v.sort();
        v
    }

    #[test]
    fn it_behaves_as_a_set_across_folds() {
        let mut s: IdSet = ["a", "b"].map(String::from).into_iter().collect();
        let mut model: HashSet<String> = ["a", "b"].map(String::from).into();
        // Inserts and removals of base ids and new ones, repeated, past several folds.
        for round in 0..3000 {
            let id = format!("id{}", round % 1500);
            let base = ["a", "b"][round % 2];
            match round % 5 {
                0 | 1 => {
                    s.insert(&id);
                    model.insert(id);
                }
                2 => {
                    s.remove(&id);
                    model.remove(&id);
                }
                3 => {
                    s.remove(base);
                    model.remove(base);
                }
                _ => {
                    s.insert(base);
                    model.insert(base.to_string());
                }
            }
            assert_eq!(s.len(), model.len(), "round {round}");
        }
        let mut want: Vec<String> = model.iter().cloned().collect();
        want.sort();
        assert_eq!(sorted(&s), want);
        // Many at once, in and out.
        let many: Vec<String> = (0..3000).map(|i| format!("many{i}")).collect();
        s.set_all(many.iter(), true);
        s.set_all(many[..10].iter(), false);
        s.set_all(many[..2000].iter(), false);
        model.extend(many[2000..].iter().cloned());
        let mut want: Vec<String> = model.iter().cloned().collect();
        want.sort();
        assert_eq!(sorted(&s), want);
        assert_eq!(s.len(), model.len());
        assert!(!s.contains("never") && !s.contains("many5"));
    }

    #[test]
    fn changes_from_a_copy_are_the_ids_changed_since() {
        let before: IdSet = (0..100).map(|i| format!("id{i}")).collect();
        let mut after = before.clone();
        after.remove("id3");
        after.insert("new");
        after.insert("id3");
        after.remove("id4");
        let mut got = after.changes_from(&before, 10).unwrap();
        got.sort();
        assert_eq!(got, [("id4".to_string(), false), ("new".to_string(), true)]);
        assert_eq!(after.changes_from(&before, 1), None, "more than asked for");
        assert_eq!(after.changes_from(&after.clone(), 0), Some(Vec::new()));
        // Sets that share nothing are compared whole.
        let other: IdSet = ["id4", "x"].map(String::from).into_iter().collect();
        let mut got = other.changes_from(&after, usize::MAX).unwrap();
        got.sort();
        assert_eq!(got.len(), after.len() + 2);
        assert!(got.contains(&("x".to_string(), true)));
        assert!(got.contains(&("id4".to_string(), true)));
        assert!(got.contains(&("new".to_string(), false)));
        assert_eq!(other, ["x", "id4"].map(String::from).into_iter().collect());
    }
}
