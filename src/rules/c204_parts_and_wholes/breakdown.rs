//! Reading a sentence for a whole and the parts it is made of.
//!
//! Two shapes say plainly that parts compose a whole:
//!
//! - a composition word after the whole: "53 orang ASN yang terdiri dari 38 orang PNS dan
//!   15 orang PPPK", "terdapat 9 fasilitasi, berupa …", "meliputi", "yaitu", "dengan
//!   rincian";
//! - a breakdown in parentheses right after the whole: "sebanyak 27 orang (10 orang PNS,
//!   5 orang PPPK dan 12 orang PPNPN)".
//!
//! What follows is read as a list: pieces separated by commas, "dan", "serta" (outside
//! nested parentheses), each holding exactly one count of the same kind as the whole. A
//! percentage or an amount of money beside a part is not a part; a count of anything else,
//! a piece without a count, an approximation ("sekitar", "lebih dari"), a partial list
//! ("antara lain", "termasuk"), a comparison ("menjadi", "dibandingkan", "target") or a
//! count left after the list ends makes the sentence unclear, and nothing is read.

use super::names::Name;
use super::parts::{
    is_numbered_name, parts_in, text_before, Part, MAX_LIST_BYTES, PERIOD_WORDS, UNCLEAR_WORDS,
};
use crate::facts::sentences::Sentence;
use crate::figures::{Figure, FigureKind};
use crate::span::{floor_char_boundary, Span};
use regex::Regex;
use rust_decimal::Decimal;
use std::sync::LazyLock;

/// A whole stated with its parts.
#[derive(Debug, Clone)]
pub struct Breakdown<'d> {
    pub whole: &'d Figure,
    /// What the whole counts, when named between it and the composition word ("53 orang
    /// Aparatur Sipil Negara (ASN) yang terdiri dari").
    pub name: Option<Name>,
    pub parts: Vec<Part<'d>>,
}

/// A composition word after the whole, with what may introduce it.
static COMPOSED_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:yang\s+)?(?:terdiri\s+(?:dari|atas)|meliputi|berupa|yaitu|yakni|dengan\s+rincian|terbagi\s+(?:atas|menjadi|dalam|ke\s+dalam))\b\s*:?",
    )
    .expect("a valid pattern")
});

/// Words between a whole and its composition word that say it is not a plain whole.
const UNCLEAR_GAP_WORDS: &[&str] = &["dari", "atau"];

/// Words before a whole that make it an approximation or a bound.
const APPROXIMATE_BEFORE: &[&str] = &[
    "sekitar",
    "lebih",
    "kurang",
    "hampir",
    "minimal",
    "maksimal",
    "setidaknya",
    "sedikitnya",
    "kira-kira",
    "hingga",
    "rata-rata",
];

/// The most words a whole's name may have between it and the composition word.
const MAX_NAME_WORDS: usize = 6;

/// The most words between a whole and the parenthesis of its breakdown.
const MAX_NAME_BEFORE_PARENTHESIS: usize = 3;

/// Every whole of `sentence` stated with its parts.
pub fn breakdowns<'d>(text: &str, sentence: &Sentence<'d>) -> Vec<Breakdown<'d>> {
    let figures = sentence.figures;
    let mut out = Vec::new();
    for (i, whole) in figures.iter().enumerate() {
        if !can_be_whole(text, whole) {
            continue;
        }
        let next = figures.get(i + 1).map_or(sentence.span.end(), |f| f.span.start());
        let Some(between) = text.get(whole.span.end()..next) else { continue };
        let found = in_parentheses(text, sentence, whole, between)
            .or_else(|| after_composition_word(text, sentence, whole, between));
        out.extend(found);
    }
    out
}

