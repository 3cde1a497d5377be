//! # N402 `wrong-tally`
//!
//! A tally of indicators by achievement that the tables do not give: "Target dengan
//! capaian realisasi di atas 100% sebanyak 2 target" where no table has two indicators
//! above 100%.
//!
//! ## What it checks
//!
//! A tally counts indicators ("target", "indikator", "IKU", in digits or in words) whose
//! achievement lies on one side of a percentage:
//!
//! - "di atas", "lebih dari", "melebihi", "melampaui" 100%: above it;
//! - "tepat", "sama dengan" 100%: printed as 100 or 100,00;
//! - "di bawah", "kurang dari" 100%: below it;
//! - "100% atau lebih", "100% ke atas" (and "atau kurang", "ke bawah"): on that side or on it.
//!
//! Written as "Target dengan capaian realisasi di bawah 100% sebanyak 8 target", "3
//! indikator (IKU) mencapai lebih dari 100%", "tiga IKU dengan capaian di atas 100%". A
//! sentence is cut at commas, semicolons, "dan" and "serta"; each piece with one count
//! and one such percentage is one claim. The claims of one paragraph, or of the items of
//! one list, are one tally, until a category is counted again ("berdasarkan target PK …;
//! berdasarkan target PK Perubahan …" is two tallies).
//!
//! The tables give the achievements: every column of achievement percentages for the
//! whole year (the year the sentence names, else the report's) that gives one to several
//! indicators is a candidate, each basis (PK, POK) apart; a tally that names a basis
//! ("berdasarkan target POK") has only the columns on that basis. Achievements are
//! compared as printed. The claims are right when **any** candidate agrees with every count they
//! make: tables of one report may disagree (a PK and a POK basis, a cell found wrong by
//! another check), and the tally may follow any of them. When none agrees, each count
//! that differs from the candidate with the most indicators (among those the claims can be
//! about) is reported, with the indicators that fall in its category.
//!
//! ## Limits
//!
//! periksa stays silent when it cannot tell what is counted:
//!
//! - no table gives achievements for the year, or for the basis the sentence names
//!   ("terhadap target Renstra" with no Renstra column);
//! - the sentence counts something else: budget absorption ("anggaran", "penyerapan",
//!   "keuangan"), quarters or semesters, goals ("sasaran", "tujuan", "misi"), programmes
//!   or activities, a part of the unit ("bidang", "seksi", "UPT", "puskesmas"),
//!   another year than it names ("tahun lalu", "tahun sebelumnya"), or names two years;
//! - a band ("di atas 100% sampai 110%");
//! - the count is a total or approximate ("dari 8 indikator", "seluruh", "sekitar 3",
//!   "lebih dari 3 indikator", "salah satu indikator");
//! - verdicts without a percentage ("3 indikator tercapai", "belum mencapai target"): a
//!   unit may grade in bands;
//! - counts larger than a table's indicators, and claims that cover every achievement
//!   (above, exactly and below) but add up to another number than a table's indicators
//!   with more than one count differing from it: they count other indicators than that
//!   table's (one count off is a slip, and is reported).
//!
//! ## Example
//!
//! ```text
//! Tabel 3.1 … Capaian (%): 104,20 · 100,00 · 96,75 · 88,10
//!
//! - IKU dengan capaian di atas 100% sebanyak 2 IKU;
//! - IKU dengan capaian tepat 100% sebanyak 1 IKU;
//! - IKU dengan capaian di bawah 100% sebanyak 2 IKU.
//! ```
//!
//! One indicator is above 100% (104,20), not two. (The counts add up to 5 for 4
//! indicators, but the other two agree with the table: one count is off.)

use super::support::finding;
use super::Context;
use crate::diagnostics::{Finding, Label};
use crate::document::BlockKind;
use crate::facts::index::{FactMeasure, PeriodKey};
use crate::facts::sentences::Sentence;
use crate::figures::words::parse_number_words;
use crate::figures::{Figure, FigureKind};
use crate::knowledge::normalise;
use crate::messages::Message;
use crate::msg;
use crate::span::Span;
use regex::Regex;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::LazyLock;

const CODE: &str = "N402";

/// Where an achievement lies from a threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Side {
    Above,
    Exactly,
    Below,
    AtLeast,
    AtMost,
}

