//! Every figure the tables give an indicator, keyed by what it is: which indicator, which
//! year and period, which measure, on which basis.
//!
//! A report prints the same fact in many places (the summary table, the quarterly table,
//! the table of each indicator, the five-year comparison). Keyed this way, the places that
//! print one fact are found with one hash lookup, never by comparing every cell with
//! every other, and a sentence's figure is looked up the same way.

use super::indicators::{IndicatorId, Indicators};
use super::{RowRole, TableFacts};
use crate::arith::Interval;
use crate::document::Document;
use crate::figures::lexer::CellFigure;
use crate::figures::Figure;
use crate::knowledge::{normalise, Knowledge, Measure, Period};
use compact_str::CompactString;
use regex::Regex;
use rustc_hash::{FxHashMap as HashMap, FxHashSet};
use std::sync::LazyLock;

/// What a figure measures, of those that one indicator has in several tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FactMeasure {
    Target,
    Realisation,
    /// The achievement percentage.
    Percent,
}

/// The part of a year a figure is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PeriodKey {
    Year,
    Quarter(u8),
    Semester(u8),
}

/// What one figure is.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FactKey {
    pub indicator: IndicatorId,
    /// `None` when neither the table nor the report says.
    pub year: Option<u16>,
    pub period: PeriodKey,
    pub measure: FactMeasure,
    /// The basis of a target or an achievement ("pk", "pok", "renstra", or [`UNSTATED`]);
    /// a realisation has none (what happened does not depend on the plan). Inline: every
    /// fact of a target holds one, and a basis is a short word.
    pub basis: Option<CompactString>,
}

/// One printed figure of a fact.
#[derive(Debug, Clone)]
pub struct Fact {
    pub key: FactKey,
    pub table: usize,
    pub row: usize,
    pub column: usize,
    /// The values the printed figure stands for.
    pub interval: Interval,
}

#[derive(Debug, Default)]
pub struct FactIndex {
    pub indicators: Indicators,
    pub facts: Vec<Fact>,
    by_key: Groups<FactKey>,
    /// The facts of each row, by (table, row): a row's facts are consecutive.
    by_row: HashMap<(usize, usize), (usize, usize)>,
    /// The facts of each indicator by year and measure.
    by_indicator: Groups<(IndicatorId, Option<u16>, FactMeasure)>,
    /// The facts of each table: consecutive.
    by_table: HashMap<usize, (usize, usize)>,
    /// Indicators that are rates (their realisation is printed in %) in some table.
    rates: FxHashSet<IndicatorId>,
    /// The year the report is about: the configuration's `report_year`, else its title's.
    pub report_year: Option<u16>,
}

impl FactIndex {
    pub fn build(doc: &Document, tables: &[TableFacts], knowledge: &Knowledge) -> FactIndex {
        FactIndex::build_for_year(doc, tables, knowledge, None)
    }

    /// [`FactIndex::build`] for a report about `year` when it is given (a configuration's
    /// `report_year`), else about the year its title names.
    pub fn build_for_year(
        doc: &Document,
        tables: &[TableFacts],
        knowledge: &Knowledge,
        year: Option<u16>,
    ) -> FactIndex {
        let report_year = year.or_else(|| report_year(doc));
        let mut index = FactIndex { report_year, ..FactIndex::default() };
        for (t, facts) in tables.iter().enumerate() {
            index.add_table(t, facts, knowledge);
        }
        index.by_key = Groups::new(index.facts.iter().map(|f| f.key.clone()));
        index.by_indicator =
            Groups::new(index.facts.iter().map(|f| (f.key.indicator, f.key.year, f.key.measure)));
        for (i, fact) in index.facts.iter().enumerate() {
            let range = index.by_table.entry(fact.table).or_insert((i, i));
            range.1 = i + 1;
            if tables[fact.table].rows[fact.row].kind == Some(crate::knowledge::IndicatorKind::Rate)
            {
                index.rates.insert(fact.key.indicator);
            }
        }
        index
    }

    /// The printed figures of one fact, in document order.
    pub fn mentions(&self, key: &FactKey) -> impl Iterator<Item = &Fact> {
        self.by_key.get(key).iter().map(|&i| &self.facts[i])
    }

    /// The keys printed in more than one place.
    pub fn repeated_keys(&self) -> impl Iterator<Item = (&FactKey, &[usize])> {
        self.by_key.iter().filter(|(_, v)| v.len() > 1)
    }