/// "27 orang (10 orang PNS, 5 orang PPPK dan 12 orang PPNPN)".
fn in_parentheses<'d>(
    text: &str,
    sentence: &Sentence<'d>,
    whole: &'d Figure,
    between: &str,
) -> Option<Breakdown<'d>> {
    let open = whole.span.end() + breakdown_parenthesis(between)?;
    let close = matching_parenthesis(text, open, sentence.span.end())?;
    let parts = parts_in(text, Span::new(open + 1, close), whole, sentence.figures)?;
    let name = Name::parse(text.get(whole.span.end()..open).unwrap_or_default());
    Some(Breakdown { whole, name, parts })
}

/// "53 orang ASN yang terdiri dari 38 orang PNS dan 15 orang PPPK".
fn after_composition_word<'d>(
    text: &str,
    sentence: &Sentence<'d>,
    whole: &'d Figure,
    between: &str,
) -> Option<Breakdown<'d>> {
    let m = COMPOSED_OF.find(between)?;
    let gap = &between[..m.start()];
    if !is_plain_gap(gap) || may_be_cut(text, sentence) || is_listed_part(text, sentence, whole) {
        return None;
    }
    let region = Span::new(whole.span.end() + m.end(), sentence.span.end());
    let parts = parts_in(text, region, whole, sentence.figures)?;
    Some(Breakdown { whole, name: Name::parse(gap), parts })
}

/// Does `whole` stand in the list of parts of an earlier whole of the sentence ("14 orang
/// yang terdiri dari 9 orang Satlinmas yaitu 6 orang laki-laki dan 3 orang perempuan,
/// serta 5 orang petugas kebersihan")? Without parentheses, its own parts may run on into
/// the outer list's next parts ("serta 5 orang …"), so it is not read.
fn is_listed_part(text: &str, sentence: &Sentence, whole: &Figure) -> bool {
    let Some(before) = text.get(sentence.span.start()..whole.span.start()) else { return false };
    COMPOSED_OF.find_iter(before).any(|m| {
        let at = sentence.span.start() + m.start();
        sentence.figures.iter().any(|f| f.span.end() <= at)
    })
}

/// Words in a group's name that narrow it to a subset: "ASN yang telah mengikuti
/// pelatihan", "pegawai dengan masa kerja …", "pegawai di Sekretariat". Such a breakdown is
/// not of the group stated earlier.
const QUALIFIER_WORDS: &[&str] =
    &["yang", "dengan", "di", "pada", "dari", "untuk", "tanpa", "kecuali", "selain"];

/// Does the group's name narrow it ("ASN yang telah …")? "Pegawai Pemerintah dengan
/// Perjanjian Kerja" is a name, not a narrowing.
fn is_qualified(group: &str) -> bool {
    let lower = group.to_lowercase().replace("dengan perjanjian kerja", "");
    lower.split(|c: char| !c.is_alphanumeric() && c != '-').any(|w| QUALIFIER_WORDS.contains(&w))
}

/// A breakdown of a group named earlier: "Rincian pegawai ASN (PNS dan PPPK) berdasarkan
/// Jenis Kelamin adalah 29 orang laki-laki dan 24 orang perempuan".
#[derive(Debug, Clone)]
pub struct GroupBreakdown {
    /// The group broken down ("pegawai ASN (PNS dan PPPK)").
    pub group: Name,
    /// What it is broken down by, as printed ("berdasarkan Jenis Kelamin").
    pub by: String,
    /// Where its parts are.
    pub region: Span,
}

static BREAKDOWN_OF_A_GROUP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:rincian|komposisi|sebaran|distribusi|jumlah)\s+(?P<group>[^.;:]{1,120}?)\s+(?P<by>(?:berdasarkan|menurut)\s+[^.;:]{1,80}?)\s+(?:adalah|yaitu|yakni|sebagai\s+berikut)\s*:?",
    )
    .expect("a valid pattern")
});

