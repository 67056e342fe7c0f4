//! An article as plain text, for the pager and the clipboard.

use crate::article::Article;

use super::backend::{NoHits, Row};
use super::draw::detail;
use super::theme::Theme;

/// The article as the detail pane lays it out (title, meta line, tags, body, other
/// reports), `width` columns wide, without colours: what the pager shows.
pub fn laid_out(article: &Article, also: &[Row], width: u16) -> String {
    let view = detail::render(article, &NoHits, also, width.max(20), &Theme::plain());
    let mut out = String::new();
    for line in &view.lines {
        let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        out.push_str(text.trim_end());
        out.push('\n');
    }
    out
}

/// The article for pasting elsewhere: title, the meta line (date, outlet, author, place)
/// and the body, unwrapped.
pub fn for_clipboard(a: &Article) -> String {
    let mut meta: Vec<String> = a.published_label().into_iter().collect();
    let names = a.outlet_names();
    if !names.is_empty() {
        meta.push(names.join(" "));
    }
    meta.extend(a.author.iter().cloned());
    meta.extend(a.place.iter().cloned());
    let mut out = format!("{}\n", a.title.trim());
    if !meta.is_empty() {
        out.push_str(&meta.join(" · "));
        out.push('\n');
    }
    out.push('\n');
    out.push_str(a.body.trim_end());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article() -> Article {
        Article {
            title: "职业院校 title".into(),
            source: Some("Ren Min Ri Bao".into()),
            source_zh: Some("人民日报".into()),
            body: "First line.\n- a bullet".into(),
            file: "/secret/path.txt".into(),
            ..Article::default()
        }
    }

    #[test]
    fn clipboard_text_has_title_meta_and_body_but_no_file() {
        let t = for_clipboard(&article());
        assert_eq!(
            t,
            "职业院校 title\n人民日报 Ren Min Ri Bao\n\nFirst line.\n- a bullet\n"
        );
    }

    #[test]
    fn pager_text_is_the_detail_layout_in_plain_text() {
        let t = laid_out(&article(), &[], 40);
        assert!(t.starts_with("职业院校 title\n"), "{t}");
        assert!(t.contains("First line."), "{t}");
        assert!(t.lines().all(|l| crate::tui::text::width(l) <= 40));
        assert!(!t.contains('\x1b'));
    }
}
