//! Header rows and header paths.
//!
//! A Word table with merged header cells comes out of a text export as a label followed
//! by empty cells: `TAHUN 2023 ⇥ ⇥ ⇥ TAHUN 2024 ⇥ ⇥`, then the leaf row
//! `TARGET ⇥ CAPAIAN ⇥ % ⇥ TARGET ⇥ CAPAIAN ⇥ %`. A group label spans the empty cells
//! after it, within the span of the label above it; each column's path is the labels
//! that cover it, top to bottom.

use crate::figures::lexer::CellFigure;
use crate::figures::{lex_cell, Locale, Units};
use crate::span::Span;
use crate::tables::raw::{RawCell, RawRow};

/// A cell with its reading as a figure.
#[derive(Debug, Clone)]
pub struct LexedCell {
    pub raw: RawCell,
    pub value: CellFigure,
}

impl LexedCell {
    pub fn is_empty(&self) -> bool {
        self.raw.text.is_empty()
    }

    pub fn is_figure_like(&self) -> bool {
        matches!(self.value, CellFigure::Figure(_) | CellFigure::Nil(_))
    }

    pub fn is_text(&self) -> bool {
        matches!(self.value, CellFigure::Text)
    }
}

#[derive(Debug, Clone)]
pub struct LexedRow {
    pub span: Span,
    pub cells: Vec<LexedCell>,
}

impl LexedRow {
    /// Reads every cell of `row` as a figure.
    pub fn lex(row: RawRow, locale: Locale, units: &Units) -> LexedRow {
        let cells = row
            .cells
            .into_iter()
            .map(|raw| {
                let value = lex_cell(&raw.text, raw.span.start(), locale, units);
                let value = if raw.exact { value } else { pinned(value, raw.span) };
                LexedCell { raw, value }
            })
            .collect();
        LexedRow { span: row.span, cells }
    }

    /// Cells up to the last non-empty one.
    pub fn filled_width(&self) -> usize {
        self.cells.iter().rposition(|c| !c.is_empty()).map_or(0, |i| i + 1)
    }

    fn non_empty(&self) -> impl Iterator<Item = &LexedCell> {
        self.cells.iter().filter(|c| !c.is_empty())
    }

    pub fn is_blank(&self) -> bool {
        self.non_empty().next().is_none()
    }

    /// A row with one label and nothing else: a section across the table.
    pub fn is_section(&self) -> bool {
        let mut cells = self.non_empty();
        matches!((cells.next(), cells.next()), (Some(only), None) if only.is_text())
            && !self.cells[0].is_empty()
            && self.cells.len() >= 3
    }
}

/// A figure read from a cell whose text is not its source text (offsets in the text are
/// not offsets in the file): every span of it is the whole cell.
fn pinned(value: CellFigure, cell: Span) -> CellFigure {
    match value {
        CellFigure::Figure(mut figure) => {
            figure.span = cell;
            figure.number_span = cell;
            if let Some(words) = &mut figure.words {
                words.span = cell;
            }
            CellFigure::Figure(figure)
        }
        CellFigure::Nil(_) => CellFigure::Nil(cell),
        other => other,
    }
}

/// A leaf of the header: one column's path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leaf {
    pub path: Vec<String>,
    pub label_span: Option<Span>,
}

impl Leaf {
    /// The innermost label, normalised for comparing the headers of two table parts.
    pub fn key(&self) -> String {
        label_key(&self.path)
    }

    /// Whether two leaves have the same [`Leaf::key`].
    pub fn same_key(&self, other: &Leaf) -> bool {
        same_label_key(&self.path, &other.path)
    }
}

/// The [`Leaf::key`] of a header path.
fn label_key(path: &[String]) -> String {
    path.last().map(|l| collapse_spaces(l).to_lowercase()).unwrap_or_default()
}

