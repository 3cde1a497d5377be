//! # S304 `wrong-year`
//!
//! A year that disagrees with the rest of the report: this report named with another year
//! ("perlu menyusun Laporan Kinerja Tahun 2023" in the report for 2024), or a plan's
//! period written differently once ("Renstra 2000 – 2024" where it is 2020 – 2024
//! everywhere else).
//!
//! ## What it checks
//!
//! - The report's year is read from its title page ("LAPORAN … TAHUN 2024", "LAPORAN
//!   KINERJA 2024"; a regulation's "Nomor 29 Tahun 2014" is not it). A sentence
//!   that speaks of writing this report ("menyusun Laporan Kinerja (LKj) Tahun 2023",
//!   "penyusunan LAKIP BP3MI Tahun 2023": the report's name, its abbreviation in
//!   parentheses and the unit's name, then the year) must give that year. A report cited as a source
//!   ("dalam Laporan Kinerja Tahun 2023") is last year's and is left alone, and so is one
//!   the clause marks as another year's ("Rekomendasi Inspektorat atas penyusunan …",
//!   "akan menjadi bahan penyusunan Laporan Kinerja Tahun 2025").
//! - A plan's period (Renstra / Rencana Strategis, RPJMD, RPJMN) named several times must
//!   be the same everywhere. A period that ends in the same year as the one most places
//!   give but starts in another is a slip: it is reported with a related label at every
//!   other mention. A period that differs at both ends may be the previous plan and is
//!   left alone. Plans of two owners ("Renstra Kementerian … 2020–2024" beside "Renstra
//!   BPVP … 2022–2024", or a hospital's "Rencana Strategis Bisnis") are two plans; a plan
//!   named without an owner is compared with all. "sisa periode Renstra 2025–2026" gives
//!   the years left, not the period.
//!
//! ## Example
//!
//! ```text
//! … telah menetapkan Rencana Strategis Tahun 2000 – 2024 …
//! … Renstra Tahun 2020 - 2024 …   … Renstra BP2MI 2020-2024 …
//! ```
//!
//! The Renstra runs from 2020 in every other place.

use super::support::finding;
use super::Context;
use crate::diagnostics::{Finding, Label};

use crate::messages::Message;
use crate::msg;
use crate::span::Span;
use regex::Regex;
use std::collections::{BTreeSet, HashMap};
use std::sync::LazyLock;

const CODE: &str = "S304";

/// "menyusun Laporan Kinerja (LKj) Tahun 2023": writing this report, with a year. Between
/// the name and "Tahun" only capitalised words may stand (the unit's name), so that a
/// regulation cited after it ("mengacu pada Peraturan … Tahun 2006") is not read.
static THIS_REPORT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(menyusun|penyusunan|disusunnya|disusun)\s+(laporan kinerja|laporan akuntabilitas kinerja(\s+instansi pemerintah)?|lakip|lkjip|lkj)\b(\s*\([^)]{1,12}\))?(?-i:(\s+[A-Z][\w/.-]*){0,6})\s+tahun\s+(?P<year>(19|20)\d\d)\b")
        .expect("a valid pattern")
});

/// "Rencana Strategis (Renstra) BP3MI Jawa Barat 2020-2024", "Renstra Tahun 2020 - 2024".
static PLAN_PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?P<plan>renstra|rencana strategis|rpjmd|rpjmn|rencana pembangunan jangka menengah( daerah| nasional)?)\b(?P<gap>[^.;:]{0,40}?)\b(?P<from>(19|20)\d\d)\s*(-|–|—|s\.?\s?d\.?|sampai( dengan)?( tahun)?)\s*(?P<to>(19|20)\d\d)\b")
        .expect("a valid pattern")
});

static STANDALONE_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(^|\s)\d+([\s,.]|$)").expect("a valid pattern"));

pub fn check(ctx: &Context, findings: &mut Vec<Finding>) {
    check_report_year(ctx, findings);
    check_plan_periods(ctx, findings);
}

