//! # A105 `wrong-verdict`
//!
//! A verdict ("Tercapai", "Belum Tercapai", "melampaui target", a band of a grading scale)
//! that its own percentage contradicts.
//!
//! ## What it checks
//!
//! - A verdict column ("Keterangan", "Kategori", "Status") whose cell is a verdict word:
//!   the row's achievement percentage, recomputed from its target and realisation when
//!   the row gives them (see A101, by the formula the printed percentage follows, so a
//!   lower-is-better row is judged its own way), otherwise as printed, must satisfy what
//!   the words claim. "Tercapai" claims at least 100; "Belum Tercapai" less than 100; "melampaui
//!   target" more than 100.
//! - A sentence with one verdict phrase and one achievement percentage (a percentage
//!   after "capaian", or followed by "dari target"), where the verdict follows the
//!   figure as its consequence ("… capaian sebesar 101,18%, sehingga indikator ini belum
//!   tercapai"): the percentage must satisfy the phrase. periksa stays silent when it
//!   cannot tell what the words are about: several figures or verdicts in the sentence,
//!   no "sehingga" / "maka" / "berarti" between them, or a hedge or negation between
//!   them ("hampir", "agar … dapat", "belum sepenuhnya", "tidak ada yang …", "meskipun",
//!   another year or quarter). "74,40% dari target
//!   72%" is a rate against its target, not an achievement, and is left alone too.
//!
//! The words and what they claim are in `rules/verdicts.yaml`; a unit that grades
//! achievement in bands adds its bands there.
//!
//! ## Rounding
//!
//! When the verdict holds for the printed percentage but not for the value computed from
//! the row (99,996 printed as 100,00 and called "Tercapai"), the finding is a warning that
//! says the verdict holds only because of rounding. When it holds neither for the computed
//! value nor for the printed one, but could for a value hidden by the rounding of the
//! printed figures ("melampaui target" beside 100,00), it is a warning that the verdict
//! cannot be confirmed. When no value the printed figures stand for satisfies the verdict,
//! it is an error.
//!
//! ## Example
//!
//! ```text
//! Indikator   Target  Realisasi  Capaian (%)  Keterangan
//! Nilai SAKIP 75      71,40      95,20        Tercapai
//! ```
//!
//! 71,40 / 75 × 100 = 95,2, less than 100: the indicator is not achieved.

use super::a101_percent::{percent_slots, recompute};
use super::support::{finding, finding_with};
use super::Context;
use crate::arith::computation::show_value;
use crate::arith::Interval;
use crate::diagnostics::{Finding, Label, Severity};

use crate::facts::RowRole;
use crate::figures::Figure;
use crate::figures::FigureKind;
use crate::knowledge::{Measure, Verdict};
use crate::messages::Message;
use crate::msg;
use crate::span::Span;
use regex::Regex;
use rust_decimal::Decimal;
use std::sync::LazyLock;

use super::worksheet::{self, row_label, CheckRecord};

const CODE: &str = "A105";

pub fn check(ctx: &Context, findings: &mut Vec<Finding>) {
    check_tables(ctx, findings);
    check_sentences(ctx, findings);
}

/// Does some value of `interval` satisfy the verdict? (Its claims are convex.)
fn allows_some(verdict: &Verdict, interval: &Interval) -> bool {
    verdict.min.is_none_or(|m| interval.hi >= m)
        && verdict.over.is_none_or(|m| interval.hi > m)
        && verdict.below.is_none_or(|m| interval.lo < m)
        && verdict.max.is_none_or(|m| interval.lo <= m)
}

/// How a verdict fares against a percentage.
enum Judgement {
    Holds,
    /// The printed percentage satisfies it, the value computed from the row does not:
    /// only the rounding of the percentage makes it hold.
    OnlyByRounding,
    /// Neither satisfies it, but a value hidden by the rounding of the printed inputs
    /// could: it cannot be confirmed from what is printed.
    Unconfirmed,
    Contradicted,
}

/// `exact` is what the row's figures give (interval and point); `printed` the percentage
/// as printed, if there is one.
fn judge(verdict: &Verdict, exact: (Interval, Decimal), printed: Option<Decimal>) -> Judgement {
    let (interval, point) = exact;
    if verdict.allows(point) {
        Judgement::Holds
    } else if printed.is_some_and(|p| verdict.allows(p)) {
        Judgement::OnlyByRounding
    } else if allows_some(verdict, &interval) {
        Judgement::Unconfirmed
    } else {
        Judgement::Contradicted
    }
}

