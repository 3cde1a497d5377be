//! Markdown stretches through pulldown-cmark: headings, paragraphs, list items, HTML and
//! code blocks become [`Block`]s with their plain text mapped back to the file; GFM pipe
//! tables become [`RawTable`]s.

use crate::document::{Block, BlockKind, TextMap};
use crate::span::Span;
use crate::tables::raw::{make_cell, RawRow, RawTable, TableOrigin};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// What a Markdown stretch yields, in document order.
#[derive(Debug)]
pub enum MarkdownItem {
    Block(Block),
    Table(RawTable),
}

/// Reads `text[segment]` (a stretch of the file) and appends what it finds to `out`.
pub fn read_markdown(text: &str, segment: Span, out: &mut Vec<MarkdownItem>) {
    let base = segment.start();
    let options = Options::ENABLE_TABLES | Options::ENABLE_MATH;
    let parser = Parser::new_ext(&text[segment.range()], options).into_offset_iter();

    let mut current: Option<BlockBuilder> = None;
    // Open list items; a nested list ends the text of the item that holds it.
    let mut item_depth = 0usize;
    let mut table: Option<(Span, Vec<Span>, usize)> = None; // (span, row spans, header rows)
    let mut in_code = false;

    for (event, range) in parser {
        let span = Span::new(range.start + base, range.end + base);
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                flush(&mut current, out);
                current = Some(BlockBuilder::new(
                    BlockKind::Heading { level: level as u8, inferred: false },
                    span,
                ));
            }
            Event::Start(Tag::Paragraph) => {
                if table.is_some() {
                    continue;
                }
                match &mut current {
                    // A loose list item: its paragraphs belong to the item.
                    Some(builder) if builder.kind == BlockKind::ListItem => builder.separate(),
                    _ => {
                        flush(&mut current, out);
                        current = Some(BlockBuilder::new(BlockKind::Paragraph, span));
                    }
                }
            }
            Event::Start(Tag::Item) => {
                flush(&mut current, out);
                item_depth += 1;
                current = Some(BlockBuilder::new(BlockKind::ListItem, span));
            }
            Event::Start(Tag::List(_)) => flush(&mut current, out),
            Event::End(TagEnd::Item) => {
                flush(&mut current, out);
                item_depth = item_depth.saturating_sub(1);
            }
            Event::End(TagEnd::Paragraph) | Event::End(TagEnd::Heading(_)) if item_depth == 0 => {
                flush(&mut current, out);
            }
            Event::Start(Tag::CodeBlock(_)) => {
                flush(&mut current, out);
                in_code = true;
                out.push(MarkdownItem::Block(BlockBuilder::new(BlockKind::Code, span).finish()));
            }
            Event::End(TagEnd::CodeBlock) => in_code = false,
            // Inline HTML in a table cell (`<b>…</b>`) is part of the cell, not a block
            // between the caption and its table.
            Event::Html(html) | Event::InlineHtml(html) if current.is_none() && table.is_none() => {
                let mut builder = BlockBuilder::new(BlockKind::Html, span);
                builder.push_text(&html, span, text);
                out.push(MarkdownItem::Block(builder.finish()));
            }
            Event::Start(Tag::HtmlBlock) => flush(&mut current, out),
            Event::Start(Tag::Table(_)) => {
                flush(&mut current, out);
                table = Some((span, Vec::new(), 0));
            }
            Event::Start(Tag::TableHead) => {
                if let Some((_, rows, header)) = &mut table {
                    rows.push(span);
                    *header = 1;
                }
            }
            Event::Start(Tag::TableRow) => {
                if let Some((_, rows, _)) = &mut table {
                    rows.push(span);
                }
            }
            Event::End(TagEnd::Table) => {
                if let Some((span, rows, header)) = table.take() {
                    out.push(MarkdownItem::Table(pipe_table(text, span, &rows, header)));
                }
            }
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                if in_code || table.is_some() {
                    continue;
                }
                if let Some(builder) = &mut current {
                    builder.push_text(&t, span, text);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(builder) = &mut current {
                    builder.push_break(span);
                }
            }
            _ => {}
        }
    }
    flush(&mut current, out);
}

fn flush(current: &mut Option<BlockBuilder>, out: &mut Vec<MarkdownItem>) {
    if let Some(builder) = current.take() {
        if !builder.text.trim().is_empty() {
            out.push(MarkdownItem::Block(builder.finish()));
        }
    }
}

/// Collects a block's plain text and its map to the file.
struct BlockBuilder {
    kind: BlockKind,
    span: Span,
    text: String,
    map: TextMap,
}

impl BlockBuilder {
    fn new(kind: BlockKind, span: Span) -> Self {
        BlockBuilder { kind, span, text: String::new(), map: TextMap::default() }
    }

    /// Appends `piece`, which pulldown-cmark read from `source[span]`.
    fn push_text(&mut self, piece: &str, span: Span, source: &str) {
        let raw = &source[span.range()];
        // Inline math and code spans come without their delimiters: find the content.
        // Nearly always the piece is the raw text itself: that is one comparison, not a
        // substring search (a tenth of reading a table-heavy report went to searching).
        let found = if raw.starts_with(piece) { Some(0) } else { raw.find(piece) };
        let (at, exact) = match found {
            Some(i) if !piece.is_empty() => (span.start() + i, true),
            _ => (span.start(), false),
        };
        let source_span = if exact { Span::new(at, at + piece.len()) } else { span };
        self.map.push(self.text.len(), piece.len(), source_span, exact);
        self.text.push_str(piece);
    }

