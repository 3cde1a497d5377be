//! What periksa prints besides findings.

pub mod tables;
