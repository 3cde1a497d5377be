//! # A103 `wrong-period-sum`
//!
//! A yearly figure that does not agree with the quarterly (or semester) figures the same
//! table gives for it.
//!
//! ## What it checks
//!
//! When a row gives a yearly target (or realisation) and the target (or realisation) of
//! every quarter, Triwulan I to IV or TW I to IV (or of both semesters):
//!
//! - for a count (people, cases, documents) or money, the periods add up to the year; a
//!   count may also be one of what exists at the end of each period (active cooperatives,
//!   people in poverty), whose year is the last period's, and that reading is accepted
//!   too;
//! - for a score or an index ("Nilai IKPA"), and for a count declared a "stock" in
//!   `rules/indicators.yaml`, the year's figure is the last period's (or, as some units
//!   report a quarterly survey, the mean of the periods);
//! - a rate or percentage is never summed, and is left alone.
//!
//! The kind of an indicator comes from the units of its figures ("40 orang" is a count,
//! "37,25%" a rate, "Rp" money) and, for bare numbers, from its name as listed in
//! `rules/indicators.yaml` ("Nilai …" is a score); never from where the row stands. An
//! indicator whose kind periksa cannot tell is not checked.
//!
//! Quarter columns that do not say whether they hold targets or realisations belong to the
//! yearly target or realisation column printed right after them. Quarterly counts that
//! never go down and end at the year's figure are running totals ("s.d. Triwulan II"
//! printed under a plain quarter label) and are accepted as such.
//!
//! ## Example
//!
//! ```text
//! Indikator       Target  Triwulan I  Triwulan II  Triwulan III  Triwulan IV  Realisasi
//! Jumlah lulusan  1.240   160         310          365           250          1.058
//! ```
//!
//! 160 + 310 + 365 + 250 = 1.085, not 1.058.

use super::support::{finding, Slot};
use super::worksheet::{row_label, CheckRecord, Verdict};
use super::Context;
use crate::arith::computation::sum_expression;
use crate::arith::Interval;
use crate::diagnostics::{Finding, Label};
use crate::facts::{RowRole, TableFacts};
use crate::knowledge::{IndicatorKind, Measure};
use crate::messages::Message;
use crate::msg;
use rust_decimal::Decimal;

const CODE: &str = "A103";

pub fn check(ctx: &Context, findings: &mut Vec<Finding>) {
    for facts in &ctx.tables {
        let pairs = annual_and_periods(ctx, facts);
        if pairs.is_empty() {
            continue;
        }
        for row in facts.checked_rows() {
            if facts.rows[row].role != RowRole::Data {
                continue;
            }
            let Some(kind) = facts.rows[row].kind else { continue };
            for (annual, periods) in &pairs {
                match kind {
                    IndicatorKind::Count | IndicatorKind::Money => {
                        check_sum(ctx, facts, row, *annual, periods, findings)
                    }
                    IndicatorKind::Score | IndicatorKind::Stock => {
                        check_last(ctx, facts, row, *annual, periods, findings)
                    }
                    IndicatorKind::Rate => {}
                }
            }
        }
    }
}

