//! The command line: `periksa check`, `periksa fix`, `periksa tables`, `periksa rules`,
//! `periksa explain` and `periksa init`.
//!
//! Exit codes: 0 when no finding at or above `--fail-on` (error by default), 1 when at
//! least one, 2 when the command line
//! or an input file is wrong. A file that cannot be read is reported on one line and the
//! other files are still checked.

mod baseline;
mod configured;
mod fix;
mod init;
mod walk;

use crate::diagnostics::{self, human, json, Finding, Severity};
use crate::document::Document;
use crate::figures::Locale;
use crate::messages::{Lang, Message};
use crate::msg;
use crate::output;
use crate::read::{read_document, ReadError, SourceFile, SourceKind};
use crate::rules::worksheet::CheckRecord;
use crate::rules::{check_document_recorded, check_document_with, find_rule, RULES};
use clap::{Parser, Subcommand, ValueEnum};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};
use rayon::prelude::*;
use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};

#[derive(Debug, Parser)]
#[command(
    name = "periksa",
    version,
    about = "Checks the tables and figures of an Indonesian performance report (LAKIP)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check reports and print what is wrong in them.
    Check {
        /// Report files (.md, .markdown, .txt), folders to search for them, or `-` for
        /// standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The name findings give the report read from standard input (`-`); its
        /// extension says how to read it (.md by default).
        #[arg(long, value_name = "NAME", default_value = "<stdin>")]
        stdin_filename: String,
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
        /// The least severe finding that makes the exit code 1.
        #[arg(long, value_enum, default_value_t = FailOn::Error)]
        fail_on: FailOn,
        /// Print how many findings each check gave instead of the findings.
        #[arg(long)]
        statistics: bool,
        /// The language of the messages [default: the configuration's `lang`, else the
        /// environment's LANG].
        #[arg(long, value_enum)]
        lang: Option<Lang>,
        #[command(flatten)]
        baseline: baseline::BaselineArgs,
        #[command(flatten)]
        common: Common,
    },
    /// Apply the suggested fixes (the corrected percentages, totals and repeated figures),
    /// or show them with `--diff`.
    Fix(fix::FixArgs),
    /// Print the tables periksa reads in a report: caption, header path of each column,
    /// and every cell with the figure read from it.
    Tables {
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = TablesFormat::Text)]
        format: TablesFormat,
        #[command(flatten)]
        common: Common,
    },
    /// List the checks: code, name, default severity and what each flags.
    Rules,
    /// Print the documentation of a check: `periksa explain A102`.
    Explain {
        /// A check's code (A102) or name (wrong-total).
        code: String,
    },
    /// Write a starter periksa.yaml, every setting at its default with what it does.
    Init {
        /// The folder to write it in (the current one by default), or a .yaml file.
        path: Option<PathBuf>,
        /// Replace a configuration file that is already there.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, clap::Args)]
struct Common {
    /// How the report writes numbers: id (34.209 and 51,20) or en (34,209 and 51.20)
    /// [default: the configuration's `locale`, else id].
    #[arg(long, value_enum)]
    locale: Option<Locale>,
    /// When to colour the output.
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto)]
    color: ColorWhen,
    /// A folder of rules files (vocabulary.yaml, indicators.yaml, verdicts.yaml,
    /// policy.yaml, units.yaml) that adds to the built-in ones.
    #[arg(long, value_name = "DIR")]
    rules: Option<PathBuf>,
    /// The configuration file for every report, instead of the nearest periksa.yaml
    /// above each.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum CheckFormat {
    /// Each finding with its source lines, as rustc prints them.
    Human,
    /// One finding a line: `file:line:col: severity code message`.
    Concise,
    /// The JSON contract (version 1).
    Json,
    /// GitHub Actions workflow annotations.
    Github,
    /// A SARIF 2.1.0 log, for code-scanning services and auditors' tools.
    Sarif,
    /// One self-contained HTML page for reviewers: the tables with the wrong cells
    /// highlighted, and the findings beside them.
    Html,
    /// The working paper: one CSV row per check performed, passed or failed, with its
    /// inputs, formula, recomputed value and verdict; then the counts per check.
    Worksheet,
    /// The working paper as an .xlsx workbook (redirect it to a file).
    WorksheetXlsx,
}

