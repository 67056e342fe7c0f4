//! Which articles a command reads, shared by `list`, `search` and `export`: without a query,
//! every article the filters let through, newest first; with one, the search ranking.

use std::io::Write;
use std::sync::Arc;

use crate::article::Article;
use crate::cli::CliError;
use crate::cli::args::{FilterArgs, SortArg};
use crate::cli::list;
use crate::cli::open::{index_error, with_index};
use crate::filter::Filter;
use crate::index::{Index, SearchRequest, SearchResults, Sort, query};
use crate::settings::Settings;
use crate::state::{self, Marks, Store};

/// Resolves the filter flags, opens the index and runs the request; `limit: None` keeps
/// every match.
pub fn articles(
    settings: &Settings,
    query: &[String],
    filters: &FilterArgs,
    limit: Option<usize>,
) -> Result<SearchResults, CliError> {
    resolved(settings, query, filters, limit).map(|r| r.results)
}

/// What [`resolved`] found: the results, the filters as the index took them, and the
/// reader's marks when the filters keep articles by them.
pub struct Resolved {
    pub results: SearchResults,
    pub filter: Filter,
    pub marks: Option<Arc<Marks>>,
}

/// The reader's read and starred marks, when the filter keeps articles by them
/// (`--unread`, `--starred`); `None` otherwise, and the state file is not read.
pub fn marks_for(settings: &Settings, filter: &Filter) -> Result<Option<Arc<Marks>>, CliError> {
    if filter.marks.is_empty() {
        return Ok(None);
    }
    let path = Store::in_data_dir(&settings.data_dir).path();
    let mut state = state::peek(&path).map_err(|e| CliError::Other(anyhow::anyhow!(e)))?;
    Ok(Some(Arc::new(state.take_marks())))
}

/// Rows fetched at once by [`each_article`].
const PAGE: usize = 2000;

/// Hands every article of a request that [`resolved`] answered to `each`, in its order, a
/// page of results at a time: however many there are, one page is held. How many were
/// handed.
pub fn each_article(
    index: &Index,
    query: &[String],
    (filter, marks): (&Filter, Option<&Arc<Marks>>),
    (sort, limit): (Sort, Option<usize>),
    each: &mut dyn FnMut(&Article) -> std::io::Result<()>,
) -> Result<usize, CliError> {
    each_in_pages(index, query, (filter, marks), (sort, limit), PAGE, each)
}

fn each_in_pages(
    index: &Index,
    query: &[String],
    (filter, marks): (&Filter, Option<&Arc<Marks>>),
    (sort, limit): (Sort, Option<usize>),
    page_rows: usize,
    each: &mut dyn FnMut(&Article) -> std::io::Result<()>,
) -> Result<usize, CliError> {
    let want = limit.unwrap_or(usize::MAX);
    let mut done = 0;
    while done < want {
        let request = SearchRequest {
            query: query.join(" "),
            filter: filter.clone(),
            sort,
            limit: page_rows.min(want - done),
            offset: done,
            ..Default::default()
        };
        let page = index.search_marked(&request, marks).map_err(index_error)?;
        for hit in &page.hits {
            each(&hit.article)?;
        }
        done += page.hits.len();
        if page.hits.is_empty() || done >= page.total {
            break;
        }
    }
    Ok(done)
}

/// The order: `--sort`, else relevance with a query and newest first without one.
pub fn order(query: &[String], filters: &FilterArgs) -> Sort {
    match filters.sort {
        Some(SortArg::Relevance) => Sort::Relevance,
        Some(SortArg::Newest) => Sort::Newest,
        Some(SortArg::Oldest) => Sort::Oldest,
        None if query.is_empty() => Sort::Newest,
        None => Sort::Relevance,
    }
}

/// [`articles`], and the filter as the flags resolved it (values given in part taken for
/// the outlets and topics they stand for).
pub fn resolved(
    settings: &Settings,
    query: &[String],
    filters: &FilterArgs,
    limit: Option<usize>,
) -> Result<Resolved, CliError> {
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
    let marks = marks_for(settings, &filter)?;
    let (results, notes, filter) = with_index(settings, |index| {
        let mut filter = filter.clone();
        let notes = index.open_values(&mut filter)?;
        let request = SearchRequest {
            query: query.join(" "),
            filter: filter.clone(),
            sort: order(query, filters),
            limit: limit.unwrap_or_else(|| index.len()),
            ..Default::default()
        };
        Ok((
            index.search_marked(&request, marks.as_ref())?,
            notes,
            filter,
        ))
    })?;
    for n in notes.iter().chain(&results.notes) {
        let _ = writeln!(std::io::stderr(), "chanjiao: {n}");
    }
    Ok(Resolved {
        results,
        filter,
        marks,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::{CorpusSet, OpenOptions};

    #[test]
    fn pages_hand_out_every_article_once_in_the_order_of_one_search() {
        let data = tempfile::tempdir().unwrap();
        let (index, _) = Index::open(
            data.path(),
            &CorpusSet::sample(),
            OpenOptions::default(),
            &mut |_| {},
        )
        .unwrap();
        for (query, limit) in [
            (vec![], None),
            (vec!["职业".to_string()], None),
            (vec![], Some(7)),
        ] {
            let request = SearchRequest {
                query: query.join(" "),
                sort: order(&query, &FilterArgs::default()),
                limit: limit.unwrap_or(1000),
                ..Default::default()
            };
            let whole: Vec<String> = (index.search(&request).unwrap().hits.iter())
                .map(|h| h.article.id.clone())
                .collect();
            let mut paged = Vec::new();
            let sort = order(&query, &FilterArgs::default());
            let each = (sort, limit);
            let n = each_in_pages(
                &index,
                &query,
                (&Filter::default(), None),
                each,
                3,
                &mut |a| {
                    paged.push(a.id.clone());
                    Ok(())
                },
            )
            .unwrap();
            assert!(whole.len() > 3, "{query:?}");
            assert_eq!(n, whole.len());
            assert_eq!(paged, whole, "{query:?} {limit:?}");
        }
    }
}
