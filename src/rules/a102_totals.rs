//! # A102 `wrong-total`
//!
//! A total that is not the sum of its parts: a "Jumlah" or "Total" row against the rows it
//! closes, a "Jumlah", "Total" or "Jml" column against its sibling columns.
//!
//! ## What it checks
//!
//! - A total column equals the sum of the columns beside it under the same header group,
//!   from the group's start (or the previous total column) up to it: L + P = Jml,
//!   Triwulan I + II + III + IV = Total. A group among those columns counts with its own
//!   total column (ESELON › III › Jml), or with the sum of its columns when it has none.
//! - A total group equals, column by column, the groups before it: "Jumlah ASN › L" is
//!   "PNS › L" + "PPPK › L".
//! - A total row ("Jumlah", "TOTAL", "Jumlah Belanja Operasi", "Sub Total") equals,
//!   column by column, the sum of the rows it closes: the rows since the previous total
//!   (or, under a section label, since that label). A total right after other totals
//!   ("Jumlah Belanja Operasi", "Jumlah Belanja Modal", then "TOTAL") is their sum, and a
//!   table's last total may also be the sum of every row above it. A row of labels only
//!   ("A. Program …") is no part of a sum; a row with its own number is an item, whatever
//!   its name says ("3. Jumlah penduduk miskin"). When group heads carry the sums of their
//!   items ("1 Program …" above "1.1", "1.2"), the rows above a total add up to twice it;
//!   that total holds.
//!
//! ## Nil, blank and what is not a sum
//!
//! `-` is nil, as accountants write it: zero in a sum. A blank cell is unknown: a sum with
//! a blank part is not checked; a blank total whose parts are all known and not all nil is
//! a warning with the value it should hold. Percentages, averages, scores and rates are
//! never summed, nor figures with different units ("orang" and "kasus"), nor a column whose
//! header says it holds ratios ("% Lulus", "Kepadatan (jiwa/km²)"), running totals
//! ("Realisasi Kumulatif") or grades and codes ("Kelas Jabatan"); a "Jumlah" beside
//! "Volume" and "Harga Satuan" is their product and is left alone. A blank total in a
//! total row is a warning only when the row fills every other column it sums. When a part is
//! itself a total already found wrong, the totals built on it are not reported again. In
//! a table with a weight column ("Bobot") only the weights are summed: its other totals
//! are weighted scores.
//!
//! ## Rounding
//!
//! Parts with decimals stand for the interval of their rounding, so a total of rounded
//! figures may differ from the sum of the printed parts by the accumulated rounding, and
//! is reported only beyond it.
//!
//! ## Example
//!
//! ```text
//! Jenis PMI        Triwulan I  Triwulan II  Triwulan III  Triwulan IV  Total
//! Meninggal Dunia  33          2            3             17           52
//! ```
//!
//! 33 + 2 + 3 + 17 = 55, not 52.

use super::support::{finding, finding_with};
use super::worksheet::{row_label, CheckRecord, Verdict};
use super::Context;
use crate::arith::computation::sum_expression;
use crate::arith::Interval;
use crate::diagnostics::{Applicability, Finding, Label, Severity};
use crate::facts::totals::{row_covers, sibling_parts, total_group_parts, RowsBefore};
use crate::facts::{RowRole, TableFacts};
use crate::figures::lexer::CellFigure;
use crate::figures::FigureKind;
use crate::knowledge::{normalise, IndicatorKind, Measure};
use crate::messages::Message;
use crate::msg;
use crate::span::Span;
use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};

const CODE: &str = "A102";

/// At most this many parts get a label of their own in a finding.
const MAX_PART_LABELS: usize = 12;

pub fn check(ctx: &Context, findings: &mut Vec<Finding>) {
    for facts in &ctx.tables {
        let mut sums = total_column_sums(ctx, facts);
        sums.extend(total_row_sums(facts));
        report(ctx, facts, &sums, findings);
    }
}

