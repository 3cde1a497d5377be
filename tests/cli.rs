//! The command line as a user meets it: exit codes, one clear line per bad input, the
//! other files still checked, and the JSON contract.

use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;

fn periksa() -> Command {
    let mut cmd = Command::cargo_bin("periksa").expect("the binary is built");
    // English messages whatever the machine's locale (LC_ALL wins over LANG).
    cmd.env_remove("NO_COLOR").env("LC_ALL", "C");
    cmd
}

#[test]
fn clean_report_exits_zero() {
    periksa()
        .args(["check", "fixtures/rules/P001/valid.md"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("1 file checked: 0 errors, 0 warnings"));
}

#[test]
fn clean_twins_yield_no_finding() {
    for twin in [
        "fixtures/rules/P001/valid.md",
        "fixtures/rules/P001/valid.txt",
        "fixtures/reading/tab-tables.txt",
        "fixtures/reading/pipe-tables.md",
        "fixtures/examples/laporan-kinerja-2025-bersih.md",
    ] {
        let output = periksa().args(["check", "--format", "json", twin]).assert().code(0);
        let json: serde_json::Value = serde_json::from_slice(&output.get_output().stdout).unwrap();
        assert_eq!(json["files"][0]["diagnostics"], serde_json::json!([]), "{twin}");
    }
}

#[test]
fn unaligned_row_is_a_warning_pointing_at_the_row() {
    let output = periksa()
        .args(["check", "--color", "never", "fixtures/rules/P001/invalid.txt"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(output).unwrap();
    insta::assert_snapshot!("unaligned_row_human", text);
}

#[test]
fn unaligned_row_in_json_follows_the_contract() {
    let output = periksa()
        .args(["check", "--format", "json", "fixtures/rules/P001/invalid.txt"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&output).expect("valid JSON");
    assert_eq!(json["version"], 1);
    let diagnostics = &json["files"][0]["diagnostics"];
    assert_eq!(diagnostics.as_array().unwrap().len(), 1);
    let finding = &diagnostics[0];
    assert_eq!(finding["code"], "P001");
    assert_eq!(finding["name"], "unaligned-row");
    assert_eq!(finding["severity"], "warning");
    // The primary span is the whole bad row, as printed in the file.
    let text = fs::read_to_string("fixtures/rules/P001/invalid.txt").unwrap();
    let start = finding["primary"]["start"].as_u64().unwrap() as usize;
    let end = finding["primary"]["end"].as_u64().unwrap() as usize;
    let row = &text[start..end];
    assert!(row.starts_with("2.\t"), "primary span is {row:?}");
    assert_eq!(row.split('\t').count(), 7);
    let line = text[..start].matches('\n').count() + 1;
    assert_eq!(finding["primary"]["line"], line);
    assert_eq!(finding["primary"]["column"], 1);
    assert_eq!(finding["primary"]["end_line"], line);
    assert_eq!(finding["related"][0]["message"], "the header has 5 columns");
    insta::assert_json_snapshot!("unaligned_row_json", json);
}

#[test]
fn the_pipe_table_twin_is_caught_too() {
    periksa()
        .args(["check", "--format", "json", "fixtures/rules/P001/invalid.md"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("\"code\": \"P001\""));
}

#[test]
fn missing_file_is_one_line_exit_two_and_the_rest_is_checked() {
    periksa()
        .args(["check", "no-such-report.md", "fixtures/rules/P001/invalid.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no-such-report.md: cannot read"))
        .stderr(predicate::str::contains("panicked").not())
        .stdout(predicate::str::contains("P001"));
}

#[test]
fn invalid_utf8_names_the_file_and_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rusak.md");
    fs::write(&path, b"Tabel 1\n\xff\xfe\n").unwrap();
    periksa()
        .args(["check"])
        .arg(&path)
        .arg("fixtures/rules/P001/valid.md")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("rusak.md: not valid UTF-8 at byte 8"))
        .stdout(predicate::str::contains("1 file checked"));
}

#[test]
fn folder_without_reports_is_an_input_error() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("catatan.pdf"), b"not a report").unwrap();
    periksa()
        .args(["check"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no reports found in this folder"));
}

#[test]
fn folders_are_walked_in_a_stable_order() {
    periksa().args(["check", "--format", "json", "fixtures"]).assert().stdout(predicate::function(
        |out: &str| {
            let json: serde_json::Value = serde_json::from_str(out).unwrap();
            let paths: Vec<String> = json["files"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f["path"].as_str().unwrap().to_string())
                .collect();
            let mut sorted = paths.clone();
            sorted.sort();
            paths.len() >= 4 && paths == sorted
        },
    ));
}

#[test]
fn usage_error_exits_two() {
    periksa().args(["check", "--format", "yaml", "x.md"]).assert().code(2);
    periksa().args(["frobnicate"]).assert().code(2);
}

#[test]
fn tables_command_lists_tables_as_json() {
    let output = periksa()
        .args(["tables", "--format", "json", "fixtures/reading/tab-tables.txt"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&output).unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(json["path"], "fixtures/reading/tab-tables.txt");
    assert!(json["tables"].as_array().unwrap().len() >= 6);
}

#[test]
fn tables_command_on_a_missing_file_exits_two() {
    periksa()
        .args(["tables", "tidak-ada.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("tidak-ada.txt: cannot read"));
}

#[test]
fn rules_lists_every_check() {
    let output = periksa().arg("rules").assert().code(0).get_output().stdout.clone();
    let text = String::from_utf8(output).unwrap();
    for rule in periksa::rules::RULES {
        let line = text.lines().find(|l| l.starts_with(rule.code)).unwrap_or_else(|| {
            panic!("{} is not listed:\n{text}", rule.code);
        });
        assert!(line.contains(rule.name) && line.contains(rule.severity.as_str()), "{line}");
    }
}

#[test]
fn explain_prints_a_check_by_code_or_name() {
    for query in ["A102", "a102", "wrong-total"] {
        periksa()
            .args(["explain", query])
            .assert()
            .code(0)
            .stdout(predicate::str::starts_with("# A102 `wrong-total`"))
            .stdout(predicate::str::contains("Default severity: error."));
    }
    periksa()
        .args(["explain", "Z999"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no check is called \"Z999\""));
}

/// A report whose headers use words periksa does not know.
const OWN_WORDS: &str = "# Capaian\n\n**Tabel 1**\nCapaian\n\n\
| No | Sasaran Kinerja | Tgt | Real | Persen |\n\
|----|-----------------|-----|------|--------|\n\
| 1. | Jumlah peserta pelatihan | 40 orang | 28 orang | 72 |\n";

#[test]
fn a_rules_folder_teaches_new_header_words() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("laporan.md");
    fs::write(&report, OWN_WORDS).unwrap();
    periksa().args(["check"]).arg(&report).assert().code(0);

    let rules = dir.path().join("aturan");
    fs::create_dir(&rules).unwrap();
    fs::write(
        rules.join("vocabulary.yaml"),
        "measures:\n  target: ['^tgt$']\n  realisation: ['^real$']\n  percent: ['^persen$']\n",
    )
    .unwrap();
    periksa()
        .args(["check", "--color", "never", "--rules"])
        .arg(&rules)
        .arg(&report)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("A101/wrong-percentage"))
        .stdout(predicate::str::contains("expected 70"));
}

#[test]
fn a_mistake_in_a_rules_file_names_its_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("vocabulary.yaml"),
        "measures:\n  total:\n    - '^ok$'\n    - '(unclosed'\n",
    )
    .unwrap();
    periksa()
        .args(["check", "--rules"])
        .arg(dir.path())
        .arg("fixtures/rules/P001/valid.md")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("vocabulary.yaml:4:8: measures.total: invalid pattern"));
    fs::remove_file(dir.path().join("vocabulary.yaml")).unwrap();
    fs::write(dir.path().join("policy.yaml"), "rounding: sometimes\n").unwrap();
    periksa()
        .args(["check", "--rules"])
        .arg(dir.path())
        .arg("fixtures/rules/P001/valid.md")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("policy.yaml:1:11"))
        .stderr(predicate::str::contains("expected `round` or `truncate`"));
}

