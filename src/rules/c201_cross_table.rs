//! # C201 `table-mismatch`
//!
//! The same figure printed with different values in two tables: one indicator, period, measure and basis, two values.
//!
//! (Being written: this check reports nothing yet.)

use super::Context;
use crate::diagnostics::Finding;

pub fn check(_ctx: &Context, _findings: &mut Vec<Finding>) {}
