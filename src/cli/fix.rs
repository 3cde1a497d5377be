//! `periksa fix`: applies the suggested fixes to the reports, or shows them as a diff.
//!
//! The reports are read and checked exactly as `periksa check` does (the configuration of
//! each, its disabled checks, its suppression comments), then the fixes of the findings
//! left are applied: the safe ones, and with `--unsafe` the others. Every byte outside
//! the replaced figures stays as it was (BOM, CRLF, trailing spaces). A file is written
//! only when it has something to fix, and atomically: the new text goes to a temporary
//! file in the same folder that then replaces the report, so that a failure halfway never
//! leaves a report cut short. `--diff` prints a unified diff instead and writes nothing.
//!
//! Exit codes: 0 nothing to fix; 1 fixes applied (or, with `--diff`, proposed); 2 bad
//! input (a file that cannot be read or written, a .docx, edits that overlap). This is
//! `ruff check --fix --exit-non-zero-on-fix` (and `ruff check --diff`): a pre-commit hook
//! that fixes a report fails the commit so that the author sees the change.

use super::{configured, report_input_error, walk, Common, Outcome};
use crate::diagnostics::fix::{apply, ApplyError, Edit};
use crate::diagnostics::Applicability;
use crate::messages::{Lang, Message};
use crate::msg;
use crate::read::{read_document, SourceFile, SourceKind};
use crate::rules::check_document_with;
use crate::span::Span;
use rayon::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// What `periksa fix` was asked to do.
#[derive(Debug, clap::Args)]
pub(super) struct FixArgs {
    /// Report files (.md, .markdown, .txt) or folders to search for them.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Print a unified diff of the changes instead of writing them.
    #[arg(long)]
    diff: bool,
    /// Also apply the fixes that are only likely (a row that reads two ways, a total
    /// whose part is also wrong).
    #[arg(long = "unsafe")]
    unsafe_fixes: bool,
    /// The language of the messages [default: the configuration's `lang`, else the
    /// environment's LANG].
    #[arg(long, value_enum)]
    lang: Option<Lang>,
    #[command(flatten)]
    common: Common,
}

/// What became of one report.
enum Done {
    /// Fixed (or, with `--diff`, a diff to print), with the number of findings fixed and
    /// of unsafe fixes left out.
    Changed { diff: Option<String>, fixed: usize, unsafe_left: usize },
    /// Nothing to fix: the file is not touched.
    Nothing { unsafe_left: usize },
    /// Could not be fixed, and why: the file is not touched.
    Failed(Message),
}

pub(super) fn run(args: &FixArgs) -> Outcome {
    let mut configs = match configured::open(&args.common) {
        Ok(configs) => configs,
        Err(outcome) => return outcome,
    };
    let lang = match configured::lang(args.lang, &mut configs) {
        Ok(lang) => lang,
        Err(outcome) => return outcome,
    };
    let configs = Arc::new(Mutex::new(configs));
    let walked = walk::collect_reports(&args.paths, &configured::keep(&configs));
    let mut input_error = !walked.errors.is_empty();
    for error in &walked.errors {
        report_input_error(error);
    }
    let assigned = configured::assign(&configs, &walked.files, "-");
    input_error |= !assigned.broken.is_empty();

    let allowed = if args.unsafe_fixes { Applicability::Unsafe } else { Applicability::Safe };
    let results: Vec<(PathBuf, Done)> = assigned
        .jobs
        .par_iter()
        .map(|(path, settings)| {
            let done = fix_file(path, allowed, args.diff, |source| {
                let doc = read_document(source, &settings.read_options);
                let findings =
                    check_document_with(&doc, &settings.knowledge, &settings.config.checks);
                (doc.source, findings)
            });
            (path.clone(), done)
        })
        .collect();

    let mut stdout = std::io::stdout().lock();
    let (mut fixed, mut files, mut unsafe_left) = (0, 0, 0);
    for (path, done) in &results {
        match done {
            Done::Changed { diff, fixed: n, unsafe_left: u } => {
                fixed += n;
                files += 1;
                unsafe_left += u;
                let shown = match diff {
                    Some(diff) => stdout.write_all(diff.as_bytes()),
                    None => {
                        let path = path.display().to_string();
                        let line = msg!("fix.file-fixed", path, fixes = fixes(*n)).render(lang);
                        writeln!(stdout, "{line}")
                    }
                };
                if let Err(err) = shown {
                    if err.kind() != std::io::ErrorKind::BrokenPipe {
                        let reason = err.to_string();
                        report_input_error(&msg!("ui.cannot-write-output", reason).render(lang));
                        return Outcome::InputError;
                    }
                }
            }
            Done::Nothing { unsafe_left: u } => unsafe_left += u,
            Done::Failed(message) => {
                report_input_error(&message.render(lang));
                input_error = true;
            }
        }
    }
    let files = if files == 1 { msg!("ui.file", n = files) } else { msg!("ui.files", n = files) };
    let summary = if fixed == 0 {
        msg!("fix.nothing")
    } else if args.diff {
        msg!("fix.summary-diff", fixes = fixes(fixed), files)
    } else {
        msg!("fix.summary", fixes = fixes(fixed), files)
    };
    let hint = if unsafe_left > 0 && !args.unsafe_fixes {
        msg!("fix.unsafe-hint", n = unsafe_left)
    } else {
        Message::plain("")
    };
    // With `--diff` standard output is the diff alone, so that it can go to `patch`.
    let line = format!("{}{}", summary.render(lang), hint.render(lang));
    let _ = if args.diff {
        writeln!(std::io::stderr(), "{line}")
    } else {
        writeln!(stdout, "{line}").and_then(|_| stdout.flush())
    };

    if input_error {
        Outcome::InputError
    } else if fixed > 0 {
        Outcome::Findings
    } else {
        Outcome::Clean
    }
}

