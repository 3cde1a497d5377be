//! What periksa prints besides findings.

pub mod rules;
pub mod statistics;
pub mod tables;
pub mod worksheet;
