//! The sentence that announces a list or a table ("Balai menetapkan 4 (empat) misi sebagai
//! berikut:"), and whether its count may be compared with what follows.

use super::counts::{counts_in, names_other_things, Count};
use super::enumerators::enumerator;
use super::lists::{check_list_count, list_from};
use super::tables::{check_table_counts, table_after};
use crate::diagnostics::Finding;
use crate::document::{BlockKind, Document};
use crate::facts::sentences::sentence_spans;
use crate::figures::Figure;
use crate::rules::Context;
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

/// A sentence that announces what follows: "sebagai berikut", "berikut ringkasan …",
/// "yaitu:", "meliputi:".
pub static ANNOUNCES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bberikut\b|:[\s*_]*$").expect("a valid pattern"));

/// Words that make a count cover only part of what follows: "antara lain", "beberapa".
static PARTIAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(antara lain|di ?antaranya|seperti|misalnya|contoh(nya)?|beberapa|sebagian|salah satu(nya)?|selain|hanya|lainnya|tambahan|sisanya|kecuali|termasuk|minimal|maksimal|paling|sekurang)\b",
    )
    .expect("a valid pattern")
});

/// Words after a count that pick some of the things counted: "8 (delapan) IKU, yang belum
/// tercapai sebagai berikut:". (Before the count they speak of something else: "Untuk
/// mencapai visi, ditetapkan 4 (empat) misi berikut:".)
static SOME_OF_THEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(belum|tidak|melampaui|tercapai|mencapai|terpenuhi|memenuhi|gagal|berhasil)\b",
    )
    .expect("a valid pattern")
});

/// A count that points back at things already named: "4 (empat) misi tersebut", "7 IKU
/// di atas" (read on the words right after the count's noun).
static POINTS_BACK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s*_]*(\p{L}+[\s*_]+){0,2}(tersebut|itu|ini|di atas|tadi)\b")
        .expect("a valid pattern")
});

pub fn check_announced_lists_and_tables(ctx: &Context, findings: &mut Vec<Finding>) {
    let doc = ctx.doc;
    let text = doc.source.text.as_str();
    for (index, block) in doc.blocks.iter().enumerate() {
        if block.kind != BlockKind::Paragraph {
            continue;
        }
        let Some(announcement) = announcement(doc, index) else { continue };
        let Some(sentence) = text.get(announcement.sentence.range()) else { continue };
        if !ANNOUNCES.is_match(sentence) || PARTIAL.is_match(sentence) {
            continue;
        }
        let figures: Vec<Figure> = block
            .figures
            .iter()
            .filter(|f| {
                f.span.start() >= announcement.sentence.start()
                    && f.span.end() <= announcement.sentence.end()
            })
            .cloned()
            .collect();
        let counts = counts_in(text, &figures);
        let after_first =
            counts.first().and_then(|c| text.get(c.phrase.end()..announcement.sentence.end()));
        if counts.is_empty()
            || after_first.is_some_and(|rest| SOME_OF_THEM.is_match(rest))
            || counts.iter().any(|c| points_back(text, c))
            || names_other_things(text, announcement.sentence, &counts)
        {
            continue;
        }
        match announcement.items_from {
            Start::Block(next) => {
                if let Some(t) = table_after(doc, next) {
                    check_table_counts(ctx, &counts, t, next, findings);
                    continue;
                }
                check_list_count(ctx, &counts, list_from(doc, next, 0), findings);
            }
            Start::Line(line) => {
                check_list_count(ctx, &counts, list_from(doc, index, line), findings)
            }
        }
    }
}

fn points_back(text: &str, count: &Count) -> bool {
    let after =
        count.figure.words.as_ref().map_or(count.figure.number_span.end(), |w| w.span.end());
    text.get(after..).is_some_and(|rest| {
        let rest = rest.trim_start_matches(')');
        POINTS_BACK.is_match(rest.get(..rest.len().min(120)).unwrap_or(rest))
    })
}

/// Where the things a sentence announces start.
#[derive(Debug, Clone, Copy)]
enum Start {
    /// At the block with this index.
    Block(usize),
    /// At this line of the announcing paragraph itself ("… berikut:\na) …\nb) …").
    Line(usize),
}

#[derive(Debug, Clone, Copy)]
struct Announcement {
    /// The announcing sentence in the file.
    sentence: Span,
    items_from: Start,
}

/// The sentence of paragraph `index` that may announce what follows: the last one, or the
/// one that ends the line after which the paragraph's own lines are a list.
fn announcement(doc: &Document, index: usize) -> Option<Announcement> {
    let block = doc.blocks.get(index)?;
    let text = doc.source.text.as_str();
    let mut offset = 0;
    let mut lines = block.text.split('\n').peekable();
    while let Some(line) = lines.next() {
        offset += line.len() + 1;
        let Some(next) = lines.peek() else { break };
        if enumerator(next).is_some_and(|e| e.ordinal == 1) {
            let head = block.map.to_source(Span::new(0, offset.saturating_sub(1)));
            let sentence = *sentence_spans(text, head).last()?;
            let line_index = block.text[..offset].matches('\n').count();
            return Some(Announcement { sentence, items_from: Start::Line(line_index) });
        }
    }
    let sentence = *sentence_spans(text, block.span).last()?;
    Some(Announcement { sentence, items_from: Start::Block(index + 1) })
}
