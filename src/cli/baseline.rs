//! `periksa check --write-baseline FILE` and `--baseline FILE`: the command-line side of
//! [`crate::baseline`] (which holds what a baseline is). Kept apart from `cli/mod.rs` so
//! that `run_check` only calls [`Mode::prepare`] before checking and [`Prepared::apply`]
//! after.

use super::{report_input_error, Checked, Outcome};
use crate::baseline::{Baseline, Root};
use crate::messages::Lang;
use crate::msg;
use std::path::PathBuf;

#[derive(Debug, Clone, clap::Args)]
pub(super) struct BaselineArgs {
    /// Report only the findings this baseline file does not accept (see --write-baseline).
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    baseline: Option<PathBuf>,
    /// Write every current finding to FILE as accepted, print nothing else and exit 0;
    /// later runs with --baseline FILE report only new findings.
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
}

/// What the baseline options ask for, with the baseline read when one is to be applied.
#[derive(Debug)]
pub(super) enum Prepared {
    Off,
    Write { file: PathBuf, root: Root },
    Filter { file: PathBuf, baseline: Baseline, root: Root },
}

/// What `run_check` does after [`Prepared::apply`].
pub(super) enum Next {
    /// Print the findings left, as usual.
    Print,
    /// Stop with this outcome: the baseline was written (or could not be).
    Stop(Outcome),
}

impl BaselineArgs {
    /// Reads the baseline to apply, before any report is checked, so that a bad baseline
    /// fails at once; an error names the file, line and column.
    pub(super) fn prepare(&self) -> Result<Prepared, Outcome> {
        if let Some(file) = &self.write_baseline {
            return Ok(Prepared::Write { file: file.clone(), root: Root::of_baseline(file) });
        }
        let Some(file) = &self.baseline else {
            return Ok(Prepared::Off);
        };
        match Baseline::load(file) {
            Ok(baseline) => {
                Ok(Prepared::Filter { file: file.clone(), baseline, root: Root::of_baseline(file) })
            }
            Err(err) => {
                report_input_error(&err.to_string());
                Err(Outcome::InputError)
            }
        }
    }
}

impl Prepared {
    /// Writes the baseline of `checked`, or drops from it what the baseline accepts.
    /// `input_error` says whether a report could not be read: a baseline is then not
    /// written, since it would lack that report's findings.
    pub(super) fn apply(&self, checked: &mut [Checked], input_error: bool, lang: Lang) -> Next {
        match self {
            Prepared::Off => Next::Print,
            Prepared::Write { file, root } => {
                if input_error {
                    let file = file.display().to_string();
                    report_input_error(&msg!("baseline.not-written", file).render(lang));
                    return Next::Stop(Outcome::InputError);
                }
                let files = checked.iter().map(|(source, findings)| (source, &findings[..]));
                let baseline = Baseline::from_findings(files, root);
                if let Err(err) = baseline.write(file) {
                    report_input_error(&err.to_string());
                    return Next::Stop(Outcome::InputError);
                }
                let (n, file) = (baseline.len(), file.display().to_string());
                let wrote = if n == 1 {
                    msg!("baseline.wrote-one", file)
                } else {
                    msg!("baseline.wrote", n, file)
                };
                eprintln!("periksa: {}", wrote.render(lang));
                Next::Stop(Outcome::Clean)
            }
            Prepared::Filter { file, baseline, root } => {
                let filtered = baseline.filter(checked, root);
                if filtered.fixed > 0 {
                    let (n, file) = (filtered.fixed, file.display().to_string());
                    let fixed = if n == 1 {
                        msg!("baseline.fixed-one", file)
                    } else {
                        msg!("baseline.fixed", n, file)
                    };
                    eprintln!("periksa: {}", fixed.render(lang));
                }
                Next::Print
            }
        }
    }
}
