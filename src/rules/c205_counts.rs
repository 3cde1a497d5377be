//! # C205 `count-mismatch`
//!
//! A count that disagrees with what it counts: its own number words, the list or table it
//! announces, or the places its sentence names.
//!
//! ## What it checks
//!
//! **Number words.** Reports confirm a count in words: "84 (delapan puluh empat) orang",
//! "4 (empat) misi", "5 (LIMA) IKU". The words are read as a number (nol … triliun, belas,
//! puluh, ratus, ribu, juta, miliar, the se- forms, in any case) and must equal the digits.
//! Words in parentheses that are not a number ("(PNS)", "(dua kali lipat)") are left alone.
//! Either side may be the slip, so the finding names both.
//!
//! **A list or table announced.** "Balai menetapkan 4 (empat) misi sebagai berikut:"
//! followed by a list must be followed by 4 items. The sentence must be the last one before
//! the list and announce it ("berikut", or a colon at its end); the count must name what
//! lists hold (misi, tujuan, sasaran, indikator, IKU, program, kegiatan, langkah, titik,
//! lokasi, …) and be the only such count of the sentence. Items are Markdown list items,
//! or lines that start with "a)", "1.", "(2)" as a text export writes them; only the first
//! level counts (sub-items are indented deeper or marked another way), a page number
//! inside the list does not end it, and an enumeration (a, b, c or 1, 2, 3) must run
//! without a gap. A table announced the same way ("7 (tujuh) indikator kinerja, berikut
//! indikator dan nilainya:", then the caption and the table) is counted by its rows: an
//! indicator count against the rows of a column headed "Indikator" or "IKU" (totals,
//! averages and section rows left out, all parts of a table continued after a page break
//! counted), a count of "Sasaran Strategis" against the distinct goals of the column headed
//! "Sasaran".
//!
//! **Places enumerated.** "di 14 titik kabupaten/kota … terselenggara di Kab. A, Kab. B
//! (2), … dan Kota C": the places after "di", "yaitu", "meliputi" or "terdiri dari", split
//! at commas, "dan" and "serta", must add up to the count, a place followed by "(2)"
//! counting twice. The count must be of places (titik, lokasi, kabupaten, kota,
//! kecamatan, desa, sekolah, puskesmas, negara, …) and stand after "di", "pada", "ke" or
//! "sebanyak"; every item must be a name (each word capitalised, at most six words) of the
//! kind counted ("Kab." for kabupaten, "Kota" for kota).
//!
//! ## Limits
//!
//! What may cover only part of what follows, or something else, is left alone: a count
//! with "antara lain", "di antaranya", "seperti", "beberapa", "yang belum tercapai" in its
//! sentence, a count that points back ("4 (empat) misi tersebut"), a sentence that names
//! other things after its count ("3 (tiga) program, dengan rincian kegiatan sebagai
//! berikut:"). So is a list interrupted by text, or by items marked another way, whose
//! enumeration carries on after it; a table with sub-rows ("1.1", "a. …"), repeated or
//! summing names ("Nilai Akhir"), or a row that could not be aligned; a table that falls
//! short when another table of indicators follows it closely; more goals than counted
//! when a goal is named anew at the top of a page. Places are left alone in a sentence
//! that plans or hedges ("direncanakan", "namun", "antara lain"), when prefixed and bare
//! names mix ("Kab. Pangkajene dan Kepulauan" reads as two), and when fewer places than
//! titik or lokasi are named with no "(2)" to say which hold more than one.
//!
//! ## Example
//!
//! ```text
//! Jumlah pegawai sebanyak 84 (delapan puluh tiga) orang.
//!
//! Balai menetapkan 4 (empat) misi sebagai berikut:
//!
//! a) meningkatkan mutu pelatihan;
//! b) memperluas kemitraan; dan
//! c) mewujudkan tata kelola yang akuntabel.
//! ```
//!
//! 84 is "delapan puluh empat"; the words say 83. Four missions are announced, the list
//! has three.

