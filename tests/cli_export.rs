//! `chanjiao export`, `completions` and `man` as a user meets them: the real binary on the
//! embedded sample corpus (or a small corpus of our own), every format read back.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use chanjiao::article::Article;
use chanjiao::export::CSV_COLUMNS;
use clap::CommandFactory;

/// What a run of the binary printed, and how it ended.
struct Ran {
    out: Vec<u8>,
    err: String,
    code: Option<i32>,
}

impl Ran {
    fn text(&self) -> String {
        String::from_utf8(self.out.clone()).unwrap()
    }

    fn ok(self) -> Ran {
        assert_eq!(self.code, Some(0), "{}", self.err);
        self
    }
}

fn chanjiao(data: &Path, args: &[&str]) -> Ran {
    let o = Command::new(env!("CARGO_BIN_EXE_chanjiao"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env_remove("CHANJIAO_DATA_DIR")
        .output()
        .unwrap();
    Ran {
        out: o.stdout,
        err: String::from_utf8_lossy(&o.stderr).into_owned(),
        code: o.status.code(),
    }
}

/// A data directory with the sample corpus indexed, shared by the tests of this file
/// (each run starts from an empty one).
fn sample() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli_export_sample");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        chanjiao(&dir, &["index"]).ok();
        dir
    })
}

fn json_lines(r: &Ran) -> Vec<Article> {
    r.text()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn ids(articles: &[Article]) -> Vec<&str> {
    articles.iter().map(|a| a.id.as_str()).collect()
}

fn exported_json(args: &[&str]) -> Vec<Article> {
    let mut all = vec!["export", "--format", "json"];
    all.extend_from_slice(args);
    serde_json::from_slice(&chanjiao(sample(), &all).ok().out).unwrap()
}

#[test]
fn json_is_an_array_of_the_records_show_prints_in_list_order() {
    let exported = exported_json(&[]);
    let listed = json_lines(&chanjiao(sample(), &["list", "--json"]).ok());
    assert!(exported.len() >= 30);
    assert_eq!(ids(&exported), ids(&listed));
    for a in &exported {
        let shown = chanjiao(sample(), &["show", &a.id, "--json"]).ok();
        let shown: Article = serde_json::from_slice(&shown.out).unwrap();
        assert_eq!(&shown, a);
    }
}

#[test]
fn csv_reads_back_field_for_field() {
    let data = tempfile::tempdir().unwrap();
    let corpus = data.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(
        corpus.join("quoted.txt"),
        "Workflow\n烟台船厂\"订单班\", 再扩容: welding and robots\nXin Hua She· 2025-06-03 15:12\n\n\
         烟台职业学院与船厂共建\"订单班\",首批学员上岗。\n\
         The yard said, \"the first class did well\", and plans more.\n",
    )
    .unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/webpage.txt"),
        corpus.join("webpage.txt"),
    )
    .unwrap();
    let c = corpus.to_str().unwrap();
    let records: Vec<Article> = serde_json::from_slice(
        &chanjiao(data.path(), &["--corpus", c, "export", "--json"])
            .ok()
            .out,
    )
    .unwrap();
    let table = chanjiao(data.path(), &["--corpus", c, "export", "--format", "csv"]).ok();
    assert!(
        table.out.starts_with(b"\xEF\xBB\xBF"),
        "a byte order mark first"
    );

    let mut reader = csv::Reader::from_reader(table.out.as_slice());
    assert_eq!(reader.headers().unwrap(), &CSV_COLUMNS.to_vec());
    assert_eq!((CSV_COLUMNS[0], CSV_COLUMNS[12]), ("id", "body"));
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), records.len());
    assert_eq!(rows.len(), 2);
    for (row, a) in rows.iter().zip(&records) {
        // Every column holds the JSON field of its name: a string, null as empty, or a list
        // joined with `;`.
        let json = serde_json::to_value(a).unwrap();
        for (value, name) in row.iter().zip(CSV_COLUMNS) {
            let expected = match &json[name] {
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Null => String::new(),
                serde_json::Value::Array(items) => items
                    .iter()
                    .map(|v| v.as_str().unwrap())
                    .collect::<Vec<_>>()
                    .join(";"),
                other => panic!("{name}: {other}"),
            };
            assert_eq!(value, expected, "{name}");
        }
    }
    let quoted = records
        .iter()
        .find(|a| a.file.ends_with("quoted.txt"))
        .unwrap();
    assert!(
        quoted.title.contains("\", "),
        "the title keeps its quote and comma"
    );
    assert!(
        records.iter().all(|a| a.body.contains('\n')),
        "multi-line bodies"
    );
}

