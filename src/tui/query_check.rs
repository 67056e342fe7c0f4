//! Mistakes in the search line, found before searching: a query the parser refuses (an
//! unknown province, a date that is not one) or dates that leave no day between them.
//!
//! While such a query is being typed the reader shows the results of its longest beginning
//! that has no mistake, the same results whether the keys came one by one or all at once,
//! and names the mistake in the status line.

use crate::filter::Filter;
use crate::index::query;

/// What is wrong with searching `text` under the sidebar's `filter`, in one line.
pub fn problem(text: &str, filter: &Filter) -> Option<String> {
    let parsed = match query::parse(text) {
        Ok(q) => q,
        Err(e) => return Some(e.to_string()),
    };
    query::no_day_between(&query::merge(filter, &parsed.filter))
}

/// The longest beginning of `text` with no [`problem`] (at worst the empty query; `None`
/// when even that has one, a problem of the sidebar's own filter).
pub fn usable_beginning<'a>(text: &'a str, filter: &Filter) -> Option<&'a str> {
    let ends = text.char_indices().map(|(i, _)| i).rev();
    ends.map(|i| &text[..i])
        .find(|t| problem(t, filter).is_none())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_mistakes_and_the_part_before_them() {
        let f = Filter::default();
        assert!(problem("产教融合 province:山东", &f).is_none());
        assert!(problem("province:xx", &f).is_some_and(|p| p.contains("xx")));
        assert!(problem("after:2025-13", &f).is_some());
        let range = problem("after:2025 before:2024", &f).unwrap_or_default();
        assert!(
            range.contains("2025-01-01") && range.contains("2023-12-31"),
            "{range}"
        );
        assert_eq!(usable_beginning("after:2025-13", &f), Some("after:2025-1"));
        assert_eq!(usable_beginning("sector:xyz", &f), Some("sector:"));
        assert_eq!(
            usable_beginning("after:2025 before:2024", &f),
            Some("after:2025 before:")
        );
        assert_eq!(
            usable_beginning("山东 province:西", &f),
            Some("山东 province:")
        );
    }
}
