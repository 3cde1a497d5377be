//! Checking a document: today the findings of the reading itself; the rules engine adds
//! its checks here.

use crate::diagnostics::{sort_findings, Finding};
use crate::document::Document;

/// Every finding for `doc`, in the order a reader meets them.
pub fn check_document(doc: &Document) -> Vec<Finding> {
    let mut findings = doc.reading_findings.clone();
    sort_findings(&mut findings);
    findings
}
