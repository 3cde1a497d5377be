//! # C203 `wrong-prose-arithmetic`
//!
//! Arithmetic written out in prose or LaTeX math whose printed result does not follow from
//! its own operands: "2.450 + 1.320 = 3.870", "$17.516/34.209 \times 100 = 61,20\%$".
//!
//! ## What it checks
//!
//! A computation written in a sentence — numbers, operators and parentheses, then `=` and
//! the result — is recomputed and its result compared with the one printed. Operators are
//! `+`; `-`, `−` or `–`; `×`, `x`, `\times`, `\cdot`; `/`, `:`, `÷`, `\div` and
//! `\frac{a}{b}`, with the usual precedence. The shapes reports use are read alike as
//! plain text and inside `$…$` or `$$…$$`:
//!
//! - `(812 − 1.103) / (1.103) × 100% = (−)26,38%`
//! - `17.516 : 34.209 x 100% = 51,20%`
//! - `Rp 1.200.000 × 12 bulan = Rp 14.400.000`
//!
//! The result is the figure right after `=`. In a chain (`a + b = c = d`) each computation
//! is compared with a single figure that follows it; a figure compared with a figure, or a
//! computation with a computation, is left alone.
//!
//! Only figures the figure reader accepts take part: a year, a date, a regulation number
//! (`Nomor 53 Tahun 2014`), a phone number or a letter code (`3/20888/PK.02.02/VIII/2020`)
//! is not an operand, and a computation that touches one is not checked. Neither is a
//! formula with names in it (`\frac{(Pg_t - Pg_{t-1})}{(Pg_{t-1})} \times 100\%`), a
//! definition (`Pg_t = 812 Kasus`), a lone `= 5`, a result written first
//! (`51,20% = 17.516 / 34.209 × 100%`), or inline code. A colon spaced on one side only
//! (`Sasaran 1: 45 + 5 = 50`) is punctuation, and a computation that opens with a small
//! whole number and a colon (`Sasaran 1 : 45 + 5`) may be a label: it is left alone.
//! Numbers glued to an operator or a command (`812-1.103`, `\times100`) or written with a
//! LaTeX decimal comma (`26{,}38`) are not read as figures, so their computation is missed,
//! never misread.
//!
//! ## Rounding, signs and percentages
//!
//! Integer operands are exact; an operand with decimals stands for the interval of its
//! printed precision, and so does the result. A finding is reported only when the
//! recomputed interval and the printed one cannot meet.
//!
//! A decrease is often written as a positive number (`= 26,38%` for −26,38): the sign of
//! the result is not compared, only its size. A percentage is read both ways reports
//! mean it: `× 100%` as a factor of 100 (`17.516 / 34.209 × 100% = 51,20%`) and `80%` as
//! 0,8 (`80% × 1.000 = 800`); the result is accepted when either reading gives it, and a
//! ratio may be printed as a percentage without `× 100` (`16,40 / 20,00 = 82,00`). A
//! percentage printed at one of the achievement caps of `rules/policy.yaml` is accepted
//! when a ratio gives at least the cap (`130 / 100 × 100% = 120%`). A difference of two bare numbers whose
//! first is the smaller one (`70 – 79 = 3`) is a range on a scale, not a subtraction.
//!
//! ## Example
//!
//! ```text
//! Capaian = $(1.240 - 1.550) / (1.550) \times 100\% = (-)21,00\%$
//! ```
//!
//! (1.240 − 1.550) / 1.550 × 100 = −20; the result should be (-)20,00.

use super::support::finding;
use super::Context;
use crate::arith::computation::show_value;
use crate::arith::{Interval, Rounding};
use crate::diagnostics::{Finding, Label};
use crate::facts::sentences::{sentences, Sentence};
use crate::figures::{Figure, FigureKind};
use crate::span::Span;
use rust_decimal::Decimal;

const CODE: &str = "C203";

/// Parentheses nested deeper than this, or a computation longer than this many tokens, is
/// not one anyone writes out; the bounds keep every recursion over an expression shallow
/// whatever the input.
const MAX_DEPTH: usize = 32;
const MAX_TOKENS: usize = 256;

