//! # C207 `impossible-proportion`
//!
//! A share or a mean of whole things that no whole number of them gives: "35,8% dari 28
//! pegawai", "rata-rata 12,35 peserta per kelas dari 8 kelas" (the GRIM test).
//!
//! ## What it checks
//!
//! **Shares.** A percentage followed by "dari" and a whole count ("dari 28 pegawai", "dari
//! 1.103 kasus", "dari total 40 orang"): some whole k from 0 to the count must give a
//! percentage that prints as the one shown. 10 of 28 is 35,71…%, which prints as 35,71 or
//! 35,7, never 35,8. A percentage of a target ("dari target 80%") or of another percentage,
//! and one above 100, is not a share of a count and is left alone. Nor is a mean or a rate:
//! a percentage with "rata-rata", "rerata", "tingkat", "kehadiran", "presensi" or
//! "capaian" before it in its clause ("tingkat kehadiran 96,83% dari 96 ASN", a rate over
//! days), or "dari" things that have achievements (IKU, indikator, program, kegiatan,
//! sasaran, target: "99,50% dari 4 IKU" is their mean achievement).
//!
//! **Means.** A mean of a count of things per group, and the number of groups, in one
//! sentence: "rata-rata 12,35 peserta per kelas dari 8 kelas", "rata-rata peserta per
//! kelas sebanyak 12,35 orang untuk 8 kelas". The mean times the number of groups is the
//! whole number of things, so some whole k must give a mean k / n that prints as the one
//! shown. The mean must be of a unit that counts whole things (orang, peserta, kasus,
//! dokumen, …; not rupiah, percentages, scores, days or hours), carry decimals, and name
//! its group after "per" ("per kelas"); the number of groups must be a whole number of
//! that same group after "dari", "untuk", "pada", "di" or "dalam", and the only one in
//! the sentence. A sentence that plans or bounds ("direncanakan", "target", "maksimal",
//! "sekitar", "namun" …) or holds two means per the same group is left alone, and so is
//! one that names a duration or a repetition ("hari", "pertemuan", "minggu", "bulan",
//! "kali", "sesi"): "selama 20 hari, rata-rata 27,40 orang per kelas dari 12 kelas" is a
//! mean over days and classes, its total over 240, not 12.
//!
//! **Per group times groups.** "di 14 titik … peserta sebanyak 20 orang per lokasi dan
//! total peserta 280 orang": 20 × 14 must be 280. The three figures must be whole, the
//! "per" group the counted one (titik, lokasi and tempat are one), the total introduced by
//! "total" or "jumlah" in the unit of the figure per group, and the sentence free of
//! hedges ("target", "rata-rata", "maksimal", "sekitar", "namun" …), which make the
//! figure per group a plan or a bound rather than what happened.
//!
//! ## Rounding
//!
//! The printed percentage or mean stands for the interval of its rounding; the check asks
//! whether any whole k lands in it, so a correctly rounded figure never fires.
//!
//! ## Example
//!
//! ```text
//! Sebanyak 35,8% dari 28 pegawai telah mengikuti pelatihan.
//! Kelas dasar diikuti rata-rata 12,35 peserta per kelas dari 8 kelas.
//! ```
//!
//! 10 of 28 is 35,71% and 11 of 28 is 39,29%: no whole number of 28 gives 35,8%.
//! 12,35 × 8 = 98,8, and 98,76 to 98,84 (the values 12,35 stands for, times 8) holds
//! no whole number: 99 participants give 12,38, 98 give 12,25.

use super::support::finding;
use super::Context;
use crate::arith::computation::show_value;
use crate::diagnostics::{Finding, Label};
use crate::facts::sentences::Sentence;
use crate::figures::{Figure, FigureKind};
use crate::messages::Message;
use crate::msg;
use regex::Regex;
use rust_decimal::Decimal;
use std::sync::LazyLock;

const CODE: &str = "C207";

/// Between a percentage and its whole: "dari", "dari total", "dari jumlah".
static OF_A_WHOLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*dari\s+(total\s+|jumlah\s+|seluruh\s+|sebanyak\s+)?$")
        .expect("a valid pattern")
});

pub fn check(ctx: &Context, findings: &mut Vec<Finding>) {
    check_shares(ctx, findings);
    for &sentence in &ctx.sentences {
        check_means(ctx, &sentence, findings);
        check_per_group_total(ctx, &sentence, findings);
    }
}

// ---------------------------------------------------------------------------------------
// Shares

