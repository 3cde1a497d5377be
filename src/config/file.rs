//! The shape of `periksa.yaml`, as serde reads it.
//!
//! Every key is optional, and a key periksa does not know is an error (`deny_unknown_fields`)
//! rather than a setting silently ignored: `lokale: en` would otherwise leave the numbers
//! read the Indonesian way without a word. Values that name something (a check, a glob,
//! a year) are checked as they are read, by their own `Deserialize`, so that a wrong one
//! is reported at its line and column with the choices it could have been.

use crate::arith::Rounding;
use crate::figures::Locale;
use crate::messages::Lang;
use crate::rules::{find_rule, RULES};
use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;

/// `periksa.yaml` as written.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ConfigFile {
    /// How the reports write numbers.
    pub locale: Option<Locale>,
    /// The language of the messages.
    pub lang: LangSetting,
    /// The year the reports are about.
    pub report_year: Year,
    /// How the reports round their figures.
    pub rounding: Option<Rounding>,
    /// The checks that run; `None` (the key left out) and `[all]` run every check.
    pub enable: Option<Vec<CheckRef>>,
    /// Checks that do not run.
    pub disable: Vec<CheckRef>,
    /// A severity other than the check's own.
    pub severity: BTreeMap<CheckCode, SeverityName>,
    /// Folders of rules files, relative to the configuration's folder.
    pub rules_folders: Vec<String>,
    /// Globs of the reports a folder walk reads (none: every report).
    pub include: Vec<Glob>,
    /// Globs of the files and folders a folder walk leaves out.
    pub exclude: Vec<Glob>,
}

/// `lang: auto | en | id`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LangSetting {
    /// The environment's (`LC_ALL`, `LC_MESSAGES`, `LANG`).
    #[default]
    Auto,
    En,
    Id,
}

impl LangSetting {
    pub fn lang(self) -> Option<Lang> {
        match self {
            LangSetting::Auto => None,
            LangSetting::En => Some(Lang::En),
            LangSetting::Id => Some(Lang::Id),
        }
    }
}

/// `severity: {A102: warning}`: the severities a check can be given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SeverityName {
    Error,
    Warning,
    Info,
}

impl From<SeverityName> for crate::diagnostics::Severity {
    fn from(name: SeverityName) -> Self {
        match name {
            SeverityName::Error => Self::Error,
            SeverityName::Warning => Self::Warning,
            SeverityName::Info => Self::Info,
        }
    }
}

/// `report_year: auto` (read from each report's title) or a year.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Year {
    #[default]
    Auto,
    Given(u16),
}

/// The years a report can be about: those the reader recognises as years (19xx, 20xx).
const YEARS: std::ops::RangeInclusive<u64> = 1900..=2099;
const YEAR_EXPECTED: &str = "a year from 1900 to 2099 (2024), or `auto`";

impl<'de> Deserialize<'de> for Year {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct YearVisitor;
        impl Visitor<'_> for YearVisitor {
            type Value = Year;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(YEAR_EXPECTED)
            }
            fn visit_u64<E: de::Error>(self, year: u64) -> Result<Year, E> {
                if YEARS.contains(&year) {
                    Ok(Year::Given(year as u16))
                } else {
                    Err(E::custom(format!("{year} is not a year; expected {YEAR_EXPECTED}")))
                }
            }
            fn visit_i64<E: de::Error>(self, year: i64) -> Result<Year, E> {
                match u64::try_from(year) {
                    Ok(year) => self.visit_u64(year),
                    Err(_) => {
                        Err(E::custom(format!("{year} is not a year; expected {YEAR_EXPECTED}")))
                    }
                }
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Year, E> {
                match text.trim() {
                    "auto" => Ok(Year::Auto),
                    digits => match digits.parse::<u64>() {
                        Ok(year) => self.visit_u64(year),
                        Err(_) => Err(E::invalid_value(de::Unexpected::Str(text), &self)),
                    },
                }
            }
        }
        deserializer.deserialize_any(YearVisitor)
    }
}

/// A check named in `enable` or `disable`: its code or name, or `all`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckRef {
    All,
    Check(&'static str),
}

impl CheckRef {
    /// Whether it stands for the check `code`.
    pub fn names(self, code: &str) -> bool {
        match self {
            CheckRef::All => true,
            CheckRef::Check(c) => c == code,
        }
    }
}

/// A check named as a key of `severity`: its code or name (`all` is not one).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct CheckCode(pub &'static str);

/// "unknown check `Z999`; the checks are P001, …": every code, since the list is short
/// and a reader cannot guess a code.
fn unknown_check<E: de::Error>(name: &str, all: bool) -> E {
    let codes = RULES.iter().map(|r| r.code).collect::<Vec<_>>().join(", ");
    let all = if all { " or `all`" } else { "" };
    E::custom(format!(
        "unknown check `{name}`; expected a code or name{all} (`periksa rules` lists them): {codes}"
    ))
}

/// Reads a check's code or name into its code.
struct CheckVisitor {
    all: bool,
}

impl Visitor<'_> for CheckVisitor {
    type Value = CheckRef;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a check's code (A102) or name (wrong-total)")
    }
    fn visit_str<E: de::Error>(self, text: &str) -> Result<CheckRef, E> {
        if self.all && text == "all" {
            return Ok(CheckRef::All);
        }
        find_rule(text)
            .map(|r| CheckRef::Check(r.code))
            .ok_or_else(|| unknown_check(text, self.all))
    }
}

impl<'de> Deserialize<'de> for CheckRef {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(CheckVisitor { all: true })
    }
}

impl<'de> Deserialize<'de> for CheckCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match deserializer.deserialize_str(CheckVisitor { all: false })? {
            CheckRef::Check(code) => Ok(CheckCode(code)),
            CheckRef::All => unreachable!("`all` is refused when not allowed"),
        }
    }
}

