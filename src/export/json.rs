//! JSON: one pretty-printed array of the article records, each exactly the object that
//! `chanjiao show --json` prints (the same `Serialize` of [`Article`]).

use std::io::Write;

use crate::article::Article;

pub fn write(articles: &[Article], out: &mut dyn Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, articles)?;
    writeln!(out)
}

/// The `index`-th element of the array, as `write` lays it out (the array opened before the
/// first, a comma before the others), for writing one article at a time.
pub fn element(index: usize, a: &Article, out: &mut dyn Write) -> std::io::Result<()> {
    out.write_all(if index == 0 { b"[\n" } else { b",\n" })?;
    let pretty = serde_json::to_string_pretty(a)?;
    // One level deeper than alone: every line two spaces in (string values hold no line
    // break; JSON escapes them).
    for (i, line) in pretty.lines().enumerate() {
        if i > 0 {
            out.write_all(b"\n")?;
        }
        write!(out, "  {line}")?;
    }
    Ok(())
}

/// Closes an array of `count` elements written by `element`.
pub fn end(count: usize, out: &mut dyn Write) -> std::io::Result<()> {
    out.write_all(if count == 0 { b"[]\n" } else { b"\n]\n" })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixtures::tricky;

    fn sample() -> Vec<Article> {
        vec![tricky(), Article::default()]
    }

    #[test]
    fn the_array_reads_back_as_the_same_articles() {
        let mut out = Vec::new();
        write(&sample(), &mut out).unwrap();
        let back: Vec<Article> = serde_json::from_slice(&out).unwrap();
        assert_eq!(back, sample());
    }

    #[test]
    fn each_element_is_the_record_show_prints() {
        let mut out = Vec::new();
        write(&sample(), &mut out).unwrap();
        let array: Vec<serde_json::Value> = serde_json::from_slice(&out).unwrap();
        for (value, article) in array.iter().zip(sample()) {
            assert_eq!(value, &serde_json::to_value(&article).unwrap());
        }
    }

    #[test]
    fn one_element_at_a_time_is_the_same_array() {
        for articles in [sample(), vec![tricky()], Vec::new()] {
            let mut whole = Vec::new();
            write(&articles, &mut whole).unwrap();
            let mut parts = Vec::new();
            for (i, a) in articles.iter().enumerate() {
                element(i, a, &mut parts).unwrap();
            }
            end(articles.len(), &mut parts).unwrap();
            assert_eq!(
                String::from_utf8(parts).unwrap(),
                String::from_utf8(whole).unwrap()
            );
        }
    }

    #[test]
    fn no_articles_is_an_empty_array() {
        let mut out = Vec::new();
        write(&[], &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "[]\n");
    }
}
