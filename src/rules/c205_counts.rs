//! # C205 `count-mismatch`
//!
//! A count written twice that says two numbers: digits and the Indonesian words in
//! parentheses after them disagree.
//!
//! ## What it checks
//!
//! Reports confirm a count in words: "84 (delapan puluh empat) orang", "4 (empat) misi",
//! "5 (LIMA) IKU". The words are read as a number (nol … triliun, belas, puluh, ratus,
//! ribu, juta, miliar, the se- forms, in any case) and must equal the digits. Words in
//! parentheses that are not a number ("(PNS)", "(dua kali lipat)") are left alone.
//!
//! Either side may be the slip, so the finding names both: the expected words are those of
//! the digits, and the note gives the number the words say.
//!
//! ## Example
//!
//! ```text
//! Jumlah pegawai sebanyak 84 (delapan puluh tiga) orang.
//! ```
//!
//! 84 is "delapan puluh empat"; the words say 83.

use super::support::finding;
use super::Context;
use crate::diagnostics::{Finding, Label};
use crate::figures::words::to_number_words;

const CODE: &str = "C205";

pub fn check(ctx: &Context, findings: &mut Vec<Finding>) {
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
