//! Saved views: `w` names the current query, filters and order; Enter on one in the
//! sidebar or `'` (a picker that narrows as you type) brings it back; `d` on one in the
//! sidebar deletes it. The name prompt borrows the search line and its editing keys.

use crate::filter::fold;
use crate::state::{Delta, SavedFilter, SavedSearch, View};

use super::action::{Action, Motion};
use super::app::App;
use super::backend::Sort;
use super::draw;
use super::draw::status::sort_label;
use super::effect::Effect;
use super::layout::Panel;
use super::line_edit::{Caret, Edit};
use super::reading::{Prompt, PromptKind};
use super::sidebar::Entry;
use super::strings;
use super::update::{rebuild_sidebar, search};

/// The order a view names (`None` when the name is unknown).
pub fn sort_by_name(name: &str) -> Option<Sort> {
    Sort::ALL.iter().copied().find(|s| sort_label(*s) == name)
}

/// The current query, filters and order.
pub fn current(app: &App) -> SavedSearch {
    SavedSearch {
        query: app.query.trim().to_string(),
        filters: SavedFilter::from_filter(&app.filter),
        sort: sort_label(app.sort).to_string(),
    }
}

/// Puts a saved query, filters and order in place (an order the catalog cannot sort by is
/// left as it is).
pub fn put(app: &mut App, s: &SavedSearch) {
    app.query = s.query.clone();
    app.caret = Caret::default();
    app.filter = s.filters.to_filter();
    if let Some(sort) = sort_by_name(&s.sort).filter(|s| app.sorts.contains(s)) {
        app.sort = sort;
    }
}

/// Whether the reader shows this view now.
pub fn is_active(app: &App, view: &View) -> bool {
    current(app) == view.search
}

/// The views whose names contain `text` (case and script folded), in name order.
pub fn matching<'a>(views: &'a [View], text: &str) -> Vec<&'a View> {
    let want = fold(text);
    views
        .iter()
        .filter(|v| fold(&v.name).contains(&want))
        .collect()
}

/// `w`: asks for a name.
pub fn start_save(app: &mut App) {
    app.searching = false;
    app.reading.prompt = Some(Prompt {
        kind: PromptKind::SaveView,
        text: String::new(),
        caret: Caret::default(),
        chosen: 0,
    });
}

/// `'`: opens the picker, or says there is nothing to pick.
pub fn start_recall(app: &mut App) {
    if app.reading.views.is_empty() {
        app.reading.notice = Some(super::hints::no_views(&app.keys));
        return;
    }
    app.searching = false;
    app.reading.prompt = Some(Prompt {
        kind: PromptKind::RecallView,
        text: String::new(),
        caret: Caret::default(),
        chosen: 0,
    });
}

/// Handles an action while the prompt is open; `None` lets it through (resizes, answers
/// from the worker, quitting).
pub fn on_prompt(app: &mut App, action: &Action) -> Option<Vec<Effect>> {
    app.reading.prompt.as_ref()?;
    let total = app.areas().search.width as usize;
    let prompt = app.reading.prompt.as_mut()?;
    let edit = match action {
        Action::Insert(c) => Some(Edit::Insert(*c)),
        Action::Edit(e) => Some(*e),
        _ => None,
    };
    if let Some(e) = edit {
        prompt.caret.apply(&mut prompt.text, e);
        let columns = draw::prompt::columns(prompt, total);
        prompt.caret.follow(&prompt.text, columns);
    }
    match action {
        // The query line's history is not the prompt's.
        Action::Insert(_) | Action::Edit(_) | Action::RecallQuery { .. } => {}
        Action::Move(m) => {
            prompt.chosen = match m {
                Motion::Up | Motion::PageUp | Motion::Top => prompt.chosen.saturating_sub(1),
                _ => prompt.chosen + 1,
            };
        }
        Action::CancelSearch | Action::Back => app.reading.prompt = None,
        Action::KeepSearch => return Some(confirm(app)),
        _ => return None,
    }
    clamp_choice(app);
    Some(Vec::new())
}

fn clamp_choice(app: &mut App) {
    let Some(p) = app.reading.prompt.as_ref() else {
        return;
    };
    let n = matching(&app.reading.views, &p.text).len();
    let chosen = p.chosen.min(n.saturating_sub(1));
    if let Some(p) = app.reading.prompt.as_mut() {
        p.chosen = chosen;
    }
}

fn confirm(app: &mut App) -> Vec<Effect> {
    let Some(p) = app.reading.prompt.take() else {
        return Vec::new();
    };
    match p.kind {
        PromptKind::SaveView => save(app, p.text.trim()),
        PromptKind::RecallView => {
            let name = matching(&app.reading.views, &p.text)
                .get(p.chosen)
                .map(|v| v.name.clone());
            match name {
                Some(n) => apply(app, &n),
                None => {
                    app.reading.notice = Some(strings::NO_SUCH_VIEW.to_string());
                    Vec::new()
                }
            }
        }
    }
}

/// Saves the current view under `name` (replacing one of that name).
pub fn save(app: &mut App, name: &str) -> Vec<Effect> {
    if name.is_empty() {
        app.reading.notice = Some(strings::VIEW_NEEDS_NAME.to_string());
        return Vec::new();
    }
    let view = View {
        name: name.to_string(),
        search: current(app),
    };
    let views = &mut app.reading.views;
    let replaced = views.iter().any(|v| v.name == name);
    views.retain(|v| v.name != name);
    views.push(view.clone());
    views.sort_by(|a, b| a.name.cmp(&b.name));
    let verb = if replaced { "replaced" } else { "saved" };
    app.reading.notice = Some(format!("{} '{name}' {verb}", strings::VIEW));
    rebuild_sidebar(app);
    let mut d = Delta::default();
    d.views.insert(name.to_string(), Some(view));
    vec![Effect::Save(Box::new(d))]
}

/// Applies a saved view: its query, filters and order.
pub fn apply(app: &mut App, name: &str) -> Vec<Effect> {
    let Some(view) = app.reading.views.iter().find(|v| v.name == name).cloned() else {
        return Vec::new();
    };
    put(app, &view.search);
    app.searching = false;
    app.focus = Panel::List;
    app.reading.notice = Some(format!("{} '{name}'", strings::VIEW));
    rebuild_sidebar(app);
    search(app, true)
}

/// `d` on a view in the sidebar: deletes it.
pub fn delete(app: &mut App) -> Vec<Effect> {
    let Some(Entry::View { name, .. }) = app.sidebar.current().cloned() else {
        return Vec::new();
    };
    app.reading.views.retain(|v| v.name != name);
    app.reading.notice = Some(format!("{} '{name}' {}", strings::VIEW, strings::DELETED));
    rebuild_sidebar(app);
    let mut d = Delta::default();
    d.views.insert(name, None);
    vec![Effect::Save(Box::new(d))]
}
