//! Tab-separated tables: each line a row, each tab a cell boundary.

use super::lines::Line;
use crate::span::Span;
use crate::tables::raw::{make_cell, RawRow, RawTable, TableOrigin};

pub fn read_tab_table(text: &str, lines: &[Line]) -> RawTable {
    let rows: Vec<RawRow> = lines.iter().map(|line| split_row(text, line.span)).collect();
    let span = Span::new(lines[0].span.start(), lines[lines.len() - 1].span.end());
    RawTable { origin: TableOrigin::Tab, span, rows, marked_header_rows: 0, caption: None }
}

fn split_row(text: &str, span: Span) -> RawRow {
    let line = &text[span.range()];
    let mut cells = Vec::with_capacity(line.bytes().filter(|&b| b == b'\t').count() + 1);
    let mut start = 0;
    for (i, ch) in line.char_indices() {
        if ch == '\t' {
            cells.push(make_cell(text, Span::new(span.start() + start, span.start() + i)));
            start = i + 1;
        }
    }
    cells.push(make_cell(text, Span::new(span.start() + start, span.end())));
    RawRow { span, cells }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::lines::lines_in;

    #[test]
    fn cells_keep_their_spans() {
        let text = "No\tTarget\t\n1.\t 34.209 orang\t\n";
        let table = read_tab_table(text, &lines_in(text, 0, text.len()));
        let row = &table.rows[1];
        assert_eq!(row.cells.len(), 3);
        assert_eq!(row.cells[1].text, "34.209 orang");
        assert_eq!(&text[row.cells[1].span.range()], "34.209 orang");
        assert_eq!(row.filled_width(), 2);
    }
}