impl CheckFormat {
    fn is_worksheet(self) -> bool {
        matches!(self, CheckFormat::Worksheet | CheckFormat::WorksheetXlsx)
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
}

impl FailOn {
    fn severity(self) -> Severity {
        match self {
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
            FailOn::Info => Severity::Info,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum TablesFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ColorWhen {
    Auto,
    Always,
    Never,
}

/// The outcome of a run, as an exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Clean = 0,
    Findings = 1,
    InputError = 2,
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() { Outcome::InputError as u8 } else { 0 });
        }
    };
    let outcome = match cli.command {
        Command::Check {
            paths,
            stdin_filename,
            format,
            fail_on,
            statistics,
            lang,
            baseline,
            common,
        } => {
            let output = Output { format, statistics, lang };
            run_check(&paths, &stdin_filename, output, fail_on, &baseline, &common)
        }
        Command::Fix(args) => fix::run(&args),
        Command::Tables { file, format, common } => run_tables(&file, format, &common),
        Command::Rules => write_stdout(&output::rules::render_list(RULES)),
        Command::Explain { code } => match find_rule(&code) {
            Some(rule) => write_stdout(&output::rules::render_explanation(rule)),
            None => {
                let code = format!("{code:?}");
                report_input_error(&msg!("ui.no-such-check", code).render(Lang::from_env()));
                Outcome::InputError
            }
        },
        Command::Init { path, force } => init::run(path.as_deref(), force),
    };
    ExitCode::from(outcome as u8)
}

fn color_choice(when: ColorWhen) -> ColorChoice {
    match when {
        ColorWhen::Always => ColorChoice::Always,
        ColorWhen::Never => ColorChoice::Never,
        ColorWhen::Auto
            if std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none() =>
        {
            ColorChoice::Auto
        }
        ColorWhen::Auto => ColorChoice::Never,
    }
}

/// The report on standard input, named `name` (whose extension says how to read it).
fn read_stdin(name: &str) -> Result<SourceFile, ReadError> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .read_to_end(&mut bytes)
        .map_err(|source| ReadError::Io { path: name.to_string(), source })?;
    let kind = SourceKind::from_path(std::path::Path::new(name)).unwrap_or(SourceKind::Markdown);
    SourceFile::from_bytes(name.to_string(), kind, bytes)
}

/// Prints one line about a file that could not be read.
fn report_input_error(message: &str) {
    eprintln!("periksa: error: {message}");
}

/// A file read and its findings.
type Checked = (SourceFile, Vec<Finding>);
/// The checks performed on a file, for `--format worksheet`, with the report's number
/// format.
type Worksheet = (Locale, Vec<CheckRecord>);

/// A file that could not be read, and why.
type Unreadable = (String, Message);

/// A file checked: its findings, its worksheet (for `--format worksheet`) and, for the
/// HTML page, what was read of it.
type Done = (Checked, Worksheet, Option<Document>);

/// What `periksa check` prints.
#[derive(Debug, Clone, Copy)]
struct Output {
    format: CheckFormat,
    statistics: bool,
    /// `--lang`.
    lang: Option<Lang>,
}

fn run_check(
    paths: &[PathBuf],
    stdin_filename: &str,
    output: Output,
    fail_on: FailOn,
    baseline: &baseline::BaselineArgs,
    common: &Common,
) -> Outcome {
    let mut configs = match configured::open(common) {
        Ok(configs) => configs,
        Err(outcome) => return outcome,
    };
    let lang = match configured::lang(output.lang, &mut configs) {
        Ok(lang) => lang,
        Err(outcome) => return outcome,
    };
    let baseline = match baseline.prepare() {
        Ok(prepared) => prepared,
        Err(outcome) => return outcome,
    };
    let configs = Arc::new(Mutex::new(configs));
    let walked = walk::collect_reports(paths, &configured::keep(&configs));
    let mut input_error = !walked.errors.is_empty();
    for error in &walked.errors {
        report_input_error(error);
    }
    let assigned = configured::assign(&configs, &walked.files, stdin_filename);
    input_error |= !assigned.broken.is_empty();

    // Files are checked in parallel, each on its own with its configuration; the results
    // keep the order of the paths. The HTML page shows the tables, so it keeps what was
    // read.
    let keep_documents = output.format == CheckFormat::Html && !output.statistics;
    let results: Vec<Result<Done, Unreadable>> = assigned
        .jobs
        .par_iter()
        .map(|(path, settings)| {
            let source = if path.as_os_str() == "-" {
                read_stdin(stdin_filename)
            } else {
                SourceFile::load(path)
            };
            match source {
                Ok(source) => {
                    let doc = read_document(source, &settings.read_options);
                    let (knowledge, checks) = (&settings.knowledge, &settings.config.checks);
                    let (findings, records) = if output.format.is_worksheet() {
                        check_document_recorded(&doc, knowledge, checks)
                    } else {
                        (check_document_with(&doc, knowledge, checks), Vec::new())
                    };
                    let locale = doc.locale;
                    if keep_documents {
                        Ok(((doc.source.clone(), findings), (locale, records), Some(doc)))
                    } else {
                        Ok(((doc.source, findings), (locale, records), None))
                    }
                }
                Err(err) => Err((path.display().to_string(), err.message())),
            }
        })
        .collect();
    let mut checked: Vec<Checked> = Vec::new();
    let mut worksheets: Vec<Worksheet> = Vec::new();
    let mut documents: Vec<Document> = Vec::new();
    let mut unreadable: Vec<(String, String)> = assigned.broken;
    for result in results {
        match result {
            Ok((done, worksheet, document)) => {
                checked.push(done);
                worksheets.push(worksheet);
                documents.extend(document);
            }
            Err((path, err)) => {
                let err = err.render(lang);
                report_input_error(&err);
                unreadable.push((path, err));
                input_error = true;
            }
        }
    }
    if let baseline::Next::Stop(outcome) = baseline.apply(&mut checked, input_error, lang) {
        return outcome;
    }

    let written = if output.format.is_worksheet() && !output.statistics {
        write_worksheet(&checked, &worksheets, output.format, lang)
    } else {
        let errors = &walked.errors;
        write_findings(&checked, &documents, errors, &unreadable, output, common.color, lang)
    };
    if let Err(err) = written {
        if err.kind() != std::io::ErrorKind::BrokenPipe {
            let reason = err.to_string();
            report_input_error(&msg!("ui.cannot-write-output", reason).render(Lang::from_env()));
            return Outcome::InputError;
        }
    }

    let failing = checked.iter().flat_map(|(_, f)| f).any(|f| f.severity >= fail_on.severity());
    if input_error {
        Outcome::InputError
    } else if failing {
        Outcome::Findings
    } else {
        Outcome::Clean
    }
}

