//! `chanjiao stats`: counts by province, sector, source, topic and month for the filters:
//! bar charts on a terminal, plain lines (or `--json`) when the output goes elsewhere.
//!
//! The counts of a facet with a filter are taken without that filter (the index's facet
//! counts are disjunctive: each value's count is what choosing it instead would give), so
//! the output marks the chosen values and says so in the facet's heading. Articles without
//! a date are counted after the months.

use std::io::{IsTerminal, Write};

use crate::cli::args::StatsArgs;
use crate::cli::open::with_index;
use crate::cli::{CliError, list, select, stats_chart};
use crate::filter::{Filter, NATIONAL, fold};
use crate::index::{FacetCount, Facets};
use crate::settings::Settings;
use crate::tagging::{regions, sectors, sources};

/// The value of the bucket of articles without a date, after the months.
pub const UNDATED: &str = "undated";

/// The values chosen by the filter flags, as the counts name them, for each facet that has a
/// filter (`None` for the others).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Selected {
    pub provinces: Option<Vec<String>>,
    pub sectors: Option<Vec<String>>,
    pub sources: Option<Vec<String>>,
    pub topics: Option<Vec<String>>,
}

impl Selected {
    pub fn new(filter: &Filter, facets: &Facets) -> Selected {
        let some = |v: Vec<String>| (!v.is_empty()).then_some(v);
        let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect();
        Selected {
            provinces: some(names(&filter.provinces)),
            sectors: some(names(&filter.sectors)),
            sources: some(chosen(&facets.sources, &filter.sources, source_keys)),
            topics: some(chosen(&facets.topics, &filter.topics, |t| vec![fold(t)])),
        }
    }
}

/// Whether `value` is among the `chosen` values of a facet (one of [`Selected`]'s).
pub fn is_chosen(chosen: &Option<Vec<String>>, value: &str) -> bool {
    chosen
        .as_ref()
        .is_some_and(|v| v.iter().any(|c| c == value))
}

/// The values of `counts` that one of `wanted` names (compared by `keys`), then those of
/// `wanted` that name none of them, as typed.
fn chosen(counts: &[FacetCount], wanted: &[String], keys: fn(&str) -> Vec<String>) -> Vec<String> {
    let mut out = Vec::new();
    for w in wanted {
        let want = keys(w);
        let found: Vec<&FacetCount> = counts
            .iter()
            .filter(|c| keys(&c.value).iter().any(|k| want.contains(k)))
            .collect();
        if found.is_empty() {
            out.push(w.clone());
        }
        out.extend(found.iter().map(|c| c.value.clone()));
    }
    let mut seen = std::collections::HashSet::new();
    out.retain(|v| seen.insert(v.clone()));
    out
}

/// The names an outlet goes by, folded: as written, and its Chinese and English names when
/// known (`--source "Ren Min Ri Bao"` chooses the count of 人民日报).
fn source_keys(name: &str) -> Vec<String> {
    let mut keys = vec![fold(name)];
    if let Some(o) = sources::outlet(name) {
        keys.push(fold(o.zh));
        keys.push(fold(o.en));
    }
    keys
}

/// How many of the `total` articles have no month: those without a date.
pub fn undated(total: usize, facets: &Facets) -> usize {
    total.saturating_sub(facets.months.iter().map(|c| c.count).sum())
}

