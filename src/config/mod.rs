//! The configuration file, `periksa.yaml`: the settings of a folder of reports, so that
//! a unit writes once how its reports print numbers, which checks it wants and how
//! severe, instead of repeating flags on every run.
//!
//! The configuration of a report is the nearest `periksa.yaml` in its folder or a folder
//! above it, up to the filesystem root, or the file given with `--config` for every
//! report. Files do not merge: the nearest one is the whole configuration, and what it
//! leaves out is the default. Flags on the command line win over it.
//!
//! - [`file`](mod@file): the YAML shape, checked as it is read (a wrong key or value is an error at
//!   its line and column);
//! - [`settings`]: what a configuration comes to, and what checking needs from it;
//! - [`discover`]: finding each folder's configuration, each read and built once;
//! - [`STARTER`]: the commented file `periksa init` writes.

pub mod discover;
pub mod file;
pub mod settings;

pub use discover::{ConfigError, Configs};
pub use settings::{Config, Overrides, Settings};

/// The name periksa looks for in a report's folder and the folders above it.
pub const FILE_NAME: &str = "periksa.yaml";

/// The configuration `periksa init` writes: every key, set to its default, with what it
/// does.
pub const STARTER: &str = include_str!("starter.yaml");

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn the_starter_parses_and_gives_the_same_settings_as_no_configuration() {
        let starter = file::parse(FILE_NAME, STARTER).expect("the starter parses");
        let root = Path::new("/laporan");
        let overrides = Overrides::default();
        assert_eq!(
            Config::from_file(starter, Path::new(""), root, &overrides),
            Config::default_at(root, &overrides)
        );
    }

    #[test]
    fn the_starter_sets_and_explains_every_key() {
        // serde lists the keys it knows when it meets one it does not.
        let err = file::parse(FILE_NAME, "no_such_key: 1\n").unwrap_err();
        let keys: Vec<&str> = err.message.split('`').skip(3).step_by(2).collect();
        assert!(keys.len() >= 10, "{}", err.message);
        let lines: Vec<&str> = STARTER.lines().collect();
        for key in keys {
            let at = lines.iter().position(|l| l.starts_with(&format!("{key}:")));
            let at = at.unwrap_or_else(|| panic!("the starter has no `{key}:`"));
            // Right above it, past the keys it is grouped with: its comment.
            let is_key = |l: &&&str| {
                l.split_once(':').is_some_and(|(k, _)| {
                    !k.is_empty() && k.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                })
            };
            let above = lines[..at].iter().rev().find(|l| !is_key(l));
            assert!(above.is_some_and(|l| l.starts_with('#')), "`{key}` has no comment");
        }
    }
}
