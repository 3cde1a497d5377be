//! `periksa.yaml` as a user meets it: found above each report, given with `--config`, each
//! key changing what `periksa check` reports, every mistake in it an error at its line
//! and column with exit code 2, and `periksa init` writing a starter that changes nothing.
//!
//! Each test builds its folders in a temporary directory and runs periksa there; the
//! reports are a few lines each, written for these tests.

use assert_cmd::Command;
use std::fs;
use std::path::{Path, PathBuf};

/// A table whose Jumlah row is 10 too many: one A102.
const WRONG_TOTAL: &str = "\
# LAPORAN KINERJA DINAS CONTOH TAHUN 2024

Tabel 3.1
Jumlah Peserta Pelatihan Tahun 2024

| No | Kecamatan | Peserta |
|----|-----------|---------|
| 1. | Utara | 120 |
| 2. | Selatan | 95 |
| | Jumlah | 225 |
";

/// The same table with the right total, under a suppression of A102 that hides nothing.
const STALE_SUPPRESSION: &str = "\
# LAPORAN KINERJA DINAS CONTOH TAHUN 2024

<!-- periksa-disable-next-line A102 -- dibulatkan -->
Tabel 3.1
Jumlah Peserta Pelatihan Tahun 2024

| No | Kecamatan | Peserta |
|----|-----------|---------|
| 1. | Utara | 120 |
| 2. | Selatan | 95 |
| | Jumlah | 215 |
";

/// English number format: 1,014 / 1,200 is 84.50 %, not 84.05.
const ENGLISH_NUMBERS: &str = "\
# PERFORMANCE REPORT 2024

Tabel 3.1
Capaian Kinerja Tahun 2024

| No | Indikator | Target | Realisasi | Capaian (%) |
|----|-----------|--------|-----------|-------------|
| 1. | Jumlah peserta pelatihan | 1,200 | 1,014 | 84.05 |
";

/// 20 / 30 = 66,666…: 66,66 is right cut after two decimals, wrong rounded (66,67).
const TRUNCATED: &str = "\
# LAPORAN KINERJA DINAS CONTOH TAHUN 2024

Tabel 3.1
Capaian Kinerja Tahun 2024

| No | Indikator | Target | Realisasi | Capaian (%) |
|----|-----------|--------|-----------|-------------|
| 1. | Jumlah desa binaan | 30 | 20 | 66,66 |
";

/// A report whose title gives no year, naming itself the report for 2023.
const NO_YEAR_IN_TITLE: &str = "\
# LAPORAN KINERJA DINAS CONTOH

## BAB I PENDAHULUAN

Sesuai ketentuan, Dinas Contoh perlu menyusun Laporan Kinerja Tahun 2023 sebagai wujud akuntabilitas kinerja.
";

