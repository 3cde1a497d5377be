//! How an expected value was computed, written out for the reader:
//! `17.516 / 34.209 × 100 = 51,2029…`. Inputs are shown as printed in the report; the
//! result is computed from the printed inputs and shown in the report's locale.

use crate::figures::Locale;
use rust_decimal::Decimal;

/// At most this many parts are written out in a sum; longer sums are elided in the middle.
const MAX_TERMS_SHOWN: usize = 12;

/// A computation written out, and the value it gives from the printed inputs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Computation {
    /// The left-hand side: `17.516 / 34.209 × 100`.
    pub expression: String,
    /// The value computed from the printed inputs.
    pub value: Decimal,
}

impl Computation {
    pub fn new(expression: impl Into<String>, value: Decimal) -> Self {
        Computation { expression: expression.into(), value }
    }

    /// `expression = value`, the value with up to four decimals and `…` when cut.
    pub fn render(&self, locale: Locale) -> String {
        format!("{} = {}", self.expression, show_value(self.value, locale))
    }
}

/// A value as a result of a computation: exact when it has four decimals or fewer,
/// otherwise four decimals followed by `…`.
pub fn show_value(value: Decimal, locale: Locale) -> String {
    let normal = value.normalize();
    if normal.scale() <= 4 {
        locale.format(normal, normal.scale())
    } else {
        let cut = value.trunc_with_scale(4);
        format!("{}…", locale.format(cut, 4))
    }
}

/// `a + b + c`, eliding the middle of long sums: `a + b + … (40 parts) … + y + z`.
pub fn sum_expression(terms: &[&str]) -> String {
    if terms.len() <= MAX_TERMS_SHOWN {
        return terms.join(" + ");
    }
    let head = terms[..3].join(" + ");
    let tail = terms[terms.len() - 2..].join(" + ");
    format!("{head} + … ({} parts) … + {tail}", terms.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn results_show_four_decimals_and_an_ellipsis_when_cut() {
        let d = |s| Decimal::from_str(s).unwrap();
        assert_eq!(show_value(d("51.20290566810"), Locale::Id), "51,2029…");
        assert_eq!(show_value(d("70.00"), Locale::Id), "70");
        assert_eq!(show_value(d("1085"), Locale::Id), "1.085");
        assert_eq!(show_value(d("87.5"), Locale::En), "87.5");
        let c = Computation::new("28 / 40 × 100", d("70"));
        assert_eq!(c.render(Locale::Id), "28 / 40 × 100 = 70");
    }

    #[test]
    fn long_sums_are_elided() {
        let terms: Vec<String> = (1..=20).map(|n| n.to_string()).collect();
        let refs: Vec<&str> = terms.iter().map(String::as_str).collect();
        assert_eq!(sum_expression(&refs[..3]), "1 + 2 + 3");
        assert_eq!(sum_expression(&refs), "1 + 2 + 3 + … (20 parts) … + 19 + 20");
    }
}
