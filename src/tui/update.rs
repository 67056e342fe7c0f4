//! `update`: the one place where actions change the state. It never blocks: anything slow
//! comes back as an [`Effect`] for the worker.

use std::sync::Arc;

use ratatui::layout::Position;

use crate::filter;
use crate::index::query;

use super::action::{Action, Motion, Progress};
use super::app::{App, DetailState, Load, PAGE, Pending, Results};
use super::backend::Request;
use super::draw::{detail, help, list, search_line};
use super::effect::Effect;
use super::handoff;
use super::labels;
use super::layout::{self, Panel};
use super::line_edit::{Caret, Edit};
use super::sidebar::{self, Entry, Facet};
use super::stats_update;
use super::strings;
use super::{mark_all, marking, reading, reading_sidebar, recent, session, views};

/// Ends the reader: the session is saved.
fn quit(app: &mut App) -> Vec<Effect> {
    app.quit = true;
    let mut fx: Vec<Effect> = session::save_on_quit(app).into_iter().collect();
    fx.push(Effect::Quit);
    fx
}

/// Rows from the edge of the loaded window at which the next window is fetched.
const MARGIN: usize = 40;
/// Lines one turn of the mouse wheel scrolls.
const WHEEL: isize = 3;

pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    if let Action::Terminate = action {
        return quit(app);
    }
    if action.from_user() {
        app.reading.notice = None;
        app.notice_is_news = false;
        // Anything else done meanwhile abandons `A`.
        if !matches!(action, Action::Answer(_)) {
            app.reading.mark_all = None;
        }
    }
    if let Some(fx) = views::on_prompt(app, &action) {
        return fx;
    }
    if let Some(fx) = stats_update::handle(app, &action) {
        return fx;
    }
    let mut fx = Vec::new();
    match action {
        Action::Quit | Action::Terminate => fx.extend(quit(app)),
        Action::ToggleHelp => app.help = if app.help.is_some() { None } else { Some(0) },
        Action::StartSearch => {
            app.searching = true;
            app.help = None;
            start_editing(app);
        }
        Action::TakeSuggestion => fx.extend(take_suggestion(app)),
        Action::RecallQuery { older } => fx.extend(recent::recall(app, older)),
        Action::KeepSearch => {
            fx.extend(recent::keep(app));
            app.searching = false;
            app.focus = Panel::List;
            follow(app);
        }
        Action::CancelSearch => {
            app.searching = false;
            if !app.query.is_empty() {
                clear_query(app);
                fx.extend(search(app, true));
            }
        }
        Action::Back => {
            if app.help.is_some() {
                app.help = None;
            } else if app.focus == Panel::Detail {
                app.focus = Panel::List;
                follow(app);
            } else if !app.query.is_empty() {
                clear_query(app);
                fx.extend(search(app, true));
            } else if app.focus == Panel::Sidebar {
                app.focus = Panel::List;
                follow(app);
            }
        }
        Action::NextPanel | Action::PrevPanel | Action::PanelLeft | Action::PanelRight => {
            app.searching = false;
            app.focus = match action {
                Action::NextPanel => app.focus.cycle(true),
                Action::PrevPanel => app.focus.cycle(false),
                Action::PanelLeft => layout::beside(app.screen(), app.focus, false),
                _ => layout::beside(app.screen(), app.focus, true),
            };
            follow(app);
        }
        Action::Move(m) => {
            if app.help.is_some() {
                scroll_help(app, m);
            } else {
                let panel = if app.searching {
                    Panel::List
                } else {
                    app.focus
                };
                fx.extend(move_in(app, panel, m));
            }
        }
        Action::ToggleFilter => fx.extend(toggle_filter(app)),
        Action::OpenArticle => {
            if app.selected_row().is_some() {
                app.focus = Panel::Detail;
                refresh_view(app);
                fx.extend(open_selected(app));
                fx.extend(marking::opened(app));
            } else {
                app.say_why_no_selection();
            }
        }
        Action::ClearFilters => {
            if !app.filter.is_empty() {
                app.filter = filter::Filter::default();
                fx.extend(refilter(app));
            }
        }
        Action::CycleSort => {
            // Without words, relevance lists the newest first: the press that would
            // change nothing on screen goes on to the next order.
            let words = query::has_words(&app.query);
            let shown = app.sort.as_listed(words);
            let mut next = app.sort.next_in(app.sorts);
            if next.as_listed(words) == shown {
                next = next.next_in(app.sorts);
            }
            app.sort = next;
            fx.extend(search_keeping(app));
        }
        Action::NextHit => jump_to_hit(app, true),
        Action::PrevHit => jump_to_hit(app, false),
        Action::ToggleRead => fx.extend(marking::toggle_read(app)),
        Action::ToggleStar => fx.extend(marking::toggle_star(app)),
        Action::NextUnread => fx.extend(marking::next_unread(app)),
        Action::MarkAll => fx.extend(mark_all::start(app)),
        Action::Gathered { seq, marking } => mark_all::gathered(app, seq, marking),
        Action::FoundUnread { seq, at } => fx.extend(marking::found(app, seq, at)),
        Action::Answer(yes) => fx.extend(mark_all::answer(app, yes)),
        Action::SaveView => views::start_save(app),
        Action::RecallView => views::start_recall(app),
        Action::DeleteView => fx.extend(views::delete(app)),
        Action::Restore(r) => fx.extend(session::restore(app, *r)),
        Action::Notice(n) => {
            app.reading.notice = Some(n);
            app.notice_is_news = false;
        }
        Action::ToggleStats => app.stats.open = !app.stats.open,
        Action::OpenInPager => fx.extend(handoff::pager(app)),
        Action::Suspend => fx.push(Effect::Suspend),
        Action::CopyArticle => fx.extend(handoff::copy(app)),
        Action::Export => fx.extend(handoff::export(app)),
        Action::Insert(c) => fx.extend(edit_query(app, Edit::Insert(c))),
        Action::Edit(e) => fx.extend(edit_query(app, e)),
        Action::Scroll { column, row, down } => fx.extend(wheel(app, column, row, down)),
        Action::Click { column, row } => fx.extend(click(app, column, row)),
        Action::Resize { width, height } => {
            app.width = width;
            app.height = height;
            follow_caret(app);
            // The same article and hits at another width: the current hit stays current.
            let hit = app.detail.hit;
            refresh_view(app);
            let hits = app.detail.view.as_ref().map_or(0, |v| v.hit_rows.len());
            app.detail.hit = hit.filter(|&k| k < hits);
            follow(app);
            if let Some(h) = app.help {
                app.help = Some(h.min(help::max_scroll(app)));
            }
        }
        Action::Progress(p) => {
            if !app.is_ready() {
                app.load = Load::Loading(p);
            }
        }
        Action::Ready {
            articles,
            skipped,
            missing,
            sorts,
            news,
        } => {
            // A second `Ready` is the index brought up to date: search again in place.
            let first = !app.is_ready();
            super::news::show(app, &news, articles);
            app.load = Load::Ready {
                articles,
                skipped,
                missing,
            };
            app.updating = None;
            if !sorts.is_empty() {
                app.sorts = sorts;
                if !sorts.contains(&app.sort) {
                    app.sort = sorts[0];
                }
            }
            // The first search waits for the saved state, which searches when it comes. The
            // index shown, found as it was, has answered already.
            if app.reading.restored && !news.unchanged {
                fx.extend(search(app, first));
            }
            if !first && !news.unchanged {
                fx.extend(reopen_shown(app));
            }
        }
        Action::CorpusMoved => fx.extend(refresh(app, false)),
        Action::CheckCorpus => fx.extend(refresh(app, true)),
        Action::NextReport => fx.extend(next_report(app)),
        Action::LoadFailed(msg) => app.load = Load::Failed(msg),
        Action::Updating(p) => app.updating = Some(p),
        Action::UpdateFailed(msg) => {
            app.updating = None;
            app.error = Some(msg);
        }
        Action::Searched { seq, result } => {
            fx.extend(searched(app, seq, result));
            fx.extend(reading::after_search(app));
        }
        Action::Damaged { seq, notice } => {
            // Like a failed search (the results on screen stay), then rebuild: the new index
            // arrives with `Ready`, which searches again.
            fx.extend(searched(app, seq, Err(notice)));
            fx.push(Effect::Reopen);
        }
        Action::Opened { seq, article, also } => {
            if seq == app.open_seq {
                // The article shown, fetched again, or edited in its file (a new id, the same
                // file and title): read on from where the reader was.
                let again = (app.detail.article.as_ref())
                    .zip(article.as_ref())
                    .is_some_and(|(a, b)| a.id == b.id || (a.file == b.file && a.title == b.title));
                app.detail = DetailState {
                    requested: app.detail.requested.take(),
                    article,
                    also,
                    scroll: if again { app.detail.scroll } else { 0 },
                    ..DetailState::default()
                };
                refresh_view(app);
            }
        }
    }
    fx
}

