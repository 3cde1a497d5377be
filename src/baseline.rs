//! Baseline files: the findings a repository has accepted, so that only new ones are
//! reported (`periksa check --write-baseline FILE`, then `--baseline FILE`).
//!
//! A unit adopting periksa on reports it has already published cannot fix them all at
//! once; it accepts what is there and wants to hear about what a new draft adds. A baseline
//! must therefore recognise a finding after the report around it has been edited: lines
//! inserted above it, another paragraph rewritten, the messages reworded or translated.
//! What recognises a finding is its [`Key`]; how many times one key is accepted is its
//! count, so that a third copy of a finding accepted twice is new.
//!
//! The file is JSON, pretty-printed with its entries sorted by key: writing the baseline
//! of an unchanged report gives the same bytes, and a change to the findings is a small
//! diff that a reviewer can read.

use crate::diagnostics::Finding;
use crate::read::SourceFile;
use regex::Regex;
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::num::NonZeroU32;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// The version of the file format. A change in what a key holds is a new version, since
/// old keys would no longer match.
pub const VERSION: u32 = 1;

/// What recognises a finding from one run to the next.
///
/// Never its line number or byte offset (they move when a line is inserted above), nor its
/// message (messages are translated and reworded). Instead:
///
/// - `path`: the report, relative to the baseline file's folder when that is possible, with
///   `/` between its parts, so that the baseline works from any working directory and on
///   any system;
/// - `code`: the check that reported it;
/// - `text`: the text of its primary span, whitespace collapsed (the figure or words that
///   are wrong);
/// - `line`: the text of the line(s) holding that span, whitespace collapsed, so that the
///   same figure on another row of the table is another finding;
/// - `expected`: the figures of the value the check expected (`84,50`; `59`; `100` in
///   "at least 100"), without the words around them.
///
/// Why the expected value: a finding whose place is unchanged can still be a different
/// finding. A total "61" accepted while its rows added up to 59 is a known slip; when a row
/// is later changed so that they add up to 60, the Jumlah line is the same but the slip is
/// not, and a reviewer who accepted "61 for 59" has not accepted "61 for 60". Its related
/// places (the rows) cannot be part of the key, since any edit to them, even one that
/// leaves the sum alone, would make the finding new; the expected value is what they come
/// to, and changes exactly when the finding does. Only its figures are kept, since some
/// checks say the expected value in words ("at least 100") that are translated with the
/// messages; a value with no figure (a caption's title) keeps nothing, and is recognised by
/// its place alone.
///
/// Not the printed value (`found`): it is the primary span's text, already in the key.
/// Not the severity: a check made stricter does not make an accepted finding new.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Key {
    pub path: String,
    pub code: String,
    pub text: String,
    pub line: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub expected: String,
}

impl Key {
    /// The key of `finding` in `source`, whose path is written relative to `root` (the
    /// baseline file's folder).
    pub fn of(source: &SourceFile, finding: &Finding, root: &Root) -> Key {
        let span = finding.primary.span;
        let text = &source.text;
        let start = span.start().min(text.len());
        let end = span.end().clamp(start, text.len());
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
        let line = text.get(line_start..line_end).unwrap_or("").trim_start_matches('\u{feff}');
        Key {
            path: root.relative(&source.name),
            code: finding.code.to_string(),
            text: collapse(text.get(start..end).unwrap_or("")),
            line: collapse(line),
            expected: figures(finding.expected.as_deref().unwrap_or("")),
        }
    }
}

/// Runs of whitespace (spaces, tabs, CR) become one space; none at either end.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The figures of a value, separated by one space: `at least 100` → `100`,
/// `Rp 1.240.000,-` → `1.240.000`, `2020 – 2024` → `2020 2024`.
fn figures(value: &str) -> String {
    static FIGURE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\d+(?:[.,]\d+)*").expect("a valid pattern"));
    FIGURE.find_iter(value).map(|m| m.as_str()).collect::<Vec<_>>().join(" ")
}

