//! Tests of the query analyzer, on vocabularies made up for each case.

use super::*;

/// A vocabulary from a word list; words in `dict` are cut out of longer words.
struct Words(Vec<(&'static str, u64)>, Vec<&'static str>);

impl Vocabulary for Words {
    fn docs(&self) -> u64 {
        1000
    }

    fn df(&mut self, word: &str) -> u64 {
        self.0
            .iter()
            .find(|(w, _)| *w == word)
            .map(|x| x.1)
            .unwrap_or(0)
    }

    fn words_holding(&mut self, keys: &Keys) -> Vec<(String, u64)> {
        self.0
            .iter()
            .filter(|(w, _)| keys.held_by(w))
            .map(|(w, df)| (w.to_string(), *df))
            .collect()
    }

    fn cut_out_of(&mut self, word: &str, _holder: &str) -> bool {
        self.1.contains(&word)
    }
}

/// The readings of `text`, each as (text, position, inside longer words).
fn readings(text: &str, vocab: &mut Words) -> Vec<Vec<(String, usize, bool)>> {
    analyze(text, vocab, &mut WordNormalizer::default())
        .into_iter()
        .map(|r| {
            r.into_iter()
                .map(|t| {
                    let inside = matches!(t.lookup, Lookup::Inside { .. });
                    (t.text, t.position, inside)
                })
                .collect()
        })
        .collect()
}

/// The one reading of `text`.
fn cut(text: &str, vocab: &mut Words) -> Vec<(String, usize, bool)> {
    let mut r = readings(text, vocab);
    assert_eq!(r.len(), 1, "{r:?}");
    r.remove(0)
}

/// The terms of the one reading of `text`.
fn terms(text: &str, vocab: &mut Words) -> Vec<QueryTerm> {
    let mut r = analyze(text, vocab, &mut WordNormalizer::default());
    assert_eq!(r.len(), 1, "{r:?}");
    r.remove(0)
}

fn s(text: &str, position: usize, inside: bool) -> (String, usize, bool) {
    (text.to_string(), position, inside)
}

/// The reading of `r` whose terms are `texts`, all but the first joined when `across`.
fn reading_of<'r>(r: &'r [Vec<QueryTerm>], texts: &[&str], across: bool) -> &'r [QueryTerm] {
    r.iter()
        .find(|terms| {
            terms
                .iter()
                .map(|t| t.text.as_str())
                .eq(texts.iter().copied())
                && terms.iter().skip(1).all(|t| t.joined == across)
        })
        .unwrap_or_else(|| panic!("{texts:?} in {r:?}"))
}

/// The holders and parts of a term that is an indexed word looked for in other ways too.
fn word_looked_for_more_ways(t: &QueryTerm) -> (&[Holder], &[String]) {
    let Lookup::Inside {
        word: true,
        holders,
        parts,
    } = &t.lookup
    else {
        panic!("{t:?}");
    };
    (holders, parts)
}

#[test]
fn prefers_whole_indexed_words() {
    let mut vocab = Words(
        vec![
            ("产教融合", 50),
            ("产教", 60),
            ("融合", 80),
            ("发展", 90),
            ("职业", 70),
        ],
        vec!["产教", "融合"],
    );
    // Whole, and also as its parts side by side, as jieba may cut it elsewhere.
    assert_eq!(
        cut("产教融合发展", &mut vocab),
        [s("产教融合", 0, true), s("发展", 4, false)]
    );
    let t = terms("产教融合发展", &mut vocab);
    let (holders, parts) = word_looked_for_more_ways(&t[0]);
    assert!(holders.is_empty());
    assert_eq!(parts, &["产教", "融合"]);
    // A stray character with no word holding it stays a (matchless) word.
    assert_eq!(
        cut("职业X职业", &mut vocab),
        [s("职业", 0, false), s("x", 2, false), s("职业", 3, false)]
    );
    assert_eq!(
        cut("职业山", &mut vocab),
        [s("职业", 0, false), s("山", 2, false)]
    );
}

#[test]
fn unknown_text_falls_back_to_characters() {
    let mut vocab = Words(vec![], vec![]);
    assert_eq!(
        cut("山河", &mut vocab),
        [s("山", 0, false), s("河", 1, false)]
    );
}

