//! The bodies of the fuzz targets under `fuzz/`, kept in the library so that a fuzz target
//! and the regression test that replays its crashers (`tests/fuzz_regressions.rs`) run
//! the same code.
//!
//! Each function takes arbitrary bytes and must never panic on them. Where an invariant is
//! cheap to check, it is asserted, so that the fuzzer finds wrong answers as well as
//! crashes: every span periksa reports lies inside the file and on character boundaries
//! (a span that cuts a character in two would make `periksa fix` refuse, or a renderer
//! panic), every fix applies, a baseline of the findings hides them all.
//!
//! Not a public interface: hidden from the docs, and free to change with the fuzzers.

use crate::baseline::{Baseline, Root};
use crate::config::file::parse as parse_config;
use crate::config::settings::{Config, Overrides, Settings};
use crate::diagnostics::{self, fix, Finding};
use crate::document::Document;
use crate::facts::document_facts;
use crate::figures::{lex_cell, scan_prose, words, CellFigure, Figure, Locale, Units};
use crate::knowledge::{Knowledge, RULE_FILES};
use crate::messages::Lang;
use crate::output;
use crate::read::{docx, read_document, ReadOptions, SourceFile, SourceKind};
use crate::rules::{check_document_recorded, check_document_with, CheckOptions};
use crate::span::Span;
use std::path::Path;
use std::sync::{Arc, LazyLock};

/// The built-in knowledge, built once: compiling its patterns on every input would make
/// the fuzzer spend its time in the regex compiler.
static KNOWLEDGE: LazyLock<Arc<Knowledge>> = LazyLock::new(|| Arc::new(Knowledge::builtin()));
static UNITS: LazyLock<Units> = LazyLock::new(Units::builtin);

/// A short report, checked with the knowledge a fuzzed rules file gives, so that odd but
/// valid rules (a pattern that matches everything, a strange policy) are run, not only
/// parsed.
const SMALL_REPORT: &str = "# BAB III AKUNTABILITAS KINERJA\n\n\
Tabel 3.1 Capaian Kinerja Tahun 2024\n\n\
| No | Indikator Kinerja | Satuan | Target | Realisasi | Capaian (%) |\n\
|----|-------------------|--------|--------|-----------|-------------|\n\
| 1 | Jumlah peserta pelatihan | orang | 1.200 | 1.104 | 92,00 |\n\
| 2 | Persentase pengaduan yang ditangani | % | 80,00 | 84,50 | 105,63 |\n\
| 3 | Angka kasus yang berulang | kasus | 40 | 30 | 125,00 |\n\
| | Jumlah | | 1.320 | 1.238 | |\n\n\
Realisasi peserta pelatihan sebanyak 1.104 (seribu seratus empat) orang atau 92,00% \
dari target 1.200 orang. Anggaran Rp. 14.701.007.000,- terserap 97,5%.\n";

/// Asserts that `span` lies inside `text` and on character boundaries.
fn assert_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start() <= span.end() && span.end() <= text.len(),
        "{what}: span {}..{} outside a text of {} bytes",
        span.start(),
        span.end(),
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start()) && text.is_char_boundary(span.end()),
        "{what}: span {}..{} cuts a character",
        span.start(),
        span.end()
    );
}

/// Asserts that `inner` lies inside `outer`.
fn assert_within(inner: Span, outer: Span, what: &str) {
    assert!(
        outer.start() <= inner.start() && inner.end() <= outer.end(),
        "{what}: span {}..{} outside {}..{}",
        inner.start(),
        inner.end(),
        outer.start(),
        outer.end()
    );
}

/// A figure's spans: inside `text`, the digits and the number words inside the figure.
fn assert_figure(text: &str, figure: &Figure, what: &str) {
    assert_span(text, figure.span, what);
    assert_span(text, figure.number_span, what);
    assert_within(figure.number_span, figure.span, what);
    if let Some(words) = &figure.words {
        assert_span(text, words.span, what);
        assert_within(words.span, figure.span, what);
    }
}

