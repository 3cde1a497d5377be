//! The figure lexer: printed numbers in table cells and in prose become [`Figure`]s.
//!
//! A hand-written scanner rather than a regex, because most of the work is context: whether
//! a `-` is a sign or a hyphen, whether the word before a number makes it a reference
//! (`Tabel 3`), whether the word after it is a unit. Every position is looked at a bounded
//! number of times, so a long line lexes in linear time, and every slice is taken at a char
//! boundary (digits, separators and the other markers are ASCII).
//!
//! The number grammar is strict and fixed per locale (`id` shown; `en` swaps `.` and `,`):
//!
//! ```text
//! number  := int ("," digit+)?
//! int     := "0" | [1-9] digit*                        (no thousands separator)
//!          | [1-9] digit{0,2} ("." digit{3})+          (thousands grouped)
//! ```
//!
//! A run of digits and separators that does not fit (`3.5`, `104.01.2` in `id`, `1,2,3`) is
//! not a number at all: it is skipped whole, never split into smaller numbers. A leading zero
//! (`022`, `09`) marks a code, a phone number or a time, so it is not a number either.
//!
//! Around the number: a sign (`-`, `−`, `(-)`, `(−)`), `Rp` / `Rp.`, a `,-` suffix (rupiah
//! "and no cents", so the figure is money), number words in parentheses, then `%`, `\%`, a
//! percent word (`persen`) or a counting unit (`orang`).

use super::words::parse_number_words;
use super::{Figure, FigureKind, Locale, NumberWords, Units};
use crate::span::Span;
use rust_decimal::Decimal;

/// What a table cell holds, read as a figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CellFigure {
    /// Nothing but white space: an unknown value.
    Empty,
    /// `-` (or `–`, `—`): nil, "no value" as accountants write it.
    Nil(Span),
    /// The whole cell is one figure (with its unit and number words).
    Figure(Figure),
    /// Anything else: a label, a date, a sentence.
    Text,
}

/// Reads a whole table cell. `base` is the byte offset of `text` in the file; the spans
/// returned are file offsets.
///
/// The cell is a figure only when the figure covers all of it (surrounding white space
/// aside): `17 Januari`, `1 Mei 2024`, `(1)` or `1.` are [`CellFigure::Text`]. A lone `-`,
/// `–`, `—` (or `−`) is [`CellFigure::Nil`].
pub fn lex_cell(text: &str, base: usize, locale: Locale, units: &Units) -> CellFigure {
    let trimmed = text.trim_start();
    let start = text.len() - trimmed.len();
    let end = start + trimmed.trim_end().len();
    if start >= end {
        return CellFigure::Empty;
    }
    let cell = &text[start..end];
    if matches!(cell, "-" | "–" | "—" | "\u{2212}") {
        return CellFigure::Nil(Span::new(start, end).offset(base));
    }
    let Some(first_digit) = cell.bytes().position(|b| b.is_ascii_digit()) else {
        return CellFigure::Text;
    };
    let d = start + first_digit;
    let t = token_end(text.as_bytes(), d);
    match read_figure(text, d, t, locale, units) {
        Some(raw) if raw.figure.span == Span::new(start, end) => {
            CellFigure::Figure(shift(raw.figure, base))
        }
        _ => CellFigure::Text,
    }
}

/// Finds the figures in a piece of prose. Spans are relative to `text`; the figures come in
/// order and never overlap.
///
/// Numbers that are not quantities are skipped: parts of words and codes (`BP3MI`, `S1`,
/// `Covid-19`, `022-7333212`, `3/PK/2020`), references (`Tabel 3.5`, `Nomor 53`, `No. 587`),
/// years (after `tahun` / `TA`, and any bare 19xx/20xx: a count of that size would be printed
/// with a thousands separator), dates (`15 Januari 2025`), list markers and numbered
/// headings at the start of a line or sentence (`1.`, `2)`, `1 Penempatan …`), and numbers
/// followed by a scale word (`14,7 miliar`), whose value the digits alone do not give. When
/// unsure the lexer skips: a missed figure is better than a wrong one.
pub fn scan_prose(text: &str, locale: Locale, units: &Units) -> Vec<Figure> {
    let bytes = text.as_bytes();
    let mut figures = Vec::new();
    let mut last_end = 0;
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        // `i` starts a run of digits and separators: the scan always resumes after a whole
        // run, so a run is never re-read from its middle.
        let t = token_end(bytes, i);
        match read_figure(text, i, t, locale, units) {
            Some(raw) if raw.figure.span.start() >= last_end && !is_excluded(text, &raw) => {
                last_end = raw.figure.span.end();
                i = raw.figure.span.end().max(t);
                figures.push(raw.figure);
            }
            _ => i = t,
        }
    }
    figures
}

/// A figure as read, with the facts about its printed form that the prose exclusions need.
#[derive(Debug)]
struct Raw {
    figure: Figure,
    /// The digits and separators, without sign or `Rp`.
    core: Span,
    /// Digits only, no thousands separator, no decimals (`2024`, `53`).
    plain_int: bool,
    negative: bool,
    money: bool,
}

/// The value of a run of digits and separators.
struct Number {
    value: Decimal,
    decimals: u32,
    has_decimals: bool,
    grouped: bool,
}

/// The longest run from `d` of digits, where `.` and `,` count only between two digits (so
/// a full stop or comma after a number is left out).
fn token_end(bytes: &[u8], d: usize) -> usize {
    let mut i = d;
    while i < bytes.len() && bytes[i].is_ascii_digit() {
        i += 1;
    }
    if (1..=3).contains(&(i - d)) {
        while let Some(len) = group_space_at(bytes, i) {
            i += len + 3;
        }
    }
    while i + 1 < bytes.len() && matches!(bytes[i], b'.' | b',') && bytes[i + 1].is_ascii_digit() {
        i += 1;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
    }
    i
}

/// Spaces that Word and typesetters put between groups of thousands (`1 200`, with a
/// no-break, narrow no-break, figure or thin space). Read as the locale's thousands
/// separator, so that such a figure is checked rather than taken for two numbers.
const GROUP_SPACES: [&str; 4] = ["\u{a0}", "\u{202f}", "\u{2007}", "\u{2009}"];

/// The length of a group space at `i` followed by exactly three digits.
fn group_space_at(bytes: &[u8], i: usize) -> Option<usize> {
    let rest = &bytes[i..];
    let len = GROUP_SPACES.iter().find(|s| rest.starts_with(s.as_bytes()))?.len();
    let group = rest.get(len..len + 3)?;
    let after = rest.get(len + 3);
    (group.iter().all(u8::is_ascii_digit) && !after.is_some_and(u8::is_ascii_digit)
        || group.iter().all(u8::is_ascii_digit) && group_space_at(bytes, i + len + 3).is_some())
    .then_some(len)
}