    /// The facts of a table row.
    pub fn row_facts(&self, table: usize, row: usize) -> &[Fact] {
        match self.by_row.get(&(table, row)) {
            Some(&(start, end)) => &self.facts[start..end],
            None => &[],
        }
    }

    /// All facts of an indicator for a year and measure, on any basis and in any period.
    pub fn of_indicator(
        &self,
        indicator: IndicatorId,
        year: Option<u16>,
        measure: FactMeasure,
    ) -> impl Iterator<Item = &Fact> {
        self.by_indicator.get(&(indicator, year, measure)).iter().map(|&i| &self.facts[i])
    }

    /// The facts of a table.
    pub fn table_facts(&self, table: usize) -> &[Fact] {
        match self.by_table.get(&table) {
            Some(&(start, end)) => &self.facts[start..end],
            None => &[],
        }
    }

    /// Is the indicator a rate (its realisation printed in %) in some table?
    pub fn is_rate(&self, indicator: IndicatorId) -> bool {
        self.rates.contains(&indicator)
    }

    fn add_table(&mut self, t: usize, facts: &TableFacts, knowledge: &Knowledge) {
        let mut columns: Vec<(usize, ColumnKey)> = (0..facts.columns.len())
            .filter_map(|c| column_key(facts, c, knowledge, self.report_year).map(|k| (c, k)))
            .collect();
        // Two columns that would give one key (two realisation columns the header does
        // not tell apart) hold two things the key cannot name: neither is used.
        let twice = |k: &ColumnKey| columns.iter().filter(|(_, o)| o.same_as(k)).count() > 1;
        let unique: Vec<bool> = columns.iter().map(|(_, k)| !twice(k)).collect();
        let mut keep = unique.into_iter();
        columns.retain(|_| keep.next().unwrap_or(false));
        // Only a table whose rows are named in an indicator column ("Indikator Kinerja",
        // "IKU") gives indicators' facts: rows named by place ("Puskesmas …") or by item
        // repeat across tables about other things.
        let vocabulary = &knowledge.vocabulary;
        let named_by_indicator = facts.table.columns.iter().enumerate().any(|(c, column)| {
            facts.columns[c].kind == super::ColumnKind::Label
                && column
                    .path
                    .first()
                    .is_some_and(|l| vocabulary.is_indicator_column(&normalise(l)))
        });
        if columns.is_empty() || !named_by_indicator {
            return;
        }
        let first = self.facts.len();
        for r in facts.checked_rows() {
            let info = &facts.rows[r];
            if info.role != RowRole::Data {
                continue;
            }
            let Some((name, _)) = &info.name else { continue };
            let Some(indicator) = self.indicators.id_for(&knowledge.names, name) else {
                continue;
            };
            let start = self.facts.len();
            for (c, key) in &columns {
                let Some(figure) = facts.figure(r, *c) else { continue };
                self.facts.push(Fact {
                    key: key.with(indicator),
                    table: t,
                    row: r,
                    column: *c,
                    interval: printed(figure, knowledge),
                });
            }
            if self.facts.len() > start {
                self.by_row.insert((t, r), (start, self.facts.len()));
            }
        }
        self.drop_ambiguous(first);
    }

    /// Two rows of one table with the same key and different values are not one
    /// indicator printed twice but two things under one name (the same district in two
    /// programmes): such keys are left out of this table's facts.
    fn drop_ambiguous(&mut self, first: usize) {
        let mut seen: HashMap<&FactKey, (usize, &Interval)> = HashMap::default();
        let mut ambiguous = Vec::new();
        for fact in &self.facts[first..] {
            match seen.get(&fact.key) {
                Some((row, value)) if *row != fact.row && !value.meets(&fact.interval) => {
                    ambiguous.push(fact.key.clone())
                }
                Some(_) => {}
                None => {
                    seen.insert(&fact.key, (fact.row, &fact.interval));
                }
            }
        }
        if ambiguous.is_empty() {
            return;
        }
        let kept: Vec<Fact> =
            self.facts.drain(first..).filter(|f| !ambiguous.contains(&f.key)).collect();
        self.by_row.retain(|&(_, _), &mut (start, _)| start < first);
        for fact in kept {
            let i = self.facts.len();
            let entry = self.by_row.entry((fact.table, fact.row)).or_insert((i, i));
            entry.1 = i + 1;
            self.facts.push(fact);
        }
    }
}

