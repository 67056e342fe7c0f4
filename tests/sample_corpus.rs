//! The embedded sample corpus meets SPEC §7, as our parser and taggers read it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashSet;

use chanjiao::article::Layout;
use chanjiao::corpus::{load_sample, sample};

#[test]
fn every_sample_file_parses() {
    let report = load_sample();
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    assert!(report.articles.len() >= 30, "{}", report.articles.len());
}

#[test]
fn all_four_raw_layouts_and_the_fallback() {
    let layouts: HashSet<Layout> = load_sample().articles.iter().map(|a| a.layout).collect();
    for l in [
        Layout::Listing,
        Layout::Single,
        Layout::WebPage,
        Layout::Reversed,
        Layout::Plain,
    ] {
        assert!(layouts.contains(&l), "no {l:?} article");
    }
}

#[test]
fn several_encodings() {
    let files = sample::files();
    let utf16 = files
        .iter()
        .filter(|(_, b)| b.starts_with(&[0xFF, 0xFE]))
        .count();
    let not_utf8 = files
        .iter()
        .filter(|(_, b)| !b.starts_with(&[0xFF, 0xFE]) && std::str::from_utf8(b).is_err())
        .count();
    let crlf = files
        .iter()
        .filter(|(_, b)| b.windows(2).any(|w| w == b"\r\n"))
        .count();
    assert!(
        utf16 >= 1 && not_utf8 >= 1 && crlf >= 1,
        "{utf16} {not_utf8} {crlf}"
    );
}

#[test]
fn fifteen_provinces_twelve_sectors_and_national_stories() {
    let articles = load_sample().articles;
    let primary: HashSet<&str> = articles
        .iter()
        .filter_map(|a| a.provinces.first().map(String::as_str))
        .collect();
    assert!(
        primary.len() >= 15,
        "{} provinces as a main subject: {primary:?}",
        primary.len()
    );
    let sectors: HashSet<&str> = articles
        .iter()
        .flat_map(|a| a.sectors.iter().map(String::as_str))
        .collect();
    assert!(
        sectors.len() >= 12,
        "{} sectors: {sectors:?}",
        sectors.len()
    );
    let national = articles.iter().filter(|a| a.provinces.is_empty()).count();
    assert!(national >= 3, "{national} national stories");
}

#[test]
fn one_story_reported_by_several_outlets() {
    let articles = load_sample().articles;
    let clusters: Vec<_> = articles
        .iter()
        .filter(|a| !a.duplicates.is_empty())
        .collect();
    assert!(clusters.len() >= 3, "at least one story with three reports");
    for a in &clusters {
        for d in &a.duplicates {
            let other = articles.iter().find(|o| &o.id == d).unwrap();
            assert!(other.duplicates.contains(&a.id), "links go both ways");
            assert_ne!(
                other.source, a.source,
                "reports come from different outlets"
            );
        }
    }
}