impl Side {
    fn holds(self, value: Decimal, threshold: Decimal) -> bool {
        match self {
            Side::Above => value > threshold,
            Side::Exactly => value == threshold,
            Side::Below => value < threshold,
            Side::AtLeast => value >= threshold,
            Side::AtMost => value <= threshold,
        }
    }

    /// "above 100%", "of exactly 100%".
    fn describe(self, threshold: &str) -> Message {
        match self {
            Side::Above => msg!("n402.side-above", threshold),
            Side::Exactly => msg!("n402.side-exactly", threshold),
            Side::Below => msg!("n402.side-below", threshold),
            Side::AtLeast => msg!("n402.side-at-least", threshold),
            Side::AtMost => msg!("n402.side-at-most", threshold),
        }
    }
}

/// One count claimed: so many indicators on one side of a threshold.
#[derive(Debug, Clone)]
struct Claim {
    count: Decimal,
    /// The count as printed (`1`, `satu`), and where.
    printed: String,
    span: Span,
    /// The count with what it counts (`1 indikator`, `satu IKU`).
    counted: String,
    side: Side,
    threshold: Decimal,
    /// The threshold as printed (`100`).
    threshold_text: String,
    year: u16,
    /// The bases of targets the sentence names ("berdasarkan target POK"); empty when it
    /// names none.
    bases: Vec<String>,
}

/// A column that gives achievements to several indicators.
struct Candidate {
    table: usize,
    column: usize,
    /// The basis of the column's targets (`pk`, `pok`, … or `unstated`).
    basis: Option<String>,
    /// Each indicator's name and achievement as printed (value, digits).
    achievements: Vec<(String, Decimal, String)>,
    /// The table's caption, else the column's first cell.
    label: Span,
}

impl Candidate {
    fn tally(&self, side: Side, threshold: Decimal) -> Vec<&(String, Decimal, String)> {
        self.achievements.iter().filter(|(_, v, _)| side.holds(*v, threshold)).collect()
    }

    fn agrees(&self, claim: &Claim) -> bool {
        Decimal::from(self.tally(claim.side, claim.threshold).len()) == claim.count
    }

    /// Does the column's basis let a tally that names `bases` be about it?
    fn on(&self, bases: &[String]) -> bool {
        bases.is_empty() || self.basis.as_deref().is_some_and(|b| bases.iter().any(|n| n == b))
    }
}

/// The candidate columns of one year, and for each category of achievement (a side of a
/// threshold) how many of each column's achievements fall in it, counted once: a tally
/// then finds the columns that agree with one of its counts by a lookup, not by counting
/// every column again.
#[derive(Default)]
struct YearColumns {
    columns: Vec<Candidate>,
    categories: HashMap<(Side, Decimal), Category>,
    /// The column with the most indicators (the first of those), of all and per basis.
    largest: Option<usize>,
    largest_on: HashMap<String, usize>,
}

/// One category's counts: per column, and the columns by count.
struct Category {
    counts: Vec<usize>,
    by_count: HashMap<usize, Vec<usize>>,
}

impl YearColumns {
    /// Notes the largest columns, once every column is in.
    fn seal(&mut self) {
        let size = |i: usize| self.columns[i].achievements.len();
        for i in 0..self.columns.len() {
            if self.largest.is_none_or(|l| size(i) > size(l)) {
                self.largest = Some(i);
            }
            if let Some(basis) = &self.columns[i].basis {
                let l = self.largest_on.entry(basis.clone()).or_insert(i);
                if size(i) > size(*l) {
                    *l = i;
                }
            }
        }
    }

    /// The largest column a tally that names `bases` may be about.
    fn largest_for(&self, bases: &[String]) -> Option<usize> {
        if bases.is_empty() {
            return self.largest;
        }
        let size = |i: &usize| (self.columns[*i].achievements.len(), std::cmp::Reverse(*i));
        bases.iter().filter_map(|b| self.largest_on.get(b).copied()).max_by_key(size)
    }

    fn key(claim: &Claim) -> (Side, Decimal) {
        (claim.side, claim.threshold.normalize())
    }

