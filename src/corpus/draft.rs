//! An article as a layout reader finds it, before its body is cleaned and it is tagged.

use chrono::{DateTime, FixedOffset};

use crate::article::Layout;

#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub title: String,
    pub subtitle: Option<String>,
    pub source: Option<String>,
    pub published: Option<DateTime<FixedOffset>>,
    pub topic: Option<String>,
    pub author: Option<String>,
    pub editor: Option<String>,
    pub place: Option<String>,
    pub keywords: Vec<String>,
    /// The raw body lines, blank lines included.
    pub body: Vec<String>,
    pub layout: Layout,
}

impl Draft {
    pub fn new(layout: Layout, title: &str) -> Self {
        Draft {
            title: title.trim().to_string(),
            subtitle: None,
            source: None,
            published: None,
            topic: None,
            author: None,
            editor: None,
            place: None,
            keywords: Vec::new(),
            body: Vec::new(),
            layout,
        }
    }
}
