//! A [`LinkTable`] as bytes: a compact little-endian layout, quick to write and read back.
//!
//! Layout: the magic `CJLINKS` and a format byte; the file labels; the entries (id, file
//! number, date as seconds, nanoseconds and offset, folded outlet, figures, title terms,
//! lead sketch); the candidate pairs (two entry numbers, a kind byte, 1 linked, 2 copies of
//! one outlet's report, 0 neither, and the strength as a `u16`); the document
//! frequencies (corpus size, exact flag, term and frequency); last, a blake3 hash of all
//! that came before. Strings and lists carry a `u32` length first.
//!
//! The hash lets the table be written without waiting for the disk: a copy cut short or
//! garbled by a crash is refused as a whole, and the table is then rebuilt from the index.

use std::io::Write;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset};

use super::similarity::Frequencies;
use super::table::{Entry, LinkTable, Verdict};

/// The format byte changes with the layout and with the rules that gave the stored verdicts:
/// a table of another format is refused, and the next update links every article afresh
/// (old verdicts kept beside new ones would give stories no rebuild gives).
const MAGIC: &[u8; 8] = b"CJLINKS\x06";

/// Length of the trailing hash.
const HASH_LEN: usize = 32;

/// The table as bytes, for tests and small tables; [`encode_to`] streams it.
pub fn encode(t: &LinkTable) -> Vec<u8> {
    let mut out = Vec::new();
    // Writing to a vector cannot fail.
    let _ = encode_to(t, &mut out);
    out
}

/// Writes the table to `w` a chunk at a time, hashing as it goes: a table of 100k entries
/// is about 30 MB, and building it whole in memory first costs as much again in page faults.
pub fn encode_to(t: &LinkTable, w: &mut dyn Write) -> std::io::Result<()> {
    let mut out = Sink::new(w);
    out.put(MAGIC);
    out.len(t.files.len());
    for f in &t.files {
        out.str(f);
    }
    out.len(t.entries.len());
    for e in &t.entries {
        out.str(&e.id);
        out.put(&e.file.to_le_bytes());
        match e.published {
            Some(d) => {
                out.put(&[1]);
                out.put(&d.timestamp().to_le_bytes());
                out.put(&d.timestamp_subsec_nanos().to_le_bytes());
                out.put(&d.offset().local_minus_utc().to_le_bytes());
            }
            None => out.put(&[0]),
        }
        match &e.outlet {
            Some(o) => {
                out.put(&[1]);
                out.str(o);
            }
            None => out.put(&[0]),
        }
        for list in [e.figures(), e.title(), e.lead()] {
            out.len(list.len());
            for k in list {
                out.put(&k.to_le_bytes());
            }
        }
    }
    out.len(t.pairs.len());
    for v in &t.pairs {
        out.put(&v.a.to_le_bytes());
        out.put(&v.b.to_le_bytes());
        // 1: linked; 2: copies of one outlet's report; 0: neither.
        out.put(&[if v.linked {
            1
        } else if v.copies {
            2
        } else {
            0
        }]);
        out.put(&v.strength.to_le_bytes());
    }
    out.put(&t.freq.n.to_le_bytes());
    out.put(&[u8::from(t.freq.exact)]);
    out.len(t.freq.df.len());
    for (k, d) in &t.freq.df {
        out.put(&k.to_le_bytes());
        out.put(&d.to_le_bytes());
    }
    out.finish()
}

/// Bytes on their way to a writer through a buffer of [`Sink::CHUNK`] bytes, hashed as each
/// chunk leaves. The first write error stops further writing and is returned by `finish`.
struct Sink<'w> {
    w: &'w mut dyn Write,
    buf: Vec<u8>,
    hasher: blake3::Hasher,
    failed: Option<std::io::Error>,
}

impl<'w> Sink<'w> {
    const CHUNK: usize = 1 << 18;

