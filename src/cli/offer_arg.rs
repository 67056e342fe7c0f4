//! Province and sector values offered to shell completion: the English province names (and
//! `national`) and the sector slugs. Any text is taken, since the filters also take Chinese
//! names and any case; the command checks it and suggests the closest.

use std::ffi::OsStr;
use std::sync::LazyLock;

use clap::builder::{PossibleValue, TypedValueParser};
use clap::{Arg, Command};

use crate::tagging::{regions, sectors};

/// The English province names as one word each, for shells that split on spaces
/// (`Inner-Mongolia`, which the filter takes as it takes `Inner Mongolia`).
static ONE_WORD: LazyLock<Vec<String>> = LazyLock::new(|| {
    regions::provinces()
        .iter()
        .map(|p| p.en.replace(' ', "-"))
        .collect()
});

#[derive(Debug, Clone, Copy)]
pub enum Offered {
    Province,
    Sector,
}

impl TypedValueParser for Offered {
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
        match self {
            Offered::Province => Some(Box::new(
                std::iter::once(PossibleValue::new("national").help("no province")).chain(
                    regions::provinces()
                        .iter()
                        .zip(ONE_WORD.iter())
                        .map(|(p, name)| PossibleValue::new(name.as_str()).help(p.zh)),
                ),
            )),
            Offered::Sector => Some(Box::new(
                sectors::sectors()
                    .iter()
                    .map(|s| PossibleValue::new(s.slug).help(s.zh)),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn offered(o: Offered) -> Vec<String> {
        o.possible_values()
            .unwrap()
            .map(|v| v.get_name().to_string())
            .collect()
    }

    #[test]
    fn every_value_offered_is_taken_by_its_filter() {
        let provinces = offered(Offered::Province);
        assert!(provinces.len() > 31, "{provinces:?}");
        assert!(provinces.iter().all(|p| !p.contains(' ')), "{provinces:?}");
        for p in &provinces {
            assert!(crate::filter::province(p).is_ok(), "{p}");
        }
        let sectors = offered(Offered::Sector);
        assert!(sectors.contains(&"smart-manufacturing".to_string()));
        for s in &sectors {
            assert!(crate::filter::sector(s).is_ok(), "{s}");
        }
    }
}