/// Prints the findings as `output` says. `lang` is the language of the run's messages,
/// resolved from `--lang`, the configuration and the environment; `documents` are what
/// was read of each checked file, kept only for the HTML page.
fn write_findings(
    checked: &[Checked],
    documents: &[Document],
    walk_errors: &[String],
    unreadable: &[(String, String)],
    output: Output,
    color: ColorWhen,
    lang: Lang,
) -> std::io::Result<()> {
    if output.statistics {
        let counts = output::statistics::counts(checked.iter().flat_map(|(_, f)| f));
        return write_text(&match output.format {
            CheckFormat::Json => output::statistics::render_json(&counts),
            _ => output::statistics::render_text(&counts),
        });
    }
    match output.format {
        CheckFormat::Human => write_human(checked, color, lang),
        CheckFormat::Json => write_json(checked, unreadable, lang),
        CheckFormat::Concise => write_text(
            &checked
                .iter()
                .map(|(s, f)| diagnostics::concise::render(s, f, lang))
                .collect::<String>(),
        ),
        CheckFormat::Github => write_text(
            &checked
                .iter()
                .map(|(s, f)| diagnostics::github::render(s, f, lang))
                .collect::<String>(),
        ),
        CheckFormat::Sarif => write_sarif(checked, walk_errors, unreadable, lang),
        CheckFormat::Html => write_html(checked, documents, walk_errors, unreadable, lang),
        // Written by `write_worksheet`; with `--statistics` the counts are printed above.
        CheckFormat::Worksheet | CheckFormat::WorksheetXlsx => Ok(()),
    }
}

/// Prints the worksheet of every file checked: CSV, or an .xlsx workbook, which is never
/// written to a terminal.
fn write_worksheet(
    checked: &[Checked],
    worksheets: &[Worksheet],
    format: CheckFormat,
    lang: Lang,
) -> std::io::Result<()> {
    let files: Vec<output::worksheet::FileWorksheet> = checked
        .iter()
        .zip(worksheets)
        .map(|((source, _), (locale, records))| output::worksheet::FileWorksheet {
            source,
            locale: *locale,
            records,
        })
        .collect();
    if format == CheckFormat::Worksheet {
        return write_text(&output::worksheet::render_csv(&files, lang));
    }
    if std::io::stdout().is_terminal() {
        return Err(std::io::Error::other(msg!("ui.binary-to-terminal").render(lang)));
    }
    let bytes = output::worksheet::render_xlsx(&files, lang).map_err(std::io::Error::other)?;
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(&bytes)?;
    stdout.flush()
}

fn write_text(text: &str) -> std::io::Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()
}