/// The values a printed figure stands for, by the report's rounding.
fn printed(figure: &Figure, knowledge: &Knowledge) -> Interval {
    Interval::printed(figure.value, figure.decimals, knowledge.policy.rounding)
}

/// Fact positions grouped by a key, each group in document order, all in one list: a
/// list of its own for each key cost an allocation for nearly every fact of a report.
#[derive(Debug)]
struct Groups<K> {
    /// Where each key's group starts and ends in `members`.
    ranges: HashMap<K, (usize, usize)>,
    members: Vec<usize>,
}

impl<K> Default for Groups<K> {
    fn default() -> Self {
        Groups { ranges: HashMap::default(), members: Vec::new() }
    }
}

impl<K: std::hash::Hash + Eq> Groups<K> {
    /// Groups positions 0, 1, 2, … by their keys, given in that order: the groups are
    /// counted first, then filled.
    fn new(keys: impl Iterator<Item = K> + Clone) -> Groups<K> {
        let mut ranges: HashMap<K, (usize, usize)> = HashMap::default();
        for key in keys.clone() {
            ranges.entry(key).or_insert((0, 0)).1 += 1;
        }
        // (start, count) becomes (start, where the next member goes).
        let mut start = 0;
        for range in ranges.values_mut() {
            let count = range.1;
            *range = (start, start);
            start += count;
        }
        let mut members = vec![0; start];
        for (position, key) in keys.enumerate() {
            if let Some(range) = ranges.get_mut(&key) {
                members[range.1] = position;
                range.1 += 1;
            }
        }
        Groups { ranges, members }
    }

    fn get(&self, key: &K) -> &[usize] {
        match self.ranges.get(key) {
            Some(&(start, end)) => &self.members[start..end],
            None => &[],
        }
    }

    fn iter(&self) -> impl Iterator<Item = (&K, &[usize])> {
        self.ranges.iter().map(|(key, &(start, end))| (key, &self.members[start..end]))
    }
}

/// A column's part of the key.
#[derive(Debug, Clone)]
struct ColumnKey {
    year: Option<u16>,
    period: PeriodKey,
    measure: FactMeasure,
    basis: Option<CompactString>,
    /// The basis the column's header names, even for a realisation: the realisation
    /// printed under "Target Kinerja" and again under "POK" is one fact printed twice, not
    /// two columns the key cannot tell apart.
    header_basis: Option<String>,
}

impl ColumnKey {
    fn same_as(&self, other: &ColumnKey) -> bool {
        (self.year, self.period, self.measure, &self.basis, &self.header_basis)
            == (other.year, other.period, other.measure, &other.basis, &other.header_basis)
    }

    fn with(&self, indicator: IndicatorId) -> FactKey {
        FactKey {
            indicator,
            year: self.year,
            period: self.period,
            measure: self.measure,
            basis: self.basis.clone(),
        }
    }
}

static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(19|20)\d\d\b").expect("a valid pattern"));
/// "s.d. TW IV", "s.d. Triwulan IV", "s.d. Semester II", "sampai Desember": to the end
/// of the year.
static TO_YEAR_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(s\.? ?d\.?|s/d|sampai( dengan)?)\s*(akhir\s+)?((tw|triwulan|trw)\.?\s*(iv|4)|(semester|smt)\.?\s*(ii|2)|desember|akhir tahun)\b",
    )
    .expect("a valid pattern")
});

static CAPTION_PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(triwulan|tw|trw|semester|bulan)\.?\s*(iv|i{1,3}|[1-4]|januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember)\b")
        .expect("a valid pattern")
});
static CAPTION_CUMULATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(kumulatif|s\.\s?d\.?|s/d|sampai dengan)\b").expect("a valid pattern")
});
static RELATIVE_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(tahun|periode)\s+(sebelumnya|lalu|berikutnya|mendatang)\b")
        .expect("a valid pattern")
});

/// The distinct years a text names: none, one, or several (`Err`).
fn years_in<'a>(texts: impl IntoIterator<Item = &'a str>) -> Result<Option<u16>, ()> {
    let mut found = None;
    for text in texts {
        for m in YEAR.find_iter(text) {
            let year: u16 = m.as_str().parse().map_err(|_| ())?;
            match found {
                None => found = Some(year),
                Some(y) if y == year => {}
                Some(_) => return Err(()),
            }
        }
    }
    Ok(found)
}