/// "1 fix", "2 fixes".
fn fixes(n: usize) -> Message {
    if n == 1 {
        msg!("fix.one", n)
    } else {
        msg!("fix.many", n)
    }
}

/// Reads, checks and fixes one report; `check` reads a loaded report into its findings.
fn fix_file(
    path: &Path,
    allowed: Applicability,
    diff: bool,
    check: impl FnOnce(SourceFile) -> (SourceFile, Vec<crate::diagnostics::Finding>),
) -> Done {
    let name = path.display().to_string();
    if path.as_os_str() == "-" {
        return Done::Failed(msg!("fix.no-stdin"));
    }
    if SourceKind::from_path(path) == Some(SourceKind::Docx) {
        return Done::Failed(msg!("fix.docx", path = name));
    }
    let source = match SourceFile::load(path) {
        Ok(source) => source,
        Err(err) => return Done::Failed(err.message()),
    };
    let (source, findings) = check(source);
    let mut edits: Vec<Edit> = Vec::new();
    let (mut fixed, mut unsafe_left) = (0, 0);
    for fix in findings.iter().filter_map(|f| f.fix.as_ref()) {
        if fix.applicability <= allowed {
            edits.extend(fix.edits.iter().cloned());
            fixed += 1;
        } else {
            unsafe_left += 1;
        }
    }
    if edits.is_empty() {
        return Done::Nothing { unsafe_left };
    }
    let fixed_text = match apply(&source.text, &edits) {
        Ok(text) => text,
        Err(ApplyError::Overlap(a, b)) => {
            let (a, b) = (source.line_col(a.span.start()), source.line_col(b.span.start()));
            let (first, second) =
                (format!("{}:{}", a.line, a.column), format!("{}:{}", b.line, b.column));
            return Done::Failed(msg!("fix.overlap", path = name, first, second));
        }
        Err(ApplyError::OutOfBounds(e)) => {
            let at = e.span.start();
            return Done::Failed(msg!("fix.out-of-bounds", path = name, at));
        }
    };
    if diff {
        let diff = similar::TextDiff::from_lines(&source.text, &fixed_text)
            .unified_diff()
            .header(&name, &name)
            .to_string();
        return Done::Changed { diff: Some(diff), fixed, unsafe_left };
    }
    let mut lengths: Vec<(Span, usize)> =
        edits.iter().map(|e| (e.span, e.replacement.len())).collect();
    lengths.sort_unstable();
    lengths.dedup();
    let fixed_text = source.with_file_line_ends(fixed_text, &lengths);
    match write_atomically(path, fixed_text.as_bytes()) {
        Ok(()) => Done::Changed { diff: None, fixed, unsafe_left },
        Err(err) => Done::Failed(msg!("fix.cannot-write", path = name, reason = err.to_string())),
    }
}

/// Replaces the file at `path` with `bytes`: written to a temporary file in the same
/// folder (so that the rename stays on one file system), given the report's permissions,
/// then renamed over it. A read-only report is refused: renaming would replace it even
/// so, and its owner made it read-only on purpose. On any error the temporary file is
/// removed and the report is as it was.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let metadata = std::fs::metadata(path)?;
    let permissions = metadata.permissions();
    if permissions.readonly() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::PermissionDenied,
            "the file is read-only",
        ));
    }
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut temporary = tempfile::Builder::new().prefix(".periksa-fix-").tempfile_in(folder)?;
    temporary.write_all(bytes)?;
    temporary.as_file().sync_all()?;
    std::fs::set_permissions(temporary.path(), permissions)?;
    temporary.persist(path).map_err(|err| err.error)?;
    Ok(())
}