    fn push_break(&mut self, span: Span) {
        self.map.push(self.text.len(), 1, Span::new(span.start(), span.start() + 1), false);
        self.text.push('\n');
    }

    /// A paragraph break inside a list item.
    fn separate(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            let at = self.span.end();
            self.map.push(self.text.len(), 1, Span::new(at, at), false);
            self.text.push('\n');
        }
    }

    fn finish(mut self) -> Block {
        // A block lives as long as the document: the room its text grew into is freed.
        self.text.shrink_to_fit();
        self.map.shrink_to_fit();
        Block {
            kind: self.kind,
            span: self.span,
            text: self.text,
            map: self.map,
            figures: Vec::new(),
        }
    }
}

/// A GFM table, its rows split from the source lines themselves: a pipe-table parser
/// drops cells beyond the header's count, but a reader sees them, and so must periksa.
fn pipe_table(text: &str, span: Span, row_spans: &[Span], header_rows: usize) -> RawTable {
    let rows = row_spans.iter().map(|s| split_pipe_row(text, line_of(text, s.start()))).collect();
    RawTable {
        origin: TableOrigin::Pipe,
        span,
        rows,
        marked_header_rows: header_rows,
        caption: None,
    }
}

/// The whole line (without its line end) that holds byte `at`.
fn line_of(text: &str, at: usize) -> Span {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let end = if end > start && text.as_bytes()[end - 1] == b'\r' { end - 1 } else { end };
    Span::new(start, end)
}

/// Splits `| a | b |` at unescaped pipes outside code spans.
fn split_pipe_row(text: &str, line: Span) -> RawRow {
    let raw = &text[line.range()];
    let lead = raw.len() - raw.trim_start().len();
    let mut content = Span::new(line.start() + lead, line.start() + raw.trim_end().len());
    if text[content.range()].starts_with('|') {
        content = Span::new(content.start() + 1, content.end());
    }
    let body = &text[content.range()];
    if body.ends_with('|') && !body.ends_with("\\|") {
        content = Span::new(content.start(), content.end() - 1);
    }
    let body = &text[content.range()];
    // One cell per pipe and one more, escaped pipes aside: sized once, not grown.
    let mut cells = Vec::with_capacity(body.bytes().filter(|&b| b == b'|').count() + 1);
    let mut cell_start = 0;
    let mut in_code = false;
    let mut escaped = false;
    for (i, ch) in body.char_indices() {
        match ch {
            '\\' if !escaped => {
                escaped = true;
                continue;
            }
            '`' if !escaped => in_code = !in_code,
            '|' if !escaped && !in_code => {
                cells.push(make_cell(
                    text,
                    Span::new(content.start() + cell_start, content.start() + i),
                ));
                cell_start = i + 1;
            }
            _ => {}
        }
        escaped = false;
    }
    cells.push(make_cell(text, Span::new(content.start() + cell_start, content.end())));
    RawRow { span: line, cells }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<MarkdownItem> {
        let mut out = Vec::new();
        read_markdown(text, Span::new(0, text.len()), &mut out);
        out
    }

    #[test]
    fn blocks_with_mapped_text() {
        let text = "# Bab I\n\nRealisasi **17.516** orang.\n\n- satu\n- dua\n";
        let items = read(text);
        let blocks: Vec<&Block> = items
            .iter()
            .filter_map(|i| match i {
                MarkdownItem::Block(b) => Some(b),
                _ => None,
            })
            .collect();
        assert_eq!(blocks.len(), 4);
        assert_eq!(blocks[0].kind, BlockKind::Heading { level: 1, inferred: false });
        assert_eq!(blocks[1].text, "Realisasi 17.516 orang.");
        let at = blocks[1].text.find("17.516").unwrap();
        let span = blocks[1].map.to_source(Span::new(at, at + 12));
        assert_eq!(&text[span.range()], "17.516** orang");
        assert_eq!(blocks[2].kind, BlockKind::ListItem);
        assert_eq!(blocks[3].text, "dua");
    }

    #[test]
    fn pipe_rows_keep_extra_cells() {
        let text = "| No | Nama |\n|---|---|\n| 1. | A | 12 | 7 |\n";
        let items = read(text);
        let MarkdownItem::Table(table) = &items[0] else { panic!("no table") };
        assert_eq!(table.rows.len(), 2);
        assert_eq!(table.marked_header_rows, 1);
        let cells: Vec<&str> = table.rows[1].cells.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(cells, ["1.", "A", "12", "7"]);
        assert_eq!(&text[table.rows[1].cells[2].span.range()], "12");
    }

    #[test]
    fn inline_html_in_a_cell_stays_in_its_table() {
        let text = "**Tabel 3.1**\nCapaian\n\n| No | Indikator |\n|---|---|\n| 1. | <b>Jumlah</b> peserta |\n";
        let items = read(text);
        assert_eq!(items.len(), 2, "{items:?}");
        assert!(matches!(items[0], MarkdownItem::Block(_)));
        let MarkdownItem::Table(table) = &items[1] else { panic!("no table") };
        assert_eq!(table.rows[1].cells[1].text, "<b>Jumlah</b> peserta");
    }

    #[test]
    fn inline_math_maps_to_its_content() {
        let text = "Hasil $812 - 1.103 = 26,38\\%$ saja.\n";
        let items = read(text);
        let MarkdownItem::Block(block) = &items[0] else { panic!("no block") };
        let at = block.text.find("1.103").unwrap();
        let span = block.map.to_source(Span::new(at, at + 5));
        assert_eq!(&text[span.range()], "1.103");
    }
}
