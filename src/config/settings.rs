//! What a configuration comes to once read: the plain settings ([`Config`]) and, built
//! from them once, what checking needs ([`Settings`]: the knowledge, the reading options,
//! the walk's filter).

use super::file::{ConfigFile, Glob, Year};
use crate::arith::Rounding;
use crate::figures::Locale;
use crate::knowledge::{Knowledge, KnowledgeError};
use crate::messages::Lang;
use crate::read::ReadOptions;
use crate::rules::{CheckOptions, RULES};
use ignore::overrides::{Override, OverrideBuilder};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What the command line says over any configuration file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    /// `--locale`.
    pub locale: Option<Locale>,
    /// `--rules DIR`: read after the configuration's folders, so that it wins.
    pub rules: Option<PathBuf>,
}

/// A configuration with its relative paths resolved and the command line applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub locale: Locale,
    /// `None`: the environment decides.
    pub lang: Option<Lang>,
    pub checks: CheckOptions,
    pub rounding: Rounding,
    /// The configuration's rules folders, then `--rules`.
    pub rules_folders: Vec<PathBuf>,
    /// The folder the globs are relative to.
    pub root: PathBuf,
    pub include: Vec<String>,
    pub exclude: Vec<String>,
}

impl Config {
    /// No configuration file: every default, with the command line applied.
    pub fn default_at(root: &Path, overrides: &Overrides) -> Config {
        Config::from_file(ConfigFile::default(), Path::new(""), root, overrides)
    }

    /// `file` with the command line applied. `folder` is the file's folder as the user
    /// would write it (its `rules_folders` are joined to it, so that a message about one
    /// shows a path the user knows); `root` is the same folder, absolute, below which
    /// the globs are matched.
    pub fn from_file(
        file: ConfigFile,
        folder: &Path,
        root: &Path,
        overrides: &Overrides,
    ) -> Config {
        let mut checks = CheckOptions {
            report_year: match file.report_year {
                Year::Auto => None,
                Year::Given(year) => Some(year),
            },
            ..CheckOptions::default()
        };
        let enabled =
            |code: &str| file.enable.as_ref().is_none_or(|list| list.iter().any(|r| r.names(code)));
        let disabled = |code: &str| file.disable.iter().any(|r| r.names(code));
        checks.disabled =
            RULES.iter().map(|r| r.code).filter(|c| !enabled(c) || disabled(c)).collect();
        checks.severity = file.severity.iter().map(|(c, s)| (c.0, (*s).into())).collect();
        let mut rules_folders: Vec<PathBuf> =
            file.rules_folders.iter().map(|dir| folder.join(dir)).collect();
        rules_folders.extend(overrides.rules.iter().cloned());
        let globs = |list: &[Glob]| list.iter().map(|g| g.0.clone()).collect();
        Config {
            locale: overrides.locale.or(file.locale).unwrap_or_default(),
            lang: file.lang.lang(),
            checks,
            rounding: file.rounding.unwrap_or_default(),
            rules_folders,
            root: root.to_path_buf(),
            include: globs(&file.include),
            exclude: globs(&file.exclude),
        }
    }

    /// The knowledge this configuration asks for: the built-in rules files, its
    /// `rounding`, then its rules folders in order (a folder's `policy.yaml` may set the
    /// rounding again, and wins).
    pub fn build_knowledge(&self) -> Result<Knowledge, KnowledgeError> {
        let mut knowledge = Knowledge::builtin();
        knowledge.policy.rounding = self.rounding;
        for dir in &self.rules_folders {
            knowledge.extend_from_dir(dir)?;
        }
        Ok(knowledge)
    }

    /// What [`Config::build_knowledge`] depends on: two configurations with the same key
    /// share one knowledge.
    pub fn knowledge_key(&self) -> KnowledgeKey {
        (self.rounding, self.rules_folders.clone())
    }

    /// The include and exclude globs as one matcher, relative to the configuration's
    /// folder.
    fn filter(&self) -> Result<Override, ignore::Error> {
        let mut builder = OverrideBuilder::new(&self.root);
        for glob in &self.include {
            builder.add(glob)?;
        }
        for glob in &self.exclude {
            builder.add(&format!("!{glob}"))?;
        }
        builder.build()
    }
}

/// The rounding and rules folders a knowledge is built from.
pub type KnowledgeKey = (Rounding, Vec<PathBuf>);

/// A configuration ready to check with.
#[derive(Debug)]
pub struct Settings {
    pub config: Config,
    /// The file it was read from; `None` for the defaults.
    pub file: Option<PathBuf>,
    pub knowledge: Arc<Knowledge>,
    pub read_options: ReadOptions,
    filter: Override,
}

impl Settings {
    pub fn new(
        config: Config,
        file: Option<PathBuf>,
        knowledge: Arc<Knowledge>,
    ) -> Result<Settings, ignore::Error> {
        let read_options = ReadOptions { locale: config.locale, units: knowledge.units.clone() };
        let filter = config.filter()?;
        Ok(Settings { config, file, knowledge, read_options, filter })
    }

    /// Whether a folder walk reads this file or enters this folder. `path` is absolute,
    /// as the configuration's root is.
    pub fn keeps(&self, path: &Path, is_dir: bool) -> bool {
        !self.filter.matched(path, is_dir).is_ignore()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(text: &str) -> Config {
        let file = super::super::file::parse("periksa.yaml", text).unwrap();
        Config::from_file(file, Path::new("/r"), Path::new("/r"), &Overrides::default())
    }

    #[test]
    fn enable_runs_only_those_and_disable_wins_over_it() {
        let c = config("enable: [A101, A102]\ndisable: [wrong-total]\n");
        assert!(c.checks.runs("A101"));
        assert!(!c.checks.runs("A102"));
        assert!(!c.checks.runs("S304"));
        assert!(config("enable: [all]\n").checks.disabled.is_empty());
        assert_eq!(config("enable: []\n").checks.disabled.len(), RULES.len());
    }

    #[test]
    fn the_command_line_wins() {
        let file = super::super::file::parse("p", "locale: en\nrules_folders: [a]\n").unwrap();
        let overrides = Overrides { locale: Some(Locale::Id), rules: Some("/cli".into()) };
        let c = Config::from_file(file, Path::new("/r"), Path::new("/r"), &overrides);
        assert_eq!(c.locale, Locale::Id);
        assert_eq!(c.rules_folders, vec![PathBuf::from("/r/a"), PathBuf::from("/cli")]);
    }

    #[test]
    fn include_and_exclude_filter_below_the_root() {
        let c = config("include: ['laporan-*.md']\nexclude: [draf/, 'laporan-lama.md']\n");
        let s = Settings::new(c, None, Arc::new(Knowledge::builtin())).unwrap();
        assert!(s.keeps(Path::new("/r/laporan-2024.md"), false));
        assert!(s.keeps(Path::new("/r/sub/laporan-2024.md"), false));
        assert!(!s.keeps(Path::new("/r/catatan.md"), false));
        assert!(!s.keeps(Path::new("/r/laporan-lama.md"), false));
        assert!(s.keeps(Path::new("/r/sub"), true), "folders are entered to find matches");
        assert!(!s.keeps(Path::new("/r/draf"), true));
    }
}