/// The figure lexer on one piece of text. The first byte chooses the locale; the rest is
/// the text (invalid UTF-8 replaced). The text is lexed as a table cell, as prose, and as
/// number words, and a figure read from a cell is printed back and read again. Returns
/// the number of figures found in the text as prose.
pub fn figure_lexer(data: &[u8]) -> usize {
    let Some((&flags, rest)) = data.split_first() else { return 0 };
    let locale = if flags & 1 == 0 { Locale::Id } else { Locale::En };
    let text = String::from_utf8_lossy(rest);
    let text = text.as_ref();
    let units = &*UNITS;

    // Prose: figures in order, never overlapping, each inside the text.
    let mut last_end = 0;
    let prose = scan_prose(text, locale, units);
    for figure in &prose {
        assert_figure(text, figure, "prose figure");
        assert!(figure.span.start() >= last_end, "prose figures overlap");
        last_end = figure.span.end();
    }

    // A cell, placed at an offset in a larger file: its spans are file offsets.
    let base = usize::from(flags >> 1);
    let padded = format!("{}{text}", " ".repeat(base));
    match lex_cell(text, base, locale, units) {
        CellFigure::Empty => assert!(text.trim().is_empty(), "a cell with text read as empty"),
        CellFigure::Nil(span) => assert_span(&padded, span, "nil cell"),
        CellFigure::Text => {}
        CellFigure::Figure(figure) => {
            assert_figure(&padded, &figure, "cell figure");
            assert_eq!(
                padded[figure.span.range()].trim(),
                text.trim(),
                "a cell figure covers the whole cell"
            );
            // Printed back in the cell's precision, the value reads as itself.
            let printed = locale.format(figure.value, figure.decimals);
            if let CellFigure::Figure(again) = lex_cell(&printed, 0, locale, units) {
                assert_eq!(again.value, figure.value, "{printed:?} reads back");
                assert_eq!(again.decimals, figure.decimals, "{printed:?} reads back");
            } else {
                panic!("{printed:?}, printed from the cell {text:?}, is not read as a figure");
            }
        }
    }

    // Number words: a whole number read from words is spelt back the same way.
    if let Some(value) = words::parse_number_words(text) {
        if let Ok(n) = u64::try_from(value) {
            let spelt = words::to_number_words(n);
            assert_eq!(words::parse_number_words(&spelt), Some(value), "{spelt:?} reads back");
        }
    }
    prose.len()
}

/// Every span of a document read from `doc.source`: blocks, their figures, tables (parts,
/// caption, header, rows, cells, cell figures) and lists of contents.
fn assert_document(doc: &Document) {
    let text = doc.source.text.as_str();
    for block in &doc.blocks {
        assert_span(text, block.span, "block");
        for figure in &block.figures {
            assert_figure(text, figure, "block figure");
        }
    }
    for table in &doc.tables {
        for &part in &table.parts {
            assert_span(text, part, "table part");
        }
        for span in table.caption.iter().chain(&table.header_rows) {
            assert_span(text, *span, "caption or header row");
        }
        for column in &table.columns {
            if let Some(span) = column.label_span {
                assert_span(text, span, "column label");
            }
        }
        for row in &table.rows {
            assert_span(text, row.span, "row");
            for cell in row.cells.iter().chain(&row.overflow) {
                assert_span(text, cell.span, "cell");
                if cell.exact {
                    assert_eq!(&text[cell.span.range()], cell.text, "an exact cell's text");
                }
                match &cell.value {
                    CellFigure::Figure(figure) => {
                        assert_figure(text, figure, "cell figure");
                        assert_within(figure.span, cell.span, "cell figure");
                    }
                    CellFigure::Nil(span) => assert_span(text, *span, "nil cell"),
                    CellFigure::Empty | CellFigure::Text => {}
                }
            }
        }
    }
    for list in &doc.contents {
        assert_span(text, list.span, "list of contents");
        for entry in &list.entries {
            assert_span(text, entry.span, "contents entry");
            for (_, span) in &entry.cells {
                assert_span(text, *span, "contents cell");
            }
        }
    }
}

