//! Place names are searched in both languages: `Jinan` finds 济南 and 济南 finds Jinan.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod index_common;

use chanjiao::index::SearchRequest;
use index_common::{indexed_pages, titles};

#[test]
fn a_place_is_found_whichever_language_names_it() {
    let (_corpus, _data, index) = indexed_pages(&[
        (
            "Jinan colleges train robot technicians",
            "2025-10-11",
            "Students in Jinan program industrial robots with local firms.",
        ),
        (
            "济南职业学院新增工业机器人订单班",
            "2025-09-02",
            "济南市一所职业学院与企业共建工业机器人实训基地。",
        ),
        (
            "Suzhou and Xuzhou share a welding contest",
            "2025-08-20",
            "Teams from 苏州 and 徐州 met for a welding contest.",
        ),
    ]);
    let mut both = vec![
        "Jinan colleges train robot technicians",
        "济南职业学院新增工业机器人订单班",
    ];
    both.sort_unstable();
    for q in ["Jinan", "jinan", "济南", "济南市"] {
        let mut found = titles(&index, q);
        found.sort_unstable();
        assert_eq!(found, both, "{q}");
    }
    // Excluded in one language, left out in both.
    assert_eq!(
        titles(&index, "Suzhou -Jinan"),
        ["Suzhou and Xuzhou share a welding contest"]
    );
    assert!(titles(&index, "机器人 -Jinan").is_empty());
    // The hit is marked where the other language names the place.
    let r = index.search(&SearchRequest::new("Jinan 订单班")).unwrap();
    let hit = &r.hits[0];
    let marked: Vec<&str> = hit
        .hit_ranges
        .iter()
        .map(|h| &hit.snippet[h.clone()])
        .collect();
    assert!(marked.contains(&"济南"), "{marked:?} in {}", hit.snippet);
}
