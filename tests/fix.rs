//! `periksa fix`: the bundled example is fixed into its clean twin byte for byte, every
//! other byte of a file is kept, nothing is written with `--diff` or on a failure, and on
//! the real report the fixes touch only derived figures, never their inputs.

mod common;

use assert_cmd::Command;
use periksa::diagnostics::Applicability;
use periksa::knowledge::Knowledge;
use periksa::read::{read_document, ReadOptions, SourceFile};
use periksa::rules::check_document;
use std::fs;
use std::path::{Path, PathBuf};

const EXAMPLE: &str = "fixtures/examples/laporan-kinerja-2025.md";
const CLEAN: &str = "fixtures/examples/laporan-kinerja-2025-bersih.md";

fn periksa() -> Command {
    let mut cmd = Command::cargo_bin("periksa").expect("the binary is built");
    cmd.env("LANG", "en_US.UTF-8").env_remove("NO_COLOR");
    cmd
}

fn example_bytes() -> Vec<u8> {
    fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE)).expect("the example exists")
}

/// A temporary folder holding `bytes` as `laporan.md`.
fn copy(bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("laporan.md");
    fs::write(&path, bytes).expect("the copy is written");
    (dir, path)
}

/// The names in a folder, to show that no temporary file is left behind.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("the folder is readable")
        .map(|e| e.expect("an entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn diff_shows_both_corrections_and_writes_nothing() {
    let (dir, path) = copy(&example_bytes());
    let output = periksa().args(["fix", "--diff"]).arg(&path).output().expect("it runs");
    assert_eq!(output.status.code(), Some(1), "fixes proposed: exit code 1");
    let diff = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(diff.contains("-| 1. | Jumlah lulusan pelatihan berbasis kompetensi | 1.200 orang | 1.014 orang | 84,05 |"), "{diff}");
    assert!(diff.contains("+| 1. | Jumlah lulusan pelatihan berbasis kompetensi | 1.200 orang | 1.014 orang | 84,50 |"), "{diff}");
    assert!(diff.contains("-| | Jumlah | 61 | 1.180 | 1.085 |"), "{diff}");
    assert!(diff.contains("+| | Jumlah | 59 | 1.180 | 1.085 |"), "{diff}");
    assert_eq!(fs::read(&path).unwrap(), example_bytes(), "--diff writes nothing");
    assert_eq!(names(dir.path()), ["laporan.md"]);
}

#[test]
fn fix_writes_the_clean_twin_and_a_recheck_is_clean() {
    let (dir, path) = copy(&example_bytes());
    periksa().arg("fix").arg(&path).assert().code(1);
    let clean = fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(CLEAN)).unwrap();
    assert_eq!(fs::read(&path).unwrap(), clean, "fixed byte for byte into the clean twin");
    assert_eq!(names(dir.path()), ["laporan.md"], "no temporary file is left");
    periksa().arg("check").arg(&path).assert().code(0);
    // Nothing left to fix: the file is not touched again.
    let modified = fs::metadata(&path).unwrap().modified().unwrap();
    periksa().arg("fix").arg(&path).assert().code(0);
    assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), modified);
}

#[test]
fn crlf_and_a_byte_order_mark_are_kept() {
    let text = String::from_utf8(example_bytes()).unwrap();
    let crlf = format!("\u{feff}{}", text.replace('\n', "\r\n"));
    let (_dir, path) = copy(crlf.as_bytes());
    periksa().arg("fix").arg(&path).assert().code(1);
    let clean =
        String::from_utf8(fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(CLEAN)).unwrap())
            .unwrap();
    let expected = format!("\u{feff}{}", clean.replace('\n', "\r\n"));
    assert_eq!(String::from_utf8(fs::read(&path).unwrap()).unwrap(), expected);
}

/// Line ends as old Mac files write them (a carriage return alone), mixed with the others.
fn mixed_line_ends(text: &str) -> String {
    let ends = ["\r", "\n", "\r\n"];
    text.split_inclusive('\n')
        .enumerate()
        .map(|(i, line)| match line.strip_suffix('\n') {
            Some(line) => format!("{line}{}", ends[i % 3]),
            None => line.to_string(),
        })
        .collect()
}

#[test]
fn lone_carriage_returns_are_kept() {
    let text = String::from_utf8(example_bytes()).unwrap();
    let (_dir, path) = copy(mixed_line_ends(&text).as_bytes());
    periksa().arg("fix").arg(&path).assert().code(1);
    let clean =
        String::from_utf8(fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(CLEAN)).unwrap())
            .unwrap();
    assert_eq!(String::from_utf8(fs::read(&path).unwrap()).unwrap(), mixed_line_ends(&clean));
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_refused_and_left_as_it_was() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, path) = copy(&example_bytes());
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    let output = periksa().arg("fix").arg(&path).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("cannot write the fixes") && stderr.contains("laporan.md"), "{stderr}");
    assert_eq!(fs::read(&path).unwrap(), example_bytes());
    assert_eq!(names(dir.path()), ["laporan.md"], "no temporary file is left");
}

