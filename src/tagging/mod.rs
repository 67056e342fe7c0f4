//! Tagging: regions, sectors, outlets and duplicate stories.

pub mod duplicates;
pub mod regions;
pub mod sectors;
pub mod sources;

/// Builds the region and sector automata now (tens of milliseconds; e.g. on a background
/// thread while the corpus is scanned) instead of in the first article tagged.
pub fn warm_up() {
    regions::warm_up();
    sectors::warm_up();
}
