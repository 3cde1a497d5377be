//! Digits confirmed in words, "84 (delapan puluh empat) orang": the words must say the
//! same number as the digits.

use super::CODE;
use crate::diagnostics::{Applicability, Finding, Fix, Label};
use crate::figures::words::to_number_words;
use crate::figures::NumberWords;
use crate::msg;
use crate::rules::support::finding;
use crate::rules::Context;

pub fn check_number_words(ctx: &Context, findings: &mut Vec<Finding>) {
    for (_, figure) in ctx.doc.prose_figures() {
        let Some(words) = &figure.words else { continue };
        let Some(said) = words.value else { continue };
        if said == figure.value {
            continue;
        }
        // Only whole counts have words to compare with.
        if !figure.value.fract().is_zero() {
            continue;
        }
        let Ok(count) = u64::try_from(figure.value.normalize()) else { continue };
        let digits = ctx.digits(figure);
        let expected = to_number_words(count);
        let found = words.text.clone();
        let said = ctx.show(said, 0);
        findings.push(
            finding(
                CODE,
                msg!("c205.words-message", digits, found, said, words = expected),
                Label::new(words.span, msg!("c205.label-says", n = said)),
            )
            .with_related(Label::new(figure.number_span, msg!("c205.label-says", n = digits)))
            .with_fix(words_fix(ctx, words, &expected))
            .with_values(expected, found)
            .with_note(msg!("c205.words-note")),
        );
    }
}

/// The words are derived from the digits: rewriting them as the digits say is safe, when
/// their span holds them as read (a .docx's spans are of its text view, not of the file).
fn words_fix(ctx: &Context, words: &NumberWords, expected: &str) -> Option<Fix> {
    let source = &ctx.doc.source;
    let exact = source.kind != crate::read::SourceKind::Docx
        && source.text.get(words.span.range()) == Some(words.text.as_str());
    exact.then(|| Fix::replace(words.span, expected, Applicability::Safe))
}
