//! The gazetteer: places of China and the province each belongs to, as data in
//! `assets/regions/*.tsv`, embedded in the binary and parsed once.
//!
//! Columns (tab-separated): `zh`, `full_zh`, `en`, `level`, `province`, `aliases`, `flags`.
//! Aliases and flags are comma-separated. A name that starts with `~` is *weak*: a common
//! word or a person's name as often as a place, so it counts only next to a suffix
//! (市, City, Prefecture …), before a word that makes it a place (职业技术学院, 职业院校, 职校,
//! 港, 新区 …) or next to its own province — and
//! anywhere in an article that names the same place so once. Flags: `shared` (the name exists in more than one province and
//! never decides one alone), `inst` (a phrase that names an institution).

use std::sync::LazyLock;

use super::provinces::{Province, by_english};

/// The gazetteer files, in the order they are read.
const FILES: &[(&str, &str)] = &[
    (
        "provinces.tsv",
        include_str!("../../../assets/regions/provinces.tsv"),
    ),
    (
        "prefectures.tsv",
        include_str!("../../../assets/regions/prefectures.tsv"),
    ),
    (
        "local.tsv",
        include_str!("../../../assets/regions/local.tsv"),
    ),
    (
        "phrases.tsv",
        include_str!("../../../assets/regions/phrases.tsv"),
    ),
];

/// Administrative level of a gazetteer row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    /// One of the 34 provincial-level divisions.
    Province,
    /// Prefecture-level city, autonomous prefecture, league or area (地区).
    Prefecture,
    /// A city or county of Hong Kong, Macao or Taiwan.
    City,
    /// County-level city, county or banner.
    County,
    /// National-level new area (浦东新区, 金普新区 …).
    NewArea,
    /// Urban district.
    District,
    /// Functional zone or well-known area (中关村, 前海 …).
    Area,
    /// A phrase that names a place (an institution, say).
    Phrase,
    /// A phrase that contains a place name but is not a place (长安汽车).
    Block,
}

impl Level {
    fn parse(s: &str) -> Option<Level> {
        Some(match s {
            "province" => Level::Province,
            "prefecture" => Level::Prefecture,
            "city" => Level::City,
            "county" => Level::County,
            "new-area" => Level::NewArea,
            "district" => Level::District,
            "area" => Level::Area,
            "phrase" => Level::Phrase,
            "block" => Level::Block,
            _ => return None,
        })
    }

    /// The name used in the data files.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Province => "province",
            Level::Prefecture => "prefecture",
            Level::City => "city",
            Level::County => "county",
            Level::NewArea => "new-area",
            Level::District => "district",
            Level::Area => "area",
            Level::Phrase => "phrase",
            Level::Block => "block",
        }
    }

    /// Precedence when one name belongs to places of different levels: a bare "Pingxiang"
    /// means the prefecture (萍乡), not the county-level city (凭祥). Lower wins.
    pub(crate) fn rank(self) -> u8 {
        match self {
            Level::Province | Level::Phrase | Level::Block => 0,
            Level::Prefecture | Level::City => 1,
            Level::County | Level::NewArea => 2,
            Level::District | Level::Area => 3,
        }
    }

    /// Whether the short `zh` column is itself matched (only for provinces, prefectures and
    /// the cities of Hong Kong, Macao and Taiwan; lower levels match by full name and
    /// aliases, since their short forms are too often ordinary words).
    fn matches_short_name(self) -> bool {
        matches!(self, Level::Province | Level::Prefecture | Level::City)
    }
}

/// One row of the gazetteer.
#[derive(Debug)]
pub struct Place {
    /// Short Chinese name (德州), without the weak marker.
    pub zh: &'static str,
    /// Full Chinese name (德州市).
    pub full_zh: &'static str,
    /// English or pinyin name (Dezhou).
    pub en: &'static str,
    /// Administrative level.
    pub level: Level,
    /// The province it lies in; `None` for a [`Level::Block`] phrase.
    pub province: Option<&'static Province>,
    /// Other names, Chinese or English, without weak markers.
    pub aliases: Vec<&'static str>,
    /// The name exists in several provinces: never decides a province alone.
    pub shared: bool,
    /// The phrase names an institution (a university, say).
    pub institution: bool,
    /// Data file and line number, for messages.
    pub file: &'static str,
    /// Line number in `file` (1-based).
    pub line: usize,
    names: Vec<(&'static str, bool)>,
}

impl Place {
    /// The names matched in text, each with whether it is weak.
    pub fn matched_names(&self) -> &[(&'static str, bool)] {
        &self.names
    }
}

struct Gazetteer {
    places: Vec<Place>,
    problems: Vec<String>,
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let mut g = Gazetteer {
        places: Vec::new(),
        problems: Vec::new(),
    };
    for (file, text) in FILES {
        for (i, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            match parse_row(file, i + 1, line) {
                Ok(place) => g.places.push(place),
                Err(e) => g.problems.push(format!("{file}:{}: {e}", i + 1)),
            }
        }
    }
    g
});

/// Every well-formed row of the gazetteer.
pub fn gazetteer() -> &'static [Place] {
    &GAZETTEER.places
}

