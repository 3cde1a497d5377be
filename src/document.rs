//! The document model: what periksa understood of a report, every piece with its span.

use crate::diagnostics::Finding;
use crate::figures::{Figure, Locale};
use crate::read::SourceFile;
use crate::span::Span;
use crate::tables::Table;

/// A report as read: its blocks in order, its tables, the figures in its prose, and the
/// findings the reading itself produced (a row that could not be aligned, say).
#[derive(Debug)]
pub struct Document {
    pub source: SourceFile,
    pub locale: Locale,
    pub blocks: Vec<Block>,
    pub tables: Vec<Table>,
    /// Lists of contents (DAFTAR ISI, DAFTAR TABEL, DAFTAR GAMBAR) written as tab tables.
    pub contents: Vec<ContentsList>,
    /// Findings about the reading itself (P0xx).
    pub reading_findings: Vec<Finding>,
}

impl Document {
    /// The prose figures of every block, with file spans.
    pub fn prose_figures(&self) -> impl Iterator<Item = (&Block, &Figure)> {
        self.blocks.iter().flat_map(|b| b.figures.iter().map(move |f| (b, f)))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading: from Markdown (`#`), or inferred in plain text (`BAB III …`, `A. …`).
    Heading {
        level: u8,
        inferred: bool,
    },
    Paragraph,
    ListItem,
    /// A table; the number is its index in [`Document::tables`]. A continued table has one
    /// block per part, all with the same index.
    Table(usize),
    /// A list of contents; the index into [`Document::contents`].
    Contents(usize),
    /// Raw HTML (comments included): kept for suppressions, never read for figures.
    Html,
    /// A code block: never read for figures.
    Code,
}

/// One block of the report with its plain text (markup removed) and a map from that text
/// back to the file.
#[derive(Debug, Clone)]
pub struct Block {
    pub kind: BlockKind,
    pub span: Span,
    /// The text as a reader sees it: emphasis markers and list markers removed, line
    /// breaks kept as `\n`.
    pub text: String,
    pub map: TextMap,
    /// Figures in this block's text, with file spans.
    pub figures: Vec<Figure>,
}

impl Block {
    pub fn is_heading(&self) -> bool {
        matches!(self.kind, BlockKind::Heading { .. })
    }
}

/// Maps offsets in a block's plain text to byte offsets in the file.
#[derive(Debug, Clone, Default)]
pub struct TextMap {
    pieces: Vec<Piece>,
}

/// `len` bytes of plain text from `text_start` stand for the file bytes from
/// `source_start`. When `exact` is false (an escape or entity was decoded) the piece
/// maps as a whole to `source_start..source_end`.
#[derive(Debug, Clone, Copy)]
struct Piece {
    text_start: usize,
    len: usize,
    source_start: usize,
    source_end: usize,
    exact: bool,
}

impl TextMap {
    /// Appends a piece: `text_len` bytes of plain text standing for `source`.
    pub fn push(&mut self, text_start: usize, text_len: usize, source: Span, exact: bool) {
        let exact = exact && text_len == source.len();
        // A paragraph comes from the Markdown reader in many pieces (it splits its text at
        // every character that might open an inline), most of them following on in both
        // the text and the file: one piece maps them all alike, and a paragraph keeps a
        // few pieces instead of dozens.
        if let Some(last) = self.pieces.last_mut() {
            let follows =
                last.text_start + last.len == text_start && last.source_end == source.start();
            if exact && last.exact && follows {
                last.len += text_len;
                last.source_end = source.end();
                return;
            }
        }
        self.pieces.push(Piece {
            text_start,
            len: text_len,
            source_start: source.start(),
            source_end: source.end(),
            exact,
        });
    }

    /// Frees the room the pieces grew into: a block's map lives as long as the document.
    pub fn shrink_to_fit(&mut self) {
        self.pieces.shrink_to_fit();
    }

    fn piece_at(&self, offset: usize) -> Option<&Piece> {
        let i = self.pieces.partition_point(|p| p.text_start + p.len <= offset);
        self.pieces.get(i).or(self.pieces.last())
    }

    /// The file span of `text[span]`.
    pub fn to_source(&self, span: Span) -> Span {
        let Some(first) = self.piece_at(span.start()) else {
            return span;
        };
        let start = if first.exact {
            first.source_start + span.start().saturating_sub(first.text_start).min(first.len)
        } else {
            first.source_start
        };
        let last_offset = span.end().saturating_sub(1).max(span.start());
        let last = self.piece_at(last_offset).unwrap_or(first);
        let end = if last.exact {
            last.source_start + (span.end().saturating_sub(last.text_start)).min(last.len)
        } else {
            last.source_end
        };
        Span::new(start, end.max(start))
    }
}

/// A list of contents (DAFTAR ISI, DAFTAR TABEL, DAFTAR GAMBAR) and its entries.
#[derive(Debug, Clone)]
pub struct ContentsList {
    /// The heading above it, e.g. `DAFTAR TABEL`.
    pub heading: String,
    pub span: Span,
    pub entries: Vec<ContentsEntry>,
}

/// One entry: its cells as printed (title, page).
#[derive(Debug, Clone)]
pub struct ContentsEntry {
    pub span: Span,
    pub cells: Vec<(String, Span)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_map_follows_pieces() {
        // "**17.516** orang" read as "17.516 orang": two pieces.
        let mut map = TextMap::default();
        map.push(0, 6, Span::new(2, 8), true);
        map.push(6, 6, Span::new(10, 16), true);
        assert_eq!(map.to_source(Span::new(0, 12)), Span::new(2, 16));
        assert_eq!(map.to_source(Span::new(7, 12)), Span::new(11, 16));
    }

    #[test]
    fn pieces_that_follow_on_map_as_one() {
        // "Realisasi [tahun] 2024" read in three pieces that follow on in text and file,
        // then "&amp;" decoded to "&", then more text after it.
        let pieces = [
            (0, 10, Span::new(5, 15), true),
            (10, 7, Span::new(15, 22), true),
            (17, 5, Span::new(22, 27), true),
            (22, 1, Span::new(27, 32), true),
            (23, 4, Span::new(32, 36), true),
        ];
        let mut merged = TextMap::default();
        for &(at, len, span, exact) in &pieces {
            merged.push(at, len, span, exact);
        }
        // The three pieces are one; the entity stays a piece of its own (it is not exact),
        // and the text after it starts a new one.
        assert_eq!(merged.pieces.len(), 3);
        // Every span maps as it did piece by piece.
        let apart = TextMap {
            pieces: pieces
                .iter()
                .map(|&(text_start, len, span, exact)| Piece {
                    text_start,
                    len,
                    source_start: span.start(),
                    source_end: span.end(),
                    exact: exact && len == span.len(),
                })
                .collect(),
        };
        for start in 0..=27 {
            for end in start..=27 {
                let span = Span::new(start, end);
                assert_eq!(merged.to_source(span), apart.to_source(span), "{span:?}");
            }
        }
    }
}
