//! The language periksa speaks: every message it prints, in English and in Indonesian.
//!
//! A check does not write sentences: it names a message of the catalogue
//! (`catalogue.yaml`, next to this file) and gives its placeholders, with [`msg!`](crate::msg):
//!
//! ```
//! use periksa::msg;
//! let m = msg!("a101.message", place = "Tabel 3.2 › %", found = "84,05", expected = "84,50");
//! assert_eq!(m.render(periksa::messages::Lang::Id).contains("seharusnya 84,50"), true);
//! ```
//!
//! The finding keeps the message unrendered; the output renders it in the language of the
//! run. Figures in a message are printed by the check in the report's own number format,
//! so that a reviewer reads `84,50` in both languages. A test holds the catalogue complete:
//! every message in both languages, with the same placeholders, and every key the code
//! names present.

mod catalogue;

pub use catalogue::{placeholders, Catalogue, CATALOGUE};
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

/// A message of the catalogue with its placeholders filled, not yet in a language.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Message {
    /// The catalogue key, or `None` for text in no language (see [`Message::plain`]).
    key: Option<&'static str>,
    args: Vec<(&'static str, Arg)>,
}

/// What fills a placeholder: text as it is, or another message rendered in the same
/// language.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Arg {
    Text(String),
    Message(Message),
}

impl Message {
    /// The message `key` of the catalogue with these placeholders. Use [`msg!`](crate::msg).
    pub fn new(key: &'static str, args: Vec<(&'static str, Arg)>) -> Message {
        Message { key: Some(key), args }
    }

    /// Text in no language, printed as it is in both: a computation (`1.014 / 1.200 × 100
    /// = 84,5`) or words quoted from the report. Never a sentence of periksa's own.
    pub fn plain(text: impl Into<String>) -> Message {
        Message { key: None, args: vec![("text", Arg::Text(text.into()))] }
    }

    /// Messages one after another, `separator` between them: `Tabel 3.4, Tabel 3.5`.
    pub fn join(parts: impl IntoIterator<Item = Message>, separator: &str) -> Message {
        let mut args = vec![("separator", Arg::Text(separator.to_string()))];
        args.extend(parts.into_iter().map(|part| ("part", Arg::Message(part))));
        Message { key: None, args }
    }

    /// The catalogue key, if the message has one.
    pub fn key(&self) -> Option<&'static str> {
        self.key
    }

    /// The text given for placeholder `name`, if it is text.
    pub fn arg(&self, name: &str) -> Option<&str> {
        self.args.iter().find(|(n, _)| *n == name).and_then(|(_, a)| match a {
            Arg::Text(text) => Some(text.as_str()),
            Arg::Message(_) => None,
        })
    }

    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let Some(key) = self.key else {
            if let Some(text) = self.arg("text") {
                return text.to_string();
            }
            let separator = self.arg("separator").unwrap_or_default();
            let parts: Vec<String> = self
                .args
                .iter()
                .filter_map(|(_, arg)| match arg {
                    Arg::Message(part) => Some(part.render(lang)),
                    Arg::Text(_) => None,
                })
                .collect();
            return parts.join(separator);
        };
        CATALOGUE.fill(key, lang, |name| {
            self.args.iter().find(|(n, _)| *n == name).map(|(_, arg)| match arg {
                Arg::Text(text) => text.clone(),
                Arg::Message(message) => message.render(lang),
            })
        })
    }
}

/// What can fill a placeholder: text, a count, or another message.
pub trait ToArg {
    fn to_arg(&self) -> Arg;
}

impl ToArg for str {
    fn to_arg(&self) -> Arg {
        Arg::Text(self.to_string())
    }
}

impl ToArg for String {
    fn to_arg(&self) -> Arg {
        Arg::Text(self.clone())
    }
}

impl ToArg for Message {
    fn to_arg(&self) -> Arg {
        Arg::Message(self.clone())
    }
}

impl<T: ToArg + ?Sized> ToArg for &T {
    fn to_arg(&self) -> Arg {
        (**self).to_arg()
    }
}

macro_rules! integer_args {
    ($($t:ty),*) => {$(
        impl ToArg for $t {
            fn to_arg(&self) -> Arg {
                Arg::Text(self.to_string())
            }
        }
    )*};
}
integer_args!(usize, u32, u16, i32, i64);

/// A message of the catalogue: `msg!("a101.message", place, found = f, expected = e)`.
/// A placeholder given by name alone takes the variable of that name. Values are
/// borrowed, as `format!` borrows them.
#[macro_export]
macro_rules! msg {
    ($key:literal $(, $name:ident $(= $value:expr)?)* $(,)?) => {
        $crate::messages::Message::new(
            $key,
            vec![$((stringify!($name), $crate::messages::ToArg::to_arg(&$crate::msg!(@value $name $(, $value)?)))),*],
        )
    };
    (@value $name:ident) => { $name };
    (@value $name:ident, $value:expr) => { $value };
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

    #[test]
    fn messages_render_in_either_language_with_nested_messages() {
        let part = msg!("label.target");
        let m = msg!("label.printed-expected", found = "84,05", expected = "84,50");
        assert_eq!(m.render(Lang::En), "printed 84,05, expected 84,50");
        assert_eq!(m.render(Lang::Id), "tertulis 84,05, seharusnya 84,50");
        assert_eq!(part.render(Lang::Id), "target");
        assert_eq!(Message::plain("1 + 2 = 3").render(Lang::Id), "1 + 2 = 3");
        assert_eq!(m.arg("expected"), Some("84,50"));
    }
}
