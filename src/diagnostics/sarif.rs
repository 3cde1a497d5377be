//! `--format sarif`: the findings as a SARIF 2.1.0 log, the format that code-scanning
//! services (GitHub code scanning, Azure DevOps) and auditors' tools read.
//!
//! One run. Its driver is `periksa` with every registered check as a rule (code, name,
//! summary, what it flags, its documentation as text and Markdown, default level), so
//! that a log says which checks were run even when none fired. Each finding is one result: its primary label is
//! the location, every related label a related location with its own id and message;
//! expected, found and the note (how the value was computed) are result properties, and
//! the note is also the second line of the message, which is all that most viewers show.
//! `run.artifacts` lists every file checked, in the order checked, so that a clean
//! report is on record too; a file or folder that gave nothing to check is a
//! tool-execution notification, and the invocation is then not successful.
//!
//! `run.language` is the language of the messages (`en` or `id`); the checks'
//! documentation is in English.
//!
//! Places are given three ways that agree: lines and columns (1-based, columns counted in
//! Unicode code points, as `--format json` counts them, which `run.columnKind` declares),
//! `charOffset`/`charLength` in the same characters (a byte-order mark is not one), and
//! `byteOffset`/`byteLength` in bytes of the file on disk.
//!
//! The SARIF structures are serde-sarif's, generated from the OASIS schema; this module
//! only fills them in. The output carries no time or machine name, so the same reports
//! checked from the same folder give the same bytes.

use super::concise::values;
use super::{Finding, Label, Severity};
use crate::messages::Lang;
use crate::read::{SourceFile, SourceKind};
use crate::rules::{Rule, RULES};
use crate::span::Span;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde_json::{json, Value};
use serde_sarif::sarif::{
    Artifact, ArtifactChange, ArtifactContent, ArtifactLocation, Fix as SarifFix, Invocation,
    Location, Message, MultiformatMessageString, Notification, PhysicalLocation, PropertyBag,
    Region, Replacement, ReportingConfiguration, ReportingDescriptor, Result as SarifResult,
    ResultLevel, Run, Sarif, Tool, ToolComponent,
};
use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

/// Where the log says its schema is: the OASIS standard's final schema, as published by
/// the JSON Schema Store that editors read.
const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// A path that gave nothing to check: a file that could not be read, or a folder with no
/// reports in it.
#[derive(Debug, Clone, Copy)]
pub struct NotChecked<'a> {
    /// The path, when the problem belongs to one file.
    pub path: Option<&'a str>,
    pub error: &'a str,
}

/// The SARIF log of one `periksa check`: the files checked with their findings, in the
/// order checked, and what could not be checked; messages in `lang`. Paths under `cwd`
/// become URIs relative to it.
pub fn log(
    checked: &[(SourceFile, Vec<Finding>)],
    not_checked: &[NotChecked],
    cwd: &Path,
    lang: Lang,
) -> Sarif {
    let artifacts: Vec<Artifact> =
        checked.iter().map(|(source, _)| artifact(source, cwd)).collect();
    let results = checked
        .iter()
        .enumerate()
        .flat_map(|(index, (source, findings))| {
            let file = FileContext::new(source, index, cwd, lang);
            findings.iter().map(move |f| result(&file, f)).collect::<Vec<_>>()
        })
        .collect::<Vec<_>>();
    let notifications: Vec<Notification> =
        not_checked.iter().map(|problem| notification(problem, cwd)).collect();
    let invocation = if notifications.is_empty() {
        Invocation::builder().execution_successful(true).build()
    } else {
        Invocation::builder()
            .execution_successful(false)
            .tool_execution_notifications(notifications)
            .build()
    };
    let run = Run::builder()
        .tool(Tool::from(driver()))
        .artifacts(artifacts)
        .results(results)
        .invocations(vec![invocation])
        .column_kind(json!("unicodeCodePoints"))
        .language(lang.code())
        .build();
    Sarif::builder().schema(SCHEMA).version(json!("2.1.0")).runs(vec![run]).build()
}

/// The log as pretty-printed JSON, with a final line break.
pub fn render(
    checked: &[(SourceFile, Vec<Finding>)],
    not_checked: &[NotChecked],
    cwd: &Path,
    lang: Lang,
) -> String {
    let mut text = serde_json::to_string_pretty(&log(checked, not_checked, cwd, lang))
        .expect("a SARIF log of strings and numbers serializes");
    text.push('\n');
    text
}

