//! Correct reports in shapes real units use (fixtures/clean): every figure in them is
//! right, so periksa must report nothing. Each file once raised a false alarm or guards a
//! shape that could: lower-is-better indicators, tables continued after a page break,
//! ratio columns beside a Jumlah row, indicators named "Rata-rata …", subtotals named
//! "Jumlah Belanja …", Volume × Harga Satuan, counts measured at a moment, capped
//! achievements, hedged verdicts in prose.

use periksa::diagnostics::human::render_to_string;
use periksa::knowledge::Knowledge;
use periksa::messages::Lang;
use periksa::read::{read_document, ReadOptions, SourceFile};
use periksa::rules::check_document;
use std::path::Path;

#[test]
fn correct_reports_yield_no_finding() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/clean");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    assert!(files.len() >= 20, "the corpus is in {}", dir.display());
    let knowledge = Knowledge::builtin();
    let options = ReadOptions { units: knowledge.units.clone(), ..ReadOptions::default() };
    let mut failures = String::new();
    for path in files {
        let source = SourceFile::load(&path).unwrap();
        let doc = read_document(source, &options);
        let findings = check_document(&doc, &knowledge);
        if !findings.is_empty() {
            failures.push_str(&render_to_string(&doc.source, &findings, Lang::En));
        }
    }
    assert!(failures.is_empty(), "false alarms:\n{failures}");
}
