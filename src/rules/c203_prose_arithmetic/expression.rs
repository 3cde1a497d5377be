//! A computation parsed with the usual precedence, `\frac{a}{b}` as a division, and what
//! its shape says: which operators it uses, whether 100 is a factor, whether it is a range.

use super::tokens::{Bracket, Op, Operand, Tok, Token};
use rust_decimal::Decimal;

/// Parentheses nested deeper than this, or a computation longer than this many tokens, is
/// not one anyone writes out; the bounds keep every recursion over an expression shallow
/// whatever the input.
const MAX_DEPTH: usize = 32;
const MAX_TOKENS: usize = 256;

#[derive(Debug)]
pub enum Expr<'t> {
    Num(&'t Operand),
    Bin(Op, Box<Expr<'t>>, Box<Expr<'t>>),
}

/// Parses a whole segment as an expression; `None` unless every token belongs to it.
pub fn parse(tokens: &[Token]) -> Option<Expr<'_>> {
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

/// Is 100 a factor of the expression (`… × 100`, `… × 100%`)?
pub fn has_factor_of_hundred(expr: &Expr) -> bool {
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
pub fn uses(expr: &Expr, op: Op) -> bool {
    match expr {
        Expr::Num(_) => false,
        Expr::Bin(o, left, right) => *o == op || uses(left, op) || uses(right, op),
    }
}

/// `70 – 79`: two bare numbers, the first the smaller, read as a range.
pub fn is_range(expr: &Expr) -> bool {
    matches!(expr, Expr::Bin(Op::Sub, l, r)
        if matches!((l.as_ref(), r.as_ref()), (Expr::Num(a), Expr::Num(b)) if a.value < b.value))
}
