//! The checks, registered in one place.
//!
//! Each check is one file: its doc comment is what `periksa explain CODE` prints, its code
//! reads the table facts and reports findings. A check has a stable code (A1xx arithmetic,
//! C2xx consistency, S3xx document structure, N4xx claims in words, P0xx reading), a
//! kebab-case name that says what is flagged, and a default severity.

pub mod a101_percent;
pub mod a102_totals;
pub mod a103_period_sums;
pub mod a104_averages;
pub mod a105_verdicts;
pub mod c201_cross_table;
pub mod c202_prose_table;
pub mod c203_prose_arithmetic;
pub mod c204_parts_and_wholes;
pub mod c205_counts;
pub mod c206_prose_average;
pub mod c207_proportions;
pub mod c208_budget_prose;
pub mod fixes;
pub mod n401_direction_words;
pub mod n402_tallies;
pub mod p001_unaligned_row;
pub mod p002_unused_suppression;
pub mod s301_caption_numbers;
pub mod s302_contents;
pub mod s303_references;
pub mod s304_years;
pub mod s305_citations;
pub mod s306_chapter_names;
pub mod support;
pub mod suppressions;
pub mod worksheet;

use crate::diagnostics::{sort_findings, Finding, Severity};
use crate::document::Document;
use crate::facts::captions::{captions, Caption};
use crate::facts::index::FactIndex;
use crate::facts::sentences::{sentences, Sentence};
use crate::facts::{document_facts, TableFacts};
use crate::knowledge::Knowledge;
use crate::span::Span;
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// What a check reads.
pub struct Context<'d> {
    pub doc: &'d Document,
    pub knowledge: &'d Knowledge,
    pub tables: Vec<TableFacts<'d>>,
    /// Every figure the tables give an indicator, by indicator, period, measure and basis.
    pub index: FactIndex,
    /// The sentences of the report's prose, split once for every check that reads them.
    pub sentences: Vec<Sentence<'d>>,
    /// The checks performed, when a worksheet is asked for.
    worksheet: Option<std::cell::RefCell<Vec<worksheet::CheckRecord>>>,
    /// The captions of tables and figures, read once for the checks that read them.
    captions: std::cell::OnceCell<Vec<Caption>>,
}

impl<'d> Context<'d> {
    /// Reads what every check needs from a document: the facts of its tables and the
    /// index of the figures they give each indicator.
    pub fn new(doc: &'d Document, knowledge: &'d Knowledge) -> Context<'d> {
        Context::for_year(doc, knowledge, None)
    }

    /// [`Context::new`] for a report about `year` when it is given, else about the year
    /// its title names.
    pub fn for_year(doc: &'d Document, knowledge: &'d Knowledge, year: Option<u16>) -> Context<'d> {
        let tables = document_facts(doc, knowledge);
        let index = FactIndex::build_for_year(doc, &tables, knowledge, year);
        let sentences = sentences(doc).collect();
        Context {
            doc,
            knowledge,
            tables,
            index,
            sentences,
            worksheet: None,
            captions: std::cell::OnceCell::new(),
        }
    }

    /// The report's captions, in order ([`captions`]): three checks read them.
    pub fn captions(&self) -> &[Caption] {
        self.captions.get_or_init(|| captions(self.doc))
    }
}

/// What a configuration (`periksa.yaml`) changes in checking: which checks run, how
/// severe their findings are, and the year the report is about. The default runs every
/// check at its own severity and reads the year from the report's title.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckOptions {
    /// The codes of the checks that do not run.
    pub disabled: BTreeSet<&'static str>,
    /// A severity other than the check's own, by code.
    pub severity: BTreeMap<&'static str, Severity>,
    /// The year the report is about, when its title is not to be trusted for it.
    pub report_year: Option<u16>,
}

impl CheckOptions {
    pub fn runs(&self, code: &str) -> bool {
        !self.disabled.contains(code)
    }
}

/// One check: its identity, its documentation and its code.
pub struct Rule {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    /// The source file of the check, whose `//!` comment is its documentation.
    source: &'static str,
    /// `None` for a reading check, whose findings come from the reader.
    check: Option<fn(&Context, &mut Vec<Finding>)>,
}

