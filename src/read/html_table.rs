//! HTML tables inside Markdown: `<table>` with `rowspan` and `colspan`, which is what pandoc
//! and many converters write for a table with merged cells (a pipe table cannot hold them).
//!
//! The HTML is tokenized by html5gum (a WHATWG tokenizer that keeps byte spans and decodes
//! character references); the table model on top of it is the one the text export of a Word
//! table gives, so headers, merged goals and every check work unchanged:
//!
//! - each `<tr>` is a row, each `<td>`/`<th>` a cell; the rows in `<thead>` (or, without a
//!   `<thead>`, the leading rows made only of `<th>`) are marked as header rows;
//! - a cell spanning `n` columns is its text followed by `n − 1` empty cells, as a merged
//!   group label is in the text export;
//! - the rows under a cell spanning `n` rows hold an empty cell in its columns, as a merged
//!   goal or budget does in the text export: a later step carries a merged label down, and a
//!   merged number is not counted once per row;
//! - a table inside a cell is flattened into that cell's text, and `<caption>` is the
//!   table's caption.
//!
//! A cell whose text is not byte for byte its source (text split by tags, character
//! references, line breaks) is marked inexact: its figure then points at the whole cell.

use crate::span::Span;
use crate::tables::raw::{make_cell, RawCell, RawRow, RawTable, TableOrigin};
use compact_str::CompactString;
use html5gum::{DefaultEmitter, Token, Tokenizer};

/// More columns than any report table has: a larger `colspan` is damaged input, and
/// honouring it would spend memory on empty cells.
const MAX_COLSPAN: usize = 64;

/// Reads the table in `text[span]` (which starts with `<table` and ends with its
/// `</table>`). `None` when it holds no row.
pub fn read_html_table(text: &str, span: Span) -> Option<RawTable> {
    let mut builder = Builder::default();
    let emitter = DefaultEmitter::<usize>::new_with_span();
    for token in Tokenizer::new_with_emitter(&text[span.range()], emitter) {
        let Ok(token) = token;
        builder.token(token, span.start());
    }
    builder.finish(text, span)
}

/// A cell as written: its text pieces and spans.
#[derive(Debug, Default)]
struct HtmlCell {
    /// The cell's start tag.
    tag: Span,
    pieces: Vec<(String, Span)>,
    colspan: usize,
    rowspan: usize,
    header: bool,
}

#[derive(Debug)]
struct HtmlRow {
    span: Span,
    cells: Vec<HtmlCell>,
    in_head: bool,
}

#[derive(Debug, Default)]
struct Builder {
    /// How many `<table>` elements are open; only the outermost one's rows count.
    depth: usize,
    in_head: bool,
    rows: Vec<HtmlRow>,
    row_open: bool,
    cell: Option<HtmlCell>,
    caption: Option<Vec<(String, Span)>>,
    caption_done: bool,
}