/// Whether two header paths have the same [`Leaf::key`], without building the keys when
/// both labels are ASCII, as nearly all are: joining two tables' headers compares every
/// leaf of one with the leaves of the other.
pub fn same_label_key(a: &[String], b: &[String]) -> bool {
    let (x, y) = (a.last().map_or("", String::as_str), b.last().map_or("", String::as_str));
    if !(x.is_ascii() && y.is_ascii()) {
        return label_key(a) == label_key(b);
    }
    let (mut xs, mut ys) = (x.split_whitespace(), y.split_whitespace());
    loop {
        match (xs.next(), ys.next()) {
            (None, None) => return true,
            (Some(p), Some(q)) if p.eq_ignore_ascii_case(q) => {}
            _ => return false,
        }
    }
}

/// `text` with each run of white space made one space, and none at either end.
fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// How many of `rows` form the header. The first row always does (and at least the rows
/// the source marks as header); after it, a row continues the header while it holds
/// labels only: no figure, its first cell empty (merged down from above), and short
/// labels, as header rows are.
pub fn header_row_count(rows: &[LexedRow], marked: usize) -> usize {
    let mut count = marked.max(1).min(rows.len());
    while count < rows.len() && continues_header(&rows[count]) {
        count += 1;
    }
    count
}

/// A row under the header rows that still labels columns: it starts blank (a data row
/// names its number or indicator first) and holds only short labels, bare years among
/// them (`| | | 2023 | 2024 | Rata-rata |`).
fn continues_header(row: &LexedRow) -> bool {
    let first_empty = row.cells.first().is_none_or(|c| c.is_empty());
    let labels = |c: &LexedCell| c.is_text() && c.raw.text.chars().count() <= 60;
    let years = row.non_empty().filter(|c| is_year_label(c)).count();
    first_empty
        && !row.is_blank()
        && row.non_empty().all(|c| labels(c) || is_year_label(c))
        && (years == 0 || years >= 2 || row.non_empty().any(labels))
}

/// A cell that is a bare year: four digits from 1900 to 2100, nothing else.
fn is_year_label(cell: &LexedCell) -> bool {
    is_year(&cell.raw.text)
}

/// Four digits from 1900 to 2100: a year, which a header may well hold.
pub fn is_year(text: &str) -> bool {
    let text = text.trim();
    text.len() == 4
        && text.chars().all(|c| c.is_ascii_digit())
        && text.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y))
}

/// A row that only numbers the columns: `(1) (2) (3) (4)` or `1 2 3 … 11`.
pub fn is_column_number_row(row: &LexedRow) -> bool {
    let mut expected = 1u32;
    let mut count = 0;
    for cell in row.non_empty() {
        let digits = cell.raw.text.trim_start_matches('(').trim_end_matches(')');
        match digits.parse::<u32>() {
            Ok(n) if n == expected => expected += 1,
            _ => return false,
        }
        count += 1;
    }
    count >= 2
}

