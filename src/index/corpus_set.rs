//! The corpus an index is built from: folders and files on disk, or the embedded sample.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::corpus::{self, Skipped, mtime_ns, sample};

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
                // A root that is not there has no time to record: it is unchanged as long as
                // it stays away (else every look would find it moved and start an update).
                let gone = |r: &&PathBuf| is_missing(r);
                (!recorded.is_empty() || roots.iter().all(|r| gone(&r)))
                    && roots
                        .iter()
                        .all(|r| recorded.contains_key(&*r.to_string_lossy()) || gone(&r))
                    && recorded.iter().all(|(dir, &mtime)| {
                        std::fs::metadata(dir).map(|m| mtime_ns(&m)).ok() == Some(mtime)
                    })
            }
        }
    }

    /// The roots of the set that are not there, as skipped paths (what a scan says of them),
    /// for an open that does not scan.
    pub(crate) fn missing_roots(&self) -> Vec<Skipped> {
        match self {
            CorpusSet::Sample => Vec::new(),
            CorpusSet::Paths(roots) => roots
                .iter()
                .filter(|r| is_missing(r))
                .map(|r| Skipped {
                    file: r.clone(),
                    reason: "no such file or folder".into(),
                })
                .collect(),
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
                let listing = corpus::list(roots);
                let mut files: Vec<SourceFile> = listing
                    .files
                    .into_iter()
                    .map(|f| SourceFile {
                        label: f.path.to_string_lossy().into_owned(),
                        size: f.size,
                        mtime: f.mtime,
                        origin: Origin::Disk(f.path),
                    })
                    .collect();
                // Labels are what the manifest keys on: a file listed twice, or two paths
                // that read the same once made valid UTF-8, must be indexed once.
                files.sort_unstable_by(|a, b| a.label.cmp(&b.label));
                files.dedup_by(|a, b| a.label == b.label);
                let dirs = listing
                    .dirs
                    .into_iter()
                    .map(|(d, t)| (d.to_string_lossy().into_owned(), t))
                    .collect();
                (files, listing.skipped, dirs)
            }
        }
    }
}

/// Whether `path` is not there (a folder removed, a name mistyped).
fn is_missing(path: &Path) -> bool {
    std::fs::metadata(path).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound)
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
