//! Messages that name keys, written from the reader's key map: a rebound key is named as
//! it is bound, and a hint for an action without a key is left out.

use std::path::Path;

use super::app::{App, Load};
use super::bindings::KeyMap;
use super::strings;
use crate::index::Suggestion;

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

/// Said when `n` or `N` finds no search to step through: how to search.
pub fn no_search(keys: &KeyMap) -> String {
    match keys.label("search") {
        Some(k) => format!("{}: {k} {}", strings::NO_SEARCH_TO_STEP, strings::SEARCHES),
        None => strings::NO_SEARCH_TO_STEP.to_string(),
    }
}

/// Said when `'` finds no saved view: how to save one.
pub fn no_views(keys: &KeyMap) -> String {
    match keys.label("save_view") {
        Some(k) => format!("{}: {k} {}", strings::NO_VIEWS, strings::SAVES_VIEW),
        None => strings::NO_VIEWS.to_string(),
    }
}

/// Whether the results are narrowed at all: a query or a filter.
pub fn narrowed(app: &App) -> bool {
    !app.query.trim().is_empty() || !app.filter.is_empty()
}

/// Said in place of an empty list of results: how to widen it again. None when nothing
/// narrows the results, or when there is nothing to narrow (an empty corpus has its own
/// message).
pub fn nothing_matches(app: &App) -> Option<String> {
    let empty = matches!(app.load, Load::Ready { articles: 0, .. });
    if empty || !narrowed(app) {
        return None;
    }
    let mut out = strings::NOTHING_MATCHES.to_string();
    if let Some(r) = &app.results.suggestion {
        out.push(' ');
        out.push_str(&suggestion(app, r));
    } else if let Some(u) = &app.results.unfiltered {
        let noun = if u.total == 1 {
            strings::ARTICLE
        } else {
            strings::ARTICLES
        };
        let (n, without) = (u.total, strings::WITHOUT_FILTERS);
        match &u.query {
            Some(q) => out.push_str(&format!(" '{q}' finds {n} {noun} {without}.")),
            None => out.push_str(&format!(" {n} {noun} {without}.")),
        }
    }
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

/// The query put right, and how to take it: `Did you mean 'robots' (4 articles)? Tab takes
/// it.` (outside the search line, the key that opens it first).
fn suggestion(app: &App, r: &Suggestion) -> String {
    let noun = if r.total == 1 {
        strings::ARTICLE
    } else {
        strings::ARTICLES
    };
    let without = if r.left_out.is_empty() {
        String::new()
    } else {
        let quoted: Vec<String> = r.left_out.iter().map(|w| format!("'{w}'")).collect();
        format!(", {} {}", strings::WITHOUT, quoted.join(", "))
    };
    let mut out = format!(
        "{} '{}' ({} {noun}{without})?",
        strings::DID_YOU_MEAN,
        r.query,
        r.total
    );
    let open = if app.searching {
        Some(String::new())
    } else {
        app.keys
            .label("search")
            .map(|k| format!("{k} {} ", strings::THEN))
    };
    if let (Some(open), Some(take)) = (open, app.keys.label("search_suggestion")) {
        out.push_str(&format!(" {open}{take} {}.", strings::TAKES_IT));
    }
    out
}

/// Most folders the empty-corpus message names.
const FOLDERS_NAMED: usize = 3;

/// Said in place of the list when the corpus gave no article: the folders read, and how
/// many files in them gave none.
pub fn empty_corpus(app: &App) -> String {
    if app.corpus.is_empty() {
        return strings::EMPTY_CORPUS.to_string();
    }
    let mut names: Vec<String> = app
        .corpus
        .iter()
        .take(FOLDERS_NAMED)
        .map(|p| shown(p))
        .collect();
    if app.corpus.len() > FOLDERS_NAMED {
        names.push(format!(
            "+{} {}",
            app.corpus.len() - FOLDERS_NAMED,
            strings::MORE
        ));
    }
    let (skipped, missing) = match &app.load {
        Load::Ready {
            skipped, missing, ..
        } => (skipped.len(), missing.as_slice()),
        _ => (0, &[][..]),
    };
    let mut why = Vec::new();
    if !missing.is_empty() {
        let names: Vec<String> = missing.iter().map(|m| shown(Path::new(m))).collect();
        let noun = match (missing.len(), missing.iter().all(|m| names_a_file(m))) {
            (1, true) => "File",
            (_, true) => "Files",
            (1, false) => "Folder",
            (_, false) => "Folders",
        };
        why.push(format!(
            "{noun} {}: {}.",
            strings::NOT_FOUND,
            names.join(", ")
        ));
    }
    match skipped {
        0 if missing.is_empty() => why.push(strings::PUT_FILES_THERE.to_string()),
        0 => {}
        1 => why.push(format!("1 file {}", strings::SKIPPED_SEE_LOG)),
        n => why.push(format!("{n} files {}", strings::SKIPPED_SEE_LOG)),
    }
    format!(
        "{} {}. {}",
        strings::NO_ARTICLES_IN,
        names.join(", "),
        why.join(" ")
    )
}

/// Whether a corpus path that is not there names a file rather than a folder, by its
/// extension (`.txt`, `.text`): a path given without one is taken for a folder.
pub fn names_a_file(path: &str) -> bool {
    Path::new(path)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("text"))
}

fn shown(p: &Path) -> String {
    p.display().to_string()
}
