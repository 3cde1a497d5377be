//! The language periksa speaks: every message it prints, in English and in Indonesian.

use serde::Deserialize;

/// The language of the messages (not of the report's numbers: those follow the report's
/// [`Locale`](crate::figures::Locale)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Bahasa Indonesia.
    Id,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Id => "id",
        }
    }

    /// The language the environment asks for: `LC_ALL`, then `LC_MESSAGES`, then `LANG`,
    /// as POSIX orders them. `id_ID.UTF-8` (or any `id…`) is Indonesian; anything else,
    /// or nothing, is English.
    pub fn from_env() -> Lang {
        let var = |name| std::env::var(name).ok().filter(|v: &String| !v.is_empty());
        let setting = var("LC_ALL").or_else(|| var("LC_MESSAGES")).or_else(|| var("LANG"));
        Lang::from_locale_name(setting.as_deref().unwrap_or(""))
    }

    /// `id_ID.UTF-8`, `id`, `id-ID` → Indonesian; anything else → English.
    pub fn from_locale_name(name: &str) -> Lang {
        let language = name.split(['_', '-', '.', '@']).next().unwrap_or("");
        if language.eq_ignore_ascii_case("id") || language.eq_ignore_ascii_case("in") {
            Lang::Id
        } else {
            Lang::En
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_names_choose_the_language() {
        assert_eq!(Lang::from_locale_name("id_ID.UTF-8"), Lang::Id);
        assert_eq!(Lang::from_locale_name("id"), Lang::Id);
        assert_eq!(Lang::from_locale_name("en_US.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale_name("C"), Lang::En);
        assert_eq!(Lang::from_locale_name(""), Lang::En);
        assert_eq!(Lang::from_locale_name("ind"), Lang::En);
    }
}