impl Builder {
    fn token(&mut self, token: Token<usize>, base: usize) {
        match token {
            Token::StartTag(tag) => {
                let span = Span::new(tag.span.start + base, tag.span.end + base);
                let name: &[u8] = &tag.name;
                if name == b"table" {
                    self.depth += 1;
                    if self.depth > 1 {
                        self.separate(span);
                    }
                    return;
                }
                if self.depth != 1 {
                    self.separate_if_block(name, span);
                    return;
                }
                match name {
                    b"thead" => self.in_head = true,
                    b"tbody" | b"tfoot" => self.in_head = false,
                    b"tr" => self.open_row(span),
                    b"td" | b"th" => {
                        self.close_cell();
                        if !self.row_open {
                            self.open_row(span);
                        }
                        let number = |key: &[u8]| {
                            tag.attributes
                                .get(key)
                                .and_then(|v| std::str::from_utf8(&v.value).ok())
                                .and_then(|v| v.trim().parse::<usize>().ok())
                        };
                        self.cell = Some(HtmlCell {
                            tag: span,
                            pieces: Vec::new(),
                            colspan: number(b"colspan").unwrap_or(1).clamp(1, MAX_COLSPAN),
                            // `rowspan="0"` spans the rest of the table.
                            rowspan: number(b"rowspan").map_or(1, |n| {
                                if n == 0 {
                                    usize::MAX
                                } else {
                                    n
                                }
                            }),
                            header: name == b"th",
                        });
                    }
                    b"caption" if !self.caption_done && self.rows.is_empty() => {
                        self.caption = Some(Vec::new())
                    }
                    _ => self.separate_if_block(name, span),
                }
            }
            Token::EndTag(tag) => {
                let span = Span::new(tag.span.start + base, tag.span.end + base);
                let name: &[u8] = &tag.name;
                if name == b"table" {
                    if self.depth > 1 {
                        self.separate(span);
                    } else {
                        self.close_row(None);
                    }
                    self.depth = self.depth.saturating_sub(1);
                    return;
                }
                if self.depth != 1 {
                    self.separate_if_block(name, span);
                    return;
                }
                match name {
                    b"thead" => self.in_head = false,
                    b"tr" => self.close_row(Some(span)),
                    b"td" | b"th" => self.close_cell(),
                    b"caption" if self.caption.is_some() => self.caption_done = true,
                    _ => self.separate_if_block(name, span),
                }
            }
            Token::String(string) => {
                let span = Span::new(string.span.start + base, string.span.end + base);
                let piece = String::from_utf8_lossy(&string.value).into_owned();
                if let Some(cell) = &mut self.cell {
                    cell.pieces.push((piece, span));
                } else if let (Some(caption), false) = (&mut self.caption, self.caption_done) {
                    caption.push((piece, span));
                }
            }
            Token::Comment(_) | Token::Doctype(_) | Token::Error(_) => {}
        }
    }

    /// A line break or block boundary inside a cell separates words.
    fn separate_if_block(&mut self, name: &[u8], span: Span) {
        const BREAKS: [&[u8]; 8] = [b"br", b"p", b"div", b"li", b"ul", b"ol", b"hr", b"tr"];
        if BREAKS.contains(&name) {
            self.separate(span);
        }
    }

    fn separate(&mut self, span: Span) {
        let target = match (&mut self.cell, &mut self.caption) {
            (Some(cell), _) => &mut cell.pieces,
            (None, Some(caption)) if !self.caption_done => caption,
            _ => return,
        };
        target.push((" ".to_string(), span));
    }

    fn open_row(&mut self, span: Span) {
        self.close_row(None);
        self.caption_done |= self.caption.is_some();
        self.rows.push(HtmlRow { span, cells: Vec::new(), in_head: self.in_head });
        self.row_open = true;
    }

    fn close_cell(&mut self) {
        if let (Some(cell), Some(row)) = (self.cell.take(), self.rows.last_mut()) {
            row.span = row.span.cover(cell.tag);
            if let Some((piece, last)) =
                cell.pieces.iter().rev().find(|(p, _)| !p.trim().is_empty())
            {
                let trailing = (piece.len() - piece.trim_end().len()).min(last.len());
                row.span = row.span.cover(Span::new(last.start(), last.end() - trailing));
            }
            row.cells.push(cell);
        }
    }

    /// Ends the open row; `end` is its `</tr>`, when it has one (a row ended by the next
    /// `<tr>` or by `</table>` ends at its last cell).
    fn close_row(&mut self, end: Option<Span>) {
        self.close_cell();
        if let (true, Some(end), Some(row)) = (self.row_open, end, self.rows.last_mut()) {
            row.span = row.span.cover(end);
        }
        self.row_open = false;
    }

    fn finish(mut self, text: &str, span: Span) -> Option<RawTable> {
        self.close_row(None);
        if self.rows.is_empty() {
            return None;
        }
        let marked_header_rows = header_rows(&self.rows);
        let rows = grid(text, &self.rows);
        let caption = self.caption.as_deref().and_then(|pieces| cell_text(text, pieces));
        Some(RawTable { origin: TableOrigin::Html, span, rows, marked_header_rows, caption })
    }
}

