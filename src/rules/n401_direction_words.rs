//! # N401 `direction-word`
//!
//! A direction word that its own figures contradict: "lebih tinggi", "lebih rendah",
//! "melampaui", "melebihi", "belum mencapai", "tidak mencapai", "di atas", "di bawah" in a
//! sentence that names the two figures it compares, when the first is not on the side of
//! the second that the words say.
//!
//! ## What it checks
//!
//! A sentence is read clause by clause (split at "; ", ", sedangkan", ", namun",
//! ", tetapi", ", adapun", ", sementara"); a clause with exactly one direction phrase is
//! read, one with none or several is left alone. The phrase compares two figures:
//!
//! - the **reference** is the first figure after the phrase, introduced by
//!   "dibandingkan (dengan)", "dari", "daripada", "terhadap", "target" or "rata-rata"
//!   ("lebih rendah bila dibandingkan dengan target 40 orang", "lebih rendah dari nilai
//!   target 85"); after "di atas", "di bawah", "melampaui" and "melebihi" it may follow
//!   the phrase directly ("di atas 75%");
//! - the **subject** is the one figure before the phrase, in the same clause, of the same
//!   kind as the reference: both percentages, both amounts of rupiah, or both plain
//!   numbers or counts of one unit (the unit the lexer reads, else the word after the
//!   number: "28 Pekerja Migran Indonesia"). "28 orang atau mencapai 70% lebih rendah
//!   bila dibandingkan dengan target 40 orang" compares 28 with 40, never 70% with 40.
//!   Years, and numbers that name things ("IKU 2", "Tabel 3"), are not figures. Only
//!   linking words ("atau mencapai", "masih jauh", "berada"), other figures and the
//!   subject's unit may stand between the subject and the phrase.
//!
//! "lebih tinggi", "lebih besar", "lebih banyak", "melampaui", "melebihi" and "di atas"
//! claim that the subject is greater than the reference; "lebih rendah", "lebih kecil",
//! "belum mencapai", "tidak mencapai" and "di bawah" that it is smaller. Each printed
//! figure stands for the values that print that way (an integer, such as a target set by
//! decree, is exact), and the sentence is reported only when no such values make the
//! words true: 89,62 is lower than 90 whatever was rounded to print 89,62.
//!
//! ## Limits
//!
//! When periksa cannot tell what the words compare, it stays silent:
//!
//! - a clause with two figures of the reference's kind before the phrase, or none, or no
//!   figure after it (year-over-year sentences that name no figures: "lebih tinggi
//!   dibandingkan tahun 2023");
//! - a figure between the phrase and the reference's cue ("lebih tinggi 15 orang
//!   dibandingkan tahun lalu", "lebih tinggi sebesar 4%"): that figure is a difference;
//!   a figure after a year with no "yang" or "yaitu" before it ("lebih tinggi dari tahun
//!   2023 sebesar 4%" may give the difference or the level of 2023);
//! - hedges and negations before the phrase ("hampir", "sedikit", "nyaris", "relatif",
//!   "tidak lebih tinggi", "belum melampaui"), and clauses about what should or may happen
//!   ("agar", "akan", "diharapkan", "jika" other than "jika dibandingkan");
//! - "di atas" and "di bawah" that do not compare ("tabel di atas", "di bawah ini"); they
//!   compare only before "target", "rata-rata", "standar", "batas" or a figure;
//! - a word between the subject and the phrase that may bring in another measure ("75
//!   siswa memperoleh nilai di bawah 60": the students are not below 60), or units that
//!   differ ("1.250 jiwa di bawah 5 tahun");
//! - "tercapai 100%", "mencapai 95%": reaching is not a direction;
//! - "melampaui target", "belum mencapai target" and the like about an indicator where
//!   lower may be better (cases, deaths, poverty, unemployment, stunting, waiting times:
//!   words of `LOWER_IS_BETTER` in the sentence or its heading), or beside an achievement
//!   percentage that agrees with the words: such a unit may say "melampaui target" of a
//!   realisation below its target.
//!
//! ## Example
//!
//! ```text
//! Realisasi tahun 2025 nilai SAKIP mencapai 71,40 atau 95,20%, lebih tinggi
//! dibandingkan dengan target nilai 75 yang ditetapkan.
//! ```
//!
//! 71,40 is lower than 75: the words should be "lebih rendah". (95,20% is a percentage
//! and 75 is not: they are not compared.)