/// The search line takes the keyboard: the cursor goes to the end of the query.
fn start_editing(app: &mut App) {
    app.caret = Caret::default();
    follow_caret(app);
}

fn clear_query(app: &mut App) {
    app.query.clear();
    app.caret = Caret::default();
}

/// Keeps the search line's cursor on screen.
fn follow_caret(app: &mut App) {
    let columns = search_line::columns(app);
    app.caret.follow(&app.query, columns);
}

/// Edits the query at the cursor while the search line has the keyboard; a changed query is
/// searched for at once (live search: the newest query wins).
fn edit_query(app: &mut App, e: Edit) -> Vec<Effect> {
    if !app.searching {
        return Vec::new();
    }
    let changed = app.caret.apply(&mut app.query, e);
    follow_caret(app);
    if changed {
        search(app, true)
    } else {
        Vec::new()
    }
}

/// In the search line, puts the query as the last search offered when it found nothing.
fn take_suggestion(app: &mut App) -> Vec<Effect> {
    if !app.searching {
        return Vec::new();
    }
    let Some(r) = app.results.suggestion.take() else {
        return Vec::new();
    };
    put_query(app, r.query)
}

/// Puts `query` in the search line, the cursor at its end, and searches for it.
pub(super) fn put_query(app: &mut App, query: String) -> Vec<Effect> {
    app.query = query;
    app.caret.apply(&mut app.query, Edit::End);
    follow_caret(app);
    search(app, true)
}

