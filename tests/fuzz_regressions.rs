//! The fuzzers' findings kept as tests: every input under `fuzz/regressions/<target>/`
//! (a crasher, a timeout or a wrong answer, minimized) is run through the same function the
//! fuzz target `<target>` runs, `periksa::fuzzing::<target>`, on the stable toolchain.
//! Those functions assert their invariants themselves (spans inside the file and on
//! character boundaries, fixes that apply, a baseline that hides its findings), so a kept
//! input that panics again fails here.
//!
//! The same functions are also run over the project's fixtures, with what each must give,
//! so that a fuzz target cannot quietly stop reading anything.

use periksa::fuzzing;
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// A fuzz target's body, its result ignored.
type Target = fn(&[u8]);

/// Each fuzz target and the function it runs.
const TARGETS: [(&str, Target); 5] = [
    ("figure_lexer", |d| {
        let _ = fuzzing::figure_lexer(d);
    }),
    ("table_reader", |d| {
        let _ = fuzzing::table_reader(d);
    }),
    ("docx_reader", |d| {
        let _ = fuzzing::docx_reader(d);
    }),
    ("pipeline", |d| {
        let _ = fuzzing::pipeline(d);
    }),
    ("config_and_rules", |d| {
        let _ = fuzzing::config_and_rules(d);
    }),
];

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut files: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).collect();
    files.retain(|p| p.is_file());
    files.sort();
    files
}

/// The files of `fixtures/` with one of `extensions`, in every folder below it.
fn fixtures(extensions: &[&str]) -> Vec<PathBuf> {
    fn walk(dir: &Path, extensions: &[&str], out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, extensions, out);
            } else if path.extension().is_some_and(|e| extensions.iter().any(|x| e == *x)) {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&Path::new(ROOT).join("fixtures"), extensions, &mut out);
    out.sort();
    out
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_kept_fuzz_input_runs_through_its_target() {
    let regressions = Path::new(ROOT).join("fuzz/regressions");
    // A folder for a target that does not exist would be silently skipped.
    for dir in std::fs::read_dir(&regressions).into_iter().flatten() {
        let name = dir.unwrap().file_name();
        let name = name.to_string_lossy();
        assert!(
            name == "README.md" || TARGETS.iter().any(|(t, _)| *t == name),
            "fuzz/regressions/{name} is not a fuzz target"
        );
    }
    for (target, run) in TARGETS {
        for file in files_in(&regressions.join(target)) {
            eprintln!("{target}: {}", file.display());
            run(&read(&file));
        }
    }
}

#[test]
fn the_pipeline_finds_nothing_in_the_clean_fixtures_and_something_in_the_invalid_ones() {
    let reports = fixtures(&["md", "txt"]);
    let clean: Vec<_> =
        reports.iter().filter(|p| p.starts_with(format!("{ROOT}/fixtures/clean"))).collect();
    let invalid: Vec<_> = reports.iter().filter(|p| p.ends_with("invalid.md")).collect();
    assert!(clean.len() > 20 && invalid.len() > 20, "the fixtures are where they were");
    for path in clean {
        assert_eq!(fuzzing::pipeline(&read(path)), 0, "{}", path.display());
    }
    for path in invalid {
        assert!(fuzzing::pipeline(&read(path)) > 0, "{}", path.display());
    }
}

#[test]
fn the_table_reader_reads_the_tables_of_every_fixture_that_has_one() {
    for path in fixtures(&["md", "txt"]) {
        let text = read(&path);
        let tables = fuzzing::table_reader(&text);
        let pipes = String::from_utf8_lossy(&text).contains("|---");
        if pipes {
            assert!(tables > 0, "{}", path.display());
        }
    }
    let reading = Path::new(ROOT).join("fixtures/reading");
    for path in files_in(&reading) {
        assert!(fuzzing::table_reader(&read(&path)) > 0, "{}", path.display());
    }
}

#[test]
fn the_docx_reader_reads_the_word_fixtures_whole_and_as_bare_xml() {
    let documents = fixtures(&["docx"]);
    assert!(!documents.is_empty());
    for path in documents {
        let bytes = read(&path);
        let tables = fuzzing::docx_reader(&bytes);
        assert!(tables.is_some_and(|n| n > 0), "{}", path.display());

        // The same document.xml and numbering.xml, as the fuzzer feeds them without the
        // zip: the same tables.
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut member = |name: &str| -> Option<Vec<u8>> {
            let mut file = archive.by_name(name).ok()?;
            let mut out = Vec::new();
            std::io::Read::read_to_end(&mut file, &mut out).unwrap();
            Some(out)
        };
        let mut bare = member("word/document.xml").unwrap();
        if let Some(numbering) = member("word/numbering.xml") {
            bare.push(0);
            bare.extend(numbering);
        }
        assert_eq!(fuzzing::docx_reader(&bare), tables, "{}", path.display());
    }
    assert_eq!(fuzzing::docx_reader(b"PK\x03\x04 not a zip"), None);
    assert_eq!(fuzzing::docx_reader(b"<w:document><w:body>"), None);
}

#[test]
fn the_config_and_rules_target_accepts_the_real_files_and_refuses_broken_ones() {
    let with = |selector: u8, text: &[u8]| [&[selector][..], text].concat();
    let starter = read(&Path::new(ROOT).join("src/config/starter.yaml"));
    assert!(fuzzing::config_and_rules(&with(0, &starter)));
    for path in files_in(&Path::new(ROOT).join("fixtures/config")) {
        assert!(fuzzing::config_and_rules(&with(0, &read(&path))), "{}", path.display());
    }
    for (i, (name, text)) in periksa::knowledge::RULE_FILES.iter().enumerate() {
        assert!(fuzzing::config_and_rules(&with(i as u8 + 1, text.as_bytes())), "{name}");
    }
    assert!(!fuzzing::config_and_rules(&with(0, b"lokale: en\n")));
    assert!(!fuzzing::config_and_rules(&with(1, b"measures:\n  total:\n    - '(unclosed'\n")));
    assert!(!fuzzing::config_and_rules(b""));
}

#[test]
fn the_figure_lexer_target_reads_prose_in_either_locale() {
    assert_eq!(fuzzing::figure_lexer(b"\0Realisasi 1.104 orang atau 92,00%"), 2);
    assert_eq!(fuzzing::figure_lexer(b"\x01Realisasi 1,104 orang atau 92.00%"), 2);
    assert_eq!(fuzzing::figure_lexer(b""), 0);
}
