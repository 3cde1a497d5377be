//! Word drafts (.docx) read directly: documents built here with the `zip` writer, read
//! through the command line as a reviewer would, compared with the same report written
//! in Markdown, and damaged in every way the reader must survive.

use assert_cmd::Command;
use predicates::prelude::*;
use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

fn periksa() -> Command {
    let mut cmd = Command::cargo_bin("periksa").expect("the binary is built");
    cmd.env_remove("NO_COLOR").env("LC_ALL", "C");
    cmd
}

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

fn p(text: &str) -> String {
    format!(r#"<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

fn styled(style: &str, text: &str) -> String {
    format!(r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#)
}

fn tc(text: &str, props: &str) -> String {
    format!("<w:tc><w:tcPr>{props}</w:tcPr>{}</w:tc>", p(text))
}

fn tr(cells: &[(&str, &str)]) -> String {
    let cells: String = cells.iter().map(|(text, props)| tc(text, props)).collect();
    format!("<w:tr>{cells}</w:tr>")
}

const SPAN2: &str = r#"<w:gridSpan w:val="2"/>"#;
const RESTART: &str = r#"<w:vMerge w:val="restart"/>"#;
const CONTINUE: &str = "<w:vMerge/>";

/// A small report: a heading, a table of achievements whose goal is merged over two rows
/// (vMerge), a table of participants with a spanned header and total label (gridSpan),
/// and a sentence that restates a figure. `capaian` is the printed achievement of row 3
/// (126 / 120 × 100 = 105,00), `jumlah_l` the printed total of the L column (15).
fn report_xml(capaian: &str, jumlah_l: &str) -> String {
    let body = [
        p("LAPORAN KINERJA TAHUN 2025"),
        styled("Heading1", "BAB III AKUNTABILITAS KINERJA"),
        p("Capaian indikator kinerja disajikan pada tabel berikut."),
        p("Tabel 3.1 Capaian Indikator Kinerja Tahun 2025"),
        "<w:tbl>".into(),
        tr(&[
            ("No", ""),
            ("Sasaran", ""),
            ("Indikator", ""),
            ("Target", ""),
            ("Realisasi", ""),
            ("Capaian (%)", ""),
        ]),
        tr(&[
            ("1.", ""),
            ("Meningkatnya derajat kesehatan", RESTART),
            ("Cakupan imunisasi dasar lengkap", ""),
            ("95%", ""),
            ("91,20%", ""),
            ("96,00", ""),
        ]),
        tr(&[
            ("2.", ""),
            ("", CONTINUE),
            ("Penurunan kasus demam berdarah", ""),
            ("30%", ""),
            ("25%", ""),
            ("83,33", ""),
        ]),
        tr(&[
            ("3.", ""),
            ("Meningkatnya peran serta masyarakat", ""),
            ("Jumlah kader posyandu yang dilatih", ""),
            ("120 orang", ""),
            ("126 orang", ""),
            (capaian, ""),
        ]),
        "</w:tbl>".into(),
        p("Tabel 3.2 Jumlah Peserta Pelatihan"),
        "<w:tbl>".into(),
        tr(&[("No", ""), ("Kegiatan", ""), ("Peserta", SPAN2), ("Jumlah", "")]),
        tr(&[("", ""), ("", ""), ("L", ""), ("P", ""), ("", "")]),
        tr(&[("1.", ""), ("Pelatihan kader", ""), ("10", ""), ("20", ""), ("30", "")]),
        tr(&[("2.", ""), ("Pelatihan bidan", ""), ("5", ""), ("15", ""), ("20", "")]),
        tr(&[("Jumlah", SPAN2), (jumlah_l, ""), ("35", ""), ("50", "")]),
        "</w:tbl>".into(),
        p("Penurunan kasus demam berdarah sebesar 25% dari target 30%, atau mencapai 83,33%."),
    ]
    .concat();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}</w:body></w:document>"#
    )
}

/// The same report as Markdown: the merged goal written once, the spanned header as two
/// header rows.
fn report_md(capaian: &str, jumlah_l: &str) -> String {
    format!(
        "LAPORAN KINERJA TAHUN 2025\n\n# BAB III AKUNTABILITAS KINERJA\n\n\
         Capaian indikator kinerja disajikan pada tabel berikut.\n\n\
         Tabel 3.1 Capaian Indikator Kinerja Tahun 2025\n\n\
         | No | Sasaran | Indikator | Target | Realisasi | Capaian (%) |\n\
         |----|---------|-----------|--------|-----------|-------------|\n\
         | 1. | Meningkatnya derajat kesehatan | Cakupan imunisasi dasar lengkap | 95% | 91,20% | 96,00 |\n\
         | 2. | | Penurunan kasus demam berdarah | 30% | 25% | 83,33 |\n\
         | 3. | Meningkatnya peran serta masyarakat | Jumlah kader posyandu yang dilatih | 120 orang | 126 orang | {capaian} |\n\n\
         Tabel 3.2 Jumlah Peserta Pelatihan\n\n\
         | No | Kegiatan | Peserta | | Jumlah |\n\
         |----|----------|---------|---|--------|\n\
         | | | L | P | |\n\
         | 1. | Pelatihan kader | 10 | 20 | 30 |\n\
         | 2. | Pelatihan bidan | 5 | 15 | 20 |\n\
         | Jumlah | | {jumlah_l} | 35 | 50 |\n\n\
         Penurunan kasus demam berdarah sebesar 25% dari target 30%, atau mencapai 83,33%.\n"
    )
}

/// A zip archive holding `members` (name, content), deflated as Word does.
fn zip_of(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, content) in members {
        writer.start_file(*name, options).unwrap();
        writer.write_all(content).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

fn docx(document_xml: &str) -> Vec<u8> {
    zip_of(&[("[Content_Types].xml", b"<Types/>"), ("word/document.xml", document_xml.as_bytes())])
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn json_of(args: &[&str]) -> (i32, serde_json::Value) {
    let output = periksa().args(args).output().unwrap();
    let json = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!("{e}: {}", String::from_utf8_lossy(&output.stdout));
    });
    (output.status.code().unwrap(), json)
}

/// (code, line, expected) of every finding of a file of `periksa check --format json`.
fn findings(file: &serde_json::Value) -> Vec<(String, u64, String)> {
    file["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["primary"]["line"].as_u64().unwrap(),
                d["expected"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

#[test]
fn tables_of_a_docx_have_their_merged_columns() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "laporan.docx", &docx(&report_xml("105,00", "15")));
    let (code, json) = json_of(&["tables", "--format", "json", path.to_str().unwrap()]);
    assert_eq!(code, 0);
    let tables = json["tables"].as_array().unwrap();
    assert_eq!(tables.len(), 2);

    let capaian = &tables[0];
    assert_eq!(capaian["number"], "3.1");
    assert_eq!(capaian["title"], "Capaian Indikator Kinerja Tahun 2025");
    assert_eq!(capaian["columns"].as_array().unwrap().len(), 6);
    // The goal merged over rows 1 and 2 is written once, as in Word's text export.
    let rows = capaian["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0]["cells"][1]["text"], "Meningkatnya derajat kesehatan");
    assert_eq!(rows[1]["cells"][1]["text"], "");
    assert_eq!(rows[1]["cells"][5]["text"], "83,33");

    let peserta = &tables[1];
    let paths: Vec<serde_json::Value> =
        peserta["columns"].as_array().unwrap().iter().map(|c| c["path"].clone()).collect();
    assert_eq!(
        paths,
        [
            serde_json::json!(["No"]),
            serde_json::json!(["Kegiatan"]),
            serde_json::json!(["Peserta", "L"]),
            serde_json::json!(["Peserta", "P"]),
            serde_json::json!(["Jumlah"]),
        ]
    );
    let total = peserta["rows"].as_array().unwrap().last().unwrap().clone();
    // "Jumlah" spans two columns: its text, then an empty cell.
    assert_eq!(total["cells"][0]["text"], "Jumlah");
    assert_eq!(total["cells"][1]["text"], "");
    assert_eq!(total["cells"][2]["value"], "15");
}

#[test]
fn a_clean_docx_has_no_finding() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "laporan.docx", &docx(&report_xml("105,00", "15")));
    let (code, json) = json_of(&["check", "--format", "json", path.to_str().unwrap()]);
    assert_eq!(json["files"][0]["diagnostics"], serde_json::json!([]));
    assert_eq!(code, 0);
}

#[test]
fn planted_slips_are_found_at_their_line_of_the_text_view() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "laporan.docx", &docx(&report_xml("107,00", "16")));
    let (code, json) = json_of(&["check", "--format", "json", path.to_str().unwrap()]);
    assert_eq!(code, 1);
    let found = findings(&json["files"][0]);
    // Text view: line 12 is row 3 of Tabel 3.1, line 20 the Jumlah row of Tabel 3.2.
    assert!(found.contains(&("A101".into(), 12, "105,00".into())), "{found:?}");
    assert!(found.iter().any(|(_, line, expected)| *line == 20 && expected == "15"), "{found:?}");
    // And at their place in the document: table 1, row 4 (the header is row 1), column 6.
    let a101 = json["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "A101")
        .unwrap()
        .clone();
    assert_eq!(a101["primary"]["location"], serde_json::json!({"table": 1, "row": 4, "column": 6}));

    // The human report quotes the line of the view, as codespan shows it.
    periksa()
        .args(["check", path.to_str().unwrap()])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("laporan.docx:12:"))
        .stdout(predicate::str::contains("126 orang"))
        .stdout(predicate::str::contains("expected 105,00"));
}