/// The leaves of a header: one per column, up to the last column any header row labels.
pub fn leaves(header: &[LexedRow]) -> Vec<Leaf> {
    let width = header.iter().map(LexedRow::filled_width).max().unwrap_or(0);
    // For each column, the index of the label (in the row above) that covers it; columns
    // no label covers get their own group, so that nothing spans across them.
    let mut parent_group: Vec<usize> = vec![usize::MAX; width];
    // A path has a label from each header row, usually: sized for that (up to a bound, so
    // that a table of many header rows cannot ask for a huge grid up front), the paths
    // move into the table's columns without room to spare.
    let depth = header.len().min(4);
    let mut paths: Vec<Vec<String>> = (0..width).map(|_| Vec::with_capacity(depth)).collect();
    let mut label_spans: Vec<Option<Span>> = vec![None; width];

    for row in header {
        let mut group = vec![0usize; width];
        let mut owner: Option<usize> = None;
        for col in 0..width {
            let cell = row.cells.get(col).filter(|c| !c.is_empty());
            if cell.is_some() {
                owner = Some(col);
            } else if let Some(o) = owner {
                // An empty cell continues the label to its left only within one parent.
                if parent_group[o] != parent_group[col] {
                    owner = None;
                }
            }
            match owner {
                Some(o) => {
                    let label = &row.cells[o].raw;
                    paths[col].push(collapse_spaces(&label.text));
                    label_spans[col] = Some(label.span);
                    group[col] = o;
                }
                // Not covered in this row: keep the parent's grouping, made unique.
                None => group[col] = width + col,
            }
        }
        for col in 0..width {
            parent_group[col] = if group[col] >= width {
                if parent_group[col] == usize::MAX {
                    width + col
                } else {
                    parent_group[col]
                }
            } else {
                group[col]
            };
        }
    }
    paths.into_iter().zip(label_spans).map(|(path, label_span)| Leaf { path, label_span }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figures::{Locale, Units};
    use crate::read::lines::lines_in;
    use crate::read::tab_table::read_tab_table;

    fn lexed(text: &str) -> Vec<LexedRow> {
        let units = Units::builtin();
        let table = read_tab_table(text, &lines_in(text, 0, text.len()));
        table.rows.into_iter().map(|row| LexedRow::lex(row, Locale::Id, &units)).collect()
    }

    fn paths(text: &str, rows: usize) -> Vec<String> {
        leaves(&lexed(text)[..rows]).iter().map(|l| l.path.join(" › ")).collect()
    }

    #[test]
    fn groups_span_the_empty_cells_after_them() {
        let text = "NO\tINDIKATOR\tTAHUN 2023\t\t\tTAHUN 2024\t\t\n\t\tTARGET\tCAPAIAN\t%\tTARGET\tCAPAIAN\t%\n";
        assert_eq!(
            paths(text, 2),
            [
                "NO",
                "INDIKATOR",
                "TAHUN 2023 › TARGET",
                "TAHUN 2023 › CAPAIAN",
                "TAHUN 2023 › %",
                "TAHUN 2024 › TARGET",
                "TAHUN 2024 › CAPAIAN",
                "TAHUN 2024 › %"
            ]
        );
    }

    #[test]
    fn three_header_rows_nest_within_their_parents() {
        let text = "No\tUnit\tGOL\t\t\t\t\t\tPPPK\t\t\tJumlah\tKet\n\
                    \t\tIII\t\t\tIV\t\t\tL\tP\tJml\t\t\n\
                    \t\tL\tP\tJml\tL\tP\tJml\t\t\t\t\t\n";
        assert_eq!(
            paths(text, 3),
            [
                "No",
                "Unit",
                "GOL › III › L",
                "GOL › III › P",
                "GOL › III › Jml",
                "GOL › IV › L",
                "GOL › IV › P",
                "GOL › IV › Jml",
                "PPPK › L",
                "PPPK › P",
                "PPPK › Jml",
                "Jumlah",
                "Ket"
            ]
        );
    }

    #[test]
    fn trailing_unlabelled_cells_are_not_columns() {
        let text = "NO\tIND\tPK\t\t\tPOK\t\t\t\n\t\tT\tR\t%\tT\tR\t%\t\n";
        assert_eq!(paths(text, 2).len(), 8);
        assert_eq!(paths(text, 2)[7], "POK › %");
    }

    #[test]
    fn a_label_over_an_empty_leaf_stands_alone() {
        let text = "No\tAnggaran\t\tRata-rata\n\tPagu\t%\t\n";
        assert_eq!(paths(text, 2), ["No", "Anggaran › Pagu", "Anggaran › %", "Rata-rata"]);
    }

    #[test]
    fn header_rows_and_number_rows() {
        let rows = lexed("No\tNama\tTarget\n\t\tOrang\n(1)\t(2)\t(3)\n1.\tA\t12 orang\n");
        assert_eq!(header_row_count(&rows, 0), 2);
        assert!(is_column_number_row(&rows[2]));
        assert!(!is_column_number_row(&rows[3]));
    }
}
