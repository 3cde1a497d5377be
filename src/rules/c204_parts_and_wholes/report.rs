//! The findings: each names the whole, every part it was added up from, and the sum
//! written out.

use super::breakdown::Breakdown;
use super::lists::Item;
use super::names::Name;
use super::parts::Part;
use super::CODE;
use crate::arith::computation::sum_expression;
use crate::arith::Interval;
use crate::diagnostics::{Finding, Label};
use crate::figures::Figure;
use crate::messages::Message;
use crate::msg;
use crate::rules::support::finding;
use crate::rules::Context;

/// The sum of counts, exact.
fn sum_of<'a>(ctx: &Context, figures: impl Iterator<Item = &'a Figure>) -> Option<Interval> {
    let inputs: Vec<Interval> = figures.map(|f| ctx.input(f, f.span).interval).collect();
    Interval::sum(&inputs)
}

fn show_sum(ctx: &Context, sum: &Interval) -> String {
    sum.mid().map(|v| ctx.show(v, 0)).unwrap_or_default()
}

/// A whole count: whole numbers are printed exactly, so the whole stands for itself (and a
/// count as large as `Decimal` allows cannot overflow a rounding interval).
fn count(ctx: &Context, figure: &Figure) -> Interval {
    ctx.input(figure, figure.span).interval
}

/// `a + b + c = s`, the parts as printed.
fn written_sum<'a>(ctx: &Context, figures: impl Iterator<Item = &'a Figure>, sum: &str) -> String {
    let terms: Vec<String> = figures.map(|f| ctx.digits(f)).collect();
    let refs: Vec<&str> = terms.iter().map(String::as_str).collect();
    format!("{} = {sum}", sum_expression(&refs))
}

/// Related labels on the parts, the values and the sum written out.
fn with_parts(
    ctx: &Context,
    mut f: Finding,
    parts: &[Part],
    sum: &Interval,
    expected: String,
    found: String,
) -> Finding {
    for part in parts {
        let digits = ctx.digits(part.figure);
        let label = match &part.name {
            Some(name) => Message::plain(format!("{}: {digits}", name.label)),
            None => msg!("c204.label-part", digits),
        };
        f = f.with_related(Label::new(part.figure.span, label));
    }
    let note = written_sum(ctx, parts.iter().map(|p| p.figure), &show_sum(ctx, sum));
    f.with_values(expected, found).with_note(Message::plain(note))
}

/// A group stated earlier against its breakdown. The breakdown is what is reported: the
/// group's size was stated first (and other breakdowns of it may agree with it).
pub fn check_group(
    ctx: &Context,
    whole: &Figure,
    label: &str,
    by: &str,
    parts: &[Part],
    findings: &mut Vec<Finding>,
) {
    let Some(sum) = sum_of(ctx, parts.iter().map(|p| p.figure)) else { return };
    if sum.meets(&count(ctx, whole)) {
        return;
    }
    let (Some(first), Some(last)) = (parts.first(), parts.last()) else { return };
    let (size, total) = (ctx.digits(whole), show_sum(ctx, &sum));
    let line = ctx.doc.source.line_col(whole.span.start()).line;
    let breakdown = crate::span::Span::new(first.figure.span.start(), last.figure.span.end());
    let note = written_sum(ctx, parts.iter().map(|p| p.figure), &total);
    findings.push(
        finding(
            CODE,
            msg!("c204.group-message", label, by, total, size, line),
            Label::new(breakdown, msg!("c204.label-adds-up-to", total)),
        )
        .with_related(Label::new(whole.span, Message::plain(format!("{label}: {size}"))))
        .with_values(size, total)
        .with_note(Message::plain(note)),
    );
}

/// A whole and its parts in one sentence (or one list item).
pub fn check_sentence_whole(ctx: &Context, b: &Breakdown, findings: &mut Vec<Finding>) {
    let Some(sum) = sum_of(ctx, b.parts.iter().map(|p| p.figure)) else { return };
    if sum.meets(&count(ctx, b.whole)) {
        return;
    }
    let (found, expected) = (ctx.digits(b.whole), show_sum(ctx, &sum));
    let f = finding(
        CODE,
        msg!("c204.sentence-message", found, parts = b.parts.len(), expected),
        Label::new(b.whole.number_span, msg!("c204.label-parts-add-up-to", found, expected)),
    );
    findings.push(with_parts(ctx, f, &b.parts, &sum, expected, found));
}

/// The whole against the sum of the items' totals.
pub fn check_list_total(
    ctx: &Context,
    totals: &Breakdown,
    items: &[Item],
    findings: &mut Vec<Finding>,
) {
    let whole = totals.whole;
    let printed = count(ctx, whole);
    let Some(sum) = sum_of(ctx, items.iter().map(|i| i.total)) else { return };
    // An item whose own parts disagree with its total is reported on its own; the list
    // is wrong only if neither reading of that item gives the whole.
    let Some(by_parts) = items
        .iter()
        .map(|i| item_parts_sum(ctx, i))
        .try_fold(Interval::exact(Default::default()), |acc, s| acc.add(&s?))
    else {
        return;
    };
    if sum.meets(&printed) || by_parts.meets(&printed) {
        return;
    }
    let (found, expected) = (ctx.digits(whole), show_sum(ctx, &sum));
    let mut f = finding(
        CODE,
        msg!("c204.list-message", found, items = items.len(), expected),
        Label::new(whole.number_span, msg!("c204.label-list-gives", found, expected)),
    );
    for item in items {
        let label = msg!("c204.label-item", digits = ctx.digits(item.total));
        f = f.with_related(Label::new(item.total.span, label));
    }
    let sum_written = written_sum(ctx, items.iter().map(|i| i.total), &expected);
    let note = if by_parts != sum {
        let by_parts = show_sum(ctx, &by_parts);
        msg!("c204.list-note-item-parts", sum = sum_written, by_parts)
    } else {
        Message::plain(sum_written)
    };
    findings.push(f.with_values(expected, found).with_note(note));
}

/// An item's count as its parts give it (its total when it has no parts).
fn item_parts_sum(ctx: &Context, item: &Item) -> Option<Interval> {
    if item.parts.is_empty() {
        return sum_of(ctx, std::iter::once(item.total));
    }
    sum_of(ctx, item.parts.iter().map(|p| p.figure))
}

/// A category's total against the list's counts of that category.
pub fn check_category(
    ctx: &Context,
    part: &Part,
    counts: &[(&Figure, &Name)],
    findings: &mut Vec<Finding>,
) {
    let (Some(name), false) = (&part.name, counts.is_empty()) else { return };
    let Some(sum) = sum_of(ctx, counts.iter().map(|(f, _)| *f)) else { return };
    if sum.meets(&count(ctx, part.figure)) {
        return;
    }
    let (found, expected) = (ctx.digits(part.figure), show_sum(ctx, &sum));
    // The list's own name for the category ("PPPK" for "Pegawai Pemerintah dengan …").
    let listed = counts.first().map_or(&name.label, |(_, n)| &n.label);
    let mut f = finding(
        CODE,
        msg!("c204.category-message", found, category = name.label, listed, expected),
        Label::new(part.figure.number_span, msg!("c204.label-list-gives", found, expected)),
    );
    for (count, n) in counts {
        let label = Message::plain(format!("{}: {}", n.label, ctx.digits(count)));
        f = f.with_related(Label::new(count.span, label));
    }
    let note = Message::plain(written_sum(ctx, counts.iter().map(|(f, _)| *f), &expected));
    findings.push(f.with_values(expected, found).with_note(note));
}
