//! Finding the computations in a sentence's tokens: each stretch of arithmetic that holds
//! a `=`, and in it each computation with the single figure printed after its `=`.

use super::compare::compare;
use super::expression::{parse, Expr};
use super::tokens::{Bracket, Op, Operand, Stop, Tok, Token};
use crate::diagnostics::Finding;
use crate::rules::Context;
use rust_decimal::Decimal;

/// A stretch of arithmetic tokens, with what stops it on either side.
pub struct Run<'t> {
    tokens: &'t [Token],
    before: Option<Stop>,
    after: Option<Stop>,
}

fn stop_of(token: &Token) -> Option<Stop> {
    match token.tok {
        Tok::Stop(stop) => Some(stop),
        _ => None,
    }
}

/// The maximal stretches of tokens between stops that hold a `=`.
pub fn runs(tokens: &[Token]) -> Vec<Run<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..=tokens.len() {
        let at_stop = tokens.get(i).is_none_or(|t| stop_of(t).is_some());
        if !at_stop {
            continue;
        }
        let slice = &tokens[start..i];
        if slice.iter().any(|t| matches!(t.tok, Tok::Eq)) {
            out.push(Run {
                tokens: slice,
                before: start.checked_sub(1).and_then(|b| tokens.get(b)).and_then(stop_of),
                after: tokens.get(i).and_then(stop_of),
            });
        }
        start = i + 1;
    }
    out
}

pub fn check_run(ctx: &Context, text: &str, run: &Run, findings: &mut Vec<Finding>) {
    // Arithmetic that starts right after a year or a code may have begun with it.
    if run.before == Some(Stop::Junk) {
        return;
    }
    let mut tokens = run.tokens;
    // `Jumlah pegawai : 120 + 15 = 135`: a colon that opens the arithmetic is punctuation.
    if let Some(first) = tokens.first() {
        if matches!(first.tok, Tok::Op(Op::Div)) && text.get(first.span.range()) == Some(":") {
            tokens = &tokens[1..];
        }
    }
    let segments: Vec<&[Token]> = tokens.split(|t| matches!(t.tok, Tok::Eq)).collect();
    let last = segments.len().saturating_sub(1);
    for (i, pair) in segments.windows(2).enumerate() {
        let lhs = if i == 0 { strip_open_parens(pair[0]) } else { pair[0] };
        if i == 0 && starts_with_label(text, lhs) {
            continue;
        }
        let is_last = i + 1 == last;
        if is_last && run.after == Some(Stop::Junk) {
            continue;
        }
        let Some(result) = result_of(pair[1], is_last) else { continue };
        let Some(expr) = parse(lhs) else { continue };
        if matches!(expr, Expr::Num(_)) {
            continue;
        }
        let span = match (lhs.first(), lhs.last()) {
            (Some(a), Some(b)) => a.span.cover(b.span),
            _ => continue,
        };
        if let Some(f) = compare(ctx, &expr, span, result) {
            findings.push(f);
        }
    }
}

/// `Sasaran 1 : 45 + 5 = 50` reads as a label and a sum as well as a division: a small
/// whole number before a `:` that opens the computation makes it ambiguous.
fn starts_with_label(text: &str, lhs: &[Token]) -> bool {
    let [first, second, ..] = lhs else { return false };
    let Tok::Num(n) = &first.tok else { return false };
    let small_whole = n.decimals == 0 && !n.percent && n.value < Decimal::ONE_THOUSAND;
    small_whole && text.get(second.span.range()) == Some(":")
}

/// Drops the `(` that open before the computation and close after its result:
/// `(17.516 : 34.209 x 100% = 51,20%)`.
fn strip_open_parens(segment: &[Token]) -> &[Token] {
    let opens = segment.iter().filter(|t| matches!(t.tok, Tok::Open(Bracket::Paren))).count();
    let closes = segment.iter().filter(|t| matches!(t.tok, Tok::Close(Bracket::Paren))).count();
    let excess = opens.saturating_sub(closes);
    let leading = segment.iter().take_while(|t| matches!(t.tok, Tok::Open(Bracket::Paren))).count();
    if excess > 0 && leading >= excess {
        &segment[excess..]
    } else {
        segment
    }
}

/// The printed result of a computation: a single figure. After the last `=` it may be
/// followed by the `)` of an enclosing remark, or by the `(` of a remark in words.
fn result_of(segment: &[Token], is_last: bool) -> Option<&Operand> {
    let (first, rest) = segment.split_first()?;
    let Tok::Num(result) = &first.tok else { return None };
    let trailing_ok = rest.is_empty()
        || (is_last
            && (rest.iter().all(|t| matches!(t.tok, Tok::Close(Bracket::Paren)))
                || (rest.len() == 1 && matches!(rest[0].tok, Tok::Open(Bracket::Paren)))));
    trailing_ok.then_some(result)
}
