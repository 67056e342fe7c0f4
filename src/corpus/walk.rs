//! Finding the corpus files below the given paths, with the sizes and times that the index's
//! manifest compares: one `stat` per entry, the folders of each level listed on a few threads.
//!
//! Symbolic links are followed, and each folder is listed once: a folder reached through a
//! link is listed only when no real path reaches it, and a link back up the tree (a loop)
//! leads nowhere. A link to a folder that holds a corpus root (`..`, `/`, the root itself)
//! is not followed at all: it would read everything beside the corpus, such as the index's
//! own files when the data directory sits next to it.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use super::Skipped;

/// A corpus file found by a walk.
#[derive(Debug, Clone)]
pub struct ListedFile {
    pub path: PathBuf,
    pub size: u64,
    /// Modification time, nanoseconds since the epoch (0 when the system has none).
    pub mtime: u64,
}

/// What a walk found.
#[derive(Debug, Default)]
pub struct Listing {
    /// In no particular order: a file named twice (directly and in a folder, or through a
    /// link) is there twice.
    pub files: Vec<ListedFile>,
    /// The entries that could not be read, sorted by path.
    pub skipped: Vec<Skipped>,
    /// Every folder walked, and every file named directly, with its modification time.
    pub dirs: Vec<(PathBuf, u64)>,
    /// The subfolders still to list (empty in a finished listing).
    subfolders: Vec<Folder>,
    /// Links to folders, listed after every real folder (empty in a finished listing).
    linked: Vec<Folder>,
}

impl Listing {
    fn merge(&mut self, other: Listing) {
        self.files.extend(other.files);
        self.skipped.extend(other.skipped);
        self.dirs.extend(other.dirs);
        self.subfolders.extend(other.subfolders);
        self.linked.extend(other.linked);
    }
}

/// A folder to list, and what identifies it on its file system (`None` where the system
/// does not say).
type Folder = (PathBuf, Option<(u64, u64)>);

#[cfg(unix)]
fn identity(m: &std::fs::Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    Some((m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn identity(_: &std::fs::Metadata) -> Option<(u64, u64)> {
    None
}

/// Every corpus file below the given paths, sorted, with the paths that could not be read
/// reported instead: see [`list`].
pub fn walk(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Skipped>) {
    let listing = list(paths);
    let mut files: Vec<PathBuf> = listing.files.into_iter().map(|f| f.path).collect();
    files.sort();
    files.dedup();
    (files, listing.skipped)
}

/// Lists the corpus below the given paths. Folders are walked for `.txt`/`.text` files and
/// files without an extension, hidden entries skipped; files named directly are taken as
/// they are.
pub fn list(paths: &[PathBuf]) -> Listing {
    let mut listing = Listing::default();
    let mut folders: Vec<Folder> = Vec::new();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) => {
                listing.dirs.push((p.clone(), mtime_ns(&m)));
                if m.is_dir() {
                    folders.push((p.clone(), identity(&m)));
                } else {
                    listing.files.push(listed(p.clone(), &m));
                }
            }
            Err(e) => listing.skipped.push(Skipped {
                file: p.clone(),
                reason: describe(&e),
            }),
        }
    }
    // Real paths of the folders given, to tell a link to one of them or above them.
    let roots: Vec<PathBuf> = folders
        .iter()
        .filter_map(|(p, _)| std::fs::canonicalize(p).ok())
        .collect();
    let mut seen = HashSet::new();
    loop {
        folders.retain(|(_, id)| id.is_none_or(|id| seen.insert(id)));
        if folders.is_empty() {
            // Real folders done: the linked ones come next, those not listed already.
            folders = std::mem::take(&mut listing.linked);
            if folders.is_empty() {
                break;
            }
            continue;
        }
        let paths: Vec<PathBuf> = folders.drain(..).map(|(p, _)| p).collect();
        let mut level = list_folders(&paths, &roots);
        folders = std::mem::take(&mut level.subfolders);
        listing.merge(level);
    }
    // Threads finish in any order. Files are left to the caller, which sorts them its own
    // way (comparing paths component by component is slow for a whole corpus).
    listing.skipped.sort_by(|a, b| a.file.cmp(&b.file));
    listing
}

