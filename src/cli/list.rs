//! `chanjiao list`: articles by the filters, newest first.

use std::io::Write;

use crate::cli::CliError;
use crate::cli::args::FilterArgs;
use crate::cli::{output, select};
use crate::filter::{self, Filter, Known};
use crate::index::{Index, IndexError};
use crate::settings::Settings;
use crate::tagging::sources::outlet;

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
        output::nothing_matched(&[], has_filters(args));
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
        && args.until.is_none())
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
        marks: Vec::new(),
    })
    .and_then(|f| match (f.since, f.until, &args.since, &args.until) {
        (Some(s), Some(u), Some(since), Some(until)) if s > u => Err(CliError::Usage(format!(
            "--since {since} is after --until {until}: no article could match"
        ))),
        _ => Ok(f),
    })
}

/// Outlets and topics are open-ended: a `--source` or `--topic` value that no article has as
/// written is taken for the corpus's values whose names hold it (`--source Xinhua` or `新华`
/// for 新华网 and 新华日报, ORed as repeated values are), or is an error suggesting the
/// closest. Returns a note for each value so taken.
pub fn open_values(index: &Index, filter: &mut Filter) -> Result<Vec<String>, IndexError> {
    if filter.sources.is_empty() && filter.topics.is_empty() {
        return Ok(Vec::new());
    }
    let (_, facets) = index.stats(&Filter::default())?;
    let known = |counts: &[crate::index::FacetCount], with_names: bool| -> Vec<Known> {
        counts
            .iter()
            .map(|c| Known {
                value: c.value.clone(),
                names: outlet(&c.value)
                    .filter(|_| with_names)
                    .map(|o| vec![o.zh.to_string(), o.en.to_string()])
                    .unwrap_or_default(),
            })
            .collect()
    };
    let mut notes = Vec::new();
    let mut resolve = |facet: &'static str,
                       values: &[String],
                       known: &[Known],
                       alone: &dyn Fn(&str) -> Filter|
     -> Result<Vec<String>, IndexError> {
        let mut out = Vec::new();
        for v in values {
            if index.stats(&alone(v))?.0 > 0 {
                out.push(v.clone());
                continue;
            }
            let taken = filter::open_value(facet, v, known)?;
            notes.push(format!("{facet} '{v}' taken as {}", taken.join(" or ")));
            out.extend(taken);
        }
        Ok(out)
    };
    let sources = resolve(
        "source",
        &filter.sources,
        &known(&facets.sources, true),
        &|v| Filter {
            sources: vec![v.to_string()],
            ..Filter::default()
        },
    )?;
    let topics = resolve(
        "topic",
        &filter.topics,
        &known(&facets.topics, false),
        &|v| Filter {
            topics: vec![v.to_string()],
            ..Filter::default()
        },
    )?;
    filter.sources = sources;
    filter.topics = topics;
    Ok(notes)
}
