//! CSV (RFC 4180): a header row, then one row per article; fields with commas, quotes or
//! line breaks are quoted, records end in CRLF. Lists are joined with `;`, missing values
//! are empty fields.
//!
//! The file starts with a UTF-8 byte order mark. Spreadsheets are what CSV is for here
//! (programs have the JSON export), and Excel reads a UTF-8 file without the mark in the
//! local legacy code page, which turns every Chinese character into mojibake. LibreOffice,
//! Google Sheets, pandas and the `csv` crate all skip the mark.

use std::io::Write;

use ::csv::{Terminator, WriterBuilder};

use crate::article::Article;

/// The UTF-8 byte order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The columns, in order.
pub const HEADER: [&str; 13] = [
    "id",
    "published",
    "title",
    "source",
    "source_zh",
    "source_en",
    "topic",
    "provinces",
    "sectors",
    "duplicates",
    "file",
    "also_in",
    "body",
];

/// What separates the values of a list column.
pub const LIST_SEPARATOR: &str = ";";

pub fn write(articles: &[Article], out: &mut dyn Write) -> std::io::Result<()> {
    begin(out)?;
    for a in articles {
        row_of(a, out)?;
    }
    Ok(())
}

/// A table's writer on `out`.
fn table(out: &mut dyn Write) -> ::csv::Writer<&mut dyn Write> {
    WriterBuilder::new()
        .terminator(Terminator::CRLF)
        .from_writer(out)
}

/// The byte order mark and the header row.
pub fn begin(out: &mut dyn Write) -> std::io::Result<()> {
    out.write_all(BOM)?;
    let mut t = table(out);
    t.write_record(HEADER)?;
    t.flush()
}

/// One article's row.
pub fn row_of(a: &Article, out: &mut dyn Write) -> std::io::Result<()> {
    let mut t = table(out);
    t.write_record(row(a))?;
    t.flush()
}

/// An article's fields in [`HEADER`] order.
fn row(a: &Article) -> [String; 13] {
    let text = |s: &Option<String>| s.clone().unwrap_or_default();
    [
        a.id.clone(),
        a.published.map(|t| t.to_rfc3339()).unwrap_or_default(),
        a.title.clone(),
        text(&a.source),
        text(&a.source_zh),
        text(&a.source_en),
        text(&a.topic),
        a.provinces.join(LIST_SEPARATOR),
        a.sectors.join(LIST_SEPARATOR),
        a.duplicates.join(LIST_SEPARATOR),
        a.file.clone(),
        a.also_in.join(LIST_SEPARATOR),
        a.body.clone(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixtures::tricky;

    fn export(articles: &[Article]) -> Vec<u8> {
        let mut out = Vec::new();
        write(articles, &mut out).unwrap();
        out
    }

    #[test]
    fn starts_with_a_byte_order_mark_and_ends_records_in_crlf() {
        let out = export(&[tricky()]);
        assert!(out.starts_with(BOM));
        let text = String::from_utf8(out[BOM.len()..].to_vec()).unwrap();
        assert!(text.starts_with("id,published,title,"), "{text}");
        assert!(text.ends_with("\r\n"));
        assert!(text.contains("body\r\n"));
    }

    #[test]
    fn every_field_reads_back_including_commas_quotes_and_line_breaks() {
        let a = tricky();
        let out = export(&[a.clone(), Article::default()]);
        let mut r = ::csv::Reader::from_reader(out.as_slice());
        assert_eq!(
            r.headers().unwrap(),
            &::csv::StringRecord::from(HEADER.to_vec())
        );
        let rows: Vec<::csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 2);
        let got: Vec<&str> = rows[0].iter().collect();
        assert_eq!(got, row(&a).iter().map(String::as_str).collect::<Vec<_>>());
        assert_eq!(&rows[0][1], "2025-10-11T09:29:00+08:00");
        assert_eq!(&rows[0][7], "Shandong;Hong Kong");
        assert_eq!(&rows[0][11], "corpus/copy.txt;corpus/copy (2).txt");
        assert_eq!(&rows[0][12], a.body);
        assert!(rows[1].iter().all(str::is_empty), "{:?}", rows[1]);
    }

    #[test]
    fn no_articles_is_the_header_alone() {
        let mut r = ::csv::Reader::from_reader(std::io::Cursor::new(export(&[])));
        assert_eq!(r.headers().unwrap().len(), HEADER.len());
        assert_eq!(r.records().count(), 0);
    }
}
