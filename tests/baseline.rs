//! `periksa check --write-baseline` and `--baseline`, as a repository adopting periksa on
//! old reports uses them: the accepted findings stay quiet through edits elsewhere in the
//! report, and only new ones are reported, in every output format.

use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;
use std::path::{Path, PathBuf};

const EXAMPLE: &str = "fixtures/examples/laporan-kinerja-2025.md";

fn periksa(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("periksa").expect("the binary is built");
    cmd.current_dir(dir).env_remove("NO_COLOR").env("LC_ALL", "C");
    cmd
}

/// A report repository in a temporary folder holding a copy of the example report (two
/// planted slips: an A101 on line 120 and an A102 on line 156).
struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    fn new() -> Repo {
        let dir = tempfile::tempdir().unwrap();
        let example = Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE);
        fs::copy(example, dir.path().join("laporan.md")).unwrap();
        Repo { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn report(&self) -> String {
        fs::read_to_string(self.path("laporan.md")).unwrap()
    }

    /// Replaces the one occurrence of `from` in the report by `to`.
    fn edit(&self, from: &str, to: &str) {
        let text = self.report();
        assert_eq!(text.matches(from).count(), 1, "{from:?} once in the report");
        fs::write(self.path("laporan.md"), text.replacen(from, to, 1)).unwrap();
    }

    fn write_baseline(&self) -> String {
        let out = periksa(self.dir.path())
            .args(["check", "laporan.md", "--write-baseline", "baseline.json"])
            .assert()
            .code(0)
            .stdout("")
            .get_output()
            .clone();
        String::from_utf8(out.stderr).unwrap()
    }

    /// `periksa check --format concise --baseline baseline.json laporan.md`: its exit code
    /// and its lines.
    fn check_concise(&self) -> (i32, String) {
        let out = periksa(self.dir.path())
            .args(["check", "--format", "concise", "--baseline", "baseline.json", "laporan.md"])
            .output()
            .unwrap();
        (out.status.code().unwrap(), String::from_utf8(out.stdout).unwrap())
    }
}

/// The code and `file:line` of each concise line.
fn places(concise: &str) -> Vec<(String, String)> {
    concise
        .lines()
        .map(|line| {
            let mut parts = line.split(": ");
            let place = parts.next().unwrap();
            let (file_line, _col) = place.rsplit_once(':').unwrap();
            let code = parts.next().unwrap().split(' ').nth(1).unwrap();
            (code.to_string(), file_line.to_string())
        })
        .collect()
}