/// The rows in `<thead>`, or else the leading rows made only of `<th>` cells.
fn header_rows(rows: &[HtmlRow]) -> usize {
    let head = rows.iter().take_while(|r| r.in_head).count();
    if head > 0 {
        return head;
    }
    rows.iter().take_while(|r| !r.cells.is_empty() && r.cells.iter().all(|c| c.header)).count()
}

/// Lays the cells out on the table's grid: spanned columns and rows become empty cells.
fn grid(text: &str, rows: &[HtmlRow]) -> Vec<RawRow> {
    let total = rows.len();
    // For each column, the first row index no longer covered by a cell above.
    let mut covered_until: Vec<usize> = Vec::new();
    let mut out = Vec::with_capacity(total);
    for (r, row) in rows.iter().enumerate() {
        let mut cells: Vec<RawCell> = Vec::with_capacity(row.cells.len());
        let gap = Span::new(row.span.start(), row.span.start());
        for cell in &row.cells {
            while covered_until.get(cells.len()).is_some_and(|&until| until > r) {
                cells.push(empty(gap));
            }
            let column = cells.len();
            let until = r.saturating_add(cell.rowspan.min(total));
            if covered_until.len() < column + cell.colspan {
                covered_until.resize(column + cell.colspan, 0);
            }
            for slot in &mut covered_until[column..column + cell.colspan] {
                *slot = until;
            }
            let raw = cell_text(text, &cell.pieces)
                .unwrap_or_else(|| empty(Span::new(cell.tag.end(), cell.tag.end())));
            let after = Span::new(raw.span.end(), raw.span.end());
            cells.push(raw);
            cells.extend((1..cell.colspan).map(|_| empty(after)));
        }
        out.push(RawRow { span: row.span, cells });
    }
    out
}

fn empty(at: Span) -> RawCell {
    RawCell { text: CompactString::default(), span: at, exact: true }
}

