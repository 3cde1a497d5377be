//! What periksa prints besides findings.

pub mod rules;
pub mod tables;
