//! The table that follows an announcement: its indicator rows or its distinct goals
//! against the count.

use super::counts::{Count, Counted};
use super::enumerators::enumerator;
use super::lists::trimmed;
use super::CODE;
use crate::diagnostics::{Finding, Label};
use crate::document::{BlockKind, Document};
use crate::facts::{ColumnKind, RowRole, TableFacts};
use crate::knowledge::normalise;
use crate::messages::Message;
use crate::msg;
use crate::rules::support::finding;
use crate::rules::Context;
use crate::span::Span;
use crate::tables::RowKind;
use regex::Regex;
use rust_decimal::Decimal;
use std::sync::LazyLock;

/// The table that starts at block `index` or just after, past its caption.
pub fn table_after(doc: &Document, index: usize) -> Option<usize> {
    let (offset, t) =
        doc.blocks.iter().skip(index).take(4).enumerate().find_map(|(i, b)| match b.kind {
            BlockKind::Table(t) => Some((i, t)),
            _ => None,
        })?;
    let table = doc.tables.get(t)?;
    let first_part = doc.blocks.get(index + offset)?.span.start() == table.span().start();
    // Between the announcement and the table, only the caption.
    let only_caption = doc.blocks.iter().skip(index).take(offset).all(|block| {
        table
            .caption
            .is_some_and(|c| c.start() <= block.span.start() && block.span.end() <= c.end())
    });
    (first_part && only_caption).then_some(t)
}

/// What a table holds that a count may be compared with.
struct TableCount {
    n: usize,
    /// What the table has, with the number: "8 indicator rows".
    what: Message,
    /// The places to point at: the caption, or the first and last names.
    places: Vec<Label>,
}

pub fn check_table_counts(
    ctx: &Context,
    counts: &[Count],
    t: usize,
    from: usize,
    findings: &mut Vec<Finding>,
) {
    let Some(facts) = ctx.tables.get(t) else { return };
    let text = ctx.doc.source.text.as_str();
    for kind in [Counted::Indicators, Counted::Goals] {
        let of_kind: Vec<&Count> = counts.iter().filter(|c| c.counted == kind).collect();
        let [count] = of_kind[..] else { continue };
        let table_count = match kind {
            Counted::Indicators => indicator_rows(text, facts),
            _ => distinct_goals(text, facts),
        };
        let Some(table_count) = table_count else { continue };
        // A goal named again at the top of a page may be the same goal, named a little
        // differently: a table with more goals than counted is unsure then.
        if kind == Counted::Goals && table_count.n > count.n && goal_starts_a_part(facts) {
            continue;
        }
        if table_count.n == count.n
            || (table_count.n < count.n && another_table_follows(ctx, t, from, kind))
        {
            continue;
        }
        let digits = ctx.digits(count.figure);
        let name = facts.table.name();
        let n = table_count.n;
        let what = &table_count.what;
        let mut f = finding(
            CODE,
            msg!("c205.table-message", count = count.printed(text), table = name, what),
            Label::new(count.figure.number_span, msg!("c205.label-says", n = digits)),
        );
        let note = msg!("c205.table-note", table = name, what);
        for label in table_count.places {
            f = f.with_related(label);
        }
        findings.push(f.with_values(ctx.show(Decimal::from(n), 0), digits).with_note(note));
    }
}

/// The label columns whose header matches `pattern`.
fn columns_headed(facts: &TableFacts, pattern: &Regex) -> Vec<usize> {
    (0..facts.columns.len())
        .filter(|&c| {
            !facts.columns[c].is_value()
                && facts.table.columns[c].path.iter().any(|l| pattern.is_match(&normalise(l)))
        })
        .collect()
}

static INDICATOR_HEADER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(indikator|iku)\b").expect("a valid pattern"));
static GOAL_HEADER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^sasaran\b").expect("a valid pattern"));

/// A row that sums up the indicators above it under a name of its own ("Nilai Akhir",
/// "Total Nilai"): not one of them.
static SUMMARY_ROW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(nilai|skor|capaian|hasil) (akhir|total|keseluruhan)\b|^(total nilai|kesimpulan)\b",
    )
    .expect("a valid pattern")
});

/// The data rows a count of rows reads: every row of values, not a total, subtotal,
/// average or section; `None` when a row could not be aligned.
fn data_rows(facts: &TableFacts) -> Option<Vec<usize>> {
    let mut rows = Vec::new();
    for (r, row) in facts.table.rows.iter().enumerate() {
        if !row.aligned {
            return None;
        }
        if row.kind == RowKind::Data && facts.rows[r].role == RowRole::Data {
            if !numbered_plainly(facts, r) {
                return None;
            }
            rows.push(r);
        }
    }
    (!rows.is_empty()).then_some(rows)
}

/// Does row `r` carry a plain number in its "No" column ("3", "3."), or none? A number
/// such as "1.1", "1.a" or "a" marks a sub-row, which a count of the rows above it
/// leaves out.
fn numbered_plainly(facts: &TableFacts, r: usize) -> bool {
    (0..facts.columns.len()).filter(|&c| facts.columns[c].kind == ColumnKind::Index).all(|c| {
        facts.table.rows[r].cells.get(c).is_none_or(|cell| {
            let number = cell.text.trim().trim_end_matches('.');
            number.is_empty() || number.bytes().all(|b| b.is_ascii_digit())
        })
    })
}