/// Each yearly target or realisation column with its period columns, in order.
fn annual_and_periods(ctx: &Context, facts: &TableFacts) -> Vec<(usize, Vec<usize>)> {
    let cols = &facts.columns;
    let vocabulary = &ctx.knowledge.vocabulary;
    let mut pairs: Vec<(usize, Vec<usize>)> = Vec::new();
    for a in 0..cols.len() {
        let Some(measure @ (Measure::Target | Measure::Realisation)) = cols[a].measure else {
            continue;
        };
        if !cols[a].is_value() || cols[a].period.is_some() {
            continue;
        }
        // "Target › Tahunan" is the year of "Target › TW I": a label naming the year is
        // not part of the context the periods must share.
        let context: Vec<&String> =
            cols[a].context.iter().filter(|l| !vocabulary.is_annual(l)).collect();
        let same_context = |c: usize| cols[c].context.iter().eq(context.iter().copied());
        let measured = facts.period_columns(Some(measure), &same_context);
        let periods = measured.or_else(|| {
            // Quarters that name no measure, printed right before this column.
            let unmeasured = facts.period_columns(None, &same_context)?;
            let contiguous = unmeasured.windows(2).all(|w| w[0] + 1 == w[1]);
            (contiguous && unmeasured.last().map(|&l| l + 1) == Some(a)).then_some(unmeasured)
        });
        if let Some(periods) = periods {
            pairs.push((a, periods));
        }
    }
    // Two yearly columns claiming the same periods ("Target 2024", "Target 2025"): which
    // year the periods belong to is not said, so neither is checked.
    let claimed = |periods: &Vec<usize>| pairs.iter().filter(|(_, p)| p == periods).count();
    pairs.iter().filter(|(_, p)| claimed(p) == 1).cloned().collect()
}

fn check_sum(
    ctx: &Context,
    facts: &TableFacts,
    row: usize,
    annual: usize,
    periods: &[usize],
    findings: &mut Vec<Finding>,
) {
    let Some(total) = facts.figure(row, annual) else { return };
    let mut intervals = Vec::new();
    let mut texts = Vec::new();
    let mut spans = Vec::new();
    let mut value = Decimal::ZERO;
    for &c in periods {
        let cell = facts.cell(row, c);
        match ctx.slot(cell) {
            Slot::Known(input) => {
                if input_unit_differs(facts, row, c, total) {
                    return;
                }
                intervals.push(input.interval);
                let Some(v) = value.checked_add(input.value) else { return };
                value = v;
                texts.push(input.text);
            }
            Slot::Nil(_) => {
                intervals.push(Interval::exact(Decimal::ZERO));
                texts.push("-".to_string());
            }
            Slot::Blank(_) | Slot::Text => return,
        }
        spans.push(cell.span);
    }
    let Some(sum) = Interval::sum(&intervals) else { return };
    let printed = ctx.printed(total);
    // A count of what exists at the end of each period (active cooperatives, people in
    // poverty) has the last period's figure as its year, whatever its name says.
    let last_is_year = intervals.last().is_some_and(|last| last.meets(&printed));
    let holds = sum.meets(&printed) || is_cumulative(&intervals, &printed) || last_is_year;
    ctx.record(|| {
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let (formula, interval, exact) = match intervals.last() {
            Some(last) if !sum.meets(&printed) && holds => {
                let figure = texts.last().cloned().unwrap_or_default();
                (msg!("worksheet.formula-last-period", figure), *last, None)
            }
            _ => (Message::plain(sum_expression(&refs)), sum, Some(value)),
        };
        CheckRecord {
            code: CODE,
            place: facts.place(annual),
            row: row_label(facts, row),
            span: facts.cell(row, annual).span,
            inputs: texts.clone(),
            formula,
            recomputed: Some(interval),
            printed: ctx.digits(total),
            decimals: total.decimals,
            verdict: Verdict::judge(exact, &interval, &printed),
            reported: false,
        }
    });
    if holds {
        return;
    }
    let found = ctx.digits(total);
    let expected = ctx.show(value, total.decimals);
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let semesters = periods.len() == 2;
    let place = facts.place(annual);
    let message = if semesters {
        msg!("a103.message-semesters", place, found, expected)
    } else {
        msg!("a103.message-quarters", place, found, expected)
    };
    let computation = format!("{} = {}", sum_expression(&refs), ctx.show(value, total.decimals));
    let note = if semesters {
        msg!("a103.note-semesters", computation)
    } else {
        msg!("a103.note-quarters", computation)
    };
    let mut f = finding(
        CODE,
        message,
        Label::new(facts.cell(row, annual).span, msg!("label.printed-expected", found, expected)),
    )
    .with_values(expected, found)
    .with_note(note);
    for span in spans {
        f = f.with_related(Label::new(span, msg!("a103.label-period")));
    }
    findings.push(f);
}