impl Rule {
    /// The documentation: the doc comment of the check's file, as Markdown.
    pub fn explanation(&self) -> String {
        let mut out = String::new();
        for line in self.source.lines() {
            let Some(doc) = line.strip_prefix("//!") else {
                if line.trim().is_empty() && out.is_empty() {
                    continue;
                }
                break;
            };
            out.push_str(doc.strip_prefix(' ').unwrap_or(doc));
            out.push('\n');
        }
        out
    }

    /// The first paragraph of the documentation after its heading, on one line.
    pub fn summary(&self) -> String {
        let explanation = self.explanation();
        let paragraph = explanation
            .split("\n\n")
            .map(str::trim)
            .find(|p| !p.is_empty() && !p.starts_with('#'))
            .unwrap_or_default();
        paragraph.split_whitespace().collect::<Vec<_>>().join(" ").trim_end_matches('.').to_string()
    }
}

macro_rules! rule {
    ($module:ident, $code:literal, $name:literal, $severity:expr, $check:expr) => {
        Rule {
            code: $code,
            name: $name,
            severity: $severity,
            source: include_str!(concat!(stringify!($module), ".rs")),
            check: $check,
        }
    };
}

/// Every check periksa has, in code order.
pub static RULES: &[Rule] = &[
    rule!(p001_unaligned_row, "P001", "unaligned-row", Severity::Warning, None),
    rule!(p002_unused_suppression, "P002", "unused-suppression", Severity::Info, None),
    rule!(a101_percent, "A101", "wrong-percentage", Severity::Error, Some(a101_percent::check)),
    rule!(a102_totals, "A102", "wrong-total", Severity::Error, Some(a102_totals::check)),
    rule!(
        a103_period_sums,
        "A103",
        "wrong-period-sum",
        Severity::Error,
        Some(a103_period_sums::check)
    ),
    rule!(a104_averages, "A104", "wrong-average", Severity::Error, Some(a104_averages::check)),
    rule!(a105_verdicts, "A105", "wrong-verdict", Severity::Error, Some(a105_verdicts::check)),
    rule!(
        c201_cross_table,
        "C201",
        "table-mismatch",
        Severity::Error,
        Some(c201_cross_table::check)
    ),
    rule!(
        c202_prose_table,
        "C202",
        "prose-mismatch",
        Severity::Error,
        Some(c202_prose_table::check)
    ),
    rule!(
        c203_prose_arithmetic,
        "C203",
        "wrong-prose-arithmetic",
        Severity::Error,
        Some(c203_prose_arithmetic::check)
    ),
    rule!(
        c204_parts_and_wholes,
        "C204",
        "parts-do-not-add-up",
        Severity::Error,
        Some(c204_parts_and_wholes::check)
    ),
    rule!(c205_counts, "C205", "count-mismatch", Severity::Error, Some(c205_counts::check)),
    rule!(
        c206_prose_average,
        "C206",
        "wrong-prose-average",
        Severity::Error,
        Some(c206_prose_average::check)
    ),
    rule!(
        c207_proportions,
        "C207",
        "impossible-proportion",
        Severity::Error,
        Some(c207_proportions::check)
    ),
    rule!(
        c208_budget_prose,
        "C208",
        "budget-mismatch",
        Severity::Error,
        Some(c208_budget_prose::check)
    ),
    rule!(
        s301_caption_numbers,
        "S301",
        "caption-numbering",
        Severity::Error,
        Some(s301_caption_numbers::check)
    ),
    rule!(s302_contents, "S302", "contents-mismatch", Severity::Error, Some(s302_contents::check)),
    rule!(
        s303_references,
        "S303",
        "dangling-reference",
        Severity::Error,
        Some(s303_references::check)
    ),
    rule!(s304_years, "S304", "wrong-year", Severity::Error, Some(s304_years::check)),
    rule!(
        s305_citations,
        "S305",
        "citation-mismatch",
        Severity::Error,
        Some(s305_citations::check)
    ),
    rule!(
        s306_chapter_names,
        "S306",
        "chapter-name-mismatch",
        Severity::Error,
        Some(s306_chapter_names::check)
    ),
    rule!(
        n401_direction_words,
        "N401",
        "direction-word",
        Severity::Error,
        Some(n401_direction_words::check)
    ),
    rule!(n402_tallies, "N402", "wrong-tally", Severity::Error, Some(n402_tallies::check)),
];

