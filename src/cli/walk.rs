//! Which files `periksa check` reads: the files named, and the reports found in the
//! folders named, in a stable order.
//!
//! Folders are walked with the `ignore` crate, as ripgrep and ruff walk them: hidden
//! files and folders and whatever `.gitignore`, `.ignore` and the global git excludes
//! leave out are skipped (in a git repository or not), and symbolic links are not
//! followed, so a link loop cannot trap the walk. Within that, the configuration's
//! `include` and `exclude` say which files are read and which folders entered; a file
//! named on the command line is always read.

use crate::read::SourceKind;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Whether a walk reads the file, or enters the folder (`true`), at this path.
pub type Keep = Arc<dyn Fn(&Path, bool) -> bool + Send + Sync>;

#[derive(Debug, Default)]
pub struct Walked {
    pub files: Vec<PathBuf>,
    /// One line per path that gave nothing to check.
    pub errors: Vec<String>,
}

pub fn collect_reports(paths: &[PathBuf], keep: &Keep) -> Walked {
    let mut walked = Walked::default();
    for path in paths {
        if path.is_dir() {
            let before = walked.files.len();
            walk_dir(path, keep, &mut walked);
            if walked.files.len() == before {
                walked.errors.push(format!(
                    "{}: no reports found in this folder (periksa reads .md, .markdown and .txt files)",
                    path.display()
                ));
            }
        } else {
            // A missing or unreadable file is reported when it is read, with the reason;
            // "-" is standard input.
            walked.files.push(path.clone());
        }
    }
    walked
}

/// `~$laporan.docx`: the owner file Word leaves beside a document while it is open. It
/// is not a document, and reading it would fail the whole run with exit 2.
fn is_word_lock_file(path: &Path) -> bool {
    path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("~$"))
}

fn walk_dir(dir: &Path, keep: &Keep, walked: &mut Walked) {
    let keep = keep.clone();
    let entries = ignore::WalkBuilder::new(dir)
        .follow_links(false)
        .require_git(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .filter_entry(move |entry| {
            keep(entry.path(), entry.file_type().is_some_and(|t| t.is_dir()))
        })
        .build();
    for entry in entries {
        match entry {
            Ok(entry)
                if entry.file_type().is_some_and(|t| t.is_file())
                    && SourceKind::from_path(entry.path()).is_some()
                    && !is_word_lock_file(entry.path()) =>
            {
                walked.files.push(entry.into_path());
            }
            Ok(_) => {}
            Err(err) => walked.errors.push(format!("{}: {err}", dir.display())),
        }
    }
}
