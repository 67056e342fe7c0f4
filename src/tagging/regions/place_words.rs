//! The English words of place names (`hainan`, `jinan`, `mongolia`), for telling a place
//! the corpus does not name from a misspelt word.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::gazetteer::gazetteer;
use super::provinces::provinces;

static WORDS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let names = (provinces().iter().map(|p| p.en)).chain(
        gazetteer()
            .iter()
            .flat_map(|place| std::iter::once(place.en).chain(place.aliases.iter().copied())),
    );
    names
        .flat_map(|name| name.split(|c: char| !c.is_ascii_alphabetic()))
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect()
});

/// Whether `word` (any case) is a word of a province's or another place's English name.
pub fn is_place_word(word: &str) -> bool {
    WORDS.contains(&word.to_ascii_lowercase())
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
}
