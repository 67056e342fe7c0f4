//! `chanjiao config` and a bad configuration, through the real binary.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod cli_support;

use std::path::Path;
use std::process::Output;

use cli_support::{stderr, stdout};

/// Runs the binary with this configuration file.
fn run(config: &Path, args: &[&str]) -> Output {
    let mut all = vec!["--config", config.to_str().unwrap()];
    all.extend_from_slice(args);
    cli_support::run(&all)
}

/// Runs a command under a configuration that must stop it with exit code 2; its stderr.
fn refused(dir: &Path, text: &str, args: &[&str]) -> (std::path::PathBuf, String) {
    let p = write(dir, text);
    let o = run(&p, args);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stdout(&o).is_empty());
    (p, stderr(&o))
}

fn write(dir: &Path, text: &str) -> std::path::PathBuf {
    let p = dir.join("config.toml");
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn the_printed_default_checks_ok() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(&dir.path().join("none.toml"), &["config", "--default"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("[keys]") && text.contains("quit = [\"q\", \"Ctrl-c\"]"));
    let p = write(dir.path(), &text);
    let o = run(&p, &["config", "--check"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o).trim(), format!("{}: OK", p.display()));
}

#[test]
fn check_prints_every_problem_with_its_line_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let (p, err) = refused(
        dir.path(),
        "sort = \"newest\"\n[colors]\ndate = \"bluish\"\n[keys]\ncycle_sort = \"j\"\n",
        &["config", "--check"],
    );
    let shown = p.display().to_string();
    assert!(err.contains(&format!("{shown}:3: colors.date")), "{err}");
    assert!(
        err.contains(&format!(
            "{shown}:5: key \"j\" is bound to both down and cycle_sort"
        )),
        "{err}"
    );
    assert!(!err.contains("panicked"));
}

#[test]
fn every_line_of_a_configuration_error_is_prefixed() {
    let dir = tempfile::tempdir().unwrap();
    let text = "sort = \"title\"\ntheme = \"zz\"\n";
    for args in [&["config", "--check"][..], &["list"]] {
        let (p, err) = refused(dir.path(), text, args);
        assert_eq!(err.lines().count(), 2, "{err}");
        for (n, line) in err.lines().enumerate() {
            let want = format!("chanjiao: {}:{}: ", p.display(), n + 1);
            assert!(line.starts_with(&want), "{args:?}: {err}");
        }
    }
}

#[test]
fn a_bad_configuration_stops_every_command_with_2() {
    let dir = tempfile::tempdir().unwrap();
    let (p, err) = refused(dir.path(), "\nsampel = true\n", &["list"]);
    let want = format!("chanjiao: {}:2: unknown field `sampel`", p.display());
    assert!(err.starts_with(&want), "{err}");
}

/// There is no title order: a configuration asking for one is refused, by `config --check`
/// and when the reader starts, with the file, the line and the orders there are.
#[test]
fn the_title_order_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let text = "theme = \"dark\"\nsort = \"title\"\n";
    let problem = "sort: unknown value \"title\"; use one of \"relevance\", \"newest\", \"oldest\"";
    for args in [&["config", "--check"][..], &[]] {
        let (p, err) = refused(dir.path(), text, args);
        let want = format!("chanjiao: {}:2: {problem}", p.display());
        assert_eq!(err.trim(), want, "{args:?}");
    }
}

#[test]
fn a_missing_configuration_given_on_the_command_line_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(&dir.path().join("missing.toml"), &["list"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot read the configuration"));
}

#[test]
fn without_the_sample_and_a_corpus_the_message_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let (_, err) = refused(dir.path(), "sample = false\n", &["list"]);
    assert!(
        err.contains("--corpus DIR") && err.contains("corpus = [...]"),
        "{err}"
    );
    // With the sample on, the same command reads it.
    let p = write(dir.path(), "sample = true\n");
    let o = run(&p, &["list", "--limit", "1"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn configured_corpus_folders_are_read_relative_to_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let news = dir.path().join("news");
    std::fs::create_dir(&news).unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample/05_single_zigong.txt");
    std::fs::copy(&fixture, news.join("a.txt")).unwrap();
    let p = write(dir.path(), "corpus = [\"news\"]\nsample = false\n");
    let o = run(&p, &["list", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 1);
}

#[test]
fn path_and_init() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("sub/config.toml");
    let o = run(&p, &["config", "--path"]);
    assert!(o.status.success());
    assert_eq!(stdout(&o).trim(), p.display().to_string());
    let o = run(&p, &["config", "--init"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let dflt = stdout(&run(&p, &["config", "--default"]));
    assert_eq!(std::fs::read_to_string(&p).unwrap(), dflt);
    // Never over an existing file.
    std::fs::write(&p, "sort = \"oldest\"\n").unwrap();
    let o = run(&p, &["config", "--init"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&p).unwrap(), "sort = \"oldest\"\n");
}

#[test]
fn config_needs_one_of_its_flags() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(&dir.path().join("c.toml"), &["config"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_bad_configuration_stops_the_reader_before_it_starts() {
    let dir = tempfile::tempdir().unwrap();
    let (p, err) = refused(dir.path(), "[keys]\nquit = \"Hyper-q\"\n", &[]);
    assert!(
        err.starts_with(&format!("chanjiao: {}:2: keys.quit", p.display())),
        "{err}"
    );
    assert!(!err.contains("terminal"), "{err}");
}

#[test]
fn a_configuration_that_leaves_quit_without_a_key_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "[keys]\nquit = []\n");
    let o = run(&p, &["config", "--check"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(&format!("chanjiao: {}:2: keys.quit:", p.display())),
        "{}",
        stderr(&o)
    );
    // Another key is fine.
    let p = write(dir.path(), "[keys]\nquit = \"Ctrl-q\"\n");
    let o = run(&p, &["config", "--check"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn check_notes_corpus_folders_that_are_not_there() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "corpus = [\"gone\"]\n");
    let o = run(&p, &["config", "--check"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let gone = dir.path().join("gone");
    assert!(stderr(&o).contains(&format!(
        "note: the corpus folder {} does not exist",
        gone.display()
    )));
}
