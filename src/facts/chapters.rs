//! The chapters of a report and their lettered sections, as their headings name them:
//! `BAB III – AKUNTABILITAS KINERJA`, then `A. CAPAIAN KINERJA ORGANISASI`.

use crate::document::{Block, BlockKind, Document};
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

/// "BAB III – AKUNTABILITAS KINERJA", "Bab 2. Perencanaan Kinerja", "BAB IV" (the title on
/// the next line).
pub static CHAPTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:bab)\s+(?P<n>[IVXL]+|\d{1,2})\b[\s.:–—-]*(?P<title>[^\n]*)")
        .expect("a valid pattern")
});
/// "A. CAPAIAN KINERJA ORGANISASI".
pub static SECTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<letter>[A-H])\.\s+(?P<title>\S[^\n]*)").expect("a valid pattern")
});

/// A chapter heading: its number, its title as printed, and where they stand.
#[derive(Debug, Clone)]
pub struct Chapter {
    pub number: u32,
    /// The numeral as printed ("IV", "4").
    pub numeral: String,
    pub title: String,
    /// The heading's numeral and title as printed.
    pub span: Span,
    pub line: usize,
    pub sections: Vec<Section>,
}

/// A lettered section heading inside a chapter.
#[derive(Debug, Clone)]
pub struct Section {
    pub letter: char,
    pub title: String,
    pub span: Span,
    pub line: usize,
}

/// The value of a chapter numeral: "IV" → 4, "12" → 12.
pub fn chapter_number(numeral: &str) -> Option<u32> {
    if let Ok(n) = numeral.parse::<u32>() {
        return Some(n);
    }
    let value = |c: char| match c.to_ascii_uppercase() {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        _ => None,
    };
    let digits: Vec<u32> = numeral.chars().map(value).collect::<Option<_>>()?;
    let mut total = 0;
    for (i, d) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|next| next > d) {
            total -= *d as i64;
        } else {
            total += *d as i64;
        }
    }
    u32::try_from(total).ok().filter(|n| *n > 0)
}

/// The chapters of the report in order, each with its lettered sections.
///
/// In plain text, headings are guessed, and an outline of the report ("BAB I
/// PENDAHULUAN" / one paragraph / "BAB II …" inside chapter I) or a lettered list ("A.
/// Direktur", "B. Bagian Tata Usaha" under a section B) looks like headings too. Such runs
/// start the numbering again; a guessed heading is kept only when it goes on from the
/// chapter or section before it, and a run that starts again is skipped until its
/// numbers fall back.
pub fn chapters(doc: &Document) -> Vec<Chapter> {
    let mut out: Vec<Chapter> = Vec::new();
    let mut chapter_order = Order::default();
    let mut section_order = Order::default();
    // A heading such as LAMPIRAN at the level of the chapters ends the last chapter.
    let mut open_level: Option<u8> = None;
    for (i, block) in doc.blocks.iter().enumerate() {
        if let Some(chapter) = chapter_heading(doc, block, doc.blocks.get(i + 1)) {
            if chapter_order.keeps(chapter.number, is_marked_heading(block)) {
                out.push(chapter);
                section_order = Order::default();
                open_level = Some(heading_level(block));
            }
            continue;
        }
        let Some(level) = open_level else { continue };
        if !block.is_heading() {
            continue;
        }
        if let Some(section) = section_heading(doc, block) {
            let letter = u32::from(section.letter);
            if section_order.keeps(letter, is_marked_heading(block)) {
                if let Some(chapter) = out.last_mut() {
                    chapter.sections.push(section);
                }
            }
        } else if heading_level(block) <= level || is_back_matter(block) {
            open_level = None;
        }
    }
    out
}

/// Headings numbered in order, and runs that start again (an outline, a list).
#[derive(Default)]
struct Order {
    last: u32,
    /// The last number of a run that started again, while it goes on.
    run: Option<u32>,
}

impl Order {
    /// Is a heading numbered `n` the next of its series? A heading marked in the file
    /// always is.
    fn keeps(&mut self, n: u32, marked: bool) -> bool {
        if marked {
            self.last = n;
            self.run = None;
            return true;
        }
        if let Some(run) = self.run {
            if n > run {
                self.run = Some(n);
                return false;
            }
            self.run = None;
        }
        if n > self.last {
            self.last = n;
            true
        } else {
            self.run = Some(n);
            false
        }
    }
}

