//! How names are compared (`rules/names.yaml`): two tables, or a table and a sentence,
//! name one indicator in different words.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Deserialize;
use std::collections::BTreeSet;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NamesFile {
    #[serde(default)]
    similarity: Option<Similarity>,
    #[serde(default)]
    aliases: HashMap<String, String>,
    #[serde(default)]
    spellings: HashMap<String, String>,
    #[serde(default)]
    ignore: Vec<String>,
    #[serde(default)]
    distinguishing: Vec<String>,
}

/// A share of words, from 0,5 to 1, kept in hundredths.
#[derive(Debug, Clone, Copy)]
struct Similarity(usize);

impl<'de> Deserialize<'de> for Similarity {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(SimilarityVisitor)
    }
}

/// Reads the share as written: the YAML scalar's own text, so that `0.8` is exactly 80
/// hundredths, and an error points at the scalar.
struct SimilarityVisitor;

impl SimilarityVisitor {
    fn parse<E: serde::de::Error>(text: &str) -> Result<Similarity, E> {
        let share: Option<rust_decimal::Decimal> = text.trim().parse().ok();
        let low = rust_decimal::Decimal::new(5, 1);
        share
            .filter(|s| (low..=rust_decimal::Decimal::ONE).contains(s))
            .and_then(|s| usize::try_from((s * rust_decimal::Decimal::ONE_HUNDRED).round()).ok())
            .map(Similarity)
            .ok_or_else(|| {
                E::custom(format!("similarity must be a number from 0.5 to 1, not {text}"))
            })
    }
}

