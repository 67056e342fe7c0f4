//! `chanjiao stats`: counts by province, sector, source, topic and month for the filters:
//! bar charts on a terminal, plain lines (or `--json`) when the output goes elsewhere.

use std::io::{IsTerminal, Write};

use crate::cli::args::StatsArgs;
use crate::cli::open::with_index;
use crate::cli::{CliError, list, stats_chart};
use crate::filter::NATIONAL;
use crate::index::FacetCount;
use crate::settings::Settings;
use crate::tagging::{regions, sectors};

pub fn run(settings: &Settings, args: &StatsArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let filter = list::resolve(&args.filters)?;
    let (total, facets) = with_index(settings, |index| index.stats(&filter))?;
    let limit = args.filters.limit.unwrap_or(usize::MAX);
    if args.filters.json {
        let cut = |v: &[FacetCount]| -> Vec<serde_json::Value> {
            v.iter()
                .take(limit)
                .map(|f| serde_json::json!({"value": f.value, "count": f.count}))
                .collect()
        };
        let v = serde_json::json!({
            "total": total,
            "provinces": cut(&facets.provinces),
            "sectors": cut(&facets.sectors),
            "sources": cut(&facets.sources),
            "topics": cut(&facets.topics),
            "months": cut(&facets.months),
        });
        writeln!(out, "{v}").map_err(anyhow::Error::from)?;
        return Ok(());
    }
    if std::io::stdout().is_terminal() {
        let cols = crossterm::terminal::size().map_or(80, |(c, _)| c as usize);
        let text = stats_chart::render(total, &facets, &filter, cols, args.filters.limit);
        out.write_all(text.as_bytes())
            .map_err(anyhow::Error::from)?;
        return Ok(());
    }
    let w = |out: &mut dyn Write, s: String| writeln!(out, "{s}").map_err(anyhow::Error::from);
    w(out, format!("{total} articles"))?;
    let sections: [Section; 5] = [
        ("provinces", &facets.provinces, province_label),
        ("sectors", &facets.sectors, sector_label),
        ("sources", &facets.sources, str::to_string),
        ("topics", &facets.topics, str::to_string),
        ("months", &facets.months, str::to_string),
    ];
    for (name, counts, label) in sections {
        if counts.is_empty() {
            continue;
        }
        w(out, String::new())?;
        w(out, format!("{name}:"))?;
        let top = counts.iter().map(|c| c.count).max().unwrap_or(1).max(1);
        for c in counts.iter().take(limit) {
            let bar = "█".repeat((c.count * 30).div_ceil(top));
            w(
                out,
                format!("  {:>6}  {:<30}  {}", c.count, bar, label(&c.value)),
            )?;
        }
    }
    Ok(())
}

/// A facet's heading, its counts and how to label a value.
type Section<'a> = (&'a str, &'a [FacetCount], fn(&str) -> String);

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
