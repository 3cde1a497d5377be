//! # C208 `budget-mismatch`
//!
//! A budget total or absorption percentage in prose that differs from the budget table it
//! summarises: "realisasi anggaran … sebesar Rp. 13.798.639.694,- (93,86%)" where the
//! table's realisations add up to another sum.
//!
//! ## What it checks
//!
//! A paragraph that gives the allocation ("alokasi anggaran", "pagu", "DIPA … sebesar")
//! and the realisation ("realisasi anggaran", "terealisasi", "terserap") in rupiah is
//! compared with the report's budget table (Pagu | Realisasi | % columns, per programme
//! or per strategic goal):
//!
//! - the table is known to be the same budget when its allocations add up to the
//!   paragraph's allocation (its total row, else its rows); a budget that does not is
//!   another budget, and is left alone;
//! - then the paragraph's realisation must be the table's realisations added up;
//! - and a percentage right after the realisation ("(93,86%)", "atau 93,86%") must be
//!   realisation / allocation × 100 of the paragraph's own figures.
//!
//! An allocation named as earlier ("sebelumnya", "semula") is not the allocation.
//!
//! ## Example
//!
//! ```text
//! … alokasi anggaran sebesar Rp. 9.500.000.000,- … realisasi anggaran sebesar
//! Rp. 9.120.400.000,- (96,00%).
//! Tabel 3.5: Pagu 4.000.000.000 + 5.500.000.000; Realisasi 3.850.000.000 + 5.170.400.000
//! ```
//!
//! The table's realisations add up to 9.020.400.000, not 9.120.400.000.

use super::support::finding;
use super::Context;
use crate::arith::computation::{show_value, sum_expression};
use crate::arith::{Interval, Overlaps};
use crate::diagnostics::{Finding, Label};
use crate::document::{Block, BlockKind};
use crate::facts::indicators::plain_words;
use crate::facts::{RowRole, TableFacts};
use crate::figures::{Figure, FigureKind};
use crate::knowledge::Measure;
use crate::messages::Message;
use crate::msg;
use crate::span::Span;
use regex::Regex;
use rust_decimal::Decimal;
use std::sync::LazyLock;

use super::worksheet::{CheckRecord, Verdict};

const CODE: &str = "C208";

pub fn check(ctx: &Context, findings: &mut Vec<Finding>) {
    let budgets: Vec<Budget> = ctx.tables.iter().filter_map(|t| Budget::of(ctx, t)).collect();
    if budgets.is_empty() {
        return;
    }
    // Each paragraph looks only at the tables whose allocation it may give, not at every
    // table: a report of 13,000 chapters spent 15% of its check here.
    let allocations = Overlaps::new(budgets.iter().map(|b| b.allocation.total));
    for block in &ctx.doc.blocks {
        if !matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem) {
            continue;
        }
        let Some(claim) = Claim::of(ctx, block) else { continue };
        if let Some(f) = check_percentage(ctx, &claim, block) {
            findings.push(f);
        }
        let allocation = ctx.printed(claim.allocation);
        let same: Vec<&Budget> =
            allocations.meeting(&allocation).into_iter().map(|i| &budgets[i]).collect();
        let Some(budget) = same.first() else { continue };
        // Two tables that both add up to the allocation but not to one realisation: which
        // one the paragraph sums is unclear.
        if same.iter().any(|b| !b.realisation.total.meets(&budget.realisation.total)) {
            continue;
        }
        if let Some(f) = check_realisation(ctx, &claim, budget) {
            findings.push(f);
        }
    }
}

/// A budget table's allocations and realisations, added up.
struct Budget<'t> {
    table: &'t TableFacts<'t>,
    allocation: Sum,
    realisation: Sum,
}

/// A column's total: its total row, else its rows added up.
struct Sum {
    total: Interval,
    value: Decimal,
    /// The cells added up (or the total cell), with their digits.
    parts: Vec<(Span, String)>,
    column: usize,
}

impl<'t> Budget<'t> {
    fn of(ctx: &Context, table: &'t TableFacts<'t>) -> Option<Budget<'t>> {
        let column_of = |measure: Measure| {
            let found: Vec<usize> = (0..table.columns.len())
                .filter(|&c| {
                    let role = &table.columns[c];
                    role.is_value()
                        && role.budget
                        && role.measure == Some(measure)
                        && role.period.is_none()
                })
                .collect();
            match found[..] {
                [one] => Some(one),
                _ => None,
            }
        };
        let allocation = Sum::of(ctx, table, column_of(Measure::Target)?)?;
        let realisation = Sum::of(ctx, table, column_of(Measure::Realisation)?)?;
        Some(Budget { table, allocation, realisation })
    }
}

