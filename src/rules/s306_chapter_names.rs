//! # S306 `chapter-name-mismatch`
//!
//! A chapter named in prose by a title its heading does not have: "Bab IV – Penutup" in
//! the outline of the report, where the heading reads "BAB IV – PERMASALAHAN DAN TINDAK
//! LANJUT".
//!
//! ## What it checks
//!
//! A sentence that names a chapter by number and title ("Bab II – Perencanaan Kinerja,
//! menguraikan …", "BAB III AKUNTABILITAS KINERJA berisi …", "Bab I (Pendahuluan)") is
//! held to the heading of that chapter. Titles are compared by their words, as a reader
//! compares them: capitals, dashes and a shortened title ("Penutup" for "Penutup dan
//! Saran") are no finding. A chapter number that no heading has is reported when the
//! report's chapter headings are known.
//!
//! ## Limits
//!
//! The title must be set off from the number (a dash, a colon, brackets), or be written
//! in capitals, or open the sentence; otherwise the words after "Bab III" may be the
//! sentence's own ("pada Bab III Renstra Dinas ditetapkan …") and nothing is said.
//! "Bab ini", "bab sebelumnya" and a number without a title are not checked, nor a
//! chapter of another document ("Bab VII RPJMD 2021–2026", "Renstra Dinas (Bab IV:
//! Tujuan dan Sasaran)"), nor one word in capitals ("BAB III LAKIP ini").
//!
//! ## Example
//!
//! ```text
//! Bab IV – Penutup, pada Bab ini diuraikan simpulan umum atas capaian kinerja.
//! …
//! BAB IV – PERMASALAHAN DAN TINDAK LANJUT
//! ```

use super::support::finding;
use super::Context;
use crate::diagnostics::{Finding, Label};
use crate::document::{BlockKind, Document};
use crate::facts::chapters::{chapter_number, chapters, Chapter};

use crate::facts::titles::same_title;
use crate::knowledge::Names;
use crate::msg;
use crate::span::Span;
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

const CODE: &str = "S306";

/// "Bab IV", "BAB 2", followed by how the title is set off.
static MENTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?i:bab)\s+(?P<n>[IVXL]+|\d{1,2})\b(?P<sep>\s*[–—:-]\s*|\s*\(\s*|\s+)")
        .expect("a valid pattern")
});
/// List markers and emphasis before the first word of a sentence.
static OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s>*_+-]*(\d{1,2}[.)]|[a-zA-Z][.)])?[\s*_]*").expect("a valid pattern")
});

/// A title that is another document's name ("Bab VII RPJMD 2021–2026", "Bab III Laporan
/// Kinerja ini"), a part of the chapter ("Bab III (Tabel 3.2)", "Bab III Bagian A") or
/// another chapter ("Bab II–III").
static OTHER_DOCUMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(renstra|rencana|rpjmd|rpjmn|rkpd|renja|lakip|lkjip|lkj|laporan|peraturan|permen\w*|undang|uu|pedoman|juknis|lampiran|dokumen|buku|tabel|gambar|grafik|diagram|bagan|bagian|subbab|sub|butir|poin|halaman|hal|[IVXL]+\b|\d)")
        .expect("a valid pattern")
});
/// Another document named just before the chapter: "Renstra BPBD 2021–2026 (Bab IV: …)",
/// "Lampiran Peraturan Menteri … Bab II".
static OTHER_DOCUMENT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(renstra|rencana strategis|rpjmd|rpjmn|rkpd|renja|peraturan|permen\w*|undang-undang|uu|pedoman|petunjuk|juknis|panduan|lampiran|dokumen)\b[^.;]{0,90}$")
        .expect("a valid pattern")
});

/// The words of [`OTHER_DOCUMENT_BEFORE`], anywhere.
static OTHER_DOCUMENT_BEFORE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(renstra|rencana strategis|rpjmd|rpjmn|rkpd|renja|peraturan|permen\w*|undang-undang|pedoman|petunjuk|juknis|panduan|dokumen)\b")
        .expect("a valid pattern")
});

/// Little words a chapter title may have between its capitalised words.
const JOINING_WORDS: &[&str] = &["dan", "serta", "&", "di", "atas", "ke", "untuk", "dari"];
/// Capitalised words after "Bab N" that are no title.
const NOT_TITLES: &[&str] = &["ini", "tersebut", "berikut", "sebelumnya", "selanjutnya"];

pub fn check(ctx: &Context, findings: &mut Vec<Finding>) {
    let headings = chapters(ctx.doc);
    if headings.is_empty() {
        return;
    }
    let quoted = other_outlines(ctx.doc);
    for &sentence in &ctx.sentences {
        if quoted.contains(&sentence.block.span.start()) {
            continue;
        }
        let text = sentence.text(ctx.doc);
        let opening = OPENING.find(text).map_or(0, |m| m.end());
        for caps in MENTION.captures_iter(text) {
            let (Some(all), Some(n), Some(sep)) = (caps.get(0), caps.name("n"), caps.name("sep"))
            else {
                continue;
            };
            let Some(number) = chapter_number(n.as_str()) else { continue };
            let Some((start, end)) = title_after(text, all.end()) else { continue };
            let title = &text[start..end];
            let set_off = !sep.as_str().trim().is_empty();
            // "BAB III LAKIP ini": one word in capitals is a name, not a title.
            let in_capitals =
                !title.chars().any(char::is_lowercase) && title.split_whitespace().count() > 1;
            if !(set_off || in_capitals || all.start() == opening)
                || OTHER_DOCUMENT.is_match(title)
                || OTHER_DOCUMENT_BEFORE.is_match(&text[..all.start()])
            {
                continue;
            }
            let span = Span::new(sentence.span.start() + start, sentence.span.start() + end);
            if let Some(f) =
                compare(&ctx.knowledge.names, &headings, number, n.as_str(), title, span)
            {
                findings.push(f);
            }
        }
    }
}

