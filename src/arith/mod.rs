//! Exact arithmetic on printed figures.
//!
//! A figure printed with k decimals stands for every value that prints that way: an
//! [`Interval`]. Checks recompute a derived figure (a percentage, a total, a mean) from
//! the intervals of its printed inputs and complain only when the recomputed interval and
//! the printed result's interval cannot meet, so that rounding never raises an alarm and a
//! real slip always does. [`Computation`] keeps the inputs as printed, to show the reader
//! how the expected value was obtained.

pub mod computation;
pub mod interval;
pub mod overlaps;

pub use computation::Computation;
pub use interval::{Interval, Rounding};
pub use overlaps::Overlaps;
