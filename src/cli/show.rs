//! `chanjiao show ID`: one article in full.

use std::io::Write;

use anyhow::anyhow;

use crate::article::Article;
use crate::cli::CliError;
use crate::cli::args::ShowArgs;
use crate::cli::open::{index_error, open_quick};
use crate::cli::output;
use crate::filter::Filter;
use crate::index::Index;
use crate::settings::Settings;

pub fn run(settings: &Settings, args: &ShowArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let index = open_quick(settings)?;
    let wanted = args.id.trim();
    let article = match index.get(wanted).map_err(index_error)? {
        Some(a) => a,
        None => by_prefix(&index, wanted)?,
    };
    if args.json {
        output::json_line(out, &article)?;
    } else {
        let others: Vec<Article> = article
            .duplicates
            .iter()
            .filter_map(|d| index.get(d).ok().flatten())
            .collect();
        output::full(out, &article, &others)?;
    }
    Ok(())
}

/// The one article whose id starts with `prefix`.
fn by_prefix(index: &Index, prefix: &str) -> Result<Article, CliError> {
    if prefix.is_empty() {
        return Err(CliError::Usage("give an article id".into()));
    }
    let all = index
        .list(&Filter::default(), index.len().max(1), 0)
        .map_err(index_error)?;
    let mut found = all
        .hits
        .into_iter()
        .filter(|h| h.article.id.starts_with(prefix));
    match (found.next(), found.next()) {
        (Some(one), None) => Ok(one.article),
        (None, _) => Err(anyhow!("no article with id '{prefix}'").into()),
        (Some(_), Some(_)) => Err(CliError::Usage(format!(
            "id '{prefix}' is ambiguous: more than one article starts with it; give more of it"
        ))),
    }
}
