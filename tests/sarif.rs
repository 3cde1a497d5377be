//! `periksa check --format sarif`: the log's structure read back with serde_json (rules
//! with their metadata, results at the places `--format json` gives, related locations,
//! notifications for files that could not be read), and the log validated by a real
//! consumer, Microsoft's SARIF Multitool (npm `@microsoft/sarif-multitool`).
//!
//! The Multitool is found through `SARIF_MULTITOOL` (its executable), or where `.ci/run`
//! installs it (`target/sarif-multitool`). Where it is absent the validation tests say so
//! and return, except under CI (`CI` set), where its absence is a failure.

use assert_cmd::Command;
use periksa::diagnostics::Severity;
use periksa::rules::RULES;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const EXAMPLE: &str = "fixtures/examples/laporan-kinerja-2025.md";
const CLEAN: &str = "fixtures/examples/laporan-kinerja-2025-bersih.md";

/// periksa, speaking English whatever the machine's locale, as the assertions read it.
fn periksa() -> Command {
    let mut cmd = Command::cargo_bin("periksa").expect("the binary is built");
    cmd.env("LC_ALL", "C");
    cmd
}

/// `periksa check --format FORMAT ARGS…` run in `dir`: its exit code and its output as
/// JSON.
fn check_in(dir: &Path, format: &str, args: &[&str]) -> (i32, Value) {
    let output = periksa()
        .current_dir(dir)
        .args(["check", "--format", format])
        .args(args)
        .output()
        .expect("periksa runs");
    let json = serde_json::from_slice(&output.stdout).unwrap_or_else(|err| {
        panic!(
            "--format {format} is not JSON ({err}):\n{}",
            String::from_utf8_lossy(&output.stdout)
        )
    });
    (output.status.code().expect("periksa exits"), json)
}

fn sarif(args: &[&str]) -> (i32, Value) {
    check_in(Path::new(env!("CARGO_MANIFEST_DIR")), "sarif", args)
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

#[test]
fn the_driver_lists_every_check_with_its_metadata() {
    let (_, log) = sarif(&[CLEAN]);
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(log["runs"].as_array().unwrap().len(), 1);
    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    assert_eq!(run["language"], "en", "the messages' language, English under LC_ALL=C");
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "periksa");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    let rules = driver["rules"].as_array().unwrap();
    assert_eq!(rules.len(), RULES.len());
    for (rule, descriptor) in RULES.iter().zip(rules) {
        assert_eq!(descriptor["id"], rule.code);
        assert_eq!(descriptor["name"], rule.name);
        assert_eq!(descriptor["shortDescription"]["text"], format!("{}.", rule.summary()));
        let explanation = rule.explanation();
        assert!(explanation.contains(rule.code), "{}", rule.code);
        assert_eq!(descriptor["help"]["text"], explanation, "{}", rule.code);
        assert_eq!(descriptor["help"]["markdown"], explanation, "{}", rule.code);
        let full = descriptor["fullDescription"]["text"].as_str().unwrap();
        assert!(full.len() > 20 && explanation.contains(full), "{}: {full}", rule.code);
        assert_eq!(descriptor["fullDescription"]["markdown"], full);
        assert_eq!(descriptor["defaultConfiguration"]["level"], level(rule.severity));
    }
}

/// The SARIF region of a location, as JSON's line and column fields.
fn region_as_json(location: &Value) -> Value {
    let region = &location["physicalLocation"]["region"];
    json!({
        "line": region["startLine"],
        "column": region["startColumn"],
        "end_line": region["endLine"],
        "end_column": region["endColumn"],
        "start": region["byteOffset"],
        "end": region["byteOffset"].as_u64().unwrap() + region["byteLength"].as_u64().unwrap(),
    })
}

fn json_place(location: &Value) -> Value {
    json!({
        "line": location["line"],
        "column": location["column"],
        "end_line": location["end_line"],
        "end_column": location["end_column"],
        "start": location["start"],
        "end": location["end"],
    })
}

