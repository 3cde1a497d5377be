//! The unit words that may follow a figure, from `rules/units.yaml` (embedded) and from
//! any extra rules folder the user names.

use crate::yaml::{self, YamlError};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

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

/// A counting unit after a figure (`orang`, `kasus`), lower-cased: a handle on the word
/// in [`Units`], read as a `&str`. One pointer wide (an `Arc<str>` is two): a figure is in
/// every cell of every table.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Unit(Arc<String>);

impl std::ops::Deref for Unit {
    type Target = str;

    fn deref(&self) -> &str {
        self.0.as_str()
    }
}

impl std::fmt::Display for Unit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self)
    }
}

/// A set of unit words, matched case-insensitively.
///
/// The counting units are shared strings: a figure's unit is a handle on the one in this
/// set, so the many figures with a unit allocate nothing for it.
#[derive(Debug, Clone, Default)]
pub struct Units {
    counting: HashMap<String, Unit>,
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
        for word in &parsed.counting {
            let word = word.to_lowercase();
            self.counting.entry(word.clone()).or_insert_with(|| Unit(Arc::new(word)));
        }
        self.percent.extend(parsed.percent.iter().map(|w| w.to_lowercase()));
        Ok(())
    }

    /// Is `word` a counting unit (`orang`, `Kasus`)?
    pub fn is_counting(&self, word: &str) -> bool {
        self.counting_unit(word).is_some()
    }

    /// The counting unit `word` names, lower-cased and shared with this set (`Kasus` gives
    /// `kasus`); `None` when it is not one.
    pub fn counting_unit(&self, word: &str) -> Option<Unit> {
        lowered(word, |w| self.counting.get(w).cloned())
    }

    /// Is `word` a word for "percent" (`persen`)?
    pub fn is_percent(&self, word: &str) -> bool {
        lowered(word, |w| self.percent.contains(w))
    }
}

/// Calls `f` with `word` lower-cased, allocating only when that changes it: the lexer asks
/// this of every word after a number, and nearly all are lower-case ASCII already.
fn lowered<T>(word: &str, f: impl FnOnce(&str) -> T) -> T {
    if word.is_ascii() && !word.bytes().any(|b| b.is_ascii_uppercase()) {
        f(word)
    } else {
        f(&word.to_lowercase())
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
        assert_eq!(units.counting_unit("Kasus").as_deref(), Some("kasus"));
        assert!(units.is_percent("PERSEN"));
    }
}
