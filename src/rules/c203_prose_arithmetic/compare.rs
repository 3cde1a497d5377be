//! Comparing a computation with its printed result, read every way reports mean it, and
//! the finding when no reading gives it: the computation written out as the report wrote it.

use super::evaluate::{interval, value, Reading};
use super::expression::{has_factor_of_hundred, is_range, uses, Expr};
use super::tokens::{Op, Operand};
use super::CODE;
use crate::arith::computation::show_value;
use crate::arith::Interval;
use crate::diagnostics::{Finding, Label};
use crate::messages::Message;
use crate::msg;
use crate::rules::support::finding;
use crate::rules::worksheet::{CheckRecord, Verdict};
use crate::rules::Context;
use crate::span::Span;
use rust_decimal::Decimal;

/// The expression written out with its operands as printed and only the parentheses
/// it needs: `(812 − 1.103) / 1.103 × 100`.
fn render(expr: &Expr, reading: Reading) -> String {
    match expr {
        Expr::Num(operand) => {
            let mut s = operand.text.clone();
            if operand.percent && reading == Reading::AsFraction {
                s.push('%');
            }
            s
        }
        Expr::Bin(op, left, right) => {
            let l = render(left, reading);
            let r = render(right, reading);
            let l = if precedence(left) < op.precedence() { format!("({l})") } else { l };
            let right_needs = precedence(right) < op.precedence()
                || (precedence(right) == op.precedence() && matches!(op, Op::Sub | Op::Div))
                || r.starts_with(['-', '\u{2212}']);
            let r = if right_needs { format!("({r})") } else { r };
            format!("{l} {} {r}", op.symbol())
        }
    }
}

fn precedence(expr: &Expr) -> u8 {
    match expr {
        Expr::Num(_) => 3,
        Expr::Bin(op, _, _) => op.precedence(),
    }
}

fn negate(i: &Interval) -> Interval {
    Interval { lo: -i.hi, hi: -i.lo }
}

/// Does the computation, read this way, give the printed result (either sign) when one
/// unit of the result is worth `1 / scale`?
fn gives(
    ctx: &Context,
    expr: &Expr,
    result: &Operand,
    reading: Reading,
    scale: Decimal,
) -> Option<bool> {
    let rounding = ctx.knowledge.policy.rounding;
    let computed = interval(expr, reading, rounding)?;
    let mut printed = Interval::printed(result.value, result.decimals, rounding);
    if scale != Decimal::ONE {
        printed = printed.div_const(scale)?;
    }
    if computed.meets(&printed) || computed.meets(&negate(&printed)) {
        return Some(true);
    }
    // A percentage printed at a cap, where the computation reaches it.
    let capped = result.percent
        && uses(expr, Op::Div)
        && ctx.knowledge.policy.achievement_caps.contains(&result.value)
        && computed.hi.checked_mul(scale).is_some_and(|hi| hi >= result.value);
    Some(capped)
}

/// The operands of a computation, as printed.
fn operands(expr: &Expr, out: &mut Vec<String>) {
    match expr {
        Expr::Num(operand) => out.push(operand.text.clone()),
        Expr::Bin(_, left, right) => {
            operands(left, out);
            operands(right, out);
        }
    }
}

/// The worksheet's record of a computation written in a sentence, read the way that
/// gives its result (`holds`) or the way it is reported.
fn record(
    ctx: &Context,
    expr: &Expr,
    result: &Operand,
    reading: Reading,
    scale: Decimal,
    holds: bool,
) -> CheckRecord {
    let rounding = ctx.knowledge.policy.rounding;
    let recomputed = interval(expr, reading, rounding).and_then(|i| i.scale(scale));
    let exact = value(expr, reading).and_then(|v| v.checked_mul(scale));
    let printed = Interval::printed(result.value.abs(), result.decimals, rounding);
    let mut inputs = Vec::new();
    operands(expr, &mut inputs);
    let verdict = match (holds, &recomputed) {
        (false, _) => Verdict::Fails,
        (true, Some(r)) => {
            // The sign is the writer's: "(-)21,00%" for a decrease.
            let abs = if r.hi <= Decimal::ZERO { negate(r) } else { *r };
            match Verdict::judge(exact.map(|v| v.abs()), &abs, &printed) {
                // Held at a cap, or by the ratio read as a percentage.
                Verdict::Fails => Verdict::Holds,
                verdict => verdict,
            }
        }
        (true, None) => Verdict::Holds,
    };
    let mut formula = render(expr, reading);
    if scale != Decimal::ONE {
        formula.push_str(&format!(" × {}", show_value(scale, ctx.doc.locale)));
    }
    CheckRecord {
        code: CODE,
        place: msg!("worksheet.place-prose-computation"),
        row: None,
        span: result.digits,
        inputs,
        formula: Message::plain(formula),
        recomputed,
        printed: result.text.clone(),
        decimals: result.decimals,
        verdict,
        reported: false,
    }
}

/// What one unit of the result is worth in the computation: a percentage read as a
/// fraction is a hundredth.
fn result_scale(result: &Operand, reading: Reading) -> Decimal {
    if result.percent && reading == Reading::AsFraction {
        Decimal::ONE_HUNDRED
    } else {
        Decimal::ONE
    }
}

pub fn compare(ctx: &Context, expr: &Expr, expr_span: Span, result: &Operand) -> Option<Finding> {
    let mut ways = vec![
        (Reading::AsPrinted, Decimal::ONE),
        (Reading::AsFraction, result_scale(result, Reading::AsFraction)),
    ];
    // `16,40 / 20,00 = 82,00`: a ratio written as a percentage without `× 100` or `%`.
    if uses(expr, Op::Div) {
        ways.push((Reading::AsPrinted, Decimal::ONE_HUNDRED));
    }
    for (reading, scale) in ways {
        // A computation periksa cannot carry out (a divisor that may be zero, an
        // overflow) is no evidence of a slip.
        if gives(ctx, expr, result, reading, scale)? {
            ctx.record(|| record(ctx, expr, result, reading, scale, true));
            return None;
        }
    }
    if is_range(expr) && !result.value.is_sign_negative() {
        return None;
    }
    // Shown the way the writer most likely meant it: `… × 100 = 51,20%` and `85% − 80% = 5%`
    // as printed, `80% × 1.000 = 800` and `17.516 / 34.209 = 51,20%` with % as a hundredth.
    let additive = !uses(expr, Op::Mul) && !uses(expr, Op::Div);
    let reading = if result.percent && (has_factor_of_hundred(expr) || additive) {
        Reading::AsPrinted
    } else {
        Reading::AsFraction
    };
    let computed = value(expr, reading)?;
    let scale = result_scale(result, reading);
    ctx.record(|| record(ctx, expr, result, reading, scale, false));
    let expected_value = computed.checked_mul(scale)?;
    let sign: String = result.text.chars().take_while(|c| !c.is_ascii_digit()).collect();
    let expected = format!("{sign}{}", ctx.show(expected_value.abs(), result.decimals));
    let found = result.text.clone();
    let written = render(expr, reading);
    let locale = ctx.doc.locale;
    let mut note = format!("{written} = {}", show_value(computed, locale));
    if scale != Decimal::ONE {
        note.push_str(&format!(" = {}%", show_value(expected_value, locale)));
    }
    Some(
        finding(
            CODE,
            msg!("c203.message", found, written, expected),
            Label::new(result.digits, msg!("label.printed-expected", found, expected)),
        )
        .with_related(Label::new(expr_span, msg!("c203.label-computation")))
        .with_values(expected, found)
        .with_note(Message::plain(note)),
    )
}
