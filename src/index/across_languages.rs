//! Words searched in both languages, since the corpus writes in either: place names
//! (`Shandong` also finds 山东, and 济南 also Jinan) and the field's terms of the glossary
//! (`cold chain` also finds 冷链, and 产教融合 also `industry-education integration`; a
//! term's other Chinese names too, 职教 and 职业教育).

use super::glossary::terms_across;
use super::query::{Atom, Clause};
use crate::tagging::regions::names_across;

/// Adds to each word or phrase of `clauses` that is the whole name of a province, a
/// prefecture-level city or a term of the glossary its names in the other language, as
/// alternatives (`Shandong` → `Shandong OR 山东`); an excluded name excludes them too.
/// Returns, for each clause, how many of its alternatives were typed: the names added come
/// after them, for the search to weigh below what was typed (0 for the other clauses).
pub fn widen(clauses: &mut Vec<Clause>) -> Vec<usize> {
    join_names(clauses);
    let mut excluded = Vec::new();
    let mut typed = vec![0; clauses.len()];
    for (clause, typed) in clauses.iter_mut().zip(&mut typed) {
        match clause {
            Clause::Any(atoms) => {
                *typed = atoms.len();
                let more: Vec<Atom> = atoms.iter().flat_map(across).collect();
                for atom in more {
                    if !atoms.contains(&atom) {
                        atoms.push(atom);
                    }
                }
            }
            Clause::Not(atom) => excluded.extend(across(atom).into_iter().map(Clause::Not)),
            Clause::NotFilter(_) => {}
        }
    }
    typed.resize(typed.len() + excluded.len(), 0);
    clauses.extend(excluded);
    typed
}

/// Most words of a name typed as separate words (`Inner Mongolia`, `cold chain
/// logistics`, `ministry of human resources and social security`).
const MAX_NAME_WORDS: usize = 7;

/// Words typed one after another that together name a place or a term (`Hong Kong`, `cold
/// chain`) become that name as one phrase, which `widen` then gives its other names.
fn join_names(clauses: &mut Vec<Clause>) {
    let single = |c: &Clause| match c {
        Clause::Any(atoms) => match atoms.as_slice() {
            [Atom::Words(w)] if w.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-') => {
                Some(w.clone())
            }
            _ => None,
        },
        _ => None,
    };
    let mut i = 0;
    while i < clauses.len() {
        let joined = (2..=MAX_NAME_WORDS).rev().find_map(|n| {
            let words: Vec<String> = clauses
                .get(i..i + n)?
                .iter()
                .map(single)
                .collect::<Option<_>>()?;
            let name = words.join(" ");
            (!names_across(&name).is_empty() || !terms_across(&name).is_empty())
                .then_some((n, name))
        });
        if let Some((n, name)) = joined {
            clauses.splice(i..i + n, [Clause::Any(vec![Atom::Phrase(name)])]);
        }
        i += 1;
    }
}

/// The other language's names of the place or term an atom names; a name of several words
/// is a phrase.
fn across(atom: &Atom) -> Vec<Atom> {
    let (Atom::Words(text) | Atom::Phrase(text)) = atom;
    (names_across(text).iter())
        .chain(terms_across(text))
        .map(|name| {
            if name.contains(' ') {
                Atom::Phrase(name.to_string())
            } else {
                Atom::Words(name.to_string())
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::query::parse;

    fn widened(q: &str) -> Vec<Clause> {
        let mut clauses = parse(q).map(|p| p.clauses).unwrap_or_default();
        widen(&mut clauses);
        clauses
    }

    fn words(w: &[&str]) -> Clause {
        Clause::Any(w.iter().map(|w| Atom::Words(w.to_string())).collect())
    }

    #[test]
    fn a_place_name_finds_its_name_in_the_other_language() {
        assert_eq!(
            widened("Shandong welders"),
            [words(&["Shandong", "山东"]), words(&["welders"])]
        );
        assert_eq!(widened("济南"), [words(&["济南", "Jinan"])]);
        assert_eq!(
            widened("内蒙古"),
            [Clause::Any(vec![
                Atom::Words("内蒙古".into()),
                Atom::Phrase("Inner Mongolia".into())
            ])]
        );
        assert_eq!(
            widened("焊工 -深圳"),
            [
                words(&["焊工"]),
                Clause::Not(Atom::Words("深圳".into())),
                Clause::Not(Atom::Words("Shenzhen".into()))
            ]
        );
        // A name typed as separate words is the name.
        assert_eq!(
            widened("Hong Kong welders"),
            [
                Clause::Any(vec![
                    Atom::Phrase("Hong Kong".into()),
                    Atom::Words("香港".into())
                ]),
                words(&["welders"])
            ]
        );
        assert_eq!(
            widened("hong kong"),
            [Clause::Any(vec![
                Atom::Phrase("hong kong".into()),
                Atom::Words("香港".into())
            ])]
        );
        assert_eq!(widened("kong hong").len(), 2);
        // Only a whole name: text around it is searched as typed.
        assert_eq!(widened("山东职业学院"), [words(&["山东职业学院"])]);
        assert_eq!(widened("山东 OR 济南").len(), 1);
    }

    #[test]
    fn a_term_of_the_glossary_finds_its_names_in_the_other_language() {
        assert_eq!(
            widened("Shandong robots"),
            [words(&["Shandong", "山东"]), words(&["robots", "机器人"])]
        );
        // Words typed one after another that name a term are the term, as a phrase.
        assert_eq!(
            widened("cold chain 云南"),
            [
                Clause::Any(vec![
                    Atom::Phrase("cold chain".into()),
                    Atom::Words("冷链".into())
                ]),
                words(&["云南", "Yunnan"])
            ]
        );
        assert_eq!(widened("Cold-Chain"), [words(&["Cold-Chain", "冷链"])]);
        assert_eq!(
            widened("冷链"),
            [Clause::Any(vec![
                Atom::Words("冷链".into()),
                Atom::Phrase("cold chain".into())
            ])]
        );
        // The longest name wins: `cold chain logistics`, not `cold chain` and a word.
        assert_eq!(
            widened("cold chain logistics"),
            [Clause::Any(vec![
                Atom::Phrase("cold chain logistics".into()),
                Atom::Words("冷链物流".into())
            ])]
        );
        // Excluded, it excludes the other names too; words that name nothing stay words.
        assert_eq!(
            widened("-无人机"),
            [
                Clause::Not(Atom::Words("无人机".into())),
                Clause::Not(Atom::Words("drone".into())),
                Clause::Not(Atom::Phrase("unmanned aerial vehicle".into())),
                Clause::Not(Atom::Words("UAV".into())),
            ]
        );
        assert_eq!(widened("chain cold").len(), 2);
    }
}
