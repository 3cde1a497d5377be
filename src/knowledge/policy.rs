//! Computation policy (`rules/policy.yaml`).

use crate::arith::Rounding;
use rust_decimal::Decimal;
use serde::Deserialize;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    pub rounding: Rounding,
    pub accept_lower_is_better_when_undeclared: bool,
    /// Percentages at which a unit may cap an achievement.
    pub achievement_caps: Vec<Decimal>,
}

/// A policy file: every field optional, so that a rules folder overrides only what it names.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyFile {
    pub rounding: Option<Rounding>,
    pub accept_lower_is_better_when_undeclared: Option<bool>,
    pub achievement_caps: Option<Vec<Decimal>>,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            rounding: Rounding::Round,
            accept_lower_is_better_when_undeclared: true,
            achievement_caps: Vec::new(),
        }
    }
}

impl Policy {
    pub fn apply(&mut self, file: PolicyFile) {
        if let Some(r) = file.rounding {
            self.rounding = r;
        }
        if let Some(a) = file.accept_lower_is_better_when_undeclared {
            self.accept_lower_is_better_when_undeclared = a;
        }
        if let Some(caps) = file.achievement_caps {
            self.achievement_caps = caps;
        }
    }
}
