//! Key bindings as data: one row per action, with its name (what the configuration's
//! `[keys]` table calls it), where it applies, its default keys and a description. The
//! reader's [`super::bindings::KeyMap`] starts from this table, the configuration rebinds
//! rows by name, and the `?` overlay is written from the result, so none of them can
//! disagree. A new action is one more row here.

use crossterm::event::KeyCode;

use super::action::{Action, Motion};
use super::key::Key;
use super::line_edit::Edit;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Outside the search line, in any panel.
    Global,
    Sidebar,
    List,
    Detail,
    /// While typing in the search line.
    Search,
    /// While the statistics view is open.
    Stats,
    /// While the help overlay is open.
    Help,
}

impl Scope {
    /// The heading of this scope in the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Scope::Global => "Everywhere 通用",
            Scope::Sidebar => "Filters 筛选",
            Scope::List => "Articles 文章",
            Scope::Detail => "Article 正文",
            Scope::Search => "Search line 搜索",
            Scope::Stats => "Statistics 统计",
            Scope::Help => "Help 帮助",
        }
    }
}

const fn key(code: KeyCode) -> Key {
    Key::plain(code)
}

const fn ch(c: char) -> Key {
    Key::plain(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key::ctrl(c)
}

/// One binding.
#[derive(Debug, Clone)]
pub struct Binding {
    /// The name in the configuration (`quit`, `next_panel`): lower case, `_` between words,
    /// unique in the table.
    pub name: &'static str,
    pub scope: Scope,
    /// The default keys.
    pub keys: &'static [Key],
    pub action: Action,
    pub desc: &'static str,
}

const fn bind(
    name: &'static str,
    scope: Scope,
    keys: &'static [Key],
    action: Action,
    desc: &'static str,
) -> Binding {
    Binding {
        name,
        scope,
        keys,
        action,
        desc,
    }
}

use KeyCode::{
    BackTab, Backspace, Delete, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Tab, Up,
};
use Scope::{Global, Help, List, Search, Sidebar, Stats};

/// The default bindings (SPEC §6), in the order the help overlay lists them.
pub static BINDINGS: &[Binding] = &[
    bind("quit", Global, &[ch('q'), ctrl('c')], Action::Quit, "quit"),
    bind("help", Global, &[ch('?')], Action::ToggleHelp, "this help"),
    bind(
        "suspend",
        Global,
        &[ctrl('z')],
        Action::Suspend,
        "suspend to the shell (fg returns)",
    ),
    bind(
        "search",
        Global,
        &[ch('/')],
        Action::StartSearch,
        "search (live, as you type)",
    ),
    bind(
        "next_panel",
        Global,
        &[key(Tab)],
        Action::NextPanel,
        "next panel",
    ),
    bind(
        "prev_panel",
        Global,
        &[key(BackTab)],
        Action::PrevPanel,
        "previous panel",
    ),
    bind(
        "panel_left",
        Global,
        &[ch('h'), key(Left)],
        Action::PanelLeft,
        "panel to the left",
    ),
    bind(
        "panel_right",
        Global,
        &[ch('l'), key(Right)],
        Action::PanelRight,
        "panel to the right",
    ),
    bind(
        "down",
        Global,
        &[ch('j'), key(Down)],
        Action::Move(Motion::Down),
        "down",
    ),
    bind(
        "up",
        Global,
        &[ch('k'), key(Up)],
        Action::Move(Motion::Up),
        "up",
    ),
    bind(
        "page_down",
        Global,
        &[key(PageDown), ctrl('d')],
        Action::Move(Motion::PageDown),
        "page down",
    ),
    bind(
        "page_up",
        Global,
        &[key(PageUp), ctrl('u')],
        Action::Move(Motion::PageUp),
        "page up",
    ),
    bind(
        "first",
        Global,
        &[ch('g'), key(Home)],
        Action::Move(Motion::Top),
        "first",
    ),
    bind(
        "last",
        Global,
        &[ch('G'), key(End)],
        Action::Move(Motion::Bottom),
        "last",
    ),
    bind(
        "clear_filters",
        Global,
        &[ch('c')],
        Action::ClearFilters,
        "clear all filters",
    ),
    bind(
        "cycle_sort",
        Global,
        &[ch('s')],
        Action::CycleSort,
        "cycle the order (relevance/newest/oldest)",
    ),
    bind(
        "next_hit",
        Global,
        &[ch('n')],
        Action::NextHit,
        "next search hit in the article",
    ),
    bind(
        "prev_hit",
        Global,
        &[ch('N')],
        Action::PrevHit,
        "previous search hit in the article",
    ),
    bind(
        "next_report",
        Global,
        &[ch('a')],
        Action::NextReport,
        "next report of the same story",
    ),
    bind(
        "check_corpus",
        Global,
        &[ch('R')],
        Action::CheckCorpus,
        "check the corpus for changes now",
    ),
    bind(
        "back",
        Global,
        &[key(Esc)],
        Action::Back,
        "back to the list / clear the search",
    ),
    bind(
        "toggle_stats",
        Global,
        &[ch('t')],
        Action::ToggleStats,
        "statistics: bar charts of the results",
    ),
    bind(
        "pager",
        Global,
        &[ch('o')],
        Action::OpenInPager,
        "open the article in $PAGER",
    ),
    bind(
        "export",
        Global,
        &[ch('e')],
        Action::Export,
        "export article or view to Markdown",
    ),
    bind(
        "copy",
        Global,
        &[ch('y')],
        Action::CopyArticle,
        "copy the article (OSC 52 clipboard)",
    ),
    bind(
        "toggle_read",
        Global,
        &[ch('r')],
        Action::ToggleRead,
        "mark read / unread",
    ),
    bind(
        "star",
        Global,
        &[ch('*')],
        Action::ToggleStar,
        "star / unstar",
    ),
    bind(
        "next_unread",
        Global,
        &[ch('u')],
        Action::NextUnread,
        "next unread article",
    ),
    bind(
        "mark_all",
        Global,
        &[ch('A')],
        Action::MarkAll,
        "mark the whole list read (asks first)",
    ),
    bind(
        "save_view",
        Global,
        &[ch('w')],
        Action::SaveView,
        "name and save this view",
    ),
    bind(
        "recall_view",
        Global,
        &[ch('\'')],
        Action::RecallView,
        "recall a saved view by name",
    ),
    bind(
        "toggle_filter",
        Sidebar,
        &[key(Enter), ch(' ')],
        Action::ToggleFilter,
        "toggle a filter (OR in a facet, AND across)",
    ),
    bind(
        "delete_view",
        Sidebar,
        &[ch('d')],
        Action::DeleteView,
        "delete a saved view",
    ),
    bind(
        "open",
        List,
        &[key(Enter), ch(' ')],
        Action::OpenArticle,
        "open the article",
    ),
    bind(
        "stats_filter",
        Stats,
        &[key(Enter), ch(' ')],
        Action::ToggleFilter,
        "filter by this bar (again: remove)",
    ),
    bind(
        "stats_next_bar",
        Stats,
        &[ch('j'), key(Down)],
        Action::Move(Motion::Down),
        "next bar",
    ),
    bind(
        "stats_previous_bar",
        Stats,
        &[ch('k'), key(Up)],
        Action::Move(Motion::Up),
        "previous bar",
    ),
    bind(
        "stats_next_chart",
        Stats,
        &[key(Tab), ch('l'), key(Right)],
        Action::NextPanel,
        "next chart",
    ),
    bind(
        "stats_previous_chart",
        Stats,
        &[key(BackTab), ch('h'), key(Left)],
        Action::PrevPanel,
        "previous chart",
    ),
    bind(
        "stats_close",
        Stats,
        &[ch('t'), key(Esc)],
        Action::ToggleStats,
        "back to the articles",
    ),
    bind(
        "search_keep",
        Search,
        &[key(Enter)],
        Action::KeepSearch,
        "keep the query",
    ),
    bind(
        "search_cancel",
        Search,
        &[key(Esc)],
        Action::CancelSearch,
        "leave and clear the query",
    ),
    bind(
        "search_suggestion",
        Search,
        &[key(Tab)],
        Action::TakeSuggestion,
        "take the query offered",
    ),
    bind(
        "search_older",
        Search,
        &[ctrl('p')],
        Action::RecallQuery { older: true },
        "previous query (history)",
    ),
    bind(
        "search_newer",
        Search,
        &[ctrl('n')],
        Action::RecallQuery { older: false },
        "next query (history)",
    ),
    bind(
        "search_down",
        Search,
        &[key(Down)],
        Action::Move(Motion::Down),
        "next article",
    ),
    bind(
        "search_up",
        Search,
        &[key(Up)],
        Action::Move(Motion::Up),
        "previous article",
    ),
    bind(
        "search_page_down",
        Search,
        &[key(PageDown)],
        Action::Move(Motion::PageDown),
        "page down the list",
    ),
    bind(
        "search_page_up",
        Search,
        &[key(PageUp)],
        Action::Move(Motion::PageUp),
        "page up the list",
    ),
    bind(
        "search_left",
        Search,
        &[key(Left)],
        Action::Edit(Edit::Left),
        "cursor left by a character",
    ),
    bind(
        "search_right",
        Search,
        &[key(Right)],
        Action::Edit(Edit::Right),
        "cursor right by a character",
    ),
    bind(
        "search_home",
        Search,
        &[key(Home), ctrl('a')],
        Action::Edit(Edit::Home),
        "cursor to the start",
    ),
    bind(
        "search_end",
        Search,
        &[key(End), ctrl('e')],
        Action::Edit(Edit::End),
        "cursor to the end",
    ),
    bind(
        "search_backspace",
        Search,
        &[key(Backspace)],
        Action::Edit(Edit::Backspace),
        "delete before the cursor",
    ),
    bind(
        "search_delete",
        Search,
        &[key(Delete)],
        Action::Edit(Edit::Delete),
        "delete under the cursor",
    ),
    bind(
        "search_delete_word",
        Search,
        &[ctrl('w')],
        Action::Edit(Edit::DeleteWord),
        "delete the word before the cursor",
    ),
    bind(
        "search_clear_line",
        Search,
        &[ctrl('u')],
        Action::Edit(Edit::DeleteToStart),
        "delete to the start",
    ),
    bind(
        "search_delete_to_end",
        Search,
        &[ctrl('k')],
        Action::Edit(Edit::DeleteToEnd),
        "delete to the end",
    ),
    bind("search_quit", Search, &[ctrl('c')], Action::Quit, "quit"),
    bind(
        "search_suspend",
        Search,
        &[ctrl('z')],
        Action::Suspend,
        "suspend to the shell (fg returns)",
    ),
    bind(
        "help_close",
        Help,
        &[ch('?'), key(Esc), ch('q')],
        Action::ToggleHelp,
        "close the help",
    ),
];

/// The mouse, for the help overlay.
pub static MOUSE: &[(&str, &str)] = &[
    ("wheel", "scroll the panel under the pointer"),
    ("click", "focus; select (twice: open); toggle a filter"),
];

/// What a query may hold, for the help overlay (README: Query syntax).
pub static QUERY: &[(&str, &str)] = &[
    ("冷链 robots", "every word (Chinese needs no spaces)"),
    ("\"a phrase\"", "the words side by side"),
    ("-word", "without it"),
    ("a OR b", "either"),
    (
        "province:",
        "a filter (province:山东); also sector: source: topic:",
    ),
    ("after:", "from a date on (after:2025-03); also before:"),
    ("冷链 Jinan", "terms and places: found in both languages"),
];
