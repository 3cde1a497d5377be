//! Domain knowledge, kept as YAML under `rules/`: header and row words, indicator kinds and
//! polarity, verdict words, the rounding policy and unit words.
//!
//! The files in the project's `rules/` folder are compiled into the binary as the default.
//! `--rules DIR` reads the same file names from another folder and adds to them (its
//! patterns are tried first; its policy settings replace ours). A mistake in a file is a
//! [`YamlError`] with the file, line and column.

pub mod indicators;
pub mod names;
pub mod pattern;
pub mod policy;
pub mod verdicts;
pub mod vocabulary;

pub use indicators::{Better, Formula, IndicatorKind, Indicators};
pub use names::Names;
pub use pattern::{normalise, Pattern};
pub use policy::Policy;
pub use verdicts::{Verdict, Verdicts};
pub use vocabulary::{Measure, Period, Vocabulary};

use crate::figures::Units;
use crate::yaml::{self, YamlError};
use std::path::Path;

/// The rules files periksa knows, with their built-in contents.
pub const RULE_FILES: [(&str, &str); 6] = [
    ("vocabulary.yaml", include_str!("../../rules/vocabulary.yaml")),
    ("indicators.yaml", include_str!("../../rules/indicators.yaml")),
    ("verdicts.yaml", include_str!("../../rules/verdicts.yaml")),
    ("policy.yaml", include_str!("../../rules/policy.yaml")),
    ("units.yaml", crate::figures::units::DEFAULT_UNITS_YAML),
    ("names.yaml", include_str!("../../rules/names.yaml")),
];

#[derive(Debug, Clone)]
pub struct Knowledge {
    pub vocabulary: Vocabulary,
    pub indicators: Indicators,
    pub verdicts: Verdicts,
    pub policy: Policy,
    pub units: Units,
    pub names: Names,
}

/// A rules folder that could not be used.
#[derive(Debug, thiserror::Error)]
pub enum KnowledgeError {
    #[error(transparent)]
    Yaml(#[from] YamlError),
    #[error("{path}: cannot read the rules folder: {message}")]
    Io { path: String, message: String },
    #[error("{path}: not a rules file periksa knows; rules files are named {known}")]
    UnknownFile { path: String, known: String },
}

impl Knowledge {
    /// What periksa knows out of the box.
    pub fn builtin() -> Knowledge {
        let mut knowledge = Knowledge {
            vocabulary: Vocabulary::default(),
            indicators: Indicators::default(),
            verdicts: Verdicts::default(),
            policy: Policy::default(),
            units: Units::default(),
            names: Names::default(),
        };
        for (name, text) in RULE_FILES {
            knowledge
                .extend_from_yaml(&format!("rules/{name}"), name, text)
                .expect("the embedded rules files are valid (checked by a test)");
        }
        knowledge
    }

    /// Adds one rules file from its text: `name` is its file name (one of
    /// [`RULE_FILES`]), `path` what a message about it shows. What
    /// [`Knowledge::extend_from_dir`] does for each file of a folder, without the folder.
    pub fn extend_from_text(
        &mut self,
        path: &str,
        name: &str,
        text: &str,
    ) -> Result<(), KnowledgeError> {
        if !RULE_FILES.iter().any(|(n, _)| *n == name) {
            let known = RULE_FILES.map(|(n, _)| n).join(", ");
            return Err(KnowledgeError::UnknownFile { path: path.to_string(), known });
        }
        Ok(self.extend_from_yaml(path, name, text)?)
    }

    /// Adds the rules file `name` (one of [`RULE_FILES`]), read from `path`.
    fn extend_from_yaml(&mut self, path: &str, name: &str, text: &str) -> Result<(), YamlError> {
        self.extend_from_yaml_inner(path, name, text).map_err(|err| pattern::locate(err, text))
    }

    fn extend_from_yaml_inner(
        &mut self,
        path: &str,
        name: &str,
        text: &str,
    ) -> Result<(), YamlError> {
        match name {
            "vocabulary.yaml" => self.vocabulary.extend(yaml::from_str(path, text)?),
            "indicators.yaml" => self.indicators.extend(yaml::from_str(path, text)?),
            "verdicts.yaml" => self.verdicts.extend(yaml::from_str(path, text)?),
            "policy.yaml" => self.policy.apply(yaml::from_str(path, text)?),
            "units.yaml" => self.units.extend_from_yaml(path, text)?,
            "names.yaml" => self.names.extend(yaml::from_str(path, text)?),
            _ => unreachable!("only names from RULE_FILES are passed"),
        }
        Ok(())
    }

