//! Index robustness: SIGKILL mid-build, damaged files, two processes at once, bad data dirs.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod index_common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use chanjiao::index::{CorpusSet, Index, IndexError, OpenOptions, RebuildReason};
use index_common::*;

const CHILD_ENV: &str = "CHANJIAO_TEST_CHILD_OPEN";

/// Not a test of its own: the body of the child process the other tests spawn and kill.
/// It opens (builds or updates) the index of corpus `$CHILD_ENV` = "DATA|CORPUS".
#[test]
fn child_open_helper() {
    let Ok(spec) = std::env::var(CHILD_ENV) else {
        return;
    };
    let (data, corpus) = spec.split_once('|').unwrap();
    let (index, _) = Index::open(
        Path::new(data),
        &CorpusSet::paths([corpus]),
        OpenOptions::default(),
        &mut |_| {},
    )
    .unwrap();
    println!("CHILD-OK {}", index.len());
}

fn spawn_child(data: &Path, corpus: &Path) -> std::process::Child {
    Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "child_open_helper",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(
            CHILD_ENV,
            format!("{}|{}", data.display(), corpus.display()),
        )
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// A pseudo-random delay from the system clock (no rand dependency needed).
fn jitter(max_ms: u64) -> Duration {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos() as u64;
    Duration::from_millis(nanos % max_ms)
}

fn synth_corpus(dir: &Path, articles: usize, seed: u64) {
    chanjiao::synth::generate(dir, articles, seed).unwrap();
}

/// The number of articles a clean build of `corpus` gives.
fn clean_count(corpus: &Path) -> usize {
    let data = tempfile::tempdir().unwrap();
    open(data.path(), corpus).0.len()
}

#[test]
fn sigkill_during_a_build_never_leaves_a_half_index() {
    let corpus = tempfile::tempdir().unwrap();
    synth_corpus(corpus.path(), 1500, 7);
    let expected = clean_count(corpus.path());
    assert!(expected > 1000);
    for round in 0..3 {
        let data = tempfile::tempdir().unwrap();
        let mut child = spawn_child(data.path(), corpus.path());
        std::thread::sleep(Duration::from_millis(30) + jitter(1500));
        let _ = child.kill(); // SIGKILL on Unix
        let _ = child.wait();
        let (index, report) = open(data.path(), corpus.path());
        assert_eq!(index.len(), expected, "round {round}: {report:?}");
        assert_eq!(report.articles, expected);
        // And it is reused as it is afterwards.
        drop(index);
        let (index, report) = open(data.path(), corpus.path());
        assert!(!report.changed_anything(), "round {round}: {report:?}");
        assert_eq!(index.len(), expected);
    }
}

#[test]
fn sigkill_during_an_update_never_leaves_a_half_index() {
    let corpus = tempfile::tempdir().unwrap();
    let extra = tempfile::tempdir().unwrap();
    synth_corpus(corpus.path(), 1500, 11);
    synth_corpus(extra.path(), 1500, 12);
    let data = tempfile::tempdir().unwrap();
    let before = open(data.path(), corpus.path()).0.len();
    // Add a second batch of files to the corpus, and kill the update.
    let dest = corpus.path().join("more");
    copy_dir(extra.path(), &dest);
    let mut child = spawn_child(data.path(), corpus.path());
    std::thread::sleep(Duration::from_millis(20) + jitter(600));
    let _ = child.kill();
    let _ = child.wait();
    let (index, report) = open(data.path(), corpus.path());
    let expected = clean_count(corpus.path());
    assert!(expected > before);
    assert_eq!(index.len(), expected, "{report:?}");
}

#[test]
fn temporary_files_left_by_a_killed_process_are_cleared_by_the_next_check() {
    let corpus = tempfile::tempdir().unwrap();
    synth_corpus(corpus.path(), 200, 13);
    let data = tempfile::tempdir().unwrap();
    let dir = open(data.path(), corpus.path()).0.dir().to_path_buf();
    // A state file cut short by a kill (its writer's id is above any Linux pid limit),
    // one of tantivy's atomic writes, and a word list this very process is writing.
    let dead = dir.join("chanjiao-state-9.tmp-4294967");
    let tantivy_temp = dir.join(".tmpQz81Kd");
    let writing = dir.join(format!("chanjiao-words-x.tmp-{}", std::process::id()));
    for f in [&dead, &tantivy_temp, &writing] {
        std::fs::write(f, b"partial").unwrap();
    }
    let (index, report) = open(data.path(), corpus.path());
    assert_eq!(index.dir(), dir, "{report:?}");
    assert!(!tantivy_temp.exists());
    assert_eq!(dead.exists(), !cfg!(target_os = "linux"));
    assert!(writing.exists());
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let dest = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &dest);
        } else {
            std::fs::copy(e.path(), dest).unwrap();
        }
    }
}

