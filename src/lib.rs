//! periksa reads the draft of an Indonesian government performance report (LAKIP /
//! Laporan Kinerja), pulls out its tables and the figures claimed in its prose, and reports
//! each defect with its source span.
//!
//! The modules follow the pipeline:
//!
//! 1. [`read`]: a file on disk becomes a [`read::SourceFile`] (UTF-8 checked, BOM and CRLF
//!    kept) and then a [`document::Document`]: headings, paragraphs, list items and raw
//!    tables, each with its byte span.
//! 2. [`figures`]: the figure lexer turns printed numbers (`34.209`, `51,20 %`,
//!    `Rp. 14.701.007.000,-`) into exact decimals with their precision and unit.
//! 3. [`tables`]: raw rows become tables as a reader sees them: caption, multi-row header
//!    with a header path per column, aligned rows, continued tables joined.
//! 4. [`facts`]: what each column and row of a table stands for (target, realisation,
//!    percentage, total; quarter; indicator kind), read with the domain [`knowledge`] kept
//!    as YAML under `rules/`.
//! 5. [`rules`]: the checks, which recompute with [`arith`] (exact intervals) and report
//!    findings.
//! 6. [`diagnostics`]: the one finding type, and its renderers (`human`, `concise`,
//!    `json`, `sarif`, `github`), which print each finding's [`messages`] in the run's
//!    language (English or Indonesian) from one catalogue; a finding whose right value
//!    follows from other figures carries a [`diagnostics::Fix`] that `periksa fix` applies.
//! 7. [`baseline`]: the findings a repository has accepted, dropped so that only new ones
//!    are reported.
//! 8. [`output`]: everything else periksa prints (the `tables`, `rules` and `explain`
//!    commands).
//! 9. [`cli`]: the command line, and [`config`]: its configuration file, `periksa.yaml`.

pub mod arith;
pub mod baseline;
pub mod cli;
pub mod config;
pub mod diagnostics;
pub mod document;
pub mod facts;
pub mod figures;
#[doc(hidden)]
pub mod fuzzing;
pub mod knowledge;
pub mod messages;
pub mod output;
pub mod read;
pub mod rules;
pub mod span;
pub mod tables;
pub mod yaml;