use super::support::finding;
use super::Context;
use crate::diagnostics::{Finding, Label};
use crate::document::Document;
use crate::facts::sentences::Sentence;
use crate::figures::{Figure, FigureKind};
use crate::msg;
use crate::span::{floor_char_boundary, Span};
use regex::Regex;
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::sync::LazyLock;

const CODE: &str = "N401";

/// Which way a phrase says the subject lies from the reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    Greater,
    Smaller,
}

/// A direction phrase found in a clause.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Phrase {
    direction: Direction,
    /// "melampaui", "belum mencapai", "di atas", "di bawah": words about meeting a
    /// target, which a unit may use of a lower-is-better indicator the other way round.
    about_target: bool,
    /// The phrase's position in the clause text, in bytes.
    start: usize,
    end: usize,
    /// "di atas", "di bawah", "melampaui", "melebihi": may be followed by the reference
    /// itself ("di atas 75%").
    takes_figure: bool,
}

/// The direction phrases. "di atas" and "di bawah" are checked for what follows them.
static PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:(?P<greater>lebih\s+(?:tinggi|besar|banyak))|(?P<smaller>lebih\s+(?:rendah|kecil))|(?P<exceeds>melampaui|melebihi)|(?P<short>(?:belum|tidak)\s+mencapai)|(?P<above>di\s+atas)|(?P<below>di\s+bawah))\b",
    )
    .expect("a valid pattern")
});

/// What "di atas" / "di bawah" must be followed by to compare: "target", "rata-rata",
/// "standar", "batas" (after "nilai", "angka" or "capaian"), or a figure.
static COMPARES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:(?:nilai|angka|capaian)\s+)?(?:target|rata-?rata|standar|batas|ambang|\(?\s*-?\d)")
        .expect("a valid pattern")
});

/// Where a sentence splits into clauses that may compare different things.
static CLAUSE_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i);\s|,\s+(?:sedangkan|namun|tetapi|adapun|sementara)\b")
        .expect("a valid pattern")
});

/// The clauses of a sentence, as byte ranges of its text.
fn clauses(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for m in CLAUSE_BREAK.find_iter(text) {
        out.push((start, m.start()));
        start = m.start() + 1;
    }
    out.push((start, text.len()));
    out
}

/// The direction phrases of a clause.
fn phrases(clause: &str) -> Vec<Phrase> {
    let mut out = Vec::new();
    for caps in PHRASE.captures_iter(clause) {
        let Some(m) = caps.get(0) else { continue };
        let (direction, about_target, takes_figure) = if caps.name("greater").is_some() {
            (Direction::Greater, false, false)
        } else if caps.name("smaller").is_some() {
            (Direction::Smaller, false, false)
        } else if caps.name("exceeds").is_some() {
            (Direction::Greater, true, true)
        } else if caps.name("short").is_some() {
            (Direction::Smaller, true, false)
        } else {
            // "tabel di atas", "di bawah ini", "di bawah koordinasi": a place, not a
            // comparison.
            if !COMPARES.is_match(&clause[m.end()..]) {
                continue;
            }
            let direction =
                if caps.name("above").is_some() { Direction::Greater } else { Direction::Smaller };
            (direction, true, true)
        };
        out.push(Phrase { direction, about_target, start: m.start(), end: m.end(), takes_figure });
    }
    out
}

/// The words of a text, lower-cased, without the punctuation around them.
fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-').to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Words right before a phrase that take its claim back or soften it.
const HEDGES: &[&str] = &[
    "tidak",
    "belum",
    "bukan",
    "tak",
    "tanpa",
    "hampir",
    "sedikit",
    "nyaris",
    "mendekati",
    "relatif",
    "sekitar",
    "cenderung",
    "agak",
    "kira-kira",
    "kurang",
    "sedikitnya",
];

/// Words anywhere in a clause that make it about what should or may be.
const MODAL: &[&str] = &[
    "akan",
    "agar",
    "supaya",
    "diharapkan",
    "harus",
    "perlu",
    "diupayakan",
    "direncanakan",
    "diproyeksikan",
    "diperkirakan",
    "seandainya",
    "semoga",
    "mungkin",
    "berpotensi",
];

