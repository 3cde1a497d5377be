//! From raw table parts to [`Table`]s: header, continued parts joined, rows aligned,
//! merged label cells carried down.

use super::caption::ParsedCaption;
use super::header::{
    header_row_count, is_column_number_row, is_year, leaves, same_label_key, Leaf, LexedCell,
    LexedRow,
};
use super::raw::{RawTable, TableOrigin};
use super::{Cell, Column, Row, RowKind, Table};
use crate::diagnostics::{Finding, Label, Severity};
use crate::figures::lexer::CellFigure;
use crate::figures::{Locale, Units};
use crate::msg;
use crate::span::Span;
use compact_str::CompactString;
use std::num::NonZeroU32;

/// A table as it stands in the file, with what surrounds it.
#[derive(Debug, Clone)]
pub struct TablePart {
    pub raw: RawTable,
    /// The caption just above it, with its span.
    pub caption: Option<(ParsedCaption, Span)>,
    /// Only blank lines stand between the previous table part and this one: a page
    /// break in an exported Word table looks like that.
    pub follows_table: bool,
}

/// The tables, which table each input part became part of, and the reading findings.
#[derive(Debug)]
pub struct Assembled {
    pub tables: Vec<Table>,
    pub table_of_part: Vec<usize>,
    pub findings: Vec<Finding>,
}

/// A part read as header + data.
struct ReadPart {
    origin: TableOrigin,
    raw_span: Span,
    caption: Option<(ParsedCaption, Span)>,
    follows_table: bool,
    header: Vec<LexedRow>,
    leaves: Vec<Leaf>,
    data: Vec<LexedRow>,
}

pub fn assemble_tables(parts: Vec<TablePart>, locale: Locale, units: &Units) -> Assembled {
    let read: Vec<ReadPart> = parts.into_iter().map(|p| read_part(p, locale, units)).collect();

    // Group parts into tables: a part continues the table before it when it repeats that
    // table's header and either has no caption of its own with only blank lines (or a page
    // number) between, or is captioned as its continuation ("Tabel 3.6 (lanjutan)"), or
    // repeats that table's caption.
    let mut groups: Vec<Vec<ReadPart>> = Vec::new();
    let mut table_of_part = Vec::with_capacity(read.len());
    for mut part in read {
        // After a page break, a part may go on without repeating the header: its first
        // "header" row is a row of figures. Then all its rows are data, under the
        // table's columns.
        if part.caption.is_none() && part.follows_table {
            if let Some(group) = groups.last() {
                let width = group[0].leaves.len();
                if headerless_continuation(&part, width) {
                    let mut rows = std::mem::take(&mut part.header);
                    rows.append(&mut part.data);
                    part.data = rows;
                    part.leaves = group[0].leaves.clone();
                }
            }
        }
        let same = groups.last().is_some_and(|g| same_header(&g[0].leaves, &part.leaves));
        // "Tabel 3.6 (lanjutan)" continues Tabel 3.6 wherever the page break put it.
        let continued_caption = part.caption.as_ref().is_some_and(|(c, _)| {
            c.continued
                && c.number.is_some()
                && groups.last().and_then(|g| g[0].caption.as_ref()).map(|(first, _)| &first.number)
                    == Some(&c.number)
        });
        // A page break may repeat the whole caption, number and title, over the rest of
        // the table.
        let repeated_caption = part.caption.as_ref().is_some_and(|(c, _)| {
            c.number.is_some()
                && groups.last().and_then(|g| g[0].caption.as_ref()).is_some_and(|(first, _)| {
                    first.number == c.number && same_title(&first.title, &c.title)
                })
        });
        let continues = same
            && ((part.caption.is_none() && part.follows_table)
                || continued_caption
                || repeated_caption);
        if continues {
            groups.last_mut().expect("checked above").push(part);
        } else {
            groups.push(vec![part]);
        }
        table_of_part.push(groups.len() - 1);
    }

    let mut findings = Vec::new();
    let tables = groups.into_iter().map(|g| build_table(g, &mut findings)).collect();
    Assembled { tables, table_of_part, findings }
}

