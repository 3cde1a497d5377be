//! Digits confirmed in words, "84 (delapan puluh empat) orang": the words must say the
//! same number as the digits.

use super::CODE;
use crate::diagnostics::{Finding, Label};
use crate::figures::words::to_number_words;
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
        findings.push(
            finding(
                CODE,
                format!(
                    "{digits} is written “{found}”, which is {} (expected “{expected}”)",
                    ctx.show(said, 0)
                ),
                Label::new(words.span, format!("says {}", ctx.show(said, 0))),
            )
            .with_related(Label::new(figure.number_span, format!("says {digits}")))
            .with_values(expected, found)
            .with_note("the digits and the words give two numbers; one of them is a slip"),
        );
    }
}