fn largest_file(dir: &Path, ext: &str) -> PathBuf {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .max_by_key(|p| std::fs::metadata(p).unwrap().len())
        .unwrap()
}

#[test]
fn a_damaged_segment_file_is_moved_aside_and_rebuilt() {
    // Flip bytes in the middle of the postings.
    let (corpus, data, expected, dir) =
        built_then(|dir| invert(&largest_file(dir, "idx"), |len| (len / 2, len / 2 + 64)));

    let (index, report) = open_with(
        data.path(),
        corpus.path(),
        OpenOptions {
            verify: true,
            ..Default::default()
        },
    );
    assert_eq!(report.rebuilt, Some(RebuildReason::Damaged));
    assert_eq!(report.notices.len(), 1, "{:?}", report.notices);
    assert!(
        report.notices[0].contains("damaged"),
        "{:?}",
        report.notices
    );
    assert_eq!(index.len(), expected);
    assert!(total(&index, "产教融合") > 0);
    assert!(has_damaged_folder(dir.parent().unwrap()));
}

/// Inverts bytes of the largest document store of the index in `dir` from its first
/// sixteenth up to its second quarter, or the end that every open checks if that comes
/// first: damage that only reading the stored articles (or a checksum pass) can see. The
/// header of a compressed block is hit; a few bytes inside one block's text could pass
/// unseen.
fn damage_the_store(dir: &Path) {
    invert(&largest_file(dir, "store"), before_the_checked_end);
}

/// The span of a file of `len` bytes that [`damage_the_store`] inverts.
fn before_the_checked_end(len: usize) -> (usize, usize) {
    let checked = chanjiao::index::checked_file_end(len as u64) as usize;
    let (from, to) = (len / 16, (len / 4).min(len - checked));
    assert!(
        to > from + 256,
        "a store of {len} bytes is too small to damage"
    );
    (from, to)
}

/// Inverts the bytes of `file` in the range `span` gives for its length.
fn invert(file: &Path, span: impl Fn(usize) -> (usize, usize)) {
    let mut bytes = std::fs::read(file).unwrap();
    let (from, to) = span(bytes.len());
    for b in &mut bytes[from..to] {
        *b = !*b;
    }
    std::fs::write(file, bytes).unwrap();
}

/// A built index of 300 synthetic articles, then `damage` done to its generation folder: the
/// corpus, the data folder, the number of articles and the generation folder.
fn built_then(damage: impl Fn(&Path)) -> (tempfile::TempDir, tempfile::TempDir, usize, PathBuf) {
    let corpus = tempfile::tempdir().unwrap();
    synth_corpus(corpus.path(), 300, 3);
    let data = tempfile::tempdir().unwrap();
    let (index, _) = open(data.path(), corpus.path());
    let expected = index.len();
    let dir = index.dir().to_path_buf();
    drop(index);
    damage(&dir);
    (corpus, data, expected, dir)
}

/// Whether a damaged generation was moved aside under `root`.
fn has_damaged_folder(root: &Path) -> bool {
    std::fs::read_dir(root).unwrap().any(|e| {
        e.unwrap()
            .file_name()
            .to_string_lossy()
            .starts_with("damaged-")
    })
}

/// `chanjiao list --json` on the corpus, in a process of its own.
fn list_json(corpus: &tempfile::TempDir, data: &tempfile::TempDir) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_chanjiao"))
        .arg("--data-dir")
        .arg(data.path())
        .arg("--corpus")
        .arg(corpus.path())
        .args(["list", "--json"])
        .env_remove("CHANJIAO_DATA_DIR")
        .output()
        .unwrap()
}

fn list_all(index: &Index) -> Result<usize, IndexError> {
    let all = index.list(&chanjiao::filter::Filter::default(), index.len(), 0)?;
    Ok(all.hits.len())
}

