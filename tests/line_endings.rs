//! CRLF line ends and a byte-order mark read the same tables, with spans still pointing
//! at the right bytes of the file as it is on disk.

mod common;

use periksa::figures::lexer::CellFigure;
use periksa::read::SourceKind;

#[test]
fn crlf_and_bom_read_the_same_tables() {
    let lf = std::fs::read_to_string("fixtures/reading/tab-tables.txt").unwrap();
    let crlf = format!("\u{feff}{}", lf.replace('\n', "\r\n"));
    let a = common::read_text("lf.txt", SourceKind::PlainText, &lf);
    let b = common::read_text("crlf.txt", SourceKind::PlainText, &crlf);
    assert_eq!(a.tables.len(), b.tables.len());
    for (ta, tb) in a.tables.iter().zip(&b.tables) {
        assert_eq!(ta.number, tb.number);
        let shape = |t: &periksa::tables::Table| -> Vec<(Vec<String>, bool)> {
            t.columns.iter().map(|c| (c.path.clone(), c.inferred)).collect()
        };
        assert_eq!(shape(ta), shape(tb));
        assert_eq!(ta.rows.len(), tb.rows.len());
        for (ra, rb) in ta.rows.iter().zip(&tb.rows) {
            for (ca, cb) in ra.cells.iter().zip(&rb.cells) {
                assert_eq!(ca.text, cb.text);
                assert_eq!(&crlf[cb.span.range()], cb.text, "span of {:?}", cb.text);
                if let (CellFigure::Figure(fa), CellFigure::Figure(fb)) = (&ca.value, &cb.value) {
                    assert_eq!((fa.value, fa.decimals), (fb.value, fb.decimals));
                }
            }
        }
    }
    // Line and column of the first cell of Tabel 1.1 are the same in both files.
    let cell_a = a.tables[0].rows[0].cells[1].span.start();
    let cell_b = b.tables[0].rows[0].cells[1].span.start();
    assert_eq!(a.source.line_col(cell_a), b.source.line_col(cell_b));
}

/// A file whose lines end with a carriage return alone (classic Mac OS) reads as lines:
/// the same findings at the same lines and columns as with line feeds.
#[test]
fn lone_carriage_returns_end_lines() {
    use periksa::knowledge::Knowledge;
    use periksa::read::{read_document, ReadOptions, SourceFile};
    use periksa::rules::check_document;
    let lf = std::fs::read_to_string("fixtures/examples/laporan-kinerja-2025.md").unwrap();
    let knowledge = Knowledge::builtin();
    let options = ReadOptions { units: knowledge.units.clone(), ..ReadOptions::default() };
    let findings = |text: &str| {
        let source =
            SourceFile::from_bytes("laporan.md".into(), SourceKind::Markdown, text.into()).unwrap();
        let doc = read_document(source, &options);
        check_document(&doc, &knowledge)
            .iter()
            .map(|f| {
                let at = doc.source.line_col(f.primary.span.start());
                (f.code, at.line, at.column, text[f.primary.span.range()].to_string())
            })
            .collect::<Vec<_>>()
    };
    let expected = findings(&lf);
    assert!(expected.len() >= 2, "the example has its slips: {expected:?}");
    assert_eq!(findings(&lf.replace('\n', "\r")), expected);
}