/// The breakdown of a named group that `sentence` gives, if it gives one.
pub fn group_breakdown(text: &str, sentence: &Sentence) -> Option<GroupBreakdown> {
    let body = text.get(sentence.span.range())?;
    let found = BREAKDOWN_OF_A_GROUP.captures(body)?;
    let whole_match = found.get(0)?;
    let end = sentence.span.start() + whole_match.end();
    // The group and the criterion are words; a figure there makes it some other sentence.
    if sentence.figures.iter().any(|f| f.span.start() < end) || may_be_cut(text, sentence) {
        return None;
    }
    let group = found.name("group")?.as_str();
    if is_qualified(group) {
        return None;
    }
    Some(GroupBreakdown {
        group: Name::group(group)?,
        by: found.name("by")?.as_str().split_whitespace().collect::<Vec<_>>().join(" "),
        region: Span::new(end, sentence.span.end()),
    })
}

/// Does the sentence end at a period after a short capitalised word ("Kep.", "Sdr.")?
/// Such a period may belong to an abbreviation the sentence splitter does not know, and
/// the list of parts may go on in the next "sentence".
fn may_be_cut(text: &str, sentence: &Sentence) -> bool {
    let body = text.get(sentence.span.range()).unwrap_or_default().trim_end();
    let Some(before) = body.strip_suffix('.') else { return false };
    let word = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or_default();
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && word.chars().count() <= 4
        && chars.all(char::is_lowercase)
}

/// A whole is a whole count, stated as such (not "sekitar 80 orang").
fn can_be_whole(text: &str, figure: &Figure) -> bool {
    if !matches!(figure.kind, FigureKind::Count | FigureKind::Plain)
        || figure.decimals != 0
        || figure.value < Decimal::ONE
        || is_numbered_name(text, figure)
    {
        return false;
    }
    let before = text_before(text, figure);
    let last_word = before.split_whitespace().last().unwrap_or_default().to_lowercase();
    let last_word = last_word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    !APPROXIMATE_BEFORE.contains(&last_word)
        && !before.trim_end().ends_with(['±', '>', '<', '≥', '≤', '~'])
}

/// Between a whole and its composition word: at most a short name ("orang Aparatur Sipil
/// Negara (ASN) yang", ","), never a clause of its own.
fn is_plain_gap(gap: &str) -> bool {
    if gap.contains(['.', ';', ':', '%']) {
        return false;
    }
    let trimmed = gap.trim_end().trim_end_matches(',');
    if trimmed.contains(',') {
        return false;
    }
    let outside: String = {
        let mut depth = 0usize;
        trimmed
            .chars()
            .filter(|&c| {
                match c {
                    '(' => depth += 1,
                    ')' => depth = depth.saturating_sub(1),
                    _ => return depth == 0,
                }
                false
            })
            .collect()
    };
    let words: Vec<String> = outside.split_whitespace().map(str::to_lowercase).collect();
    words.len() <= MAX_NAME_WORDS
        && !words.iter().any(|w| {
            UNCLEAR_GAP_WORDS.contains(&w.as_str())
                || UNCLEAR_WORDS.contains(&w.as_str())
                || PERIOD_WORDS.contains(&w.as_str())
        })
}

/// Where the parenthesis of a breakdown opens: right after the whole, or after a short
/// name of what it counts ("38 orang PNS (20 laki-laki dan 18 perempuan)").
fn breakdown_parenthesis(between: &str) -> Option<usize> {
    let open = between.find('(')?;
    let gap = &between[..open];
    let short = gap.split_whitespace().count() <= MAX_NAME_BEFORE_PARENTHESIS;
    (short && !gap.contains(',') && is_plain_gap(gap)).then_some(open)
}

