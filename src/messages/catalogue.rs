//! The catalogue: every message in English and in Indonesian, read once from
//! `catalogue.yaml`, which is compiled into the binary.

use super::Lang;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::LazyLock;

/// The text of `catalogue.yaml`.
pub const CATALOGUE_YAML: &str = include_str!("catalogue.yaml");

/// The catalogue periksa speaks from.
pub static CATALOGUE: LazyLock<Catalogue> = LazyLock::new(|| {
    Catalogue::parse("src/messages/catalogue.yaml", CATALOGUE_YAML)
        .expect("the catalogue is valid (checked by a test)")
});

/// One message in both languages.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub en: String,
    pub id: String,
}

impl Entry {
    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Id => &self.id,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Catalogue {
    pub entries: HashMap<String, Entry>,
}

impl Catalogue {
    pub fn parse(file: &str, text: &str) -> Result<Catalogue, crate::yaml::YamlError> {
        Ok(Catalogue { entries: crate::yaml::from_str(file, text)? })
    }

    /// The message `key` in `lang`, each `{name}` replaced by `value(name)`. A key the
    /// catalogue lacks prints as itself and a placeholder without a value stays as written,
    /// so that a slip shows instead of vanishing (and the catalogue test catches both).
    pub fn fill(
        &self,
        key: &str,
        lang: Lang,
        mut value: impl FnMut(&str) -> Option<String>,
    ) -> String {
        let Some(entry) = self.entries.get(key) else { return key.to_string() };
        let template = entry.text(lang);
        let mut out = String::with_capacity(template.len() + 32);
        for piece in pieces(template) {
            match piece {
                Piece::Text(text) => out.push_str(text),
                Piece::Placeholder(name) => match value(name) {
                    Some(v) => out.push_str(&v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                },
            }
        }
        out
    }
}

enum Piece<'t> {
    Text(&'t str),
    Placeholder(&'t str),
}

/// A template cut into text and `{placeholders}`; `{{` and `}}` are literal braces.
fn pieces(template: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = template;
    while !rest.is_empty() {
        if let Some(tail) = rest.strip_prefix("{{") {
            out.push(Piece::Text("{"));
            rest = tail;
        } else if let Some(tail) = rest.strip_prefix("}}") {
            out.push(Piece::Text("}"));
            rest = tail;
        } else if let Some(tail) = rest.strip_prefix('{') {
            match tail.find('}') {
                Some(end) => {
                    out.push(Piece::Placeholder(&tail[..end]));
                    rest = &tail[end + 1..];
                }
                None => {
                    out.push(Piece::Text(rest));
                    rest = "";
                }
            }
        } else {
            let end = rest.find(['{', '}']).map_or(rest.len(), |i| i.max(1));
            out.push(Piece::Text(&rest[..end]));
            rest = &rest[end..];
        }
    }
    out
}

/// The placeholders a template names, sorted and without repeats.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names: Vec<&str> = pieces(template)
        .into_iter()
        .filter_map(|p| match p {
            Piece::Placeholder(name) => Some(name),
            Piece::Text(_) => None,
        })
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_and_escaped_braces() {
        assert_eq!(placeholders("{b} and {a}, {{not}} {a}"), vec!["a", "b"]);
        let catalogue =
            Catalogue::parse("t.yaml", "k:\n  en: \"{{x}} {y}\"\n  id: \"{y}\"\n").unwrap();
        assert_eq!(catalogue.fill("k", Lang::En, |_| Some("1".into())), "{x} 1");
        assert_eq!(catalogue.fill("k", Lang::Id, |_| None), "{y}");
        assert_eq!(catalogue.fill("missing", Lang::En, |_| None), "missing");
    }
}