#[test]
fn damage_found_while_reading_is_set_aside_and_rebuilt() {
    let (corpus, data, expected, dir) = built_then(damage_the_store);

    // The quick open does not read the store, so it serves the damaged index...
    let quick = OpenOptions {
        quick: true,
        ..Default::default()
    };
    let (index, report) = open_with(data.path(), corpus.path(), quick);
    assert_eq!(report.rebuilt, None);
    // ...until reading every stored article trips over the damage.
    let Err(IndexError::Corrupt(_, why)) = list_all(&index) else {
        panic!("reading a damaged store should report damage");
    };
    let notice = index.set_aside(&why).unwrap();
    assert!(notice.contains("moved it to"), "{notice}");
    drop(index);

    let (index, report) = open_with(data.path(), corpus.path(), quick);
    assert!(report.rebuilt.is_some());
    assert_eq!(list_all(&index).unwrap(), expected);
    assert_ne!(index.dir(), dir);
    assert!(has_damaged_folder(dir.parent().unwrap()));
}

#[test]
fn a_command_that_finds_damage_rebuilds_and_answers() {
    let (corpus, data, expected, dir) = built_then(damage_the_store);

    let out = list_json(&corpus, &data);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("found damaged while reading"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    let lines = String::from_utf8_lossy(&out.stdout).lines().count();
    assert_eq!(lines, expected);
    assert!(has_damaged_folder(dir.parent().unwrap()));
}

#[test]
fn a_truncated_or_missing_file_is_caught_without_verification() {
    for mode in ["truncate", "remove-meta", "garble-meta"] {
        let (corpus, data, expected, _) = built_then(|dir| match mode {
            "truncate" => {
                let victim = largest_file(dir, "store");
                let f = std::fs::OpenOptions::new()
                    .write(true)
                    .open(&victim)
                    .unwrap();
                f.set_len(10).unwrap();
            }
            "remove-meta" => std::fs::remove_file(dir.join("meta.json")).unwrap(),
            _ => std::fs::write(dir.join("meta.json"), b"{ not json").unwrap(),
        });
        let (index, report) = open(data.path(), corpus.path());
        assert_eq!(report.rebuilt, Some(RebuildReason::Damaged), "{mode}");
        assert_eq!(index.len(), expected, "{mode}");
    }
}

/// A changed byte near the end of any segment file, where tantivy keeps the file's table of
/// contents, is found by an open without the checksum pass (no rebuild without it, for the
/// bytes that tantivy reads only later, or never).
#[test]
fn damage_to_the_end_of_any_segment_file_is_found_without_verification() {
    for ext in ["store", "term", "idx", "pos", "fast", "fieldnorm"] {
        let (corpus, data, expected, _) = built_then(|dir| {
            invert(&largest_file(dir, ext), |len| {
                let at = len.saturating_sub(100);
                (at, at + 1)
            })
        });
        let quick = OpenOptions {
            quick: true,
            ..Default::default()
        };
        let (index, report) = open_with(data.path(), corpus.path(), quick);
        assert_eq!(report.rebuilt, Some(RebuildReason::Damaged), "{ext}");
        assert!(
            report.notices[0].contains(ext),
            "{ext}: {:?}",
            report.notices
        );
        assert_eq!(index.len(), expected, "{ext}");
    }
}

/// Without its record of the files' ends (as left by an update killed just after its
/// commit), an open checks every file, and records them again for the next one.
#[test]
fn without_the_record_of_file_ends_every_file_is_checked() {
    let records = |dir: &Path| -> Vec<PathBuf> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().contains("chanjiao-tails-"))
            .collect()
    };
    let (corpus, data, expected, dir) = built_then(|dir| {
        for record in records(dir) {
            std::fs::remove_file(record).unwrap();
        }
        invert(&largest_file(dir, "store"), |len| (len / 2, len / 2 + 1));
    });
    let quick = OpenOptions {
        quick: true,
        ..Default::default()
    };
    let (index, report) = open_with(data.path(), corpus.path(), quick);
    assert_eq!(report.rebuilt, Some(RebuildReason::Damaged));
    assert_eq!(index.len(), expected);
    assert_ne!(index.dir(), dir);
    assert_eq!(records(index.dir()).len(), 1);

    // Removed from a sound index, the record is written again by the next open that may.
    let live = index.dir().to_path_buf();
    drop(index);
    std::fs::remove_file(&records(&live)[0]).unwrap();
    let (index, report) = open(data.path(), corpus.path());
    assert_eq!(report.rebuilt, None);
    assert_eq!(index.dir(), live);
    assert_eq!(records(&live).len(), 1);
}