#[test]
fn text_inside_longer_words_matches_them() {
    let mut vocab = Words(
        vec![
            ("冷链物流", 40),
            ("物流", 300),
            ("发展", 500),
            ("冷链运输车", 5),
            ("链", 3),
            ("冷", 2),
        ],
        vec!["物流"],
    );
    // `冷链` is no word but lies inside two: one term, held by both.
    // Read as the characters apart, or as one piece inside longer words.
    let mut r = analyze("冷链发展", &mut vocab, &mut WordNormalizer::default());
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!(r[0].len(), 3);
    let terms = r.remove(1);
    assert_eq!(terms.len(), 2);
    assert_eq!(terms[0].text, "冷链");
    let Lookup::Inside {
        word: false,
        holders,
        parts,
    } = &terms[0].lookup
    else {
        panic!("{:?}", terms[0]);
    };
    let words: Vec<(&str, usize)> = holders
        .iter()
        .map(|h| (h.word.as_str(), h.offset))
        .collect();
    assert_eq!(words, [("冷链物流", 0), ("冷链运输车", 0)]);
    assert_eq!(parts, &["冷", "链"]);
    assert_eq!(terms[1].text, "发展");
    assert_eq!(terms[1].lookup, Lookup::Word);
    // The offset of the piece inside each holder is kept. (The other reading is `链`
    // and the start of `物流` side by side.)
    let r = analyze("链物", &mut vocab, &mut WordNormalizer::default());
    let [inside] = r.last().unwrap().as_slice() else {
        panic!("{r:?}");
    };
    assert_eq!(holders_of(inside), [("冷链物流", 1)]);
    // A lone character that is no word matches the words that hold it.
    assert_eq!(cut("运", &mut vocab), [s("运", 0, true)]);
    // An indexed word that the index cuts out of longer words is looked for alone.
    assert_eq!(cut("物流", &mut vocab), [s("物流", 0, false)]);
}

#[test]
fn words_the_index_does_not_cut_out_are_also_looked_for_inside_others() {
    let mut vocab = Words(
        vec![("冷链", 10), ("冷链物流", 40), ("物流", 300)],
        vec!["物流"],
    );
    let terms = terms("冷链", &mut vocab);
    let [t] = terms.as_slice() else {
        panic!("{terms:?}");
    };
    let (holders, parts) = word_looked_for_more_ways(t);
    assert_eq!(holders.len(), 1);
    assert_eq!(holders[0].word, "冷链物流");
    assert!(parts.is_empty(), "{parts:?}");
}

#[test]
fn a_single_character_beside_a_word_can_join_it_inside_a_longer_one() {
    let mut vocab = Words(
        vec![("集成电路", 30), ("电路", 80), ("成", 400)],
        vec!["电路"],
    );
    // Text with `成` and `电路` apart, or `成电路` inside `集成电路`.
    assert_eq!(
        readings("成电路", &mut vocab),
        [
            vec![s("成", 0, false), s("电路", 1, false)],
            vec![s("成电路", 0, true)]
        ]
    );
}

/// The holders of a term looked for inside longer words, as (word, offset).
fn holders_of(t: &QueryTerm) -> Vec<(&str, usize)> {
    match &t.lookup {
        Lookup::Inside { holders, .. } => holders
            .iter()
            .map(|h| (h.word.as_str(), h.offset))
            .collect(),
        Lookup::Word => Vec::new(),
    }
}

#[test]
fn text_typed_across_a_word_boundary_starts_or_ends_longer_words() {
    let mut vocab = Words(
        vec![
            ("校企", 50),
            ("共建", 40),
            ("公共", 30),
            ("共", 5),
            ("地", 3),
            ("实训", 60),
            ("实训基地", 20),
            ("合作", 90),
        ],
        vec!["实训"],
    );
    // `校企共` of `校企` + `共建`: `共` standing alone, or the start of a longer word
    // (`共建`, not `公共`).
    let r = analyze("校企共", &mut vocab, &mut WordNormalizer::default());
    assert_eq!(r.len(), 2, "{r:?}");
    let texts: Vec<&str> = r[1].iter().map(|t| t.text.as_str()).collect();
    assert_eq!(texts, ["校企", "共"]);
    assert_eq!(r[1][0].lookup, Lookup::Word);
    assert_eq!(holders_of(&r[1][1]), [("共建", 0)]);
    assert!(r[1][1].joined, "side by side with `校企`");
    // `企共建` of `校企` + `共建`: `企` is the end of `校企`, one character into it.
    let r = analyze("企共建", &mut vocab, &mut WordNormalizer::default());
    let last = r.last().unwrap();
    let texts: Vec<&str> = last.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(texts, ["企", "共建"]);
    assert_eq!(holders_of(&last[0]), [("校企", 1)]);
    // Two characters into the next word: `实训基` starts `实训基地`.
    let r = analyze("共建实训基", &mut vocab, &mut WordNormalizer::default());
    let last = r.last().unwrap();
    let texts: Vec<&str> = last.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(texts, ["共建", "实训基"]);
    assert_eq!(holders_of(&last[1]), [("实训基地", 0)]);
    // Nothing starts with the last character (an indexed word): no such reading.
    assert_eq!(
        readings("合作地", &mut vocab),
        [vec![s("合作", 0, false), s("地", 2, false)]]
    );
}