#[test]
fn results_are_the_findings_at_the_places_json_gives() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (code, log) = check_in(dir, "sarif", &[EXAMPLE, "fixtures/rules/A102"]);
    let (json_code, report) = check_in(dir, "json", &[EXAMPLE, "fixtures/rules/A102"]);
    assert_eq!((code, json_code), (1, 1));
    let run = &log["runs"][0];
    let results = run["results"].as_array().unwrap();
    let diagnostics: Vec<(&Value, &Value)> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|file| {
            file["diagnostics"].as_array().unwrap().iter().map(move |d| (&file["path"], d))
        })
        .collect();
    assert_eq!(results.len(), diagnostics.len());
    assert!(results.len() > 2, "the example and A102's fixtures give several findings");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let mut related_seen = 0;
    for (result, (path, diagnostic)) in results.iter().zip(&diagnostics) {
        assert_eq!(result["ruleId"], diagnostic["code"]);
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], diagnostic["code"]);
        let severity = diagnostic["severity"].as_str().unwrap();
        assert_eq!(result["level"], if severity == "info" { "note" } else { severity });

        let text = result["message"]["text"].as_str().unwrap();
        assert!(text.starts_with(diagnostic["message"].as_str().unwrap()), "{text}");
        if let Some(expected) = diagnostic["expected"].as_str() {
            // Said by the message itself, or added to it as `--format concise` adds it.
            assert!(text.contains(expected), "{text}");
            assert_eq!(result["properties"]["expected"], expected);
            assert_eq!(result["properties"]["found"], diagnostic["found"]);
        }
        if let Some(note) = diagnostic["note"].as_str() {
            assert!(text.ends_with(&format!("\n{note}")), "{text}");
            assert_eq!(result["properties"]["note"], note);
        }

        let locations = result["locations"].as_array().unwrap();
        assert_eq!(locations.len(), 1);
        let uri = &locations[0]["physicalLocation"]["artifactLocation"]["uri"];
        assert_eq!(uri, *path, "paths here need no encoding");
        assert_eq!(region_as_json(&locations[0]), json_place(&diagnostic["primary"]));

        let related = result["relatedLocations"].as_array().unwrap();
        let json_related = diagnostic["related"].as_array().unwrap();
        assert_eq!(related.len(), json_related.len());
        for (i, (location, label)) in related.iter().zip(json_related).enumerate() {
            assert_eq!(location["id"], i + 1);
            assert_eq!(location["message"]["text"], label["message"]);
            assert_eq!(location["physicalLocation"]["artifactLocation"]["uri"], *uri);
            assert_eq!(region_as_json(location), json_place(label));
        }
        related_seen += related.len();
    }
    assert!(related_seen >= 8, "the example's two findings alone have eight related labels");
    // The example's first finding, as `--format human` shows it.
    assert_eq!(results[0]["locations"][0]["physicalLocation"]["region"]["startLine"], 120);
    assert_eq!(results[0]["locations"][0]["physicalLocation"]["region"]["startColumn"], 83);
}

#[test]
fn a_clean_report_has_no_results_and_is_listed_as_checked() {
    let (code, log) = sarif(&[CLEAN]);
    assert_eq!(code, 0);
    let run = &log["runs"][0];
    assert_eq!(run["results"], json!([]));
    assert_eq!(run["artifacts"][0]["location"]["uri"], CLEAN);
    assert_eq!(run["artifacts"][0]["roles"], json!(["analysisTarget"]));
    let length =
        std::fs::metadata(Path::new(env!("CARGO_MANIFEST_DIR")).join(CLEAN)).unwrap().len();
    assert_eq!(run["artifacts"][0]["length"], length);
    assert_eq!(run["invocations"], json!([{ "executionSuccessful": true }]));
}

#[test]
fn files_that_cannot_be_read_are_notifications_of_an_unsuccessful_run() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("rusak.md"), b"Tabel 1\xff\n").unwrap();
    std::fs::create_dir(dir.path().join("kosong")).unwrap();
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE), dir.path().join("a.md"))
        .unwrap();
    let (code, log) = check_in(dir.path(), "sarif", &["a.md", "rusak.md", "hilang.md", "kosong"]);
    assert_eq!(code, 2);
    let run = &log["runs"][0];
    assert_eq!(run["results"].as_array().unwrap().len(), 2, "the readable file is still checked");
    let invocation = &run["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notifications = invocation["toolExecutionNotifications"].as_array().unwrap();
    let said: Vec<(&str, &Value)> = notifications
        .iter()
        .map(|n| {
            assert_eq!(n["level"], "error");
            (n["message"]["text"].as_str().unwrap(), &n["locations"][0]["physicalLocation"])
        })
        .collect();
    assert_eq!(said.len(), 3, "{said:?}");
    assert!(said[0].0.starts_with("kosong: no reports found"), "{said:?}");
    assert!(said[1].0.contains("not valid UTF-8 at byte 7"), "{said:?}");
    assert_eq!(said[1].1["artifactLocation"]["uri"], "rusak.md");
    assert!(said[2].0.contains("cannot read"), "{said:?}");
    assert_eq!(said[2].1["artifactLocation"]["uri"], "hilang.md");
}

