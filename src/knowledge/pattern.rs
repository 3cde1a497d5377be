//! A regular expression written in a rules file.
//!
//! Patterns are compiled while the YAML is read, so a bad pattern is reported like any
//! other mistake in the file: with its line and column. They are matched case-insensitively
//! against normalised text (see [`normalise`]), and their compiled size is bounded so that
//! a pattern in a user's rules folder cannot eat the machine's memory.

use crate::yaml::YamlError;
use regex::{Regex, RegexBuilder};
use serde::de::{Deserialize, Deserializer, Error as _};

/// The compiled size limit of one pattern (the regex crate's default is 10 MB).
const SIZE_LIMIT: usize = 1 << 20;

#[derive(Debug, Clone)]
pub struct Pattern(Regex);

/// The longest pattern read, in bytes. The regex parser takes seconds and hundreds of
/// megabytes over a pattern of a megabyte before the compiled size limit can refuse it;
/// a list of a few hundred words is still far below this.
const LENGTH_LIMIT: usize = 16 * 1024;

/// How much of a refused long pattern its error quotes: enough to find it by.
const QUOTED_START: usize = 40;

impl Pattern {
    pub fn new(source: &str) -> Result<Pattern, String> {
        if source.len() > LENGTH_LIMIT {
            let mut end = QUOTED_START;
            while !source.is_char_boundary(end) {
                end -= 1;
            }
            let quoted = serde_json::to_string(&source[..end]).unwrap_or_default();
            return Err(format!(
                "{INVALID}{quoted}…: {} bytes long, longer than the limit of {LENGTH_LIMIT}",
                source.len()
            ));
        }
        RegexBuilder::new(source)
            .case_insensitive(true)
            .size_limit(SIZE_LIMIT)
            .dfa_size_limit(SIZE_LIMIT)
            .build()
            .map(Pattern)
            .map_err(|err| {
                let quoted = serde_json::to_string(source).unwrap_or_default();
                let reason = err.to_string();
                let reason = reason.lines().last().unwrap_or_default().trim();
                let reason = reason.strip_prefix("error: ").unwrap_or(reason).to_string();
                format!("{INVALID}{quoted}: {reason}")
            })
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.0.is_match(text)
    }

    pub fn regex(&self) -> &Regex {
        &self.0
    }
}

impl<'de> Deserialize<'de> for Pattern {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let source = String::deserialize(deserializer)?;
        Pattern::new(&source).map_err(D::Error::custom)
    }
}

/// The start of the message of a pattern that does not compile; the pattern follows,
/// quoted as JSON.
const INVALID: &str = "invalid pattern ";

/// The YAML reader places an error inside a list at the list's start; this moves the error
/// about a bad pattern to the line and column of the pattern itself (of its start, for a
/// pattern too long to quote whole).
pub fn locate(mut err: YamlError, text: &str) -> YamlError {
    let Some(at) = err.message.find(INVALID) else { return err };
    let quoted = &err.message[at + INVALID.len()..];
    let mut stream = serde_json::Deserializer::from_str(quoted).into_iter::<String>();
    let Some(Ok(source)) = stream.next() else { return err };
    let from = err.line.unwrap_or(1).saturating_sub(1);
    for (i, line) in text.lines().enumerate().skip(from) {
        if let Some(byte) = line.find(source.as_str()) {
            err.line = Some(i + 1);
            err.column = Some(line[..byte].chars().count() + 1);
            break;
        }
    }
    err
}

/// Does any pattern of the list match?
pub fn any_match(patterns: &[Pattern], text: &str) -> bool {
    patterns.iter().any(|p| p.is_match(text))
}

/// Text as patterns see it: lower case, `*` and `_` emphasis removed, spaces collapsed,
/// `( % )` and `(%)` written `(%)`.
pub fn normalise(text: &str) -> String {
    if text.is_ascii() {
        return normalise_ascii(text.as_bytes());
    }
    normalise_chars(text)
}

/// [`normalise`] of ASCII text, byte by byte: the labels and names of nearly every table
/// are ASCII, and a check normalises tens of thousands of them on a large report.
fn normalise_ascii(text: &[u8]) -> String {
    let mut out: Vec<u8> = Vec::with_capacity(text.len());
    let mut pending_space = false;
    for &b in text {
        if b == b'*' || b == b'_' {
            continue;
        }
        // `char::is_whitespace` over ASCII: tab to carriage return, and space.
        if matches!(b, b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' | b' ') {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            if !(out.last() == Some(&b'(') || b == b')') {
                out.push(b' ');
            }
            pending_space = false;
        }
        out.push(b.to_ascii_lowercase());
    }
    // Only ASCII bytes were pushed.
    String::from_utf8(out).unwrap_or_default()
}

fn normalise_chars(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for ch in text.chars() {
        if ch == '*' || ch == '_' {
            continue;
        }
        if ch.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            // `( %` and `% )` lose their inner space.
            if !(out.ends_with('(') || ch == ')') {
                out.push(' ');
            }
            pending_space = false;
        }
        // Most text is ASCII, whose lower case is one byte: no iterator needed.
        if ch.is_ascii() {
            out.push(ch.to_ascii_lowercase());
        } else {
            out.extend(ch.to_lowercase());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The byte-by-byte path for ASCII text gives what the character path gives.
        #[test]
        fn ascii_text_normalises_as_characters_do(text in "[ -~\t\n\x0b\x0c\r]{0,40}") {
            proptest::prop_assert_eq!(normalise_ascii(text.as_bytes()), normalise_chars(&text));
        }
    }

    #[test]
    fn normalises_case_spaces_and_percent_parentheses() {
        assert_eq!(normalise("  CAPAIAN ( % ) "), "capaian (%)");
        assert_eq!(normalise("Realisasi\n Tahun  2024"), "realisasi tahun 2024");
        assert_eq!(normalise("**Jumlah**"), "jumlah");
    }

    #[test]
    fn bad_and_huge_patterns_are_errors() {
        assert!(Pattern::new("(unclosed").is_err());
        assert!(Pattern::new(r"\w{1000}\w{1000}\w{1000}").is_err());
        assert!(Pattern::new("^jumlah$").unwrap().is_match("JUMLAH"));
    }

    #[test]
    fn a_pattern_over_the_length_limit_is_refused_quoting_its_start() {
        // At the limit, a pattern is read (here one word and the spaces that verbose mode
        // ignores).
        let at_limit = format!("(?x)jumlah{}", " ".repeat(LENGTH_LIMIT - 10));
        assert!(Pattern::new(&at_limit).unwrap().is_match("Jumlah"));
        let err = Pattern::new(&"é".repeat(LENGTH_LIMIT)).unwrap_err();
        assert_eq!(
            err,
            format!(
                "invalid pattern \"{}\"…: {} bytes long, longer than the limit of 16384",
                "é".repeat(QUOTED_START / 2),
                2 * LENGTH_LIMIT
            )
        );
    }
}
