//! Key bindings as data, each with a description: the reader looks keys up here and the `?`
//! overlay is written from the same table, so the two cannot disagree.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{Action, Motion};

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

/// One key: a code and the modifiers that must be held (Shift is ignored for characters,
/// which already carry their case).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn key(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

impl Key {
    fn matches(&self, ev: &KeyEvent) -> bool {
        let relevant = KeyModifiers::CONTROL | KeyModifiers::ALT;
        let code_eq = match (self.code, ev.code) {
            (KeyCode::Char(a), KeyCode::Char(b)) => {
                a == b || (self.mods.contains(KeyModifiers::CONTROL) && a.eq_ignore_ascii_case(&b))
            }
            (a, b) => a == b,
        };
        code_eq && (ev.modifiers & relevant) == (self.mods & relevant)
    }

    /// How the help overlay writes this key.
    pub fn label(&self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            other => format!("{other:?}"),
        };
        if self.mods.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{name}")
        } else {
            name
        }
    }
}

/// One binding.
#[derive(Debug, Clone)]
pub struct Binding {
    pub scope: Scope,
    pub keys: &'static [Key],
    pub action: Action,
    pub desc: &'static str,
}

const fn bind(scope: Scope, keys: &'static [Key], action: Action, desc: &'static str) -> Binding {
    Binding {
        scope,
        keys,
        action,
        desc,
    }
}

use KeyCode::{
    BackTab, Backspace, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Tab, Up,
};
use Scope::{Global, Help, List, Search, Sidebar, Stats};

/// The default bindings (SPEC §6), in the order the help overlay lists them.
pub static BINDINGS: &[Binding] = &[
    bind(Global, &[ch('q'), ctrl('c')], Action::Quit, "quit"),
    bind(Global, &[ch('?')], Action::ToggleHelp, "this help"),
    bind(
        Global,
        &[ch('/')],
        Action::StartSearch,
        "search (live, as you type)",
    ),
    bind(Global, &[key(Tab)], Action::NextPanel, "next panel"),
    bind(Global, &[key(BackTab)], Action::PrevPanel, "previous panel"),
    bind(
        Global,
        &[ch('h'), key(Left)],
        Action::PanelLeft,
        "panel to the left",
    ),
    bind(
        Global,
        &[ch('l'), key(Right)],
        Action::PanelRight,
        "panel to the right",
    ),
    bind(
        Global,
        &[ch('j'), key(Down)],
        Action::Move(Motion::Down),
        "down",
    ),
    bind(Global, &[ch('k'), key(Up)], Action::Move(Motion::Up), "up"),
    bind(
        Global,
        &[key(PageDown), ctrl('d')],
        Action::Move(Motion::PageDown),
        "page down",
    ),
    bind(
        Global,
        &[key(PageUp), ctrl('u')],
        Action::Move(Motion::PageUp),
        "page up",
    ),
    bind(
        Global,
        &[ch('g'), key(Home)],
        Action::Move(Motion::Top),
        "first",
    ),
    bind(
        Global,
        &[ch('G'), key(End)],
        Action::Move(Motion::Bottom),
        "last",
    ),
    bind(
        Global,
        &[ch('c')],
        Action::ClearFilters,
        "clear all filters",
    ),
    bind(
        Global,
        &[ch('s')],
        Action::CycleSort,
        "cycle the order (relevance/newest/oldest/title)",
    ),
    bind(
        Global,
        &[ch('n')],
        Action::NextHit,
        "next search hit in the article",
    ),
    bind(
        Global,
        &[ch('N')],
        Action::PrevHit,
        "previous search hit in the article",
    ),
    bind(
        Global,
        &[key(Esc)],
        Action::Back,
        "back to the list / clear the search",
    ),
    bind(
        Global,
        &[ch('t')],
        Action::ToggleStats,
        "statistics: bar charts of the results",
    ),
    bind(
        Global,
        &[ch('o')],
        Action::OpenInPager,
        "open the article in $PAGER",
    ),
    bind(
        Global,
        &[ch('e')],
        Action::Export,
        "export article or view to Markdown",
    ),
    bind(
        Global,
        &[ch('y')],
        Action::CopyArticle,
        "copy the article (OSC 52 clipboard)",
    ),
    bind(
        Sidebar,
        &[key(Enter), ch(' ')],
        Action::ToggleFilter,
        "toggle a filter (OR in a facet, AND across)",
    ),
    bind(
        List,
        &[key(Enter), ch(' ')],
        Action::OpenArticle,
        "open the article",
    ),
    bind(
        Stats,
        &[key(Enter), ch(' ')],
        Action::ToggleFilter,
        "filter by this bar (again: remove)",
    ),
    bind(
        Stats,
        &[ch('j'), key(Down)],
        Action::Move(Motion::Down),
        "next bar",
    ),
    bind(
        Stats,
        &[ch('k'), key(Up)],
        Action::Move(Motion::Up),
        "previous bar",
    ),
    bind(
        Stats,
        &[key(Tab), ch('l'), key(Right)],
        Action::NextPanel,
        "next chart",
    ),
    bind(
        Stats,
        &[key(BackTab), ch('h'), key(Left)],
        Action::PrevPanel,
        "previous chart",
    ),
    bind(
        Stats,
        &[ch('t'), key(Esc)],
        Action::ToggleStats,
        "back to the articles",
    ),
    bind(Search, &[key(Enter)], Action::KeepSearch, "keep the query"),
    bind(
        Search,
        &[key(Esc)],
        Action::CancelSearch,
        "leave and clear the query",
    ),
    bind(
        Search,
        &[key(Down)],
        Action::Move(Motion::Down),
        "next article",
    ),
    bind(
        Search,
        &[key(Up)],
        Action::Move(Motion::Up),
        "previous article",
    ),
    bind(
        Search,
        &[key(PageDown)],
        Action::Move(Motion::PageDown),
        "page down the list",
    ),
    bind(
        Search,
        &[key(PageUp)],
        Action::Move(Motion::PageUp),
        "page up the list",
    ),
    bind(
        Search,
        &[key(Backspace)],
        Action::Backspace,
        "delete a character",
    ),
    bind(Search, &[ctrl('w')], Action::DeleteWord, "delete a word"),
    bind(Search, &[ctrl('u')], Action::ClearLine, "clear the line"),
    bind(Search, &[ctrl('c')], Action::Quit, "quit"),
    bind(
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

/// The action a key press means in the current context: `scopes` are searched in order.
pub fn lookup(scopes: &[Scope], ev: &KeyEvent) -> Option<Action> {
    for scope in scopes {
        for b in BINDINGS.iter().filter(|b| b.scope == *scope) {
            if b.keys.iter().any(|k| k.matches(ev)) {
                return Some(b.action.clone());
            }
        }
    }
    None
}

/// The help overlay's lines, grouped by scope: (scope, keys, description).
pub fn help_entries() -> Vec<(Scope, String, &'static str)> {
    let order = [Global, Sidebar, List, Stats, Search, Help];
    let mut out = Vec::new();
    for scope in order {
        for b in BINDINGS.iter().filter(|b| b.scope == scope) {
            let keys: Vec<String> = b.keys.iter().map(Key::label).collect();
            out.push((scope, keys.join(" "), b.desc));
        }
    }
    out
}