/// Reads a run from [`token_end`] with the locale's strict grammar. `None` when the run is
/// not a number (wrong grouping, a leading zero, two decimal parts) or does not fit in a
/// [`Decimal`] (about 28 digits).
fn parse_number(token: &str, locale: Locale) -> Option<Number> {
    let spaced;
    let token = if GROUP_SPACES.iter().any(|s| token.contains(s)) {
        let separator = locale.thousands_separator().to_string();
        if token.contains(&separator) {
            return None; // `1 200.300` mixes two ways of grouping
        }
        spaced = GROUP_SPACES.iter().fold(token.to_string(), |t, s| t.replace(s, &separator));
        spaced.as_str()
    } else {
        token
    };
    let thousands = locale.thousands_separator() as u8;
    let decimal = locale.decimal_separator() as u8;
    let bytes = token.as_bytes();
    let first_len = bytes.iter().position(|b| !b.is_ascii_digit()).unwrap_or(bytes.len());
    if first_len == 0 || (first_len > 1 && bytes[0] == b'0') {
        return None;
    }
    let mut mantissa: u128 = 0;
    let mut overflow = false;
    let mut segment = 0usize; // digits in the current group (or in the decimals)
    let mut grouped = false;
    let mut in_decimals = false;
    let mut decimals = 0usize;
    for &b in bytes {
        if b.is_ascii_digit() {
            if !overflow {
                match mantissa.checked_mul(10).and_then(|m| m.checked_add(u128::from(b - b'0'))) {
                    Some(m) => mantissa = m,
                    None => overflow = true,
                }
            }
            if in_decimals {
                decimals += 1;
            } else {
                segment += 1;
            }
        } else if b == thousands && !in_decimals {
            if grouped {
                if segment != 3 {
                    return None;
                }
            } else if segment > 3 || bytes[0] == b'0' {
                // `1234.567` is not grouped, and `0.500` is neither 500 nor a half.
                return None;
            }
            grouped = true;
            segment = 0;
        } else if b == decimal && !in_decimals {
            if grouped && segment != 3 {
                return None;
            }
            in_decimals = true;
        } else {
            return None;
        }
    }
    if grouped && !in_decimals && segment != 3 {
        return None;
    }
    if overflow || decimals > 28 {
        return None;
    }
    let value =
        Decimal::try_from_i128_with_scale(i128::try_from(mantissa).ok()?, decimals as u32).ok()?;
    Some(Number { value, decimals: decimals as u32, has_decimals: in_decimals, grouped })
}

/// Letters, digits and `_`: what may not touch a figure on either side.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Space inside a line, including the no-break spaces word processors put before `%`.
fn is_inline_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{a0}' | '\u{2007}' | '\u{2009}' | '\u{202f}')
}

fn prev_char(text: &str, pos: usize) -> Option<char> {
    text[..pos].chars().next_back()
}

fn next_char(text: &str, pos: usize) -> Option<char> {
    text[pos..].chars().next()
}

/// How far a unit, `%` or number words may be from the digits: a few spaces, at most one
/// line break (prose is often hard-wrapped). Bounding it keeps the scan linear.
const MAX_GAP: usize = 8;

/// The end of the spacing at `pos` (a line break at most), or `pos` if it is too long.
fn skip_gap(text: &str, pos: usize) -> usize {
    let mut end = pos;
    let mut breaks = 0;
    for (n, c) in text[pos..].chars().enumerate() {
        if c == '\n' {
            breaks += 1;
            if breaks > 1 {
                break;
            }
        } else if !(is_inline_space(c) || c == '\r') {
            break;
        }
        if n >= MAX_GAP {
            return pos;
        }
        end += c.len_utf8();
    }
    end
}

/// The start of the inline spacing that ends at `pos` (bounded).
fn skip_space_back(text: &str, pos: usize) -> usize {
    let mut start = pos;
    for c in text[..pos].chars().rev().take(MAX_GAP) {
        if !is_inline_space(c) {
            break;
        }
        start -= c.len_utf8();
    }
    start
}

/// Longest word worth looking at: units, months, scale and reference words are all short.
const MAX_WORD: usize = 16;

/// The word (letters) starting at `pos` and its end, if it is a whole word of at most
/// [`MAX_WORD`] letters.
fn word_at(text: &str, pos: usize) -> Option<(&str, usize)> {
    let mut end = pos;
    for (n, c) in text[pos..].chars().enumerate() {
        if !c.is_alphabetic() {
            break;
        }
        if n >= MAX_WORD {
            return None;
        }
        end += c.len_utf8();
    }
    if end == pos || next_char(text, end).is_some_and(is_word_char) {
        return None;
    }
    Some((&text[pos..end], end))
}

/// The word just before `pos` (spaces and one `.` or `:` in between allowed: `No. 5`,
/// `Nomor: 5`), and whether that punctuation was crossed.
fn word_before(text: &str, pos: usize) -> Option<(&str, bool)> {
    let mut end = skip_space_back(text, pos);
    let mut crossed = false;
    if let Some(c @ ('.' | ':')) = prev_char(text, end) {
        end = skip_space_back(text, end - c.len_utf8());
        crossed = true;
    }
    let mut start = end;
    for (n, c) in text[..end].chars().rev().enumerate() {
        if !c.is_alphabetic() {
            break;
        }
        if n >= MAX_WORD {
            return None;
        }
        start -= c.len_utf8();
    }
    if start == end || prev_char(text, start).is_some_and(is_word_char) {
        return None;
    }
    Some((&text[start..end], crossed))
}

/// The word after `pos`, past inline spaces.
fn word_after(text: &str, pos: usize) -> Option<&str> {
    let mut p = pos;
    for c in text[pos..].chars().take(MAX_GAP) {
        if !is_inline_space(c) {
            break;
        }
        p += c.len_utf8();
    }
    word_at(text, p).map(|(w, _)| w)
}

/// Number words in parentheses: `from` is just after `(`. Returns the span of the words
/// (trimmed) and the position of `)`. Only letters and spaces are allowed inside, so
/// `(93,86%)` or `(10 orang PNS)` are not number words.
fn paren_words(text: &str, from: usize) -> Option<(Span, usize)> {
    // Long enough for `sembilan ratus sembilan puluh sembilan triliun …`.
    const MAX_WORDS_LEN: usize = 400;
    let mut first = None;
    let mut last = from;
    let mut pos = from;
    for c in text[from..].chars() {
        if pos - from > MAX_WORDS_LEN {
            return None;
        }
        if c == ')' {
            return first.map(|f| (Span::new(f, last), pos));
        }
        if c.is_alphabetic() {
            first.get_or_insert(pos);
            last = pos + c.len_utf8();
        } else if !is_inline_space(c) {
            return None;
        }
        pos += c.len_utf8();
    }
    None
}

