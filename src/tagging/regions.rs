//! Region tagging (SPEC §3): which of the 34 provincial-level divisions an article is about.
//!
//! The gazetteer (`assets/regions/*.tsv`) lists every province and prefecture-level division,
//! notable counties, districts, new areas and zones, in Chinese and English; [`tag_regions`]
//! finds them in one Aho–Corasick pass, settles ambiguous names from context and scores each
//! province by where and how often it is named (the weights are in `regions/salience.rs`).

mod company;
mod context;
mod cues;
mod gazetteer;
mod matcher;
mod place_names;
mod provinces;
mod salience;

pub(crate) use cues::has_national_marker;
pub use gazetteer::{Level, Place, gazetteer, gazetteer_problems};
pub use place_names::{is_pinyin_name_word, is_place_word, names_across, place_names_near};
pub use provinces::{Province, province_by_name, provinces, provinces_starting, suggest_province};

/// What the region tagger reads of an article.
#[derive(Clone, Copy, Debug, Default)]
pub struct RegionInput<'a> {
    /// The headline.
    pub title: &'a str,
    /// The clean body, lines separated by `\n`; the first line is the lead.
    pub body: &'a str,
    /// A byline place such as `Dalian, Liaoning`, when the page had one.
    pub place: Option<&'a str>,
}

/// Builds the place-name automaton now rather than in the first article tagged.
pub fn warm_up() {
    matcher::warm_up();
}

/// English names of the provinces the article is about, most salient first; empty for a
/// national story or one that names no place.
pub fn tag_regions(input: &RegionInput) -> Vec<&'static str> {
    salience::tag(input)
}
