//! # C202 `prose-mismatch`
//!
//! A figure in a sentence that differs from the table's figure for the same indicator and measure.
//!
//! (Being written: this check reports nothing yet.)

use super::Context;
use crate::diagnostics::Finding;

pub fn check(_ctx: &Context, _findings: &mut Vec<Finding>) {}