/// Every span of every finding inside the file, and every fix applicable (edits of two
/// findings may overlap, which `periksa fix` refuses with a message; an edit outside the
/// file or inside a character is a bug).
fn assert_findings(source: &SourceFile, findings: &[Finding]) {
    let text = source.text.as_str();
    let mut edits = Vec::new();
    for finding in findings {
        assert_span(text, finding.primary.span, finding.code);
        for label in &finding.related {
            assert_span(text, label.span, finding.code);
        }
        if let Some(fix) = &finding.fix {
            assert!(!fix.edits.is_empty(), "{}: a fix with no edit", finding.code);
            for edit in &fix.edits {
                assert_span(text, edit.span, finding.code);
            }
            edits.extend(fix.edits.iter().cloned());
        }
    }
    if let Err(fix::ApplyError::OutOfBounds(edit)) = fix::apply(text, &edits) {
        panic!("an edit outside the text: {edit:?}");
    }
}

/// Reading a text or Markdown report and building its tables and their facts, in both
/// number formats, and printing them as `periksa tables` does. Returns the number of
/// tables read the Indonesian way.
pub fn table_reader(data: &[u8]) -> usize {
    let text = String::from_utf8_lossy(data).into_owned();
    let mut tables = None;
    for (locale, kind) in [(Locale::Id, SourceKind::Markdown), (Locale::En, SourceKind::PlainText)]
    {
        let source = SourceFile::new("fuzz.md".into(), kind, text.clone());
        let options = ReadOptions { locale, units: KNOWLEDGE.units.clone() };
        let doc = read_document(source, &options);
        assert_document(&doc);
        assert_findings(&doc.source, &doc.reading_findings);
        for facts in document_facts(&doc, &KNOWLEDGE) {
            assert_eq!(facts.columns.len(), facts.table.columns.len(), "a role per column");
            assert_eq!(facts.rows.len(), facts.table.rows.len(), "an info per row");
            for row in facts.checked_rows() {
                assert!(row < facts.table.rows.len(), "a checked row in the table");
            }
        }
        let _ = output::tables::render_text(&doc, &KNOWLEDGE);
        let _ = output::tables::render_json(&doc);
        tables.get_or_insert(doc.tables.len());
    }
    tables.unwrap_or_default()
}

/// A .docx: bytes that start like a zip archive are read as one; anything else is taken
/// as `word/document.xml` itself, followed (after a NUL byte) by `word/numbering.xml`, so
/// that the fuzzer can change the XML without breaking a zip checksum. A document that
/// renders is then read and checked as a report. Returns the number of tables read, or
/// `None` when the document could not be read.
pub fn docx_reader(data: &[u8]) -> Option<usize> {
    let source = if data.starts_with(b"PK") {
        match SourceFile::from_bytes("fuzz.docx".into(), SourceKind::Docx, data.to_vec()) {
            Ok(source) => source,
            Err(_) => return None,
        }
    } else {
        let (document, numbering) = match data.iter().position(|&b| b == 0) {
            Some(nul) => (&data[..nul], Some(&data[nul + 1..])),
            None => (data, None),
        };
        let Ok(document) = std::str::from_utf8(document) else { return None };
        let numbering = match numbering.map(std::str::from_utf8) {
            Some(Ok(xml)) => Some(xml),
            Some(Err(_)) => return None,
            None => None,
        };
        let Ok(view) = docx::render_parts(document, numbering) else { return None };
        // Every offset of the view has a place, or none; finding it never panics.
        for (offset, _) in view.text.char_indices().step_by(97) {
            let _ = view.place(offset);
        }
        let _ = view.place(view.text.len());
        SourceFile::new("fuzz.docx".into(), SourceKind::Docx, view.text)
    };
    let doc = read_document(source, &ReadOptions::default());
    assert_document(&doc);
    let findings = check_document_with(&doc, &KNOWLEDGE, &CheckOptions::default());
    assert_findings(&doc.source, &findings);
    let _ =
        serde_json::to_string(&diagnostics::json::file_report(&doc.source, &findings, Lang::En))
            .expect("a JSON report serialises");
    Some(doc.tables.len())
}

