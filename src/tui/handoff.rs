//! Handing articles to other programs: the pager (`o`) and the clipboard (`y`), which the
//! interface thread carries out since they need the terminal, and a Markdown file (`e`),
//! which the worker writes.

use std::sync::Arc;

use crate::article::Article;

use super::app::App;
use super::article_text;
use super::backend::Request;
use super::clipboard;
use super::effect::Effect;
use super::export_view::ExportWhat;
use super::layout::Panel;
use super::strings;

/// Widest text the pager gets: longer lines are hard to read.
const PAGER_WIDTH: u16 = 100;

/// The article under the cursor: the one in the detail pane when it has the focus or shows
/// the list's selection. Else a message saying why there is none.
pub fn article_under_cursor(app: &App) -> Result<Arc<Article>, &'static str> {
    let Some(a) = &app.detail.article else {
        return Err(app.why_no_selection());
    };
    let shows_selection = app.selected_row().is_some_and(|r| r.id == a.id);
    if app.focus == Panel::Detail || shows_selection {
        Ok(Arc::clone(a))
    } else {
        Err(strings::STILL_LOADING)
    }
}

/// `o`: the article, laid out as in the detail pane, for the pager.
pub fn pager(app: &mut App) -> Vec<Effect> {
    match article_under_cursor(app) {
        Ok(a) => {
            let width = app.width.clamp(20, PAGER_WIDTH);
            vec![Effect::Pager {
                text: article_text::laid_out(&a, &app.detail.also, width),
            }]
        }
        Err(why) => {
            app.reading.notice = Some(why.to_string());
            Vec::new()
        }
    }
}

/// `y`: the article's text on the clipboard, and a word on the status line.
pub fn copy(app: &mut App) -> Vec<Effect> {
    let a = match article_under_cursor(app) {
        Ok(a) => a,
        Err(why) => {
            app.reading.notice = Some(why.to_string());
            return Vec::new();
        }
    };
    let text = article_text::for_clipboard(&a);
    let c = clipboard::osc52(&text);
    app.reading.notice = Some(if c.truncated {
        format!(
            "{} ({} of {} kB: terminals refuse more)",
            strings::COPIED_PART,
            c.copied / 1000,
            text.len().div_ceil(1000)
        )
    } else {
        strings::COPIED.to_string()
    });
    vec![Effect::Clipboard {
        sequence: c.sequence,
    }]
}

/// `e`: the article when the detail pane has the focus, else every article of the view.
pub fn export(app: &mut App) -> Vec<Effect> {
    let what = if app.focus == Panel::Detail && !app.stats.open {
        match article_under_cursor(app) {
            Ok(a) => ExportWhat::Article(a),
            Err(why) => {
                app.reading.notice = Some(why.to_string());
                return Vec::new();
            }
        }
    } else {
        ExportWhat::View(Box::new(Request {
            limit: app.results.total,
            ..app.whole_list()
        }))
    };
    app.reading.notice = Some(strings::EXPORTING.to_string());
    vec![Effect::Export {
        what,
        dirs: app.export_dirs.clone(),
    }]
}
