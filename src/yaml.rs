//! The one place that reads YAML.
//!
//! serde_yaml 0.9 is deprecated upstream but builds, reports line and column in its errors
//! and bounds alias expansion. Every YAML read in periksa goes through [`from_str`], so that a
//! maintained fork (serde_yaml_ng, say) can replace it by changing the `use` below.

use serde::de::DeserializeOwned;
use std::fmt;

use serde_yaml as backend;

/// A YAML file that could not be read: where, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    pub file: String,
    /// 1-based line and column, when the parser knows them.
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl fmt::Display for YamlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(line), Some(column)) => {
                write!(f, "{}:{}:{}: {}", self.file, line, column, self.message)
            }
            _ => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for YamlError {}

/// Parses `text` (the contents of `file`) into `T`.
pub fn from_str<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, YamlError> {
    backend::from_str(text).map_err(|err| {
        let location = err.location();
        YamlError {
            file: file.to_string(),
            line: location.as_ref().map(|l| l.line()),
            column: location.as_ref().map(|l| l.column()),
            message: strip_location_suffix(&err.to_string()),
        }
    })
}

/// serde_yaml and serde_json append " at line L column C" to their messages; periksa
/// prints the location before the message instead, as for every file it reads.
pub(crate) fn strip_location_suffix(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Sample {
        words: Vec<String>,
    }

    #[test]
    fn errors_carry_line_and_column() {
        let err = from_str::<Sample>("units.yaml", "words:\n  - orang\nwordz: []\n").unwrap_err();
        assert_eq!(err.file, "units.yaml");
        assert_eq!(err.line, Some(3));
        assert_eq!(err.column, Some(1));
        assert!(err.message.contains("unknown field `wordz`"), "{}", err.message);
    }
}