/// The whole pipeline on a text report, as `periksa check` runs it: read, facts, every
/// check (with and without the worksheet record, which must agree), then every output:
/// human, concise, GitHub, JSON, SARIF, HTML, the worksheet as CSV and .xlsx, the
/// statistics, and a baseline of the findings, which must hide them all. Returns the
/// number of findings.
pub fn pipeline(data: &[u8]) -> usize {
    let text = String::from_utf8_lossy(data).into_owned();
    let source = SourceFile::new("fuzz.md".into(), SourceKind::Markdown, text);
    let doc = read_document(source, &ReadOptions::default());
    assert_document(&doc);
    let _ = document_facts(&doc, &KNOWLEDGE);
    let options = CheckOptions::default();
    let findings = check_document_with(&doc, &KNOWLEDGE, &options);
    let (recorded, records) = check_document_recorded(&doc, &KNOWLEDGE, &options);
    assert_eq!(findings, recorded, "keeping the worksheet changes no finding");
    assert_findings(&doc.source, &findings);
    for record in &records {
        assert_span(&doc.source.text, record.span, record.code);
    }

    let source = &doc.source;
    let _ = diagnostics::human::render_to_string(source, &findings, Lang::En);
    let _ = diagnostics::concise::render(source, &findings, Lang::Id);
    let _ = diagnostics::github::render(source, &findings, Lang::En);
    let report = diagnostics::json::file_report(source, &findings, Lang::Id);
    let _ = serde_json::to_string(&report).expect("a JSON report serialises");
    let checked = vec![(source.clone(), findings.clone())];
    let _ = diagnostics::sarif::render(&checked, &[], Path::new("/"), Lang::En);
    let view = diagnostics::html::FileView { doc: &doc, findings: &findings };
    let _ = diagnostics::html::render(&[view], &[], Lang::Id);
    let sheet = output::worksheet::FileWorksheet { source, locale: doc.locale, records: &records };
    let _ = output::worksheet::render_csv(std::slice::from_ref(&sheet), Lang::En);
    output::worksheet::render_xlsx(&[sheet], Lang::Id).expect("the worksheet is written");
    let counts = output::statistics::counts(findings.iter());
    let _ = output::statistics::render_text(&counts);
    let _ = output::statistics::render_json(&counts);

    let root = Root::of_baseline(Path::new("/periksa-fuzz/baseline.json"));
    let baseline = Baseline::from_findings([(source, findings.as_slice())], &root);
    let baseline = Baseline::parse("baseline.json", &baseline.to_json()).expect("reads back");
    let mut files = checked;
    let filtered = baseline.filter(&mut files, &root);
    assert_eq!(filtered.hidden, findings.len(), "a baseline of the findings hides them all");
    assert!(files[0].1.is_empty(), "a baseline of the findings hides them all");
    findings.len()
}

/// A configuration file or a rules file. The first byte chooses which: 0 `periksa.yaml`,
/// then each of [`RULE_FILES`] in order; the rest is its text (invalid UTF-8 replaced). A
/// configuration that parses must build its settings; rules that load are used to check a
/// short report. Returns whether the file was accepted.
pub fn config_and_rules(data: &[u8]) -> bool {
    let Some((&which, rest)) = data.split_first() else { return false };
    let text = String::from_utf8_lossy(rest);
    let which = usize::from(which) % (RULE_FILES.len() + 1);
    if which == 0 {
        let Ok(file) = parse_config("periksa.yaml", &text) else { return false };
        let config = Config::from_file(file, Path::new(""), Path::new("/"), &Overrides::default());
        Settings::new(config, None, Arc::clone(&KNOWLEDGE))
            .expect("a configuration that parses has valid globs");
        return true;
    }
    let (name, _) = RULE_FILES[which - 1];
    let mut knowledge = Knowledge::clone(&KNOWLEDGE);
    if knowledge.extend_from_text(&format!("rules/{name}"), name, &text).is_err() {
        return false;
    }
    let source = SourceFile::new("fuzz.md".into(), SourceKind::Markdown, SMALL_REPORT.into());
    let options = ReadOptions { locale: Locale::Id, units: knowledge.units.clone() };
    let doc = read_document(source, &options);
    let findings = check_document_with(&doc, &knowledge, &CheckOptions::default());
    assert_findings(&doc.source, &findings);
    true
}