use super::support::finding;
use super::Context;
use crate::arith::computation::sum_expression;
use crate::diagnostics::{Finding, Label};
use crate::document::{Block, BlockKind, Document};
use crate::facts::sentences::sentence_spans;
use crate::facts::{ColumnKind, RowRole, TableFacts};
use crate::figures::words::to_number_words;
use crate::figures::{Figure, FigureKind};
use crate::knowledge::normalise;
use crate::span::Span;
use crate::tables::RowKind;
use regex::Regex;
use rust_decimal::Decimal;
use std::sync::LazyLock;

const CODE: &str = "C205";

pub fn check(ctx: &Context, findings: &mut Vec<Finding>) {
    check_number_words(ctx, findings);
    check_announced_lists_and_tables(ctx, findings);
    check_enumerated_places(ctx, findings);
}

// ---------------------------------------------------------------------------------------
// Number words

fn check_number_words(ctx: &Context, findings: &mut Vec<Finding>) {
    for (_, figure) in ctx.doc.prose_figures() {
        let Some(words) = &figure.words else { continue };
        let Some(said) = words.value else { continue };
        if said == figure.value {
            continue;
        }
        // Only whole counts have words to compare with.
        if !figure.value.fract().is_zero() {
            continue;
        }
        let Ok(count) = u64::try_from(figure.value.normalize()) else { continue };
        let digits = ctx.digits(figure);
        let expected = to_number_words(count);
        let found = words.text.clone();
        findings.push(
            finding(
                CODE,
                format!(
                    "{digits} is written “{found}”, which is {} (expected “{expected}”)",
                    ctx.show(said, 0)
                ),
                Label::new(words.span, format!("says {}", ctx.show(said, 0))),
            )
            .with_related(Label::new(figure.number_span, format!("says {digits}")))
            .with_values(expected, found)
            .with_note("the digits and the words give two numbers; one of them is a slip"),
        );
    }
}

// ---------------------------------------------------------------------------------------
// Counts and what they count

/// What a count counts, from the noun after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Counted {
    /// Indikator, IKU: rows of an indicator table, or list items.
    Indicators,
    /// Sasaran (strategis): the goals of a table, or list items.
    Goals,
    /// Titik, lokasi, kabupaten …: places, enumerated in the sentence or listed.
    Places(PlaceKind),
    /// Misi, tujuan, program, langkah …: list items.
    Items,
}

/// The kind of place a count or an enumerated name is, as far as its word says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PlaceKind {
    /// Titik, lokasi, tempat, sekolah, negara …: any name.
    Any,
    Regency,
    City,
    RegencyOrCity,
    District,
    Village,
    Province,
}

/// A count in a sentence and its noun.
#[derive(Debug, Clone)]
struct Count<'d> {
    figure: &'d Figure,
    n: usize,
    counted: Counted,
    /// The count and its noun as printed: "4 (empat) misi", "8 (delapan) Indikator Kinerja
    /// Utama".
    phrase: Span,
    /// The first word of the noun, lower-cased ("misi", "indikator").
    noun: String,
}

impl Count<'_> {
    fn printed<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.phrase.range()).unwrap_or_default()
    }
}

/// Nouns that name things a list holds.
const ITEM_NOUNS: &[&str] = &[
    "misi",
    "tujuan",
    "program",
    "kegiatan",
    "subkegiatan",
    "strategi",
    "kebijakan",
    "arah",
    "aspek",
    "langkah",
    "tahapan",
    "tahap",
    "faktor",
    "kendala",
    "permasalahan",
    "masalah",
    "rekomendasi",
    "prioritas",
    "fungsi",
    "tugas",
    "inovasi",
    "prinsip",
    "komponen",
    "unsur",
    "dokumen",
    "layanan",
    "jenis",
    "kategori",
    "bidang",
    "variabel",
];

/// Words that may follow "sasaran" in a count of goals ("2 (dua) sasaran dan 8 IKU").
const AFTER_GOAL: &[&str] = &["strategis", "dan", "serta", "yang", "sebagai", "berikut", "yaitu"];

