//! Reading a sentence for a whole and the parts it is made of.
//!
//! Two shapes say plainly that parts compose a whole:
//!
//! - a composition word after the whole: "53 orang ASN yang terdiri dari 38 orang PNS dan
//!   15 orang PPPK", "terdapat 9 fasilitasi, berupa …", "meliputi", "yaitu", "dengan
//!   rincian";
//! - a breakdown in parentheses right after the whole: "sebanyak 27 orang (10 orang PNS,
//!   5 orang PPPK dan 12 orang PPNPN)".
//!
//! What follows is read as a list: pieces separated by commas, "dan", "serta" (outside
//! nested parentheses), each holding exactly one count of the same kind as the whole. A
//! percentage or an amount of money beside a part is not a part; a count of anything else,
//! a piece without a count, an approximation ("sekitar", "lebih dari"), a partial list
//! ("antara lain", "termasuk"), a comparison ("menjadi", "dibandingkan", "target") or a
//! count left after the list ends makes the sentence unclear, and nothing is read.

use super::names::{clean, is_filler, Name};
use crate::facts::sentences::Sentence;
use crate::figures::{Figure, FigureKind};
use crate::span::{floor_char_boundary, Span};
use regex::Regex;
use rust_decimal::Decimal;
use std::sync::LazyLock;

/// One part: its figure and, when the sentence names it clearly, what it counts.
#[derive(Debug, Clone)]
pub struct Part<'d> {
    pub figure: &'d Figure,
    pub name: Option<Name>,
}

/// A whole stated with its parts.
#[derive(Debug, Clone)]
pub struct Breakdown<'d> {
    pub whole: &'d Figure,
    /// What the whole counts, when named between it and the composition word ("53 orang
    /// Aparatur Sipil Negara (ASN) yang terdiri dari").
    pub name: Option<Name>,
    pub parts: Vec<Part<'d>>,
}

/// A composition word after the whole, with what may introduce it.
static COMPOSED_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:yang\s+)?(?:terdiri\s+(?:dari|atas)|meliputi|berupa|yaitu|yakni|dengan\s+rincian|terbagi\s+(?:atas|menjadi|dalam|ke\s+dalam))\b\s*:?",
    )
    .expect("a valid pattern")
});

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

/// Words that make a list of parts unclear: approximations, partial lists, comparisons.
const UNCLEAR_WORDS: &[&str] = &[
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

/// Words between a whole and its composition word that say it is not a plain whole.
const UNCLEAR_GAP_WORDS: &[&str] = &["dari", "atau"];

/// Words before a whole that make it an approximation or a bound.
const APPROXIMATE_BEFORE: &[&str] = &[
    "sekitar",
    "lebih",
    "kurang",
    "hampir",
    "minimal",
    "maksimal",
    "setidaknya",
    "sedikitnya",
    "kira-kira",
    "hingga",
    "rata-rata",
];

/// Period words: two of them in a list make it a comparison over time.
const PERIOD_WORDS: &[&str] = &["tahun", "triwulan", "semester", "bulan", "tw"];

/// Capitalised words before a count that do not name a thing: "Jumlah 40 orang".
const NOT_NAMES: &[&str] = &["jumlah", "total", "mencapai", "memiliki", "tercatat"];

/// Separators of parts, outside parentheses.
const SEPARATOR_WORDS: &[&str] = &["dan", "serta"];

/// The most words a whole's name may have between it and the composition word.
const MAX_NAME_WORDS: usize = 6;

/// The most words between a whole and the parenthesis of its breakdown.
const MAX_NAME_BEFORE_PARENTHESIS: usize = 3;

/// The longest list of parts read, in bytes: a list that runs on further is no list.
const MAX_LIST_BYTES: usize = 2_000;

/// Every whole of `sentence` stated with its parts.
pub fn breakdowns<'d>(text: &str, sentence: &Sentence<'d>) -> Vec<Breakdown<'d>> {
    let figures = sentence.figures;
    let mut out = Vec::new();
    for (i, whole) in figures.iter().enumerate() {
        if !can_be_whole(text, whole) {
            continue;
        }
        let next = figures.get(i + 1).map_or(sentence.span.end, |f| f.span.start);
        let Some(between) = text.get(whole.span.end..next) else { continue };
        let found = in_parentheses(text, sentence, whole, between)
            .or_else(|| after_composition_word(text, sentence, whole, between));
        out.extend(found);
    }
    out
}