/// The blocks of another document's outline: the short lines or list items after a
/// paragraph that ends "Dokumen Renstra … disusun dengan sistematika sebagai berikut:".
fn other_outlines(doc: &Document) -> HashSet<usize> {
    let mut out = HashSet::new();
    let mut quoting = false;
    for block in &doc.blocks {
        let text = block.text.trim();
        match block.kind {
            BlockKind::Paragraph | BlockKind::ListItem if quoting && text.len() <= 200 => {
                out.insert(block.span.start());
            }
            BlockKind::Paragraph if text.ends_with(':') => {
                let last = text.rfind(['.', '!', '?']).map_or(text, |i| &text[i + 1..]);
                quoting = OTHER_DOCUMENT_BEFORE_WORDS.is_match(last)
                    && !last.to_lowercase().contains("laporan");
            }
            _ => quoting = false,
        }
    }
    out
}

/// The title after a chapter number: capitalised words, with little joining words
/// between them, up to punctuation or a word in small letters.
fn title_after(text: &str, from: usize) -> Option<(usize, usize)> {
    let rest = text.get(from..)?;
    let mut end = None;
    let mut words = rest.split_whitespace().peekable();
    let mut offset = from;
    let mut count = 0;
    while let Some(word) = words.next() {
        let at = offset + text.get(offset..)?.find(word)?;
        offset = at + word.len();
        let bare = word.trim_end_matches([',', '.', ';', ':', ')', '”', '"']);
        let stops = bare.len() < word.len();
        let capitalised = bare.chars().next().is_some_and(char::is_uppercase);
        let joins = JOINING_WORDS.contains(&bare)
            && words.peek().is_some_and(|next| next.chars().next().is_some_and(char::is_uppercase));
        if bare.is_empty() || !(capitalised || (joins && end.is_some())) {
            break;
        }
        if count == 0 && NOT_TITLES.contains(&bare.to_lowercase().as_str()) {
            return None;
        }
        count += 1;
        if capitalised {
            end = Some(at + bare.len());
        }
        if stops || count >= 8 {
            break;
        }
    }
    let end = end?;
    let start = from + (rest.len() - rest.trim_start().len());
    (start < end).then_some((start, end))
}

fn compare(
    names: &Names,
    headings: &[Chapter],
    number: u32,
    numeral: &str,
    title: &str,
    span: Span,
) -> Option<Finding> {
    let same_number: Vec<&Chapter> = headings.iter().filter(|h| h.number == number).collect();
    let Some(heading) = same_number.last() else {
        // Only a report whose chapters are all known can miss one.
        if headings.len() < 2 {
            return None;
        }
        let numerals: Vec<&str> = headings.iter().map(|h| h.numeral.as_str()).collect();
        return Some(
            finding(
                CODE,
                msg!("s306.message-no-chapter", numeral, title),
                Label::new(span, msg!("s306.label-no-chapter")),
            )
            .with_note(msg!("s306.note-chapters", numerals = numerals.join(", "))),
        );
    };
    if same_number.iter().any(|h| same_title(names, title, &h.title)) {
        return None;
    }
    Some(
        finding(
            CODE,
            msg!(
                "s306.message-titled-otherwise",
                numeral,
                title,
                line = heading.line,
                heading = heading.title
            ),
            Label::new(span, msg!("s306.label-named", numeral, title)),
        )
        .with_related(Label::new(heading.span, msg!("s306.label-heading")))
        .with_values(heading.title.clone(), title),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title(text: &str) -> Option<&str> {
        let caps = MENTION.captures(text)?;
        let (start, end) = title_after(text, caps.get(0)?.end())?;
        Some(&text[start..end])
    }

    #[test]
    fn titles_after_chapter_numbers() {
        assert_eq!(title("Bab IV – Penutup, pada Bab ini diuraikan"), Some("Penutup"));
        assert_eq!(
            title("Bab IV – Permasalahan dan Tindak Lanjut, memuat"),
            Some("Permasalahan dan Tindak Lanjut")
        );
        assert_eq!(title("BAB III AKUNTABILITAS KINERJA berisi"), Some("AKUNTABILITAS KINERJA"));
        assert_eq!(title("Bab I (Pendahuluan) menjelaskan"), Some("Pendahuluan"));
        assert_eq!(title("diuraikan pada Bab III laporan ini"), None);
        assert_eq!(title("pada Bab II Ini"), None);
        assert_eq!(title("Bab I Pendahuluan dan"), Some("Pendahuluan"));
    }
}
