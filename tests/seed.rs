//! The real report in ../shared/seed, read as the reading issue's acceptance asks. A
//! user's clone has no ../shared: then every test here returns early (and says so).

mod common;

use periksa::figures::lexer::CellFigure;
use periksa::read::{read_document, ReadOptions, SourceFile};
use periksa::tables::{RowKind, Table};
use rust_decimal::Decimal;
use std::str::FromStr;

fn seed_tables() -> Option<Vec<Table>> {
    let Some(path) = common::seed_path() else {
        eprintln!("skipped: ../shared/seed is not beside this checkout");
        return None;
    };
    let source = SourceFile::load(&path).expect("seed is readable");
    Some(read_document(source, &ReadOptions::default()).tables)
}

fn paths(table: &Table) -> Vec<String> {
    table.columns.iter().map(|c| c.display_path()).collect()
}

#[test]
fn every_table_is_listed_with_its_number() {
    let Some(tables) = seed_tables() else { return };
    let numbers: Vec<String> =
        tables.iter().map(|t| t.number.clone().unwrap_or_else(|| "-".into())).collect();
    let mut expected: Vec<String> = vec!["1".into(), "1.1".into(), "2.1".into(), "2.2".into()];
    expected.extend((1..=16).map(|n| format!("3.{n}")));
    expected.extend(["3.16".into(), "3.17".into(), "-".into(), "-".into()]);
    assert_eq!(numbers, expected);
}

#[test]
fn header_paths_of_the_hard_tables() {
    let Some(tables) = seed_tables() else { return };
    let t11 = &tables[1];
    assert_eq!(paths(t11)[2], "ESELON › III › L");
    assert_eq!(paths(t11)[7], "ESELON › IV › Jml");
    assert_eq!(paths(t11)[8], "PPPK › L");
    assert_eq!(paths(t11)[11], "Jumlah");
    assert_eq!(paths(t11)[18], "Ket");

    // Tabel 3.1: rows one label column wider than the header.
    let t31 = &tables[4];
    assert_eq!(t31.number.as_deref(), Some("3.1"));
    assert!(t31.columns[1].inferred);
    assert_eq!(paths(t31)[2], "INDIKATOR KINERJA");
    assert_eq!(paths(t31)[8], "POK › %");
    assert!(t31.rows.iter().all(|r| r.aligned));
    let first = &t31.rows[0];
    assert_eq!(first.cells[2].text, "Penempatan Pekerja Migran Indonesia terampil dan profesional");
    assert_eq!(first.cells[8].text, "92,19");

    // Tabel 3.4: one table across a page break.
    let t34 = &tables[7];
    assert_eq!(t34.parts.len(), 2);
    assert_eq!(t34.rows.len(), 5);
    assert_eq!(paths(t34)[4], "TAHUN 2023 › %");

    // The five-year comparison (the second "Tabel 3.16").
    let long = &tables[20];
    assert_eq!(long.columns.len(), 17);
    assert_eq!(paths(long)[7], "TAHUN 2021 › %");
    assert_eq!(long.rows.iter().filter(|r| r.kind == RowKind::Section).count(), 2);

    // Tabel 3.17 continues with a header shaped differently.
    let t317 = &tables[21];
    assert_eq!(t317.parts.len(), 2);
    assert_eq!(t317.rows.len(), 8);
    assert_eq!(paths(t317)[9], "Rata-rata Capaian s.d. Tahun 2024 (%)");
}

#[test]
fn column_number_rows_are_gone() {
    let Some(tables) = seed_tables() else { return };
    for table in &tables {
        for row in &table.rows {
            let first = row.cells.first().map(|c| c.text.as_str()).unwrap_or("");
            assert!(first != "1" || row.cells.get(1).is_none_or(|c| c.text != "2"), "{table:?}");
            assert!(first != "(1)");
        }
    }
}

/// Every cell printed as an Indonesian number has exactly the value its digits say,
/// computed here independently by removing the separators.
#[test]
fn every_numeric_cell_has_its_exact_value() {
    let Some(tables) = seed_tables() else { return };
    let number = regex::Regex::new(
        r"^(?:Rp\.\s*)?(\(-\))?([0-9]+(?:\.[0-9]{3})*)(,[0-9]+)?(?:,-)?\s*(%|orang)?$",
    )
    .unwrap();
    let mut checked = 0;
    for table in &tables {
        for row in &table.rows {
            for cell in &row.cells {
                let Some(c) = number.captures(&cell.text) else { continue };
                let digits = c[2].replace('.', "");
                if digits.starts_with('0') && digits.len() > 1 {
                    continue;
                }
                let frac = c.get(3).map_or(String::new(), |m| m.as_str().replace(',', "."));
                let mut expected = Decimal::from_str(&format!("{digits}{frac}")).unwrap();
                if c.get(1).is_some() {
                    expected = -expected;
                }
                let CellFigure::Figure(figure) = &cell.value else {
                    panic!("{:?} in {:?} was not read as a figure", cell.text, table.number);
                };
                assert_eq!(figure.value, expected, "{:?}", cell.text);
                checked += 1;
            }
        }
    }
    assert!(checked > 400, "only {checked} numeric cells");
}