#[test]
fn docx_and_markdown_of_one_report_give_the_same_findings() {
    let dir = tempfile::tempdir().unwrap();
    let docx_path = write(dir.path(), "laporan.docx", &docx(&report_xml("107,00", "16")));
    let md_path = write(dir.path(), "laporan.md", report_md("107,00", "16").as_bytes());
    let mut results = Vec::new();
    for path in [&docx_path, &md_path] {
        let (code, json) = json_of(&["check", "--format", "json", path.to_str().unwrap()]);
        let mut codes: Vec<(String, String)> =
            findings(&json["files"][0]).into_iter().map(|(c, _, e)| (c, e)).collect();
        codes.sort();
        results.push((code, codes));
    }
    assert!(!results[0].1.is_empty());
    assert_eq!(results[0], results[1]);
}

#[test]
fn damaged_docx_files_exit_2_and_the_others_are_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    let good = docx(&report_xml("105,00", "15"));
    let truncated = &good[..good.len() / 2];
    let no_document = zip_of(&[("[Content_Types].xml", b"<Types/>")]);
    let malformed = docx(&report_xml("105,00", "15").replace("</w:body>", ""));
    let cases: [(&str, &[u8], &str); 3] = [
        ("truncated.docx", truncated, "not a readable .docx"),
        ("kosong.docx", &no_document, "word/document.xml is missing"),
        ("rusak.docx", &malformed, "word/document.xml is damaged"),
    ];
    let bad_md = write(dir.path(), "lain.md", report_md("107,00", "15").as_bytes());
    for (name, bytes, message) in cases {
        let path = write(dir.path(), name, bytes);
        periksa()
            .args(["check", path.to_str().unwrap(), bad_md.to_str().unwrap()])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(format!("{name}: ")))
            .stderr(predicate::str::contains(message))
            // The other file is still checked and its slip reported.
            .stdout(predicate::str::contains("expected 105,00"));
    }
}

