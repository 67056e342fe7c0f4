//! The parser never panics, whatever the bytes. A quick run is part of the suite; a long run
//! is `CHANJIAO_FUZZ_SECS=600 cargo test --release --test fuzz_parser -- --nocapture`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

use chanjiao::corpus::parse_file_bytes;

/// Pieces of the raw layouts, so that generated files reach deep into the parser.
const PIECES: &[&str] = &[
    "Workflow\n",
    "icon\n",
    "Search documents\n",
    "产教融合\n",
    "標題\n",
    "Ren Min Ri Bao· 2025-12-24 01:20\n",
    "Xin Hua Wang·2026-01-06 22:31\n",
    "· 2025-02-30 99:99\n",
    "Core Viewpoint - ",
    "Group 1: Heading - ",
    "Group 2 - ",
    " - ",
    "Enrollment Trends - ",
    "[1][2]. ",
    "[",
    "]",
    "...",
    "…",
    "合 作",
    "叶 军摄 ",
    "视觉中国供图\n",
    "(责编:某某)",
    "(稿件来源:学院 作者:王 五)\n",
    "[摘要]",
    "[关键词]a;b\n",
    "[作者简介]张三,\n",
    "By A B in Dalian, Liaoning | China Daily | Updated: 2025-03-12 08:59\n",
    "Share\n",
    "Home / China / Education\n",
    "Top\n",
    "FOLLOW US\n",
    "主站蜘蛛池模板: a| b| c| d| e| f| g| h\n",
    "\n",
    "\r\n",
    " ",
    "\u{FEFF}",
    "\u{3000}",
    "。",
    "2025年3月8日",
    "A.",
    "\t",
];

fn layout_like() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(
        prop_oneof![
            3 => prop::sample::select(PIECES).prop_map(|s| s.as_bytes().to_vec()),
            1 => "\\PC{0,40}".prop_map(|s| s.into_bytes()),
            1 => prop::collection::vec(any::<u8>(), 0..16),
        ],
        0..60,
    )
    .prop_map(|parts| parts.concat())
}

fn arbitrary_file() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..2048),
        layout_like(),
        layout_like().prop_map(|b| {
            let text = String::from_utf8_lossy(&b).into_owned();
            encoding_rs::GB18030.encode(&text).0.into_owned()
        }),
        layout_like().prop_map(|b| {
            let mut out = vec![0xFF, 0xFE];
            for u in String::from_utf8_lossy(&b).encode_utf16() {
                out.extend_from_slice(&u.to_le_bytes());
            }
            out
        }),
    ]
}

fn check(bytes: &[u8]) {
    if let Ok(articles) = parse_file_bytes(Path::new("fuzz.txt"), bytes) {
        for a in articles {
            assert!(!a.title.is_empty());
            for c in &a.citations {
                assert!(c.line < a.body.split('\n').count());
            }
            for h in &a.headings {
                assert!(*h < a.body.split('\n').count());
            }
        }
    }
}

#[test]
fn parser_survives_arbitrary_bytes() {
    let budget = std::env::var("CHANJIAO_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse::<u64>().ok());
    let cases = if budget.is_some() { 2000 } else { 400 };
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    let start = Instant::now();
    let mut files = 0u64;
    for round in 0u64.. {
        // A fresh runner each round: a runner that has passed its cases runs no more.
        let mut seed = [0u8; 32];
        seed[..8].copy_from_slice(&round.to_le_bytes());
        let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &seed);
        let mut runner = TestRunner::new_with_rng(config.clone(), rng);
        runner
            .run(&arbitrary_file(), |bytes| {
                check(&bytes);
                Ok(())
            })
            .unwrap();
        files += u64::from(cases);
        match budget {
            Some(secs) if start.elapsed() < Duration::from_secs(secs) => continue,
            _ => break,
        }
    }
    eprintln!("fuzz: {files} generated files in {:?}", start.elapsed());
}