/// Lists `folders` (one level: their subfolders come back to be listed next), spread over a
/// few threads when there are several. Listing is one `stat` per file, mostly time in the
/// kernel, and a corpus is usually a handful of folders of many files each.
fn list_folders(folders: &[PathBuf], roots: &[PathBuf]) -> Listing {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 4)
        .min(folders.len());
    if threads <= 1 {
        return list_some(folders.iter(), roots);
    }
    std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|t| s.spawn(move || list_some(folders.iter().skip(t).step_by(threads), roots)))
            .collect();
        let mut all = Listing::default();
        for (t, w) in workers.into_iter().enumerate() {
            match w.join() {
                Ok(part) => all.merge(part),
                Err(_) => all
                    .skipped
                    .extend(folders.iter().skip(t).step_by(threads).map(|f| Skipped {
                        file: f.clone(),
                        reason: "listing the folder failed".into(),
                    })),
            }
        }
        all
    })
}

fn list_some<'a>(folders: impl Iterator<Item = &'a PathBuf>, roots: &[PathBuf]) -> Listing {
    let mut out = Listing::default();
    for f in folders {
        list_folder(f, roots, &mut out);
    }
    out
}

/// One folder's entries, with one `stat` per entry relative to the folder (symbolic links
/// are followed, except those to a folder that holds one of the `roots`): every full check
/// of an index lists the whole corpus, so this must stay cheap.
fn list_folder(dir: &Path, roots: &[PathBuf], out: &mut Listing) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            out.skipped.push(Skipped {
                file: dir.to_path_buf(),
                reason: describe(&e),
            });
            return;
        }
    };
    for entry in entries.flatten() {
        if entry.file_name().as_encoded_bytes().first() == Some(&b'.') {
            continue;
        }
        let path = entry.path();
        let link = entry.file_type().is_ok_and(|t| t.is_symlink());
        let meta = if link {
            std::fs::metadata(&path)
        } else {
            entry.metadata()
        };
        match meta {
            Ok(m) if m.is_dir() => {
                if link && holds_a_root(&path, roots) {
                    tracing::debug!(
                        "not following {}: it leads to a folder that holds the corpus",
                        path.display()
                    );
                    continue;
                }
                if is_tagged_cache(&path) {
                    tracing::debug!("not reading {}: it is tagged as a cache", path.display());
                    continue;
                }
                out.dirs.push((path.clone(), mtime_ns(&m)));
                let folder = (path, identity(&m));
                if link {
                    out.linked.push(folder);
                } else {
                    out.subfolders.push(folder);
                }
            }
            Ok(m) if m.is_file() && is_corpus_name(&path) => out.files.push(listed(path, &m)),
            Ok(_) => {}
            Err(e) => out.skipped.push(Skipped {
                file: path,
                reason: describe(&e),
            }),
        }
    }
}

/// The file that marks a folder as a cache (<https://bford.info/cachedir/>), and how it
/// must begin. chanjiao's own indexes carry it, so a data directory inside the corpus folder
/// is not read as corpus.
pub const CACHE_TAG: &str = "CACHEDIR.TAG";
pub const CACHE_TAG_SIGNATURE: &str = "Signature: 8a477f597d28d172789f06886806bc55";

/// Whether `dir` holds a cache tag with the right signature.
fn is_tagged_cache(dir: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; CACHE_TAG_SIGNATURE.len()];
    std::fs::File::open(dir.join(CACHE_TAG))
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| head == *CACHE_TAG_SIGNATURE.as_bytes())
}