/// The byte offset of the `)` that closes the `(` at `open`, before `end`.
fn matching_parenthesis(text: &str, open: usize, end: usize) -> Option<usize> {
    // No further than the longest list read, so that many open parentheses cost little.
    let end = floor_char_boundary(text, end.min(open.saturating_add(MAX_LIST_BYTES)));
    let inside = text.get(open..end)?;
    let mut depth = 0usize;
    for (i, c) in inside.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(open + i);
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Block, BlockKind};
    use crate::figures::{scan_prose, Locale, Units};

    /// A part as a value and the label of its name.
    type Read = (i64, Option<String>);

    /// The wholes and parts of a one-sentence text, as values.
    fn read(text: &str) -> Vec<(i64, Vec<Read>)> {
        let figures = scan_prose(text, Locale::Id, &Units::builtin());
        let block = Block {
            kind: BlockKind::Paragraph,
            span: Span::new(0, text.len()),
            text: text.to_string(),
            map: Default::default(),
            figures: figures.clone(),
        };
        let sentence =
            Sentence { span: Span::new(0, text.len()), block: &block, figures: &block.figures };
        breakdowns(text, &sentence)
            .into_iter()
            .map(|b| {
                let value = |f: &Figure| i64::try_from(f.value).unwrap_or_default();
                (
                    value(b.whole),
                    b.parts
                        .iter()
                        .map(|p| (value(p.figure), p.name.as_ref().map(|n| n.label.clone())))
                        .collect(),
                )
            })
            .collect()
    }

    fn named(parts: &[(i64, &str)]) -> Vec<Read> {
        parts.iter().map(|(v, n)| (*v, Some(n.to_string()))).collect()
    }

    #[test]
    fn composition_words_introduce_parts() {
        assert_eq!(
            read("sejumlah 53 orang Aparatur Sipil Negara (ASN) yang terdiri dari 38 orang Pegawai Negeri Sipil (PNS) dan 15 orang PPPK seperti terinci pada tabel berikut:"),
            [(53, named(&[(38, "PNS"), (15, "PPPK")]))]
        );
        assert_eq!(
            read("mencapai 84 (delapan puluh empat) orang yang terdiri dari Tenaga Ahli sebanyak 38 (tiga puluh delapan) orang, 40 orang PPNPN dan 6 orang Pegawai *Outsourcing*."),
            [(84, named(&[(38, "Tenaga Ahli"), (40, "PPNPN"), (6, "Pegawai Outsourcing")]))]
        );
    }

    #[test]
    fn a_parenthesised_breakdown_follows_its_whole() {
        assert_eq!(
            read("Seksi Umum sebanyak 11 orang (4 orang PNS dan 2 orang PPNPN, dan 4 orang *Outsourcing*);"),
            [(11, named(&[(4, "PNS"), (2, "PPNPN"), (4, "Outsourcing")]))]
        );
        assert_eq!(read("Seksi Umum sebanyak 3 orang PNS;"), []);
    }

    #[test]
    fn percentages_beside_parts_are_not_parts() {
        assert_eq!(
            read("Sebanyak 40 orang, terdiri dari 30 orang PNS (75%) dan 10 orang PPPK atau 25%."),
            [(40, named(&[(30, "PNS"), (10, "PPPK")]))]
        );
    }

    #[test]
    fn unclear_lists_are_not_read() {
        // A number that is not a figure: the parts are not all read.
        assert_eq!(read("Jumlah pegawai 30 orang (10 PNS/5 PPPK dan 15 PPNPN)."), []);
        // Numbered pieces, not counts.
        assert_eq!(
            read("Ada 3 bidang, yaitu 1. Bidang Umum, 2. Bidang Teknis, 3. Bidang Data."),
            []
        );
        assert_eq!(read("Ada 3 seksi, yaitu Seksi 1, Seksi 2 dan Seksi 3."), []);
        assert_eq!(
            read("Tujuan 2 dicapai melalui dua sasaran, yaitu Sasaran 3 dan Sasaran 4."),
            []
        );
        assert_eq!(read("Misi 1 terdiri dari 2 tujuan dan 3 sasaran."), []);
        assert_eq!(
            read("Ada 3 seksi, yaitu Seksi A dengan 10 orang dan Seksi B dengan 8 orang."),
            []
        );
        // A count of another kind, a partial list, a comparison, a part without a count.
        assert_eq!(read("Ada 12 kegiatan yang terdiri dari 5 kegiatan dan 300 peserta."), []);
        assert_eq!(read("Ada 12 kegiatan, antara lain 5 kegiatan dan 3 kegiatan."), []);
        assert_eq!(read("Realisasi 120 orang, yaitu target 100 orang dan 20 orang."), []);
        assert_eq!(
            read("Ada 60 orang yang terdiri dari 38 orang PNS, 15 orang PPPK dan tenaga honorer."),
            []
        );
        assert_eq!(
            read("Ada sekitar 60 orang yang terdiri dari 38 orang PNS dan 15 orang PPPK."),
            []
        );
        // The list stops at "yang" but another count follows.
        assert_eq!(read("Ada 60 orang yang terdiri dari 38 orang PNS yang bertugas di pusat dan 22 orang PPPK."), []);
        // A period after what may be an abbreviation: the list may go on.
        assert_eq!(read("Ada 18 orang, yaitu 10 orang di Kab. Aru dan 5 orang di Kep."), []);
        // A comparison over years.
        assert_eq!(
            read("Ada 60 orang, yaitu 30 orang pada tahun lalu dan 30 orang pada tahun ini."),
            []
        );
    }

    #[test]
    fn additions_after_the_list_leave_it_unread() {
        assert_eq!(
            read("Jumlah PNS 84 orang yang terdiri dari 44 orang laki-laki dan 40 orang perempuan, ditambah 12 orang PPPK dan 9 orang tenaga kontrak."),
            []
        );
        assert_eq!(
            read("Jumlah PNS 84 orang yang terdiri dari 44 orang laki-laki dan 40 orang perempuan, belum termasuk 12 orang PPPK."),
            []
        );
        // Nothing counted after the addition: the list before it is the whole's.
        assert_eq!(
            read("Ada 84 orang, yaitu 44 orang laki-laki dan 40 orang perempuan, belum termasuk tenaga kontrak."),
            [(84, named(&[(44, "laki-laki"), (40, "perempuan")]))]
        );
    }

    #[test]
    fn numbers_in_names_are_not_counts() {
        assert_eq!(
            read("Program dilaksanakan di 5 sekolah, yaitu SDN 1 Lembah Sari, SDN 4 Lembah Sari, SDN 12 Sungai Rampah, SMPN 1 Lembah Sari dan SMPN 2 Air Putih."),
            []
        );
        assert_eq!(read("Posyandu ada di 3 lokasi, yaitu RT 03, RT 05 dan RT 12."), []);
    }

    #[test]
    fn unparenthesised_nested_breakdowns_are_not_read() {
        assert_eq!(
            read("Bertugas 14 orang yang terdiri dari 9 orang anggota Satlinmas yaitu 6 orang laki-laki dan 3 orang perempuan, serta 5 orang petugas kebersihan."),
            []
        );
    }

    #[test]
    fn qualified_groups_are_subsets() {
        assert!(is_qualified("ASN yang telah mengikuti pelatihan teknis"));
        assert!(is_qualified("pegawai di Sekretariat"));
        assert!(!is_qualified("pegawai ASN (PNS dan PPPK) BP3MI"));
        assert!(!is_qualified("Pegawai Pemerintah dengan Perjanjian Kerja"));
    }

    #[test]
    fn nested_breakdowns_are_read_on_their_own() {
        assert_eq!(
            read("Ada 60 orang yang terdiri dari 40 orang PNS (25 laki-laki dan 15 perempuan) dan 20 orang PPPK."),
            [
                (60, named(&[(40, "PNS"), (20, "PPPK")])),
                (40, named(&[(25, "laki-laki"), (15, "perempuan")])),
            ]
        );
    }
}