    /// Counts the categories of `claims` that are not counted yet.
    fn count(&mut self, claims: &[Claim]) {
        for claim in claims {
            let columns = &self.columns;
            self.categories.entry(Self::key(claim)).or_insert_with(|| {
                let counts: Vec<usize> =
                    columns.iter().map(|c| c.tally(claim.side, claim.threshold).len()).collect();
                let mut by_count: HashMap<usize, Vec<usize>> = HashMap::new();
                for (i, &n) in counts.iter().enumerate() {
                    by_count.entry(n).or_default().push(i);
                }
                Category { counts, by_count }
            });
        }
    }

    /// The columns that agree with a claim (after [`YearColumns::count`]).
    fn agreeing(&self, claim: &Claim) -> &[usize] {
        let Some(category) = self.categories.get(&Self::key(claim)) else { return &[] };
        claim
            .count
            .to_usize()
            .filter(|_| claim.count.fract().is_zero())
            .and_then(|n| category.by_count.get(&n))
            .map_or(&[], Vec::as_slice)
    }

    fn agrees(&self, column: usize, claim: &Claim) -> bool {
        self.categories
            .get(&Self::key(claim))
            .is_some_and(|c| Decimal::from(c.counts[column]) == claim.count)
    }
}

/// What a tally may count.
const COUNTED: &[&str] = &["target", "indikator", "iku"];

/// Words of a sentence about something else than the indicators' achievements.
static OTHER_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(anggaran|serapan|penyerapan|keuangan|pagu|triwulan|tw|semester|bulan|sasaran|tujuan|misi|program|kegiatan|rata-?rata|bidang|seksi|sub\s?bagian|upt|uptd|puskesmas|unit kerja)\b")
        .expect("a valid pattern")
});

/// Words of achievement: a tally must be about it.
static ACHIEVEMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(capaian|capaiannya|mencapai|pencapaian|realisasi|kinerja)\b")
        .expect("a valid pattern")
});

/// Another year than one the sentence names: "tahun lalu", "tahun sebelumnya".
static RELATIVE_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(tahun|periode)(-tahun)?\s+(lalu|sebelumnya|berikutnya|mendatang)\b")
        .expect("a valid pattern")
});

static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(19|20)\d\d\b").expect("a valid pattern"));

/// Where a sentence splits into pieces of one claim each.
static PIECE_BREAK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)[,;:]\s|\s(?:dan|serta)\s").expect("a valid pattern"));

/// "… 100% sampai 120%", "… 90% – 100%": the threshold opens a band.
static RANGE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(sampai|hingga|s\.\s?d\.?|s/d|-|–|—)").expect("a valid pattern")
});

/// "tiga indikator", "dua belas IKU": a count in words.
static COUNT_IN_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?P<words>(?:nol|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|seratus)(?:\s+(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|belas|puluh|ratus))*)\s+(?:indikator|iku|target)\b")
        .expect("a valid pattern")
});

/// The side an operator before a percentage names ("di atas 100%").
fn side_before(before: &str) -> Option<Side> {
    let b = before.trim_end().to_lowercase();
    let b = b.split_whitespace().collect::<Vec<_>>().join(" ");
    let ends = |words: &[&str]| words.iter().any(|w| b.ends_with(w));
    if ends(&[
        "atas atau sama dengan",
        "≥",
        ">=",
        "minimal",
        "paling sedikit",
        "sekurang-kurangnya",
    ]) {
        Some(Side::AtLeast)
    } else if ends(&["bawah atau sama dengan", "≤", "<=", "maksimal", "paling banyak"]) {
        Some(Side::AtMost)
    } else if ends(&["di atas", "lebih dari", "melebihi", "melampaui", ">"]) {
        Some(Side::Above)
    } else if ends(&["di bawah", "kurang dari", "<"]) {
        Some(Side::Below)
    } else if ends(&["tepat", "sama dengan", "="]) {
        Some(Side::Exactly)
    } else {
        None
    }
}

/// The side words after a percentage name ("100% atau lebih").
fn side_after(after: &str) -> Option<Side> {
    let a = after.trim_start().to_lowercase();
    let a = a.split_whitespace().collect::<Vec<_>>().join(" ");
    if a.starts_with("atau lebih") || a.starts_with("ke atas") {
        Some(Side::AtLeast)
    } else if a.starts_with("atau kurang") || a.starts_with("ke bawah") {
        Some(Side::AtMost)
    } else {
        None
    }
}