#[test]
fn uris_are_encoded_and_offsets_count_characters() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("bab 3");
    std::fs::create_dir(&folder).unwrap();
    // A byte-order mark, and characters of several bytes (›, –) before the wrong figure.
    let text = "\u{feff}".to_string()
        + &std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE)).unwrap();
    assert!(text.len() > text.chars().count() + 3);
    std::fs::write(folder.join("capaian 100%#é.md"), &text).unwrap();
    let (_, log) = check_in(dir.path(), "sarif", &["./bab 3/capaian 100%#é.md"]);
    let run = &log["runs"][0];
    let uri = "bab%203/capaian%20100%25%23%C3%A9.md";
    assert_eq!(run["artifacts"][0]["location"]["uri"], uri);
    let result = &run["results"][0];
    let location = &result["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], uri);
    let region = &location["region"];
    let start = region["byteOffset"].as_u64().unwrap() as usize;
    let end = start + region["byteLength"].as_u64().unwrap() as usize;
    assert_eq!(&text[start..end], "84,05");
    let chars_before = text['\u{feff}'.len_utf8()..start].chars().count();
    assert_eq!(region["charOffset"], chars_before);
    assert_eq!(region["charLength"], 5);
}

// The SARIF Multitool.

/// The Multitool's executable: `SARIF_MULTITOOL`, or the package `.ci/run` installs under
/// `target/sarif-multitool`. `None` (with the reason printed) where it is absent outside
/// CI; under CI its absence fails the test.
fn multitool() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("SARIF_MULTITOOL") {
        let path = PathBuf::from(path);
        assert!(path.is_file(), "SARIF_MULTITOOL={} is not a file", path.display());
        return Some(path);
    }
    let platform = match std::env::consts::OS {
        "macos" => "darwin",
        "windows" => "win32",
        os => os,
    };
    let installed = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/sarif-multitool/node_modules/@microsoft")
        .join(format!("sarif-multitool-{platform}"))
        .join(if cfg!(windows) { "Sarif.Multitool.exe" } else { "Sarif.Multitool" });
    if installed.is_file() {
        return Some(installed);
    }
    let reason = format!(
        "the SARIF Multitool is not installed (set SARIF_MULTITOOL, or run \
         `npm install --prefix target/sarif-multitool @microsoft/sarif-multitool`; \
         looked for {})",
        installed.display()
    );
    if std::env::var_os("CI").is_some() {
        panic!("{reason}");
    }
    eprintln!("skipped: {reason}");
    None
}

/// What the Multitool says of each log, by file name: (rule, level, message id) of each of
/// its results; and what it printed. Its exit code is 0 whatever it finds, so its own
/// SARIF output is read; a result's level is its own, else its rule's default, else
/// `warning`.
type Said = BTreeMap<String, Vec<(String, String, String)>>;

/// The Multitool's settings: its rule that fetches every URI in a log (SARIF2006, a note)
/// is off, so that the test sends nothing over the network.
const OFFLINE: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<Properties>
  <Properties Key="SARIF2006.UrisShouldBeReachable.Options">
    <Property Key="RuleEnabled" Value="Disabled" Type="Driver.RuleEnabledState" />
  </Properties>
</Properties>
"#;

