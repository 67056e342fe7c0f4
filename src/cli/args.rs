//! The command line (SPEC §5), as clap definitions.

use std::path::PathBuf;

use clap::{ArgGroup, Args, Parser, Subcommand, ValueEnum};

use crate::cli::format_arg::FormatName;
use crate::cli::offer_arg::Offered;

#[derive(Debug, Parser)]
#[command(
    name = "chanjiao",
    version,
    about = "A fast terminal reader for news about China's vocational education and industry–education integration (产教融合)",
    long_about = None
)]
pub struct Cli {
    /// Where the index and reading state live (default: $CHANJIAO_DATA_DIR when set and not
    /// empty, else the platform data directory).
    #[arg(
        long,
        global = true,
        value_name = "DIR",
        help_heading = "Global options"
    )]
    pub data_dir: Option<PathBuf>,
    /// Read this folder (or file) instead of the configured corpus; repeatable.
    #[arg(
        long,
        global = true,
        value_name = "DIR",
        help_heading = "Global options"
    )]
    pub corpus: Vec<PathBuf>,
    /// Configuration file (default: config.toml in the platform config directory).
    #[arg(
        long,
        global = true,
        value_name = "FILE",
        help_heading = "Global options"
    )]
    pub config: Option<PathBuf>,
    /// Open the reader on an empty search instead of where the last session ended (read
    /// marks, stars and saved views are kept).
    #[arg(long)]
    pub fresh: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List articles, newest first (undated last).
    List(ListArgs),
    /// Show one article by id (a unique prefix is enough).
    Show(ShowArgs),
    /// Search: words are ANDed; "exact phrase", -word, OR, province:, sector:, source:,
    /// topic:, after:/before: dates. Chinese needs no spaces.
    Search(SearchArgs),
    /// Build the index or bring it up to date, and say what changed.
    Index(IndexArgs),
    /// Counts by province, sector, source, topic and month.
    Stats(StatsArgs),
    /// Write what `list` (or, with a query, `search`) finds as Markdown, JSON or CSV.
    Export(ExportArgs),
    /// Print a shell completion script.
    Completions(CompletionsArgs),
    /// Print the manual page, or write one page per command into a folder.
    Man(ManArgs),
    /// The configuration file: print the documented default, where it is, or check it.
    Config(ConfigArgs),
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("what").required(true)))]
pub struct ConfigArgs {
    /// Print the default configuration, every setting and key documented.
    #[arg(long, group = "what")]
    pub default: bool,
    /// Print where the configuration file is read from.
    #[arg(long, group = "what")]
    pub path: bool,
    /// Check the configuration file: OK, or each problem with its line.
    #[arg(long, group = "what")]
    pub check: bool,
    /// Write the default configuration where it is read from (never over an existing file).
    #[arg(long, group = "what")]
    pub init: bool,
}

#[derive(Debug, Args)]
#[command(mut_arg("limit", |a| a.help("At most this many articles (default: 20)")))]
pub struct SearchArgs {
    /// The query (quote it in the shell when it has spaces).
    #[arg(required = true, num_args = 1..)]
    pub query: Vec<String>,
    #[command(flatten)]
    pub filters: FilterArgs,
}

#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Build from scratch even if the index is up to date.
    #[arg(long)]
    pub rebuild: bool,
}

#[derive(Debug, Args)]
#[command(
    mut_arg("json", |a| a.help("Print the counts as one JSON object")),
    mut_arg("limit", |a| a.help("At most this many values per facet (default: all)"))
)]
pub struct StatsArgs {
    #[command(flatten)]
    pub filters: FilterArgs,
}

#[derive(Debug, Args, Clone, Default)]
pub struct FilterArgs {
    /// Province, in English or Chinese (Shandong, 山东, 山东省); `national` for stories with
    /// no province. Repeat to match any of several.
    #[arg(long, value_name = "P", value_parser = Offered::Province, hide_possible_values = true)]
    pub province: Vec<String>,
    /// Sector slug or name (new-energy-vehicles, 新能源汽车). Repeatable.
    #[arg(long, value_name = "S", value_parser = Offered::Sector, hide_possible_values = true)]
    pub sector: Vec<String>,
    /// Outlet as written, or its Chinese or English name (Ren Min Ri Bao, 人民日报). Repeatable.
    #[arg(long, value_name = "X")]
    pub source: Vec<String>,
    /// The listing page's topic tag (产教融合). Repeatable.
    #[arg(long, value_name = "T")]
    pub topic: Vec<String>,
    /// Published on or after this date (YYYY-MM-DD, YYYY-MM or YYYY; / or . for - also).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Published on or before this date.
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Only articles not read yet in the reader (with --starred: either).
    #[arg(long)]
    pub unread: bool,
    /// Only articles starred in the reader.
    #[arg(long)]
    pub starred: bool,
    /// At most this many articles.
    // A negative number is taken as the value, so that the error says what is wrong with it.
    #[arg(long, value_name = "N", allow_negative_numbers = true, value_parser = count)]
    pub limit: Option<usize>,
    /// One JSON object per line.
    #[arg(long)]
    pub json: bool,
    /// The order [default: relevance with a query, else newest]
    #[arg(long, value_enum, value_name = "ORDER")]
    pub sort: Option<SortArg>,
}

/// The orders `--sort` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    /// Best match first, newest first on ties (newest first without words to rank by)
    Relevance,
    /// Newest first, undated last
    Newest,
    /// Oldest first, undated last
    Oldest,
}

#[derive(Debug, Args)]
#[command(mut_arg("limit", |a| a.help("At most this many articles (default: all that match)")))]
pub struct ListArgs {
    #[command(flatten)]
    pub filters: FilterArgs,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The article's id, or a unique prefix of it.
    pub id: String,
    /// Print the article as one JSON object.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
#[command(
    mut_arg("json", |a| a.help("Same as --format json")),
    mut_arg("limit", |a| a.help("At most this many articles (default: all that match)"))
)]
pub struct ExportArgs {
    /// A search query, as for `search`; without one, what `list` shows, in its order.
    pub query: Vec<String>,
    /// Output format [default: from the --output file's extension, else md]
    #[arg(long, value_name = "FORMAT", value_parser = FormatName)]
    pub format: Option<String>,
    /// Write to this file, replacing it whole, instead of standard output (`-`).
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub filters: FilterArgs,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write chanjiao.1 and a page per command (chanjiao-list.1, …) into this folder
    /// instead of printing chanjiao.1.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

/// A number of things: a whole number, 0 or more.
fn count(text: &str) -> Result<usize, String> {
    let t = text.trim();
    t.parse().map_err(|_| {
        if !t.is_empty() && t.chars().all(|c| c.is_ascii_digit()) {
            format!("too large a count: at most {}", usize::MAX)
        } else {
            "not a count: use a whole number, 0 or more".to_string()
        }
    })
}
