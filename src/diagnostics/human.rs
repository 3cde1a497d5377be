//! Findings for people at a terminal, rendered by codespan-reporting: the lines involved,
//! the primary place underlined, related places labelled, then the expected value and the
//! computation.

use super::{Finding, Severity};
use crate::read::SourceFile;
use codespan_reporting::diagnostic::{Diagnostic, Label as CsLabel, Severity as CsSeverity};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor::WriteColor, Config, Styles, StylesWriter};

fn to_diagnostic(finding: &Finding) -> Diagnostic<()> {
    let severity = match finding.severity {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Info => CsSeverity::Note,
    };
    let mut labels =
        vec![CsLabel::primary((), finding.primary.span.range())
            .with_message(&finding.primary.message)];
    labels.extend(
        finding
            .related
            .iter()
            .map(|l| CsLabel::secondary((), l.span.range()).with_message(&l.message)),
    );
    let mut notes = Vec::new();
    match (&finding.expected, &finding.found) {
        (Some(expected), Some(found)) => notes.push(format!("expected {expected}, found {found}")),
        (Some(expected), None) => notes.push(format!("expected {expected}")),
        _ => {}
    }
    if let Some(note) = &finding.note {
        notes.push(note.clone());
    }
    Diagnostic::new(severity)
        .with_code(format!("{}/{}", finding.code, finding.name))
        .with_message(&finding.message)
        .with_labels(labels)
        .with_notes(notes)
}

/// Writes `findings` of `source` to a colour-capable writer (colour only if it has any).
pub fn emit(
    writer: &mut dyn WriteColor,
    source: &SourceFile,
    findings: &[Finding],
) -> std::io::Result<()> {
    let file = SimpleFile::new(source.name.as_str(), source.text.as_str());
    let config = Config::default();
    let styles = Styles::default();
    let mut styled = StylesWriter::new(writer, &styles);
    for finding in findings {
        term::emit_to_write_style(&mut styled, &config, &file, &to_diagnostic(finding)).map_err(
            |err| match err {
                // Keep the kind of a write error, so that a closed pipe (`| head`) stays one.
                codespan_reporting::files::Error::Io(io) => io,
                other => std::io::Error::other(other),
            },
        )?;
    }
    Ok(())
}

/// The same rendering without colour, as a string (for tests and snapshots).
pub fn render_to_string(source: &SourceFile, findings: &[Finding]) -> String {
    let file = SimpleFile::new(source.name.as_str(), source.text.as_str());
    let config = Config::default();
    let mut out = String::new();
    for finding in findings {
        // A span outside the file would be a bug in a check; show the rest regardless.
        let _ = term::emit_to_string(&mut out, &config, &file, &to_diagnostic(finding));
    }
    out
}
