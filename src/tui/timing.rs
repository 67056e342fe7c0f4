//! How fast the reader answers, measured on the real event loop and written to the log when
//! the reader closes: the time to the first screen of articles, how long each burst of input
//! took to handle and redraw, and how long after a keystroke its search results were on
//! screen. `CHANJIAO_LOG=info` (the default) records it in `chanjiao.log`.

use std::collections::HashMap;
use std::time::{Duration, Instant};

/// Timings of one run of the reader.
#[derive(Debug)]
pub struct Timings {
    started: Instant,
    first_screen: Option<Duration>,
    /// Handling plus redrawing of each burst of terminal input.
    frames: Vec<Duration>,
    /// When each search was asked for, by sequence number.
    asked: HashMap<u64, Instant>,
    /// From asking to the results drawn.
    searches: Vec<Duration>,
}

impl Timings {
    /// Starts the clock (at the reader's launch).
    pub fn new(started: Instant) -> Self {
        Timings {
            started,
            first_screen: None,
            frames: Vec::new(),
            asked: HashMap::new(),
            searches: Vec::new(),
        }
    }

    /// A frame was drawn; `articles` tells whether it showed a list of articles.
    pub fn drawn(&mut self, articles: bool) {
        if articles && self.first_screen.is_none() {
            let t = self.started.elapsed();
            tracing::info!(ms = millis(t), "first screen of articles");
            self.first_screen = Some(t);
        }
    }

    /// A burst of input that began at `since` was handled and drawn.
    pub fn frame(&mut self, since: Instant) {
        self.frames.push(since.elapsed());
    }

    /// A search with this sequence number was asked for now.
    pub fn asked(&mut self, seq: u64) {
        // Only the newest few can still answer; keep the map small.
        if self.asked.len() > 64 {
            self.asked.clear();
        }
        self.asked.insert(seq, Instant::now());
    }

    /// The results of search `seq` were just drawn.
    pub fn answered(&mut self, seq: u64) {
        if let Some(t) = self.asked.remove(&seq) {
            self.searches.push(t.elapsed());
        }
    }

    /// One line for the log: counts, median, 99th percentile and worst.
    pub fn summary(&self) -> String {
        format!(
            "first screen {} ms; input {}; search {}",
            self.first_screen
                .map_or("-".to_string(), |t| millis(t).to_string()),
            spread(&self.frames),
            spread(&self.searches),
        )
    }
}

fn millis(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1000.0)
}

/// `n=…, p50 … ms, p99 … ms, max … ms` of a set of durations.
fn spread(all: &[Duration]) -> String {
    if all.is_empty() {
        return "n=0".to_string();
    }
    let mut v = all.to_vec();
    v.sort();
    let at = |q: f64| v[((v.len() - 1) as f64 * q).round() as usize];
    format!(
        "n={} p50 {} ms, p99 {} ms, max {} ms",
        v.len(),
        millis(at(0.5)),
        millis(at(0.99)),
        millis(at(1.0))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spread_orders_and_picks_quantiles() {
        let d = |ms| Duration::from_millis(ms);
        let s = spread(&[d(9), d(1), d(5)]);
        assert_eq!(s, "n=3 p50 5.0 ms, p99 9.0 ms, max 9.0 ms");
        assert_eq!(spread(&[]), "n=0");
    }

    #[test]
    fn answers_match_their_requests() {
        let mut t = Timings::new(Instant::now());
        t.asked(1);
        t.asked(2);
        t.answered(2);
        t.answered(7);
        assert_eq!(t.searches.len(), 1);
        assert!(t.summary().contains("search n=1"));
        assert!(t.summary().starts_with("first screen - ms"));
        t.drawn(true);
        assert!(!t.summary().starts_with("first screen - ms"));
    }
}
