//! `chanjiao config`: the documented default, where the file is, a check, a first file.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, anyhow};

use super::CliError;
use super::args::ConfigArgs;
use crate::config;

pub fn run(
    args: &ConfigArgs,
    explicit: Option<&Path>,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    if args.default {
        out.write_all(config::default_text().as_bytes())?;
        return Ok(());
    }
    let path = config_path(explicit)?;
    if args.path {
        writeln!(out, "{}", path.display())?;
        if !path.exists() {
            eprintln!(
                "(no file there yet: the built-in defaults apply; `chanjiao config --init` writes one)"
            );
        }
    } else if args.check {
        let loaded = config::load(explicit)?;
        match &loaded.file {
            Some(p) => writeln!(out, "{}: OK", p.display())?,
            None => writeln!(
                out,
                "no configuration at {}: the built-in defaults apply",
                path.display()
            )?,
        }
        for note in notes(&loaded.config) {
            eprintln!("note: {note}");
        }
    } else if args.init {
        init(&path)?;
        writeln!(out, "wrote the default configuration to {}", path.display())?;
    }
    Ok(())
}

fn config_path(explicit: Option<&Path>) -> Result<PathBuf, CliError> {
    config::path(explicit)
        .ok_or_else(|| CliError::Other(anyhow!("cannot find a home directory: pass --config FILE")))
}

/// Writes the default configuration to a new file.
fn init(path: &Path) -> Result<(), CliError> {
    if path.exists() {
        return Err(CliError::Usage(format!(
            "{} exists already; `chanjiao config --default` prints the default to compare",
            path.display()
        )));
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    std::fs::write(path, config::default_text())
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

/// What a valid configuration may still not do as meant: corpus folders that are not
/// there (they are skipped), or nothing to read at all.
fn notes(c: &config::Config) -> Vec<String> {
    let mut out: Vec<String> = c
        .corpus
        .iter()
        .filter(|p| !p.exists())
        .map(|p| {
            format!(
                "the corpus folder {} does not exist; it will be skipped",
                p.display()
            )
        })
        .collect();
    if c.corpus.is_empty() && !c.sample {
        out.push(
            "no corpus is configured and the sample is off: only --corpus DIR or the data \
             directory's corpus folder will give the reader something to read"
                .into(),
        );
    }
    out
}
