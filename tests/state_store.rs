//! The reading-state file: round trips, missing and damaged files, atomic writes and merges
//! between two readers saving into the same folder.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use chanjiao::filter::Mark;
use chanjiao::state::{Delta, FILE_NAME, SavedFilter, SavedSearch, Session, State, Store, View};

fn read_delta(ids: &[&str]) -> Delta {
    let mut d = Delta::default();
    for id in ids {
        d.read.insert(id.to_string(), true);
    }
    d
}

fn loaded(dir: &Path) -> (State, Option<String>) {
    Store::in_data_dir(dir).load()
}

fn state_dir(data: &Path) -> std::path::PathBuf {
    Store::in_data_dir(data)
        .path()
        .parent()
        .unwrap()
        .to_path_buf()
}

#[test]
fn everything_round_trips() {
    let data = tempfile::tempdir().unwrap();
    let mut store = Store::in_data_dir(data.path());
    let view = View {
        name: "山东 unread".into(),
        search: SavedSearch {
            query: "产教融合".into(),
            filters: SavedFilter {
                provinces: vec!["Shandong".into()],
                marks: vec![Mark::Unread],
                ..SavedFilter::default()
            },
            sort: "newest".into(),
        },
    };
    let session = Session {
        search: SavedSearch {
            query: "无人机".into(),
            filters: SavedFilter::default(),
            sort: "oldest".into(),
        },
        panel: "detail".into(),
        selected: Some("abc".into()),
        position: 7,
    };
    let mut d = read_delta(&["a", "b"]);
    d.starred.insert("b".into(), true);
    d.views.insert(view.name.clone(), Some(view.clone()));
    d.session = Some(session.clone());
    assert_eq!(store.save(&d).unwrap(), None);

    let (state, notice) = loaded(data.path());
    assert_eq!(notice, None);
    assert_eq!(state.version, chanjiao::state::VERSION);
    assert_eq!(state.read.iter().collect::<Vec<_>>(), ["a", "b"]);
    assert!(state.marks().is_starred("b"));
    assert_eq!(state.view("山东 unread"), Some(&view));
    assert_eq!(state.session, Some(session));
    // The file is JSON a person can read.
    let text = std::fs::read_to_string(store.path()).unwrap();
    assert!(text.contains("\"unread\""), "{text}");
}

#[test]
fn a_missing_file_is_an_empty_state() {
    let data = tempfile::tempdir().unwrap();
    let (state, notice) = loaded(data.path());
    assert_eq!(state, State::default());
    assert_eq!(notice, None);
    assert!(!state_dir(data.path()).exists(), "loading creates nothing");
}

#[test]
fn a_damaged_file_is_moved_aside_with_a_notice() {
    let data = tempfile::tempdir().unwrap();
    let dir = state_dir(data.path());
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(FILE_NAME);
    std::fs::write(&path, b"{\"read\": [\"a\", tru").unwrap();

    let mut store = Store::in_data_dir(data.path());
    let (state, notice) = store.load();
    assert_eq!(state, State::default());
    let notice = notice.expect("a notice");
    assert!(notice.contains("damaged"), "{notice}");
    assert!(!notice.contains('\n'), "one line: {notice}");
    assert!(!path.exists(), "moved away");
    let aside: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".damaged-"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(std::fs::read(&aside[0]).unwrap(), b"{\"read\": [\"a\", tru");
    assert!(notice.contains(&*aside[0].to_string_lossy()), "{notice}");

    // Saving works again afterwards.
    store.save(&read_delta(&["x"])).unwrap();
    assert!(loaded(data.path()).0.read.contains("x"));
}

#[test]
fn a_file_damaged_between_saves_is_kept_aside_and_nothing_this_reader_knew_is_lost() {
    let data = tempfile::tempdir().unwrap();
    // A reader that found "old" read and starred at start, then marked "a" and saved a view.
    let mut first = read_delta(&["old"]);
    first.starred.insert("old".into(), true);
    Store::in_data_dir(data.path()).save(&first).unwrap();
    let mut store = Store::in_data_dir(data.path());
    store.load();
    let mut d = read_delta(&["a"]);
    let view = View {
        name: "mine".into(),
        ..View::default()
    };
    d.views.insert(view.name.clone(), Some(view));
    store.save(&d).unwrap();
    std::fs::write(store.path(), "not json").unwrap();
    let notice = store.save(&read_delta(&["b"])).unwrap();
    assert!(notice.is_some_and(|n| n.contains("damaged") && n.contains("in its place")));
    let state = loaded(data.path()).0;
    assert_eq!(state.read.iter().collect::<Vec<_>>(), ["a", "b", "old"]);
    assert!(state.starred.contains("old"));
    assert!(state.view("mine").is_some());
    // The damaged file is kept beside it.
    let kept = std::fs::read_dir(state_dir(data.path()))
        .unwrap()
        .flatten()
        .any(|e| e.file_name().to_string_lossy().contains(".damaged-"));
    assert!(kept);
}

