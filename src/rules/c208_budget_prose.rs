//! # C208 `budget-mismatch`
//!
//! A budget total or absorption percentage in prose that differs from the budget table it summarises.
//!
//! (Being written: this check reports nothing yet.)

use super::Context;
use crate::diagnostics::Finding;

pub fn check(_ctx: &Context, _findings: &mut Vec<Finding>) {}