impl Sum {
    fn of(ctx: &Context, table: &TableFacts, column: usize) -> Option<Sum> {
        let rows: Vec<usize> = table.checked_rows().collect();
        // A budget column holds rupiah whether its cells say "Rp" or its header does.
        let money = |r: usize| table.figure(r, column).filter(|f| f.kind != FigureKind::Percent);
        let totals: Vec<usize> =
            rows.iter().copied().filter(|&r| table.rows[r].role == RowRole::Total).collect();
        let picked: Vec<usize> = match totals[..] {
            [t] => vec![t],
            [] => rows
                .iter()
                .copied()
                .filter(|&r| table.rows[r].role == RowRole::Data)
                .filter(|&r| money(r).is_some())
                .collect(),
            _ => return None,
        };
        let figures: Vec<&Figure> = picked.iter().map(|&r| money(r)).collect::<Option<_>>()?;
        if figures.is_empty() {
            return None;
        }
        let intervals: Vec<Interval> =
            figures.iter().map(|f| ctx.input(f, f.span).interval).collect();
        let value = figures.iter().try_fold(Decimal::ZERO, |a, f| a.checked_add(f.value))?;
        Some(Sum {
            total: Interval::sum(&intervals)?,
            value,
            parts: figures.iter().map(|f| (f.number_span, ctx.digits(f))).collect(),
            column,
        })
    }
}

/// The allocation, the realisation and its percentage as a paragraph gives them.
struct Claim<'d> {
    allocation: &'d Figure,
    realisation: &'d Figure,
    percentage: Option<&'d Figure>,
}

/// "(93,86%)", "atau 93,86%", "atau sebesar 93,86%" right after a figure.
static PERCENT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(\(|atau\s+(sebesar\s+)?|yaitu\s+|dengan persentase\s+)$")
        .expect("a valid pattern")
});

impl<'d> Claim<'d> {
    /// The paragraph's allocation, then the realisation after it, both of the whole budget
    /// (a figure whose words name a programme, an activity or a period is a part of it).
    fn of(ctx: &Context, block: &'d Block) -> Option<Claim<'d>> {
        let text = &ctx.doc.source.text;
        let mut allocation: Option<&Figure> = None;
        let mut realisation: Option<&Figure> = None;
        let mut percentage = None;
        // The words that say what a rupiah figure is are those since the previous rupiah
        // figure: a date ("tanggal 14 November") may stand between them and the figure.
        let mut from = block.span.start();
        for (i, figure) in block.figures.iter().enumerate() {
            if figure.kind != FigureKind::Money {
                continue;
            }
            let before = text.get(from..figure.span.start()).unwrap_or_default();
            from = figure.span.end();
            let Some(role) = money_role(before) else { continue };
            let slot = match role {
                Role::Allocation => &mut allocation,
                // A realisation counts only after the allocation it is of.
                Role::Realisation if allocation.is_none() => continue,
                Role::Realisation => &mut realisation,
            };
            match slot {
                // The same figure twice is fine; two different ones make it unclear.
                Some(seen) if seen.value != figure.value => return None,
                Some(_) => {}
                None => *slot = Some(figure),
            }
            if role == Role::Realisation && percentage.is_none() {
                percentage = block.figures.get(i + 1).filter(|next| {
                    next.kind == FigureKind::Percent
                        && text
                            .get(figure.span.end()..next.span.start())
                            .is_some_and(|b| PERCENT_AFTER.is_match(b))
                });
            }
        }
        Some(Claim { allocation: allocation?, realisation: realisation?, percentage })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Allocation,
    Realisation,
}

/// What the words before a rupiah figure make it: the nearest of "realisasi" /
/// "terealisasi" / "terserap" and "alokasi" / "pagu" / "anggaran" / "DIPA". An earlier
/// allocation ("sebelumnya", "semula"), what is left ("sisa anggaran"), and a part of
/// the budget (words after the cue that name a programme, an activity, a goal or a
/// period: "realisasi Program X sebesar") are neither.
fn money_role(before: &str) -> Option<Role> {
    let words = plain_words(before);
    for (i, word) in words.iter().enumerate().rev() {
        let previous = i.checked_sub(1).map(|p| words[p].as_str()).unwrap_or_default();
        let role = match word.as_str() {
            "sebelumnya" | "semula" | "awal" | "lalu" | "induk" | "murni" | "sisa" | "selisih"
            | "saldo" => return None,
            "realisasi" | "terealisasi" | "terserap" | "penyerapan" | "realisasinya" => {
                Role::Realisation
            }
            // "realisasi anggaran" is a realisation; "anggaran" alone an allocation.
            "anggaran"
                if matches!(previous, "realisasi" | "penyerapan" | "terealisasi" | "terserap") =>
            {
                Role::Realisation
            }
            "anggaran" if matches!(previous, "sisa" | "selisih" | "saldo") => return None,
            "alokasi" | "pagu" | "dipa" | "anggaran" | "dialokasikan" => Role::Allocation,
            _ => continue,
        };
        let part = words[i + 1..].iter().any(|w| PART_OF_BUDGET.contains(&w.as_str()));
        return (!part).then_some(role);
    }
    None
}

/// Words that tell of an allocation changed during the year.
static REVISED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(pemotongan|refocusing|recofusing|pergeseran|tersisa|menjadi)\b")
        .expect("a valid pattern")
});