/// Ids are read as a list made into a set: a file edited by hand, out of order or with an
/// id twice, reads as the same set.
#[test]
fn ids_out_of_order_or_twice_read_as_one_set() {
    let data = tempfile::tempdir().unwrap();
    let dir = state_dir(data.path());
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join(FILE_NAME),
        r#"{"version": 1, "read": ["c", "a", "c", "b"], "starred": ["z", "y"]}"#,
    )
    .unwrap();
    let (state, notice) = loaded(data.path());
    assert_eq!(notice, None);
    assert_eq!(state.read.iter().collect::<Vec<_>>(), ["a", "b", "c"]);
    assert_eq!(state.starred.iter().collect::<Vec<_>>(), ["y", "z"]);
}

/// The reader reads the state, hands its ids on as sets, and only then remembers it, from
/// those sets: a file damaged before its first save still loses nothing it had read.
#[test]
fn a_state_remembered_from_its_sets_loses_nothing_to_damage() {
    let data = tempfile::tempdir().unwrap();
    let mut first = read_delta(&["old", "older"]);
    first.starred.insert("old".into(), true);
    Store::in_data_dir(data.path()).save(&first).unwrap();
    let mut store = Store::in_data_dir(data.path());
    let (mut state, notice) = store.read();
    assert_eq!(notice, None);
    let marks = state.take_marks();
    assert!(state.read.is_empty() && marks.is_read("older"));
    store.remember(state.with_marks(&marks));
    std::fs::write(store.path(), "not json").unwrap();
    let notice = store.save(&read_delta(&["new"])).unwrap();
    assert!(notice.is_some_and(|n| n.contains("damaged")));
    let state = loaded(data.path()).0;
    assert_eq!(
        state.read.iter().collect::<Vec<_>>(),
        ["new", "old", "older"]
    );
    assert_eq!(state.starred.iter().collect::<Vec<_>>(), ["old"]);
}

/// JSON of another shape (`[]`, `{}`) written over the file while a reader is open is no
/// cleared state: it is kept aside like any damaged file, and the reader's marks survive.
#[test]
fn json_that_is_no_state_is_damage_too() {
    for other in ["[]", "{}", "{\"read\": []}"] {
        let data = tempfile::tempdir().unwrap();
        let mut store = Store::in_data_dir(data.path());
        store.load();
        store.save(&read_delta(&["a"])).unwrap();
        std::fs::write(store.path(), other).unwrap();
        let notice = store.save(&read_delta(&["b"])).unwrap();
        assert!(notice.is_some_and(|n| n.contains("damaged")), "{other}");
        let read = loaded(data.path()).0.read;
        assert_eq!(read.iter().collect::<Vec<_>>(), ["a", "b"], "{other}");
    }
}

#[test]
fn an_unreadable_file_is_never_overwritten() {
    let data = tempfile::tempdir().unwrap();
    let mut store = Store::in_data_dir(data.path());
    // A folder where the file should be cannot be read as a file.
    std::fs::create_dir_all(store.path().join("inner")).unwrap();
    let (state, notice) = store.load();
    assert_eq!(state, State::default());
    assert!(notice.is_some_and(|n| n.contains("will not be saved")));
    assert_eq!(store.save(&read_delta(&["a"])).unwrap(), None);
    assert!(store.path().join("inner").is_dir());
}

#[test]
fn writes_are_atomic() {
    let data = tempfile::tempdir().unwrap();
    let mut store = Store::in_data_dir(data.path());
    store.save(&read_delta(&["a"])).unwrap();
    let before = std::fs::read(store.path()).unwrap();
    // Block the temporary file's name: the write fails, and the old file stays whole.
    let tmp = store
        .path()
        .with_extension(format!("tmp-{}", std::process::id()));
    std::fs::create_dir(&tmp).unwrap();
    assert!(store.save(&read_delta(&["b"])).is_err());
    assert_eq!(std::fs::read(store.path()).unwrap(), before);
    std::fs::remove_dir(&tmp).unwrap();
    // A successful write leaves no temporary file behind.
    store.save(&read_delta(&["b"])).unwrap();
    let names: Vec<String> = std::fs::read_dir(state_dir(data.path()))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "lock")
        .collect();
    assert_eq!(names, [FILE_NAME]);
}

#[test]
fn two_readers_keep_each_others_marks() {
    let data = tempfile::tempdir().unwrap();
    let mut a = Store::in_data_dir(data.path());
    let mut b = Store::in_data_dir(data.path());
    a.save(&read_delta(&["shared"])).unwrap();
    // Both started from the same file; each saves only its own changes.
    a.save(&read_delta(&["from-a"])).unwrap();
    let mut unread = read_delta(&["from-b"]);
    unread.read.insert("shared".into(), false);
    b.save(&unread).unwrap();
    let state = loaded(data.path()).0;
    assert_eq!(state.read.iter().collect::<Vec<_>>(), ["from-a", "from-b"]);
}

#[test]
fn saves_from_two_threads_at_once_lose_nothing() {
    let data = tempfile::tempdir().unwrap();
    std::thread::scope(|s| {
        for who in ["a", "b"] {
            let dir = data.path();
            s.spawn(move || {
                let mut store = Store::in_data_dir(dir);
                for i in 0..40 {
                    store.save(&read_delta(&[&format!("{who}{i}")])).unwrap();
                }
            });
        }
    });
    assert_eq!(loaded(data.path()).0.read.len(), 80);
}