#[test]
fn a_zip_bomb_is_refused_with_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    // 201 MB of spaces deflate to about 200 KB.
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(1))
        .large_file(true);
    writer.start_file("word/document.xml", options).unwrap();
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..201 {
        writer.write_all(&chunk).unwrap();
    }
    let bomb = writer.finish().unwrap().into_inner();
    let bomb = write(dir.path(), "bom.docx", &bomb);
    let good = write(dir.path(), "baik.docx", &docx(&report_xml("105,00", "15")));
    periksa()
        .args(["check", bomb.to_str().unwrap(), good.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bom.docx: word/document.xml unpacks to more than 200 MB"))
        .stdout(predicate::str::contains("2 files checked").or(predicate::str::contains("1 file")));
}

#[test]
fn a_folder_is_searched_for_docx_and_word_lock_files_are_passed_over() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "laporan.docx", &docx(&report_xml("107,00", "15")));
    // The owner file Word keeps beside an open document: not a zip.
    write(dir.path(), "~$laporan.docx", b"\x0bYosef Kaleb");
    periksa()
        .args(["check", dir.path().to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::is_empty())
        .stdout(predicate::str::contains("1 file checked"))
        .stdout(predicate::str::contains("expected 105,00"));
}

#[test]
fn corrupted_bytes_anywhere_give_an_error_or_a_view_never_a_panic() {
    let good = docx(&report_xml("105,00", "15"));
    for at in (0..good.len()).step_by(7) {
        let _ = periksa::read::docx::render(&good[..at]);
        let mut flipped = good.clone();
        flipped[at] ^= 0x5a;
        let _ = periksa::read::docx::render(&flipped);
    }
    assert!(periksa::read::docx::render(&good).is_ok());
}
