//! Verdict words (`rules/verdicts.yaml`): what "tercapai" claims about a percentage.

use super::pattern::normalise;
use rust_decimal::Decimal;
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verdict {
    pub words: Vec<String>,
    #[serde(default)]
    pub min: Option<Decimal>,
    #[serde(default)]
    pub over: Option<Decimal>,
    #[serde(default)]
    pub below: Option<Decimal>,
    #[serde(default)]
    pub max: Option<Decimal>,
    /// Whether the words are looked for in sentences too (not only in verdict cells).
    #[serde(default = "yes")]
    pub prose: bool,
}

fn yes() -> bool {
    true
}

impl Verdict {
    /// Does the percentage `value` satisfy what the words claim?
    pub fn allows(&self, value: Decimal) -> bool {
        self.min.is_none_or(|m| value >= m)
            && self.over.is_none_or(|m| value > m)
            && self.below.is_none_or(|m| value < m)
            && self.max.is_none_or(|m| value <= m)
    }

    /// The claim in words: `at least 100`, `less than 100`.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(m) = self.min {
            parts.push(format!("at least {m}"));
        }
        if let Some(m) = self.over {
            parts.push(format!("more than {m}"));
        }
        if let Some(m) = self.below {
            parts.push(format!("less than {m}"));
        }
        if let Some(m) = self.max {
            parts.push(format!("at most {m}"));
        }
        if parts.is_empty() {
            "any value".to_string()
        } else {
            parts.join(" and ")
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verdicts {
    #[serde(default)]
    pub verdicts: Vec<Verdict>,
}

/// A verdict phrase found in a text.
#[derive(Debug, Clone, Copy)]
pub struct VerdictMatch<'k> {
    pub verdict: &'k Verdict,
    /// Byte range of the phrase in the normalised text.
    pub start: usize,
    pub end: usize,
}

impl Verdicts {
    pub fn extend(&mut self, other: Verdicts) {
        let mut verdicts = other.verdicts;
        verdicts.append(&mut self.verdicts);
        self.verdicts = verdicts;
    }

    /// The verdict a whole cell states ("Belum Tercapai"), if its text is one.
    pub fn for_cell(&self, text: &str) -> Option<&Verdict> {
        let text = normalise(text);
        let text = text.trim_end_matches(['.', '!']);
        self.verdicts.iter().find(|v| v.words.iter().any(|w| normalise(w) == text))
    }

    /// Every verdict phrase in a sentence, longest phrases first and never overlapping.
    pub fn in_sentence(&self, normalised: &str) -> Vec<VerdictMatch<'_>> {
        let mut phrases: Vec<(String, &Verdict)> = self
            .verdicts
            .iter()
            .filter(|v| v.prose)
            .flat_map(|v| v.words.iter().map(move |w| (normalise(w), v)))
            .collect();
        phrases.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        let mut found: Vec<VerdictMatch> = Vec::new();
        for (phrase, verdict) in &phrases {
            if phrase.is_empty() {
                continue;
            }
            for (start, _) in normalised.match_indices(phrase.as_str()) {
                let end = start + phrase.len();
                let whole = !normalised[..start].ends_with(char::is_alphanumeric)
                    && !normalised[end..].starts_with(char::is_alphanumeric);
                let overlaps = found.iter().any(|m| start < m.end && m.start < end);
                if whole && !overlaps {
                    found.push(VerdictMatch { verdict, start, end });
                }
            }
        }
        found.sort_by_key(|m| m.start);
        found
    }
}
