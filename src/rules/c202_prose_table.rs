//! # C202 `prose-mismatch`
//!
//! A figure in a sentence that is one slip away from the table's figure for the same
//! indicator and measure: "80,67" where every table prints 80,76.
//!
//! ## What it checks
//!
//! The narrative of a report repeats its tables: "Realisasi tahun 2024 sebesar 80,76 atau
//! mencapai 95,01% … dari nilai target 85". Each figure of such a sentence is tied to
//! - an indicator: the one the sentence names (its words, as `rules/names.yaml` compares
//!   names), or else the one named by the title it sits under ("3. Nilai Zona
//!   Integritas", then "a. Informasi Kinerja", "b. Evaluasi Kinerja"); a sentence naming
//!   two indicators is left alone;
//! - a year: the one the sentence names ("tahun 2024"), else the report's; a sentence
//!   naming two years, or a quarter, is left alone;
//! - a measure, from the words before the figure: "target" a target, "realisasi" a
//!   realisation, "X atau (mencapai) Y%" an achievement percentage. A figure after
//!   budget words that are not the indicator's own ("realisasi anggaran sebesar 95,6%"),
//!   or a percentage right after a rupiah figure, is a budget's, not the indicator's.
//!
//! The figure is compared with the tables' figures for that indicator, year and measure,
//! on every basis (the prose often names the basis loosely). It is reported only when it
//! agrees with none of them and is one slip away from exactly one: two neighbouring digits
//! swapped (80,67 for 80,76) or one digit changed (34.249 for 34.209), with the same
//! number of digits, at least three. A figure that is simply different ("target awal
//! dalam Renstra 500 orang" beside a table target of 380) may be about something else,
//! so it is not reported.
//!
//! ## Example
//!
//! ```text
//! 8 Nilai Zona Integritas
//! … Realisasi tahun 2024 sebesar 80,67 atau mencapai 95,01% …
//! ```
//!
//! Every table gives the realisation of "Nilai Zona Integritas" for 2024 as 80,76; 80,67
//! swaps its last two digits.

use super::support::finding;
use super::Context;
use crate::diagnostics::{Applicability, Finding, Label};
use crate::document::{Block, BlockKind};
use crate::facts::index::{Fact, FactMeasure, PeriodKey, UNSTATED};
use crate::facts::indicators::{plain_words, IndicatorId};
use crate::facts::sentences::Sentence;
use crate::figures::{Figure, FigureKind};
use crate::messages::Message;
use crate::msg;
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

use super::worksheet::{CheckRecord, Verdict};

const CODE: &str = "C202";

pub fn check(ctx: &Context, findings: &mut Vec<Finding>) {
    let titles = TitleContext::new(ctx);
    let values = TableValues::new(ctx);
    for &sentence in &ctx.sentences {
        if sentence.figures.is_empty() {
            continue;
        }
        let text = sentence.text(ctx.doc);
        let Some(year) = sentence_year(text, ctx.index.report_year) else { continue };
        let named = ctx.index.indicators.named_in(&ctx.knowledge.names, text);
        let (indicator, by_title) = match named[..] {
            [one] => (one, None),
            [] => match titles.at(sentence.block) {
                Some((id, title)) => (id, Some(title)),
                None => continue,
            },
            _ => continue,
        };
        let about = About { indicator, year, by_title };
        for (i, figure) in sentence.figures.iter().enumerate() {
            if let Some(f) = check_figure(ctx, &values, &sentence, i, figure, &about) {
                findings.push(f);
            }
        }
    }
}

/// What a sentence is about.
struct About<'d> {
    indicator: IndicatorId,
    year: Option<u16>,
    /// The title that names the indicator, when the sentence does not.
    by_title: Option<&'d Block>,
}

