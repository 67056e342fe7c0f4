//! Where things are: the data directory and the corpus to read. The configuration file
//! itself is read by [`crate::config`].

use std::path::{Path, PathBuf};

use anyhow::anyhow;

use crate::config::Config;

/// What the corpus of this run is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CorpusChoice {
    /// Folders or files given with `--corpus`, in the configuration, or the drop folder.
    Paths(Vec<PathBuf>),
    /// The sample corpus embedded in the binary.
    Sample,
}

/// Everything a command needs to know about where things are.
#[derive(Debug, Clone)]
pub struct Settings {
    pub data_dir: PathBuf,
    pub corpus: CorpusChoice,
}

impl Settings {
    /// Resolves the data directory (`--data-dir`, `CHANJIAO_DATA_DIR`, else the platform's),
    /// then the corpus: `--corpus`, else the configuration's folders, else the data
    /// directory's `corpus/` drop folder when it holds files, else the embedded sample —
    /// unless the configuration turns the sample off, which is a [`NoCorpus`] error.
    pub fn resolve(
        data_dir: Option<PathBuf>,
        corpus: &[PathBuf],
        config: &Config,
    ) -> anyhow::Result<Settings> {
        // An empty variable is taken as unset, as shells leave it after `VAR= cmd`.
        let from_env = || {
            std::env::var_os(crate::index::paths::DATA_DIR_ENV)
                .filter(|d| !d.is_empty())
                .map(PathBuf::from)
        };
        let data_dir = match data_dir.or_else(from_env) {
            Some(d) => d,
            None => project_dirs()?.data_dir().to_path_buf(),
        };
        let drop = data_dir.join("corpus");
        let corpus = if !corpus.is_empty() {
            CorpusChoice::Paths(corpus.to_vec())
        } else if !config.corpus.is_empty() {
            CorpusChoice::Paths(config.corpus.clone())
        } else if has_files(&drop) {
            CorpusChoice::Paths(vec![drop])
        } else if config.sample {
            CorpusChoice::Sample
        } else {
            return Err(NoCorpus { drop }.into());
        };
        Ok(Settings { data_dir, corpus })
    }
}

/// No corpus is configured and the sample corpus is turned off.
#[derive(Debug, thiserror::Error)]
#[error(
    "no corpus to read: pass --corpus DIR, list folders in `corpus = [...]` in the \
     configuration (`chanjiao config --path` shows where it is), or put files in {}; \
     `sample = true` reads the built-in sample instead",
    drop.display()
)]
pub struct NoCorpus {
    /// The data directory's drop folder.
    pub drop: PathBuf,
}

impl Settings {
    /// The index's corpus set for this run's corpus.
    pub fn corpus_set(&self) -> crate::index::CorpusSet {
        match &self.corpus {
            CorpusChoice::Paths(p) => crate::index::CorpusSet::paths(p),
            CorpusChoice::Sample => crate::index::CorpusSet::sample(),
        }
    }
}

fn project_dirs() -> anyhow::Result<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "chanjiao")
        .ok_or_else(|| anyhow!("cannot find a home directory: pass --data-dir DIR"))
}

fn has_files(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_some())
}