fn check_shares(ctx: &Context, findings: &mut Vec<Finding>) {
    let text = ctx.doc.source.text.as_str();
    for block in &ctx.doc.blocks {
        for pair in block.figures.windows(2) {
            let (share, whole) = (&pair[0], &pair[1]);
            if share.kind != FigureKind::Percent
                || whole.kind == FigureKind::Percent
                || whole.kind == FigureKind::Money
                || whole.decimals != 0
                || whole.value < Decimal::ONE
                || share.value.is_sign_negative()
                || share.value > Decimal::ONE_HUNDRED
            {
                continue;
            }
            let Some(between) = text.get(share.span.end()..whole.span.start()) else { continue };
            if !OF_A_WHOLE.is_match(between) {
                continue;
            }
            if not_a_share_of_people(text, block.span.start(), share, whole) {
                continue;
            }
            let printed = ctx.printed(share);
            let n = whole.value;
            // The whole k with k / n × 100 in the printed interval: from ⌈lo·n/100⌉ to
            // ⌊hi·n/100⌋.
            let bound =
                |v: Decimal| v.checked_mul(n).and_then(|x| x.checked_div(Decimal::ONE_HUNDRED));
            let (Some(lo), Some(hi)) = (bound(printed.lo), bound(printed.hi)) else { continue };
            let first = lo.ceil().max(Decimal::ZERO);
            if first <= hi.floor() {
                continue;
            }
            // The nearest whole share, to say what could have been meant.
            let Some(nearest_k) = bound(share.value).map(|k| k.round()) else { continue };
            let Some(nearest) =
                nearest_k.checked_mul(Decimal::ONE_HUNDRED).and_then(|x| x.checked_div(n))
            else {
                continue;
            };
            let found = ctx.digits(share);
            let expected = ctx.show(nearest, share.decimals);
            let whole_digits = ctx.digits(whole);
            let k = ctx.show(nearest_k, 0);
            let share_of_k = show_value(nearest, ctx.doc.locale);
            findings.push(
                finding(
                    CODE,
                    msg!("c207.share-message", found, whole = whole_digits, k, nearest = expected),
                    Label::new(share.span, msg!("c207.label-no-whole-k", found)),
                )
                .with_related(Label::new(whole.span, msg!("c207.label-the-whole")))
                .with_values(expected, found)
                .with_note(msg!(
                    "c207.share-note",
                    whole = whole_digits,
                    k,
                    share = share_of_k
                )),
            );
        }
    }
}

/// Words before a percentage, in its clause, that make it a mean or a rate rather than a
/// share of people: "rata-rata capaian kinerja sebesar 99,50% dari 4 IKU", "tingkat
/// kehadiran 96,83% dari 96 ASN" (a rate over days, not a count of the 96).
static RATE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(rata-rata|rerata|tingkat|kehadiran|presensi|capaian)\b")
        .expect("a valid pattern")
});

/// Where a clause ends: a sentence mark or a semicolon or colon before a space, or a line
/// break.
static CLAUSE_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[.!?;:](\s|$)|\n").expect("a valid pattern"));

/// Wholes that are things with achievements: a percentage "dari 4 IKU" is their mean
/// achievement, not a share of them.
const ACHIEVERS: &[&str] =
    &["iku", "ikk", "indikator", "program", "kegiatan", "subkegiatan", "sasaran", "target"];

/// A percentage "dari" a whole that is a mean or a rate, not a share of whole things: a
/// rate or a mean named before it in its clause, or a whole of things with achievements.
fn not_a_share_of_people(text: &str, block_start: usize, share: &Figure, whole: &Figure) -> bool {
    if word_after(text, whole).is_some_and(|w| ACHIEVERS.contains(&w.to_lowercase().as_str())) {
        return true;
    }
    let before = words_before(text, block_start, share.span.start());
    let clause = CLAUSE_END.find_iter(before).last().map_or(before, |m| &before[m.end()..]);
    RATE_BEFORE.is_match(clause)
}

// ---------------------------------------------------------------------------------------
// Means of whole counts

/// Counting units whose things do not come in fractions over a group: not time (a mean
/// stay of 3,5 days is a real duration) and not "target".
const NOT_WHOLE: &[&str] = &["hari", "bulan", "minggu", "jam", "target", "tahun", "menit"];

/// "rata-rata 12,35": the mean right after "rata-rata" (a verb between allowed).
static MEAN_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(rata-rata|rerata)\s+((sebanyak|sebesar|adalah|mencapai|yaitu|berjumlah)\s+)?$",
    )
    .expect("a valid pattern")
});

/// "rata-rata peserta per kelas sebanyak 12,35": the group named before the mean.
static MEAN_OF_GROUP_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(rata-rata|rerata)\s+(\p{L}+\s+){1,3}per\s+(?P<group>\p{L}+)\s+((sebanyak|sebesar|adalah|mencapai|yaitu|berjumlah)\s+)?$",
    )
    .expect("a valid pattern")
});

