//! What the checks share about suggested fixes: an edit of a figure's digits that is sure
//! to fall on them, and the rule that a fix built on a suspicious input is not safe.

use super::Context;
use crate::diagnostics::{Applicability, Finding, Fix};
use crate::figures::Figure;
use crate::read::SourceKind;
use crate::span::Span;
use rust_decimal::Decimal;
use std::collections::HashSet;

impl Context<'_> {
    /// A fix that prints `value` with `figure`'s decimals in place of its digits (its sign,
    /// `Rp.`, `%`, `,-` and unit stay as printed), or `None` when the edit could land on
    /// the wrong bytes: a .docx (whose spans are of a text view, not of the file), a cell
    /// whose text is not its source bytes (`exact` false), or a figure whose span does not
    /// hold its digits. Negative figures are left alone: their signs are printed in too
    /// many ways (`(-)26,38`, `−3`) to rewrite them faithfully.
    pub fn figure_fix(
        &self,
        figure: &Figure,
        exact: bool,
        value: Decimal,
        applicability: Applicability,
    ) -> Option<Fix> {
        let replacement = self.show(value, figure.decimals);
        self.digits_fix(figure, exact, replacement, applicability)
    }

    /// [`Context::figure_fix`] with the replacement already printed (a table's digits).
    pub fn digits_fix(
        &self,
        figure: &Figure,
        exact: bool,
        replacement: String,
        applicability: Applicability,
    ) -> Option<Fix> {
        if figure.value.is_sign_negative() || replacement.starts_with('-') {
            return None;
        }
        let span = figure.number_span;
        if !exact || !self.span_is_exact(span, &figure_digits(self, figure)) {
            return None;
        }
        if self.doc.source.slice(span) == replacement {
            return None;
        }
        Some(Fix::replace(span, replacement, applicability))
    }

    /// Whether the file's bytes under `span` are `expected` (compared by their digits) in
    /// a file whose spans are byte offsets of the file itself.
    pub fn span_is_exact(&self, span: Span, expected: &str) -> bool {
        if self.doc.source.kind == SourceKind::Docx {
            return false;
        }
        let Some(text) = self.doc.source.text.get(span.range()) else { return false };
        let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
        !text.is_empty() && digits(text) == digits(expected)
    }
}

/// The digits a figure's value prints as, for comparing with its span's bytes.
fn figure_digits(ctx: &Context, figure: &Figure) -> String {
    ctx.doc.locale.format(figure.value.abs(), figure.decimals)
}

/// A fix whose finding points (in a related label) at a place another finding reports is
/// built on a suspicious input: a total whose part is also wrong, a percentage whose
/// realisation is questioned. It stays a suggestion, never applied without `--unsafe`.
pub fn doubt_fixes_on_suspicious_inputs(findings: &mut [Finding]) {
    let reported: HashSet<Span> = findings.iter().map(|f| f.primary.span).collect();
    for finding in findings.iter_mut() {
        let doubtful = finding
            .related
            .iter()
            .any(|l| l.span != finding.primary.span && reported.contains(&l.span));
        if doubtful {
            finding.fix = finding.fix.take().map(|fix| fix.at_most(Applicability::Unsafe));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::fix::apply;
    use crate::knowledge::Knowledge;
    use crate::read::{read_document, ReadOptions, SourceFile};
    use crate::rules::check_document;
    use std::path::Path;

    /// The findings of a rule fixture, with the source it was read from.
    fn check(code: &str, file: &str) -> (SourceFile, Vec<Finding>) {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/rules").join(code).join(file);
        let source = SourceFile::load(&path).expect("the fixture is readable");
        let knowledge = Knowledge::builtin();
        let options = ReadOptions { units: knowledge.units.clone(), ..ReadOptions::default() };
        let doc = read_document(source, &options);
        let findings = check_document(&doc, &knowledge);
        (doc.source, findings)
    }

    /// Each fix of a check replaces exactly the printed (found) value by the expected one,
    /// inside the finding's primary span; applying the safe ones leaves no finding of the
    /// check at those places; the valid twin has no fix.
    fn fixes_replace_the_derived_figure(code: &str, file: &str) {
        let (source, findings) = check(code, file);
        let fixed: Vec<&Finding> =
            findings.iter().filter(|f| f.code == code && f.fix.is_some()).collect();
        assert!(!fixed.is_empty(), "{code} {file}: no fix proposed");
        let mut safe = Vec::new();
        for finding in &fixed {
            let fix = finding.fix.as_ref().unwrap();
            let [edit] = &fix.edits[..] else { panic!("{code}: one edit per fix") };
            let (primary, span) = (finding.primary.span, edit.span);
            assert!(
                primary.start() <= span.start() && span.end() <= primary.end(),
                "{code}: in the primary"
            );
            assert_eq!(
                Some(source.slice(span)),
                finding.found.as_deref(),
                "{code}: the found digits"
            );
            assert_eq!(Some(edit.replacement.as_str()), finding.expected.as_deref());
            if fix.applicability == Applicability::Safe {
                safe.push(edit.clone());
            }
        }
        assert!(!safe.is_empty(), "{code} {file}: no safe fix");
        let text = apply(&source.text, &safe).expect("the fixes do not overlap");
        let again = SourceFile::new(source.name.clone(), source.kind, text);
        let knowledge = Knowledge::builtin();
        let options = ReadOptions { units: knowledge.units.clone(), ..ReadOptions::default() };
        let doc = read_document(again, &options);
        let left = check_document(&doc, &knowledge);
        for edit in &safe {
            let at = edit.span.start();
            assert!(
                !left.iter().any(|f| f.code == code
                    && (f.primary.span.start()
                        ..f.primary.span.end().max(f.primary.span.start() + 1))
                        .contains(&at)),
                "{code} {file}: still reported at byte {at} after the fix: {:?}",
                left.iter()
                    .filter(|f| f.code == code)
                    .map(|f| (f.primary.span, f.message.render(crate::messages::Lang::En)))
                    .collect::<Vec<_>>()
            );
        }
        let valid = file.replace("invalid", "valid");
        let (_, clean) = check(code, &valid);
        assert!(clean.iter().all(|f| f.fix.is_none()), "{code} {valid}: a fix on a clean twin");
    }

    #[test]
    fn a101_fixes_the_percentage_only() {
        fixes_replace_the_derived_figure("A101", "invalid.md");
    }

    #[test]
    fn a102_fixes_the_total_only() {
        fixes_replace_the_derived_figure("A102", "invalid.md");
        fixes_replace_the_derived_figure("A102", "invalid.txt");
    }

    #[test]
    fn c202_fixes_the_prose_repetition() {
        fixes_replace_the_derived_figure("C202", "invalid.md");
        fixes_replace_the_derived_figure("C202", "invalid.txt");
    }

    #[test]
    fn c205_rewrites_the_number_words_from_the_digits() {
        fixes_replace_the_derived_figure("C205", "invalid.md");
    }
}