/// Starts a search: a new query (`reset`, back to the first row) or another window of the
/// current results around the selection.
pub(super) fn search(app: &mut App, reset: bool) -> Vec<Effect> {
    send_search(app, reset, false)
}

/// Starts a new search for the same query in another order or with other filters: the
/// results from the top, the selected article kept selected when it is among them.
pub(super) fn search_keeping(app: &mut App) -> Vec<Effect> {
    send_search(app, true, true)
}

fn send_search(app: &mut App, reset: bool, keep: bool) -> Vec<Effect> {
    if !app.is_ready() {
        return Vec::new();
    }
    if reset && app.results.received {
        // A new search: `u` and the session's selection stop looking.
        app.reading.seek = None;
        app.reading.resume = None;
    }
    app.search_seq += 1;
    let offset = if reset {
        0
    } else {
        app.list.selected.saturating_sub(PAGE / 2)
    };
    app.pending = Some(Pending {
        seq: app.search_seq,
        reset,
        keep,
    });
    // The article to keep: the selected row, or, when it has not come yet (the list jumped
    // far down and the order changed at once), its place in the search it belongs to.
    let (around, around_row) = match (keep, app.selected_row(), &app.last_request) {
        (false, ..) => (None, None),
        (true, Some(row), _) => (Some(row.id.clone()), None),
        (true, None, Some(last)) if app.results.total > 0 => {
            (None, Some(Box::new((last.clone(), app.list.selected))))
        }
        (true, None, _) => (None, None),
    };
    let request = Request {
        query: app.query.clone(),
        filter: app.filter.clone(),
        sort: app.sort,
        offset,
        limit: PAGE,
        around,
        around_row,
        marks: app.reading.marks.clone(),
    };
    app.last_request = Some(Request {
        offset: 0,
        around: None,
        around_row: None,
        ..request.clone()
    });
    vec![Effect::Search {
        seq: app.search_seq,
        request,
    }]
}

