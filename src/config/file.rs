//! The file's layout (serde), and its checks: values that serde cannot judge (key names,
//! colours, conflicts) are checked here, and every problem found is reported with its line.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::tui::backend::Sort;
use crate::tui::theme::ThemeName;

use super::Config;
use super::colors::{check_role, parse_color};
use super::error::Problem;
use super::keys;

/// The settings a file may hold, in the order the message about an unknown one lists them.
const SETTINGS: &[&str] = &["corpus", "sample", "sort", "theme", "colors", "keys"];

/// Unknown settings are found by [`unknown_settings`], each with its line, rather than by
/// serde, which stops at the first; values are read as they stand and their types checked
/// one by one ([`typed`]), so that every value of a wrong type is reported too.
#[derive(Debug, Default, Deserialize)]
struct RawConfig {
    corpus: Option<Spanned<toml::Value>>,
    sample: Option<Spanned<toml::Value>>,
    sort: Option<Spanned<toml::Value>>,
    theme: Option<Spanned<toml::Value>>,
    #[serde(default)]
    colors: BTreeMap<String, Spanned<toml::Value>>,
    #[serde(default)]
    keys: BTreeMap<String, Spanned<toml::Value>>,
}

/// The orders by their configuration names.
const SORTS: &[(&str, Sort)] = &[
    ("relevance", Sort::Relevance),
    ("newest", Sort::Newest),
    ("oldest", Sort::Oldest),
];

/// Line numbers of byte offsets in one text.
struct Lines<'a>(&'a str);

impl Lines<'_> {
    fn of(&self, span: Range<usize>) -> Option<usize> {
        let at = span.start.min(self.0.len());
        Some(
            self.0.as_bytes()[..at]
                .iter()
                .filter(|b| **b == b'\n')
                .count()
                + 1,
        )
    }
}

/// Checks a configuration's text and builds the configuration.
pub fn parse(text: &str, base: &Path) -> Result<Config, Vec<Problem>> {
    let lines = Lines(text);
    let unknown = unknown_settings(text, &lines);
    let raw: RawConfig = toml::from_str(text).map_err(|e| {
        let message = match e.span().and_then(|s| key_at(text, s.start)) {
            // `unknown field \`sampel\`` names it already.
            Some(key) if !e.message().contains(&format!("`{key}`")) => {
                format!("{key}: {}", e.message())
            }
            _ => e.message().to_string(),
        };
        let mut problems = unknown.clone();
        problems.push(Problem::at(e.span().and_then(|s| lines.of(s)), message));
        problems.sort_by_key(|p| p.line);
        problems
    })?;
    let mut problems = unknown;
    let mut config = Config::default();
    if let Some(v) = &raw.corpus
        && let Some(paths) = typed::<Vec<PathBuf>>("corpus", v, &lines, &mut problems)
    {
        config.corpus = paths.iter().map(|p| absolute(p, base)).collect();
    }
    if let Some(v) = &raw.sample
        && let Some(sample) = typed::<bool>("sample", v, &lines, &mut problems)
    {
        config.sample = sample;
    }
    if let Some(v) = &raw.sort
        && let Some(s) = typed::<String>("sort", v, &lines, &mut problems)
    {
        match named(SORTS, &s) {
            Ok(sort) => config.sort = sort,
            Err(m) => problems.push(Problem::at(lines.of(v.span()), format!("sort: {m}"))),
        }
    }
    if let Some(v) = &raw.theme
        && let Some(t) = typed::<String>("theme", v, &lines, &mut problems)
    {
        match named(ThemeName::ALL, &t) {
            Ok(theme) => config.theme = theme,
            Err(m) => problems.push(Problem::at(lines.of(v.span()), format!("theme: {m}"))),
        }
    }
    for (role, value) in &raw.colors {
        let key = format!("colors.{role}");
        let Some(text) = typed::<String>(&key, value, &lines, &mut problems) else {
            continue;
        };
        match check_role(role).and_then(|()| parse_color(&text)) {
            Ok(c) => config.colors.push((role.clone(), c)),
            Err(m) => problems.push(Problem::at(lines.of(value.span()), format!("{key}: {m}"))),
        }
    }
    for (name, value) in &raw.keys {
        let line = lines.of(value.span());
        if let Err(m) = keys::rebind(&mut config.keys, name, value.get_ref()) {
            problems.push(Problem::at(line, m));
        }
    }
    let line_of = |name: &str| raw.keys.get(name).and_then(|v| lines.of(v.span()));
    problems.extend(keys::check(&config.keys, line_of));
    if problems.is_empty() {
        Ok(config)
    } else {
        problems.sort_by_key(|p| p.line);
        problems.dedup();
        Err(problems)
    }
}

