//! The list that follows an announcement: its first-level items, read from Markdown list
//! items or from the marked lines of a text export, and their number against the count.

use super::announced::ANNOUNCES;
use super::counts::Count;
use super::enumerators::{enumerator, Enumeration, Enumerator};
use super::CODE;
use crate::diagnostics::{Finding, Label};
use crate::document::{Block, BlockKind, Document};
use crate::messages::Message;
use crate::msg;
use crate::rules::support::finding;
use crate::rules::Context;
use crate::span::Span;
use regex::Regex;
use rust_decimal::Decimal;
use std::sync::LazyLock;

/// How many items a list may hold before it is no list of things counted in prose.
const MAX_ITEMS: usize = 200;

/// How many blocks after a list are searched for its continuation.
const LOOKAHEAD: usize = 20;

/// How a list item is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// The Markdown bullet (`-`, `*`, `+`), if any.
    bullet: Option<char>,
    /// The enumeration and its closing mark (`.` or `)`), if the item is numbered or
    /// lettered.
    enumeration: Option<(Enumeration, char)>,
}

/// One item of a list as read.
#[derive(Debug, Clone, Copy)]
pub struct Item {
    span: Span,
    /// The column of the item's mark: deeper items are sub-items.
    column: usize,
    style: Style,
    ordinal: Option<u32>,
    /// The item's line goes on to the next item ("a) …; b) …; dan c) …"): the list is
    /// written inline, and its items cannot be counted by lines.
    inline: bool,
}

/// What one block gives a list.
enum Piece {
    /// The items of the block (a heading inferred in a text export, "b. Evaluasi
    /// Kinerja", reads like an item).
    Items(Vec<Item>),
    /// A page number between two pages of a list.
    PageBreak,
    /// Anything else: the list, if any, is over.
    End,
}

static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(\d{1,4}|[ivxlc]{1,7}|halaman \d{1,4}( dari \d{1,4})?)\s*$")
        .expect("a valid pattern")
});

/// The pieces of block `index` from its line `from_line`.
fn piece(doc: &Document, index: usize, from_line: usize) -> Piece {
    let Some(block) = doc.blocks.get(index) else { return Piece::End };
    match block.kind {
        BlockKind::ListItem => list_item_lines(doc, block).map_or(Piece::End, Piece::Items),
        BlockKind::Paragraph if PAGE_NUMBER.is_match(&block.text) => Piece::PageBreak,
        BlockKind::Paragraph | BlockKind::Heading { inferred: true, .. } => {
            marked_lines(block, from_line).map_or(Piece::End, Piece::Items)
        }
        _ => Piece::End,
    }
}

/// A Markdown list item: its bullet or number from the file, its enumeration (for a
/// bullet) from its text ("- a) …").
fn list_item(doc: &Document, block: &Block) -> Option<Item> {
    let text = doc.source.text.as_str();
    let line_start = text.get(..block.span.start())?.rfind('\n').map_or(0, |i| i + 1);
    let marked = text.get(block.span.range())?;
    // An indented item's span starts at the line, before its indent: its mark stands after.
    let indent = &marked[..marked.len() - marked.trim_start_matches([' ', '\t']).len()];
    let column = text.get(line_start..block.span.start())?.chars().count() + indent.chars().count();
    let marked = &marked[indent.len()..];
    let first = marked.chars().next()?;
    let (bullet, enumerator) = if matches!(first, '-' | '*' | '+') {
        (Some(first), enumerator(&block.text))
    } else {
        // An ordered item: its number stands in the file, not in its text.
        let len = marked.bytes().take_while(u8::is_ascii_digit).count();
        let close = marked.get(len..)?.chars().next()?;
        let ordinal: u32 = marked.get(..len)?.parse().ok()?;
        let enumerator = matches!(close, '.' | ')').then_some(Enumerator {
            kind: Enumeration::Digits,
            close,
            ordinal,
        });
        (None, enumerator)
    };
    // A bullet's enumerator is in its text; an ordered item's number is not.
    let first_line = block.text.split('\n').next().unwrap_or_default();
    let inline = match (bullet, enumerator) {
        (Some(_), Some(e)) => e.runs_on_inline(first_line),
        (None, Some(e)) => e.runs_on_inline(&format!("{}{} {first_line}", e.ordinal, e.close)),
        _ => false,
    };
    Some(Item {
        span: block.span,
        column,
        style: Style { bullet, enumeration: enumerator.map(|e| (e.kind, e.close)) },
        ordinal: enumerator.map(|e| e.ordinal),
        inline,
    })
}