/// "27 orang (10 orang PNS, 5 orang PPPK dan 12 orang PPNPN)".
fn in_parentheses<'d>(
    text: &str,
    sentence: &Sentence<'d>,
    whole: &'d Figure,
    between: &str,
) -> Option<Breakdown<'d>> {
    let open = whole.span.end + breakdown_parenthesis(between)?;
    let close = matching_parenthesis(text, open, sentence.span.end)?;
    let parts = parts_in(text, Span::new(open + 1, close), whole, sentence.figures)?;
    let name = Name::parse(text.get(whole.span.end..open).unwrap_or_default());
    Some(Breakdown { whole, name, parts })
}

/// "53 orang ASN yang terdiri dari 38 orang PNS dan 15 orang PPPK".
fn after_composition_word<'d>(
    text: &str,
    sentence: &Sentence<'d>,
    whole: &'d Figure,
    between: &str,
) -> Option<Breakdown<'d>> {
    let m = COMPOSED_OF.find(between)?;
    let gap = &between[..m.start()];
    if !is_plain_gap(gap) {
        return None;
    }
    let region = Span::new(whole.span.end + m.end(), sentence.span.end);
    let parts = parts_in(text, region, whole, sentence.figures)?;
    Some(Breakdown { whole, name: Name::parse(gap), parts })
}

/// A breakdown of a group named earlier: "Rincian pegawai ASN (PNS dan PPPK) berdasarkan
/// Jenis Kelamin adalah 29 orang laki-laki dan 24 orang perempuan".
#[derive(Debug, Clone)]
pub struct GroupBreakdown {
    /// The group broken down ("pegawai ASN (PNS dan PPPK)").
    pub group: Name,
    /// What it is broken down by, as printed ("berdasarkan Jenis Kelamin").
    pub by: String,
    /// Where its parts are.
    pub region: Span,
}

static BREAKDOWN_OF_A_GROUP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:rincian|komposisi|sebaran|distribusi|jumlah)\s+(?P<group>[^.;:]{1,120}?)\s+(?P<by>(?:berdasarkan|menurut)\s+[^.;:]{1,80}?)\s+(?:adalah|yaitu|yakni|sebagai\s+berikut)\s*:?",
    )
    .expect("a valid pattern")
});

/// The breakdown of a named group that `sentence` gives, if it gives one.
pub fn group_breakdown(text: &str, sentence: &Sentence) -> Option<GroupBreakdown> {
    let body = text.get(sentence.span.range())?;
    let found = BREAKDOWN_OF_A_GROUP.captures(body)?;
    let whole_match = found.get(0)?;
    let end = sentence.span.start + whole_match.end();
    // The group and the criterion are words; a figure there makes it some other sentence.
    if sentence.figures.iter().any(|f| f.span.start < end) {
        return None;
    }
    Some(GroupBreakdown {
        group: Name::group(found.name("group")?.as_str())?,
        by: found.name("by")?.as_str().split_whitespace().collect::<Vec<_>>().join(" "),
        region: Span::new(end, sentence.span.end),
    })
}

/// A whole is a whole count, stated as such (not "sekitar 80 orang").
fn can_be_whole(text: &str, figure: &Figure) -> bool {
    if !matches!(figure.kind, FigureKind::Count | FigureKind::Plain)
        || figure.decimals != 0
        || figure.value < Decimal::ONE
        || is_numbered_name(text, figure)
    {
        return false;
    }
    let before = text_before(text, figure);
    let last_word = before.split_whitespace().last().unwrap_or_default().to_lowercase();
    let last_word = last_word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    !APPROXIMATE_BEFORE.contains(&last_word)
        && !before.trim_end().ends_with(['±', '>', '<', '≥', '≤', '~'])
}

/// A few words of the text before `figure`.
fn text_before<'t>(text: &'t str, figure: &Figure) -> &'t str {
    let from = floor_char_boundary(text, figure.span.start.saturating_sub(40));
    text.get(from..figure.span.start).unwrap_or_default()
}