/// A sum to check: the total cell and the cells that should add up to it.
struct Sum {
    total: (usize, usize),
    /// The readings of which cells the total adds up, the most likely first: it holds
    /// when any of them does, and is reported with the first.
    readings: Vec<Vec<(usize, usize)>>,
    /// What the parts are, for the message: "the rows it closes".
    whose: Message,
    /// Whether a blank total is worth a warning.
    warn_blank: bool,
}

/// How a sum came out.
enum Outcome {
    Holds,
    /// Not checked (a blank or a text part, mixed units).
    Unknown,
    Fails(Box<Finding>),
}

/// Evaluates every sum, then reports the failures that do not come from another: a total
/// with a part that is itself a failing total is the same slip seen twice (the grand total
/// built on a wrong row total), and a cell that fails both across and down is reported
/// once, with both computations.
fn report(ctx: &Context, facts: &TableFacts, sums: &[Sum], findings: &mut Vec<Finding>) {
    let outcomes: Vec<Outcome> = sums.iter().map(|sum| evaluate(ctx, facts, sum)).collect();
    let failing: HashSet<(usize, usize)> = sums
        .iter()
        .zip(&outcomes)
        .filter(|(_, o)| matches!(o, Outcome::Fails(_)))
        .map(|(sum, _)| sum.total)
        .collect();
    // A total that holds one way (across) with a failing part, and fails the other way
    // (down): the total and its part are both suspicious, so its fix is a guess.
    let leans_on_failing: HashSet<(usize, usize)> = sums
        .iter()
        .zip(&outcomes)
        .filter(|(sum, o)| {
            matches!(o, Outcome::Holds) && sum.readings[0].iter().any(|p| failing.contains(p))
        })
        .map(|(sum, _)| sum.total)
        .collect();
    let mut reported: HashMap<(usize, usize), usize> = HashMap::new();
    for (sum, outcome) in sums.iter().zip(outcomes) {
        let Outcome::Fails(mut finding) = outcome else { continue };
        if leans_on_failing.contains(&sum.total) {
            finding.fix = finding.fix.take().map(|f| f.at_most(Applicability::Unsafe));
        }
        if sum.readings[0].iter().any(|part| failing.contains(part)) {
            continue;
        }
        match reported.get(&sum.total) {
            Some(&index) => {
                let first = &mut findings[index];
                let also = finding.note.unwrap_or_else(|| Message::plain(""));
                let before = first.note.take().unwrap_or_else(|| Message::plain(""));
                first.note = Some(msg!("a102.note-both", before, whose = &sum.whose, also));
                first.related.extend(finding.related);
                // Across and down: one fix when both sums give the same value, else a guess.
                if first.fix != finding.fix {
                    first.fix = first.fix.take().map(|f| f.at_most(Applicability::Unsafe));
                }
            }
            None => {
                reported.insert(sum.total, findings.len());
                findings.push(*finding);
            }
        }
    }
}

fn evaluate(ctx: &Context, facts: &TableFacts, sum: &Sum) -> Outcome {
    let first = &sum.readings[0];
    let direct = check_sum(ctx, facts, sum, first, sum.warn_blank, false);
    // Only the reading that decides goes into the worksheet: the first that holds, else
    // the first reading, which the finding reports.
    let recorded = |parts: &[(usize, usize)], warn_blank: bool| {
        if ctx.recording() {
            check_sum(ctx, facts, sum, parts, warn_blank, true);
        }
    };
    if matches!(direct, Outcome::Holds) {
        recorded(first, sum.warn_blank);
        return direct;
    }
    for parts in sum.readings.iter().skip(1) {
        if matches!(check_sum(ctx, facts, sum, parts, false, false), Outcome::Holds) {
            recorded(parts, false);
            return Outcome::Holds;
        }
    }
    if holds_as_groups(ctx, facts, sum) {
        return Outcome::Holds;
    }
    recorded(first, sum.warn_blank);
    direct
}

