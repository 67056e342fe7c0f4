//! The Han words of each index segment (its title and body term dictionaries), laid end to
//! end one per line, for finding the indexed words that hold a piece of a query.
//!
//! Streaming a term dictionary costs about 0.2 µs a term: 80–90 ms for the 400k words of a
//! large real corpus, on every search. Searching the same words as one string takes about a
//! millisecond. A segment never changes, so its list is made once, by the first search that
//! needs it, and kept in memory and beside the index (`chanjiao-words-SEGMENT.txt`, checked
//! by a hash when read) for the processes that come after. A list that is missing, damaged
//! or cannot be written is made again from the dictionaries; nothing else depends on it.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use tantivy::index::SegmentId;
use tantivy::schema::Field;
use tantivy::{Searcher, SegmentReader};

use super::paths::write_unsynced;

/// Terms start with the UTF-8 lead byte of their first character: Han characters begin at
/// U+3400, whose lead byte is 0xE3, so English words and numbers are never read.
const FIRST_HAN_LEAD_BYTE: u8 = 0xE3;
/// First line of a list file; the next 32 bytes are the blake3 hash of the words after them.
const MAGIC: &[u8] = b"chanjiao-words 1\n";
const PREFIX: &str = "chanjiao-words-";
const SUFFIX: &str = ".txt";

/// The word lists of one index generation's segments.
#[derive(Debug)]
pub struct WordLists {
    dir: PathBuf,
    lists: Mutex<HashMap<SegmentId, Arc<str>>>,
    /// Held while lists are read or made, so that two threads do not make the same one.
    making: Mutex<()>,
}

impl WordLists {
    /// Lists kept in `dir`, the index generation's folder.
    pub fn new(dir: &Path) -> Self {
        WordLists {
            dir: dir.to_path_buf(),
            lists: Mutex::default(),
            making: Mutex::default(),
        }
    }

    fn path(&self, id: SegmentId) -> PathBuf {
        self.dir
            .join(format!("{PREFIX}{}{SUFFIX}", id.uuid_string()))
    }

    /// The word lists of every segment `searcher` reads, of `fields`. Lists made here are
    /// kept, and those of segments no longer read are removed.
    pub fn of(&self, searcher: &Searcher, fields: &[Field]) -> Vec<Arc<str>> {
        let ids = searcher.segment_readers().iter().map(|s| s.segment_id());
        let cached: Option<Vec<Arc<str>>> = ids.map(|id| self.cached(id)).collect();
        if let Some(lists) = cached {
            return lists;
        }
        // A poisoned lock only means another thread panicked while making a list: the
        // lists themselves are checked when read.
        let _making = self.making.lock();
        let mut made = false;
        let lists = searcher
            .segment_readers()
            .iter()
            .map(|segment| {
                let id = segment.segment_id();
                if let Some(list) = self.cached(id) {
                    return list;
                }
                let path = self.path(id);
                let list: Arc<str> = match read(&path) {
                    Some(list) => list.into(),
                    None => {
                        let list = collect(segment, fields);
                        match write(&path, &list) {
                            Ok(()) => made = true,
                            Err(e) => tracing::debug!("word list {} not kept: {e}", path.display()),
                        }
                        list.into()
                    }
                };
                if let Ok(mut cache) = self.lists.lock() {
                    cache.insert(id, list.clone());
                }
                list
            })
            .collect();
        if made {
            let live: Vec<SegmentId> = searcher
                .segment_readers()
                .iter()
                .map(|s| s.segment_id())
                .collect();
            self.prune(&live);
        }
        lists
    }

    fn cached(&self, id: SegmentId) -> Option<Arc<str>> {
        self.lists.lock().ok()?.get(&id).cloned()
    }

    /// Removes the kept lists of segments other than `live` (merged away or deleted).
    fn prune(&self, live: &[SegmentId]) {
        let keep: Vec<String> = live.iter().map(|id| id.uuid_string()).collect();
        let Ok(rd) = std::fs::read_dir(&self.dir) else {
            return;
        };
        for e in rd.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if let Some(id) = name
                .strip_prefix(PREFIX)
                .and_then(|r| r.strip_suffix(SUFFIX))
                && !keep.iter().any(|k| k == id)
            {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
}

/// Streams the Han terms of `fields` in `segment`, merged and each once.
fn collect(segment: &SegmentReader, fields: &[Field]) -> String {
    let mut words: Vec<String> = Vec::new();
    for field in fields {
        // A field that cannot be read here fails the search itself, with its error.
        let Ok(inverted) = segment.inverted_index(*field) else {
            continue;
        };
        let Ok(mut stream) = inverted
            .terms()
            .range()
            .ge([FIRST_HAN_LEAD_BYTE])
            .into_stream()
        else {
            continue;
        };
        while stream.advance() {
            if let Ok(word) = std::str::from_utf8(stream.key())
                && !word.contains('\n')
            {
                words.push(word.to_string());
            }
        }
    }
    words.sort_unstable();
    words.dedup();
    let mut list = String::with_capacity(words.iter().map(|w| w.len() + 1).sum());
    for w in &words {
        list.push_str(w);
        list.push('\n');
    }
    list
}

fn read(path: &Path) -> Option<String> {
    let bytes = std::fs::read(path).ok()?;
    let rest = bytes.strip_prefix(MAGIC)?;
    let (hash, words) = rest.split_at_checked(32)?;
    if blake3::hash(words).as_bytes() != hash {
        tracing::debug!("word list {} fails its hash; made again", path.display());
        return None;
    }
    String::from_utf8(words.to_vec()).ok()
}

fn write(path: &Path, list: &str) -> std::io::Result<()> {
    write_unsynced(path, |f: &mut dyn Write| {
        f.write_all(MAGIC)?;
        f.write_all(blake3::hash(list.as_bytes()).as_bytes())?;
        f.write_all(list.as_bytes())
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_kept_list_reads_back_and_a_damaged_one_does_not() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("chanjiao-words-x.txt");
        write(&path, "冷链物流\n物流\n").unwrap();
        assert_eq!(read(&path).as_deref(), Some("冷链物流\n物流\n"));
        let mut bytes = std::fs::read(&path).unwrap();
        let last = bytes.len() - 2;
        bytes[last] ^= 1;
        std::fs::write(&path, &bytes).unwrap();
        assert_eq!(read(&path), None);
        std::fs::write(&path, &bytes[..10]).unwrap();
        assert_eq!(read(&path), None);
    }
}
