//! `periksa check --format worksheet`: one row per check performed, passed or failed, with
//! its inputs as printed, formula, recomputed values and verdict, then the counts per
//! check; `--format worksheet-xlsx` the same as a workbook.

use assert_cmd::Command;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn periksa() -> Command {
    let mut command = Command::cargo_bin("periksa").unwrap();
    command.current_dir(root()).env("LC_ALL", "C");
    command
}

/// The worksheet of `path`: its exit code, its check rows (by column name) and its counts.
struct Sheet {
    code: i32,
    rows: Vec<BTreeMap<String, String>>,
    counts: Vec<Vec<String>>,
}

fn worksheet(path: &str, lang: &str) -> Sheet {
    let output =
        periksa().args(["check", "--format", "worksheet", "--lang", lang, path]).output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    let (checks, counts) = text.split_once("\n\n").expect("the checks, a blank line, the counts");
    let mut reader = csv::Reader::from_reader(checks.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| header.iter().cloned().zip(r.unwrap().iter().map(String::from)).collect())
        .collect();
    let counts = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(counts.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    Sheet { code: output.status.code().unwrap(), rows, counts }
}

fn with_verdict<'a>(sheet: &'a Sheet, verdict: &str) -> Vec<&'a BTreeMap<String, String>> {
    sheet.rows.iter().filter(|r| r["verdict"] == verdict).collect()
}

#[test]
fn every_check_is_a_row_and_the_planted_slips_fail() {
    let sheet = worksheet("fixtures/examples/laporan-kinerja-2025.md", "en");
    assert_eq!(sheet.code, 1);
    let failing = with_verdict(&sheet, "fails");
    let summary: Vec<Vec<&str>> = failing
        .iter()
        .map(|r| {
            ["line", "column", "check", "place", "table row", "inputs as printed", "formula"]
                .iter()
                .chain(&["recomputed", "printed", "finding"])
                .map(|k| r[*k].as_str())
                .collect()
        })
        .collect();
    assert_eq!(
        summary,
        [
            vec![
                "120",
                "83",
                "A101",
                "Tabel 3.2 › Tahun 2024 › %",
                "Jumlah lulusan pelatihan berbasis kompetensi",
                "1.200; 1.014",
                "1.014 / 1.200 × 100",
                "84,5",
                "84,05",
                "reported"
            ],
            vec![
                "156",
                "14",
                "A102",
                "Tabel 3.4 › Paket",
                "Jumlah",
                "14; 10; 12; 9; 6; 8",
                "14 + 10 + 12 + 9 + 6 + 8",
                "59",
                "61",
                "reported"
            ],
        ]
    );
    // Every percentage of the report's tables is a row: the 2025 one of the same row holds.
    let holds = with_verdict(&sheet, "holds");
    assert!(holds.iter().any(|r| r["line"] == "120"
        && r["place"] == "Tabel 3.2 › Tahun 2025 › %"
        && r["formula"] == "1.085 / 1.240 × 100"
        && r["printed"] == "87,50"));
    // A percentage of decimals shows the range its rounded inputs allow.
    assert!(holds.iter().any(|r| r["formula"] == "74,40 / 80 × 100"
        && r["recomputed"] == "92,9937 – 93,0063"
        && r["printed"] == "93,00"));
    assert!(sheet.rows.iter().all(|r| r["file"] == "fixtures/examples/laporan-kinerja-2025.md"));
}

#[test]
fn the_counts_add_up_to_the_rows() {
    let sheet = worksheet("fixtures/examples/laporan-kinerja-2025.md", "en");
    assert_eq!(sheet.counts[0], ["check", "performed", "holds", "holds only by rounding", "fails"]);
    let (total, per_check) = sheet.counts[1..].split_last().unwrap();
    for counts in per_check {
        let of = |verdict: Option<&str>| {
            sheet
                .rows
                .iter()
                .filter(|r| r["check"] == counts[0] && verdict.is_none_or(|v| r["verdict"] == v))
                .count()
                .to_string()
        };
        assert_eq!(counts[1], of(None), "{counts:?}");
        assert_eq!(counts[2], of(Some("holds")), "{counts:?}");
        assert_eq!(counts[3], of(Some("holds only by rounding")), "{counts:?}");
        assert_eq!(counts[4], of(Some("fails")), "{counts:?}");
    }
    assert_eq!(total[0], "all checks");
    assert_eq!(total[1], sheet.rows.len().to_string());
    assert_eq!(total[4], "2");
}

#[test]
fn the_clean_twin_performs_the_same_checks_and_none_fails() {
    let invalid = worksheet("fixtures/examples/laporan-kinerja-2025.md", "en");
    let clean = worksheet("fixtures/examples/laporan-kinerja-2025-bersih.md", "en");
    assert_eq!(clean.code, 0);
    assert_eq!(clean.rows.len(), invalid.rows.len());
    assert!(with_verdict(&clean, "fails").is_empty());
    let place = |r: &BTreeMap<String, String>| (r["line"].clone(), r["column"].clone());
    assert!(with_verdict(&clean, "holds")
        .iter()
        .any(|r| place(r) == ("120".into(), "83".into()) && r["printed"] == "84,50"));
}

#[test]
fn figures_that_hold_only_by_rounding_say_so() {
    // The A101 twin has percentages whose rounded inputs allow the printed value, though
    // the printed inputs themselves give another.
    let sheet = worksheet("fixtures/rules/A101/valid.md", "en");
    let by_rounding = with_verdict(&sheet, "holds only by rounding");
    assert!(!by_rounding.is_empty());
    for row in by_rounding {
        assert_eq!(row["finding"], "");
        let (lo, hi) = row["recomputed"].split_once(" – ").expect("a range");
        assert_ne!(lo, hi);
    }
    assert!(with_verdict(&sheet, "fails").is_empty());
}

