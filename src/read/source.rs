//! Loading a report from disk: bytes, UTF-8 check, and the kind of file.
//!
//! The text is kept exactly as on disk (a BOM and CRLF line ends included) so that every
//! span is a true byte offset into the user's file.

use crate::messages::Message;
use crate::msg;
use crate::span::{LineCol, LineIndex, Span};
use std::path::{Path, PathBuf};

/// How the file is to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    Markdown,
    PlainText,
    /// A Word document, read through its text view ([`crate::read::docx`]).
    Docx,
}

impl SourceKind {
    /// The kind for a path, by its extension; `None` for a file periksa does not read.
    pub fn from_path(path: &Path) -> Option<SourceKind> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" => Some(SourceKind::Markdown),
            "txt" => Some(SourceKind::PlainText),
            "docx" => Some(SourceKind::Docx),
            _ => None,
        }
    }
}

/// A report's text with its name and line index.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The name shown in findings: the path as the user gave it.
    pub name: String,
    pub kind: SourceKind,
    pub text: String,
    lines: LineIndex,
    /// For a .docx, where each line of the text view comes from; empty otherwise.
    places: Vec<Option<super::docx::LinePlace>>,
    /// Where the file ends a line with a carriage return alone (as classic Mac OS wrote
    /// files): `text` has `\n` there instead, one byte for one, so that lines, tables and
    /// every span work as in any file; `periksa fix` writes them back.
    lone_carriage_returns: Vec<usize>,
}

/// Why a file could not be read. Each names the file; none stops the other files.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: not a regular file (a pipe, socket or device); not read")]
    NotAFile { path: String },
    #[error("{path}: not valid UTF-8 at byte {offset} (save the report as UTF-8 text)")]
    NotUtf8 { path: String, offset: usize },
    #[error("{path}: not a report periksa reads (use .md, .markdown, .txt or .docx)")]
    UnknownKind { path: String },
    #[error("{path}: not a readable .docx (damaged or not a zip archive: {reason})")]
    DocxNotZip { path: String, reason: String },
    #[error("{path}: not a Word document: word/document.xml is missing")]
    DocxNoDocument { path: String },
    #[error("{path}: word/document.xml unpacks to more than {limit_mb} MB; not read (a damaged file or a zip bomb)")]
    DocxTooLarge { path: String, limit_mb: u64 },
    #[error("{path}: word/document.xml is damaged: {reason}")]
    DocxBadXml { path: String, reason: String },
    #[error("{path}: larger than {limit_mb} MB, the largest report periksa reads; not read")]
    TooLarge { path: String, limit_mb: u64 },
}

/// [`ReadError::TooLarge`] when a file of `size` bytes is past what a [`Span`] can point
/// into.
fn within_limit(path: &str, size: u64) -> Result<(), ReadError> {
    if size > Span::MAX_FILE as u64 {
        return Err(ReadError::TooLarge {
            path: path.to_string(),
            limit_mb: Span::MAX_FILE as u64 / 1_000_000,
        });
    }
    Ok(())
}

impl ReadError {
    /// The same in the catalogue's words, for the language of the run.
    pub fn message(&self) -> Message {
        match self {
            ReadError::Io { path, source } => {
                msg!("read.cannot-read", path, reason = source.to_string())
            }
            ReadError::NotAFile { path } => msg!("read.not-a-file", path),
            ReadError::NotUtf8 { path, offset } => msg!("read.not-utf8", path, offset),
            ReadError::UnknownKind { path } => msg!("read.unknown-kind", path),
            ReadError::DocxNotZip { path, reason } => {
                msg!("read.docx-not-zip", path, reason = reason.as_str())
            }
            ReadError::DocxNoDocument { path } => msg!("read.docx-no-document", path),
            ReadError::DocxTooLarge { path, limit_mb } => {
                msg!(
                    "read.docx-too-large",
                    path,
                    limit_mb = usize::try_from(*limit_mb).unwrap_or(usize::MAX)
                )
            }
            ReadError::DocxBadXml { path, reason } => {
                msg!("read.docx-bad-xml", path, reason = reason.as_str())
            }
            ReadError::TooLarge { path, limit_mb } => {
                msg!(
                    "read.too-large",
                    path,
                    limit_mb = usize::try_from(*limit_mb).unwrap_or(usize::MAX)
                )
            }
        }
    }
}

impl SourceFile {
    /// Reads `path` from disk.
    pub fn load(path: &Path) -> Result<SourceFile, ReadError> {
        let name = path.display().to_string();
        let kind = SourceKind::from_path(path)
            .ok_or_else(|| ReadError::UnknownKind { path: name.clone() })?;
        // Reading a named pipe (or a device) waits for a writer that never comes, or reads
        // without end: only regular files (through symlinks) are reports.
        let meta = std::fs::metadata(path)
            .map_err(|source| ReadError::Io { path: name.clone(), source })?;
        if !meta.is_file() && !meta.is_dir() {
            return Err(ReadError::NotAFile { path: name });
        }
        // Refused before reading: a file past the limit is not loaded at all.
        within_limit(&name, meta.len())?;
        let bytes =
            std::fs::read(path).map_err(|source| ReadError::Io { path: name.clone(), source })?;
        SourceFile::from_bytes(name, kind, bytes)
    }