/// Reads the figure whose digits start at `d` and run to `t` (from [`token_end`]), with its
/// sign, `Rp`, suffixes, words and unit. `None` when it is not a figure: not a number in this
/// locale, or glued to a word or code.
fn read_figure(text: &str, d: usize, t: usize, locale: Locale, units: &Units) -> Option<Raw> {
    let number = parse_number(&text[d..t], locale)?;
    // `17.516/34.209` is a division; `3/20888/PK` or `15/01/2025` are codes and dates,
    // which never group thousands or carry decimals.
    let divisible = number.grouped || number.has_decimals;

    // The sign, attached to the digits.
    let mut start = d;
    let mut negative = false;
    for sign in ["(-)", "(\u{2212})"] {
        if text[..d].ends_with(sign) {
            start = d - sign.len();
            negative = true;
            break;
        }
    }
    if !negative {
        if let Some(c @ ('-' | '\u{2212}')) = prev_char(text, d) {
            let s = d - c.len_utf8();
            // After a letter or digit the dash is a hyphen (`t-1`, `Covid-19`, `2020-2024`),
            // and the number belongs to a code or range: not a figure.
            if prev_char(text, s).is_some_and(|p| is_word_char(p) || matches!(p, '.' | ',')) {
                return None;
            }
            start = s;
            negative = true;
        }
    }
    let number_start = start;

    // `Rp`, `Rp.`, `Rp ` before the number (and its sign).
    let mut money = false;
    {
        let p = skip_space_back(text, start);
        let q = if text[..p].ends_with('.') { p - 1 } else { p };
        if q >= 2
            && text.is_char_boundary(q - 2)
            && text[q - 2..q].eq_ignore_ascii_case("rp")
            && !prev_char(text, q - 2).is_some_and(is_word_char)
        {
            money = true;
            start = q - 2;
        }
    }

    // What touches the figure on the left.
    if let Some(c) = prev_char(text, start) {
        if is_word_char(c) {
            return None;
        }
        if !money && !negative {
            // `.5`, `,5`: a piece of some other token. An attached en or em dash is either
            // a range or a sign typed by a word processor: unsure, so skip.
            if matches!(c, '.' | ',' | '–' | '—' | '‒') {
                return None;
            }
            // `H+1`, `3/2020`, `x=5`: part of a code or formula. `x^{2}` and `a_{1}` are
            // exponents and indices; `\frac{812}{1.103}` holds real figures.
            let outer = prev_char(text, start - c.len_utf8());
            let joiner = matches!(c, '+' | '/' | ':' | '^' | '\\' | '#' | '@' | '=' | '&' | '~');
            let division = c == '/' && divisible && outer.is_some_and(|o| o.is_ascii_digit());
            if (joiner && !division && outer.is_some_and(is_word_char))
                || (c == '{' && matches!(outer, Some('^' | '_')))
            {
                return None;
            }
        }
    }

    // `,-` after an amount: rupiah, "and no cents".
    let mut pos = t;
    if !number.has_decimals {
        let mut rest = text[t..].chars();
        if let (Some(',' | '.'), Some(dash @ ('-' | '–' | '—'))) = (rest.next(), rest.next()) {
            money = true;
            pos = t + 1 + dash.len_utf8();
        }
    }

    // What touches the number on the right.
    if pos == t {
        if let Some(c) = next_char(text, t) {
            if is_word_char(c) {
                return None;
            }
            if let Some(a) = next_char(text, t + c.len_utf8()).filter(|a| a.is_alphanumeric()) {
                match c {
                    // `50.000/orang` is a rate; `3/20888`, `5/VIII` are codes.
                    '/' if !(a.is_lowercase() || (divisible && a.is_ascii_digit())) => return None,
                    '-' | '\u{2212}' | '–' | '—' | '‒' | '+' | '^' | ':' | '.' | ',' => {
                        return None
                    }
                    _ => {}
                }
            }
        }
    }

    // Number words in parentheses.
    let mut words_span = None;
    {
        let p = skip_gap(text, pos);
        if text[p..].starts_with('(') {
            if let Some((span, close)) = paren_words(text, p + 1) {
                words_span = Some(span);
                pos = close + 1;
            }
        }
    }

    // `%`, `\%`, a percent word or a counting unit. Money takes none of them.
    let mut kind = if money { FigureKind::Money } else { FigureKind::Plain };
    let mut unit = None;
    if !money {
        let p = skip_gap(text, pos);
        let rest = &text[p..];
        if rest.starts_with('%') {
            kind = FigureKind::Percent;
            pos = p + 1;
        } else if rest.starts_with("\\%") {
            kind = FigureKind::Percent;
            pos = p + 2;
        } else if p > pos {
            if let Some((word, end)) = word_at(text, p) {
                if units.is_percent(word) {
                    kind = FigureKind::Percent;
                    pos = end;
                } else if let Some(counting) = units.counting_unit(word) {
                    kind = FigureKind::Count;
                    unit = Some(counting);
                    pos = end;
                }
            }
        }
    }

    if next_char(text, pos).is_some_and(is_word_char) {
        return None;
    }

    let words = words_span.map(|span| {
        let printed = &text[span.range()];
        let value = if money {
            // `Rp 5.000.000,- (lima juta rupiah)`: the currency word is not part of the number.
            parse_number_words(&strip_rupiah(printed))
        } else {
            parse_number_words(printed)
        };
        Box::new(NumberWords { text: printed.to_string(), span, value })
    });

    let mut value = number.value;
    if negative && !value.is_zero() {
        value = -value;
    }
    Some(Raw {
        figure: Figure {
            value,
            decimals: number.decimals,
            kind,
            unit,
            words,
            span: Span::new(start, pos),
            number_span: Span::new(number_start, t),
        },
        core: Span::new(d, t),
        plain_int: !number.grouped && !number.has_decimals,
        negative,
        money,
    })
}

fn strip_rupiah(words: &str) -> String {
    let mut tokens: Vec<&str> = words.split_whitespace().collect();
    if tokens.last().is_some_and(|w| w.eq_ignore_ascii_case("rupiah")) {
        tokens.pop();
    }
    tokens.join(" ")
}

fn shift(mut figure: Figure, base: usize) -> Figure {
    figure.span = figure.span.offset(base);
    figure.number_span = figure.number_span.offset(base);
    if let Some(words) = &mut figure.words {
        words.span = words.span.offset(base);
    }
    figure
}

