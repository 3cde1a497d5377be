//! Bad input (issue 9, item 4): each case gets a clear message naming the file (exit 2) or
//! is checked like any report (exit 0 or 1); none panics, hangs or eats memory without
//! bound. Every input is generated in a temporary folder, and every run has a timeout.

use assert_cmd::Command;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

fn periksa() -> Command {
    let mut cmd = Command::cargo_bin("periksa").expect("the binary is built");
    cmd.env_remove("NO_COLOR").env("LC_ALL", "C").timeout(Duration::from_secs(60));
    cmd
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn check(args: &[&std::ffi::OsStr]) -> Run {
    let output = periksa().arg("check").args(["--format", "concise"]).args(args).output().unwrap();
    let run = Run {
        code: output.status.code().expect("periksa finished before its timeout"),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    };
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    run
}

fn check_file(path: &Path) -> Run {
    check(&[path.as_os_str()])
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    path
}

const HEADER: &str =
    "Tabel 3.1 Capaian\n\n| No | Sasaran | Target | Realisasi | % |\n|---|---|---|---|---|\n";

fn row(n: usize, percent: &str) -> String {
    format!("| {n}. | Jumlah peserta {n} | 40 orang | 28 orang | {percent} |\n")
}

#[test]
fn a_binary_file_is_refused_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    bytes.extend((0..100_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8));
    let path = write(dir.path(), "gambar.md", bytes);
    let run = check_file(&path);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("gambar.md: not valid UTF-8 at byte 0"), "{}", run.stderr);
}

#[test]
fn an_empty_file_is_a_report_with_nothing_to_check() {
    let dir = tempfile::tempdir().unwrap();
    let run = check_file(&write(dir.path(), "kosong.md", ""));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "", "no finding in an empty report");
    assert_eq!(run.stderr, "");
}

/// A 50 MB line, as a Markdown export with an embedded image writes. A release build reads
/// it in about 2 s; a debug build takes about 75 s (per-character iteration unoptimised,
/// not a quadratic step: 8 MB takes a sixth of the time), so debug builds test 5 MB.
#[test]
fn a_50_mb_line_is_read() {
    let megabytes = if cfg!(debug_assertions) { 5 } else { 50 };
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("# Bab I\n\n![grafik](data:image/png;base64,");
    text.push_str(&"iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB".repeat(megabytes << 15));
    text.push_str(")\n\n");
    text.push_str(HEADER);
    text.push_str(&row(1, "72,00"));
    let run = check_file(&write(dir.path(), "gambar.md", text));
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stdout.contains("A101"), "{}", run.stdout);
}

/// A table of 100,000 rows under `HEADER`, each written by `row` (its number, its
/// percentage): every row is right but the last, whose percentage is 72,00. The one A101
/// finding at the last row shows the table was checked to its end.
fn checks_the_last_of_100_000_rows(name: &str, row: impl Fn(usize, &str) -> String) {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from(HEADER);
    for n in 1..=100_000 {
        text.push_str(&row(n, if n == 100_000 { "72,00" } else { "70,00" }));
    }
    let run = check_file(&write(dir.path(), name, text));
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.stdout.matches("A101").count(), 1, "{}", run.stdout);
    assert!(run.stdout.contains(&format!("{name}:100004:")), "{}", run.stdout);
}

/// 100,000 rows (6 MB): about 9 s in a debug build, 1.6 s in a release build.
#[test]
fn a_table_of_100_000_rows_is_checked_to_its_last_row() {
    checks_the_last_of_100_000_rows("panjang.md", row);
}

/// 100,000 rows whose first cell is blank, as under a merged "No" cell: each blank cell
/// continues the cell above it. Finding that cell walked up the table again for every row
/// (40,000 rows took 19 s in a release build); now it takes as long as the table above.
#[test]
fn a_table_of_100_000_rows_under_a_merged_cell_is_checked_to_its_last_row() {
    checks_the_last_of_100_000_rows("gabung.md", |n, percent| {
        format!("|  | Jumlah peserta {n} | 40 orang | 28 orang | {percent} |\n")
    });
}

/// 100,000 total rows one after another. Each total looked again at every row above it for
/// the totals and items it might close (80,000 rows took 9 s in a release build); they are
/// now gathered once per table.
#[test]
fn a_table_of_100_000_totals_is_checked_to_its_last_row() {
    checks_the_last_of_100_000_rows("jumlah.md", |_, percent| {
        format!("|  | Jumlah | 40 orang | 28 orang | {percent} |\n")
    });
}

