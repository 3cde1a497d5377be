//! # C206 `wrong-prose-average`
//!
//! An average claimed in prose that is not the mean of the figures it names in the
//! summary table: "Capaian kinerja … sebesar 71,61% yang dihitung dari rata-rata capaian
//! 8 (delapan) IKU".
//!
//! ## What it checks
//!
//! A sentence that gives a percentage and says it is the average ("rata-rata") of the
//! achievements of the indicators ("IKU", "indikator", "sasaran") is compared with the
//! mean of the achievement column of the table it introduces (the next table, when only
//! captions or one short paragraph come between) or, failing that, of the table just
//! before it. The column is the table's one achievement percentage for the year the
//! sentence names (or the report's year); a table with several such columns (two bases
//! side by side) is left alone. When the sentence counts the indicators ("8 IKU"), the
//! table must have that many indicator rows with a percentage; otherwise the sentence
//! may mean other figures and is left alone.
//!
//! ## Rounding
//!
//! Each printed percentage stands for its rounding interval, so the mean is an interval
//! too; the sentence's figure is reported only when its own interval cannot meet it.
//!
//! ## Example
//!
//! ```text
//! Capaian kinerja tahun 2025 sebesar 93,10% yang dihitung dari rata-rata capaian 4 IKU.
//! Tabel 3.2 … Capaian (%): 98,75 · 87,50 · 102,00 · 84,05
//! ```
//!
//! (98,75 + 87,50 + 102,00 + 84,05) / 4 = 93,075, which prints 93,08, not 93,10.

use super::support::{finding, Slot};
use super::Context;
use crate::arith::computation::{show_value, sum_expression};
use crate::arith::Interval;
use crate::diagnostics::{Finding, Label};
use crate::document::BlockKind;
use crate::facts::index::{FactMeasure, PeriodKey};

use crate::facts::RowRole;
use crate::figures::{Figure, FigureKind};
use crate::messages::Message;
use crate::msg;
use regex::Regex;
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::sync::LazyLock;

const CODE: &str = "C206";

/// "rata-rata capaian (kinerja) (dari) 8 (delapan) IKU": the average and what it is of.
static AVERAGE_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\brata-?rata\s+(capaian|pencapaian|persentase capaian|nilai capaian)(\s+kinerja)?(\s+(dari|seluruh|semua|atas))?\s*(?P<count>[\d.]+(\s*\([^)]*\))?\s*)?(iku|indikator|sasaran)\b")
        .expect("a valid pattern")
});

pub fn check(ctx: &Context, findings: &mut Vec<Finding>) {
    let positions: HashMap<usize, usize> =
        ctx.doc.blocks.iter().enumerate().map(|(i, b)| (b.span.start(), i)).collect();
    for &sentence in &ctx.sentences {
        let text = sentence.text(ctx.doc);
        let Some(m) = AVERAGE_OF.captures(text) else { continue };
        let Some(whole) = m.get(0) else { continue };
        let claimed =
            sentence.figures.iter().filter(|f| f.kind == FigureKind::Percent).collect::<Vec<_>>();
        let [claim] = claimed[..] else { continue };
        let count = m.name("count").and_then(|c| {
            let start = sentence.span.start() + c.start();
            sentence.figures.iter().find(|f| {
                f.span.start() >= start && f.span.start() < sentence.span.start() + whole.end()
            })
        });
        let Some(&here) = positions.get(&sentence.block.span.start()) else { continue };
        // A goal's average ("Sasaran Strategis ke-1 … rata-rata …") is of some rows only.
        if GOAL.is_match(text) {
            continue;
        }
        let Some(table) = table_meant(ctx, here, text) else { continue };
        if let Some(f) = check_average(ctx, table, claim, count) {
            findings.push(f);
        }
    }
}

