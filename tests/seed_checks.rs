//! The checks on the real report in ../shared/seed. Every defect listed here was found and
//! recomputed by hand (see the notes beside each); the test fails on a finding that is not
//! in the list (a false alarm) as well as on a defect not reported. A second test plants
//! slips of every kind into the real tables and expects each to be caught.
//!
//! A user's clone has no ../shared: then every test here returns early (and says so).

mod common;

use periksa::knowledge::Knowledge;
use periksa::read::{read_document, ReadOptions, SourceFile, SourceKind};
use periksa::rules::check_document;

/// (code, line, expected, found, severity) of each finding.
type Row = (String, usize, String, String, String);

fn findings_of(text: &str) -> Vec<Row> {
    let source = SourceFile::new("seed.txt".into(), SourceKind::PlainText, text.to_string());
    let knowledge = Knowledge::builtin();
    let options = ReadOptions { units: knowledge.units.clone(), ..ReadOptions::default() };
    let doc = read_document(source, &options);
    let mut rows: Vec<Row> = check_document(&doc, &knowledge)
        .iter()
        .filter(|f| f.code.starts_with('A'))
        .map(|f| {
            (
                f.code.to_string(),
                doc.source.line(f.primary.span.start),
                f.expected.clone().unwrap_or_default(),
                f.found.clone().unwrap_or_default(),
                f.severity.as_str().to_string(),
            )
        })
        .collect();
    rows.sort();
    rows
}

fn seed_text() -> Option<String> {
    let Some(path) = common::seed_path() else {
        eprintln!("skipped: ../shared/seed is not beside this checkout");
        return None;
    };
    Some(std::fs::read_to_string(path).expect("seed is readable"))
}

fn row(code: &str, line: usize, expected: &str, found: &str, severity: &str) -> Row {
    (code.into(), line, expected.into(), found.into(), severity.into())
}

#[test]
fn the_seed_defects_are_reported_and_nothing_else() {
    let Some(text) = seed_text() else { return };
    let mut want = vec![
        // Tabel 1.1, row 4 (P4MI/LTSA Sukabumi): NON STRUKTURAL › Jml is blank while
        // L is "-" and P is 1.
        row("A102", 234, "1", "", "warning"),
        // Tabel 1.1, Jumlah row: FUNGSIONAL › P, 7+2+1+1 = 11 (printed 10);
        // FUNGSIONAL › Jml, 13+5+1+1+1+1+1+0+0+1 = 24 (printed 23);
        // NON STRUKTURAL › L, 6+1+1 = 8 (printed 9); › P, 2+0+2+1+1+1 = 7 (printed 6).
        // Its Jml (15) has a blank part (Sukabumi), so it is not checked.
        row("A102", 241, "11", "10", "error"),
        row("A102", 241, "24", "23", "error"),
        row("A102", 241, "8", "9", "error"),
        row("A102", 241, "7", "6", "error"),
        // Tabel 3.10, Meninggal Dunia: 33+2+3+17 = 55 (printed 52). The grand total 93
        // agrees with its row (40+6+10+37) and is built on 52 down its column, so it is
        // not reported again.
        row("A102", 650, "55", "52", "error"),
    ];
    want.sort();
    assert_eq!(findings_of(&text), want);
}

/// Replaces the one occurrence of `from` in the line starting with `line_start`.
fn plant(text: &str, line_start: &str, from: &str, to: &str) -> String {
    let mut hits = 0;
    let out: Vec<String> = text
        .split_inclusive('\n')
        .map(|line| {
            if line.starts_with(line_start) && line.contains(from) {
                hits += 1;
                line.replacen(from, to, 1)
            } else {
                line.to_string()
            }
        })
        .collect();
    assert_eq!(hits, 1, "{line_start:?} / {from:?} must match one line");
    out.concat()
}

#[test]
fn slips_planted_in_the_real_tables_are_caught() {
    let Some(text) = seed_text() else { return };
    let before = findings_of(&text);
    // (line start, from, to, code, expected): one slip of each kind, in real tables.
    let slips = [
        // Tabel 3.1 POK: 93 / 71 × 100 = 130,985…
        ("\t\tFasilitasi pemulangan Pekerja Migran Indonesia\t106 orang\t93 orang\t87,74\t71", "130,99", "130,90", "A101", "130,99"),
        // Tabel 3.16, 2021: 75,11 / 18,03 × 100 = 416,583…
        ("2.\tPenurunan kasus Pekerja Migran Indonesia\t30%", "416,58", "416,85", "A101", "416,58"),
        // Tabel 3.17 budget absorption: 5.240.000.000 / 6.211.744.000 × 100 = 84,356…
        ("1\tMeningkatnya Pelindungan", "\t84,36\t", "\t84,63\t", "A101", "84,36"),
        // Tabel 3.3: a score's year is its last quarter's: 67,91 / 98 × 100 = 69,295…
        ("2.\tMeningkatnya tata kelola pemerintahan yang baik\tNilai Capaian Kinerja Anggaran\t98\t75,86", "69,30", "69,03", "A101", "69,30"),
        // Tabel 3.3: a count's year is the sum of its quarters: (3.762 + 4.384 + 4.654 +
        // 4.806) / 34.209 × 100 = 51,466…
        ("1.\tMeningkatnya pelindungan dan kesejahteraan Pekerja Migran Indonesia dan keluarganya\tPenempatan Pekerja Migran Indonesia terampil dan profesional\t34.209 orang\t3.672", "3.672", "3.762", "A101", "51,47"),
        // Tabel 3.10 grand total: 40 + 6 + 10 + 37 = 93.
        ("Total\t40", "\t93", "\t94", "A102", "93"),
        // Tabel 1.1: L + P = Jml for PPPK in row 1: 5 + 3 = 8.
        ("1\tBP3MI Jawa Barat", "\t5\t3\t8\t", "\t5\t3\t9\t", "A102", "8"),
        // Annex: quarterly targets of a count add up to the year: 8.535 + 3 × 8.552 = 34.191.
        ("Meningkatnya pelindungan dan kesejahteraan Pekerja Migran Indonesia dan keluarganya\tPenempatan Pekerja Migran Indonesia terampil dan profesional\t34.209 orang\t8.553", "8.553", "8.535", "A103", "34.191"),
        // Tabel 3.17 goal averages: (51,20 + 70,82 + 70 + 87,74 + 73,68) / 5 = 70,688.
        ("1\tMeningkatnya Pelindungan", "70,69", "70,96", "A104", "70,69"),
        // (69,30 + 99,58 + 95,01) / 3 = 87,963…
        ("\t\tNilai Indikator Pelaksanaan Anggaran (IKPA)", "87,96", "87,69", "A104", "87,96"),
    ];
    for (line_start, from, to, code, expected) in slips {
        let planted = plant(&text, line_start, from, to);
        let after = findings_of(&planted);
        let new: Vec<&Row> = after.iter().filter(|r| !before.contains(r)).collect();
        assert!(
            new.iter().any(|r| r.0 == code && r.2 == expected),
            "{from} → {to} in {line_start:?}: expected {code} with {expected}, got {new:?}"
        );
    }
}
