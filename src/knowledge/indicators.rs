//! Indicator kinds and polarity (`rules/indicators.yaml`).

use super::pattern::{any_match, Pattern};
use serde::Deserialize;

/// How an indicator's figures behave over periods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum IndicatorKind {
    /// People, cases, documents: quarters add up to the year.
    Count,
    /// Rupiah: adds up like a count.
    Money,
    /// A score or index: the year's figure is the last period's.
    Score,
    /// A rate or percentage: never added up.
    Rate,
    /// A count of what exists at a moment (people in poverty, staff): the year's figure is
    /// the latest period's; across rows it adds up like a count.
    Stock,
}

/// How an achievement percentage is computed from target and realisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Formula {
    /// realisation / target × 100.
    Ratio,
    /// (2 × target − realisation) / target × 100.
    TwoMinus,
    /// target / realisation × 100.
    Inverse,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Better {
    Higher,
    Lower,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolarityRule {
    pub name: Pattern,
    pub better: Better,
    /// The formulas its achievement may use.
    pub formulas: Vec<Formula>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kinds {
    #[serde(default)]
    pub stock: Vec<Pattern>,
    #[serde(default)]
    pub score: Vec<Pattern>,
    #[serde(default)]
    pub rate: Vec<Pattern>,
    #[serde(default)]
    pub money: Vec<Pattern>,
    #[serde(default)]
    pub count: Vec<Pattern>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicators {
    #[serde(default)]
    pub kinds: Kinds,
    #[serde(default)]
    pub polarity: Vec<PolarityRule>,
}

impl Indicators {
    /// Adds `other` in front of ours.
    pub fn extend(&mut self, other: Indicators) {
        let mut kinds = other.kinds;
        kinds.stock.append(&mut self.kinds.stock);
        kinds.score.append(&mut self.kinds.score);
        kinds.rate.append(&mut self.kinds.rate);
        kinds.money.append(&mut self.kinds.money);
        kinds.count.append(&mut self.kinds.count);
        self.kinds = kinds;
        let mut polarity = other.polarity;
        polarity.append(&mut self.polarity);
        self.polarity = polarity;
    }

    /// Is the indicator a stock by its name? (This wins over the units of its figures.)
    pub fn is_stock(&self, name: &str) -> bool {
        any_match(&self.kinds.stock, name)
    }

    /// The kind an indicator's normalised name says, if any.
    pub fn kind_by_name(&self, name: &str) -> Option<IndicatorKind> {
        let k = &self.kinds;
        [
            (IndicatorKind::Stock, &k.stock),
            (IndicatorKind::Score, &k.score),
            (IndicatorKind::Rate, &k.rate),
            (IndicatorKind::Money, &k.money),
            (IndicatorKind::Count, &k.count),
        ]
        .into_iter()
        .find(|(_, patterns)| any_match(patterns, name))
        .map(|(kind, _)| kind)
    }

    /// The declared polarity of an indicator, if its name is listed.
    pub fn polarity(&self, name: &str) -> Option<&PolarityRule> {
        self.polarity.iter().find(|rule| rule.name.is_match(name))
    }
}
