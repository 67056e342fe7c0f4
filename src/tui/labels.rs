//! Names shown on screen for provinces, sectors and outlets, in Chinese and English.

use crate::filter::NATIONAL;
use crate::tagging::{regions, sectors};

use super::backend::Row;

/// Chinese name of a province given by its English name (`Shandong` → `山东`); `全国` for
/// national stories.
pub fn province_zh(en: &str) -> Option<&'static str> {
    if en == NATIONAL {
        return Some("全国");
    }
    regions::provinces()
        .iter()
        .find(|p| p.en == en)
        .map(|p| p.zh)
}

/// The position of a province in SPEC §3 order (national first), for stable sorting.
pub fn province_rank(en: &str) -> usize {
    if en == NATIONAL {
        return 0;
    }
    regions::provinces()
        .iter()
        .position(|p| p.en == en)
        .map_or(usize::MAX, |i| i + 1)
}

/// A sector by slug.
pub fn sector(slug: &str) -> Option<&'static sectors::Sector> {
    sectors::sectors().iter().find(|s| s.slug == slug)
}

/// Chinese name of a sector, or the slug when unknown.
pub fn sector_zh(slug: &str) -> &str {
    sector(slug).map_or(slug, |s| s.zh)
}

/// The outlet as the list shows it: Chinese name when known.
pub fn row_source(row: &Row) -> &str {
    row.source_zh
        .as_deref()
        .or(row.source.as_deref())
        .unwrap_or("")
}

/// The order a story's reports are listed in: newest first and undated last, then by
/// outlet and title.
pub fn story_order(a: &Row, b: &Row) -> std::cmp::Ordering {
    (a.published.is_none(), std::cmp::Reverse(a.published))
        .cmp(&(b.published.is_none(), std::cmp::Reverse(b.published)))
        .then_with(|| row_source(a).cmp(row_source(b)))
        .then_with(|| a.title.cmp(&b.title))
}

/// The province column: the most salient province in Chinese, `全国` when national.
pub fn row_province(row: &Row) -> &str {
    match row.provinces.first() {
        Some(p) => province_zh(p).unwrap_or(p),
        None => "全国",
    }
}
