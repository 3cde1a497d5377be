//! `periksa check --statistics`: how many findings each check gave, most first.

use crate::diagnostics::Finding;
use serde::Serialize;
use std::collections::BTreeMap;

/// One check's count.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Count {
    pub code: &'static str,
    pub name: &'static str,
    pub count: usize,
}

/// The counts of the findings, most first, then by code.
pub fn counts<'a>(findings: impl Iterator<Item = &'a Finding>) -> Vec<Count> {
    let mut by_code: BTreeMap<&'static str, Count> = BTreeMap::new();
    for f in findings {
        by_code.entry(f.code).or_insert(Count { code: f.code, name: f.name, count: 0 }).count += 1;
    }
    let mut out: Vec<Count> = by_code.into_values().collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(b.code)));
    out
}

/// The counts as text: `  3  A102  wrong-total`, the counts aligned.
pub fn render_text(counts: &[Count]) -> String {
    let width = counts.iter().map(|c| c.count.to_string().len()).max().unwrap_or(1);
    counts.iter().map(|c| format!("{:>width$}  {}  {}\n", c.count, c.code, c.name)).collect()
}

/// The counts as JSON: `[{"code": "A102", "name": "wrong-total", "count": 3}]`.
pub fn render_json(counts: &[Count]) -> String {
    serde_json::to_string_pretty(counts).unwrap_or_else(|_| "[]".into()) + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::{Label, Severity};
    use crate::messages::Message;
    use crate::span::Span;

    fn finding(code: &'static str, name: &'static str) -> Finding {
        Finding::new(
            code,
            name,
            Severity::Error,
            Message::plain("m"),
            Label::new(Span::new(0, 1), Message::plain("l")),
        )
    }

    #[test]
    fn most_first_then_by_code() {
        let findings = [
            finding("S301", "caption-numbering"),
            finding("A102", "wrong-total"),
            finding("A102", "wrong-total"),
            finding("A101", "wrong-percentage"),
        ];
        let counts = counts(findings.iter());
        assert_eq!(
            render_text(&counts),
            "2  A102  wrong-total\n1  A101  wrong-percentage\n1  S301  caption-numbering\n"
        );
        assert!(render_json(&counts).contains("\"count\": 2"));
    }
}
