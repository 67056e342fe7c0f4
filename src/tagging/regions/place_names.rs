//! Place names across the two languages: the English words of place names (`hainan`,
//! `jinan`), for telling a place the corpus does not name from a misspelt word, and the
//! other language's name of a province or prefecture-level city (`Shandong` ↔ 山东), for
//! searching both.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use super::gazetteer::{Level, Place, english_place_names, gazetteer, places_of};
use super::provinces::provinces;
use crate::text::ascii_words;

static WORDS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let names = (provinces().iter().map(|p| p.en)).chain(
        gazetteer()
            .iter()
            .flat_map(|place| std::iter::once(place.en).chain(place.aliases.iter().copied())),
    );
    names.flat_map(ascii_words).collect()
});

/// Whether `word` (any case) is a word of a province's or another place's English name.
pub fn is_place_word(word: &str) -> bool {
    WORDS.contains(&word.to_ascii_lowercase())
}

/// English words that places' names use (Gui'an New Area, Yanbian Korean Autonomous
/// Prefecture): stemmed as English, as every other word.
const ENGLISH_IN_NAMES: &[&str] = &[
    "autonomous",
    "city",
    "county",
    "district",
    "prefecture",
    "province",
    "region",
    "league",
    "banner",
    "area",
    "zone",
    "development",
    "economic",
    "economy",
    "industrial",
    "international",
    "technological",
    "technology",
    "science",
    "optics",
    "territories",
    "special",
    "administrative",
    "greater",
    "inner",
    "lake",
    "port",
    "island",
    "islands",
    "town",
    "village",
    "park",
    "river",
    "mountain",
    "mountains",
    "west",
    "east",
    "north",
    "south",
    "central",
    "free",
    "trade",
    "pilot",
    "high",
    "tech",
    "korean",
    "tibetan",
    "mongol",
    "mongolian",
    "airport",
    "archipelago",
    "coast",
    "mount",
    "valley",
];

/// The pinyin words of places' names, lower-cased: see [`is_pinyin_name_word`].
static PINYIN_WORDS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    english_place_names()
        .flat_map(ascii_words)
        .filter(|w| w.len() >= 4 && !ENGLISH_IN_NAMES.contains(&w.as_str()))
        .collect()
});

/// Whether `word` (lower-case) is a word of a place's name that is no English word
/// (`nanning`, `xianning`, `daye`): the English stemmer should leave it as it is, since it
/// would cut some to another place's name or to an English word (`nan`, `xian`, `day`).
pub fn is_pinyin_name_word(word: &str) -> bool {
    PINYIN_WORDS.contains(word)
}

/// Names, lower-cased when English, and the other language's names of the same places.
static ACROSS: LazyLock<HashMap<String, Vec<&'static str>>> = LazyLock::new(|| {
    let mut map: HashMap<String, Vec<&'static str>> = HashMap::new();
    let mut add = |from: &str, to: &'static str| {
        let names = map.entry(from.to_ascii_lowercase()).or_default();
        if !names.contains(&to) {
            names.push(to);
        }
    };
    let places = places_of(&[Level::Province, Level::Prefecture, Level::City]);
    for place in places.iter().filter(|p| known_in_both(p)) {
        let english = std::iter::once(place.en)
            .chain((place.aliases.iter().copied()).filter(|a| a.is_ascii() && !a.is_empty()));
        for en in english {
            add(en, place.zh);
        }
        add(place.zh, place.en);
        add(place.full_zh, place.en);
    }
    map
});

/// A province or prefecture-level city whose short Chinese name is a name of its own (not
/// one that needs context, such as 吉林 the city beside 吉林 the province's cities, nor one
/// shared by places in several provinces).
fn known_in_both(place: &Place) -> bool {
    let weak = |name: &str| (place.matched_names().iter()).any(|(n, weak)| *n == name && *weak);
    matches!(
        place.level,
        Level::Province | Level::Prefecture | Level::City
    ) && place.province.is_some()
        && !place.shared
        && !place.institution
        && !weak(place.zh)
        && !weak(place.en)
}

/// The other language's names of the place `name` names, in either language, written as a
/// whole (`Shandong`, `shandong`, `山东`, `山东省`, `Inner Mongolia`); empty for anything
/// else. A pinyin name of two cities gives both (`Suzhou`: 苏州 and 宿州).
pub fn names_across(name: &str) -> &'static [&'static str] {
    ACROSS
        .get(&name.trim().to_ascii_lowercase())
        .map_or(&[], Vec::as_slice)
}

/// The one-word English names of provinces and cities that [`names_across`] knows, lower-
/// cased, at most `edits` edits from `word` (a swap of neighbours counting one): what a
/// misspelt place name may have been meant as (`jinann` → `jinan`).
pub fn place_names_near(word: &str, edits: usize) -> Vec<&'static str> {
    let word = word.to_ascii_lowercase();
    ACROSS
        .keys()
        .filter(|name| name.bytes().all(|b| b.is_ascii_lowercase()))
        .filter(|name| name.len().abs_diff(word.len()) <= edits)
        .filter(|name| strsim::osa_distance(name, &word) <= edits)
        .map(String::as_str)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provinces_cities_and_districts_are_place_words() {
        for w in ["Hainan", "jinan", "MONGOLIA", "Dezhou", "Jinpu"] {
            assert!(is_place_word(w), "{w}");
        }
        assert!(!is_place_word("robots"));
        assert!(!is_place_word("Hainann"));
    }

    #[test]
    fn pinyin_words_of_names_are_told_from_english_words() {
        for w in ["nanning", "xianning", "daye", "beijing", "kunming", "jinan"] {
            assert!(is_pinyin_name_word(w), "{w}");
        }
        for w in [
            "city",
            "county",
            "autonomous",
            "prefecture",
            "new",
            "area",
            "airport",
            "valley",
            "robots",
        ] {
            assert!(!is_pinyin_name_word(w), "{w}");
        }
    }

    #[test]
    fn provinces_and_cities_are_named_across_the_languages() {
        assert_eq!(names_across("Shandong"), ["山东"]);
        assert_eq!(names_across("shandong"), ["山东"]);
        assert_eq!(names_across("山东省"), ["Shandong"]);
        assert_eq!(names_across("济南"), ["Jinan"]);
        assert_eq!(names_across("Inner Mongolia"), ["内蒙古"]);
        let mut suzhou = names_across("Suzhou").to_vec();
        suzhou.sort_unstable();
        assert_eq!(suzhou, ["宿州", "苏州"]);
        assert!(names_across("robots").is_empty());
        assert!(names_across("职业").is_empty());
    }

    #[test]
    fn a_misspelt_place_is_near_its_name() {
        assert_eq!(place_names_near("Jinann", 1), ["jinan"]);
        assert_eq!(place_names_near("Shandnog", 2), ["shandong"]);
        assert!(place_names_near("robots", 2).is_empty());
    }
}
