//! Figures as Indonesian reports print them: `34.209`, `51,20`, `37,25 %`, `(-)26,38%`,
//! `Rp. 14.701.007.000,-`, `84 (delapan puluh empat) orang`, and `-` for "no value".
//!
//! A [`Figure`] keeps the exact value (never a float), how many decimals were printed (the
//! precision that later decides the interval a printed figure stands for), its kind, its unit
//! and its byte span in the file. The [`Locale`] decides how separators are read: in `id`,
//! `1.103` is one thousand one hundred and three; in `en` it is one point one zero three.
//! The locale is chosen once per report, never guessed per token.

pub mod lexer;
pub mod locale;
pub mod units;
pub mod words;

pub use lexer::{lex_cell, scan_prose, CellFigure};
pub use locale::Locale;
pub use units::{Unit, Units};

use crate::span::Span;
use rust_decimal::Decimal;
use serde::Serialize;

/// What a figure measures, as far as its printed form tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FigureKind {
    /// A number followed by a counting unit: `24.650 orang`, `14 titik`.
    Count,
    /// A number followed by `%` (or `persen`).
    Percent,
    /// An amount of rupiah: `Rp. 14.701.007.000,-`.
    Money,
    /// A bare number: `98`, `67,91`.
    Plain,
}

/// Number words in parentheses that confirm the digits before them:
/// `84 (delapan puluh empat)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NumberWords {
    /// The words as printed, without the parentheses.
    pub text: String,
    /// The span of the words (inside the parentheses).
    pub span: Span,
    /// Their value, or `None` when they are not a number written in Indonesian words.
    pub value: Option<Decimal>,
}

/// One number as printed in a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Figure {
    /// The exact value, sign included (`(-)26,38%` is -26.38).
    pub value: Decimal,
    /// How many decimals were printed: `51,20` has 2, `34.209` has 0.
    pub decimals: u32,
    pub kind: FigureKind,
    /// The unit word after the number, lower-cased (`orang`, `kasus`), if any: shared with
    /// [`Units`], so that a figure's unit costs no allocation of its own.
    pub unit: Option<Unit>,
    /// Number words in parentheses right after the digits, if any. Boxed: few figures
    /// have them, and a figure is in every cell of every table.
    pub words: Option<Box<NumberWords>>,
    /// The span of the whole figure as printed: sign, `Rp.`, digits, `%`, `,-` and unit.
    pub span: Span,
    /// The span of the digits alone (sign and decimal part included, no `Rp.`, `%` or unit):
    /// what a fix would replace.
    pub number_span: Span,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every figure-like table cell holds a `Figure`, and so does every figure found in
    /// prose: its size is paid once per cell of every table. Raise the bound only knowingly
    /// (it was 88 bytes while the unit was an `Option<String>`, 80 before spans were two
    /// `u32`s, 64 while the unit was an `Arc<str>`).
    #[test]
    fn a_figure_stays_small() {
        assert!(
            std::mem::size_of::<Figure>() <= 56,
            "Figure is {} bytes",
            std::mem::size_of::<Figure>()
        );
        assert!(std::mem::size_of::<CellFigure>() <= 56);
    }
}