/// The folder a baseline's paths are relative to: the baseline file's own folder, so that
/// a baseline committed next to the reports works from any working directory.
#[derive(Debug, Clone)]
pub struct Root {
    dir: Option<PathBuf>,
}

impl Root {
    /// The folder of the baseline file `file` (which need not exist yet).
    pub fn of_baseline(file: &Path) -> Root {
        let parent = match file.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        Root { dir: absolute(parent) }
    }

    /// `name` (a report's path as the user gave it) relative to this folder, with `/`; as
    /// given, with `/`, when no relative path leads there (another drive, say).
    pub fn relative(&self, name: &str) -> String {
        let given = Path::new(name);
        let relative = self
            .dir
            .as_deref()
            .zip(absolute(given))
            .and_then(|(dir, path)| pathdiff::diff_paths(path, dir));
        let path = relative.as_deref().unwrap_or(given);
        path.components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/")
    }
}

/// `path` made absolute, with links resolved when it exists (a report named through a
/// link and directly must have one key); made absolute as written when it does not (a
/// report read from standard input under a name of its own).
fn absolute(path: &Path) -> Option<PathBuf> {
    std::fs::canonicalize(path).ok().or_else(|| std::path::absolute(path).ok())
}

/// The accepted findings: each key with how many times it is accepted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Baseline {
    entries: BTreeMap<Key, u32>,
}

/// One entry of the file: a key and its count.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    #[serde(flatten)]
    key: Key,
    count: NonZeroU32,
}

/// The file as written.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    version: Version,
    entries: Vec<Entry>,
}

/// The format version; any other than [`VERSION`] is refused where it is written.
#[derive(Debug, Serialize)]
#[serde(transparent)]
struct Version(u32);

impl<'de> Deserialize<'de> for Version {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let version = u32::deserialize(deserializer)?;
        if version == VERSION {
            Ok(Version(version))
        } else {
            Err(serde::de::Error::custom(format!(
                "version {version} is not one this periksa reads (it reads version {VERSION}); write the baseline again with --write-baseline"
            )))
        }
    }
}

/// A baseline file that could not be read or written.
#[derive(Debug)]
pub enum BaselineError {
    Read {
        file: String,
        source: std::io::Error,
    },
    Write {
        file: String,
        source: std::io::Error,
    },
    /// Not a baseline: bad JSON, an unknown field, a count of zero, another version.
    Invalid {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
}

impl fmt::Display for BaselineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BaselineError::Read { file, source } => {
                write!(f, "{file}: cannot read the baseline: {source}")
            }
            BaselineError::Write { file, source } => {
                write!(f, "{file}: cannot write the baseline: {source}")
            }
            BaselineError::Invalid { file, line, column, message } => {
                write!(f, "{file}:{line}:{column}: not a periksa baseline: {message}")
            }
        }
    }
}

impl std::error::Error for BaselineError {}

/// What filtering left of a baseline.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Filtered {
    /// Findings the baseline accepted and so were not reported.
    pub hidden: usize,
    /// Accepted findings, of the reports checked, that this run no longer gives: fixed,
    /// or changed into new findings.
    pub fixed: usize,
}

