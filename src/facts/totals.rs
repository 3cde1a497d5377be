//! What a total covers: which columns a "Jumlah" column adds up, which columns a total
//! group ("Jumlah ASN › L") repeats, and which rows a total row closes. The sums are
//! checked by A102; this is only the table's structure, read from its header and rows.

use super::{ColumnKind, RowRole, TableFacts};
use crate::knowledge::{normalise, Measure, Vocabulary};

/// The columns of a total group ("Jumlah ASN › L"), each with the same-named columns of
/// the groups before it under the same parent ("PNS › L", "PPPK › L"), back to the
/// previous total group.
pub fn total_group_parts(vocabulary: &Vocabulary, facts: &TableFacts) -> Vec<(usize, Vec<usize>)> {
    let columns = &facts.table.columns;
    let mut out = Vec::new();
    for (c, column) in columns.iter().enumerate() {
        if !facts.columns[c].is_value() {
            continue;
        }
        let path = &column.path;
        for d in 0..path.len().saturating_sub(1) {
            if !vocabulary.is_total_group(&normalise(&path[d])) {
                continue;
            }
            let (parent, suffix) = (&path[..d], &path[d + 1..]);
            // The groups under the same parent, in order.
            let mut groups: Vec<&String> = Vec::new();
            for other in columns {
                let p = &other.path;
                if p.len() > d + 1 && p[..d] == *parent && groups.last() != Some(&&p[d]) {
                    groups.push(&p[d]);
                }
            }
            let Some(at) = groups.iter().position(|g| **g == path[d]) else { continue };
            let before: Vec<&String> = groups[..at]
                .iter()
                .rev()
                .take_while(|g| !vocabulary.is_total_group(&normalise(g)))
                .copied()
                .collect();
            let parts: Option<Vec<usize>> = before
                .iter()
                .rev()
                .map(|g| {
                    columns.iter().position(|o| {
                        o.path.len() == path.len()
                            && o.path[..d] == *parent
                            && o.path[d] == **g
                            && o.path[d + 1..] == *suffix
                    })
                })
                .collect();
            let summable = |&p: &usize| {
                facts.columns[p].is_value()
                    && !matches!(
                        facts.columns[p].measure,
                        Some(Measure::Percent | Measure::Average | Measure::Verdict)
                    )
            };
            if let Some(parts) = parts.filter(|p| p.len() >= 2 && p.iter().all(summable)) {
                out.push((c, parts));
            }
        }
    }
    out
}

/// The unit a header label names in brackets: "Luas (km²)" → "km²".
fn bracketed_unit(label: &str) -> Option<String> {
    let open = label.rfind('(')?;
    let close = label[open..].find(')')? + open;
    let unit = label[open + 1..close].trim().to_lowercase();
    (!unit.is_empty()).then_some(unit)
}

/// The columns whose sum a total column states, or `None` when the header does not say.
pub fn sibling_parts(facts: &TableFacts, total: usize) -> Option<Vec<Vec<usize>>> {
    let columns = &facts.table.columns;
    let path = &columns[total].path;
    let depth = path.len().checked_sub(1)?;
    let parent = &path[..depth];
    // Units under the parent, in order: (label, first column, last column).
    let mut units: Vec<(&String, usize, usize)> = Vec::new();
    for (c, column) in columns.iter().enumerate() {
        if column.path.len() <= depth || column.path[..depth] != *parent {
            continue;
        }
        match units.last_mut() {
            Some((label, _, last)) if *label == &column.path[depth] && *last + 1 == c => *last = c,
            _ => units.push((&column.path[depth], c, c)),
        }
    }
    let position = units.iter().position(|&(_, first, _)| first == total)?;
    let is_total_unit = |&(_, first, last): &(&String, usize, usize)| {
        first == last && facts.columns[first].measure == Some(Measure::Total)
    };
    let is_value_unit = |&(_, first, last): &(&String, usize, usize)| {
        (first..=last).all(|c| facts.columns[c].kind == ColumnKind::Value)
    };
    // "Luas (km²) | L | P | Jumlah": a column in another unit is no part of the total.
    let total_unit = bracketed_unit(units[position].0);
    let is_value_unit = |u: &&(&String, usize, usize)| {
        is_value_unit(u) && bracketed_unit(u.0).is_none_or(|unit| Some(unit) == total_unit)
    };
    let run_start = units[..position].iter().rposition(is_total_unit).map_or(0, |t| t + 1);
    let before: Vec<_> = units[run_start..position].iter().filter(|u| is_value_unit(u)).collect();
    let chosen: Vec<_> = if before.is_empty() {
        units[position + 1..]
            .iter()
            .take_while(|u| !is_total_unit(u))
            .filter(|u| is_value_unit(u))
            .collect()
    } else {
        before.clone()
    };
    if chosen.len() < 2 && chosen.iter().all(|&&(_, f, l)| f == l) {
        // One column is not a sum of anything.
        return None;
    }
    let columns_of = |units: &[&(&String, usize, usize)]| -> Option<Vec<usize>> {
        let mut parts = Vec::new();
        for &&(_, first, last) in units {
            parts.extend(unit_columns(facts, depth, depth + 1, first, last)?);
        }
        Some(parts)
    };
    let mut readings = vec![columns_of(&chosen)?];
    // "PNS | PPPK | Jumlah | PPNPN | Outsourcing | Total": the last total may also add the
    // previous total to the columns since it, or every column before it.
    if !before.is_empty() && run_start > 0 {
        let previous = units[run_start - 1].1;
        let mut with_previous = vec![previous];
        with_previous.extend(&readings[0]);
        readings.push(with_previous);
        let every: Vec<_> =
            units[..position].iter().filter(|u| !is_total_unit(u) && is_value_unit(u)).collect();
        if let Some(all) = columns_of(&every) {
            readings.push(all);
        }
    }
    Some(readings)
}

