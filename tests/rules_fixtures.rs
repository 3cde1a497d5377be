//! Every check's fixtures, in `fixtures/rules/CODE/`: each `invalid` report yields exactly
//! the findings its `expect.yaml` lists (code, line, column, expected and found values,
//! severity) and nothing else; each `valid` twin yields no finding; every registered check
//! has both. The rendered findings are snapshots to review (`cargo insta review`).

use periksa::diagnostics::human::render_to_string;
use periksa::diagnostics::Finding;
use periksa::knowledge::Knowledge;
use periksa::messages::Lang;
use periksa::read::{read_document, ReadOptions, SourceFile};
use periksa::rules::{check_document, RULES};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    code: String,
    line: usize,
    column: usize,
    #[serde(default)]
    expected: Option<String>,
    #[serde(default)]
    found: Option<String>,
    #[serde(default = "error")]
    severity: String,
}

fn error() -> String {
    "error".to_string()
}

fn rules_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/rules")
}

/// The fixture files of a check whose names start with `prefix` (`invalid`, `valid`).
fn fixtures(code: &str, prefix: &str) -> Vec<PathBuf> {
    let dir = rules_dir().join(code);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_stem().is_some_and(|s| s == prefix)
                && p.extension().is_some_and(|e| e == "md" || e == "txt")
        })
        .collect();
    files.sort();
    files
}

/// The checks that have a fixture folder. (A check without one fails
/// `every_check_has_an_invalid_and_a_valid_fixture`, so that the other tests can still say
/// which fixtures pass while a new check is written.)
fn checks_with_fixtures() -> impl Iterator<Item = &'static periksa::rules::Rule> {
    RULES.iter().filter(|r| rules_dir().join(r.code).is_dir())
}

fn expectations(code: &str) -> BTreeMap<String, Vec<Expected>> {
    let path = rules_dir().join(code).join("expect.yaml");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    periksa::yaml::from_str("expect.yaml", &text)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Checks a fixture as `periksa check` does, naming it by its path in the project.
fn check(path: &Path) -> (SourceFile, Vec<Finding>) {
    let relative = path.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let kind = periksa::read::SourceKind::from_path(path).unwrap();
    let source = SourceFile::new(relative.display().to_string(), kind, text);
    let knowledge = Knowledge::builtin();
    let options = ReadOptions { units: knowledge.units.clone(), ..ReadOptions::default() };
    let doc = read_document(source, &options);
    let findings = check_document(&doc, &knowledge);
    (doc.source, findings)
}

fn as_expected(source: &SourceFile, finding: &Finding) -> Expected {
    let at = source.line_col(finding.primary.span.start());
    Expected {
        code: finding.code.to_string(),
        line: at.line,
        column: at.column,
        expected: finding.expected.clone(),
        found: finding.found.clone(),
        severity: finding.severity.as_str().to_string(),
    }
}

#[test]
fn every_check_has_an_invalid_and_a_valid_fixture() {
    for rule in RULES {
        let invalid = fixtures(rule.code, "invalid");
        let valid = fixtures(rule.code, "valid");
        assert!(!invalid.is_empty(), "{} has no invalid fixture", rule.code);
        let ext = |files: &[PathBuf]| -> Vec<String> {
            files.iter().map(|p| p.extension().unwrap().to_string_lossy().into_owned()).collect()
        };
        assert_eq!(
            ext(&invalid),
            ext(&valid),
            "{}: every invalid fixture has a valid twin",
            rule.code
        );
        let expect = expectations(rule.code);
        for file in &invalid {
            let name = file.file_name().unwrap().to_string_lossy().into_owned();
            let listed = expect
                .get(&name)
                .unwrap_or_else(|| panic!("{}: {name} is not in expect.yaml", rule.code));
            assert!(
                listed.iter().any(|e| e.code == rule.code),
                "{}: {name} plants no defect of its own check",
                rule.code
            );
        }
    }
}

#[test]
fn invalid_fixtures_report_exactly_their_planted_defects() {
    for rule in checks_with_fixtures() {
        let expect = expectations(rule.code);
        for file in fixtures(rule.code, "invalid") {
            let name = file.file_name().unwrap().to_string_lossy().into_owned();
            let (source, findings) = check(&file);
            let mut got: Vec<Expected> = findings.iter().map(|f| as_expected(&source, f)).collect();
            let mut want = expect.get(&name).cloned().unwrap_or_default();
            got.sort();
            want.sort();
            assert_eq!(
                got,
                want,
                "{}/{name}: findings differ from expect.yaml\n{}",
                rule.code,
                render_to_string(&source, &findings, Lang::En)
            );
        }
    }
}

#[test]
fn valid_fixtures_yield_no_finding() {
    for rule in checks_with_fixtures() {
        for file in fixtures(rule.code, "valid") {
            let (source, findings) = check(&file);
            assert!(
                findings.is_empty(),
                "{} yields findings:\n{}",
                file.display(),
                render_to_string(&source, &findings, Lang::En)
            );
        }
    }
}

#[test]
fn rendered_findings() {
    for rule in checks_with_fixtures() {
        for file in fixtures(rule.code, "invalid") {
            let (source, findings) = check(&file);
            let name = format!("{}_{}", rule.code, file.file_name().unwrap().to_string_lossy());
            insta::assert_snapshot!(name, render_to_string(&source, &findings, Lang::En));
        }
    }
}