#[test]
fn the_end_of_a_long_word_can_be_long_too() {
    // jieba keeps `市域产教联合体` whole (adding `产教联合体`, `联合体`) before `名单`.
    let mut vocab = Words(
        vec![
            ("市域产教联合体", 30),
            ("产教联合体", 45),
            ("联合体", 60),
            ("名单", 200),
        ],
        vec!["联合体"],
    );
    let r = analyze("教联合体名", &mut vocab, &mut WordNormalizer::default());
    let two = reading_of(&r, &["教联合体", "名"], true);
    assert_eq!(
        holders_of(&two[0]),
        [("产教联合体", 1), ("市域产教联合体", 3)]
    );
    assert_eq!(holders_of(&two[1]), [("名单", 0)]);
    assert!(two[1].joined);
}

#[test]
fn single_characters_at_the_edges_are_a_second_reading_across_words() {
    // The index holds `汽车产业` from one article and `汽车` + `产业` + `集群` from
    // another: `车产业集` may end one word and start another in either.
    let mut vocab = Words(
        vec![
            ("汽车产业", 10),
            ("汽车", 90),
            ("产业", 300),
            ("集群", 40),
            ("产业集群", 20),
        ],
        vec!["汽车", "产业", "集群"],
    );
    let r = analyze("车产业集", &mut vocab, &mut WordNormalizer::default());
    let across: Vec<Vec<&str>> = r
        .iter()
        .filter(|terms| terms.iter().any(|t| t.joined))
        .map(|terms| terms.iter().map(|t| t.text.as_str()).collect())
        .collect();
    assert!(across.contains(&vec!["车", "产业", "集"]), "{r:?}");
    let single = r
        .iter()
        .find(|terms| terms.len() == 3 && terms[2].joined)
        .unwrap();
    assert_eq!(holders_of(&single[0]), [("汽车", 1)]);
    assert_eq!(holders_of(&single[2]), [("集群", 0)]);
    // Where the likeliest cut already has single characters at its edges, it is the only
    // reading across words.
    let r = analyze("车产业", &mut vocab, &mut WordNormalizer::default());
    assert_eq!(
        r.iter().filter(|t| t.iter().any(|t| t.joined)).count(),
        1,
        "{r:?}"
    );
}

#[test]
fn both_edges_inside_longer_words_are_a_reading_of_their_own() {
    // One article says `育人` as a word; another is cut `精准` + `育` + `人才`, where
    // `准育人` ends one word, holds a whole one and starts a third.
    let mut vocab = Words(
        vec![
            ("精准", 40),
            ("育", 20),
            ("人才", 300),
            ("育人", 60),
            ("标准", 90),
        ],
        vec![],
    );
    let r = analyze("准育人", &mut vocab, &mut WordNormalizer::default());
    let both = r
        .iter()
        .find(|terms| terms.len() == 3)
        .unwrap_or_else(|| panic!("{r:?}"));
    let texts: Vec<&str> = both.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(texts, ["准", "育", "人"]);
    assert_eq!(holders_of(&both[0]), [("标准", 1), ("精准", 1)]);
    assert_eq!(both[1].lookup, Lookup::Word);
    assert_eq!(holders_of(&both[2]), [("人才", 0)]);
    assert!(both[1].joined && both[2].joined, "{both:?}");
    // The likelier cut across words, `准` + `育人`, is still read.
    reading_of(&r, &["准", "育人"], true);
}

#[test]
fn a_short_run_is_read_across_words_every_likely_way() {
    // `非遗工`: `非遗` + the start of `工坊`, or `非` + the start of `遗工坊`.
    let mut vocab = Words(
        vec![
            ("非遗", 40),
            ("非", 200),
            ("遗工坊", 5),
            ("工坊", 10),
            ("工", 100),
        ],
        vec![],
    );
    let r = analyze("非遗工", &mut vocab, &mut WordNormalizer::default());
    let split = reading_of(&r, &["非", "遗工"], true);
    assert_eq!(holders_of(&split[1]), [("遗工坊", 0)]);
    assert!(split[1].joined);
    assert_eq!(
        holders_of(&reading_of(&r, &["非遗", "工"], true)[1]),
        [("工坊", 0)]
    );
    // A word at the run's end may also start a longer word where it stands, even where
    // every article that holds the longer word holds the word too (`原` is no word, so
    // the plain reading, all words anywhere, cannot match).
    let mut vocab = Words(
        vec![
            ("高原", 20),
            ("农业", 300),
            ("和", 900),
            ("冷链", 10),
            ("冷链物流", 40),
        ],
        vec!["冷链"],
    );
    let r = analyze("原农业和冷链", &mut vocab, &mut WordNormalizer::default());
    let across = r
        .iter()
        .find(|terms| terms.iter().any(|t| t.joined))
        .unwrap_or_else(|| panic!("{r:?}"));
    let last = across.last().unwrap();
    assert_eq!(last.text, "冷链");
    let (holders, _) = word_looked_for_more_ways(last);
    assert_eq!(holders.len(), 1);
    assert_eq!(holders[0].word, "冷链物流");
}

