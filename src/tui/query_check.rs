//! Mistakes in the search line, found before searching: a query the parser refuses (an
//! unknown province, a date that is not one) or dates that leave no day between them.
//!
//! While such a query is being typed the reader's worker shows the results of its longest
//! beginning that has no mistake, the same results whether the keys came one by one or all
//! at once, and names the mistake in the status line.

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_mistakes() {
        let f = Filter::default();
        assert!(problem("产教融合 province:山东", &f).is_none());
        assert!(problem("province:xx", &f).is_some_and(|p| p.contains("xx")));
        assert!(problem("after:2025-13", &f).is_some());
        let range = problem("after:2025 before:2024", &f).unwrap_or_default();
        assert!(
            range.contains("2025-01-01") && range.contains("2023-12-31"),
            "{range}"
        );
    }
}