    /// Adds the rules files of a folder. Every `.yaml` file in it must be one of
    /// [`RULE_FILES`]: a misspelt name would otherwise be ignored without a word.
    pub fn extend_from_dir(&mut self, dir: &Path) -> Result<(), KnowledgeError> {
        let io = |err: std::io::Error| KnowledgeError::Io {
            path: dir.display().to_string(),
            message: err.to_string(),
        };
        let mut entries: Vec<_> =
            std::fs::read_dir(dir).map_err(io)?.collect::<Result<_, _>>().map_err(io)?;
        entries.sort_by_key(|e| e.file_name());
        let known = RULE_FILES.map(|(n, _)| n).join(", ");
        // Read in the order of RULE_FILES so that units are known before they are used.
        for (name, _) in RULE_FILES {
            let Some(entry) = entries.iter().find(|e| e.file_name() == name) else { continue };
            let path = entry.path();
            let text = std::fs::read_to_string(&path).map_err(|err| KnowledgeError::Io {
                path: path.display().to_string(),
                message: err.to_string(),
            })?;
            self.extend_from_yaml(&path.display().to_string(), name, &text)?;
        }
        for entry in &entries {
            let file_name = entry.file_name();
            let name = file_name.to_string_lossy();
            let is_yaml = name.ends_with(".yaml") || name.ends_with(".yml");
            if is_yaml && !RULE_FILES.iter().any(|(n, _)| *n == name) {
                return Err(KnowledgeError::UnknownFile {
                    path: entry.path().display().to_string(),
                    known: known.clone(),
                });
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_rules_load() {
        let k = Knowledge::builtin();
        assert!(!k.vocabulary.measures.percent.is_empty());
        assert_eq!(k.indicators.kind_by_name("nilai ikpa"), Some(IndicatorKind::Score));
        assert_eq!(
            k.indicators.kind_by_name("penurunan kasus pekerja migran"),
            Some(IndicatorKind::Rate)
        );
        assert!(k.verdicts.for_cell("Belum Tercapai").is_some_and(|v| v.below.is_some()));
        assert!(k.units.is_counting("orang"));
    }

    #[test]
    fn a_bad_pattern_in_a_rules_folder_is_reported_with_its_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("vocabulary.yaml"),
            "measures:\n  total:\n    - '^ok$'\n    - '(unclosed'\n",
        )
        .unwrap();
        let err = Knowledge::builtin().extend_from_dir(dir.path()).unwrap_err();
        let KnowledgeError::Yaml(yaml) = err else { panic!("expected a YAML error") };
        assert_eq!((yaml.line, yaml.column), (Some(4), Some(8)));
        assert!(yaml.message.contains("invalid pattern"), "{}", yaml.message);
    }

    #[test]
    fn a_similarity_out_of_range_is_reported_with_its_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("names.yaml"),
            "aliases:\n  pkh: program keluarga harapan\nsimilarity: 2\n",
        )
        .unwrap();
        let err = Knowledge::builtin().extend_from_dir(dir.path()).unwrap_err();
        let KnowledgeError::Yaml(yaml) = err else { panic!("expected a YAML error") };
        assert_eq!(yaml.line, Some(3), "{yaml}");
        assert!(yaml.message.contains("from 0.5 to 1"), "{}", yaml.message);
    }

    #[test]
    fn a_rules_folder_adds_aliases() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("names.yaml"),
            "aliases:\n  pkh: program keluarga harapan\n",
        )
        .unwrap();
        let mut k = Knowledge::builtin();
        k.extend_from_dir(dir.path()).unwrap();
        let n = &k.names;
        assert!(n.same(&n.words("Penerima PKH"), &n.words("Penerima Program Keluarga Harapan")));
    }

    #[test]
    fn an_unknown_rules_file_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("vocabulary.yml"), "{}\n").unwrap();
        let err = Knowledge::builtin().extend_from_dir(dir.path()).unwrap_err();
        assert!(matches!(err, KnowledgeError::UnknownFile { .. }), "{err}");
    }

    #[test]
    fn a_rules_folder_adds_words_in_front() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("vocabulary.yaml"), "measures:\n  target: ['^tgt$']\n")
            .unwrap();
        std::fs::write(dir.path().join("policy.yaml"), "rounding: truncate\n").unwrap();
        let mut k = Knowledge::builtin();
        k.extend_from_dir(dir.path()).unwrap();
        assert_eq!(k.vocabulary.measure("tgt"), Some(Measure::Target));
        assert_eq!(k.policy.rounding, crate::arith::Rounding::Truncate);
    }
}