fn two_thirds(percent: &str) -> String {
    format!(
        "# Capaian\n\n**Tabel 1**\nCapaian\n\n\
         | No | Indikator Kinerja | Target | Realisasi | Capaian (%) |\n\
         |----|-------------------|--------|-----------|-------------|\n\
         | 1. | Jumlah dokumen perencanaan | 3 dokumen | 2 dokumen | {percent} |\n"
    )
}

#[test]
fn truncation_is_a_policy_option() {
    let dir = tempfile::tempdir().unwrap();
    let truncated = dir.path().join("terpotong.md");
    let rounded = dir.path().join("dibulatkan.md");
    fs::write(&truncated, two_thirds("66,66")).unwrap();
    fs::write(&rounded, two_thirds("66,67")).unwrap();
    let rules = dir.path().join("aturan");
    fs::create_dir(&rules).unwrap();
    fs::write(rules.join("policy.yaml"), "rounding: truncate\n").unwrap();

    // Rounding (the default): 2 / 3 × 100 = 66,666… prints as 66,67.
    periksa().arg("check").arg(&rounded).assert().code(0);
    periksa()
        .args(["check", "--color", "never"])
        .arg(&truncated)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("expected 66,67"));
    // Truncation: it prints as 66,66.
    periksa().args(["check", "--rules"]).arg(&rules).arg(&truncated).assert().code(0);
    periksa()
        .args(["check", "--color", "never", "--rules"])
        .arg(&rules)
        .arg(&rounded)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("A101/wrong-percentage"))
        .stdout(predicate::str::contains("expected 66,66"));
}

