//! `chanjiao export [QUERY]...`: what `list` or `search` finds, as Markdown, JSON or CSV, on
//! standard output or in a file.

use std::io::{BufWriter, Write};
use std::path::Path;

use anyhow::anyhow;

use crate::cli::args::ExportArgs;
use crate::cli::open::open_quick;
use crate::cli::{CliError, list, output, select};
use crate::export::markdown::Brief;
use crate::export::{Format, Stream};
use crate::index::paths::write_atomic_with;
use crate::settings::Settings;

pub fn run(settings: &Settings, args: &ExportArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let format = format(args)?;
    let select::Resolved {
        results: counted,
        filter,
        marks,
    } = select::resolved(settings, &args.query, &args.filters, Some(0))?;
    let filtered = list::has_filters(&args.filters);
    let instead = output::Instead::of(&counted);
    let path = args.output.as_deref().filter(|p| *p != Path::new("-"));
    if counted.total == 0 {
        match path {
            None => {
                // An empty export still says what it is: `[]`, a CSV header.
                let nothing = |_: &str| None;
                Stream::begin(format, out, &nothing)?.end()?;
                output::nothing_matched(&args.query, filtered, instead);
            }
            // An empty file would pass for an export, or replace a good one.
            Some(path) => {
                let _ = writeln!(
                    std::io::stderr(),
                    "chanjiao: {}; {} was not written",
                    output::nothing_matched_line(&args.query, filtered, instead),
                    path.display()
                );
            }
        }
        return Ok(());
    }
    // The articles are written as they are read, a page of results at a time.
    let index = open_quick(settings)?;
    let brief = |id: &str| index.get(id).ok().flatten().map(|a| Brief::of(&a));
    let write = |out: &mut dyn Write| -> Result<usize, CliError> {
        let mut stream = Stream::begin(format, out, &brief)?;
        let order = (
            select::order(&args.query, &args.filters),
            args.filters.limit,
        );
        let filters = (&filter, marks.as_ref());
        select::each_article(&index, &args.query, filters, order, &mut |a| {
            stream.article(a)
        })?;
        Ok(stream.end()?)
    };
    let Some(path) = path else {
        write(&mut BufWriter::new(out))?;
        return Ok(());
    };
    // A failure leaves the file as it was: the export's own (a search), or the file's.
    let mut own: Option<Result<usize, CliError>> = None;
    let saved = write_atomic_with(path, &mut |file| {
        let done = write(&mut BufWriter::new(file));
        let failed = done
            .as_ref()
            .err()
            .map(|e| std::io::Error::other(e.to_string()));
        own = Some(done);
        failed.map_or(Ok(()), Err)
    });
    let n = match (own, saved) {
        (Some(Err(e)), _) => return Err(e),
        (_, Err(e)) => {
            return Err(anyhow!("cannot write --output {}: {e}", path.display()).into());
        }
        (done, Ok(())) => done.and_then(Result::ok).unwrap_or(0),
    };
    let noun = if n == 1 { "article" } else { "articles" };
    let _ = writeln!(
        std::io::stderr(),
        "exported {n} {noun} as {format} to {}",
        path.display()
    );
    Ok(())
}

/// `--format`, or `--json`, or the `--output` file's extension, or Markdown (a file with no
/// extension, or `.txt`). Another extension (`.pdf`) is a mistake rather than Markdown under
/// a name that says otherwise.
fn format(args: &ExportArgs) -> Result<Format, CliError> {
    let named = match args.format.as_deref() {
        Some(name) => Some(
            name.parse::<Format>()
                .map_err(|e| CliError::Usage(format!("--format: {e}")))?,
        ),
        None => None,
    };
    match (named, args.filters.json) {
        (Some(f), true) if f != Format::Json => Err(CliError::Usage(format!(
            "--json and --format {f} disagree; give one of them"
        ))),
        (Some(f), _) => Ok(f),
        (None, true) => Ok(Format::Json),
        (None, false) => {
            let Some(path) = args.output.as_deref() else {
                return Ok(Format::Markdown);
            };
            match (Format::from_path(path), path.extension()) {
                (Some(f), _) => Ok(f),
                (None, None) => Ok(Format::Markdown),
                (None, Some(ext)) if ext.eq_ignore_ascii_case("txt") => Ok(Format::Markdown),
                (None, Some(ext)) => Err(CliError::Usage(format!(
                    "--output {}: no export format is written as .{}; name the file .md, \
                     .json or .csv, or give --format",
                    path.display(),
                    ext.to_string_lossy()
                ))),
            }
        }
    }
}