/// Words after which a number is a reference, an address or an identifier, not a quantity.
const REFERENCE_WORDS: &[&str] = &[
    "tabel", "gambar", "grafik", "bab", "nomor", "no", "pasal", "ayat", "lampiran", "halaman",
    "hal", "hlm", "telp", "telepon", "fax", "faks", "nip", "nrp", "nik", "npwp", "rt", "rw", "uu",
    "pukul", "triwulan", "tw", "semester", "tahap", "table", "figure", "chapter", "section",
];

const MONTHS: &[&str] = &[
    "januari",
    "februari",
    "pebruari",
    "maret",
    "april",
    "mei",
    "juni",
    "juli",
    "agustus",
    "september",
    "oktober",
    "november",
    "nopember",
    "desember",
    "january",
    "february",
    "march",
    "may",
    "june",
    "july",
    "august",
    "october",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "agu",
    "agt",
    "ags",
    "aug",
    "sep",
    "sept",
    "okt",
    "oct",
    "nov",
    "des",
    "dec",
];

/// Words that multiply the number before them (`14,7 miliar`): the digits alone are not the
/// value, so such a number is not read as a figure.
const SCALE_WORDS: &[&str] = &[
    "ribu", "juta", "miliar", "milyar", "triliun", "rb", "jt", "thousand", "million", "billion",
    "trillion",
];

/// Short scale marks seen only after amounts of money: `Rp 1,5 M`, `Rp 2 T`.
const MONEY_SCALE_WORDS: &[&str] = &["m", "t", "k"];

/// Whether `word`, lower-cased, is in `list` (of lower-case words). An ASCII word, as
/// nearly every one is, is compared without building its lower-case form.
fn is_in(list: &[&str], word: &str) -> bool {
    if word.is_ascii() {
        return list.iter().any(|w| w.eq_ignore_ascii_case(word));
    }
    let lower = word.to_lowercase();
    list.contains(&lower.as_str())
}

/// The prose-only exclusions: numbers that are printed like figures but are not quantities.
fn is_excluded(text: &str, raw: &Raw) -> bool {
    let figure = &raw.figure;
    let core = &text[raw.core.range()];
    let words_have_value = figure.words.as_ref().is_some_and(|w| w.value.is_some());

    // A bare 19xx/20xx is a year: a count that large is printed `2.024` in a report.
    if raw.plain_int
        && figure.kind == FigureKind::Plain
        && !words_have_value
        && core.len() == 4
        && (core.starts_with("19") || core.starts_with("20"))
    {
        return true;
    }

    if !raw.money {
        if let Some((word, crossed)) = word_before(text, figure.span.start()) {
            if is_in(REFERENCE_WORDS, word) {
                return true;
            }
            if !crossed {
                if (word.eq_ignore_ascii_case("tahun") || word == "TA") && raw.plain_int {
                    return true;
                }
                // `Januari 15`, `Desember 2024`.
                if is_in(MONTHS, word) {
                    return true;
                }
            }
        }
    }

    // `15 Januari`.
    if word_after(text, raw.core.end()).is_some_and(|w| is_in(MONTHS, w)) {
        return true;
    }
    if let Some(word) = word_after(text, figure.span.end()) {
        if is_in(SCALE_WORDS, word) || (raw.money && is_in(MONEY_SCALE_WORDS, word)) {
            return true;
        }
    }

    is_list_marker(text, raw)
}

#[derive(PartialEq)]
enum LineContext {
    LineStart,
    SentenceStart,
    Other,
}

/// Where `pos` sits: first on its line (after spaces and bullet marks), right after the end
/// of a sentence or clause, or elsewhere.
fn line_context(text: &str, pos: usize) -> LineContext {
    let mut first = true;
    for (n, c) in text[..pos].chars().rev().enumerate() {
        if n >= 16 {
            return LineContext::Other;
        }
        if c == '\n' {
            return LineContext::LineStart;
        }
        if is_inline_space(c) || c == '\r' {
            continue;
        }
        if first && matches!(c, '.' | ':' | ';' | '!' | '?') {
            return LineContext::SentenceStart;
        }
        first = false;
        if !matches!(c, '-' | '*' | '+' | '•' | '·' | '>' | '#' | '–' | '—') {
            return LineContext::Other;
        }
    }
    LineContext::LineStart
}

