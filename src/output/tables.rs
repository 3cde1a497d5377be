//! `periksa tables`: the tables periksa understood, as text for people and as JSON.
//!
//! This is how a user checks periksa's reading before trusting its findings: every
//! column's header path and what the checks take it for (a target, a quarter's
//! realisation, a total), every row (an indicator of some kind, a total row), every cell
//! with the figure read from it.

use crate::document::Document;
use crate::facts::{ColumnKind, ColumnRole, RowInfo, RowRole, TableFacts};
use crate::figures::lexer::CellFigure;
use crate::figures::{Figure, FigureKind};
use crate::knowledge::{IndicatorKind, Knowledge, Measure, Period};
use crate::tables::{Cell, RowKind, Table, TableOrigin};
use serde::Serialize;
use std::fmt::Write as _;

/// The tables of `doc` as text, with what the checks take each column and row for.
pub fn render_text(doc: &Document, knowledge: &Knowledge) -> String {
    let mut out = String::new();
    let source = &doc.source;
    let _ = writeln!(out, "{}: {} tables", source.name, doc.tables.len());
    for table in &doc.tables {
        let facts = TableFacts::new(table, knowledge);
        out.push('\n');
        let name = match &table.number {
            Some(n) => format!("Tabel {n}"),
            None => "Tabel (no number)".to_string(),
        };
        let title = table.title.as_deref().map(|t| format!("  {t}")).unwrap_or_default();
        let _ = writeln!(out, "{name}{title}");
        let lines: Vec<String> =
            table.parts.iter().map(|p| source.line(p.start()).to_string()).collect();
        let continued = if lines.len() > 1 {
            format!("; continued at line {}", lines[1..].join(", "))
        } else {
            String::new()
        };
        let _ = writeln!(out, "  at line {}{continued}", lines[0]);
        let _ = writeln!(out, "  columns ({}):", table.columns.len());
        for (i, column) in table.columns.iter().enumerate() {
            let inferred = if column.inferred { "  [not in the header]" } else { "" };
            let role = describe_column(&facts.columns[i]);
            let _ = writeln!(out, "    c{:<3}{}  — {role}{inferred}", i + 1, column.display_path());
        }
        let _ = writeln!(out, "  rows ({}):", table.rows.len());
        for (r, row) in table.rows.iter().enumerate() {
            let kind = match (row.kind, row.aligned) {
                (_, false) => "  [not aligned: not checked]".to_string(),
                (RowKind::Section, _) => "  [section]".to_string(),
                _ => describe_row(&facts.rows[r]),
            };
            let _ = writeln!(out, "    line {}{kind}", source.line(row.span.start()));
            for (i, cell) in row.cells.iter().enumerate() {
                if let Some(text) = describe_cell(table, i, cell, source) {
                    let _ = writeln!(out, "      c{:<3}{text}", i + 1);
                }
            }
            for cell in &row.overflow {
                let _ = writeln!(out, "      +   {}", describe_value(cell));
            }
        }
    }
    out
}

/// What the checks take a column for: `target`, `realisation, Triwulan II`, `labels`.
fn describe_column(role: &ColumnRole) -> String {
    let what = match (role.kind, role.measure) {
        (ColumnKind::Index, _) => "row numbers",
        (ColumnKind::Label, Some(Measure::Verdict)) => "verdicts",
        (ColumnKind::Label, _) => "labels",
        (ColumnKind::Value, None) => "figures",
        (ColumnKind::Value, Some(Measure::Target)) => "target",
        (ColumnKind::Value, Some(Measure::Realisation)) => "realisation",
        (ColumnKind::Value, Some(Measure::Percent)) => "percentage",
        (ColumnKind::Value, Some(Measure::Total)) => "total",
        (ColumnKind::Value, Some(Measure::Average)) => "average",
        (ColumnKind::Value, Some(Measure::Verdict)) => "verdicts",
    };
    let mut parts = vec![what.to_string()];
    match role.period {
        Some(Period::Quarter(n)) => parts.push(format!("quarter {n}")),
        Some(Period::Semester(n)) => parts.push(format!("semester {n}")),
        None => {}
    }
    if role.budget {
        parts.push("budget".to_string());
    }
    if role.weight {
        parts.push("weights".to_string());
    }
    parts.join(", ")
}

/// What the checks take a row for, when it is more than a row of figures.
fn describe_row(info: &RowInfo) -> String {
    let role = match info.role {
        RowRole::Total => Some("total row"),
        RowRole::Subtotal => Some("subtotal row"),
        RowRole::Average => Some("average row"),
        RowRole::Data | RowRole::Section => None,
    };
    let kind = info.kind.map(|k| match k {
        IndicatorKind::Count => "a count",
        IndicatorKind::Money => "money",
        IndicatorKind::Score => "a score",
        IndicatorKind::Rate => "a rate",
        IndicatorKind::Stock => "a stock",
    });
    match (role, kind) {
        (Some(role), _) => format!("  [{role}]"),
        (None, Some(kind)) => format!("  [{kind}]"),
        (None, None) => String::new(),
    }
}