pub fn run(settings: &Settings, args: &StatsArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let filter = list::resolve(&args.filters)?;
    let marks = select::marks_for(settings, &filter)?;
    let (filter, total, facets, notes) = with_index(settings, |index| {
        let mut filter = filter.clone();
        let notes = index.open_values(&mut filter)?;
        let (total, facets) = index.stats_marked(&filter, marks.as_ref())?;
        Ok((filter, total, facets, notes))
    })?;
    for n in notes {
        let _ = writeln!(std::io::stderr(), "chanjiao: {n}");
    }
    let selected = Selected::new(&filter, &facets);
    let undated = undated(total, &facets);
    let mut months = facets.months.clone();
    if undated > 0 {
        months.push(FacetCount {
            value: UNDATED.to_string(),
            count: undated,
        });
    }
    let limit = args.filters.limit.unwrap_or(usize::MAX);
    if args.filters.json {
        // The first `limit` values, and a chosen one wherever it stands.
        let cut = |v: &[FacetCount], chosen: &Option<Vec<String>>| -> Vec<serde_json::Value> {
            v.iter()
                .enumerate()
                .filter(|(i, f)| *i < limit || is_chosen(chosen, &f.value))
                .map(|(_, f)| serde_json::json!({"value": f.value, "count": f.count}))
                .collect()
        };
        let mut chosen = serde_json::Map::new();
        for (name, values) in [
            ("provinces", &selected.provinces),
            ("sectors", &selected.sectors),
            ("sources", &selected.sources),
            ("topics", &selected.topics),
        ] {
            if let Some(v) = values {
                chosen.insert(name.into(), serde_json::json!(v));
            }
        }
        let v = serde_json::json!({
            "total": total,
            "provinces": cut(&facets.provinces, &selected.provinces),
            "sectors": cut(&facets.sectors, &selected.sectors),
            "sources": cut(&facets.sources, &selected.sources),
            "topics": cut(&facets.topics, &selected.topics),
            "months": cut(&months, &None),
            "selected": chosen,
        });
        writeln!(out, "{v}").map_err(anyhow::Error::from)?;
        return Ok(());
    }
    if std::io::stdout().is_terminal() {
        let cols = crossterm::terminal::size().map_or(80, |(c, _)| c as usize);
        let report = stats_chart::Report {
            total,
            facets: &facets,
            filter: &filter,
            selected: &selected,
            undated,
        };
        let text = stats_chart::render(&report, cols, args.filters.limit);
        out.write_all(text.as_bytes())
            .map_err(anyhow::Error::from)?;
        return Ok(());
    }
    let w = |out: &mut dyn Write, s: String| writeln!(out, "{s}").map_err(anyhow::Error::from);
    w(
        out,
        if total == 1 {
            "1 article".to_string()
        } else {
            format!("{total} articles")
        },
    )?;
    let none = None;
    let sections: [Section; 5] = [
        (
            "provinces",
            "--province",
            &facets.provinces,
            &selected.provinces,
            province_label,
        ),
        (
            "sectors",
            "--sector",
            &facets.sectors,
            &selected.sectors,
            sector_label,
        ),
        (
            "sources",
            "--source",
            &facets.sources,
            &selected.sources,
            str::to_string,
        ),
        (
            "topics",
            "--topic",
            &facets.topics,
            &selected.topics,
            str::to_string,
        ),
        ("months", "", &months, &none, str::to_string),
    ];
    for (name, flag, counts, chosen, label) in sections {
        if counts.is_empty() {
            continue;
        }
        // A chosen value that no article has is still shown, at 0, so that the output says
        // what was chosen.
        let mut counts = counts.to_vec();
        for value in chosen.iter().flatten() {
            if !counts.iter().any(|c| &c.value == value) {
                counts.push(FacetCount {
                    value: value.clone(),
                    count: 0,
                });
            }
        }
        w(out, String::new())?;
        w(out, heading(name, flag, chosen.is_some()))?;
        let top = counts.iter().map(|c| c.count).max().unwrap_or(1).max(1);
        // The first `limit` values, and a chosen one wherever it stands.
        let shown: Vec<&FacetCount> = counts
            .iter()
            .enumerate()
            .filter(|(i, c)| *i < limit || is_chosen(chosen, &c.value))
            .map(|(_, c)| c)
            .collect();
        for c in &shown {
            let bar = "█".repeat((c.count * 30).div_ceil(top));
            let mark = if is_chosen(chosen, &c.value) {
                "▸"
            } else {
                " "
            };
            w(
                out,
                format!("{mark} {:>6}  {:<30}  {}", c.count, bar, label(&c.value)),
            )?;
        }
        if counts.len() > shown.len() {
            w(out, format!("  … {} more", counts.len() - shown.len()))?;
        }
    }
    Ok(())
}

/// `provinces:`, or for a facet with a filter, that its counts leave the filter out.
fn heading(name: &str, flag: &str, filtered: bool) -> String {
    if filtered {
        format!("{name} (counts without the {flag} filter; ▸ chosen):")
    } else {
        format!("{name}:")
    }
}

/// A facet's heading, the flag that filters it, its counts, the values chosen and how to
/// label a value.
type Section<'a> = (
    &'a str,
    &'a str,
    &'a [FacetCount],
    &'a Option<Vec<String>>,
    fn(&str) -> String,
);

fn province_label(en: &str) -> String {
    if en == NATIONAL {
        return "全国 National".to_string();
    }
    match regions::province_by_name(en) {
        Some(p) => format!("{} {}", p.zh, p.en),
        None => en.to_string(),
    }
}

fn sector_label(slug: &str) -> String {
    match sectors::sector_by_name(slug) {
        Some(s) => format!("{} {}", s.slug, s.zh),
        None => slug.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fc(value: &str, count: usize) -> FacetCount {
        FacetCount {
            value: value.into(),
            count,
        }
    }

    #[test]
    fn chosen_values_are_named_as_the_counts_name_them() {
        let facets = Facets {
            sources: vec![fc("人民日报", 3), fc("China Daily", 2)],
            topics: vec![fc("产教融合", 4)],
            months: vec![fc("2025-11", 2), fc("2025-10", 3)],
            ..Facets::default()
        };
        let filter = Filter {
            provinces: vec!["Shandong", NATIONAL],
            sources: vec!["Ren Min Ri Bao".into(), "Nowhere Daily".into()],
            topics: vec!["產教融合".into()],
            ..Filter::default()
        };
        let s = Selected::new(&filter, &facets);
        assert_eq!(
            s.provinces,
            Some(vec!["Shandong".to_string(), NATIONAL.to_string()])
        );
        assert_eq!(s.sectors, None);
        assert_eq!(
            s.sources,
            Some(vec!["人民日报".to_string(), "Nowhere Daily".to_string()])
        );
        assert_eq!(s.topics, Some(vec!["产教融合".to_string()]));
        assert!(is_chosen(&s.sources, "人民日报"));
        assert!(!is_chosen(&s.sources, "China Daily"));
        assert!(!is_chosen(&s.sectors, "food"));
        assert_eq!(undated(7, &facets), 2);
        assert_eq!(undated(5, &facets), 0);
    }
}