/// periksa and every check it has. Its `informationUri` is the package's homepage or
/// repository, once Cargo.toml names one.
fn driver() -> ToolComponent {
    let driver = ToolComponent::builder()
        .name("periksa")
        .full_name(format!("periksa {}", env!("CARGO_PKG_VERSION")))
        .version(env!("CARGO_PKG_VERSION"))
        .semantic_version(env!("CARGO_PKG_VERSION"))
        .short_description(plain(env!("CARGO_PKG_DESCRIPTION")))
        .rules(RULES.iter().map(rule).collect::<Vec<_>>());
    match [env!("CARGO_PKG_HOMEPAGE"), env!("CARGO_PKG_REPOSITORY")]
        .into_iter()
        .find(|u| !u.is_empty())
    {
        Some(uri) => driver.information_uri(uri).build(),
        None => driver.build(),
    }
}

/// One check as a SARIF rule: its summary as the short description, the opening of its
/// documentation (what it flags) as the full description, and the whole documentation
/// (what it checks, what it leaves alone, an example) as the help. The documentation is
/// Markdown that reads as plain text, so it serves as both.
fn rule(rule: &Rule) -> ReportingDescriptor {
    let explanation = rule.explanation();
    let both = |text: &str| MultiformatMessageString::builder().text(text).markdown(text).build();
    ReportingDescriptor::builder()
        .id(rule.code)
        .name(rule.name)
        .short_description(plain(&format!("{}.", rule.summary())))
        .full_description(both(&opening(&explanation)))
        .help(both(&explanation))
        .default_configuration(
            ReportingConfiguration::builder().level(json!(level_name(rule.severity))).build(),
        )
        .build()
}

/// The documentation's text between its title and its first section.
fn opening(explanation: &str) -> String {
    let body = match explanation.strip_prefix("# ") {
        Some(titled) => titled.split_once('\n').map_or("", |(_, rest)| rest),
        None => explanation,
    };
    body.split("\n## ").next().unwrap_or_default().trim().to_string()
}

fn plain(text: &str) -> MultiformatMessageString {
    MultiformatMessageString::builder().text(text).build()
}

fn level(severity: Severity) -> ResultLevel {
    match severity {
        Severity::Error => ResultLevel::Error,
        Severity::Warning => ResultLevel::Warning,
        Severity::Info => ResultLevel::Note,
    }
}

/// The name of a level as SARIF writes it (`note` for periksa's `info`).
fn level_name(severity: Severity) -> &'static str {
    match level(severity) {
        ResultLevel::Error => "error",
        ResultLevel::Warning => "warning",
        ResultLevel::Note => "note",
        ResultLevel::None => "none",
    }
}

/// What every result in one file shares: the file, its URI and where each of its lines
/// starts in characters.
struct FileContext<'a> {
    source: &'a SourceFile,
    /// The file's place in `run.artifacts`.
    index: usize,
    uri: String,
    lang: Lang,
    /// The characters before each line (0-based), a byte-order mark not counted.
    chars_before_line: Vec<usize>,
}

impl<'a> FileContext<'a> {
    fn new(source: &'a SourceFile, index: usize, cwd: &Path, lang: Lang) -> Self {
        let mut chars_before_line = vec![0];
        let mut count = 0;
        for c in source.text[source.content_start()..].chars() {
            count += 1;
            if c == '\n' {
                chars_before_line.push(count);
            }
        }
        let uri = artifact_uri(&source.name, cwd);
        FileContext { source, index, uri, lang, chars_before_line }
    }

    fn location(&self, label: &Label, id: Option<usize>) -> Location {
        let artifact =
            ArtifactLocation::builder().uri(self.uri.clone()).index(self.index as i64).build();
        let physical = PhysicalLocation::builder()
            .artifact_location(artifact)
            .region(self.region(label.span))
            .build();
        let location = Location::builder()
            .physical_location(physical)
            .message(Message::builder().text(label_message(label, self.lang)).build());
        match id {
            Some(id) => location.id(id as i64).build(),
            None => location.build(),
        }
    }

    fn region(&self, span: Span) -> Region {
        let start = self.source.line_col(span.start());
        let end = self.source.line_col(span.end());
        let char_offset =
            |at: crate::span::LineCol| self.chars_before_line[at.line - 1] + at.column - 1;
        let (char_start, char_end) = (char_offset(start), char_offset(end));
        Region::builder()
            .start_line(start.line as i64)
            .start_column(start.column as i64)
            .end_line(end.line as i64)
            .end_column(end.column as i64)
            .char_offset(char_start as i64)
            .char_length((char_end - char_start) as i64)
            .byte_offset(span.start() as i64)
            .byte_length(span.len() as i64)
            .build()
    }
}

