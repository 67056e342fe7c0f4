//! The corpus an index is built from: folders and files on disk, or the embedded sample.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use crate::corpus::{Skipped, describe, is_corpus_name, sample};

/// The corpus roots of one index. Each set gets its own index folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CorpusSet {
    /// The sample corpus embedded in the binary.
    Sample,
    /// Folders and files on disk (canonical paths when they exist).
    Paths(Vec<PathBuf>),
}

impl CorpusSet {
    pub fn sample() -> Self {
        CorpusSet::Sample
    }

    /// Folders and files; paths are made absolute and canonical when they exist, so the same
    /// corpus maps to the same index from any working directory.
    pub fn paths<I: IntoIterator<Item = P>, P: AsRef<Path>>(roots: I) -> Self {
        let mut v: Vec<PathBuf> = roots
            .into_iter()
            .map(|p| {
                let p = p.as_ref();
                p.canonicalize().unwrap_or_else(|_| p.to_path_buf())
            })
            .collect();
        v.sort();
        v.dedup();
        CorpusSet::Paths(v)
    }

    /// The index folder's name: `sample`, or `corpus-` and a hash of the roots.
    pub fn key(&self) -> String {
        match self {
            CorpusSet::Sample => "sample".to_string(),
            CorpusSet::Paths(roots) => {
                let mut h = blake3::Hasher::new();
                for r in roots {
                    h.update(r.to_string_lossy().as_bytes());
                    h.update(&[0]);
                }
                format!("corpus-{}", &h.finalize().to_hex()[..16])
            }
        }
    }

    /// Whether no folder (or root file) of the set changed its modification time since
    /// `recorded`: then no file was added, removed or replaced. Files rewritten in place
    /// go unnoticed by this check.
    pub(crate) fn folders_unchanged(&self, recorded: &BTreeMap<String, u64>) -> bool {
        match self {
            CorpusSet::Sample => {
                recorded.len() == 1 && recorded.get(SAMPLE_STAMP_KEY) == Some(&sample_stamp())
            }
            CorpusSet::Paths(roots) => {
                !recorded.is_empty()
                    && roots
                        .iter()
                        .all(|r| recorded.contains_key(&*r.to_string_lossy()))
                    && recorded.iter().all(|(dir, &mtime)| {
                        std::fs::metadata(dir).map(|m| mtime_ns(&m)).ok() == Some(mtime)
                    })
            }
        }
    }

    /// Every file of the set with its size and modification time.
    pub(crate) fn scan(&self) -> Scan {
        let (files, skipped, dirs) = self.scan_parts();
        Scan {
            files,
            skipped,
            dirs,
        }
    }

    fn scan_parts(&self) -> (Vec<SourceFile>, Vec<Skipped>, BTreeMap<String, u64>) {
        match self {
            CorpusSet::Sample => (
                sample::files()
                    .into_iter()
                    .map(|(label, bytes)| SourceFile {
                        label,
                        size: bytes.len() as u64,
                        mtime: 0,
                        origin: Origin::Embedded(bytes),
                    })
                    .collect(),
                Vec::new(),
                BTreeMap::from([(SAMPLE_STAMP_KEY.to_string(), sample_stamp())]),
            ),
            CorpusSet::Paths(roots) => {
                let mut listing = Listing::default();
                let mut folders = Vec::new();
                for root in roots {
                    match std::fs::metadata(root) {
                        Ok(m) if m.is_dir() => {
                            listing
                                .dirs
                                .push((root.to_string_lossy().into_owned(), mtime_ns(&m)));
                            folders.push(root.clone());
                        }
                        Ok(m) => {
                            listing
                                .dirs
                                .push((root.to_string_lossy().into_owned(), mtime_ns(&m)));
                            listing.files.push(source_file(root.clone(), &m))
                        }
                        Err(e) => listing.skipped.push(Skipped {
                            file: root.clone(),
                            reason: describe(&e),
                        }),
                    }
                }
                while !folders.is_empty() {
                    let mut level = list_folders(&folders);
                    folders = std::mem::take(&mut level.subfolders);
                    listing.merge(level);
                }
                let Listing {
                    mut files,
                    mut skipped,
                    dirs,
                    ..
                } = listing;
                let dirs = dirs.into_iter().collect();
                // Threads finish in any order: report in path order.
                skipped.sort_by(|a, b| a.file.cmp(&b.file));
                files.sort_unstable_by(|a, b| a.label.cmp(&b.label));
                files.dedup_by(|a, b| a.label == b.label);
                (files, skipped, dirs)
            }
        }
    }
}

