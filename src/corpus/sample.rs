//! The sample corpus embedded in the binary (our own articles, in `assets/sample/`), used when
//! no corpus is configured so that a fresh install shows something real at once.

use include_dir::{Dir, include_dir};

static SAMPLE: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/assets/sample");

/// The label every sample file carries as its `file`: `sample:NAME`.
pub const PREFIX: &str = "sample:";

/// The embedded raw files, by name, in name order. Only `.txt` files are corpus.
pub fn files() -> Vec<(String, &'static [u8])> {
    let mut out: Vec<(String, &'static [u8])> = SAMPLE
        .files()
        .filter(|f| f.path().extension().is_some_and(|e| e == "txt"))
        .map(|f| (format!("{PREFIX}{}", f.path().display()), f.contents()))
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}
