//! `chanjiao show ID`: one article in full.

use std::io::Write;

use anyhow::anyhow;

use crate::article::Article;
use crate::cli::CliError;
use crate::cli::args::ShowArgs;
use crate::cli::open::with_index;
use crate::cli::output;
use crate::index::{Index, IndexError};
use crate::settings::Settings;

pub fn run(settings: &Settings, args: &ShowArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let wanted = args.id.trim();
    if wanted.is_empty() {
        return Err(CliError::Usage("give an article id".into()));
    }
    // Ids are lower-case hex; one copied from elsewhere may not be.
    let id = wanted.to_lowercase();
    let (article, others, copies) = match with_index(settings, |index| find(index, &id, args.json))?
    {
        Found::One {
            article,
            others,
            copies,
        } => (article, others, copies),
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
        for file in &copies {
            writeln!(out, "the same text is also in: {file}")?;
        }
    }
    Ok(())
}

/// What an id (or the start of one) names.
enum Found {
    /// The article, with the other reports of its story when they are wanted, and the other
    /// files that hold the same text (and so have its id).
    One {
        article: Box<Article>,
        others: Vec<Article>,
        copies: Vec<String>,
    },
    None,
    /// The start of the ids of more than one article.
    Ambiguous,
}

fn find(index: &Index, wanted: &str, json: bool) -> Result<Found, IndexError> {
    let article = match index.get(wanted)? {
        Some(a) => a,
        None => match index.ids_starting(wanted, 2)?.as_slice() {
            // The start of an id.
            [id] => match index.get(id)? {
                Some(a) => a,
                None => return Ok(Found::None),
            },
            [] => return Ok(Found::None),
            _ => return Ok(Found::Ambiguous),
        },
    };
    let mut others = Vec::new();
    if !json {
        for d in &article.duplicates {
            others.extend(index.get(d)?);
        }
    }
    let copies = article.also_in.clone();
    Ok(Found::One {
        article: Box::new(article),
        others,
        copies,
    })
}
