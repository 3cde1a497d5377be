//! # A104 `wrong-average`
//!
//! An average that is not the mean of the figures it covers.
//!
//! ## What it checks
//!
//! - A "Rata-rata …" row: each of its figures is the mean of the rows above it, since the
//!   previous average row (a "Jumlah" row among them is not one of the rows averaged).
//! - A "Rata-rata …" column under a header group: the mean of the other columns of that
//!   group in the same row ("Capaian › 2022 / 2023 / 2024 / Rata-rata").
//! - A "Rata-rata Capaian …" column on its own, printed once per strategic goal (a cell
//!   merged over the goal's rows): the mean of the achievement percentages of the goal's
//!   indicators (or of its numbered indicators only, "1.", "2.", leaving sub-indicators
//!   "a.", "b." out). Printed once for the whole table, the mean of all its rows. The
//!   percentages averaged are the table's one achievement column that is not a budget
//!   absorption (Anggaran › %).
//!
//! Every figure averaged must be printed: a `-` or a blank among them leaves the average
//! unchecked (periksa cannot tell whether the report counted it). An average row in a
//! table with a weight column ("Bobot") is a weighted mean and is not checked. The corner
//! of a "Rata-rata" row and a "Rata-rata" column may be either the mean of the row's
//! averages or of the column's. The figures stand for their rounding intervals, so a mean
//! of rounded percentages is never a false alarm.
//!
//! ## Example
//!
//! ```text
//! Sasaran  Indikator  Capaian (%)  Rata-rata Capaian (%)
//! Goal 1   A          87,50        92,08
//!          B          93,00
//!          C          90,00
//! ```
//!
//! (87,50 + 93,00 + 90,00) / 3 = 90,1666…, which prints as 90,17, not 92,08.

use super::support::{finding, Slot};
use super::worksheet::{row_label, CheckRecord, Verdict};
use super::Context;
use crate::arith::computation::sum_expression;
use crate::arith::Interval;
use crate::diagnostics::{Finding, Label};
use crate::facts::{RowRole, TableFacts};
use crate::knowledge::Measure;
use crate::messages::Message;
use crate::msg;
use crate::span::Span;
use regex::Regex;
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::sync::LazyLock;

const CODE: &str = "A104";

/// An indicator name that starts with its number: "1. Persentase …".
static NUMBERED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\d+[.)]\s").expect("a valid pattern"));

pub fn check(ctx: &Context, findings: &mut Vec<Finding>) {
    for facts in &ctx.tables {
        check_average_rows(ctx, facts, findings);
        check_average_columns(ctx, facts, findings);
    }
}

fn check_average_rows(ctx: &Context, facts: &TableFacts, findings: &mut Vec<Finding>) {
    if facts.is_weighted() {
        // A weighted mean, with weights periksa does not apply.
        return;
    }
    let rows: Vec<usize> = facts.checked_rows().collect();
    for (k, &row) in rows.iter().enumerate() {
        if facts.rows[row].role != RowRole::Average {
            continue;
        }
        // The rows since the previous average row; a Jumlah row in between is not one of
        // them (an average under a total averages the rows, not the total).
        let mut covered: Vec<usize> = rows[..k]
            .iter()
            .rev()
            .take_while(|&&r| facts.rows[r].role != RowRole::Average)
            .filter(|&&r| facts.rows[r].role == RowRole::Data && facts.rows[r].has_figures)
            .copied()
            .collect();
        covered.reverse();
        for column in 0..facts.columns.len() {
            if !facts.columns[column].is_value() {
                continue;
            }
            let mut readings = vec![covered.iter().map(|&r| (r, column)).collect::<Vec<_>>()];
            // The corner of an average row and an average column may also be the mean of
            // the averages beside it.
            if let Some(siblings) = group_siblings(facts, column) {
                readings.push(siblings.iter().map(|&c| (row, c)).collect());
            }
            let whose = msg!("a104.whose-rows-above");
            check_mean(ctx, facts, (row, column), &readings, whose, findings);
        }
    }
}

/// For an average column inside a header group, the other value columns of the group.
fn group_siblings(facts: &TableFacts, average: usize) -> Option<Vec<usize>> {
    let cols = &facts.columns;
    if cols[average].measure != Some(Measure::Average) {
        return None;
    }
    let path = &facts.table.columns[average].path;
    if path.len() < 2 {
        return None;
    }
    let parent = &path[..path.len() - 1];
    let siblings: Vec<usize> = (0..cols.len())
        .filter(|&c| {
            c != average
                && cols[c].is_value()
                && cols[c].measure != Some(Measure::Average)
                && facts.table.columns[c].path.len() == path.len()
                && facts.table.columns[c].path[..path.len() - 1] == *parent
        })
        .collect();
    (siblings.len() >= 2).then_some(siblings)
}

