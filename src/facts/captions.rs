//! The captions of a report's tables and figures, in order: "Tabel 3.16" / title,
//! "**Gambar 2**" / title. (Lists of tables and figures are contents, not captions.)

use crate::document::{Block, BlockKind, Document};
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

/// A caption: its kind, its number, its title and where they stand.
#[derive(Clone)]
pub struct Caption {
    pub kind: &'static str,
    pub number: String,
    pub title: String,
    /// The number as printed in the file.
    pub span: Span,
    pub line: usize,
}

/// "Tabel 3.16", "Gambar 2", "Grafik 3.1" at the start of a block, the number ending its
/// line or followed by the title ("Tabel 3.1 Capaian …", "Tabel 3.1: Capaian …",
/// "Tabel 1. Ringkasan …").
pub static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?P<kind>tabel|table|gambar|grafik|diagram|bagan)\s+(?P<n>\d+([.-]\d+)*[a-z]?)\.?[ \t]*(?P<sep>[:.\-–—][ \t]*)?(?P<title>[^\n]*)")
        .expect("a valid pattern")
});
/// "Lanjutan Tabel 3.6", "Sambungan Tabel 3.6": the rest of a table begun earlier.
static CONTINUED_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*(lanjutan|sambungan)\s+").expect("a valid pattern"));
/// "(lanjutan)" before the title: "Tabel 3.3 (lanjutan) Capaian …".
static CONTINUED_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[(\[]\s*(lanjutan|sambungan|lanj\.?)\s*[)\]]").expect("a valid pattern")
});
/// "(lanjutan)", "Lanjutan", "(sambungan)", "lanj.", "continued" as the title, or at its end.
static CONTINUED_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(^|[\s(\[–—-])(lanjutan|sambungan|lanj\.?|continued)\s*[)\]]?\.?$")
        .expect("a valid pattern")
});

/// The captions of the report, in order: those of its tables, and blocks that start like
/// a figure's caption.
pub fn captions(doc: &Document) -> Vec<Caption> {
    let mut out = Vec::new();
    for (i, block) in doc.blocks.iter().enumerate() {
        // A caption may sit in a list item, with its table, in a numbered list.
        if !matches!(
            block.kind,
            BlockKind::Paragraph | BlockKind::Heading { .. } | BlockKind::ListItem
        ) {
            continue;
        }
        if let Some(caption) = caption_of(doc, block, doc.blocks.get(i + 1)) {
            out.push(caption);
        }
    }
    out
}

fn caption_of(doc: &Document, block: &Block, next: Option<&Block>) -> Option<Caption> {
    // In a list item, the caption may follow the item's own paragraphs.
    let item_skip = if block.kind == BlockKind::ListItem {
        let mut offset = 0;
        let mut found = None;
        for line in block.text.split_inclusive('\n') {
            if CAPTION.is_match(line) {
                found = Some(offset);
                break;
            }
            offset += line.len();
        }
        found?
    } else {
        0
    };
    let whole = block.text.get(item_skip..)?;
    // A caption is short; a paragraph that merely starts with "Tabel 3.1" is prose.
    if whole.len() > 400 || whole.lines().count() > 6 {
        return None;
    }
    // A figure's caption may share its paragraph with the image above it (whose
    // description is the first line of the text), or be that description itself.
    let source = doc.source.text.get(block.span.range()).unwrap_or_default();
    let skip = if source.trim_start().starts_with("![") && !CAPTION.is_match(&block.text) {
        block.text.find('\n').map_or(block.text.len(), |i| i + 1)
    } else {
        item_skip
    };
    let text = block.text.get(skip..)?;
    if CONTINUED_BEFORE.is_match(text) {
        return None;
    }
    let caps = CAPTION.captures(text)?;
    let kind = kind_of(caps.name("kind")?.as_str());
    let first_title = caps.name("title").map_or("", |t| t.as_str().trim());
    // A sentence about a table ("Tabel 3.1 menunjukkan …", "Tabel 3.2 di atas …") goes on
    // with a word in small letters; a caption's title starts with a capital, a digit, a
    // bracket or a word such as "e-Katalog".
    let first_word = first_title.split_whitespace().next().unwrap_or_default();
    if first_word.chars().next().is_some_and(char::is_lowercase)
        && !first_word.chars().any(char::is_uppercase)
    {
        return None;
    }
    // "Tabel 3.2–3.4 menyajikan …": a range of tables.
    if caps.name("sep").is_some_and(|s| s.as_str().trim() != ":" && s.as_str().trim() != ".")
        && first_title.starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    // "Tabel 3.2 (Lanjutan)" over the title, or before it: the same table on the next page.
    if CONTINUED_TITLE.is_match(first_title) || CONTINUED_FIRST.is_match(first_title) {
        return None;
    }
    // A title under the number may run over several lines ("Perbandingan Capaian …" /
    // "Tahun 2020 sampai Tahun 2024"), or stand alone in the next block.
    let mut title = std::iter::once(first_title)
        .chain(text.lines().skip(1).map(str::trim))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if title.is_empty() {
        title = next.and_then(title_block).unwrap_or_default();
    }
    // "Tabel 3.6 (lanjutan)": the same table on the next page.
    if CONTINUED_TITLE.is_match(&title) {
        return None;
    }
    let n = caps.name("n")?;
    let span = block.map.to_source(Span::new(skip + n.start(), skip + n.end()));
    Some(Caption {
        kind,
        number: n.as_str().to_string(),
        title,
        span,
        line: doc.source.line_col(span.start()).line,
    })
}

/// The text of a block that can be the title of a caption above it: one short line that
/// is not a sentence.
fn title_block(block: &Block) -> Option<String> {
    let text = block.text.trim();
    let is_title = matches!(block.kind, BlockKind::Paragraph | BlockKind::Heading { .. })
        && !text.contains('\n')
        && !text.is_empty()
        && text.split_whitespace().count() <= 20
        && !text.ends_with([':', ';'])
        && !CAPTION.is_match(text);
    is_title.then(|| text.to_string())
}

/// The kind a caption word names, as periksa writes it: "TABEL", "table" → "Tabel".
pub fn kind_of(word: &str) -> &'static str {
    match word.to_lowercase().as_str() {
        "tabel" | "table" => "Tabel",
        "gambar" => "Gambar",
        "grafik" => "Grafik",
        "diagram" => "Diagram",
        _ => "Bagan",
    }
}
