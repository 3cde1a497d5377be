//! Verdict words (`rules/verdicts.yaml`): what "tercapai" claims about a percentage.

use super::pattern::normalise;
use crate::messages::Message;
use crate::msg;
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
    pub fn describe(&self) -> Message {
        let mut parts = self.bounds().into_iter().map(|(key, bound)| match key {
            ">=" => msg!("verdict.at-least", bound),
            ">" => msg!("verdict.more-than", bound),
            "<" => msg!("verdict.less-than", bound),
            _ => msg!("verdict.at-most", bound),
        });
        let Some(first) = parts.next() else { return msg!("verdict.any-value") };
        parts.fold(first, |claim, more| msg!("verdict.and", claim, more))
    }

    /// The claim in symbols, the same in every language: `≥ 100`, `≥ 90, < 100`.
    pub fn symbols(&self) -> String {
        let bounds = self.bounds();
        if bounds.is_empty() {
            return "*".to_string();
        }
        let shown: Vec<String> = bounds
            .into_iter()
            .map(|(op, bound)| {
                let op = match op {
                    ">=" => "≥",
                    "<=" => "≤",
                    other => other,
                };
                format!("{op} {bound}")
            })
            .collect();
        shown.join(", ")
    }

    /// The bounds the words set, as (operator, bound).
    fn bounds(&self) -> Vec<(&'static str, String)> {
        [(">=", self.min), (">", self.over), ("<", self.below), ("<=", self.max)]
            .into_iter()
            .filter_map(|(op, bound)| bound.map(|b| (op, b.normalize().to_string())))
            .collect()
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