pub fn check(ctx: &Context, findings: &mut Vec<Finding>) {
    let text = ctx.doc.source.text.as_str();
    for sentence in sentences(ctx.doc) {
        let tokens = tokenize(text, &sentence);
        for run in runs(&tokens) {
            check_run(ctx, text, &run, findings);
        }
    }
}

// ---- tokens ----

/// A printed figure used as an operand or as a result.
#[derive(Debug, Clone)]
struct Operand {
    /// The value, sign included.
    value: Decimal,
    decimals: u32,
    percent: bool,
    /// The digits as printed (sign included, no `Rp`, `%` or unit).
    text: String,
    /// The span of those digits.
    digits: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Add,
    Sub,
    Mul,
    Div,
}

impl Op {
    fn precedence(self) -> u8 {
        match self {
            Op::Add | Op::Sub => 1,
            Op::Mul | Op::Div => 2,
        }
    }

    fn symbol(self) -> &'static str {
        match self {
            Op::Add => "+",
            Op::Sub => "−",
            Op::Mul => "×",
            Op::Div => "/",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bracket {
    Paren,
    Brace,
}

/// What ends a stretch of arithmetic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    /// A word (or a LaTeX command other than an operator).
    Word,
    /// Digits that are not a figure: a year, a date, a code, a reference number.
    Junk,
    /// Punctuation, `$`, `%` on its own, inline code.
    Other,
}

#[derive(Debug, Clone)]
enum Tok {
    Num(Operand),
    Op(Op),
    Open(Bracket),
    Close(Bracket),
    /// `\frac`, followed by two brace groups.
    Frac,
    Eq,
    Stop(Stop),
}

/// Tokens compare by kind; numbers are never compared.
impl PartialEq for Tok {
    fn eq(&self, other: &Tok) -> bool {
        match (self, other) {
            (Tok::Open(a), Tok::Open(b)) | (Tok::Close(a), Tok::Close(b)) => a == b,
            (Tok::Op(a), Tok::Op(b)) => a == b,
            (Tok::Frac, Tok::Frac) | (Tok::Eq, Tok::Eq) => true,
            (Tok::Stop(a), Tok::Stop(b)) => a == b,
            _ => false,
        }
    }
}

#[derive(Debug, Clone)]
struct Token {
    tok: Tok,
    span: Span,
}

/// The tokens of a sentence's file text. Figures come from the figure reader (the
/// sentence's figures, with file spans); everything else is read here.
fn tokenize(text: &str, sentence: &Sentence) -> Vec<Token> {
    // A list item's span starts at its marker (`-`, `1.`): start at its text instead.
    let content = sentence.block.map.to_source(Span::new(0, 0)).start;
    let start = sentence.span.start.max(content).min(sentence.span.end);
    let end = sentence.span.end;
    let mut figures = sentence.figures.iter().peekable();
    let mut code = code_spans(text, start, end).into_iter().peekable();
    let mut tokens: Vec<Token> = Vec::new();
    let mut i = start;
    while i < end {
        while figures.peek().is_some_and(|f| f.span.start < i) {
            figures.next();
        }
        while code.peek().is_some_and(|c| c.start < i) {
            code.next();
        }
        // Inline code is not prose, whatever it holds.
        if let Some(span) = code.next_if(|c| c.start == i) {
            tokens.push(Token { tok: Tok::Stop(Stop::Other), span });
            i = span.end;
            continue;
        }
        if let Some(figure) = figures.next_if(|f| f.span.start == i && f.span.end > i) {
            push_figure(text, figure, &mut tokens);
            i = figure.span.end;
            continue;
        }
        let next_figure = figures.peek().map_or(end, |f| f.span.start.max(i));
        let Some(rest) = text.get(i..end) else { break };
        let Some(c) = rest.chars().next() else { break };
        let (tok, len) =
            if c == ':' { (Some(colon(text, i)), 1) } else { read_token(rest, c, next_figure - i) };
        if let Some(tok) = tok {
            tokens.push(Token { tok, span: Span::new(i, i + len) });
        }
        i += len.max(1);
        while i < end && !text.is_char_boundary(i) {
            i += 1;
        }
    }
    tokens
}

/// `17.516 : 34.209` divides; `Sasaran 1: 45 + 5` is a label and its colon, spaced on one
/// side only, is punctuation.
fn colon(text: &str, at: usize) -> Tok {
    let before = text.get(..at).and_then(|t| t.chars().next_back());
    let after = text.get(at + 1..).and_then(|t| t.chars().next());
    let spaced = |c: Option<char>| c.is_some_and(char::is_whitespace);
    if spaced(before) == spaced(after) {
        Tok::Op(Op::Div)
    } else {
        Tok::Stop(Stop::Other)
    }
}

/// The inline code spans of `text[start..end]`: a run of backticks up to the next run of the
/// same length. One pass over the runs, so that unclosed runs cost nothing more.
fn code_spans(text: &str, start: usize, end: usize) -> Vec<Span> {
    let Some(part) = text.get(start..end) else { return Vec::new() };
    let bytes = part.as_bytes();
    let mut runs: Vec<(usize, usize)> = Vec::new(); // (offset, length)
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'`' {
            let len = bytes[i..].iter().take_while(|b| **b == b'`').count();
            runs.push((i, len));
            i += len;
        } else {
            i += 1;
        }
    }
    // For each run, the next run of the same length.
    let mut next_same: Vec<Option<usize>> = vec![None; runs.len()];
    let mut last_of_length: std::collections::HashMap<usize, usize> = Default::default();
    for (k, (_, len)) in runs.iter().enumerate().rev() {
        next_same[k] = last_of_length.insert(*len, k);
    }
    let mut spans = Vec::new();
    let mut k = 0;
    while k < runs.len() {
        match next_same[k] {
            Some(close) => {
                let (open_at, _) = runs[k];
                let (close_at, close_len) = runs[close];
                spans.push(Span::new(start + open_at, start + close_at + close_len));
                k = close + 1;
            }
            None => k += 1,
        }
    }
    spans
}