/// Words right before a count that make it a total or an estimate.
const NOT_A_COUNT: &[&str] = &[
    "dari",
    "total",
    "seluruh",
    "keseluruhan",
    "sekitar",
    "hampir",
    "kurang",
    "lebih",
    "minimal",
    "maksimal",
    "paling",
    "setidaknya",
    "sedikitnya",
    "salah",
    "kira-kira",
];

/// The last word of a text, lower-cased, without punctuation.
fn last_word(text: &str) -> String {
    text.trim_end()
        .trim_end_matches(['(', '['])
        .split_whitespace()
        .next_back()
        .unwrap_or_default()
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
        .to_lowercase()
}

/// The claims of a sentence.
fn claims_in(ctx: &Context, sentence: &Sentence) -> Vec<Claim> {
    let text = sentence.text(ctx.doc);
    if OTHER_SUBJECT.is_match(text) || RELATIVE_YEAR.is_match(text) || !ACHIEVEMENT.is_match(text) {
        return Vec::new();
    }
    let bases = bases_named(ctx, text);
    let years: HashSet<&str> = YEAR.find_iter(text).map(|m| m.as_str()).collect();
    let year = match years.len() {
        0 => ctx.index.report_year,
        1 => years.iter().next().and_then(|y| y.parse().ok()),
        _ => None,
    };
    let Some(year) = year else { return Vec::new() };
    let mut claims = Vec::new();
    let mut start = 0;
    let mut bounds: Vec<(usize, usize)> = Vec::new();
    for m in PIECE_BREAK.find_iter(text) {
        bounds.push((start, m.start()));
        start = m.end();
    }
    bounds.push((start, text.len()));
    for (s, e) in bounds {
        if let Some(claim) = claim_in_piece(ctx, sentence, (s, e), year) {
            claims.push(Claim { bases: bases.clone(), ..claim });
        }
    }
    claims
}

/// The bases of targets a sentence names: "berdasarkan target POK", "terhadap target
/// Perjanjian Kinerja". A revised agreement ("PK Perubahan") names the agreement too, and
/// is only the revised one.
fn bases_named(ctx: &Context, text: &str) -> Vec<String> {
    let normalised = normalise(text);
    let mut named: Vec<String> = ctx
        .knowledge
        .vocabulary
        .bases
        .iter()
        .filter(|b| b.patterns.iter().any(|p| p.regex().is_match(&normalised)))
        .map(|b| b.name.clone())
        .collect();
    if named.iter().any(|b| b == "revised") {
        named.retain(|b| b != "pk");
    }
    named
}

/// The one claim of a piece of a sentence: one count of indicators and one side of one
/// percentage.
fn claim_in_piece(
    ctx: &Context,
    sentence: &Sentence,
    (s, e): (usize, usize),
    year: u16,
) -> Option<Claim> {
    let source = ctx.doc.source.text.as_str();
    let base = sentence.span.start();
    let (from, to) = (base + s, base + e);
    let figures: Vec<&Figure> =
        sentence.figures.iter().filter(|f| f.span.start() >= from && f.span.end() <= to).collect();
    // The threshold: the one percentage with a side.
    let sides: Vec<(&Figure, Side)> = figures
        .iter()
        .filter(|f| f.kind == FigureKind::Percent)
        .filter_map(|f| {
            let side = side_before(&source[from..f.span.start()])
                .or_else(|| side_after(&source[f.span.end()..to]))?;
            Some((*f, side))
        })
        .collect();
    let [(threshold, side)] = sides[..] else { return None };
    // "di atas 100% sampai 120%": a band, not one side.
    if RANGE_AFTER.is_match(&source[threshold.span.end()..to]) {
        return None;
    }
    // The count: in digits (a count of targets, indicators or IKU) or in words.
    let mut counts: Vec<(Decimal, String, Span, String)> = figures
        .iter()
        .filter(|f| {
            f.kind == FigureKind::Count && f.unit.as_deref().is_some_and(|u| COUNTED.contains(&u))
        })
        .map(|f| (f.value, ctx.digits(f), f.number_span, source[f.span.range()].to_string()))
        .collect();
    let piece = &source[from..to];
    for caps in COUNT_IN_WORDS.captures_iter(piece) {
        let (Some(all), Some(w)) = (caps.get(0), caps.name("words")) else { continue };
        let Some(value) = parse_number_words(w.as_str()) else { continue };
        let span = Span::new(from + w.start(), from + w.end());
        counts.push((value, w.as_str().to_string(), span, all.as_str().to_string()));
    }
    let [(count, printed, span, counted)] = counts.as_slice() else { return None };
    if NOT_A_COUNT.contains(&last_word(&source[from..span.start()]).as_str()) {
        return None;
    }
    Some(Claim {
        count: *count,
        printed: printed.clone(),
        span: *span,
        counted: counted.split_whitespace().collect::<Vec<_>>().join(" "),
        side,
        threshold: threshold.value,
        threshold_text: ctx.digits(threshold),
        year,
        bases: Vec::new(),
    })
}

