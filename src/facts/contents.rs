//! The entries of a report's lists of contents (DAFTAR ISI, DAFTAR TABEL, DAFTAR GAMBAR),
//! each read as what it names: a table or figure by number ("Tabel 3.17 Perbandingan …"),
//! a chapter ("BAB IV PERMASALAHAN …"), a lettered section ("A. Permasalahan"), or
//! something else (KATA PENGANTAR, LAMPIRAN), with its page number left out.

use super::captions::{kind_of, CAPTION};
use super::chapters::{chapter_number, CHAPTER, SECTION};
use crate::document::{ContentsEntry, Document};
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

/// What an entry names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Named {
    /// A table or figure: its kind ("Tabel", "Gambar") and number.
    Caption {
        kind: &'static str,
        number: String,
    },
    Chapter {
        number: u32,
    },
    Section {
        letter: char,
    },
    Other,
}

/// One entry of a list of contents.
#[derive(Debug, Clone)]
pub struct Entry {
    pub named: Named,
    pub title: String,
    /// The number or numeral as printed ("3.17", "IV", "A"); the whole text when none.
    pub label_span: Span,
    /// The whole entry as printed.
    pub span: Span,
    pub line: usize,
}

/// Dot leaders and the page number after them: "…… 14", "....... iii". (Without leaders
/// a last number may be the title's own: "Tahun 2024", "Utama VIII".)
static PAGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*[.…_]{3,}\s*(\d{1,4}|[ivxlc]{1,6})?\s*$").expect("a valid pattern")
});

/// The entries of every list of contents, in order.
pub fn entries(doc: &Document) -> Vec<Entry> {
    doc.contents.iter().flat_map(|list| list.entries.iter().filter_map(|e| entry(doc, e))).collect()
}

fn entry(doc: &Document, raw: &ContentsEntry) -> Option<Entry> {
    // The entry's cells joined by a space, remembering where each cell starts in the file.
    let mut text = String::new();
    let mut starts: Vec<(usize, usize)> = Vec::new();
    let cells: Vec<&(String, Span)> =
        raw.cells.iter().filter(|(t, _)| !t.trim().is_empty()).collect();
    for (i, (_, span)) in cells.iter().enumerate() {
        let cell = doc.source.text.get(span.start()..span.end())?;
        // The last cell of several is the page number ("14", "iii", "HAL").
        if i + 1 == cells.len() && i > 0 && is_page(cell) {
            break;
        }
        if !text.is_empty() {
            text.push(' ');
        }
        starts.push((text.len(), span.start()));
        text.push_str(cell);
    }
    // A page number after dot leaders in the same cell.
    let cut = PAGE.find(&text).map_or(text.len(), |m| m.start());
    text.truncate(cut);
    let to_file = |offset: usize| -> usize {
        let (text_start, file_start) = starts
            .iter()
            .rev()
            .find(|(t, _)| *t <= offset)
            .copied()
            .unwrap_or((0, raw.span.start()));
        file_start + (offset - text_start)
    };
    let text_span =
        |start: usize, end: usize| Span::new(to_file(start), to_file(start) + (end - start));
    let line = doc.source.line(raw.span.start());
    let trimmed = text.trim_start();
    let lead = text.len() - trimmed.len();

    if let Some(caps) = CAPTION.captures(&text) {
        let (kind, n) = (caps.name("kind")?, caps.name("n")?);
        return Some(Entry {
            named: Named::Caption { kind: kind_of(kind.as_str()), number: n.as_str().to_string() },
            title: caps.name("title").map(|t| t.as_str().trim().to_string()).unwrap_or_default(),
            label_span: text_span(n.start(), n.end()),
            span: raw.span,
            line,
        });
    }
    if let Some(caps) = CHAPTER.captures(trimmed) {
        let n = caps.name("n")?;
        return Some(Entry {
            named: Named::Chapter { number: chapter_number(n.as_str())? },
            title: caps.name("title").map(|t| t.as_str().trim().to_string()).unwrap_or_default(),
            label_span: text_span(lead + n.start(), lead + n.end()),
            span: raw.span,
            line,
        });
    }
    if let Some(caps) = SECTION.captures(trimmed) {
        let letter = caps.name("letter")?;
        return Some(Entry {
            named: Named::Section { letter: letter.as_str().chars().next()? },
            title: caps.name("title").map(|t| t.as_str().trim().to_string()).unwrap_or_default(),
            label_span: text_span(lead + letter.start(), lead + letter.end()),
            span: raw.span,
            line,
        });
    }
    Some(Entry {
        named: Named::Other,
        title: trimmed.trim_end().to_string(),
        label_span: text_span(lead, text.trim_end().len().max(lead)),
        span: raw.span,
        line,
    })
}

/// "14", "iii", "HAL", "Halaman": what stands in a list's page column.
fn is_page(cell: &str) -> bool {
    let cell = cell.trim();
    cell.eq_ignore_ascii_case("hal")
        || cell.eq_ignore_ascii_case("hal.")
        || cell.eq_ignore_ascii_case("halaman")
        || (cell.len() <= 6
            && (cell.chars().all(|c| c.is_ascii_digit())
                || cell.chars().all(|c| "ivxlcIVXLC".contains(c))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_cells() {
        assert!(is_page("14") && is_page("iii") && is_page("HAL"));
        assert!(!is_page("Struktur Organisasi"));
    }

    #[test]
    fn page_numbers_after_leaders_are_cut() {
        let text = "Capaian Kinerja ........ 14";
        assert_eq!(&text[..PAGE.find(text).unwrap().start()], "Capaian Kinerja");
        for text in ["BAB IV PENUTUP", "Capaian Indikator Kinerja Utama VIII", "Tahun 2024"] {
            assert!(PAGE.find(text).is_none(), "{text}");
        }
    }
}