/// What a value column gives every figure in it: its year, period, measure and basis.
/// `None` for a column that holds no fact of an indicator (totals, budgets, weights,
/// running totals, a column whose year is unclear).
fn column_key(
    facts: &TableFacts,
    c: usize,
    knowledge: &Knowledge,
    report_year: Option<u16>,
) -> Option<ColumnKey> {
    let role = &facts.columns[c];
    if !role.is_value() || role.budget || role.weight || role.factor || role.grade {
        return None;
    }
    let measure = match role.measure? {
        Measure::Target => FactMeasure::Target,
        Measure::Realisation => FactMeasure::Realisation,
        Measure::Percent => FactMeasure::Percent,
        _ => return None,
    };
    let path = &facts.table.columns[c].path;
    let caption = facts.table.title.as_deref().unwrap_or_default();
    // A caption may say what every column holds: running totals ("Realisasi Kumulatif"),
    // one quarter ("Capaian Kinerja Triwulan IV"), another year than a number says
    // ("Tahun Sebelumnya").
    let caption_period = CAPTION_PERIOD.is_match(caption) && role.period.is_none();
    let caption_cumulative = CAPTION_CUMULATIVE.is_match(caption) && role.period.is_some();
    if caption_period || caption_cumulative || RELATIVE_YEAR.is_match(caption) {
        return None;
    }
    let period = match role.period {
        Some(Period::Quarter(q)) => PeriodKey::Quarter(q),
        Some(Period::Semester(s)) => PeriodKey::Semester(s),
        None if role.cumulative => {
            // A running total is one fact only when it runs to the end of the year.
            if !path.iter().any(|l| TO_YEAR_END.is_match(l)) {
                return None;
            }
            PeriodKey::Year
        }
        None => PeriodKey::Year,
    };
    let year = match years_in(path.iter().map(String::as_str)) {
        Ok(Some(y)) => Some(y),
        Ok(None) => match years_in([caption]) {
            Ok(Some(y)) => Some(y),
            Ok(None) => report_year,
            Err(()) => return None,
        },
        Err(()) => return None,
    };
    let header_basis = path
        .iter()
        .rev()
        .find_map(|l| knowledge.vocabulary.basis(&normalise(l)))
        .map(str::to_string);
    let basis = match measure {
        FactMeasure::Realisation => None,
        _ => Some(basis_of(path, caption, knowledge).unwrap_or(UNSTATED).into()),
    };
    Some(ColumnKey { year, period, measure, basis, header_basis })
}

/// The basis of a target whose table does not say: a report may print its revised target
/// everywhere without saying so, so an unstated basis is never taken for the signed one.
pub const UNSTATED: &str = "unstated";

/// The basis a column's header names, else the one its caption names (when it names
/// exactly one).
fn basis_of<'k>(path: &[String], caption: &str, knowledge: &'k Knowledge) -> Option<&'k str> {
    let vocabulary = &knowledge.vocabulary;
    if let Some(b) = path.iter().rev().find_map(|l| vocabulary.basis(&normalise(l))) {
        return Some(b);
    }
    let caption = normalise(caption);
    let mut named: Vec<&str> = vocabulary
        .bases
        .iter()
        .filter(|b| b.patterns.iter().any(|p| p.regex().is_match(&caption)))
        .map(|b| b.name.as_str())
        .collect();
    // "Reviu PK", "PK Perubahan": a revised agreement names the agreement too.
    if named.contains(&"revised") {
        named.retain(|&b| b != "pk");
    }
    match named[..] {
        [one] => Some(one),
        _ => None,
    }
}

static TITLE_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(tahun\s+(?:anggaran\s+)?|t\.\s?a\.?\s*)((19|20)\d\d)\b")
        .expect("a valid pattern")
});
/// "LAPORAN KINERJA 2024", "LKjIP … 2024": a report's title with its year and no "Tahun",
/// at most [`TITLE_GAP`] characters after its first words. The gap is measured in code:
/// as `{0,160}?` in the pattern it doubled the time to build it.
static TITLE_WITH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(laporan\s+kinerja|laporan\s+akuntabilitas|lakip|lkjip|lkj)\b(?P<gap>[^;:]*?)\b(?P<year>(19|20)\d\d)\W*$")
        .expect("a valid pattern")
});
/// The most characters between a title's first words and its year. The year ends the
/// title, so there is one gap to measure.
const TITLE_GAP: usize = 160;

