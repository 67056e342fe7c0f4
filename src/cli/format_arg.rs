//! The `--format` value of `chanjiao export`: offered to help and shell completion as
//! `md`, `json` and `csv`, but checked by the command itself, so that a wrong name is one
//! clear line like every other usage error.

use std::ffi::OsStr;

use clap::builder::{PossibleValue, TypedValueParser};
use clap::{Arg, Command};

use crate::export::Format;

#[derive(Debug, Clone, Copy)]
pub struct FormatName;

impl TypedValueParser for FormatName {
    type Value = String;

    fn parse_ref(
        &self,
        _cmd: &Command,
        _arg: Option<&Arg>,
        value: &OsStr,
    ) -> Result<String, clap::Error> {
        Ok(value.to_string_lossy().into_owned())
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(Format::ALL.iter().map(|f| {
            let value = PossibleValue::new(f.extension());
            match f {
                Format::Markdown => value
                    .alias("markdown")
                    .help("Markdown, an article a section"),
                Format::Json => value.help("a JSON array of the article records"),
                Format::Csv => value.help("a CSV table, an article a row"),
            }
        })))
    }
}