fn check_figure(
    ctx: &Context,
    values: &TableValues,
    sentence: &Sentence,
    i: usize,
    figure: &Figure,
    about: &About,
) -> Option<Finding> {
    if figure.kind == FigureKind::Money || figure.value.is_sign_negative() {
        return None;
    }
    let measures = measures_of(ctx, sentence, i, about.indicator)?;
    let printed = ctx.printed(figure);
    // A target or an achievement depends on its basis: a sentence naming two bases ("dalam
    // Renstra 85%, dalam Perjanjian Kinerja 80%") is left alone; one naming one basis is
    // compared with that basis and with tables that name none.
    let bases = bases_named(ctx, sentence.text(ctx.doc));
    let basis_fits = |fact: &Fact| match (&fact.key.basis, &bases[..]) {
        (None, _) | (_, []) => true,
        (Some(b), [named]) => b == named || b == UNSTATED,
        (Some(_), _) => false,
    };
    let candidates: Vec<&Value> = measures
        .iter()
        .flat_map(|&m| values.of(about.indicator, about.year, m))
        .filter(|v| v.facts.iter().any(|&f| basis_fits(&ctx.index.facts[f])))
        .collect();
    if candidates.is_empty() {
        return None;
    }
    if let Some(agreeing) = candidates.iter().find(|v| v.interval.meets(&printed)) {
        ctx.record(|| worksheet_record(ctx, figure, agreeing, about));
        return None;
    }
    let found = ctx.digits(figure);
    // Every table agreeing on one value makes it the figure to repeat.
    let mut printed_values: Vec<&str> = candidates.iter().map(|v| v.digits.as_str()).collect();
    printed_values.sort_unstable();
    printed_values.dedup();
    let trust = if printed_values.len() == 1 { Applicability::Safe } else { Applicability::Unsafe };
    // The table values this figure is one slip from.
    let mut near: Vec<&Value> =
        candidates.into_iter().filter(|v| slip(&found, &v.digits).is_some()).collect();
    near.sort_by(|a, b| a.digits.cmp(&b.digits));
    near.dedup_by(|a, b| a.digits == b.digits);
    let [value] = near[..] else { return None };
    let expected = value.digits.clone();
    let places: Vec<&Fact> = value.facts.iter().map(|&i| &ctx.index.facts[i]).collect();
    let kind = slip(&found, &expected)?;
    let first = places[0];
    let name = &ctx.index.indicators.all[about.indicator].name;
    let measure = match first.key.measure {
        FactMeasure::Target => msg!("c202.measure-target"),
        FactMeasure::Realisation => msg!("c202.measure-realisation"),
        FactMeasure::Percent => msg!("c202.measure-percent"),
    };
    let year = match about.year {
        Some(year) => msg!("c202.year", year),
        None => Message::plain(""),
    };
    let first_place = ctx.tables[first.table].table.name();
    let others = match places.len() {
        1 => Message::plain(""),
        2 => msg!("c202.one-other-place"),
        n => msg!("c202.other-places", n = n - 1),
    };
    let mut f = finding(
        CODE,
        msg!(
            "c202.message",
            found,
            table_figure = expected,
            measure,
            name,
            year,
            first_place,
            others,
            kind = kind.message()
        ),
        Label::new(figure.number_span, msg!("c202.label-tables-print", expected)),
    )
    .with_fix(ctx.digits_fix(figure, true, expected.clone(), trust));
    for fact in &places {
        let facts = &ctx.tables[fact.table];
        f = f.with_related(Label::new(
            facts.cell(fact.row, fact.column).span,
            msg!("c202.label-in", expected, place = facts.place(fact.column)),
        ));
    }
    let note = match about.by_title {
        Some(title) => {
            let line = ctx.doc.source.line_col(title.span.start()).line;
            msg!("c202.note-by-title", name, line, measure)
        }
        None => msg!("c202.note-named", name, measure),
    };
    ctx.record(|| worksheet_record(ctx, figure, value, about));
    Some(f.with_values(expected, found).with_note(note))
}

/// The worksheet's record of a figure in prose compared with the tables' value.
fn worksheet_record(ctx: &Context, figure: &Figure, value: &Value, about: &About) -> CheckRecord {
    let first = &ctx.index.facts[value.facts[0]];
    let name = &ctx.index.indicators.all[about.indicator].name;
    let measure = match first.key.measure {
        FactMeasure::Target => msg!("c202.measure-target"),
        FactMeasure::Realisation => msg!("c202.measure-realisation"),
        FactMeasure::Percent => msg!("c202.measure-percent"),
    };
    let table = ctx.tables[first.table].place(first.column);
    let table_value = ctx.tables[first.table].figure(first.row, first.column).map(|f| f.value);
    let printed = ctx.printed(figure);
    CheckRecord {
        code: CODE,
        place: msg!("worksheet.place-prose", measure, name),
        row: None,
        span: figure.number_span,
        inputs: vec![value.digits.clone()],
        formula: msg!("worksheet.formula-as-in", figure = value.digits.clone(), place = table),
        recomputed: Some(value.interval),
        printed: ctx.digits(figure),
        decimals: figure.decimals,
        verdict: Verdict::judge(table_value, &value.interval, &printed),
        reported: false,
    }
}