#[test]
fn a_vanished_file_gives_exit_code_2() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hilang.md");
    let output = periksa().arg("fix").arg(&path).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8(output.stderr).unwrap().contains("hilang.md"));
    assert!(names(dir.path()).is_empty(), "nothing is created");
}

#[test]
fn a_docx_is_refused_with_a_reason() {
    let docx = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/word");
    let Some(file) = fs::read_dir(&docx).ok().and_then(|entries| {
        entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == "docx"))
    }) else {
        panic!("a .docx fixture under fixtures/word");
    };
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("laporan.docx");
    fs::copy(&file, &copy).unwrap();
    let before = fs::read(&copy).unwrap();
    let output = periksa().arg("fix").arg(&copy).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8(output.stderr).unwrap().contains("a .docx is not fixed"));
    assert_eq!(fs::read(&copy).unwrap(), before);
}

/// A total row whose parts carry a unit the total does not, and a percentage whose row
/// reads two ways: the percentage of a total row may be the mean of its rows'.
const UNSAFE_ONLY: &str = "\
Tabel 1. Capaian

| No | Indikator | Target | Realisasi | % |
|----|-----------|--------|-----------|---|
| 1. | Jumlah peserta | 100 | 90 | 90,00 |
| 2. | Jumlah lulusan | 200 | 150 | 75,00 |
| | Jumlah | 300 | 240 | 81,00 |
";

#[test]
fn unsafe_fixes_only_with_unsafe() {
    let (_dir, path) = copy(UNSAFE_ONLY.as_bytes());
    let output = periksa().arg("fix").arg(&path).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(String::from_utf8(output.stdout).unwrap().contains("1 more with `--unsafe`"));
    assert_eq!(fs::read_to_string(&path).unwrap(), UNSAFE_ONLY);
    periksa().args(["fix", "--unsafe"]).arg(&path).assert().code(1);
    let fixed = fs::read_to_string(&path).unwrap();
    assert_eq!(fixed, UNSAFE_ONLY.replace("| 240 | 81,00 |", "| 240 | 80,00 |"));
}

#[test]
fn a_disabled_check_proposes_no_fix() {
    let (dir, path) = copy(&example_bytes());
    fs::write(dir.path().join("periksa.yaml"), "disable: [A101]\n").unwrap();
    periksa().arg("fix").arg(&path).assert().code(1);
    let fixed = fs::read_to_string(&path).unwrap();
    assert!(fixed.contains("| 84,05 |"), "A101 is off: its figure stays");
    assert!(fixed.contains("| | Jumlah | 59 |"), "A102 still fixes its total");
}

/// On the real report every edit falls inside the primary span of a finding of a check
/// that fixes, and never on a related place (an input: a realisation, a target, a part).
#[test]
fn on_the_seed_fixes_touch_derived_figures_only() {
    let Some(seed) = common::seed_path() else {
        eprintln!("skipped: ../shared/seed is not beside this checkout");
        return;
    };
    let source = SourceFile::load(&seed).unwrap();
    let doc = read_document(source, &ReadOptions::default());
    let findings = check_document(&doc, &Knowledge::builtin());
    let fixes: Vec<_> = findings.iter().filter(|f| f.fix.is_some()).collect();
    assert!(fixes.iter().any(|f| f.code == "A102"), "the wrong totals get a fix");
    assert!(fixes.iter().any(|f| f.code == "C202"), "the slips in prose get a fix");
    for finding in &fixes {
        assert!(["A101", "A102", "C202", "C205"].contains(&finding.code), "{}", finding.code);
        for edit in &finding.fix.as_ref().unwrap().edits {
            let primary = finding.primary.span;
            assert!(primary.start() <= edit.span.start() && edit.span.end() <= primary.end());
            for other in &findings {
                for related in &other.related {
                    assert!(
                        edit.span.end() <= related.span.start()
                            || related.span.end() <= edit.span.start(),
                        "{} edits {:?}, an input of {} at {:?}",
                        finding.code,
                        doc.source.slice(edit.span),
                        other.code,
                        related.span
                    );
                }
            }
        }
    }
    // A safe edit replaces digits with digits: the unit, `%` and `Rp.` stay.
    for finding in fixes.iter().filter(|f| f.code != "C205") {
        let fix = finding.fix.as_ref().unwrap();
        for edit in &fix.edits {
            let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',');
            assert!(digits(doc.source.slice(edit.span)) && digits(&edit.replacement));
        }
        if fix.applicability == Applicability::Safe {
            assert_eq!(finding.expected.as_deref(), Some(fix.edits[0].replacement.as_str()));
        }
    }
}

/// `periksa fix --diff` on the seed proposes the corrected totals and prose figures.
#[test]
fn on_the_seed_the_diff_proposes_the_corrected_totals() {
    let Some(seed) = common::seed_path() else {
        eprintln!("skipped: ../shared/seed is not beside this checkout");
        return;
    };
    let (_dir, path) = copy(&fs::read(seed).unwrap());
    let output = periksa().args(["fix", "--diff"]).arg(&path).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let diff = String::from_utf8(output.stdout).unwrap();
    assert!(diff.contains("+Meninggal Dunia\t33\t2\t3\t17\t55"), "{diff}");
    assert!(diff.contains("sebesar 80,76 atau mencapai 95,01%"), "{diff}");
}

