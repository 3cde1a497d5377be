//! What each column of a table holds, from its header path and its cells.

use crate::figures::lexer::CellFigure;
use crate::knowledge::{normalise, Knowledge, Measure, Period, Vocabulary};
use crate::tables::{RowKind, Table};
use rustc_hash::FxHashMap;

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
    column_roles_with(table, knowledge, &mut LabelMemo::default())
}

/// What the vocabulary says of one header label.
#[derive(Debug, Clone, Copy)]
struct LabelWords {
    measure: Option<Measure>,
    period: Option<Period>,
    budget: bool,
    weight: bool,
    ratio: bool,
    factor: bool,
    cumulative: bool,
    grade: bool,
    index: bool,
}

impl LabelWords {
    fn of(label: &str, vocabulary: &Vocabulary) -> LabelWords {
        LabelWords {
            measure: vocabulary.measure(label),
            period: vocabulary.period(label),
            budget: vocabulary.is_budget(label),
            weight: vocabulary.is_weight(label),
            ratio: vocabulary.is_ratio(label),
            factor: vocabulary.is_factor(label),
            cumulative: vocabulary.is_cumulative(label),
            grade: vocabulary.is_grade(label),
            index: vocabulary.is_index_column(label),
        }
    }
}

/// The header labels of a report read so far, normalised, with what the vocabulary says of
/// each. A report repeats its headers ("Target", "Realisasi", "Capaian (%)") in table
/// after table, and each label is matched against a dozen lists of patterns: reading it
/// once per report made the column roles a third as costly.
#[derive(Debug, Default)]
pub struct LabelMemo {
    labels: FxHashMap<String, (String, LabelWords)>,
}

impl LabelMemo {
    fn get(&mut self, label: &str, vocabulary: &Vocabulary) -> (String, LabelWords) {
        if let Some(known) = self.labels.get(label) {
            return known.clone();
        }
        let normalised = normalise(label);
        let words = LabelWords::of(&normalised, vocabulary);
        self.labels.insert(label.to_string(), (normalised.clone(), words));
        (normalised, words)
    }
}

/// [`column_roles`], reusing what `memo` knows of labels seen before.
pub fn column_roles_with(
    table: &Table,
    knowledge: &Knowledge,
    memo: &mut LabelMemo,
) -> Vec<ColumnRole> {
    let vocabulary = &knowledge.vocabulary;
    let mut roles: Vec<ColumnRole> = (0..table.columns.len())
        .map(|c| {
            let (path, words): (Vec<String>, Vec<LabelWords>) =
                table.columns[c].path.iter().map(|l| memo.get(l, vocabulary)).unzip();
            let leaf_measure = words.last().and_then(|w| w.measure);
            // The innermost label that names a measure; a group label names one only when
            // the leaf does not ("Realisasi › TW I"), so "Realisasi Kinerja Tahun 2024 ›
            // Target" is a target.
            let measure_depth = (0..path.len()).rev().find(|&d| words[d].measure.is_some());
            let measure = leaf_measure.or_else(|| measure_depth.and_then(|d| words[d].measure));
            let period = words.iter().find_map(|w| w.period);
            let context = path
                .iter()
                .enumerate()
                .filter(|&(d, _)| Some(d) != measure_depth && words[d].period.is_none())
                .map(|(_, l)| l.clone())
                .collect();
            let budget = words.iter().any(|w| w.budget);
            let weight = words.iter().any(|w| w.weight);
            let ratio = words.iter().any(|w| w.ratio);
            let factor = words.last().is_some_and(|w| w.factor);
            let cumulative = words.iter().any(|w| w.cumulative);
            let grade = words.last().is_some_and(|w| w.grade);
            let index_header = words.last().is_some_and(|w| w.index);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::{read_document, ReadOptions, SourceFile, SourceKind};

    #[test]
    fn labels_read_once_per_report_give_the_roles_read_afresh() {
        let text = "| No | Indikator | Target | Realisasi | Capaian (%) |\n|---|---|---|---|---|\n\
                    | 1 | A | 10 | 8 | 80,00 |\n\n\
                    | Uraian | Pagu | Realisasi | % |\n|---|---|---|---|\n| B | 100 | 90 | 90,00 |\n\n\
                    | No | Indikator | Target | Realisasi | Capaian (%) |\n|---|---|---|---|---|\n\
                    | 1 | C | 4 | 4 | 100,00 |\n";
        let source = SourceFile::new("t.md".into(), SourceKind::Markdown, text.into());
        let doc = read_document(source, &ReadOptions::default());
        let knowledge = Knowledge::builtin();
        assert_eq!(doc.tables.len(), 3);
        let mut memo = LabelMemo::default();
        for table in &doc.tables {
            let afresh = column_roles(table, &knowledge);
            assert_eq!(column_roles_with(table, &knowledge, &mut memo), afresh);
            assert!(afresh.iter().any(|r| r.measure == Some(Measure::Realisation)));
        }
        // Thirteen labels, eight of them different: "Realisasi" heads all three tables
        // and is read once.
        assert_eq!(memo.labels.len(), 8);
    }
}