#[test]
fn two_threads_opening_at_once_both_succeed() {
    let corpus = tempfile::tempdir().unwrap();
    synth_corpus(corpus.path(), 800, 9);
    let data = tempfile::tempdir().unwrap();
    let lens: Vec<usize> = std::thread::scope(|s| {
        let a = s.spawn(|| open(data.path(), corpus.path()).0.len());
        let b = s.spawn(|| open(data.path(), corpus.path()).0.len());
        vec![a.join().unwrap(), b.join().unwrap()]
    });
    assert_eq!(lens[0], lens[1]);
    assert!(lens[0] > 500);
}

#[test]
fn two_processes_at_once_both_succeed() {
    let corpus = tempfile::tempdir().unwrap();
    synth_corpus(corpus.path(), 1500, 13);
    let data = tempfile::tempdir().unwrap();
    let a = spawn_child(data.path(), corpus.path());
    let b = spawn_child(data.path(), corpus.path());
    let outs = [a.wait_with_output().unwrap(), b.wait_with_output().unwrap()];
    let expected = clean_count(corpus.path());
    for o in &outs {
        assert!(o.status.success());
        let text = String::from_utf8_lossy(&o.stdout);
        assert!(text.contains(&format!("CHILD-OK {expected}")), "{text}");
    }
}

/// A built index of 300 articles whose update lock another "process" holds, with one page
/// added to the corpus since: the temp dirs, the article count before the page, and the lock.
struct Busy {
    corpus: tempfile::TempDir,
    data: tempfile::TempDir,
    before: usize,
    lock: std::fs::File,
}

fn busy_with_a_new_page(seed: u64) -> Busy {
    let corpus = tempfile::tempdir().unwrap();
    synth_corpus(corpus.path(), 300, seed);
    let data = tempfile::tempdir().unwrap();
    let (index, _) = open(data.path(), corpus.path());
    let before = index.len();
    let root = index.dir().parent().unwrap().to_path_buf();
    drop(index);
    let lock = hold_update_lock(&root);
    write(
        corpus.path(),
        "new.txt",
        &page("新文章", "2025-01-01", "新内容。"),
    );
    Busy {
        corpus,
        data,
        before,
        lock,
    }
}

#[test]
fn while_another_process_updates_the_last_index_is_served_read_only() {
    // The "other process" may be the one taking in the new page: we must not wait for it.
    let busy = busy_with_a_new_page(21);
    let (index, report) = open(busy.data.path(), busy.corpus.path());
    assert!(report.read_only);
    assert!(index.is_read_only());
    assert_eq!(report.notices.len(), 1);
    assert_eq!(index.len(), busy.before);
    drop(busy.lock);
}

/// An index opened as it stood while another process held the update lock says it may be
/// behind once that process is done, though no corpus folder moved: the reader then opens
/// it again, and its notice that another process is updating goes.
#[test]
fn an_index_opened_while_another_updates_says_when_that_is_done() {
    let corpus = tempfile::tempdir().unwrap();
    synth_corpus(corpus.path(), 300, 25);
    let data = tempfile::tempdir().unwrap();
    let (index, _) = open(data.path(), corpus.path());
    let root = index.dir().parent().unwrap().to_path_buf();
    drop(index);
    let lock = hold_update_lock(&root);
    let (index, report) = open(data.path(), corpus.path());
    assert!(report.read_only);
    assert!(!index.corpus_moved(), "the other process is still at work");
    drop(lock);
    assert!(index.corpus_moved(), "the other process is done");
    let (index, report) = open(data.path(), corpus.path());
    assert!(!report.read_only && report.notices.is_empty());
    assert!(!index.corpus_moved());
}

