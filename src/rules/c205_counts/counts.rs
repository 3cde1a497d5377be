//! A count in a sentence and what it counts, read from the noun after it: "4 (empat)
//! misi", "8 (delapan) Indikator Kinerja Utama", "14 titik".

use crate::figures::{Figure, FigureKind};
use crate::span::Span;
use rust_decimal::Decimal;

/// What a count counts, from the noun after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted {
    /// Indikator, IKU: rows of an indicator table, or list items.
    Indicators,
    /// Sasaran (strategis): the goals of a table, or list items.
    Goals,
    /// Titik, lokasi, kabupaten …: places, enumerated in the sentence or listed.
    Places(PlaceKind),
    /// Misi, tujuan, program, langkah …: list items.
    Items,
}

/// The kind of place a count or an enumerated name is, as far as its word says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    /// Titik, lokasi, tempat, sekolah, negara …: any name.
    Any,
    Regency,
    City,
    RegencyOrCity,
    District,
    Village,
    Province,
}

/// A count in a sentence and its noun.
#[derive(Debug, Clone)]
pub struct Count<'d> {
    pub figure: &'d Figure,
    pub n: usize,
    pub counted: Counted,
    /// The count and its noun as printed: "4 (empat) misi", "8 (delapan) Indikator Kinerja
    /// Utama".
    pub phrase: Span,
    /// The first word of the noun, lower-cased ("misi", "indikator").
    pub noun: String,
}

impl Count<'_> {
    pub fn printed<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.phrase.range()).unwrap_or_default()
    }
}

/// Nouns that name things a list holds.
const ITEM_NOUNS: &[&str] = &[
    "misi",
    "tujuan",
    "program",
    "kegiatan",
    "subkegiatan",
    "strategi",
    "kebijakan",
    "arah",
    "aspek",
    "langkah",
    "tahapan",
    "tahap",
    "faktor",
    "kendala",
    "permasalahan",
    "masalah",
    "rekomendasi",
    "prioritas",
    "fungsi",
    "tugas",
    "inovasi",
    "prinsip",
    "komponen",
    "unsur",
    "dokumen",
    "layanan",
    "jenis",
    "kategori",
    "bidang",
    "variabel",
];

/// Words that may follow "sasaran" in a count of goals ("2 (dua) sasaran dan 8 IKU").
const AFTER_GOAL: &[&str] = &["strategis", "dan", "serta", "yang", "sebagai", "berikut", "yaitu"];

pub fn place_kind(word: &str) -> Option<PlaceKind> {
    Some(match word {
        "titik" | "lokasi" | "tempat" | "sekolah" | "puskesmas" | "negara" | "kantor" => {
            PlaceKind::Any
        }
        "kabupaten" | "kab" => PlaceKind::Regency,
        "kota" => PlaceKind::City,
        "kabupaten/kota" | "kab/kota" | "kab./kota" => PlaceKind::RegencyOrCity,
        "kecamatan" | "kec" => PlaceKind::District,
        "desa" | "kelurahan" | "desa/kelurahan" | "kel" => PlaceKind::Village,
        "provinsi" | "prov" => PlaceKind::Province,
        _ => return None,
    })
}

/// What the words after a count say it counts.
fn counted(words: &[String]) -> Option<Counted> {
    let first = words.first()?.as_str();
    let second = words.get(1).map(String::as_str);
    match first {
        "indikator" | "iku" => Some(Counted::Indicators),
        "sasaran" if second.is_none_or(|w| AFTER_GOAL.contains(&w)) => Some(Counted::Goals),
        _ => place_kind(first)
            .map(Counted::Places)
            .or_else(|| ITEM_NOUNS.contains(&first).then_some(Counted::Items)),
    }
}

