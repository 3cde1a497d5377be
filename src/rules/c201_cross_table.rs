//! # C201 `table-mismatch`
//!
//! The same figure printed with different values in two tables: one indicator, one year
//! and period, one measure, one basis, two values.
//!
//! ## What it checks
//!
//! A report prints each indicator's target, realisation and achievement in many tables:
//! the executive summary, the measurement table, the quarterly table, the table of each
//! indicator, the five-year comparison, the budget table. Every figure of an indicator row
//! is a fact keyed by
//!
//! - the indicator: the row's name, compared as a set of words, so that "Nilai IKPA" and
//!   "Nilai Indikator Kinerja Pelaksanaan Anggaran (IKPA)", or "perlindungan" and
//!   "pelindungan", are one indicator (`rules/names.yaml`: abbreviations, spellings, the
//!   share of words two names must share, and words that make two names two indicators,
//!   such as "non" or "ekstrem");
//! - the year (from the column's header, else the caption's one year, else the report's
//!   title) and the period (a quarter, a semester, the year; "s.d. TW IV" is the year);
//! - the measure: target, realisation or achievement percentage;
//! - the basis of a target or an achievement, when the header or caption names one (PK,
//!   POK, Renstra, a revised PK). Two bases may rightly differ and are never compared; a
//!   table that names no basis is compared only with others that name none (a report may
//!   print its revised target everywhere without saying so).
//!
//! All mentions of a key must agree. Agreeing means their printed intervals meet: 70,8
//! and 70,82 agree, as do 70 and 70,00.
//!
//! ## When it reports
//!
//! When the mentions disagree, the value printed most often is taken as the report's, and
//! each other value is reported once, at its first place, with a related label at every
//! other mention. With one mention of each value, the later one is reported. To be sure
//! that two rows are one indicator, the rows must also agree on two other figures, or on
//! one when their tables share other indicators too (two one-row tables about one
//! activity in two places may share a target and nothing else); two quarterly rows that disagree on more than one period are
//! running totals against figures per period, not a slip, and are left alone. Within one
//! table, two rows with one name and different figures are two things under one name and
//! are never compared.
//!
//! ## Example
//!
//! ```text
//! Tabel 1     Penurunan kasus PMI   37,25%   26,38%   70,82
//! Tabel 3.3   Penurunan kasus PMI   37,25%   …        26,38
//! ```
//!
//! The achievement for 2024 is 70,82 in Tabel 1 and in five other tables, but 26,38 (the
//! realisation) in Tabel 3.3.

use super::support::finding;
use super::Context;
use crate::arith::Interval;
use crate::diagnostics::{Finding, Label};
use crate::facts::index::{Fact, FactKey, FactMeasure, PeriodKey};
use crate::facts::indicators::IndicatorId;
use crate::messages::Message;
use crate::msg;
use std::collections::HashSet;

use super::worksheet::{row_label, CheckRecord, Verdict};

const CODE: &str = "C201";

pub fn check(ctx: &Context, findings: &mut Vec<Finding>) {
    let mut keys: Vec<(&FactKey, &[usize])> = ctx.index.repeated_keys().collect();
    keys.sort_by_key(|(_, mentions)| mentions[0]);
    for (key, mentions) in keys {
        let mentions: Vec<&Fact> = mentions.iter().map(|&i| &ctx.index.facts[i]).collect();
        let found = mismatch(ctx, key, &mentions);
        if ctx.recording() {
            record_mentions(ctx, &mentions, found.as_ref().map(|f| f.primary.span));
        }
        if let Some(f) = found {
            findings.push(f);
        }
    }
}

