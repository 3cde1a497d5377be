//! # S305 `citation-mismatch`
//!
//! A regulation cited several times with different years: "Peraturan Menteri PAN RB
//! Nomor 53 Tahun 2014" in one place, "… Nomor 53 Tahun 2015" in another.
//!
//! ## What it checks
//!
//! Each citation of a regulation, "<kind and issuer> Nomor <n> Tahun <year>" (Undang-Undang,
//! Peraturan Pemerintah, Peraturan Presiden, Peraturan Menteri …, Peraturan Daerah,
//! Keputusan …, Instruksi …, Surat Edaran …), is keyed by its kind and issuer (compared as
//! words, with the abbreviations of `rules/names.yaml`: "PAN RB" and "Pendayagunaan
//! Aparatur Negara dan Reformasi Birokrasi" are one issuer) and its number. Numbers start
//! again every year ("Undang-Undang Nomor 1 Tahun 2004" and "… Nomor 1 Tahun 2022" are
//! two laws), so two citations are one regulation only when both say what it is about
//! ("tentang Petunjuk Teknis Perjanjian Kinerja …") and say the same (compared by words).
//! One regulation has one year: when such citations give two years, the year given less
//! often (on a tie, the later citation) is reported, with a related label at every other
//! citation of that regulation.
//!
//! Two issuers are never taken for one ("Peraturan Menteri Dalam Negeri Nomor 86" and
//! "Peraturan Menteri PAN RB Nomor 86" are two regulations), and a citation whose issuer
//! is not named ("Peraturan Menteri Nomor 53") is compared only with others that name
//! none.
//!
//! ## Example
//!
//! ```text
//! … mengacu pada Peraturan Menteri PAN RB Nomor 53 Tahun 2014 …
//! … Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53
//! Tahun 2015 tentang Petunjuk Teknis Perjanjian Kinerja …
//! ```
//!
//! The same regulation is of 2014 in one place and of 2015 in the other.

use super::support::finding;
use super::Context;
use crate::diagnostics::{Finding, Label};

use crate::msg;
use crate::span::Span;
use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

const CODE: &str = "S305";

/// "Peraturan Menteri PAN RB Nomor 53 Tahun 2014", "UU Nomor 18 Tahun 2017": the kind,
/// the issuer's words (at most [`ISSUER_WORDS`], counted by [`citations`]), the number and
/// the year.
static CITATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?P<kind>(undang-undang|uu|peraturan|keputusan|instruksi|surat edaran|permen\w*|perpres|pp|perda|perbup|perwal|pergub|kepmen\w*)(?P<issuer>(\s+[\p{L}/&.-]+)*?))\s+(nomor|no\.?)\s*(?P<n>\d+[\w/.-]*)\s+tahun\s+(?P<year>(19|20)\d\d)\b")
        .expect("a valid pattern")
});

/// The most words between a citation's kind and its "Nomor".
const ISSUER_WORDS: usize = 12;

/// The citations of a sentence, in order: [`CITATION`]'s matches whose issuer has at most
/// [`ISSUER_WORDS`] words.
///
/// The words are counted here: as a bounded repetition (`{0,12}?`) in the pattern they
/// made it the costliest to build and to run (40 ms on a real report). What the pattern
/// finds is what the bounded one found: its issuer is the shortest that reaches a "Nomor …
/// Tahun …", and when that is too long, a citation can only start among the issuer's last
/// words (an issuer's words hold no digits, so every start before the number reaches the
/// same "Nomor"), where the search goes on. The search only moves forward: linear time.
fn citations(text: &str) -> Vec<regex::Captures<'_>> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(caps) = CITATION.captures_at(text, at) {
        let (Some(all), Some(issuer)) = (caps.get(0), caps.name("issuer")) else { break };
        let words = word_starts(issuer.as_str()).map(|i| issuer.start() + i).collect::<Vec<_>>();
        if words.len() <= ISSUER_WORDS {
            at = all.end();
            found.push(caps);
        } else {
            // A kind of two words ("Surat Edaran") may start one word earlier than one of
            // one word; the word chosen is after the rejected start, so the search moves on.
            at = words[words.len().saturating_sub(ISSUER_WORDS + 2)];
        }
    }
    found
}

/// The first `n` characters of `text`.
fn first_chars(text: &str, n: usize) -> &str {
    text.char_indices().nth(n).map_or(text, |(cut, _)| &text[..cut])
}