fn place_kind(word: &str) -> Option<PlaceKind> {
    Some(match word {
        "titik" | "lokasi" | "tempat" | "sekolah" | "puskesmas" | "negara" | "kantor" => {
            PlaceKind::Any
        }
        "kabupaten" | "kab" => PlaceKind::Regency,
        "kota" => PlaceKind::City,
        "kabupaten/kota" | "kab/kota" | "kab./kota" => PlaceKind::RegencyOrCity,
        "kecamatan" | "kec" => PlaceKind::District,
        "desa" | "kelurahan" | "desa/kelurahan" | "kel" => PlaceKind::Village,
        "provinsi" | "prov" => PlaceKind::Province,
        _ => return None,
    })
}

/// What the words after a count say it counts.
fn counted(words: &[String]) -> Option<Counted> {
    let first = words.first()?.as_str();
    let second = words.get(1).map(String::as_str);
    match first {
        "indikator" | "iku" => Some(Counted::Indicators),
        "sasaran" if second.is_none_or(|w| AFTER_GOAL.contains(&w)) => Some(Counted::Goals),
        _ => place_kind(first)
            .map(Counted::Places)
            .or_else(|| ITEM_NOUNS.contains(&first).then_some(Counted::Items)),
    }
}

/// The words right after a figure (past its number words and markup): up to three words
/// of letters (with `/` and `-` inside, "kabupaten/kota"), lower-cased, with their spans.
fn words_after(text: &str, figure: &Figure) -> Vec<(String, Span)> {
    let mut pos = figure.words.as_ref().map_or(figure.number_span.end, |w| w.span.end);
    let rest = text.get(pos..).unwrap_or_default();
    pos += rest.len() - rest.trim_start_matches([')', ' ', '*', '_', '\t', '\n']).len();
    let mut words = Vec::new();
    while words.len() < 3 {
        let rest = text.get(pos..).unwrap_or_default();
        let len: usize = rest
            .char_indices()
            .take_while(|&(i, c)| {
                c.is_alphabetic()
                    || (i > 0 && matches!(c, '/' | '-'))
                    || (c == '.' && rest[i + 1..].starts_with('/'))
            })
            .map(|(_, c)| c.len_utf8())
            .sum();
        if len == 0 {
            break;
        }
        words.push((rest[..len].to_lowercase(), Span::new(pos, pos + len)));
        pos += len;
        let after = &text[pos..];
        if !after.starts_with(' ') {
            break;
        }
        pos += after.len() - after.trim_start_matches(' ').len();
    }
    words
}

/// How many of the words after a count belong to its noun: "Indikator Kinerja Utama",
/// "Sasaran Strategis", else the first word.
fn noun_length(counted: Counted, words: &[String]) -> usize {
    match counted {
        Counted::Indicators if words[0] == "indikator" => {
            1 + words[1..].iter().take_while(|w| matches!(w.as_str(), "kinerja" | "utama")).count()
        }
        Counted::Goals if words.get(1).is_some_and(|w| w == "strategis") => 2,
        _ => 1,
    }
}

/// The counts of things in `figures` (whole numbers with a noun we know), within `text`.
fn counts_in<'d>(text: &str, figures: &'d [Figure]) -> Vec<Count<'d>> {
    figures
        .iter()
        .filter_map(|figure| {
            if !matches!(figure.kind, FigureKind::Count | FigureKind::Plain)
                || figure.decimals != 0
                || figure.value < Decimal::ONE
                || figure.value > Decimal::from(1000)
            {
                return None;
            }
            // Digits and words that disagree: the number-words finding says so, and
            // which of them counts is unknown.
            if figure.words.as_ref().is_some_and(|w| w.value != Some(figure.value)) {
                return None;
            }
            let n = usize::try_from(figure.value.normalize()).ok()?;
            let spans = words_after(text, figure);
            let words: Vec<String> = spans.iter().map(|(w, _)| w.clone()).collect();
            let counted = counted(&words)?;
            let last = spans.get(noun_length(counted, &words) - 1)?.1;
            let phrase = Span::new(figure.number_span.start, last.end);
            let noun = words.first()?.clone();
            Some(Count { figure, n, counted, phrase, noun })
        })
        .collect()
}

