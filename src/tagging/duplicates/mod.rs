//! Duplicate stories: reports of the same event by different outlets.
//!
//! Candidate pairs are articles that share at least two rare keys — figures such as
//! "1,200 firms" or "57 colleges", title terms, pieces of the opening sentences — within
//! [`MAX_DAYS_APART`] days ([`candidates`]). A candidate pair is one story when the outlets
//! differ and either the TF-IDF cosine similarity of title and body passes [`THRESHOLD`]
//! or — for reports in different languages, whose words cannot meet — they share at least
//! [`MIN_FIGURES`] figures making up most of the smaller set, with some overlap in wording,
//! in the titles or in their provinces besides; a dated Chinese and English report about
//! the same province need only [`MIN_FIGURES_SAME_PLACE`], when they are nearly all of one's
//! figures and half of the other's. Reports whose figures disagree need more alike wording:
//! alike wording, different numbers, different events (news written from one template —
//! "city X trains N technicians a year" — is alike in everything but its place and its
//! figures); when they are also tagged with provinces and share none, they are not one
//! story at all. A report without a date cannot be checked against the window, so it needs
//! more too.
//!
//! Linked pairs join into stories strongest first ([`LinkTable::groups`]), and two sets of
//! reports join only when the joined story still reads as one event: its dated reports lie
//! within [`MAX_DAYS_APART`] days of each other as a whole, no outlet appears twice, at
//! least half of the possible links between the two sets are there, and an undated report
//! never bridges dated ones that are not linked themselves. Every report of a story lists
//! the others.

mod candidates;
mod codec;
mod similarity;
mod table;
mod terms;

use crate::article::Article;

pub use codec::{decode, encode, encode_to};
pub use table::LinkTable;

/// Cosine similarity from which two reports count as one story.
pub const THRESHOLD: f32 = 0.3;
/// Reports of one event appear within this many days of each other.
pub const MAX_DAYS_APART: i64 = 14;
/// Shared figures that make two reports one story even across languages.
pub const MIN_FIGURES: usize = 4;
/// Shared figures that make a Chinese and an English report one story when they are about
/// the same province: nearly all the figures of one and half of the other's, and the place,
/// agree.
pub const MIN_FIGURES_SAME_PLACE: usize = 2;
/// How many hashes of an article's opening take part in finding candidates.
const LEAD_SKETCH: usize = 8;

/// Two articles that may report one story, and how alike they are.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pair {
    pub a: usize,
    pub b: usize,
    /// TF-IDF cosine similarity of all their terms.
    pub cosine: f32,
    /// Figures both give.
    pub figures: usize,
    /// `figures` over the smaller of the two figure sets.
    pub figure_share: f32,
    /// The size of the smaller figure set.
    pub figure_sets_min: usize,
    /// The size of the larger figure set.
    pub figure_sets_max: usize,
    /// Jaccard similarity of the two titles' terms.
    pub title: f32,
    /// One of the two has no date.
    pub undated: bool,
    /// Where the two reports are, by their provinces.
    pub places: Places,
    /// One report is in Chinese and the other in English: their words cannot meet.
    pub across_languages: bool,
}

/// How the provinces of two reports compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Places {
    /// Both are tagged with provinces and share one.
    Meet,
    /// Both are tagged with provinces and share none: reports of one event agree on where
    /// it happened.
    Apart,
    /// One of the two names no province (a national story, or no place found).
    Unknown,
    /// Neither names a province and both speak of the country (教育部, 全国, nationwide):
    /// two national stories, which agree on place as two reports of one province do.
    National,
}

impl Places {
    pub fn of(a: &[String], b: &[String]) -> Places {
        if a.is_empty() || b.is_empty() {
            Places::Unknown
        } else if a.iter().any(|p| b.contains(p)) {
            Places::Meet
        } else {
            Places::Apart
        }
    }
}

impl Pair {
    pub fn same_story(&self) -> bool {
        // Alike wording in two places, with other figures: one template, two events.
        if self.places == Places::Apart && !self.figures_agree() {
            return false;
        }
        let share = if self.undated { 0.75 } else { 0.5 };
        let place_agrees =
            self.across_languages && matches!(self.places, Places::Meet | Places::National);
        self.cosine >= self.wording_needed()
            || (self.figures >= MIN_FIGURES
                && self.figure_share >= share
                && (self.cosine >= 0.1 || self.title >= 0.2 || place_agrees))
            || (place_agrees
                && !self.undated
                && self.figures >= MIN_FIGURES_SAME_PLACE
                && self.figure_share >= 0.75
                && 2 * self.figures >= self.figure_sets_max)
    }

