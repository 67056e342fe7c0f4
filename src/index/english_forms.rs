//! English words brought to one form before they are stemmed, on the index's side and the
//! query's alike:
//! - British spellings become American ones (centre → center, labour → labor, programme →
//!   program, organisation → organization, analysed → analyzed): the outlets of one corpus
//!   write both, and the stemmer keeps them apart (`centr` and `center`);
//! - a few words that the English stemmer cuts down to the stem of a word of another meaning
//!   are kept whole: engine (engineer's stem is `engin`), experiment (experience's is
//!   `experi`), authority (author's is `author`), and the pinyin words of place names
//!   (Nanning's stem was `nan`, Xianning's `xian`, as Xi'an is often written, Daye's `day`).
//!
//! Words come in lower-cased. Anything not named here is left as it is.

use std::borrow::Cow;

use crate::tagging::regions::is_pinyin_name_word;

/// A word ready for the stemmer, or one to index as it stands.
#[derive(Debug, PartialEq, Eq)]
pub enum Form<'a> {
    Stem(Cow<'a, str>),
    Whole(Cow<'a, str>),
}

/// Words indexed whole, and the prefixes that name them (a prefix of `*` matches longer
/// words too: experiments, experimental).
const WHOLE: &[(&str, &str)] = &[
    ("engine", "engine"),
    ("engines", "engine"),
    ("experiment*", "experiment"),
    ("authority", "authority"),
    ("authorities", "authority"),
];

/// British words and their American spelling.
const WORDS: &[(&str, &str)] = &[
    ("centre", "center"),
    ("centres", "centers"),
    ("centred", "centered"),
    ("metre", "meter"),
    ("metres", "meters"),
    ("kilometre", "kilometer"),
    ("kilometres", "kilometers"),
    ("fibre", "fiber"),
    ("fibres", "fibers"),
    ("theatre", "theater"),
    ("theatres", "theaters"),
    ("programme", "program"),
    ("programmes", "programs"),
    ("licence", "license"),
    ("licences", "licenses"),
    ("defence", "defense"),
    ("offence", "offense"),
    ("practise", "practice"),
    ("practised", "practiced"),
    ("practises", "practices"),
    ("practising", "practicing"),
    ("catalogue", "catalog"),
    ("catalogues", "catalogs"),
    ("analogue", "analog"),
    ("ageing", "aging"),
    ("aluminium", "aluminum"),
    ("sulphur", "sulfur"),
    ("enrolment", "enrollment"),
    ("enrolments", "enrollments"),
    ("fulfil", "fulfill"),
    ("fulfils", "fulfills"),
    ("fulfilment", "fulfillment"),
    ("instalment", "installment"),
    ("instalments", "installments"),
    ("skilful", "skillful"),
    ("jewellery", "jewelry"),
    ("mould", "mold"),
    ("moulds", "molds"),
    ("moulding", "molding"),
];

/// Words whose British spelling ends a stem in `our` (labour, labourers, favourable).
const OUR: &[&str] = &[
    "labour",
    "favour",
    "honour",
    "neighbour",
    "behaviour",
    "colour",
    "harbour",
    "endeavour",
    "rumour",
    "flavour",
    "humour",
    "vigour",
    "armour",
    "odour",
    "tumour",
];

/// Stems that take `-ise` in British spelling and `-ize` in American (organise, recognised);
/// stems ending in `al` or `il` (realise, stabilise) and any `-isation` need no entry.
const IZE: &[&str] = &[
    "organ",
    "recogn",
    "modern",
    "harmon",
    "synchron",
    "urban",
    "optim",
    "minim",
    "maxim",
    "custom",
    "econom",
    "priorit",
    "monet",
    "emphas",
    "synthes",
    "standard",
    "subsid",
    "critic",
    "apolog",
    "categor",
    "summar",
    "character",
    "author",
    "memor",
    "computer",
    "theor",
    "popular",
    "digit",
    "energ",
    "jeopard",
    "sanit",
    "sensit",
    "democrat",
    "patron",
    "scrutin",
    "privat",
    "motor",
    "mechan",
    "galvan",
    "weapon",
    "pressur",
    "agon",
    "colon",
];

/// What may follow the `is` of an `-ise` word.
const ISE_TAILS: &[&str] = &[
    "e", "ed", "es", "ing", "er", "ers", "able", "ation", "ations",
];

/// Verbs in `-yse` (analyse, paralyse, catalyse); `analyses` is also the plural of
/// `analysis`, so the `-yses` form is left alone.
const YSE_TAILS: &[&str] = &["e", "ed", "ing", "er", "ers"];
const YSE: &[&str] = &["anal", "paral", "catal", "electrol", "hydrol", "dial"];

/// The form of a lower-cased word to stem, or to index whole.
pub fn unify(word: &str) -> Form<'_> {
    if let Some(whole) = whole(word) {
        return Form::Whole(Cow::Borrowed(whole));
    }
    if is_pinyin_name_word(word) {
        return Form::Whole(Cow::Borrowed(word));
    }
    if let Some(&(_, us)) = WORDS.iter().find(|(gb, _)| *gb == word) {
        return Form::Stem(Cow::Borrowed(us));
    }
    if let Some(stem) = OUR.iter().find(|s| word.starts_with(**s)) {
        let at = stem.len() - 2;
        return Form::Stem(Cow::Owned(format!("{}{}", &word[..at], &word[at + 1..])));
    }
    if let Some(us) = ize(word).or_else(|| yze(word)) {
        return Form::Stem(Cow::Owned(us));
    }
    Form::Stem(Cow::Borrowed(word))
}

