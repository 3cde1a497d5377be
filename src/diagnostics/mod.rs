//! Findings: the one type every check reports, and the renderers that print them.
//!
//! A finding points at the place that is wrong (the primary label) and at every other
//! place involved (related labels, each with its own message), says what was expected and
//! what was found, and shows how the expected value was computed.

pub mod concise;
pub mod fix;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod sarif;

pub use fix::{Applicability, Edit, Fix};

use crate::messages::Message;
use crate::span::Span;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// A place in the file and what it has to do with the finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub message: Message,
}

impl Label {
    pub fn new(span: Span, message: impl Into<Message>) -> Self {
        Label { span, message: message.into() }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// A stable code: `A1xx` arithmetic, `C2xx` consistency, `S3xx` document structure,
    /// `N4xx` claims in words, `P0xx` reading.
    pub code: &'static str,
    /// What is flagged, in kebab-case: `unaligned-row`.
    pub name: &'static str,
    pub severity: Severity,
    pub message: Message,
    pub primary: Label,
    pub related: Vec<Label>,
    /// The value the report should print, in the report's locale and precision.
    pub expected: Option<String>,
    /// The value it prints.
    pub found: Option<String>,
    /// How the expected value was computed, or what periksa did about the problem.
    pub note: Option<Message>,
    /// The edit that would correct it, when the right value follows from other figures.
    pub fix: Option<Fix>,
}

impl Finding {
    pub fn new(
        code: &'static str,
        name: &'static str,
        severity: Severity,
        message: impl Into<Message>,
        primary: Label,
    ) -> Self {
        Finding {
            code,
            name,
            severity,
            message: message.into(),
            primary,
            related: Vec::new(),
            expected: None,
            found: None,
            note: None,
            fix: None,
        }
    }

    pub fn with_related(mut self, label: Label) -> Self {
        self.related.push(label);
        self
    }

    pub fn with_note(mut self, note: impl Into<Message>) -> Self {
        self.note = Some(note.into());
        self
    }

    /// A suggested fix; `None` leaves the finding without one.
    pub fn with_fix(mut self, fix: Option<Fix>) -> Self {
        self.fix = fix;
        self
    }

    pub fn with_values(mut self, expected: impl Into<String>, found: impl Into<String>) -> Self {
        self.expected = Some(expected.into());
        self.found = Some(found.into());
        self
    }
}

/// Findings in the order a reader meets them: by position, then by code.
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (a.primary.span.start(), a.primary.span.end(), a.code).cmp(&(
            b.primary.span.start(),
            b.primary.span.end(),
            b.code,
        ))
    });
}
