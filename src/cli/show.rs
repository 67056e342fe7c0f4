//! `chanjiao show ID`: one article in full.

use std::io::Write;

use anyhow::anyhow;

use crate::article::Article;
use crate::cli::CliError;
use crate::cli::args::ShowArgs;
use crate::cli::open::with_index;
use crate::cli::output;
use crate::filter::Filter;
use crate::index::{Index, IndexError};
use crate::settings::Settings;

pub fn run(settings: &Settings, args: &ShowArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let wanted = args.id.trim();
    if wanted.is_empty() {
        return Err(CliError::Usage("give an article id".into()));
    }
    // Ids are lower-case hex; one copied from elsewhere may not be.
    let id = wanted.to_lowercase();
    let (article, others) = match with_index(settings, |index| find(index, &id, args.json))? {
        Found::One(article, others) => (article, others),
        Found::None => return Err(anyhow!("no article with id '{wanted}'").into()),
        Found::Ambiguous => {
            return Err(CliError::Usage(format!(
                "id '{wanted}' is ambiguous: more than one article starts with it; give more of it"
            )));
        }
    };
    if args.json {
        output::json_line(out, &article)?;
    } else {
        output::full(out, &article, &others)?;
    }
    Ok(())
}

/// What an id (or the start of one) names.
enum Found {
    /// The article, with the other reports of its story when they are wanted.
    One(Box<Article>, Vec<Article>),
    None,
    Ambiguous,
}

fn find(index: &Index, wanted: &str, json: bool) -> Result<Found, IndexError> {
    let article = match index.get(wanted)? {
        Some(a) => a,
        None => {
            let all = index.list(&Filter::default(), index.len().max(1), 0)?;
            let mut found = all
                .hits
                .into_iter()
                .filter(|h| h.article.id.starts_with(wanted));
            match (found.next(), found.next()) {
                (Some(one), None) => one.article,
                (None, _) => return Ok(Found::None),
                (Some(_), Some(_)) => return Ok(Found::Ambiguous),
            }
        }
    };
    let mut others = Vec::new();
    if !json {
        for d in &article.duplicates {
            others.extend(index.get(d)?);
        }
    }
    Ok(Found::One(Box::new(article), others))
}