/// Every column of whole-year achievements that covers several indicators, by year.
fn candidates(ctx: &Context) -> BTreeMap<u16, YearColumns> {
    let mut columns: BTreeMap<(u16, usize, usize), Vec<usize>> = BTreeMap::new();
    for (i, fact) in ctx.index.facts.iter().enumerate() {
        let key = &fact.key;
        if key.measure != FactMeasure::Percent || key.period != PeriodKey::Year {
            continue;
        }
        let Some(year) = key.year else { continue };
        columns.entry((year, fact.table, fact.column)).or_default().push(i);
    }
    let mut out: BTreeMap<u16, YearColumns> = BTreeMap::new();
    for ((year, table, column), facts) in columns {
        let mut seen = HashSet::new();
        let mut achievements = Vec::new();
        let mut first_cell = None;
        let basis = facts
            .first()
            .and_then(|&i| ctx.index.facts[i].key.basis.as_deref().map(str::to_string));
        for &i in &facts {
            let fact = &ctx.index.facts[i];
            if !seen.insert(fact.key.indicator) {
                continue;
            }
            let tf = &ctx.tables[table];
            let Some(figure) = tf.figure(fact.row, column) else { continue };
            let name = tf.rows[fact.row].name.as_ref().map(|(n, _)| n.clone()).unwrap_or_default();
            first_cell.get_or_insert(tf.cell(fact.row, column).span);
            achievements.push((name, figure.value, ctx.digits(figure)));
        }
        if achievements.len() < 2 {
            continue;
        }
        let Some(first_cell) = first_cell else { continue };
        let label = match ctx.doc.tables[table].caption {
            // The caption without the blank lines after it.
            Some(caption) => {
                let printed = &ctx.doc.source.text[caption.range()];
                Span::new(caption.start(), caption.start() + printed.trim_end().len())
            }
            None => first_cell,
        };
        let candidate = Candidate { table, column, basis, achievements, label };
        out.entry(year).or_default().columns.push(candidate);
    }
    for year in out.values_mut() {
        year.seal();
    }
    out
}

pub fn check(ctx: &Context, findings: &mut Vec<Finding>) {
    let mut candidates = candidates(ctx);
    if candidates.is_empty() {
        return;
    }
    let positions: HashMap<usize, usize> =
        ctx.doc.blocks.iter().enumerate().map(|(i, b)| (b.span.start(), i)).collect();
    let mut group: Vec<Claim> = Vec::new();
    // The block of the last claim, and whether it was a list item.
    let mut last: Option<(usize, bool)> = None;
    for &sentence in &ctx.sentences {
        let claims = claims_in(ctx, &sentence);
        if claims.is_empty() {
            continue;
        }
        let Some(&block) = positions.get(&sentence.block.span.start()) else { continue };
        let item = sentence.block.kind == BlockKind::ListItem;
        // One tally is one paragraph, or the items of one list.
        let follows = match last {
            Some((b, was_item)) => b == block || (item && was_item && b + 1 == block),
            None => false,
        };
        if !follows || group.first().is_some_and(|c| c.year != claims[0].year) {
            check_group(ctx, &mut candidates, &group, findings);
            group.clear();
        }
        for claim in claims {
            // A category counted again starts another tally: "berdasarkan target PK …,
            // berdasarkan target PK Perubahan …" counts other columns.
            let repeated =
                group.iter().any(|c| c.side == claim.side && c.threshold == claim.threshold);
            if repeated || group.first().is_some_and(|c| c.bases != claim.bases) {
                check_group(ctx, &mut candidates, &group, findings);
                group.clear();
            }
            group.push(claim);
        }
        last = Some((block, item));
    }
    check_group(ctx, &mut candidates, &group, findings);
}

