//! Where each panel goes for a screen size. Pure, so drawing, scrolling and mouse clicks all
//! agree on it.

use ratatui::layout::{Constraint, Layout, Margin, Rect};

/// The panels that take focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Panel {
    Sidebar,
    #[default]
    List,
    Detail,
}

impl Panel {
    pub const ORDER: [Panel; 3] = [Panel::Sidebar, Panel::List, Panel::Detail];

    fn index(self) -> usize {
        match self {
            Panel::Sidebar => 0,
            Panel::List => 1,
            Panel::Detail => 2,
        }
    }

    /// The next panel, wrapping around.
    pub fn cycle(self, forward: bool) -> Panel {
        let i = self.index();
        let next = if forward { (i + 1) % 3 } else { (i + 2) % 3 };
        Panel::ORDER[next]
    }

    /// The panel to the left or right, stopping at the edges.
    pub fn beside(self, right: bool) -> Panel {
        let i = self.index();
        let next = if right {
            (i + 1).min(2)
        } else {
            i.saturating_sub(1)
        };
        Panel::ORDER[next]
    }
}

/// Below this size the reader shows only a short message.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;
/// From this width on, the sidebar stays beside the list.
pub const WIDE: u16 = 96;
/// From this height on (of the panel area), the list and the article are stacked.
const STACKED: u16 = 16;

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// The screen, cut up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    pub search: Rect,
    pub status: Rect,
    pub sidebar: Option<Rect>,
    pub list: Option<Rect>,
    pub detail: Option<Rect>,
}

impl Areas {
    /// The panel containing a screen position.
    pub fn panel_at(&self, column: u16, row: u16) -> Option<Panel> {
        let hit = |r: Option<Rect>| r.is_some_and(|r| r.contains((column, row).into()));
        if hit(self.sidebar) {
            Some(Panel::Sidebar)
        } else if hit(self.list) {
            Some(Panel::List)
        } else if hit(self.detail) {
            Some(Panel::Detail)
        } else {
            None
        }
    }

    pub fn rect(&self, panel: Panel) -> Option<Rect> {
        match panel {
            Panel::Sidebar => self.sidebar,
            Panel::List => self.list,
            Panel::Detail => self.detail,
        }
    }

    pub fn shows(&self, panel: Panel) -> bool {
        self.rect(panel).is_some()
    }
}

/// The panel `h` or `l` moves to from `focus` on a screen this size: the panel to the left
/// or right as the screen shows them. The list and the article share a column, so when
/// both are on screen the article's left is the filters, as the list's is; shown alone,
/// the article is one step right of the list. To the right of the list is its article.
pub fn beside(area: Rect, focus: Panel, right: bool) -> Panel {
    let stacked = areas(area, focus).shows(Panel::List);
    if !right && focus == Panel::Detail && stacked {
        return Panel::Sidebar;
    }
    focus.beside(right)
}

/// Inside a panel's border.
pub fn inner(r: Rect) -> Rect {
    r.inner(Margin::new(1, 1))
}

/// Cuts the screen: a search line on top, a status line at the bottom and the panels
/// between. Wide screens show the sidebar beside the list; narrow ones show the sidebar
/// alone when it has the focus. Tall enough, the list sits above the article; otherwise
/// the focused one of them fills the space.
pub fn areas(area: Rect, focus: Panel) -> Areas {
    if too_small(area) {
        return Areas::default();
    }
    let [search, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let mut out = Areas {
        search,
        status,
        ..Areas::default()
    };
    let main = if area.width >= WIDE {
        let side = (area.width * 27 / 100).clamp(28, 38);
        let [sidebar, main] =
            Layout::horizontal([Constraint::Length(side), Constraint::Fill(1)]).areas(body);
        out.sidebar = Some(sidebar);
        main
    } else if focus == Panel::Sidebar {
        out.sidebar = Some(body);
        return out;
    } else {
        body
    };
    if main.height >= STACKED {
        let list_h = (main.height * 2 / 5).max(6);
        let [list, detail] =
            Layout::vertical([Constraint::Length(list_h), Constraint::Fill(1)]).areas(main);
        out.list = Some(list);
        out.detail = Some(detail);
    } else if focus == Panel::Detail {
        out.detail = Some(main);
    } else {
        out.list = Some(main);
    }
    out
}
