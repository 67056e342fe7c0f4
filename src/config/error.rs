//! Problems in a configuration file, each with its line.

use std::fmt;
use std::path::PathBuf;

/// One thing wrong in a configuration file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based; None when the problem is the whole file.
    pub line: Option<usize>,
    pub message: String,
}

impl Problem {
    pub fn at(line: Option<usize>, message: impl Into<String>) -> Problem {
        Problem {
            line,
            message: message.into(),
        }
    }
}

/// A configuration file that cannot be used, and why: one `FILE:LINE: message` per line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    pub problems: Vec<Problem>,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            match p.line {
                Some(n) => write!(f, "{}:{n}: {}", self.path.display(), p.message)?,
                None => write!(f, "{}: {}", self.path.display(), p.message)?,
            }
        }
        Ok(())
    }
}

impl std::error::Error for ConfigError {}