/// Words that make a rupiah figure a part of the budget, not the whole.
const PART_OF_BUDGET: &[&str] = &[
    "program",
    "kegiatan",
    "subkegiatan",
    "belanja",
    "sasaran",
    "output",
    "komponen",
    "triwulan",
    "semester",
    "bulan",
    "per",
    "masing-masing",
    "unit",
    "bidang",
    "bagian",
];

fn check_realisation(ctx: &Context, claim: &Claim, budget: &Budget) -> Option<Finding> {
    let said = ctx.printed(claim.realisation);
    let sum = &budget.realisation;
    ctx.record(|| {
        let terms: Vec<&str> = sum.parts.iter().map(|(_, d)| d.as_str()).collect();
        CheckRecord {
            code: CODE,
            place: msg!("worksheet.place-prose-budget", place = budget.table.place(sum.column)),
            row: None,
            span: claim.realisation.number_span,
            inputs: sum.parts.iter().map(|(_, d)| d.clone()).collect(),
            formula: Message::plain(sum_expression(&terms)),
            recomputed: Some(sum.total),
            printed: ctx.digits(claim.realisation),
            decimals: claim.realisation.decimals,
            verdict: Verdict::judge(Some(sum.value), &sum.total, &said),
            reported: false,
        }
    });
    if sum.total.meets(&said) {
        return None;
    }
    let found = ctx.digits(claim.realisation);
    let expected = ctx.show(sum.value, claim.realisation.decimals);
    let table = budget.table;
    let place = table.place(sum.column);
    let mut f = finding(
        CODE,
        msg!("c208.realisation-message", found, place, expected),
        Label::new(claim.realisation.number_span, msg!("c208.label-table-gives", expected)),
    )
    .with_related(Label::new(
        claim.allocation.number_span,
        msg!("c208.label-allocation-agrees", place = table.place(budget.allocation.column)),
    ));
    for (span, digits) in &sum.parts {
        f = f.with_related(Label::new(*span, msg!("c208.label-in", digits, place)));
    }
    let terms: Vec<&str> = sum.parts.iter().map(|(_, d)| d.as_str()).collect();
    let sum = format!("{} = {}", sum_expression(&terms), show_value(sum.value, ctx.doc.locale));
    let allocation = ctx.digits(claim.allocation);
    Some(f.with_values(expected, found).with_note(msg!("c208.realisation-note", sum, allocation)))
}

/// The percentage after the realisation must be realisation / allocation × 100 of the
/// paragraph's own figures. A paragraph that tells of a revision ("setelah revisi …
/// tersisa", "menjadi") may hold the percentage of an allocation it gives without a cue
/// word, so it is left alone.
fn check_percentage(ctx: &Context, claim: &Claim, block: &Block) -> Option<Finding> {
    let percentage = claim.percentage?;
    if REVISED.is_match(&block.text) {
        return None;
    }
    let realisation = ctx.input(claim.realisation, claim.realisation.span).interval;
    let allocation = ctx.input(claim.allocation, claim.allocation.span).interval;
    let ratio = realisation.div(&allocation)?.scale(Decimal::ONE_HUNDRED)?;
    let exact = claim
        .realisation
        .value
        .checked_mul(Decimal::ONE_HUNDRED)?
        .checked_div(claim.allocation.value)?;
    let printed = ctx.printed(percentage);
    ctx.record(|| {
        let (r, a) = (ctx.digits(claim.realisation), ctx.digits(claim.allocation));
        CheckRecord {
            code: CODE,
            place: msg!("worksheet.place-prose-absorption"),
            row: None,
            span: percentage.number_span,
            inputs: vec![r.clone(), a.clone()],
            formula: Message::plain(format!("{r} / {a} × 100")),
            recomputed: Some(ratio),
            printed: ctx.digits(percentage),
            decimals: percentage.decimals,
            verdict: Verdict::judge(Some(exact), &ratio, &printed),
            reported: false,
        }
    });
    if ratio.meets(&printed) {
        return None;
    }
    let found = ctx.digits(percentage);
    let expected = ctx.show(exact, percentage.decimals);
    let (r, a) = (ctx.digits(claim.realisation), ctx.digits(claim.allocation));
    Some(
        finding(
            CODE,
            msg!("c208.percentage-message", found, expected),
            Label::new(
                percentage.number_span,
                Message::plain(format!("{r} / {a} × 100 = {expected}")),
            ),
        )
        .with_related(Label::new(claim.realisation.number_span, msg!("c208.label-realisation")))
        .with_related(Label::new(claim.allocation.number_span, msg!("c208.label-allocation")))
        .with_values(expected, found)
        .with_note(Message::plain(format!(
            "{r} / {a} × 100 = {}",
            show_value(exact, ctx.doc.locale)
        ))),
    )
}