/// "12,35 peserta per kelas": the group named after the mean.
static PER_GROUP_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[ \t]*(per|tiap|setiap)[ \t]+(?P<group>\p{L}+)\b").expect("a valid pattern")
});

/// Before the number of groups: "dari 8 kelas", "untuk seluruh 8 kelas".
static GROUPS_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(dari|untuk|pada|di|dalam|atas|terhadap)\s+((total|seluruh|jumlah|sebanyak)\s+)?$",
    )
    .expect("a valid pattern")
});

/// Words that make the number of groups a plan or a bound, not the groups averaged over.
static MEAN_UNSURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(target|rencana|direncanakan|maksimal|minimal|sekitar|kurang|lebih|hingga|sampai|kuota|kapasitas|namun|tetapi|sedangkan|kecuali|selain|termasuk|hanya)\b")
        .expect("a valid pattern")
});

/// Words of a duration or a repetition: a mean over them is over more than the groups.
static OVER_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(hari|pertemuan|minggu|bulan|kali|sesi)\b").expect("a valid pattern")
});

/// A mean of whole things per group and the number of groups, in one sentence.
struct Mean<'d> {
    mean: &'d Figure,
    groups: &'d Figure,
    group: String,
}

fn check_means(ctx: &Context, sentence: &Sentence, findings: &mut Vec<Finding>) {
    let text = ctx.doc.source.text.as_str();
    // "rata-rata 12,35 peserta per kelas dari 8 kelas yang direncanakan": the mean may be
    // over the classes held, not the 8 planned.
    if text.get(sentence.span.range()).is_none_or(|said| MEAN_UNSURE.is_match(said)) {
        return;
    }
    // "Selama 20 hari pertemuan, rata-rata kehadiran per kelas 27,40 orang dari 12 kelas":
    // a mean over days and groups, whose total is over days × groups.
    if text.get(sentence.span.range()).is_none_or(|said| OVER_TIME.is_match(said)) {
        return;
    }
    for found in means_in(ctx, sentence) {
        check_mean(ctx, found, findings);
    }
}

fn check_mean(ctx: &Context, found: Mean, findings: &mut Vec<Finding>) {
    let Mean { mean, groups, group } = found;
    let n = groups.value;
    let Some(totals) = ctx.printed(mean).scale(n) else { return };
    if totals.lo.ceil() <= totals.hi.floor() {
        return;
    }
    let Some(product) = mean.value.checked_mul(n) else { return };
    let Some((k, nearest)) = nearest_whole_mean(mean.value, product, n) else { return };
    let digits = ctx.digits(mean);
    let unit = mean.unit.as_deref().unwrap_or_default().to_string();
    let n_digits = ctx.digits(groups);
    let expected = ctx.show(nearest, mean.decimals);
    let other = if k < product { k.checked_add(Decimal::ONE) } else { k.checked_sub(Decimal::ONE) };
    let Some(other) = other else { return };
    let locale = ctx.doc.locale;
    let note = msg!(
        "c207.mean-note",
        mean = digits,
        groups = n_digits,
        product = show_value(product, locale),
        unit,
        lo = show_value(totals.lo, locale),
        hi = show_value(totals.hi, locale),
        k = ctx.show(k, 0),
        k_mean = show_value(nearest, locale),
        other = ctx.show(other, 0),
        other_mean = other.checked_div(n).map_or_else(String::new, |m| show_value(m, locale)),
    );
    findings.push(
        finding(
            CODE,
            msg!(
                "c207.mean-message",
                mean = digits,
                unit,
                group,
                groups = n_digits,
                k = ctx.show(k, 0),
                nearest = expected
            ),
            Label::new(mean.number_span, msg!("c207.label-no-whole-total", mean = digits)),
        )
        .with_related(Label::new(groups.number_span, Message::plain(format!("{n_digits} {group}"))))
        .with_values(expected.clone(), digits.clone())
        .with_note(note),
    );
}

/// The whole total nearest to `product` (= mean × n) and the mean it gives.
fn nearest_whole_mean(mean: Decimal, product: Decimal, n: Decimal) -> Option<(Decimal, Decimal)> {
    let below = product.floor();
    let above = product.ceil();
    let of = |k: Decimal| k.checked_div(n);
    let (low, high) = (of(below)?, of(above)?);
    if (mean - low).abs() <= (high - mean).abs() {
        Some((below, low))
    } else {
        Some((above, high))
    }
}

