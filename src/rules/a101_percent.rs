//! # A101 `wrong-percentage`
//!
//! An achievement percentage that does not follow from the target and the realisation
//! printed in its own row.
//!
//! ## What it checks
//!
//! Wherever a row has a target, a realisation and a percentage under the same header
//! group ("TAHUN 2023 › TARGET / CAPAIAN / %", "POK › …", "Anggaran › Pagu / Realisasi /
//! %", or no group at all), the percentage must be realisation / target × 100. A year
//! label on one side only ("Realisasi › Tahun 2024" beside a plain "Capaian (%)") still
//! pairs them. When the table gives the realisation only per quarter (or semester), the
//! year's realisation is their sum for a count or money (or the last period's, when the
//! quarters are running totals or positions at the end of each period), and the last
//! period's (or the mean of the periods) for a score or index; a rate has no yearly figure
//! that periksa could compute, so its row is left alone.
//!
//! An indicator declared lower-is-better in `rules/indicators.yaml` must use one of its
//! declared formulas, for example (2 × target − realisation) / target × 100. An indicator
//! that is not declared may use either realisation / target × 100 or the lower-is-better
//! formula (see `rules/policy.yaml`): periksa cannot tell from a table which way it runs.
//!
//! ## Rounding
//!
//! A figure printed with k decimals stands for every value within half a unit of its last
//! decimal; an integer target or realisation is exact. periksa recomputes the percentage
//! as an interval from the printed inputs and reports only when that interval cannot
//! contain any value that prints as the percentage shown. Rounding never raises an alarm;
//! a slip of one unit in the last decimal always does.
//!
//! ## Also accepted
//!
//! In a total row the percentage may also be the mean of the percentages of the rows it
//! closes, as some reports print it. A percentage printed at one of the caps of
//! `rules/policy.yaml` (120, say) is accepted when the computed achievement is at least
//! that: some units count nothing above a cap. A percentage computed from a figure that
//! another check already found wrong (a wrong total) is not reported again.
//!
//! ## Left alone
//!
//! A percentage of a target that is `-`, empty or zero; a row where the realisation is
//! `-` or empty; a row periksa could not align with the header. A percentage above 100
//! raises no alarm of its own (over-achievement is fine): it is checked like any other.
//!
//! ## Example
//!
//! ```text
//! Indikator        Target       Realisasi    %
//! Jumlah lulusan   1.200 orang  1.014 orang  84,05
//! ```
//!
//! 1.014 / 1.200 × 100 = 84,5, which prints as 84,50, not 84,05 (two digits swapped).

use super::support::{finding, Input, Slot};
use super::worksheet::{row_label, CheckRecord, Verdict};
use super::Context;
use crate::arith::computation::sum_expression;
use crate::arith::{Computation, Interval};
use crate::diagnostics::{Applicability, Label};
use crate::facts::{RowRole, TableFacts};
use crate::knowledge::{normalise, Formula, IndicatorKind, Measure};
use crate::messages::Message;
use crate::msg;
use rust_decimal::Decimal;

const CODE: &str = "A101";

/// Where a row's realisation comes from.
#[derive(Debug, Clone)]
pub enum RealisationSource {
    /// A realisation column.
    Column(usize),
    /// Period columns (quarters or semesters, in order) that roll up to the year.
    Periods(Vec<usize>),
}

/// A percentage column with the columns it is computed from.
#[derive(Debug, Clone)]
pub struct PercentSlot {
    pub percent: usize,
    pub target: usize,
    pub realisation: RealisationSource,
}

