//! # C203 `wrong-prose-arithmetic`
//!
//! Arithmetic written out in prose or LaTeX math whose result does not follow from its operands.
//!
//! (Being written: this check reports nothing yet.)

use super::Context;
use crate::diagnostics::Finding;

pub fn check(_ctx: &Context, _findings: &mut Vec<Finding>) {}