fn searched(
    app: &mut App,
    seq: u64,
    result: Result<Arc<super::backend::Response>, String>,
) -> Vec<Effect> {
    if seq != app.search_seq {
        return Vec::new();
    }
    let reset = app.pending.is_none_or(|p| p.reset);
    let keep = app.pending.is_some_and(|p| p.keep);
    app.pending = None;
    let resp = match result {
        Ok(r) => Arc::unwrap_or_clone(r),
        Err(e) => {
            app.error = Some(e);
            return Vec::new();
        }
    };
    app.error = resp.problem.clone();
    // "Still loading" is answered now.
    if app.reading.notice.as_deref() == Some(strings::LIST_LOADING) {
        app.reading.notice = None;
    }
    // The same search answered again (the index was brought up to date, another window),
    // or in another order or with other filters: the article under the cursor stays under
    // it, wherever it moved to.
    let kept = if reset && !keep {
        None
    } else {
        // The row under the cursor, or, when it had not come, the one the worker looked up.
        app.selected_row()
            .map(|r| r.id.clone())
            .or_else(|| resp.anchor.clone())
    };
    app.results = Results {
        rows: resp.rows,
        offset: resp.offset,
        total: resp.total,
        facets: resp.facets,
        hits: resp.hits,
        received: true,
        notes: resp.notes,
        suggestion: resp.suggestion,
        unfiltered: resp.unfiltered,
        written: resp.written,
    };
    if reset {
        app.list.selected = 0;
        app.list.scroll = 0;
    }
    let found = kept.and_then(|id| app.results.rows.iter().position(|r| r.id == id));
    if let Some(i) = found {
        app.list.selected = app.results.offset + i;
    }
    // Gone: the row now at its place, the nearest one.
    app.list.selected = app.list.selected.min(app.results.total.saturating_sub(1));
    rebuild_sidebar(app);
    if app.results.total == 0 {
        app.detail = DetailState::default();
    } else {
        // The same article stays where it was read to, and its current hit current.
        let hit = app.detail.hit;
        refresh_view(app);
        if found.is_some() {
            let hits = app.detail.view.as_ref().map_or(0, |v| v.hit_rows.len());
            app.detail.hit = hit.filter(|&k| k < hits);
        }
    }
    follow(app);
    let mut fx = ensure_window(app);
    fx.extend(open_selected(app));
    fx
}

/// Fetches the window around the selection when the selection nears its edge.
fn ensure_window(app: &mut App) -> Vec<Effect> {
    if app.pending.is_some() {
        return Vec::new();
    }
    let r = &app.results;
    let (lo, hi, sel) = (r.offset, r.offset + r.rows.len(), app.list.selected);
    let need = sel < lo
        || sel >= hi
        || (lo > 0 && sel < lo + MARGIN)
        || (hi < r.total && sel + MARGIN >= hi);
    if need && r.total > 0 {
        search(app, false)
    } else {
        Vec::new()
    }
}

