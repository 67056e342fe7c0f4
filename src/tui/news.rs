//! What an open of the index has to tell the reader, and how the status line says it: the
//! open's notices (an index found damaged and rebuilt, another process updating it) and,
//! when articles were already on screen, what changed under them. A refresh that finds the
//! index moved on by another chanjiao process says so, and one that has nothing to say
//! takes away what the last one said, which no longer holds.

use super::action::{Changes, News};
use super::app::{App, Load};
use super::strings;

/// What the reader showed before an open: its article count and skipped files.
pub struct Before {
    pub articles: usize,
    pub skipped: Vec<String>,
}

impl Before {
    pub fn of(app: &App) -> Option<Before> {
        match &app.load {
            Load::Ready {
                articles, skipped, ..
            } => Some(Before {
                articles: *articles,
                skipped: skipped.clone(),
            }),
            _ => None,
        }
    }
}

/// `1 article`, `2 articles`.
pub fn articles(n: usize) -> String {
    let noun = if n == 1 {
        strings::ARTICLE
    } else {
        strings::ARTICLES
    };
    format!("{n} {noun}")
}

/// The status line's words for an open that now shows `articles`; `before` is what was on
/// screen (none at launch, when what the first open changed is not news).
pub fn line(news: &News, before: Option<&Before>, articles: usize) -> Option<String> {
    let mut parts = news.notices.clone();
    if let Some(before) = before {
        // A rebuild that a notice explains (damage) is not a change of the corpus.
        let explained = |c: &&Changes| c.rebuilt && !news.notices.is_empty();
        if let Some(changes) = news
            .changes
            .as_ref()
            .filter(|c| !explained(c))
            .and_then(|c| describe(c, articles, &before.skipped))
        {
            parts.push(format!("{}: {changes}", strings::CORPUS_UPDATED));
        } else if news.notices.is_empty() && before.articles != articles {
            // This open changed nothing, yet the count moved: another process did it.
            parts.push(format!(
                "{}: {}",
                strings::UPDATED_ELSEWHERE,
                self::articles(articles)
            ));
        } else if news.asked && news.notices.is_empty() {
            parts.push(strings::CORPUS_UNCHANGED.to_string());
        }
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// Puts an open's news in the status line, or takes away the last open's words when this
/// one has none. Call before `app.load` takes the new count.
pub fn show(app: &mut App, news: &News, articles: usize) {
    let before = Before::of(app);
    match line(news, before.as_ref(), articles) {
        Some(text) => {
            app.reading.notice = Some(text);
            app.notice_is_news = true;
        }
        None if app.notice_is_news => {
            app.reading.notice = None;
            app.notice_is_news = false;
        }
        None => {}
    }
}

/// What an open changed, in a few words (`1 file added, 2 removed`); `None` when nothing.
/// Files removed that gave no article (`skipped` before the open) are told apart: no
/// article went with them.
pub fn describe(c: &Changes, articles: usize, skipped: &[String]) -> Option<String> {
    if c.rebuilt {
        return Some(format!("rebuilt, {}", self::articles(articles)));
    }
    let (gave_nothing, removed): (Vec<&String>, Vec<&String>) =
        c.removed.iter().partition(|f| skipped.contains(f));
    // `1 file added, 2 removed`: the noun goes with the first count.
    let mut parts: Vec<String> = [
        (c.added, "added"),
        (c.changed, "changed"),
        (removed.len(), "removed"),
        (c.newly_skipped.len(), "skipped"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .enumerate()
    .map(|(i, (n, what))| match (i, n) {
        (0, 1) => format!("1 file {what}"),
        (0, n) => format!("{n} files {what}"),
        (_, n) => format!("{n} {what}"),
    })
    .collect();
    // Their own noun wherever they come: `1 file added, 2 skipped files removed`.
    match gave_nothing.len() {
        0 => {}
        1 => parts.push("1 skipped file removed".into()),
        n => parts.push(format!("{n} skipped files removed")),
    }
    // A file that gave no article is named, as at launch (chanjiao.log says why).
    let named = c.newly_skipped.first().map(|f| {
        let name = std::path::Path::new(f)
            .file_name()
            .map_or_else(|| f.clone(), |n| n.to_string_lossy().into_owned());
        match c.newly_skipped.len() {
            1 => format!(" ({name})"),
            n => format!(" ({name} +{} more)", n - 1),
        }
    });
    (!parts.is_empty()).then(|| parts.join(", ") + named.as_deref().unwrap_or(""))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn before(articles: usize, skipped: &[&str]) -> Before {
        Before {
            articles,
            skipped: skipped.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn changes(added: usize, removed: &[&str], newly_skipped: &[&str]) -> Changes {
        Changes {
            rebuilt: false,
            added,
            changed: 0,
            removed: removed.iter().map(|s| s.to_string()).collect(),
            newly_skipped: newly_skipped.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn describe_names_the_counts_that_are_not_zero() {
        let none: &[String] = &[];
        assert_eq!(describe(&changes(0, &[], &[]), 5, none), None);
        assert_eq!(
            describe(&changes(1, &["b", "c"], &[]), 5, none).as_deref(),
            Some("1 file added, 2 removed")
        );
        assert_eq!(
            describe(&changes(0, &["b", "c"], &[]), 5, none).as_deref(),
            Some("2 files removed")
        );
        assert_eq!(
            describe(&changes(0, &["b", "c"], &["dir/empty.txt"]), 5, none).as_deref(),
            Some("2 files removed, 1 skipped (empty.txt)")
        );
    }

    #[test]
    fn a_rebuild_counts_its_articles_in_the_singular_too() {
        let rebuilt = Changes {
            rebuilt: true,
            ..Changes::default()
        };
        assert_eq!(
            describe(&rebuilt, 1, &[]).as_deref(),
            Some("rebuilt, 1 article")
        );
        assert_eq!(
            describe(&rebuilt, 2, &[]).as_deref(),
            Some("rebuilt, 2 articles")
        );
    }

    #[test]
    fn removed_files_that_gave_no_article_are_told_apart() {
        let skipped = ["c/binary.txt".to_string(), "c/empty.txt".to_string()];
        assert_eq!(
            describe(
                &changes(0, &["c/binary.txt", "c/empty.txt"], &[]),
                5,
                &skipped
            )
            .as_deref(),
            Some("2 skipped files removed")
        );
        assert_eq!(
            describe(&changes(1, &["c/a.txt", "c/empty.txt"], &[]), 5, &skipped).as_deref(),
            Some("1 file added, 1 removed, 1 skipped file removed")
        );
    }

    #[test]
    fn notices_are_said_at_launch_changes_only_later() {
        let news = News {
            notices: vec!["the index was damaged; rebuilt it".into()],
            changes: Some(changes(3, &[], &[])),
            ..News::default()
        };
        assert_eq!(
            line(&news, None, 3).as_deref(),
            Some("the index was damaged; rebuilt it")
        );
        assert_eq!(
            line(&news, Some(&before(0, &[])), 3).as_deref(),
            Some("the index was damaged; rebuilt it · corpus updated: 3 files added")
        );
        assert_eq!(line(&News::default(), None, 3), None);
        // The rebuild the damage called for is not news of the corpus.
        let rebuilt = News {
            changes: Some(Changes {
                rebuilt: true,
                ..Changes::default()
            }),
            ..news
        };
        assert_eq!(
            line(&rebuilt, Some(&before(3, &[])), 3).as_deref(),
            Some("the index was damaged; rebuilt it")
        );
    }

    #[test]
    fn a_count_moved_by_another_process_is_said_so() {
        let quiet = News::default();
        assert_eq!(line(&quiet, Some(&before(4, &[])), 4), None);
        assert_eq!(
            line(&quiet, Some(&before(4, &[])), 3).as_deref(),
            Some("index updated by another chanjiao process: 3 articles")
        );
        let asked = News {
            asked: true,
            ..News::default()
        };
        assert_eq!(
            line(&asked, Some(&before(4, &[])), 4).as_deref(),
            Some("corpus checked: nothing changed")
        );
    }

    #[test]
    fn a_refresh_with_nothing_to_say_takes_the_last_news_away() {
        let mut app = App::new();
        app.load = Load::Ready {
            articles: 4,
            skipped: Vec::new(),
            missing: Vec::new(),
        };
        let added = News {
            changes: Some(changes(1, &[], &[])),
            ..News::default()
        };
        show(&mut app, &added, 5);
        assert_eq!(
            app.reading.notice.as_deref(),
            Some("corpus updated: 1 file added")
        );
        app.load = Load::Ready {
            articles: 5,
            skipped: Vec::new(),
            missing: Vec::new(),
        };
        show(&mut app, &News::default(), 4);
        assert_eq!(
            app.reading.notice.as_deref(),
            Some("index updated by another chanjiao process: 4 articles")
        );
        app.load = Load::Ready {
            articles: 4,
            skipped: Vec::new(),
            missing: Vec::new(),
        };
        show(&mut app, &News::default(), 4);
        assert_eq!(app.reading.notice, None);
        // A notice that is not news stays.
        app.reading.notice = Some("wrote x.md".into());
        app.notice_is_news = false;
        show(&mut app, &News::default(), 4);
        assert_eq!(app.reading.notice.as_deref(), Some("wrote x.md"));
    }
}
