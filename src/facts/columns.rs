//! What each column of a table holds, from its header path and its cells.

use crate::figures::lexer::CellFigure;
use crate::knowledge::{normalise, Knowledge, Measure, Period};
use crate::tables::{RowKind, Table};

/// What kind of cells a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    /// Row numbers or codes ("No", "1.", "2."): numbers that are not values.
    Index,
    /// Names: the goal, the indicator, a place.
    Label,
    /// Figures.
    Value,
}

/// The meaning of one column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnRole {
    pub kind: ColumnKind,
    /// What the column measures, from the innermost label that names a measure.
    pub measure: Option<Measure>,
    /// The period one of its labels names (`Triwulan III`).
    pub period: Option<Period>,
    /// The labels of its path that are neither its measure nor its period, normalised:
    /// the basis and grouping (`tahun 2023`, `pok`, `anggaran (rp)`). Columns with the same
    /// context and period belong together (a target, a realisation and a percentage).
    pub context: Vec<String>,
    /// The column is in a budget group (Pagu / Realisasi / %): its percentage is absorption.
    pub budget: bool,
    /// The column holds weights ("Bobot"): its table computes weighted scores.
    pub weight: bool,
    /// The column holds ratios or rates ("% Lulus", "Kepadatan (jiwa/km²)"): never summed.
    pub ratio: bool,
    /// The column is a factor of a product ("Volume", "Harga Satuan").
    pub factor: bool,
    /// The column holds running totals ("Realisasi Kumulatif", "s.d. TW III").
    pub cumulative: bool,
    /// The column holds grades or codes ("Kelas Jabatan"): numbers, but no quantity.
    pub grade: bool,
    /// The index in the path of the label that names the measure.
    pub measure_depth: Option<usize>,
}

impl ColumnRole {
    pub fn is_value(&self) -> bool {
        self.kind == ColumnKind::Value
    }
}

pub fn column_roles(table: &Table, knowledge: &Knowledge) -> Vec<ColumnRole> {
    let vocabulary = &knowledge.vocabulary;
    let mut roles: Vec<ColumnRole> = (0..table.columns.len())
        .map(|c| {
            let path: Vec<String> = table.columns[c].path.iter().map(|l| normalise(l)).collect();
            let leaf_measure = path.last().and_then(|l| vocabulary.measure(l));
            // The innermost label that names a measure; a group label names one only when
            // the leaf does not ("Realisasi › TW I"), so "Realisasi Kinerja Tahun 2024 ›
            // Target" is a target.
            let measure_depth =
                (0..path.len()).rev().find(|&d| vocabulary.measure(&path[d]).is_some());
            let measure =
                leaf_measure.or_else(|| measure_depth.and_then(|d| vocabulary.measure(&path[d])));
            let period = path.iter().find_map(|l| vocabulary.period(l));
            let context = path
                .iter()
                .enumerate()
                .filter(|(d, l)| Some(*d) != measure_depth && vocabulary.period(l).is_none())
                .map(|(_, l)| l.clone())
                .collect();
            let budget = path.iter().any(|l| vocabulary.is_budget(l));
            let weight = path.iter().any(|l| vocabulary.is_weight(l));
            let ratio = path.iter().any(|l| vocabulary.is_ratio(l));
            let factor = path.last().is_some_and(|l| vocabulary.is_factor(l));
            let cumulative = path.iter().any(|l| vocabulary.is_cumulative(l));
            let grade = path.last().is_some_and(|l| vocabulary.is_grade(l));
            let index_header = path.last().is_some_and(|l| vocabulary.is_index_column(l));
            let kind = if index_header {
                ColumnKind::Index
            } else {
                kind_from_cells(table, c, measure.is_some())
            };
            ColumnRole {
                kind,
                measure,
                period,
                context,
                budget,
                weight,
                ratio,
                factor,
                cumulative,
                grade,
                measure_depth,
            }
        })
        .collect();
    realisation_in_percent(table, &mut roles);
    capaian_as_percent(table, &mut roles);
    roles
}

/// "Target | Realisasi | Capaian": beside a realisation column, a plain "Capaian" is the
/// achievement percentage (some tables leave the "(%)" out of its header).
fn capaian_as_percent(table: &Table, roles: &mut [ColumnRole]) {
    let leaf = |c: usize| table.columns[c].path.last().map(|l| normalise(l)).unwrap_or_default();
    for c in 0..roles.len() {
        if roles[c].measure != Some(Measure::Realisation) || leaf(c) != "capaian" {
            continue;
        }
        let same_group =
            |o: usize| roles[o].context == roles[c].context && roles[o].period == roles[c].period;
        let has = |m: Measure| {
            (0..roles.len()).any(|o| o != c && same_group(o) && roles[o].measure == Some(m))
        };
        let realisasi = (0..roles.len()).any(|o| {
            o != c
                && same_group(o)
                && roles[o].measure == Some(Measure::Realisation)
                && leaf(o).starts_with("realisasi")
        });
        if realisasi && has(Measure::Target) && !has(Measure::Percent) {
            roles[c].measure = Some(Measure::Percent);
        }
    }
}

/// "Target (%) | Realisasi (%) | Capaian (%)": a rate's realisation printed in percent
/// reads like a percentage column. When a group has two percentage columns and one is
/// labelled "Realisasi …", that one is the realisation.
fn realisation_in_percent(table: &Table, roles: &mut [ColumnRole]) {
    let leaf = |c: usize| table.columns[c].path.last().map(|l| normalise(l)).unwrap_or_default();
    for c in 0..roles.len() {
        if roles[c].measure != Some(Measure::Percent) || !leaf(c).starts_with("realisasi") {
            continue;
        }
        let same_group =
            |o: usize| roles[o].context == roles[c].context && roles[o].period == roles[c].period;
        let has_target =
            (0..roles.len()).any(|o| same_group(o) && roles[o].measure == Some(Measure::Target));
        let other_percent = (0..roles.len())
            .any(|o| o != c && same_group(o) && roles[o].measure == Some(Measure::Percent));
        let has_realisation = (0..roles.len())
            .any(|o| same_group(o) && roles[o].measure == Some(Measure::Realisation));
        if has_target && other_percent && !has_realisation {
            roles[c].measure = Some(Measure::Realisation);
        }
    }
}

/// A column is a label column when most of its filled data cells are text, an index when
/// it is the first column and its figures count the rows (1, 2, 3 …), and a value column
/// otherwise.
fn kind_from_cells(table: &Table, column: usize, has_measure: bool) -> ColumnKind {
    let mut text = 0usize;
    let mut figures = Vec::new();
    for row in table.rows.iter().filter(|r| r.kind == RowKind::Data && r.aligned) {
        match &row.cells[column].value {
            CellFigure::Text => text += 1,
            CellFigure::Figure(f) => figures.push(f.value),
            CellFigure::Nil(_) => figures.push(rust_decimal::Decimal::ZERO),
            CellFigure::Empty => {}
        }
    }
    if text > figures.len() {
        return ColumnKind::Label;
    }
    if has_measure {
        return ColumnKind::Value;
    }
    // Row numbers come first; a column of figures further right that happens to read
    // 1, 2, 3 is a column of values.
    let counts_rows = column == 0
        && figures.len() >= 2
        && figures.iter().enumerate().all(|(i, v)| *v == rust_decimal::Decimal::from(i + 1));
    if counts_rows {
        ColumnKind::Index
    } else {
        ColumnKind::Value
    }
}