/// The percentage columns of a table that periksa can recompute, each with its target and
/// realisation: the one target and the one realisation with the same context and period.
pub fn percent_slots(ctx: &Context, facts: &TableFacts) -> Vec<PercentSlot> {
    let cols = &facts.columns;
    let vocabulary = &ctx.knowledge.vocabulary;
    // "Realisasi › Tahun 2024" beside a plain "Capaian (%)": a label naming the year is no
    // part of the context.
    let context = |c: usize| -> Vec<&String> {
        cols[c].context.iter().filter(|l| !vocabulary.is_annual(l)).collect()
    };
    let with = |measure: Measure, p: usize| -> Vec<usize> {
        let of = |same: &dyn Fn(usize) -> bool| -> Vec<usize> {
            (0..cols.len())
                .filter(|&c| {
                    cols[c].is_value()
                        && cols[c].measure == Some(measure)
                        && cols[c].period == cols[p].period
                        && same(c)
                })
                .collect()
        };
        // The same context first ("Tahun 2024 › Target" for "Tahun 2024 › %"); only when
        // there is none, the context without its year labels.
        let exact = of(&|c| cols[c].context == cols[p].context);
        if !exact.is_empty() {
            return exact;
        }
        let wanted = context(p);
        of(&|c| context(c) == wanted)
    };
    let mut slots = Vec::new();
    for (p, column) in cols.iter().enumerate() {
        if !column.is_value() || column.measure != Some(Measure::Percent) {
            continue;
        }
        let [target] = with(Measure::Target, p)[..] else { continue };
        let realisation = match with(Measure::Realisation, p)[..] {
            [r] => RealisationSource::Column(r),
            [] if column.period.is_none() => match period_columns(facts, p) {
                Some(periods) => RealisationSource::Periods(periods),
                None => continue,
            },
            _ => continue,
        };
        // "Target (%)" beside "Realisasi (ibu hamil)": a rate's target against the count
        // it is a rate of. The percentage is the count over its own base, not over the
        // target; this table does not say which.
        if let RealisationSource::Column(r) = realisation {
            if in_percent(facts, target) != in_percent(facts, r) {
                continue;
            }
        }
        slots.push(PercentSlot { percent: p, target, realisation });
    }
    slots
}

/// Does a column hold percentages: its header says so, or its figures carry `%`?
fn in_percent(facts: &TableFacts, c: usize) -> bool {
    let header = facts.table.columns[c]
        .path
        .iter()
        .any(|l| l.contains('%') || l.to_lowercase().contains("persen"));
    let (mut percent, mut other) = (0, 0);
    for r in facts.checked_rows() {
        match facts.figure(r, c).map(|f| f.kind) {
            Some(crate::figures::FigureKind::Percent) => percent += 1,
            Some(_) => other += 1,
            None => {}
        }
    }
    header || percent > other
}

/// Realisation columns of every quarter (or both semesters) in the context of column `p`.
fn period_columns(facts: &TableFacts, p: usize) -> Option<Vec<usize>> {
    let cols = &facts.columns;
    facts.period_columns(Some(Measure::Realisation), &|c| cols[c].context == cols[p].context)
}

/// One way of computing a row's percentage.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub formula: Formula,
    /// What the printed inputs allow.
    pub interval: Interval,
    /// Written out, with its value from the printed inputs.
    pub computation: Computation,
}

/// A percentage recomputed from its row.
#[derive(Debug, Clone)]
pub struct Recomputed {
    /// Every acceptable way of computing it, the first one being the expected.
    pub candidates: Vec<Candidate>,
    pub target: Input,
    /// The realisation's inputs: one cell, or the period cells it rolls up from.
    pub realisation: Vec<Input>,
    /// How many readings of the realisation there are (the sum of the quarters and the
    /// last quarter's, say): more than one makes a fix a guess.
    pub readings: usize,
}

/// The formulas an indicator may use.
fn formulas(ctx: &Context, name: Option<&str>) -> Vec<Formula> {
    let declared = name.and_then(|n| ctx.knowledge.indicators.polarity(&normalise(n)));
    match declared {
        Some(rule) => rule.formulas.clone(),
        None if ctx.knowledge.policy.accept_lower_is_better_when_undeclared => {
            vec![Formula::Ratio, Formula::TwoMinus]
        }
        None => vec![Formula::Ratio],
    }
}

