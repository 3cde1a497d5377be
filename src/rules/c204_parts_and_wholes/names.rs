//! The names of what a count counts, and when two names mean the same group.
//!
//! A report names a staff category in full in one place and by its abbreviation in the
//! next: "Pegawai Negeri Sipil (PNS)", then "10 orang PNS"; "Pegawai Pemerintah dengan
//! Perjanjian Kerja" with no abbreviation at all, then "5 orang PPPK". A [`Name`] keeps
//! every form that may stand for it (its keys): the abbreviation in parentheses, the
//! initials of the long name without the little words, the long name itself, and the
//! long name without a leading "Pegawai"/"Tenaga" ("Pegawai *Outsourcing*" is the
//! "Outsourcing" of the list). Two names match when they share a key.

/// Words left out of initials: "Pegawai Pemerintah dengan Perjanjian Kerja" is PPPK.
const LITTLE_WORDS: &[&str] = &["dengan", "dan", "yang", "di", "ke", "dari", "untuk"];

/// Head words that say "staff of the kind …" and may be dropped from a name.
const HEAD_WORDS: &[&str] = &["pegawai", "tenaga", "orang", "personil", "personel"];

/// Words around a figure that are not part of the name of what it counts.
const FILLERS: &[&str] = &[
    "dan",
    "serta",
    "atau",
    "yaitu",
    "yakni",
    "berupa",
    "meliputi",
    "sebanyak",
    "sejumlah",
    "berjumlah",
    "sebesar",
    "adalah",
    "ialah",
    "terdapat",
    "ada",
    "yang",
    "terdiri",
    "dari",
    "atas",
];

/// What a figure counts, as the report names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    /// The name to show: the abbreviation when there is one, else the name as printed.
    pub label: String,
    /// Lower-cased forms that stand for it.
    keys: Vec<String>,
}

impl Name {
    /// The name in `raw` (markup, fillers and figures already cut out by the caller or
    /// cut here); `None` when nothing is left.
    pub fn parse(raw: &str) -> Option<Name> {
        let cleaned = clean(raw);
        if cleaned.is_empty() {
            return None;
        }
        let abbreviation = explicit_abbreviation(&cleaned);
        let base = without_parentheses(&cleaned);
        let mut keys = Vec::new();
        let lower = base.to_lowercase();
        let words: Vec<&str> = lower.split_whitespace().collect();
        if !words.is_empty() {
            keys.push(words.join(" "));
        }
        if words.len() > 1 && HEAD_WORDS.contains(&words[0]) {
            keys.push(words[1..].join(" "));
        }
        if let Some(initials) = initials(&base) {
            keys.push(initials);
        }
        if let Some(abbreviation) = &abbreviation {
            keys.push(abbreviation.to_lowercase());
        }
        if keys.is_empty() {
            return None;
        }
        let label = abbreviation.unwrap_or_else(|| base.clone());
        let label = if label.is_empty() { cleaned } else { label };
        Some(Name { label, keys })
    }

    /// The name of a group as a breakdown sentence gives it ("pegawai ASN (PNS dan PPPK)
    /// BP3MI"): the abbreviations in it, outside parentheses, and the whole phrase.
    pub fn group(raw: &str) -> Option<Name> {
        let cleaned = clean(raw);
        let base = without_parentheses(&cleaned);
        let mut keys: Vec<String> =
            base.split_whitespace().filter(|w| is_abbreviation(w)).map(str::to_lowercase).collect();
        let lower = base.to_lowercase();
        let words: Vec<&str> = lower.split_whitespace().collect();
        if words.is_empty() {
            return None;
        }
        keys.push(words.join(" "));
        if words.len() > 1 && HEAD_WORDS.contains(&words[0]) {
            keys.push(words[1..].join(" "));
        }
        Some(Name { label: base, keys })
    }

    pub fn keys(&self) -> &[String] {
        &self.keys
    }

    pub fn matches(&self, other: &Name) -> bool {
        self.keys.iter().any(|k| other.keys.contains(k))
    }
}

/// Markup and fillers removed, white space collapsed, punctuation trimmed.
pub fn clean(raw: &str) -> String {
    let unmarked: String =
        raw.chars().map(|c| if matches!(c, '*' | '_' | '`' | '\\') { ' ' } else { c }).collect();
    let unmarked = drop_empty_parentheses(&unmarked);
    let mut words: Vec<&str> = unmarked.split_whitespace().collect();
    loop {
        let before = words.len();
        trim_punctuation(&mut words);
        if words.first().is_some_and(|w| is_filler(w)) {
            words.remove(0);
        }
        if words.last().is_some_and(|w| is_filler(w)) {
            words.pop();
        }
        if words.len() == before {
            break;
        }
    }
    words.join(" ")
}

