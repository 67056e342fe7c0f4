//! The index schema: which article fields are searchable, which are facets, and how each
//! article becomes a tantivy document.

use tantivy::TantivyDocument;
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};

use crate::article::Article;
use crate::filter::{NATIONAL, fold};

use super::analyzer;

/// Bump when fields or their options change, or the files beside the index (state, link
/// table): a stamp mismatch triggers a rebuild. (5: the id's key as a fast field.)
pub const VERSION: u32 = 5;

/// `published` value of an undated article: sorts last when newest comes first.
pub const UNDATED: i64 = i64::MIN;

/// Fast-field names, used by the facet collector.
pub mod names {
    pub const PROVINCE: &str = "province";
    pub const SECTOR: &str = "sector";
    pub const SOURCE: &str = "source";
    pub const SOURCE_KEYS: &str = "source_keys";
    pub const TOPIC: &str = "topic";
    pub const MONTH: &str = "month";
    pub const PUBLISHED: &str = "published";
    pub const ID_KEY: &str = "id_key";
}

/// Handles of every field.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub id: Field,
    pub file: Field,
    pub title: Field,
    pub body: Field,
    pub json: Field,
    pub province: Field,
    pub sector: Field,
    pub source: Field,
    pub source_keys: Field,
    pub topic: Field,
    pub month: Field,
    pub published: Field,
    /// The id as a number ([`super::id_docs::key`]), a column to read the reading state
    /// from without a walk through the id dictionary.
    pub id_key: Field,
}

impl Fields {
    /// The fields searched for words: title and body.
    pub fn text(&self) -> [Field; 2] {
        [self.title, self.body]
    }
}

pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(analyzer::NAME)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let fields = Fields {
        id: b.add_text_field("id", STRING),
        file: b.add_text_field("file", STRING),
        title: b.add_text_field("title", text.clone()),
        body: b.add_text_field("body", text),
        json: b.add_text_field("json", STORED),
        province: b.add_text_field(names::PROVINCE, STRING | FAST),
        sector: b.add_text_field(names::SECTOR, STRING | FAST),
        source: b.add_text_field(names::SOURCE, STRING | FAST),
        source_keys: b.add_text_field(names::SOURCE_KEYS, STRING | FAST),
        topic: b.add_text_field(names::TOPIC, STRING | FAST),
        month: b.add_text_field(names::MONTH, STRING | FAST),
        published: b.add_i64_field(names::PUBLISHED, INDEXED | FAST),
        id_key: b.add_u64_field(names::ID_KEY, FAST),
    };
    (b.build(), fields)
}

/// Looks the fields up in an opened index's schema.
pub fn fields_of(schema: &Schema) -> tantivy::Result<Fields> {
    let f = |n: &str| schema.get_field(n);
    Ok(Fields {
        id: f("id")?,
        file: f("file")?,
        title: f("title")?,
        body: f("body")?,
        json: f("json")?,
        province: f(names::PROVINCE)?,
        sector: f(names::SECTOR)?,
        source: f(names::SOURCE)?,
        source_keys: f(names::SOURCE_KEYS)?,
        topic: f(names::TOPIC)?,
        month: f(names::MONTH)?,
        published: f(names::PUBLISHED)?,
        id_key: f(names::ID_KEY)?,
    })
}

/// The source facet's value: the Chinese outlet name when known, else the name as written.
pub fn source_label(a: &Article) -> Option<&str> {
    a.source_zh.as_deref().or(a.source.as_deref())
}

/// The article as a document. `file` is the manifest label of the file it came from.
/// `duplicates` is not stored: it lives beside the index and is relinked on every update.
pub fn document(f: &Fields, a: &Article, file: &str) -> Result<TantivyDocument, serde_json::Error> {
    let mut d = TantivyDocument::default();
    d.add_text(f.id, &a.id);
    if let Some(key) = super::id_docs::key(&a.id) {
        d.add_u64(f.id_key, key);
    }
    d.add_text(f.file, file);
    d.add_text(f.title, &a.title);
    let extras: Vec<&String> = [&a.subtitle, &a.author]
        .into_iter()
        .flatten()
        .chain(&a.keywords)
        .collect();
    if extras.is_empty() {
        d.add_text(f.body, &a.body);
    } else {
        let mut body =
            String::with_capacity(a.body.len() + extras.iter().map(|e| e.len() + 1).sum::<usize>());
        body.push_str(&a.body);
        for extra in extras {
            body.push('\n');
            body.push_str(extra);
        }
        d.add_text(f.body, body);
    }
    let json = if a.duplicates.is_empty() {
        serde_json::to_string(a)?
    } else {
        let mut stored = a.clone();
        stored.duplicates.clear();
        serde_json::to_string(&stored)?
    };
    d.add_text(f.json, json);
    if a.provinces.is_empty() {
        d.add_text(f.province, NATIONAL);
    }
    for p in &a.provinces {
        d.add_text(f.province, p);
    }
    for s in &a.sectors {
        d.add_text(f.sector, s);
    }
    if let Some(s) = source_label(a) {
        d.add_text(f.source, s);
    }
    let mut keys: Vec<String> = [&a.source, &a.source_zh, &a.source_en]
        .into_iter()
        .flatten()
        .map(|s| fold(s))
        .filter(|s| !s.is_empty())
        .collect();
    keys.sort();
    keys.dedup();
    for k in keys {
        d.add_text(f.source_keys, k);
    }
    if let Some(t) = &a.topic {
        d.add_text(f.topic, t);
    }
    match a.published {
        Some(t) => {
            d.add_text(f.month, t.format("%Y-%m").to_string());
            d.add_i64(f.published, t.timestamp());
        }
        None => d.add_i64(f.published, UNDATED),
    }
    Ok(d)
}
