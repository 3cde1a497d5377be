//! Suggested fixes: the corrected figure, not just the complaint.
//!
//! A [`Fix`] is a list of [`Edit`]s (a byte span of the file and the text to put there)
//! and how far it can be trusted. A check proposes one only where the right value follows
//! from other printed figures, and only over the digits of the figure that is derived from
//! them (a percentage, a total, number words), never over an input (a target, a
//! realisation, a budget): a fix corrects the arithmetic, it never decides which source
//! figure is the true one.
//!
//! [`apply`] puts edits into a text and leaves every other byte as it was (BOM, CRLF,
//! trailing spaces), so that `periksa fix` changes nothing but the figures.

use crate::span::Span;
use serde::Serialize;

/// How far a fix can be applied without a person looking at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Exactly one printed figure is derived from others, and they give one value for it:
    /// `periksa fix` applies it.
    Safe,
    /// The value is the likeliest, but the row reads more than one way or an input is
    /// itself suspicious: applied only with `--unsafe`.
    Unsafe,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
        }
    }
}

/// One replacement: the bytes of `span` become `replacement`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

/// What would correct a finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub edits: Vec<Edit>,
    pub applicability: Applicability,
}

impl Fix {
    /// One edit.
    pub fn replace(
        span: Span,
        replacement: impl Into<String>,
        applicability: Applicability,
    ) -> Fix {
        Fix { edits: vec![Edit { span, replacement: replacement.into() }], applicability }
    }

    /// The same fix, no more than `at_most` trusted: a safe fix becomes unsafe when the
    /// caller has a reason to doubt it.
    pub fn at_most(mut self, at_most: Applicability) -> Fix {
        self.applicability = self.applicability.max(at_most);
        self
    }
}

/// Why edits could not be applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApplyError {
    /// Two edits touch the same bytes with different texts.
    Overlap(Edit, Edit),
    /// An edit lies outside the text or cuts a character in two.
    OutOfBounds(Edit),
}

/// `text` with `edits` applied. Identical edits (two findings proposing the same
/// correction of one figure) count once; edits that overlap otherwise are refused, as is
/// an edit that does not fall on character boundaries of the text.
pub fn apply(text: &str, edits: &[Edit]) -> Result<String, ApplyError> {
    let mut edits: Vec<&Edit> = edits.iter().collect();
    edits.sort_by_key(|e| (e.span.start(), e.span.end(), e.replacement.as_str()));
    edits.dedup_by(|a, b| a == b);
    for pair in edits.windows(2) {
        if pair[1].span.start() < pair[0].span.end()
            || (pair[1].span.start() == pair[0].span.start()
                && (pair[0].span.is_empty() || pair[1].span.is_empty()))
        {
            return Err(ApplyError::Overlap(pair[0].clone(), pair[1].clone()));
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for edit in edits {
        if text.get(edit.span.range()).is_none() {
            return Err(ApplyError::OutOfBounds(edit.clone()));
        }
        out.push_str(&text[at..edit.span.start()]);
        out.push_str(&edit.replacement);
        at = edit.span.end();
    }
    out.push_str(&text[at..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(start: usize, end: usize, replacement: &str) -> Edit {
        Edit { span: Span::new(start, end), replacement: replacement.to_string() }
    }

    #[test]
    fn edits_change_only_their_bytes() {
        let text = "\u{feff}| a | 84,05 |  \r\n| b | 61 |\r\n";
        let at = |s: &str| text.find(s).unwrap();
        let edits =
            [edit(at("61"), at("61") + 2, "59"), edit(at("84,05"), at("84,05") + 5, "84,50")];
        assert_eq!(apply(text, &edits).unwrap(), "\u{feff}| a | 84,50 |  \r\n| b | 59 |\r\n");
    }

    #[test]
    fn the_same_edit_twice_counts_once_and_overlaps_are_refused() {
        let text = "total 61 orang";
        assert_eq!(apply(text, &[edit(6, 8, "59"), edit(6, 8, "59")]).unwrap(), "total 59 orang");
        assert!(matches!(
            apply(text, &[edit(6, 8, "59"), edit(7, 9, "x")]),
            Err(ApplyError::Overlap(..))
        ));
        assert!(matches!(apply(text, &[edit(10, 99, "x")]), Err(ApplyError::OutOfBounds(_))));
    }

    #[test]
    fn a_fix_is_never_more_trusted_than_allowed() {
        let fix = Fix::replace(Span::new(0, 1), "1", Applicability::Safe);
        assert_eq!(fix.clone().at_most(Applicability::Unsafe).applicability, Applicability::Unsafe);
        let unsafe_fix = fix.at_most(Applicability::Unsafe);
        assert_eq!(unsafe_fix.at_most(Applicability::Safe).applicability, Applicability::Unsafe);
    }
}