/// Rows of group heads that carry the sums of their items ("1 Program …" above "1.1",
/// "1.2"; a bold "Belanja Operasi" above its lines) make the rows above a total add up to
/// twice the total: then each item is counted once under its head, and the total holds.
fn holds_as_groups(ctx: &Context, facts: &TableFacts, sum: &Sum) -> bool {
    let parts = &sum.readings[0];
    let (row, column) = sum.total;
    if parts.len() < 3
        || parts.iter().any(|&(r, _)| r == row)
        || parts.iter().any(|&(_, c)| c != column)
    {
        return false;
    }
    let Some(total) = facts.figure(row, column) else { return false };
    let mut intervals = Vec::with_capacity(parts.len());
    let mut texts = Vec::with_capacity(parts.len());
    for &(r, c) in parts {
        match ctx.slot(facts.cell(r, c)) {
            super::support::Slot::Known(input) => {
                intervals.push(input.interval);
                texts.push(input.text);
            }
            super::support::Slot::Nil(_) => {
                intervals.push(Interval::exact(Decimal::ZERO));
                texts.push("-".to_string());
            }
            _ => return false,
        }
    }
    let printed = ctx.printed(total);
    let Some(half) = Interval::sum(&intervals).and_then(|all| all.div_const(Decimal::TWO)) else {
        return false;
    };
    if !half.meets(&printed) {
        return false;
    }
    ctx.record(|| {
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let sum = sum_expression(&refs);
        CheckRecord {
            code: CODE,
            place: facts.place(column),
            row: row_label(facts, row),
            span: facts.cell(row, column).span,
            inputs: texts.clone(),
            formula: msg!("worksheet.formula-group-heads", sum),
            recomputed: Some(half),
            printed: ctx.digits(total),
            decimals: total.decimals,
            verdict: Verdict::judge(None, &half, &printed),
            reported: false,
        }
    });
    true
}

/// Total columns, in every row: each against its sibling columns.
fn total_column_sums(ctx: &Context, facts: &TableFacts) -> Vec<Sum> {
    // Each total column with the readings of which columns it adds, the likeliest first.
    let mut columns: Vec<(usize, Vec<Vec<usize>>)> = (0..facts.columns.len())
        .filter(|&c| {
            facts.columns[c].is_value() && facts.columns[c].measure == Some(Measure::Total)
        })
        .filter_map(|c| Some((c, sibling_parts(facts, c)?)))
        .collect();
    columns.extend(
        total_group_parts(&ctx.knowledge.vocabulary, facts)
            .into_iter()
            .map(|(c, parts)| (c, vec![parts])),
    );
    // "Jumlah" beside "Volume" and "Harga Satuan" is a product; a ratio is never summed.
    columns.retain(|(_, readings)| {
        readings[0].iter().all(|&p| {
            let role = &facts.columns[p];
            !role.factor && !role.ratio && !role.cumulative
        })
    });
    let vocabulary = &ctx.knowledge.vocabulary;
    let mut sums = Vec::new();
    for row in facts.checked_rows() {
        if matches!(facts.rows[row].kind, Some(IndicatorKind::Score | IndicatorKind::Rate)) {
            continue;
        }
        // A row of running totals ("Realisasi Kumulatif") ends at the year, not its sum.
        let running = facts.rows[row]
            .name
            .as_ref()
            .is_some_and(|(n, _)| vocabulary.is_cumulative(&normalise(n)));
        if running {
            continue;
        }
        for (total, readings) in &columns {
            sums.push(Sum {
                total: (row, *total),
                readings: readings
                    .iter()
                    .map(|parts| parts.iter().map(|&c| (row, c)).collect())
                    .collect(),
                whose: msg!("a102.whose-row"),
                warn_blank: true,
            });
        }
    }
    sums
}