fn check_tables(ctx: &Context, findings: &mut Vec<Finding>) {
    for facts in &ctx.tables {
        let verdict_columns: Vec<usize> = (0..facts.columns.len())
            .filter(|&c| facts.columns[c].measure == Some(Measure::Verdict))
            .collect();
        if verdict_columns.is_empty() {
            continue;
        }
        let slots: Vec<_> = percent_slots(ctx, facts)
            .into_iter()
            .filter(|s| !facts.columns[s.percent].budget)
            .collect();
        let percents: Vec<usize> = (0..facts.columns.len())
            .filter(|&c| {
                facts.columns[c].is_value()
                    && facts.columns[c].measure == Some(Measure::Percent)
                    && !facts.columns[c].budget
            })
            .collect();
        let [percent] = percents[..] else { continue };
        for row in facts.checked_rows() {
            if facts.rows[row].role != RowRole::Data {
                continue;
            }
            for &column in &verdict_columns {
                let cell = facts.cell(row, column);
                let Some(verdict) = ctx.knowledge.verdicts.for_cell(&cell.text) else { continue };
                let printed = facts.figure(row, percent);
                let recomputed = match slots[..] {
                    [ref slot] if slot.percent == percent => recompute(ctx, facts, slot, row),
                    _ => None,
                };
                let (exact, how) = match (&recomputed, printed) {
                    // The formula the printed percentage follows (a lower-is-better
                    // indicator's, say), or the expected one when it follows none.
                    (Some(r), _) => {
                        let chosen = match printed {
                            Some(p) => r.matching(&ctx.printed(p)),
                            None => r.expected(),
                        };
                        let c = &chosen.computation;
                        ((chosen.interval, c.value), Message::plain(c.render(ctx.doc.locale)))
                    }
                    (None, Some(p)) => {
                        let printed = ctx.digits(p);
                        ((ctx.printed(p), p.value), msg!("a105.note-row-prints", printed))
                    }
                    (None, None) => continue,
                };
                let percent_span = facts.cell(row, percent).span;
                let judgement = judge(verdict, exact, printed.map(|p| p.value));
                let shown = printed
                    .map(|p| ctx.digits(p))
                    .unwrap_or_else(|| show_value(exact.1, ctx.doc.locale));
                ctx.record(|| {
                    let mut record = record(verdict, &judgement, (&cell.text, cell.span), &shown);
                    record.place = facts.place(column);
                    record.row = row_label(facts, row);
                    record.recomputed = Some(exact.0);
                    record.decimals = printed.map_or(2, |p| p.decimals);
                    record
                });
                if let Some(f) = verdict_finding(
                    ctx,
                    judgement,
                    verdict,
                    (&cell.text, cell.span),
                    (&shown, percent_span, exact.1),
                    &facts.place(column),
                    how,
                ) {
                    findings.push(f);
                }
            }
        }
    }
}

/// The worksheet's record of verdict words (`words`, at their span) against the
/// percentage `shown`: in a sentence until the caller says which table cell it is.
fn record(
    verdict: &Verdict,
    judgement: &Judgement,
    (words, span): (&str, Span),
    shown: &str,
) -> CheckRecord {
    let claims = verdict.symbols();
    CheckRecord {
        code: CODE,
        place: msg!("a105.place-sentence"),
        row: None,
        span,
        inputs: vec![shown.to_string()],
        formula: msg!("worksheet.formula-verdict", percent = shown, claims),
        recomputed: None,
        printed: words.to_string(),
        decimals: 2,
        verdict: match judgement {
            Judgement::Holds => worksheet::Verdict::Holds,
            Judgement::OnlyByRounding | Judgement::Unconfirmed => {
                worksheet::Verdict::HoldsByRounding
            }
            Judgement::Contradicted => worksheet::Verdict::Fails,
        },
        reported: false,
    }
}

fn verdict_finding(
    ctx: &Context,
    judgement: Judgement,
    verdict: &Verdict,
    (words, words_span): (&str, Span),
    (shown, percent_span, exact): (&str, Span, Decimal),
    place: &Message,
    how: Message,
) -> Option<Finding> {
    let claim = verdict.describe();
    let f = match judgement {
        Judgement::Holds => return None,
        Judgement::Contradicted => finding(
            CODE,
            msg!("a105.message", place, words, claim, shown),
            Label::new(words_span, msg!("a105.label-claims", claim)),
        ),
        Judgement::OnlyByRounding => finding_with(
            CODE,
            Severity::Warning,
            msg!(
                "a105.message-rounding",
                place,
                words,
                exact = show_value(exact, ctx.doc.locale),
                shown
            ),
            Label::new(words_span, msg!("a105.label-claims", claim)),
        ),
        Judgement::Unconfirmed => finding_with(
            CODE,
            Severity::Warning,
            msg!("a105.message-unconfirmed", place, words, claim, shown),
            Label::new(words_span, msg!("a105.label-claims", claim)),
        ),
    };
    Some(
        f.with_related(Label::new(percent_span, msg!("a105.label-achievement")))
            .with_values(verdict.symbols(), shown.to_string())
            .with_note(how),
    )
}

