//! Header and row words (`rules/vocabulary.yaml`).

use super::pattern::{any_match, Pattern};
use serde::Deserialize;

/// What a column measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Measure {
    Target,
    Realisation,
    /// An achievement percentage.
    Percent,
    /// The sum of its siblings.
    Total,
    Average,
    Verdict,
}

/// A period a header names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    Quarter(u8),
    Semester(u8),
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measures {
    /// Labels that name no measure of a target's realisation, even when they look like
    /// one ("Realisasi Fisik (%)": physical progress).
    #[serde(default)]
    pub none: Vec<Pattern>,
    #[serde(default)]
    pub average: Vec<Pattern>,
    #[serde(default)]
    pub percent: Vec<Pattern>,
    #[serde(default)]
    pub target: Vec<Pattern>,
    #[serde(default)]
    pub realisation: Vec<Pattern>,
    #[serde(default)]
    pub total: Vec<Pattern>,
    #[serde(default)]
    pub verdict: Vec<Pattern>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Periods {
    #[serde(default)]
    pub quarter: Vec<Pattern>,
    #[serde(default)]
    pub semester: Vec<Pattern>,
    #[serde(default)]
    pub annual: Vec<Pattern>,
    #[serde(default)]
    pub cumulative: Vec<Pattern>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnWords {
    #[serde(default)]
    pub index: Vec<Pattern>,
    #[serde(default)]
    pub indicator: Vec<Pattern>,
    #[serde(default)]
    pub ratio: Vec<Pattern>,
    #[serde(default)]
    pub factor: Vec<Pattern>,
    #[serde(default)]
    pub grade: Vec<Pattern>,
    #[serde(default)]
    pub total_group: Vec<Pattern>,
    #[serde(default)]
    pub weight: Vec<Pattern>,
    #[serde(default)]
    pub budget: Vec<Pattern>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RowWords {
    #[serde(default)]
    pub total: Vec<Pattern>,
    #[serde(default)]
    pub subtotal: Vec<Pattern>,
    #[serde(default)]
    pub average: Vec<Pattern>,
}

/// A basis of targets ("pok", "renstra") and the header or caption words that name it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Basis {
    pub name: String,
    pub patterns: Vec<Pattern>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vocabulary {
    #[serde(default)]
    pub measures: Measures,
    #[serde(default)]
    pub periods: Periods,
    #[serde(default)]
    pub columns: ColumnWords,
    #[serde(default)]
    pub rows: RowWords,
    #[serde(default)]
    pub bases: Vec<Basis>,
}

/// Puts `first` in front of `rest`.
fn prepend(rest: &mut Vec<Pattern>, first: Vec<Pattern>) {
    let old = std::mem::replace(rest, first);
    rest.extend(old);
}

impl Vocabulary {
    /// Adds the words of `other` in front of ours, so that they win.
    pub fn extend(&mut self, other: Vocabulary) {
        let (m, o) = (&mut self.measures, other.measures);
        prepend(&mut m.none, o.none);
        prepend(&mut m.average, o.average);
        prepend(&mut m.percent, o.percent);
        prepend(&mut m.target, o.target);
        prepend(&mut m.realisation, o.realisation);
        prepend(&mut m.total, o.total);
        prepend(&mut m.verdict, o.verdict);
        let (p, o) = (&mut self.periods, other.periods);
        prepend(&mut p.quarter, o.quarter);
        prepend(&mut p.semester, o.semester);
        prepend(&mut p.annual, o.annual);
        prepend(&mut p.cumulative, o.cumulative);
        let (c, o) = (&mut self.columns, other.columns);
        prepend(&mut c.index, o.index);
        prepend(&mut c.indicator, o.indicator);
        prepend(&mut c.ratio, o.ratio);
        prepend(&mut c.factor, o.factor);
        prepend(&mut c.grade, o.grade);
        prepend(&mut c.total_group, o.total_group);
        prepend(&mut c.weight, o.weight);
        prepend(&mut c.budget, o.budget);
        let (r, o) = (&mut self.rows, other.rows);
        prepend(&mut r.total, o.total);
        prepend(&mut r.subtotal, o.subtotal);
        prepend(&mut r.average, o.average);
        let old = std::mem::replace(&mut self.bases, other.bases);
        self.bases.extend(old);
    }

    /// The basis a normalised label names ("pok"), if any.
    pub fn basis(&self, label: &str) -> Option<&str> {
        self.bases.iter().find(|b| any_match(&b.patterns, label)).map(|b| b.name.as_str())
    }

    /// The measure a normalised header label names, if any.
    pub fn measure(&self, label: &str) -> Option<Measure> {
        let m = &self.measures;
        if any_match(&m.none, label) {
            return None;
        }
        [
            (Measure::Average, &m.average),
            (Measure::Percent, &m.percent),
            (Measure::Target, &m.target),
            (Measure::Realisation, &m.realisation),
            (Measure::Total, &m.total),
            (Measure::Verdict, &m.verdict),
        ]
        .into_iter()
        .find(|(_, patterns)| any_match(patterns, label))
        .map(|(measure, _)| measure)
    }

    /// The one period a normalised header label names, if any.
    pub fn period(&self, label: &str) -> Option<Period> {
        if any_match(&self.periods.cumulative, label) {
            return None;
        }
        let number = |patterns: &[Pattern]| {
            patterns.iter().find_map(|p| {
                let caps = p.regex().captures(label)?;
                parse_period_number(caps.name("n")?.as_str())
            })
        };
        if let Some(n) = number(&self.periods.quarter).filter(|n| (1..=4).contains(n)) {
            return Some(Period::Quarter(n));
        }
        number(&self.periods.semester).filter(|n| (1..=2).contains(n)).map(Period::Semester)
    }

    /// Does a normalised label name the whole year ("Tahunan", "Tahun 2025")?
    pub fn is_annual(&self, label: &str) -> bool {
        any_match(&self.periods.annual, label)
    }

    pub fn is_cumulative(&self, label: &str) -> bool {
        any_match(&self.periods.cumulative, label)
    }

    pub fn is_index_column(&self, label: &str) -> bool {
        any_match(&self.columns.index, label)
    }

    pub fn is_indicator_column(&self, label: &str) -> bool {
        any_match(&self.columns.indicator, label)
    }

    pub fn is_ratio(&self, label: &str) -> bool {
        any_match(&self.columns.ratio, label)
    }

    pub fn is_grade(&self, label: &str) -> bool {
        any_match(&self.columns.grade, label)
    }

    pub fn is_factor(&self, label: &str) -> bool {
        any_match(&self.columns.factor, label)
    }

    pub fn is_total_group(&self, label: &str) -> bool {
        any_match(&self.columns.total_group, label)
    }

    pub fn is_weight(&self, label: &str) -> bool {
        any_match(&self.columns.weight, label)
    }

    pub fn is_budget(&self, label: &str) -> bool {
        any_match(&self.columns.budget, label)
    }

    pub fn is_total_row(&self, label: &str) -> bool {
        any_match(&self.rows.total, label)
    }

    pub fn is_subtotal_row(&self, label: &str) -> bool {
        any_match(&self.rows.subtotal, label)
    }

    pub fn is_average_row(&self, label: &str) -> bool {
        any_match(&self.rows.average, label)
    }
}

/// `iv` → 4, `2` → 2.
fn parse_period_number(text: &str) -> Option<u8> {
    match text.to_ascii_lowercase().as_str() {
        "i" | "1" => Some(1),
        "ii" | "2" => Some(2),
        "iii" | "3" => Some(3),
        "iv" | "4" => Some(4),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::Knowledge;

    #[test]
    fn builtin_vocabulary_reads_report_headers() {
        let k = Knowledge::builtin();
        let v = &k.vocabulary;
        assert_eq!(v.measure("capaian (%)"), Some(Measure::Percent));
        assert_eq!(v.measure("capaian s.d. tw iv (%)"), Some(Measure::Percent));
        assert_eq!(v.measure("rata-rata capaian s.d. tahun 2024 (%)"), Some(Measure::Average));
        assert_eq!(v.measure("capaian"), Some(Measure::Realisation));
        assert_eq!(v.measure("realisasi tahun 2024"), Some(Measure::Realisation));
        assert_eq!(v.measure("pagu"), Some(Measure::Target));
        assert_eq!(v.measure("jml"), Some(Measure::Total));
        assert_eq!(v.measure("jumlah peserta"), None);
        assert_eq!(v.measure("sasaran strategis"), None);
        assert_eq!(v.period("triwulan iii"), Some(Period::Quarter(3)));
        assert_eq!(v.period("tw iv"), Some(Period::Quarter(4)));
        assert_eq!(v.period("semester ii"), Some(Period::Semester(2)));
        assert_eq!(v.period("s.d. tw iv"), None);
        assert!(v.is_annual("tahunan") && v.is_annual("tahun 2025") && v.is_annual("2025"));
        assert!(!v.is_annual("tahun anggaran"));
        assert!(v.is_total_row("jumlah"));
        assert!(!v.is_total_row("jumlah peserta"));
        assert!(v.is_index_column("no."));
    }
}
