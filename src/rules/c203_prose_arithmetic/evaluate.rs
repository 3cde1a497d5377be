//! The value of a computation: exact from its operands as printed, and the interval it may
//! take given the precision each operand is printed to.

use super::expression::Expr;
use super::tokens::{Op, Operand};
use crate::arith::{Interval, Rounding};
use rust_decimal::Decimal;

/// How a `%` operand counts: `× 100%` as a factor of 100, or `80%` as 0,8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
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
pub fn interval(expr: &Expr, reading: Reading, rounding: Rounding) -> Option<Interval> {
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
                Op::Mul => a.mul(&b),
                Op::Div => a.div(&b),
            }
        }
    }
}

/// The value computed from the operands as printed.
pub fn value(expr: &Expr, reading: Reading) -> Option<Decimal> {
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
