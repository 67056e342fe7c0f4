//! Deciding which provinces an article is about.
//!
//! The model, in a few weights:
//! - every mention of a place counts for its province by where it stands: title 3, lead
//!   (the first line of the body, up to [`LEAD_BYTES`]) 2, body 1, byline place or news
//!   agency dateline 1.5, photo caption 0.5; repeated mentions add up;
//! - a mention inside an institution's name (哈尔滨工业大学, Harbin Institute of Technology)
//!   counts ×0.3 towards salience: it says where the school is, not where the event is (a
//!   school *in* a place, 江苏一所职业学院 or 苏州职校, is no name and counts in full);
//! - a city that hosts a meeting (在北京举行, held in Beijing) or where a statement is made
//!   (the department said in Jinan) counts ×0.5 towards salience: the subject, not the
//!   venue, is what the story is about; when the meeting is national or international
//!   (全国…大会在北京召开) or the statement is about the whole country (the Ministry of
//!   Education said in Beijing) it counts ×0.5 as evidence too, and such a venue in the title
//!   or lead does not make a national story regional;
//! - a province is kept when its evidence reaches [`MIN_EVIDENCE`] — raised to
//!   [`NATIONAL_MIN_EVIDENCE`] when the title or lead speak for the whole country (教育部,
//!   全国, nationwide …) and name no place — and its salience is at least [`RELATIVE`] of the
//!   top province's, or it is listed together with a kept province (上海、江苏、浙江和安徽:
//!   the parties to one story fall or stay together); the list is ordered by salience, then
//!   by first mention.

use super::RegionInput;
use super::context::{self, Mention, resolve};
use super::cues::{Venue, has_national_marker, in_institution, is_dateline, venue};
use super::provinces::{Province, order};
use std::borrow::Cow;

use crate::text::to_simplified;

const TITLE: f64 = 3.0;
const LEAD: f64 = 2.0;
const BODY: f64 = 1.0;
const PLACE: f64 = 1.5;
const CAPTION: f64 = 0.5;
const INSTITUTION: f64 = 0.3;
const HOST: f64 = 0.5;
const MIN_EVIDENCE: f64 = 2.0;
const NATIONAL_MIN_EVIDENCE: f64 = 4.0;
const RELATIVE: f64 = 0.3;
/// How much of the body's first line counts as its lead.
const LEAD_BYTES: usize = 600;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Zone {
    Title,
    Place,
    Lead,
    Body,
    Caption,
}

impl Zone {
    fn weight(self) -> f64 {
        match self {
            Zone::Title => TITLE,
            Zone::Place => PLACE,
            Zone::Lead => LEAD,
            Zone::Body => BODY,
            Zone::Caption => CAPTION,
        }
    }
}

/// One of the texts of an article (title, byline place, body), folded to simplified.
struct Field<'a> {
    text: Cow<'a, str>,
    kind: Zone,
    lead: (usize, usize),
    captions: Vec<(usize, usize)>,
}

impl<'a> Field<'a> {
    fn new(text: &'a str, kind: Zone) -> Field<'a> {
        let text = to_simplified(text);
        let (lead, captions) = if kind == Zone::Body {
            body_layout(&text)
        } else {
            ((0, 0), Vec::new())
        };
        Field {
            text,
            kind,
            lead,
            captions,
        }
    }

    fn zone(&self, at: usize) -> Zone {
        if self.kind != Zone::Body {
            self.kind
        } else if self.captions.iter().any(|&(s, e)| s <= at && at < e) {
            Zone::Caption
        } else if self.lead.0 <= at && at < self.lead.1 {
            Zone::Lead
        } else {
            Zone::Body
        }
    }
}

/// The lead (first line that is not a caption, capped at [`LEAD_BYTES`]) and the caption lines.
fn body_layout(text: &str) -> ((usize, usize), Vec<(usize, usize)>) {
    let mut lead = None;
    let mut captions = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let end = start + line.len();
        if is_caption(line) {
            captions.push((start, end));
        } else if lead.is_none() && !line.trim().is_empty() {
            let mut cap = (start + LEAD_BYTES).min(end);
            while !text.is_char_boundary(cap) {
                cap -= 1;
            }
            lead = Some((start, cap));
        }
        start = end + 1;
    }
    (lead.unwrap_or((0, 0)), captions)
}

fn is_caption(line: &str) -> bool {
    let t = line.trim().trim_end_matches(['。', '.', ')', '\u{FF09}']);
    [
        "供图",
        "FOR CHINA DAILY",
        "PROVIDED TO CHINA DAILY",
        "/CHINA DAILY",
        "图片来源",
    ]
    .iter()
    .any(|m| line.contains(m))
        || line.trim_start().starts_with("图为")
        || t.ends_with('摄')
}

/// Tags an article with the provinces it is about, most salient first.
pub(crate) fn tag(input: &RegionInput) -> Vec<&'static str> {
    let mut fields = vec![Field::new(input.title, Zone::Title)];
    if let Some(place) = input.place {
        fields.push(Field::new(place, Zone::Place));
    }
    fields.push(Field::new(input.body, Zone::Body));

    let mut mentions: Vec<Mention> = fields
        .iter()
        .enumerate()
        .flat_map(|(i, field)| context::mentions(i, &field.text))
        .collect();
    context::confirm_weak(&mut mentions);
    resolve(&mut mentions);
    score(&fields, &mentions)
}