/// The well-formed rows of these levels only, read apart from the whole gazetteer: a search
/// that looks up a few hundred province and city names need not build every row.
pub(super) fn places_of(levels: &[Level]) -> Vec<Place> {
    let mut out = Vec::new();
    for (file, text) in FILES {
        for (i, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            let level = line.split('\t').nth(3).and_then(|l| Level::parse(l.trim()));
            if line.starts_with('#') || !level.is_some_and(|l| levels.contains(&l)) {
                continue;
            }
            out.extend(parse_row(file, i + 1, line).ok());
        }
    }
    out
}

/// The English names and English aliases of the gazetteer's places (not of its phrases),
/// read straight from the data without building the rows: cheap enough for the first word
/// a search looks at.
pub(super) fn english_place_names() -> impl Iterator<Item = &'static str> {
    FILES
        .iter()
        .filter(|(file, _)| *file != "phrases.tsv")
        .flat_map(|(_, text)| text.lines())
        .filter(|line| !line.starts_with('#'))
        .flat_map(|line| {
            let mut cols = line.trim_end_matches('\r').split('\t');
            let en = cols.nth(2);
            let aliases = cols.nth(2).unwrap_or_default().split(',');
            (en.into_iter().chain(aliases))
                .map(|name| name.trim().trim_start_matches('~'))
                .filter(|name| !name.is_empty() && name.is_ascii())
        })
}

/// Rows that could not be read (they are skipped); empty in a healthy build.
pub fn gazetteer_problems() -> &'static [String] {
    &GAZETTEER.problems
}

fn split_weak(name: &'static str) -> (&'static str, bool) {
    match name.strip_prefix('~') {
        Some(rest) => (rest.trim(), true),
        None => (name.trim(), false),
    }
}

fn list(field: Option<&'static str>) -> impl Iterator<Item = &'static str> {
    field
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

fn parse_row(file: &'static str, line: usize, row: &'static str) -> Result<Place, String> {
    let cols: Vec<&'static str> = row.split('\t').collect();
    if cols.len() < 5 || cols.len() > 7 {
        return Err(format!(
            "expected 5 to 7 tab-separated columns, found {}",
            cols.len()
        ));
    }
    let (zh, zh_weak) = split_weak(cols[0]);
    let (full_zh, full_weak) = split_weak(cols[1]);
    let (en, en_weak) = split_weak(cols[2]);
    if zh.is_empty() || full_zh.is_empty() || en.is_empty() {
        return Err("empty name".into());
    }
    let level =
        Level::parse(cols[3].trim()).ok_or_else(|| format!("unknown level {:?}", cols[3]))?;
    let province = match (cols[4].trim(), level) {
        ("-", Level::Block) => None,
        (name, Level::Block) => return Err(format!("a block row has province {name:?}, not -")),
        (name, _) => Some(by_english(name).ok_or_else(|| format!("unknown province {name:?}"))?),
    };
    let mut shared = false;
    let mut institution = false;
    for flag in list(cols.get(6).copied()) {
        match flag {
            "shared" => shared = true,
            "inst" => institution = true,
            other => return Err(format!("unknown flag {other:?}")),
        }
    }
    let mut names = Vec::new();
    if level.matches_short_name() {
        names.push((zh, zh_weak));
    }
    names.push((full_zh, full_weak));
    names.push((en, en_weak));
    let mut aliases = Vec::new();
    for alias in list(cols.get(5).copied()) {
        let (alias, weak) = split_weak(alias);
        aliases.push(alias);
        names.push((alias, weak));
    }
    names.sort_unstable();
    names.dedup_by(|a, b| a.0 == b.0);
    Ok(Place {
        zh,
        full_zh,
        en,
        level,
        province,
        aliases,
        shared,
        institution,
        file,
        line,
        names,
    })
}
