//! # C206 `wrong-prose-average`
//!
//! An average claimed in prose that is not the mean of the figures it names in the summary table.
//!
//! (Being written: this check reports nothing yet.)

use super::Context;
use crate::diagnostics::Finding;

pub fn check(_ctx: &Context, _findings: &mut Vec<Finding>) {}
