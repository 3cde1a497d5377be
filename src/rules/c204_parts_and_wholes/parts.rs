//! Reading what follows a whole as a list of parts.
//!
//! The pieces of the list are separated by commas, "dan", "serta" (outside nested
//! parentheses, whose figures belong to a breakdown of their own), and each must hold
//! exactly one count of the same kind as the whole. A percentage or an amount of money
//! beside a part is not a part; anything that makes the list unclear gives no parts at all.

use super::names::{clean, is_filler, Name};
use crate::figures::{Figure, FigureKind};
use crate::span::floor_char_boundary;
use crate::span::Span;
use rust_decimal::Decimal;

/// One part: its figure and, when the sentence names it clearly, what it counts.
#[derive(Debug, Clone)]
pub struct Part<'d> {
    pub figure: &'d Figure,
    pub name: Option<Name>,
}

/// Words that end the list of parts: the sentence goes on about something else.
const CLAUSE_WORDS: &[&str] = &[
    "sedangkan",
    "sementara",
    "namun",
    "tetapi",
    "sehingga",
    "adapun",
    "karena",
    "maka",
    "yang",
    "seperti",
    "sebagaimana",
    "sesuai",
    "terinci",
    "tersebar",
    "dengan rincian",
    "sebagai berikut",
    "dapat dilihat",
];

/// Words that end the list of parts because what follows comes on top of the whole: "84
/// orang yang terdiri dari 44 orang laki-laki dan 40 orang perempuan, ditambah 12 orang
/// PPPK". A count after them is left over, so such a sentence is not checked: "ditambah"
/// may also join the last part to the others ("60 orang PNS ditambah 40 orang PPPK").
/// Read before [`UNCLEAR_WORDS`], which hold "belum" and "termasuk".
const ADDITION_WORDS: &[&str] =
    &["ditambah", "selain itu", "di luar itu", "belum termasuk", "tidak termasuk"];

/// Composition words inside a list of parts: a part broken down in turn without
/// parentheses ("9 orang Satlinmas yaitu 6 orang laki-laki dan 3 orang perempuan, serta 5
/// orang petugas kebersihan"). Where its own parts end is unclear, so nothing is read.
/// ("dengan rincian" ends the list: the details follow it elsewhere.)
const NESTED_WORDS: &[&str] = &["terdiri", "meliputi", "berupa", "yaitu", "yakni", "terbagi"];

/// Words that make a list of parts unclear: approximations, partial lists, comparisons.
pub const UNCLEAR_WORDS: &[&str] = &[
    "antara lain",
    "di antaranya",
    "diantaranya",
    "termasuk",
    "dll",
    "dan lain-lain",
    "dsb",
    "sekitar",
    "kurang lebih",
    "lebih dari",
    "kurang dari",
    "hampir",
    "masing-masing",
    "rata-rata",
    "setiap",
    "per",
    "dibanding",
    "dibandingkan",
    "menjadi",
    "meningkat",
    "menurun",
    "naik",
    "turun",
    "selisih",
    "sebelumnya",
    "target",
    "realisasi",
    "capaian",
    "sedikitnya",
    "setidaknya",
    "minimal",
    "maksimal",
    "paling",
    // "90 orang lulus dan 60 orang telah bekerja": states that overlap, not parts.
    "telah",
    "sudah",
    "belum",
    "masih",
    "sedang",
    "akan",
    "tersebut",
];

/// Period words: two of them in a list make it a comparison over time.
pub const PERIOD_WORDS: &[&str] = &["tahun", "triwulan", "semester", "bulan", "tw"];

/// Capitalised words before a count that do not name a thing: "Jumlah 40 orang".
const NOT_NAMES: &[&str] = &["jumlah", "total", "mencapai", "memiliki", "tercatat"];

/// Separators of parts, outside parentheses.
const SEPARATOR_WORDS: &[&str] = &["dan", "serta"];

/// The longest list of parts read, in bytes: a list that runs on further is no list.
pub const MAX_LIST_BYTES: usize = 2_000;

/// How a figure after a whole stands to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A count of the same kind: a part.
    Part,
    /// A percentage or an amount beside a part: not summed.
    Aside,
    /// A count of something else, or a figure that is no count: the list is unclear.
    Other,
}

/// People are counted as "orang", "pegawai", "jiwa", "peserta" or "PMI" alike.
fn unit_kind(unit: &str) -> &str {
    match unit {
        "orang" | "pegawai" | "jiwa" | "peserta" | "pmi" | "cpmi" => "orang",
        other => other,
    }
}

/// How `figure` stands to `whole`: the same unit word, or no unit, on either side.
pub fn role(whole: &Figure, figure: &Figure) -> Role {
    match figure.kind {
        FigureKind::Percent | FigureKind::Money => return Role::Aside,
        FigureKind::Count | FigureKind::Plain => {}
    }
    if figure.decimals != 0 || figure.value.is_sign_negative() {
        return Role::Other;
    }
    match (&whole.unit, &figure.unit) {
        (Some(w), Some(p)) if unit_kind(w) != unit_kind(p) => Role::Other,
        // "3 seksi, yaitu … 10 orang …": a whole of no known unit may count anything, so
        // counts of a known unit are not its parts.
        (None, Some(_)) => Role::Other,
        _ => Role::Part,
    }
}

