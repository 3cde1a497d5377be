//! The command line's side of `periksa.yaml`: the configurations of a run from its flags,
//! the language of the run, the walk's filter, and the configuration of each report.
//!
//! A configuration that cannot be used is reported once, on one line naming its file;
//! its reports are not checked and the run ends with exit code 2.

use super::walk::Keep;
use super::{report_input_error, Common, Outcome};
use crate::config::{Configs, Overrides, Settings};
use crate::messages::Lang;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// The configurations of a run: `--config`, or each report's nearest `periksa.yaml`,
/// under the flags that override them.
pub(super) fn open(common: &Common) -> Result<Configs, Outcome> {
    let overrides = Overrides { locale: common.locale, rules: common.rules.clone() };
    Configs::new(overrides, common.config.as_deref()).map_err(|err| {
        report_input_error(&err.to_string());
        Outcome::InputError
    })
}

/// The language of the run's messages: `--lang`, else the configuration's `lang` (of
/// `--config`, or of the current folder's `periksa.yaml`), else the environment's.
pub(super) fn lang(flag: Option<Lang>, configs: &mut Configs) -> Result<Lang, Outcome> {
    if let Some(lang) = flag {
        return Ok(lang);
    }
    match configs.run_lang() {
        Ok(lang) => Ok(lang.unwrap_or_else(Lang::from_env)),
        Err(err) => {
            report_input_error(&err.to_string());
            Err(Outcome::InputError)
        }
    }
}

/// The walk's filter: the `include` and `exclude` of each folder's configuration.
pub(super) fn keep(configs: &Arc<Mutex<Configs>>) -> Keep {
    let configs = configs.clone();
    Arc::new(move |path: &Path, is_dir: bool| lock(&configs).keeps(path, is_dir))
}

/// The configurations, shared by the walk's filter and the run. The lock is never held
/// across a panic, but should one poison it the cache inside is still sound.
fn lock(configs: &Mutex<Configs>) -> std::sync::MutexGuard<'_, Configs> {
    configs.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Each report with its configuration.
pub(super) struct Assigned {
    pub jobs: Vec<(PathBuf, Arc<Settings>)>,
    /// The reports not checked for their configuration's error: (report, error).
    pub broken: Vec<(String, String)>,
}

/// The configuration of each of `files`; the report on standard input (`-`) takes that
/// of the folder of `--stdin-filename`.
pub(super) fn assign(
    configs: &Mutex<Configs>,
    files: &[PathBuf],
    stdin_filename: &str,
) -> Assigned {
    let mut configs = lock(configs);
    let mut assigned = Assigned { jobs: Vec::new(), broken: Vec::new() };
    let mut reported = HashSet::new();
    for file in files {
        let named = if file.as_os_str() == "-" { Path::new(stdin_filename) } else { file };
        match configs.for_file(named) {
            Ok(settings) => assigned.jobs.push((file.clone(), settings)),
            Err(err) => {
                let message = err.to_string();
                if reported.insert(message.clone()) {
                    report_input_error(&message);
                }
                assigned.broken.push((file.display().to_string(), message));
            }
        }
    }
    assigned
}
