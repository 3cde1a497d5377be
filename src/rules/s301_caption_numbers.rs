//! # S301 `caption-numbering`
//!
//! A table or figure number used twice, or out of order within its chapter: "Tabel 3.16"
//! on two tables, "Gambar 4" before "Gambar 3".
//!
//! ## What it checks
//!
//! The captions of tables ("Tabel 3.16", on its own line or in bold above the table) and
//! of figures ("Gambar 2", "Grafik 3.1") are read in the order they stand in the report.
//! Within each chapter (the number before the dot; numbers without a dot form one series)
//! and each kind, every number must be new and greater than the one before. A number used
//! a second time is one finding at the second caption, with the first as a related place;
//! the expected number is the one after the previous caption of the series.
//!
//! The lists of tables and figures (DAFTAR TABEL, DAFTAR GAMBAR) are not captions. A
//! table continued on the next page with its caption repeated under the same title is one
//! table, not a number used twice, and so is one captioned "(lanjutan)". A number missing from a series (3.4 then 3.6) is not
//! reported: an annex or a removed table may explain it.
//!
//! ## Example
//!
//! ```text
//! Tabel 3.16
//! Capaian Indikator Kinerja Utama VIII
//! …
//! Tabel 3.16
//! Perbandingan Capaian Sasaran Tahun 2020 sampai Tahun 2024
//! ```
//!
//! The second table is numbered 3.16 again; after 3.16 comes 3.17.

use super::support::finding;
use super::Context;
use crate::diagnostics::{Finding, Label};
use crate::facts::captions::Caption;
use crate::knowledge::normalise;
use crate::messages::Message;
use crate::msg;
use std::collections::HashMap;

const CODE: &str = "S301";

pub fn check(ctx: &Context, findings: &mut Vec<Finding>) {
    // The captions are the context's: kept by reference, not copied once or twice each.
    let mut last: HashMap<(&'static str, &str), &Caption> = HashMap::new();
    let mut seen: HashMap<(&'static str, &str), &Caption> = HashMap::new();
    for caption in ctx.captions() {
        let series = (caption.kind, chapter(&caption.number));
        if let Some(first) = seen.get(&(caption.kind, caption.number.as_str())) {
            // A caption repeated over a continued table names the same table.
            if normalise(&first.title) != normalise(&caption.title) || caption.title.is_empty() {
                let expected = last.get(&series).map(|p| next(&p.number));
                findings.push(used_twice(first, caption, expected));
            }
        } else if let Some(previous) = last.get(&series) {
            if !is_after(&caption.number, &previous.number) {
                findings.push(out_of_order(previous, caption));
            }
        }
        seen.entry((caption.kind, caption.number.as_str())).or_insert(caption);
        last.insert(series, caption);
    }
}

/// "3" of "3.16"; numbers without a dot form one series.
fn chapter(number: &str) -> &str {
    // "3-1" is numbered as "3.1".
    match number.split_once(['.', '-']) {
        Some((chapter, _)) => chapter,
        None => "",
    }
}

/// "3.16" → [3, 16]; a letter after the last number ("3.1a") comes after that number:
/// [3, 1, 1].
fn parts(number: &str) -> Vec<u64> {
    let mut out = Vec::new();
    for piece in number.split(['.', '-']) {
        let digits: String = piece.chars().take_while(char::is_ascii_digit).collect();
        out.extend(digits.parse::<u64>().ok());
        if let Some(letter) = piece.chars().find(char::is_ascii_alphabetic) {
            out.push(u64::from(letter.to_ascii_lowercase()) - u64::from('a') + 1);
        }
    }
    out
}

/// Does `number` come after `previous` in its series?
fn is_after(number: &str, previous: &str) -> bool {
    parts(number) > parts(previous)
}

/// The number after `number`: "3.17" after "3.16", "5" after "4".
fn next(number: &str) -> String {
    let mut p = parts(number);
    if let Some(last) = p.last_mut() {
        *last += 1;
    }
    p.iter().map(u64::to_string).collect::<Vec<_>>().join(".")
}

fn used_twice(first: &Caption, second: &Caption, expected: Option<String>) -> Finding {
    let (kind, number) = (second.kind, second.number.as_str());
    let mut f = finding(
        CODE,
        msg!(
            "s301.message-used-twice",
            kind,
            number,
            first = first.title,
            line = first.line,
            second = second.title
        ),
        Label::new(second.span, msg!("s301.label-again", kind, number)),
    )
    .with_related(Label::new(first.span, msg!("s301.label-first", kind, number)));
    if let Some(expected) = expected {
        f = f.with_values(expected.clone(), second.number.clone()).with_note(msg!(
            "s301.note-next",
            kind,
            number,
            expected
        ));
    }
    f
}

fn out_of_order(previous: &Caption, caption: &Caption) -> Finding {
    // Which of the two is misnumbered the captions alone cannot tell (often they are
    // swapped), so no one number is proposed.
    let (kind, number) = (caption.kind, caption.number.as_str());
    let (previous_kind, previous_number) = (previous.kind, previous.number.as_str());
    finding(
        CODE,
        msg!(
            "s301.message-out-of-order",
            kind,
            number,
            previous_kind,
            previous_number,
            line = previous.line
        ),
        Label::new(caption.span, msg!("s301.label-after", previous_kind, previous_number)),
    )
    .with_related(Label::new(
        previous.span,
        Message::plain(format!("{previous_kind} {previous_number}")),
    ))
    .with_note(msg!("s301.note-before", kind, number, previous_kind, previous_number))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_each_other() {
        assert!(is_after("3.17", "3.16"));
        assert!(is_after("3.10", "3.9"));
        assert!(!is_after("3.16", "3.16"));
        assert!(!is_after("3.3", "3.4"));
        assert_eq!(next("3.16"), "3.17");
        assert_eq!(next("4"), "5");
        assert_eq!(chapter("3.16"), "3");
        assert_eq!(chapter("4"), "");
        assert!(is_after("3.1a", "3.1") && is_after("3.2", "3.1a"));
    }
}