fn whole(word: &str) -> Option<&'static str> {
    WHOLE.iter().find_map(|&(name, form)| {
        let hit = match name.strip_suffix('*') {
            Some(prefix) => word.starts_with(prefix),
            None => word == name,
        };
        hit.then_some(form)
    })
}

/// `organise` → `organize`, `modernisation` → `modernization`, `realised` → `realized`.
fn ize(word: &str) -> Option<String> {
    ISE_TAILS.iter().find_map(|tail| {
        let base = word.strip_suffix(tail)?.strip_suffix("is")?;
        let known = tail.starts_with("ation")
            || base.ends_with("al")
            || base.ends_with("il")
            || IZE.contains(&base);
        (known && base.len() >= 3).then(|| format!("{base}iz{tail}"))
    })
}

/// `analysed` → `analyzed`.
fn yze(word: &str) -> Option<String> {
    YSE_TAILS.iter().find_map(|tail| {
        let base = word.strip_suffix(tail)?.strip_suffix("ys")?;
        YSE.contains(&base).then(|| format!("{base}yz{tail}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stem_form(word: &str) -> String {
        match unify(word) {
            Form::Stem(s) => s.into_owned(),
            Form::Whole(w) => panic!("{word} kept whole as {w}"),
        }
    }

    #[test]
    fn british_spellings_become_american() {
        for (gb, us) in [
            ("centre", "center"),
            ("programmes", "programs"),
            ("labour", "labor"),
            ("labourers", "laborers"),
            ("favourable", "favorable"),
            ("neighbouring", "neighboring"),
            ("organisation", "organization"),
            ("organised", "organized"),
            ("modernisation", "modernization"),
            ("industrialisation", "industrialization"),
            ("realise", "realize"),
            ("stabilising", "stabilizing"),
            ("utilise", "utilize"),
            ("prioritises", "prioritizes"),
            ("standardisation", "standardization"),
            ("analysed", "analyzed"),
            ("enrolment", "enrollment"),
        ] {
            assert_eq!(stem_form(gb), us, "{gb}");
        }
    }

    #[test]
    fn look_alikes_are_left_alone() {
        for word in [
            "promise",
            "enterprise",
            "exercise",
            "expertise",
            "advertise",
            "surprise",
            "supervise",
            "raise",
            "noise",
            "premise",
            "franchise",
            "analysis",
            "analyses",
            "emphasis",
            "crisis",
            "specialist",
            "realism",
            "organism",
            "mechanism",
            "hour",
            "tour",
            "center",
            "program",
            "labor",
            "organize",
        ] {
            assert_eq!(stem_form(word), word, "{word}");
        }
    }

    #[test]
    fn words_the_stemmer_would_join_to_others_are_whole() {
        let whole = |w: &'static str| Form::Whole(Cow::Borrowed(w));
        assert_eq!(unify("engines"), whole("engine"));
        assert_eq!(unify("experimental"), whole("experiment"));
        assert_eq!(unify("authorities"), whole("authority"));
        assert_eq!(unify("nanning"), whole("nanning"));
        assert_eq!(unify("xianning"), whole("xianning"));
        assert_eq!(stem_form("engineers"), "engineers");
        assert_eq!(stem_form("experience"), "experience");
        assert_eq!(stem_form("authors"), "authors");
    }
}
