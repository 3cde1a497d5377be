//! What each row of a table is: an indicator, a total, an average; its indicator's name
//! and kind; the strategic goal it belongs to.

use super::columns::{ColumnKind, ColumnRole};
use crate::figures::lexer::CellFigure;
use crate::figures::FigureKind;
use crate::knowledge::{normalise, IndicatorKind, Knowledge, Measure};
use crate::span::Span;
use crate::tables::{RowKind, Table};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowRole {
    /// An indicator or an item.
    Data,
    /// "Jumlah" / "Total": the sum of the rows it closes.
    Total,
    /// "Sub Total": the sum of the rows since the previous subtotal.
    Subtotal,
    /// "Rata-rata": the mean of the rows it closes.
    Average,
    /// A label across the table that groups the rows below it.
    Section,
}

#[derive(Debug, Clone)]
pub struct RowInfo {
    pub role: RowRole,
    /// The indicator's (or item's) name as printed, and where.
    pub name: Option<(String, Span)>,
    /// The indicator's kind: from the units of its figures, else from its name.
    pub kind: Option<IndicatorKind>,
    /// The strategic goal the row belongs to: the index of the row where the goal's merged
    /// cell starts. Rows of one goal share it.
    pub goal: Option<usize>,
    /// The row holds a figure or a nil in some value column (a row of labels only, such as
    /// "A. Program Penunjang", groups the rows below it and is no part of a sum).
    pub has_figures: bool,
}

pub fn row_infos(table: &Table, columns: &[ColumnRole], knowledge: &Knowledge) -> Vec<RowInfo> {
    let vocabulary = &knowledge.vocabulary;
    let label_columns: Vec<usize> =
        (0..columns.len()).filter(|&c| columns[c].kind != ColumnKind::Value).collect();
    let indicator_column = label_columns
        .iter()
        .copied()
        .find(|&c| {
            columns[c].kind == ColumnKind::Label
                && table.columns[c]
                    .path
                    .first()
                    .is_some_and(|l| vocabulary.is_indicator_column(&normalise(l)))
        })
        .or_else(|| {
            label_columns.iter().copied().rev().find(|&c| columns[c].kind == ColumnKind::Label)
        });
    // The goal column: the first label column whose cells are merged over several rows.
    let goal_column = label_columns
        .iter()
        .copied()
        .find(|&c| table.rows.iter().any(|r| r.cells[c].carried_from.is_some()));

    (0..table.rows.len())
        .map(|r| {
            let row = &table.rows[r];
            if row.kind == RowKind::Section {
                return RowInfo {
                    role: RowRole::Section,
                    name: None,
                    kind: None,
                    goal: None,
                    has_figures: false,
                };
            }
            // A row numbered on its own (not under a merged number) is an item. ("Jumlah"
            // printed in the No column is no number.)
            let numbered = (0..columns.len()).any(|c| {
                columns[c].kind == ColumnKind::Index
                    && row.cells.get(c).is_some_and(|cell| {
                        let text = normalise(&cell.text);
                        !text.is_empty()
                            && !vocabulary.is_total_row(&text)
                            && !vocabulary.is_subtotal_row(&text)
                            && !vocabulary.is_average_row(&text)
                    })
            });
            let labels: Vec<String> = label_columns
                .iter()
                .filter(|&&c| c < row.cells.len() && row.cells[c].is_text())
                .map(|&c| normalise(&row.cells[c].text))
                .collect();
            let role = if numbered {
                RowRole::Data
            } else if labels.iter().any(|l| vocabulary.is_subtotal_row(l)) {
                RowRole::Subtotal
            } else if labels.iter().any(|l| vocabulary.is_total_row(l)) {
                RowRole::Total
            } else if labels.iter().any(|l| vocabulary.is_average_row(l)) {
                RowRole::Average
            } else {
                RowRole::Data
            };
            let name = indicator_column
                .and_then(|c| row.cells.get(c))
                .filter(|cell| cell.is_text())
                .map(|cell| (cell.text.to_string(), cell.span));
            let normalised = name.as_ref().map(|(n, _)| normalise(n));
            let stock = normalised.as_deref().is_some_and(|n| knowledge.indicators.is_stock(n));
            let kind = if stock {
                Some(IndicatorKind::Stock)
            } else {
                kind_of_row(table, columns, r).or_else(|| {
                    normalised.as_deref().and_then(|n| knowledge.indicators.kind_by_name(n))
                })
            };
            let goal = goal_column.and_then(|c| {
                let cell = row.cells.get(c)?;
                cell.carried_row().or((!cell.is_empty()).then_some(r))
            });
            let has_figures = (0..columns.len()).any(|c| {
                columns[c].kind == ColumnKind::Value
                    && row.cells.get(c).is_some_and(|cell| cell.is_figure_like())
            });
            RowInfo { role, name, kind, goal, has_figures }
        })
        .collect()
}

/// The kind the figures of a row say: a figure with `%` in a target or realisation makes a
/// rate, `Rp` money, a counting unit a count. Percentage, total and average columns are
/// left out (a percentage column says nothing about the indicator).
fn kind_of_row(table: &Table, columns: &[ColumnRole], row: usize) -> Option<IndicatorKind> {
    let mut kind = None;
    for (c, role) in columns.iter().enumerate() {
        let measured = matches!(role.measure, Some(Measure::Target | Measure::Realisation) | None);
        if !measured || role.kind != ColumnKind::Value || role.budget {
            continue;
        }
        let Some(CellFigure::Figure(f)) = table.rows[row].cells.get(c).map(|cell| &cell.value)
        else {
            continue;
        };
        let this = match f.kind {
            FigureKind::Percent => IndicatorKind::Rate,
            FigureKind::Money => IndicatorKind::Money,
            FigureKind::Count => IndicatorKind::Count,
            FigureKind::Plain => continue,
        };
        match kind {
            None => kind = Some(this),
            Some(k) if k == this => {}
            // Figures that disagree say nothing.
            Some(_) => return None,
        }
    }
    kind
}
