//! Findings for people at a terminal, rendered by codespan-reporting: the lines involved,
//! the primary place underlined, related places labelled, then the expected value and the
//! computation.

use super::{Applicability, Finding, Severity};
use crate::messages::{Lang, Message};
use crate::msg;
use crate::read::SourceFile;
use codespan_reporting::diagnostic::{Diagnostic, Label as CsLabel, Severity as CsSeverity};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor::WriteColor, Config, Styles, StylesWriter};

fn to_diagnostic(source: &SourceFile, finding: &Finding, lang: Lang) -> Diagnostic<()> {
    let severity = match finding.severity {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Info => CsSeverity::Note,
    };
    let mut labels = vec![CsLabel::primary((), finding.primary.span.range())
        .with_message(finding.primary.message.render(lang))];
    labels.extend(
        finding
            .related
            .iter()
            .map(|l| CsLabel::secondary((), l.span.range()).with_message(l.message.render(lang))),
    );
    let mut notes = Vec::new();
    match (&finding.expected, &finding.found) {
        (Some(expected), Some(found)) => {
            notes.push(msg!("ui.expected-found", expected, found).render(lang))
        }
        (Some(expected), None) => notes.push(msg!("ui.expected", expected).render(lang)),
        _ => {}
    }
    if let Some(note) = &finding.note {
        notes.push(note.render(lang));
    }
    notes.extend(help(source, finding).map(|m| m.render(lang)));
    Diagnostic::new(severity)
        .with_code(format!("{}/{}", finding.code, finding.name))
        .with_message(finding.message.render(lang))
        .with_labels(labels)
        .with_notes(notes)
}

/// Writes `findings` of `source` to a colour-capable writer (colour only if it has any).
pub fn emit(
    writer: &mut dyn WriteColor,
    source: &SourceFile,
    findings: &[Finding],
    lang: Lang,
) -> std::io::Result<()> {
    let file = SimpleFile::new(source.name.as_str(), source.text.as_str());
    let config = Config::default();
    let styles = Styles::default();
    let mut styled = StylesWriter::new(writer, &styles);
    for finding in findings {
        term::emit_to_write_style(
            &mut styled,
            &config,
            &file,
            &to_diagnostic(source, finding, lang),
        )
        .map_err(|err| match err {
            // Keep the kind of a write error, so that a closed pipe (`| head`) stays one.
            codespan_reporting::files::Error::Io(io) => io,
            other => std::io::Error::other(other),
        })?;
    }
    Ok(())
}

/// The same rendering without colour, as a string (for tests and snapshots).
pub fn render_to_string(source: &SourceFile, findings: &[Finding], lang: Lang) -> String {
    let file = SimpleFile::new(source.name.as_str(), source.text.as_str());
    let config = Config::default();
    let mut out = String::new();
    for finding in findings {
        // A span outside the file would be a bug in a check; show the rest regardless.
        let _ =
            term::emit_to_string(&mut out, &config, &file, &to_diagnostic(source, finding, lang));
    }
    out
}

/// "help: replace 84,05 with 84,50", one line for each edit of the finding's fix.
fn help<'a>(source: &'a SourceFile, finding: &'a Finding) -> impl Iterator<Item = Message> + 'a {
    let fix = finding.fix.iter();
    fix.flat_map(move |fix| {
        fix.edits.iter().map(move |edit| {
            let found = source.text.get(edit.span.range()).unwrap_or_default();
            let replacement = edit.replacement.as_str();
            let replace = msg!("fix.replace", found, replacement);
            match fix.applicability {
                Applicability::Safe => msg!("fix.help", replace),
                Applicability::Unsafe => msg!("fix.help-unsafe", replace),
            }
        })
    })
}