/// Total rows: each cell against the rows it closes.
fn total_row_sums(facts: &TableFacts) -> Vec<Sum> {
    let rows: Vec<usize> = facts.checked_rows().collect();
    // In a weighted table only the weights add up; the other totals are weighted sums.
    let weighted = facts.is_weighted();
    let summable: Vec<usize> = (0..facts.columns.len())
        .filter(|&c| {
            facts.columns[c].is_value()
                && (!weighted || facts.columns[c].weight)
                && (!facts.columns[c].ratio || facts.columns[c].weight)
                && !facts.columns[c].cumulative
                && !facts.columns[c].grade
                && !matches!(
                    facts.columns[c].measure,
                    Some(Measure::Percent | Measure::Average | Measure::Verdict)
                )
        })
        .collect();
    let last_total = rows
        .iter()
        .rposition(|&r| matches!(facts.rows[r].role, RowRole::Total | RowRole::Subtotal));
    let before = RowsBefore::new(facts, &rows);
    let mut sums = Vec::new();
    for (k, &row) in rows.iter().enumerate() {
        if !matches!(facts.rows[row].role, RowRole::Total | RowRole::Subtotal) {
            continue;
        }
        let covers = row_covers(facts, &rows, &before, k, Some(k) == last_total);
        let Some(first_cover) = covers.first() else { continue };
        if first_cover.len() < 2
            || first_cover.iter().any(|&r| {
                matches!(facts.rows[r].kind, Some(IndicatorKind::Score | IndicatorKind::Rate))
            })
        {
            continue;
        }
        // A blank total cell is worth a warning only when the row fills every other column
        // it sums: otherwise the author left the column out of the totals on purpose.
        let filled = summable.iter().filter(|&&c| facts.figure(row, c).is_some()).count();
        for &column in &summable {
            sums.push(Sum {
                total: (row, column),
                readings: covers
                    .iter()
                    .map(|cover| cover.iter().map(|&r| (r, column)).collect())
                    .collect(),
                whose: msg!("a102.whose-column"),
                warn_blank: filled + 1 == summable.len(),
            });
        }
    }
    sums
}

