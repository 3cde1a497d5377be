//! Headings in plain text.
//!
//! A report exported from Word as text has no heading markup: its chapters are lines such
//! as `BAB III – AKUNTABILITAS KINERJA` or `A. CAPAIAN KINERJA ORGANISASI` standing alone.
//! When a file has no Markdown heading at all, such one-line paragraphs are taken as
//! headings, so that later checks know which section a sentence sits in.

use crate::document::{Block, BlockKind};
use regex::Regex;
use std::sync::LazyLock;

static CHAPTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:bab)\s+([IVXL]+|\d{1,2})\b").unwrap());
static FRONT_MATTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?i:kata pengantar|daftar isi|daftar tabel|daftar gambar|daftar grafik|daftar lampiran|ringkasan eksekutif|ikhtisar eksekutif|lampiran|latar belakang)$",
    )
    .unwrap()
});
static SECTION: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[A-H]\.\s+\S").unwrap());
static SUBSECTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\d{1,2}\.?|[a-h]\.)\s+\p{Lu}").unwrap());

/// Marks the paragraphs of `blocks` that are headings, when the file has none marked.
pub fn infer_headings(blocks: &mut [Block]) {
    if blocks.iter().any(Block::is_heading) {
        return;
    }
    for block in blocks.iter_mut() {
        if !matches!(block.kind, BlockKind::Paragraph) {
            continue;
        }
        if let Some(level) = heading_level(&block.text) {
            block.kind = BlockKind::Heading { level, inferred: true };
        }
    }
}

/// The level a one-line paragraph would have as a heading, if it looks like one.
fn heading_level(text: &str) -> Option<u8> {
    let line = text.trim();
    let short = !line.contains('\n') && line.chars().count() <= 100;
    // "Bab IV Target Kinerja dan Kerangka Pendanaan; dan": an item of a list.
    let ends_like_sentence = line.ends_with(['.', ':', ';', ','])
        || line.contains(';')
        || [" dan", " atau", " serta"].iter().any(|w| line.to_lowercase().ends_with(w));
    if !short || ends_like_sentence || line.is_empty() {
        return None;
    }
    if CHAPTER.is_match(line) || FRONT_MATTER.is_match(line) {
        return Some(1);
    }
    if SECTION.is_match(line) {
        return Some(2);
    }
    let words = line.split_whitespace().count();
    if SUBSECTION.is_match(line) && words <= 12 {
        return Some(3);
    }
    let letters: Vec<char> = line.chars().filter(|c| c.is_alphabetic()).collect();
    if words >= 2 && letters.len() >= 6 && letters.iter().all(|c| c.is_uppercase()) {
        return Some(2);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::heading_level;

    #[test]
    fn report_headings() {
        assert_eq!(heading_level("BAB III – AKUNTABILITAS KINERJA"), Some(1));
        assert_eq!(heading_level("KATA PENGANTAR"), Some(1));
        assert_eq!(heading_level("A. CAPAIAN KINERJA ORGANISASI"), Some(2));
        assert_eq!(heading_level("2 Penurunan Kasus Pekerja Migran"), Some(3));
        assert_eq!(heading_level("b. Evaluasi Kinerja"), Some(3));
        assert_eq!(heading_level("LATAR BELAKANG"), Some(1));
    }

    #[test]
    fn sentences_are_not_headings() {
        assert_eq!(heading_level("Realisasi tahun ini mencapai 80%."), None);
        assert_eq!(heading_level("Rincian sebagai berikut:"), None);
        assert_eq!(heading_level("Kepala,"), None);
        assert_eq!(heading_level("Tabel 3.1\nJudul"), None);
    }
}
