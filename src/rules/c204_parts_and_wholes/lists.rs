//! A list of units, each with its count, that makes up the totals stated just before it.
//!
//! "Jumlah pegawai … 84 orang yang terdiri dari PNS sebanyak 38 orang, …" and then
//! "- Sub Bagian Tata Usaha sebanyak 27 orang (10 orang PNS, 5 orang PPPK, …);",
//! "- LTSA Kab. Bandung sebanyak 1 orang PNS;". The items' counts add up to the whole, and
//! the items' counts of each category (PNS, PPPK, …) add up to that category's total.

use super::breakdown::Breakdown;
use super::names::Name;
use super::parts::{role, words_between, Part, Role};
use crate::document::Block;
use crate::figures::{Figure, FigureKind};

/// A percentage or an amount of money: beside a count, never one.
fn is_aside(figure: &Figure) -> bool {
    matches!(figure.kind, FigureKind::Percent | FigureKind::Money)
}

/// One item of the list: its total, and what it is made of.
#[derive(Debug, Clone)]
pub struct Item<'d> {
    pub total: &'d Figure,
    /// The item's own breakdown ("(10 orang PNS, 5 orang PPPK …)"); empty when none.
    pub parts: Vec<Part<'d>>,
    /// The one category of an item without a breakdown ("1 orang PNS").
    pub category: Option<Name>,
}

/// Reads a list item as a unit and its count; `None` when it holds anything else.
pub fn read_item<'d>(text: &str, block: &'d Block, found: &[Breakdown<'d>]) -> Option<Item<'d>> {
    let mut figures = block.figures.iter().filter(|f| !is_aside(f));
    let total = figures.next().filter(|f| f.decimals == 0)?;
    let own = found.iter().find(|b| std::ptr::eq(b.whole, total));
    let in_breakdown =
        |f: &Figure| own.is_some_and(|b| b.parts.iter().any(|p| std::ptr::eq(p.figure, f)));
    if !figures.all(in_breakdown) {
        return None;
    }
    if let Some(own) = own {
        return Some(Item { total, parts: own.parts.clone(), category: None });
    }
    let asides: Vec<&Figure> = block.figures.iter().filter(|f| !std::ptr::eq(*f, total)).collect();
    let after = words_between(text, total.span.end(), block.span.end(), &asides);
    Some(Item { total, parts: Vec::new(), category: Name::parse(&after) })
}

/// Which total's category each named count of the list falls in.
pub struct Categories {
    /// Per item: the category of each of its parts (or of the item itself when it has no
    /// breakdown), as an index into the totals' parts; `None` when it names none.
    pub of_items: Vec<Vec<Option<usize>>>,
    /// Does every count of the list name its category?
    pub complete: bool,
}

/// Matches the categories the list names to the totals' parts. `None` when the list
/// names something the totals do not (it is then some other breakdown), names nothing
/// the totals do, or counts another kind of thing.
pub fn categories(totals: &Breakdown, items: &[Item]) -> Option<Categories> {
    let mut of_items = Vec::with_capacity(items.len());
    let mut complete = true;
    let mut matched_any = false;
    for item in items {
        if role(totals.whole, item.total) != Role::Part {
            return None;
        }
        let names: Vec<Option<&Name>> = if item.parts.is_empty() {
            vec![item.category.as_ref()]
        } else {
            item.parts.iter().map(|p| p.name.as_ref()).collect()
        };
        let mut of_item = Vec::with_capacity(names.len());
        for name in names {
            let Some(name) = name else {
                complete = false;
                of_item.push(None);
                continue;
            };
            of_item.push(Some(category_of(totals, name)?));
            matched_any = true;
        }
        of_items.push(of_item);
    }
    matched_any.then_some(Categories { of_items, complete })
}

/// The one part of the totals that `name` names.
fn category_of(totals: &Breakdown, name: &Name) -> Option<usize> {
    let mut matching = totals
        .parts
        .iter()
        .enumerate()
        .filter(|(_, p)| p.name.as_ref().is_some_and(|n| n.matches(name)));
    let (index, _) = matching.next()?;
    matching.next().is_none().then_some(index)
}

/// The counts of the list that fall in category `index`, each with the list's name for it.
pub fn counts_of<'a, 'd>(
    items: &'a [Item<'d>],
    categories: &Categories,
    index: usize,
) -> Vec<(&'d Figure, &'a Name)> {
    let mut out = Vec::new();
    for (item, of_item) in items.iter().zip(&categories.of_items) {
        if item.parts.is_empty() {
            if let (Some(Some(category)), Some(name)) = (of_item.first(), &item.category) {
                if *category == index {
                    out.push((item.total, name));
                }
            }
            continue;
        }
        for (part, category) in item.parts.iter().zip(of_item) {
            if let (Some(category), Some(name)) = (category, &part.name) {
                if *category == index {
                    out.push((part.figure, name));
                }
            }
        }
    }
    out
}