/// The JSON contract and the SARIF log carry each fix: its applicability and edits.
#[test]
fn json_and_sarif_carry_the_fixes() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE);
    let output = periksa().args(["check", "--format", "json"]).arg(&example).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let diagnostics = json["files"][0]["diagnostics"].as_array().unwrap();
    let fixes: Vec<&serde_json::Value> = diagnostics.iter().map(|d| &d["fix"]).collect();
    assert_eq!(fixes[0]["applicability"], "safe");
    let edit = &fixes[0]["edits"][0];
    assert_eq!((edit["line"].as_u64(), edit["column"].as_u64()), (Some(120), Some(83)));
    assert_eq!(edit["replacement"], "84,50");
    let text = fs::read_to_string(&example).unwrap();
    let (start, end) =
        (edit["start"].as_u64().unwrap() as usize, edit["end"].as_u64().unwrap() as usize);
    assert_eq!(&text[start..end], "84,05");
    assert_eq!(fixes[1]["edits"][0]["replacement"], "59");

    let output = periksa().args(["check", "--format", "sarif"]).arg(&example).output().unwrap();
    let sarif: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let fix = &sarif["runs"][0]["results"][0]["fixes"][0];
    assert_eq!(fix["properties"]["applicability"], "safe");
    let replacement = &fix["artifactChanges"][0]["replacements"][0];
    assert_eq!(replacement["insertedContent"]["text"], "84,50");
    assert_eq!(replacement["deletedRegion"]["byteOffset"].as_u64(), Some(start as u64));
}

/// The human output gives the fix as a help line, in either language.
#[test]
fn the_human_output_says_what_to_replace() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE);
    let en = periksa().args(["check", "--color", "never"]).arg(&example).output().unwrap();
    assert!(String::from_utf8(en.stdout).unwrap().contains("= help: replace 84,05 with 84,50"));
    let id = periksa()
        .args(["check", "--lang", "id", "--color", "never"])
        .arg(&example)
        .output()
        .unwrap();
    assert!(String::from_utf8(id.stdout).unwrap().contains("= saran: ganti 61 dengan 59"));
}

/// A finding suppressed in the report is not fixed: the reviewer accepted the figure.
#[test]
fn a_suppressed_finding_is_not_fixed() {
    let text = String::from_utf8(example_bytes()).unwrap();
    let row = "| | Jumlah | 61 | 1.180 | 1.085 |";
    let caption = "Tabel 3.4 Lulusan Pelatihan Berbasis Kompetensi per Kejuruan Tahun 2025";
    let suppressed =
        text.replace(caption, &format!("<!-- periksa-disable-next-line A102 -->\n{caption}"));
    assert_ne!(suppressed, text);
    let (_dir, path) = copy(suppressed.as_bytes());
    periksa().arg("fix").arg(&path).assert().code(1);
    let fixed = fs::read_to_string(&path).unwrap();
    assert!(fixed.contains(row), "the suppressed total stays");
    assert!(fixed.contains("| 84,50 |"), "the other finding is fixed");
    let check = periksa().args(["check", "--format", "concise"]).arg(&path).output().unwrap();
    assert!(check.stdout.is_empty(), "{}", String::from_utf8_lossy(&check.stdout));
}

/// Spans that are not the file's own bytes get no fix: the figures of a .docx (read from
/// a text view of it) and an HTML cell whose text is split by a tag. The same cell
/// written plainly does get one.
#[test]
fn no_fix_where_the_span_is_not_exact() {
    let word = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/word");
    let findings = |path: &Path| {
        let source = SourceFile::load(path).unwrap();
        let doc = read_document(source, &ReadOptions::default());
        check_document(&doc, &Knowledge::builtin())
    };
    let docx = findings(&word.join("laporan-sel-gabung.docx"));
    assert!(docx.iter().any(|f| f.code == "A102"), "the .docx has its wrong total");
    assert!(docx.iter().all(|f| f.fix.is_none()), "but no fix");

    let markdown = fs::read_to_string(word.join("laporan-sel-gabung.md")).unwrap();
    let plain = "<td>14</td><td>48</td></tr>";
    assert!(markdown.contains(plain));
    let (_dir, path) = copy(markdown.as_bytes());
    let total = |f: &&periksa::diagnostics::Finding| {
        f.code == "A102" && f.expected.as_deref() == Some("46")
    };
    assert!(findings(&path).iter().find(total).is_some_and(|f| f.fix.is_some()));
    let split = markdown.replace(plain, "<td>14</td><td><b>4</b>8</td></tr>");
    fs::write(&path, &split).unwrap();
    let reported = findings(&path);
    let finding = reported.iter().find(total).expect("the total is still read and reported");
    assert!(finding.fix.is_none(), "a cell split by a tag gets no fix");
}