fn check_report_year(ctx: &Context, findings: &mut Vec<Finding>) {
    let Some(year) = ctx.index.report_year else { return };
    for &sentence in &ctx.sentences {
        let text = sentence.text(ctx.doc);
        for caps in THIS_REPORT.captures_iter(text) {
            let Some(m) = caps.name("year") else { continue };
            if m.as_str() == year.to_string() || names_another_report(text, caps.get(0)) {
                continue;
            }
            let span =
                Span::new(sentence.span.start() + m.start(), sentence.span.start() + m.end());
            let year = year.to_string();
            findings.push(
                finding(
                    CODE,
                    msg!("s304.message-report-year", year, written = m.as_str()),
                    Label::new(span, msg!("s304.label-report-year", year)),
                )
                .with_values(year.clone(), m.as_str())
                .with_note(msg!("s304.note-report-year", year)),
            );
        }
    }
}

/// Words in the same clause before "penyusunan Laporan Kinerja Tahun X" that make it
/// another year's report: last year's, reviewed ("Rekomendasi Inspektorat atas
/// penyusunan …"), or next year's ("akan menjadi bahan penyusunan …").
static ANOTHER_REPORT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(rekomendasi|reviu|evaluasi|hasil|catatan|menindaklanjuti|tindak lanjut|akan|bahan|dasar|acuan|mendatang|berikutnya|sebelumnya|lalu|dahulu|berbeda|dibandingkan|seperti|pada|sejak|petunjuk|pedoman|format|juknis|panduan)\b")
        .expect("a valid pattern")
});

/// Words after the phrase that make it a report still to be written.
static NEXT_REPORT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(akan|mendatang|berikutnya|nanti)\b").expect("a valid pattern")
});

fn names_another_report(text: &str, phrase: Option<regex::Match>) -> bool {
    let Some(phrase) = phrase else { return false };
    let before = &text[..phrase.start()];
    let clause = before.rfind([',', ';', ':', '(']).map_or(before, |i| &before[i + 1..]);
    // "Penyusunan Laporan Kinerja Tahun 2025 akan …": the clause after may say it too.
    let after = &text[phrase.end()..];
    let clause_after = after.find([',', ';', ':', '.']).map_or(after, |i| &after[..i]);
    ANOTHER_REPORT.is_match(clause) || NEXT_REPORT.is_match(clause_after)
}

/// "sisa (periode)" just before a plan: the years left of it.
static YEARS_LEFT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(sisa|target|capaian|realisasi|terakhir|perbandingan)\b(\s+[\w-]+){0,2}\s*$")
        .expect("a valid pattern")
});
/// "… 2022–2024 yang disusun Loka POM": the owner named after the years.
static OWNER_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*,?\s*(yang\s+)?(disusun|ditetapkan|dimiliki|milik)\s+(oleh\s+)?(?P<owner>(\p{Lu}[\p{L}.]*\s*){1,4})")
        .expect("a valid pattern")
});

/// How many times each period (first year, last year) is named.
type PeriodCounts<'a> = HashMap<(&'a str, &'a str), usize>;

/// One mention of a plan's period.
struct Period {
    /// Whose plan it is, as the words between the plan and its years say ("BP2MI",
    /// "Dinas Kesehatan"); empty when they say nothing.
    owner: BTreeSet<String>,
    from: String,
    to: String,
    /// The two years as printed.
    span: Span,
}

/// The words of a plan's name that say whose it is: "(Renstra) BP3MI Jawa Barat Tahun"
/// gives {bp3mi, jawa, barat}.
fn owner_words(gap: &str) -> BTreeSet<String> {
    const NOT_OWNERS: &[&str] =
        &["tahun", "periode", "renstra", "rpjmd", "rpjmn", "dan", "yang", "ke", "di", "dari"];
    gap.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| !w.is_empty() && !NOT_OWNERS.contains(&w.as_str()))
        .collect()
}

/// Are two mentions of a plan about the same plan? Either names no owner, or one's
/// owner words are all among the other's ("RSUD" and "RSUD Sehat Sentosa").
fn compatible(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    a.is_subset(b) || b.is_subset(a)
}

