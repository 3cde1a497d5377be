//! `--format github`: workflow commands that GitHub Actions shows as annotations on the
//! lines of the pull request (`::error file=…,line=…,col=…::message`).
//!
//! The values are escaped as the runner reads them: `%`, CR and LF in the message;
//! those and `:` and `,` in the properties.

use super::concise::values;
use super::{Finding, Severity};
use crate::messages::Lang;
use crate::read::SourceFile;

/// The annotations of one file's findings, one a line.
pub fn render(source: &SourceFile, findings: &[Finding], lang: Lang) -> String {
    let mut out = String::new();
    for f in findings {
        let start = source.line_col(f.primary.span.start());
        let end = source.line_col(f.primary.span.end());
        let command = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut message = format!("{}{}", f.message.render(lang), values(f, lang));
        if let Some(note) = &f.note {
            message.push('\n');
            message.push_str(&note.render(lang));
        }
        out.push_str(&format!(
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
            property(&source.name),
            start.line,
            start.column,
            end.line,
            end.column,
            property(&format!("{} {}", f.code, f.name)),
            data(&message),
        ));
    }
    out
}

fn data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Label;
    use crate::messages::Message;
    use crate::read::SourceKind;
    use crate::span::Span;

    #[test]
    fn annotations_escape_what_the_runner_reads() {
        let source =
            SourceFile::new("a,b.md".into(), SourceKind::Markdown, "x\n| 84,05 % |\n".into());
        let finding = Finding::new(
            "A101",
            "wrong-percentage",
            Severity::Warning,
            Message::plain("50% of: it"),
            Label::new(Span::new(4, 9), Message::plain("here")),
        )
        .with_note(Message::plain("line one\nline two"));
        assert_eq!(
            render(&source, &[finding], Lang::En),
            "::warning file=a%2Cb.md,line=2,col=3,endLine=2,endColumn=8,title=A101 wrong-percentage::50%25 of: it%0Aline one%0Aline two\n"
        );
    }
}