/// One value the tables print for an indicator's year and measure, and where.
struct Value {
    digits: String,
    interval: crate::arith::Interval,
    facts: Vec<usize>,
}

/// The distinct values of every indicator's yearly figures, gathered once, so that a
/// sentence's figure is compared with a few values, not with every place that prints
/// them.
struct TableValues {
    by_key: HashMap<(IndicatorId, Option<u16>, FactMeasure), Vec<Value>>,
}

impl TableValues {
    fn new(ctx: &Context) -> TableValues {
        let mut by_key: HashMap<_, Vec<Value>> = HashMap::new();
        for (i, fact) in ctx.index.facts.iter().enumerate() {
            if fact.key.period != PeriodKey::Year {
                continue;
            }
            let Some(figure) = ctx.tables[fact.table].figure(fact.row, fact.column) else {
                continue;
            };
            let digits = ctx.digits(figure);
            // Nearly every indicator prints one value a year: room for one, not the four
            // a first push makes (on a 10 MB report that was 9 MB of empty room).
            let values = by_key
                .entry((fact.key.indicator, fact.key.year, fact.key.measure))
                .or_insert_with(|| Vec::with_capacity(1));
            match values.iter_mut().find(|v| v.digits == digits) {
                Some(v) => v.facts.push(i),
                None => values.push(Value { digits, interval: fact.interval, facts: vec![i] }),
            }
        }
        TableValues { by_key }
    }

    fn of(&self, indicator: IndicatorId, year: Option<u16>, measure: FactMeasure) -> &[Value] {
        self.by_key.get(&(indicator, year, measure)).map(Vec::as_slice).unwrap_or_default()
    }
}

/// The bases of targets a sentence names ("POK", "Renstra", "Perjanjian Kinerja").
fn bases_named<'k>(ctx: &'k Context, text: &str) -> Vec<&'k str> {
    let text = crate::knowledge::normalise(text);
    let mut named: Vec<&str> = ctx
        .knowledge
        .vocabulary
        .bases
        .iter()
        .filter(|b| b.patterns.iter().any(|p| p.regex().is_match(&text)))
        .map(|b| b.name.as_str())
        .collect();
    named.dedup();
    named
}

/// Which measures a sentence's figure may be: the achievement when it follows another
/// figure after "atau" ("80,76 atau 95,01%"), else what the nearest word before it says.
fn measures_of(
    ctx: &Context,
    sentence: &Sentence,
    i: usize,
    indicator: IndicatorId,
) -> Option<Vec<FactMeasure>> {
    let text = &ctx.doc.source.text;
    let figure = &sentence.figures[i];
    let from = if i == 0 { sentence.span.start() } else { sentence.figures[i - 1].span.end() };
    let before = text.get(from..figure.span.start())?;
    let percent = figure.kind == FigureKind::Percent;
    let rate = ctx.index.is_rate(indicator);
    if i > 0 && percent && after_another(before) {
        // "Rp 4.902.400.000,- (95,75%)" is a budget's absorption, not an achievement.
        if sentence.figures[i - 1].kind == FigureKind::Money {
            return None;
        }
        return Some(vec![FactMeasure::Percent]);
    }
    // "realisasi anggaran sebesar 95,55%" speaks of the budget, unless the budget is the
    // indicator ("Nilai Capaian Kinerja Anggaran").
    let own = &ctx.index.indicators.all[indicator].words;
    if plain_words(before).iter().any(|w| BUDGET_WORDS.contains(&w.as_str()) && !own.contains(w)) {
        return None;
    }
    let words = plain_words(before);
    let (cue, at) = cue_before(&words)?;
    // Between the cue and the figure only the indicator's own words and words that
    // qualify nothing may stand: "realisasi peserta yang lulus uji kompetensi sebanyak
    // 1.108" or "realisasi UPT Wilayah II mencapai 102,53%" is a part, not the whole.
    let names = &ctx.knowledge.names;
    let qualified = words[at + 1..].iter().any(|w| {
        !own.contains(&names.words(w).into_iter().next().unwrap_or_default())
            && !GENERIC_WORDS.contains(&w.as_str())
            && !w.chars().all(|c| c.is_ascii_digit())
            && ctx.knowledge.vocabulary.basis(w).is_none()
    });
    if qualified {
        return None;
    }
    let measures = match (percent, rate, cue) {
        (true, false, Cue::Target) => return None,
        (true, false, _) => vec![FactMeasure::Percent],
        (true, true, Cue::Target) => vec![FactMeasure::Target],
        (true, true, Cue::Realisation) => vec![FactMeasure::Realisation],
        (true, true, Cue::Achievement) => vec![FactMeasure::Realisation, FactMeasure::Percent],
        (false, _, Cue::Target) => vec![FactMeasure::Target],
        (false, _, _) => vec![FactMeasure::Realisation],
    };
    Some(measures)
}

