//! Writing an export one article at a time, so that an export of any size holds one article:
//! [`Stream::begin`], [`Stream::article`] for each, [`Stream::end`]. The bytes are those
//! [`super::write`] gives for the same articles.

use std::io::{self, Write};

use super::markdown::{self, Brief};
use super::{Format, csv, json};
use crate::article::Article;

/// An export being written.
pub struct Stream<'a> {
    format: Format,
    out: &'a mut dyn Write,
    /// Tells of the other reports of a story, for the Markdown's *Also reported* lists.
    brief: &'a dyn Fn(&str) -> Option<Brief>,
    written: usize,
}

impl<'a> Stream<'a> {
    /// Starts an export (the CSV's header).
    pub fn begin(
        format: Format,
        out: &'a mut dyn Write,
        brief: &'a dyn Fn(&str) -> Option<Brief>,
    ) -> io::Result<Stream<'a>> {
        if format == Format::Csv {
            csv::begin(out)?;
        }
        Ok(Stream {
            format,
            out,
            brief,
            written: 0,
        })
    }

    /// Writes the next article.
    pub fn article(&mut self, a: &Article) -> io::Result<()> {
        match self.format {
            Format::Markdown => markdown::write_section(self.written, a, self.brief, self.out)?,
            Format::Json => json::element(self.written, a, self.out)?,
            Format::Csv => csv::row_of(a, self.out)?,
        }
        self.written += 1;
        Ok(())
    }

    /// Ends the export; how many articles it holds.
    pub fn end(self) -> io::Result<usize> {
        if self.format == Format::Json {
            json::end(self.written, self.out)?;
        }
        self.out.flush()?;
        Ok(self.written)
    }
}
