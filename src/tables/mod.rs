//! Tables as a reader sees them.
//!
//! [`raw`] holds rows of cells as they stand in the file; [`header`] finds the header rows
//! and gives every column its header path (`["TAHUN 2023", "TARGET"]`); [`assemble`] joins
//! a table continued after a page break, aligns rows wider than the header, and carries
//! merged label cells down; [`caption`] reads the caption above.

pub mod assemble;
pub mod caption;
pub mod header;
pub mod raw;

pub use assemble::{assemble_tables, TablePart};
pub use raw::TableOrigin;

use crate::figures::lexer::CellFigure;
use crate::messages::Message;
use crate::msg;
use crate::span::Span;
use compact_str::CompactString;
use std::num::NonZeroU32;

/// One table of the report (all its parts, when it continues after a page break).
#[derive(Debug, Clone)]
pub struct Table {
    /// `3.4`, from the caption; `None` when the table has no numbered caption.
    pub number: Option<String>,
    pub title: Option<String>,
    /// The caption's span, if there is one.
    pub caption: Option<Span>,
    pub origin: TableOrigin,
    /// The span of each physical part; the first is where the table starts.
    pub parts: Vec<Span>,
    /// The header rows of the first part.
    pub header_rows: Vec<Span>,
    pub columns: Vec<Column>,
    /// Rows after the header (column-number rows left out).
    pub rows: Vec<Row>,
}

impl Table {
    pub fn span(&self) -> Span {
        self.parts[0]
    }

    /// `Tabel 3.4`, or a description for an unnumbered table.
    pub fn display_name(&self) -> String {
        match (&self.number, &self.title) {
            (Some(n), _) => format!("Tabel {n}"),
            (None, Some(t)) => format!("table \"{t}\""),
            (None, None) => "unnamed table".to_string(),
        }
    }

    /// The same for a message, in the language of the run: `Tabel 3.4`, `tabel “…”`.
    pub fn name(&self) -> Message {
        match (&self.number, &self.title) {
            (Some(n), _) => Message::plain(format!("Tabel {n}")),
            (None, Some(title)) => msg!("table.titled", title),
            (None, None) => msg!("table.unnamed"),
        }
    }
}

/// A column and its header path, outermost group first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub path: Vec<String>,
    /// The span of the innermost header label, if the header names this column.
    pub label_span: Option<Span>,
    /// A column the header does not show: the data rows have one more label column than
    /// the header has (a goal column the header merged away).
    pub inferred: bool,
}

impl Column {
    /// The header path joined for people: `TAHUN 2023 › TARGET`.
    pub fn display_path(&self) -> String {
        if self.path.is_empty() {
            "(no header)".to_string()
        } else {
            self.path.join(" › ")
        }
    }

    /// The same for a message, in the language of the run.
    pub fn path_message(&self) -> Message {
        if self.path.is_empty() {
            msg!("table.no-header")
        } else {
            Message::plain(self.path.join(" › "))
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// A row of values.
    Data,
    /// A row with a single label across the table (`SASARAN STRATEGIS : …`) that groups
    /// the rows below it.
    Section,
}

#[derive(Debug, Clone)]
pub struct Row {
    pub kind: RowKind,
    pub span: Span,
    /// One cell per column of the table (an absent cell is empty, with an empty span at
    /// the end of the row).
    pub cells: Vec<Cell>,
    /// False when the row could not be aligned with the header: then `cells` are in the
    /// order printed, `overflow` holds the cells beyond the table's width, and a warning
    /// says so. Such a row is kept, never dropped, but the checks leave it alone.
    pub aligned: bool,
    pub overflow: Vec<Cell>,
    /// Which part of the table the row is in (0 unless the table continues).
    pub part: usize,
}

#[derive(Debug, Clone)]
pub struct Cell {
    /// The text as printed (trimmed); a [`CompactString`] so that the short texts of most
    /// cells are held inline rather than in an allocation of their own.
    pub text: CompactString,
    pub span: Span,
    pub value: CellFigure,
    /// For a blank leading label cell under a merged cell: the row whose cell it continues,
    /// as [`Cell::carried`] writes it (read it with [`Cell::carried_row`]). Four bytes, not
    /// sixteen: there is a cell for every column of every row, and no table has four
    /// billion rows.
    pub carried_from: Option<NonZeroU32>,
    /// Whether `text` is exactly the file's bytes under `span` (an HTML cell split by tags
    /// or holding a character reference is not): only then may a fix edit inside it.
    pub exact: bool,
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// A figure or a nil (`-`): what a value column holds.
    pub fn is_figure_like(&self) -> bool {
        matches!(self.value, CellFigure::Figure(_) | CellFigure::Nil(_))
    }

    pub fn is_text(&self) -> bool {
        matches!(self.value, CellFigure::Text)
    }

    /// [`Cell::carried_from`] as an index into the table's rows.
    pub fn carried_row(&self) -> Option<usize> {
        self.carried_from.map(|r| r.get() as usize - 1)
    }

    /// Row index `row` as a [`Cell::carried_from`]: one more than the index, so that it is
    /// never zero and `None` costs no room of its own.
    pub fn carried(row: usize) -> Option<NonZeroU32> {
        u32::try_from(row + 1).ok().and_then(NonZeroU32::new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A table holds one `Cell` for every column of every row, and on a table-heavy report
    /// the cell grid is the largest thing in memory: a field that grows `Cell` grows the
    /// peak with it. Raise the bound only knowingly (it was 152 bytes before the text
    /// went inline and the figure shrank, 136 before spans were two `u32`s, the unit one
    /// pointer and the carried row four bytes).
    #[test]
    fn a_cell_stays_small() {
        assert!(std::mem::size_of::<Cell>() <= 96, "Cell is {} bytes", std::mem::size_of::<Cell>());
    }
}