/// A Markdown list item and the marked lines its paragraph runs on into: "2) …" then
/// "c) …" unindented is one item to Markdown (a lazy continuation line), two to the
/// reader of a text export.
fn list_item_lines(doc: &Document, block: &Block) -> Option<Vec<Item>> {
    let item = list_item(doc, block)?;
    // The item itself ends with its first line and the unmarked lines after it.
    let first_line = block.text.split('\n').next().unwrap_or_default();
    let end = block.map.to_source(Span::new(0, first_line.len())).end();
    let head = Item { span: Span::new(block.span.start(), end.max(block.span.start())), ..item };
    match lines_as_items(block, 1, vec![head]) {
        Some(items) if items.len() > 1 => Some(items),
        _ => Some(vec![item]),
    }
}

/// The lines of a paragraph from `from_line` as list items, when the first is marked: a
/// line without a mark continues the item above it (a hard-wrapped item).
fn marked_lines(block: &Block, from_line: usize) -> Option<Vec<Item>> {
    lines_as_items(block, from_line, Vec::new())
}

/// The lines of a block from `from_line` as list items after `items`: a marked line is an
/// item, a line without a mark continues the item above it.
fn lines_as_items(block: &Block, from_line: usize, mut items: Vec<Item>) -> Option<Vec<Item>> {
    let mut offset = 0;
    for (i, line) in block.text.split('\n').enumerate() {
        let span = Span::new(offset, offset + line.len());
        offset += line.len() + 1;
        if i < from_line || line.trim().is_empty() {
            continue;
        }
        let source = block.map.to_source(span);
        match enumerator(line) {
            Some(e) => items.push(Item {
                span: source,
                column: 0,
                style: Style { bullet: None, enumeration: Some((e.kind, e.close)) },
                ordinal: Some(e.ordinal),
                inline: e.runs_on_inline(line),
            }),
            None => {
                let last = items.last_mut()?;
                last.span = last.span.cover(source);
            }
        }
    }
    (!items.is_empty()).then_some(items)
}

/// What follows an announcement.
#[derive(Debug)]
pub enum Listed {
    /// No list.
    Nothing,
    /// A list whose extent is unsure: it may go on after the text that interrupts it, or
    /// its marks change.
    Unsure,
    /// The items of the first level.
    Items(Vec<Item>),
}

/// The list that starts at block `index`, line `line`.
pub fn list_from(doc: &Document, mut index: usize, mut line: usize) -> Listed {
    let mut items: Vec<Item> = Vec::new();
    loop {
        match piece(doc, index, line) {
            Piece::PageBreak => {}
            Piece::End => break,
            Piece::Items(found) => {
                for item in found {
                    match add_item(doc.source.text.as_str(), &mut items, item) {
                        Added::Yes | Added::SubItem => {}
                        Added::Ends => return finish_list(doc, index, items),
                        Added::Unsure => return Listed::Unsure,
                    }
                }
            }
        }
        if items.len() > MAX_ITEMS {
            return Listed::Unsure;
        }
        index += 1;
        line = 0;
    }
    finish_list(doc, index, items)
}

enum Added {
    Yes,
    SubItem,
    /// The item belongs to something else: the list ended before it.
    Ends,
    Unsure,
}