/// The year ending a title such as "LAPORAN KINERJA 2024".
fn title_year(title: &str) -> Option<regex::Match<'_>> {
    let caps = TITLE_WITH_YEAR.captures(title)?;
    let gap = caps.name("gap")?;
    (gap.as_str().chars().count() <= TITLE_GAP).then(|| caps.name("year")).flatten()
}
/// A year alone on a line of the cover: "2024", "**2024**".
static YEAR_ALONE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[*_#\s]*(19|20)\d\d[*_\s]*$").expect("a valid pattern"));
/// "–2026" just after a year: a period's first year.
static PERIOD_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(-|–|—|s\.?\s?d\.?|sampai)\s*(tahun\s+)?(19|20)\d\d").expect("a valid pattern")
});
/// "Nomor 29 " just before a "Tahun 2014": a regulation's year.
static REGULATION_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(nomor|no\.?)\s*\d+[\w/.-]*\s*$").expect("a valid pattern")
});

/// The year a report is about: its title's year ("LAPORAN KINERJA … TAHUN 2024",
/// "LAPORAN KINERJA 2024"), else the first "Tahun 2024" of its title page (the blocks
/// before its first table or its first long paragraph) that is not a regulation's.
pub fn report_year(doc: &Document) -> Option<u16> {
    let title_page = || {
        doc.blocks
            .iter()
            .take(40)
            .take_while(|b| !matches!(b.kind, crate::document::BlockKind::Table(_)))
    };
    // A title ends with its year; a sentence (a foreword citing "… Nomor 29 Tahun 2014.")
    // ends with a full stop.
    for block in title_page().filter(|b| b.text.len() <= 300 && !b.text.trim().ends_with('.')) {
        if let Some(year) = title_year(block.text.trim()) {
            if !REGULATION_NUMBER.is_match(&block.text.trim()[..year.start()]) {
                return year.as_str().parse().ok();
            }
        }
    }
    // A cover whose year stands on a line of its own ("2024").
    for block in title_page().take_while(|b| b.text.len() <= 300) {
        if let Some(line) = block.text.lines().map(str::trim).find(|l| YEAR_ALONE.is_match(l)) {
            return line.trim_matches(|c: char| !c.is_ascii_digit()).parse().ok();
        }
    }
    for block in title_page() {
        for caps in TITLE_YEAR.captures_iter(&block.text) {
            let (Some(all), Some(year)) = (caps.get(0), caps.get(2)) else { continue };
            // Not a regulation's year, nor the first year of a period ("Tahun 2021–2026").
            let period = PERIOD_AFTER.is_match(&block.text[all.end()..]);
            if !REGULATION_NUMBER.is_match(&block.text[..all.start()]) && !period {
                return year.as_str().parse().ok();
            }
        }
        if block.text.len() > 300 {
            break;
        }
    }
    None
}

/// A cell's figure, if it prints one.
pub fn cell_figure(facts: &TableFacts, row: usize, column: usize) -> Option<Figure> {
    match &facts.cell(row, column).value {
        CellFigure::Figure(f) => Some(f.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_keep_each_key_s_positions_in_order() {
        let keys = ["b", "a", "b", "c", "b", "a"];
        let groups = Groups::new(keys.iter().copied());
        assert_eq!(groups.get(&"a"), [1, 5]);
        assert_eq!(groups.get(&"b"), [0, 2, 4]);
        assert_eq!(groups.get(&"c"), [3]);
        assert_eq!(groups.get(&"d"), [] as [usize; 0]);
        let mut all: Vec<(&str, Vec<usize>)> =
            groups.iter().map(|(k, v)| (*k, v.to_vec())).collect();
        all.sort();
        assert_eq!(all, [("a", vec![1, 5]), ("b", vec![0, 2, 4]), ("c", vec![3])]);
        assert_eq!(Groups::new(std::iter::empty::<&str>()).get(&"a"), [] as [usize; 0]);
    }

    #[test]
    fn a_title_year_is_at_most_160_characters_after_the_title_words() {
        // The gap runs from the end of "LAKIP" to the year: " ." is two characters.
        let year = |pairs: usize| {
            title_year(&format!("LAKIP{}2024", " .".repeat(pairs))).map(|m| m.as_str().to_string())
        };
        assert_eq!(year(80).as_deref(), Some("2024"));
        assert_eq!(year(81), None);
        assert_eq!(
            title_year("LAPORAN KINERJA DINAS KESEHATAN 2024").map(|m| m.as_str()),
            Some("2024")
        );
    }
}
