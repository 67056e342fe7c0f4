//! The documented default configuration: the asset's text, then a `[keys]` line for every
//! action of the key map with its default keys and description, grouped by where it applies.

use crate::tui::bindings::{KeyMap, SCOPE_ORDER};
use crate::tui::keymap::Scope;

const ASSET: &str = include_str!("../../assets/config.default.toml");

/// The text `chanjiao config --default` prints. It parses to exactly [`super::Config::default`].
pub fn default_text() -> String {
    let mut out = String::from(ASSET);
    let map = KeyMap::default();
    let lines: Vec<(Scope, String, &str)> = map
        .rows()
        .iter()
        .map(|r| {
            let keys: Vec<String> = r
                .keys
                .iter()
                .map(|k| toml::Value::String(k.to_string()).to_string())
                .collect();
            let value = match keys.as_slice() {
                [one] => one.clone(),
                many => format!("[{}]", many.join(", ")),
            };
            (
                r.binding.scope,
                format!("{} = {value}", r.binding.name),
                r.binding.desc,
            )
        })
        .collect();
    let pad = lines.iter().map(|(_, l, _)| l.len()).max().unwrap_or(0);
    for scope in SCOPE_ORDER {
        let mut rows = lines.iter().filter(|(s, _, _)| *s == scope).peekable();
        if rows.peek().is_some() {
            out.push_str(&format!("\n# {}\n", scope.title()));
        }
        for (_, line, desc) in rows {
            out.push_str(&format!("{line:pad$}  # {desc}\n"));
        }
    }
    out
}
