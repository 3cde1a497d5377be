//! Table captions: `Tabel 3.5` with the title on the next line, `Tabel 3.5 Title`,
//! `**Tabel 3.5** Title`, or `TABEL` alone over a title (an unnumbered table in an annex).

use regex::Regex;
use std::sync::LazyLock;

/// A caption's number and title, as printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedCaption {
    /// `3.5`, or `None` for an unnumbered `TABEL`.
    pub number: Option<String>,
    /// The title, its lines joined with single spaces; `None` when the caption has none.
    pub title: Option<String>,
    /// "Tabel 3.6 (lanjutan)", "Lanjutan Tabel 3.6": the rest of a table begun earlier.
    pub continued: bool,
}

/// "Lanjutan " before "Tabel 3.6".
static CONTINUED_PREFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(lanjutan|sambungan)\s+").unwrap());
/// "(lanjutan)" as the whole title.
static CONTINUED_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[(\[]?\s*(lanjutan|sambungan|lanj\.?|continued)\s*[)\]]?\.?$").unwrap()
});

static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^tabel(?:\s+(\d+(?:[.-]\d+)*[a-z]?))?\.?\s*(?:[:.\-–—]\s*)?(.*)$").unwrap()
});

/// Reads `text` (a paragraph or heading, emphasis already removed) as a table caption.
/// A caption is short: at most four lines and 300 characters; a sentence that merely
/// starts with "Tabel" ("Tabel berikut menunjukkan …") is not one.
pub fn parse_table_caption(text: &str) -> Option<ParsedCaption> {
    let text = text.trim().trim_matches('*').trim();
    if text.len() > 300 || text.lines().count() > 4 {
        return None;
    }
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    // Emphasis markers may survive in raw text (`**Tabel 4.2**: Anggaran`).
    let first = lines.next()?.replace('*', "");
    let (first, continued_before) = match CONTINUED_PREFIX.find(first.trim()) {
        Some(m) => (first.trim()[m.end()..].to_string(), true),
        None => (first, false),
    };
    let captures = CAPTION.captures(first.trim())?;
    let number = captures.get(1).map(|m| m.as_str().trim_end_matches('.').to_string());
    let rest_of_first = captures.get(2).map_or("", |m| m.as_str()).trim();
    if number.is_none() && !rest_of_first.is_empty() {
        return None;
    }
    let mut title_parts: Vec<&str> = Vec::new();
    // "Tabel 3.2 (Lanjutan)" over the title repeated on the next line.
    let continued_first = CONTINUED_TITLE.is_match(rest_of_first);
    if !rest_of_first.is_empty() && !continued_first {
        title_parts.push(rest_of_first);
    }
    title_parts.extend(lines.map(|l| l.trim_matches('*').trim()).filter(|l| !l.is_empty()));
    let mut title = (!title_parts.is_empty()).then(|| title_parts.join(" "));
    let continued_after = title.as_deref().is_some_and(|t| CONTINUED_TITLE.is_match(t));
    if continued_after {
        title = None;
    }
    if number.is_none() && title.is_none() {
        return None;
    }
    Some(ParsedCaption {
        number,
        title,
        continued: continued_before || continued_first || continued_after,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn caption(text: &str) -> Option<(Option<String>, Option<String>)> {
        parse_table_caption(text).map(|c| (c.number, c.title))
    }

    #[test]
    fn a_continued_caption_says_so() {
        for text in ["Tabel 3.6 (lanjutan)", "Lanjutan Tabel 3.6", "Tabel 3.6 Lanjutan"] {
            let parsed = parse_table_caption(text).unwrap();
            assert_eq!(parsed.number.as_deref(), Some("3.6"), "{text}");
            assert!(parsed.continued && parsed.title.is_none(), "{text}");
        }
        assert!(!parse_table_caption("Tabel 3.6 Pelatihan").unwrap().continued);
        let over_title =
            parse_table_caption("Tabel 3.2. (Lanjutan)\nKomoditas Bahan Pokok").unwrap();
        assert!(over_title.continued);
        assert_eq!(over_title.title.as_deref(), Some("Komoditas Bahan Pokok"));
    }

    #[test]
    fn number_and_title_on_two_lines() {
        assert_eq!(
            caption("Tabel 3.5\nCapaian Indikator Kinerja Utama I"),
            Some((Some("3.5".into()), Some("Capaian Indikator Kinerja Utama I".into())))
        );
    }

    #[test]
    fn number_and_title_on_one_line() {
        assert_eq!(
            caption("Tabel 2.1 Perjanjian Kinerja Tahun 2025"),
            Some((Some("2.1".into()), Some("Perjanjian Kinerja Tahun 2025".into())))
        );
        assert_eq!(
            caption("Tabel 1. Ringkasan Capaian"),
            Some((Some("1".into()), Some("Ringkasan Capaian".into())))
        );
        assert_eq!(
            caption("Tabel 3-1 Capaian Kinerja"),
            Some((Some("3-1".into()), Some("Capaian Kinerja".into())))
        );
        assert_eq!(
            caption("**Tabel 4.2**: Anggaran"),
            Some((Some("4.2".into()), Some("Anggaran".into())))
        );
    }

    #[test]
    fn three_line_title_is_joined() {
        assert_eq!(
            caption("Tabel 3.1\nPengukuran Capaian\nBerdasarkan Target"),
            Some((Some("3.1".into()), Some("Pengukuran Capaian Berdasarkan Target".into())))
        );
    }

    #[test]
    fn unnumbered_annex_table() {
        assert_eq!(
            caption("TABEL\nPENGUKURAN KINERJA TRIWULAN"),
            Some((None, Some("PENGUKURAN KINERJA TRIWULAN".into())))
        );
    }

    #[test]
    fn sentences_are_not_captions() {
        assert_eq!(caption("Tabel berikut menunjukkan capaian kinerja."), None);
        assert_eq!(caption("Tabelnya ada di bawah."), None);
        assert_eq!(caption("Realisasi anggaran pada Tabel 3.1"), None);
    }
}