/// Brings the index up to date in the background, unless that is under way already or the
/// first open has not finished (which brings it up to date itself). `asked`: the user asked,
/// and is told when there is nothing to start.
fn refresh(app: &mut App, asked: bool) -> Vec<Effect> {
    if !app.is_ready() || app.updating.is_some() {
        if asked {
            app.reading.notice = Some(strings::ALREADY_CHECKING.to_string());
        }
        return Vec::new();
    }
    app.updating = Some(Progress {
        label: strings::CHECKING_CORPUS.to_string(),
        done: 0,
        total: 0,
    });
    vec![Effect::Refresh { asked }]
}

/// Selects the report after the one shown in its story (in the order `Also reported by`
/// lists them, round to the first), among those the list holds: the list and the article
/// pane then show the same article, and the keys that act on the selection act on it.
fn next_report(app: &mut App) -> Vec<Effect> {
    let Some(shown) = app.detail.article.as_ref() else {
        app.say_why_no_selection();
        return Vec::new();
    };
    if app.detail.also.is_empty() {
        app.reading.notice = Some(strings::NO_OTHER_REPORTS.to_string());
        return Vec::new();
    }
    let mut story: Vec<super::backend::Row> = app.detail.also.clone();
    story.push(super::backend::Row::from_article(shown));
    story.sort_by(labels::story_order);
    let at = story.iter().position(|r| r.id == shown.id).unwrap_or(0);
    let listed = |id: &str| app.results.rows.iter().position(|r| r.id == id);
    let next = (1..story.len())
        .map(|k| &story[(at + k) % story.len()])
        .find_map(|r| listed(&r.id));
    match next {
        Some(row) => select(app, app.results.offset + row),
        None => {
            app.reading.notice = Some(strings::OTHER_REPORTS_NOT_LISTED.to_string());
            Vec::new()
        }
    }
}

/// Asks again for the article shown, after the index was brought up to date: its text or
/// its other reports (a story's new report came in) may have changed.
fn reopen_shown(app: &mut App) -> Vec<Effect> {
    match app.detail.article.as_ref().map(|a| a.id.clone()) {
        Some(id) => request_open(app, id),
        None => Vec::new(),
    }
}

/// Asks for the selected article unless it is shown or on its way.
fn open_selected(app: &mut App) -> Vec<Effect> {
    let Some(id) = app.selected_row().map(|r| r.id.clone()) else {
        return Vec::new();
    };
    let shown = app.detail.article.as_ref().is_some_and(|a| a.id == id);
    if shown || app.detail.requested.as_deref() == Some(id.as_str()) {
        return Vec::new();
    }
    request_open(app, id)
}

/// Asks the worker for article `id`; its answer is the one the pane waits for.
fn request_open(app: &mut App, id: String) -> Vec<Effect> {
    app.open_seq += 1;
    app.detail.requested = Some(id.clone());
    vec![Effect::Open {
        seq: app.open_seq,
        id,
    }]
}

pub(super) fn select(app: &mut App, index: usize) -> Vec<Effect> {
    let total = app.results.total;
    if total == 0 {
        return Vec::new();
    }
    app.list.selected = index.min(total - 1);
    follow(app);
    let mut fx = ensure_window(app);
    fx.extend(open_selected(app));
    fx
}

fn step(at: usize, delta: isize) -> usize {
    at.saturating_add_signed(delta)
}

