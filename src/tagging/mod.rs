//! Tagging: regions, sectors, outlets and duplicate stories.

pub mod duplicates;
pub mod regions;
pub mod sectors;
pub mod sources;