/// One finding as a SARIF result.
fn result(file: &FileContext, f: &Finding) -> SarifResult {
    let related: Vec<Location> =
        f.related.iter().enumerate().map(|(i, label)| file.location(label, Some(i + 1))).collect();
    let mut properties = BTreeMap::new();
    let note = f.note.as_ref().map(|note| note.render(file.lang));
    for (key, value) in [("expected", &f.expected), ("found", &f.found), ("note", &note)] {
        if let Some(value) = value {
            properties.insert(key.to_string(), Value::String(value.clone()));
        }
    }
    let result = SarifResult::builder()
        .rule_id(f.code)
        .level(level(f.severity))
        .message(Message::builder().text(result_message(f, file.lang)).build())
        .locations(vec![file.location(&f.primary, None)])
        .related_locations(related)
        .properties(PropertyBag::builder().additional_properties(properties).build());
    let mut result = match RULES.iter().position(|rule| rule.code == f.code) {
        Some(index) => result.rule_index(index as i64).build(),
        None => result.build(),
    };
    result.fixes = f.fix.as_ref().map(|fix| vec![sarif_fix(file, fix)]);
    result
}

/// A suggested fix as SARIF writes one: the region each edit deletes and the text it
/// inserts, described as the human output's help line; whether `periksa fix` applies it
/// without `--unsafe` is the property `applicability`.
fn sarif_fix(file: &FileContext, fix: &super::Fix) -> SarifFix {
    let replacements = fix
        .edits
        .iter()
        .map(|edit| {
            Replacement::builder()
                .deleted_region(file.region(edit.span))
                .inserted_content(ArtifactContent::builder().text(edit.replacement.clone()).build())
                .build()
        })
        .collect::<Vec<_>>();
    let artifact =
        ArtifactLocation::builder().uri(file.uri.clone()).index(file.index as i64).build();
    let change =
        ArtifactChange::builder().artifact_location(artifact).replacements(replacements).build();
    let description = fix
        .edits
        .iter()
        .map(|edit| {
            let found = file.source.text.get(edit.span.range()).unwrap_or_default();
            let replacement = edit.replacement.as_str();
            crate::msg!("fix.replace", found, replacement).render(file.lang)
        })
        .collect::<Vec<_>>()
        .join("; ");
    let mut properties = BTreeMap::new();
    properties
        .insert("applicability".to_string(), Value::String(fix.applicability.as_str().to_string()));
    SarifFix::builder()
        .description(Message::builder().text(description).build())
        .artifact_changes(vec![change])
        .properties(PropertyBag::builder().additional_properties(properties).build())
        .build()
}

/// The message of a result: the finding's message, the expected and found values when it
/// does not already say them (as `--format concise` decides), and the note on a line of
/// its own.
fn result_message(f: &Finding, lang: Lang) -> String {
    let mut text = format!("{}{}", f.message.render(lang), values(f, lang));
    if let Some(note) = &f.note {
        text.push('\n');
        text.push_str(&note.render(lang));
    }
    text
}

/// The message of a location: what its label says about that place.
fn label_message(label: &Label, lang: Lang) -> String {
    label.message.render(lang)
}

/// A file checked, with what an auditor needs to know it is the same file: its size and
/// how periksa read it.
fn artifact(source: &SourceFile, cwd: &Path) -> Artifact {
    let mime = match source.kind {
        SourceKind::Markdown => "text/markdown",
        SourceKind::PlainText => "text/plain",
        SourceKind::Docx => {
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        }
    };
    Artifact::builder()
        .location(ArtifactLocation::builder().uri(artifact_uri(&source.name, cwd)).build())
        .length(source.text.len() as i64)
        .mime_type(mime)
        .encoding("utf-8")
        .roles(vec![json!("analysisTarget")])
        .build()
}

fn notification(problem: &NotChecked, cwd: &Path) -> Notification {
    let notification = Notification::builder()
        .message(Message::builder().text(problem.error).build())
        .level(json!("error"));
    match problem.path {
        Some(path) => {
            let artifact = ArtifactLocation::builder().uri(artifact_uri(path, cwd)).build();
            let physical = PhysicalLocation::builder().artifact_location(artifact).build();
            notification
                .locations(vec![Location::builder().physical_location(physical).build()])
                .build()
        }
        None => notification.build(),
    }
}

/// What a URI path segment keeps as it is: RFC 3986's unreserved characters. Everything
/// else, `/` inside a name, `:`, `%`, `#`, spaces and non-ASCII letters included, is
/// percent-encoded as UTF-8.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// The URI reference of a report's path: relative to `cwd` when the file is under it
/// (code-scanning services resolve such URIs against the checkout), an absolute `file:`
/// URI otherwise. `.` and `..` are resolved by their names, as the user wrote them. An
/// empty `cwd` (when the working directory is unknown) leaves relative paths relative.
pub fn artifact_uri(path: &str, cwd: &Path) -> String {
    let full = normalize(&cwd.join(path));
    if !full.has_root() {
        // No working directory to resolve against, and a relative path.
        return encode_segments(&full);
    }
    match full.strip_prefix(normalize(cwd)) {
        Ok(relative) if cwd.has_root() && !relative.as_os_str().is_empty() => {
            encode_segments(relative)
        }
        _ => format!("file:///{}", encode_segments(&full)),
    }
}

