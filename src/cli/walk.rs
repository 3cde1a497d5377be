//! Which files `periksa check` reads: the files named, and the reports found in the
//! folders named, in a stable order.

use crate::read::SourceKind;
use std::path::{Path, PathBuf};

#[derive(Debug, Default)]
pub struct Walked {
    pub files: Vec<PathBuf>,
    /// One line per path that gave nothing to check.
    pub errors: Vec<String>,
}

pub fn collect_reports(paths: &[PathBuf]) -> Walked {
    let mut walked = Walked::default();
    for path in paths {
        if path.is_dir() {
            let before = walked.files.len();
            walk_dir(path, &mut walked);
            if walked.files.len() == before {
                walked.errors.push(format!(
                    "{}: no reports found in this folder (periksa reads .md, .markdown and .txt files)",
                    path.display()
                ));
            }
        } else {
            // A missing or unreadable file is reported when it is read, with the reason.
            walked.files.push(path.clone());
        }
    }
    walked
}

fn walk_dir(dir: &Path, walked: &mut Walked) {
    let entries = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in entries {
        match entry {
            Ok(entry)
                if entry.file_type().is_file() && SourceKind::from_path(entry.path()).is_some() =>
            {
                walked.files.push(entry.into_path());
            }
            Ok(_) => {}
            Err(err) => walked.errors.push(format!(
                "{}: {}",
                err.path().map_or_else(|| dir.display().to_string(), |p| p.display().to_string()),
                err.io_error().map_or_else(|| err.to_string(), |e| e.to_string())
            )),
        }
    }
}
