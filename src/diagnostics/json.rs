//! The JSON contract (version 1) of `periksa check --format json`.
//!
//! Lines and columns are 1-based, columns counted in characters; `start`/`end` are byte
//! offsets into the file as it is on disk. Fields may be added later; these never change
//! meaning.

use super::{Finding, Label};
use crate::messages::Lang;
use crate::read::SourceFile;
use serde::Serialize;

pub const VERSION: u32 = 1;

#[derive(Debug, Serialize)]
pub struct Report<'a> {
    pub version: u32,
    pub files: Vec<FileReport<'a>>,
}

#[derive(Debug, Serialize)]
pub struct FileReport<'a> {
    pub path: &'a str,
    /// Why the file could not be checked, when it could not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    pub diagnostics: Vec<Diagnostic<'a>>,
}

#[derive(Debug, Serialize)]
pub struct Diagnostic<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub severity: &'a str,
    pub message: String,
    pub primary: Location,
    pub related: Vec<RelatedLocation>,
    pub expected: Option<&'a str>,
    pub found: Option<&'a str>,
    pub note: Option<String>,
    /// The suggested fix, when the right value follows from other figures.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<JsonFix>,
}

/// A suggested fix: `safe` ones are what `periksa fix` applies, `unsafe` ones need
/// `--unsafe`.
#[derive(Debug, Serialize)]
pub struct JsonFix {
    pub applicability: &'static str,
    pub edits: Vec<JsonEdit>,
}

/// One replacement: the bytes `start..end` (at `line`:`column`) become `replacement`.
#[derive(Debug, Serialize)]
pub struct JsonEdit {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub replacement: String,
}

fn json_fix(source: &SourceFile, fix: &super::Fix) -> JsonFix {
    JsonFix {
        applicability: fix.applicability.as_str(),
        edits: fix
            .edits
            .iter()
            .map(|e| {
                let at = source.line_col(e.span.start());
                JsonEdit {
                    start: e.span.start(),
                    end: e.span.end(),
                    line: at.line,
                    column: at.column,
                    replacement: e.replacement.clone(),
                }
            })
            .collect(),
    }
}

#[derive(Debug, Serialize)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub start: usize,
    pub end: usize,
    /// For a .docx: the paragraph, or table, row and column, of the start.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<crate::read::docx::Place>,
}

#[derive(Debug, Serialize)]
pub struct RelatedLocation {
    #[serde(flatten)]
    pub location: Location,
    pub message: String,
}

fn location(source: &SourceFile, label: &Label) -> Location {
    let start = source.line_col(label.span.start());
    let end = source.line_col(label.span.end());
    Location {
        line: start.line,
        column: start.column,
        end_line: end.line,
        end_column: end.column,
        start: label.span.start(),
        end: label.span.end(),
        location: source.place(label.span.start()),
    }
}

/// The JSON entry of one checked file, its messages in `lang`.
pub fn file_report<'a>(
    source: &'a SourceFile,
    findings: &'a [Finding],
    lang: Lang,
) -> FileReport<'a> {
    FileReport {
        path: &source.name,
        error: None,
        diagnostics: findings
            .iter()
            .map(|f| Diagnostic {
                code: f.code,
                name: f.name,
                severity: f.severity.as_str(),
                message: f.message.render(lang),
                primary: location(source, &f.primary),
                related: f
                    .related
                    .iter()
                    .map(|l| RelatedLocation {
                        location: location(source, l),
                        message: l.message.render(lang),
                    })
                    .collect(),
                expected: f.expected.as_deref(),
                found: f.found.as_deref(),
                note: f.note.as_ref().map(|n| n.render(lang)),
                fix: f.fix.as_ref().map(|fix| json_fix(source, fix)),
            })
            .collect(),
    }
}
