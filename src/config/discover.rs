//! Which configuration applies to each report, each configuration read once.
//!
//! A folder of a thousand reports asks a thousand times which configuration applies; the
//! answer is kept per folder (and for every folder passed on the way up), each
//! `periksa.yaml` is read and parsed once, and the knowledge built for a configuration
//! (the rules files, its rules folders, its rounding) is built once and shared by every
//! configuration that asks for the same.

use super::file;
use super::settings::{Config, KnowledgeKey, Overrides, Settings};
use super::FILE_NAME;
use crate::knowledge::{Knowledge, KnowledgeError};
use crate::messages::Lang;
use crate::yaml::YamlError;
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A configuration that cannot be used, with the file it comes from.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error(transparent)]
    Yaml(#[from] YamlError),
    #[error("{path}: cannot read the configuration: {message}")]
    Io { path: String, message: String },
    #[error("{path}: no such configuration file")]
    Missing { path: String },
    /// A rules folder named by a configuration file.
    #[error("{config}: rules_folders: {source}")]
    RulesFolder { config: String, source: KnowledgeError },
    /// The `--rules` folder, with no configuration file.
    #[error(transparent)]
    Rules(KnowledgeError),
    #[error("{config}: {message}")]
    Filter { config: String, message: String },
}

/// A configuration ready to use, or why it cannot be used (shared: every report under
/// it gets the same answer).
pub type Loaded = Result<Arc<Settings>, Arc<ConfigError>>;

/// How much reading and building the cache has done (for tests).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    pub files_read: usize,
    pub knowledge_built: usize,
}

/// The configurations of a run.
#[derive(Debug)]
pub struct Configs {
    overrides: Overrides,
    /// `--config`: one configuration for every report.
    fixed: Option<Loaded>,
    /// The current folder, to show paths below it as relative ones.
    cwd: PathBuf,
    /// Folders as named (`reports/sub`) → their canonical path.
    canonical: HashMap<PathBuf, PathBuf>,
    /// Canonical folders → the configuration file that applies to them, if any.
    nearest: HashMap<PathBuf, Option<PathBuf>>,
    /// Configuration files (canonical) → what they come to.
    loaded: HashMap<PathBuf, Loaded>,
    /// The configuration of reports with no `periksa.yaml` above them.
    default: Option<Loaded>,
    knowledge: Vec<(KnowledgeKey, Arc<Knowledge>)>,
    pub stats: Stats,
}

impl Configs {
    /// The configurations of a run with these flags. `--config FILE` is read at once, as
    /// is the `--rules` folder: a mistake in either stops the run before any report is
    /// read.
    pub fn new(overrides: Overrides, config: Option<&Path>) -> Result<Configs, Arc<ConfigError>> {
        let cwd = std::env::current_dir()
            .and_then(fs::canonicalize)
            .unwrap_or_else(|_| PathBuf::from("."));
        let mut configs = Configs {
            overrides,
            fixed: None,
            cwd,
            canonical: HashMap::new(),
            nearest: HashMap::new(),
            loaded: HashMap::new(),
            default: None,
            knowledge: Vec::new(),
            stats: Stats::default(),
        };
        // The `--rules` folder alone first, so that its mistakes are not blamed on a
        // configuration file.
        if configs.overrides.rules.is_some() {
            configs.default()?;
        }
        if let Some(path) = config {
            let shown = path.display().to_string();
            if fs::symlink_metadata(path).is_err() {
                return Err(Arc::new(ConfigError::Missing { path: shown }));
            }
            let loaded = configs.read(path, shown);
            configs.fixed = Some(Ok(loaded?));
        }
        Ok(configs)
    }

    /// The configuration of the reports in folder `dir`.
    pub fn for_folder(&mut self, dir: &Path) -> Loaded {
        if let Some(fixed) = &self.fixed {
            return fixed.clone();
        }
        let dir = self.canonical(dir);
        match self.nearest(&dir) {
            Some(file) => self.load(&file),
            None => self.default(),
        }
    }

    /// The configuration of the report `path` (read from its folder).
    pub fn for_file(&mut self, path: &Path) -> Loaded {
        self.for_folder(folder_of(path))
    }

