//! Place names searched in both languages: `Shandong` also finds 山东, and 济南 also
//! Jinan, since the corpus writes places in either.

use super::query::{Atom, Clause};
use crate::tagging::regions::names_across;

/// Adds to each word or phrase of `clauses` that is the whole name of a province or a
/// prefecture-level city its names in the other language, as alternatives (`Shandong` →
/// `Shandong OR 山东`); an excluded name excludes them too.
pub fn widen(clauses: &mut Vec<Clause>) {
    join_names(clauses);
    let mut excluded = Vec::new();
    for clause in clauses.iter_mut() {
        match clause {
            Clause::Any(atoms) => {
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
    clauses.extend(excluded);
}

/// Most words of a place name typed as separate words (`Inner Mongolia`).
const MAX_NAME_WORDS: usize = 3;

/// Words typed one after another that together name a place (`Hong Kong`, `Inner
/// Mongolia`) become that name as one phrase, which `widen` then gives its other names.
fn join_names(clauses: &mut Vec<Clause>) {
    let single = |c: &Clause| match c {
        Clause::Any(atoms) => match atoms.as_slice() {
            [Atom::Words(w)] if w.bytes().all(|b| b.is_ascii_alphabetic()) => Some(w.clone()),
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
            (!names_across(&name).is_empty()).then_some((n, name))
        });
        if let Some((n, name)) = joined {
            clauses.splice(i..i + n, [Clause::Any(vec![Atom::Phrase(name)])]);
        }
        i += 1;
    }
}

/// The other language's names of the place an atom names; a name of several words is a
/// phrase.
fn across(atom: &Atom) -> Vec<Atom> {
    let (Atom::Words(text) | Atom::Phrase(text)) = atom;
    names_across(text)
        .iter()
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
            widened("Shandong robots"),
            [words(&["Shandong", "山东"]), words(&["robots"])]
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
            widened("无人机 -深圳"),
            [
                words(&["无人机"]),
                Clause::Not(Atom::Words("深圳".into())),
                Clause::Not(Atom::Words("Shenzhen".into()))
            ]
        );
        // A name typed as separate words is the name.
        assert_eq!(
            widened("Hong Kong robots"),
            [
                Clause::Any(vec![
                    Atom::Phrase("Hong Kong".into()),
                    Atom::Words("香港".into())
                ]),
                words(&["robots"])
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
}
