//! `--format concise`: one finding a line, `file:line:col: severity code message`, for
//! grep, editors' quickfix lists and a glance at a terminal.

use super::Finding;
use crate::messages::Lang;
use crate::msg;
use crate::read::SourceFile;

/// The lines of one file's findings.
pub fn render(source: &SourceFile, findings: &[Finding], lang: Lang) -> String {
    let mut out = String::new();
    for f in findings {
        let at = source.line_col(f.primary.span.start());
        out.push_str(&format!(
            "{}:{}:{}: {} {} {}{}\n",
            source.name,
            at.line,
            at.column,
            f.severity.as_str(),
            f.code,
            one_line(&f.message.render(lang)),
            values(f, lang),
        ));
    }
    out
}

/// " (expected 84,50, found 84,05)" when the finding gives both and its message does not
/// already say what was expected.
pub fn values(f: &Finding, lang: Lang) -> String {
    match (&f.expected, &f.found) {
        (Some(expected), Some(found)) if f.message.arg("expected") != Some(expected) => {
            let (expected, found) = (one_line(expected), one_line(found));
            format!(" ({})", msg!("ui.expected-found", expected, found).render(lang))
        }
        _ => String::new(),
    }
}

/// A message on one line: line breaks become spaces.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::{Label, Severity};
    use crate::messages::Message;
    use crate::read::SourceKind;
    use crate::span::Span;

    #[test]
    fn values_are_not_said_twice() {
        let finding = Finding::new(
            "A102",
            "wrong-total",
            Severity::Error,
            msg!("a102.message", place = "T", found = "61", whose = "x", expected = "59"),
            Label::new(Span::new(0, 2), Message::plain("here")),
        )
        .with_values("59", "61");
        assert_eq!(values(&finding, Lang::En), "");
        assert_eq!(
            values(&finding.clone().with_values("60", "61"), Lang::Id),
            " (seharusnya 60, tertulis 61)"
        );
    }

    #[test]
    fn one_line_per_finding_with_its_place() {
        let source =
            SourceFile::new("r.md".into(), SourceKind::Markdown, "Judul\n| 1 | 84,05 |\n".into());
        let finding = Finding::new(
            "A101",
            "wrong-percentage",
            Severity::Error,
            Message::plain("84,05 does not\nfollow"),
            Label::new(Span::new(12, 17), Message::plain("here")),
        )
        .with_values("84,50", "84,05");
        assert_eq!(
            render(&source, &[finding], Lang::En),
            "r.md:2:7: error A101 84,05 does not follow (expected 84,50, found 84,05)\n"
        );
    }
}
