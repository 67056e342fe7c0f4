//! `chanjiao show ID`: one article in full.

use std::io::Write;

use anyhow::anyhow;

use crate::cli::CliError;
use crate::cli::args::ShowArgs;
use crate::cli::output;
use crate::settings::Settings;

pub fn run(settings: &Settings, args: &ShowArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let articles = settings.load_corpus();
    let wanted = args.id.trim();
    let found: Vec<_> = articles
        .iter()
        .filter(|a| a.id.starts_with(wanted))
        .collect();
    let article = match found.as_slice() {
        [one] => *one,
        [] => return Err(anyhow!("no article with id '{wanted}'").into()),
        many => {
            return Err(CliError::Usage(format!(
                "id '{wanted}' is ambiguous: it starts {} articles; give more of it",
                many.len()
            )));
        }
    };
    if args.json {
        output::json_line(out, article)?;
    } else {
        output::full(out, article, &articles)?;
    }
    Ok(())
}
