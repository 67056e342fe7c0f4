//! English words as the index keeps them: British and American spellings find each other,
//! and words the stemmer would join to words of another meaning stay apart.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod index_common;

use index_common::{indexed_pages, titles};

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort_unstable();
    v
}

#[test]
fn british_and_american_spellings_find_each_other() {
    let (_corpus, _data, index) = indexed_pages(&[
        (
            "A training centre for labour skills opens",
            "2025-10-11",
            "The organisation runs a programme that modernised welding courses.",
        ),
        (
            "A training center for labor skills opens",
            "2025-10-12",
            "The organization runs a program that modernized welding courses.",
        ),
    ]);
    let both = [
        "A training center for labor skills opens",
        "A training centre for labour skills opens",
    ];
    for q in [
        "centre",
        "center",
        "labour",
        "Labor",
        "organisations",
        "programme",
        "modernized",
        "\"training centre\"",
    ] {
        assert_eq!(sorted(titles(&index, q)), both, "{q}");
    }
}

#[test]
fn words_of_other_meanings_and_place_names_stay_apart() {
    let (_corpus, _data, index) = indexed_pages(&[
        (
            "Engineers trained for a new plant",
            "2025-10-11",
            "A college in Xianning trains engineers with a carmaker.",
        ),
        (
            "Engines rebuilt by students",
            "2025-10-12",
            "Students in Xian took apart diesel engines for three days.",
        ),
    ]);
    let engineers = ["Engineers trained for a new plant"];
    let engines = ["Engines rebuilt by students"];
    assert_eq!(titles(&index, "engineers"), engineers);
    assert_eq!(titles(&index, "engineering"), engineers);
    assert_eq!(titles(&index, "engine"), engines);
    assert_eq!(titles(&index, "Xianning"), engineers);
    assert_eq!(titles(&index, "Xian"), engines);
    assert!(titles(&index, "Daye").is_empty());
    assert_eq!(titles(&index, "day"), engines);
}