fn read_part(part: TablePart, locale: Locale, units: &Units) -> ReadPart {
    let rows: Vec<LexedRow> =
        part.raw.rows.into_iter().map(|row| LexedRow::lex(row, locale, units)).collect();
    let header_count = header_row_count(&rows, part.raw.marked_header_rows);
    let mut rows = rows.into_iter();
    let header: Vec<LexedRow> = rows.by_ref().take(header_count).collect();
    let data: Vec<LexedRow> = rows
        .enumerate()
        .filter(|(i, row)| !(row.is_blank() || *i == 0 && is_column_number_row(row)))
        .map(|(_, row)| row)
        .collect();
    let leaves = leaves(&header);
    ReadPart {
        origin: part.raw.origin,
        raw_span: part.raw.span,
        caption: part.caption,
        follows_table: part.follows_table,
        header,
        leaves,
        data,
    }
}

/// A part whose only "header" row is a row of figures as wide as the table before it.
/// Two captions' titles, letter case and spacing aside.
fn same_title(a: &Option<String>, b: &Option<String>) -> bool {
    let words = |t: &Option<String>| {
        t.as_deref()
            .unwrap_or_default()
            .split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    words(a) == words(b)
}

fn headerless_continuation(part: &ReadPart, width: usize) -> bool {
    let [row] = &part.header[..] else { return false };
    let figures = row
        .cells
        .iter()
        .filter(|c| matches!(c.value, CellFigure::Figure(_)) && !is_year(&c.raw.text))
        .count();
    figures >= 2 && row.filled_width() <= width && width >= 2
}

/// Two headers are the same when their leaf labels are, or when one has a single extra
/// column (a repeated header that adds a column).
fn same_header(first: &[Leaf], next: &[Leaf]) -> bool {
    if first.len() < 2 || next.len() < 2 {
        return false;
    }
    let same =
        |a: &[Leaf], b: &[Leaf]| a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.same_key(y));
    same(first, next) || one_inserted(first, next, same) || one_inserted(next, first, same)
}

/// `longer` is `shorter` with one element inserted somewhere, elements compared by `same`.
fn one_inserted<T>(shorter: &[T], longer: &[T], same: impl Fn(&[T], &[T]) -> bool) -> bool {
    if longer.len() != shorter.len() + 1 {
        return false;
    }
    let prefix = (0..shorter.len()).take_while(|&i| same(&shorter[i..=i], &longer[i..=i])).count();
    same(&shorter[prefix..], &longer[prefix + 1..])
}

/// Maps each leaf of a continuation's header onto the table's columns (by label, in
/// order); a leaf the table does not have yet becomes a new column.
fn map_leaves(columns: &mut Vec<Column>, leaves: &[Leaf]) -> Vec<usize> {
    // Only the columns there before this part are matched, as when their keys were listed
    // up front.
    let known = columns.len();
    let mut next = 0;
    let mut map = Vec::with_capacity(leaves.len());
    for leaf in leaves {
        match (next..known).find(|&i| same_label_key(&columns[i].path, &leaf.path)) {
            Some(i) => {
                map.push(i);
                next = i + 1;
            }
            None => {
                columns.push(Column {
                    path: leaf.path.clone(),
                    label_span: leaf.label_span,
                    inferred: false,
                });
                map.push(columns.len() - 1);
            }
        }
    }
    map
}

/// How a row wider than its header lines up: `extra` label cells stand where the header
/// shows only the leaf at index `at` (the last label column, next to the figures).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Widening {
    at: usize,
    extra: usize,
}