/// One regulation cited 20,000 times alike. Each citation compared its subject with every
/// other's (5,000 citations took 21 s in a release build, 20,000 took six minutes); each
/// subject is now compared once.
#[test]
fn a_regulation_cited_20_000_times_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("# Bab I\n\n");
    for _ in 0..20_000 {
        text.push_str(
            "Sesuai Peraturan Menteri Nomor 5 Tahun 2020 tentang Pedoman Kerja Unit.\n\n",
        );
    }
    let run = check_file(&write(dir.path(), "acuan.md", text));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "", "one regulation, one year: nothing to report");
}

/// A file past 4 GB, the largest a span can point into, is refused before it is read
/// (the file is sparse: it takes no room on disk).
#[test]
fn a_file_past_4_gb_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("besar.md");
    fs::File::create(&path).unwrap().set_len(u64::from(u32::MAX) + 1).unwrap();
    let run = check_file(&path);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("besar.md: larger than 4"), "{}", run.stderr);
    assert!(run.stderr.contains("MB, the largest report periksa reads"), "{}", run.stderr);
}

/// 10,000 budget tables, each quoted by a paragraph with its allocation and realisation.
/// Each paragraph compared its allocation with every table's (on a 10 MB report that was
/// 15% of the check); it now reads only the tables whose allocation it may give.
#[test]
fn ten_thousand_budget_paragraphs_are_checked_against_their_own_tables() {
    // Rupiah as reports print them: `1.001.000.000`.
    let grouped = |n: u64| periksa::figures::Locale::Id.format(rust_decimal::Decimal::from(n), 0);
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::new();
    for n in 1..=10_000u64 {
        let ceiling = (1_000 + n) * 1_000_000;
        let spent = ceiling / 10 * 9;
        // The last paragraph's realisation is 1.000 rupiah off its table.
        let quoted = if n == 10_000 { spent + 1_000 } else { spent };
        let (c, s) = (grouped(ceiling), grouped(spent));
        text.push_str(&format!(
            "Tabel {n} Realisasi Anggaran\n\n| No | Kegiatan | Pagu (Rp) | Realisasi (Rp) | % |\n\
             |---|---|---|---|---|\n| 1. | Kegiatan {n} | Rp. {c},- | Rp. {s},- | 90,00 |\n\
             | | Jumlah | Rp. {c},- | Rp. {s},- | 90,00 |\n\n\
             Pada tahun 2025 unit {n} mengelola pagu sebesar Rp. {c},- dengan realisasi \
             sebesar Rp. {q},- atau 90,00%.\n\n",
            q = grouped(quoted),
        ));
    }
    let run = check_file(&write(dir.path(), "anggaran.md", text));
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), 1, "{}", run.stdout);
    assert!(run.stdout.contains("C208"), "{}", run.stdout);
    assert!(run.stdout.contains("Tabel 10000"), "{}", run.stdout);
    assert!(run.stdout.contains("expected 9.900.000.000"), "{}", run.stdout);
}

/// 10,000 tables (1.4 MB): about 7 s in a debug build.
#[test]
fn ten_thousand_tables_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::new();
    for n in 1..=10_000 {
        let percent = if n == 10_000 { "72,00" } else { "70,00" };
        text.push_str(&format!(
            "Tabel {n} Capaian\n\n| No | Sasaran | Target | Realisasi | % |\n|---|---|---|---|---|\n{}\n",
            row(1, percent)
        ));
    }
    let run = check_file(&write(dir.path(), "banyak.md", text));
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.stdout.matches("A101").count(), 1, "{}", run.stdout);
    assert!(run.stdout.contains("Tabel 10000"), "{}", run.stdout);
}

#[test]
fn mixed_line_endings_and_a_bom_read_the_table() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "\u{feff}Tabel 3.1 Capaian\r\n\r\n| No | Sasaran | Target | Realisasi | % |\n|---|---|---|---|---|\r\n{}",
        row(1, "72,00").replace('\n', "\r\n")
    );
    let run = check_file(&write(dir.path(), "campur.md", text));
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stdout.contains("campur.md:5:"), "{}", run.stdout);
    assert!(run.stdout.contains("expected 70"), "{}", run.stdout);
}

/// Non-breaking spaces inside numbers (`1 200` with U+00A0, as Word writes them) group
/// thousands: the row is checked like `1.200`.
#[test]
fn non_breaking_spaces_inside_numbers_group_thousands() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "{HEADER}| 1. | Jumlah peserta | 1\u{a0}200 orang | 1\u{202f}014 orang | 84,05 |\n{}",
        row(2, "70,00")
    );
    let run = check_file(&write(dir.path(), "nbsp.md", text));
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), 1, "{}", run.stdout);
    assert!(run.stdout.contains("nbsp.md:5:"), "{}", run.stdout);
    assert!(run.stdout.contains("expected 84,50"), "{}", run.stdout);
}