    /// The smaller figure set lacks none of its figures in the other, or at most a quarter.
    fn figures_agree(&self) -> bool {
        self.figures >= self.figure_sets_min || self.figure_share >= 0.75
    }

    /// The cosine similarity the pair needs: [`THRESHOLD`] when the figures agree (the
    /// smaller set lacks none of its figures in the other, or at most a quarter), twice that
    /// when one figure is missing, three times when more are; one more time for an undated
    /// report.
    fn wording_needed(&self) -> f32 {
        let missing = self.figure_sets_min.saturating_sub(self.figures);
        let mut times = match missing {
            _ if self.figures_agree() => 1.0,
            1 => 2.0,
            _ => 3.0,
        };
        if self.undated {
            times += 1.0;
        }
        times * THRESHOLD
    }
}

/// Fills each article's `duplicates` with the ids of the other reports of its story.
pub fn link(articles: &mut [Article]) {
    let table = LinkTable::build(articles);
    for a in articles.iter_mut() {
        a.duplicates.clear();
    }
    for members in table.groups() {
        for &i in &members {
            let own = articles[i].id.clone();
            let mut others: Vec<String> = table
                .other_reports(&members, i)
                .into_iter()
                .map(|k| articles[k].id.clone())
                .filter(|id| *id != own)
                .collect();
            others.dedup();
            articles[i].duplicates = others;
        }
    }
}