/// A glob of `include` or `exclude`, in gitignore syntax, checked by the `ignore` crate
/// that will match it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Glob(pub String);

impl<'de> Deserialize<'de> for Glob {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Checked in the visitor, while the parser is still at the glob's own line and
        // column.
        struct GlobVisitor;
        impl Visitor<'_> for GlobVisitor {
            type Value = Glob;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a glob such as `draf/` or `*-lama.md`")
            }
            fn visit_str<E: de::Error>(self, glob: &str) -> Result<Glob, E> {
                if glob.trim().is_empty() {
                    return Err(E::custom("an empty glob matches nothing"));
                }
                // In gitignore syntax these would turn the line into a comment or its
                // negation, which `include` and `exclude` already say.
                if glob.starts_with('!') || glob.starts_with('#') {
                    return Err(E::custom(format!(
                        "the glob `{glob}` starts with `{}`; write the glob alone, in `include` or `exclude`",
                        &glob[..1]
                    )));
                }
                ignore::overrides::OverrideBuilder::new("/")
                    .add(glob)
                    .map_err(|err| E::custom(format!("invalid glob: {err}")))?;
                Ok(Glob(glob.to_string()))
            }
        }
        deserializer.deserialize_str(GlobVisitor)
    }
}

/// Reads `periksa.yaml` (the contents `text` of `file`). A file with no keys at all
/// (empty, or only comments) is the default configuration.
pub fn parse(file: &str, text: &str) -> Result<ConfigFile, crate::yaml::YamlError> {
    let parsed: Option<ConfigFile> = crate::yaml::from_str(file, text)?;
    Ok(parsed.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> crate::yaml::YamlError {
        parse("periksa.yaml", text).unwrap_err()
    }

    #[test]
    fn an_empty_file_or_one_of_comments_is_the_default() {
        assert_eq!(parse("periksa.yaml", "").unwrap(), ConfigFile::default());
        assert_eq!(parse("periksa.yaml", "# nothing yet\n").unwrap(), ConfigFile::default());
    }

    #[test]
    fn every_key_is_read() {
        let text = "locale: en\nlang: id\nreport_year: 2024\nrounding: truncate\n\
                    enable: [A101, wrong-total]\ndisable: [s304]\nseverity: {A102: warning}\n\
                    rules_folders: [aturan]\ninclude: ['*.md']\nexclude: [draf/]\n";
        let file = parse("periksa.yaml", text).unwrap();
        assert_eq!(file.locale, Some(Locale::En));
        assert_eq!(file.lang, LangSetting::Id);
        assert_eq!(file.report_year, Year::Given(2024));
        assert_eq!(file.rounding, Some(Rounding::Truncate));
        assert_eq!(file.enable, Some(vec![CheckRef::Check("A101"), CheckRef::Check("A102")]));
        assert_eq!(file.disable, vec![CheckRef::Check("S304")]);
        assert_eq!(file.severity.get(&CheckCode("A102")), Some(&SeverityName::Warning));
        assert_eq!(file.rules_folders, vec!["aturan".to_string()]);
        assert_eq!(file.include, vec![Glob("*.md".into())]);
        assert_eq!(file.exclude, vec![Glob("draf/".into())]);
    }

    #[test]
    fn an_unknown_key_lists_the_keys() {
        let err = error("locale: id\n\nlokale: en\n");
        assert_eq!((err.line, err.column), (Some(3), Some(1)));
        assert!(
            err.message.starts_with("unknown field `lokale`, expected one of `locale`, `lang`,"),
            "{}",
            err.message
        );
    }

    #[test]
    fn a_wrong_value_lists_the_choices() {
        let err = error("locale: fr\n");
        assert_eq!((err.line, err.column), (Some(1), Some(9)));
        assert!(err.message.contains("expected `id` or `en`"), "{}", err.message);
        let err = error("rounding: up\n");
        assert!(err.message.contains("expected `round` or `truncate`"), "{}", err.message);
        let err = error("severity:\n  A102: fatal\n");
        assert_eq!(err.line, Some(2), "{err}");
        assert!(err.message.contains("`error`, `warning`, `info`"), "{}", err.message);
    }

    #[test]
    fn an_unknown_check_lists_the_codes_at_its_place() {
        let err = error("disable:\n  - S304\n  - S999\n");
        assert_eq!((err.line, err.column), (Some(3), Some(5)), "{err}");
        assert!(err.message.contains("unknown check `S999`"), "{}", err.message);
        assert!(err.message.contains("P001, P002, A101"), "{}", err.message);
        let err = error("severity: {all: warning}\n");
        assert!(err.message.contains("unknown check `all`"), "{}", err.message);
    }

    #[test]
    fn a_year_is_a_year() {
        assert_eq!(parse("p", "report_year: auto\n").unwrap().report_year, Year::Auto);
        assert_eq!(parse("p", "report_year: '2023'\n").unwrap().report_year, Year::Given(2023));
        let err = error("report_year: 24\n");
        assert_eq!((err.line, err.column), (Some(1), Some(14)), "{err}");
        assert!(err.message.contains("24 is not a year"), "{}", err.message);
        assert!(error("report_year: soon\n").message.contains("or `auto`"));
    }

    #[test]
    fn a_bad_glob_is_refused_where_it_is_written() {
        let err = error("exclude:\n  - 'draf/{a,b'\n");
        assert_eq!((err.line, err.column), (Some(2), Some(5)), "{err}");
        assert!(err.message.contains("invalid glob"), "{}", err.message);
        assert!(error("include: ['!x.md']\n").message.contains("starts with `!`"));
        assert!(error("include: ['']\n").message.contains("empty glob"));
    }
}