/// `path` with `.` dropped and each `..` taking away the name before it.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// The names of `path` percent-encoded and joined with `/`; the root is dropped and a
/// Windows drive (`C:`) kept as it is.
fn encode_segments(path: &Path) -> String {
    let mut segments = Vec::new();
    for component in path.components() {
        match component {
            Component::Prefix(prefix) => {
                segments.push(prefix.as_os_str().to_string_lossy().replace('\\', "/"))
            }
            Component::RootDir => {}
            Component::CurDir => segments.push(".".to_string()),
            Component::ParentDir => segments.push("..".to_string()),
            Component::Normal(name) => {
                segments.push(utf8_percent_encode(&name.to_string_lossy(), SEGMENT).to_string())
            }
        }
    }
    segments.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Message;

    #[test]
    fn uris_are_relative_to_the_working_directory_and_encoded() {
        let cwd = Path::new("/home/tim");
        assert_eq!(artifact_uri("laporan.md", cwd), "laporan.md");
        assert_eq!(artifact_uri("./bab 3/laporan#1.md", cwd), "bab%203/laporan%231.md");
        assert_eq!(artifact_uri("/home/tim/a/b.md", cwd), "a/b.md");
        assert_eq!(artifact_uri("a/../Capaian 100%.md", cwd), "Capaian%20100%25.md");
        assert_eq!(artifact_uri("kinerja_2025-é.md", cwd), "kinerja_2025-%C3%A9.md");
        assert_eq!(artifact_uri("c:laporan.md", cwd), "c%3Alaporan.md");
    }

    #[test]
    fn paths_outside_the_working_directory_are_file_uris() {
        let cwd = Path::new("/home/tim");
        assert_eq!(artifact_uri("/tmp/x y.md", cwd), "file:///tmp/x%20y.md");
        assert_eq!(artifact_uri("../ana/a.md", cwd), "file:///home/ana/a.md");
        assert_eq!(artifact_uri("/tmp/a.md", Path::new("")), "file:///tmp/a.md");
        assert_eq!(artifact_uri("bab 3/a.md", Path::new("")), "bab%203/a.md");
    }

    #[test]
    fn regions_count_characters_after_a_byte_order_mark_and_bytes_on_disk() {
        let text = "\u{feff}Tabel – 1\n| 84,05 |\n";
        let source = SourceFile::new("r.md".into(), SourceKind::Markdown, text.into());
        let file = FileContext::new(&source, 0, Path::new("/"), Lang::En);
        let at = text.find("84,05").unwrap();
        let region = file.region(Span::new(at, at + 5));
        assert_eq!(
            (region.start_line, region.start_column, region.end_line, region.end_column),
            (Some(2), Some(3), Some(2), Some(8))
        );
        // "Tabel – 1\n" is ten characters and "| " two more; the BOM is none.
        assert_eq!((region.char_offset, region.char_length), (Some(12), Some(5)));
        assert_eq!((region.byte_offset, region.byte_length), (Some(at as i64), Some(5)));
    }

    #[test]
    fn a_rule_describes_itself_by_the_opening_of_its_documentation() {
        let a101 = RULES.iter().find(|r| r.code == "A101").unwrap();
        let descriptor = rule(a101);
        let full = descriptor.full_description.unwrap();
        assert!(full.text.starts_with("An achievement percentage that does not follow"));
        assert!(!full.text.contains('#'), "{}", full.text);
        assert_eq!(descriptor.help.unwrap().markdown, Some(a101.explanation()));
        assert_eq!(
            descriptor.default_configuration.unwrap().level,
            Some(serde_json::json!("error"))
        );
    }

    #[test]
    fn a_message_gives_the_values_it_does_not_say_and_the_note_below() {
        let finding = Finding::new(
            "A101",
            "wrong-percentage",
            Severity::Error,
            Message::plain("84,05 does not follow from its row"),
            Label::new(Span::new(0, 5), Message::plain("printed 84,05")),
        )
        .with_values("84,50", "84,05")
        .with_note(Message::plain("1.014 / 1.200 × 100 = 84,5"));
        assert_eq!(
            result_message(&finding, Lang::En),
            "84,05 does not follow from its row (expected 84,50, found 84,05)\n1.014 / 1.200 × 100 = 84,5"
        );
    }
}
