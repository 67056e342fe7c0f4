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
    let path = where_(explicit)?;
    if args.path {
        writeln!(out, "{}", path.display())?;
        if !path.exists() {
            eprintln!(
                "(no file there yet: the built-in defaults apply; `chanjiao config --init` writes one)"
            );
        }
    } else if args.check {
        match config::load(explicit)?.file {
            Some(p) => writeln!(out, "{}: OK", p.display())?,
            None => writeln!(
                out,
                "no configuration at {}: the built-in defaults apply",
                path.display()
            )?,
        }
    } else if args.init {
        init(&path)?;
        writeln!(out, "wrote the default configuration to {}", path.display())?;
    }
    Ok(())
}

fn where_(explicit: Option<&Path>) -> Result<PathBuf, CliError> {
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
