//! Places enumerated in the sentence of their count: "di 14 titik … di Kab. A, Kab. B (2),
//! … dan Kota C" must name as many places as it counts.

use super::counts::{counts_in, place_kind, Count, Counted, PlaceKind};
use super::CODE;
use crate::arith::computation::sum_expression;
use crate::diagnostics::{Finding, Label};
use crate::msg;
use crate::rules::support::finding;
use crate::rules::Context;
use crate::span::Span;
use regex::Regex;
use rust_decimal::Decimal;
use std::sync::LazyLock;

/// The words before a count of places that make it a count of where something happens.
static BEFORE_PLACES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(di|pada|ke|sebanyak|dalam|mencakup|menjangkau|meliputi)\s+$")
        .expect("a valid pattern")
});

/// Words that make the places named some of those counted, or the count a plan that the
/// places named need not meet ("direncanakan di 3 lokasi, namun terlaksana di …").
static PLACES_UNSURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(antara lain|di ?antaranya|seperti|misalnya|contoh(nya)?|termasuk|beberapa|sebagian|salah satu(nya)?|kecuali|selain|hanya|namun|tetapi|sedangkan|direncanakan|rencana(nya)?|target|semula|menjadi|sebelumnya)\b",
    )
    .expect("a valid pattern")
});

/// What introduces the places: the last of these after the count.
static INTRODUCES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(di|yaitu|yakni|meliputi|terdiri (dari|atas)|antara lain|di ?antaranya|seperti)\s|:\s")
        .expect("a valid pattern")
});

/// An enumerated place: its name and how many times it counts.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Place {
    /// Where it is, relative to the text given to [`enumerated_places`].
    span: Span,
    times: usize,
    kind: Option<PlaceKind>,
}

pub fn check_enumerated_places(ctx: &Context, findings: &mut Vec<Finding>) {
    let text = ctx.doc.source.text.as_str();
    for &sentence in &ctx.sentences {
        let counts = counts_in(text, sentence.figures);
        let places: Vec<&Count> =
            counts.iter().filter(|c| matches!(c.counted, Counted::Places(_))).collect();
        let [count] = places[..] else { continue };
        let Counted::Places(kind) = count.counted else { continue };
        let before = text.get(sentence.span.start()..count.figure.span.start()).unwrap_or_default();
        let last_words = before.get(before.len().saturating_sub(40)..).unwrap_or(before);
        if !BEFORE_PLACES.is_match(last_words) {
            continue;
        }
        let Some(said) = text.get(sentence.span.range()) else { continue };
        if PLACES_UNSURE.is_match(said) {
            continue;
        }
        let Some(after) = text.get(count.phrase.end()..sentence.span.end()) else { continue };
        let Some(items) = enumerated_places(after) else { continue };
        // Names either all carry their kind ("Kab. A, Kota B") or none do: a bare name
        // among prefixed ones may be the tail of a name with "dan" in it ("Kab.
        // Pangkajene dan Kepulauan").
        let prefixed = items.iter().filter(|p| p.kind.is_some()).count();
        if !items.iter().all(|p| fits(kind, p.kind)) || (prefixed != 0 && prefixed != items.len()) {
            continue;
        }
        let total: usize = items.iter().map(|p| p.times).sum();
        // Points or sites in fewer places: some place may hold two, unless the sentence
        // says which with "(2)".
        let counts_each = items.iter().any(|p| p.times > 1);
        if total == count.n || (kind == PlaceKind::Any && total < count.n && !counts_each) {
            continue;
        }
        report_places(ctx, count, &items, count.phrase.end(), total, findings);
    }
}

/// Is an enumerated place of kind `item` one of the places counted as `counted`?
fn fits(counted: PlaceKind, item: Option<PlaceKind>) -> bool {
    match (counted, item) {
        (_, None) | (PlaceKind::Any, _) => true,
        (PlaceKind::RegencyOrCity, Some(PlaceKind::Regency | PlaceKind::City)) => true,
        (c, Some(i)) => c == i,
    }
}