fn rules_run(dir: &Path, vocabulary: &str) -> Run {
    let rules = dir.join("aturan");
    fs::create_dir(&rules).unwrap();
    write(&rules, "vocabulary.yaml", vocabulary);
    let report = write(dir, "laporan.md", format!("{HEADER}{}", row(1, "70,00")));
    check(&["--rules".as_ref(), rules.as_os_str(), report.as_os_str()])
}

#[test]
fn a_yaml_alias_bomb_in_a_rules_file_is_an_error_at_once() {
    let mut yaml = String::from(
        "measures:\n  target: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n",
    );
    let keys = ["realisation", "percent", "total", "none", "average", "verdict"];
    let mut previous = "a".to_string();
    for (i, key) in keys.iter().enumerate() {
        let anchor = format!("a{i}");
        let items = vec![format!("*{previous}"); 9].join(",");
        yaml.push_str(&format!("  {key}: &{anchor} [{items}]\n"));
        previous = anchor;
    }
    let dir = tempfile::tempdir().unwrap();
    let run = rules_run(dir.path(), &yaml);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("vocabulary.yaml:"), "{}", run.stderr);
}

#[test]
fn an_enormous_regex_in_a_rules_file_is_refused_by_its_size() {
    let dir = tempfile::tempdir().unwrap();
    let run = rules_run(dir.path(), "measures:\n  total:\n    - '\\w{1000}{1000}'\n");
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("vocabulary.yaml:3:"), "{}", run.stderr);
    assert!(run.stderr.contains("exceeds size limit"), "{}", run.stderr);
}

/// A pattern of a megabyte (a list of words pasted in) is refused by its length at once,
/// where the regex parser took seconds and 400 MB; the error quotes only its start.
#[test]
fn a_pattern_of_a_megabyte_is_refused_by_its_length() {
    let dir = tempfile::tempdir().unwrap();
    let words = "jumlah pegawai|".repeat(80_000);
    let run = rules_run(dir.path(), &format!("measures:\n  total:\n    - '{words}x'\n"));
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("vocabulary.yaml:3:"), "{}", run.stderr);
    assert!(run.stderr.contains("1200001 bytes long, longer than the limit"), "{}", run.stderr);
    assert!(run.stderr.len() < 1_000, "the error quotes the pattern whole: {}", run.stderr);
}

/// Tests run as root in CI, where `chmod 000` does not stop a read: a named pipe, a
/// dangling symlink and a symlink to itself are files that cannot be read whoever runs.
#[test]
fn unreadable_files_are_errors_naming_them_and_the_rest_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipa.md");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let dangling = dir.path().join("hilang.md");
    std::os::unix::fs::symlink(dir.path().join("tidak-ada.md"), &dangling).unwrap();
    let itself = dir.path().join("diri.md");
    std::os::unix::fs::symlink(&itself, &itself).unwrap();
    let good = write(dir.path(), "baik.md", format!("{HEADER}{}", row(1, "72,00")));
    let run =
        check(&[fifo.as_os_str(), dangling.as_os_str(), itself.as_os_str(), good.as_os_str()]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("pipa.md: not a regular file"), "{}", run.stderr);
    assert!(run.stderr.contains("hilang.md: cannot read"), "{}", run.stderr);
    assert!(run.stderr.contains("diri.md: cannot read"), "{}", run.stderr);
    assert!(run.stdout.contains("baik.md:5:"), "{}", run.stdout);
}

#[test]
fn a_symlink_loop_and_a_pipe_in_a_folder_are_passed_over() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("bab");
    fs::create_dir(&sub).unwrap();
    std::os::unix::fs::symlink(dir.path(), sub.join("kembali")).unwrap();
    std::os::unix::fs::symlink(sub.join("b.md"), sub.join("a.md")).unwrap();
    std::os::unix::fs::symlink(sub.join("a.md"), sub.join("b.md")).unwrap();
    let made = std::process::Command::new("mkfifo").arg(sub.join("pipa.md")).status().unwrap();
    assert!(made.success());
    write(&sub, "laporan.md", format!("{HEADER}{}", row(1, "72,00")));
    let run = check(&[dir.path().as_os_str()]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), 1, "{}", run.stdout);
    assert!(run.stdout.contains("laporan.md:5:"), "{}", run.stdout);
    assert_eq!(run.stderr, "");
}