fn check_average_columns(ctx: &Context, facts: &TableFacts, findings: &mut Vec<Finding>) {
    let cols = &facts.columns;
    for average in 0..cols.len() {
        if !cols[average].is_value() || cols[average].measure != Some(Measure::Average) {
            continue;
        }
        if facts.table.columns[average].path.len() >= 2 {
            // The other columns of its group, in its row (an average row's corner is
            // checked with that row).
            let Some(siblings) = group_siblings(facts, average) else { continue };
            for row in facts.checked_rows() {
                if facts.rows[row].role == RowRole::Average {
                    continue;
                }
                let cells: Vec<(usize, usize)> = siblings.iter().map(|&c| (row, c)).collect();
                let whose = msg!("a104.whose-beside");
                check_mean(ctx, facts, (row, average), &[cells], whose, findings);
            }
            continue;
        }
        // A column on its own: the mean of the achievement percentages of a goal's rows.
        let percents: Vec<usize> = (0..cols.len())
            .filter(|&c| {
                cols[c].is_value() && cols[c].measure == Some(Measure::Percent) && !cols[c].budget
            })
            .collect();
        let [percent] = percents[..] else { continue };
        let data: Vec<usize> =
            facts.checked_rows().filter(|&r| facts.rows[r].role == RowRole::Data).collect();
        let printed: Vec<usize> =
            data.iter().copied().filter(|&r| facts.figure(r, average).is_some()).collect();
        let mut rows_of_goal: HashMap<usize, Vec<usize>> = HashMap::new();
        for &r in &data {
            if let Some(goal) = facts.rows[r].goal {
                rows_of_goal.entry(goal).or_default().push(r);
            }
        }
        for &row in &printed {
            let covered: &[usize] = match facts.rows[row].goal {
                Some(goal) => rows_of_goal.get(&goal).map_or(&[], Vec::as_slice),
                None if printed.len() == 1 => &data,
                None => continue,
            };
            // An average printed in every row of its goal is not a goal's average.
            let others_blank =
                covered.iter().all(|&r| r == row || facts.cell(r, average).is_empty());
            if covered.len() < 2 || !others_blank {
                continue;
            }
            let cells: Vec<(usize, usize)> = covered.iter().map(|&r| (r, percent)).collect();
            // Indicators numbered "1.", "2." with sub-indicators "a.", "b." under them: the
            // goal's average may be over the numbered ones only.
            let numbered: Vec<(usize, usize)> = covered
                .iter()
                .filter(|&&r| {
                    facts.rows[r].name.as_ref().is_some_and(|(n, _)| NUMBERED.is_match(n))
                })
                .map(|&r| (r, percent))
                .collect();
            let mut readings = vec![cells];
            if numbered.len() >= 2 && numbered.len() < readings[0].len() {
                readings.push(numbered);
            }
            let whose = if facts.rows[row].goal.is_some() {
                msg!("a104.whose-goal")
            } else {
                msg!("a104.whose-table")
            };
            check_mean(ctx, facts, (row, average), &readings, whose, findings);
        }
    }
}

/// Checks an average against the readings of what it covers: it holds when any reading
/// holds, and is reported with the first.
fn check_mean(
    ctx: &Context,
    facts: &TableFacts,
    (row, column): (usize, usize),
    readings: &[Vec<(usize, usize)>],
    whose: Message,
    findings: &mut Vec<Finding>,
) {
    let Some(printed) = facts.figure(row, column) else { return };
    let mut first = None;
    for (i, parts) in readings.iter().enumerate() {
        match mean_of(ctx, facts, parts) {
            Some(mean) if mean.interval.meets(&ctx.printed(printed)) => {
                ctx.record(|| record(ctx, facts, (row, column), printed, &mean));
                return;
            }
            Some(mean) if i == 0 => first = Some(mean),
            _ => {}
        }
    }
    let Some(mean) = first else { return };
    ctx.record(|| record(ctx, facts, (row, column), printed, &mean));
    let Mean { interval: _, value, texts, spans } = mean;
    let found = ctx.digits(printed);
    let expected = ctx.show(value, printed.decimals);
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let mut f = finding(
        CODE,
        msg!("a104.message", place = facts.place(column), found, whose, expected),
        Label::new(facts.cell(row, column).span, msg!("label.printed-expected", found, expected)),
    )
    .with_values(expected, found)
    .with_note(Message::plain(format!(
        "({}) / {} = {}",
        sum_expression(&refs),
        texts.len(),
        crate::arith::computation::show_value(value, ctx.doc.locale)
    )));
    for span in spans {
        f = f.with_related(Label::new(span, msg!("a104.label-averaged")));
    }
    findings.push(f);
}

fn record(
    ctx: &Context,
    facts: &TableFacts,
    (row, column): (usize, usize),
    printed: &crate::figures::Figure,
    mean: &Mean,
) -> CheckRecord {
    let refs: Vec<&str> = mean.texts.iter().map(String::as_str).collect();
    CheckRecord {
        code: CODE,
        place: facts.place(column),
        row: row_label(facts, row),
        span: facts.cell(row, column).span,
        inputs: mean.texts.clone(),
        formula: Message::plain(format!("({}) / {}", sum_expression(&refs), mean.texts.len())),
        recomputed: Some(mean.interval),
        printed: ctx.digits(printed),
        decimals: printed.decimals,
        verdict: Verdict::judge(Some(mean.value), &mean.interval, &ctx.printed(printed)),
        reported: false,
    }
}

/// A mean of printed figures.
struct Mean {
    interval: Interval,
    /// From the printed figures.
    value: Decimal,
    texts: Vec<String>,
    spans: Vec<Span>,
}

/// The mean of the cells, when there are two or more and every one is printed.
fn mean_of(ctx: &Context, facts: &TableFacts, parts: &[(usize, usize)]) -> Option<Mean> {
    if parts.len() < 2 {
        return None;
    }
    let mut intervals = Vec::new();
    let mut texts = Vec::new();
    let mut spans: Vec<Span> = Vec::new();
    let mut sum = Decimal::ZERO;
    for &(r, c) in parts {
        let Slot::Known(input) = ctx.slot(facts.cell(r, c)) else { return None };
        intervals.push(input.interval);
        sum = sum.checked_add(input.value)?;
        texts.push(input.text);
        spans.push(input.span);
    }
    let interval = Interval::mean(&intervals)?;
    let value = sum.checked_div(Decimal::from(parts.len()))?;
    Some(Mean { interval, value, texts, spans })
}