/// Runs `work` over about equal parts of `items` on all cores.
pub(super) fn in_parallel<T: Sync, R: Send>(
    items: &[T],
    work: impl Fn(&[T]) -> R + Sync,
) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    let chunk = items.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| s.spawn(|| work(part)))
            .collect();
        handles.into_iter().filter_map(|h| h.join().ok()).collect()
    })
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::article::china_offset;

    /// A dated report for the linking tests (also used by the link table's).
    pub(super) fn art(id: &str, title: &str, source: &str, day: u32, body: &str) -> Article {
        Article {
            id: id.into(),
            title: title.into(),
            source: Some(source.into()),
            published: china_offset()
                .with_ymd_and_hms(2026, 3, day, 9, 0, 0)
                .single(),
            body: body.into(),
            ..Article::default()
        }
    }

    fn filler() -> Vec<Article> {
        (0..8)
            .map(|i| {
                art(
                    &format!("f{i}"),
                    &format!("第{i}所职业学院举办技能节"),
                    "Xiao Yuan Bao",
                    1 + i,
                    "Students showed welding, nursing and accounting skills at a campus fair.",
                )
            })
            .collect()
    }

    fn linked(articles: &mut [Article]) -> Vec<(String, Vec<String>)> {
        link(articles);
        articles
            .iter()
            .filter(|a| !a.duplicates.is_empty())
            .map(|a| (a.id.clone(), a.duplicates.clone()))
            .collect()
    }

    /// A national story told in Chinese and in English: no province on either side, both
    /// about the country, the same figures, a day apart. With a figure that differs, or
    /// without a word of the country, the same pair is not linked.
    #[test]
    fn a_national_story_in_two_languages_is_one_story() {
        let zh = |who: &str| {
            format!(
                "{who}近日公布第二批市域产教联合体名单，共28家联合体入选，涉及62个行业领域。\
                 有关负责人表示，将推动联合体实体化运行。"
            )
        };
        let en = |n: &str| {
            format!(
                "The Ministry of Education has named {n} city-level industry-education \
                 consortiums in its second batch, spanning 62 industries. Officials said the \
                 consortiums would be run as real entities."
            )
        };
        for (who, figure, one_story) in [
            ("教育部", "28", true),
            ("教育部", "31", false),
            ("市教育局", "28", false),
        ] {
            let mut a = vec![
                art(
                    "zh",
                    "第二批市域产教联合体名单公布",
                    "Xin Hua Wang",
                    20,
                    &zh(who),
                ),
                art(
                    "en",
                    "Second batch of city-level consortiums named",
                    "China Daily",
                    21,
                    &en(figure),
                ),
            ];
            a.extend(filler());
            let links = linked(&mut a);
            assert_eq!(!links.is_empty(), one_story, "{who} {figure}: {links:?}");
        }
    }

    /// An outlet that ran the story twice (or one text listed twice): each copy lists the
    /// other outlets' reports, not its own outlet's copy, and neither is left without links
    /// because the other joined the story first.
    #[test]
    fn copies_of_one_outlet_both_list_the_other_outlets() {
        let body = |lead: &str| {
            format!(
                "{lead}芜湖一所职业技术学院与四十家无人机企业组建产教联合体，计划三年培养3000名技术人员，\
                 建设两个飞行实训场。学院将与企业共同制定课程标准。"
            )
        };
        let mut a = vec![
            art(
                "a",
                "芜湖组建无人机产教联合体",
                "Xin Hua Wang",
                10,
                &body(""),
            ),
            art(
                "e",
                "芜湖组建无人机产教联合体 培养3000名技术人员",
                "Xin Hua Wang",
                11,
                &body("记者获悉，"),
            ),
            art(
                "b",
                "芜湖职业院校携手无人机企业组建联合体",
                "An Hui Ri Bao",
                11,
                &body("日前，"),
            ),
        ];
        a.extend(filler());
        let links: std::collections::BTreeMap<String, Vec<String>> =
            linked(&mut a).into_iter().collect();
        assert_eq!(links.get("b").map(Vec::len), Some(2), "{links:?}");
        assert_eq!(links.get("a"), Some(&vec!["b".to_string()]), "{links:?}");
        assert_eq!(links.get("e"), Some(&vec!["b".to_string()]), "{links:?}");
        // The stories kept with the index say the same.
        let table = LinkTable::build(&a);
        let stories =
            crate::index::stories::Stories::new(crate::index::stories::from_groups(&table));
        let mut of_b = stories.duplicates("b");
        of_b.sort();
        assert_eq!(of_b, ["a", "e"]);
        assert_eq!(stories.duplicates("a"), ["b"]);
        assert_eq!(stories.duplicates("e"), ["b"]);
    }

    /// A corpus of nothing but three reports of one story: every word they share is in all
    /// of them, which must not make those words weigh nothing.
    #[test]
    fn three_reports_alone_are_one_story() {
        let body = |verb: &str| {
            format!(
                "潍坊一所职业技术学院{verb}与潍柴动力签约，共建新能源动力产业学院，首批招收学生300名，\
                 开设氢燃料电池发动机装调专业。学院将与企业共同制定人才培养方案。"
            )
        };
        let mut a = vec![
            art(
                "a",
                "潍坊职业院校与潍柴共建新能源动力产业学院",
                "Ren Min Ri Bao",
                10,
                &body(""),
            ),
            art(
                "b",
                "潍坊职业院校携手潍柴共建产业学院",
                "Zhong Guo Xin Wen Wang",
                11,
                &body("日前"),
            ),
            art(
                "c",
                "潍坊职教新动向：与潍柴共建产业学院",
                "Xin Hua She",
                12,
                &body("近日"),
            ),
        ];
        let links = linked(&mut a);
        assert_eq!(links.len(), 3, "{links:?}");
        assert!(links.iter().all(|(_, d)| d.len() == 2), "{links:?}");
    }

    /// Numbered entries of one listing with neither outlet nor date are not one story, however
    /// alike their titles; with a date or an outlet on either side they may be.
    #[test]
    fn entries_without_outlet_or_date_are_not_one_story() {
        let entry = |id: &str, n: u32, dated: bool| {
            let mut a = art(
                id,
                &format!("赣州职业院校技能培训班第{n}期开班"),
                "",
                10,
                "短",
            );
            a.source = None;
            a.source_zh = None;
            a.source_en = None;
            if !dated {
                a.published = None;
            }
            a
        };
        let mut a = filler();
        a.extend([entry("p4", 4, false), entry("p14", 14, false)]);
        assert!(linked(&mut a).is_empty());
    }

    /// A pair as scored: `figures` shared, the smaller figure set `smaller` long.
    fn pair(cosine: f32, figures: usize, smaller: usize, undated: bool) -> Pair {
        Pair {
            a: 0,
            b: 1,
            cosine,
            figures,
            figure_share: figures as f32 / smaller.max(1) as f32,
            figure_sets_min: smaller,
            figure_sets_max: smaller,
            title: 0.1,
            undated,
            places: Places::Unknown,
            across_languages: false,
        }
    }

    #[test]
    fn template_wording_with_other_figures_is_not_one_story() {
        // Two reports written from one template, about other places: one of the two
        // figures in common.
        assert!(!pair(0.45, 1, 2, false).same_story());
        assert!(pair(0.65, 1, 2, false).same_story());
        // No figure in common: only all but the same text.
        assert!(!pair(0.7, 0, 2, false).same_story());
        // The figures agree: the smaller set is all found in the other.
        assert!(pair(0.45, 2, 2, false).same_story());
        assert!(pair(0.35, 1, 1, false).same_story());
        assert!(pair(0.35, 3, 4, false).same_story());
    }

    #[test]
    fn alike_wording_in_two_provinces_with_other_figures_is_not_one_story() {
        let apart = |cosine, figures, smaller| Pair {
            places: Places::Apart,
            ..pair(cosine, figures, smaller, false)
        };
        // One template, two cities, other figures: however alike the wording.
        assert!(pair(0.7, 0, 1, false).same_story());
        assert!(!apart(0.7, 0, 1).same_story());
        assert!(!apart(0.95, 1, 3).same_story());
        // Figures that agree, or none to compare, leave it to the wording (the region
        // tagger may have read one report otherwise).
        assert!(apart(0.45, 2, 2).same_story());
        assert!(apart(0.45, 0, 0).same_story());
    }

    /// A template story told of two cities in two provinces, two days apart.
    #[test]
    fn one_template_in_two_provinces_is_two_stories() {
        let body = |date: &str, place: &str, n: &str| {
            format!(
                "{date}，{place}智能网联汽车市域产教联合体在当地一所职业技术学院揭牌，\
                 联合整车、零部件和检测服务等{n}家企业及院校，计划三年内培养汽车装调、\
                 检测和维修人才，并共建实训中心。"
            )
        };
        let mut a = filler();
        let mut first = art(
            "first",
            "襄阳成立智能网联汽车市域产教联合体",
            "Xin Hua Wang",
            10,
            &body("日前", "湖北襄阳", "52"),
        );
        first.provinces = vec!["Hubei".into()];
        let mut second = art(
            "second",
            "柳州成立智能网联汽车市域产教联合体",
            "Guang Xi Ri Bao",
            12,
            &body("近日", "广西柳州", "37"),
        );
        second.provinces = vec!["Guangxi".into()];
        a.extend([first.clone(), second.clone()]);
        assert!(linked(&mut a).is_empty());
        // Untagged, the same two are taken for one story: the provinces decide.
        first.provinces.clear();
        let mut b = filler();
        b.extend([first, second]);
        assert_eq!(linked(&mut b).len(), 2);
    }

    #[test]
    fn a_chinese_and_an_english_report_of_one_place_sharing_their_figures_are_one_story() {
        let zh = art(
            "zh",
            "宜昌船舶产教联合体成立",
            "Xin Hua Wang",
            10,
            "3月10日，湖北宜昌船舶制造产教联合体成立，由一所职业技术学院牵头，\
             联合28家造船和配套企业，计划三年培养焊接与涂装技工1500人。",
        );
        let en = art(
            "en",
            "Yichang forms shipbuilding training alliance",
            "China Daily",
            11,
            "An alliance of a vocational college and 28 shipyards and suppliers in Yichang, \
             Hubei province, will train 1,500 welders and painters over three years.",
        );
        let tagged = |mut a: Article, p: &str| {
            a.provinces = vec![p.into()];
            a
        };
        let mut a = filler();
        a.extend([tagged(zh.clone(), "Hubei"), tagged(en.clone(), "Hubei")]);
        assert_eq!(linked(&mut a).len(), 2);
        // Other provinces, or none known: two figures alone are not enough.
        let mut b = filler();
        b.extend([tagged(zh.clone(), "Hubei"), tagged(en.clone(), "Hunan")]);
        assert!(linked(&mut b).is_empty());
        let mut c = filler();
        c.extend([zh, en]);
        assert!(linked(&mut c).is_empty());
    }

    #[test]
    fn an_undated_report_needs_more_to_be_linked() {
        assert!(pair(0.45, 0, 0, false).same_story());
        assert!(!pair(0.45, 0, 0, true).same_story());
        assert!(pair(0.65, 0, 0, true).same_story());
        // Across languages: four of seven figures in common link dated reports only.
        let dated = Pair {
            cosine: 0.12,
            ..pair(0.0, 4, 7, false)
        };
        assert!(dated.same_story());
        assert!(
            !Pair {
                undated: true,
                ..dated
            }
            .same_story()
        );
    }

    const ZH: &str = "教育部公布第三批产教融合实训基地名单,共64个基地入选,分布在19个省份,吸纳企业830家、院校215所。";
    const EN: &str = "The Ministry of Education named 64 training bases in its third batch, spread over 19 provinces, with 830 companies and 215 colleges taking part.";

    #[test]
    fn reports_in_two_languages_sharing_figures_are_one_story() {
        let mut a = filler();
        a.push(art(
            "zh",
            "教育部公布第三批产教融合实训基地名单",
            "Xin Hua Wang",
            10,
            ZH,
        ));
        a.push(art(
            "en",
            "第三批产教融合实训基地名单公布 64个基地入选",
            "Guang Ming Ri Bao",
            12,
            EN,
        ));
        assert_eq!(
            linked(&mut a),
            vec![
                ("zh".into(), vec!["en".into()]),
                ("en".into(), vec!["zh".into()])
            ]
        );
    }

    #[test]
    fn same_outlet_or_weeks_apart_is_not_a_duplicate() {
        let mut a = filler();
        a.push(art(
            "zh",
            "教育部公布第三批产教融合实训基地名单",
            "Xin Hua Wang",
            10,
            ZH,
        ));
        a.push(art(
            "again",
            "教育部公布第三批产教融合实训基地名单",
            "Xin Hua Wang",
            11,
            ZH,
        ));
        assert!(linked(&mut a).is_empty());
        // One outlet under its pinyin and its Chinese name.
        let mut a = filler();
        a.push(art(
            "zh",
            "教育部公布第三批产教融合实训基地名单",
            "新华网",
            10,
            ZH,
        ));
        let mut pinyin = art(
            "again",
            "教育部公布第三批产教融合实训基地名单",
            "Xin Hua Wang",
            11,
            ZH,
        );
        pinyin.source_zh = Some("新华网".into());
        a.push(pinyin);
        assert!(linked(&mut a).is_empty());
        let mut b = filler();
        b.push(art(
            "zh",
            "教育部公布第三批产教融合实训基地名单",
            "Xin Hua Wang",
            1,
            ZH,
        ));
        b.push(art(
            "late",
            "教育部公布第三批产教融合实训基地名单",
            "Ren Min Ri Bao",
            28,
            ZH,
        ));
        assert!(linked(&mut b).is_empty());
    }

    #[test]
    fn related_story_with_other_figures_is_not_linked() {
        let mut a = filler();
        a.push(art(
            "zh",
            "教育部公布第三批产教融合实训基地名单",
            "Xin Hua Wang",
            10,
            ZH,
        ));
        a.push(art(
            "other",
            "教育部公布第二批行业产教融合共同体名单",
            "Ren Min Ri Bao",
            11,
            "教育部公布第二批行业产教融合共同体名单,共37个共同体入选,由龙头企业牵头组建,覆盖12个行业。",
        ));
        assert!(linked(&mut a).is_empty());
    }

    #[test]
    fn three_reports_all_list_each_other() {
        let mut a = filler();
        a.push(art(
            "zh",
            "教育部公布第三批产教融合实训基地名单",
            "Xin Hua Wang",
            10,
            ZH,
        ));
        a.push(art(
            "en",
            "第三批产教融合实训基地名单公布 64个基地入选",
            "Guang Ming Ri Bao",
            12,
            EN,
        ));
        a.push(art(
            "en2",
            "64个产教融合实训基地入选第三批名单",
            "Zhong Guo Jiao Yu Bao",
            13,
            EN,
        ));
        link(&mut a);
        let third = a.iter().find(|x| x.id == "en2").unwrap();
        let mut d = third.duplicates.clone();
        d.sort();
        assert_eq!(d, vec!["en".to_string(), "zh".to_string()]);
    }
}
