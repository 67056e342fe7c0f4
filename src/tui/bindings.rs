//! The reader's key map at run time: the default table with the configuration's changes.
//! Key presses are looked up here and the `?` overlay is written from it.

use crossterm::event::KeyEvent;

use super::action::Action;
use super::key::Key;
use super::keymap::{BINDINGS, Binding, Scope};

/// One row of the table and the keys it has now.
#[derive(Debug, Clone)]
pub struct Bound {
    pub binding: &'static Binding,
    pub keys: Vec<Key>,
}

/// The order in which the help overlay and the default configuration list the scopes.
pub const SCOPE_ORDER: [Scope; 7] = [
    Scope::Global,
    Scope::Sidebar,
    Scope::List,
    Scope::Detail,
    Scope::Stats,
    Scope::Search,
    Scope::Help,
];

/// Two actions that one key would mean at the same place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub key: Key,
    /// The names of the two actions, in table order.
    pub first: &'static str,
    pub second: &'static str,
}

/// Every action with its keys.
#[derive(Debug, Clone)]
pub struct KeyMap {
    rows: Vec<Bound>,
}

impl Default for KeyMap {
    fn default() -> Self {
        KeyMap {
            rows: BINDINGS
                .iter()
                .map(|b| Bound {
                    binding: b,
                    keys: b.keys.to_vec(),
                })
                .collect(),
        }
    }
}

/// Equal when every action has the same keys.
impl PartialEq for KeyMap {
    fn eq(&self, other: &Self) -> bool {
        self.rows.len() == other.rows.len()
            && self
                .rows
                .iter()
                .zip(&other.rows)
                .all(|(a, b)| a.binding.name == b.binding.name && a.keys == b.keys)
    }
}

impl Eq for KeyMap {}

/// Whether one key in these two scopes would be ambiguous: the same scope, or a panel's
/// own binding hiding one that works everywhere. The search line and the help overlay have
/// their own keys, looked up before the global ones on purpose.
fn overlap(a: Scope, b: Scope) -> bool {
    let panel = |s| matches!(s, Scope::Sidebar | Scope::List | Scope::Detail);
    a == b || (a == Scope::Global && panel(b)) || (b == Scope::Global && panel(a))
}

impl KeyMap {
    pub fn rows(&self) -> &[Bound] {
        &self.rows
    }

    /// The table row of an action by its configuration name.
    pub fn binding(name: &str) -> Option<&'static Binding> {
        BINDINGS.iter().find(|b| b.name == name)
    }

    /// Gives an action new keys (none: the action has no key). False when there is no
    /// action of that name.
    pub fn rebind(&mut self, name: &str, keys: Vec<Key>) -> bool {
        let Some(row) = self.rows.iter_mut().find(|r| r.binding.name == name) else {
            return false;
        };
        let mut unique: Vec<Key> = Vec::with_capacity(keys.len());
        for k in keys {
            if !unique.contains(&k) {
                unique.push(k);
            }
        }
        row.keys = unique;
        true
    }

    /// The keys an action has now.
    pub fn keys(&self, name: &str) -> &[Key] {
        self.rows
            .iter()
            .find(|r| r.binding.name == name)
            .map_or(&[], |r| &r.keys)
    }

    /// How the screen names the keys of some actions: the labels of their first `most`
    /// keys, in the order given, each once. Empty when none of them has a key.
    pub fn labels(&self, names: &[&str], most: usize) -> Vec<String> {
        let mut keys: Vec<Key> = Vec::new();
        for k in names.iter().flat_map(|n| self.keys(n)) {
            if !keys.contains(k) {
                keys.push(*k);
            }
        }
        keys.iter().take(most).map(Key::label).collect()
    }

    /// The first key of an action as the screen names it, if it has one.
    pub fn label(&self, name: &str) -> Option<String> {
        self.labels(&[name], 1).pop()
    }

    /// The action a key press means in the current context: `scopes` are searched in order.
    pub fn lookup(&self, scopes: &[Scope], ev: &KeyEvent) -> Option<Action> {
        scopes.iter().find_map(|scope| {
            self.rows
                .iter()
                .filter(|r| r.binding.scope == *scope)
                .find(|r| r.keys.iter().any(|k| k.matches(ev)))
                .map(|r| r.binding.action.clone())
        })
    }

    /// Keys that mean two actions at the same place, each pair once.
    pub fn conflicts(&self) -> Vec<Conflict> {
        let mut out = Vec::new();
        for (i, a) in self.rows.iter().enumerate() {
            for b in &self.rows[i + 1..] {
                if !overlap(a.binding.scope, b.binding.scope) {
                    continue;
                }
                for k in a.keys.iter().filter(|k| b.keys.contains(k)) {
                    out.push(Conflict {
                        key: *k,
                        first: a.binding.name,
                        second: b.binding.name,
                    });
                }
            }
        }
        out
    }

    /// The actions of the search line bound to a key that types a character, which could
    /// then never be typed.
    pub fn typing_keys(&self) -> Vec<(&'static str, Key)> {
        self.rows
            .iter()
            .filter(|r| r.binding.scope == Scope::Search)
            .flat_map(|r| {
                r.keys
                    .iter()
                    .filter(|k| k.is_typing())
                    .map(|k| (r.binding.name, *k))
            })
            .collect()
    }

    /// The help overlay's lines, grouped by scope: (scope, keys, description). Actions
    /// without a key are left out.
    pub fn help_entries(&self) -> Vec<(Scope, String, &'static str)> {
        let mut out = Vec::new();
        for scope in SCOPE_ORDER {
            for r in self
                .rows
                .iter()
                .filter(|r| r.binding.scope == scope && !r.keys.is_empty())
            {
                let keys: Vec<String> = r.keys.iter().map(Key::label).collect();
                out.push((scope, keys.join(" "), r.binding.desc));
            }
        }
        out
    }
}