/// LAMPIRAN, DAFTAR PUSTAKA: what follows the last chapter, at whatever level.
fn is_back_matter(block: &Block) -> bool {
    let text = block.text.trim().trim_matches('*').trim().to_uppercase();
    text.starts_with("LAMPIRAN") || text.starts_with("DAFTAR PUSTAKA")
}

/// A heading marked as one in the file (`#`), not guessed from plain text.
fn is_marked_heading(block: &Block) -> bool {
    matches!(block.kind, BlockKind::Heading { inferred: false, .. })
}

/// The level of a heading; a chapter line standing alone counts as the top level.
fn heading_level(block: &Block) -> u8 {
    match block.kind {
        BlockKind::Heading { level, .. } => level,
        _ => 1,
    }
}

/// A block that is a chapter heading: a heading, or a short line standing alone.
fn chapter_heading(doc: &Document, block: &Block, next: Option<&Block>) -> Option<Chapter> {
    let standing_alone = match block.kind {
        BlockKind::Heading { .. } => true,
        BlockKind::Paragraph => {
            let first = block.text.lines().next().unwrap_or_default().trim();
            first.split_whitespace().count() <= 12 && !first.ends_with(['.', ',', ';', ':'])
        }
        _ => false,
    };
    if !standing_alone {
        return None;
    }
    let caps = CHAPTER.captures(&block.text)?;
    let n = caps.name("n")?;
    let number = chapter_number(n.as_str())?;
    let mut title = caps.name("title").map(|t| t.as_str().trim().to_string()).unwrap_or_default();
    if title.is_empty() {
        // "BAB IV" with its title on the next line, or in the next heading.
        title = block.text.lines().nth(1).unwrap_or_default().trim().to_string();
        if title.is_empty() {
            if let Some(next) = next.filter(|b| b.is_heading() && !CHAPTER.is_match(&b.text)) {
                title = next.text.trim().to_string();
            }
        }
    }
    let end = caps.get(0).map_or(n.end(), |m| m.end());
    let span = block.map.to_source(Span::new(n.start(), end));
    let numeral_span = block.map.to_source(Span::new(n.start(), n.end()));
    Some(Chapter {
        number,
        numeral: n.as_str().to_string(),
        title,
        span: if span.is_empty() { numeral_span } else { span },
        line: doc.source.line(numeral_span.start),
        sections: Vec::new(),
    })
}

fn section_heading(doc: &Document, block: &Block) -> Option<Section> {
    let caps = SECTION.captures(&block.text)?;
    let letter = caps.name("letter")?;
    let all = caps.get(0)?;
    let span = block.map.to_source(Span::new(letter.start(), all.end()));
    Some(Section {
        letter: letter.as_str().chars().next()?,
        title: caps.name("title")?.as_str().trim().to_string(),
        span,
        line: doc.source.line(span.start),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals() {
        assert_eq!(chapter_number("IV"), Some(4));
        assert_eq!(chapter_number("iii"), Some(3));
        assert_eq!(chapter_number("IX"), Some(9));
        assert_eq!(chapter_number("12"), Some(12));
        assert_eq!(chapter_number("ABC"), None);
    }

    #[test]
    fn runs_that_start_again_are_skipped() {
        let mut order = Order::default();
        // Chapter I, an outline I–IV inside it, then chapters II and III.
        let kept: Vec<bool> =
            [1, 1, 2, 3, 4, 2, 3].iter().map(|&n| order.keeps(n, false)).collect();
        assert_eq!(kept, [true, false, false, false, false, true, true]);
        // Sections A, B, a list A–D under B, then section C.
        let mut order = Order::default();
        let kept: Vec<bool> =
            [1, 2, 1, 2, 3, 4, 3].iter().map(|&n| order.keeps(n, false)).collect();
        assert_eq!(kept, [true, true, false, false, false, false, true]);
    }

    #[test]
    fn chapter_lines() {
        let caps = CHAPTER.captures("BAB IV – PERMASALAHAN DAN TINDAK LANJUT").unwrap();
        assert_eq!(&caps["n"], "IV");
        assert_eq!(&caps["title"], "PERMASALAHAN DAN TINDAK LANJUT");
        let caps = CHAPTER.captures("Bab 2. Perencanaan Kinerja").unwrap();
        assert_eq!(&caps["title"], "Perencanaan Kinerja");
        assert!(CHAPTER.captures("Babak baru").is_none());
    }
}