#[test]
fn markdown_has_a_heading_per_article_and_every_body_line() {
    let md = chanjiao(sample(), &["export"]).ok().text();
    let listed = json_lines(&chanjiao(sample(), &["list", "--json"]).ok());
    let headings: Vec<&str> = md.lines().filter_map(|l| l.strip_prefix("## ")).collect();
    let titles: Vec<&str> = listed.iter().map(|a| a.title.trim()).collect();
    assert_eq!(headings, titles);
    assert_eq!(md.matches("\n---\n").count(), listed.len() - 1);
    let md_lines: Vec<&str> = md.lines().collect();
    for a in &listed {
        for line in a.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let text = line.strip_prefix("- ").unwrap_or(line);
            assert!(
                md_lines.iter().any(|l| l.contains(text)),
                "{}: body line missing: {text}",
                a.id
            );
        }
    }
    let summary = listed.iter().find(|a| !a.headings.is_empty()).unwrap();
    let heading = summary.lines().nth(summary.headings[0]).unwrap();
    assert!(md_lines.contains(&format!("### {heading}").as_str()));
}

#[test]
fn filters_narrow_the_export_as_they_narrow_list() {
    let exported = exported_json(&["--province", "山东", "--since", "2025"]);
    let listed = json_lines(
        &chanjiao(
            sample(),
            &[
                "list",
                "--json",
                "--province",
                "Shandong",
                "--since",
                "2025",
            ],
        )
        .ok(),
    );
    assert!(!exported.is_empty());
    assert!(exported.len() < exported_json(&[]).len());
    assert_eq!(ids(&exported), ids(&listed));
    assert_eq!(exported_json(&["--limit", "2"]).len(), 2);
    assert!(exported_json(&["--since", "2099"]).is_empty());
}

#[test]
fn a_query_exports_every_match_in_search_order() {
    let searched = json_lines(
        &chanjiao(
            sample(),
            &["search", "college", "--json", "--limit", "1000"],
        )
        .ok(),
    );
    assert!(
        searched.len() > 20,
        "the sample needs more than a page of matches for this test to mean something"
    );
    let exported = exported_json(&["college"]);
    assert_eq!(ids(&exported), ids(&searched));
    let narrowed = exported_json(&["college", "--province", "Shandong"]);
    assert!(!narrowed.is_empty() && narrowed.len() < exported.len());
    assert!(
        narrowed
            .iter()
            .all(|a| a.provinces.iter().any(|p| p == "Shandong"))
    );
}

#[test]
fn an_export_that_matches_nothing_says_so_and_writes_no_file() {
    let r = chanjiao(sample(), &["export", "zzzq"]).ok();
    assert_eq!(r.err, "chanjiao: no articles match 'zzzq'\n");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x2.md");
    let r = chanjiao(sample(), &["export", "zzzq", "-o", path.to_str().unwrap()]).ok();
    assert!(!path.exists(), "an empty export was written");
    assert_eq!(r.err.lines().count(), 1, "{}", r.err);
    assert!(
        r.err.starts_with("chanjiao: no articles match 'zzzq'; ")
            && r.err.contains("x2.md was not written"),
        "{}",
        r.err
    );
    // An earlier export stays as it was.
    std::fs::write(&path, "an older export").unwrap();
    chanjiao(
        sample(),
        &["export", "--since", "2099", "-o", path.to_str().unwrap()],
    )
    .ok();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "an older export");
}

#[test]
fn output_file_takes_its_format_from_the_extension_and_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let n = exported_json(&[]).len();
    for (name, starts) in [
        ("all.csv", "\u{FEFF}id,"),
        ("all.json", "[\n"),
        ("all.md", "## "),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, "an older export, to be replaced whole").unwrap();
        let r = chanjiao(sample(), &["export", "--output", path.to_str().unwrap()]).ok();
        assert!(r.out.is_empty(), "nothing on standard output");
        assert_eq!(r.err.lines().count(), 1, "{}", r.err);
        assert!(
            r.err.contains(&format!("{n} articles")) && r.err.contains(name),
            "{}",
            r.err
        );
        let written = std::fs::read_to_string(&path).unwrap();
        assert!(written.starts_with(starts), "{name}: {}", &written[..40]);
    }
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 3, "no temporary files left behind");
    let explicit = dir.path().join("data.txt");
    chanjiao(
        sample(),
        &[
            "export",
            "-o",
            explicit.to_str().unwrap(),
            "--format",
            "json",
        ],
    )
    .ok();
    let back: Vec<Article> = serde_json::from_slice(&std::fs::read(&explicit).unwrap()).unwrap();
    assert_eq!(back.len(), n);
    let dash = chanjiao(sample(), &["export", "-o", "-", "--json"]).ok();
    assert!(dash.err.is_empty(), "{}", dash.err);
    assert_eq!(
        serde_json::from_slice::<Vec<Article>>(&dash.out).unwrap(),
        back
    );
}

