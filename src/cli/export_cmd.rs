//! `chanjiao export [QUERY]...`: what `list` or `search` finds, as Markdown, JSON or CSV, on
//! standard output or in a file.

use std::io::{BufWriter, Write};
use std::path::Path;

use anyhow::anyhow;

use crate::article::Article;
use crate::cli::args::ExportArgs;
use crate::cli::{CliError, list, output, select};
use crate::export::{self, Format};
use crate::index::paths::write_atomic;
use crate::settings::Settings;

pub fn run(settings: &Settings, args: &ExportArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let format = format(args)?;
    let results = select::articles(settings, &args.query, &args.filters, args.filters.limit)?;
    let articles: Vec<Article> = results.hits.into_iter().map(|h| h.article).collect();
    let none = results.total == 0;
    let filtered = list::has_filters(&args.filters);
    match args.output.as_deref().filter(|p| *p != Path::new("-")) {
        None => {
            let mut out = BufWriter::new(out);
            export::write(format, &articles, &mut out)?;
            out.flush()?;
            if none {
                output::nothing_matched(&args.query, filtered, results.suggestion.as_ref());
            }
        }
        Some(path) if none => {
            // An empty file would pass for an export, or replace a good one.
            let _ = writeln!(
                std::io::stderr(),
                "chanjiao: {}; {} was not written",
                output::nothing_matched_line(&args.query, filtered, results.suggestion.as_ref()),
                path.display()
            );
        }
        Some(path) => {
            let mut bytes = Vec::new();
            export::write(format, &articles, &mut bytes)?;
            write_atomic(path, &bytes)
                .map_err(|e| anyhow!("cannot write --output {}: {e}", path.display()))?;
            let n = articles.len();
            let noun = if n == 1 { "article" } else { "articles" };
            let _ = writeln!(
                std::io::stderr(),
                "exported {n} {noun} as {format} to {}",
                path.display()
            );
        }
    }
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
