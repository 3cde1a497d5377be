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
/// line or followed by the title.
pub static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?P<kind>tabel|table|gambar|grafik|diagram|bagan)\s+(?P<n>\d+(\.\d+)*[a-z]?)\.?(\s+(?P<title>[^\n]*))?(\n|$)")
        .expect("a valid pattern")
});

/// The captions of the report, in order: those of its tables, and blocks that start like
/// a figure's caption.
pub fn captions(doc: &Document) -> Vec<Caption> {
    let mut out = Vec::new();
    for block in &doc.blocks {
        if !matches!(block.kind, BlockKind::Paragraph | BlockKind::Heading { .. }) {
            continue;
        }
        if let Some(caption) = caption_of(doc, block) {
            out.push(caption);
        }
    }
    out
}

fn caption_of(doc: &Document, block: &Block) -> Option<Caption> {
    let caps = CAPTION.captures(&block.text)?;
    let kind = kind_of(caps.name("kind")?.as_str());
    let title = caps.name("title").map(|t| t.as_str().trim().to_string()).unwrap_or_default();
    // A sentence that starts with a reference ("Tabel 3.1 menunjukkan bahwa …") is no
    // caption: a caption's line ends without a full stop and is short.
    let first_line = block.text.lines().next().unwrap_or_default();
    // "Tabel 3.6 (lanjutan)": the same table on the next page.
    if block.text.to_lowercase().contains("lanjutan") {
        return None;
    }
    if first_line.trim_end().ends_with('.') && first_line.split_whitespace().count() > 3
        || first_line.len() > 200
    {
        return None;
    }
    // A title under the number may run over several lines ("Perbandingan Capaian …" /
    // "Tahun 2020 sampai Tahun 2024").
    let title = if title.is_empty() {
        block.text.lines().skip(1).map(str::trim).collect::<Vec<_>>().join(" ").trim().to_string()
    } else {
        title
    };
    let n = caps.name("n")?;
    let span = block.map.to_source(Span::new(n.start(), n.end()));
    Some(Caption {
        kind,
        number: n.as_str().to_string(),
        title,
        span,
        line: doc.source.line_col(span.start).line,
    })
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
