//! Synthetic reports for the benchmarks and `scripts/measure`: a consolidated performance
//! report of as many unit chapters as the wanted size takes, shaped like the real ones
//! (an indicator list counted in words, an achievement table, the sentence that quotes it,
//! a quarterly table written as a Word text export with tabs, a staff table and a budget
//! table with their totals, and the sentence that quotes the budget).
//!
//! Every figure is computed exactly, so the report is right but for the slips planted on
//! purpose: every 25th chapter prints one achievement 0,10 too high, so that a 1 MB report
//! has findings to render, as a real draft does. The numbers vary with the chapter and the
//! variant, so the reports of a folder are not copies of each other.
//!
//! Included by `benches/pipeline.rs` and `examples/synthetic_reports.rs`.

use periksa::figures::words::to_number_words;
use rust_decimal::Decimal;
use std::fmt::Write;

/// A report of about `bytes` bytes (never fewer); `variant` changes its numbers.
pub fn report(bytes: usize, variant: u64) -> String {
    let mut out = String::with_capacity(bytes + 8192);
    out.push_str(
        "# LAPORAN KINERJA KONSOLIDASI TAHUN 2025\n\n\
         **DINAS TENAGA KERJA PROVINSI NUSA SELATAN**\n\n\
         ## KATA PENGANTAR\n\n\
         Laporan ini menghimpun capaian kinerja seluruh unit pelaksana teknis pada tahun \
         2025 sebagai pertanggungjawaban atas Perjanjian Kinerja yang telah ditandatangani. \
         Setiap bab memuat capaian indikator, realisasi per triwulan, sumber daya manusia dan \
         realisasi anggaran satu unit.\n\n",
    );
    let mut chapter = 1;
    while out.len() < bytes {
        write_chapter(&mut out, chapter, variant);
        chapter += 1;
    }
    out
}

const SUBJECTS: [&str; 12] = [
    "peserta pelatihan",
    "lulusan",
    "pencari kerja",
    "instruktur",
    "mitra industri",
    "peserta magang",
    "wirausaha baru",
    "tenaga kerja",
    "asesor",
    "lembaga pelatihan",
    "perusahaan",
    "pekerja migran",
];
const ACTIONS: [&str; 8] = [
    "yang dilatih",
    "yang tersertifikasi",
    "yang ditempatkan",
    "yang dibina",
    "yang difasilitasi",
    "yang diverifikasi",
    "yang terdaftar",
    "yang didampingi",
];
const ACTIVITIES: [&str; 3] = [
    "Penyelenggaraan Pelatihan Berbasis Kompetensi",
    "Penempatan dan Perluasan Kesempatan Kerja",
    "Dukungan Manajemen dan Tata Usaha",
];
const SECTIONS: [&str; 3] = ["Tata Usaha", "Seksi Pelatihan", "Seksi Penempatan"];

/// A deterministic spread of small numbers: enough variety for the figures, and the same
/// report every run.
fn spread(chapter: usize, variant: u64, salt: u64, modulo: u64) -> u64 {
    let mixed = (chapter as u64)
        .wrapping_mul(2_654_435_761)
        .wrapping_add(variant.wrapping_mul(40_503))
        .wrapping_add(salt.wrapping_mul(97_531));
    (mixed >> 7) % modulo
}

/// `n` in the Indonesian format: `1.234.567`.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// `part / whole × 100` to two decimals, in the Indonesian format: `87,50`.
fn percent(part: u64, whole: u64) -> String {
    let value = (Decimal::from(part) * Decimal::from(100) / Decimal::from(whole)).round_dp(2);
    format!("{value:.2}").replace('.', ",")
}

/// `87,50` plus 0,10, for a planted slip.
fn slipped(percent: &str) -> String {
    let value: Decimal = percent.replace(',', ".").parse().expect("a percentage we printed");
    format!("{:.2}", value + Decimal::new(10, 2)).replace('.', ",")
}