fn add_item(text: &str, items: &mut Vec<Item>, item: Item) -> Added {
    if item.inline {
        return Added::Unsure;
    }
    let Some(first) = items.first().copied() else {
        // A list starts at 1 or a, or is not numbered at all.
        if item.ordinal.is_some_and(|o| o != 1) {
            return Added::Unsure;
        }
        items.push(item);
        return Added::Yes;
    };
    if item.column > first.column {
        return Added::SubItem;
    }
    if item.column < first.column {
        return Added::Ends;
    }
    if item.style != first.style {
        // "b) memperluas kesempatan kerja melalui:" then "1) …", "2) …" unindented, as
        // Word's text export writes them: in a lettered list, items marked another way
        // after an item that ends with a colon are its sub-items, and the list goes on.
        let lettered = matches!(first.style.enumeration, Some((Enumeration::Letters, _)));
        let opens = items.last().and_then(|last| text.get(trimmed(text, last.span).range()));
        if lettered && opens.is_some_and(|t| t.ends_with(':')) {
            return Added::SubItem;
        }
        // Another mark ends the list: a numbered heading of the next section, or sub-items
        // written flat as text exports do (then the list carries on after them, which
        // [`finish_list`] sees).
        return Added::Ends;
    }
    let last = items.last().map_or(0, |i| i.ordinal.unwrap_or(0));
    if item.ordinal.is_some() && item.ordinal != last.checked_add(1) {
        return Added::Unsure;
    }
    items.push(item);
    Added::Yes
}

/// The list that ended before block `end`, unless the same list carries on a little
/// later (text between its items). The search stops at a heading, at a sentence that
/// announces something else, and at a list that starts anew.
fn finish_list(doc: &Document, end: usize, items: Vec<Item>) -> Listed {
    let Some(last) = items.last().copied() else { return Listed::Nothing };
    let next_ordinal = last.ordinal.and_then(|o| o.checked_add(1));
    for (index, block) in doc.blocks.iter().enumerate().skip(end).take(LOOKAHEAD) {
        if matches!(block.kind, BlockKind::Heading { inferred: false, .. }) {
            break;
        }
        let Piece::Items(found) = piece(doc, index, 0) else {
            if block.kind == BlockKind::Paragraph && ANNOUNCES.is_match(&block.text) {
                break;
            }
            continue;
        };
        for item in found.iter().filter(|i| i.style == last.style && i.column == last.column) {
            if next_ordinal.is_none() || item.ordinal == next_ordinal {
                return Listed::Unsure;
            }
            if item.ordinal == Some(1) && index > end {
                return Listed::Items(items);
            }
        }
    }
    Listed::Items(items)
}

pub fn check_list_count(
    ctx: &Context,
    counts: &[Count],
    listed: Listed,
    findings: &mut Vec<Finding>,
) {
    let Listed::Items(items) = listed else { return };
    // The list answers one count; with two ("2 tujuan dan 4 misi") which is unsure.
    let [count] = counts else { return };
    let (Some(first), Some(last)) = (items.first(), items.last()) else { return };
    if items.len() == count.n {
        return;
    }
    let text = ctx.doc.source.text.as_str();
    let digits = ctx.digits(count.figure);
    let n = items.len();
    let items = number_of_items(n);
    let note = match (first.ordinal, last.ordinal, first.style.enumeration) {
        (Some(_), Some(to), Some((Enumeration::Letters, close))) => {
            let (close, last) = (close.to_string(), letter(to).to_string());
            msg!("c205.list-note-runs-from-a", close, last, items)
        }
        (Some(_), Some(to), Some((Enumeration::Digits, close))) => {
            msg!("c205.list-note-runs-from-1", close = close.to_string(), last = to, items)
        }
        _ => msg!("c205.list-note", items),
    };
    findings.push(
        finding(
            CODE,
            msg!("c205.list-message", count = count.printed(text), items),
            Label::new(count.figure.number_span, msg!("c205.label-says", n = digits)),
        )
        .with_related(Label::new(trimmed(text, first.span), msg!("c205.label-first-item")))
        .with_related(Label::new(trimmed(text, last.span), msg!("c205.label-last-item", n)))
        .with_values(ctx.show(Decimal::from(n), 0), digits)
        .with_note(note),
    );
}

/// The span without the white space at its ends.
pub fn trimmed(text: &str, span: Span) -> Span {
    let Some(inner) = text.get(span.range()) else { return span };
    let start = span.start() + (inner.len() - inner.trim_start().len());
    let end = span.start() + inner.trim_end().len();
    if start < end {
        Span::new(start, end)
    } else {
        span
    }
}

fn letter(ordinal: u32) -> char {
    char::from_u32(u32::from('a') + ordinal.saturating_sub(1)).unwrap_or('?')
}

/// "1 item", "5 items".
fn number_of_items(n: usize) -> Message {
    if n == 1 {
        msg!("c205.one-item", n)
    } else {
        msg!("c205.items", n)
    }
}