/// "Sasaran 3", "Tujuan 2", "Seksi 1": a bare number after a capitalised word numbers a
/// thing, it does not count anything.
fn is_numbered_name(text: &str, figure: &Figure) -> bool {
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
        && chars.all(char::is_lowercase);
    capitalised && !is_filler(word) && !NOT_NAMES.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Between a whole and its composition word: at most a short name ("orang Aparatur Sipil
/// Negara (ASN) yang", ","), never a clause of its own.
fn is_plain_gap(gap: &str) -> bool {
    if gap.contains(['.', ';', ':', '%']) {
        return false;
    }
    let trimmed = gap.trim_end().trim_end_matches(',');
    if trimmed.contains(',') {
        return false;
    }
    let outside: String = {
        let mut depth = 0usize;
        trimmed
            .chars()
            .filter(|&c| {
                match c {
                    '(' => depth += 1,
                    ')' => depth = depth.saturating_sub(1),
                    _ => return depth == 0,
                }
                false
            })
            .collect()
    };
    let words: Vec<String> = outside.split_whitespace().map(str::to_lowercase).collect();
    words.len() <= MAX_NAME_WORDS
        && !words.iter().any(|w| {
            UNCLEAR_GAP_WORDS.contains(&w.as_str())
                || UNCLEAR_WORDS.contains(&w.as_str())
                || PERIOD_WORDS.contains(&w.as_str())
        })
}

/// Where the parenthesis of a breakdown opens: right after the whole, or after a short
/// name of what it counts ("38 orang PNS (20 laki-laki dan 18 perempuan)").
fn breakdown_parenthesis(between: &str) -> Option<usize> {
    let open = between.find('(')?;
    let gap = &between[..open];
    let short = gap.split_whitespace().count() <= MAX_NAME_BEFORE_PARENTHESIS;
    (short && !gap.contains(',') && is_plain_gap(gap)).then_some(open)
}

/// The byte offset of the `)` that closes the `(` at `open`, before `end`.
fn matching_parenthesis(text: &str, open: usize, end: usize) -> Option<usize> {
    // No further than the longest list read, so that many open parentheses cost little.
    let end = floor_char_boundary(text, end.min(open.saturating_add(MAX_LIST_BYTES)));
    let inside = text.get(open..end)?;
    let mut depth = 0usize;
    for (i, c) in inside.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(open + i);
                }
            }
            _ => {}
        }
    }
    None
}

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
    let first = figures.partition_point(|f| f.span.start < region.start);
    let inside: Vec<&'d Figure> =
        figures[first..].iter().take_while(|f| f.span.end <= region.end).collect();
    let scan = scan_list(text, region, &inside)?;
    // A count of the whole's kind after the list ended: the list may have been cut short.
    let left_over = inside.iter().any(|f| f.span.start >= scan.end && role(whole, f) == Role::Part);
    if left_over {
        return None;
    }
    let mut parts = Vec::new();
    let mut units: Option<&str> = None;
    for segment in &scan.segments {
        let top: Vec<&'d Figure> = inside
            .iter()
            .copied()
            .filter(|f| segment.contains(f.span.start) && !scan.is_nested(f.span.start))
            .collect();
        let mut counted = top.iter().filter(|f| role(whole, f) == Role::Part);
        let part = counted.next();
        if counted.next().is_some() || top.iter().any(|f| role(whole, f) == Role::Other) {
            return None;
        }
        if part.is_some_and(|p| is_numbered_name(text, p))
            || has_unread_number(&words_between(text, segment.start, segment.end, &inside))
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
        let after = text.get(p.figure.span.end..).unwrap_or_default();
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
        self.nested.iter().any(|n| n.start <= at && at < n.end)
    }
}

trait Contains {
    fn contains(&self, at: usize) -> bool;
}