/// The columns whose sum gives the value of the unit spanning `first..=last` (its labels
/// at `depth` and below): a leaf itself, a group's own total column, or the sum of its
/// sub-units. A column is summed when it names no measure of its own: none at all, a
/// total, or one its group shares with the total ("Realisasi › TW I" beside
/// "Realisasi › Jumlah"); `shared` is the depth of the total's own label.
pub fn unit_columns(
    facts: &TableFacts,
    shared: usize,
    depth: usize,
    first: usize,
    last: usize,
) -> Option<Vec<usize>> {
    let columns = &facts.table.columns;
    let summable = |c: usize| {
        matches!(facts.columns[c].measure, None | Some(Measure::Total))
            || (facts.columns[c].measure_depth.is_some_and(|d| d < shared)
                && matches!(facts.columns[c].measure, Some(Measure::Target | Measure::Realisation)))
    };
    if first == last && columns[first].path.len() <= depth {
        return summable(first).then(|| vec![first]);
    }
    // A group: its own total column, directly under it.
    let own_totals: Vec<usize> = (first..=last)
        .filter(|&c| {
            columns[c].path.len() == depth + 1 && facts.columns[c].measure == Some(Measure::Total)
        })
        .collect();
    if let [own] = own_totals[..] {
        return Some(vec![own]);
    }
    if !own_totals.is_empty() {
        return None;
    }
    let mut parts = Vec::new();
    let mut c = first;
    while c <= last {
        if columns[c].path.len() <= depth {
            return None;
        }
        let label = &columns[c].path[depth];
        let mut end = c;
        while end < last && columns[end + 1].path.get(depth) == Some(label) {
            end += 1;
        }
        parts.extend(unit_columns(facts, shared, depth + 1, c, end)?);
        c = end + 1;
    }
    (!parts.is_empty()).then_some(parts)
}

fn is_total(facts: &TableFacts, r: usize) -> bool {
    matches!(facts.rows[r].role, RowRole::Total | RowRole::Subtotal)
}

fn is_item(facts: &TableFacts, r: usize) -> bool {
    facts.rows[r].role == RowRole::Data && facts.rows[r].has_figures
}

/// What [`row_covers`] reads of the rows above a total, gathered in one pass over a
/// table's rows rather than again for every total (a table of many totals in a row was
/// quadratic): the item rows, the totals that close rows of their own, and how many of
/// each come before each row.
#[derive(Debug, Default)]
pub struct RowsBefore {
    items: Vec<usize>,
    closing_totals: Vec<usize>,
    /// For each index into `rows`: the items and closing totals before it.
    counts: Vec<(usize, usize)>,
}

impl RowsBefore {
    pub fn new(facts: &TableFacts, rows: &[usize]) -> RowsBefore {
        let mut before = RowsBefore::default();
        let mut items_since = false;
        for &r in rows {
            before.counts.push((before.items.len(), before.closing_totals.len()));
            if is_total(facts, r) {
                if items_since {
                    before.closing_totals.push(r);
                }
                items_since = false;
            } else if is_item(facts, r) {
                before.items.push(r);
                items_since = true;
            }
        }
        before
    }

    /// The item rows above `rows[k]`.
    fn items(&self, k: usize) -> &[usize] {
        &self.items[..self.counts[k].0]
    }

    /// The totals above `rows[k]` that close rows of their own.
    fn closing_totals(&self, k: usize) -> &[usize] {
        &self.closing_totals[..self.counts[k].1]
    }
}

/// The readings of which rows the total row `rows[k]` closes, the most likely first
/// (`last_total`: no total row follows it in the table):
///
/// - the rows since the previous total (or, under a section label, since the label);
/// - right after other totals ("Jumlah Belanja Operasi", "Jumlah Belanja Modal", then
///   "TOTAL"), those totals;
/// - for a table's last total, or one right after another, every row above it.
///
/// Rows without a figure (a "A. Program …" label row) are no part of any reading.
pub fn row_covers(
    facts: &TableFacts,
    rows: &[usize],
    before: &RowsBefore,
    k: usize,
    last_total: bool,
) -> Vec<Vec<usize>> {
    let is_total = |r: usize| is_total(facts, r);
    let is_item = |r: usize| is_item(facts, r);
    let all = &facts.table.rows;
    let mut above: Vec<usize> = Vec::new();
    for &r in rows[..k].iter().rev() {
        if is_total(r) {
            break;
        }
        if is_item(r) {
            above.push(r);
        }
    }
    above.reverse();
    let mut covers = Vec::new();
    if above.is_empty() {
        // Right after other totals: those that close rows of their own.
        let totals = before.closing_totals(k);
        if totals.len() >= 2 {
            covers.push(totals.to_vec());
        }
        if covers.is_empty() {
            // A total printed above its rows.
            let below: Vec<usize> = rows[k + 1..]
                .iter()
                .copied()
                .take_while(|&r| !is_total(r))
                .filter(|&r| is_item(r))
                .collect();
            covers.push(below);
            return covers;
        }
    } else {
        // Under a section label: the rows since the label.
        let start = above[0];
        let section =
            (start..rows[k]).rev().find(|&r| all[r].kind == crate::tables::RowKind::Section);
        covers.push(above.clone());
        if let Some(section) = section {
            covers.push(above.iter().copied().filter(|&r| r > section).collect());
        }
    }
    if last_total || covers[0].len() != above.len() {
        let every = before.items(k);
        if every.len() > above.len() {
            covers.push(every.to_vec());
        }
    }
    covers
}