/// A cell for the text listing; `None` for an empty cell, which is left out.
fn describe_cell(
    table: &Table,
    column: usize,
    cell: &Cell,
    source: &crate::read::SourceFile,
) -> Option<String> {
    if let Some(from) = cell.carried_row() {
        let origin = &table.rows[from];
        return Some(format!(
            "{:?}  (merged cell from line {})",
            origin.cells[column].text,
            source.line(origin.span.start())
        ));
    }
    if cell.is_empty() {
        return None;
    }
    Some(describe_value(cell))
}

fn describe_value(cell: &Cell) -> String {
    match &cell.value {
        CellFigure::Figure(f) => format!("{}  = {}", cell.text, describe_figure(f)),
        CellFigure::Nil(_) => format!("{}  = nil", cell.text),
        CellFigure::Empty => String::new(),
        CellFigure::Text => format!("{:?}", cell.text),
    }
}

fn describe_figure(f: &Figure) -> String {
    let kind = match f.kind {
        FigureKind::Count => "count",
        FigureKind::Percent => "percent",
        FigureKind::Money => "money",
        FigureKind::Plain => "plain",
    };
    let unit = f.unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
    let decimals = match f.decimals {
        0 => String::new(),
        1 => ", 1 decimal".to_string(),
        n => format!(", {n} decimals"),
    };
    format!("{} ({kind}{unit}{decimals})", f.value)
}

#[derive(Serialize)]
struct TablesJson<'a> {
    version: u32,
    path: &'a str,
    tables: Vec<TableJson<'a>>,
}

#[derive(Serialize)]
struct TableJson<'a> {
    number: Option<&'a str>,
    title: Option<&'a str>,
    line: usize,
    origin: TableOrigin,
    /// The line where each part starts (more than one when the table continues).
    parts: Vec<usize>,
    columns: Vec<ColumnJson<'a>>,
    rows: Vec<RowJson<'a>>,
}

#[derive(Serialize)]
struct ColumnJson<'a> {
    path: &'a [String],
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    inferred: bool,
}

#[derive(Serialize)]
struct RowJson<'a> {
    line: usize,
    kind: &'static str,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    unaligned: bool,
    cells: Vec<CellJson<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    overflow: Vec<CellJson<'a>>,
}

#[derive(Serialize)]
struct CellJson<'a> {
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    decimals: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<FigureKind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<&'a str>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    nil: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    merged_from_line: Option<usize>,
}

/// The tables of `doc` as JSON (version 1).
pub fn render_json(doc: &Document) -> String {
    let source = &doc.source;
    fn cell_json<'a>(
        source: &crate::read::SourceFile,
        table: &Table,
        cell: &'a Cell,
    ) -> CellJson<'a> {
        let (value, decimals, kind, unit) = match &cell.value {
            CellFigure::Figure(f) => {
                (Some(f.value.to_string()), Some(f.decimals), Some(f.kind), f.unit.as_deref())
            }
            _ => (None, None, None, None),
        };
        CellJson {
            text: &cell.text,
            value,
            decimals,
            kind,
            unit,
            nil: matches!(cell.value, CellFigure::Nil(_)),
            merged_from_line: cell.carried_row().map(|r| source.line(table.rows[r].span.start())),
        }
    }
    let tables = doc
        .tables
        .iter()
        .map(|table| TableJson {
            number: table.number.as_deref(),
            title: table.title.as_deref(),
            line: source.line(table.span().start()),
            origin: table.origin,
            parts: table.parts.iter().map(|p| source.line(p.start())).collect(),
            columns: table
                .columns
                .iter()
                .map(|c| ColumnJson { path: &c.path, inferred: c.inferred })
                .collect(),
            rows: table
                .rows
                .iter()
                .map(|row| RowJson {
                    line: source.line(row.span.start()),
                    kind: match row.kind {
                        RowKind::Data => "data",
                        RowKind::Section => "section",
                    },
                    unaligned: !row.aligned,
                    cells: row.cells.iter().map(|c| cell_json(source, table, c)).collect(),
                    overflow: row.overflow.iter().map(|c| cell_json(source, table, c)).collect(),
                })
                .collect(),
        })
        .collect();
    let report = TablesJson { version: 1, path: &source.name, tables };
    serde_json::to_string_pretty(&report).expect("plain data serialises")
}
