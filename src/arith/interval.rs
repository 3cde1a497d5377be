//! Closed intervals of exact decimals, and the interval a printed figure stands for.
//!
//! Every operation is checked: a figure too large for `Decimal` makes the computation
//! `None` (the check is skipped), never a panic.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// How the report turned exact values into printed ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rounding {
    /// Rounded to the nearest (half up, half even or half away from zero: a printed
    /// figure stands for the closed interval around it, so every tie rule is accepted).
    #[default]
    Round,
    /// Cut after the last printed decimal (what a spreadsheet's TRUNC does).
    Truncate,
}

/// The closed interval `[lo, hi]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    pub lo: Decimal,
    pub hi: Decimal,
}

/// `10^-k` as a decimal, for k up to 28.
fn unit(decimals: u32) -> Decimal {
    Decimal::new(1, decimals.min(28))
}

impl Interval {
    pub fn exact(value: Decimal) -> Interval {
        Interval { lo: value, hi: value }
    }

    /// The values that print as `value` with `decimals` decimals under `rounding`. (At
    /// the edge of what a decimal holds, the interval is cut there rather than overflow.)
    pub fn printed(value: Decimal, decimals: u32, rounding: Rounding) -> Interval {
        let unit = unit(decimals);
        match rounding {
            Rounding::Round => {
                let half = unit / Decimal::TWO;
                Interval { lo: value.saturating_sub(half), hi: value.saturating_add(half) }
            }
            Rounding::Truncate if value.is_sign_negative() && !value.is_zero() => {
                Interval { lo: value.saturating_sub(unit), hi: value }
            }
            Rounding::Truncate => Interval { lo: value, hi: value.saturating_add(unit) },
        }
    }

    /// A printed input of a computation: an integer is taken as exact (a count of people,
    /// a target set by decree), a figure with decimals as the interval it stands for.
    pub fn input(value: Decimal, decimals: u32, rounding: Rounding) -> Interval {
        if decimals == 0 {
            Interval::exact(value)
        } else {
            Interval::printed(value, decimals, rounding)
        }
    }

    pub fn is_exact(&self) -> bool {
        self.lo == self.hi
    }

    /// The middle of the interval: the value computed from the printed figures themselves.
    pub fn mid(&self) -> Option<Decimal> {
        self.lo.checked_add(self.hi).and_then(|s| s.checked_div(Decimal::TWO))
    }

    pub fn contains(&self, value: Decimal) -> bool {
        self.lo <= value && value <= self.hi
    }

    /// Do the two intervals share a value?
    pub fn meets(&self, other: &Interval) -> bool {
        self.lo <= other.hi && other.lo <= self.hi
    }

    pub fn add(&self, other: &Interval) -> Option<Interval> {
        Some(Interval { lo: self.lo.checked_add(other.lo)?, hi: self.hi.checked_add(other.hi)? })
    }

    pub fn sub(&self, other: &Interval) -> Option<Interval> {
        Some(Interval { lo: self.lo.checked_sub(other.hi)?, hi: self.hi.checked_sub(other.lo)? })
    }

    /// Multiplies by a constant.
    pub fn scale(&self, factor: Decimal) -> Option<Interval> {
        let a = self.lo.checked_mul(factor)?;
        let b = self.hi.checked_mul(factor)?;
        Some(Interval { lo: a.min(b), hi: a.max(b) })
    }

    /// Divides by a constant other than zero.
    pub fn div_const(&self, divisor: Decimal) -> Option<Interval> {
        if divisor.is_zero() {
            return None;
        }
        let a = self.lo.checked_div(divisor)?;
        let b = self.hi.checked_div(divisor)?;
        Some(Interval { lo: a.min(b), hi: a.max(b) })
    }

    /// `self × other`: the extremes are among the products of the ends.
    pub fn mul(&self, other: &Interval) -> Option<Interval> {
        self.combine_ends(other, Decimal::checked_mul)
    }

    /// `self / other`; `None` when `other` may be zero (never divide by what may be nothing).
    pub fn div(&self, other: &Interval) -> Option<Interval> {
        if other.contains(Decimal::ZERO) {
            return None;
        }
        self.combine_ends(other, Decimal::checked_div)
    }

    /// The interval spanned by `op` applied to every pair of ends: for × and ÷ (away from
    /// zero) the extremes are among these four values. `None` on overflow.
    fn combine_ends(
        &self,
        other: &Interval,
        op: fn(Decimal, Decimal) -> Option<Decimal>,
    ) -> Option<Interval> {
        let values = [
            op(self.lo, other.lo)?,
            op(self.lo, other.hi)?,
            op(self.hi, other.lo)?,
            op(self.hi, other.hi)?,
        ];
        let lo = values.iter().copied().min()?;
        let hi = values.iter().copied().max()?;
        Some(Interval { lo, hi })
    }

    /// The sum of many intervals; `None` for an empty list or on overflow.
    pub fn sum<'a>(items: impl IntoIterator<Item = &'a Interval>) -> Option<Interval> {
        let mut total: Option<Interval> = None;
        for item in items {
            total = Some(match total {
                None => *item,
                Some(t) => t.add(item)?,
            });
        }
        total
    }

    /// The mean of many intervals.
    pub fn mean(items: &[Interval]) -> Option<Interval> {
        let n = Decimal::from(items.len());
        Interval::sum(items)?.div_const(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn a_printed_figure_stands_for_its_rounding_interval() {
        let i = Interval::printed(d("51.20"), 2, Rounding::Round);
        assert_eq!((i.lo, i.hi), (d("51.195"), d("51.205")));
        let t = Interval::printed(d("51.20"), 2, Rounding::Truncate);
        assert_eq!((t.lo, t.hi), (d("51.20"), d("51.21")));
        let n = Interval::printed(d("-26.38"), 2, Rounding::Truncate);
        assert_eq!((n.lo, n.hi), (d("-26.39"), d("-26.38")));
        assert!(Interval::input(d("17516"), 0, Rounding::Round).is_exact());
    }

    #[test]
    fn percent_of_printed_inputs_meets_printed_result() {
        let r = Interval::input(d("17516"), 0, Rounding::Round);
        let t = Interval::input(d("34209"), 0, Rounding::Round);
        let pct = r.div(&t).unwrap().scale(d("100")).unwrap();
        assert!(pct.meets(&Interval::printed(d("51.20"), 2, Rounding::Round)));
        assert!(!pct.meets(&Interval::printed(d("51.02"), 2, Rounding::Round)));
    }

    #[test]
    fn division_by_an_interval_that_may_be_zero_is_refused() {
        let zero = Interval::printed(d("0"), 0, Rounding::Round);
        assert!(Interval::exact(d("1")).div(&zero).is_none());
        assert!(Interval::exact(d("1")).div(&Interval::exact(Decimal::ZERO)).is_none());
    }

    #[test]
    fn overflow_gives_none_not_a_panic() {
        let big = Interval::exact(Decimal::MAX);
        assert!(big.add(&big).is_none());
        assert!(big.scale(d("100")).is_none());
    }

    #[test]
    fn mean_of_intervals() {
        let items = [Interval::exact(d("1")), Interval::exact(d("2"))];
        assert_eq!(Interval::mean(&items).unwrap(), Interval::exact(d("1.5")));
        assert!(Interval::mean(&[]).is_none());
    }
}