#[test]
fn the_worksheet_speaks_indonesian_too() {
    let sheet = worksheet("fixtures/examples/laporan-kinerja-2025.md", "id");
    let first = &sheet.rows[0];
    for column in ["berkas", "baris", "pemeriksaan", "rumus", "hasil hitung ulang", "simpulan"] {
        assert!(first.contains_key(column), "{column}: {first:?}");
    }
    let failing: Vec<_> = sheet.rows.iter().filter(|r| r["simpulan"] == "tidak sesuai").collect();
    assert_eq!(failing.len(), 2);
    assert_eq!(failing[0]["temuan"], "dilaporkan");
    assert_eq!(sheet.counts.last().unwrap()[0], "semua pemeriksaan");
}

#[test]
fn the_workbook_has_the_checks_and_the_counts() {
    let output = periksa()
        .args(["check", "--format", "worksheet-xlsx", "fixtures/examples/laporan-kinerja-2025.md"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(output.stdout)).unwrap();
    let mut read = |name: &str| {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut archive.by_name(name).unwrap(), &mut text).unwrap();
        text
    };
    let workbook = read("xl/workbook.xml");
    assert!(workbook.contains(r#"name="Checks""#) && workbook.contains(r#"name="Counts""#));
    let strings = read("xl/sharedStrings.xml");
    for text in ["1.014 / 1.200 × 100", "84,05", "14 + 10 + 12 + 9 + 6 + 8", "fails", "all checks"]
    {
        assert!(strings.contains(text), "{text}");
    }
}

fn seed() -> Option<PathBuf> {
    let path = root().join("../shared/seed/lakip-2024-bp3mi-jawa-barat.txt");
    path.exists().then_some(path)
}

/// On the real report every percentage, total and cross-check is listed, and the figures
/// that fail are exactly those the findings of these checks point at, but for a total
/// built on a total already found wrong.
#[test]
fn on_the_seed_the_failures_are_the_findings() {
    let Some(seed) = seed() else {
        eprintln!("skipped: ../shared/seed is not here");
        return;
    };
    let seed = seed.to_str().unwrap();
    let sheet = worksheet(seed, "en");
    let per_check: BTreeMap<&str, usize> =
        sheet.counts[1..].iter().map(|c| (c[0].as_str(), c[1].parse().unwrap())).collect();
    for check in ["A101", "A102", "C201", "C202"] {
        assert!(per_check.get(check).is_some_and(|&n| n > 0), "{check}: {per_check:?}");
    }
    let output = periksa().args(["check", "--format", "json", seed]).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let mut findings: Vec<(String, String, String)> = json["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| per_check.contains_key(d["code"].as_str().unwrap()))
        .map(|d| {
            let at = |k: &str| d["primary"][k].as_u64().unwrap().to_string();
            (d["code"].as_str().unwrap().to_string(), at("line"), at("column"))
        })
        .collect();
    let mut reported: Vec<(String, String, String)> = with_verdict(&sheet, "fails")
        .iter()
        .filter(|r| r["finding"] == "reported")
        .map(|r| (r["check"].clone(), r["line"].clone(), r["column"].clone()))
        .collect();
    findings.sort();
    reported.sort();
    reported.dedup();
    assert_eq!(reported, findings);
    // The 80,67 of the prose against the 80,76 of the tables.
    assert!(with_verdict(&sheet, "fails").iter().any(|r| r["check"] == "C202"
        && r["printed"] == "80,67"
        && r["inputs as printed"] == "80,76"));
}

/// The (check, line, column) of the findings of `codes` that `periksa check --format json`
/// gives for `path`.
fn findings_of(path: &str, codes: &[&str]) -> Vec<(String, String, String)> {
    let output = periksa().args(["check", "--format", "json", path]).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let mut found: Vec<(String, String, String)> = json["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| codes.contains(&d["code"].as_str().unwrap()))
        .map(|d| {
            let at = |k: &str| d["primary"][k].as_u64().unwrap().to_string();
            (d["code"].as_str().unwrap().to_string(), at("line"), at("column"))
        })
        .collect();
    found.sort();
    found
}

/// Each check that keeps a worksheet, on its own invalid fixtures: every finding is a
/// failing row marked reported, and every row marked reported is a finding.
#[test]
fn each_recorded_check_fails_exactly_where_it_finds() {
    for code in ["A101", "A102", "A103", "A104", "A105", "C201", "C202", "C203", "C208"] {
        let folder = root().join("fixtures/rules").join(code);
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_str().unwrap().to_string();
            if !name.starts_with("invalid.") {
                continue;
            }
            let path = format!("fixtures/rules/{code}/{name}");
            let sheet = worksheet(&path, "en");
            let mine: Vec<_> = sheet.rows.iter().filter(|r| r["check"] == code).collect();
            assert!(!mine.is_empty(), "{path}: no {code} row");
            let mut reported: Vec<(String, String, String)> = mine
                .iter()
                .filter(|r| r["finding"] == "reported")
                .map(|r| (r["check"].clone(), r["line"].clone(), r["column"].clone()))
                .collect();
            reported.sort();
            reported.dedup();
            // A105 warns of a verdict that holds only by rounding; the rest report failures.
            assert!(mine
                .iter()
                .filter(|r| r["finding"] == "reported")
                .all(|r| r["verdict"] == "fails"
                    || (code == "A105" && r["verdict"] == "holds only by rounding")));
            assert_eq!(reported, findings_of(&path, &[code]), "{path}");
        }
    }
}