/// Words of a budget: a figure after them is money or its absorption.
const BUDGET_WORDS: &[&str] =
    &["anggaran", "pagu", "dana", "biaya", "belanja", "rp", "penyerapan", "terserap", "dipa"];

/// "atau", "atau sebesar", "atau mencapai", "(": an achievement after its realisation,
/// with at most [`AFTER_ANOTHER_LEAD`] characters of words before it.
fn after_another(before: &str) -> bool {
    // The lead is counted here: as `{0,12}?` of a Unicode class in the pattern, it made
    // this the costliest pattern to build (7 ms at every start). The lead taken is the
    // shortest that lets the rest match, so it is within the limit whenever one is.
    static AFTER_ANOTHER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^(?P<lead>[\s\w]*?)\s*(atau|\()\s*(sebesar|mencapai|setara( dengan)?|sama dengan)?\s*$",
        )
        .expect("a valid pattern")
    });
    AFTER_ANOTHER
        .captures(before)
        .and_then(|c| c.name("lead"))
        .is_some_and(|lead| lead.as_str().chars().count() <= AFTER_ANOTHER_LEAD)
}

/// The most characters before "atau" or "(" in [`after_another`].
const AFTER_ANOTHER_LEAD: usize = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    Target,
    Realisation,
    /// "capaian", "mencapai": a realisation, or for a rate its achievement.
    Achievement,
}

/// The measure the words before a figure name, and where: the nearest "target" or
/// "realisasi"; failing those, "capaian" or "mencapai".
fn cue_before(words: &[String]) -> Option<(Cue, usize)> {
    let mut weak = None;
    for (i, word) in words.iter().enumerate().rev() {
        match word.as_str() {
            "target" | "ditargetkan" | "targetnya" => return Some((Cue::Target, i)),
            "realisasi" | "realisasinya" | "terealisasi" => return Some((Cue::Realisation, i)),
            "capaian" | "mencapai" | "pencapaian" | "capaiannya" if weak.is_none() => {
                weak = Some((Cue::Achievement, i))
            }
            _ => {}
        }
    }
    weak
}

/// Words between a measure's cue and its figure that qualify nothing.
const GENERIC_WORDS: &[&str] = &[
    "tahun",
    "th",
    "ta",
    "anggaran",
    "sebesar",
    "sebanyak",
    "sejumlah",
    "berjumlah",
    "adalah",
    "yaitu",
    "yakni",
    "mencapai",
    "menjadi",
    "hanya",
    "baru",
    "telah",
    "sudah",
    "masih",
    "pada",
    "di",
    "dari",
    "dengan",
    "untuk",
    "ini",
    "tersebut",
    "itu",
    "nilai",
    "angka",
    "capaian",
    "realisasi",
    "target",
    "kinerja",
    "iku",
    "indikator",
    "persentase",
    "jumlah",
    "total",
    "diperoleh",
    "tercatat",
    "sampai",
    "akhir",
    "ditetapkan",
    "yang",
    "dalam",
    "secara",
    "keseluruhan",
    "kumulatif",
    "hingga",
    "sekitar",
    "atau",
    "dan",
    "serta",
    "hasil",
    "pengukuran",
    "evaluasi",
    "penilaian",
    "ditargetkan",
    "dicapai",
    "tercapai",
    "berhasil",
    "dapat",
    "bisa",
    "ada",
    "terdapat",
    "bernilai",
    "senilai",
    "seluruh",
    "perjanjian",
    "penetapan",
    "rencana",
    "strategis",
    "dokumen",
    "ditetapkan",
];