/// An open that finds no complete index and another process holding the lock waits; when
/// that process completes an index, the open takes it as it is, without waiting for the
/// lock to be free (another process may have queued a rebuild behind the build).
#[test]
fn an_open_waiting_for_the_first_build_takes_it_when_it_is_done() {
    let busy = busy_with_a_new_page(23);
    let root = std::fs::read_dir(busy.data.path().join("indexes"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.is_dir())
        .unwrap();
    // No complete index yet, as while the other process builds the first one.
    let current = root.join("CURRENT");
    let name = std::fs::read(&current).unwrap();
    std::fs::remove_file(&current).unwrap();
    let (data, corpus) = (
        busy.data.path().to_path_buf(),
        busy.corpus.path().to_path_buf(),
    );
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(open(&data, &corpus));
    });
    std::thread::sleep(Duration::from_millis(300));
    // The build completes; its process keeps the lock.
    let staged = root.join("next-current");
    std::fs::write(&staged, name).unwrap();
    std::fs::rename(&staged, &current).unwrap();
    // Before, the open waited for the lock itself: this would never come.
    let (index, report) = rx
        .recv_timeout(Duration::from_secs(30))
        .expect("the open still waits for the lock");
    assert!(report.read_only, "{report:?}");
    assert_eq!(index.len(), busy.before);
    drop(busy.lock);
}

#[test]
fn asked_to_wait_an_open_takes_in_the_change_after_the_other_process_is_done() {
    let Busy {
        corpus,
        data,
        before,
        lock,
    } = busy_with_a_new_page(22);
    let release = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(300));
        drop(lock);
    });
    let wait = OpenOptions {
        wait: true,
        ..Default::default()
    };
    let (index, report) = open_with(data.path(), corpus.path(), wait);
    release.join().unwrap();
    assert!(!report.read_only, "{report:?}");
    assert!(!index.is_read_only());
    assert!(
        report.notices.iter().any(|n| n.contains("waited")),
        "{report:?}"
    );
    assert_eq!(report.added.len(), 1, "{report:?}");
    assert_eq!(index.len(), before + 1);
}

/// The time spent waiting for another process is reported apart from the time the open
/// itself took.
#[test]
fn the_wait_for_another_process_is_not_counted_in_the_elapsed_time() {
    let Busy {
        corpus, data, lock, ..
    } = busy_with_a_new_page(24);
    let hold = Duration::from_millis(500);
    let started = std::time::Instant::now();
    let release = std::thread::spawn(move || {
        std::thread::sleep(hold);
        drop(lock);
    });
    let wait = OpenOptions {
        wait: true,
        ..Default::default()
    };
    let (_, report) = open_with(data.path(), corpus.path(), wait);
    let total = started.elapsed();
    release.join().unwrap();
    // The wait began once the open had listed the corpus, a moment after the lock's holder
    // began to count its time.
    assert!(report.waited >= hold / 2, "{report:?}");
    assert!(
        report.elapsed + report.waited <= total,
        "{report:?} in {total:?}"
    );
    assert!(report.elapsed < total - hold, "{report:?} in {total:?}");
}

#[test]
fn a_data_dir_that_is_a_file_is_a_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("not-a-dir");
    std::fs::write(&file, "x").unwrap();
    let err = Index::open(
        &file,
        &CorpusSet::sample(),
        OpenOptions::default(),
        &mut |_| {},
    )
    .err()
    .unwrap();
    assert!(matches!(err, IndexError::NotADirectory(_)));
    assert!(
        err.to_string().contains(&file.display().to_string()),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn a_data_dir_that_is_not_writable_is_a_clear_error() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let ro = tmp.path().join("ro");
    std::fs::create_dir(&ro).unwrap();
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
    if std::fs::write(ro.join("probe"), "x").is_ok() {
        eprintln!("running with privileges that ignore permissions: cannot test read-only dirs");
        return;
    }
    let err = Index::open(
        &ro,
        &CorpusSet::sample(),
        OpenOptions::default(),
        &mut |_| {},
    )
    .err()
    .unwrap();
    assert!(matches!(err, IndexError::NotWritable(..)), "{err:?}");
    assert!(err.to_string().contains(&ro.display().to_string()), "{err}");
    // One that holds a complete index is read as it stands, with a notice.
    let built = tmp.path().join("built");
    let corpus = CorpusSet::sample();
    let (index, _) = Index::open(&built, &corpus, OpenOptions::default(), &mut |_| {}).unwrap();
    let articles = index.len();
    drop(index);
    // Not a file or folder of it can be written.
    fn set_mode(path: &Path, dirs: u32, files: u32) {
        for e in std::fs::read_dir(path).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                set_mode(&p, dirs, files);
            } else {
                std::fs::set_permissions(&p, std::fs::Permissions::from_mode(files)).unwrap();
            }
        }
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(dirs)).unwrap();
    }
    set_mode(&built, 0o555, 0o444);
    let (index, report) =
        Index::open(&built, &corpus, OpenOptions::default(), &mut |_| {}).unwrap();
    assert!(total(&index, "产教融合") > 0);
    assert_eq!(index.len(), articles);
    assert!(index.is_read_only());
    assert!(
        report
            .notices
            .iter()
            .any(|n| n.contains("cannot write to the data directory")),
        "{:?}",
        report.notices
    );
    // Asked to bring it up to date (`chanjiao index`), it says it cannot.
    let wait = OpenOptions {
        wait: true,
        ..Default::default()
    };
    let err = Index::open(&built, &corpus, wait, &mut |_| {})
        .err()
        .unwrap();
    assert!(matches!(err, IndexError::NotWritable(..)), "{err:?}");
    set_mode(&built, 0o755, 0o644);
    // Below a file: cannot even be created.
    let file = tmp.path().join("file");
    std::fs::write(&file, "x").unwrap();
    let err = Index::open(
        &file.join("sub"),
        &CorpusSet::sample(),
        OpenOptions::default(),
        &mut |_| {},
    )
    .err()
    .unwrap();
    assert!(err.to_string().contains("sub"), "{err}");
}