/// Reads a row wider than its `header_width` leaves as a reader would: its figures under
/// the figure columns, counted from the right, and the label cells that the header has no
/// room for just before the last label column. `None` when the figures alone are more
/// than the header's columns.
fn widening_of(row: &LexedRow, header_width: usize) -> Option<Widening> {
    let width = row.filled_width();
    let extra = width.checked_sub(header_width).filter(|&e| e > 0)?;
    let first_figure = row.cells[..width].iter().position(LexedCell::is_figure_like)?;
    let labels = row.cells[..first_figure].iter().rposition(|c| !c.is_empty()).map_or(0, |i| i + 1);
    // `labels` label cells go into `labels - extra` label columns of the header.
    let label_columns = labels.checked_sub(extra).filter(|&n| n >= 1)?;
    Some(Widening { at: label_columns - 1, extra })
}

/// Where a row's cells go in the table's columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// Through the part's map of its header onto the table's columns.
    Mapped,
    /// Wider than the header, as the table's [`Widening`] says, inserted columns at `.1`.
    Widened(Widening, usize),
    /// In the order printed, cells beyond the table's width in overflow.
    Unaligned,
}

fn build_table(mut parts: Vec<ReadPart>, findings: &mut Vec<Finding>) -> Table {
    // The first part's header paths become the columns' paths, moved rather than copied:
    // after this only the number of its leaves is read.
    let mut columns: Vec<Column> = parts[0]
        .leaves
        .iter_mut()
        .map(|l| Column {
            path: std::mem::take(&mut l.path),
            label_span: l.label_span,
            inferred: false,
        })
        .collect();
    let part_maps: Vec<Vec<usize>> = parts
        .iter()
        .enumerate()
        .map(|(i, p)| {
            if i == 0 {
                (0..columns.len()).collect()
            } else {
                map_leaves(&mut columns, &p.leaves)
            }
        })
        .collect();

    // Decide how rows wider than the header line up: the first wide row with labels sets
    // the pattern; a wide row that does not follow it cannot be aligned.
    let widening = parts.iter().find_map(|p| {
        p.data.iter().filter(|r| !r.is_section()).find_map(|r| widening_of(r, p.leaves.len()))
    });
    // The table column before which inserted columns go.
    let insert_at = widening.map(|w| part_maps[0].get(w.at).copied().unwrap_or(columns.len()));
    if let (Some(w), Some(at)) = (widening, insert_at) {
        for offset in 0..w.extra {
            columns
                .insert(at + offset, Column { path: Vec::new(), label_span: None, inferred: true });
        }
    }
    let shift = |col: usize| match (widening, insert_at) {
        (Some(w), Some(at)) if col >= at => col + w.extra,
        _ => col,
    };

    let mut rows: Vec<Row> = Vec::with_capacity(parts.iter().map(|p| p.data.len()).sum());
    for (part_index, part) in parts.iter_mut().enumerate() {
        let map: Vec<usize> = part_maps[part_index].iter().map(|&c| shift(c)).collect();
        let header_width = part.leaves.len();
        // The lexed rows are moved into the table, not copied: nothing reads them after,
        // and keeping both would hold every cell twice.
        for lexed in std::mem::take(&mut part.data) {
            let kind = if lexed.is_section() { RowKind::Section } else { RowKind::Data };
            let width = lexed.filled_width();
            let layout = if kind == RowKind::Section || width <= header_width {
                Layout::Mapped
            } else {
                let own = widening_of(&lexed, header_width);
                let fits = widening
                    .is_some_and(|w| w.extra == width - header_width && own.is_none_or(|o| o == w));
                if fits {
                    let w = widening.expect("fits implies a widening");
                    Layout::Widened(w, insert_at.expect("a widening has a place"))
                } else {
                    findings.push(unaligned_row_finding(&lexed, width, header_width, &part.header));
                    Layout::Unaligned
                }
            };
            let mut cells: Vec<Option<Cell>> = vec![None; columns.len()];
            let mut overflow = Vec::new();
            for (i, cell) in lexed.cells.into_iter().take(width).enumerate() {
                let column = match layout {
                    // A section label may reach past a header with fewer columns (or
                    // none): what has no column is kept as overflow.
                    Layout::Mapped => map.get(i).copied(),
                    Layout::Widened(w, at) => Some(if i < w.at {
                        map[i]
                    } else if i < w.at + w.extra {
                        at + (i - w.at)
                    } else {
                        map[i - w.extra]
                    }),
                    Layout::Unaligned => (i < columns.len()).then_some(i),
                };
                match column {
                    Some(column) => cells[column] = Some(into_cell(cell)),
                    None => overflow.push(into_cell(cell)),
                }
            }
            let end = lexed.span.end();
            let cells = cells.into_iter().map(|c| c.unwrap_or_else(|| absent_cell(end))).collect();
            let aligned = layout != Layout::Unaligned;
            rows.push(Row { kind, span: lexed.span, cells, aligned, overflow, part: part_index });
        }
    }
    carry_merged_labels(&mut rows);

    let first = &parts[0];
    let (number, title, caption) = match &first.caption {
        Some((c, span)) => (c.number.clone(), c.title.clone(), Some(*span)),
        None => (None, None, None),
    };
    Table {
        number,
        title,
        caption,
        origin: first.origin,
        parts: parts.iter().map(|p| p.raw_span).collect(),
        header_rows: first.header.iter().map(|r| r.span).collect(),
        columns,
        rows,
    }
}