    /// A report from bytes already in memory (stdin, tests).
    pub fn from_bytes(
        name: String,
        kind: SourceKind,
        bytes: Vec<u8>,
    ) -> Result<SourceFile, ReadError> {
        within_limit(&name, bytes.len() as u64)?;
        if kind == SourceKind::Docx {
            let view = docx_view(&name, &bytes)?;
            let mut source = SourceFile::new(name, kind, view.text);
            source.places = view.lines;
            return Ok(source);
        }
        match String::from_utf8(bytes) {
            Ok(text) => {
                let (text, lone) = lone_carriage_returns_read_as_newlines(text);
                let mut source = SourceFile::new(name, kind, text);
                source.lone_carriage_returns = lone;
                Ok(source)
            }
            Err(err) => {
                Err(ReadError::NotUtf8 { path: name, offset: err.utf8_error().valid_up_to() })
            }
        }
    }

    pub fn new(name: String, kind: SourceKind, text: String) -> SourceFile {
        let lines = LineIndex::new(&text);
        SourceFile {
            name,
            kind,
            text,
            lines,
            places: Vec::new(),
            lone_carriage_returns: Vec::new(),
        }
    }

    /// `text` (or a text edited from it without changing its line ends) as the file
    /// writes it: with its lone carriage returns back. `edits` are the edits that made
    /// `text` from this file's text, sorted and not overlapping.
    pub fn with_file_line_ends(&self, text: String, edits: &[(Span, usize)]) -> String {
        if self.lone_carriage_returns.is_empty() {
            return text;
        }
        let mut bytes = text.into_bytes();
        let mut edits = edits.iter().peekable();
        let mut shift: isize = 0;
        for &at in &self.lone_carriage_returns {
            while let Some(&&(span, replacement)) = edits.peek() {
                if span.end() > at {
                    break;
                }
                shift += replacement as isize - span.len() as isize;
                edits.next();
            }
            if let Some(byte) = bytes.get_mut(at.wrapping_add_signed(shift)) {
                if *byte == b'\n' {
                    *byte = b'\r';
                }
            }
        }
        // Only ASCII bytes were swapped: still UTF-8.
        String::from_utf8(bytes)
            .unwrap_or_else(|err| String::from_utf8_lossy(err.as_bytes()).into_owned())
    }

    /// Where byte `offset` is in the document, for a .docx (whose text is a view of it).
    pub fn place(&self, offset: usize) -> Option<super::docx::Place> {
        super::docx::place_in(&self.text, &self.places, offset)
    }

    /// The path of the file, for walking up to a config later.
    pub fn path(&self) -> PathBuf {
        PathBuf::from(&self.name)
    }

    pub fn line_col(&self, offset: usize) -> LineCol {
        self.lines.line_col(&self.text, offset)
    }

    /// 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> usize {
        self.lines.line_of(offset.min(self.text.len())) + 1
    }

    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    /// Where the content starts: after a UTF-8 byte-order mark, if there is one.
    pub fn content_start(&self) -> usize {
        if self.text.starts_with('\u{feff}') {
            3
        } else {
            0
        }
    }
}

/// The text view of a .docx, or why it cannot be read.
fn docx_view(name: &str, bytes: &[u8]) -> Result<super::docx::DocxView, ReadError> {
    use super::docx::{render, DocxError};
    let path = name.to_string();
    render(bytes).map_err(|err| match err {
        DocxError::NotZip(reason) => ReadError::DocxNotZip { path, reason },
        DocxError::NoDocument => ReadError::DocxNoDocument { path },
        DocxError::TooLarge(limit_mb) => ReadError::DocxTooLarge { path, limit_mb },
        DocxError::BadXml(reason) => ReadError::DocxBadXml { path, reason },
    })
}

/// `text` with each carriage return that is not followed by a line feed replaced by a line
/// feed, and where they were.
fn lone_carriage_returns_read_as_newlines(text: String) -> (String, Vec<usize>) {
    let bytes = text.as_bytes();
    // Every file passes here: the search for `\r` is memchr's, so a file without one costs
    // one fast scan, not a test per byte.
    let lone: Vec<usize> = text
        .match_indices('\r')
        .map(|(i, _)| i)
        .filter(|&i| bytes.get(i + 1) != Some(&b'\n'))
        .collect();
    if lone.is_empty() {
        return (text, lone);
    }
    let mut bytes = text.into_bytes();
    for &i in &lone {
        bytes[i] = b'\n';
    }
    // One ASCII byte for another: still UTF-8.
    let text = String::from_utf8(bytes)
        .unwrap_or_else(|err| String::from_utf8_lossy(err.as_bytes()).into_owned());
    (text, lone)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_the_byte() {
        let err = SourceFile::from_bytes("r.md".into(), SourceKind::Markdown, b"ab\xffcd".to_vec())
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "r.md: not valid UTF-8 at byte 2 (save the report as UTF-8 text)"
        );
    }

    #[test]
    fn kinds_by_extension() {
        assert_eq!(SourceKind::from_path(Path::new("a/B.MD")), Some(SourceKind::Markdown));
        assert_eq!(SourceKind::from_path(Path::new("a.markdown")), Some(SourceKind::Markdown));
        assert_eq!(SourceKind::from_path(Path::new("a.txt")), Some(SourceKind::PlainText));
        assert_eq!(SourceKind::from_path(Path::new("a.docx")), Some(SourceKind::Docx));
        assert_eq!(SourceKind::from_path(Path::new("a.doc")), None);
    }
}