fn check_plan_periods(ctx: &Context, findings: &mut Vec<Finding>) {
    let mut by_plan: HashMap<&'static str, Vec<Period>> = HashMap::new();
    for &sentence in &ctx.sentences {
        let text = sentence.text(ctx.doc);
        for caps in PLAN_PERIOD.captures_iter(text) {
            let (Some(plan), Some(from), Some(to)) =
                (caps.name("plan"), caps.name("from"), caps.name("to"))
            else {
                continue;
            };
            // "Renstra … Nomor 5 Tahun 2020 – 2024": a number between the plan and its
            // years may make them another thing's.
            if caps.name("gap").is_some_and(|g| STANDALONE_NUMBER.is_match(g.as_str())) {
                continue;
            }
            // "sisa periode Renstra 2025–2026": the years left of the plan, not its period.
            if YEARS_LEFT.is_match(&text[..plan.start()]) {
                continue;
            }
            let mut owner =
                caps.name("gap").map_or_else(BTreeSet::new, |g| owner_words(g.as_str()));
            if owner.is_empty() {
                if let Some(after) = OWNER_AFTER.captures(&text[to.end()..]) {
                    owner =
                        after.name("owner").map_or_else(BTreeSet::new, |o| owner_words(o.as_str()));
                }
            }
            let plan = match plan.as_str().to_lowercase().as_str() {
                "renstra" | "rencana strategis" => "Renstra",
                "rpjmn" | "rencana pembangunan jangka menengah nasional" => "RPJMN",
                _ => "RPJMD",
            };
            let span =
                Span::new(sentence.span.start() + from.start(), sentence.span.start() + to.end());
            by_plan.entry(plan).or_default().push(Period {
                owner,
                from: from.as_str().to_string(),
                to: to.as_str().to_string(),
                span,
            });
        }
    }
    let mut plans: Vec<(&str, Vec<Period>)> = by_plan.into_iter().collect();
    plans.sort_by_key(|(plan, _)| *plan);
    for (plan, periods) in plans {
        // Mentions by owner: a plan named with no owner may be any of them; the plans of
        // two owners ("Renstra Kementerian …", "Renstra BPVP …") are two plans.
        let mut by_owner: Vec<(&BTreeSet<String>, PeriodCounts)> = Vec::new();
        for p in &periods {
            let at = match by_owner.iter().position(|(o, _)| *o == &p.owner) {
                Some(at) => at,
                None => {
                    by_owner.push((&p.owner, HashMap::new()));
                    by_owner.len() - 1
                }
            };
            *by_owner[at].1.entry((p.from.as_str(), p.to.as_str())).or_default() += 1;
        }
        for odd in &periods {
            let mut counts: HashMap<(&str, &str), usize> = HashMap::new();
            for (owner, owner_counts) in &by_owner {
                if compatible(owner, &odd.owner) {
                    for (k, n) in owner_counts {
                        *counts.entry(*k).or_default() += n;
                    }
                }
            }
            let Some((&(from, to), &most)) =
                counts.iter().max_by_key(|(k, n)| (**n, std::cmp::Reverse(**k)))
            else {
                continue;
            };
            if odd.to != to || odd.from == from {
                continue;
            }
            let odd_count = counts.get(&(odd.from.as_str(), odd.to.as_str())).copied().unwrap_or(0);
            if most < 2 || odd_count >= most {
                continue;
            }
            let usual = format!("{from} – {to}");
            let mut f = finding(
                CODE,
                msg!(
                    "s304.message-plan-period",
                    plan,
                    from = odd.from,
                    to = odd.to,
                    usual,
                    count = most
                ),
                Label::new(odd.span, msg!("s304.label-elsewhere", usual)),
            );
            for p in periods
                .iter()
                .filter(|p| p.from == from && p.to == to && compatible(&p.owner, &odd.owner))
            {
                f = f.with_related(Label::new(p.span, Message::plain(usual.clone())));
            }
            findings.push(
                f.with_values(from, odd.from.clone()).with_note(msg!("s304.note-plan-period", to)),
            );
        }
    }
}