/// A figure as a number token. A sign glued to a figure right after an operand
/// (`812 -1.103`) is the operator, not the figure's sign.
fn push_figure(text: &str, figure: &Figure, tokens: &mut Vec<Token>) {
    let digits = figure.number_span;
    let printed = text.get(digits.range()).unwrap_or_default();
    let after_operand = tokens.last().is_some_and(|t| matches!(t.tok, Tok::Num(_) | Tok::Close(_)));
    let sign = printed.chars().next().filter(|c| matches!(c, '-' | '\u{2212}'));
    let percent = figure.kind == FigureKind::Percent;
    if let (Some(sign), true) = (sign, after_operand) {
        let at = digits.start + sign.len_utf8();
        tokens.push(Token { tok: Tok::Op(Op::Sub), span: Span::new(digits.start, at) });
        let operand = Operand {
            value: -figure.value,
            decimals: figure.decimals,
            percent,
            text: printed.get(sign.len_utf8()..).unwrap_or_default().to_string(),
            digits: Span::new(at, digits.end),
        };
        tokens.push(Token { tok: Tok::Num(operand), span: Span::new(at, figure.span.end) });
        return;
    }
    let operand = Operand {
        value: figure.value,
        decimals: figure.decimals,
        percent,
        text: printed.to_string(),
        digits,
    };
    tokens.push(Token { tok: Tok::Num(operand), span: figure.span });
}

/// The token at the start of `rest` (whose first char is `c`) and its length in bytes;
/// `None` for what is skipped (space, emphasis marks, LaTeX spacing). A word never runs
/// into the next figure, `limit` bytes on.
fn read_token(rest: &str, c: char, limit: usize) -> (Option<Tok>, usize) {
    let one = c.len_utf8();
    let tok = match c {
        c if c.is_whitespace() || c == '*' => return (None, one),
        '(' => Tok::Open(Bracket::Paren),
        ')' => Tok::Close(Bracket::Paren),
        '{' => Tok::Open(Bracket::Brace),
        '}' => Tok::Close(Bracket::Brace),
        '+' => Tok::Op(Op::Add),
        '-' | '\u{2212}' | '–' => Tok::Op(Op::Sub),
        '×' | '·' | '⋅' | '∙' => Tok::Op(Op::Mul),
        '/' | '÷' => Tok::Op(Op::Div),
        '=' => Tok::Eq,
        '\\' => return latex_command(rest),
        c if c.is_alphanumeric() || c == '_' => return word(rest, limit),
        _ => Tok::Stop(Stop::Other),
    };
    (Some(tok), one)
}