/// Parentheses left with no word in them once their figure was cut out: "PNS ( )".
fn drop_empty_parentheses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        let inner = &rest[open + 1..];
        let Some(close) = inner.find(')') else { break };
        out.push_str(&rest[..open]);
        if inner[..close].chars().any(char::is_alphanumeric) {
            out.push_str(&rest[open..open + close + 2]);
        }
        rest = &inner[close + 1..];
    }
    out.push_str(rest);
    out
}

fn trim_punctuation(words: &mut Vec<&str>) {
    const PUNCTUATION: &[char] = &[',', ';', ':', '.', '-', '–', '—'];
    if let Some(first) = words.first_mut() {
        *first = first.trim_start_matches(PUNCTUATION);
    }
    if let Some(last) = words.last_mut() {
        *last = last.trim_end_matches(PUNCTUATION);
    }
    words.retain(|w| !w.is_empty());
}

pub fn is_filler(word: &str) -> bool {
    FILLERS.iter().any(|f| f.eq_ignore_ascii_case(word))
}

/// "PNS", "ASN", "PPPK", "BP3MI": two or more capitals, letters and digits only.
fn is_abbreviation(word: &str) -> bool {
    let capitals = word.chars().filter(char::is_ascii_uppercase).count();
    capitals >= 2
        && word.chars().count() <= 12
        && word.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && word.chars().next().is_some_and(|c| c.is_ascii_uppercase())
}

/// The abbreviation given in parentheses: "Pegawai Negeri Sipil (PNS)".
fn explicit_abbreviation(name: &str) -> Option<String> {
    let mut rest = name;
    while let Some(open) = rest.find('(') {
        let inner = &rest[open + 1..];
        let close = inner.find(')')?;
        let candidate = inner[..close].trim();
        if is_abbreviation(candidate) {
            return Some(candidate.to_string());
        }
        rest = &inner[close + 1..];
    }
    None
}

/// The text outside parentheses.
fn without_parentheses(name: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in name.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The initials of a name of two or more words, little words left out:
/// "Pegawai Pemerintah Non Pegawai Negeri" is `ppnpn`.
fn initials(base: &str) -> Option<String> {
    let words: Vec<&str> = base
        .split_whitespace()
        .filter(|w| !LITTLE_WORDS.iter().any(|l| l.eq_ignore_ascii_case(w)))
        .collect();
    if words.len() < 2 {
        return None;
    }
    let mut out = String::new();
    for word in words {
        let first = word.chars().next()?;
        if !first.is_alphabetic() {
            return None;
        }
        out.extend(first.to_lowercase());
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(s: &str) -> Name {
        Name::parse(s).unwrap()
    }

    #[test]
    fn long_names_match_their_initials_and_abbreviations() {
        assert!(name("Pegawai Pemerintah dengan Perjanjian Kerja").matches(&name("PPPK")));
        assert!(name("Pegawai Negeri Sipil (PNS)").matches(&name("PNS")));
        assert!(name("Pegawai Pemerintah Non Pegawai Negeri").matches(&name("PPNPN")));
        assert!(name("Pegawai *Outsourcing*").matches(&name("*Outsourcing*")));
        assert!(!name("Pegawai Negeri Sipil (PNS)").matches(&name("PPPK")));
        assert!(!name("PPNPN").matches(&name("PNS")));
    }

    #[test]
    fn labels_prefer_the_abbreviation() {
        assert_eq!(name("Aparatur Sipil Negara (ASN)").label, "ASN");
        assert_eq!(name("sebanyak Tenaga Kontrak,").label, "Tenaga Kontrak");
    }

    #[test]
    fn fillers_and_punctuation_are_not_names() {
        assert!(Name::parse(" dan ").is_none());
        assert!(Name::parse("sebanyak ,").is_none());
        assert_eq!(clean("dan 4 orang PNS;"), "4 orang PNS");
    }

    #[test]
    fn a_group_is_named_by_its_abbreviations_outside_parentheses() {
        let group = Name::group("pegawai ASN (PNS dan PPPK) Balai").unwrap();
        assert!(group.matches(&name("Aparatur Sipil Negara (ASN)")));
        assert!(!group.matches(&name("PNS")));
    }
}
