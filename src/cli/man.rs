//! `chanjiao man`: the manual page in roff, made from the command definitions; with `--dir`,
//! `chanjiao.1` and a page per command (`chanjiao-list.1`, …) written into a folder.

use std::io::Write;
use std::path::Path;

use anyhow::anyhow;
use clap::{Command, CommandFactory};
use clap_mangen::Man;

use crate::cli::CliError;
use crate::cli::args::{Cli, ManArgs};
use crate::index::paths::write_atomic;

/// What the main page says beyond the options: exit codes, environment and files.
const MORE: &str = r#".SH "EXIT STATUS"
.TP
\fB0\fR
Success, also when nothing matches.
.TP
\fB1\fR
Any other error; one line on standard error says what happened and to which file.
.TP
\fB2\fR
A usage error: an unknown flag, province, sector or export format, a bad date or query.
.SH ENVIRONMENT
.TP
\fBCHANJIAO_DATA_DIR\fR
The data directory, as with \fB\-\-data\-dir\fR.
.TP
\fBCHANJIAO_LOG\fR
How much goes to the log file (\fBerror\fR, \fBwarn\fR, \fBinfo\fR, \fBdebug\fR); default \fBinfo\fR.
.TP
\fBNO_COLOR\fR
When set, search hits are marked with \(Fo\(Fc instead of colour.
.SH FILES
.TP
\fIDATA_DIR\fR/corpus/
News files dropped here are read when no corpus is configured or given.
.TP
\fIDATA_DIR\fR/indexes/
The search index, built on first use and kept up to date.
.TP
\fIDATA_DIR\fR/chanjiao.log
The log.
"#;

pub fn run(args: &ManArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    match &args.dir {
        None => out.write_all(&main_page(&cmd)?)?,
        Some(dir) => write_pages(&cmd, dir)?,
    }
    Ok(())
}

/// `chanjiao.1`: the standard sections with exit status, environment and files added.
fn main_page(cmd: &Command) -> std::io::Result<Vec<u8>> {
    let man = Man::new(cmd.clone());
    let mut page = Vec::new();
    man.render_title(&mut page)?;
    man.render_name_section(&mut page)?;
    man.render_synopsis_section(&mut page)?;
    man.render_description_section(&mut page)?;
    man.render_options_section(&mut page)?;
    man.render_subcommands_section(&mut page)?;
    page.extend_from_slice(MORE.as_bytes());
    man.render_version_section(&mut page)?;
    Ok(page)
}

/// Writes `chanjiao.1` and one page per command into `dir`, each file whole or not at all,
/// and says on standard error how many.
fn write_pages(cmd: &Command, dir: &Path) -> Result<(), CliError> {
    let failed = |e: std::io::Error| anyhow!("cannot write man pages to {}: {e}", dir.display());
    std::fs::create_dir_all(dir).map_err(failed)?;
    let mut pages = vec![("chanjiao.1".to_string(), main_page(cmd)?)];
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let man = Man::new(sub.clone());
        let mut page = Vec::new();
        man.render(&mut page)?;
        pages.push((man.get_filename(), page));
    }
    for (name, page) in &pages {
        write_atomic(&dir.join(name), page).map_err(failed)?;
    }
    let _ = writeln!(
        std::io::stderr(),
        "wrote {} man pages to {}",
        pages.len(),
        dir.display()
    );
    Ok(())
}