    fn new(w: &'w mut dyn Write) -> Self {
        Sink {
            w,
            buf: Vec::with_capacity(Self::CHUNK + 64),
            hasher: blake3::Hasher::new(),
            failed: None,
        }
    }

    fn put(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
        if self.buf.len() >= Self::CHUNK {
            self.flush();
        }
    }

    fn len(&mut self, n: usize) {
        self.put(&(n as u32).to_le_bytes());
    }

    fn str(&mut self, s: &str) {
        self.len(s.len());
        self.put(s.as_bytes());
    }

    fn flush(&mut self) {
        self.hasher.update(&self.buf);
        if self.failed.is_none()
            && let Err(e) = self.w.write_all(&self.buf)
        {
            self.failed = Some(e);
        }
        self.buf.clear();
    }

    fn finish(mut self) -> std::io::Result<()> {
        self.flush();
        let hash = self.hasher.finalize();
        match self.failed {
            Some(e) => Err(e),
            None => self.w.write_all(hash.as_bytes()),
        }
    }
}

/// Reads back what [`encode`] wrote; says what is wrong with anything else.
pub fn decode(bytes: &[u8]) -> Result<LinkTable, String> {
    if bytes.len() < MAGIC.len() + HASH_LEN || !bytes.starts_with(MAGIC) {
        return Err("not a link table of this version".into());
    }
    let (bytes, hash) = bytes.split_at(bytes.len() - HASH_LEN);
    if blake3::hash(bytes).as_bytes() != hash {
        return Err("its checksum does not match: cut short or damaged".into());
    }
    let mut r = Reader {
        bytes,
        at: MAGIC.len(),
    };
    let files = (0..r.len()?)
        .map(|_| r.string())
        .collect::<Result<Vec<_>, _>>()?;
    let count = r.len()?;
    let mut entries = Vec::with_capacity(count.min(bytes.len() / 16));
    // Few outlets, many entries: each outlet's text is made once and shared.
    let mut outlets: rustc_hash::FxHashMap<&[u8], Arc<str>> = Default::default();
    for _ in 0..count {
        let id = r.string()?;
        let file = r.u32()?;
        if file as usize >= files.len() {
            return Err(format!("entry {id} names file {file} of {}", files.len()));
        }
        let published = match r.byte()? {
            0 => None,
            _ => {
                let secs = i64::from_le_bytes(r.array()?);
                let nanos = r.u32()?;
                let offset = i32::from_le_bytes(r.array()?);
                let utc = DateTime::from_timestamp(secs, nanos)
                    .ok_or_else(|| format!("entry {id} has a bad date"))?;
                let zone = FixedOffset::east_opt(offset)
                    .ok_or_else(|| format!("entry {id} has a bad offset"))?;
                Some(utc.with_timezone(&zone))
            }
        };
        let outlet = match r.byte()? {
            0 => None,
            _ => Some(r.shared(&mut outlets)?),
        };
        let lists = [r.hash_list()?, r.hash_list()?, r.hash_list()?];
        let mut hashes = Vec::with_capacity(lists.iter().map(|l| l.len() / 8).sum());
        for list in lists {
            hashes.extend(list.chunks_exact(8).map(|c| {
                let mut a = [0u8; 8];
                a.copy_from_slice(c);
                u64::from_le_bytes(a)
            }));
        }
        let lens = [lists[0].len() / 8, lists[1].len() / 8];
        entries.push(Entry::joined(id, file, published, outlet, hashes, lens));
    }
    let count = r.len()?;
    let mut pairs = Vec::with_capacity(count.min(bytes.len() / 11));
    for _ in 0..count {
        let (a, b, kind) = (r.u32()?, r.u32()?, r.byte()?);
        let (linked, copies) = (kind == 1, kind == 2);
        let strength = u16::from_le_bytes(r.array()?);
        if a >= b || b as usize >= entries.len() {
            return Err(format!(
                "pair ({a}, {b}) does not fit {} entries",
                entries.len()
            ));
        }
        pairs.push(Verdict {
            a,
            b,
            linked,
            copies,
            strength,
        });
    }
    let n = f32::from_le_bytes(r.array()?);
    let exact = r.byte()? != 0;
    let count = r.len()?;
    let mut df = rustc_hash::FxHashMap::with_capacity_and_hasher(
        count.min(bytes.len() / 12),
        Default::default(),
    );
    for _ in 0..count {
        let k = u64::from_le_bytes(r.array()?);
        df.insert(k, f32::from_le_bytes(r.array()?));
    }
    if r.at != bytes.len() {
        return Err(format!("{} bytes left over", bytes.len() - r.at));
    }
    Ok(LinkTable {
        files,
        entries,
        pairs,
        freq: Frequencies { df, n, exact },
    })
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let Some(end) = end else {
            return Err(format!("cut short at byte {}", self.at));
        };
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], String> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }

    fn byte(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }

    fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    fn len(&mut self) -> Result<usize, String> {
        Ok(self.u32()? as usize)
    }

    /// A string that may have been read before: the earlier copy, shared.
    fn shared(
        &mut self,
        seen: &mut rustc_hash::FxHashMap<&'a [u8], Arc<str>>,
    ) -> Result<Arc<str>, String> {
        let n = self.len()?;
        let at = self.at;
        let raw = self.take(n)?;
        if let Some(s) = seen.get(raw) {
            return Ok(s.clone());
        }
        let s: Arc<str> = std::str::from_utf8(raw)
            .map_err(|_| format!("bad text at byte {at}"))?
            .into();
        seen.insert(raw, s.clone());
        Ok(s)
    }

    fn string(&mut self) -> Result<String, String> {
        let n = self.len()?;
        let at = self.at;
        String::from_utf8(self.take(n)?.to_vec()).map_err(|_| format!("bad text at byte {at}"))
    }

    /// The bytes of a list of hashes (8 bytes each).
    fn hash_list(&mut self) -> Result<&'a [u8], String> {
        let n = self.len()?;
        self.take(n.checked_mul(8).ok_or("list too long")?)
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::article::Article;

    #[test]
    fn a_table_reads_back_as_written_and_damage_is_refused() {
        let mk = |id: &str, file: &str, source: Option<&str>| Article {
            id: id.into(),
            title: "第三批产教融合实训基地名单公布 64个基地入选".into(),
            source: source.map(Into::into),
            published: crate::article::china_offset()
                .timestamp_opt(1_767_000_000, 5)
                .single(),
            body: "The Ministry of Education named 64 training bases in 19 provinces.".into(),
            file: file.into(),
            ..Article::default()
        };
        let mut undated = mk("c", "x.txt", None);
        undated.published = None;
        let articles = vec![
            mk("a", "x.txt", Some("Xin Hua Wang")),
            mk("b", "y.txt", Some("Ren Min Ri Bao")),
            undated,
        ];
        let table = LinkTable::build(&articles);
        assert_eq!(table.files.len(), 2);
        assert!(!table.pairs.is_empty());
        let bytes = encode(&table);
        assert_eq!(decode(&bytes), Ok(table));
        assert!(decode(&bytes[..bytes.len() - 1]).is_err());
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode(&longer).is_err());
        assert!(decode(b"CJLINKS\x00").is_err());
        let mut flipped = bytes.clone();
        flipped[bytes.len() / 2] ^= 1;
        assert!(decode(&flipped).is_err());
        // A table without its hash, or with a hash that fits what precedes it but a body
        // that does not parse, is refused too.
        assert!(decode(&bytes[..bytes.len() - HASH_LEN]).is_err());
        let mut short = bytes[..bytes.len() - HASH_LEN - 1].to_vec();
        short.extend_from_slice(blake3::hash(&short).as_bytes());
        assert!(decode(&short).is_err());
    }
}