/// Words that start a comparison's reference.
const CUES: &[&str] = &[
    "dibandingkan",
    "dibanding",
    "dari",
    "daripada",
    "terhadap",
    "target",
    "rata-rata",
    "ratarata",
    "standar",
    "batas",
    "ambang",
];

/// Words that may stand between a phrase and its cue ("jauh lebih rendah bila
/// dibandingkan").
const FILLERS: &[&str] =
    &["bila", "jika", "apabila", "kalau", "jauh", "masih", "cukup", "sangat", "lagi", "pula"];

/// Words after which the figure that follows is not the reference any more.
const STOPS: &[&str] = &[
    "dan",
    "serta",
    "atau",
    "karena",
    "sehingga",
    "akibat",
    "disebabkan",
    "meskipun",
    "walaupun",
    "namun",
    "tetapi",
    "untuk",
    "selisih",
    "hingga",
    "dengan selisih",
];

/// Words of time: a figure after them may be a level or a difference ("dari tahun 2023
/// sebesar 4%").
const TIMES: &[&str] =
    &["tahun", "periode", "sebelumnya", "lalu", "semester", "triwulan", "bulan", "tw"];

/// Words before a number that make it a name, not a quantity ("IKU 2", "sasaran 1").
const NAMING: &[&str] =
    &["iku", "indikator", "sasaran", "ke", "ke-", "misi", "tujuan", "program", "kegiatan", "poin"];

/// Words in a sentence or its heading that name an indicator where lower may be better:
/// "melampaui target" of such an indicator may mean a realisation below the target.
const LOWER_IS_BETTER: &[&str] = &[
    "kasus",
    "kematian",
    "kesakitan",
    "miskin",
    "kemiskinan",
    "pengangguran",
    "stunting",
    "gizi buruk",
    "wasting",
    "prevalensi",
    "kecelakaan",
    "pelanggaran",
    "kejahatan",
    "kriminalitas",
    "kekerasan",
    "inflasi",
    "putus sekolah",
    "tunggakan",
    "temuan",
    "keluhan",
    "pengaduan",
    "aduan",
    "sengketa",
    "genangan",
    "banjir",
    "kebakaran",
    "kerugian",
    "defisit",
    "waktu",
    "lama",
    "hari",
    "penurunan",
    "turun",
    "gini",
];

/// Is the clause before the phrase hedged, negated, or about what may be?
fn is_hedged(before: &str, clause: &str) -> bool {
    let before_words = words(before);
    let last = &before_words[before_words.len().saturating_sub(3)..];
    if last.iter().any(|w| HEDGES.contains(&w.as_str())) {
        return true;
    }
    let all = words(clause);
    all.iter().enumerate().any(|(i, w)| {
        MODAL.contains(&w.as_str())
            // "jika dibandingkan" compares; "jika realisasi …" supposes.
            || (matches!(w.as_str(), "jika" | "apabila" | "bila" | "kalau")
                && !all.get(i + 1).is_some_and(|n| n.starts_with("dibanding")))
    })
}

/// Does the text between a phrase and its reference introduce that reference? It must hold
/// a cue ("dibandingkan", "dari", "target", …) with only fillers before it (or be empty
/// after a phrase that takes a figure), no word that starts something else, and, after
/// a word of time, a "yang" or "yaitu" that makes the figure that time's level.
fn introduces_reference(window: &str, takes_figure: bool) -> bool {
    let ws = words(window);
    if ws.len() > 10 {
        return false;
    }
    if ws.iter().any(|w| STOPS.contains(&w.as_str())) {
        return false;
    }
    let cue = ws.iter().position(|w| CUES.contains(&w.as_str()));
    match cue {
        Some(i) => {
            if !ws[..i].iter().all(|w| FILLERS.contains(&w.as_str())) {
                return false;
            }
        }
        None => {
            let named = ws.iter().all(|w| matches!(w.as_str(), "nilai" | "angka" | "capaian"));
            if !(takes_figure && named) {
                return false;
            }
        }
    }
    let is_year = |w: &str| {
        w.len() == 4 && (w.starts_with("19") || w.starts_with("20")) && w.parse::<u16>().is_ok()
    };
    if let Some(t) = ws.iter().rposition(|w| TIMES.contains(&w.as_str()) || is_year(w)) {
        let after = &ws[t + 1..];
        let introduced = after.iter().any(|w| matches!(w.as_str(), "yang" | "yaitu" | "yakni"))
            || window.trim_end().ends_with(['(', ':']);
        if !introduced {
            return false;
        }
    }
    true
}