/// The indicators of a table: its data rows, when each names its own indicator under a
/// header that says "Indikator" or "IKU", no name repeats, no name is a sub-indicator
/// ("a. …") and all rows or none hold figures (a row of labels among rows of figures is a
/// group, not an indicator).
fn indicator_rows(text: &str, facts: &TableFacts) -> Option<TableCount> {
    let [column] = columns_headed(facts, &INDICATOR_HEADER)[..] else { return None };
    let rows = data_rows(facts)?;
    let mut names = std::collections::HashSet::new();
    for &r in &rows {
        let cell = facts.table.rows[r].cells.get(column)?;
        if !cell.is_text() || cell.carried_from.is_some() || enumerator(&cell.text).is_some() {
            return None;
        }
        let name = normalise(&cell.text);
        if cell.text.trim_start().starts_with(['-', '•', '–', '*']) || SUMMARY_ROW.is_match(&name)
        {
            return None;
        }
        if !names.insert(name) {
            return None;
        }
    }
    let with_figures = rows.iter().filter(|&&r| facts.rows[r].has_figures).count();
    if with_figures != 0 && with_figures != rows.len() {
        return None;
    }
    let first = facts.table.rows[*rows.first()?].cells.get(column)?.span;
    let last = facts.table.rows[*rows.last()?].cells.get(column)?.span;
    Some(TableCount {
        n: rows.len(),
        what: if rows.len() == 1 {
            msg!("c205.one-indicator-row", n = rows.len())
        } else {
            msg!("c205.indicator-rows", n = rows.len())
        },
        places: table_places(text, facts, first, last),
    })
}

/// The distinct goals of a table: the texts of its "Sasaran" column over its data rows
/// (a merged cell counts once, a goal repeated on every row too).
fn distinct_goals(text: &str, facts: &TableFacts) -> Option<TableCount> {
    let [column] = columns_headed(facts, &GOAL_HEADER)[..] else { return None };
    let rows = data_rows(facts)?;
    let mut goals: Vec<(String, Span)> = Vec::new();
    for &r in &rows {
        let cell = facts.table.rows[r].cells.get(column)?;
        let source = match cell.carried_row() {
            Some(from) => facts.table.rows.get(from)?.cells.get(column)?,
            None => cell,
        };
        if !source.is_text() {
            return None;
        }
        let name = normalise(&source.text);
        if !goals.iter().any(|(g, _)| *g == name) {
            goals.push((name, source.span));
        }
    }
    let first = goals.first()?.1;
    let last = goals.last()?.1;
    Some(TableCount {
        n: goals.len(),
        what: if goals.len() == 1 {
            msg!("c205.one-goal", n = goals.len())
        } else {
            msg!("c205.distinct-goals", n = goals.len())
        },
        places: table_places(text, facts, first, last),
    })
}

/// Does a part of the table after the first start with a goal named in its own cell?
fn goal_starts_a_part(facts: &TableFacts) -> bool {
    let [column] = columns_headed(facts, &GOAL_HEADER)[..] else { return false };
    let rows = &facts.table.rows;
    (1..rows.len()).any(|r| {
        rows[r].part != rows[r - 1].part
            && rows[r].cells.get(column).is_some_and(|c| c.carried_from.is_none() && !c.is_empty())
    })
}

/// The caption of a table, or its first and last names.
fn table_places(text: &str, facts: &TableFacts, first: Span, last: Span) -> Vec<Label> {
    match facts.table.caption {
        Some(caption) => vec![Label::new(trimmed(text, caption), msg!("c205.label-the-table"))],
        None if first == last => vec![Label::new(first, msg!("c205.label-the-only-one"))],
        None => vec![
            Label::new(first, msg!("c205.label-the-first")),
            Label::new(last, msg!("c205.label-the-last")),
        ],
    }
}

/// Does another table of the same kind follow table `t` closely, with no heading between
/// (the count may cover both)? `from` is the index of the block where table `t` starts.
fn another_table_follows(ctx: &Context, t: usize, from: usize, kind: Counted) -> bool {
    const CLOSE: usize = 6;
    let pattern = if kind == Counted::Indicators { &INDICATOR_HEADER } else { &GOAL_HEADER };
    let blocks = &ctx.doc.blocks;
    let Some(last_part) = ctx.doc.tables.get(t).and_then(|table| table.parts.last()) else {
        return false;
    };
    let after = (from..blocks.len())
        .find(|&i| blocks[i].span.start() > last_part.start())
        .unwrap_or(blocks.len());
    for block in blocks.iter().skip(after).take(CLOSE) {
        match block.kind {
            BlockKind::Heading { .. } => return false,
            BlockKind::Table(u) if u != t => {
                return ctx.tables.get(u).is_some_and(|f| !columns_headed(f, pattern).is_empty())
            }
            _ => {}
        }
    }
    false
}