static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(tahun|th\.?|ta\.?)\s+(anggaran\s+)?((19|20)\d\d)\b")
        .expect("a valid pattern")
});
static YEAR_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(19|20)\d\d\s*(-|–|—|s\.?\s?d\.?|s/d|sampai( dengan)?|hingga|ke)\s*(tahun\s+)?(19|20)\d\d\b")
        .expect("a valid pattern")
});
/// "tahun sebelumnya", "tahun lalu": another year than the one named.
static RELATIVE_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(tahun|periode|th\.?)\s+(sebelumnya|lalu|kemarin|berikutnya|depan|mendatang)\b",
    )
    .expect("a valid pattern")
});
static BARE_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(19|20)\d\d\b").expect("a valid pattern"));
static PERIOD_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(triwulan|tw|semester|bulan|januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november)\b")
        .expect("a valid pattern")
});

/// The year a sentence is about: the one it names, else the report's. `None` when it
/// names two years or a part of a year: then it is left alone.
fn sentence_year(text: &str, report_year: Option<u16>) -> Option<Option<u16>> {
    if YEAR_RANGE.is_match(text) || PERIOD_WORD.is_match(text) || RELATIVE_YEAR.is_match(text) {
        return None;
    }
    // "pada 2024" names a year as well as "tahun 2024" does. (Figures never look like
    // this: a count of that size is printed "2.024".)
    let mut years = YEAR
        .captures_iter(text)
        .filter_map(|c| c.get(3))
        .chain(BARE_YEAR.find_iter(text))
        .filter_map(|m| m.as_str().parse::<u16>().ok());
    match years.next() {
        None => Some(report_year),
        Some(y) if years.all(|o| o == y) => Some(Some(y)),
        Some(_) => None,
    }
}

/// How a printed figure differs from the table's by one slip.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slip {
    /// One digit changed: 34.249 for 34.209.
    Changed,
    /// Two neighbouring digits swapped: 80,67 for 80,76.
    Swapped,
}

impl Slip {
    fn message(self) -> Message {
        match self {
            Slip::Changed => msg!("c202.one-digit-changed"),
            Slip::Swapped => msg!("c202.two-digits-swapped"),
        }
    }
}

/// How two printed figures differ by one slip: the same number of digits, at least three,
/// and either one digit changed or two neighbouring digits swapped.
fn slip(found: &str, table: &str) -> Option<Slip> {
    let digits = |s: &str| -> Vec<u8> { s.bytes().filter(u8::is_ascii_digit).collect() };
    let decimals = |s: &str| s.rsplit_once(',').map(|(_, d)| d.len()).unwrap_or(0);
    let (a, b) = (digits(found), digits(table));
    if a.len() != b.len() || a.len() < 3 || decimals(found) != decimals(table) || a == b {
        return None;
    }
    let differ: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    match differ[..] {
        [_] => Some(Slip::Changed),
        [i, j] if j == i + 1 && a[i] == b[j] && a[j] == b[i] => Some(Slip::Swapped),
        _ => None,
    }
}

/// The indicator each block sits under, from the titles above it: a heading, or a short
/// line of its own ("8 NILAI ZONA INTEGRITAS", "3. Nilai Zona Integritas"), that names
/// one indicator. A title that names none ends it, except the parts of an indicator's
/// section ("a. Informasi Kinerja") and captions.
struct TitleContext<'d> {
    /// By block start: the indicator and its title, for blocks under one.
    by_block: HashMap<usize, (IndicatorId, &'d Block)>,
}

