//! Titles compared as a reader compares them: by their words, not letter for letter.
//!
//! A list of tables often gives a longer title than the caption ("Pelaksanaan Kegiatan
//! Sosialisasi" above the table, "… Peluang Kerja Luar Negeri dan Migrasi Aman Tahun 2024"
//! in the list), in other letters ("PENDAHULUAN", "Pendahuluan") and with other
//! punctuation ("Terkendala, Sakit" and "Terkendala Sakit"). Such titles name the same
//! thing; "Penutup" and "Permasalahan dan Tindak Lanjut" do not.

use crate::knowledge::names::Words;
use crate::knowledge::Names;
use regex::Regex;
use std::sync::LazyLock;

static FISCAL_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bT\.\s?A\.?\s*").expect("a valid pattern"));

/// Words that say nothing about which table or chapter a title names.
const LITTLE_WORDS: &[&str] =
    &["dan", "di", "ke", "dari", "yang", "atau", "serta", "the", "of", "and"];

/// The meaningful words of a title as names are compared (lower case, abbreviations
/// spelt out: "IKU" is "Indikator Kinerja Utama"), without punctuation or little words.
pub fn title_words(names: &Names, title: &str) -> Words {
    // "T.A. 2024" is "Tahun Anggaran 2024".
    let title = FISCAL_YEAR.replace_all(title, "Tahun Anggaran ");
    let mut words = names.words(&title);
    words.retain(|w| !LITTLE_WORDS.contains(&w.as_str()));
    words
}

/// Do the two titles name the same thing? At least four in five words of the shorter
/// title are in the longer one. A title with no words (a caption whose title could not be
/// read) is like any other: nothing can be said against it.
pub fn same_title(names: &Names, a: &str, b: &str) -> bool {
    let (a, b) = (title_words(names, a), title_words(names, b));
    let (common, shorter) = (a.intersection(&b).count(), a.len().min(b.len()));
    shorter == 0 || common * 5 >= shorter * 4
}

/// How alike two titles are, for choosing the best of several candidates: shared words
/// over all words (both counts, so that no division is needed to compare two scores).
pub fn likeness(names: &Names, a: &str, b: &str) -> (usize, usize) {
    let (a, b) = (title_words(names, a), title_words(names, b));
    let common = a.intersection(&b).count();
    (common, a.union(&b).count().max(1))
}

/// Is likeness `x` greater than likeness `y`? (a/b > c/d, in whole numbers)
pub fn more_alike(x: (usize, usize), y: (usize, usize)) -> bool {
    x.0 * y.1 > y.0 * x.1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::Knowledge;

    fn same_title(a: &str, b: &str) -> bool {
        super::same_title(&Knowledge::builtin().names, a, b)
    }

    fn likeness(a: &str, b: &str) -> (usize, usize) {
        super::likeness(&Knowledge::builtin().names, a, b)
    }

    #[test]
    fn shortened_and_recased_titles_are_the_same() {
        assert!(same_title(
            "Pelaksanaan Kegiatan Sosialisasi",
            "Pelaksanaan Kegiatan Sosialisasi Peluang Kerja Luar Negeri dan Migrasi Aman Tahun 2024"
        ));
        assert!(same_title("PENDAHULUAN", "Pendahuluan"));
        assert!(same_title(
            "Data Penanganan PMI Terkendala, Sakit dan Meninggal",
            "Data Penanganan PMI Terkendala Sakit dan Meninggal"
        ));
        assert!(same_title("", "Capaian Kinerja"));
        assert!(same_title("Capaian IKU Tahun 2024", "Capaian Indikator Kinerja Utama Tahun 2024"));
    }

    #[test]
    fn other_titles_differ() {
        assert!(!same_title("Penutup", "Permasalahan dan Tindak Lanjut"));
        assert!(!same_title(
            "Perbandingan Capaian Sasaran Program/Kegiatan Tahun 2020 sampai Tahun 2024",
            "Capaian Anggaran dan Kinerja Tahun 2024"
        ));
    }

    #[test]
    fn likeness_orders_candidates() {
        let entry = "Perbandingan Capaian Sasaran Program/Kegiatan Tahun 2020 sampai Tahun 2024";
        let exact = likeness(entry, "Perbandingan Capaian Sasaran Program/Kegiatan");
        let other = likeness(entry, "Perbandingan Capaian Sasaran Program/Kegiatan Kedua");
        assert!(more_alike(exact, other));
        assert!(!more_alike(other, exact));
    }
}
