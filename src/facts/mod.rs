//! Facts: what each column and row of a table stands for.
//!
//! Reading gives a table its header paths and cells; this stage says what they mean, once
//! per table, for every check to share: which column is a target, a realisation, an
//! achievement percentage, a total or an average, for which period and on which basis
//! ([`columns`]); which row is an indicator, a total or an average, what kind of indicator
//! it is, and which strategic goal it belongs to ([`rows`]); what each total covers
//! ([`totals`]).

pub mod captions;
pub mod chapters;
pub mod columns;
pub mod contents;
pub mod index;
pub mod indicators;
pub mod rows;
pub mod sentences;
pub mod titles;
pub mod totals;

pub use columns::{ColumnKind, ColumnRole};
pub use rows::{RowInfo, RowRole};

use crate::document::Document;
use crate::figures::lexer::CellFigure;
use crate::figures::Figure;
use crate::knowledge::{Knowledge, Measure, Period};
use crate::messages::Message;
use crate::msg;
use crate::tables::{Cell, Table};

/// A table with the meaning of its columns and rows.
#[derive(Debug)]
pub struct TableFacts<'d> {
    pub table: &'d Table,
    pub columns: Vec<ColumnRole>,
    pub rows: Vec<RowInfo>,
}

impl<'d> TableFacts<'d> {
    pub fn new(table: &'d Table, knowledge: &Knowledge) -> TableFacts<'d> {
        TableFacts::with_memo(table, knowledge, &mut columns::LabelMemo::default())
    }

    /// [`TableFacts::new`] for one table of many, reusing what `memo` knows of the
    /// header labels of the tables before.
    pub fn with_memo(
        table: &'d Table,
        knowledge: &Knowledge,
        memo: &mut columns::LabelMemo,
    ) -> TableFacts<'d> {
        let columns = columns::column_roles_with(table, knowledge, memo);
        let rows = rows::row_infos(table, &columns, knowledge);
        TableFacts { table, columns, rows }
    }

    pub fn cell(&self, row: usize, column: usize) -> &'d Cell {
        &self.table.rows[row].cells[column]
    }

    /// The figure in a cell, if it holds one.
    pub fn figure(&self, row: usize, column: usize) -> Option<&'d Figure> {
        match &self.cell(row, column).value {
            CellFigure::Figure(f) => Some(f),
            _ => None,
        }
    }

    /// The rows the checks read: aligned rows of values (not section rows).
    pub fn checked_rows(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.table.rows.len()).filter(|&r| {
            let row = &self.table.rows[r];
            row.aligned && self.rows[r].role != RowRole::Section
        })
    }

    /// The value columns of every quarter, in order (or, when there are no four, of both
    /// semesters) that measure `measure` and whose context `same_context` accepts: one
    /// column a period, or `None`.
    pub fn period_columns(
        &self,
        measure: Option<Measure>,
        same_context: &dyn Fn(usize) -> bool,
    ) -> Option<Vec<usize>> {
        let cols = &self.columns;
        let of = |make: fn(u8) -> Period, n: u8| -> Option<Vec<usize>> {
            (1..=n)
                .map(|i| {
                    let found: Vec<usize> = (0..cols.len())
                        .filter(|&c| {
                            cols[c].is_value()
                                && cols[c].measure == measure
                                && cols[c].period == Some(make(i))
                                && same_context(c)
                        })
                        .collect();
                    match found[..] {
                        [c] => Some(c),
                        _ => None,
                    }
                })
                .collect()
        };
        of(Period::Quarter, 4).or_else(|| of(Period::Semester, 2))
    }

    /// Does the table weigh its rows ("Bobot")? Then its totals and averages are weighted.
    pub fn is_weighted(&self) -> bool {
        self.columns.iter().any(|c| c.weight)
    }

    /// `Tabel 3.2 › Tahun 2024 › %`: where a cell is, for a message.
    pub fn place(&self, column: usize) -> Message {
        let table = self.table.name();
        msg!("table.place", table, column = self.table.columns[column].path_message())
    }
}

/// The facts of every table of a document.
pub fn document_facts<'d>(doc: &'d Document, knowledge: &Knowledge) -> Vec<TableFacts<'d>> {
    let mut memo = columns::LabelMemo::default();
    doc.tables.iter().map(|t| TableFacts::with_memo(t, knowledge, &mut memo)).collect()
}