/// The realisation of a row.
struct Realisation {
    interval: Interval,
    /// Its value from the printed figures.
    value: Decimal,
    /// How it is written in a computation.
    written: String,
    inputs: Vec<Input>,
    /// Another reading of it (its interval, value and digits): the last period's count,
    /// when the periods are running totals or positions at the end of each period; the
    /// mean of a score's periods, when the year's score is their mean.
    running: Option<(Interval, Decimal, String)>,
}

fn realisation(
    ctx: &Context,
    facts: &TableFacts,
    source: &RealisationSource,
    row: usize,
) -> Option<Realisation> {
    match source {
        RealisationSource::Column(c) => match ctx.slot(facts.cell(row, *c)) {
            Slot::Known(input) => Some(Realisation {
                interval: input.interval,
                value: input.value,
                written: input.text.clone(),
                inputs: vec![input],
                running: None,
            }),
            _ => None,
        },
        RealisationSource::Periods(columns) => {
            let kind = facts.rows[row].kind?;
            let mut inputs = Vec::new();
            let mut texts = Vec::new();
            let mut intervals = Vec::new();
            let mut value = Decimal::ZERO;
            for &c in columns {
                match ctx.slot(facts.cell(row, c)) {
                    Slot::Known(input) => {
                        texts.push(input.text.clone());
                        intervals.push(input.interval);
                        value = value.checked_add(input.value)?;
                        inputs.push(input);
                    }
                    // Nil counts as zero in a sum of counts.
                    Slot::Nil(_) if matches!(kind, IndicatorKind::Count | IndicatorKind::Money) => {
                        texts.push("-".to_string());
                        intervals.push(Interval::exact(Decimal::ZERO));
                    }
                    _ => return None,
                }
            }
            match kind {
                IndicatorKind::Count | IndicatorKind::Money => {
                    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
                    let sum = Interval::sum(&intervals)?;
                    // The figures may be running totals, or counts of what exists at the
                    // end of each period: then the year is the last.
                    let running =
                        inputs.last().map(|last| (last.interval, last.value, last.text.clone()));
                    let written = format!("({})", sum_expression(&refs));
                    Some(Realisation { interval: sum, value, written, inputs, running })
                }
                IndicatorKind::Score | IndicatorKind::Stock => {
                    let mean = Interval::mean(&intervals).and_then(|m| {
                        let n = Decimal::from(intervals.len());
                        let written = format!("({}) / {n}", texts.join(" + "));
                        Some((m, value.checked_div(n)?, written))
                    });
                    let last = inputs.pop()?;
                    if texts.last() != Some(&last.text) {
                        return None;
                    }
                    Some(Realisation {
                        interval: last.interval,
                        value: last.value,
                        written: last.text.clone(),
                        inputs: vec![last],
                        running: mean,
                    })
                }
                IndicatorKind::Rate => None,
            }
        }
    }
}