impl serde::de::Visitor<'_> for SimilarityVisitor {
    type Value = Similarity;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a number from 0.5 to 1")
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Similarity, E> {
        // The shortest text of a float is the one written in the file.
        Self::parse(&v.to_string())
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Similarity, E> {
        Self::parse(&v.to_string())
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Similarity, E> {
        Self::parse(&v.to_string())
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Similarity, E> {
        Self::parse(v)
    }
}

/// The words of a name, as compared: sorted, each once.
pub type Words = BTreeSet<String>;

#[derive(Debug, Clone)]
pub struct Names {
    /// Shared words over all words, in hundredths (a whole number, so that comparing
    /// shares needs no floating point).
    similarity_percent: usize,
    aliases: HashMap<String, Vec<String>>,
    spellings: HashMap<String, String>,
    ignore: HashSet<String>,
    distinguishing: HashSet<String>,
}

impl Default for Names {
    fn default() -> Self {
        Names {
            similarity_percent: 100,
            aliases: HashMap::default(),
            spellings: HashMap::default(),
            ignore: HashSet::default(),
            distinguishing: HashSet::default(),
        }
    }
}

impl Names {
    /// Adds a names file: its entries win over ours.
    pub fn extend(&mut self, file: NamesFile) {
        if let Some(Similarity(hundredths)) = file.similarity {
            self.similarity_percent = hundredths;
        }
        for (short, long) in file.aliases {
            self.aliases.insert(short.to_lowercase(), words_of(&long.to_lowercase()));
        }
        for (variant, word) in file.spellings {
            self.spellings.insert(variant.to_lowercase(), word.to_lowercase());
        }
        self.ignore.extend(file.ignore.into_iter().map(|w| w.to_lowercase()));
        self.distinguishing.extend(file.distinguishing.into_iter().map(|w| w.to_lowercase()));
    }

    /// The words of `text` as names are compared: lower case, abbreviations spelt out,
    /// one spelling for each word, little words left out.
    pub fn words(&self, text: &str) -> Words {
        let lower = text.to_lowercase();
        let mut out = Words::new();
        for word in self.compared_words(&lower) {
            // A word met again costs no allocation.
            if !out.contains(word) {
                out.insert(word.to_string());
            }
        }
        out
    }

    /// [`Names::words`] of a lower-cased text, borrowed from it and from these names, in
    /// order and possibly repeated: for looking words up without copying them.
    pub fn compared_words<'a>(&'a self, lower: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        word_slices(lower)
            .flat_map(move |word| {
                // An alias stands for its spelt-out words; any other word for itself.
                let long = self.aliases.get(word);
                let alone = long.is_none().then_some(word);
                long.into_iter().flatten().map(String::as_str).chain(alone)
            })
            .map(|word| self.spellings.get(word).map(String::as_str).unwrap_or(word))
            .filter(|word| !self.ignore.contains(*word))
    }

    /// Do two names mean the same thing? Identical words, or enough shared words and no
    /// distinguishing word or number among those not shared.
    pub fn same(&self, a: &Words, b: &Words) -> bool {
        if a == b {
            return true;
        }
        let shared = a.intersection(b).count();
        let all = a.len() + b.len() - shared;
        if all == 0 || shared * 100 < self.similarity_percent * all {
            return false;
        }
        !a.symmetric_difference(b).any(|w| self.is_distinguishing(w))
    }

    /// Could two names of `a` and `b` words, sharing at most `shared` words, be
    /// [`Names::same`]? A cheap test on counts that rules out most candidates before their
    /// word sets are compared: when it says no, `same` says no.
    pub fn could_be_same(&self, a: usize, b: usize, shared: usize) -> bool {
        let shared = shared.min(a).min(b);
        (a == b && shared == a) || shared * 100 >= self.similarity_percent * (a + b - shared)
    }

    /// Could a text holding at most `present` of the `len` words of a name name it (as
    /// [`Names::named_in`] says)? A cheap test on counts: when it says no, `named_in` says
    /// no.
    pub fn could_be_named(&self, len: usize, present: usize) -> bool {
        len >= 2 && present.min(len) * 100 >= self.similarity_percent * len
    }

    /// Does `text` (its words) name `name`? At least `similarity` of the name's words are in
    /// the text, and none of its distinguishing words is missing.
    pub fn named_in(&self, name: &Words, text: &HashSet<&str>) -> bool {
        if name.len() < 2 {
            return false;
        }
        let mut missing = 0;
        for w in name {
            if !text.contains(w.as_str()) {
                if self.is_distinguishing(w) {
                    return false;
                }
                missing += 1;
            }
        }
        (name.len() - missing) * 100 >= self.similarity_percent * name.len()
    }

    fn is_distinguishing(&self, word: &str) -> bool {
        self.distinguishing.contains(word)
            || word.chars().any(|c| c.is_ascii_digit())
            || is_roman(word)
    }
}

/// Roman numerals name a numbered thing ("IKU II").
fn is_roman(word: &str) -> bool {
    matches!(word, "i" | "ii" | "iii" | "iv" | "v" | "vi" | "vii" | "viii" | "ix" | "x")
}

/// The words of a lower-cased text: runs of letters, digits and inner hyphens.
pub fn words_of(text: &str) -> Vec<String> {
    word_slices(text).map(str::to_string).collect()
}

/// [`words_of`] without copying the words.
fn word_slices(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map(|w| w.trim_matches('-'))
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use crate::knowledge::Knowledge;

    #[test]
    fn names_of_one_indicator_in_different_words_are_the_same() {
        let k = Knowledge::builtin();
        let n = &k.names;
        let same = |a: &str, b: &str| n.same(&n.words(a), &n.words(b));
        assert!(same("Nilai IKPA", "Nilai Indikator Kinerja Pelaksanaan Anggaran (IKPA)"));
        assert!(same(
            "Meningkatnya perlindungan PMI",
            "Meningkatnya Pelindungan Pekerja Migran Indonesia"
        ));
        // By default a long name differing by one word is another indicator too.
        assert!(!same(
            "Persentase Pekerja Migran Indonesia bermasalah yang difasilitasi kepulangannya ke daerah asal sesuai standar pelayanan",
            "Persentase Pekerja Migran Indonesia bermasalah yang difasilitasi kepulangannya ke daerah asal sesuai standar"
        ));
        // A qualifier makes another indicator.
        assert!(!same(
            "Jumlah pelaku usaha yang dilatih",
            "Jumlah pelaku usaha pesisir yang dilatih"
        ));
        assert!(!same("Nilai IKPA", "Nilai Capaian Kinerja Anggaran"));
        assert!(!same("Penempatan PMI terampil", "Penempatan PMI non terampil"));
        assert!(!same("Persentase penduduk miskin", "Persentase penduduk miskin ekstrem"));
        assert!(!same("IKU II", "IKU III"));
    }

    #[test]
    fn the_count_test_never_rules_out_names_that_are_the_same() {
        let names = [
            "Nilai IKPA",
            "Nilai Indikator Kinerja Pelaksanaan Anggaran (IKPA)",
            "Nilai Capaian Kinerja Anggaran",
            "Persentase Pekerja Migran Indonesia bermasalah yang difasilitasi kepulangannya ke daerah asal sesuai standar pelayanan",
            "Persentase Pekerja Migran Indonesia bermasalah yang difasilitasi kepulangannya ke daerah asal sesuai standar",
            "Persentase PMI bermasalah yang difasilitasi kepulangannya ke daerah asal sesuai standar pelayanan",
            "Jumlah pelaku usaha yang dilatih",
            "Jumlah pelaku usaha pesisir yang dilatih",
        ];
        for similarity in [None, Some("0.9"), Some("0.5")] {
            let mut k = Knowledge::builtin();
            if let Some(share) = similarity {
                let text = format!("similarity: {share}\n");
                k.extend_from_text("names.yaml", "names.yaml", &text).expect("a names file");
            }
            let n = &k.names;
            let mut kept_out = 0;
            for a in names.iter().map(|a| n.words(a)) {
                for b in names.iter().map(|b| n.words(b)) {
                    let shared = a.intersection(&b).count();
                    let possible = n.could_be_same(a.len(), b.len(), shared);
                    assert!(possible || !n.same(&a, &b), "{a:?} {b:?} at {similarity:?}");
                    kept_out += usize::from(!possible);
                }
            }
            assert!(kept_out > 0, "the test rules some pairs out at {similarity:?}");
        }
    }

    #[test]
    fn a_sentence_names_an_indicator_when_it_holds_its_words() {
        let k = Knowledge::builtin();
        let n = &k.names;
        let sentence = n.words("realisasi nilai IKPA tahun 2024 adalah 89,62");
        let text = sentence.iter().map(String::as_str).collect();
        assert!(n.named_in(&n.words("Nilai Indikator Kinerja Pelaksanaan Anggaran"), &text));
        assert!(!n.named_in(&n.words("Nilai Zona Integritas"), &text));
        // The count test lets through every name the sentence names, and not one it
        // cannot: "Zona Integritas" has one word of three in it.
        for name in ["Nilai Indikator Kinerja Pelaksanaan Anggaran", "Nilai Zona Integritas"] {
            let words = n.words(name);
            let present = words.iter().filter(|w| text.contains(w.as_str())).count();
            let possible = n.could_be_named(words.len(), present);
            assert_eq!(possible, n.named_in(&words, &text), "{name}");
        }
    }
}
