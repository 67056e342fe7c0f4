//! Articles for the export tests: every field set, with the characters that formats have to
//! quote or escape.

use chrono::TimeZone;

use crate::article::{Article, china_offset};

/// An article with commas, quotes, line breaks and Chinese in its fields, two of each list.
pub fn tricky() -> Article {
    Article {
        id: "0123456789ab".into(),
        title: "校企合作, \"订单班\" 再扩容".into(),
        source: Some("Ren Min Ri Bao".into()),
        source_zh: Some("人民日报".into()),
        source_en: Some("People's Daily".into()),
        published: china_offset()
            .with_ymd_and_hms(2025, 10, 11, 9, 29, 0)
            .single(),
        topic: Some("产教融合".into()),
        provinces: vec!["Shandong".into(), "Hong Kong".into()],
        sectors: vec!["smart-manufacturing".into(), "new-energy".into()],
        duplicates: vec!["aaaaaaaaaaaa".into(), "bbbbbbbbbbbb".into()],
        file: "corpus/2025, autumn.txt".into(),
        also_in: vec!["corpus/copy.txt".into(), "corpus/copy (2).txt".into()],
        body: "第一段,有逗号\n- 要点 \"一\"\r\n\n最后一行".into(),
        ..Article::default()
    }
}
