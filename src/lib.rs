//! chanjiao: a terminal reader for news about China's vocational education and
//! industry–education integration. The library holds everything; the binary only wires it.

pub mod article;
pub mod cli;
pub mod corpus;
pub mod export;
pub mod filter;
pub mod index;
pub mod logging;
pub mod settings;
pub mod synth;
pub mod tagging;
pub mod text;
pub mod tui;
