//! The Word fixtures: each report in `fixtures/word` is written in Markdown with HTML
//! tables whose cells are merged (`rowspan`, `colspan`), and converted to .docx by
//! LibreOffice (`fixtures/word/convert.sh`), where the merged cells become `w:vMerge` and
//! `w:gridSpan` and the lists Word's automatic numbering. A report and its conversion must
//! give the same findings: same checks, same expected and printed values.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/word").join(name)
}

/// `periksa check --format json` on one file: its exit code and its diagnostics.
fn check(path: &Path) -> (i32, Vec<serde_json::Value>) {
    let output = Command::cargo_bin("periksa")
        .unwrap()
        .env("LC_ALL", "C")
        .args(["check", "--format", "json"])
        .arg(path)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&output.stdout)));
    let diagnostics = json["files"][0]["diagnostics"].as_array().unwrap().clone();
    (output.status.code().unwrap(), diagnostics)
}

/// (code, expected, found) of each finding, in order of the document.
fn values(diagnostics: &[serde_json::Value]) -> Vec<(String, String, String)> {
    diagnostics
        .iter()
        .map(|d| {
            let text = |key: &str| d[key].as_str().unwrap_or_default().to_string();
            (text("code"), text("expected"), text("found"))
        })
        .collect()
}

/// (code, line, column, expected, found) of each finding.
fn placed(diagnostics: &[serde_json::Value]) -> Vec<(String, u64, u64, String, String)> {
    diagnostics
        .iter()
        .map(|d| {
            let text = |key: &str| d[key].as_str().unwrap_or_default().to_string();
            let at = |key: &str| d["primary"][key].as_u64().unwrap();
            (text("code"), at("line"), at("column"), text("expected"), text("found"))
        })
        .collect()
}

fn owned(rows: &[(&str, u64, u64, &str, &str)]) -> Vec<(String, u64, u64, String, String)> {
    rows.iter()
        .map(|(c, l, col, e, f)| (c.to_string(), *l, *col, e.to_string(), f.to_string()))
        .collect()
}

#[test]
fn the_markdown_report_with_merged_cells_gives_its_planted_findings() {
    let (code, diagnostics) = check(&fixture("laporan-sel-gabung.md"));
    assert_eq!(code, 1);
    assert_eq!(
        placed(&diagnostics),
        owned(&[
            // "5 (lima) fungsi" before a numbered list of four.
            ("C205", 21, 53, "4", "5"),
            // The Jumlah ASN of the staff table, whose Jumlah label spans two columns.
            ("A102", 64, 117, "46", "48"),
            // A 2024 percentage under a header group spanning three columns.
            ("A101", 118, 100, "92,00", "92,50"),
            // A realisation in prose with two digits swapped.
            ("C202", 143, 74, "672", "627"),
        ])
    );
    // Each span is the printed figure itself.
    let text = std::fs::read_to_string(fixture("laporan-sel-gabung.md")).unwrap();
    let spans: Vec<&str> = diagnostics
        .iter()
        .map(|d| {
            let (start, end) = (d["primary"]["start"].as_u64(), d["primary"]["end"].as_u64());
            &text[start.unwrap() as usize..end.unwrap() as usize]
        })
        .collect();
    assert_eq!(spans, ["5", "48", "92,50", "627"]);
}

#[test]
fn each_docx_conversion_gives_the_findings_of_its_markdown() {
    for name in ["laporan-sel-gabung", "laporan-sel-gabung-bersih"] {
        let (md_code, md) = check(&fixture(&format!("{name}.md")));
        let (docx_code, docx) = check(&fixture(&format!("{name}.docx")));
        assert_eq!(values(&docx), values(&md), "{name}: the .docx and the Markdown differ");
        assert_eq!(docx_code, md_code, "{name}");
    }
}

#[test]
fn docx_findings_point_at_their_table_cell_or_paragraph() {
    let (_, diagnostics) = check(&fixture("laporan-sel-gabung.docx"));
    let locations: Vec<&serde_json::Value> =
        diagnostics.iter().map(|d| &d["primary"]["location"]).collect();
    assert_eq!(
        locations,
        [
            // The announcing sentence is the 11th paragraph of the body (empty ones count).
            &serde_json::json!({"paragraph": 11}),
            // Table 1, the Jumlah row (row 8: two header rows, five units), 9th grid column.
            &serde_json::json!({"table": 1, "row": 8, "column": 9}),
            // Table 4 (Tabel 3.2), its first data row, the 2024 percentage (grid column 5).
            &serde_json::json!({"table": 4, "row": 3, "column": 5}),
            &serde_json::json!({"paragraph": 35}),
        ]
    );
}

#[test]
fn the_clean_twins_give_no_finding() {
    for name in ["laporan-sel-gabung-bersih.md", "laporan-sel-gabung-bersih.docx"] {
        let (code, diagnostics) = check(&fixture(name));
        assert_eq!(values(&diagnostics), [], "{name}");
        assert_eq!(code, 0, "{name}");
    }
}

#[test]
fn the_docx_fixtures_are_libreoffice_conversions_with_merged_cells() {
    for name in ["laporan-sel-gabung.docx", "laporan-sel-gabung-bersih.docx"] {
        let file = std::fs::File::open(fixture(name)).unwrap();
        let mut archive = zip::ZipArchive::new(file).unwrap();
        let mut read = |member: &str| {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut archive.by_name(member).unwrap(), &mut text)
                .unwrap();
            text
        };
        assert!(read("docProps/app.xml").contains("<Application>LibreOffice"), "{name}");
        let document = read("word/document.xml");
        for merged in [r#"<w:gridSpan w:val="3"/>"#, r#"<w:vMerge w:val="restart"/>"#, "<w:numPr>"]
        {
            assert!(document.contains(merged), "{name} has no {merged}");
        }
    }
}
