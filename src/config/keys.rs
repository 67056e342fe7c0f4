//! The `[keys]` table: an action's name = a key or a list of keys, and the checks on the key
//! map that results.

use crate::tui::bindings::KeyMap;
use crate::tui::key::Key;

use super::error::Problem;

/// Gives the action `name` the keys of a `[keys]` value, or says why not.
pub fn rebind(map: &mut KeyMap, name: &str, value: &toml::Value) -> Result<(), String> {
    if KeyMap::binding(name).is_none() {
        return Err(unknown_action(name));
    }
    let keys = key_list(value).map_err(|m| format!("keys.{name}: {m}"))?;
    map.rebind(name, keys);
    Ok(())
}

/// Problems of a whole key map: one key meaning two actions at one place, characters the
/// search line could no longer type, and a reader that could not be quit. `line_of` says on which line the file set an
/// action; a conflict is reported on the later of its two actions' lines.
pub fn check(map: &KeyMap, line_of: impl Fn(&str) -> Option<usize>) -> Vec<Problem> {
    let mut out = Vec::new();
    for c in map.conflicts() {
        out.push(Problem::at(
            line_of(c.first).max(line_of(c.second)),
            format!(
                "key {:?} is bound to both {} and {}",
                c.key.to_string(),
                c.first,
                c.second
            ),
        ));
    }
    for (name, key) in map.typing_keys() {
        out.push(Problem::at(
            line_of(name),
            format!(
                "keys.{name}: {:?} would stop that character from being typed in the search \
                 line; use a key with Ctrl- or Alt-, or a named key",
                key.to_string()
            ),
        ));
    }
    if map.keys("quit").is_empty() {
        out.push(Problem::at(
            line_of("quit"),
            "keys.quit: without a key the reader could not be quit (Ctrl-c too is only a \
             key of quit); give it one, e.g. quit = [\"q\", \"Ctrl-c\"]"
                .to_string(),
        ));
    }
    // The search line takes every character typed: only these keys lead out of it.
    let leaving = ["search_keep", "search_cancel", "search_quit"];
    if leaving.iter().all(|name| map.keys(name).is_empty()) {
        out.push(Problem::at(
            leaving.iter().filter_map(|name| line_of(name)).max(),
            "keys.search_keep, search_cancel and search_quit: with none of them bound,              nothing would lead out of the search line; give one of them a key"
                .to_string(),
        ));
    }
    out
}

/// One key or a list of keys.
fn key_list(value: &toml::Value) -> Result<Vec<Key>, String> {
    let one = |v: &toml::Value| match v {
        toml::Value::String(s) => s.parse::<Key>().map_err(|e| e.to_string()),
        other => Err(format!(
            "expected a key name in quotes, found {}",
            other.type_str()
        )),
    };
    match value {
        toml::Value::Array(items) => items.iter().map(one).collect(),
        other => one(other).map(|k| vec![k]),
    }
}

fn unknown_action(name: &str) -> String {
    let map = KeyMap::default();
    let closest = map
        .rows()
        .iter()
        .map(|r| (strsim::levenshtein(r.binding.name, name), r.binding.name))
        .min()
        .filter(|(d, _)| *d <= 3)
        .map(|(_, n)| format!(" (did you mean {n}?)"))
        .unwrap_or_default();
    format!(
        "keys: unknown action {name:?}{closest}; `chanjiao config --default` lists every action"
    )
}
