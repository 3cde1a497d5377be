//! # C207 `impossible-proportion`
//!
//! A percentage of a whole number of things that no whole number of them gives: "35,7%
//! dari 28 pegawai" is not k / 28 × 100 for any whole k (the GRIM test).
//!
//! ## What it checks
//!
//! A percentage followed by "dari" and a whole count ("dari 28 pegawai", "dari 1.103
//! kasus", "dari total 40 orang"): some whole k from 0 to the count must give a percentage
//! that prints as the one shown. 10 of 28 is 35,71…%, which prints as 35,71 or 35,7, never
//! 35,8. A percentage of a target ("dari target 80%") or of another percentage is not a
//! share of a count and is left alone.
//!
//! ## Rounding
//!
//! The printed percentage stands for the interval of its rounding; the check asks whether
//! any whole k lands in it, so a correctly rounded share never fires.
//!
//! ## Example
//!
//! ```text
//! Sebanyak 35,8% dari 28 pegawai telah mengikuti pelatihan.
//! ```
//!
//! 10 of 28 is 35,71% and 11 of 28 is 39,29%: no whole number of 28 gives 35,8%.

use super::support::finding;
use super::Context;
use crate::diagnostics::{Finding, Label};
use crate::figures::FigureKind;
use regex::Regex;
use rust_decimal::Decimal;
use std::sync::LazyLock;

const CODE: &str = "C207";

/// Between a percentage and its whole: "dari", "dari total", "dari jumlah".
static OF_A_WHOLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*dari\s+(total\s+|jumlah\s+|seluruh\s+|sebanyak\s+)?$")
        .expect("a valid pattern")
});

pub fn check(ctx: &Context, findings: &mut Vec<Finding>) {
    let text = ctx.doc.source.text.as_str();
    for block in &ctx.doc.blocks {
        for pair in block.figures.windows(2) {
            let (share, whole) = (&pair[0], &pair[1]);
            if share.kind != FigureKind::Percent
                || whole.kind == FigureKind::Percent
                || whole.kind == FigureKind::Money
                || whole.decimals != 0
                || whole.value < Decimal::ONE
                || share.value.is_sign_negative()
            {
                continue;
            }
            let Some(between) = text.get(share.span.end..whole.span.start) else { continue };
            if !OF_A_WHOLE.is_match(between) {
                continue;
            }
            let printed = ctx.printed(share);
            let n = whole.value;
            // The whole k with k / n × 100 in the printed interval: from ⌈lo·n/100⌉ to
            // ⌊hi·n/100⌋.
            let bound =
                |v: Decimal| v.checked_mul(n).and_then(|x| x.checked_div(Decimal::ONE_HUNDRED));
            let (Some(lo), Some(hi)) = (bound(printed.lo), bound(printed.hi)) else { continue };
            let first = lo.ceil().max(Decimal::ZERO);
            if first <= hi.floor() {
                continue;
            }
            // The nearest whole share, to say what could have been meant.
            let Some(nearest_k) = bound(share.value).map(|k| k.round()) else { continue };
            let Some(nearest) =
                nearest_k.checked_mul(Decimal::ONE_HUNDRED).and_then(|x| x.checked_div(n))
            else {
                continue;
            };
            let found = ctx.digits(share);
            let expected = ctx.show(nearest, share.decimals);
            let whole_digits = ctx.digits(whole);
            findings.push(
                finding(
                    CODE,
                    format!(
                        "{found}% of {whole_digits} is no whole number of them (the nearest is {} of {whole_digits}, {expected}%)",
                        ctx.show(nearest_k, 0)
                    ),
                    Label::new(share.span, format!("no whole k gives {found}%")),
                )
                .with_related(Label::new(whole.span, "the whole"))
                .with_values(expected, found)
                .with_note(format!(
                    "k / {whole_digits} × 100 for whole k: {} of {whole_digits} is {}",
                    ctx.show(nearest_k, 0),
                    crate::arith::computation::show_value(nearest, ctx.doc.locale)
                )),
            );
        }
    }
}