/// A problem for each top-level setting that is none of [`SETTINGS`], with its line; none
/// when the text is not TOML (the reader of the settings says where).
fn unknown_settings(text: &str, lines: &Lines) -> Vec<Problem> {
    let Ok(table) = toml::from_str::<BTreeMap<Spanned<String>, toml::Value>>(text) else {
        return Vec::new();
    };
    let expected: Vec<String> = SETTINGS.iter().map(|s| format!("`{s}`")).collect();
    table
        .keys()
        .filter(|k| !SETTINGS.contains(&k.get_ref().as_str()))
        .map(|k| {
            Problem::at(
                lines.of(k.span()),
                format!(
                    "unknown field `{}`, expected one of {}",
                    k.get_ref(),
                    expected.join(", ")
                ),
            )
        })
        .collect()
}

/// The key (`sort`, `colors.date`) of the `key = value` line holding byte `at`, for the
/// messages of the TOML reader, which name the value's type but not its key.
fn key_at(text: &str, at: usize) -> Option<String> {
    let before = text.get(..at)?;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = text.get(start..)?.lines().next()?;
    let (key, _) = line.split_once('=')?;
    let key = key.trim().trim_matches(['"', '\'']);
    if key.is_empty() || key.starts_with('[') || key.starts_with('#') {
        return None;
    }
    let table = before[..start].lines().rev().find_map(|l| {
        let l = l.trim();
        l.strip_prefix('[')
            .and_then(|l| l.strip_suffix(']'))
            .map(|t| t.trim().to_string())
    });
    Some(match table {
        Some(t) if !t.is_empty() => format!("{t}.{key}"),
        _ => key.to_string(),
    })
}

/// The value of `key` as a `T`, or `None` with a problem that names the key and its line
/// (`sort: invalid type: integer `3`, expected a string`).
fn typed<T: serde::de::DeserializeOwned>(
    key: &str,
    value: &Spanned<toml::Value>,
    lines: &Lines,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    match T::deserialize(value.get_ref().clone()) {
        Ok(v) => Some(v),
        Err(e) => {
            problems.push(Problem::at(
                lines.of(value.span()),
                format!("{key}: {}", e.message()),
            ));
            None
        }
    }
}

/// A value among named ones, or a message that lists them.
fn named<T: Copy>(table: &[(&str, T)], value: &str) -> Result<T, String> {
    table
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(value.trim()))
        .map(|(_, v)| *v)
        .ok_or_else(|| {
            let names: Vec<String> = table.iter().map(|(n, _)| format!("{n:?}")).collect();
            format!("unknown value {value:?}; use one of {}", names.join(", "))
        })
}

/// A corpus path with `~` expanded, made absolute from the configuration's folder.
fn absolute(p: &Path, base: &Path) -> PathBuf {
    let home = directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf());
    let expanded = match (p.strip_prefix("~"), home) {
        (Ok(rest), Some(h)) => h.join(rest),
        _ => p.to_path_buf(),
    };
    if expanded.is_absolute() {
        expanded
    } else {
        base.join(expanded)
    }
}