/// Checks one reading of a sum.
fn check_sum(
    ctx: &Context,
    facts: &TableFacts,
    sum: &Sum,
    parts: &[(usize, usize)],
    warn_blank: bool,
    record: bool,
) -> Outcome {
    let mut intervals = Vec::with_capacity(parts.len());
    let mut texts = Vec::with_capacity(parts.len());
    let mut value = Decimal::ZERO;
    let mut unit: Option<Option<&str>> = None;
    let mut decimals = 0;
    let mut any_nonzero = false;
    let mut spans: Vec<Span> = Vec::new();
    for &(r, c) in parts {
        let cell = facts.cell(r, c);
        match &cell.value {
            CellFigure::Figure(f) => {
                if f.kind == FigureKind::Percent {
                    return Outcome::Unknown;
                }
                match &unit {
                    None => unit = Some(f.unit.as_deref()),
                    Some(u) if *u == f.unit.as_deref() => {}
                    Some(_) => return Outcome::Unknown,
                }
                let input = ctx.input(f, cell.span);
                intervals.push(input.interval);
                value = match value.checked_add(f.value) {
                    Some(v) => v,
                    None => return Outcome::Unknown,
                };
                any_nonzero |= !f.value.is_zero();
                decimals = decimals.max(f.decimals);
                texts.push(input.text);
            }
            CellFigure::Nil(_) => {
                intervals.push(Interval::exact(Decimal::ZERO));
                texts.push("-".to_string());
            }
            CellFigure::Empty | CellFigure::Text => return Outcome::Unknown,
        }
        spans.push(cell.span);
    }
    let Some(recomputed) = Interval::sum(&intervals) else { return Outcome::Unknown };
    let (tr, tc) = sum.total;
    let total_cell = facts.cell(tr, tc);
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    // The column's name is written only for a finding or a worksheet: nearly every total
    // holds, and naming its column for nothing was a tenth of this check.
    let place = || facts.place(tc);
    // The worksheet's record of this sum, against the total as printed.
    // `interval` is what the printed total stands for; a blank total stands for no value,
    // so no sum can hold it.
    let record_as = |printed: String, decimals: u32, interval: Option<&Interval>| {
        if !record {
            return;
        }
        ctx.record(|| CheckRecord {
            code: CODE,
            place: place(),
            row: row_label(facts, tr),
            span: total_cell.span,
            inputs: texts.clone(),
            formula: Message::plain(sum_expression(&refs)),
            recomputed: Some(recomputed),
            printed,
            decimals,
            verdict: interval.map_or(Verdict::Fails, |printed| {
                Verdict::judge(Some(value), &recomputed, printed)
            }),
            reported: false,
        })
    };
    let (mut f, expected, found) = match &total_cell.value {
        CellFigure::Figure(total) => {
            if total.kind == FigureKind::Percent
                || (unit.as_ref().is_some_and(|u| u.is_some() && *u != total.unit.as_deref()))
            {
                return Outcome::Unknown;
            }
            let printed = ctx.printed(total);
            record_as(ctx.digits(total), total.decimals, Some(&printed));
            if recomputed.meets(&printed) {
                return Outcome::Holds;
            }
            let found = ctx.digits(total);
            let expected = ctx.show(value, total.decimals);
            // More than one reading of which cells the total adds makes the fix a guess; so
            // do weights printed as adding up to 100, where a weight is likelier wrong.
            let weights_to_100 = facts.columns[tc].weight && total.value == Decimal::ONE_HUNDRED;
            let trust = if sum.readings.len() > 1 || weights_to_100 {
                Applicability::Unsafe
            } else {
                Applicability::Safe
            };
            let fix = ctx.figure_fix(total, total_cell.exact, value, trust);
            let f = finding(
                CODE,
                msg!("a102.message", place = place(), found, whose = &sum.whose, expected),
                Label::new(total_cell.span, msg!("label.printed-expected", found, expected)),
            )
            .with_fix(fix);
            (f, expected, found)
        }
        CellFigure::Nil(_) => {
            record_as("-".to_string(), 0, Some(&Interval::exact(Decimal::ZERO)));
            if recomputed.contains(Decimal::ZERO) {
                return Outcome::Holds;
            }
            let expected = ctx.show(value, decimals);
            let f = finding(
                CODE,
                msg!("a102.message-nil", place = place(), whose = &sum.whose, expected),
                Label::new(total_cell.span, msg!("label.printed-expected", found = "-", expected)),
            );
            (f, expected, "-".to_string())
        }
        CellFigure::Empty if warn_blank && any_nonzero => {
            record_as(String::new(), decimals, None);
            let expected = ctx.show(value, decimals);
            let f = finding_with(
                CODE,
                Severity::Warning,
                msg!("a102.message-blank", place = place(), whose = &sum.whose, expected),
                Label::new(total_cell.span, msg!("label.blank-expected", expected)),
            );
            (f, expected, String::new())
        }
        _ => return Outcome::Unknown,
    };
    for span in spans.iter().take(MAX_PART_LABELS) {
        f = f.with_related(Label::new(*span, msg!("label.part")));
    }
    let more = spans.len().saturating_sub(MAX_PART_LABELS);
    let more = if more > 0 { msg!("label.more-parts", more) } else { Message::plain("") };
    let computation = format!("{} = {}", sum_expression(&refs), ctx.show(value, decimals));
    let nil_note = if texts.iter().any(|t| t == "-") {
        msg!("a102.nil-counts-as-zero")
    } else {
        Message::plain("")
    };
    let note = msg!("a102.note", computation, nil = nil_note, more);
    f = f.with_values(expected, found).with_note(note);
    Outcome::Fails(Box::new(f))
}