/// Recomputes the percentage of `slot` in `row`, if the row gives what it needs.
pub fn recompute(
    ctx: &Context,
    facts: &TableFacts,
    slot: &PercentSlot,
    row: usize,
) -> Option<Recomputed> {
    let Slot::Known(target) = ctx.slot(facts.cell(row, slot.target)) else { return None };
    let Realisation { interval: r, value: r_value, written: r_text, inputs: r_inputs, running } =
        realisation(ctx, facts, &slot.realisation, row)?;
    let t = target.interval;
    let hundred = Decimal::ONE_HUNDRED;
    let name = facts.rows[row].name.as_ref().map(|(n, _)| n.as_str());
    let mut readings = vec![(r, r_value, r_text)];
    readings.extend(running);
    let reading_count = readings.len();
    let mut candidates = Vec::new();
    for formula in formulas(ctx, name) {
        for (r, r_value, r_text) in &readings {
            let (interval, value, expression) = match formula {
                Formula::Ratio => (
                    r.div(&t)?.scale(hundred)?,
                    r_value.checked_div(target.value)?.checked_mul(hundred)?,
                    format!("{r_text} / {} × 100", target.text),
                ),
                Formula::TwoMinus => (
                    t.scale(Decimal::TWO)?.sub(r)?.div(&t)?.scale(hundred)?,
                    (target.value.checked_mul(Decimal::TWO)?.checked_sub(*r_value)?)
                        .checked_div(target.value)?
                        .checked_mul(hundred)?,
                    format!("(2 × {t} − {r_text}) / {t} × 100", t = target.text),
                ),
                Formula::Inverse => (
                    t.div(r)?.scale(hundred)?,
                    target.value.checked_div(*r_value)?.checked_mul(hundred)?,
                    format!("{} / {r_text} × 100", target.text),
                ),
            };
            let computation = Computation::new(expression, value);
            candidates.push(Candidate { formula, interval, computation });
        }
    }
    if candidates.is_empty() {
        return None;
    }
    Some(Recomputed { candidates, target, realisation: r_inputs, readings: reading_count })
}

impl Recomputed {
    /// The expected way: the first.
    pub fn expected(&self) -> &Candidate {
        &self.candidates[0]
    }

    /// The way that gives the printed percentage, if one does; otherwise the expected.
    pub fn matching(&self, printed: &Interval) -> &Candidate {
        self.candidates.iter().find(|c| c.interval.meets(printed)).unwrap_or(self.expected())
    }
}

pub fn check(ctx: &Context, findings: &mut Vec<crate::diagnostics::Finding>) {
    for facts in &ctx.tables {
        let slots = percent_slots(ctx, facts);
        if slots.is_empty() {
            continue;
        }
        for row in facts.checked_rows() {
            if !matches!(facts.rows[row].role, RowRole::Data | RowRole::Total | RowRole::Subtotal) {
                continue;
            }
            for slot in &slots {
                let Some(percent) = facts.figure(row, slot.percent) else { continue };
                let Some(recomputed) = recompute(ctx, facts, slot, row) else { continue };
                let printed = ctx.printed(percent);
                let matching = recomputed.candidates.iter().find(|c| c.interval.meets(&printed));
                // A percentage capped at one of the policy's caps ("120,00" for 125 %).
                let capped = matching.is_none()
                    && ctx.knowledge.policy.achievement_caps.contains(&percent.value)
                    && recomputed.candidates.iter().any(|c| c.interval.hi >= percent.value);
                let is_total = facts.rows[row].role != RowRole::Data;
                let mean = (matching.is_none() && !capped && is_total)
                    .then(|| mean_of_closed_rows(ctx, facts, slot.percent, row))
                    .flatten()
                    .filter(|m| m.meets(&printed));
                ctx.record(|| {
                    let way = match (matching, capped, mean) {
                        (Some(c), _, _) => Way::Formula(c),
                        (None, true, _) => Way::Capped,
                        (None, false, Some(m)) => Way::MeanOfRows(m),
                        (None, false, None) => Way::Formula(recomputed.expected()),
                    };
                    worksheet_record(ctx, facts, slot.percent, row, percent, &recomputed, way)
                });
                if matching.is_some() || capped || mean.is_some() {
                    continue;
                }
                let cell = facts.cell(row, slot.percent);
                let found = ctx.digits(percent);
                let computation = &recomputed.expected().computation;
                let expected = ctx.show(computation.value, percent.decimals);
                let fix = ctx.figure_fix(
                    percent,
                    cell.exact,
                    computation.value,
                    applicability(ctx, &recomputed, percent, is_total),
                );
                let mut f = finding(
                    CODE,
                    msg!("a101.message", place = facts.place(slot.percent), found, expected),
                    Label::new(cell.span, msg!("label.printed-expected", found, expected)),
                )
                .with_fix(fix)
                .with_values(expected, found)
                .with_note(Message::plain(computation.render(ctx.doc.locale)));
                f = f.with_related(Label::new(recomputed.target.span, msg!("label.target")));
                let periods = recomputed.realisation.len() > 1;
                for input in &recomputed.realisation {
                    let what = if periods {
                        msg!("label.realisation-of-period")
                    } else {
                        msg!("label.realisation")
                    };
                    f = f.with_related(Label::new(input.span, what));
                }
                findings.push(f);
            }
        }
    }
}