/// Words that may follow a figure without being its unit ("89,62 atau …", "90 yang …").
const NOT_UNITS: &[&str] = &[
    "atau",
    "yang",
    "dan",
    "dari",
    "dengan",
    "pada",
    "di",
    "ke",
    "sebesar",
    "sebanyak",
    "serta",
    "lebih",
    "masih",
    "ini",
    "tersebut",
    "itu",
    "sehingga",
    "karena",
    "untuk",
    "dalam",
    "telah",
    "sudah",
    "berada",
    "belum",
    "tidak",
    "jauh",
    "bila",
    "jika",
    "apabila",
    "namun",
    "tetapi",
    "sedangkan",
    "per",
    "juga",
    "adalah",
    "yaitu",
    "melampaui",
    "melebihi",
    "mencapai",
    "dibandingkan",
    "dibanding",
    "sama",
    "terhadap",
    "hingga",
    "sampai",
    "kurang",
    "hampir",
    "sedikit",
    "nyaris",
    "relatif",
    "tetap",
    "hanya",
    "baru",
    "merupakan",
    "menjadi",
    "berhasil",
    "ditetapkan",
    "ditargetkan",
    "pun",
];

/// Words that may stand between the subject and the phrase: "89,62 atau mencapai 99,58%
/// masih jauh lebih tinggi". Any other word ("75 siswa memperoleh nilai di bawah 60")
/// may bring in another measure than the subject's, unless it names the subject's unit
/// again after the reference ("28 Pekerja Migran Indonesia … target 40 Pekerja Migran
/// Indonesia").
const BETWEEN: &[&str] = &[
    "atau",
    "mencapai",
    "sebesar",
    "sebanyak",
    "masih",
    "jauh",
    "berada",
    "telah",
    "sudah",
    "bila",
    "jika",
    "apabila",
    "dibandingkan",
    "dibanding",
    "yang",
    "juga",
    "tetap",
    "ini",
    "tersebut",
    "itu",
    "pun",
    "capaian",
    "realisasi",
    "hanya",
    "baru",
    "cukup",
    "sangat",
    "terlihat",
    "tampak",
    "artinya",
    "berarti",
    "sehingga",
    "kini",
    "dengan",
    "adalah",
    "menjadi",
];

/// The unit of a figure: the one the lexer read, else the word after it when that word is
/// no function word ("28 Pekerja Migran Indonesia", "5 tahun").
fn unit_of(text: &str, figure: &Figure) -> Option<String> {
    if let Some(unit) = &figure.unit {
        return Some(unit.to_string());
    }
    let next = text[figure.span.end()..].split_whitespace().next()?;
    if !next.chars().next().is_some_and(char::is_alphabetic) {
        return None;
    }
    let word = next.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    (!word.is_empty() && !NOT_UNITS.contains(&word.as_str())).then_some(word)
}

/// Can two figures be compared: both percentages, both money, or plain numbers and counts
/// of one unit (a figure with no unit goes with any)?
fn same_kind(text: &str, a: &Figure, b: &Figure) -> bool {
    use FigureKind::*;
    match (a.kind, b.kind) {
        (Percent, Percent) | (Money, Money) => true,
        (Count | Plain, Count | Plain) => match (unit_of(text, a), unit_of(text, b)) {
            (Some(x), Some(y)) => x == y,
            _ => true,
        },
        _ => false,
    }
}

/// Do only linking words (and other figures) stand between the subject and the phrase,
/// or words that name the subject's unit again after the reference?
fn only_links_between(
    text: &str,
    between: (usize, usize),
    others: &[&Figure],
    reference: &Figure,
) -> bool {
    let mut rest = String::new();
    let mut at = between.0;
    for f in others.iter().filter(|f| f.span.start() >= between.0 && f.span.end() <= between.1) {
        rest.push_str(&text[at..f.span.start()]);
        rest.push(' ');
        at = f.span.end();
    }
    rest.push_str(&text[at..between.1]);
    let end = floor_char_boundary(text, (reference.span.end() + 80).min(text.len()));
    let after: Vec<String> = words(&text[reference.span.end()..end]).into_iter().take(4).collect();
    words(&rest).iter().all(|w| BETWEEN.contains(&w.as_str()) || after.contains(w))
}