/// `\times`, `\frac`, `\left(` … : the command and its length.
fn latex_command(rest: &str) -> (Option<Tok>, usize) {
    let name_len = rest[1..].chars().take_while(char::is_ascii_alphabetic).count();
    if name_len == 0 {
        // `\,` `\;` `\!` `\ ` are spacing; `\%` alone, `\(` and the rest are not arithmetic.
        return match rest[1..].chars().next() {
            Some(',' | ';' | '!' | ' ') => (None, 2),
            Some(other) => (Some(Tok::Stop(Stop::Other)), 1 + other.len_utf8()),
            None => (Some(Tok::Stop(Stop::Other)), 1),
        };
    }
    let len = 1 + name_len;
    let tok = match &rest[1..len] {
        "times" | "cdot" | "ast" => Tok::Op(Op::Mul),
        "div" => Tok::Op(Op::Div),
        "frac" | "dfrac" | "tfrac" => Tok::Frac,
        "left" | "right" | "big" | "Big" | "bigl" | "bigr" | "Bigl" | "Bigr" => return (None, len),
        _ => Tok::Stop(Stop::Word),
    };
    (Some(tok), len)
}

/// A word: `x` between numbers multiplies; a word with digits is what the figure reader
/// refused (a year, a code); any other word ends the arithmetic.
fn word(rest: &str, limit: usize) -> (Option<Tok>, usize) {
    let mut len = 0;
    for c in rest.chars() {
        if len >= limit || !(c.is_alphanumeric() || c == '_') {
            break;
        }
        len += c.len_utf8();
    }
    let len = len.max(rest.chars().next().map_or(1, char::len_utf8));
    let w = &rest[..len];
    let tok = if w == "x" || w == "X" {
        Tok::Op(Op::Mul)
    } else if w.chars().any(|c| c.is_ascii_digit()) {
        Tok::Stop(Stop::Junk)
    } else {
        Tok::Stop(Stop::Word)
    };
    (Some(tok), len)
}

// ---- runs and equalities ----

/// A stretch of arithmetic tokens, with what stops it on either side.
struct Run<'t> {
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
fn runs(tokens: &[Token]) -> Vec<Run<'_>> {
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

fn check_run(ctx: &Context, text: &str, run: &Run, findings: &mut Vec<Finding>) {
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

// ---- expressions ----

#[derive(Debug)]
enum Expr<'t> {
    Num(&'t Operand),
    Bin(Op, Box<Expr<'t>>, Box<Expr<'t>>),
}

/// Parses a whole segment as an expression; `None` unless every token belongs to it.
fn parse(tokens: &[Token]) -> Option<Expr<'_>> {
    if tokens.len() > MAX_TOKENS {
        return None;
    }
    let mut parser = Parser { tokens, pos: 0, depth: 0 };
    let expr = parser.sum()?;
    (parser.pos == tokens.len()).then_some(expr)
}

struct Parser<'t> {
    tokens: &'t [Token],
    pos: usize,
    depth: usize,
}