fn write_human(
    checked: &[(SourceFile, Vec<Finding>)],
    color: ColorWhen,
    lang: Lang,
) -> std::io::Result<()> {
    let mut stdout = StandardStream::stdout(color_choice(color));
    let mut counts = [0usize; 3];
    for (source, findings) in checked {
        human::emit(&mut stdout, source, findings, lang)?;
        for f in findings {
            counts[f.severity as usize] += 1;
        }
    }
    let [notes, warnings, errors] = counts;
    let files = checked.len();
    let count = |n: usize, one, many| if n == 1 { one } else { many };
    let summary = msg!(
        "ui.summary",
        files = count(files, msg!("ui.file", n = files), msg!("ui.files", n = files)),
        errors = count(errors, msg!("ui.error", n = errors), msg!("ui.errors", n = errors)),
        warnings =
            count(warnings, msg!("ui.warning", n = warnings), msg!("ui.warnings", n = warnings)),
        notes = count(notes, msg!("ui.note", n = notes), msg!("ui.notes", n = notes)),
    );
    writeln!(stdout, "{}", summary.render(lang))?;
    stdout.flush()
}

fn write_json(
    checked: &[(SourceFile, Vec<Finding>)],
    unreadable: &[(String, String)],
    lang: Lang,
) -> std::io::Result<()> {
    let mut files: Vec<json::FileReport> = checked
        .iter()
        .map(|(source, findings)| json::file_report(source, findings, lang))
        .collect();
    files.extend(unreadable.iter().map(|(path, error)| json::FileReport {
        path,
        error: Some(error.clone()),
        diagnostics: Vec::new(),
    }));
    let report = json::Report { version: json::VERSION, files };
    let mut stdout = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut stdout, &report).map_err(|err| {
        match err.io_error_kind() {
            Some(kind) => std::io::Error::from(kind),
            None => std::io::Error::other(err),
        }
    })?;
    writeln!(stdout)?;
    stdout.flush()
}

/// The SARIF log: what was checked, and what could not be (a folder with no reports, a
/// file that could not be read), with paths relative to the working directory.
fn write_sarif(
    checked: &[Checked],
    walk_errors: &[String],
    unreadable: &[(String, String)],
    lang: Lang,
) -> std::io::Result<()> {
    use diagnostics::sarif::{render, NotChecked};
    let not_checked: Vec<NotChecked> = walk_errors
        .iter()
        .map(|error| NotChecked { path: None, error })
        .chain(unreadable.iter().map(|(path, error)| NotChecked { path: Some(path), error }))
        .collect();
    let cwd = std::env::current_dir().unwrap_or_default();
    write_text(&render(checked, &not_checked, &cwd, lang))
}

/// The HTML review page: each file's findings (after any baseline) over the document read
/// from it, and what could not be checked.
fn write_html(
    checked: &[Checked],
    documents: &[Document],
    walk_errors: &[String],
    unreadable: &[(String, String)],
    lang: Lang,
) -> std::io::Result<()> {
    use diagnostics::html::{render, FileView, NotChecked};
    let files: Vec<FileView> = checked
        .iter()
        .zip(documents)
        .map(|((_, findings), doc)| FileView { doc, findings })
        .collect();
    let not_checked: Vec<NotChecked> = walk_errors
        .iter()
        .map(|error| NotChecked { path: None, error })
        .chain(unreadable.iter().map(|(path, error)| NotChecked { path: Some(path), error }))
        .collect();
    write_text(&render(&files, &not_checked, lang))
}

fn run_tables(file: &std::path::Path, format: TablesFormat, common: &Common) -> Outcome {
    let settings = match configured::open(common).map(|mut configs| configs.for_file(file)) {
        Ok(Ok(settings)) => settings,
        Ok(Err(err)) => {
            report_input_error(&err.to_string());
            return Outcome::InputError;
        }
        Err(outcome) => return outcome,
    };
    let (knowledge, options) = (&settings.knowledge, &settings.read_options);
    let source = match SourceFile::load(file) {
        Ok(source) => source,
        Err(err) => {
            report_input_error(&err.to_string());
            return Outcome::InputError;
        }
    };
    let doc = read_document(source, options);
    let text = match format {
        TablesFormat::Text => output::tables::render_text(&doc, knowledge),
        TablesFormat::Json => output::tables::render_json(&doc) + "\n",
    };
    write_stdout(&text)
}

/// Writes `text` to stdout; a closed pipe (`| head`) is not an error.
fn write_stdout(text: &str) -> Outcome {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|_| stdout.flush()) {
        Ok(()) => Outcome::Clean,
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Outcome::Clean,
        Err(err) => {
            let reason = err.to_string();
            report_input_error(&msg!("ui.cannot-write-output", reason).render(Lang::from_env()));
            Outcome::InputError
        }
    }
}
