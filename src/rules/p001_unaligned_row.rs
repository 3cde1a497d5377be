//! # P001 `unaligned-row`
//!
//! A table row with more cells than its header has columns, that periksa cannot align.
//!
//! ## Why
//!
//! A text export of a Word table sometimes splits a cell in two, or a row carries a stray
//! tab. When the extra cells can be placed (the figures at the right, an unlabelled goal
//! column on the left), periksa aligns the row and says nothing. When they cannot, no check
//! can tell which column a figure belongs to, so the row is kept as printed but skipped by
//! every check, and this warning says so: a row that is not checked must not pass silently.
//!
//! ## Example
//!
//! ```text
//! No  Indikator       Target  Realisasi  %
//! 1.  Jumlah lulusan  1.240   1.085      87,50   12
//! ```
//!
//! The row has six cells under a five-column header. Fix the row (remove the stray cell, or
//! add the missing header label).
