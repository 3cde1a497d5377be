//! `periksa init [PATH] [--force]`: writes the starter `periksa.yaml`, every key at its
//! default with a comment saying what it does. A configuration already there is a
//! unit's own work: it is never replaced without `--force`.

use super::{report_input_error, Outcome};
use crate::config::{FILE_NAME, STARTER};
use crate::messages::Lang;
use crate::msg;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes the starter into the folder `path` (the current folder when `None`), or to
/// `path` itself when it names a `.yaml` file.
pub(super) fn run(path: Option<&Path>, force: bool) -> Outcome {
    let target = match target(path) {
        Ok(target) => target,
        Err(message) => {
            report_input_error(&message);
            return Outcome::InputError;
        }
    };
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    if force {
        options.create(true).truncate(true);
    } else {
        // Created only if absent, in one step: nothing can slip in between a check and
        // the write.
        options.create_new(true);
    }
    let written = options.open(&target).and_then(|mut file| file.write_all(STARTER.as_bytes()));
    match written {
        Ok(()) => {
            let file = target.display().to_string();
            println!("{}", msg!("init.wrote", file).render(Lang::from_env()));
            Outcome::Clean
        }
        Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => {
            let file = target.display().to_string();
            report_input_error(&msg!("init.exists", file).render(Lang::from_env()));
            Outcome::InputError
        }
        Err(err) => {
            let (file, reason) = (target.display().to_string(), err.to_string());
            report_input_error(&msg!("init.cannot-write", file, reason).render(Lang::from_env()));
            Outcome::InputError
        }
    }
}

fn target(path: Option<&Path>) -> Result<PathBuf, String> {
    let Some(path) = path else { return Ok(PathBuf::from(FILE_NAME)) };
    if path.is_dir() {
        return Ok(path.join(FILE_NAME));
    }
    let is_yaml = path.extension().is_some_and(|e| e == "yaml" || e == "yml");
    if is_yaml {
        Ok(path.to_path_buf())
    } else {
        Err(format!("{}: no such folder", path.display()))
    }
}