impl Contains for Span {
    fn contains(&self, at: usize) -> bool {
        self.start <= at && at < self.end
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
    let mut segment_start = region.start;
    let mut next_figure = 0;
    let mut periods = 0;
    let mut end = region.end;
    let mut skip_to = region.start;
    let mut previous: Option<char> = None;
    for (offset, c) in body.char_indices() {
        let at = region.start + offset;
        if at < skip_to {
            previous = Some(c);
            continue;
        }
        while next_figure < figures.len() && figures[next_figure].span.end <= at {
            next_figure += 1;
        }
        if let Some(f) = figures.get(next_figure).filter(|f| f.span.start == at) {
            skip_to = f.span.end;
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
    let before = words_between(text, segment.start, part.span.start, figures);
    let after = words_between(text, part.span.end, segment.end, figures);
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
    for f in figures.iter().filter(|f| f.span.start >= from && f.span.end <= to) {
        out.push_str(text.get(at..f.span.start).unwrap_or_default());
        out.push(' ');
        at = f.span.end;
    }
    if at < to {
        out.push_str(text.get(at..to).unwrap_or_default());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Block, BlockKind};
    use crate::figures::{scan_prose, Locale, Units};

    /// A part as a value and the label of its name.
    type Read = (i64, Option<String>);

    /// The wholes and parts of a one-sentence text, as values.
    fn read(text: &str) -> Vec<(i64, Vec<Read>)> {
        let figures = scan_prose(text, Locale::Id, &Units::builtin());
        let block = Block {
            kind: BlockKind::Paragraph,
            span: Span::new(0, text.len()),
            text: text.to_string(),
            map: Default::default(),
            figures: figures.clone(),
        };
        let sentence =
            Sentence { span: Span::new(0, text.len()), block: &block, figures: &block.figures };
        breakdowns(text, &sentence)
            .into_iter()
            .map(|b| {
                let value = |f: &Figure| i64::try_from(f.value).unwrap_or_default();
                (
                    value(b.whole),
                    b.parts
                        .iter()
                        .map(|p| (value(p.figure), p.name.as_ref().map(|n| n.label.clone())))
                        .collect(),
                )
            })
            .collect()
    }

    fn named(parts: &[(i64, &str)]) -> Vec<Read> {
        parts.iter().map(|(v, n)| (*v, Some(n.to_string()))).collect()
    }

    #[test]
    fn composition_words_introduce_parts() {
        assert_eq!(
            read("sejumlah 53 orang Aparatur Sipil Negara (ASN) yang terdiri dari 38 orang Pegawai Negeri Sipil (PNS) dan 15 orang PPPK seperti terinci pada tabel berikut:"),
            [(53, named(&[(38, "PNS"), (15, "PPPK")]))]
        );
        assert_eq!(
            read("mencapai 84 (delapan puluh empat) orang yang terdiri dari Tenaga Ahli sebanyak 38 (tiga puluh delapan) orang, 40 orang PPNPN dan 6 orang Pegawai *Outsourcing*."),
            [(84, named(&[(38, "Tenaga Ahli"), (40, "PPNPN"), (6, "Pegawai Outsourcing")]))]
        );
    }

    #[test]
    fn a_parenthesised_breakdown_follows_its_whole() {
        assert_eq!(
            read("Seksi Umum sebanyak 11 orang (4 orang PNS dan 2 orang PPNPN, dan 4 orang *Outsourcing*);"),
            [(11, named(&[(4, "PNS"), (2, "PPNPN"), (4, "Outsourcing")]))]
        );
        assert_eq!(read("Seksi Umum sebanyak 3 orang PNS;"), []);
    }

    #[test]
    fn percentages_beside_parts_are_not_parts() {
        assert_eq!(
            read("Sebanyak 40 orang, terdiri dari 30 orang PNS (75%) dan 10 orang PPPK atau 25%."),
            [(40, named(&[(30, "PNS"), (10, "PPPK")]))]
        );
    }

    #[test]
    fn unclear_lists_are_not_read() {
        // A number that is not a figure: the parts are not all read.
        assert_eq!(read("Jumlah pegawai 30 orang (10 PNS/5 PPPK dan 15 PPNPN)."), []);
        // Numbered pieces, not counts.
        assert_eq!(
            read("Ada 3 bidang, yaitu 1. Bidang Umum, 2. Bidang Teknis, 3. Bidang Data."),
            []
        );
        assert_eq!(read("Ada 3 seksi, yaitu Seksi 1, Seksi 2 dan Seksi 3."), []);
        assert_eq!(
            read("Tujuan 2 dicapai melalui dua sasaran, yaitu Sasaran 3 dan Sasaran 4."),
            []
        );
        assert_eq!(read("Misi 1 terdiri dari 2 tujuan dan 3 sasaran."), []);
        assert_eq!(
            read("Ada 3 seksi, yaitu Seksi A dengan 10 orang dan Seksi B dengan 8 orang."),
            []
        );
        // A count of another kind, a partial list, a comparison, a part without a count.
        assert_eq!(read("Ada 12 kegiatan yang terdiri dari 5 kegiatan dan 300 peserta."), []);
        assert_eq!(read("Ada 12 kegiatan, antara lain 5 kegiatan dan 3 kegiatan."), []);
        assert_eq!(read("Realisasi 120 orang, yaitu target 100 orang dan 20 orang."), []);
        assert_eq!(
            read("Ada 60 orang yang terdiri dari 38 orang PNS, 15 orang PPPK dan tenaga honorer."),
            []
        );
        assert_eq!(
            read("Ada sekitar 60 orang yang terdiri dari 38 orang PNS dan 15 orang PPPK."),
            []
        );
        // The list stops at "yang" but another count follows.
        assert_eq!(read("Ada 60 orang yang terdiri dari 38 orang PNS yang bertugas di pusat dan 22 orang PPPK."), []);
        // A comparison over years.
        assert_eq!(
            read("Ada 60 orang, yaitu 30 orang pada tahun lalu dan 30 orang pada tahun ini."),
            []
        );
    }

    #[test]
    fn nested_breakdowns_are_read_on_their_own() {
        assert_eq!(
            read("Ada 60 orang yang terdiri dari 40 orang PNS (25 laki-laki dan 15 perempuan) dan 20 orang PPPK."),
            [
                (60, named(&[(40, "PNS"), (20, "PPPK")])),
                (40, named(&[(25, "laki-laki"), (15, "perempuan")])),
            ]
        );
    }
}