/// The places enumerated in `text` (the rest of a sentence after a count), with spans
/// relative to `text`: after the last word that introduces them, names separated by
/// commas, "dan" and "serta". `None` unless every item is a name.
fn enumerated_places(text: &str) -> Option<Vec<Place>> {
    let intro = INTRODUCES.find_iter(text).last()?;
    let word = intro.as_str().trim().to_lowercase();
    if ["antara lain", "diantaranya", "di antaranya", "seperti"].contains(&word.as_str()) {
        return None;
    }
    let start = intro.end();
    let body = text[start..].trim_end().trim_end_matches(['.', ';']);
    let places = split_enumeration(body)
        .into_iter()
        .map(|(offset, item)| place(item, start + offset))
        .collect::<Option<Vec<Place>>>()?;
    (places.len() >= 2).then_some(places)
}

/// Splits "A, B, C dan D" at commas, "dan" and "serta": each piece with its offset.
fn split_enumeration(text: &str) -> Vec<(usize, &str)> {
    static SEPARATOR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r",\s*(dan\s+|serta\s+)?|\s+(dan|serta)\s+").expect("a valid pattern")
    });
    let mut pieces = Vec::new();
    let mut from = 0;
    for sep in SEPARATOR.find_iter(text) {
        pieces.push((from, &text[from..sep.start()]));
        from = sep.end();
    }
    pieces.push((from, &text[from..]));
    pieces
}

/// A place name, optionally followed by "(2)": every word capitalised, at most six.
fn place(item: &str, offset: usize) -> Option<Place> {
    let lead = item.len() - item.trim_start().len();
    let item = item.trim();
    let (name, times) = match item.strip_suffix(')').and_then(|s| s.rsplit_once('(')) {
        Some((name, n)) => (name.trim_end(), n.trim().parse::<usize>().ok().filter(|&n| n >= 1)?),
        None => (item, 1),
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 {
        return None;
    }
    let is_name_word = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '/'))
    };
    if !words.iter().all(|w| is_name_word(w)) {
        return None;
    }
    let first = words[0].trim_end_matches('.').to_lowercase();
    let kind = place_kind(&first).filter(|k| *k != PlaceKind::Any);
    let start = offset + lead;
    Some(Place { span: Span::new(start, start + item.len()), times, kind })
}

fn report_places(
    ctx: &Context,
    count: &Count,
    places: &[Place],
    base: usize,
    total: usize,
    findings: &mut Vec<Finding>,
) {
    let (Some(first), Some(last)) = (places.first(), places.last()) else { return };
    let digits = ctx.digits(count.figure);
    let span_of = |p: &Place| Span::new(base + p.span.start(), base + p.span.end());
    let text = ctx.doc.source.text.as_str();
    let terms: Vec<String> = places.iter().map(|p| p.times.to_string()).collect();
    let terms: Vec<&str> = terms.iter().map(String::as_str).collect();
    let marked = places.iter().any(|p| p.times > 1);
    let sum = format!("{} = {total}", sum_expression(&terms));
    let how =
        if marked { msg!("c205.places-note-marked", sum) } else { msg!("c205.places-note", sum) };
    findings.push(
        finding(
            CODE,
            msg!("c205.places-message", count = count.printed(text), total),
            Label::new(count.figure.number_span, msg!("c205.label-says", n = digits)),
        )
        .with_related(Label::new(span_of(first), msg!("c205.label-first-place")))
        .with_related(Label::new(span_of(last), msg!("c205.label-last-place")))
        .with_values(ctx.show(Decimal::from(total), 0), digits)
        .with_note(how),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_with_their_multiplicity() {
        let text = "Kab. Cirebon, Kab. Majalengka (2), Kab. Subang dan Kota Banjar";
        let places: Vec<Place> =
            split_enumeration(text).into_iter().filter_map(|(o, p)| place(p, o)).collect();
        assert_eq!(places.len(), 4);
        assert_eq!(places.iter().map(|p| p.times).sum::<usize>(), 5);
        assert_eq!(&text[places[1].span.range()], "Kab. Majalengka (2)");
        assert_eq!(places[3].kind, Some(PlaceKind::City));
        assert!(place("bulan Mei", 0).is_none());
        assert!(place("Kab. Garut (dua titik)", 0).is_none());
    }

    #[test]
    fn enumeration_after_its_last_introducing_word() {
        let text = " dengan peserta 20 orang, terselenggara di Kab. A, Kab. B dan Kota C.";
        let places = enumerated_places(text).unwrap();
        assert_eq!(places.len(), 3);
        assert_eq!(&text[places[2].span.range()], "Kota C");
        assert!(enumerated_places(" antara lain Kab. A dan Kab. B.").is_none());
        assert!(enumerated_places(" di Kab. A, Kab. B pada bulan Mei.").is_none());
    }
}
