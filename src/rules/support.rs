//! What the checks share: reading a cell as an input of a computation, and making a
//! finding with the check's registered code, name and severity.

use super::{Context, RULES};
use crate::arith::{Interval, Rounding};
use crate::diagnostics::{Finding, Label, Severity};
use crate::facts::TableFacts;
use crate::figures::lexer::CellFigure;
use crate::figures::Figure;
use crate::messages::Message;
use crate::span::Span;
use crate::tables::Cell;
use rust_decimal::Decimal;

/// A printed figure used in a computation.
#[derive(Debug, Clone)]
pub struct Input {
    /// The values the printed figure stands for.
    pub interval: Interval,
    /// The value as printed.
    pub value: Decimal,
    /// The digits as printed (`17.516`), for the computation shown to the reader.
    pub text: String,
    /// The cell (or prose figure) it comes from.
    pub span: Span,
}

/// What a cell gives a computation.
#[derive(Debug, Clone)]
pub enum Slot {
    /// A figure.
    Known(Input),
    /// `-`: zero in a sum of counts, not applicable in a ratio.
    Nil(Span),
    /// Empty: unknown.
    Blank(Span),
    /// Words: not a figure.
    Text,
}

impl Context<'_> {
    /// The digits of a figure as printed.
    pub fn digits(&self, figure: &Figure) -> String {
        self.doc.source.slice(figure.number_span).to_string()
    }

    /// A figure as an input of a computation.
    pub fn input(&self, figure: &Figure, span: Span) -> Input {
        Input {
            interval: Interval::input(
                figure.value,
                figure.decimals,
                self.knowledge.policy.rounding,
            ),
            value: figure.value,
            text: self.digits(figure),
            span,
        }
    }

    /// The values a printed result stands for.
    pub fn printed(&self, figure: &Figure) -> Interval {
        Interval::printed(figure.value, figure.decimals, self.knowledge.policy.rounding)
    }

    /// A cell read for a computation.
    pub fn slot(&self, cell: &Cell) -> Slot {
        match &cell.value {
            CellFigure::Figure(f) => Slot::Known(self.input(f, cell.span)),
            CellFigure::Nil(span) => Slot::Nil(*span),
            CellFigure::Empty => Slot::Blank(cell.span),
            CellFigure::Text => Slot::Text,
        }
    }

    /// The intervals of the figures in `cells`, when every one of them is printed (a
    /// `-`, a blank or words make it `None`).
    pub fn known_intervals(
        &self,
        facts: &TableFacts,
        cells: impl IntoIterator<Item = (usize, usize)>,
    ) -> Option<Vec<Interval>> {
        cells
            .into_iter()
            .map(|(r, c)| match self.slot(facts.cell(r, c)) {
                Slot::Known(input) => Some(input.interval),
                _ => None,
            })
            .collect()
    }

    /// A value printed the way the report prints figures: with `decimals` decimals,
    /// rounded or truncated as the policy says, in the report's locale.
    pub fn show(&self, value: Decimal, decimals: u32) -> String {
        let value = match self.knowledge.policy.rounding {
            Rounding::Round => value,
            Rounding::Truncate => value.trunc_with_scale(decimals),
        };
        self.doc.locale.format(value, decimals)
    }
}

/// A new finding of the check `code`, with its registered name and default severity.
pub fn finding(code: &'static str, message: impl Into<Message>, primary: Label) -> Finding {
    let rule = RULES.iter().find(|r| r.code == code).expect("every check is registered");
    Finding::new(rule.code, rule.name, rule.severity, message, primary)
}

/// The same with another severity (a warning where the check is less sure).
pub fn finding_with(
    code: &'static str,
    severity: Severity,
    message: impl Into<Message>,
    primary: Label,
) -> Finding {
    let mut f = finding(code, message, primary);
    f.severity = severity;
    f
}
