//! Byte spans into the original file, and the line index that turns them into the
//! 1-based line and character column that people and editors read.
//!
//! Every block, cell and figure periksa reads keeps a [`Span`] into the file *as it is on
//! disk* (BOM and CRLF included), so a finding can always point at the exact bytes.

use serde::Serialize;

/// A half-open byte range `[start, end)` into the original file.
///
/// Held as two `u32`s: every cell, figure and block keeps one or more, and half the size
/// is megabytes on a large report. A report is at most [`Span::MAX_FILE`] bytes (a larger
/// file is refused when it is read), so every offset fits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    start: u32,
    end: u32,
}

impl Span {
    /// The largest report, in bytes, whose offsets a span can hold.
    pub const MAX_FILE: usize = u32::MAX as usize;

    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        debug_assert!(end <= Span::MAX_FILE, "span {start}..{end} is past the largest file");
        // Files past MAX_FILE are refused when read; saturating keeps a span in range
        // should one ever be made from elsewhere.
        let at = |offset: usize| u32::try_from(offset).unwrap_or(u32::MAX);
        Span { start: at(start), end: at(end) }
    }

    pub fn start(self) -> usize {
        self.start as usize
    }

    pub fn end(self) -> usize {
        self.end as usize
    }

    /// The span shifted right by `base` bytes: used when a piece of text was read on its
    /// own (a cell, a paragraph) and its offsets must be made file-relative.
    pub fn offset(self, base: usize) -> Self {
        Span::new(self.start() + base, self.end() + base)
    }

    pub fn len(self) -> usize {
        self.end() - self.start()
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The smallest span that covers both.
    pub fn cover(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start()..self.end()
    }
}

/// A 1-based line and a 1-based column counted in characters (not bytes), as the JSON
/// contract promises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// Where each line starts, so that byte offsets become line/column in O(log n).
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts
            .extend(text.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| i + 1));
        LineIndex { line_starts }
    }

    /// The 0-based line that holds byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts[line]
    }

    /// Line and column (both 1-based, column in characters) of byte `offset` in `text`.
    /// A byte offset inside a multi-byte character counts as that character; a byte-order
    /// mark at the start of the file is not a column.
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let offset = offset.min(text.len());
        let line = self.line_of(offset);
        let mut start = self.line_start(line);
        if line == 0 && text.starts_with('\u{feff}') {
            start = start.max(3).min(offset.max(start));
        }
        let end = floor_char_boundary(text, offset).max(start);
        let column = text[start..end].chars().count() + 1;
        LineCol { line: line + 1, column }
    }
}

/// The largest char boundary not after `offset`.
pub fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "ab\nPerluasan – 51,20\n";
        let index = LineIndex::new(text);
        let at = text.find("51,20").unwrap();
        assert_eq!(index.line_col(text, at), LineCol { line: 2, column: 13 });
    }

    #[test]
    fn bom_is_not_a_column() {
        let text = "\u{feff}Tabel 1";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 3), LineCol { line: 1, column: 1 });
        assert_eq!(index.line_col(text, 9), LineCol { line: 1, column: 7 });
    }

    #[test]
    fn crlf_lines() {
        let text = "a\r\nb\r\n";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 3), LineCol { line: 2, column: 1 });
    }
}
