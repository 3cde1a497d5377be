//! Helpers shared by the integration tests.
#![allow(dead_code)]

use periksa::document::Document;
use periksa::read::{read_document, ReadOptions, SourceFile, SourceKind};
use std::path::Path;

/// Reads a fixture by its path relative to the package root (as the snapshots name it).
pub fn read_fixture(path: &str) -> Document {
    let source = SourceFile::load(Path::new(path)).expect("fixture is readable");
    read_document(source, &ReadOptions::default())
}

/// Reads a report given as text.
pub fn read_text(name: &str, kind: SourceKind, text: &str) -> Document {
    let source = SourceFile::new(name.to_string(), kind, text.to_string());
    read_document(source, &ReadOptions::default())
}

/// The real report in ../shared, when this checkout has it beside it (a user's clone
/// does not: tests that use it skip).
pub fn seed_path() -> Option<std::path::PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/seed/lakip-2024-bp3mi-jawa-barat.txt");
    path.exists().then_some(path)
}