/// Where each word of `text` starts.
fn word_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let mut after_space = true;
    text.char_indices().filter_map(move |(i, c)| {
        let starts = after_space && !c.is_whitespace();
        after_space = c.is_whitespace();
        starts.then_some(i)
    })
}

/// "tentang Petunjuk Teknis Perjanjian Kinerja, …" after a citation. The subject is cut to
/// [`SUBJECT_CHARS`] in code: as `{3,300}` in the pattern, each search built hundreds of
/// automaton states (15 ms for the thirteen citations of a real report).
static SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*,?\s*(?i:tentang)\s+(?P<subject>[^;.\n]{3,})").expect("a valid pattern")
});

/// The most characters of a subject compared.
const SUBJECT_CHARS: usize = 300;

/// ", dan Peraturan …", " serta Undang-Undang …": where a subject ends in a list of
/// citations.
static NEXT_CITATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(,\s*(dan|serta)?|\s(dan|serta))\s+(undang|uu\b|peraturan|keputusan|instruksi|surat edaran|permen|perpres|pp\b|perda|perbup|perwal|pergub|kepmen)")
        .expect("a valid pattern")
});

/// Words of a sentence in which a regulation replaces or amends another.
static REPLACES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(mencabut|dicabut|pencabutan|perubahan atas|diubah|mengubah|mengganti|menggantikan|pengganti|diganti)\b")
        .expect("a valid pattern")
});

struct Citation {
    year: String,
    /// The first words of what the regulation is about ("tentang …"), when the citation
    /// says.
    subject: Option<String>,
    /// Its sentence speaks of one regulation replacing or amending another.
    replaces: bool,
    /// The year as printed.
    span: Span,
    /// The citation as printed, for messages.
    text: String,
}

pub fn check(ctx: &Context, findings: &mut Vec<Finding>) {
    let names = &ctx.knowledge.names;
    let mut keys: Vec<(String, String)> = Vec::new();
    let mut by_key: HashMap<(String, String), Vec<Citation>> = HashMap::new();
    for &sentence in &ctx.sentences {
        let text = sentence.text(ctx.doc);
        for caps in citations(text) {
            let (Some(kind), Some(n), Some(year), Some(all)) =
                (caps.name("kind"), caps.name("n"), caps.name("year"), caps.get(0))
            else {
                continue;
            };
            let issuer: Vec<String> = names.words(kind.as_str()).into_iter().collect();
            let key = (issuer.join(" "), n.as_str().to_lowercase());
            let start = sentence.span.start();
            let subject = SUBJECT.captures(&text[all.end()..]).and_then(|c| {
                // The subject runs to the next regulation cited in the same list.
                let subject = c.name("subject")?.as_str();
                let subject = first_chars(subject, SUBJECT_CHARS);
                let end = NEXT_CITATION.find(subject).map_or(subject.len(), |m| m.start());
                Some(subject[..end].split_whitespace().collect::<Vec<_>>().join(" "))
            });
            let citation = Citation {
                subject,
                replaces: REPLACES.is_match(text),
                year: year.as_str().to_string(),
                span: Span::new(start + year.start(), start + year.end()),
                text: all.as_str().split_whitespace().collect::<Vec<_>>().join(" "),
            };
            let entry = by_key.entry(key.clone()).or_default();
            if entry.is_empty() {
                keys.push(key);
            }
            entry.push(citation);
        }
    }
    for key in keys {
        let Some(citations) = by_key.get(&key) else { continue };
        findings.extend(mismatches(citations));
    }
}

/// Citations of one kind, issuer and number with two years. Numbers start again every
/// year ("UU Nomor 1 Tahun 2004" and "UU Nomor 1 Tahun 2022" are two laws), so two
/// years are one slip only when both citations say what the regulation is about and say
/// the same thing.
fn mismatches(citations: &[Citation]) -> Vec<Finding> {
    let words: Vec<Option<Vec<String>>> =
        citations.iter().map(|c| c.subject.as_deref().map(subject_words)).collect();
    let mut out = Vec::new();
    let mut reported: HashSet<Span> = HashSet::new();
    // Citations of one subject in the same words find the same citations: each subject is
    // read once, so a regulation cited thousands of times alike is not quadratic.
    let mut seen: HashSet<&[String]> = HashSet::new();
    for subject in words.iter().flatten() {
        if !seen.insert(subject) {
            continue;
        }
        let same: Vec<&Citation> = citations
            .iter()
            .zip(&words)
            .filter(|(_, w)| w.as_deref().is_some_and(|w| same_subject(w, subject)))
            .map(|(c, _)| c)
            .collect();
        // "… Nomor 45 Tahun 2021 yang mencabut … Nomor 45 Tahun 2016": a regulation that
        // replaces or amends another of the same subject.
        if same.iter().any(|c| c.replaces) {
            continue;
        }
        if let Some(f) = mismatch(&same).filter(|f| reported.insert(f.primary.span)) {
            out.push(f);
        }
    }
    out
}