#[test]
fn writing_a_baseline_accepts_every_finding_and_exits_zero() {
    let repo = Repo::new();
    let stderr = repo.write_baseline();
    assert!(stderr.contains("wrote 2 findings to baseline.json"), "{stderr}");
    let baseline = fs::read_to_string(repo.path("baseline.json")).unwrap();
    let json: serde_json::Value = serde_json::from_str(&baseline).unwrap();
    assert_eq!(json["version"], 1);
    let codes: Vec<&str> =
        json["entries"].as_array().unwrap().iter().map(|e| e["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["A101", "A102"]);
    assert_eq!(json["entries"][0]["path"], "laporan.md");
    assert_eq!(json["entries"][1]["text"], "61");
    assert_eq!(json["entries"][1]["line"], "| | Jumlah | 61 | 1.180 | 1.085 |");
    assert_eq!(json["entries"][1]["expected"], "59");

    periksa(repo.dir.path())
        .args(["check", "--baseline", "baseline.json", "laporan.md"])
        .assert()
        .code(0)
        .stdout(predicate::str::ends_with("1 file checked: 0 errors, 0 warnings, 0 notes\n"));
}

#[test]
fn lines_inserted_above_and_another_paragraph_edited_report_nothing() {
    let repo = Repo::new();
    repo.write_baseline();
    let text = repo.report();
    fs::write(
        repo.path("laporan.md"),
        format!("<!-- draft 2 -->\n\nCatatan revisi: tabel diperbarui.\n\n\n{text}"),
    )
    .unwrap();
    repo.edit(
        "serta sebagai sarana bagi pimpinan",
        "serta sebagai  sarana utama bagi pimpinan Balai",
    );
    // The same table row, its cells spaced differently.
    repo.edit("| | Jumlah | 61 | 1.180 | 1.085 |", "|   | Jumlah |  61 | 1.180 | 1.085 |");
    assert_eq!(repo.check_concise(), (0, String::new()));
}

#[test]
fn a_new_defect_is_the_only_finding_reported() {
    let repo = Repo::new();
    repo.write_baseline();
    fs::write(repo.path("laporan.md"), format!("Draf kedua.\n\n{}", repo.report())).unwrap();
    repo.edit("| 36 orang | 90,00 |", "| 36 orang | 91,00 |");
    let (code, concise) = repo.check_concise();
    assert_eq!(code, 1);
    assert_eq!(places(&concise), [("A101".to_string(), "laporan.md:125".to_string())]);
    assert!(concise.starts_with("laporan.md:125:82: error A101 "), "{concise}");
}

/// The baseline accepted "61 where the rows add up to 59"; once a row changes so that they
/// add up to 60, the total's line is the same but the slip is another one.
#[test]
fn a_finding_whose_expected_value_changed_is_new() {
    let repo = Repo::new();
    repo.write_baseline();
    repo.edit("| 2. | Teknik Las | 10 |", "| 2. | Teknik Las | 11 |");
    let out = periksa(repo.dir.path())
        .args(["check", "--format", "concise", "--baseline", "baseline.json", "laporan.md"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let concise = String::from_utf8(out.stdout).unwrap();
    assert_eq!(places(&concise), [("A102".to_string(), "laporan.md:156".to_string())]);
    assert!(concise.contains("(expected 60)"), "{concise}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("1 finding accepted in baseline.json is no longer found"), "{stderr}");
}

#[test]
fn identical_findings_are_counted_and_a_third_is_new() {
    let repo = Repo::new();
    let table = |n: u32| {
        format!(
            "Tabel {n} Capaian Kinerja Tahun 2025\n\n\
             | No | Indikator Kinerja | Target | Realisasi | Capaian (%) |\n\
             |----|-------------------|--------|-----------|-------------|\n\
             | 1. | Jumlah peserta pelatihan | 100 orang | 90 orang | 91,00 |\n\n"
        )
    };
    fs::write(repo.path("laporan.md"), table(1) + &table(2)).unwrap();
    assert!(repo.write_baseline().contains("wrote 2 findings"));
    let baseline = fs::read_to_string(repo.path("baseline.json")).unwrap();
    assert!(baseline.contains("\"count\": 2"), "{baseline}");
    assert_eq!(repo.check_concise(), (0, String::new()));

    fs::write(repo.path("laporan.md"), table(1) + &table(2) + &table(3)).unwrap();
    let (code, concise) = repo.check_concise();
    assert_eq!(code, 1);
    assert_eq!(places(&concise), [("A101".to_string(), "laporan.md:17".to_string())]);
}

#[test]
fn a_malformed_baseline_is_an_error_with_its_place() {
    let repo = Repo::new();
    fs::write(
        repo.path("baseline.json"),
        "{\n  \"version\": 1,\n  \"entries\": [\n    {\"path\"}\n",
    )
    .unwrap();
    periksa(repo.dir.path())
        .args(["check", "--baseline", "baseline.json", "laporan.md"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::starts_with(
            "periksa: error: baseline.json:4:12: not a periksa baseline: expected `:`",
        ));
}

#[test]
fn a_baseline_of_another_version_is_refused_where_it_says_so() {
    let repo = Repo::new();
    fs::write(repo.path("baseline.json"), "{\n  \"version\": 7,\n  \"entries\": []\n}\n").unwrap();
    periksa(repo.dir.path())
        .args(["check", "--baseline", "baseline.json", "laporan.md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("baseline.json:2:14: not a periksa baseline: version 7"));
}

#[test]
fn a_missing_baseline_is_an_error_naming_it() {
    let repo = Repo::new();
    periksa(repo.dir.path())
        .args(["check", "--baseline", "nowhere.json", "laporan.md"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::starts_with(
            "periksa: error: nowhere.json: cannot read the baseline: ",
        ));
}

#[test]
fn rewriting_an_unchanged_baseline_gives_the_same_bytes() {
    let repo = Repo::new();
    repo.write_baseline();
    let first = fs::read(repo.path("baseline.json")).unwrap();
    // Lines inserted above move every finding but change no key.
    fs::write(repo.path("laporan.md"), format!("\n\nDraf kedua.\n\n{}", repo.report())).unwrap();
    repo.write_baseline();
    assert_eq!(fs::read(repo.path("baseline.json")).unwrap(), first);
}

#[test]
fn json_and_statistics_report_only_the_new_finding() {
    let repo = Repo::new();
    repo.write_baseline();
    repo.edit("| 36 orang | 90,00 |", "| 36 orang | 91,00 |");

    let out = periksa(repo.dir.path())
        .args(["check", "--format", "json", "--baseline", "baseline.json", "laporan.md"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let diagnostics = json["files"][0]["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 1, "{json}");
    assert_eq!(diagnostics[0]["code"], "A101");
    assert_eq!(diagnostics[0]["primary"]["line"], 123);

    periksa(repo.dir.path())
        .args(["check", "--statistics", "--baseline", "baseline.json", "laporan.md"])
        .assert()
        .code(1)
        .stdout("1  A101  wrong-percentage\n");
    let out = periksa(repo.dir.path())
        .args(["check", "--statistics", "--format", "json", "--baseline", "baseline.json"])
        .arg("laporan.md")
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let counts: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(
        counts,
        serde_json::json!([{"code": "A101", "name": "wrong-percentage", "count": 1}])
    );
}

/// Paths are kept relative to the baseline's folder, so a baseline written from the
/// repository's root works when periksa runs elsewhere with other spellings of the paths.
#[test]
fn a_baseline_matches_from_another_working_directory() {
    let repo = Repo::new();
    fs::create_dir(repo.path(".periksa")).unwrap();
    periksa(repo.dir.path())
        .args(["check", "./laporan.md", "--write-baseline", ".periksa/baseline.json"])
        .assert()
        .code(0);
    let baseline = fs::read_to_string(repo.path(".periksa/baseline.json")).unwrap();
    assert!(baseline.contains("\"path\": \"../laporan.md\""), "{baseline}");

    let elsewhere = tempfile::tempdir().unwrap();
    periksa(elsewhere.path())
        .arg("check")
        .arg(repo.path("laporan.md"))
        .arg("--baseline")
        .arg(repo.path(".periksa/baseline.json"))
        .assert()
        .code(0)
        .stdout(predicate::str::ends_with("1 file checked: 0 errors, 0 warnings, 0 notes\n"));
}

/// A report read from standard input is keyed by its --stdin-filename, as an editor or a
/// pre-commit hook names it.
#[test]
fn a_report_on_standard_input_uses_its_given_name() {
    let repo = Repo::new();
    repo.write_baseline();
    periksa(repo.dir.path())
        .args(["check", "--baseline", "baseline.json", "--stdin-filename", "laporan.md", "-"])
        .write_stdin(repo.report())
        .assert()
        .code(0);
}

#[test]
fn a_baseline_is_not_written_when_a_report_cannot_be_read() {
    let repo = Repo::new();
    periksa(repo.dir.path())
        .args(["check", "laporan.md", "hilang.md", "--write-baseline", "baseline.json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("baseline.json: baseline not written"));
    assert!(!repo.path("baseline.json").exists());
}

#[test]
fn baseline_and_write_baseline_cannot_be_used_together() {
    let repo = Repo::new();
    periksa(repo.dir.path())
        .args(["check", "laporan.md", "--baseline", "a.json", "--write-baseline", "b.json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot be used with"));
}

/// Messages are translated; a baseline written in one language holds in another.
#[test]
fn a_baseline_holds_whatever_the_language_of_the_messages() {
    let repo = Repo::new();
    repo.write_baseline();
    periksa(repo.dir.path())
        .env("LC_ALL", "id_ID.UTF-8")
        .args(["check", "--format", "concise", "--baseline", "baseline.json", "laporan.md"])
        .assert()
        .code(0)
        .stdout("");
}

/// The README's two commands, run as written (`cargo run --` being the binary) from a
/// copy of the repository's layout: the first exits 0 having written the baseline, the
/// second exits 0 with nothing to report.
#[test]
fn the_baseline_commands_in_the_readme_work_as_written() {
    let readme =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let section = readme
        .split("## Adopting periksa on existing reports: baseline")
        .nth(1)
        .expect("README has the baseline section");
    let commands: Vec<Vec<&str>> = section
        .lines()
        .take_while(|line| !line.starts_with("## "))
        .filter_map(|line| line.strip_prefix("cargo run -- "))
        .map(|args| args.split_whitespace().collect())
        .collect();
    assert_eq!(commands.len(), 2, "{commands:?}");
    let clone = tempfile::tempdir().unwrap();
    fs::create_dir_all(clone.path().join("fixtures/examples")).unwrap();
    fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE), clone.path().join(EXAMPLE))
        .unwrap();
    periksa(clone.path())
        .args(&commands[0])
        .assert()
        .code(0)
        .stderr("periksa: wrote 2 findings to periksa-baseline.json\n");
    let written = fs::read_to_string(clone.path().join("periksa-baseline.json")).unwrap();
    let shown_entry = section.split("```json\n").nth(1).unwrap().split("```").next().unwrap();
    let a102 = shown_entry.split("\"path\"").nth(1).unwrap().split('}').next().unwrap();
    assert!(written.contains(a102), "README's entry:\n{a102}\nwritten:\n{written}");
    periksa(clone.path())
        .args(&commands[1])
        .assert()
        .code(0)
        .stdout("1 file checked: 0 errors, 0 warnings, 0 notes\n");
}
