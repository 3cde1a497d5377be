//! # P002 `unused-suppression`
//!
//! A suppression comment in the report that hides no finding.
//!
//! ## Why
//!
//! `<!-- periksa-disable-next-line A101 -- reason -->` hides the findings of A101 on the
//! next line that is not blank; `<!-- periksa-disable A101 -->` … `<!-- periksa-enable
//! A101 -->` hides them in between. Once the figure is corrected, or the line moves, the
//! comment hides nothing and would silently hide the next real slip there. This note
//! points at it so that it can be removed.
//!
//! ## Example
//!
//! ```text
//! <!-- periksa-disable-next-line A101 -- rounded as in the ministry's template -->
//! | 1. | Jumlah lulusan | 1.200 orang | 1.014 orang | 84,50 |
//! ```
//!
//! 84,50 follows from 1.014 / 1.200: there is nothing for the comment to hide.

use super::support::finding;
use crate::diagnostics::{Finding, Label};
use crate::msg;
use crate::span::Span;

const CODE: &str = "P002";

/// The note for a suppression of `codes` at `span` that hid nothing.
pub fn unused(span: Span, codes: &str) -> Finding {
    finding(CODE, msg!("p002.message", codes), Label::new(span, msg!("p002.label")))
        .with_note(msg!("p002.note"))
}