/// A period figure with another unit than the year's ("orang" against "kasus") is not
/// the same quantity.
fn input_unit_differs(
    facts: &TableFacts,
    row: usize,
    column: usize,
    total: &crate::figures::Figure,
) -> bool {
    facts
        .figure(row, column)
        .is_some_and(|f| f.unit.is_some() && total.unit.is_some() && f.unit != total.unit)
}

fn check_last(
    ctx: &Context,
    facts: &TableFacts,
    row: usize,
    annual: usize,
    periods: &[usize],
    findings: &mut Vec<Finding>,
) {
    let Some(year) = facts.figure(row, annual) else { return };
    let Some(&last_column) = periods.last() else { return };
    let Some(last) = facts.figure(row, last_column) else { return };
    let input = ctx.input(last, facts.cell(row, last_column).span);
    let printed = ctx.printed(year);
    let mean = (!input.interval.meets(&printed))
        .then(|| mean_of_periods(ctx, facts, row, periods))
        .flatten()
        .filter(|m| m.meets(&printed));
    ctx.record(|| {
        let (formula, interval, exact) = match mean {
            Some(m) => (msg!("worksheet.formula-mean-of-periods"), m, None),
            None => {
                let figure = input.text.clone();
                (msg!("worksheet.formula-last-period", figure), input.interval, Some(last.value))
            }
        };
        CheckRecord {
            code: CODE,
            place: facts.place(annual),
            row: row_label(facts, row),
            span: facts.cell(row, annual).span,
            inputs: vec![input.text.clone()],
            formula,
            recomputed: Some(interval),
            printed: ctx.digits(year),
            decimals: year.decimals,
            verdict: Verdict::judge(exact, &interval, &printed),
            reported: false,
        }
    });
    if input.interval.meets(&printed) || mean.is_some() {
        return;
    }
    let found = ctx.digits(year);
    let expected = ctx.show(last.value, year.decimals);
    let place = facts.place(annual);
    let quarters = periods.len() == 4;
    let (message, label) = if quarters {
        (msg!("a103.message-last-quarter", place, found, expected), msg!("a103.label-last-quarter"))
    } else {
        (
            msg!("a103.message-last-semester", place, found, expected),
            msg!("a103.label-last-semester"),
        )
    };
    let figure = &input.text;
    let note = match (facts.rows[row].kind, quarters) {
        (Some(IndicatorKind::Stock), true) => msg!("a103.note-stock-quarter", figure),
        (Some(IndicatorKind::Stock), false) => msg!("a103.note-stock-semester", figure),
        (_, true) => msg!("a103.note-score-quarter", figure),
        (_, false) => msg!("a103.note-score-semester", figure),
    };
    let f = finding(
        CODE,
        message,
        Label::new(facts.cell(row, annual).span, msg!("label.printed-expected", found, expected)),
    )
    .with_values(expected, found)
    .with_related(Label::new(input.span, label))
    .with_note(note);
    findings.push(f);
}

/// Figures that never go down and end at the year's figure are running totals (a report
/// that prints "s.d. TW II" figures under plain quarter labels): the year is the last one.
pub fn is_cumulative(periods: &[Interval], year: &Interval) -> bool {
    let rising = periods.windows(2).all(|w| w[0].lo <= w[1].hi);
    rising && periods.last().is_some_and(|last| last.meets(year))
}

/// The mean of the periods' figures: some units report a score's year as the mean of its
/// quarters (an IKM surveyed every quarter).
fn mean_of_periods(
    ctx: &Context,
    facts: &TableFacts,
    row: usize,
    periods: &[usize],
) -> Option<Interval> {
    Interval::mean(&ctx.known_intervals(facts, periods.iter().map(|&c| (row, c)))?)
}
