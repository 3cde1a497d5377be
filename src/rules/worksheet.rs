//! The worksheet: a record of every check performed, passed or failed.
//!
//! An internal auditor must show what was checked, not only what failed. While the checks
//! run with a worksheet open ([`Context::recording`]), each comparison of a printed figure
//! with its recomputation is recorded: where it is, the inputs as printed, the formula, the
//! values the inputs allow, the printed value and the verdict. Without a worksheet the
//! checks record nothing and pay nothing: a record is built only when one is open.

use super::Context;
use crate::arith::Interval;
use crate::facts::TableFacts;
use crate::messages::Message;
use crate::span::Span;
use rust_decimal::Decimal;

/// What a check concluded about one printed figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verdict {
    /// The formula, applied to the figures as printed, gives the printed value.
    Holds,
    /// It does not, but values the printed inputs stand for (rounded as printed) do: the
    /// difference is rounding, and no finding is made.
    HoldsByRounding,
    /// No value the inputs stand for gives the printed value.
    Fails,
}

impl Verdict {
    /// The verdict on a printed figure (`printed`, its interval `printed_interval`) whose
    /// recomputation gives `exact` from the figures as printed and `recomputed` from the
    /// values they stand for.
    pub fn judge(exact: Option<Decimal>, recomputed: &Interval, printed: &Interval) -> Verdict {
        if exact.is_some_and(|v| printed.contains(v)) {
            Verdict::Holds
        } else if recomputed.meets(printed) {
            Verdict::HoldsByRounding
        } else {
            Verdict::Fails
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Verdict::Holds => "holds",
            Verdict::HoldsByRounding => "holds-by-rounding",
            Verdict::Fails => "fails",
        }
    }
}

/// One check performed.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckRecord {
    pub code: &'static str,
    /// The table and column (or the sentence) of the figure checked.
    pub place: Message,
    /// The row's label, for a table figure.
    pub row: Option<String>,
    /// The printed figure checked.
    pub span: Span,
    /// The inputs, as printed.
    pub inputs: Vec<String>,
    /// How the figure is recomputed, with the inputs as printed (`1.014 / 1.200 × 100`),
    /// or in words when it holds another way.
    pub formula: Message,
    /// The values the recomputation allows, from the values the inputs stand for.
    pub recomputed: Option<Interval>,
    /// The figure as printed, and its number of decimals.
    pub printed: String,
    pub decimals: u32,
    pub verdict: Verdict,
    /// Whether a finding reports this figure (filled in once the checks are done): a
    /// failing figure goes unreported when it follows from another one found wrong (a total
    /// over a wrong part) or when a comment suppresses it.
    pub reported: bool,
}

impl Context<'_> {
    /// Records a check when a worksheet is open; `record` is not called otherwise.
    pub fn record(&self, record: impl FnOnce() -> CheckRecord) {
        if let Some(worksheet) = &self.worksheet {
            worksheet.borrow_mut().push(record());
        }
    }

    /// Whether checks are being recorded.
    pub fn recording(&self) -> bool {
        self.worksheet.is_some()
    }
}

/// The label a row goes by in the worksheet: its indicator's name, else its first words
/// ("Jumlah", "Rata-rata").
pub fn row_label(facts: &TableFacts, row: usize) -> Option<String> {
    if let Some((name, _)) = &facts.rows[row].name {
        return Some(name.clone());
    }
    facts.table.rows[row]
        .cells
        .iter()
        .find(|c| c.is_text() && !c.is_empty())
        .map(|c| c.text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arith::Rounding;

    fn printed(value: &str, decimals: u32) -> Interval {
        Interval::printed(value.parse().unwrap(), decimals, Rounding::Round)
    }

    #[test]
    fn verdicts() {
        let exact = |v: &str| Some(v.parse::<Decimal>().unwrap());
        let around = Interval { lo: "84.46".parse().unwrap(), hi: "84.54".parse().unwrap() };
        // 1.014 / 1.200 × 100 = 84,5: printed 84,50 holds.
        assert_eq!(Verdict::judge(exact("84.5"), &around, &printed("84.50", 2)), Verdict::Holds);
        // Printed 84,52: the exact value does not print so, values the inputs allow do.
        assert_eq!(
            Verdict::judge(exact("84.5"), &around, &printed("84.52", 2)),
            Verdict::HoldsByRounding
        );
        assert_eq!(Verdict::judge(exact("84.5"), &around, &printed("84.05", 2)), Verdict::Fails);
    }
}
