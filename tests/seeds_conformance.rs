//! Conformance over the real scraped files in `../shared/seeds`, when that folder exists
//! (it sits beside the project in development and CI). Expectations are positional — file
//! and entry number — so that no third-party text is copied here.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use chanjiao::article::{Article, Layout};
use chanjiao::corpus::load_paths;

fn seeds() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: {} does not exist here", dir.display());
        None
    }
}

/// Articles by (file number, entry number within the file).
fn by_position(articles: &[Article]) -> HashMap<(u32, usize), &Article> {
    let mut next: HashMap<u32, usize> = HashMap::new();
    let mut out = HashMap::new();
    for a in articles {
        let name = Path::new(&a.file)
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let file: u32 = name[..3].parse().unwrap();
        let n = next.entry(file).or_default();
        out.insert((file, *n), a);
        *n += 1;
    }
    out
}

#[test]
fn cli_lists_the_eighteen_articles_as_json() {
    let Some(dir) = seeds() else { return };
    let data = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_chanjiao"))
        .arg("--data-dir")
        .arg(data.path())
        .arg("--corpus")
        .arg(&dir)
        .args(["list", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 18);
    for v in &lines {
        for field in [
            "id",
            "title",
            "source",
            "source_zh",
            "published",
            "topic",
            "provinces",
            "sectors",
            "duplicates",
            "file",
            "body",
        ] {
            assert!(v.get(field).is_some(), "field {field} missing in {v}");
        }
        if let Some(p) = v["published"].as_str() {
            assert!(p.ends_with("+08:00"), "{p}");
        }
    }
    // Newest first, the undated entry last.
    let dates: Vec<Option<&str>> = lines.iter().map(|v| v["published"].as_str()).collect();
    assert_eq!(dates.last(), Some(&None));
    let dated: Vec<&str> = dates.iter().flatten().copied().collect();
    let mut sorted = dated.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dated, sorted);
}

#[test]
fn layouts_sources_times_and_topics() {
    let Some(dir) = seeds() else { return };
    let report = load_paths(&[dir]);
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    let at = by_position(&report.articles);
    assert_eq!(at.len(), 18);
    let count = |f: u32| at.keys().filter(|(file, _)| *file == f).count();
    assert_eq!(
        [count(0), count(1), count(2), count(3), count(4)],
        [1, 10, 5, 1, 1]
    );

    assert_eq!(at[&(0, 0)].layout, Layout::Listing);
    assert_eq!(at[&(0, 0)].source.as_deref(), Some("Qi Lu Wan Bao Wang"));
    assert_eq!(
        at[&(0, 0)].published.unwrap().to_rfc3339(),
        "2025-10-11T09:29:00+08:00"
    );
    assert_eq!(at[&(0, 0)].topic.as_deref(), Some("医养健康"));
    assert_eq!(at[&(1, 0)].topic.as_deref(), Some("产教融合"));
    assert_eq!(at[&(2, 0)].topic.as_deref(), Some("高技能人才集群培养计划"));
    // The entry whose source line is missing.
    assert_eq!(at[&(1, 6)].source, None);
    assert_eq!(at[&(1, 6)].published, None);
    assert!(
        at.iter()
            .filter(|(k, _)| **k != (1, 6))
            .all(|(_, a)| a.source.is_some() && a.published.is_some())
    );
    // The web page and the reversed page.
    let web = at[&(3, 0)];
    assert_eq!(web.layout, Layout::WebPage);
    assert_eq!(web.source.as_deref(), Some("China Daily"));
    assert_eq!(web.place.as_deref(), Some("Dalian, Liaoning"));
    assert!(web.subtitle.is_some() && web.author.is_some());
    assert_eq!(
        web.published.unwrap().to_rfc3339(),
        "2025-03-12T08:59:00+08:00"
    );
    for junk in [
        "蜘蛛",
        "Copyright",
        "FOLLOW US",
        "Share",
        "FOR CHINA DAILY",
        "BACK TO THE TOP",
    ] {
        assert!(!web.body.contains(junk), "{junk}");
    }
    assert_eq!(web.topic, None);
    let rev = at[&(4, 0)];
    assert_eq!(rev.layout, Layout::Reversed);
    assert_eq!(rev.source.as_deref(), Some("Xin Hua Wang"));
    assert_eq!(
        rev.published.unwrap().to_rfc3339(),
        "2026-01-06T22:31:00+08:00"
    );
    // Outlets named in Chinese.
    assert_eq!(at[&(2, 0)].source_zh.as_deref(), Some("人民日报海外版"));
    assert_eq!(at[&(0, 0)].source_zh.as_deref(), Some("齐鲁晚报网"));
    assert_eq!(web.source_zh.as_deref(), Some("中国日报"));
}