/// Does the sentence after its first count name things of another kind than its counts
/// ("3 (tiga) program, dengan rincian kegiatan sebagai berikut:")? Then what follows may
/// be those.
fn names_other_things(text: &str, sentence: Span, counts: &[Count]) -> bool {
    let Some(first) = counts.first() else { return false };
    let rest = text.get(first.phrase.end..sentence.end).unwrap_or_default();
    rest.split(|c: char| !(c.is_alphabetic() || c == '/'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .any(|word| {
            counted(std::slice::from_ref(&word))
                .is_some_and(|kind| !counts.iter().any(|c| same_things(c, kind, &word)))
        })
}

/// Does `word`, of kind `kind`, name the things `count` counts? Indicators, goals and
/// places by their kind ("IKU" for "indikator"), other things by their word.
fn same_things(count: &Count, kind: Counted, word: &str) -> bool {
    match (count.counted, kind) {
        (Counted::Items, Counted::Items) => count.noun == word,
        (Counted::Places(_), Counted::Places(_)) => true,
        (a, b) => a == b,
    }
}

// ---------------------------------------------------------------------------------------
// A list or a table announced by the last sentence before it

/// A sentence that announces what follows: "sebagai berikut", "berikut ringkasan …",
/// "yaitu:", "meliputi:".
static ANNOUNCES: LazyLock<Regex> =
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

/// How many items a list may hold before it is no list of things counted in prose.
const MAX_ITEMS: usize = 200;

/// How many blocks after a list are searched for its continuation.
const LOOKAHEAD: usize = 20;

fn check_announced_lists_and_tables(ctx: &Context, findings: &mut Vec<Finding>) {
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
                f.span.start >= announcement.sentence.start
                    && f.span.end <= announcement.sentence.end
            })
            .cloned()
            .collect();
        let counts = counts_in(text, &figures);
        let after_first =
            counts.first().and_then(|c| text.get(c.phrase.end..announcement.sentence.end));
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
    let after = count.figure.words.as_ref().map_or(count.figure.number_span.end, |w| w.span.end);
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

// ---- Lists

/// How a list item is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Style {
    /// The Markdown bullet (`-`, `*`, `+`), if any.
    bullet: Option<char>,
    /// The enumeration and its closing mark (`.` or `)`), if the item is numbered or
    /// lettered.
    enumeration: Option<(Enumeration, char)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Enumeration {
    Digits,
    Letters,
}

/// An enumerator at the start of a line: `a)`, `1.`, `(2)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Enumerator {
    kind: Enumeration,
    close: char,
    ordinal: u32,
}

/// The enumerator a line starts with: a lower-case letter or one or two digits, closed by
/// `.` or `)` (or in parentheses), then a space.
fn enumerator(line: &str) -> Option<Enumerator> {
    let line = line.trim_start();
    let (open, rest) = match line.strip_prefix('(') {
        Some(rest) => (true, rest),
        None => (false, line),
    };
    let mut chars = rest.char_indices();
    let (_, first) = chars.next()?;
    let (kind, ordinal, len) = if first.is_ascii_lowercase() {
        (Enumeration::Letters, u32::from(first) - u32::from('a') + 1, 1)
    } else if first.is_ascii_digit() {
        let len = rest.bytes().take_while(u8::is_ascii_digit).count();
        if len > 2 {
            return None;
        }
        (Enumeration::Digits, rest[..len].parse().ok()?, len)
    } else {
        return None;
    };
    let mut after = rest[len..].chars();
    let close = after.next()?;
    if !(close == ')' || (close == '.' && !open)) {
        return None;
    }
    if !after.next().is_some_and(char::is_whitespace) || ordinal == 0 {
        return None;
    }
    Some(Enumerator { kind, close, ordinal })
}

