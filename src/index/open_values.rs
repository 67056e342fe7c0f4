//! Outlets and topics given in part (`source:Xinhua`, `--source 新华`): taken for the
//! corpus's values whose names hold them, the same way for the query, the command-line
//! flags and the reader.

use tantivy::Term;

use super::{Index, IndexError};
use crate::filter::{self, Filter, Known, OpenKnown, fold};
use crate::tagging::sources::outlet;

impl Index {
    /// Takes each outlet and topic of `filter` that no article has as written for the
    /// values whose names hold it (`Xinhua` → 新华网 or 新华日报), or fails with an error
    /// that suggests the closest. Returns a note for each value so taken.
    pub fn open_values(&self, filter: &mut Filter) -> Result<Vec<String>, IndexError> {
        if filter.sources.is_empty() && filter.topics.is_empty() {
            return Ok(Vec::new());
        }
        let known = self.open_known()?;
        let searcher = self.reader.searcher();
        let source_keys = self.fields.source_keys;
        // An outlet's every written form is a key (`Xin Hua Wang`, 新华网, Xinhuanet).
        let exact = |facet: &'static str, v: &str| match facet {
            "source" => searcher
                .doc_freq(&Term::from_field_text(source_keys, &fold(v)))
                .is_ok_and(|n| n > 0),
            _ => known.topics.iter().any(|k| fold(&k.value) == fold(v)),
        };
        Ok(filter::take_open_values(filter, known, &exact)?)
    }

    /// The outlets and topics of the whole index, counted once per index opened (an
    /// [`Index`] is a snapshot).
    fn open_known(&self) -> Result<&OpenKnown, IndexError> {
        if let Some(k) = self.open_known.get() {
            return Ok(k);
        }
        let (_, facets) = self.stats(&Filter::default())?;
        let known = |counts: &[super::FacetCount], with_names: bool| -> Vec<Known> {
            counts
                .iter()
                .map(|c| Known {
                    value: c.value.clone(),
                    names: outlet(&c.value)
                        .filter(|_| with_names)
                        .map(|o| vec![o.zh.to_string(), o.en.to_string()])
                        .unwrap_or_default(),
                })
                .collect()
        };
        let mut sources = known(&facets.sources, true);
        // Each outlet also goes by the forms its articles write it in (`Zhong Guo Xin Wen
        // Wang`), kept folded as the filter's keys.
        for key in self.source_keys() {
            if let Some(o) = outlet(&key)
                && let Some(k) = sources.iter_mut().find(|k| k.value == o.zh)
                && !k.names.contains(&key)
            {
                k.names.push(key);
            }
        }
        let computed = OpenKnown {
            sources,
            topics: known(&facets.topics, false),
        };
        Ok(self.open_known.get_or_init(|| computed))
    }

    /// Every outlet key in the index (folded names as written, Chinese and English).
    fn source_keys(&self) -> Vec<String> {
        let mut keys = Vec::new();
        for segment in self.reader.searcher().segment_readers() {
            let Ok(inverted) = segment.inverted_index(self.fields.source_keys) else {
                continue;
            };
            let Ok(mut stream) = inverted.terms().stream() else {
                continue;
            };
            while stream.advance() {
                if let Ok(key) = std::str::from_utf8(stream.key())
                    && !keys.iter().any(|k| k == key)
                {
                    keys.push(key.to_string());
                }
            }
        }
        keys
    }
}