fn write_chapter(out: &mut String, k: usize, variant: u64) {
    let unit = format!("UPT Pelatihan Kerja Wilayah {k}");
    let count = 3 + spread(k, variant, 1, 3) as usize;
    let indicators: Vec<String> = (0..count)
        .map(|i| {
            let subject = SUBJECTS[(k + i) % SUBJECTS.len()];
            let action = ACTIONS[(k / SUBJECTS.len() + i) % ACTIONS.len()];
            format!("Jumlah {subject} {action} pada {unit}")
        })
        .collect();
    let targets: Vec<u64> =
        (0..count).map(|i| 100 + spread(k, variant, 10 + i as u64, 900)).collect();
    let realised: Vec<u64> = targets
        .iter()
        .enumerate()
        .map(|(i, &t)| t * (80 + spread(k, variant, 20 + i as u64, 35)) / 100)
        .collect();
    let percents: Vec<String> =
        targets.iter().zip(&realised).map(|(&t, &r)| percent(r, t)).collect();
    let slip = k % 25 == 0;

    let _ = write!(
        out,
        "# BAB {k} KINERJA {upper}\n\n## A. Capaian Kinerja\n\n\
         Pada tahun 2025 {unit} menetapkan {count} ({words}) indikator kinerja, yaitu:\n\n",
        upper = unit.to_uppercase(),
        words = to_number_words(count as u64),
    );
    for (i, name) in indicators.iter().enumerate() {
        let end = if i + 1 == count { "." } else { ";" };
        let _ = writeln!(out, "{}. {}{end}", i + 1, name.to_lowercase());
    }
    let _ = write!(
        out,
        "\n**Tabel {k}.1**\nCapaian Kinerja {unit} Tahun 2025\n\n\
         | No | Indikator Kinerja | Target | Realisasi | Capaian (%) |\n\
         |----|-------------------|--------|-----------|-------------|\n"
    );
    for i in 0..count {
        let printed = if slip && i == 0 { slipped(&percents[i]) } else { percents[i].clone() };
        let _ = writeln!(
            out,
            "| {n}. | {name} | {t} orang | {r} orang | {printed} |",
            n = i + 1,
            name = indicators[i],
            t = grouped(targets[i]),
            r = grouped(realised[i]),
        );
    }
    let _ = write!(
        out,
        "\nRealisasi indikator {name} sebesar {r} orang atau mencapai {p}% dari target {t} \
         orang. Capaian ini dipengaruhi oleh jadwal pelatihan dan ketersediaan instruktur.\n\n",
        name = indicators[0].to_lowercase(),
        r = grouped(realised[0]),
        p = percents[0],
        t = grouped(targets[0]),
    );

    // The quarterly table as a Word text export writes it: a caption line, then tabs.
    let _ = write!(
        out,
        "Tabel {k}.2 Realisasi per Triwulan {unit} Tahun 2025\n\n\
         No\tIndikator Kinerja\tTW I\tTW II\tTW III\tTW IV\tJumlah\n"
    );
    for i in 0..count {
        let r = realised[i];
        let q = [r / 5, r / 4, r * 3 / 10];
        let fourth = r - q.iter().sum::<u64>();
        let _ = writeln!(
            out,
            "{n}.\t{name}\t{}\t{}\t{}\t{}\t{}",
            grouped(q[0]),
            grouped(q[1]),
            grouped(q[2]),
            grouped(fourth),
            grouped(r),
            n = i + 1,
            name = indicators[i],
        );
    }

    // Staff by section and sex, with the total row.
    let _ = write!(
        out,
        "\n## B. Sumber Daya Manusia\n\n\
         Tabel {k}.3 Pegawai {unit} menurut Jenis Kelamin\n\n\
         | No | Unit Kerja | L | P | Jumlah |\n|----|-----------|---|---|--------|\n"
    );
    let (mut men, mut women) = (0, 0);
    for (i, section) in SECTIONS.iter().enumerate() {
        let l = 2 + spread(k, variant, 40 + i as u64, 12);
        let p = 1 + spread(k, variant, 50 + i as u64, 10);
        men += l;
        women += p;
        let _ = writeln!(out, "| {} | {section} | {l} | {p} | {} |", i + 1, l + p);
    }
    let _ = writeln!(out, "| | Jumlah | {men} | {women} | {} |", men + women);

    // Budget by activity, with the total row, and the sentence that quotes it.
    let _ = write!(
        out,
        "\n## C. Realisasi Anggaran\n\n\
         **Tabel {k}.4**\nRealisasi Anggaran {unit} Tahun 2025\n\n\
         | No | Kegiatan | Pagu (Rp) | Realisasi (Rp) | % |\n|----|----------|-----------|----------------|---|\n"
    );
    let (mut ceiling_total, mut spent_total) = (0, 0);
    for (i, activity) in ACTIVITIES.iter().enumerate() {
        let ceiling = (400 + spread(k, variant, 60 + i as u64, 3000)) * 1_000_000;
        let spent = ceiling / 10_000 * (8_500 + spread(k, variant, 70 + i as u64, 1_450));
        ceiling_total += ceiling;
        spent_total += spent;
        let _ = writeln!(
            out,
            "| {}. | {activity} | Rp. {},- | Rp. {},- | {} |",
            i + 1,
            grouped(ceiling),
            grouped(spent),
            percent(spent, ceiling),
        );
    }
    let _ = write!(
        out,
        "| | Jumlah | Rp. {c},- | Rp. {s},- | {p} |\n\n\
         Pada tahun 2025 {unit} mengelola pagu sebesar Rp. {c},- dengan realisasi sebesar \
         Rp. {s},- atau {p}%. Sisa anggaran berasal dari efisiensi belanja perjalanan dinas.\n\n",
        c = grouped(ceiling_total),
        s = grouped(spent_total),
        p = percent(spent_total, ceiling_total),
    );
}
