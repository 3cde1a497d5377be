//! Tables as they stand in the file, before any interpretation: rows of cells with spans.
//! Pipe tables, tab-separated tables and HTML tables all arrive here in the same shape.

use crate::span::Span;
use compact_str::CompactString;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TableOrigin {
    /// A GFM pipe table in Markdown.
    Pipe,
    /// Lines of tab-separated cells (a Word table exported as text, or a .docx table).
    Tab,
    /// An HTML `<table>` in Markdown (what converters write for merged cells).
    Html,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawCell {
    /// The cell's text, trimmed, emphasis markers around it removed. Inline up to 24
    /// bytes, as nearly every cell's text is: no allocation, and a copy to clone.
    pub text: CompactString,
    /// The span of that text (an empty span where the cell is empty).
    pub span: Span,
    /// Whether `text` is exactly the source text under `span`. An HTML cell whose text is
    /// split by tags or holds a character reference is not: a figure read from it points
    /// at the whole cell, never at bytes inside it.
    pub exact: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawRow {
    pub span: Span,
    pub cells: Vec<RawCell>,
}

impl RawRow {
    /// Cells up to the last non-empty one.
    pub fn filled_width(&self) -> usize {
        self.cells.iter().rposition(|c| !c.text.is_empty()).map_or(0, |i| i + 1)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawTable {
    pub origin: TableOrigin,
    pub span: Span,
    pub rows: Vec<RawRow>,
    /// Rows the source itself marks as header (a pipe table's row above its delimiter).
    pub marked_header_rows: usize,
    /// A caption the table carries itself (an HTML `<caption>`).
    pub caption: Option<RawCell>,
}

/// A cell from `source[span]`: trimmed, and stripped of emphasis markers that wrap the
/// whole cell (`**51,20**`), with the span narrowed to match.
pub fn make_cell(source: &str, span: Span) -> RawCell {
    let raw = &source[span.range()];
    let trimmed_start = raw.len() - raw.trim_start().len();
    let mut start = span.start() + trimmed_start;
    let mut end = span.start() + raw.trim_end().len();
    if end < start {
        end = start;
    }
    loop {
        let text = &source[start..end];
        let marker = ["**", "__", "*", "_"]
            .into_iter()
            .find(|m| text.len() > 2 * m.len() && text.starts_with(m) && text.ends_with(m));
        match marker {
            Some(m) => {
                let inner = &source[start + m.len()..end - m.len()];
                let lead = inner.len() - inner.trim_start().len();
                let trail = inner.len() - inner.trim_end().len();
                start += m.len() + lead;
                end -= m.len() + trail;
            }
            None => break,
        }
    }
    RawCell {
        text: CompactString::from(&source[start..end]),
        span: Span::new(start, end),
        exact: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_trimmed_and_unwrapped() {
        let src = "| **51,20** |";
        let cell = make_cell(src, Span::new(1, src.len() - 1));
        assert_eq!(cell.text, "51,20");
        assert_eq!(&src[cell.span.range()], "51,20");
    }

    #[test]
    fn empty_cell_has_empty_span() {
        let src = "a\t  \tb";
        let cell = make_cell(src, Span::new(2, 4));
        assert_eq!(cell.text, "");
        assert!(cell.span.is_empty());
    }
}
