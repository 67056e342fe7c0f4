//! Place names searched in both languages: `Shandong` also finds 山东, and 济南 also
//! Jinan, since the corpus writes places in either.

use super::query::{Atom, Clause};
use crate::tagging::regions::names_across;

/// Adds to each word or phrase of `clauses` that is the whole name of a province or a
/// prefecture-level city its names in the other language, as alternatives (`Shandong` →
/// `Shandong OR 山东`); an excluded name excludes them too.
pub fn widen(clauses: &mut Vec<Clause>) {
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
        // Only a whole name: text around it is searched as typed.
        assert_eq!(widened("山东职业学院"), [words(&["山东职业学院"])]);
        assert_eq!(widened("山东 OR 济南").len(), 1);
    }
}