    /// Whether a folder walk reads the file (or enters the folder) `path`, by the
    /// `include` and `exclude` of the configuration of the folder it is in. A broken
    /// configuration keeps everything: its error is reported when its reports are read.
    pub fn keeps(&mut self, path: &Path, is_dir: bool) -> bool {
        let folder = folder_of(path);
        let Ok(settings) = self.for_folder(folder) else { return true };
        let Some(name) = path.file_name() else { return true };
        let absolute = self.canonical(folder).join(name);
        settings.keeps(&absolute, is_dir)
    }

    /// The language a configuration sets for the run: that of `--config`, else that of
    /// the configuration of the current folder.
    pub fn run_lang(&mut self) -> Result<Option<Lang>, Arc<ConfigError>> {
        Ok(self.for_folder(Path::new("."))?.config.lang)
    }

    fn canonical(&mut self, dir: &Path) -> PathBuf {
        if let Some(known) = self.canonical.get(dir) {
            return known.clone();
        }
        // A folder that does not exist (of a file that does not either) has no
        // configuration of its own; the folders above it may.
        let canonical = fs::canonicalize(dir)
            .or_else(|_| std::path::absolute(dir))
            .unwrap_or_else(|_| dir.to_path_buf());
        self.canonical.insert(dir.to_path_buf(), canonical.clone());
        canonical
    }

    /// The nearest `periksa.yaml` in `dir` or above it; every folder passed on the way is
    /// remembered with the answer.
    fn nearest(&mut self, dir: &Path) -> Option<PathBuf> {
        let mut passed = Vec::new();
        let mut found = None;
        for folder in dir.ancestors() {
            if let Some(known) = self.nearest.get(folder) {
                found = known.clone();
                break;
            }
            passed.push(folder.to_path_buf());
            let candidate = folder.join(FILE_NAME);
            // Anything by that name counts, even a folder or a broken link: it is then
            // reported as unreadable rather than skipped without a word.
            if fs::symlink_metadata(&candidate).is_ok() {
                found = Some(candidate);
                break;
            }
        }
        for folder in passed {
            self.nearest.insert(folder, found.clone());
        }
        found
    }

    fn load(&mut self, file: &Path) -> Loaded {
        if let Some(loaded) = self.loaded.get(file) {
            return loaded.clone();
        }
        let shown = self.shown(file);
        let loaded = self.read(file, shown);
        self.loaded.insert(file.to_path_buf(), loaded.clone());
        loaded
    }

    /// Reads, parses and builds the configuration `file`, shown in messages as `shown`.
    fn read(&mut self, file: &Path, shown: String) -> Loaded {
        self.stats.files_read += 1;
        let text = fs::read_to_string(file)
            .map_err(|err| ConfigError::Io { path: shown.clone(), message: err.to_string() })?;
        let parsed = file::parse(&shown, &text).map_err(ConfigError::from)?;
        // `aturan` next to `periksa.yaml`, `laporan/aturan` next to `laporan/periksa.yaml`.
        let folder = Path::new(&shown).parent().unwrap_or(Path::new("")).to_path_buf();
        let root = self.canonical(folder_of(file));
        let config = Config::from_file(parsed, &folder, &root, &self.overrides);
        self.settings(config, Some(file.to_path_buf()), Some(shown))
    }

    fn default(&mut self) -> Loaded {
        if let Some(default) = &self.default {
            return default.clone();
        }
        let config = Config::default_at(&self.cwd.clone(), &self.overrides);
        let loaded = self.settings(config, None, None);
        self.default = Some(loaded.clone());
        loaded
    }

    fn settings(&mut self, config: Config, file: Option<PathBuf>, shown: Option<String>) -> Loaded {
        let knowledge = self.knowledge(&config).map_err(|source| match &shown {
            Some(config) => ConfigError::RulesFolder { config: config.clone(), source },
            None => ConfigError::Rules(source),
        })?;
        let settings = Settings::new(config, file, knowledge).map_err(|err| {
            ConfigError::Filter { config: shown.unwrap_or_default(), message: err.to_string() }
        })?;
        Ok(Arc::new(settings))
    }