fn move_in(app: &mut App, panel: Panel, m: Motion) -> Vec<Effect> {
    let page = (app.panel_height(panel).max(2) - 1) as isize;
    match panel {
        Panel::List => {
            let sel = app.list.selected;
            let to = match m {
                Motion::Up => step(sel, -1),
                Motion::Down => sel + 1,
                Motion::PageUp => step(sel, -page),
                Motion::PageDown => step(sel, page),
                Motion::Top => 0,
                Motion::Bottom => usize::MAX,
            };
            select(app, to)
        }
        Panel::Sidebar => {
            match m {
                Motion::Up => app.sidebar.step(-1),
                Motion::Down => app.sidebar.step(1),
                Motion::PageUp => app.sidebar.step(-page),
                Motion::PageDown => app.sidebar.step(page),
                Motion::Top => app.sidebar.jump(false),
                Motion::Bottom => app.sidebar.jump(true),
            }
            follow(app);
            Vec::new()
        }
        Panel::Detail => {
            let d = app.detail.scroll;
            app.detail.scroll = match m {
                Motion::Up => step(d, -1),
                Motion::Down => d + 1,
                Motion::PageUp => step(d, -page),
                Motion::PageDown => step(d, page),
                Motion::Top => 0,
                Motion::Bottom => usize::MAX,
            };
            clamp_detail(app);
            Vec::new()
        }
    }
}

fn scroll_help(app: &mut App, m: Motion) {
    let max = help::max_scroll(app);
    let h = app.help.unwrap_or(0);
    let page = (app.height as usize).saturating_sub(4).max(1) as isize;
    let to = match m {
        Motion::Up => step(h, -1),
        Motion::Down => h + 1,
        Motion::PageUp => step(h, -page),
        Motion::PageDown => step(h, page),
        Motion::Top => 0,
        Motion::Bottom => max,
    };
    app.help = Some(to.min(max));
}

fn toggle_filter(app: &mut App) -> Vec<Effect> {
    // Whatever the cursor waited for, the user has chosen this value.
    app.sidebar.remember();
    let entry = app.sidebar.current().cloned();
    if let Some(Entry::View { name, .. }) = entry {
        return views::apply(app, &name);
    }
    let Some(Entry::Item { facet, value, .. }) = entry else {
        return Vec::new();
    };
    toggle_value(app, facet, value)
}

/// Adds a facet value to the filters, or removes it when it is there, and searches again.
pub(super) fn toggle_value(app: &mut App, facet: Facet, value: String) -> Vec<Effect> {
    let f = &mut app.filter;
    match facet {
        Facet::Province => {
            if let Ok(p) = filter::province(&value) {
                toggle(&mut f.provinces, p);
            }
        }
        Facet::Sector => {
            if let Ok(s) = filter::sector(&value) {
                toggle(&mut f.sectors, s);
            }
        }
        Facet::Source => toggle(&mut f.sources, value),
        Facet::Topic => toggle(&mut f.topics, value),
        Facet::State => {
            if let Some(m) = reading_sidebar::mark_of(&value) {
                toggle(&mut f.marks, m);
            }
        }
        Facet::View => {}
    }
    refilter(app)
}

/// The filters changed: the sidebar follows and a new search starts, the selected article
/// kept when it still matches.
pub(super) fn refilter(app: &mut App) -> Vec<Effect> {
    rebuild_sidebar(app);
    search_keeping(app)
}

fn toggle<T: PartialEq>(list: &mut Vec<T>, value: T) {
    match list.iter().position(|v| *v == value) {
        Some(i) => {
            list.remove(i);
        }
        None => list.push(value),
    }
}

pub(super) fn rebuild_sidebar(app: &mut App) {
    let mut entries = reading_sidebar::entries(app);
    entries.extend(sidebar::entries(
        &app.results.facets,
        &app.filter,
        &app.results.written,
    ));
    app.sidebar.set_entries(entries);
    let h = app.panel_height(Panel::Sidebar);
    app.sidebar.follow(h);
}

/// Keeps the list selection and the sidebar cursor on screen.
fn follow(app: &mut App) {
    let h = app.panel_height(Panel::List);
    app.list.scroll = list::visible_scroll(app, h);
    let h = app.panel_height(Panel::Sidebar);
    if h > 0 {
        app.sidebar.follow(h);
    }
    clamp_detail(app);
}

/// Lines the detail pane shows (as it would if it were on screen).
fn detail_height(app: &App) -> usize {
    let shown = app
        .areas()
        .detail
        .or_else(|| layout::areas(app.screen(), Panel::Detail).detail);
    shown.map_or(0, |r| layout::inner(r).height as usize)
}