#[test]
fn a_bad_format_is_a_one_line_usage_error_naming_it() {
    for args in [
        &["export", "--format", "xlsx"][..],
        &["export", "--json", "--format", "csv"][..],
    ] {
        let r = chanjiao(sample(), args);
        assert_eq!(r.code, Some(2), "{args:?}");
        assert_eq!(r.err.lines().count(), 1, "{}", r.err);
        assert!(r.err.contains("--format"), "{}", r.err);
    }
    assert!(
        chanjiao(sample(), &["export", "--format", "xlsx"])
            .err
            .contains("'xlsx'")
    );
    // A file named for a format no export is written in: said, and nothing written.
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("all.pdf");
    let r = chanjiao(sample(), &["export", "-o", pdf.to_str().unwrap()]);
    assert_eq!(r.code, Some(2), "{}", r.err);
    assert_eq!(r.err.lines().count(), 1, "{}", r.err);
    assert!(
        r.err.contains("all.pdf") && r.err.contains("--format"),
        "{}",
        r.err
    );
    assert!(!pdf.exists());
    // Without an extension, or as .txt, it is Markdown.
    for name in ["notes", "notes.txt"] {
        let path = dir.path().join(name);
        chanjiao(sample(), &["export", "-o", path.to_str().unwrap()]).ok();
        assert!(std::fs::read_to_string(&path).unwrap().starts_with("## "));
    }
}

#[test]
fn an_unwritable_output_is_a_one_line_error_naming_it_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-folder/out.md");
    let taken = dir.path().join("taken.md");
    std::fs::create_dir(&taken).unwrap();
    for path in [missing, taken] {
        let r = chanjiao(sample(), &["export", "--output", path.to_str().unwrap()]);
        assert_eq!(r.code, Some(1));
        assert_eq!(r.err.lines().count(), 1, "{}", r.err);
        assert!(r.err.contains(path.to_str().unwrap()), "{}", r.err);
    }
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "only the folder in the way");
}

fn subcommands() -> Vec<String> {
    chanjiao::cli::Cli::command()
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect()
}

#[test]
fn completions_offer_every_subcommand_and_the_export_formats() {
    // No settings are read: a missing config file or home does not matter here.
    let data = tempfile::tempdir().unwrap();
    let script = |shell: &str| {
        chanjiao(
            data.path(),
            &["--config", "/no/such/config.toml", "completions", shell],
        )
        .ok()
        .text()
    };
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = script(shell);
        for sub in subcommands() {
            assert!(script.contains(&sub), "{shell}: {sub} missing");
        }
    }
    // The shells that complete values offer the formats (csv named only there).
    assert!(script("bash").contains("\"md json csv\""));
    assert!(script("zsh").contains("csv\\:\"a CSV table"));
    assert!(script("fish").contains("csv\\t'a CSV table"));
    let bad = chanjiao(data.path(), &["completions", "tcsh"]);
    assert_eq!(bad.code, Some(2));
}

#[test]
fn bash_completion_is_valid_bash() {
    let data = tempfile::tempdir().unwrap();
    let script = chanjiao(data.path(), &["completions", "bash"]).ok();
    let Ok(mut bash) = Command::new("bash")
        .arg("-n")
        .stdin(std::process::Stdio::piped())
        .spawn()
    else {
        eprintln!("bash is not installed: syntax check skipped");
        return;
    };
    use std::io::Write;
    bash.stdin.take().unwrap().write_all(&script.out).unwrap();
    assert!(bash.wait().unwrap().success());
}

#[test]
fn man_is_roff_that_names_every_subcommand() {
    let data = tempfile::tempdir().unwrap();
    let page = chanjiao(data.path(), &["man"]).ok().text();
    assert!(page.contains(".TH chanjiao 1"), "{page}");
    for section in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH OPTIONS",
        ".SH \"EXIT STATUS\"",
    ] {
        assert!(page.contains(section), "{section}");
    }
    for sub in subcommands() {
        assert!(
            page.contains(&format!("chanjiao\\-{sub}(1)")),
            "{sub} missing"
        );
    }
}

#[test]
fn man_dir_writes_a_page_per_subcommand() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().join("man/man1");
    let r = chanjiao(data.path(), &["man", "--dir", dir.to_str().unwrap()]).ok();
    let mut expected: Vec<String> = subcommands()
        .iter()
        .map(|s| format!("chanjiao-{s}.1"))
        .collect();
    expected.push("chanjiao.1".into());
    expected.sort();
    let mut written: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(written, expected);
    assert!(
        r.err.contains(&format!("{} man pages", expected.len())),
        "{}",
        r.err
    );
    let export = std::fs::read_to_string(dir.join("chanjiao-export.1")).unwrap();
    assert!(export.contains(".TH chanjiao-export 1") && export.contains("\\-\\-format"));
}