/// The check with this code (case-insensitive) or name.
pub fn find_rule(code_or_name: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| {
        r.code.eq_ignore_ascii_case(code_or_name) || r.name.eq_ignore_ascii_case(code_or_name)
    })
}

/// Every finding for `doc`: the reading findings and those of every check, in the order a
/// reader meets them.
pub fn check_document(doc: &Document, knowledge: &Knowledge) -> Vec<Finding> {
    check_document_with(doc, knowledge, &CheckOptions::default())
}

/// [`check_document`] with the checks, severities and year a configuration sets. A check
/// that is disabled does not run at all (its findings are not computed and then hidden).
pub fn check_document_with(
    doc: &Document,
    knowledge: &Knowledge,
    options: &CheckOptions,
) -> Vec<Finding> {
    run_checks(&Context::for_year(doc, knowledge, options.report_year), options)
}

/// [`check_document_with`], and the worksheet: every check performed, passed or failed,
/// in the order of the document.
pub fn check_document_recorded(
    doc: &Document,
    knowledge: &Knowledge,
    options: &CheckOptions,
) -> (Vec<Finding>, Vec<worksheet::CheckRecord>) {
    let mut context = Context::for_year(doc, knowledge, options.report_year);
    context.worksheet = Some(Default::default());
    let findings = run_checks(&context, options);
    let mut records = context.worksheet.take().unwrap_or_default().into_inner();
    let reported: HashSet<(Span, &str)> =
        findings.iter().map(|f| (f.primary.span, f.code)).collect();
    for record in &mut records {
        record.reported = reported.contains(&(record.span, record.code));
    }
    records.sort_by_key(|r| (r.span.start(), r.span.end(), r.code));
    (findings, records)
}

fn run_checks(context: &Context, options: &CheckOptions) -> Vec<Finding> {
    let doc = context.doc;
    let mut findings = doc.reading_findings.clone();
    findings.retain(|f| options.runs(f.code));
    for rule in RULES.iter().filter(|r| options.runs(r.code)) {
        if let Some(check) = rule.check {
            check(context, &mut findings);
        }
    }
    // Consequences are judged at the checks' own severities: a total set to be a warning
    // is still wrong, and a percentage built on it is still the same slip.
    drop_consequences(&mut findings);
    suppressions::apply(doc, &mut findings, &options.disabled);
    fixes::doubt_fixes_on_suspicious_inputs(&mut findings);
    findings.retain(|f| options.runs(f.code));
    for finding in &mut findings {
        if let Some(&severity) = options.severity.get(finding.code) {
            finding.severity = severity;
        }
    }
    sort_findings(&mut findings);
    findings
}

/// A figure computed from a figure already found wrong is the same slip seen again (the
/// percentage of a wrong total, the mean of a wrong percentage): only the first is
/// reported, so that every finding points at something to fix.
fn drop_consequences(findings: &mut Vec<Finding>) {
    let wrong: HashSet<Span> =
        findings.iter().filter(|f| f.severity == Severity::Error).map(|f| f.primary.span).collect();
    findings
        .retain(|f| !f.related.iter().any(|l| l.span != f.primary.span && wrong.contains(&l.span)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_are_unique_and_well_formed() {
        let mut seen = std::collections::HashSet::new();
        for rule in RULES {
            assert!(seen.insert(rule.code), "{} twice", rule.code);
            assert!(seen.insert(rule.name), "{} twice", rule.name);
            let (letter, digits) = rule.code.split_at(1);
            assert!(["A", "C", "S", "N", "P"].contains(&letter), "{}", rule.code);
            assert!(digits.len() == 3 && digits.chars().all(|c| c.is_ascii_digit()));
            assert!(rule.name.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{}", rule.name);
            assert!(rule.explanation().lines().count() > 3, "{} has no documentation", rule.code);
            assert!(!rule.summary().is_empty());
        }
    }

    #[test]
    fn rules_are_found_by_code_or_name() {
        assert_eq!(find_rule("a102").map(|r| r.name), Some("wrong-total"));
        assert_eq!(find_rule("wrong-percentage").map(|r| r.code), Some("A101"));
        assert!(find_rule("Z999").is_none());
    }
}