/// One item of a list as read.
#[derive(Debug, Clone, Copy)]
struct Item {
    span: Span,
    /// The column of the item's mark: deeper items are sub-items.
    column: usize,
    style: Style,
    ordinal: Option<u32>,
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
        BlockKind::ListItem => {
            list_item(doc, block).map_or(Piece::End, |item| Piece::Items(vec![item]))
        }
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
    let line_start = text.get(..block.span.start)?.rfind('\n').map_or(0, |i| i + 1);
    let column = text.get(line_start..block.span.start)?.chars().count();
    let marked = text.get(block.span.range())?;
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
    Some(Item {
        span: block.span,
        column,
        style: Style { bullet, enumeration: enumerator.map(|e| (e.kind, e.close)) },
        ordinal: enumerator.map(|e| e.ordinal),
    })
}

/// The lines of a paragraph from `from_line` as list items, when the first is marked: a
/// line without a mark continues the item above it (a hard-wrapped item).
fn marked_lines(block: &Block, from_line: usize) -> Option<Vec<Item>> {
    let mut items: Vec<Item> = Vec::new();
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
enum Listed {
    /// No list.
    Nothing,
    /// A list whose extent is unsure: it may go on after the text that interrupts it, or
    /// its marks change.
    Unsure,
    /// The items of the first level.
    Items(Vec<Item>),
}

/// The list that starts at block `index`, line `line`.
fn list_from(doc: &Document, mut index: usize, mut line: usize) -> Listed {
    let mut items: Vec<Item> = Vec::new();
    loop {
        match piece(doc, index, line) {
            Piece::PageBreak => {}
            Piece::End => break,
            Piece::Items(found) => {
                for item in found {
                    match add_item(&mut items, item) {
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

fn add_item(items: &mut Vec<Item>, item: Item) -> Added {
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

fn check_list_count(ctx: &Context, counts: &[Count], listed: Listed, findings: &mut Vec<Finding>) {
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
    let how = match (first.ordinal, last.ordinal, first.style.enumeration) {
        (Some(_), Some(to), Some((Enumeration::Letters, close))) => {
            format!("the list runs from a{close} to {}{close}", letter(to))
        }
        (Some(_), Some(to), Some((Enumeration::Digits, close))) => {
            format!("the list runs from 1{close} to {to}{close}")
        }
        _ => "the list has".to_string(),
    };
    findings.push(
        finding(
            CODE,
            format!(
                "“{}” announced, but the list that follows has {n} item{}",
                count.printed(text),
                plural(n)
            ),
            Label::new(count.figure.number_span, format!("says {digits}")),
        )
        .with_related(Label::new(trimmed(text, first.span), "the first item"))
        .with_related(Label::new(trimmed(text, last.span), format!("item {n}, the last")))
        .with_values(ctx.show(Decimal::from(n), 0), digits)
        .with_note(format!("{how}: {n} item{} (sub-items not counted)", plural(n))),
    );
}

/// The span without the white space at its ends.
fn trimmed(text: &str, span: Span) -> Span {
    let Some(inner) = text.get(span.range()) else { return span };
    let start = span.start + (inner.len() - inner.trim_start().len());
    let end = span.start + inner.trim_end().len();
    if start < end {
        Span::new(start, end)
    } else {
        span
    }
}

fn letter(ordinal: u32) -> char {
    char::from_u32(u32::from('a') + ordinal.saturating_sub(1)).unwrap_or('?')
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

// ---- Tables

/// The table that starts at block `index` or just after, past its caption.
fn table_after(doc: &Document, index: usize) -> Option<usize> {
    let (offset, t) =
        doc.blocks.iter().skip(index).take(4).enumerate().find_map(|(i, b)| match b.kind {
            BlockKind::Table(t) => Some((i, t)),
            _ => None,
        })?;
    let table = doc.tables.get(t)?;
    let first_part = doc.blocks.get(index + offset)?.span.start == table.span().start;
    // Between the announcement and the table, only the caption.
    let only_caption = doc.blocks.iter().skip(index).take(offset).all(|block| {
        table.caption.is_some_and(|c| c.start <= block.span.start && block.span.end <= c.end)
    });
    (first_part && only_caption).then_some(t)
}

/// What a table holds that a count may be compared with.
struct TableCount {
    n: usize,
    what: &'static str,
    /// The places to point at: the caption, or the first and last names.
    places: Vec<Label>,
}

fn check_table_counts(
    ctx: &Context,
    counts: &[Count],
    t: usize,
    from: usize,
    findings: &mut Vec<Finding>,
) {
    let Some(facts) = ctx.tables.get(t) else { return };
    let text = ctx.doc.source.text.as_str();
    for kind in [Counted::Indicators, Counted::Goals] {
        let of_kind: Vec<&Count> = counts.iter().filter(|c| c.counted == kind).collect();
        let [count] = of_kind[..] else { continue };
        let table_count = match kind {
            Counted::Indicators => indicator_rows(text, facts),
            _ => distinct_goals(text, facts),
        };
        let Some(table_count) = table_count else { continue };
        // A goal named again at the top of a page may be the same goal, named a little
        // differently: a table with more goals than counted is unsure then.
        if kind == Counted::Goals && table_count.n > count.n && goal_starts_a_part(facts) {
            continue;
        }
        if table_count.n == count.n
            || (table_count.n < count.n && another_table_follows(ctx, t, from, kind))
        {
            continue;
        }
        let digits = ctx.digits(count.figure);
        let name = facts.table.display_name();
        let n = table_count.n;
        let mut f = finding(
            CODE,
            format!("“{}” announced, but {name} has {n} {}", count.printed(text), table_count.what),
            Label::new(count.figure.number_span, format!("says {digits}")),
        );
        for label in table_count.places {
            f = f.with_related(label);
        }
        findings.push(f.with_values(ctx.show(Decimal::from(n), 0), digits).with_note(format!(
            "{name} has {n} {}; totals, averages and section rows are not counted",
            table_count.what
        )));
    }
}

/// The label columns whose header matches `pattern`.
fn columns_headed(facts: &TableFacts, pattern: &Regex) -> Vec<usize> {
    (0..facts.columns.len())
        .filter(|&c| {
            !facts.columns[c].is_value()
                && facts.table.columns[c].path.iter().any(|l| pattern.is_match(&normalise(l)))
        })
        .collect()
}

static INDICATOR_HEADER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(indikator|iku)\b").expect("a valid pattern"));
static GOAL_HEADER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^sasaran\b").expect("a valid pattern"));

/// A row that sums up the indicators above it under a name of its own ("Nilai Akhir",
/// "Total Nilai"): not one of them.
static SUMMARY_ROW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(nilai|skor|capaian|hasil) (akhir|total|keseluruhan)\b|^(total nilai|kesimpulan)\b",
    )
    .expect("a valid pattern")
});

/// The data rows a count of rows reads: every row of values, not a total, subtotal,
/// average or section; `None` when a row could not be aligned.
fn data_rows(facts: &TableFacts) -> Option<Vec<usize>> {
    let mut rows = Vec::new();
    for (r, row) in facts.table.rows.iter().enumerate() {
        if !row.aligned {
            return None;
        }
        if row.kind == RowKind::Data && facts.rows[r].role == RowRole::Data {
            if !numbered_plainly(facts, r) {
                return None;
            }
            rows.push(r);
        }
    }
    (!rows.is_empty()).then_some(rows)
}

/// Does row `r` carry a plain number in its "No" column ("3", "3."), or none? A number
/// such as "1.1", "1.a" or "a" marks a sub-row, which a count of the rows above it
/// leaves out.
fn numbered_plainly(facts: &TableFacts, r: usize) -> bool {
    (0..facts.columns.len()).filter(|&c| facts.columns[c].kind == ColumnKind::Index).all(|c| {
        facts.table.rows[r].cells.get(c).is_none_or(|cell| {
            let number = cell.text.trim().trim_end_matches('.');
            number.is_empty() || number.bytes().all(|b| b.is_ascii_digit())
        })
    })
}

/// The indicators of a table: its data rows, when each names its own indicator under a
/// header that says "Indikator" or "IKU", no name repeats, no name is a sub-indicator
/// ("a. …") and all rows or none hold figures (a row of labels among rows of figures is a
/// group, not an indicator).
fn indicator_rows(text: &str, facts: &TableFacts) -> Option<TableCount> {
    let [column] = columns_headed(facts, &INDICATOR_HEADER)[..] else { return None };
    let rows = data_rows(facts)?;
    let mut names = std::collections::HashSet::new();
    for &r in &rows {
        let cell = facts.table.rows[r].cells.get(column)?;
        if !cell.is_text() || cell.carried_from.is_some() || enumerator(&cell.text).is_some() {
            return None;
        }
        let name = normalise(&cell.text);
        if cell.text.trim_start().starts_with(['-', '•', '–', '*']) || SUMMARY_ROW.is_match(&name)
        {
            return None;
        }
        if !names.insert(name) {
            return None;
        }
    }
    let with_figures = rows.iter().filter(|&&r| facts.rows[r].has_figures).count();
    if with_figures != 0 && with_figures != rows.len() {
        return None;
    }
    let first = facts.table.rows[*rows.first()?].cells.get(column)?.span;
    let last = facts.table.rows[*rows.last()?].cells.get(column)?.span;
    Some(TableCount {
        n: rows.len(),
        what: if rows.len() == 1 { "indicator row" } else { "indicator rows" },
        places: table_places(text, facts, first, last),
    })
}

/// The distinct goals of a table: the texts of its "Sasaran" column over its data rows
/// (a merged cell counts once, a goal repeated on every row too).
fn distinct_goals(text: &str, facts: &TableFacts) -> Option<TableCount> {
    let [column] = columns_headed(facts, &GOAL_HEADER)[..] else { return None };
    let rows = data_rows(facts)?;
    let mut goals: Vec<(String, Span)> = Vec::new();
    for &r in &rows {
        let cell = facts.table.rows[r].cells.get(column)?;
        let source = match cell.carried_from {
            Some(from) => facts.table.rows.get(from)?.cells.get(column)?,
            None => cell,
        };
        if !source.is_text() {
            return None;
        }
        let name = normalise(&source.text);
        if !goals.iter().any(|(g, _)| *g == name) {
            goals.push((name, source.span));
        }
    }
    let first = goals.first()?.1;
    let last = goals.last()?.1;
    Some(TableCount {
        n: goals.len(),
        what: if goals.len() == 1 { "goal" } else { "distinct goals" },
        places: table_places(text, facts, first, last),
    })
}

/// Does a part of the table after the first start with a goal named in its own cell?
fn goal_starts_a_part(facts: &TableFacts) -> bool {
    let [column] = columns_headed(facts, &GOAL_HEADER)[..] else { return false };
    let rows = &facts.table.rows;
    (1..rows.len()).any(|r| {
        rows[r].part != rows[r - 1].part
            && rows[r].cells.get(column).is_some_and(|c| c.carried_from.is_none() && !c.is_empty())
    })
}

/// The caption of a table, or its first and last names.
fn table_places(text: &str, facts: &TableFacts, first: Span, last: Span) -> Vec<Label> {
    match facts.table.caption {
        Some(caption) => vec![Label::new(trimmed(text, caption), "the table")],
        None if first == last => vec![Label::new(first, "the only one")],
        None => vec![Label::new(first, "the first"), Label::new(last, "the last")],
    }
}

/// Does another table of the same kind follow table `t` closely, with no heading between
/// (the count may cover both)? `from` is the index of the block where table `t` starts.
fn another_table_follows(ctx: &Context, t: usize, from: usize, kind: Counted) -> bool {
    const CLOSE: usize = 6;
    let pattern = if kind == Counted::Indicators { &INDICATOR_HEADER } else { &GOAL_HEADER };
    let blocks = &ctx.doc.blocks;
    let Some(last_part) = ctx.doc.tables.get(t).and_then(|table| table.parts.last()) else {
        return false;
    };
    let after = (from..blocks.len())
        .find(|&i| blocks[i].span.start > last_part.start)
        .unwrap_or(blocks.len());
    for block in blocks.iter().skip(after).take(CLOSE) {
        match block.kind {
            BlockKind::Heading { .. } => return false,
            BlockKind::Table(u) if u != t => {
                return ctx.tables.get(u).is_some_and(|f| !columns_headed(f, pattern).is_empty())
            }
            _ => {}
        }
    }
    false
}

// ---------------------------------------------------------------------------------------
// Places enumerated in the sentence of their count

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

fn check_enumerated_places(ctx: &Context, findings: &mut Vec<Finding>) {
    let text = ctx.doc.source.text.as_str();
    for sentence in crate::facts::sentences::sentences(ctx.doc) {
        let counts = counts_in(text, sentence.figures);
        let places: Vec<&Count> =
            counts.iter().filter(|c| matches!(c.counted, Counted::Places(_))).collect();
        let [count] = places[..] else { continue };
        let Counted::Places(kind) = count.counted else { continue };
        let before = text.get(sentence.span.start..count.figure.span.start).unwrap_or_default();
        let last_words = before.get(before.len().saturating_sub(40)..).unwrap_or(before);
        if !BEFORE_PLACES.is_match(last_words) {
            continue;
        }
        let Some(said) = text.get(sentence.span.range()) else { continue };
        if PLACES_UNSURE.is_match(said) {
            continue;
        }
        let Some(after) = text.get(count.phrase.end..sentence.span.end) else { continue };
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
        report_places(ctx, count, &items, count.phrase.end, total, findings);
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
    let span_of = |p: &Place| Span::new(base + p.span.start, base + p.span.end);
    let text = ctx.doc.source.text.as_str();
    let terms: Vec<String> = places.iter().map(|p| p.times.to_string()).collect();
    let terms: Vec<&str> = terms.iter().map(String::as_str).collect();
    let marked = places.iter().any(|p| p.times > 1);
    let how = format!(
        "{} = {total}: each place named counts once{}",
        sum_expression(&terms),
        if marked { ", one marked “(n)” n times" } else { "" }
    );
    findings.push(
        finding(
            CODE,
            format!("“{}” stated, but the sentence names {total}", count.printed(text)),
            Label::new(count.figure.number_span, format!("says {digits}")),
        )
        .with_related(Label::new(span_of(first), "the first place"))
        .with_related(Label::new(span_of(last), "the last place"))
        .with_values(ctx.show(Decimal::from(total), 0), digits)
        .with_note(how),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enumerators_at_the_start_of_a_line() {
        let e = |s: &str| enumerator(s).map(|e| (e.kind, e.close, e.ordinal));
        assert_eq!(e("a) misi"), Some((Enumeration::Letters, ')', 1)));
        assert_eq!(e("c. misi"), Some((Enumeration::Letters, '.', 3)));
        assert_eq!(e("12. misi"), Some((Enumeration::Digits, '.', 12)));
        assert_eq!(e("(2) misi"), Some((Enumeration::Digits, ')', 2)));
        assert_eq!(e("2024. Tahun"), None);
        assert_eq!(e("A. CAPAIAN"), None);
        assert_eq!(e("a.b"), None);
        assert_eq!(e("Misi"), None);
    }

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

    #[test]
    fn nouns_after_a_count() {
        let w = |s: &[&str]| counted(&s.iter().map(|w| w.to_string()).collect::<Vec<_>>());
        assert_eq!(w(&["indikator", "kinerja"]), Some(Counted::Indicators));
        assert_eq!(w(&["sasaran", "strategis"]), Some(Counted::Goals));
        assert_eq!(w(&["sasaran", "program"]), None);
        assert_eq!(w(&["misi"]), Some(Counted::Items));
        assert_eq!(w(&["titik", "kabupaten/kota"]), Some(Counted::Places(PlaceKind::Any)));
        assert_eq!(w(&["orang"]), None);
    }
}
