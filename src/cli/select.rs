//! Which articles a command reads, shared by `list`, `search` and `export`: without a query,
//! every article the filters let through, newest first; with one, the search ranking.

use std::io::Write;

use crate::cli::CliError;
use crate::cli::args::FilterArgs;
use crate::cli::list;
use crate::cli::open::with_index;
use crate::index::{SearchRequest, SearchResults, Sort, query};
use crate::settings::Settings;

/// Resolves the filter flags, opens the index and runs the request; `limit: None` keeps
/// every match.
pub fn articles(
    settings: &Settings,
    query: &[String],
    filters: &FilterArgs,
    limit: Option<usize>,
) -> Result<SearchResults, CliError> {
    let filter = list::resolve(filters)?;
    if let Some(field) = query::fields_without_value(&query.join(" ")).first() {
        return Err(CliError::Usage(format!(
            "'{field}' has no value: write it with one (province:山东, after:2025-06) or \
             leave it out"
        )));
    }
    // Dates in the query that exclude each other, or exclude the flags' dates, are a
    // mistake as `--since` after `--until` is. Other mistakes in the query are the search's.
    if let Ok(parsed) = query::parse(&query.join(" "))
        && let Some(problem) = query::no_day_between(&query::merge(&filter, &parsed.filter))
    {
        return Err(CliError::Usage(problem));
    }
    let (results, notes) = with_index(settings, |index| {
        let mut filter = filter.clone();
        let notes = index.open_values(&mut filter)?;
        let request = SearchRequest {
            query: query.join(" "),
            filter,
            sort: if query.is_empty() {
                Sort::Newest
            } else {
                Sort::Relevance
            },
            limit: limit.unwrap_or_else(|| index.len()),
            ..Default::default()
        };
        Ok((index.search(&request)?, notes))
    })?;
    for n in notes.iter().chain(&results.notes) {
        let _ = writeln!(std::io::stderr(), "chanjiao: {n}");
    }
    Ok(results)
}