/// "capaian (kinerja) (sebesar)" right before a percentage.
static ACHIEVEMENT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bcapaian(\s+kinerja(nya)?)?(\s+(sebesar|adalah|mencapai|yaitu|yakni))?\s*$")
        .expect("a valid pattern")
});
/// "dari target" right after a percentage.
static ACHIEVEMENT_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*(dari|terhadap)\s+target\b").expect("a valid pattern"));

fn check_sentences(ctx: &Context, findings: &mut Vec<Finding>) {
    let text = ctx.doc.source.text.as_str();
    for &sentence in &ctx.sentences {
        let figures: Vec<&Figure> = sentence.figures.iter().collect();
        let sentence = sentence.span;
        let achievements: Vec<_> = figures
            .iter()
            .enumerate()
            .filter(|(_, f)| f.kind == FigureKind::Percent)
            .filter(|&(i, f)| {
                // "74,40% dari target 72%" compares a rate with its target: only a
                // percentage of a target that is not itself a percentage is an
                // achievement.
                let of_a_count_target = ACHIEVEMENT_AFTER
                    .is_match(&text[f.span.end()..sentence.end()])
                    && figures.get(i + 1).is_some_and(|t| t.kind != FigureKind::Percent);
                ACHIEVEMENT_BEFORE.is_match(&text[sentence.start()..f.span.start()])
                    || of_a_count_target
            })
            .map(|(_, f)| f)
            .collect();
        let [figure] = achievements[..] else { continue };
        let lowered: String = text[sentence.range()]
            .chars()
            .map(|c| if c.is_whitespace() { ' ' } else { c.to_ascii_lowercase() })
            .collect();
        let matches = ctx.knowledge.verdicts.in_sentence(&lowered);
        let [m] = matches[..] else { continue };
        // The verdict must follow the figure as its consequence ("… 101,18%, sehingga
        // indikator ini belum tercapai"), with no hedge between them ("hampir",
        // "agar … dapat", "meskipun"): otherwise it may be about something else.
        let figure_end = figure.span.end() - sentence.start();
        if m.start < figure_end || !is_consequence(&lowered[figure_end..m.start]) {
            continue;
        }
        let words_span = Span::new(sentence.start() + m.start, sentence.start() + m.end);
        let words = &text[words_span.range()];
        let exact = (ctx.printed(figure), figure.value);
        let judgement = judge(m.verdict, exact, Some(figure.value));
        let shown = ctx.digits(figure);
        ctx.record(|| {
            let mut record = record(m.verdict, &judgement, (words, words_span), &shown);
            record.recomputed = Some(exact.0);
            record.decimals = figure.decimals;
            record
        });
        if let Some(f) = verdict_finding(
            ctx,
            judgement,
            m.verdict,
            (words, words_span),
            (&shown, figure.span, figure.value),
            &msg!("a105.place-sentence"),
            msg!("a105.note-sentence-gives", shown),
        ) {
            findings.push(f);
        }
    }
}

/// "sehingga", "maka", "berarti" between a figure and a verdict, and no word that hedges,
/// negates ("tidak ada yang belum tercapai", "belum mampu mencapai target"), looks ahead
/// or changes the subject.
static CONSEQUENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(sehingga|maka|berarti|artinya|dengan demikian|oleh karena itu|dinyatakan)\b")
        .expect("a valid pattern")
});
static HEDGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(hampir|nyaris|sulit|dapat|bisa|akan|agar|supaya|diharapkan|harus|perlu|sepenuhnya|meskipun|walaupun|namun|tetapi|kecuali|jika|apabila|tahun|triwulan|semester|sebelumnya|lainnya|tidak|bukan|belum|gagal|urung|kurang|jauh|mampu|ada|seluruh|semua|setiap|untuk)\b",
    )
    .expect("a valid pattern")
});

fn is_consequence(between: &str) -> bool {
    between.len() <= 80 && CONSEQUENCE.is_match(between) && !HEDGE.is_match(between)
}