impl<'t> Parser<'t> {
    fn peek(&self) -> Option<&'t Tok> {
        self.tokens.get(self.pos).map(|t| &t.tok)
    }

    fn next_op(&mut self, ops: [Op; 2]) -> Option<Op> {
        match self.peek() {
            Some(Tok::Op(op)) if ops.contains(op) => {
                self.pos += 1;
                Some(*op)
            }
            _ => None,
        }
    }

    fn sum(&mut self) -> Option<Expr<'t>> {
        let mut left = self.product()?;
        while let Some(op) = self.next_op([Op::Add, Op::Sub]) {
            left = Expr::Bin(op, Box::new(left), Box::new(self.product()?));
        }
        Some(left)
    }

    fn product(&mut self) -> Option<Expr<'t>> {
        let mut left = self.factor()?;
        while let Some(op) = self.next_op([Op::Mul, Op::Div]) {
            left = Expr::Bin(op, Box::new(left), Box::new(self.factor()?));
        }
        Some(left)
    }

    fn factor(&mut self) -> Option<Expr<'t>> {
        match self.peek()? {
            Tok::Num(operand) => {
                self.pos += 1;
                Some(Expr::Num(operand))
            }
            Tok::Open(bracket) => self.group(*bracket),
            Tok::Frac => {
                self.pos += 1;
                let top = self.group(Bracket::Brace)?;
                let bottom = self.group(Bracket::Brace)?;
                Some(Expr::Bin(Op::Div, Box::new(top), Box::new(bottom)))
            }
            _ => None,
        }
    }

    /// `( … )` or `{ … }`.
    fn group(&mut self, bracket: Bracket) -> Option<Expr<'t>> {
        if self.peek() != Some(&Tok::Open(bracket)) || self.depth >= MAX_DEPTH {
            return None;
        }
        self.pos += 1;
        self.depth += 1;
        let inner = self.sum()?;
        self.depth -= 1;
        if self.peek() != Some(&Tok::Close(bracket)) {
            return None;
        }
        self.pos += 1;
        Some(inner)
    }
}

/// How a `%` operand counts: `× 100%` as a factor of 100, or `80%` as 0,8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    AsPrinted,
    AsFraction,
}

fn operand_value(operand: &Operand, reading: Reading) -> Option<Decimal> {
    if operand.percent && reading == Reading::AsFraction {
        operand.value.checked_div(Decimal::ONE_HUNDRED)
    } else {
        Some(operand.value)
    }
}

/// The values the expression may have, given the intervals its printed operands stand for.
fn interval(expr: &Expr, reading: Reading, rounding: Rounding) -> Option<Interval> {
    match expr {
        Expr::Num(operand) => {
            let value = operand_value(operand, reading)?;
            let printed = Interval::input(operand.value, operand.decimals, rounding);
            if value == operand.value {
                Some(printed)
            } else {
                printed.div_const(Decimal::ONE_HUNDRED)
            }
        }
        Expr::Bin(op, left, right) => {
            let a = interval(left, reading, rounding)?;
            let b = interval(right, reading, rounding)?;
            match op {
                Op::Add => a.add(&b),
                Op::Sub => a.sub(&b),
                Op::Mul => multiply(&a, &b),
                Op::Div => a.div(&b),
            }
        }
    }
}

/// The product of two intervals: the extremes are among the products of their ends.
fn multiply(a: &Interval, b: &Interval) -> Option<Interval> {
    let products = [
        a.lo.checked_mul(b.lo)?,
        a.lo.checked_mul(b.hi)?,
        a.hi.checked_mul(b.lo)?,
        a.hi.checked_mul(b.hi)?,
    ];
    let lo = products.iter().copied().min()?;
    let hi = products.iter().copied().max()?;
    Some(Interval { lo, hi })
}

/// The value computed from the operands as printed.
fn value(expr: &Expr, reading: Reading) -> Option<Decimal> {
    match expr {
        Expr::Num(operand) => operand_value(operand, reading),
        Expr::Bin(op, left, right) => {
            let a = value(left, reading)?;
            let b = value(right, reading)?;
            match op {
                Op::Add => a.checked_add(b),
                Op::Sub => a.checked_sub(b),
                Op::Mul => a.checked_mul(b),
                Op::Div if b.is_zero() => None,
                Op::Div => a.checked_div(b),
            }
        }
    }
}

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

/// Is 100 a factor of the expression (`… × 100`, `… × 100%`)?
fn has_factor_of_hundred(expr: &Expr) -> bool {
    let hundred = |e: &Expr| matches!(e, Expr::Num(o) if o.value == Decimal::ONE_HUNDRED);
    match expr {
        Expr::Num(_) => false,
        Expr::Bin(Op::Mul, left, right) => {
            hundred(left) || hundred(right) || has_factor_of_hundred(left)
        }
        Expr::Bin(Op::Div, left, _) => has_factor_of_hundred(left),
        Expr::Bin(_, _, _) => false,
    }
}

/// Does the expression use `op` anywhere?
fn uses(expr: &Expr, op: Op) -> bool {
    match expr {
        Expr::Num(_) => false,
        Expr::Bin(o, left, right) => *o == op || uses(left, op) || uses(right, op),
    }
}