/// Whether the folder a link leads to is one of the `roots` (real paths) or above one.
fn holds_a_root(link: &Path, roots: &[PathBuf]) -> bool {
    std::fs::canonicalize(link).is_ok_and(|target| roots.iter().any(|r| r.starts_with(&target)))
}

fn listed(path: PathBuf, m: &std::fs::Metadata) -> ListedFile {
    ListedFile {
        path,
        size: m.len(),
        mtime: mtime_ns(m),
    }
}

/// A file's modification time in nanoseconds since the epoch, 0 when there is none.
pub(crate) fn mtime_ns(m: &std::fs::Metadata) -> u64 {
    m.modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0)
}

/// Scraped digests are `.txt` files (or have no extension); a folder's README or images are
/// not corpus.
fn is_corpus_name(path: &Path) -> bool {
    match path.extension().and_then(|e| e.to_str()) {
        None => true,
        Some(e) => e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("text"),
    }
}

/// The system's error number for a loop of symbolic links (`ELOOP`).
#[cfg(target_os = "linux")]
const ELOOP: i32 = 40;
#[cfg(not(target_os = "linux"))]
const ELOOP: i32 = 62;

/// Why a path could not be read, in a few words.
pub fn describe(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ if e.raw_os_error() == Some(ELOOP) => "a loop of symbolic links".into(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn names(root: &Path, paths: impl IntoIterator<Item = PathBuf>) -> Vec<String> {
        paths
            .into_iter()
            .map(|p| {
                p.strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect()
    }

    #[test]
    fn the_rules_of_a_walk() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        let write = |rel: &str| {
            let p = root.join(rel);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "x").unwrap();
        };
        for rel in [
            "a/one.txt",
            "a/b/c/deep.TEXT",
            "a/b/plain",
            "a/README.md",
            "a/.hidden.txt",
            ".cache/skipped.txt",
            "z.txt",
            "notes.md",
        ] {
            write(rel);
        }
        // Links: a dangling one, one to a folder inside the tree (listed once, under its
        // real path), one back up the tree (a loop) and one to a folder outside.
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("far.txt"), "x").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::symlink;
            symlink(root.join("gone.txt"), root.join("a/dangling.txt")).unwrap();
            symlink(root.join("a/b"), root.join("linked")).unwrap();
            symlink(root.join("a"), root.join("a/b/up")).unwrap();
            symlink(outside.path(), root.join("out")).unwrap();
            // Two links to each other: no file or folder behind them.
            symlink(root.join("loop2.txt"), root.join("loop1.txt")).unwrap();
            symlink(root.join("loop1.txt"), root.join("loop2.txt")).unwrap();
        }
        let roots = [
            root.to_path_buf(),
            root.join("notes.md"),
            root.join("missing"),
        ];
        let listing = list(&roots);

        let mut want = vec![
            "a/b/c/deep.TEXT",
            "a/b/plain",
            "a/one.txt",
            "notes.md",
            "z.txt",
        ];
        if cfg!(unix) {
            want.push("out/far.txt");
        }
        want.sort();
        let mut files = names(root, listing.files.iter().map(|f| f.path.clone()));
        files.sort();
        assert_eq!(files, want);
        assert!(listing.files.iter().all(|f| f.size == 1 && f.mtime > 0));

        let skipped: Vec<(String, &str)> = listing
            .skipped
            .iter()
            .map(|s| (names(root, [s.file.clone()]).remove(0), s.reason.as_str()))
            .collect();
        let mut want_skipped = vec![("missing".to_string(), "no such file or folder")];
        if cfg!(unix) {
            want_skipped.insert(0, ("a/dangling.txt".into(), "no such file or folder"));
            want_skipped.insert(1, ("loop1.txt".into(), "a loop of symbolic links"));
            want_skipped.insert(2, ("loop2.txt".into(), "a loop of symbolic links"));
        }
        assert_eq!(skipped, want_skipped);

        let mut dirs = names(root, listing.dirs.iter().map(|(d, _)| d.clone()));
        dirs.sort();
        let mut want_dirs = vec!["", "a", "a/b", "a/b/c", "notes.md"];
        if cfg!(unix) {
            want_dirs.extend(["a/b/up", "linked", "out"]);
        }
        want_dirs.sort();
        assert_eq!(dirs, want_dirs);

        let (paths, skipped) = walk(&roots);
        assert_eq!(names(root, paths), want);
        assert_eq!(skipped.len(), listing.skipped.len());
    }

    /// A link to the corpus root or to a folder above it would read what lies beside the
    /// corpus (here a data directory with extensionless index files): it is not followed.
    #[cfg(unix)]
    #[test]
    fn links_to_a_folder_that_holds_the_root_are_not_followed() {
        use std::os::unix::fs::symlink;
        let tmp = tempfile::tempdir().unwrap();
        let top = tmp.path();
        let corpus = top.join("fs");
        std::fs::create_dir_all(corpus.join("sub")).unwrap();
        std::fs::create_dir_all(top.join("data/indexes/one")).unwrap();
        std::fs::write(top.join("data/indexes/one/lock"), "").unwrap();
        std::fs::write(top.join("data/indexes/one/CURRENT"), "gen-1").unwrap();
        std::fs::write(top.join("beside.txt"), "x").unwrap();
        for f in ["one.txt", "sub/two.txt"] {
            std::fs::write(corpus.join(f), "x").unwrap();
        }
        symlink("..", corpus.join("parent")).unwrap();
        symlink(".", corpus.join("itself")).unwrap();
        symlink("../..", corpus.join("sub/grandparent")).unwrap();
        symlink(top, corpus.join("sub/absolute")).unwrap();
        // A link to a folder beside the corpus that does not hold it is still followed.
        std::fs::create_dir_all(top.join("more")).unwrap();
        std::fs::write(top.join("more/three.txt"), "x").unwrap();
        symlink("../more", corpus.join("more")).unwrap();

        let listing = list(std::slice::from_ref(&corpus));
        let mut files = names(&corpus, listing.files.iter().map(|f| f.path.clone()));
        files.sort();
        assert_eq!(files, ["more/three.txt", "one.txt", "sub/two.txt"]);
        assert!(listing.skipped.is_empty(), "{:?}", listing.skipped);
        let mut dirs = names(&corpus, listing.dirs.iter().map(|(d, _)| d.clone()));
        dirs.sort();
        assert_eq!(dirs, ["", "more", "sub"]);

        // The same through a root given by a path that is itself a link.
        symlink(&corpus, top.join("corpus-link")).unwrap();
        let (paths, _) = walk(&[top.join("corpus-link")]);
        assert_eq!(
            names(&top.join("corpus-link"), paths),
            ["more/three.txt", "one.txt", "sub/two.txt"]
        );
    }

    /// A folder tagged as a cache (as chanjiao's own indexes are) is left out; one whose tag
    /// lacks the signature is read.
    #[test]
    fn folders_tagged_as_caches_are_not_read() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        for dir in ["cache/inner", "fake"] {
            std::fs::create_dir_all(root.join(dir)).unwrap();
        }
        for f in [
            "one.txt",
            "cache/CURRENT",
            "cache/inner/words.txt",
            "fake/two.txt",
        ] {
            std::fs::write(root.join(f), "x").unwrap();
        }
        let tag = format!("{CACHE_TAG_SIGNATURE}\nmore\n");
        std::fs::write(root.join("cache").join(CACHE_TAG), tag).unwrap();
        std::fs::write(root.join("fake").join(CACHE_TAG), "Signature: no\n").unwrap();
        let (paths, skipped) = walk(&[root.to_path_buf()]);
        assert_eq!(names(root, paths), ["fake/two.txt", "one.txt"]);
        assert!(skipped.is_empty(), "{skipped:?}");
    }
}
