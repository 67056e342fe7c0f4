//! `chanjiao list`: articles by the filters, newest first.

use std::io::Write;

use crate::cli::CliError;
use crate::cli::args::FilterArgs;
use crate::cli::{output, select};
use crate::filter::{self, Filter, Mark};
use crate::settings::Settings;

pub fn run(settings: &Settings, args: &FilterArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let results = select::articles(settings, &[], args, args.limit)?;
    for hit in &results.hits {
        if args.json {
            output::json_line(out, &hit.article)?;
        } else {
            output::list_line(out, &hit.article)?;
        }
    }
    if results.total == 0 {
        output::nothing_matched(&[], has_filters(args), output::Instead::default());
    }
    Ok(())
}

/// Whether any flag narrows the articles (`--limit` and `--json` do not).
pub fn has_filters(args: &FilterArgs) -> bool {
    !(args.province.is_empty()
        && args.sector.is_empty()
        && args.source.is_empty()
        && args.topic.is_empty()
        && args.since.is_none()
        && args.until.is_none()
        && !args.unread
        && !args.starred)
}

/// Turns the filter flags into a [`Filter`], or a usage error naming the bad value.
pub fn resolve(args: &FilterArgs) -> Result<Filter, CliError> {
    Ok(Filter {
        provinces: args
            .province
            .iter()
            .map(|p| filter::province(p))
            .collect::<Result<_, _>>()?,
        sectors: args
            .sector
            .iter()
            .map(|s| filter::sector(s))
            .collect::<Result<_, _>>()?,
        sources: args.source.clone(),
        topics: args.topic.clone(),
        since: args
            .since
            .as_deref()
            .map(|d| filter::date(d, false))
            .transpose()?,
        until: args
            .until
            .as_deref()
            .map(|d| filter::date(d, true))
            .transpose()?,
        marks: [(args.unread, Mark::Unread), (args.starred, Mark::Starred)]
            .into_iter()
            .filter_map(|(on, mark)| on.then_some(mark))
            .collect(),
    })
    .and_then(|f| match (f.since, f.until, &args.since, &args.until) {
        (Some(s), Some(u), Some(since), Some(until)) if s > u => Err(CliError::Usage(format!(
            "--since {since} is after --until {until}: no article could match"
        ))),
        _ => Ok(f),
    })
}