/// The parts in `region`, read as a list; `None` when the list is unclear.
pub fn parts_in<'d>(
    text: &str,
    region: Span,
    whole: &Figure,
    figures: &'d [Figure],
) -> Option<Vec<Part<'d>>> {
    if region.len() > MAX_LIST_BYTES {
        return None;
    }
    // Figures are in file order: find the first in the region, then take while inside.
    let first = figures.partition_point(|f| f.span.start() < region.start());
    let inside: Vec<&'d Figure> =
        figures[first..].iter().take_while(|f| f.span.end() <= region.end()).collect();
    let scan = scan_list(text, region, &inside)?;
    // A count of the whole's kind after the list ended: the list may have been cut short.
    let left_over =
        inside.iter().any(|f| f.span.start() >= scan.end && role(whole, f) == Role::Part);
    if left_over {
        return None;
    }
    let mut parts = Vec::new();
    let mut units: Option<&str> = None;
    for segment in &scan.segments {
        let top: Vec<&'d Figure> = inside
            .iter()
            .copied()
            .filter(|f| segment.contains(f.span.start()) && !scan.is_nested(f.span.start()))
            .collect();
        let mut counted = top.iter().filter(|f| role(whole, f) == Role::Part);
        let part = counted.next();
        if counted.next().is_some() || top.iter().any(|f| role(whole, f) == Role::Other) {
            return None;
        }
        if part.is_some_and(|p| is_numbered_name(text, p))
            || has_unread_number(&words_between(text, segment.start(), segment.end(), &inside))
        {
            return None;
        }
        let Some(part) = part.copied() else {
            if has_words(text, *segment) {
                // A part without a count ("dan tenaga honorer"): the sum is unknown.
                return None;
            }
            continue;
        };
        // With a whole of no unit, the parts still count one kind of thing.
        if let Some(unit) = part.unit.as_deref().map(unit_kind) {
            if units.is_some_and(|u| u != unit) {
                return None;
            }
            units = Some(unit);
        }
        parts.push(Part { figure: part, name: part_name(text, *segment, part, &inside) });
    }
    (parts.len() >= 2 && !is_enumeration(text, &parts)).then_some(parts)
}

/// "1. Bidang A, 2. Bidang B" or "Seksi 1, Seksi 2 dan Seksi 3": numbers that name or
/// number the pieces of a list, not counts.
fn is_enumeration(text: &str, parts: &[Part]) -> bool {
    let bare = |f: &Figure| f.span == f.number_span;
    let marker = parts.iter().any(|p| {
        let after = text.get(p.figure.span.end()..).unwrap_or_default();
        let mut chars = after.chars();
        bare(p.figure)
            && matches!(chars.next(), Some('.' | ')'))
            && chars.next().is_some_and(char::is_whitespace)
    });
    let numbered = parts.iter().all(|p| bare(p.figure))
        && parts.iter().zip(1u32..).all(|(p, n)| p.figure.value == Decimal::from(n));
    marker || numbered
}

/// A list read at the top level of its parentheses.
struct ListScan {
    segments: Vec<Span>,
    /// Parenthesised stretches inside the list: their figures belong to a nested breakdown.
    nested: Vec<Span>,
    /// Where the list ends.
    end: usize,
}

impl ListScan {
    fn is_nested(&self, at: usize) -> bool {
        self.nested.iter().any(|n| n.start() <= at && at < n.end())
    }
}

trait Contains {
    fn contains(&self, at: usize) -> bool;
}

impl Contains for Span {
    fn contains(&self, at: usize) -> bool {
        self.start() <= at && at < self.end()
    }
}

