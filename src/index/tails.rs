//! Fingerprints of the ends of a generation's segment files, checked before tantivy opens them.
//!
//! tantivy keeps each file's own table of contents at its end (the document store's block
//! index, the term dictionary's block index, the fast fields' column list) and reads it as
//! a segment is opened. Damage there can make it ask for an allocation of whatever size a
//! flipped length says, which ends the process before any error can be returned. A full
//! checksum pass finds such damage but reads every byte of the index: tens of milliseconds
//! at 100k articles, far more from a cold disk, on every one-shot command.
//!
//! So once an update's merges are done, a hash of the end of every segment file is recorded
//! (`chanjiao-tails-N.json`, N being the state the commit names, written through a temporary file), and every open compares
//! those ends before tantivy reads them. Where the record is missing (an index written
//! before records were kept, or an update killed between its commit and the record) or
//! describes other files, the open checks every file's checksum instead, and an open that
//! holds the update lock writes the record for next time.

use std::collections::BTreeMap;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tantivy::index::{SegmentComponent, SegmentMeta};

/// The end of a file that is hashed: at least this much…
const TAIL_MIN: u64 = 16 * 1024;
/// …plus this fraction of the file. tantivy's tables of contents take well under 1% of
/// their files (a document store of 25 MB has a block index of a few kilobytes).
const TAIL_SHARE: u64 = 64;

/// How an open made sure that the files' ends are as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Checked {
    /// Against the record.
    Tails,
    /// By every file's checksum, the record being missing or out of date.
    Checksums,
}

#[derive(Serialize, Deserialize, PartialEq, Debug)]
struct Tail {
    len: u64,
    hash: String,
}

#[derive(Serialize, Deserialize, Default)]
struct Record {
    files: BTreeMap<String, Tail>,
}

pub(crate) fn record_path(dir: &Path, n: u64) -> PathBuf {
    dir.join(format!("chanjiao-tails-{n}.json"))
}

/// The files of the segments that `metas` lists.
fn segment_files(segments: &[SegmentMeta]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for meta in segments {
        files.extend(
            [
                SegmentComponent::Postings,
                SegmentComponent::Positions,
                SegmentComponent::Terms,
                SegmentComponent::Store,
                SegmentComponent::FastFields,
                SegmentComponent::FieldNorms,
            ]
            .map(|c| meta.relative_path(c)),
        );
        if meta.has_deletes() {
            files.push(meta.relative_path(SegmentComponent::Delete));
        }
    }
    files
}

/// How many bytes at the end of an index file of `len` bytes every open checks.
pub fn checked_len(len: u64) -> u64 {
    len.min(TAIL_MIN + len / TAIL_SHARE)
}

fn tail_of(path: &Path) -> std::io::Result<Tail> {
    let mut file = std::fs::File::open(path)?;
    let len = file.metadata()?.len();
    let take = checked_len(len);
    file.seek(SeekFrom::Start(len - take))?;
    let mut bytes = Vec::with_capacity(take as usize);
    file.take(take).read_to_end(&mut bytes)?;
    Ok(Tail {
        len,
        hash: blake3::hash(&bytes).to_hex().to_string(),
    })
}

/// Hashes the ends of the files of `segments` in `dir` and records them for state `n`.
/// The record is written whole or not at all (a temporary file renamed into place).
pub(crate) fn record(dir: &Path, segments: &[SegmentMeta], n: u64) -> Result<(), String> {
    let mut record = Record::default();
    for name in segment_files(segments) {
        let tail = tail_of(&dir.join(&name)).map_err(|e| format!("{}: {e}", name.display()))?;
        record
            .files
            .insert(name.to_string_lossy().into_owned(), tail);
    }
    let json = serde_json::to_vec(&record).map_err(|e| e.to_string())?;
    let path = record_path(dir, n);
    // A record cut short by a crash does not parse, and the open then checks every file.
    super::paths::write_unsynced(&path, |f| f.write_all(&json))
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// [`record`] for the segments `index` lists now. Without the record an open checks every
/// file's checksum instead: slower, so a failure to write it is only logged.
pub(crate) fn record_now(index: &tantivy::Index, dir: &Path, n: u64) {
    if let Err(e) = index
        .searchable_segment_metas()
        .map_err(|e| e.to_string())
        .and_then(|metas| record(dir, &metas, n))
    {
        tracing::warn!("could not record the ends of the index files: {e}");
    }
}

/// Makes sure the files of `segments` in `dir` end as recorded for state `n`; without a
/// record that lists exactly these files, `full` checks them all instead.
pub(crate) fn check(
    dir: &Path,
    segments: &[SegmentMeta],
    n: u64,
    full: impl FnOnce() -> Option<String>,
) -> Result<Checked, String> {
    let record = std::fs::read(record_path(dir, n))
        .ok()
        .and_then(|bytes| serde_json::from_slice::<Record>(&bytes).ok());
    let names = segment_files(segments);
    let matching = record.filter(|r| {
        r.files.len() == names.len()
            && names
                .iter()
                .all(|name| r.files.contains_key(name.to_string_lossy().as_ref()))
    });
    let Some(record) = matching else {
        return match full() {
            Some(why) => Err(why),
            None => Ok(Checked::Checksums),
        };
    };
    for (name, expected) in &record.files {
        let found = tail_of(&dir.join(name)).map_err(|e| format!("{name}: {e}"))?;
        if found.len != expected.len {
            return Err(format!(
                "{name} holds {} bytes where {} were written",
                found.len, expected.len
            ));
        }
        if found.hash != expected.hash {
            return Err(format!(
                "the end of {name} has changed since it was written"
            ));
        }
    }
    Ok(Checked::Tails)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_tail_covers_small_files_whole_and_grows_with_large_ones() {
        let dir = tempfile::tempdir().unwrap();
        let small = dir.path().join("small");
        std::fs::write(&small, b"abc").unwrap();
        let tail = tail_of(&small).unwrap();
        assert_eq!(tail.len, 3);
        assert_eq!(tail.hash, blake3::hash(b"abc").to_hex().to_string());

        let large = dir.path().join("large");
        let bytes: Vec<u8> = (0..1_000_000u32).map(|i| (i % 251) as u8).collect();
        std::fs::write(&large, &bytes).unwrap();
        let take = (TAIL_MIN + 1_000_000 / TAIL_SHARE) as usize;
        let tail = tail_of(&large).unwrap();
        let start = bytes.len() - take;
        assert_eq!(
            tail.hash,
            blake3::hash(&bytes[start..]).to_hex().to_string()
        );
        // A change just before the tail is not its concern; one inside it is.
        let mut before = bytes.clone();
        before[start - 1] ^= 1;
        std::fs::write(&large, &before).unwrap();
        assert_eq!(tail_of(&large).unwrap().hash, tail.hash);
        let mut inside = bytes;
        inside[start] ^= 1;
        std::fs::write(&large, &inside).unwrap();
        assert_ne!(tail_of(&large).unwrap().hash, tail.hash);
    }
}
