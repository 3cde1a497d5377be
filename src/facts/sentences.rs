//! The sentences of the report's prose, each with the figures it holds.
//!
//! Checks of claims in prose read one sentence at a time: a figure belongs to the claim of
//! its own sentence, not of the next one. A sentence ends at `.`, `!` or `?` followed by
//! white space and a capital letter, except after an abbreviation that Indonesian reports
//! write before names ("Kab. Bandung", "Kec. Binong", "Jl. Merdeka", "Rp. 1.000").

use crate::document::{Block, BlockKind, Document};
use crate::figures::Figure;
use crate::span::Span;

/// One sentence of a paragraph or list item.
#[derive(Debug, Clone, Copy)]
pub struct Sentence<'d> {
    /// The sentence in the file.
    pub span: Span,
    /// The block it is part of.
    pub block: &'d Block,
    /// Its figures, in order (a slice of the block's figures).
    pub figures: &'d [Figure],
}

impl<'d> Sentence<'d> {
    /// The sentence as printed in the file.
    pub fn text(&self, doc: &'d Document) -> &'d str {
        &doc.source.text[self.span.range()]
    }
}

/// Words after which a period does not end a sentence (compared lower-cased).
const ABBREVIATIONS: &[&str] = &[
    "kab", "kec", "kel", "ds", "jl", "jln", "no", "rp", "dr", "drs", "dra", "ir", "prof", "h",
    "hj", "st", "tbk", "pt", "cv", "bpk", "ibu", "sdr", "yth", "kp", "rt", "rw", "gg", "kom",
    "nip", "s", "m", "a", "b", "c", "d", "e", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii",
    "ix", "x", "tel", "telp", "hal", "hlm", "lamp", "ps", "ayat", "psl",
];

/// The sentences of every paragraph and list item, in file order.
pub fn sentences(doc: &Document) -> impl Iterator<Item = Sentence<'_>> {
    let text = doc.source.text.as_str();
    doc.blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Paragraph | BlockKind::ListItem))
        .flat_map(move |block| {
            let mut next_figure = 0;
            sentence_spans(text, block.span).into_iter().map(move |span| {
                // Figures and sentences are both in file order: walk them together.
                while next_figure < block.figures.len()
                    && block.figures[next_figure].span.start() < span.start()
                {
                    next_figure += 1;
                }
                let first = next_figure;
                let mut last = first;
                while last < block.figures.len() && block.figures[last].span.end() <= span.end() {
                    last += 1;
                }
                Sentence { span, block, figures: &block.figures[first..last] }
            })
        })
}

/// The sentences of the file text within `span`.
pub fn sentence_spans(text: &str, span: Span) -> Vec<Span> {
    let block = &text[span.range()];
    let mut out = Vec::new();
    let mut start = 0;
    for (i, ch) in block.char_indices() {
        if !matches!(ch, '.' | '!' | '?') {
            continue;
        }
        let rest = &block[i + 1..];
        let after = rest.trim_start();
        let spaced = rest.len() > after.len();
        if !spaced || !after.chars().next().is_some_and(char::is_uppercase) || i < start {
            continue;
        }
        if ch == '.' && after_abbreviation(&block[start..i]) {
            continue;
        }
        out.push(Span::new(span.start() + start, span.start() + i + 1));
        start = i + 1 + (rest.len() - after.len());
    }
    if start < block.len() {
        out.push(Span::new(span.start() + start, span.end()));
    }
    out
}

/// Does `before` (the sentence so far, up to a period) end with an abbreviation?
fn after_abbreviation(before: &str) -> bool {
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .chars()
        .rev()
        .collect();
    !word.is_empty() && ABBREVIATIONS.contains(&word.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentence_spans(text, Span::new(0, text.len()))
            .into_iter()
            .map(|s| &text[s.range()])
            .collect()
    }

    #[test]
    fn sentences_end_at_a_period_before_a_capital() {
        assert_eq!(
            split("Realisasi 28 orang. Target 40 orang. lalu 3,5 persen."),
            ["Realisasi 28 orang.", "Target 40 orang. lalu 3,5 persen."]
        );
    }

    #[test]
    fn abbreviations_before_names_do_not_end_a_sentence() {
        assert_eq!(
            split("Di Kab. Majalengka (2) dan Kec. Binong. Anggaran Rp. 5.000,- terserap."),
            ["Di Kab. Majalengka (2) dan Kec. Binong.", "Anggaran Rp. 5.000,- terserap."]
        );
    }
}
