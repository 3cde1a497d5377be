//! Reading a sentence as tokens: the figures the figure reader found, operators in plain
//! text and LaTeX (`×`, `x`, `\times`, `:`, `\frac`), brackets, `=`, and the stops (words,
//! junk digits, punctuation, inline code) that end a stretch of arithmetic.

use crate::facts::sentences::Sentence;
use crate::figures::{Figure, FigureKind};
use crate::span::Span;
use rust_decimal::Decimal;

/// A printed figure used as an operand or as a result.
#[derive(Debug, Clone)]
pub struct Operand {
    /// The value, sign included.
    pub value: Decimal,
    pub decimals: u32,
    pub percent: bool,
    /// The digits as printed (sign included, no `Rp`, `%` or unit).
    pub text: String,
    /// The span of those digits.
    pub digits: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Add,
    Sub,
    Mul,
    Div,
}

impl Op {
    pub fn precedence(self) -> u8 {
        match self {
            Op::Add | Op::Sub => 1,
            Op::Mul | Op::Div => 2,
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            Op::Add => "+",
            Op::Sub => "−",
            Op::Mul => "×",
            Op::Div => "/",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bracket {
    Paren,
    Brace,
}

/// What ends a stretch of arithmetic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// A word (or a LaTeX command other than an operator).
    Word,
    /// Digits that are not a figure: a year, a date, a code, a reference number.
    Junk,
    /// Punctuation, `$`, `%` on its own, inline code.
    Other,
}

#[derive(Debug, Clone)]
pub enum Tok {
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
pub struct Token {
    pub tok: Tok,
    pub span: Span,
}

/// The tokens of a sentence's file text, into `tokens` (emptied first: one list serves
/// every sentence of a report, instead of one grown anew for each). Figures come from the
/// figure reader (the sentence's figures, with file spans); everything else is read here.
pub fn tokenize_into(text: &str, sentence: &Sentence, tokens: &mut Vec<Token>) {
    tokens.clear();
    // A list item's span starts at its marker (`-`, `1.`): start at its text instead.
    let content = sentence.block.map.to_source(Span::new(0, 0)).start();
    let start = sentence.span.start().max(content).min(sentence.span.end());
    let end = sentence.span.end();
    let mut figures = sentence.figures.iter().peekable();
    let mut code = code_spans(text, start, end).into_iter().peekable();
    let mut i = start;
    while i < end {
        while figures.peek().is_some_and(|f| f.span.start() < i) {
            figures.next();
        }
        while code.peek().is_some_and(|c| c.start() < i) {
            code.next();
        }
        // Inline code is not prose, whatever it holds.
        if let Some(span) = code.next_if(|c| c.start() == i) {
            tokens.push(Token { tok: Tok::Stop(Stop::Other), span });
            i = span.end();
            continue;
        }
        if let Some(figure) = figures.next_if(|f| f.span.start() == i && f.span.end() > i) {
            push_figure(text, figure, tokens);
            i = figure.span.end();
            continue;
        }
        let next_figure = figures.peek().map_or(end, |f| f.span.start().max(i));
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
        let at = digits.start() + sign.len_utf8();
        tokens.push(Token { tok: Tok::Op(Op::Sub), span: Span::new(digits.start(), at) });
        let operand = Operand {
            value: -figure.value,
            decimals: figure.decimals,
            percent,
            text: printed.get(sign.len_utf8()..).unwrap_or_default().to_string(),
            digits: Span::new(at, digits.end()),
        };
        tokens.push(Token { tok: Tok::Num(operand), span: Span::new(at, figure.span.end()) });
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_spans_are_found_in_one_pass() {
        let text = "a `` b ` c `` d ``` e";
        let spans = code_spans(text, 0, text.len());
        let found: Vec<&str> = spans.iter().map(|s| &text[s.range()]).collect();
        assert_eq!(found, ["`` b ` c ``"]);
    }
}
