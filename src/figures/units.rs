//! The unit words that may follow a figure, from `rules/units.yaml` (embedded) and from
//! any extra rules folder the user names.

use crate::yaml::{self, YamlError};
use serde::Deserialize;
use std::collections::HashSet;

/// The default unit list, compiled into the binary.
pub const DEFAULT_UNITS_YAML: &str = include_str!("../../rules/units.yaml");

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct UnitsFile {
    #[serde(default)]
    counting: Vec<String>,
    #[serde(default)]
    percent: Vec<String>,
}

/// A set of unit words, matched case-insensitively.
#[derive(Debug, Clone, Default)]
pub struct Units {
    counting: HashSet<String>,
    percent: HashSet<String>,
}

impl Units {
    /// The built-in list.
    pub fn builtin() -> Units {
        let mut units = Units::default();
        units
            .extend_from_yaml("rules/units.yaml", DEFAULT_UNITS_YAML)
            .expect("the embedded rules/units.yaml is valid (checked by a test)");
        units
    }

    /// Adds the words of another `units.yaml`.
    pub fn extend_from_yaml(&mut self, file: &str, text: &str) -> Result<(), YamlError> {
        let parsed: UnitsFile = yaml::from_str(file, text)?;
        self.counting.extend(parsed.counting.iter().map(|w| w.to_lowercase()));
        self.percent.extend(parsed.percent.iter().map(|w| w.to_lowercase()));
        Ok(())
    }

    /// Is `word` a counting unit (`orang`, `Kasus`)?
    pub fn is_counting(&self, word: &str) -> bool {
        self.counting.contains(&word.to_lowercase())
    }

    /// Is `word` a word for "percent" (`persen`)?
    pub fn is_percent(&self, word: &str) -> bool {
        self.percent.contains(&word.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_list_loads() {
        let units = Units::builtin();
        assert!(units.is_counting("orang"));
        assert!(units.is_counting("Kasus"));
        assert!(units.is_percent("persen"));
        assert!(!units.is_counting("januari"));
    }
}