/// Two subjects are one when the words of the shorter open the longer (a subject may be
/// cut short where it is cited): "Petunjuk Teknis Perjanjian Kinerja" and "Petunjuk
/// Teknis Perjanjian Kinerja, Pelaporan Kinerja …" are one; "APBD Tahun Anggaran 2024"
/// and "Perubahan APBD Tahun Anggaran 2024" are two. Subjects as [`subject_words`].
fn same_subject(a: &[String], b: &[String]) -> bool {
    let (shorter, longer) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    shorter.len() >= 2 && longer.starts_with(shorter)
}

/// The words of a subject, lower-cased, without the little words that join a list.
fn subject_words(subject: &str) -> Vec<String> {
    subject
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !["dan", "serta", "atau", "di", "ke", "dari"].contains(&w.as_str()))
        .collect()
}

fn mismatch(citations: &[&Citation]) -> Option<Finding> {
    // Each year: how often it is given, and where first.
    let mut count: HashMap<&str, (usize, usize)> = HashMap::new();
    for (i, c) in citations.iter().enumerate() {
        count.entry(c.year.as_str()).or_insert((0, i)).0 += 1;
    }
    if count.len() < 2 {
        return None;
    }
    // The year given most often; on a tie, the one cited first.
    let usual = citations
        .iter()
        .map(|c| c.year.as_str())
        .max_by_key(|y| (count[y].0, std::cmp::Reverse(count[y].1)))?;
    let odd = citations.iter().find(|c| c.year != usual)?;
    let usual_citation = citations.iter().find(|c| c.year == usual)?;
    let mut f = finding(
        CODE,
        msg!(
            "s305.message",
            citation = odd.text,
            year = odd.year,
            usual_citation = usual_citation.text,
            usual
        ),
        Label::new(odd.span, msg!("s305.label-elsewhere", usual)),
    );
    for c in citations.iter().filter(|c| !std::ptr::eq(**c, *odd)) {
        f = f.with_related(Label::new(c.span, msg!("s305.label-here", year = c.year)));
    }
    let years = citations.iter().map(|c| c.year.as_str()).collect::<Vec<_>>().join(", ");
    Some(f.with_values(usual, odd.year.clone()).with_note(msg!(
        "s305.note",
        count = citations.len(),
        years
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The kind and year of each citation found.
    fn found(text: &str) -> Vec<(String, String)> {
        citations(text).iter().map(|c| (c["kind"].to_string(), c["year"].to_string())).collect()
    }

    fn words(n: usize) -> String {
        (0..n)
            .map(|i| format!("kata{}", char::from(b'a' + (i % 26) as u8)))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn an_issuer_has_at_most_12_words() {
        let twelve = format!("Peraturan {} Nomor 5 Tahun 2020", words(12));
        assert_eq!(found(&twelve), [(format!("Peraturan {}", words(12)), "2020".to_string())]);
        assert!(found(&format!("Peraturan {} Nomor 5 Tahun 2020", words(13))).is_empty());
    }

    #[test]
    fn past_a_long_issuer_a_nearer_kind_starts_the_citation() {
        // The first "Peraturan" has 14 words before "Nomor"; the second, 2.
        let text = format!("Peraturan {} Peraturan Menteri Nomor 5 Tahun 2020", words(11));
        assert_eq!(found(&text), [("Peraturan Menteri".to_string(), "2020".to_string())]);
        // A kind of two words twelve words before "Nomor" is still found.
        let text = format!("Peraturan {} Surat Edaran {} Nomor 5 Tahun 2020", words(6), words(12));
        assert_eq!(found(&text), [(format!("Surat Edaran {}", words(12)), "2020".to_string())]);
    }

    #[test]
    fn a_subject_is_compared_on_its_first_300_characters() {
        let text = format!(" tentang {};", "é".repeat(400));
        let subject = SUBJECT.captures(&text).and_then(|c| c.name("subject")).map(|m| m.as_str());
        assert_eq!(subject.map(|s| s.chars().count()), Some(400));
        assert_eq!(first_chars(subject.unwrap_or_default(), SUBJECT_CHARS).chars().count(), 300);
    }
}