/// Damage near the end of the document store hits its block index, which tantivy can trip
/// over with a panic instead of an error: reading must report damage (or, where the bytes
/// did not matter, read), never panic.
#[test]
fn damage_to_the_store_block_index_is_reported_not_a_panic() {
    for back in [128usize, 160, 192, 224, 256, 384] {
        let (corpus, data, expected, _) = built_then(|dir| {
            invert(&largest_file(dir, "store"), |len| {
                (len.saturating_sub(back), len.saturating_sub(back - 24))
            })
        });
        let quick = OpenOptions {
            quick: true,
            ..Default::default()
        };
        let (index, _) = open_with(data.path(), corpus.path(), quick);
        match list_all(&index) {
            Ok(n) => assert_eq!(n, expected, "{back} bytes from the end"),
            Err(IndexError::Corrupt(..)) => {}
            Err(e) => panic!("{back} bytes from the end: {e}"),
        }
        drop(index);
        // The command line answers, with at most the one-line notice on stderr.
        let out = list_json(&corpus, &data);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{back}: {stderr}");
        assert!(stderr.lines().count() <= 1, "{back}: {stderr}");
        let lines = String::from_utf8_lossy(&out.stdout).lines().count();
        assert_eq!(lines, expected, "{back}");
    }
}

#[test]
fn damage_met_while_an_update_reads_the_store_is_rebuilt_not_a_panic() {
    // Without its link table an update reads every stored article, and meets damage to the
    // store's blocks that the open does not see (damage near the store's end, which made
    // tantivy panic there, is now found by the open: see the test above).
    for spot in ["blocks", "end"] {
        let (corpus, data, expected, _) = built_then(|dir| {
            match spot {
                "blocks" => damage_the_store(dir),
                _ => invert(&largest_file(dir, "store"), |len| (len - 200, len - 176)),
            }
            for e in std::fs::read_dir(dir).unwrap() {
                let p = e.unwrap().path();
                if p.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with("chanjiao-links-")
                {
                    std::fs::remove_file(p).unwrap();
                }
            }
        });
        let added = corpus.path().join("added");
        std::fs::create_dir(&added).unwrap();
        write(
            &added,
            "one.txt",
            &page("新增一篇", "2025-03-04", "职业院校与企业共建实训基地。"),
        );
        // The command line updates (its open does not verify checksums) and answers with at
        // most the one-line notice on stderr; no panic message.
        let out = list_json(&corpus, &data);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{spot}: {stderr}");
        assert!(stderr.lines().count() <= 1, "{spot}: {stderr}");
        assert!(!stderr.contains("panicked"), "{spot}: {stderr}");
        assert!(stderr.contains("rebuilt it"), "{spot}: {stderr}");
        let lines = String::from_utf8_lossy(&out.stdout).lines().count();
        assert_eq!(lines, expected + 1, "{spot}");
    }
}