/// `periksa check big.md | head` closes the pipe early: periksa stops quietly, with no
/// error message.
#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::io::Read;
    let dir = tempfile::tempdir().unwrap();
    let mut report = String::from("# Laporan\n\n");
    for i in 0..400 {
        report.push_str(&format!(
            "Tabel 3.{i}\nData\n\n| No | Unit | L | P | Jml |\n|---|---|---|---|---|\n| 1 | A | 1 | 2 | 4 |\n\n"
        ));
    }
    let path = dir.path().join("big.md");
    std::fs::write(&path, report).unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_periksa"))
        .args(["check", "--color", "never"])
        .arg(&path)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 100];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The reading end is dropped here: periksa's next writes fail with a broken pipe.
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("error"), "{stderr}");
}

#[test]
fn concise_format_is_one_finding_a_line() {
    periksa()
        .args(["check", "--format", "concise", "fixtures/examples/laporan-kinerja-2025.md"])
        .assert()
        .code(1)
        .stdout(
            "fixtures/examples/laporan-kinerja-2025.md:120:83: error A101 Tabel 3.2 › Tahun 2024 › %: 84,05 does not follow from its row (expected 84,50)\n\
             fixtures/examples/laporan-kinerja-2025.md:156:14: error A102 Tabel 3.4 › Paket: 61 is not the sum of the rows it closes (expected 59)\n",
        );
}

#[test]
fn github_format_writes_annotations() {
    periksa()
        .args(["check", "--format", "github", "fixtures/rules/P001/invalid.txt"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with(
            "::warning file=fixtures/rules/P001/invalid.txt,line=15,col=1,endLine=15,endColumn=53,title=P001 unaligned-row::this row has 7 cells",
        ))
        .stdout(predicate::str::contains("%0Athe row is kept as printed"));
}

#[test]
fn fail_on_sets_the_least_severity_that_fails() {
    // P001/invalid.txt has one warning and no error.
    periksa().args(["check", "fixtures/rules/P001/invalid.txt"]).assert().code(0);
    periksa()
        .args(["check", "--fail-on", "warning", "fixtures/rules/P001/invalid.txt"])
        .assert()
        .code(1);
    periksa()
        .args(["check", "--fail-on", "info", "fixtures/rules/P001/valid.txt"])
        .assert()
        .code(0);
    periksa()
        .args(["check", "--fail-on", "fatal", "fixtures/rules/P001/valid.txt"])
        .assert()
        .code(2);
}

#[test]
fn statistics_count_findings_per_check() {
    periksa()
        .args(["check", "--statistics", "fixtures/examples/laporan-kinerja-2025.md"])
        .assert()
        .code(1)
        .stdout("1  A101  wrong-percentage\n1  A102  wrong-total\n");
    let output = periksa()
        .args(["check", "--statistics", "--format", "json", "fixtures/rules/S302/invalid.md"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&output).expect("valid JSON");
    assert_eq!(
        json,
        serde_json::json!([{"code": "S302", "name": "contents-mismatch", "count": 6}])
    );
}

#[test]
fn standard_input_is_read_under_the_name_given() {
    let report = fs::read_to_string("fixtures/examples/laporan-kinerja-2025.md").unwrap();
    periksa()
        .args(["check", "--format", "concise", "--stdin-filename", "draf.md", "-"])
        .write_stdin(report)
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with("draf.md:120:83: error A101"));
}

#[test]
fn folders_honour_gitignore_and_hidden_files() {
    let dir = tempfile::tempdir().unwrap();
    let defective = fs::read_to_string("fixtures/examples/laporan-kinerja-2025.md").unwrap();
    let clean = fs::read_to_string("fixtures/examples/laporan-kinerja-2025-bersih.md").unwrap();
    fs::write(dir.path().join("laporan.md"), &clean).unwrap();
    fs::create_dir(dir.path().join("draf-lama")).unwrap();
    fs::write(dir.path().join("draf-lama/laporan.md"), &defective).unwrap();
    fs::create_dir(dir.path().join(".cadangan")).unwrap();
    fs::write(dir.path().join(".cadangan/laporan.md"), &defective).unwrap();
    fs::write(dir.path().join(".gitignore"), "draf-lama/\n").unwrap();
    periksa().args(["check", "--format", "json"]).arg(dir.path()).assert().code(0).stdout(
        predicate::str::contains("laporan.md").and(predicate::str::contains("draf-lama").not()),
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_does_not_trap_the_walk() {
    let dir = tempfile::tempdir().unwrap();
    let clean = fs::read_to_string("fixtures/examples/laporan-kinerja-2025-bersih.md").unwrap();
    fs::write(dir.path().join("laporan.md"), clean).unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("putaran")).unwrap();
    periksa()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(0)
        .stdout(predicate::str::contains("1 file checked"));
}

#[test]
fn suppressions_hide_real_findings_and_only_those() {
    let with = fs::read_to_string("fixtures/rules/P002/valid.md").unwrap();
    // The same report without its comments shows what they hide.
    let without: String = with
        .lines()
        .filter(|l| !l.starts_with("<!-- periksa-"))
        .map(|l| format!("{l}\n"))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("laporan.md");
    fs::write(&path, without).unwrap();
    periksa()
        .args(["check", "--format", "concise"])
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error A101").and(predicate::str::contains("error A102")));
    periksa().args(["check", "fixtures/rules/P002/valid.md"]).assert().code(0);
}
