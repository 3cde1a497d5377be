//! The chapters of a report and their lettered sections, as their headings name them:
//! `BAB III – AKUNTABILITAS KINERJA`, then `A. CAPAIAN KINERJA ORGANISASI`.

use crate::document::{Block, BlockKind, Document};
use crate::span::Span;
use regex::Regex;
use std::collections::HashMap;
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
/// PENDAHULUAN" / one paragraph / "BAB II …", in the summary or inside chapter I) or a
/// lettered list ("A. Direktur", "B. Bagian Tata Usaha" under a section B) looks like
/// headings too. Such runs number again from the start. Chapters are read from the end,
/// where the real ones stand after any outline, and a guessed one is kept only when its
/// number comes before the one kept after it; sections are read from the start of their
/// chapter, and one is kept only when its letter goes on from the one before (or, after
/// a run of list items in other letters, when it is written in the capitals of the
/// sections kept). Headings marked in the file (`#`) are always kept.
pub fn chapters(doc: &Document) -> Vec<Chapter> {
    let blocks = &doc.blocks;
    let candidates: Vec<(usize, Chapter)> = blocks
        .iter()
        .enumerate()
        .filter_map(|(i, b)| chapter_heading(doc, b, blocks.get(i + 1)).map(|c| (i, c)))
        .collect();
    let mut kept = vec![false; candidates.len()];
    let mut from_the_end = Order::default();
    for (k, (i, chapter)) in candidates.iter().enumerate().rev() {
        let marked = is_marked_heading(&blocks[*i]);
        // "BAB III AKUNTABILITAS KINERJA" beside an outline item "Bab III Arah …".
        let capitals = !blocks[*i].text.chars().any(char::is_lowercase);
        kept[k] = from_the_end.keeps(u32::MAX - chapter.number, marked, capitals);
    }
    let mut chapter_at: HashMap<usize, Chapter> = candidates
        .into_iter()
        .zip(kept)
        .filter(|(_, keep)| *keep)
        .map(|((i, chapter), _)| (i, chapter))
        .collect();

    let mut out: Vec<Chapter> = Vec::new();
    let mut section_order = Order::default();
    // A heading such as LAMPIRAN at the level of the chapters ends the last chapter.
    let mut open_level: Option<u8> = None;
    for (i, block) in blocks.iter().enumerate() {
        if let Some(chapter) = chapter_at.remove(&i) {
            out.push(chapter);
            section_order = Order::default();
            open_level = Some(heading_level(block));
            continue;
        }
        let Some(level) = open_level else { continue };
        if !block.is_heading() || CHAPTER.is_match(&block.text) {
            continue;
        }
        if let Some(section) = section_heading(doc, block) {
            let letter = u32::from(section.letter);
            let capitals = !section.title.chars().any(char::is_lowercase);
            if section_order.keeps(letter, is_marked_heading(block), capitals) {
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
    /// Whether the last heading kept was in capitals.
    last_capitals: Option<bool>,
    /// The last number of a run that started again, while it goes on, and whether the
    /// run is in capitals.
    run: Option<(u32, bool)>,
}

impl Order {
    /// Is a heading numbered `n` the next of its series? A heading marked in the file
    /// always is.
    fn keeps(&mut self, n: u32, marked: bool, capitals: bool) -> bool {
        if marked {
            self.last = n;
            self.last_capitals = Some(capitals);
            self.run = None;
            return true;
        }
        if let Some((run, run_capitals)) = self.run {
            // A heading in the capitals of those kept, after a run in other letters,
            // ends the run.
            let ends_run = self.last_capitals == Some(capitals) && run_capitals != capitals;
            if n > run && !ends_run {
                self.run = Some((n, run_capitals));
                return false;
            }
            self.run = None;
        }
        if n > self.last {
            self.last = n;
            self.last_capitals = Some(capitals);
            true
        } else {
            self.run = Some((n, capitals));
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
        line: doc.source.line(numeral_span.start()),
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
        line: doc.source.line(span.start()),
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
            [1, 1, 2, 3, 4, 2, 3].iter().map(|&n| order.keeps(n, false, true)).collect();
        assert_eq!(kept, [true, false, false, false, false, true, true]);
        // Sections A, B, a list A–D under B, then section C.
        let mut order = Order::default();
        let kept: Vec<bool> =
            [1, 2, 1, 2, 3, 4, 3].iter().map(|&n| order.keeps(n, false, true)).collect();
        assert_eq!(kept, [true, true, false, false, false, false, true]);
        // Sections A, B in capitals, an outline A–B in small letters, then section C in
        // capitals: C ends the run.
        let mut order = Order::default();
        let kept: Vec<bool> = [(1, true), (2, true), (1, false), (2, false), (3, true)]
            .iter()
            .map(|&(n, capitals)| order.keeps(n, false, capitals))
            .collect();
        assert_eq!(kept, [true, true, false, false, true]);
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