/// A temporary folder to write reports and configurations in and run periksa from.
struct Folder {
    dir: tempfile::TempDir,
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Folder {
    fn new() -> Folder {
        Folder { dir: tempfile::tempdir().expect("a temporary folder") }
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    /// Writes `text` at `relative`, creating the folders on the way.
    fn write(&self, relative: &str, text: impl AsRef<[u8]>) -> &Folder {
        let path = self.path(relative);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
        self
    }

    /// Runs periksa in `cwd` (relative to the folder).
    fn run_in(&self, cwd: &str, args: &[&str]) -> Run {
        let output = Command::cargo_bin("periksa")
            .unwrap()
            .current_dir(self.path(cwd))
            .args(args)
            .env_remove("NO_COLOR")
            // English unless a test asks otherwise, whatever the machine's locale.
            .env("LANG", "C.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .output()
            .unwrap();
        let run = Run {
            code: output.status.code().expect("an exit code"),
            stdout: String::from_utf8(output.stdout).unwrap(),
            stderr: String::from_utf8(output.stderr).unwrap(),
        };
        assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
        run
    }

    fn run(&self, args: &[&str]) -> Run {
        self.run_in(".", args)
    }

    /// `periksa check --format concise ARGS`: one line per finding.
    fn check(&self, args: &[&str]) -> Run {
        self.run(&[&["check", "--format", "concise"], args].concat())
    }
}

/// Concise lines read `file:line:col: severity code message`.
fn summary(run: &Run) -> Vec<String> {
    run.stdout
        .lines()
        .map(|line| line.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .collect()
}

// Discovery.

#[test]
fn the_nearest_configuration_wins() {
    let folder = Folder::new();
    folder
        .write("periksa.yaml", "severity: {A102: warning}\n")
        .write("laporan/periksa.yaml", "severity: {A102: info}\n")
        .write("laporan/2024/total.md", WRONG_TOTAL)
        .write("total.md", WRONG_TOTAL);
    let run = folder.check(&["total.md", "laporan/2024/total.md"]);
    assert_eq!(
        summary(&run),
        ["total.md:10:14: warning A102", "laporan/2024/total.md:10:14: info A102"]
    );
    assert_eq!(run.code, 0, "no error left");
    // Run from below, the configuration is still the report's, not the current folder's.
    let run = folder.run_in("laporan", &["check", "--format", "concise", "../total.md"]);
    assert_eq!(summary(&run), ["../total.md:10:14: warning A102"]);
}

#[test]
fn a_configuration_applies_to_the_folders_below_it_when_walking() {
    let folder = Folder::new();
    folder.write("periksa.yaml", "disable: [wrong-total]\n").write("a/b/c/total.md", WRONG_TOTAL);
    let run = folder.check(&["."]);
    assert_eq!(run.stdout, "");
    assert_eq!(run.code, 0);
}

#[test]
fn config_flag_overrides_the_configuration_found() {
    let folder = Folder::new();
    folder
        .write("laporan/periksa.yaml", "disable: [A102]\n")
        .write("laporan/total.md", WRONG_TOTAL)
        .write("lain/ketat.yaml", "severity: {A102: warning}\n");
    assert_eq!(folder.check(&["laporan"]).stdout, "");
    let run = folder.check(&["--config", "lain/ketat.yaml", "laporan"]);
    assert_eq!(summary(&run), ["laporan/total.md:10:14: warning A102"]);
}

#[test]
fn a_missing_config_file_is_an_error() {
    let folder = Folder::new();
    folder.write("total.md", WRONG_TOTAL);
    let run = folder.check(&["--config", "tidak-ada.yaml", "total.md"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stderr, "periksa: error: tidak-ada.yaml: no such configuration file\n");
    assert_eq!(run.stdout, "");
}

// Each key.

#[test]
fn disable_removes_a_finding_by_code_or_name() {
    let folder = Folder::new();
    folder.write("total.md", WRONG_TOTAL);
    assert_eq!(summary(&folder.check(&["total.md"])), ["total.md:10:14: error A102"]);
    for disable in ["[A102]", "[wrong-total]", "[a102, S304]"] {
        folder.write("periksa.yaml", format!("disable: {disable}\n"));
        let run = folder.check(&["total.md"]);
        assert_eq!(run.stdout, "", "disable: {disable}");
        assert_eq!(run.code, 0);
    }
}

#[test]
fn enable_runs_only_the_checks_named() {
    let folder = Folder::new();
    folder.write("total.md", WRONG_TOTAL).write("truncated.md", TRUNCATED);
    folder.write("periksa.yaml", "enable: [A101]\n");
    assert_eq!(summary(&folder.check(&["."])), ["./truncated.md:8:39: error A101"]);
    folder.write("periksa.yaml", "enable: [wrong-total]\n");
    assert_eq!(summary(&folder.check(&["."])), ["./total.md:10:14: error A102"]);
}

#[test]
fn severity_changes_a_finding_and_the_exit_code() {
    let folder = Folder::new();
    folder.write("total.md", WRONG_TOTAL).write("periksa.yaml", "severity:\n  A102: warning\n");
    let run = folder.check(&["total.md"]);
    assert_eq!(summary(&run), ["total.md:10:14: warning A102"]);
    assert_eq!(run.code, 0);
    // The flags still decide what fails.
    assert_eq!(folder.check(&["--fail-on", "warning", "total.md"]).code, 1);
    let json = folder.run(&["check", "--format", "json", "total.md"]);
    let json: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(json["files"][0]["diagnostics"][0]["severity"], "warning");
}

#[test]
fn a_disabled_checks_suppression_is_not_reported_unused() {
    let folder = Folder::new();
    folder.write("supp.md", STALE_SUPPRESSION);
    assert_eq!(summary(&folder.check(&["supp.md"])), ["supp.md:3:1: info P002"]);
    folder.write("periksa.yaml", "disable: [A102]\n");
    assert_eq!(folder.check(&["supp.md"]).stdout, "");
    // A suppression of `all` may hide the disabled check's findings too.
    folder.write("supp.md", STALE_SUPPRESSION.replace("line A102", "line all"));
    assert_eq!(folder.check(&["supp.md"]).stdout, "");
}

#[test]
fn locale_en_reads_english_numbers_and_the_flag_wins() {
    let folder = Folder::new();
    folder.write("en.md", ENGLISH_NUMBERS);
    // Read the Indonesian way, 1,200 is 1.2 and nothing adds up to a finding.
    assert_eq!(folder.check(&["en.md"]).stdout, "");
    folder.write("periksa.yaml", "locale: en\n");
    let run = folder.check(&["en.md"]);
    assert_eq!(summary(&run), ["en.md:8:51: error A101"]);
    assert!(
        run.stdout.contains("84.05 does not follow from its row (expected 84.50)"),
        "{}",
        run.stdout
    );
    assert_eq!(folder.check(&["--locale", "id", "en.md"]).stdout, "");
}

#[test]
fn report_year_sets_the_year_the_title_does_not_give() {
    let folder = Folder::new();
    folder.write("tahun.md", NO_YEAR_IN_TITLE);
    assert_eq!(folder.check(&["tahun.md"]).stdout, "", "no year known, nothing to compare");
    folder.write("periksa.yaml", "report_year: 2024\n");
    let run = folder.check(&["tahun.md"]);
    assert_eq!(summary(&run), ["tahun.md:5:69: error S304"]);
    assert!(run.stdout.contains("(expected 2024, found 2023)"), "{}", run.stdout);
    folder.write("periksa.yaml", "report_year: 2023\n");
    assert_eq!(folder.check(&["tahun.md"]).stdout, "");
}

#[test]
fn rounding_truncate_accepts_a_cut_percentage() {
    let folder = Folder::new();
    folder.write("truncated.md", TRUNCATED);
    assert_eq!(summary(&folder.check(&["truncated.md"])), ["truncated.md:8:39: error A101"]);
    folder.write("periksa.yaml", "rounding: truncate\n");
    let run = folder.check(&["truncated.md"]);
    assert_eq!(run.stdout, "");
    assert_eq!(run.code, 0);
}

#[test]
fn rules_folders_are_read_relative_to_the_configuration() {
    let folder = Folder::new();
    folder
        .write("laporan/truncated.md", TRUNCATED)
        .write("laporan/aturan/policy.yaml", "rounding: truncate\n")
        .write("laporan/periksa.yaml", "rules_folders: [aturan]\n");
    // Run from the folder above: `aturan` is the configuration's, not the current one's.
    let run = folder.check(&["laporan/truncated.md"]);
    assert_eq!(run.stdout, "");
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn a_broken_rules_folder_names_the_configuration_and_the_rules_file() {
    let folder = Folder::new();
    folder
        .write("truncated.md", TRUNCATED)
        .write("aturan/policy.yaml", "rounding: up\n")
        .write("periksa.yaml", "rules_folders: [aturan]\n");
    let run = folder.check(&["truncated.md"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("periksa: error: periksa.yaml: rules_folders: aturan/policy.yaml:1:11:"),
        "{}",
        run.stderr
    );
    folder.write("periksa.yaml", "rules_folders: [tidak-ada]\n");
    let run = folder.check(&["truncated.md"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("periksa.yaml: rules_folders: tidak-ada: cannot read"),
        "{}",
        run.stderr
    );
}

#[test]
fn include_and_exclude_choose_the_files_of_a_walk() {
    let folder = Folder::new();
    folder
        .write("laporan-2024.md", WRONG_TOTAL)
        .write("catatan.md", WRONG_TOTAL)
        .write("draf/laporan-2024.md", WRONG_TOTAL)
        .write("periksa.yaml", "include: ['laporan-*.md']\nexclude: [draf/]\n");
    let run = folder.check(&["."]);
    assert_eq!(summary(&run), ["./laporan-2024.md:10:14: error A102"]);
    // A file named on the command line is read whatever the globs say.
    let run = folder.check(&["catatan.md", "draf/laporan-2024.md"]);
    assert_eq!(
        summary(&run),
        ["catatan.md:10:14: error A102", "draf/laporan-2024.md:10:14: error A102"]
    );
    // A folder left with nothing to read says so.
    folder.write("periksa.yaml", "exclude: ['*.md']\n");
    let run = folder.check(&["."]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("no reports found in this folder"), "{}", run.stderr);
}

#[test]
fn lang_is_a_flag_and_a_key() {
    let folder = Folder::new();
    folder.write("total.md", WRONG_TOTAL).write("periksa.yaml", "lang: id\n");
    assert_eq!(
        summary(&folder.check(&["--lang", "en", "total.md"])),
        ["total.md:10:14: error A102"]
    );
    let run = folder.check(&["--lang", "fr", "total.md"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("invalid value 'fr' for '--lang"), "{}", run.stderr);
}

// Mistakes in the configuration: exit code 2, a line naming the file, line and column.

/// Runs `periksa check` on a report under `config` and returns its one line of error.
fn config_error(config: &str) -> String {
    let folder = Folder::new();
    folder.write("total.md", WRONG_TOTAL).write("periksa.yaml", config);
    let run = folder.check(&["total.md"]);
    assert_eq!(run.code, 2, "{config:?}: {}", run.stderr);
    assert_eq!(run.stdout, "", "the report is not checked");
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    run.stderr.trim_end().to_string()
}

#[test]
fn an_unknown_key_is_an_error_with_the_keys() {
    assert_eq!(
        config_error("locale: id\n\nlokale: en\n"),
        "periksa: error: periksa.yaml:3:1: unknown field `lokale`, expected one of `locale`, \
         `lang`, `report_year`, `rounding`, `enable`, `disable`, `severity`, `rules_folders`, \
         `include`, `exclude`"
    );
}

#[test]
fn a_wrong_value_is_an_error_with_the_choices() {
    assert_eq!(
        config_error("locale: fr\n"),
        "periksa: error: periksa.yaml:1:9: locale: unknown variant `fr`, expected `id` or `en`"
    );
    assert_eq!(
        config_error("lang: auto\nseverity:\n  A102: fatal\n"),
        "periksa: error: periksa.yaml:3:9: severity.A102: unknown variant `fatal`, expected one \
         of `error`, `warning`, `info`"
    );
    assert_eq!(
        config_error("report_year: 24\n"),
        "periksa: error: periksa.yaml:1:14: report_year: 24 is not a year; expected a year from \
         1900 to 2099 (2024), or `auto`"
    );
    assert_eq!(
        config_error("rounding: up\n"),
        "periksa: error: periksa.yaml:1:11: rounding: unknown variant `up`, expected `round` or `truncate`"
    );
    assert_eq!(
        config_error("enable: A101\n"),
        "periksa: error: periksa.yaml:1:9: enable: invalid type: string \"A101\", expected a sequence"
    );
}

#[test]
fn an_unknown_check_is_an_error_with_the_codes() {
    let error = config_error("disable:\n  - S304\n  - S309\n");
    assert!(
        error.starts_with(
            "periksa: error: periksa.yaml:3:5: disable[1]: unknown check `S309`; expected a code \
             or name or `all`"
        ),
        "{error}"
    );
    assert!(error.ends_with("P001, P002, A101, A102, A103, A104, A105, C201, C202, C203, C204, C205, C206, C207, C208, S301, S302, S303, S304, S305, S306, N401, N402"), "{error}");
    let error = config_error("severity: {wrong-totals: warning}\n");
    assert!(error.starts_with("periksa: error: periksa.yaml:1:12: "), "{error}");
    assert!(error.contains("unknown check `wrong-totals`"), "{error}");
}

#[test]
fn a_bad_glob_is_an_error_at_the_glob() {
    let error = config_error("include: ['*.md']\nexclude:\n  - 'draf/{a,b'\n");
    assert!(
        error.starts_with(
            "periksa: error: periksa.yaml:3:5: exclude[0]: invalid glob: error parsing glob 'draf/{a,b'"
        ),
        "{error}"
    );
}

#[test]
fn broken_yaml_is_an_error_at_its_place() {
    let error = config_error("disable: [A101\n");
    assert!(error.starts_with("periksa: error: periksa.yaml:2:1: "), "{error}");
}

#[test]
fn an_unreadable_configuration_is_an_error_naming_it() {
    let error = config_error("locale: \u{0}\u{ff}");
    assert!(error.starts_with("periksa: error: periksa.yaml:"), "{error}");
    let folder = Folder::new();
    folder.write("laporan/total.md", WRONG_TOTAL);
    fs::create_dir(folder.path("laporan/periksa.yaml")).unwrap();
    let run = folder.check(&["laporan"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("periksa: error: laporan/periksa.yaml: cannot read the configuration:"),
        "{}",
        run.stderr
    );
}

#[test]
fn invalid_utf8_in_a_configuration_names_it() {
    let folder = Folder::new();
    folder.write("total.md", WRONG_TOTAL).write("periksa.yaml", b"locale: id\n# \xff\n");
    let run = folder.check(&["total.md"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.starts_with("periksa: error: periksa.yaml: cannot read the configuration:"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_broken_configuration_stops_only_its_reports() {
    let folder = Folder::new();
    folder
        .write("baik/total.md", WRONG_TOTAL)
        .write("rusak/periksa.yaml", "lokale: en\n")
        .write("rusak/a.md", WRONG_TOTAL)
        .write("rusak/b.md", WRONG_TOTAL);
    let run = folder.check(&["baik", "rusak"]);
    assert_eq!(run.code, 2);
    assert_eq!(summary(&run), ["baik/total.md:10:14: error A102"]);
    // Said once, not once per report.
    assert_eq!(run.stderr.matches("rusak/periksa.yaml:1:1: unknown field `lokale`").count(), 1);
    let run = folder.run(&["check", "--format", "json", "baik", "rusak"]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["files"][1]["path"], "rusak/a.md");
    assert!(json["files"][1]["error"].as_str().unwrap().contains("unknown field `lokale`"));
}

#[test]
fn a_broken_configuration_of_the_current_folder_stops_the_run() {
    // Its `lang` would be the run's: it cannot be guessed.
    let folder = Folder::new();
    folder
        .write("periksa.yaml", "lang: fr\n")
        .write("laporan/periksa.yaml", "")
        .write("laporan/total.md", WRONG_TOTAL);
    let run = folder.check(&["laporan"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.starts_with("periksa: error: periksa.yaml:1:7: lang: unknown variant `fr`"),
        "{}",
        run.stderr
    );
    // With --lang given, the current folder's configuration is not needed.
    assert_eq!(folder.check(&["--lang", "en", "laporan"]).code, 1);
}

// periksa init.

#[test]
fn init_writes_a_starter_that_changes_nothing() {
    let folder = Folder::new();
    folder.write("laporan/total.md", WRONG_TOTAL).write("laporan/supp.md", STALE_SUPPRESSION);
    let before = folder.run(&["check", "--format", "json", "laporan"]);
    let run = folder.run(&["init", "laporan"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("laporan/periksa.yaml"), "{}", run.stdout);
    let starter = fs::read_to_string(folder.path("laporan/periksa.yaml")).unwrap();
    assert_eq!(starter, periksa::config::STARTER);
    let after = folder.run(&["check", "--format", "json", "laporan"]);
    assert_eq!((after.code, after.stdout), (before.code, before.stdout));
}

#[test]
fn init_writes_in_the_current_folder_and_refuses_to_overwrite() {
    let folder = Folder::new();
    folder.write("periksa.yaml", "locale: en\n");
    let run = folder.run(&["init"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "periksa: error: periksa.yaml: already exists; periksa init does not replace it (--force does)\n"
    );
    assert_eq!(fs::read_to_string(folder.path("periksa.yaml")).unwrap(), "locale: en\n");
    let run = folder.run(&["init", "--force"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(fs::read_to_string(folder.path("periksa.yaml")).unwrap(), periksa::config::STARTER);
}

#[test]
fn init_into_a_missing_folder_is_an_error() {
    let folder = Folder::new();
    let run = folder.run(&["init", "tidak-ada"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stderr, "periksa: error: tidak-ada: no such folder\n");
    assert!(!Path::new(&folder.path("tidak-ada")).exists());
}

#[test]
fn tables_reads_with_the_configuration() {
    let folder = Folder::new();
    folder.write("en.md", ENGLISH_NUMBERS).write("periksa.yaml", "locale: en\n");
    let run = folder.run(&["tables", "--format", "json", "en.md"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let cells = &json["tables"][0]["rows"][0]["cells"];
    assert_eq!(cells[2]["value"], "1200", "{cells}");
}

// The README's "Configuration" section shows real things.

fn readme_section() -> String {
    let readme = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme.find("## Configuration").expect("README has a Configuration section");
    let end = start + readme[start..].find("\n## Suppressing").unwrap();
    readme[start..end].to_string()
}

#[test]
fn the_readme_shows_the_real_starter() {
    let section = readme_section();
    let start = section.find("```yaml\n").unwrap() + "```yaml\n".len();
    let end = start + section[start..].find("```").unwrap();
    assert_eq!(&section[start..end], periksa::config::STARTER);
}

#[test]
fn the_readme_configuration_command_prints_what_it_says() {
    let output = Command::cargo_bin("periksa")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", "--format", "concise"])
        .args(["--config", "fixtures/config/totals-as-warnings.yaml"])
        .arg("fixtures/examples/laporan-kinerja-2025.md")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let run =
        Run { code: 1, stdout: String::from_utf8(output.stdout).unwrap(), stderr: String::new() };
    assert_eq!(
        summary(&run),
        [
            "fixtures/examples/laporan-kinerja-2025.md:120:83: error A101",
            "fixtures/examples/laporan-kinerja-2025.md:156:14: warning A102"
        ]
    );
    assert!(readme_section().contains(
        "cargo run -- check --config fixtures/config/totals-as-warnings.yaml fixtures/examples/laporan-kinerja-2025.md"
    ));
}

#[test]
fn the_readme_error_is_real() {
    let section = readme_section();
    let start = section.find("$ periksa check laporan/\n").unwrap();
    let shown = section[start..].lines().nth(1).unwrap();
    let folder = Folder::new();
    folder
        .write("laporan/total.md", WRONG_TOTAL)
        .write("laporan/periksa.yaml", "locale: id\nlang: auto\nlokale: en\n");
    let run = folder.run(&["check", "laporan/"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stderr.trim_end(), shown);
}

#[test]
fn a_broken_rules_flag_folder_is_not_blamed_on_the_configuration() {
    let folder = Folder::new();
    folder
        .write("total.md", WRONG_TOTAL)
        .write("periksa.yaml", "locale: id\n")
        .write("aturan/policy.yaml", "rounding: up\n");
    let run = folder.check(&["--rules", "aturan", "total.md"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.starts_with("periksa: error: aturan/policy.yaml:1:11: rounding:"),
        "{}",
        run.stderr
    );
}

/// The language of the messages: `--lang`, else the configuration's `lang`, else the
/// environment's locale (`LC_ALL`, `LC_MESSAGES`, `LANG`).
#[test]
fn the_language_comes_from_the_flag_then_the_configuration_then_the_environment() {
    let folder = Folder::new();
    folder.write("total.md", WRONG_TOTAL);
    let message = |config: Option<&str>, env: &[(&str, &str)], args: &[&str]| -> String {
        match config {
            Some(text) => folder.write("periksa.yaml", text),
            None => {
                let _ = fs::remove_file(folder.path("periksa.yaml"));
                &folder
            }
        };
        let mut command = Command::cargo_bin("periksa").unwrap();
        command.current_dir(folder.path(".")).env_remove("LC_ALL").env_remove("LC_MESSAGES");
        command.env("LANG", "C.UTF-8");
        for (name, value) in env {
            command.env(name, value);
        }
        let output = command
            .args(["check", "--format", "concise"])
            .args(args)
            .arg("total.md")
            .output()
            .unwrap();
        String::from_utf8(output.stdout).unwrap()
    };
    let english = "is not the sum of the rows it closes (expected ";
    let indonesian = "bukan jumlah baris-baris di atasnya (seharusnya ";
    // The environment alone.
    assert!(message(None, &[], &[]).contains(english));
    assert!(message(None, &[("LANG", "id_ID.UTF-8")], &[]).contains(indonesian));
    assert!(message(None, &[("LC_ALL", "id_ID.UTF-8")], &[]).contains(indonesian));
    assert!(
        message(None, &[("LANG", "id_ID.UTF-8"), ("LC_ALL", "en_US.UTF-8")], &[]).contains(english)
    );
    // The configuration over the environment; `auto` leaves it to the environment.
    assert!(message(Some("lang: id\n"), &[], &[]).contains(indonesian));
    assert!(message(Some("lang: en\n"), &[("LANG", "id_ID.UTF-8")], &[]).contains(english));
    assert!(message(Some("lang: auto\n"), &[("LANG", "id_ID.UTF-8")], &[]).contains(indonesian));
    // The flag over both.
    assert!(message(Some("lang: id\n"), &[], &["--lang", "en"]).contains(english));
    assert!(message(None, &[], &["--lang", "id"]).contains(indonesian));
}