/// The finding for one key whose mentions disagree, if one is sure.
fn mismatch(ctx: &Context, key: &FactKey, mentions: &[&Fact]) -> Option<Finding> {
    let groups = agreeing_groups(mentions);
    if groups.len() < 2 {
        return None;
    }
    // The report's value: the one printed most often; on a tie, the one printed first.
    let report = (0..groups.len())
        .max_by_key(|&g| (groups[g].len(), std::cmp::Reverse(groups[g][0])))
        .unwrap_or_default();
    let tie = groups.iter().filter(|g| g.len() == groups[report].len()).count() > 1;
    let usual: Vec<&Fact> = groups[report].iter().map(|&i| mentions[i]).collect();
    let mut in_report = vec![false; mentions.len()];
    for &i in &groups[report] {
        in_report[i] = true;
    }
    let odd: Vec<&Fact> = (0..mentions.len())
        .filter(|&i| !in_report[i])
        .map(|i| mentions[i])
        .filter(|odd| usual.iter().any(|u| same_indicator(ctx, key, odd, u)))
        .collect();
    let first_odd = odd.first()?;
    // With one mention of each value, the one printed later is the one to check.
    let (primary, reference) = if tie && usual.len() == 1 && odd.len() == 1 {
        let (a, b) = (usual[0], *first_odd);
        if (a.table, a.row) > (b.table, b.row) {
            (a, b)
        } else {
            (b, a)
        }
    } else {
        (*first_odd, usual[0])
    };
    let found = digits(ctx, primary);
    let expected = digits(ctx, reference);
    let what = describe(ctx, key);
    let places = |facts: &[&Fact]| -> Message {
        let mut names: Vec<Message> =
            facts.iter().map(|f| ctx.tables[f.table].table.name()).collect();
        names.dedup();
        Message::join(names, ", ")
    };
    let usual_places = places(&usual);
    let mut f = finding(
        CODE,
        msg!(
            "c201.message",
            what,
            found,
            place = place(ctx, primary),
            usual = expected,
            usual_places
        ),
        Label::new(cell_span(ctx, primary), msg!("c201.label-here", found)),
    );
    for m in mentions.iter().filter(|m| !std::ptr::eq(**m, primary)) {
        f = f.with_related(Label::new(
            cell_span(ctx, m),
            msg!("c201.label-in", found = digits(ctx, m), place = place(ctx, m)),
        ));
    }
    let counts: Vec<String> =
        groups.iter().map(|g| format!("{} × {}", g.len(), digits(ctx, mentions[g[0]]))).collect();
    let (places, counts) = (mentions.len(), counts.join(", "));
    let note =
        if tie { msg!("c201.note-tie", places, counts) } else { msg!("c201.note", places, counts) };
    Some(f.with_values(expected, found).with_note(note))
}

/// The worksheet's records of one figure printed in several places: each mention against
/// the report's value (the one printed most often, else first). A mention that differs
/// is a check performed only when it is reported (`reported`, its span): otherwise it may
/// well be another indicator's figure.
fn record_mentions(ctx: &Context, mentions: &[&Fact], reported: Option<crate::span::Span>) {
    let groups = agreeing_groups(mentions);
    let Some(usual) = groups.iter().max_by_key(|g| (g.len(), std::cmp::Reverse(g[0]))) else {
        return;
    };
    let reference = mentions[usual[0]];
    let Some(value) = ctx.tables[reference.table].figure(reference.row, reference.column) else {
        return;
    };
    for &mention in mentions {
        if std::ptr::eq(mention, reference) {
            continue;
        }
        let span = cell_span(ctx, mention);
        let agrees = mention.interval.meets(&reference.interval);
        if !agrees && reported != Some(span) {
            continue;
        }
        let facts = &ctx.tables[mention.table];
        let Some(printed) = facts.figure(mention.row, mention.column) else { continue };
        ctx.record(|| CheckRecord {
            code: CODE,
            place: place(ctx, mention),
            row: row_label(facts, mention.row),
            span,
            inputs: vec![digits(ctx, reference)],
            formula: msg!(
                "worksheet.formula-as-in",
                figure = digits(ctx, reference),
                place = place(ctx, reference)
            ),
            recomputed: Some(reference.interval),
            printed: ctx.digits(printed),
            decimals: printed.decimals,
            verdict: Verdict::judge(Some(value.value), &reference.interval, &mention.interval),
            reported: false,
        });
    }
}