/// The means of a sentence, each with its group and the number of groups, when all are
/// clear: two means per the same group, or two numbers of that group, leave it alone.
fn means_in<'d>(ctx: &Context, sentence: &Sentence<'d>) -> Vec<Mean<'d>> {
    let text = ctx.doc.source.text.as_str();
    let candidates: Vec<(&Figure, String)> =
        sentence.figures.iter().filter_map(|mean| mean_and_group(text, sentence, mean)).collect();
    // A sentence of many means is a table written as prose: pairing them is unsure (and
    // pairing each with every figure would take time to the square of its length).
    if candidates.len() > MAX_MEANS {
        return Vec::new();
    }
    candidates
        .iter()
        .filter(|(_, group)| candidates.iter().filter(|(_, g)| g == group).count() == 1)
        .filter_map(|(mean, group)| {
            let mut groups = sentence.figures.iter().filter(|f| {
                !std::ptr::eq(*f, *mean)
                    && matches!(f.kind, FigureKind::Count | FigureKind::Plain)
                    && f.decimals == 0
                    && f.value >= Decimal::ONE
                    && f.words.as_ref().is_none_or(|w| w.value == Some(f.value))
                    && word_after(text, f).as_deref() == Some(group.as_str())
                    && GROUPS_BEFORE.is_match(words_before(
                        text,
                        sentence.span.start(),
                        f.span.start(),
                    ))
            });
            let groups_figure = groups.next()?;
            if groups.next().is_some() {
                return None;
            }
            Some(Mean { mean, groups: groups_figure, group: group.clone() })
        })
        .collect()
}

/// A figure that is a mean of whole things per group ("rata-rata 12,35 peserta per
/// kelas", "rata-rata peserta per kelas sebanyak 12,35 orang"), and its group.
fn mean_and_group<'d>(
    text: &str,
    sentence: &Sentence,
    mean: &'d Figure,
) -> Option<(&'d Figure, String)> {
    let unit = mean.unit.as_deref()?;
    if mean.kind != FigureKind::Count
        || NOT_WHOLE.contains(&unit)
        || mean.decimals == 0
        || mean.value <= Decimal::ZERO
        || mean.value > Decimal::from(LARGEST_MEAN)
    {
        return None;
    }
    let before = words_before(text, sentence.span.start(), mean.span.start());
    let after = text.get(mean.span.end()..sentence.span.end())?;
    let group = if MEAN_BEFORE.is_match(before) {
        PER_GROUP_AFTER.captures(after).map(|c| c["group"].to_lowercase())
    } else {
        MEAN_OF_GROUP_BEFORE.captures(before).map(|c| c["group"].to_lowercase())
    }?;
    (group != unit).then_some((mean, group))
}

/// The largest mean of things per group the check reads: beyond it a figure is no such
/// mean (and its interval would near the limits of exact arithmetic).
const LARGEST_MEAN: u64 = 1_000_000_000;

/// How many means a sentence may hold for the check to pair them with their groups.
const MAX_MEANS: usize = 4;

/// The text of a sentence (from `start`) just before `end`: the last words only, enough for
/// the patterns anchored at its end, so that reading it costs the same in a long sentence.
fn words_before(text: &str, start: usize, end: usize) -> &str {
    const REACH: usize = 160;
    let mut from = end.saturating_sub(REACH).max(start);
    while from < end && !text.is_char_boundary(from) {
        from += 1;
    }
    text.get(from..end).unwrap_or_default()
}

/// The word right after a figure (its unit, or the word after its number words),
/// lower-cased.
fn word_after(text: &str, figure: &Figure) -> Option<String> {
    if let Some(unit) = &figure.unit {
        return Some(unit.to_string());
    }
    let end = figure.words.as_ref().map_or(figure.number_span.end(), |w| w.span.end());
    let rest = text.get(end..)?.trim_start_matches(')').trim_start_matches([' ', '\t']);
    let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    (!word.is_empty()).then(|| word.to_lowercase())
}

// ---------------------------------------------------------------------------------------
// A figure per group times the groups against a stated total

/// Words that make a figure per group a plan, a bound or an average, or the total
/// something else than the product.
static HEDGES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(target|rencana|direncanakan|rata-rata|rerata|maksimal|minimal|maks|paling|sekitar|kurang|lebih|hingga|sampai|kuota|kapasitas|namun|tetapi|sedangkan|kecuali|selain|termasuk|ditambah|beserta|hanya|berhalangan|batal)\b|[±~]",
    )
    .expect("a valid pattern")
});