/// `1.`, `2)`, `(3)` opening a line or a sentence, and a numbered heading (`1 Penempatan
/// PMI …`, `4 Fasilitasi Pemulangan …`) opening a line.
fn is_list_marker(text: &str, raw: &Raw) -> bool {
    let figure = &raw.figure;
    if !raw.plain_int || raw.negative || raw.money || raw.core.len() > 3 {
        return false;
    }
    let (open, before) = match prev_char(text, raw.core.start()) {
        Some('(') => (true, raw.core.start() - 1),
        _ => (false, raw.core.start()),
    };
    let context = line_context(text, before);
    if context == LineContext::Other {
        return false;
    }
    let closes = match next_char(text, raw.core.end()) {
        Some('.') => !open,
        Some(')') => true,
        _ => false,
    };
    if closes && next_char(text, raw.core.end() + 1).is_none_or(|c| c.is_whitespace() || c == '*') {
        return true;
    }
    // A capitalised word after the number: the heading's title, even when that word is
    // also a unit (`4 Fasilitasi Pemulangan …`).
    if context == LineContext::LineStart
        && !open
        && matches!(figure.kind, FigureKind::Plain | FigureKind::Count)
        && figure.words.is_none()
    {
        let p = skip_gap(text, raw.core.end());
        if p > raw.core.end() && next_char(text, p).is_some_and(char::is_uppercase) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn units() -> Units {
        Units::builtin()
    }

    fn cell(text: &str, locale: Locale) -> Figure {
        match lex_cell(text, 0, locale, &units()) {
            CellFigure::Figure(f) => f,
            other => panic!("{text:?} in {locale}: expected a figure, got {other:?}"),
        }
    }

    fn id(text: &str) -> Figure {
        cell(text, Locale::Id)
    }

    fn en(text: &str) -> Figure {
        cell(text, Locale::En)
    }

    fn is_text(text: &str, locale: Locale) -> bool {
        lex_cell(text, 0, locale, &units()) == CellFigure::Text
    }

    /// Checks value, decimals, kind and the printed extent of the figure and its number.
    #[track_caller]
    fn check(
        text: &str,
        f: &Figure,
        value: &str,
        decimals: u32,
        kind: FigureKind,
        span: &str,
        number: &str,
    ) {
        assert_eq!(f.value, d(value), "value of {text:?}");
        assert_eq!(f.value.scale(), decimals, "scale of the value of {text:?}");
        assert_eq!(f.decimals, decimals, "decimals of {text:?}");
        assert_eq!(f.kind, kind, "kind of {text:?}");
        assert_eq!(&text[f.span.range()], span, "span of {text:?}");
        assert_eq!(&text[f.number_span.range()], number, "number span of {text:?}");
    }

    fn prose(text: &str, locale: Locale) -> Vec<Figure> {
        scan_prose(text, locale, &units())
    }

    /// The printed extents of the figures found in `text`.
    fn found(text: &str, locale: Locale) -> Vec<&str> {
        prose(text, locale).iter().map(|f| &text[f.span.range()]).collect()
    }

    // ---- cells: plain numbers and the per-locale grammar ----

    #[test]
    fn thousands_groups() {
        let t = "34.209";
        check(t, &id(t), "34209", 0, FigureKind::Plain, t, t);
        let t = "34,209";
        check(t, &en(t), "34209", 0, FigureKind::Plain, t, t);
        let t = "14.701.007.000";
        check(t, &id(t), "14701007000", 0, FigureKind::Plain, t, t);
        let t = "1,234,567.89";
        check(t, &en(t), "1234567.89", 2, FigureKind::Plain, t, t);
        let t = "1.234.567,89";
        check(t, &id(t), "1234567.89", 2, FigureKind::Plain, t, t);
    }

    #[test]
    fn no_break_spaces_group_thousands() {
        for (t, value) in [("1\u{a0}200", "1200"), ("14\u{202f}701\u{202f}007", "14701007")] {
            check(t, &id(t), value, 0, FigureKind::Plain, t, t);
        }
        let t = "1\u{a0}234,5";
        check(t, &id(t), "1234.5", 1, FigureKind::Plain, t, t);
        assert_eq!(found("sebanyak 1234\u{a0}100 orang", Locale::Id), ["1234", "100 orang"]);
        assert_eq!(found("1\u{a0}20 dan 1\u{a0}2345", Locale::Id), ["1", "20", "1", "2345"]);
    }

    #[test]
    fn the_same_digits_read_per_locale() {
        check("1.103", &id("1.103"), "1103", 0, FigureKind::Plain, "1.103", "1.103");
        check("1.103", &en("1.103"), "1.103", 3, FigureKind::Plain, "1.103", "1.103");
        check("1,103", &en("1,103"), "1103", 0, FigureKind::Plain, "1,103", "1,103");
        check("1,103", &id("1,103"), "1.103", 3, FigureKind::Plain, "1,103", "1,103");
    }

    #[test]
    fn ungrouped_numbers() {
        check("2024", &id("2024"), "2024", 0, FigureKind::Plain, "2024", "2024");
        let t = "14701007000";
        check(t, &id(t), "14701007000", 0, FigureKind::Plain, t, t);
        check("0", &id("0"), "0", 0, FigureKind::Plain, "0", "0");
        check("0,5", &id("0,5"), "0.5", 1, FigureKind::Plain, "0,5", "0,5");
        check("0.5", &en("0.5"), "0.5", 1, FigureKind::Plain, "0.5", "0.5");
    }

    #[test]
    fn decimals_keep_trailing_zeros() {
        let f = id("51,20");
        check("51,20", &f, "51.20", 2, FigureKind::Plain, "51,20", "51,20");
        assert_eq!(f.value.to_string(), "51.20");
        check("51.20", &en("51.20"), "51.20", 2, FigureKind::Plain, "51.20", "51.20");
        check("70", &id("70"), "70", 0, FigureKind::Plain, "70", "70");
        check("87,40", &id("87,40"), "87.40", 2, FigureKind::Plain, "87,40", "87,40");
    }

    #[test]
    fn malformed_numbers_are_text() {
        for t in [
            "3.5",
            "104.01.2",
            "1.1034",
            "1234.567",
            "34.20",
            "0.500",
            "1,2,3",
            "1,5,0",
            "09.00",
            "022",
            "007",
            "1.234,5,6",
        ] {
            assert!(is_text(t, Locale::Id), "{t:?} in id");
        }
        for t in ["3,5", "104,01,2", "1,2.3.4", "1.2.3", "09", "1234,567"] {
            assert!(is_text(t, Locale::En), "{t:?} in en");
        }
    }

    #[test]
    fn cells_with_spans_relative_to_the_file() {
        let line = "a\t 34.209 orang \tb";
        let start = 2;
        let end = line.len() - 2;
        match lex_cell(&line[start..end], start, Locale::Id, &units()) {
            CellFigure::Figure(f) => {
                assert_eq!(&line[f.span.range()], "34.209 orang");
                assert_eq!(&line[f.number_span.range()], "34.209");
                assert_eq!(f.unit.as_deref(), Some("orang"));
            }
            other => panic!("{other:?}"),
        }
        let line = "x|  -  |y";
        match lex_cell(&line[2..7], 2, Locale::Id, &units()) {
            CellFigure::Nil(span) => assert_eq!(&line[span.range()], "-"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn empty_nil_and_text_cells() {
        let u = units();
        assert_eq!(lex_cell("", 0, Locale::Id, &u), CellFigure::Empty);
        assert_eq!(lex_cell(" \t\u{a0} ", 0, Locale::Id, &u), CellFigure::Empty);
        assert_eq!(lex_cell("-", 5, Locale::Id, &u), CellFigure::Nil(Span::new(5, 6)));
        assert_eq!(lex_cell(" – ", 0, Locale::Id, &u), CellFigure::Nil(Span::new(1, 4)));
        assert_eq!(lex_cell("—", 0, Locale::En, &u), CellFigure::Nil(Span::new(0, 3)));
        for t in [
            "17 Januari",
            "Revisi DIPA",
            "1 Mei 2024",
            "TW I",
            "(1)",
            "1.",
            "2)",
            "--",
            "(-)",
            "Rp.",
            "Rp",
            "%",
            "orang",
            "5 - 3",
            "2020-2024",
            "24.650 foo",
            "14,7 miliar",
            "Rp. 13.798.639.694,- (93,86%)",
            "BP3MI",
            "S1",
            "**98**",
        ] {
            assert!(is_text(t, Locale::Id), "{t:?}");
        }
    }

    // ---- cells: percent ----

    #[test]
    fn percent_forms() {
        for t in ["37,25%", "37,25 %", "37,25\u{a0}%", "37,25\u{202f}%", "37,25\\%"] {
            let f = id(t);
            check(t, &f, "37.25", 2, FigureKind::Percent, t, "37,25");
            assert_eq!(f.unit, None);
        }
        let t = "37.25 %";
        check(t, &en(t), "37.25", 2, FigureKind::Percent, t, "37.25");
        let t = "100 persen";
        check(t, &id(t), "100", 0, FigureKind::Percent, t, "100");
        let t = "100 Persen";
        check(t, &en(t), "100", 0, FigureKind::Percent, t, "100");
    }

    #[test]
    fn negative_figures() {
        for (t, number) in [
            ("(-)26,38%", "(-)26,38"),
            ("(\u{2212})26,38%", "(\u{2212})26,38"),
            ("-26,38%", "-26,38"),
            ("\u{2212}26,38%", "\u{2212}26,38"),
        ] {
            check(t, &id(t), "-26.38", 2, FigureKind::Percent, t, number);
        }
        check("-26,38", &id("-26,38"), "-26.38", 2, FigureKind::Plain, "-26,38", "-26,38");
        check("-26.38", &en("-26.38"), "-26.38", 2, FigureKind::Plain, "-26.38", "-26.38");
        let t = "(-)1.103 kasus";
        check(t, &id(t), "-1103", 0, FigureKind::Count, t, "(-)1.103");
        // A negative zero is zero.
        assert!(!id("-0,00").value.is_sign_negative());
    }

    // ---- cells: money ----

    #[test]
    fn money_forms() {
        let t = "Rp. 14.701.007.000,-";
        let f = id(t);
        check(t, &f, "14701007000", 0, FigureKind::Money, t, "14.701.007.000");
        assert_eq!(f.unit, None);
        let t = "Rp 14.701.007.000";
        check(t, &id(t), "14701007000", 0, FigureKind::Money, t, "14.701.007.000");
        let t = "Rp14.701.007.000,00";
        check(t, &id(t), "14701007000.00", 2, FigureKind::Money, t, "14.701.007.000,00");
        let t = "Rp. 5.240.000.000,-";
        check(t, &id(t), "5240000000", 0, FigureKind::Money, t, "5.240.000.000");
        let t = "Rp.5.000";
        check(t, &id(t), "5000", 0, FigureKind::Money, t, "5.000");
        let t = "RP 5.000,–";
        check(t, &id(t), "5000", 0, FigureKind::Money, t, "5.000");
        let t = "Rp 14,701,007,000.00";
        check(t, &en(t), "14701007000.00", 2, FigureKind::Money, t, "14,701,007,000.00");
        let t = "Rp 14,701,007,000.-";
        check(t, &en(t), "14701007000", 0, FigureKind::Money, t, "14,701,007,000");
        let t = "Rp -5.000";
        check(t, &id(t), "-5000", 0, FigureKind::Money, t, "-5.000");
        // The rupiah "no cents" suffix marks money even without `Rp`.
        let t = "6.211.744.000,-";
        check(t, &id(t), "6211744000", 0, FigureKind::Money, t, "6.211.744.000");
    }

    #[test]
    fn money_takes_no_unit_or_percent() {
        assert!(is_text("Rp 5.000 orang", Locale::Id));
        assert!(is_text("Rp 5.000%", Locale::Id));
        assert!(is_text("Rp. 5.000,- orang", Locale::Id));
    }

    #[test]
    fn money_with_words() {
        let t = "Rp 5.000.000,- (lima juta rupiah)";
        let f = id(t);
        check(t, &f, "5000000", 0, FigureKind::Money, t, "5.000.000");
        let w = f.words.unwrap();
        assert_eq!(w.text, "lima juta rupiah");
        assert_eq!(&t[w.span.range()], "lima juta rupiah");
        assert_eq!(w.value, Some(d("5000000")));
    }

    // ---- cells: units and number words ----

    #[test]
    fn counting_units() {
        let t = "24.650 orang";
        let f = id(t);
        check(t, &f, "24650", 0, FigureKind::Count, t, "24.650");
        assert_eq!(f.unit.as_deref(), Some("orang"));
        let t = "812 Kasus";
        let f = id(t);
        check(t, &f, "812", 0, FigureKind::Count, t, "812");
        assert_eq!(f.unit.as_deref(), Some("kasus"));
        let t = "14 titik";
        assert_eq!(id(t).unit.as_deref(), Some("titik"));
        let t = "24,650 orang";
        let f = en(t);
        check(t, &f, "24650", 0, FigureKind::Count, t, "24,650");
        let t = "1,5 kali";
        let f = id(t);
        check(t, &f, "1.5", 1, FigureKind::Count, t, "1,5");
        assert_eq!(f.unit.as_deref(), Some("kali"));
        // A unit must be a whole word.
        assert!(is_text("24.650 orangnya", Locale::Id));
        assert!(is_text("24.650orang", Locale::Id));
    }

    #[test]
    fn number_words_in_parentheses() {
        let t = "84 (delapan puluh empat) orang";
        let f = id(t);
        check(t, &f, "84", 0, FigureKind::Count, t, "84");
        assert_eq!(f.unit.as_deref(), Some("orang"));
        let w = f.words.unwrap();
        assert_eq!(w.text, "delapan puluh empat");
        assert_eq!(&t[w.span.range()], "delapan puluh empat");
        assert_eq!(w.value, Some(d("84")));

        let t = "4 (empat) misi";
        let f = id(t);
        check(t, &f, "4", 0, FigureKind::Count, t, "4");
        assert_eq!(f.unit.as_deref(), Some("misi"));
        assert_eq!(f.words.unwrap().value, Some(d("4")));

        let t = "38 (tiga puluh delapan)";
        let f = id(t);
        check(t, &f, "38", 0, FigureKind::Plain, t, "38");
        assert_eq!(f.unit, None);
        assert_eq!(f.words.unwrap().value, Some(d("38")));

        // Words that do not parse are kept, without a value.
        let t = "38 (tiga puluh puluh) orang";
        let f = id(t);
        let w = f.words.unwrap();
        assert_eq!(w.text, "tiga puluh puluh");
        assert_eq!(w.value, None);

        // Spaces inside the parentheses are not part of the words.
        let t = "5 ( lima ) PMI";
        let f = id(t);
        check(t, &f, "5", 0, FigureKind::Count, t, "5");
        assert_eq!(f.unit.as_deref(), Some("pmi"));
        let w = f.words.unwrap();
        assert_eq!(&t[w.span.range()], "lima");
        assert_eq!(w.value, Some(d("5")));

        let t = "10 (sepuluh) persen";
        let f = id(t);
        check(t, &f, "10", 0, FigureKind::Percent, t, "10");
        assert_eq!(f.words.unwrap().value, Some(d("10")));

        let t = "1,234 (one thousand) orang";
        let f = en(t);
        check(t, &f, "1234", 0, FigureKind::Count, t, "1,234");
        assert_eq!(f.words.unwrap().value, None);

        // Digits inside the parentheses are not number words.
        assert!(is_text("93 (93%)", Locale::Id));
    }

    // ---- prose ----

    #[test]
    fn prose_finds_figures_in_order() {
        let text = "Capaian naik menjadi 17.516 orang atau 51,20% dari target 34.209 orang, \
                    dengan nilai 67,91 dan anggaran Rp. 13.798.639.694,- (93,86%).";
        assert_eq!(
            found(text, Locale::Id),
            ["17.516 orang", "51,20%", "34.209 orang", "67,91", "Rp. 13.798.639.694,-", "93,86%"]
        );
        let figs = prose(text, Locale::Id);
        assert_eq!(figs[0].value, d("17516"));
        assert_eq!(figs[0].kind, FigureKind::Count);
        assert_eq!(figs[1].value, d("51.20"));
        assert_eq!(figs[1].decimals, 2);
        assert_eq!(figs[4].kind, FigureKind::Money);
        assert_eq!(figs[5].kind, FigureKind::Percent);
        for pair in figs.windows(2) {
            assert!(pair[0].span.end() <= pair[1].span.start());
        }
    }

    #[test]
    fn prose_in_english_format() {
        let text = "Realisation reached 17,516 orang or 51.20% of 34,209; spent Rp 1,234.50.";
        assert_eq!(found(text, Locale::En), ["17,516 orang", "51.20%", "34,209", "Rp 1,234.50"]);
        let figs = prose(text, Locale::En);
        assert_eq!(figs[2].value, d("34209"));
        assert_eq!(figs[3].value, d("1234.50"));
    }

    #[test]
    fn prose_percent_forms() {
        let text = "naik 100 persen, turun 37,25 % dan $x = 12,5\\%$ serta 8\u{a0}%.";
        assert_eq!(found(text, Locale::Id), ["100 persen", "37,25 %", "12,5\\%", "8\u{a0}%"]);
        assert!(prose(text, Locale::Id).iter().all(|f| f.kind == FigureKind::Percent));
    }

    #[test]
    fn prose_signs_and_operators() {
        let text = "hasil $(812 - 1.103) / (1.103) \\times 100\\% = (-)26,38\\%$ turun";
        let figs = prose(text, Locale::Id);
        assert_eq!(
            figs.iter().map(|f| &text[f.span.range()]).collect::<Vec<_>>(),
            ["812", "1.103", "1.103", "100\\%", "(-)26,38\\%"]
        );
        assert_eq!(figs[0].value, d("812"));
        assert_eq!(figs[1].value, d("1103"));
        assert_eq!(figs[4].value, d("-26.38"));
        assert_eq!(&text[figs[4].number_span.range()], "(-)26,38");

        let text = "berubah -26,38 dan \u{2212}4,5 poin";
        let figs = prose(text, Locale::Id);
        assert_eq!(figs[0].value, d("-26.38"));
        assert_eq!(figs[1].value, d("-4.5"));
        assert_eq!(&text[figs[1].number_span.range()], "\u{2212}4,5");
    }

    #[test]
    fn prose_units_and_words() {
        let text = "sebanyak 84 (delapan puluh empat) orang, 812 Kasus di 14 titik; \
                    28 Pekerja Migran";
        let figs = prose(text, Locale::Id);
        assert_eq!(
            figs.iter().map(|f| &text[f.span.range()]).collect::<Vec<_>>(),
            ["84 (delapan puluh empat) orang", "812 Kasus", "14 titik", "28"]
        );
        assert_eq!(figs[0].words.as_ref().unwrap().value, Some(d("84")));
        assert_eq!(figs[1].unit.as_deref(), Some("kasus"));
        assert_eq!(figs[3].kind, FigureKind::Plain);
        assert_eq!(figs[3].unit, None);
        // A unit may sit on the next line of a hard-wrapped paragraph.
        let text = "mencapai 17.516\norang";
        assert_eq!(found(text, Locale::Id), ["17.516\norang"]);
    }

    #[test]
    fn prose_money() {
        let text = "alokasi sebesar **Rp. 14.701.007.000,-**, sebelumnya Rp 5.240.000.000 \
                    dan Rp14.701.007.000,00.";
        let figs = prose(text, Locale::Id);
        assert_eq!(
            figs.iter().map(|f| &text[f.span.range()]).collect::<Vec<_>>(),
            ["Rp. 14.701.007.000,-", "Rp 5.240.000.000", "Rp14.701.007.000,00"]
        );
        assert_eq!(figs[0].decimals, 0);
        assert_eq!(figs[2].decimals, 2);
        assert_eq!(&text[figs[0].number_span.range()], "14.701.007.000");
        assert!(figs.iter().all(|f| f.kind == FigureKind::Money));
    }

    #[test]
    fn prose_rates_keep_the_amount() {
        let text = "biaya Rp 50.000/orang per hari";
        assert_eq!(found(text, Locale::Id), ["Rp 50.000"]);
    }

    #[test]
    fn prose_skips_codes_and_parts_of_words() {
        for text in [
            "BP3MI dan P4MI",
            "rumus Pg_{t-1} dan Pg_t",
            "pada H+1 kepulangan",
            "SP DIPA-104.01.2.426355/2024 tanggal",
            "Telp 022-7333212/Fax",
            "S1 dan D3 serta S2",
            "pandemi Covid-19 melanda",
            "Revisi ke-10 ditetapkan",
            "nomor 3/20888/PK.02.02/VIII/2020 tentang",
            "x^{2} dan a_{1}",
            "pukul 10:30 WIB",
            "sekitar 10x lipat",
            "angka .5 dan ,5",
            "selisih –5 poin",
        ] {
            assert_eq!(found(text, Locale::Id), Vec::<&str>::new(), "{text:?}");
        }
    }

    #[test]
    fn prose_reads_latex_fractions() {
        let text = "$\\frac{812}{1.103}$";
        assert_eq!(found(text, Locale::Id), ["812", "1.103"]);
        let text = "($17.516/34.209 \\times 100 = 51,20\\%$)";
        assert_eq!(found(text, Locale::Id), ["17.516", "34.209", "100", "51,20\\%"]);
        // Plain integers around a slash stay codes or dates.
        assert_eq!(found("surat 3/2020 dan 15/01/2025", Locale::Id), Vec::<&str>::new());
    }

    #[test]
    fn prose_skips_references() {
        for text in [
            "lihat Tabel 3.5 berikut",
            "lihat tabel 2 berikut",
            "pada Gambar 4 terlihat",
            "Bab 3 menjelaskan",
            "Peraturan Menteri Nomor 53 Tahun 2014",
            "Jalan Soekarno No. 587 Bandung",
            "sesuai Pasal 5 ayat 2 dan Lampiran 1",
            "NRP. 69110405",
            "UU 18 tahun 2017",
        ] {
            assert_eq!(found(text, Locale::Id), Vec::<&str>::new(), "{text:?}");
        }
        // In `en`, `3.5` is a valid number: only the reference word keeps it out.
        assert_eq!(found("see Tabel 3.5 and Table 3.10", Locale::En), Vec::<&str>::new());
        assert_eq!(found("nilai 3.5 poin", Locale::En), ["3.5"]);
    }

    #[test]
    fn prose_skips_years() {
        for text in [
            "pada tahun 2024 ini",
            "Tahun 2024",
            "TA 2024",
            "Renstra 2020-2024",
            "Renstra 2020 – 2024",
            "Renstra 2020 - 2024",
            "Renstra 2020–2024",
            "dari 2020 sampai 2024",
            "Tahun 2023 dan 2024",
            "pada 2019",
            "tahun 1",
        ] {
            assert_eq!(found(text, Locale::Id), Vec::<&str>::new(), "{text:?}");
        }
        // A count that happens to be printed without a separator keeps its unit.
        assert_eq!(found("sebanyak 2000 orang", Locale::Id), ["2000 orang"]);
        // Numbers around a year are still figures.
        assert_eq!(found("realisasi tahun 2024 sebanyak 93 orang", Locale::Id), ["93 orang"]);
    }

    #[test]
    fn prose_skips_dates() {
        for text in [
            "Bandung, 15 Januari 2025",
            "pada 17 Januari",
            "tanggal 13 Juni 2024 di",
            "on January 15, 2025",
            "05 Februari",
            "tanggal 14 November 2024 sebesar",
        ] {
            assert_eq!(found(text, Locale::Id), Vec::<&str>::new(), "{text:?}");
        }
        assert_eq!(
            found("tanggal 14 November 2024 sebesar Rp. 5.000,-", Locale::Id),
            ["Rp. 5.000,-"]
        );
    }

    #[test]
    fn prose_skips_list_markers_and_headings() {
        let text =
            "1. Penyusunan rencana;\n2. Penyebarluasan 3 dokumen;\n- 3) Kepala sebanyak 1 orang";
        assert_eq!(found(text, Locale::Id), ["3 dokumen", "1 orang"]);
        let text = "fungsi: 1) rencana; 2) anggaran. (3) evaluasi";
        assert_eq!(found(text, Locale::Id), Vec::<&str>::new());
        let text = "1 Penempatan PMI Terampil\n84 orang hadir\n4 Fasilitasi Pemulangan PMI";
        assert_eq!(found(text, Locale::Id), ["84 orang"]);
        // Not at the start of a line or sentence: a figure.
        let text = "target 98. Realisasi 90) dan Kab. Majalengka (2), nilai 87,40.";
        assert_eq!(found(text, Locale::Id), ["98", "90", "2", "87,40"]);
    }

    #[test]
    fn prose_skips_scaled_numbers() {
        for text in
            ["anggaran Rp 14,7 miliar", "sekitar 5 juta orang", "Rp 2 M saja", "about 3.5 million"]
        {
            let locale = if text.starts_with("about") { Locale::En } else { Locale::Id };
            assert_eq!(found(text, locale), Vec::<&str>::new(), "{text:?}");
        }
    }

    #[test]
    fn prose_boundaries() {
        // Unknown words after a number leave it plain.
        let text = "sebanyak 28 Pekerja";
        let figs = prose(text, Locale::Id);
        assert_eq!(&text[figs[0].span.range()], "28");
        assert_eq!(figs[0].kind, FigureKind::Plain);
        // Punctuation around a figure is not part of it.
        assert_eq!(found("(93,86%).", Locale::Id), ["93,86%"]);
        assert_eq!(found("nilai \"85\", lalu", Locale::Id), ["85"]);
        // Letters glued after `%` or a unit make it a word.
        assert_eq!(found("50%an dan 5 orangnya", Locale::Id), ["5"]);
    }

    #[test]
    fn prose_malformed_runs_are_skipped_whole() {
        // `3.5` is not three and not five.
        assert_eq!(found("angka 3.5 dan 104.01.2 lalu 7", Locale::Id), ["7"]);
        assert_eq!(found("pukul 09.00 WIB", Locale::Id), Vec::<&str>::new());
        assert_eq!(found("1,2,3 lalu 4,5", Locale::Id), ["4,5"]);
    }

    #[test]
    fn odd_input_does_not_panic() {
        let u = units();
        let huge = "9".repeat(60);
        let odd = [
            "",
            "%",
            "Rp.",
            "Rp",
            "(-)",
            "(−)",
            "-",
            "−",
            "(",
            ")",
            "\\%",
            ",-",
            "é1é",
            "１２３",
            "٣٤",
            "5 (",
            "5 (lima",
            "5 (lima)",
            "🙂12,5%🙂",
            "Rp🙂5",
            "ÿRp 5",
            "Rp.(−)5",
            "\u{a0}\u{a0}",
            "12\u{301}",
            "1.",
            "1,",
            ".1",
            "0,000000000000000000000000000001",
            "79228162514264337593543950335",
            "79228162514264337593543950336",
            "79.228.162.514.264.337.593.543.950.336",
            huge.as_str(),
        ];
        for text in odd {
            for locale in [Locale::Id, Locale::En] {
                let _ = lex_cell(text, 7, locale, &u);
                for f in scan_prose(text, locale, &u) {
                    assert!(f.span.end() <= text.len());
                    let _ = &text[f.span.range()];
                }
            }
        }
        assert!(is_text(&huge, Locale::Id));
        assert!(is_text(&format!("{huge} orang"), Locale::Id));
        assert_eq!(found(&format!("ada {huge} orang"), Locale::Id), Vec::<&str>::new());
        let big = "79228162514264337593543950335";
        check(big, &id(big), big, 0, FigureKind::Plain, big, big);
        assert!(is_text("79228162514264337593543950336", Locale::Id));
    }

    #[test]
    fn long_lines_lex_in_linear_time() {
        let unit = "realisasi 17.516 orang atau 51,20% (Rp. 5.000,-) pada BP3MI 2020-2024; ";
        let text = unit.repeat(1_000_000 / unit.len() + 1);
        let started = std::time::Instant::now();
        let figs = scan_prose(&text, Locale::Id, &units());
        assert_eq!(figs.len(), 3 * (1_000_000 / unit.len() + 1));
        let spaces = format!("5{}orang", " ".repeat(1_000_000));
        assert_eq!(found(&spaces, Locale::Id), ["5"]);
        let digits = "1.".repeat(500_000);
        assert!(found(&digits, Locale::Id).is_empty());
        let words = format!("5 ({}", "a ".repeat(500_000));
        assert_eq!(found(&words, Locale::Id), ["5"]);
        let _ = lex_cell(&"9".repeat(1_000_000), 0, Locale::Id, &units());
        // Generous: a debug build on a busy machine, but far from quadratic.
        assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
    }
}