/// `70 – 79`: two bare numbers, the first the smaller, read as a range.
fn is_range(expr: &Expr) -> bool {
    matches!(expr, Expr::Bin(Op::Sub, l, r)
        if matches!((l.as_ref(), r.as_ref()), (Expr::Num(a), Expr::Num(b)) if a.value < b.value))
}

// ---- comparison ----

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

/// What one unit of the result is worth in the computation: a percentage read as a
/// fraction is a hundredth.
fn result_scale(result: &Operand, reading: Reading) -> Decimal {
    if result.percent && reading == Reading::AsFraction {
        Decimal::ONE_HUNDRED
    } else {
        Decimal::ONE
    }
}

fn compare(ctx: &Context, expr: &Expr, expr_span: Span, result: &Operand) -> Option<Finding> {
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
            format!("{found} does not follow from {written} (expected {expected})"),
            Label::new(result.digits, format!("printed {found}, expected {expected}")),
        )
        .with_related(Label::new(expr_span, "the computation"))
        .with_values(expected, found)
        .with_note(note),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::Knowledge;
    use crate::read::{read_document, ReadOptions, SourceFile, SourceKind};

    /// The (expected, found) of every finding of this check on `text`, read as `kind`.
    fn findings_in(text: &str, kind: SourceKind) -> Vec<(String, String)> {
        let source = SourceFile::new("t".into(), kind, text.into());
        let doc = read_document(source, &ReadOptions::default());
        let knowledge = Knowledge::builtin();
        let ctx = Context::new(&doc, &knowledge);
        let mut out = Vec::new();
        check(&ctx, &mut out);
        out.into_iter()
            .map(|f| (f.expected.unwrap_or_default(), f.found.unwrap_or_default()))
            .collect()
    }

    fn md(text: &str) -> Vec<(String, String)> {
        findings_in(text, SourceKind::Markdown)
    }

    fn pair(expected: &str, found: &str) -> Vec<(String, String)> {
        vec![(expected.to_string(), found.to_string())]
    }

    #[test]
    fn right_computations_are_silent() {
        for text in [
            "Penurunan kasus = $(812 - 1.103) / (1.103) \\times 100\\% = (-)26,38\\%$\n",
            "Penurunan kasus = (812 − 1.103) / (1.103) × 100% = (−)26,38%\n",
            "Capaian ($17.516/34.209 \\times 100 = 51,20\\%$).\n",
            "$$\\frac{17.516}{34.209} \\times 100\\% = 51,20\\%$$\n",
            "Capaian 17.516 : 34.209 x 100% = 51,20%.\n",
            "Jumlah 2.450 + 1.320 = 3.770 orang.\n",
            "Biaya Rp 1.200.000 × 12 bulan = Rp 14.400.000 setahun.\n",
            "Sebanyak 80% × 1.000 = 800 orang.\n",
            "Rasio 17.516/34.209 = 51,20%.\n",
        ] {
            assert_eq!(md(text), vec![], "{text}");
        }
    }

    #[test]
    fn a_decrease_without_its_sign_is_silent() {
        assert_eq!(md("Penurunan = $(812 - 1.103) / (1.103) \\times 100\\% = 26,38\\%$\n"), []);
    }

    #[test]
    fn slips_are_reported_in_the_report_s_notation() {
        assert_eq!(md("Jumlah 2.450 + 1.320 = 3.870 orang.\n"), pair("3.770", "3.870"));
        assert_eq!(
            md("Turun = $(812 - 1.103) / (1.103) \\times 100\\% = (-)27,38\\%$\n"),
            pair("(-)26,38", "(-)27,38")
        );
        assert_eq!(md("Capaian 17.516 : 34.209 x 100% = 52,20%.\n"), pair("51,20", "52,20"));
        assert_eq!(md("Sebanyak 80% × 1.000 = 700 orang.\n"), pair("800", "700"));
    }

    #[test]
    fn what_is_not_arithmetic_is_left_alone() {
        for text in [
            "$$\\frac{(Pg_t - Pg_{t-1})}{(Pg_{t-1})} \\times 100\\%$$\n",
            "Pg_t = 812 Kasus\n",
            "Pg_{t-1} = 1.103 Kasus\n",
            "Renstra Tahun 2020 - 2024 = 5 dokumen.\n",
            "Periode 2020 – 2024 = 5 tahun.\n",
            "Peraturan Nomor 53 Tahun 2014 = pedoman.\n",
            "Surat 3/20888/PK.02.02/VIII/2020 = 4 lembar.\n",
            "Telp. 022-7333212 = kantor.\n",
            "Nilai = 5\n",
            "Skor 70 – 79 = 3 (baik).\n",
            "Contoh `2 + 2 = 5` dalam kode.\n",
            "Tahun 2024 - 5 + 3 = 8.\n",
            "x = 5 dan 2x + 3 = 7.\n",
            "Realisasi / Target × 100% = 51,20%.\n",
            "Nilai (2 + 3) × 4 = 20 = 21.\n",
            "1 / 0 = 5 dan 1 / (1 - 1) = 2.\n",
            "Sasaran 1: 45 + 5 = 50 orang.\n",
            "Sasaran 2 : 45 + 5 = 50 orang.\n",
            "Kode `` 2 + 2 = 5 `` dan ` 3 + 3 = 7 `.\n",
            "Capaian 130 / 100 × 100% = 120%.\n",
            "Capaian 16,40/20,00 = 82,00 pada indikator laju.\n",
        ] {
            assert_eq!(md(text), vec![], "{text}");
        }
    }

    #[test]
    fn a_label_colon_is_punctuation_and_a_cap_holds_only_for_a_ratio() {
        assert_eq!(md("Sasaran 1: 45 + 5 = 60 orang.\n"), pair("50", "60"));
        assert_eq!(md("Jumlah pegawai : 120 + 15 = 145 orang.\n"), pair("135", "145"));
        assert_eq!(md("Nilai 70% + 60% = 120%.\n"), pair("130", "120"));
    }

    #[test]
    fn code_spans_are_found_in_one_pass() {
        let text = "a `` b ` c `` d ``` e";
        let spans = code_spans(text, 0, text.len());
        let found: Vec<&str> = spans.iter().map(|s| &text[s.range()]).collect();
        assert_eq!(found, ["`` b ` c ``"]);
    }

    #[test]
    fn deep_parentheses_are_given_up_without_a_stack_overflow() {
        let deep = format!("Nilai {}1 + 1{} = 3\n", "(".repeat(5000), ")".repeat(5000));
        assert_eq!(md(&deep), vec![]);
    }

    #[test]
    fn long_computations_are_given_up_without_a_stack_overflow() {
        let long = format!("Nilai {}1 = 3\n", "1 + ".repeat(50_000));
        assert_eq!(md(&long), vec![]);
        let fine = format!("Nilai {}1 = 30\n", "1 + ".repeat(20));
        assert_eq!(md(&fine), pair("21", "30"));
    }

    #[test]
    fn chains_check_each_computation_against_the_figure_after_it() {
        assert_eq!(md("Total 2 + 3 = 6 = 6.\n"), pair("5", "6"));
        assert_eq!(md("Nilai 17.516/34.209 = 0,51 × 100% = 53%.\n"), pair("51", "53"));
    }

    #[test]
    fn plain_text_reads_the_same() {
        let text = "Penurunan kasus = (812 − 1.103) / (1.103) × 100% = (−)28,38%\n";
        assert_eq!(findings_in(text, SourceKind::PlainText), pair("(−)26,38", "(−)28,38"));
    }

    #[test]
    fn expressions_render_with_the_parentheses_they_need() {
        let text = "Turun = $\\frac{812 - 1.103}{1.103} \\times 100\\% = 20\\%$\n";
        let source = SourceFile::new("t".into(), SourceKind::Markdown, text.into());
        let doc = read_document(source, &ReadOptions::default());
        let knowledge = Knowledge::builtin();
        let ctx = Context::new(&doc, &knowledge);
        let mut out = Vec::new();
        check(&ctx, &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].note.as_deref(), Some("(812 − 1.103) / 1.103 × 100 = -26,3825…"));
    }
}
