//! `chanjiao search QUERY`: ranked by relevance, newest first on ties.

use std::io::{IsTerminal, Write};

use crate::cli::args::SearchArgs;
use crate::cli::{CliError, list, output, select};
use crate::settings::Settings;

pub fn run(settings: &Settings, args: &SearchArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let limit = args.filters.limit.unwrap_or(20);
    let results = select::articles(settings, &args.query, &args.filters, Some(limit))?;
    let colour = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    for hit in &results.hits {
        if args.filters.json {
            output::json_hit(out, hit)?;
        } else {
            output::list_line(out, &hit.article)?;
            writeln!(
                out,
                "    {}",
                output::marked(&hit.snippet, &hit.hit_ranges, colour)
            )?;
        }
    }
    if results.total == 0 {
        output::nothing_matched(
            &args.query,
            list::has_filters(&args.filters),
            output::Instead::of(&results),
        );
    }
    // On stderr, like the other notices: a pipe gets the articles alone.
    if results.total > results.hits.len() {
        let _ = writeln!(
            std::io::stderr(),
            "chanjiao: {} of {} shown; --limit N for more",
            results.hits.len(),
            results.total
        );
    }
    Ok(())
}