/// Is the figure a quantity, not a number that names something ("IKU 2")?
fn is_quantity(doc: &Document, figure: &Figure) -> bool {
    let before = &doc.source.text[..figure.span.start()];
    let word = before.split_whitespace().next_back().unwrap_or_default().to_lowercase();
    let word = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    !NAMING.contains(&word) && !before.ends_with("ke-")
}

/// The headings over each block, by the block's start: for the words of a lower-is-better
/// indicator that a sentence does not repeat.
fn headings(doc: &Document) -> HashMap<usize, String> {
    let mut out = HashMap::new();
    let mut current = String::new();
    for block in &doc.blocks {
        if block.is_heading() {
            current = block.text.to_lowercase();
        } else {
            out.insert(block.span.start(), current.clone());
        }
    }
    out
}

pub fn check(ctx: &Context, findings: &mut Vec<Finding>) {
    let headings = headings(ctx.doc);
    for &sentence in &ctx.sentences {
        let text = sentence.text(ctx.doc);
        for (start, end) in clauses(text) {
            if let Some(f) = check_clause(ctx, &sentence, (start, end), &headings) {
                findings.push(f);
            }
        }
    }
}

fn check_clause(
    ctx: &Context,
    sentence: &Sentence,
    (start, end): (usize, usize),
    headings: &HashMap<usize, String>,
) -> Option<Finding> {
    let text = sentence.text(ctx.doc);
    let clause = &text[start..end];
    let found = phrases(clause);
    let [phrase] = found.as_slice() else { return None };
    if is_hedged(&clause[..phrase.start], clause) {
        return None;
    }
    // File offsets of the clause and the phrase.
    let base = sentence.span.start() + start;
    let phrase_span = Span::new(base + phrase.start, base + phrase.end);
    let in_clause = |f: &&Figure| f.span.start() >= base && f.span.end() <= base + clause.len();
    let figures: Vec<&Figure> =
        sentence.figures.iter().filter(in_clause).filter(|f| is_quantity(ctx.doc, f)).collect();
    let reference = *figures.iter().find(|f| f.span.start() >= phrase_span.end())?;
    let source = ctx.doc.source.text.as_str();
    let window = &source[phrase_span.end()..reference.span.start()];
    if !introduces_reference(window, phrase.takes_figure) {
        return None;
    }
    let subjects: Vec<&Figure> = figures
        .iter()
        .copied()
        .filter(|f| f.span.end() <= phrase_span.start() && same_kind(source, f, reference))
        .collect();
    let [subject] = subjects[..] else { return None };
    if !only_links_between(source, (subject.span.end(), phrase_span.start()), &figures, reference) {
        return None;
    }
    if phrase.about_target
        && lower_may_be_better(ctx, sentence, headings, phrase, [subject, reference])
    {
        return None;
    }
    let s = ctx.input(subject, subject.number_span).interval;
    let r = ctx.input(reference, reference.number_span).interval;
    // Certain to contradict: every value the subject stands for is on the other side.
    let contradicted = match phrase.direction {
        Direction::Greater => s.hi <= r.lo,
        Direction::Smaller => s.lo >= r.hi,
    };
    if !contradicted {
        return None;
    }
    Some(report(ctx, phrase, phrase_span, subject, reference, window))
}

/// May the words be about meeting a target the other way round: an indicator where lower
/// is better, or an achievement percentage beside the figures that agrees with the words?
fn lower_may_be_better(
    ctx: &Context,
    sentence: &Sentence,
    headings: &HashMap<usize, String>,
    phrase: &Phrase,
    compared: [&Figure; 2],
) -> bool {
    let lowered = sentence.text(ctx.doc).to_lowercase();
    let heading = headings.get(&sentence.block.span.start()).map(String::as_str).unwrap_or("");
    let named = |text: &str| LOWER_IS_BETTER.iter().any(|w| contains_word(text, w));
    if named(&lowered) || named(heading) {
        return true;
    }
    let hundred = Decimal::ONE_HUNDRED;
    sentence.figures.iter().filter(|f| f.kind == FigureKind::Percent && !compared.contains(f)).any(
        |f| match phrase.direction {
            Direction::Greater => f.value > hundred,
            Direction::Smaller => f.value < hundred,
        },
    )
}

