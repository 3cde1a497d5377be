//! The number format of a report: which character groups thousands and which one marks
//! decimals. Reading and printing both go through here, so that a finding prints its
//! expected value the way the report prints its figures.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    /// Indonesian: `34.209` is thirty-four thousand, `51,20` is fifty-one point two.
    #[default]
    Id,
    /// English: `34,209` and `51.20`.
    En,
}

impl Locale {
    pub fn thousands_separator(self) -> char {
        match self {
            Locale::Id => '.',
            Locale::En => ',',
        }
    }

    pub fn decimal_separator(self) -> char {
        match self {
            Locale::Id => ',',
            Locale::En => '.',
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Locale::Id => "id",
            Locale::En => "en",
        }
    }

    /// Prints `value` with exactly `decimals` decimals (rounding half away from zero) and
    /// with thousands grouped: `format(17516.0, 0)` is `17.516` in `id`.
    pub fn format(self, value: Decimal, decimals: u32) -> String {
        let rounded = value
            .round_dp_with_strategy(decimals, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        let plain = format!("{:.*}", decimals as usize, rounded.abs());
        let (int_part, frac_part) = match plain.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (plain.as_str(), None),
        };
        let mut out = String::with_capacity(plain.len() + plain.len() / 3 + 1);
        if rounded.is_sign_negative() && !rounded.is_zero() {
            out.push('-');
        }
        let digits = int_part.len();
        for (i, ch) in int_part.chars().enumerate() {
            if i > 0 && (digits - i) % 3 == 0 {
                out.push(self.thousands_separator());
            }
            out.push(ch);
        }
        if let Some(frac) = frac_part {
            out.push(self.decimal_separator());
            out.push_str(frac);
        }
        out
    }
}

impl std::fmt::Display for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
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
    fn formats_in_each_locale() {
        assert_eq!(Locale::Id.format(d("17516"), 0), "17.516");
        assert_eq!(Locale::Id.format(d("51.2029"), 2), "51,20");
        assert_eq!(Locale::En.format(d("1234.5"), 2), "1,234.50");
        assert_eq!(Locale::Id.format(d("-26.375"), 2), "-26,38");
        assert_eq!(Locale::Id.format(d("14701007000"), 0), "14.701.007.000");
        assert_eq!(Locale::Id.format(d("0.004"), 2), "0,00");
    }
}