/// The words right after a figure (past its number words and markup): up to three words
/// of letters (with `/` and `-` inside, "kabupaten/kota"), lower-cased, with their spans.
fn words_after(text: &str, figure: &Figure) -> Vec<(String, Span)> {
    let mut pos = figure.words.as_ref().map_or(figure.number_span.end(), |w| w.span.end());
    let rest = text.get(pos..).unwrap_or_default();
    pos += rest.len() - rest.trim_start_matches([')', ' ', '*', '_', '\t', '\n']).len();
    let mut words = Vec::new();
    while words.len() < 3 {
        let rest = text.get(pos..).unwrap_or_default();
        let len: usize = rest
            .char_indices()
            .take_while(|&(i, c)| {
                c.is_alphabetic()
                    || (i > 0 && matches!(c, '/' | '-'))
                    || (c == '.' && rest[i + 1..].starts_with('/'))
            })
            .map(|(_, c)| c.len_utf8())
            .sum();
        if len == 0 {
            break;
        }
        words.push((rest[..len].to_lowercase(), Span::new(pos, pos + len)));
        pos += len;
        let after = &text[pos..];
        if !after.starts_with(' ') {
            break;
        }
        pos += after.len() - after.trim_start_matches(' ').len();
    }
    words
}

/// How many of the words after a count belong to its noun: "Indikator Kinerja Utama",
/// "Sasaran Strategis", else the first word.
fn noun_length(counted: Counted, words: &[String]) -> usize {
    match counted {
        Counted::Indicators if words[0] == "indikator" => {
            1 + words[1..].iter().take_while(|w| matches!(w.as_str(), "kinerja" | "utama")).count()
        }
        Counted::Goals if words.get(1).is_some_and(|w| w == "strategis") => 2,
        _ => 1,
    }
}

/// The counts of things in `figures` (whole numbers with a noun we know), within `text`.
pub fn counts_in<'d>(text: &str, figures: &'d [Figure]) -> Vec<Count<'d>> {
    figures
        .iter()
        .filter_map(|figure| {
            if !matches!(figure.kind, FigureKind::Count | FigureKind::Plain)
                || figure.decimals != 0
                || figure.value < Decimal::ONE
                || figure.value > Decimal::from(1000)
            {
                return None;
            }
            // Digits and words that disagree: the number-words finding says so, and
            // which of them counts is unknown.
            if figure.words.as_ref().is_some_and(|w| w.value != Some(figure.value)) {
                return None;
            }
            let n = usize::try_from(figure.value.normalize()).ok()?;
            let spans = words_after(text, figure);
            let words: Vec<String> = spans.iter().map(|(w, _)| w.clone()).collect();
            let counted = counted(&words)?;
            let last = spans.get(noun_length(counted, &words) - 1)?.1;
            let phrase = Span::new(figure.number_span.start(), last.end());
            let noun = words.first()?.clone();
            Some(Count { figure, n, counted, phrase, noun })
        })
        .collect()
}

/// Does the sentence after its first count name things of another kind than its counts
/// ("3 (tiga) program, dengan rincian kegiatan sebagai berikut:")? Then what follows may
/// be those.
pub fn names_other_things(text: &str, sentence: Span, counts: &[Count]) -> bool {
    let Some(first) = counts.first() else { return false };
    let rest = text.get(first.phrase.end()..sentence.end()).unwrap_or_default();
    rest.split(|c: char| !(c.is_alphabetic() || c == '/'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .any(|word| {
            counted(std::slice::from_ref(&word))
                .is_some_and(|kind| !counts.iter().any(|c| same_things(c, kind, &word)))
        })
}

/// Does `word`, of kind `kind`, name the things `count` counts? Indicators, goals and
/// places by their kind ("IKU" for "indikator"), other things by their word.
fn same_things(count: &Count, kind: Counted, word: &str) -> bool {
    match (count.counted, kind) {
        (Counted::Items, Counted::Items) => count.noun == word,
        (Counted::Places(_), Counted::Places(_)) => true,
        (a, b) => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nouns_after_a_count() {
        let w = |s: &[&str]| counted(&s.iter().map(|w| w.to_string()).collect::<Vec<_>>());
        assert_eq!(w(&["indikator", "kinerja"]), Some(Counted::Indicators));
        assert_eq!(w(&["sasaran", "strategis"]), Some(Counted::Goals));
        assert_eq!(w(&["sasaran", "program"]), None);
        assert_eq!(w(&["misi"]), Some(Counted::Items));
        assert_eq!(w(&["titik", "kabupaten/kota"]), Some(Counted::Places(PlaceKind::Any)));
        assert_eq!(w(&["orang"]), None);
    }
}
