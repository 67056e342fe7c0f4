//! JSON: one pretty-printed array of the article records, each exactly the object that
//! `chanjiao show --json` prints (the same `Serialize` of [`Article`]).

use std::io::Write;

use crate::article::Article;

pub fn write(articles: &[Article], out: &mut dyn Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, articles)?;
    writeln!(out)
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
    fn no_articles_is_an_empty_array() {
        let mut out = Vec::new();
        write(&[], &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "[]\n");
    }
}
