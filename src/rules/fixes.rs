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