/// Does `text` hold `word` as whole words?
fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The words that would be right, given how the subject compares with the reference.
fn expected_words(phrase: &str, subject: Decimal, reference: Decimal) -> &'static str {
    let phrase = phrase.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    let equal = subject == reference;
    match phrase.as_str() {
        "lebih tinggi" | "lebih rendah" | "lebih besar" | "lebih kecil" | "lebih banyak"
            if equal =>
        {
            "sama dengan"
        }
        "lebih tinggi" => "lebih rendah",
        "lebih rendah" => "lebih tinggi",
        "lebih besar" => "lebih kecil",
        "lebih kecil" => "lebih besar",
        "lebih banyak" => "lebih sedikit",
        "melampaui" | "melebihi" if equal => "mencapai",
        "melampaui" | "melebihi" => "belum mencapai",
        "belum mencapai" | "tidak mencapai" if equal => "mencapai",
        "belum mencapai" | "tidak mencapai" => "melampaui",
        "di atas" | "di bawah" if equal => "sama dengan",
        "di atas" => "di bawah",
        _ => "di atas",
    }
}

/// A figure as the message shows it: its digits, with `%` or `Rp` when it has them.
fn shown(ctx: &Context, figure: &Figure) -> String {
    let digits = ctx.digits(figure);
    match figure.kind {
        FigureKind::Percent => format!("{digits}%"),
        FigureKind::Money => format!("Rp {digits}"),
        _ => digits,
    }
}