/// How a printed percentage was found to hold (or, for one that fails, the expected way).
enum Way<'r> {
    Formula(&'r Candidate),
    /// At one of the policy's caps, which the computation exceeds.
    Capped,
    /// The mean of the percentages of the rows a total row closes.
    MeanOfRows(Interval),
}

fn worksheet_record(
    ctx: &Context,
    facts: &TableFacts,
    column: usize,
    row: usize,
    percent: &crate::figures::Figure,
    recomputed: &Recomputed,
    way: Way,
) -> CheckRecord {
    let printed = ctx.printed(percent);
    let mut inputs = vec![recomputed.target.text.clone()];
    inputs.extend(recomputed.realisation.iter().map(|i| i.text.clone()));
    let (formula, interval, verdict) = match way {
        Way::Formula(c) => (
            Message::plain(c.computation.expression.clone()),
            Some(c.interval),
            Verdict::judge(Some(c.computation.value), &c.interval, &printed),
        ),
        Way::Capped => {
            let c = recomputed.expected();
            let computation = c.computation.expression.clone();
            let cap = ctx.digits(percent);
            (msg!("worksheet.formula-capped", computation, cap), Some(c.interval), Verdict::Holds)
        }
        Way::MeanOfRows(m) => {
            (msg!("worksheet.formula-mean-of-rows"), Some(m), Verdict::judge(None, &m, &printed))
        }
    };
    CheckRecord {
        code: CODE,
        place: facts.place(column),
        row: row_label(facts, row),
        span: facts.cell(row, column).span,
        inputs,
        formula,
        recomputed: interval,
        printed: ctx.digits(percent),
        decimals: percent.decimals,
        verdict,
        reported: false,
    }
}

/// How far the fix of a wrong percentage can be trusted. It is safe when the row reads
/// one way: one reading of the realisation, and either one formula or, when the
/// indicator's polarity allows two (an undeclared indicator may run lower-is-better), the
/// expected value is the one nearest the printed slip by far (84,05 is a slip of 84,50,
/// not of 115,50). A total row's percentage may also be the mean of its rows': unsafe.
fn applicability(
    ctx: &Context,
    recomputed: &Recomputed,
    percent: &crate::figures::Figure,
    is_total: bool,
) -> Applicability {
    if is_total || recomputed.readings > 1 {
        return Applicability::Unsafe;
    }
    let shown = |c: &Candidate| ctx.show(c.computation.value, percent.decimals);
    let expected = shown(recomputed.expected());
    let distance = |c: &Candidate| (c.computation.value - percent.value).abs();
    let nearest = distance(recomputed.expected());
    let clearly_nearest = recomputed
        .candidates
        .iter()
        .filter(|c| shown(c) != expected)
        .all(|c| distance(c) > nearest * Decimal::TEN);
    if clearly_nearest {
        Applicability::Safe
    } else {
        Applicability::Unsafe
    }
}

/// The mean of the percentages of the rows a total row closes: some reports print it in
/// the total row instead of total realisation / total target.
fn mean_of_closed_rows(
    ctx: &Context,
    facts: &TableFacts,
    column: usize,
    total_row: usize,
) -> Option<Interval> {
    let rows = (0..total_row)
        .rev()
        .take_while(|&r| matches!(facts.rows[r].role, RowRole::Data | RowRole::Section))
        .filter(|&r| facts.rows[r].role == RowRole::Data && facts.rows[r].has_figures);
    Interval::mean(&ctx.known_intervals(facts, rows.map(|r| (r, column)))?)
}
