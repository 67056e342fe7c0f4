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

#[test]
fn pinyin_names_are_found_with_or_without_their_syllable_mark() {
    let (_corpus, _data, index) = indexed_pages(&[
        (
            "Data centre technicians trained in Gui'an",
            "2025-10-11",
            "Colleges in the Gui'an New Area train server technicians.",
        ),
        (
            "Guian data park hires graduates",
            "2025-10-12",
            "The Guian New Area data park hired 300 graduates.",
        ),
    ]);
    let both = [
        "Data centre technicians trained in Gui'an",
        "Guian data park hires graduates",
    ];
    for q in [
        "Gui'an",
        "Guian",
        "gui\u{2019}an",
        "\"Gui'an New Area\"",
        "\"guian new area\"",
    ] {
        assert_eq!(sorted(titles(&index, q)), both, "{q}");
    }
}

#[test]
fn a_pinyin_name_is_held_as_written_not_stemmed() {
    // Chang'e, the moon probe, is no change.
    let (_corpus, _data, index) = indexed_pages(&[
        (
            "Students build parts for Chang'e probes",
            "2025-10-11",
            "An aerospace college joined the Chang'e programme.",
        ),
        (
            "Colleges change their courses",
            "2025-10-12",
            "Courses changed with the times.",
        ),
    ]);
    assert_eq!(
        titles(&index, "Chang'e"),
        ["Students build parts for Chang'e probes"]
    );
    assert_eq!(titles(&index, "change"), ["Colleges change their courses"]);
}