    /// The knowledge `config` asks for, built once per distinct rounding and rules
    /// folders.
    fn knowledge(&mut self, config: &Config) -> Result<Arc<Knowledge>, KnowledgeError> {
        let key = config.knowledge_key();
        if let Some((_, knowledge)) = self.knowledge.iter().find(|(k, _)| *k == key) {
            return Ok(knowledge.clone());
        }
        self.stats.knowledge_built += 1;
        let knowledge = Arc::new(config.build_knowledge()?);
        self.knowledge.push((key, knowledge.clone()));
        Ok(knowledge)
    }

    /// A configuration file's path as messages show it: relative to the current folder
    /// when it is below it.
    fn shown(&self, file: &Path) -> String {
        file.strip_prefix(&self.cwd).unwrap_or(file).display().to_string()
    }
}

/// The folder of a file as named: `.` for a bare file name.
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(path: &Path, text: &str) {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    #[test]
    fn a_folder_of_many_reports_reads_its_configuration_once() {
        let dir = tempfile::tempdir().unwrap();
        write(&dir.path().join(FILE_NAME), "locale: en\n");
        write(&dir.path().join("sub/deeper/x.md"), "");
        let mut configs = Configs::new(Overrides::default(), None).unwrap();
        for i in 0..1000 {
            let report = dir.path().join(format!("laporan-{i}.md"));
            assert_eq!(
                configs.for_file(&report).unwrap().config.locale,
                crate::figures::Locale::En
            );
        }
        configs.for_file(&dir.path().join("sub/deeper/x.md")).unwrap();
        assert_eq!(configs.stats, Stats { files_read: 1, knowledge_built: 1 });
    }

    #[test]
    fn configurations_asking_for_the_same_knowledge_share_it() {
        let dir = tempfile::tempdir().unwrap();
        write(&dir.path().join("a").join(FILE_NAME), "locale: en\n");
        write(&dir.path().join("b").join(FILE_NAME), "disable: [S304]\n");
        write(&dir.path().join("c").join(FILE_NAME), "rounding: truncate\n");
        let mut configs = Configs::new(Overrides::default(), None).unwrap();
        let a = configs.for_folder(&dir.path().join("a")).unwrap();
        let b = configs.for_folder(&dir.path().join("b")).unwrap();
        let c = configs.for_folder(&dir.path().join("c")).unwrap();
        assert!(Arc::ptr_eq(&a.knowledge, &b.knowledge));
        assert!(!Arc::ptr_eq(&a.knowledge, &c.knowledge));
        assert_eq!(configs.stats, Stats { files_read: 3, knowledge_built: 2 });
    }

    #[test]
    fn config_flag_sets_the_language_of_the_run() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lain.yaml");
        write(
            &path,
            "lang: id
",
        );
        let mut configs = Configs::new(Overrides::default(), Some(&path)).unwrap();
        assert_eq!(configs.run_lang().unwrap(), Some(Lang::Id));
        write(
            &path,
            "lang: auto
",
        );
        let mut configs = Configs::new(Overrides::default(), Some(&path)).unwrap();
        assert_eq!(configs.run_lang().unwrap(), None, "auto leaves it to the environment");
    }

    #[test]
    fn the_nearest_configuration_wins_and_a_broken_one_is_reported_once() {
        let dir = tempfile::tempdir().unwrap();
        write(&dir.path().join(FILE_NAME), "locale: en\n");
        write(&dir.path().join("sub").join(FILE_NAME), "lokale: id\n");
        let mut configs = Configs::new(Overrides::default(), None).unwrap();
        let top = configs.for_folder(dir.path()).unwrap();
        assert_eq!(
            top.file.as_deref(),
            Some(fs::canonicalize(dir.path()).unwrap().join(FILE_NAME).as_path())
        );
        let err = configs.for_file(&dir.path().join("sub/a.md")).unwrap_err();
        assert!(err.to_string().contains("sub/periksa.yaml:1:1: unknown field `lokale`"), "{err}");
        let again = configs.for_file(&dir.path().join("sub/b.md")).unwrap_err();
        assert!(Arc::ptr_eq(&err, &again));
        assert_eq!(configs.stats.files_read, 2);
    }
}