/// Before a stated total: "total peserta 280", "jumlah peserta sebanyak 280", "total 280".
static TOTAL_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(total|jumlah)(\s+\p{L}+)?(\s+(sebanyak|sebesar|mencapai|adalah))?\s+$")
        .expect("a valid pattern")
});

/// Groups that are one kind of place: "14 titik" and "per lokasi".
const PLACES: &[&str] = &["titik", "lokasi", "tempat"];

fn same_group(a: &str, b: &str) -> bool {
    a == b || (PLACES.contains(&a) && PLACES.contains(&b))
}

fn check_per_group_total(ctx: &Context, sentence: &Sentence, findings: &mut Vec<Finding>) {
    let text = ctx.doc.source.text.as_str();
    let Some(said) = text.get(sentence.span.range()) else { return };
    if HEDGES.is_match(said) {
        return;
    }
    let whole = |f: &&Figure| {
        matches!(f.kind, FigureKind::Count | FigureKind::Plain)
            && f.decimals == 0
            && f.value >= Decimal::ONE
            && f.words.as_ref().is_none_or(|w| w.value == Some(f.value))
    };
    // The figure per group: "20 orang per lokasi".
    let per: Vec<(&Figure, String)> = sentence
        .figures
        .iter()
        .filter(whole)
        .filter(|f| f.kind == FigureKind::Count)
        .filter_map(|f| {
            let after = text.get(f.span.end()..sentence.span.end())?;
            let caps = PER_GROUP_AFTER.captures(after)?;
            Some((f, caps["group"].to_lowercase()))
        })
        .collect();
    let [(per, group)] = &per[..] else { return };
    let Some(unit) = per.unit.as_deref() else { return };
    let groups: Vec<&Figure> = sentence
        .figures
        .iter()
        .filter(whole)
        .filter(|f| !std::ptr::eq(*f, *per))
        .filter(|f| f.unit.as_deref().is_some_and(|u| same_group(u, group)))
        .collect();
    let totals: Vec<&Figure> = sentence
        .figures
        .iter()
        .filter(whole)
        .filter(|f| !std::ptr::eq(*f, *per) && f.unit.as_deref() == Some(unit))
        .filter(|f| {
            TOTAL_BEFORE.is_match(words_before(text, sentence.span.start(), f.span.start()))
        })
        .collect();
    let ([groups], [total]) = (&groups[..], &totals[..]) else { return };
    let Some(product) = per.value.checked_mul(groups.value) else { return };
    if product == total.value {
        return;
    }
    let (p, g, t) = (ctx.digits(per), ctx.digits(groups), ctx.digits(total));
    let expected = ctx.show(product, 0);
    let groups_unit = groups.unit.as_deref().unwrap_or(group);
    findings.push(
        finding(
            CODE,
            msg!(
                "c207.per-group-message",
                total = t,
                unit,
                per = p,
                group,
                groups = g,
                groups_unit,
                expected
            ),
            Label::new(total.number_span, msg!("c207.label-expected", expected)),
        )
        .with_related(Label::new(
            per.number_span,
            msg!("c207.label-per-group", per = p, unit, group),
        ))
        .with_related(Label::new(groups.number_span, Message::plain(format!("{g} {groups_unit}"))))
        .with_values(expected.clone(), t)
        .with_note(Message::plain(format!("{p} × {g} = {expected}"))),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arith::{Interval, Rounding};

    /// Is some whole total k with k / n printing as `mean` (`decimals` decimals)?
    fn possible(mean: Decimal, decimals: u32, n: u32) -> bool {
        let totals =
            Interval::printed(mean, decimals, Rounding::Round).scale(Decimal::from(n)).unwrap();
        totals.lo.ceil() <= totals.hi.floor()
    }

    #[test]
    fn every_whole_mean_is_possible() {
        for n in 1u32..=40 {
            for k in 0u32..=n * 30 {
                for decimals in 1..=2 {
                    for strategy in [
                        rust_decimal::RoundingStrategy::MidpointAwayFromZero,
                        rust_decimal::RoundingStrategy::MidpointNearestEven,
                    ] {
                        let mean = (Decimal::from(k) / Decimal::from(n))
                            .round_dp_with_strategy(decimals, strategy);
                        assert!(possible(mean, decimals, n), "{k} / {n} printed {mean}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_mean_no_whole_total_gives() {
        assert!(!possible(Decimal::new(1235, 2), 2, 8));
        assert!(possible(Decimal::new(1238, 2), 2, 8));
        let (k, mean) =
            nearest_whole_mean(Decimal::new(1235, 2), Decimal::new(988, 1), Decimal::from(8))
                .unwrap();
        assert_eq!((k, mean), (Decimal::from(99), Decimal::new(12375, 3)));
    }
}