#[test]
fn bodies_are_clean() {
    let Some(dir) = seeds() else { return };
    let report = load_paths(&[dir]);
    for a in &report.articles {
        assert!(!a.body.is_empty(), "{}", a.id);
        assert!(
            !a.body.contains("[1]") && !a.body.contains("]["),
            "citation left in {}",
            a.id
        );
        assert!(!a.body.contains("Search documents"));
    }
    let at = by_position(&report.articles);
    // The Chinese prose entry: wrap spaces gone, editor note and photo credit lifted out,
    // cut-off end flagged.
    let prose = at[&(2, 0)];
    assert!(prose.truncated);
    assert!(prose.editor.is_some());
    assert!(!prose.body.contains("摄"));
    assert!(!prose.body.contains("责编"));
    let han_space_han = prose
        .body
        .chars()
        .collect::<Vec<_>>()
        .windows(3)
        .any(|w| chanjiao::text::is_han(w[0]) && w[1] == ' ' && chanjiao::text::is_han(w[2]));
    assert!(
        !han_space_han,
        "a wrap space is left between Chinese characters"
    );
    // English summaries: lead first, then headings and bullets as lines.
    let dezhou = at[&(0, 0)];
    assert_eq!(dezhou.headings, vec![1, 4, 7]);
    assert!(dezhou.lines().nth(2).unwrap().starts_with("- "));
    assert!(!dezhou.citations.is_empty());
}

#[test]
fn provinces_primary_first_and_national_empty() {
    let Some(dir) = seeds() else { return };
    let report = load_paths(&[dir]);
    let at = by_position(&report.articles);
    let primary = |k: (u32, usize)| at[&k].provinces.first().map(String::as_str);
    assert_eq!(primary((0, 0)), Some("Shandong"), "Dezhou");
    assert_eq!(primary((1, 0)), Some("Shandong"));
    assert_eq!(primary((1, 1)), Some("Shandong"));
    assert_eq!(primary((1, 3)), Some("Chongqing"));
    assert_eq!(primary((1, 4)), Some("Guangxi"));
    assert_eq!(primary((1, 7)), Some("Jiangsu"));
    assert_eq!(
        primary((1, 9)),
        Some("Jiangsu"),
        "the Yangzhou alumni association"
    );
    assert_eq!(primary((3, 0)), Some("Liaoning"), "Dalian");
    assert_eq!(primary((4, 0)), Some("Hebei"));
    for national in [(1, 6), (2, 1), (2, 2), (2, 3), (2, 4)] {
        assert_eq!(
            at[&national].provinces,
            Vec::<String>::new(),
            "{national:?} is national"
        );
    }
    // A forum in Wuxi: Jiangsu or nothing, never led by a passing mention.
    assert!(matches!(primary((1, 2)), None | Some("Jiangsu")));
}

#[test]
fn sectors_follow_the_subject() {
    let Some(dir) = seeds() else { return };
    let report = load_paths(&[dir]);
    let at = by_position(&report.articles);
    let has = |k: (u32, usize), s: &str| at[&k].sectors.iter().any(|x| x == s);
    assert_eq!(
        at[&(1, 1)].sectors.first().map(String::as_str),
        Some("logistics-cold-chain")
    );
    assert!(has((4, 0), "steel-metallurgy"));
    assert!(has((1, 8), "cybersecurity"));
    assert!(has((1, 3), "new-materials") || has((1, 3), "electronics-semiconductors"));
    for six in [(2, 1), (2, 3)] {
        for s in [
            "new-energy-vehicles",
            "rail-transit",
            "aerospace-low-altitude",
        ] {
            assert!(has(six, s), "{six:?} lacks {s}: {:?}", at[&six].sectors);
        }
    }
}

#[test]
fn the_three_six_sector_reports_are_one_story_and_nothing_else_is() {
    let Some(dir) = seeds() else { return };
    let report = load_paths(&[dir]);
    let at = by_position(&report.articles);
    let story = [(2, 1), (2, 2), (2, 3)];
    for k in story {
        let mut want: Vec<String> = story
            .iter()
            .filter(|o| **o != k)
            .map(|o| at[o].id.clone())
            .collect();
        let mut got = at[&k].duplicates.clone();
        want.sort();
        got.sort();
        assert_eq!(got, want, "{k:?}");
    }
    for (k, a) in &at {
        if !story.contains(k) {
            assert!(
                a.duplicates.is_empty(),
                "{k:?} linked to {:?}",
                a.duplicates
            );
        }
    }
}