/// Mentions grouped by agreement: sorted by value, a mention whose interval meets the
/// group's joins it. (Two figures that both agree with a third, rounder one are not told
/// apart: no alarm rather than a doubtful one.)
fn agreeing_groups(mentions: &[&Fact]) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by(|&a, &b| mentions[a].interval.lo.cmp(&mentions[b].interval.lo));
    let mut groups: Vec<(Interval, Vec<usize>)> = Vec::new();
    for i in order {
        let value = mentions[i].interval;
        match groups.last_mut() {
            Some((span, members)) if span.meets(&value) => {
                span.hi = span.hi.max(value.hi);
                members.push(i);
            }
            _ => groups.push((value, vec![i])),
        }
    }
    groups
        .into_iter()
        .map(|(_, mut members)| {
            members.sort_unstable();
            members
        })
        .collect()
}

/// Are two rows that print `key` differently one indicator? They agree on another
/// figure, and (for a period) differ on no other period of the same measure. One agreeing
/// figure is enough only between tables that share other indicators too: two one-row
/// tables about one activity in two places ("Jumlah peserta pelatihan" of two courses)
/// may well share a target and nothing else.
fn same_indicator(ctx: &Context, key: &FactKey, a: &Fact, b: &Fact) -> bool {
    if a.table == b.table {
        return false;
    }
    let theirs = ctx.index.row_facts(b.table, b.row);
    let mut agree = 0;
    for mine in ctx.index.row_facts(a.table, a.row) {
        if mine.key == *key {
            continue;
        }
        let Some(other) = theirs.iter().find(|t| t.key == mine.key) else { continue };
        if mine.interval.meets(&other.interval) {
            agree += 1;
        } else if key.period != PeriodKey::Year
            && mine.key.period != PeriodKey::Year
            && mine.key.measure == key.measure
        {
            return false;
        }
    }
    agree >= 2 || (agree == 1 && shared_indicators(ctx, a.table, b.table) >= 2)
}

/// How many indicators two tables both have rows for.
fn shared_indicators(ctx: &Context, a: usize, b: usize) -> usize {
    let of = |t: usize| -> HashSet<IndicatorId> {
        ctx.index.table_facts(t).iter().map(|f| f.key.indicator).collect()
    };
    of(a).intersection(&of(b)).count()
}

fn digits(ctx: &Context, fact: &Fact) -> String {
    ctx.tables[fact.table].figure(fact.row, fact.column).map(|f| ctx.digits(f)).unwrap_or_default()
}

fn cell_span(ctx: &Context, fact: &Fact) -> crate::span::Span {
    ctx.tables[fact.table].cell(fact.row, fact.column).span
}

/// `Tabel 3.3 › Capaian s.d. TW IV (%)`.
fn place(ctx: &Context, fact: &Fact) -> Message {
    ctx.tables[fact.table].place(fact.column)
}

/// "the achievement (%) of “Penurunan kasus PMI” for 2024".
fn describe(ctx: &Context, key: &FactKey) -> Message {
    let name = &ctx.index.indicators.all[key.indicator].name;
    let period = match key.period {
        PeriodKey::Year => None,
        PeriodKey::Quarter(q) => Some(msg!("c201.quarter", n = roman(q))),
        PeriodKey::Semester(s) => Some(msg!("c201.semester", n = roman(s))),
    };
    let when = match (period, key.year) {
        (None, Some(year)) => msg!("c201.when-year", year),
        (Some(period), Some(year)) => msg!("c201.when-period-year", period, year),
        (Some(period), None) => msg!("c201.when-period", period),
        (None, None) => Message::plain(""),
    };
    let basis = match key.basis.as_deref() {
        None | Some(crate::facts::index::UNSTATED) => Message::plain(""),
        Some(b) => msg!("c201.basis", basis = b.to_uppercase()),
    };
    msg!("c201.what", measure = measure(key.measure), basis, name, when)
}

/// The name of a measure, as the message says it: "the achievement (%) of …".
fn measure(measure: FactMeasure) -> Message {
    match measure {
        FactMeasure::Target => msg!("c201.measure-target"),
        FactMeasure::Realisation => msg!("c201.measure-realisation"),
        FactMeasure::Percent => msg!("c201.measure-percent"),
    }
}

fn roman(n: u8) -> &'static str {
    ["", "I", "II", "III", "IV"].get(usize::from(n)).copied().unwrap_or("?")
}
