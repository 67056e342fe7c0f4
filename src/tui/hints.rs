//! Messages that name keys, written from the reader's key map: a rebound key is named as
//! it is bound, and a hint for an action without a key is left out.

use super::app::App;
use super::bindings::KeyMap;
use super::strings;

/// Keys joined for the screen: `? or Esc`.
fn either(labels: &[String]) -> String {
    labels.join(&format!(" {} ", strings::OR))
}

/// The search line's prompt: the key that starts a search (` / `).
pub fn search_prompt(keys: &KeyMap) -> String {
    let key = keys.label("search");
    format!(" {} ", key.as_deref().unwrap_or(strings::NO_SEARCH_KEY))
}

/// The search line's hint on the right (`? help 帮助 `), empty when no key opens the help.
pub fn help_hint(keys: &KeyMap) -> String {
    keys.label("help")
        .map_or(String::new(), |k| format!("{k} {} ", strings::HELP_HINT))
}

/// The help overlay's title after its name (` ? or Esc closes `): the keys that close it
/// (its own, then the one that opened it).
pub fn help_close(keys: &KeyMap) -> String {
    let labels = keys.labels(&["help_close", "help"], 2);
    if labels.is_empty() {
        String::new()
    } else {
        format!(" {} {} ", either(&labels), strings::CLOSES)
    }
}

/// The statistics view's hint at the bottom of the chart in focus.
pub fn stats_hint(keys: &KeyMap) -> String {
    let parts: Vec<String> = [
        ("stats_next_chart", strings::STATS_CHART),
        ("stats_filter", strings::STATS_FILTER),
        ("stats_close", strings::STATS_BACK),
    ]
    .iter()
    .filter_map(|(name, what)| keys.label(name).map(|k| format!("{k} {what}")))
    .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!(" {} ", parts.join(" · "))
    }
}

/// Said when `'` finds no saved view: how to save one.
pub fn no_views(keys: &KeyMap) -> String {
    match keys.label("save_view") {
        Some(k) => format!("{}: {k} {}", strings::NO_VIEWS, strings::SAVES_VIEW),
        None => strings::NO_VIEWS.to_string(),
    }
}

/// Said in place of an empty list of results: how to widen it again.
pub fn nothing_matches(app: &App) -> Option<String> {
    let mut out = strings::NOTHING_MATCHES.to_string();
    let mut ways = Vec::new();
    if !app.query.is_empty() {
        let clear = if app.searching {
            "search_cancel"
        } else {
            "back"
        };
        if let Some(k) = app.keys.label(clear) {
            ways.push(format!("{k} {}", strings::CLEARS_SEARCH));
        }
    }
    if !app.filter.is_empty()
        && let Some(k) = app.keys.label("clear_filters")
    {
        ways.push(format!("{k} {}", strings::CLEARS_FILTERS));
    }
    if !ways.is_empty() {
        out.push(' ');
        out.push_str(&ways.join(", "));
        out.push('.');
    }
    Some(out)
}