/// Runs the Multitool's `validate` on `logs` with the SARIF rules and GitHub code
/// scanning's (`Ghas`), its report written to `out`.
fn validate(tool: &Path, logs: &[PathBuf], out: &Path) -> (Said, String) {
    let config = out.with_extension("xml");
    std::fs::write(&config, OFFLINE).unwrap();
    let output = std::process::Command::new(tool)
        .arg("validate")
        .args(logs)
        .arg("--output")
        .arg(out)
        .arg("--config")
        .arg(&config)
        .args(["--log", "ForceOverwrite", "--rule-kind", "Sarif;Ghas"])
        .output()
        .expect("the SARIF Multitool runs");
    let printed = String::from_utf8_lossy(&output.stdout).to_string()
        + &String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "the Multitool failed:\n{printed}");
    let report: Value = serde_json::from_str(&std::fs::read_to_string(out).unwrap()).unwrap();
    let run = &report["runs"][0];
    assert_eq!(run["invocations"][0]["executionSuccessful"], true, "{printed}");
    let rules = run["tool"]["driver"]["rules"].as_array().cloned().unwrap_or_default();
    let mut said = Said::new();
    for r in run["results"].as_array().unwrap() {
        let rule = r["ruleIndex"].as_u64().and_then(|i| rules.get(i as usize));
        let level = r["level"]
            .as_str()
            .or_else(|| rule.and_then(|rule| rule["defaultConfiguration"]["level"].as_str()))
            .unwrap_or("warning");
        let uri =
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str().unwrap();
        let file = uri.rsplit('/').next().unwrap().to_string();
        let id = r["message"]["id"].as_str().unwrap_or_default();
        let entry = (r["ruleId"].as_str().unwrap().to_string(), level.to_string(), id.to_string());
        said.entry(file).or_default().push(entry);
    }
    (said, printed)
}

/// Has the Multitool validate periksa's SARIF logs (name, log): no error, and no warning
/// but the one about a missing `informationUri` while Cargo.toml names no homepage. A copy
/// of each with one planted inconsistency must then be flagged: the Multitool silently
/// passes a log it cannot read (one with an unknown enum value, say), and the plant shows
/// that it did read this one.
fn assert_valid(tool: &Path, logs: &[(&str, Value)]) {
    let scratch = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    let mut planted_paths = Vec::new();
    for (name, log) in logs {
        let path = scratch.path().join(format!("{name}.sarif"));
        std::fs::write(&path, serde_json::to_string_pretty(log).unwrap()).unwrap();
        paths.push(path);
        let mut planted = log.clone();
        let invocation = &mut planted["runs"][0]["invocations"][0];
        invocation["startTimeUtc"] = json!("2026-01-02T00:00:00Z");
        invocation["endTimeUtc"] = json!("2026-01-01T00:00:00Z");
        let path = scratch.path().join(format!("{name}-planted.sarif"));
        std::fs::write(&path, serde_json::to_string(&planted).unwrap()).unwrap();
        planted_paths.push(path);
    }

    let (said, printed) = validate(tool, &paths, &scratch.path().join("validation.sarif"));
    for (name, log) in logs {
        let has_uri = log["runs"][0]["tool"]["driver"]["informationUri"].is_string();
        let objections: Vec<_> = said
            .get(&format!("{name}.sarif"))
            .into_iter()
            .flatten()
            .filter(|(rule, level, id)| {
                // Said while Cargo.toml names no homepage or repository to point at.
                let known =
                    !has_uri && rule == "SARIF2005" && id == "Warning_ProvideToolnformationUri";
                level == "error" || (level == "warning" && !known)
            })
            .collect();
        assert!(objections.is_empty(), "{name}: the Multitool objects: {objections:?}\n{printed}");
    }

    let (said, printed) =
        validate(tool, &planted_paths, &scratch.path().join("validation-planted.sarif"));
    for (name, _) in logs {
        let flagged = said.get(&format!("{name}-planted.sarif")).is_some_and(|found| {
            found.iter().any(|(rule, level, _)| rule == "SARIF1006" && level == "error")
        });
        assert!(
            flagged,
            "{name}: the Multitool did not read the log (a planted end before the start \
             went unflagged):\n{printed}"
        );
    }
}

#[test]
fn the_sarif_multitool_accepts_our_logs() {
    let Some(tool) = multitool() else { return };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // Files that could not be read, beside one that could, under a name that needs
    // encoding.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("rusak.md"), b"Tabel 1\xff\n").unwrap();
    std::fs::create_dir(dir.path().join("kosong")).unwrap();
    std::fs::copy(root.join(EXAMPLE), dir.path().join("laporan 2025 #1.md")).unwrap();
    let unreadable = ["laporan 2025 #1.md", "rusak.md", "hilang.md", "kosong"];
    let (code, unreadable) = check_in(dir.path(), "sarif", &unreadable);
    assert_eq!(code, 2);

    assert_valid(
        &tool,
        &[
            // The bundled example: two errors with related locations.
            ("example", sarif(&[EXAMPLE]).1),
            // A clean report: no results.
            ("clean", sarif(&[CLEAN]).1),
            // Every check's fixtures: errors, warnings and a note, many related locations.
            ("rules", sarif(&["fixtures/rules"]).1),
            ("unreadable", unreadable),
        ],
    );
}