impl<'d> TitleContext<'d> {
    fn new(ctx: &Context<'d>) -> TitleContext<'d> {
        let mut by_block = HashMap::new();
        let mut current: Option<(IndicatorId, &'d Block)> = None;
        for block in &ctx.doc.blocks {
            if let Some(title) = title_text(block) {
                let named = ctx.index.indicators.named_in(&ctx.knowledge.names, title);
                current = match named[..] {
                    [one] => Some((one, block)),
                    _ if is_section_part(ctx, block, title) => current,
                    _ => None,
                };
                continue;
            }
            if let Some(c) = current {
                by_block.insert(block.span.start(), c);
            }
        }
        TitleContext { by_block }
    }

    fn at(&self, block: &Block) -> Option<(IndicatorId, &'d Block)> {
        self.by_block.get(&block.span.start()).copied()
    }
}

static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*\**\s*(tabel|table|gambar|grafik|diagram|figure|bagan|lampiran)\b")
        .expect("a valid pattern")
});
static SECTION_PART: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*[-*]?\s*[a-z][.)]\s").expect("a valid pattern"));

/// The text of a block that is a title: a heading, or a short paragraph or list item
/// that does not end like a sentence or a list entry. Captions are not titles.
fn title_text(block: &Block) -> Option<&str> {
    let text = block.text.trim();
    if CAPTION.is_match(text) {
        return None;
    }
    match block.kind {
        BlockKind::Heading { .. } => Some(text),
        BlockKind::Paragraph | BlockKind::ListItem => {
            let short = text.len() <= 120 && text.split_whitespace().count() <= 14;
            let ends_like_a_sentence = text.ends_with(['.', ':', ';', ',', '!', '?']);
            let has_figures = block.figures.iter().any(|f| f.decimals > 0 || f.unit.is_some());
            (short && !ends_like_a_sentence && !has_figures && !text.contains('\n')).then_some(text)
        }
        _ => None,
    }
}

/// "a. Informasi Kinerja", "b. Evaluasi Kinerja": a part of the section above.
fn is_section_part(ctx: &Context, block: &Block, title: &str) -> bool {
    let source = ctx.doc.source.text.get(block.span.range()).unwrap_or_default();
    SECTION_PART.is_match(source) || SECTION_PART.is_match(title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slips_are_one_changed_digit_or_two_swapped() {
        assert_eq!(slip("80,67", "80,76"), Some(Slip::Swapped));
        assert_eq!(slip("34.249", "34.209"), Some(Slip::Changed));
        assert_eq!(slip("69,03", "69,30"), Some(Slip::Swapped));
        assert_eq!(slip("96", "106"), None);
        assert_eq!(slip("93", "96"), None, "too few digits to tell a slip from another figure");
        assert_eq!(slip("80,6", "80,76"), None);
        assert_eq!(slip("81,67", "80,76"), None);
    }

    #[test]
    fn an_achievement_follows_another_figure_after_at_most_12_characters() {
        assert!(after_another(" atau sebesar "));
        assert!(after_another(" ("));
        // Counted in characters, not bytes: "é" is two bytes.
        assert!(after_another(&format!("{} atau ", "é".repeat(12))));
        assert!(!after_another(&format!("{} atau ", "é".repeat(13))));
        assert!(!after_another(" dan "));
    }

    #[test]
    fn measure_words() {
        let cue = |text: &str| cue_before(&plain_words(text)).map(|(c, _)| c);
        assert_eq!(cue("Realisasi tahun 2024 sebesar "), Some(Cue::Realisation));
        assert_eq!(cue("lebih rendah dari nilai target "), Some(Cue::Target));
        assert_eq!(
            cue("realisasi nilai capaian kinerja anggaran yaitu sebesar "),
            Some(Cue::Realisation)
        );
        assert_eq!(cue("nilai kinerja mencapai "), Some(Cue::Achievement));
        assert_eq!(cue("sebanyak "), None);
    }

    #[test]
    fn sentence_years() {
        assert_eq!(sentence_year("Realisasi tahun 2024 sebesar 5", None), Some(Some(2024)));
        assert_eq!(sentence_year("Realisasi sebesar 5", Some(2024)), Some(Some(2024)));
        assert_eq!(sentence_year("Dari tahun 2023 ke tahun 2024 naik 5", None), None);
        assert_eq!(sentence_year("Renstra Tahun 2020 - 2024 sebesar 5", None), None);
        assert_eq!(sentence_year("Realisasi triwulan II sebesar 5", None), None);
        assert_eq!(sentence_year("realisasi tahun lalu sebesar 5", Some(2024)), None);
        assert_eq!(sentence_year("turun dari 16 pada 2024 menjadi 14 tahun 2025", None), None);
    }
}