/// A cell from its text pieces: exact when one piece is its own source text, else the
/// pieces joined with white space collapsed, spanning from the first to the last.
/// `None` when there is no text.
fn cell_text(text: &str, pieces: &[(String, Span)]) -> Option<RawCell> {
    let filled: Vec<&(String, Span)> =
        pieces.iter().filter(|(p, _)| !p.trim().is_empty()).collect();
    let (first, last) = (filled.first()?, filled.last()?);
    if filled.len() == 1 && text.get(first.1.range()) == Some(first.0.as_str()) {
        let cell = make_cell(text, first.1);
        if !cell.text.contains(['\n', '\r', '\t']) && !cell.text.contains("  ") {
            return Some(cell);
        }
    }
    let joined: String = pieces.iter().map(|(p, _)| p.as_str()).collect();
    let collapsed = joined.split_whitespace().collect::<Vec<_>>().join(" ");
    let start = first.1.start() + (first.0.len() - first.0.trim_start().len()).min(first.1.len());
    let end = last.1.end() - (last.0.len() - last.0.trim_end().len()).min(last.1.len());
    let span = if start <= end { Span::new(start, end) } else { first.1.cover(last.1) };
    let exact = text.get(span.range()) == Some(collapsed.as_str());
    Some(RawCell { text: collapsed.into(), span, exact })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> RawTable {
        read_html_table(text, Span::new(0, text.len())).expect("a table")
    }

    fn texts(table: &RawTable) -> Vec<Vec<&str>> {
        table.rows.iter().map(|r| r.cells.iter().map(|c| c.text.as_str()).collect()).collect()
    }

    #[test]
    fn spans_become_empty_cells_on_the_grid() {
        let text = "<table>\n<thead>\n\
            <tr><th rowspan=\"2\">No</th><th rowspan=\"2\">Sasaran</th><th colspan=\"2\">Tahun 2025</th></tr>\n\
            <tr><th>Target</th><th>Realisasi</th></tr>\n</thead>\n<tbody>\n\
            <tr><td>1.</td><td rowspan=\"2\">Meningkatnya mutu</td><td>80</td><td>70</td></tr>\n\
            <tr><td>2.</td><td>60</td><td>66</td></tr>\n\
            <tr><td colspan=\"2\">Jumlah</td><td>140</td><td>136</td></tr>\n</tbody>\n</table>";
        let table = read(text);
        assert_eq!(table.origin, TableOrigin::Html);
        assert_eq!(table.marked_header_rows, 2);
        assert_eq!(
            texts(&table),
            [
                vec!["No", "Sasaran", "Tahun 2025", ""],
                vec!["", "", "Target", "Realisasi"],
                vec!["1.", "Meningkatnya mutu", "80", "70"],
                vec!["2.", "", "60", "66"],
                vec!["Jumlah", "", "140", "136"],
            ]
        );
        // Every cell points at its own text in the file.
        for cell in table.rows.iter().flat_map(|r| &r.cells) {
            assert_eq!(&text[cell.span.range()], cell.text);
            assert!(cell.exact);
        }
        let row = &table.rows[2];
        assert!(
            text[row.span.range()].starts_with("<tr>") && text[row.span.range()].ends_with("</tr>")
        );
    }

    #[test]
    fn cells_split_by_tags_or_references_are_joined_and_inexact() {
        let text = "<table><tr><td>Jumlah peserta<br>\n pelatihan</td><td><b>1.014</b></td>\
                    <td>A &amp; B</td></tr></table>";
        let table = read(text);
        assert_eq!(texts(&table), [vec!["Jumlah peserta pelatihan", "1.014", "A & B"]]);
        let [label, number, amp] = &table.rows[0].cells[..] else { panic!("three cells") };
        assert!(!label.exact);
        assert_eq!(&text[label.span.range()], "Jumlah peserta<br>\n pelatihan");
        assert!(number.exact);
        assert_eq!(&text[number.span.range()], "1.014");
        assert!(!amp.exact);
        assert_eq!(&text[amp.span.range()], "A &amp; B");
    }

    #[test]
    fn header_cells_without_thead_caption_and_nested_tables() {
        let text = "<TABLE border=1>\n<CAPTION>Tabel 2.1 Perjanjian Kinerja</CAPTION>\n\
            <tr><th>No<th>Indikator<th>Target\n\
            <tr><td>1.<td>Nilai <table><tr><td>IKPA</td></tr></table> unit<td>95\n</TABLE>";
        let table = read(text);
        assert_eq!(table.marked_header_rows, 1);
        assert_eq!(
            texts(&table),
            [vec!["No", "Indikator", "Target"], vec!["1.", "Nilai IKPA unit", "95"]]
        );
        let caption = table.caption.as_ref().expect("a caption");
        assert_eq!(caption.text, "Tabel 2.1 Perjanjian Kinerja");
        assert_eq!(&text[caption.span.range()], "Tabel 2.1 Perjanjian Kinerja");
        // A row ended by the next `<tr>` (or by `</table>`) ends at its last cell.
        assert!(text[table.rows[1].span.range()].ends_with("95"));
    }

    #[test]
    fn absurd_spans_stay_bounded() {
        let text = "<table><tr><td colspan=\"100000\">a</td><td rowspan=\"0\">b</td></tr>\
                    <tr><td>c</td></tr><tr><td>d</td></tr></table>";
        let table = read(text);
        assert_eq!(table.rows[0].cells.len(), MAX_COLSPAN + 1);
        // `rowspan="0"` covers the rest of the table: later rows skip its column.
        assert_eq!(table.rows[2].cells.len(), 1);
        assert_eq!(table.rows[2].cells[0].text, "d");
    }

    #[test]
    fn a_table_without_rows_is_none() {
        let text = "<table></table>";
        assert!(read_html_table(text, Span::new(0, text.len())).is_none());
    }
}