impl Baseline {
    /// The baseline that accepts every one of `findings`.
    pub fn from_findings<'a>(
        files: impl IntoIterator<Item = (&'a SourceFile, &'a [Finding])>,
        root: &Root,
    ) -> Baseline {
        let mut entries = BTreeMap::new();
        for (source, findings) in files {
            for finding in findings {
                *entries.entry(Key::of(source, finding, root)).or_insert(0) += 1;
            }
        }
        Baseline { entries }
    }

    /// How many findings it accepts (each copy of a key counted).
    pub fn len(&self) -> usize {
        self.entries.values().map(|&n| n as usize).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The file's text: pretty JSON, entries in key order, ending with a newline.
    pub fn to_json(&self) -> String {
        let file = File {
            version: Version(VERSION),
            entries: self
                .entries
                .iter()
                .filter_map(|(key, &count)| {
                    Some(Entry { key: key.clone(), count: NonZeroU32::new(count)? })
                })
                .collect(),
        };
        serde_json::to_string_pretty(&file).expect("a baseline serialises") + "\n"
    }

    /// Reads the text of a baseline file named `file`. Entries with one key are added up.
    pub fn parse(file: &str, text: &str) -> Result<Baseline, BaselineError> {
        let parsed: File = serde_json::from_str(text).map_err(|err| BaselineError::Invalid {
            file: file.to_string(),
            line: err.line(),
            column: err.column(),
            message: crate::yaml::strip_location_suffix(&err.to_string()),
        })?;
        let mut entries = BTreeMap::new();
        for entry in parsed.entries {
            *entries.entry(entry.key).or_insert(0u32) += entry.count.get();
        }
        Ok(Baseline { entries })
    }

    pub fn load(path: &Path) -> Result<Baseline, BaselineError> {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path)
            .map_err(|source| BaselineError::Read { file: file.clone(), source })?;
        Baseline::parse(&file, &text)
    }

    pub fn write(&self, path: &Path) -> Result<(), BaselineError> {
        std::fs::write(path, self.to_json())
            .map_err(|source| BaselineError::Write { file: path.display().to_string(), source })
    }

    /// Drops from `files` the findings this baseline accepts, each key as many times as
    /// its count; which copy of identical findings is kept does not matter, since nothing
    /// but their line numbers tells them apart.
    pub fn filter(&self, files: &mut [(SourceFile, Vec<Finding>)], root: &Root) -> Filtered {
        let mut left = self.entries.clone();
        let mut hidden = 0;
        let mut paths = Vec::new();
        for (source, findings) in files.iter_mut() {
            paths.push(root.relative(&source.name));
            findings.retain(|finding| match left.get_mut(&Key::of(source, finding, root)) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    hidden += 1;
                    false
                }
                _ => true,
            });
        }
        let fixed = left
            .iter()
            .filter(|(key, _)| paths.contains(&key.path))
            .map(|(_, &n)| n as usize)
            .sum();
        Filtered { hidden, fixed }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::{Label, Severity};
    use crate::read::SourceKind;
    use crate::span::Span;

    fn source(text: &str) -> SourceFile {
        SourceFile::new("laporan.md".into(), SourceKind::Markdown, text.into())
    }

    fn finding(start: usize, end: usize, expected: &str) -> Finding {
        Finding::new(
            "A102",
            "wrong-total",
            Severity::Error,
            crate::messages::Message::plain("a message"),
            Label::new(Span::new(start, end), crate::messages::Message::plain("label")),
        )
        .with_values(expected, "found")
    }

    /// A finding on the first `needle` of `text`.
    fn finding_at(text: &str, needle: &str, expected: &str) -> Finding {
        let start = text.find(needle).unwrap();
        finding(start, start + needle.len(), expected)
    }

    fn root() -> Root {
        Root::of_baseline(Path::new("baseline.json"))
    }

    #[test]
    fn a_key_holds_the_span_its_line_and_the_figures_expected() {
        let text = "intro\n| | Jumlah  |\t61 | 1.180 |\r\nnext\n";
        let key = Key::of(&source(text), &finding_at(text, "61", "at least 59"), &root());
        assert_eq!(key.path, "laporan.md");
        assert_eq!(key.code, "A102");
        assert_eq!(key.text, "61");
        assert_eq!(key.line, "| | Jumlah | 61 | 1.180 |");
        assert_eq!(key.expected, "59");
    }

    #[test]
    fn a_key_ignores_lines_above_and_the_message() {
        let before = "a\n| Jumlah | 61 |\n";
        let after = "a\nb\n\nc\n| Jumlah | 61 |\n";
        let mut moved = finding_at(after, "61", "59");
        moved.message = crate::messages::Message::plain("pesan dalam bahasa Indonesia");
        assert_eq!(
            Key::of(&source(before), &finding_at(before, "61", "59"), &root()),
            Key::of(&source(after), &moved, &root())
        );
    }

    #[test]
    fn figures_keep_numbers_and_drop_words() {
        assert_eq!(figures("84,50"), "84,50");
        assert_eq!(figures("at least 100 and less than 120"), "100 120");
        assert_eq!(figures("Rp 14.701.007.000,-"), "14.701.007.000");
        assert_eq!(figures("Capaian Anggaran"), "");
    }

    #[test]
    fn identical_findings_are_counted_and_a_third_is_new() {
        let text = "| Jumlah | 61 |\n| Jumlah | 61 |\n| Jumlah | 61 |\n";
        let src = source(text);
        let at: Vec<Finding> =
            text.match_indices("61").map(|(start, _)| finding(start, start + 2, "59")).collect();
        let baseline = Baseline::from_findings([(&src, &at[..2])], &root());
        assert_eq!(baseline.len(), 2);
        assert!(baseline.to_json().contains("\"count\": 2"));
        let mut files = vec![(src.clone(), at.clone())];
        let filtered = baseline.filter(&mut files, &root());
        assert_eq!(filtered, Filtered { hidden: 2, fixed: 0 });
        assert_eq!(files[0].1.len(), 1);
    }

    #[test]
    fn a_changed_expected_value_is_a_new_finding() {
        let text = "| Jumlah | 61 |\n";
        let src = source(text);
        let accepted = [finding_at(text, "61", "59")];
        let baseline = Baseline::from_findings([(&src, &accepted[..])], &root());
        let mut files = vec![(src, vec![finding_at(text, "61", "60")])];
        assert_eq!(baseline.filter(&mut files, &root()), Filtered { hidden: 0, fixed: 1 });
        assert_eq!(files[0].1.len(), 1);
    }

    #[test]
    fn writing_and_reading_gives_the_same_bytes() {
        let text = "| a | 1 |\n| b | 2 |\n";
        let src = source(text);
        let findings = [finding_at(text, "2", "3"), finding_at(text, "1", "4")];
        let baseline = Baseline::from_findings([(&src, &findings[..])], &root());
        let json = baseline.to_json();
        let again = Baseline::parse("b.json", &json).unwrap();
        assert_eq!(again, baseline);
        assert_eq!(again.to_json(), json);
        assert!(json.starts_with("{\n  \"version\": 1,\n"), "{json}");
    }

    #[test]
    fn a_malformed_baseline_names_its_place() {
        let err = Baseline::parse("b.json", "{\n  \"version\": 1,\n  \"entries\": [,]\n}\n")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("b.json:3:15: not a periksa baseline: "), "{err}");
        assert!(!err.contains(" at line "), "{err}");
    }

    #[test]
    fn another_version_zero_counts_and_unknown_fields_are_refused() {
        let version = Baseline::parse("b.json", "{\"version\": 2, \"entries\": []}").unwrap_err();
        assert!(version.to_string().contains("version 2"), "{version}");
        let entry = |extra: &str| {
            format!(
                "{{\"version\": 1, \"entries\": [{{\"path\": \"a.md\", \"code\": \"A101\", \"text\": \"1\", \"line\": \"1\", {extra}}}]}}"
            )
        };
        let zero = Baseline::parse("b.json", &entry("\"count\": 0")).unwrap_err();
        assert!(zero.to_string().contains("nonzero"), "{zero}");
        let unknown = Baseline::parse("b.json", &entry("\"count\": 1, \"lines\": 3")).unwrap_err();
        assert!(unknown.to_string().contains("unknown field `lines`"), "{unknown}");
    }

    #[test]
    fn paths_are_relative_to_the_baseline_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = std::fs::canonicalize(tmp.path()).unwrap();
        let reports = dir.join("laporan");
        std::fs::create_dir_all(&reports).unwrap();
        std::fs::create_dir_all(dir.join(".periksa")).unwrap();
        std::fs::write(reports.join("a.md"), "x").unwrap();
        let name = reports.join("a.md").display().to_string();
        let beside = Root::of_baseline(&dir.join("baseline.json"));
        assert_eq!(beside.relative(&name), "laporan/a.md");
        let nested = Root::of_baseline(&dir.join(".periksa").join("baseline.json"));
        assert_eq!(nested.relative(&name), "../laporan/a.md");
    }
}
