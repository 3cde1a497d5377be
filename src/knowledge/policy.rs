//! Computation policy (`rules/policy.yaml`).

use crate::arith::Rounding;
use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    pub rounding: Rounding,
    pub accept_lower_is_better_when_undeclared: bool,
}

/// A policy file: every field optional, so that a rules folder overrides only what it names.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyFile {
    pub rounding: Option<Rounding>,
    pub accept_lower_is_better_when_undeclared: Option<bool>,
}

impl Default for Policy {
    fn default() -> Self {
        Policy { rounding: Rounding::Round, accept_lower_is_better_when_undeclared: true }
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
    }
}