fn into_cell(cell: LexedCell) -> Cell {
    Cell {
        text: cell.raw.text,
        span: cell.raw.span,
        value: cell.value,
        carried_from: None,
        exact: cell.raw.exact,
    }
}

fn absent_cell(at: usize) -> Cell {
    Cell {
        text: CompactString::default(),
        span: Span::new(at, at),
        value: CellFigure::Empty,
        carried_from: None,
        exact: true,
    }
}

/// Blank leading cells of a data row continue the merged cell above (a goal that spans
/// several indicator rows), when the row names its own label further right.
fn carry_merged_labels(rows: &mut [Row]) {
    // For each column, the row whose cell a blank cell in the next row continues: the
    // nearest data row above with a text there (or carrying one), not past a section row.
    // It is kept up to date row by row: walking up again for every row made a long table
    // with a blank first column quadratic (40,000 rows took 19 s).
    let mut above: Vec<Option<NonZeroU32>> = Vec::new();
    for i in 0..rows.len() {
        if let Some(prev) = i.checked_sub(1).map(|p| &rows[p]) {
            if prev.kind == RowKind::Data {
                above.resize(above.len().max(prev.cells.len()), None);
                for (col, cell) in prev.cells.iter().enumerate() {
                    let own = cell
                        .carried_from
                        .or((!cell.is_empty()).then(|| Cell::carried(i - 1)).flatten());
                    if own.is_some() {
                        above[col] = own;
                    }
                }
            } else {
                above.clear();
            }
        }
        if rows[i].kind != RowKind::Data || !rows[i].aligned {
            continue;
        }
        let Some(first_filled) = rows[i].cells.iter().position(|c| !c.is_empty()) else {
            continue;
        };
        if !rows[i].cells[first_filled].is_text() {
            continue;
        }
        for col in 0..first_filled {
            rows[i].cells[col].carried_from = above.get(col).copied().flatten();
        }
    }
}

fn unaligned_row_finding(
    row: &LexedRow,
    width: usize,
    header_width: usize,
    header: &[LexedRow],
) -> Finding {
    let mut finding = Finding::new(
        "P001",
        "unaligned-row",
        Severity::Warning,
        msg!("p001.message", width, header_width),
        Label::new(row.span, msg!("p001.label-cells", width)),
    )
    .with_note(msg!("p001.note"));
    if let Some(last_header) = header.last() {
        finding = finding
            .with_related(Label::new(last_header.span, msg!("p001.label-header", header_width)));
    }
    finding
}