fn score(fields: &[Field], mentions: &[Mention]) -> Vec<&'static str> {
    // (province, evidence, salience, first mention)
    let mut totals: Vec<(&'static Province, f64, f64, (usize, usize))> = Vec::new();
    let mut regional_head = false;
    let mut bylined: Vec<&'static Province> = Vec::new();
    for m in mentions {
        let (Some(province), Some(field)) = (m.province, fields.get(m.field)) else {
            continue;
        };
        // "Dalian, Liaoning" is one byline, not two mentions of Liaoning.
        if field.kind == Zone::Place {
            if bylined.iter().any(|p| std::ptr::eq(*p, province)) {
                continue;
            }
            bylined.push(province);
        }
        let zone = match field.zone(m.start) {
            Zone::Lead | Zone::Body if is_dateline(&field.text, m) => Zone::Place,
            zone => zone,
        };
        let venue = venue(&field.text, m);
        // A national meeting's venue in the headline does not make a national story regional.
        if matches!(zone, Zone::Title | Zone::Lead) && venue != Venue::National {
            regional_head = true;
        }
        let mut evidence = zone.weight();
        let mut salience = evidence;
        match venue {
            Venue::No => {}
            Venue::Meeting => salience *= HOST,
            Venue::National => {
                evidence *= HOST;
                salience = evidence;
            }
        }
        if in_institution(&field.text, m) {
            salience *= INSTITUTION;
        }
        match totals.iter_mut().find(|t| std::ptr::eq(t.0, province)) {
            Some(t) => {
                t.1 += evidence;
                t.2 += salience;
            }
            None => totals.push((province, evidence, salience, (m.field, m.start))),
        }
    }
    let national = !regional_head
        && fields.iter().any(|f| match f.kind {
            Zone::Title => has_national_marker(&f.text),
            Zone::Body => f
                .text
                .get(f.lead.0..f.lead.1)
                .is_some_and(has_national_marker),
            _ => false,
        });
    let min_evidence = if national {
        NATIONAL_MIN_EVIDENCE
    } else {
        MIN_EVIDENCE
    };
    let top = totals
        .iter()
        .filter(|t| t.1 >= min_evidence)
        .map(|t| t.2)
        .fold(0.0, f64::max);
    let salient = |t: &(&'static Province, f64, f64, (usize, usize))| {
        t.1 >= min_evidence && t.2 >= RELATIVE * top
    };
    // Provinces listed together with a salient one are parties to the same story
    // (来自上海、江苏、浙江、安徽的院校成立联盟): they pass with enough evidence, however
    // much the first outweighs them.
    let lists = enumerations(fields, mentions);
    let with_salient: Vec<&'static Province> = totals
        .iter()
        .filter(|t| salient(t))
        .flat_map(|t| {
            lists
                .iter()
                .filter(|l| l.iter().any(|p| std::ptr::eq(*p, t.0)))
                .flatten()
                .copied()
        })
        .collect();
    let mut kept: Vec<_> = totals
        .into_iter()
        .filter(|t| {
            salient(t)
                || (t.1 >= min_evidence && with_salient.iter().any(|p| std::ptr::eq(*p, t.0)))
        })
        .collect();
    kept.sort_by(|a, b| {
        b.2.total_cmp(&a.2)
            .then(b.1.total_cmp(&a.1))
            .then(a.3.cmp(&b.3))
            .then(order(a.0).cmp(&order(b.0)))
    });
    kept.into_iter().map(|t| t.0.en).collect()
}

/// The provinces of places named in one list: names one after another joined by 、, and
/// the last by 和 or 及 (上海、江苏、浙江和安徽), or in English by a comma or "and"
/// (Liaoning, Jilin and Heilongjiang).
fn enumerations(fields: &[Field], mentions: &[Mention]) -> Vec<Vec<&'static Province>> {
    let mut lists: Vec<Vec<&'static Province>> = Vec::new();
    let mut current: Vec<&'static Province> = Vec::new();
    let mut previous: Option<&Mention> = None;
    for m in mentions {
        let Some(province) = m.province else {
            continue;
        };
        let joined = previous.is_some_and(|p| {
            p.field == m.field
                && p.end <= m.start
                && fields
                    .get(m.field)
                    .and_then(|f| f.text.get(p.end..m.start))
                    .is_some_and(|gap| {
                        matches!(gap, "、" | "和" | "及" | "以及")
                            || (p.latin
                                && m.latin
                                && matches!(gap, ", " | " and " | ", and " | " or "))
                    })
        });
        if !joined && current.len() > 1 {
            lists.push(std::mem::take(&mut current));
        } else if !joined {
            current.clear();
        }
        if !current.iter().any(|p| std::ptr::eq(*p, province)) {
            current.push(province);
        }
        previous = Some(m);
    }
    if current.len() > 1 {
        lists.push(current);
    }
    lists
}
