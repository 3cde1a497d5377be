//! # C204 `parts-do-not-add-up`
//!
//! A whole stated in prose whose parts, listed with it or in the list that follows, do not add up to it.
//!
//! (Being written: this check reports nothing yet.)

use super::Context;
use crate::diagnostics::Finding;

pub fn check(_ctx: &Context, _findings: &mut Vec<Finding>) {}
