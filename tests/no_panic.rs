//! No input makes the checks panic: random reports built from the words, figures and
//! separators of real tables (headers, nil, totals, quarters, verdicts), as Markdown (pipe
//! and HTML tables) and as tab-separated text, are read and checked without a panic.

use periksa::knowledge::Knowledge;
use periksa::read::{read_document, ReadOptions, SourceFile, SourceKind};
use periksa::rules::check_document;
use proptest::prelude::*;

const TOKENS: &[&str] = &[
    "Target",
    "Realisasi",
    "Capaian (%)",
    "%",
    "Jumlah",
    "Total",
    "Jml",
    "L",
    "P",
    "No",
    "Triwulan I",
    "Triwulan II",
    "Triwulan III",
    "Triwulan IV",
    "TW IV",
    "Semester I",
    "Semester II",
    "Rata-rata Capaian (%)",
    "Keterangan",
    "Tercapai",
    "Belum Tercapai",
    "Pagu",
    "Anggaran (Rp)",
    "Nilai IKPA",
    "Persentase lulusan",
    "TAHUN 2024",
    "POK",
    "Tabel 3.1",
    "-",
    "",
    "",
    "0",
    "1",
    "2",
    "12",
    "100",
    "1.085",
    "87,50",
    "0,00",
    "99,995",
    "37,25%",
    "40 orang",
    "Rp. 6.211.744.000,-",
    "(-)26,38%",
    "79228162514264337593543950335",
    "99999999999999999999999999,99",
    "capaian sebesar 101,18% sehingga belum tercapai.",
];

/// A row as a pipe table, tab-separated or HTML (cells spanning random rows and columns),
/// or a line that opens or closes an HTML table.
fn line() -> impl Strategy<Value = String> {
    let cells = prop::collection::vec((prop::sample::select(TOKENS), 0u8..4, 0u8..4), 0..9);
    (cells, 0u8..5).prop_map(|(cells, style)| match style {
        0 => format!("| {} |", cells.iter().map(|c| c.0).collect::<Vec<_>>().join(" | ")),
        1 => cells.iter().map(|c| c.0).collect::<Vec<_>>().join("\t"),
        2 => {
            let html: String = cells
                .iter()
                .map(|(text, rows, columns)| {
                    format!(r#"<td rowspan="{rows}" colspan="{columns}">{text}</td>"#)
                })
                .collect();
            format!("<tr>{html}</tr>")
        }
        3 => "<table>".to_string(),
        _ => ["</table>", "<thead>", "</thead><tbody>", "<caption>Tabel 3.1 Capaian"]
            [cells.len() % 4]
            .to_string(),
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn checking_random_tables_never_panics(
        lines in prop::collection::vec(line(), 0..24),
        markdown in any::<bool>(),
    ) {
        let text = lines.join("\n");
        let kind = if markdown { SourceKind::Markdown } else { SourceKind::PlainText };
        let knowledge = Knowledge::builtin();
        let options = ReadOptions { units: knowledge.units.clone(), ..ReadOptions::default() };
        let doc = read_document(SourceFile::new("acak".into(), kind, text.clone()), &options);
        let findings = check_document(&doc, &knowledge);
        for f in &findings {
            for label in std::iter::once(&f.primary).chain(&f.related) {
                prop_assert!(label.span.end() <= text.len());
                prop_assert!(text.is_char_boundary(label.span.start()));
                prop_assert!(text.is_char_boundary(label.span.end()));
            }
        }
    }
}

/// Found by the property above: an HTML table whose header row is empty, then a section
/// label spanning three columns. The label reached past the header's (no) columns.
#[test]
fn a_section_label_wider_than_an_empty_header_is_kept() {
    let text = "<table>\n<tr></tr>\n<tr><td rowspan=\"0\" colspan=\"3\">Target</td></tr>\n</table>";
    for kind in [SourceKind::Markdown, SourceKind::PlainText] {
        let knowledge = Knowledge::builtin();
        let doc = read_document(
            SourceFile::new("acak".into(), kind, text.into()),
            &ReadOptions::default(),
        );
        let findings = check_document(&doc, &knowledge);
        assert!(findings.iter().all(|f| f.primary.span.end() <= text.len()));
        if kind == SourceKind::Markdown {
            let row = &doc.tables[0].rows[0];
            let kept: Vec<&str> =
                row.cells.iter().chain(&row.overflow).map(|c| c.text.as_str()).collect();
            assert!(kept.contains(&"Target"), "{kept:?}");
        }
    }
}
