//! Suppressions written in the report, applied after every check has run:
//!
//! - `<!-- periksa-disable-next-line A101 -- reason -->` hides the findings of those
//!   checks that start on the next line that is not blank; when that line begins a
//!   table or its caption, in the whole table (a Markdown table has no room for a
//!   comment between its rows);
//! - `<!-- periksa-disable A101 -->` … `<!-- periksa-enable A101 -->` hides them in
//!   between (to the end of the file when no `enable` follows);
//! - several codes are separated by commas or spaces; `all` stands for every check.
//!
//! A suppression that hides nothing is itself reported (P002, a note), so that stale
//! ones do not pile up.

use super::p002_unused_suppression::unused;
use crate::diagnostics::Finding;
use crate::document::{BlockKind, Document};
use crate::span::Span;
use regex::Regex;
use std::collections::BTreeSet;
use std::sync::LazyLock;

/// `<!-- periksa-disable-next-line A101, C202 -- a reason -->`.
static COMMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<!--\s*periksa-(?P<what>disable-next-line|disable|enable)\b(?P<codes>[^>]*?)(\s--\s[^>]*)?\s*-->")
        .expect("a valid pattern")
});

/// What a suppression comment says.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    NextLine,
    Disable,
    Enable,
}

/// One suppression: the lines it covers and the codes it hides.
#[derive(Debug)]
struct Suppression {
    /// The comment, where a finding about it points.
    span: Span,
    codes: Vec<String>,
    /// The first and last line hidden (1-based, inclusive).
    lines: (usize, usize),
    used: bool,
}

impl Suppression {
    fn hides(&self, finding: &Finding, line: usize) -> bool {
        (self.lines.0..=self.lines.1).contains(&line)
            && self.codes.iter().any(|c| c == "all" || c.eq_ignore_ascii_case(finding.code))
    }

    /// Whether it names one of these checks, by code or with `all`.
    fn names_any(&self, checks: &BTreeSet<&'static str>) -> bool {
        self.codes.iter().any(|c| {
            (c == "all" && !checks.is_empty()) || checks.iter().any(|d| c.eq_ignore_ascii_case(d))
        })
    }
}

/// Removes the findings the report's comments suppress, and adds a P002 note for each
/// suppression that hides nothing, unless it names a check that is `disabled` (`all`
/// names every check): that check did not run, so the comment may well hide something
/// once it runs again.
pub fn apply(doc: &Document, findings: &mut Vec<Finding>, disabled: &BTreeSet<&'static str>) {
    let mut suppressions = read(doc);
    if suppressions.is_empty() {
        return;
    }
    findings.retain(|f| {
        let line = doc.source.line(f.primary.span.start());
        let mut hidden = false;
        for s in suppressions.iter_mut().filter(|s| s.hides(f, line)) {
            s.used = true;
            hidden = true;
        }
        !hidden
    });
    for s in suppressions.iter().filter(|s| !s.used && !s.names_any(disabled)) {
        findings.push(unused(s.span, &s.codes.join(", ")));
    }
}

fn read(doc: &Document) -> Vec<Suppression> {
    let text = doc.source.text.as_str();
    let last_line = doc.source.line(text.len());
    let mut out: Vec<Suppression> = Vec::new();
    for block in doc.blocks.iter().filter(|b| b.kind == BlockKind::Html) {
        let source = &text[block.span.range()];
        for caps in COMMENT.captures_iter(source) {
            let (Some(all), Some(what)) = (caps.get(0), caps.name("what")) else { continue };
            let span = Span::new(block.span.start() + all.start(), block.span.start() + all.end());
            let codes: Vec<String> = caps
                .name("codes")
                .map_or("", |c| c.as_str())
                .split([',', ' '])
                .filter(|c| !c.is_empty())
                .map(str::to_string)
                .collect();
            let kind = match what.as_str() {
                "disable-next-line" => Kind::NextLine,
                "disable" => Kind::Disable,
                _ => Kind::Enable,
            };
            let line = doc.source.line(span.end());
            match kind {
                Kind::NextLine => {
                    let next = next_written_line(text, span.end(), doc);
                    let last = table_end(doc, next).unwrap_or(next);
                    out.push(Suppression { span, codes, lines: (next, last), used: false });
                }
                Kind::Disable => {
                    out.push(Suppression { span, codes, lines: (line, last_line), used: false })
                }
                Kind::Enable => {
                    // Ends the open ranges of these codes.
                    for open in
                        out.iter_mut().filter(|s| s.lines.1 == last_line && s.lines.0 != s.lines.1)
                    {
                        if codes.iter().any(|c| open.codes.contains(c)) {
                            open.lines.1 = line;
                        }
                    }
                }
            }
        }
    }
    out
}

/// When `line` starts a table or the caption right above one, the table's last line: a
/// Markdown table cannot hold a comment between its rows, so a comment above the table
/// (or its caption) stands for all of it.
fn table_end(doc: &Document, line: usize) -> Option<usize> {
    let at = doc.blocks.iter().position(|b| doc.source.line(b.span.start()) == line)?;
    let table = doc.blocks[at..]
        .iter()
        .take(3)
        .take_while(|b| !matches!(b.kind, BlockKind::Heading { .. }))
        .find(|b| matches!(b.kind, BlockKind::Table(_)))?;
    // Only a caption (one or two short blocks) may stand between.
    let between = &doc.blocks[at..];
    let caption_only = between
        .iter()
        .take_while(|b| !matches!(b.kind, BlockKind::Table(_)))
        .all(|b| b.text.len() <= 200);
    caption_only.then(|| doc.source.line(table.span.end().saturating_sub(1)))
}

/// The number of the first line after `offset` that is not blank.
fn next_written_line(text: &str, offset: usize, doc: &Document) -> usize {
    let rest = &text[offset..];
    let skip = rest.find('\n').map_or(rest.len(), |i| i + 1);
    let mut at = offset + skip;
    for line in text[at..].split_inclusive('\n') {
        if !line.trim().is_empty() {
            break;
        }
        at += line.len();
    }
    doc.source.line(at)
}
