//! The changes one reader made since its last save. Saving applies them to what is in the
//! file now, so marks another reader wrote in the meantime are kept.

use std::collections::BTreeMap;

use super::{MAX_RECENT, Session, State, VERSION, View};

/// Changes to apply: for each id its new read or starred flag, for each view name the new
/// view (`None`: deleted), the queries searched for, and the session to remember.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Delta {
    pub read: BTreeMap<String, bool>,
    pub starred: BTreeMap<String, bool>,
    pub views: BTreeMap<String, Option<View>>,
    /// Queries searched for, in the order they were (the latest last).
    pub recent: Vec<String>,
    pub session: Option<Session>,
}

impl Delta {
    pub fn is_empty(&self) -> bool {
        self.read.is_empty()
            && self.starred.is_empty()
            && self.views.is_empty()
            && self.recent.is_empty()
            && self.session.is_none()
    }

    /// Adds changes made after these: the later value of each id or view wins.
    pub fn then(&mut self, later: Delta) {
        self.read.extend(later.read);
        self.starred.extend(later.starred);
        self.views.extend(later.views);
        self.recent.extend(later.recent);
        if later.session.is_some() {
            self.session = later.session;
        }
    }

    /// Applies the changes to a state.
    pub fn apply(&self, state: &mut State) {
        state.version = VERSION;
        for (id, on) in &self.read {
            toggle(&mut state.read, id, *on);
        }
        for (id, on) in &self.starred {
            toggle(&mut state.starred, id, *on);
        }
        for (name, view) in &self.views {
            state.views.retain(|v| v.name != *name);
            if let Some(v) = view {
                state.views.push(v.clone());
            }
        }
        state.views.sort_by(|a, b| a.name.cmp(&b.name));
        // Each query goes to the front, once: another reader's queries stay behind it.
        for q in &self.recent {
            state.recent.retain(|r| r != q);
            state.recent.insert(0, q.clone());
        }
        state.recent.truncate(MAX_RECENT);
        if let Some(s) = &self.session {
            state.session = Some(s.clone());
        }
    }
}

fn toggle(ids: &mut std::collections::BTreeSet<String>, id: &str, on: bool) {
    if on {
        ids.insert(id.to_string());
    } else {
        ids.remove(id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_changes_win_and_others_stay() {
        let mut file = State::default();
        file.read.insert("theirs".into());
        file.read.insert("both".into());
        let mut d = Delta::default();
        d.read.insert("mine".into(), true);
        d.read.insert("both".into(), true);
        let mut later = Delta::default();
        later.read.insert("mine".into(), false);
        later.starred.insert("star".into(), true);
        d.then(later);
        d.apply(&mut file);
        let read: Vec<&str> = file.read.iter().map(String::as_str).collect();
        assert_eq!(read, ["both", "theirs"]);
        assert!(file.starred.contains("star"));
        assert_eq!(file.version, VERSION);
    }

    #[test]
    fn queries_go_to_the_front_once_and_the_oldest_drop_off() {
        let mut file = State {
            recent: vec!["theirs".into(), "both".into()],
            ..State::default()
        };
        let mut d = Delta {
            recent: vec!["both".into(), "mine".into()],
            ..Delta::default()
        };
        d.then(Delta {
            recent: vec!["later".into()],
            ..Delta::default()
        });
        d.apply(&mut file);
        assert_eq!(file.recent, ["later", "mine", "both", "theirs"]);

        let many = Delta {
            recent: (0..MAX_RECENT + 5).map(|i| i.to_string()).collect(),
            ..Delta::default()
        };
        many.apply(&mut file);
        assert_eq!(file.recent.len(), MAX_RECENT);
        assert_eq!(file.recent[0], (MAX_RECENT + 4).to_string());
    }
}