fn check_average(
    ctx: &Context,
    table: usize,
    claim: &Figure,
    count: Option<&Figure>,
) -> Option<Finding> {
    let facts = &ctx.tables[table];
    let column = achievement_column(ctx, table)?;
    let rows: Vec<usize> = facts
        .checked_rows()
        .filter(|&r| facts.rows[r].role == RowRole::Data && facts.rows[r].name.is_some())
        .filter(|&r| facts.figure(r, column).is_some())
        .collect();
    if rows.is_empty() || count.is_some_and(|n| n.value != Decimal::from(rows.len())) {
        return None;
    }
    let inputs: Vec<_> = rows
        .iter()
        .filter_map(|&r| match ctx.slot(facts.cell(r, column)) {
            Slot::Known(input) => Some(input),
            _ => None,
        })
        .collect();
    let intervals: Vec<Interval> = inputs.iter().map(|i| i.interval).collect();
    let mean = Interval::mean(&intervals)?;
    let printed = ctx.printed(claim);
    if mean.meets(&printed) {
        return None;
    }
    // A unit may count an achievement above a cap as the cap ("capaian di atas 120%
    // dihitung 120%"): the mean with any cap of the policy is a reading too.
    let capped = |cap: Decimal| -> Option<Interval> {
        let parts: Vec<Interval> =
            intervals.iter().map(|i| Interval { lo: i.lo.min(cap), hi: i.hi.min(cap) }).collect();
        Interval::mean(&parts)
    };
    if ctx
        .knowledge
        .policy
        .achievement_caps
        .iter()
        .any(|&cap| capped(cap).is_some_and(|m| m.meets(&printed)))
    {
        return None;
    }
    let exact_mean = inputs
        .iter()
        .map(|i| i.value)
        .try_fold(Decimal::ZERO, |a, v| a.checked_add(v))?
        .checked_div(Decimal::from(inputs.len()))?;
    let found = ctx.digits(claim);
    let expected = ctx.show(exact_mean, claim.decimals);
    let terms: Vec<&str> = inputs.iter().map(|i| i.text.as_str()).collect();
    let place = facts.place(column);
    let mut f = finding(
        CODE,
        msg!("c206.message", found, count = inputs.len(), place, expected),
        Label::new(claim.number_span, msg!("c206.label-mean-is", expected)),
    );
    for input in &inputs {
        f = f.with_related(Label::new(input.span, msg!("c206.label-averaged")));
    }
    Some(f.with_values(expected, found).with_note(Message::plain(format!(
        "({}) / {} = {}",
        sum_expression(&terms),
        inputs.len(),
        show_value(exact_mean, ctx.doc.locale)
    ))))
}

/// "Sasaran Strategis ke-1", "sasaran 2", "per sasaran": a goal's average.
static GOAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bsasaran(\s+strategis)?\s+(ke-?\s*\d+|\d+|pertama|kedua|ketiga|keempat|kelima)\b|\bper sasaran\b")
        .expect("a valid pattern")
});
/// "Tabel 3.1" named in the sentence.
static TABLE_NAMED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\btabel\s+(?P<n>\d+(\.\d+)*[a-z]?)\b").expect("a valid pattern")
});
/// "di atas", "tersebut", "sebelumnya": the table before.
static POINTS_BACK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(di atas|tersebut|sebelumnya|tadi)\b").expect("a valid pattern")
});

/// The table a sentence means: the one it names ("Berdasarkan Tabel 3.1 di atas"), else
/// the one before when it points back ("di atas"), else the one it introduces.
fn table_meant(ctx: &Context, here: usize, text: &str) -> Option<usize> {
    if let Some(n) = TABLE_NAMED.captures(text).and_then(|c| c.name("n")) {
        let named: Vec<usize> = (0..ctx.doc.tables.len())
            .filter(|&t| ctx.doc.tables[t].number.as_deref() == Some(n.as_str()))
            .collect();
        return match named[..] {
            [one] => Some(one),
            _ => None,
        };
    }
    if POINTS_BACK.is_match(text) {
        return table_near(ctx, here, false);
    }
    table_introduced(ctx, here)
}

/// The table a sentence speaks of: the next one, when nothing but captions and at most
/// one short paragraph comes between; else the one just before, with the same allowance.
fn table_introduced(ctx: &Context, here: usize) -> Option<usize> {
    table_near(ctx, here, true).or_else(|| table_near(ctx, here, false))
}

/// The nearest table after (or before) block `here`, with only captions and at most one
/// long paragraph between.
fn table_near(ctx: &Context, here: usize, after: bool) -> Option<usize> {
    let blocks = &ctx.doc.blocks;
    let table_of = |i: usize| match blocks[i].kind {
        BlockKind::Table(t) => Some(t),
        _ => None,
    };
    let nearby = |range: &mut dyn Iterator<Item = usize>| -> Option<usize> {
        let mut prose = 0;
        for i in range {
            if let Some(t) = table_of(i) {
                return Some(t);
            }
            if blocks[i].is_heading() {
                return None;
            }
            if blocks[i].text.len() > 160 {
                prose += 1;
            }
            if prose > 1 {
                return None;
            }
        }
        None
    };
    if after {
        nearby(&mut ((here + 1)..blocks.len().min(here + 6)))
    } else {
        nearby(&mut (here.saturating_sub(5)..here).rev())
    }
}

/// The table's one achievement column for a whole year (not a budget's absorption).
fn achievement_column(ctx: &Context, table: usize) -> Option<usize> {
    let mut columns: Vec<usize> = ctx
        .index
        .table_facts(table)
        .iter()
        .filter(|f| {
            f.table == table
                && f.key.measure == FactMeasure::Percent
                && f.key.period == PeriodKey::Year
        })
        .map(|f| f.column)
        .collect();
    columns.sort_unstable();
    columns.dedup();
    match columns[..] {
        [one] => Some(one),
        _ => None,
    }
}