fn report(
    ctx: &Context,
    phrase: &Phrase,
    phrase_span: Span,
    subject: &Figure,
    reference: &Figure,
    window: &str,
) -> Finding {
    let printed = &ctx.doc.source.text[phrase_span.range()];
    let found = printed.split_whitespace().collect::<Vec<_>>().join(" ");
    let expected = expected_words(&found, subject.value, reference.value);
    let s = shown(ctx, subject);
    let r = shown(ctx, reference);
    let relation = match subject.value.cmp(&reference.value) {
        std::cmp::Ordering::Less => "<",
        std::cmp::Ordering::Equal => "=",
        std::cmp::Ordering::Greater => ">",
    };
    let message = match phrase.direction {
        Direction::Greater => msg!("n401.message-above", found, s, r, relation),
        Direction::Smaller => msg!("n401.message-below", found, s, r, relation),
    };
    let cue = window.split_whitespace().collect::<Vec<_>>().join(" ");
    let note = if cue.is_empty() {
        msg!("n401.note-right-after", s, found, r)
    } else {
        msg!("n401.note-after-cue", s, found, r, cue)
    };
    finding(CODE, message, Label::new(phrase_span, msg!("n401.label", s, relation, r, expected)))
        .with_related(Label::new(subject.span, msg!("n401.label-subject")))
        .with_related(Label::new(reference.span, msg!("n401.label-reference")))
        .with_values(expected, found.clone())
        .with_note(note)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrase_texts(clause: &str) -> Vec<&str> {
        phrases(clause).iter().map(|p| &clause[p.start..p.end]).collect()
    }

    #[test]
    fn direction_phrases_are_found_and_places_are_not() {
        assert_eq!(
            phrase_texts("mencapai 89,62 masih jauh lebih tinggi bila dibandingkan target 90"),
            ["lebih tinggi"]
        );
        assert_eq!(phrase_texts("seperti pada tabel di atas"), Vec::<&str>::new());
        assert_eq!(phrase_texts("disajikan di bawah ini"), Vec::<&str>::new());
        assert_eq!(phrase_texts("capaian 75% di atas rata-rata nasional"), ["di atas"]);
        assert_eq!(phrase_texts("realisasi 12 di bawah 15"), ["di bawah"]);
        assert_eq!(phrase_texts("belum mencapai target"), ["belum mencapai"]);
        assert_eq!(phrase_texts("telah tercapai 100%"), Vec::<&str>::new());
        assert_eq!(phrase_texts("mencapai lebih dari 100%"), Vec::<&str>::new());
    }

    #[test]
    fn clauses_split_at_semicolons_and_contrasts() {
        let text = "A 5 lebih tinggi dari 4; B 3, sedangkan C 2, namun D";
        let parts: Vec<&str> = clauses(text).iter().map(|&(s, e)| text[s..e].trim()).collect();
        assert_eq!(parts, ["A 5 lebih tinggi dari 4", "B 3", "sedangkan C 2", "namun D"]);
    }

    #[test]
    fn hedges_negations_and_suppositions_silence_a_clause() {
        assert!(is_hedged("capaian 99% hampir ", "capaian 99% hampir melampaui target 100%"));
        assert!(is_hedged("nilai 80 tidak ", "nilai 80 tidak lebih tinggi dari 85"));
        assert!(is_hedged("agar 90 ", "agar 90 melampaui target 95"));
        assert!(is_hedged("jika realisasi 90 ", "jika realisasi 90 di bawah target 95"));
        assert!(!is_hedged(
            "realisasi 28 ",
            "realisasi 28 lebih rendah jika dibandingkan dengan target 40"
        ));
    }

    #[test]
    fn the_reference_needs_a_cue_and_no_difference_before_it() {
        assert!(introduces_reference(" bila dibandingkan dengan target ", false));
        assert!(introduces_reference(" dari nilai target ", false));
        assert!(introduces_reference(" ", true));
        assert!(!introduces_reference(" ", false));
        // "lebih tinggi sebesar 4% dari …": the figure is a difference.
        assert!(!introduces_reference(" sebesar ", false));
        // "dari tahun 2023 sebesar 4%": the level of 2023, or the difference.
        assert!(!introduces_reference(" dari tahun 2023 sebesar ", false));
        assert!(introduces_reference(" dibandingkan tahun 2023 yang sebesar ", false));
        assert!(!introduces_reference(" dari target karena ", false));
    }

    #[test]
    fn the_expected_words_turn_the_claim_round() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(expected_words("lebih tinggi", d("89.62"), d("90")), "lebih rendah");
        assert_eq!(expected_words("Lebih  Rendah", d("5"), d("5")), "sama dengan");
        assert_eq!(expected_words("melampaui", d("80"), d("90")), "belum mencapai");
        assert_eq!(expected_words("belum mencapai", d("95"), d("90")), "melampaui");
        assert_eq!(expected_words("di bawah", d("95"), d("90")), "di atas");
    }

    /// The figures of a text as the lexer reads them.
    fn figures(text: &str) -> Vec<Figure> {
        let units = crate::knowledge::Knowledge::builtin().units;
        crate::figures::scan_prose(text, crate::figures::Locale::Id, &units)
    }

    #[test]
    fn figures_of_one_kind_and_unit_are_compared() {
        let text = "sebanyak 28 Pekerja Migran atau 70% dari target 40 Pekerja Migran; 93 orang dan 106; 1.250 jiwa di bawah 5 tahun";
        let f = figures(text);
        assert_eq!(f.len(), 7, "{f:?}");
        assert!(same_kind(text, &f[0], &f[2]), "28 Pekerja with 40 Pekerja");
        assert!(!same_kind(text, &f[1], &f[2]), "70% with 40");
        assert!(same_kind(text, &f[3], &f[4]), "93 orang with 106");
        assert!(!same_kind(text, &f[5], &f[6]), "jiwa with tahun");
    }

    #[test]
    fn only_linking_words_stand_between_subject_and_phrase() {
        let check = |text: &str, phrase: &str| {
            let f = figures(text);
            let refs: Vec<&Figure> = f.iter().collect();
            let at = text.find(phrase).unwrap();
            only_links_between(text, (f[0].span.end(), at), &refs, f.last().unwrap())
        };
        assert!(check("nilai 89,62 atau mencapai 99,58% masih jauh lebih tinggi dari 90", "lebih"));
        assert!(check(
            "sebanyak 28 Pekerja Migran atau 70% lebih rendah dari target 40 Pekerja Migran",
            "lebih"
        ));
        assert!(!check("sebanyak 75 siswa memperoleh nilai di bawah 60", "di bawah"));
    }

    #[test]
    fn words_are_matched_whole() {
        assert!(contains_word("jumlah kasus baru", "kasus"));
        assert!(!contains_word("kasusnya", "kasus"));
        assert!(!contains_word("lamaran", "lama"));
    }
}
