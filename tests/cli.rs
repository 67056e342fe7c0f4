//! The command line as a user meets it: the real binary, exit codes, one-line errors.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod cli_support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use cli_support::{run, run_in, stderr, stdout};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

#[test]
fn list_without_corpus_reads_the_embedded_sample() {
    let o = run(&["list", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let n = stdout(&o).lines().count();
    assert!(
        n >= 30,
        "the sample corpus has at least 30 articles, got {n}"
    );
    assert!(stdout(&o).contains("\"file\":\"sample:"));
}

#[test]
fn list_filters_by_province_in_any_language() {
    let corpus = fixtures();
    let corpus = corpus.to_str().unwrap();
    let by = |p: &str| {
        let o = run(&["--corpus", corpus, "list", "--province", p, "--json"]);
        assert!(o.status.success(), "{}", stderr(&o));
        stdout(&o)
    };
    let en = by("Shandong");
    assert!(!en.is_empty());
    assert_eq!(en, by("shandong"));
    assert_eq!(en, by("山东"));
    assert_eq!(en, by("山东省"));
}

#[test]
fn unknown_province_is_a_usage_error_with_a_suggestion() {
    let o = run(&["list", "--province", "Shandon"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("Shandon") && err.contains("Shandong"), "{err}");
}

#[test]
fn unknown_sector_is_a_usage_error_with_a_suggestion() {
    let o = run(&["list", "--sector", "new-energi-vehicles"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("new-energy-vehicles"), "{}", stderr(&o));
}

#[test]
fn bad_date_is_a_usage_error() {
    let o = run(&["list", "--since", "2025-13-01"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("2025-13-01"));
    // A year has four digits: `25` is not the year 25.
    let data = tempfile::tempdir().unwrap();
    for args in [
        &["list", "--since", "25"][..],
        &["list", "--until", "12025"],
        &["search", "robot", "after:25"],
        &["export", "before:12025-01"],
        &["list", "--since", "2026", "--until", "2025"],
        &["search", "after:2025 before:2024"],
        &["search", "robot", "before:2024", "--since", "2025"],
    ] {
        let o = run_in(data.path(), args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stdout(&o).is_empty(), "{args:?}");
        let err = stderr(&o);
        assert!(
            err.starts_with("chanjiao: ") && err.lines().count() == 1,
            "{args:?}: {err}"
        );
    }
    let o = run_in(data.path(), &["list", "--since", "2026", "--until", "2025"]);
    assert!(
        stderr(&o).contains("--since 2026 is after --until 2025"),
        "{}",
        stderr(&o)
    );
    let o = run_in(data.path(), &["search", "after:2025 before:2024"]);
    assert!(
        stderr(&o).contains("the dates leave no day between them"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn no_results_is_success() {
    let o = run(&["list", "--since", "2099"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).is_empty());
    // Said on stderr, so that an empty answer is not taken for a silent failure.
    let says = |o: &Output, line: &str| assert!(stderr(o).contains(line), "{}", stderr(o));
    says(&o, "no articles match the filters");
    let o = run(&["search", "zzzqqq"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).is_empty());
    says(&o, "no articles match 'zzzqqq'");
    // With --json too: no lines on stdout, the same line on stderr.
    let data = tempfile::tempdir().unwrap();
    for (args, line) in [
        (
            &["search", "zzzqqq", "--json"][..],
            "no articles match 'zzzqqq'",
        ),
        (
            &["list", "--since", "2099", "--json"],
            "no articles match the filters",
        ),
    ] {
        let o = run_in(data.path(), args);
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        assert!(stdout(&o).is_empty(), "{args:?}");
        assert_eq!(stderr(&o), format!("chanjiao: {line}\n"), "{args:?}");
    }
}

#[test]
fn sort_orders_a_search_or_a_list_by_date() {
    let data = tempfile::tempdir().unwrap();
    let dates = |args: &[&str]| -> Vec<Option<String>> {
        let o = run_in(data.path(), args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        stdout(&o)
            .lines()
            .map(|l| {
                let a: serde_json::Value = serde_json::from_str(l).unwrap();
                a["published"].as_str().map(str::to_string)
            })
            .collect()
    };
    let ranked = dates(&["search", "职业", "--json", "--limit", "100"]);
    let newest = dates(&[
        "search", "职业", "--json", "--limit", "100", "--sort", "newest",
    ]);
    let oldest = dates(&[
        "search", "职业", "--json", "--limit", "100", "--sort", "oldest",
    ]);
    assert_eq!(newest.len(), ranked.len());
    assert_ne!(newest, ranked, "the ranking is not by date");
    let dated = |v: &[Option<String>]| v.iter().flatten().cloned().collect::<Vec<_>>();
    let (n, o) = (dated(&newest), dated(&oldest));
    assert!(n.windows(2).all(|w| w[0] >= w[1]), "{n:?}");
    assert!(o.windows(2).all(|w| w[0] <= w[1]), "{o:?}");
    // Undated last either way.
    for v in [&newest, &oldest] {
        let first_undated = v.iter().position(Option::is_none).unwrap_or(v.len());
        assert!(v[first_undated..].iter().all(Option::is_none), "{v:?}");
    }
    let listed = dates(&["list", "--json", "--sort", "oldest"]);
    let l = dated(&listed);
    assert!(l.len() > 2 && l.windows(2).all(|w| w[0] <= w[1]), "{l:?}");
    let o = run_in(data.path(), &["list", "--sort", "sideways"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("'sideways'"), "{}", stderr(&o));
}

#[test]
fn a_search_its_filters_leave_empty_says_what_the_words_find_alone() {
    let data = tempfile::tempdir().unwrap();
    let alone = run_in(
        data.path(),
        &["search", "无人机", "--json", "--limit", "100"],
    );
    let n = stdout(&alone).lines().count();
    assert!(n > 0);
    let noun = if n == 1 { "article" } else { "articles" };
    let robots = run_in(
        data.path(),
        &["search", "robots", "--json", "--limit", "100"],
    );
    let r = stdout(&robots).lines().count();
    assert!(r > 1);
    for (args, line) in [
        (
            &["search", "无人机", "--province", "西藏"][..],
            format!(
                "no articles match '无人机' with these filters; {n} {noun} without the filters"
            ),
        ),
        (
            &["search", "无人机 province:西藏"],
            format!("no articles match '无人机 province:西藏'; {n} {noun} without the filters"),
        ),
        // Filters alone, or words found nowhere: nothing to add.
        (
            &["search", "province:西藏", "--since", "2099"],
            "no articles match 'province:西藏' with these filters".to_string(),
        ),
        (
            &["search", "xylophone", "--province", "西藏"],
            "no articles match 'xylophone' with these filters".to_string(),
        ),
        // Misspelt too: what the words put right find without the filters.
        (
            &["search", "robtos", "--province", "西藏"],
            format!(
                "no articles match 'robtos' with these filters; 'robots' finds {r} articles \
                 without the filters"
            ),
        ),
    ] {
        let o = run_in(data.path(), args);
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        assert_eq!(stderr(&o), format!("chanjiao: {line}\n"), "{args:?}");
    }
}

#[test]
fn a_search_that_finds_nothing_offers_another_query() {
    let data = tempfile::tempdir().unwrap();
    // A misspelt word: stdout stays empty for scripts; the offer is said on stderr.
    let o = run_in(data.path(), &["search", "robtos", "--json"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).is_empty());
    let said = stderr(&o);
    assert!(
        said.starts_with("chanjiao: no articles match 'robtos'; did you mean 'robots'? ("),
        "{said}"
    );
    // What was offered finds what it said it would.
    let count = said
        .split(['(', ' '])
        .find_map(|w| w.parse::<usize>().ok())
        .unwrap();
    let o = run_in(
        data.path(),
        &["search", "robots", "--json", "--limit", "100"],
    );
    assert_eq!(stdout(&o).lines().count(), count);
    // A word no article holds with the others is left out, and named.
    let o = run_in(data.path(), &["search", "robots", "xylophone"]);
    assert!(
        stderr(&o).contains("; without 'xylophone')"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn limit_zero_prints_no_articles() {
    let data = tempfile::tempdir().unwrap();
    let lines = |args: &[&str]| {
        let o = run_in(data.path(), args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        // There are articles, so nothing is said about none matching.
        assert!(
            !stderr(&o).contains("no articles"),
            "{args:?}: {}",
            stderr(&o)
        );
        stdout(&o).lines().count()
    };
    assert!(lines(&["list", "--limit", "1"]) == 1);
    assert_eq!(lines(&["list", "--limit", "0"]), 0);
    assert_eq!(lines(&["list", "--limit", "0", "--json"]), 0);
    assert_eq!(lines(&["search", "产教融合", "--limit", "0", "--json"]), 0);
    let o = run_in(data.path(), &["export", "--limit", "0", "--format", "json"]);
    let exported: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(exported, serde_json::json!([]));
}

#[test]
fn a_corpus_path_that_does_not_exist_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nonexist");
    let missing = missing.to_str().unwrap();
    let o = run(&["--corpus", missing, "list"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).is_empty());
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(missing) && err.contains("not exist"), "{err}");
    // Two missing: both named.
    let other = dir.path().join("other");
    let other = other.to_str().unwrap();
    let o = run(&["--corpus", missing, "--corpus", other, "stats"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(missing) && err.contains(other), "{err}");
    // One of two: skipped with a notice, the other read.
    let corpus = fixtures();
    let o = run(&[
        "--corpus",
        missing,
        "--corpus",
        corpus.to_str().unwrap(),
        "list",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!stdout(&o).is_empty());
    assert_eq!(
        stderr(&o),
        format!("chanjiao: skipped {missing}: no such file or folder\n")
    );
    // A folder with nothing in it is a corpus, just an empty one; no filters were given.
    let o = run(&["--corpus", dir.path().to_str().unwrap(), "list"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stderr(&o), "chanjiao: the corpus has no articles\n");
}

#[test]
fn show_by_id_and_by_prefix() {
    let corpus = fixtures();
    let corpus = corpus.to_str().unwrap();
    let o = run(&["--corpus", corpus, "list", "--json", "--limit", "1"]);
    let v: serde_json::Value = serde_json::from_str(stdout(&o).lines().next().unwrap()).unwrap();
    let id = v["id"].as_str().unwrap();
    let shown = run(&["--corpus", corpus, "show", id, "--json"]);
    assert!(shown.status.success());
    let w: serde_json::Value = serde_json::from_str(stdout(&shown).trim()).unwrap();
    assert_eq!(w["title"], v["title"]);
    let text = run(&["--corpus", corpus, "show", &id[..6]]);
    assert!(stdout(&text).starts_with(v["title"].as_str().unwrap()));
    // In upper case too, whole or the start of it (this id has letters in its first six).
    assert_ne!(id[..6].to_uppercase(), id[..6]);
    for wanted in [id.to_uppercase(), id[..6].to_uppercase()] {
        let o = run(&["--corpus", corpus, "show", &wanted, "--json"]);
        assert_eq!(o.status.code(), Some(0), "{wanted}: {}", stderr(&o));
        let w: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
        assert_eq!(w["id"], v["id"]);
    }
}

#[test]
fn the_same_text_in_two_files_is_one_article() {
    let corpus = tempfile::tempdir().unwrap();
    let text = "柳州职校开设焊接机器人课程\nGuang Xi Ri Bao· 2025-03-04 09:00\n\n\
                柳州一所职业学校与本地车企合作，开设焊接机器人操作与维护课程，首批招收四十名学生。\n";
    for name in ["a.txt", "b.txt"] {
        std::fs::write(corpus.path().join(name), text).unwrap();
    }
    let data = tempfile::tempdir().unwrap();
    let dir = corpus.path().to_str().unwrap();
    let in_corpus = |args: &[&str]| {
        let mut all = vec!["--corpus", dir];
        all.extend_from_slice(args);
        run_in(data.path(), &all)
    };
    let o = in_corpus(&["list", "--json"]);
    let ids: Vec<String> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].to_string())
        .collect();
    assert_eq!(ids.len(), 1, "{}", stdout(&o));
    let o = in_corpus(&["index"]);
    assert!(
        stdout(&o).contains("1 article from 2 files, 1 copy counted once"),
        "{}",
        stdout(&o)
    );
    let id = ids[0].trim_matches('"').to_string();
    for wanted in [&id[..4], id.as_str()] {
        let o = in_corpus(&["show", wanted]);
        assert_eq!(o.status.code(), Some(0), "{wanted}: {}", stderr(&o));
        let shown = stdout(&o);
        assert!(shown.starts_with("柳州职校开设焊接机器人课程"), "{shown}");
        assert!(
            shown.contains("a.txt") && shown.contains("the same text is also in: "),
            "{shown}"
        );
        assert!(shown.trim_end().ends_with("b.txt"), "{shown}");
    }
}

#[test]
fn unknown_id_is_an_error() {
    let o = run(&["show", "ffffffffffff"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("ffffffffffff"));
}

#[test]
fn bad_files_are_reported_and_the_rest_listed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.txt"), b"").unwrap();
    std::fs::copy(fixtures().join("reversed.txt"), dir.path().join("ok.txt")).unwrap();
    let o = run(&["--corpus", dir.path().to_str().unwrap(), "list"]);
    assert!(o.status.success());
    assert_eq!(stdout(&o).lines().count(), 1);
    let err = stderr(&o);
    assert!(
        err.contains("empty.txt") && err.contains("empty file"),
        "{err}"
    );
}

#[test]
fn bad_config_names_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config.toml");
    std::fs::write(&cfg, "corpus = [\"a\"]\ncolour = 3\n").unwrap();
    let o = run(&["--config", cfg.to_str().unwrap(), "list"]);
    // A configuration mistake is a usage error.
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("config.toml:2"), "{err}");
}

#[test]
fn bad_flag_is_exit_2() {
    let o = run(&["list", "--no-such-flag"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn usage_errors_are_one_line_saying_where_the_help_is() {
    let cases: [(&[&str], &str); 6] = [
        (
            &["search", "x", "--limit", "abc"],
            "chanjiao: invalid value 'abc' for '--limit <N>': not a count: use a whole number, 0 or more \
             (see chanjiao search --help)",
        ),
        (
            &["list", "--limit", "-1"],
            "chanjiao: invalid value '-1' for '--limit <N>': not a count: use a whole number, 0 or more \
             (see chanjiao list --help)",
        ),
        (
            &["serch", "x"],
            "chanjiao: unrecognized subcommand 'serch'; did you mean 'search'? (see chanjiao --help)",
        ),
        (
            &["search", "产教融合", "after:"],
            "chanjiao: 'after:' has no value: write it with one (province:山东, after:2025-06) \
             or leave it out",
        ),
        (
            &["list", "--no-such-flag"],
            "chanjiao: unexpected argument '--no-such-flag' found (see chanjiao list --help)",
        ),
        (
            &["search"],
            "chanjiao: the following required arguments were not provided: <QUERY>... \
             (see chanjiao search --help)",
        ),
    ];
    for (args, want) in cases {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr(&o), format!("{want}\n"), "{args:?}");
        assert!(stdout(&o).is_empty(), "{args:?}");
    }
    // Help and the version are printed whole, as before.
    for args in [
        &["--help"][..],
        &["search", "--help"],
        &["search", "x", "-h"],
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        assert!(stdout(&o).lines().count() > 5, "{args:?}: {}", stdout(&o));
        assert!(stdout(&o).contains("Usage: chanjiao"), "{args:?}");
    }
    let o = run(&["--version"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).starts_with("chanjiao "), "{}", stdout(&o));
}

#[test]
fn a_word_typed_with_a_dash_is_an_exclusion_not_an_option() {
    let data = tempfile::tempdir().unwrap();
    let titles = |args: &[&str]| -> Vec<String> {
        let o = run_in(data.path(), args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        stdout(&o)
            .lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                v["title"].as_str().unwrap().to_string()
            })
            .collect()
    };
    let all = titles(&["search", "robot", "--json"]);
    let without = titles(&["search", "robot", "-welding", "--json"]);
    assert!(
        !without.is_empty() && without.len() < all.len(),
        "{without:?}"
    );
    // The same as the query in quotes, and options still work on either side of it.
    assert_eq!(without, titles(&["search", "--json", "robot -welding"]));
    assert_eq!(
        titles(&["search", "--json", "robot", "-welding", "--limit", "1"]).len(),
        1
    );
    // `-h` is help, but a word that only starts with h is not.
    let hebei = titles(&["search", "robot", "-hebei", "--json"]);
    assert!(!hebei.is_empty() && hebei.len() < all.len(), "{hebei:?}");
    assert!(titles(&["search", "robot", "-robots", "--json"]).is_empty());
    // A number.
    let with_2025 = titles(&["search", "2025", "--json"]);
    assert!(!with_2025.is_empty());
    let not_2025 = titles(&["search", "vocational", "-2025", "--json", "--limit", "100"]);
    assert!(!not_2025.is_empty());
    assert!(
        !not_2025.iter().any(|t| with_2025.contains(t)),
        "{not_2025:?}"
    );
    // Chinese, as the README shows it. The excluded word is searched as words side by side
    // too, which tantivy's debug assertions once tripped on (see Cargo.toml).
    // How the build cuts the index into segments decides whether that case arises, so the
    // index is built afresh a few times.
    let drones = titles(&["search", "无人机", "--json"]);
    for _ in 0..4 {
        let o = run_in(data.path(), &["index", "--rebuild"]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let not_chengdu = titles(&["search", "无人机", "-成都", "--json"]);
        assert!(
            !not_chengdu.is_empty() && not_chengdu.len() < drones.len(),
            "{not_chengdu:?}"
        );
        assert!(
            !not_chengdu.iter().any(|t| t.contains("成都")),
            "{not_chengdu:?}"
        );
    }
    // export takes a query too.
    let o = run_in(
        data.path(),
        &["export", "robot", "-welding", "--format", "json"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let exported: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(exported.as_array().unwrap().len(), without.len());
}

#[test]
fn index_builds_once_then_is_up_to_date() {
    let data = tempfile::tempdir().unwrap();
    let first = run_in(data.path(), &["index"]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(stdout(&first).starts_with("built: "), "{}", stdout(&first));
    let second = run_in(data.path(), &["index"]);
    assert!(
        stdout(&second).starts_with("up to date: "),
        "{}",
        stdout(&second)
    );
}

#[test]
fn index_reports_files_that_give_no_article_as_skipped_not_added() {
    let data = tempfile::tempdir().unwrap();
    let corpus = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixtures().join("single_page.txt"),
        corpus.path().join("page.txt"),
    )
    .unwrap();
    let c = corpus.path().to_str().unwrap();
    let o = run_in(data.path(), &["--corpus", c, "index"]);
    assert!(o.status.success(), "{}", stderr(&o));
    std::fs::write(corpus.path().join("bin"), b"\xff\xfe\x00\xd8").unwrap();
    std::fs::write(corpus.path().join("empty.txt"), b"").unwrap();
    let o = run_in(data.path(), &["--corpus", c, "index"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains(": 0 added, 0 changed, 0 removed, 2 skipped; ")
            && out.contains(" from 1 file, 2 skipped"),
        "{out}"
    );
    assert!(!out.contains(" + "), "{out}");
    assert_eq!(stderr(&o).matches("chanjiao: skipped ").count(), 2);
    let o = run_in(data.path(), &["--corpus", c, "index"]);
    assert!(stdout(&o).starts_with("up to date: "), "{}", stdout(&o));
    assert!(
        stdout(&o).contains(" from 1 file, 2 skipped"),
        "{}",
        stdout(&o)
    );
}

/// Many changed files: the first twenty are named, then how many more.
#[test]
fn index_names_the_first_changed_files_and_counts_the_rest() {
    let data = tempfile::tempdir().unwrap();
    let corpus = tempfile::tempdir().unwrap();
    let page = std::fs::read_to_string(fixtures().join("single_page.txt")).unwrap();
    let c = corpus.path().to_str().unwrap();
    std::fs::write(corpus.path().join("first.txt"), &page).unwrap();
    assert!(
        run_in(data.path(), &["--corpus", c, "index"])
            .status
            .success()
    );
    for i in 0..25 {
        std::fs::write(
            corpus.path().join(format!("p{i:02}.txt")),
            page.replace("\n\n", &format!("\n\n第{i}号。\n")),
        )
        .unwrap();
    }
    let o = run_in(data.path(), &["--corpus", c, "index"]);
    let out = stdout(&o);
    assert!(out.contains("25 added, 0 changed, 0 removed"), "{out}");
    assert_eq!(
        out.lines().filter(|l| l.starts_with("  + ")).count(),
        20,
        "{out}"
    );
    assert!(out.contains("\n  … 5 more\n"), "{out}");
}

#[test]
fn search_says_on_stderr_that_more_articles_match() {
    let o = run(&["search", "产教融合", "--limit", "2"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 4, "{}", stdout(&o));
    assert!(!stdout(&o).contains("shown"), "{}", stdout(&o));
    let err = stderr(&o);
    assert!(
        err.starts_with("chanjiao: 2 of ") && err.contains(" shown; --limit N for more"),
        "{err}"
    );
}

#[test]
fn search_prints_scored_records_with_snippets() {
    let data = tempfile::tempdir().unwrap();
    let o = run_in(
        data.path(),
        &["search", "產教聯合體", "--json", "--limit", "3"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let hits: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(hits.len(), 3, "traditional characters find simplified text");
    for h in &hits {
        assert!(h["score"].as_f64().unwrap() > 0.0);
        assert!(!h["snippet"].as_str().unwrap().is_empty());
    }
    let scores: Vec<f64> = hits.iter().map(|h| h["score"].as_f64().unwrap()).collect();
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]),
        "ranked: {scores:?}"
    );
}

#[test]
fn search_with_a_bad_filter_is_a_usage_error() {
    let o = run(&["search", "welding", "--province", "Atlantis"]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["search", "province:Atlantis"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    // OR cannot join words to a filter: said, rather than searching for the word "or".
    let o = run(&["search", "无人机 OR province:广东"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("OR joins words"), "{}", stderr(&o));
}

#[test]
fn an_outlet_or_topic_named_in_part_is_taken_for_those_it_names() {
    let data = tempfile::tempdir().unwrap();
    let ids = |args: &[&str]| {
        let o = run_in(data.path(), args);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        let mut ids: Vec<String> = stdout(&o)
            .lines()
            .filter_map(|l| l.split_whitespace().next().map(str::to_string))
            .collect();
        ids.sort();
        (ids, stderr(&o))
    };
    let (both, _) = ids(&["list", "--source", "新华网", "--source", "新华日报"]);
    assert!(!both.is_empty());
    for part in ["Xinhua", "新华"] {
        let (found, said) = ids(&["list", "--source", part]);
        assert_eq!(found, both, "{part}");
        assert!(said.contains("taken as 新华网 or 新华日报"), "{said}");
    }
    let (found, said) = ids(&["list", "--source", "xinhuanet"]);
    assert!(!found.is_empty() && said.is_empty(), "{said}");
    let (found, _) = ids(&["stats", "--source", "新华"]);
    assert!(!found.is_empty());
    // The query's field takes a part the same way.
    for q in ["source:Xinhua", "source:新华"] {
        let o = run_in(data.path(), &["search", q, "--json"]);
        assert!(o.status.success(), "{q}: {}", stderr(&o));
        let mut found: Vec<String> = stdout(&o)
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].to_string())
            .map(|id| id.trim_matches('"').to_string())
            .collect();
        found.sort();
        assert_eq!(found, both, "{q}");
        assert!(
            stderr(&o).contains("taken as 新华网 or 新华日报"),
            "{}",
            stderr(&o)
        );
    }
    for args in [
        &["list", "--source", "Atlantis Times"][..],
        &["search", "robot", "--topic", "foo"],
        &["search", "robot source:Xinhau"],
    ] {
        let o = run_in(data.path(), args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains("in the corpus"), "{}", stderr(&o));
    }
}

/// `CHANJIAO_DATA_DIR=` (set but empty, as `VAR= cmd` leaves it) is taken as unset, not as
/// an empty `--data-dir`.
#[test]
fn an_empty_data_dir_variable_is_unset() {
    let home = tempfile::tempdir().unwrap();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_chanjiao"))
        .args(["list", "--limit", "1"])
        .env("CHANJIAO_DATA_DIR", "")
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(home.path().join("data").join("chanjiao").is_dir());
}

#[test]
fn stats_says_how_many_values_a_limit_leaves_out() {
    let data = tempfile::tempdir().unwrap();
    let o = run_in(data.path(), &["stats", "--limit", "2"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let all = stdout(&run_in(data.path(), &["stats"]));
    let provinces = |t: &str| {
        t.lines()
            .skip_while(|l| !l.starts_with("provinces"))
            .skip(1)
            .take_while(|l| !l.is_empty())
            .count()
    };
    let more = format!("  … {} more", provinces(&all) - 2);
    assert!(text.contains(&more), "{text}");
    // A chosen value is shown wherever it stands.
    let o = run_in(
        data.path(),
        &["stats", "--province", "湖南", "--limit", "2"],
    );
    let text = stdout(&o);
    assert!(
        text.lines()
            .any(|l| l.starts_with('▸') && l.contains("湖南")),
        "{text}"
    );
    let o = run_in(
        data.path(),
        &["stats", "--province", "湖南", "--limit", "2", "--json"],
    );
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    let provinces = v["provinces"].as_array().unwrap();
    assert_eq!(provinces.len(), 3, "{v}");
    assert!(provinces.iter().any(|p| p["value"] == "Hunan"), "{v}");
    let help = stdout(&run(&["stats", "--help"]));
    assert!(
        help.contains("values per facet") && help.contains("one JSON object"),
        "{help}"
    );
}

/// The summary counts every entry stderr lists as skipped: files that gave no article and
/// entries that could not be read (a link to nowhere).
#[cfg(unix)]
#[test]
fn index_counts_unreadable_entries_as_skipped() {
    let corpus = tempfile::tempdir().unwrap();
    std::fs::write(
        corpus.path().join("a.txt"),
        "宁波职业院校开设港口物流专业\n\n宁波一所职业院校与港口企业合作，开设港口物流专业。\n",
    )
    .unwrap();
    std::fs::write(corpus.path().join("empty.txt"), "").unwrap();
    std::os::unix::fs::symlink(
        corpus.path().join("gone.txt"),
        corpus.path().join("link.txt"),
    )
    .unwrap();
    let data = tempfile::tempdir().unwrap();
    let dir = corpus.path().to_str().unwrap();
    let o = run_in(data.path(), &["--corpus", dir, "index"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stderr(&o).matches("skipped").count(), 2, "{}", stderr(&o));
    assert!(
        stdout(&o).contains("from 1 file, 2 skipped"),
        "{}",
        stdout(&o)
    );
    let o = run_in(data.path(), &["--corpus", dir, "stats"]);
    assert!(stdout(&o).starts_with("1 article\n"), "{}", stdout(&o));
}

#[test]
fn stats_counts_the_filtered_articles() {
    let data = tempfile::tempdir().unwrap();
    let all = run_in(data.path(), &["stats", "--json"]);
    let all: serde_json::Value = serde_json::from_str(stdout(&all).trim()).unwrap();
    let listed = stdout(&run_in(data.path(), &["list"])).lines().count();
    assert_eq!(all["total"].as_u64().unwrap() as usize, listed);
    let sd = run_in(data.path(), &["stats", "--json", "--province", "山东"]);
    let sd: serde_json::Value = serde_json::from_str(stdout(&sd).trim()).unwrap();
    let in_list = stdout(&run_in(data.path(), &["list", "--province", "Shandong"]))
        .lines()
        .count();
    assert_eq!(sd["total"].as_u64().unwrap() as usize, in_list);
    assert!(in_list > 0);
}

#[test]
fn stats_marks_what_a_filter_chose_and_says_its_counts_leave_it_out() {
    let data = tempfile::tempdir().unwrap();
    let o = run_in(data.path(), &["stats", "--province", "山东"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.starts_with("2 articles\n"), "{text}");
    let lines: Vec<&str> = text.lines().collect();
    let at = |start: &str| lines.iter().position(|l| l.starts_with(start)).unwrap();
    let provinces = at("provinces");
    assert_eq!(
        lines[provinces],
        "provinces (counts without the --province filter; ▸ chosen):"
    );
    let chosen: Vec<&&str> = lines[provinces..]
        .iter()
        .take_while(|l| !l.is_empty())
        .filter(|l| l.starts_with('▸'))
        .collect();
    assert_eq!(chosen.len(), 1, "{text}");
    assert!(chosen[0].ends_with("山东 Shandong"), "{text}");
    // Facets without a filter read as before.
    assert_eq!(lines[at("sectors")], "sectors:");
    assert!(!lines[at("sectors")..].iter().any(|l| l.starts_with('▸')));

    let json = |args: &[&str]| -> serde_json::Value {
        let o = run_in(data.path(), args);
        assert!(o.status.success(), "{}", stderr(&o));
        serde_json::from_str(stdout(&o).trim()).unwrap()
    };
    let v = json(&[
        "stats",
        "--json",
        "--sector",
        "smart-manufacturing",
        "--province",
        "山东",
    ]);
    assert_eq!(
        v["selected"],
        serde_json::json!({"provinces": ["Shandong"], "sectors": ["smart-manufacturing"]})
    );
    for field in [
        "total",
        "provinces",
        "sectors",
        "sources",
        "topics",
        "months",
    ] {
        assert!(!v[field].is_null(), "{field}: {v}");
    }
    assert_eq!(
        json(&["stats", "--json"])["selected"],
        serde_json::json!({})
    );
}

#[test]
fn stats_counts_undated_articles_after_the_months() {
    let data = tempfile::tempdir().unwrap();
    let o = run_in(data.path(), &["stats", "--json"]);
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    let months = v["months"].as_array().unwrap();
    let undated = stdout(&run_in(data.path(), &["list"]))
        .lines()
        .filter(|l| l.contains("  undated  "))
        .count();
    assert!(undated > 0);
    assert_eq!(
        months.last().unwrap(),
        &serde_json::json!({"value": "undated", "count": undated})
    );
    let sum: u64 = months.iter().map(|m| m["count"].as_u64().unwrap()).sum();
    assert_eq!(sum, v["total"].as_u64().unwrap());
    let text = stdout(&run_in(data.path(), &["stats"]));
    assert!(text.trim_end().ends_with("  undated"), "{text}");
    // With a date filter there is nothing undated to count.
    let o = run_in(data.path(), &["stats", "--json", "--since", "2025"]);
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert!(!v["months"].to_string().contains("undated"), "{v}");
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    use std::io::Read;
    use std::process::Stdio;
    // Enough articles that the JSON lines overflow the pipe's buffer.
    let corpus = tempfile::tempdir().unwrap();
    chanjiao::synth::generate(corpus.path(), 400, 7).unwrap();
    let data = tempfile::tempdir().unwrap();
    for args in [&["list", "--json"][..], &["list"][..]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_chanjiao"))
            .arg("--data-dir")
            .arg(data.path())
            .arg("--corpus")
            .arg(corpus.path())
            .args(args)
            .env_remove("CHANJIAO_DATA_DIR")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 100];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        // The pipe is closed here, as `head` would.
        let o = child.wait_with_output().unwrap();
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).is_empty(), "{args:?}: {}", stderr(&o));
    }
}
