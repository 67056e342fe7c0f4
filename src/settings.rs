//! Where things are: the data directory, the configuration file and the corpus to read.

use std::path::{Path, PathBuf};

use anyhow::{Context, anyhow};
use serde::Deserialize;

/// What the corpus of this run is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CorpusChoice {
    /// Folders or files given with `--corpus`, in the configuration, or the drop folder.
    Paths(Vec<PathBuf>),
    /// The sample corpus embedded in the binary.
    Sample,
}

/// The user's configuration file (`config.toml`).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    /// Corpus folders.
    #[serde(default)]
    pub corpus: Vec<PathBuf>,
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
    /// directory's `corpus/` drop folder when it holds files, else the embedded sample.
    pub fn resolve(
        data_dir: Option<PathBuf>,
        corpus: &[PathBuf],
        config: Option<&Path>,
    ) -> anyhow::Result<Settings> {
        let data_dir = match data_dir {
            Some(d) => d,
            None => project_dirs()?.data_dir().to_path_buf(),
        };
        let config_file = match config {
            Some(p) => Some(p.to_path_buf()),
            None => project_dirs()
                .ok()
                .map(|d| d.config_dir().join("config.toml"))
                .filter(|p| p.exists()),
        };
        let config = match &config_file {
            Some(p) => read_config(p)?,
            None => ConfigFile::default(),
        };
        let drop = data_dir.join("corpus");
        let corpus = if !corpus.is_empty() {
            CorpusChoice::Paths(corpus.to_vec())
        } else if !config.corpus.is_empty() {
            CorpusChoice::Paths(config.corpus)
        } else if has_files(&drop) {
            CorpusChoice::Paths(vec![drop])
        } else {
            CorpusChoice::Sample
        };
        Ok(Settings { data_dir, corpus })
    }
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

fn read_config(path: &Path) -> anyhow::Result<ConfigFile> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read the configuration {}", path.display()))?;
    toml::from_str(&text).map_err(|e| {
        let msg = e.message().to_string();
        let line = e
            .span()
            .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
        match line {
            Some(n) => anyhow!("{}:{n}: {msg}", path.display()),
            None => anyhow!("{}: {msg}", path.display()),
        }
    })
}

fn has_files(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_some())
}