/// The sample's entry among the recorded folder times: it stands for the embedded files as
/// a whole, so that a binary with another sample is noticed while opens of the same binary
/// take the quick path (and need no update lock).
const SAMPLE_STAMP_KEY: &str = "<embedded sample>";

/// A fingerprint of the embedded sample's names and contents, computed once per process.
fn sample_stamp() -> u64 {
    static STAMP: std::sync::LazyLock<u64> = std::sync::LazyLock::new(|| {
        let mut h = blake3::Hasher::new();
        for (label, bytes) in sample::files() {
            h.update(label.as_bytes());
            h.update(&[0]);
            h.update(&(bytes.len() as u64).to_le_bytes());
            h.update(bytes);
        }
        let mut first = [0u8; 8];
        first.copy_from_slice(&h.finalize().as_bytes()[..8]);
        u64::from_le_bytes(first)
    });
    *STAMP
}

/// What a scan found.
pub(crate) struct Scan {
    pub files: Vec<SourceFile>,
    pub skipped: Vec<Skipped>,
    /// Folders (and root files) with their modification times.
    pub dirs: BTreeMap<String, u64>,
}

fn mtime_ns(m: &std::fs::Metadata) -> u64 {
    m.modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0)
}

fn source_file(path: PathBuf, m: &std::fs::Metadata) -> SourceFile {
    SourceFile {
        label: path.to_string_lossy().into_owned(),
        size: m.len(),
        mtime: mtime_ns(m),
        origin: Origin::Disk(path),
    }
}

/// What listing some folders found: files, unreadable entries, folders with their times,
/// and the subfolders still to list.
#[derive(Default)]
struct Listing {
    files: Vec<SourceFile>,
    skipped: Vec<Skipped>,
    dirs: Vec<(String, u64)>,
    subfolders: Vec<PathBuf>,
}

impl Listing {
    fn merge(&mut self, other: Listing) {
        self.files.extend(other.files);
        self.skipped.extend(other.skipped);
        self.dirs.extend(other.dirs);
        self.subfolders.extend(other.subfolders);
    }
}

/// Lists `folders` (one level: their subfolders come back to be listed next), spread over a
/// few threads when there are several. Listing is one `stat` per file, mostly time in the
/// kernel, and a corpus is usually a handful of folders of many files each.
fn list_folders(folders: &[PathBuf]) -> Listing {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 4)
        .min(folders.len());
    if threads <= 1 {
        return list_some(folders.iter());
    }
    std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|t| s.spawn(move || list_some(folders.iter().skip(t).step_by(threads))))
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

fn list_some<'a>(folders: impl Iterator<Item = &'a PathBuf>) -> Listing {
    let mut out = Listing::default();
    for f in folders {
        list_folder(f, &mut out);
    }
    out
}

/// The same files as `corpus::walk` (hidden entries skipped; `.txt`, `.text` or no
/// extension), with one `stat` per file relative to its folder: every full check lists the
/// whole corpus, so this must stay cheap.
fn list_folder(dir: &Path, out: &mut Listing) {
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
        let name = entry.file_name();
        if name.as_encoded_bytes().first() == Some(&b'.') {
            continue;
        }
        let path = entry.path();
        let meta = match entry.file_type() {
            Ok(t) if t.is_symlink() => std::fs::metadata(&path),
            _ => entry.metadata(),
        };
        match meta {
            Ok(m) if m.is_dir() => {
                out.dirs
                    .push((path.to_string_lossy().into_owned(), mtime_ns(&m)));
                out.subfolders.push(path);
            }
            Ok(m) if m.is_file() && is_corpus_name(&path) => out.files.push(source_file(path, &m)),
            Ok(_) => {}
            Err(e) => out.skipped.push(Skipped {
                file: path,
                reason: describe(&e),
            }),
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) enum Origin {
    Disk(PathBuf),
    Embedded(&'static [u8]),
}

/// One corpus file as seen by a scan.
#[derive(Debug, Clone)]
pub(crate) struct SourceFile {
    /// The name stored in the manifest and in each article's `file`.
    pub label: String,
    pub size: u64,
    /// Modification time, nanoseconds since the epoch (0 for embedded files).
    pub mtime: u64,
    pub origin: Origin,
}

impl SourceFile {
    pub fn read(&self) -> std::io::Result<Cow<'static, [u8]>> {
        match &self.origin {
            Origin::Disk(p) => std::fs::read(p).map(Cow::Owned),
            Origin::Embedded(b) => Ok(Cow::Borrowed(b)),
        }
    }
}

/// Content hash used by the manifest.
pub(crate) fn content_hash(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex()[..32].to_string()
}