#[test]
fn a_two_character_word_is_read_cut_apart_where_the_index_keeps_it_inside_others() {
    // `职业` is cut out of `职业教育` (a dictionary word): not read cut apart. `冷链`,
    // which the index keeps inside `冷链物流`, is (`冷` + the start of `链条`).
    let mut vocab = Words(
        vec![
            ("职业", 500),
            ("职业教育", 200),
            ("兼职", 20),
            ("业务", 90),
            ("冷链", 10),
            ("冷链物流", 40),
            ("冷", 30),
            ("链条", 30),
        ],
        vec!["职业"],
    );
    assert_eq!(readings("职业", &mut vocab).len(), 1);
    let r = analyze("冷链", &mut vocab, &mut WordNormalizer::default());
    assert!(
        r.iter()
            .any(|terms| terms.len() == 2 && terms[1].joined && terms[0].text == "冷"),
        "{r:?}"
    );
}

#[test]
fn a_run_inside_one_word_and_across_two_are_separate_readings() {
    let mut vocab = Words(
        vec![
            ("集成电路", 30),
            ("电路", 80),
            ("成", 400),
            ("完成", 900),
            ("形成", 800),
        ],
        vec!["电路"],
    );
    // `成电路`: `成` and `电路` anywhere; the end of `完成` or `形成` right before
    // `电路`; or inside `集成电路` (last, so it is the one kept past the cap on readings).
    let r = analyze("成电路", &mut vocab, &mut WordNormalizer::default());
    assert_eq!(r.len(), 3, "{r:?}");
    assert!(r[0].iter().all(|t| t.lookup == Lookup::Word && !t.joined));
    let [tail, word] = r[1].as_slice() else {
        panic!("{r:?}");
    };
    assert_eq!(holders_of(tail), [("完成", 1), ("形成", 1)]);
    assert!(!tail.joined && word.joined, "{r:?}");
    assert_eq!(word.text, "电路");
    let [inside] = r[2].as_slice() else {
        panic!("{r:?}");
    };
    assert_eq!(holders_of(inside), [("集成电路", 1)]);
    // No longer piece holds it: the one reading across words, and `成` itself.
    let mut vocab = Words(vec![("完成", 900), ("任务", 300), ("成", 400)], vec![]);
    let r = analyze("成任务", &mut vocab, &mut WordNormalizer::default());
    let last = r.last().unwrap();
    assert_eq!(
        last.iter().map(|t| t.text.as_str()).collect::<Vec<_>>(),
        ["成", "任务"]
    );
    let Lookup::Inside { word: true, .. } = &last[0].lookup else {
        panic!("{r:?}");
    };
}

#[test]
fn frequent_single_characters_do_not_pull_in_holders_needlessly() {
    let mut vocab = Words(vec![("学校", 100), ("我", 900), ("的", 990)], vec![]);
    // Nothing holds `我的`: the characters stay words.
    assert_eq!(
        cut("我的学校", &mut vocab),
        [s("我", 0, false), s("的", 1, false), s("学校", 2, false)]
    );
}

/// Words typed as one (`low-carbon`, `3.5`) follow each other side by side; words with a
/// space, or other signs, between them do not, nor do digits and letters joined by a comma.
#[test]
fn words_typed_as_one_are_joined() {
    let mut v = Words(vec![("基站", 10)], vec![]);
    let joined = |text: &str, v: &mut Words| -> Vec<bool> {
        terms(text, v).into_iter().map(|t| t.joined).collect()
    };
    assert_eq!(joined("low-carbon", &mut v), [false, true]);
    assert_eq!(joined("e-commerce", &mut v), [false, true]);
    assert_eq!(joined("COVID-19", &mut v), [false, true]);
    // A number with thousands separators is one word, its digits alone.
    assert_eq!(joined("2,000", &mut v), [false]);
    assert_eq!(terms("2,000", &mut v)[0].text, "2000");
    assert_eq!(joined("3.5", &mut v), [false, true]);
    assert_eq!(joined("２，０００", &mut v), [false]);
    assert_eq!(joined("20,00", &mut v), [false, true]);
    assert_eq!(joined("5G-基站", &mut v), [false, false]);
    assert_eq!(joined("low - carbon", &mut v), [false, false]);
    assert_eq!(joined("low--carbon", &mut v), [false, false]);
    assert_eq!(joined("a,b", &mut v), [false, false]);
    assert_eq!(joined("node.js", &mut v), [false, false]);
    assert_eq!(joined("5,a", &mut v), [false, false]);
}