/// Splits `region` into the pieces of a list, skipping over figures (whose decimal commas
/// and number words are not separators). `None` when a word makes the list unclear.
fn scan_list(text: &str, region: Span, figures: &[&Figure]) -> Option<ListScan> {
    let body = text.get(region.range())?;
    let mut segments = Vec::new();
    let mut nested = Vec::new();
    let mut depth = 0usize;
    let mut nested_start = 0;
    let mut segment_start = region.start();
    let mut next_figure = 0;
    let mut periods = 0;
    let mut end = region.end();
    let mut skip_to = region.start();
    let mut previous: Option<char> = None;
    for (offset, c) in body.char_indices() {
        let at = region.start() + offset;
        if at < skip_to {
            previous = Some(c);
            continue;
        }
        while next_figure < figures.len() && figures[next_figure].span.end() <= at {
            next_figure += 1;
        }
        if let Some(f) = figures.get(next_figure).filter(|f| f.span.start() == at) {
            skip_to = f.span.end();
            previous = Some(c);
            continue;
        }
        match c {
            '(' | '[' => {
                if depth == 0 {
                    nested_start = at;
                }
                depth += 1;
            }
            ')' | ']' if depth == 0 => {
                // The end of parentheses opened before the whole.
                end = at;
                break;
            }
            ')' | ']' => {
                depth -= 1;
                if depth == 0 {
                    nested.push(Span::new(nested_start, at + 1));
                }
            }
            '±' | '~' | '<' | '>' | '≥' | '≤' if depth == 0 => return None,
            ',' if depth == 0 => {
                segments.push(Span::new(segment_start, at));
                segment_start = at + 1;
            }
            ';' | ':' if depth == 0 => {
                end = at;
                break;
            }
            _ if depth == 0 && c.is_alphabetic() && !previous.is_some_and(is_word_char) => {
                let rest = &body[offset..];
                if word_at(rest, ADDITION_WORDS).is_some() {
                    end = at;
                    break;
                }
                if word_at(rest, NESTED_WORDS).is_some() {
                    return None;
                }
                if word_at(rest, UNCLEAR_WORDS).is_some() {
                    return None;
                }
                if word_at(rest, PERIOD_WORDS).is_some() {
                    periods += 1;
                }
                if word_at(rest, CLAUSE_WORDS).is_some() {
                    end = at;
                    break;
                }
                if let Some(len) = word_at(rest, SEPARATOR_WORDS) {
                    segments.push(Span::new(segment_start, at));
                    segment_start = at + len;
                    skip_to = segment_start;
                }
            }
            _ => {}
        }
        previous = Some(c);
    }
    if periods >= 2 {
        return None;
    }
    if segment_start < end {
        segments.push(Span::new(segment_start, end));
    }
    Some(ListScan { segments, nested, end })
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-'
}

/// The length of the word of `words` that `rest` starts with (whole words only).
fn word_at(rest: &str, words: &[&str]) -> Option<usize> {
    words.iter().find_map(|w| {
        let head = rest.get(..w.len())?;
        let after = rest[w.len()..].chars().next();
        (head.eq_ignore_ascii_case(w) && !after.is_some_and(is_word_char)).then_some(w.len())
    })
}

/// Does the piece hold any word (not just spaces and punctuation)?
fn has_words(text: &str, segment: Span) -> bool {
    text.get(segment.range()).is_some_and(|s| s.chars().any(char::is_alphanumeric))
}

/// Does the text (figures cut out) still hold a number the lexer did not read as a figure
/// ("10 PNS/5 PPPK", "31 Desember")? A year or digits inside a word ("S2", "BP3MI") are
/// not one.
fn has_unread_number(words: &str) -> bool {
    words
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit()))
        .any(|digits| !is_year(digits))
}

fn is_year(digits: &str) -> bool {
    digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20"))
}

/// What a part counts: the words before its figure ("Pegawai Negeri Sipil (PNS)
/// sebanyak 38 orang") or after it ("38 orang PNS"), when only one side has any.
fn part_name(text: &str, segment: Span, part: &Figure, figures: &[&Figure]) -> Option<Name> {
    let before = words_between(text, segment.start(), part.span.start(), figures);
    let after = words_between(text, part.span.end(), segment.end(), figures);
    match (clean(&before).is_empty(), clean(&after).is_empty()) {
        (false, true) => Name::parse(&before),
        (true, false) => Name::parse(&after),
        _ => None,
    }
}

/// The text of `from..to` with the figures in it left out.
pub fn words_between(text: &str, from: usize, to: usize, figures: &[&Figure]) -> String {
    let mut out = String::new();
    let mut at = from;
    for f in figures.iter().filter(|f| f.span.start() >= from && f.span.end() <= to) {
        out.push_str(text.get(at..f.span.start()).unwrap_or_default());
        out.push(' ');
        at = f.span.end();
    }
    if at < to {
        out.push_str(text.get(at..to).unwrap_or_default());
    }
    out
}

/// A few words of the text before `figure`.
pub fn text_before<'t>(text: &'t str, figure: &Figure) -> &'t str {
    let from = floor_char_boundary(text, figure.span.start().saturating_sub(40));
    text.get(from..figure.span.start()).unwrap_or_default()
}

/// "Sasaran 3", "Tujuan 2", "Seksi 1", "SDN 12", "RT 03": a bare number (no unit after
/// it) right after a capitalised word or an abbreviation numbers a thing, it does not
/// count anything.
pub fn is_numbered_name(text: &str, figure: &Figure) -> bool {
    if figure.span != figure.number_span {
        return false;
    }
    let before = text_before(text, figure);
    let Some(word) = before.strip_suffix(' ').and_then(|b| b.split_whitespace().last()) else {
        return false;
    };
    let mut chars = word.chars();
    let capitalised = chars.next().is_some_and(char::is_uppercase)
        && word.chars().count() >= 2
        && chars.all(char::is_alphanumeric);
    capitalised && !is_filler(word) && !NOT_NAMES.iter().any(|w| w.eq_ignore_ascii_case(word))
}