/// Could the claims be about this column's indicators? No count may exceed them, and
/// claims that cover every achievement (above, exactly and below one threshold) must add
/// up to them, unless a single count is off: then the tally is this column's but for
/// that count. Claims that cover every achievement with several counts off and another
/// total count other indicators.
fn comparable(candidate: &Candidate, claims: &[Claim]) -> bool {
    let n = Decimal::from(candidate.achievements.len());
    if claims.iter().any(|c| c.count > n) {
        return false;
    }
    let has = |side: Side| claims.iter().any(|c| c.side == side);
    let thresholds: HashSet<Decimal> = claims.iter().map(|c| c.threshold).collect();
    let covers = thresholds.len() == 1
        && ((has(Side::Above) && has(Side::Exactly) && has(Side::Below))
            || (has(Side::AtLeast) && has(Side::Below))
            || (has(Side::Above) && has(Side::AtMost)));
    let adds_up = claims.iter().map(|c| c.count).sum::<Decimal>() == n;
    let off = claims.iter().filter(|c| !candidate.agrees(c)).count();
    !covers || adds_up || off == 1
}

fn check_group(
    ctx: &Context,
    candidates: &mut BTreeMap<u16, YearColumns>,
    claims: &[Claim],
    findings: &mut Vec<Finding>,
) {
    let Some(first) = claims.first() else { return };
    let Some(year) = candidates.get_mut(&first.year) else { return };
    year.count(claims);
    let year = &*year;
    // A tally that names a basis ("berdasarkan target POK") is held to the columns on
    // that basis; when no column states it, periksa cannot tell which figures it counts.
    let allowed = |i: usize| year.columns[i].on(&first.bases);
    let lists: Vec<&[usize]> = claims.iter().map(|c| year.agreeing(c)).collect();
    let Some(fewest) = lists.iter().min_by_key(|l| l.len()) else { return };
    if fewest.iter().any(|&i| allowed(i) && claims.iter().all(|c| year.agrees(i, c))) {
        return;
    }
    // The column the tally most likely follows: most claims agreeing, then most
    // indicators, then the first. Those that agree with some count are looked up; of
    // the others only the largest can win.
    let mut pool: Vec<usize> = lists.concat();
    pool.extend(year.largest_for(&first.bases));
    pool.sort_unstable();
    pool.dedup();
    let Some(best) = pool
        .into_iter()
        .filter(|&i| allowed(i) && comparable(&year.columns[i], claims))
        .max_by_key(|&i| {
            let agreeing = claims.iter().filter(|c| year.agrees(i, c)).count();
            (agreeing, year.columns[i].achievements.len(), std::cmp::Reverse(i))
        })
        .map(|i| &year.columns[i])
    else {
        return;
    };
    let place = ctx.tables[best.table].place(best.column);
    let indicators_here = msg!("n402.label-indicators", count = best.achievements.len());
    for claim in claims.iter().filter(|claim| !best.agrees(claim)) {
        let inside = best.tally(claim.side, claim.threshold);
        let expected = inside.len().to_string();
        let side = claim.side.describe(&claim.threshold_text);
        let listed = if inside.is_empty() {
            msg!("n402.none")
        } else {
            // Indicator names quoted from the report, with their achievements as printed.
            Message::plain(
                inside.iter().map(|(n, _, v)| format!("{n} ({v})")).collect::<Vec<_>>().join("; "),
            )
        };
        findings.push(
            finding(
                CODE,
                msg!("n402.message", counted = claim.counted, side, place, expected),
                Label::new(claim.span, msg!("n402.label", expected, place)),
            )
            .with_related(Label::new(best.label, indicators_here.clone()))
            .with_values(expected, claim.printed.clone())
            .with_note(msg!(
                "n402.note",
                side,
                place,
                listed,
                year = claim.year.to_string()
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sides_are_read_before_and_after_the_percentage() {
        assert_eq!(side_before("Target dengan capaian realisasi di atas "), Some(Side::Above));
        assert_eq!(side_before("capaian realisasi tepat "), Some(Side::Exactly));
        assert_eq!(side_before("mencapai lebih dari "), Some(Side::Above));
        assert_eq!(side_before("capaian di bawah "), Some(Side::Below));
        assert_eq!(side_before("capaian di atas atau sama dengan "), Some(Side::AtLeast));
        assert_eq!(side_before("capaian sebesar "), None);
        assert_eq!(side_after(" atau lebih sebanyak 3"), Some(Side::AtLeast));
        assert_eq!(side_after(" dari target"), None);
    }

    #[test]
    fn sides_hold_by_printed_value() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert!(Side::Exactly.holds(d("100.00"), d("100")));
        assert!(!Side::Above.holds(d("100.00"), d("100")));
        assert!(Side::Below.holds(d("99.99"), d("100")));
        assert!(Side::AtLeast.holds(d("100"), d("100")));
    }

    #[test]
    fn the_word_before_a_count_is_read_whole() {
        assert_eq!(last_word("dari ("), "dari");
        assert_eq!(last_word("Sebanyak "), "sebanyak");
        assert_eq!(last_word("salah "), "salah");
    }

    #[test]
    fn counts_in_words_are_found() {
        let found: Vec<&str> = COUNT_IN_WORDS
            .captures_iter("tiga indikator dan dua belas IKU serta lima orang")
            .filter_map(|c| c.name("words").map(|m| m.as_str()))
            .collect();
        assert_eq!(found, ["tiga", "dua belas"]);
    }

    fn candidate(values: &[&str]) -> Candidate {
        Candidate {
            table: 0,
            column: 0,
            basis: None,
            achievements: values
                .iter()
                .map(|v| (String::new(), v.parse().unwrap(), v.to_string()))
                .collect(),
            label: Span::new(0, 0),
        }
    }

    fn claim(count: u32, side: Side) -> Claim {
        Claim {
            count: Decimal::from(count),
            printed: count.to_string(),
            span: Span::new(0, 0),
            counted: format!("{count} indikator"),
            side,
            threshold: Decimal::ONE_HUNDRED,
            threshold_text: "100".into(),
            year: 2025,
            bases: Vec::new(),
        }
    }

    #[test]
    fn columns_are_found_by_the_counts_they_give() {
        let mut year = YearColumns {
            columns: vec![candidate(&["104.2", "96"]), candidate(&["101", "102", "99"])],
            ..YearColumns::default()
        };
        year.seal();
        assert_eq!(year.largest, Some(1));
        let one_above = [claim(1, Side::Above)];
        year.count(&one_above);
        assert_eq!(year.agreeing(&one_above[0]), [0]);
        assert!(year.agrees(0, &one_above[0]) && !year.agrees(1, &one_above[0]));
        let two_above = claim(2, Side::Above);
        year.count(std::slice::from_ref(&two_above));
        assert_eq!(year.agreeing(&two_above), [1]);
        assert!(year.agreeing(&claim(5, Side::Above)).is_empty());
    }

    #[test]
    fn a_whole_tally_adds_up_to_the_tables_indicators_or_is_one_count_off() {
        let c = candidate(&["104.2", "100.00", "96.75", "88.1"]);
        let whole = [claim(2, Side::Above), claim(1, Side::Exactly), claim(1, Side::Below)];
        assert!(comparable(&c, &whole));
        assert!(!c.agrees(&whole[0]));
        assert!(c.agrees(&whole[1]));
        // 2 / 1 / 2 adds up to 5, not 4, but only the first count is off: one slip.
        let slip = [claim(2, Side::Above), claim(1, Side::Exactly), claim(2, Side::Below)];
        assert!(comparable(&c, &slip));
        // 3 / 2 / 2: two counts off and a total of 7: other indicators.
        let other = [claim(3, Side::Above), claim(2, Side::Exactly), claim(2, Side::Below)];
        assert!(!comparable(&c, &other));
        assert!(comparable(&c, &[claim(3, Side::Above)]));
        assert!(!comparable(&c, &[claim(5, Side::Below)]));
    }
}
