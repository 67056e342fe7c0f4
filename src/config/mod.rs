//! The configuration file (`config.toml` in the platform config directory, or `--config
//! FILE`): corpus folders, the sample corpus on or off, the reader's first order, theme and
//! colours, and key bindings. Its documented default is `assets/config.default.toml` with
//! a `[keys]` section written from the key map, so every action is listed.
//!
//! A bad file is an error naming the file and line of each problem; nothing is ignored.

mod colors;
mod default_text;
mod error;
mod file;
mod keys;

use std::path::{Path, PathBuf};

use ratatui::style::Color;

use crate::tui::backend::Sort;
use crate::tui::bindings::KeyMap;
use crate::tui::theme::{ColorEnv, Theme, ThemeName};

pub use default_text::default_text;
pub use error::{ConfigError, Problem};

/// Everything the configuration decides, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Corpus folders or files (`~` expanded, relative paths made absolute).
    pub corpus: Vec<PathBuf>,
    /// Read the embedded sample when no corpus is configured.
    pub sample: bool,
    /// The reader's order when it opens.
    pub sort: Sort,
    pub theme: ThemeName,
    /// Colour roles changed from the theme's (role name, colour).
    pub colors: Vec<(String, Color)>,
    pub keys: KeyMap,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            corpus: Vec::new(),
            sample: true,
            sort: Sort::Relevance,
            theme: ThemeName::Auto,
            colors: Vec::new(),
            keys: KeyMap::default(),
        }
    }
}

impl Config {
    /// Reads a configuration's text. `base` is the folder relative corpus paths start from.
    pub fn parse(text: &str, base: &Path) -> Result<Config, Vec<Problem>> {
        file::parse(text, base)
    }

    /// The reader's theme under this configuration in an environment (`NO_COLOR`).
    pub fn theme(&self, env: &ColorEnv) -> Theme {
        Theme::resolve(self.theme, &self.colors, env)
    }
}

/// Where the configuration is looked for: `--config FILE`, else `config.toml` in the
/// platform config directory (None when there is no home directory).
pub fn path(explicit: Option<&Path>) -> Option<PathBuf> {
    match explicit {
        Some(p) => Some(p.to_path_buf()),
        None => directories::ProjectDirs::from("", "", "chanjiao")
            .map(|d| d.config_dir().join("config.toml")),
    }
}

/// A configuration and the file it came from.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub config: Config,
    /// The file read; None when there is none and the defaults apply.
    pub file: Option<PathBuf>,
}

/// Reads the configuration: `--config FILE` must exist; the platform's file is optional.
pub fn load(explicit: Option<&Path>) -> Result<Loaded, ConfigError> {
    let Some(p) = path(explicit) else {
        return Ok(Loaded {
            config: Config::default(),
            file: None,
        });
    };
    if explicit.is_none() && !p.exists() {
        return Ok(Loaded {
            config: Config::default(),
            file: None,
        });
    }
    let config = read(&p)?;
    Ok(Loaded {
        config,
        file: Some(p),
    })
}

/// Reads and checks one configuration file.
pub fn read(path: &Path) -> Result<Config, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
        path: path.to_path_buf(),
        problems: vec![Problem {
            line: None,
            message: format!("cannot read the configuration: {e}"),
        }],
    })?;
    let base = path.parent().unwrap_or(Path::new("."));
    Config::parse(&text, base).map_err(|problems| ConfigError {
        path: path.to_path_buf(),
        problems,
    })
}
