//! How the time to check a report grows with its size: reports of 250 to 2,000 tables,
//! each with the sentence that quotes it, half of them about 20 indicators that every
//! part of the report repeats (so that one fact has a hundred places), half about
//! indicators of their own. Reading and every check are timed together; the time per
//! table should stay flat as the report grows.
//!
//! `cargo bench --bench checks`

use periksa::knowledge::Knowledge;
use periksa::read::{read_document, ReadOptions, SourceFile, SourceKind};
use periksa::rules::check_document;
use std::fmt::Write;

fn main() {
    divan::main();
}

const SUBJECTS: [&str; 20] = [
    "pengunjung",
    "peserta",
    "nelayan",
    "petani",
    "siswa",
    "guru",
    "kader",
    "pasien",
    "wisatawan",
    "pelaku usaha",
    "koperasi",
    "desa",
    "sekolah",
    "penyuluh",
    "relawan",
    "pemuda",
    "lansia",
    "balita",
    "keluarga",
    "pengrajin",
];
const ACTIONS: [&str; 10] = [
    "dilatih",
    "dibina",
    "dilayani",
    "didampingi",
    "dikunjungi",
    "terdaftar",
    "tersertifikasi",
    "terverifikasi",
    "difasilitasi",
    "dibantu",
];
const PLACES: [&str; 10] = [
    "pesisir",
    "pegunungan",
    "perkotaan",
    "perbatasan",
    "kepulauan",
    "pedalaman",
    "lembah",
    "dataran",
    "pinggiran",
    "muara",
];

/// A synthetic report with `tables` indicator tables, every figure right.
fn report(tables: usize) -> String {
    let mut out =
        String::from("# LAPORAN KINERJA TAHUN 2025\n\n## BAB III AKUNTABILITAS KINERJA\n\n");
    for i in 0..tables {
        // Even tables repeat one of 20 indicators; odd ones name one of their own.
        let name = if i % 2 == 0 {
            format!("Jumlah {} yang {}", SUBJECTS[i / 2 % 20], ACTIONS[0])
        } else {
            let n = i / 2;
            format!(
                "Jumlah {} {} yang {}",
                SUBJECTS[n % 20],
                PLACES[n / 20 % 10],
                ACTIONS[n / 200 % 10]
            )
        };
        let target = 200;
        let realisation = if i % 2 == 0 { 150 + (i / 2 % 20) } else { 120 + i % 70 };
        // realisation / 200 × 100 = realisation / 2, exact with two decimals.
        let percent =
            format!("{},{}", realisation / 2, if realisation % 2 == 0 { "00" } else { "50" });
        let _ = write!(
            out,
            "### {n}. {name}\n\nRealisasi tahun 2025 sebesar {realisation} orang atau mencapai {percent}% dari target {target} orang.\n\n**Tabel 3.{n}**\nCapaian {name}\n\n| No | Indikator | Target | Realisasi | Capaian (%) |\n|---|---|---|---|---|\n| 1. | {name} | {target} orang | {realisation} orang | {percent} |\n\n",
            n = i + 1
        );
    }
    out
}

#[divan::bench(args = [250, 500, 1000, 2000], sample_count = 10)]
fn check(bencher: divan::Bencher, tables: usize) {
    let text = report(tables);
    let knowledge = Knowledge::builtin();
    let options = ReadOptions { units: knowledge.units.clone(), ..ReadOptions::default() };
    bencher.counter(divan::counter::ItemsCount::new(tables)).bench(|| {
        let source = SourceFile::new("report.md".into(), SourceKind::Markdown, text.clone());
        let doc = read_document(source, &options);
        let findings = check_document(&doc, &knowledge);
        assert!(
            findings.is_empty(),
            "the generated report is right: {}",
            findings[0].message.render(periksa::messages::Lang::En)
        );
        findings.len()
    });
}