fn clamp_detail(app: &mut App) {
    let lines = app.detail.view.as_ref().map_or(0, |v| v.lines.len());
    let max = lines.saturating_sub(detail_height(app));
    app.detail.scroll = app.detail.scroll.min(max);
}

/// Lays the article out again for the pane's width and the current hits.
fn refresh_view(app: &mut App) {
    let width = app.detail_width();
    app.detail.view = match &app.detail.article {
        Some(a) if width > 0 => Some(detail::render(
            a,
            &*app.results.hits,
            &app.detail.also,
            width,
            &app.theme,
        )),
        _ => None,
    };
    app.detail.hit = None;
    clamp_detail(app);
}

fn jump_to_hit(app: &mut App, forward: bool) {
    let hits = app.detail.view.as_ref().map_or(0, |v| v.hit_rows.len());
    if hits == 0 {
        // Say why nothing moved.
        app.reading.notice = Some(if !query::has_words(&app.query) {
            super::hints::no_search(&app.keys)
        } else if app.detail.view.is_none() {
            app.why_no_selection().to_string()
        } else {
            strings::NO_HITS_HERE.to_string()
        });
        return;
    }
    let Some(view) = &app.detail.view else { return };
    let n = view.hit_rows.len();
    let k = match (app.detail.hit, forward) {
        (None, true) => 0,
        (None, false) => n - 1,
        (Some(h), true) => (h + 1) % n,
        (Some(h), false) => (h + n - 1) % n,
    };
    app.detail.scroll = view.hit_rows[k].saturating_sub(2);
    app.detail.hit = Some(k);
    if !app.areas().shows(Panel::Detail) {
        app.focus = Panel::Detail;
    }
    clamp_detail(app);
}

fn wheel(app: &mut App, column: u16, row: u16, down: bool) -> Vec<Effect> {
    let delta = if down { WHEEL } else { -WHEEL };
    if let Some(h) = app.help {
        app.help = Some(step(h, delta).min(help::max_scroll(app)));
        return Vec::new();
    }
    match app.areas().panel_at(column, row) {
        Some(Panel::List) => {
            let to = step(app.list.selected, delta);
            select(app, to)
        }
        Some(Panel::Sidebar) => {
            app.sidebar.step(delta);
            follow(app);
            Vec::new()
        }
        Some(Panel::Detail) => {
            app.detail.scroll = step(app.detail.scroll, delta);
            clamp_detail(app);
            Vec::new()
        }
        None => Vec::new(),
    }
}

fn click(app: &mut App, column: u16, row: u16) -> Vec<Effect> {
    if app.help.is_some() {
        app.help = None;
        return Vec::new();
    }
    let areas = app.areas();
    let pos = Position::new(column, row);
    if areas.search.contains(pos) {
        if !app.searching {
            app.searching = true;
            start_editing(app);
        }
        return Vec::new();
    }
    let Some(panel) = areas.panel_at(column, row) else {
        return Vec::new();
    };
    app.searching = false;
    app.focus = panel;
    let Some(rect) = areas.rect(panel) else {
        return Vec::new();
    };
    let inner = layout::inner(rect);
    if !inner.contains(pos) {
        return Vec::new();
    }
    let line = (row - inner.y) as usize;
    match panel {
        Panel::List => {
            let index = list::visible_scroll(app, inner.height as usize) + line;
            if index >= app.results.total {
                Vec::new()
            } else if index == app.list.selected {
                update(app, Action::OpenArticle)
            } else {
                select(app, index)
            }
        }
        Panel::Sidebar => {
            let index = app.sidebar.visible_scroll(inner.height as usize) + line;
            if app.sidebar.point(index) {
                toggle_filter(app)
            } else {
                Vec::new()
            }
        }
        Panel::Detail => Vec::new(),
    }
}
