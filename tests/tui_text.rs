//! Display-width helpers: Chinese takes two columns, nothing overflows, cuts end in `…`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chanjiao::tui::draw::styled::{MarkPlace, Styled, wrap_list};
use chanjiao::tui::text::{fit, fit_right, truncate, width, wrap};
use proptest::prelude::*;
use ratatui::style::Style;

#[test]
fn widths() {
    assert_eq!(width("产教融合"), 8);
    assert_eq!(width("AI赋能"), 6);
    assert_eq!(width("廣東"), 4);
    assert_eq!(width("36氪"), 4);
}

#[test]
fn truncation_counts_columns() {
    assert_eq!(truncate("职业教育产教融合", 7), "职业教…");
    assert_eq!(truncate("职业教育产教融合", 8), "职业教…");
    assert_eq!(truncate("Jinan colleges", 8), "Jinan c…");
    assert_eq!(truncate("短", 1), "…");
    assert_eq!(truncate("", 3), "");
    assert_eq!(fit("山东", 6), "山东  ");
    assert_eq!(fit_right("山东", 6), "  山东");
    assert_eq!(fit("内蒙古自治区", 7), "内蒙古…");
    assert_eq!(fit("内蒙古自治区", 8), "内蒙古… ");
}

#[test]
fn chinese_wraps_without_spaces() {
    let text = "深化产教融合,推动职业教育高质量发展。";
    let lines: Vec<&str> = wrap(text, 10).into_iter().map(|r| &text[r]).collect();
    assert!(lines.len() > 2);
    for l in &lines {
        assert!(width(l) <= 10, "{l}");
        // Punctuation never starts a line.
        assert!(!l.starts_with('。'), "{l}");
    }
    assert_eq!(lines.concat(), text);
}

#[test]
fn mixed_text_breaks_at_spaces_and_between_characters() {
    let text = "The Liuzhou 柳州 car plants train students at the 产教融合 base";
    for w in [8, 12, 20, 33] {
        let ranges = wrap(text, w);
        for r in &ranges {
            let l = &text[r.clone()];
            assert!(width(l) <= w, "{w}: {l:?}");
            assert_eq!(l, l.trim(), "no spaces at the ends");
        }
        // English words are never cut when they fit a line.
        let joined: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
        assert!(
            joined.iter().any(|l| l.contains("students")),
            "{w}: {joined:?}"
        );
    }
}

proptest! {
    #[test]
    fn wrap_never_overflows_and_loses_nothing(s in "[a-z 产教融合职业。,“”()]{0,60}", w in 1usize..30) {
        let ranges = wrap(&s, w);
        let mut last_end = 0;
        for r in &ranges {
            let line = &s[r.clone()];
            // A character wider than the line is the only thing allowed past it.
            prop_assert!(width(line) <= w || line.chars().count() == 1);
            prop_assert!(r.start >= last_end);
            prop_assert!(s[last_end..r.start].trim().is_empty(), "only spaces are dropped");
            last_end = r.end;
        }
        prop_assert!(s[last_end..].trim().is_empty());
    }

    #[test]
    fn truncate_fits(s in "[a-zA-Z 产教融合職業]{0,40}", w in 0usize..30) {
        let t = truncate(&s, w);
        prop_assert!(width(&t) <= w);
        prop_assert_eq!(width(&fit(&s, w)), w);
    }
}

#[test]
fn wrapped_marks_say_which_cells_they_take() {
    // "• 产教 and 产教融" / "  合基地": the second mark runs on to the next line.
    let mut s = Styled::new();
    s.push("产教 and 产教融合基地", Style::new());
    let marks = [0..6, 11..23];
    let w = s.wrap(18, "• ", "  ", Style::new(), &marks);
    assert_eq!(w.lines.len(), 2);
    assert_eq!(
        w.marks,
        vec![
            MarkPlace {
                begins: 0,
                parts: vec![(0, 2..6)],
            },
            MarkPlace {
                begins: 0,
                parts: vec![(0, 11..17), (1, 2..4)],
            },
        ]
    );
    // An empty mark and one out of the text are left out.
    let outside = [0..0, 20..40];
    assert_eq!(s.wrap(18, "", "", Style::new(), &outside).marks, vec![]);
}

fn plain_lines(lines: &[ratatui::text::Line]) -> Vec<String> {
    lines
        .iter()
        .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect()
}

#[test]
fn a_labelled_list_wraps_at_whole_names_with_the_label_counted_once() {
    let names: Vec<(String, Style)> = ["钢铁冶金", "石油化工", "智能制造与装备", "新能源与储能"]
        .iter()
        .map(|n| (n.to_string(), Style::new()))
        .collect();
    // 行业 plus two spaces is 6 columns; the first two names and their separator take 19.
    let lines = plain_lines(&wrap_list("行业  ", &names, " · ", 25, Style::new()));
    assert_eq!(
        lines,
        [
            "行业  钢铁冶金 · 石油化工",
            "      智能制造与装备",
            "      新能源与储能"
        ]
    );
    // Exactly the room for a name: it stays on the line.
    let lines = plain_lines(&wrap_list("行业  ", &names, " · ", 42, Style::new()));
    assert_eq!(
        lines,
        [
            "行业  钢铁冶金 · 石油化工 · 智能制造与装备",
            "      新能源与储能"
        ]
    );
    for l in &lines {
        assert!(width(l) <= 42, "{l}");
    }
    // A name wider than the line is the only one broken.
    let lines = plain_lines(&wrap_list("行业  ", &names, " · ", 12, Style::new()));
    assert_eq!(
        lines,
        [
            "行业  钢铁冶",
            "      金",
            "      石油化",
            "      工",
            "      智能制",
            "      造与装",
            "      备",
            "      新能源",
            "      与储能"
        ]
    );
    // No room beside the label: the label has a line of its own.
    let lines = plain_lines(&wrap_list("行业  ", &names, " · ", 6, Style::new()));
    assert_eq!(lines[0], "行业  ");
    assert!(lines.iter().all(|l| width(l) <= 6), "{lines:?}");
}
