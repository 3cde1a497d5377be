//! # S302 `contents-mismatch`
//!
//! A list of tables, figures or contents (DAFTAR TABEL, DAFTAR GAMBAR, DAFTAR ISI) that
//! disagrees with the captions and headings of the report: an entry whose number is not
//! its caption's, whose title is another, or that names a table no caption has; a caption
//! or chapter missing from its list.
//!
//! ## What it checks
//!
//! Each entry of DAFTAR TABEL or DAFTAR GAMBAR ("Tabel 3.17 Perbandingan Capaian …  31")
//! is paired with a caption of the same kind: first the caption with the same number and a
//! like title, then, for what is left, the caption whose title is most like the entry's.
//! Titles are compared by their words, not letter for letter: a caption may shorten the
//! title, write it in capitals or punctuate it otherwise ("Terkendala, Sakit" and
//! "Terkendala Sakit"). Then:
//!
//! - an entry paired with a caption of another number is reported at the entry, with
//!   the caption as a related place (one of the two is wrong: S301 says which caption
//!   breaks its series);
//! - an entry whose number's caption has another title is reported;
//! - an entry no caption answers, and a caption no entry lists, are reported, once most
//!   entries of that kind have found their caption (a report whose figure captions are
//!   inside the images has none to find); captions after the LAMPIRAN heading need no
//!   entry.
//!
//! Each chapter entry of DAFTAR ISI ("BAB IV PERMASALAHAN DAN TINDAK LANJUT") must
//! answer a chapter heading of the same number with a like title, and each lettered
//! section entry ("B. Realisasi Anggaran") a section heading of that letter in the same
//! chapter. Other entries (KATA PENGANTAR, LAMPIRAN) and page numbers are not checked.
//!
//! ## Example
//!
//! ```text
//! DAFTAR TABEL
//! Tabel 3.5  Realisasi Anggaran per Program            21
//! …
//! Tabel 3.4
//! Realisasi Anggaran per Program
//! ```
//!
//! The list numbers the budget table 3.5; its caption reads 3.4.

use super::support::finding;
use super::Context;
use crate::diagnostics::{Finding, Label};
use crate::document::{BlockKind, Document};
use crate::facts::captions::Caption;
use crate::facts::chapters::{chapters, Chapter};
use crate::facts::contents::{entries, Entry, Named};
use crate::facts::titles::{likeness, more_alike, same_title};
use crate::knowledge::Names;
use crate::messages::Message;
use crate::msg;
use crate::span::Span;
use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

const CODE: &str = "S302";

/// Past this many unpaired entries and captions of one kind, pairing by title would
/// compare every entry with every caption; a list that far off is reported entry by entry.
const MOST_TO_PAIR_BY_TITLE: usize = 200;

pub fn check(ctx: &Context, findings: &mut Vec<Finding>) {
    let entries = entries(ctx.doc);
    if entries.is_empty() {
        return;
    }
    let names = &ctx.knowledge.names;
    let chapters = chapters(ctx.doc);
    check_captions(ctx.doc, ctx.captions(), names, &entries, &chapters, findings);
    check_chapters(names, &entries, &chapters, findings);
}

/// The list of captions of `kind`, as a message names it: "the list of tables".
fn list_name(kind: &str) -> Message {
    match kind {
        "Tabel" => msg!("s302.list-tables"),
        "Gambar" => msg!("s302.list-figures"),
        "Grafik" => msg!("s302.list-charts"),
        _ => msg!("s302.list-contents"),
    }
}

/// The list of captions of `kind`, as a label names it: "list of tables".
fn list_label(kind: &str) -> Message {
    match kind {
        "Tabel" => msg!("s302.label-list-tables"),
        "Gambar" => msg!("s302.label-list-figures"),
        "Grafik" => msg!("s302.label-list-charts"),
        _ => msg!("s302.label-list-contents"),
    }
}

fn check_captions(
    doc: &Document,
    all_captions: &[Caption],
    names: &Names,
    entries: &[Entry],
    chapters: &[Chapter],
    findings: &mut Vec<Finding>,
) {
    let annex = annex_start(doc, chapters);
    let mut kinds: Vec<&'static str> = Vec::new();
    for entry in entries {
        if let Named::Caption { kind, .. } = entry.named {
            if !kinds.contains(&kind) {
                kinds.push(kind);
            }
        }
    }
    for kind in kinds {
        let listed: Vec<(&Entry, &str)> = entries
            .iter()
            .filter_map(|e| match &e.named {
                Named::Caption { kind: k, number } if *k == kind => Some((e, number.as_str())),
                _ => None,
            })
            .collect();
        let captioned: Vec<&Caption> = all_captions.iter().filter(|c| c.kind == kind).collect();
        if captioned.is_empty() {
            continue;
        }
        check_kind(names, kind, &listed, &captioned, annex, findings);
    }
}

/// Where the annex starts: the first LAMPIRAN heading after the report's first chapter
/// ("LAMPIRAN", "BAB V LAMPIRAN").
fn annex_start(doc: &Document, chapters: &[Chapter]) -> usize {
    let body = chapters.first().map_or(0, |c| c.span.start());
    doc.blocks
        .iter()
        .filter(|b| b.span.start() >= body)
        .find(|b| {
            let text = b.text.trim().trim_matches('*').trim();
            let text = CHAPTER_NUMBER.find(text).map_or(text, |m| &text[m.end()..]);
            matches!(b.kind, BlockKind::Heading { .. } | BlockKind::Paragraph)
                && text.to_uppercase().starts_with("LAMPIRAN")
                && b.text.split_whitespace().count() <= 8
        })
        .map_or(usize::MAX, |b| b.span.start())
}

/// "BAB V – " before a chapter's title.
static CHAPTER_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^bab\s+([ivxl]+|\d{1,2})\b[\s.:–—-]*").expect("a valid pattern")
});

fn check_kind(
    names: &Names,
    kind: &'static str,
    listed: &[(&Entry, &str)],
    captioned: &[&Caption],
    annex: usize,
    findings: &mut Vec<Finding>,
) {
    let mut entry_paired = vec![false; listed.len()];
    let mut caption_paired = vec![false; captioned.len()];
    let mut by_number: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, caption) in captioned.iter().enumerate() {
        by_number.entry(caption.number.as_str()).or_default().push(i);
    }

    // 1. The caption with the entry's number and a like title.
    for (e, (entry, number)) in listed.iter().enumerate() {
        let same =
            by_number.get(number).into_iter().flatten().copied().find(|&c| {
                !caption_paired[c] && same_title(names, &entry.title, &captioned[c].title)
            });
        if let Some(c) = same {
            entry_paired[e] = true;
            caption_paired[c] = true;
        }
    }

    // 2. What is left: the caption whose title is most like the entry's, when each is the
    //    other's best.
    let open_entries: Vec<usize> = (0..listed.len()).filter(|&e| !entry_paired[e]).collect();
    let open_captions: Vec<usize> = (0..captioned.len()).filter(|&c| !caption_paired[c]).collect();
    if open_entries.len() + open_captions.len() <= MOST_TO_PAIR_BY_TITLE {
        let best_caption = |e: usize| {
            best_of(names, open_captions.iter().copied(), |c| {
                (&listed[e].0.title, &captioned[c].title)
            })
        };
        let best_entry = |c: usize| {
            best_of(names, open_entries.iter().copied(), |e| {
                (&listed[e].0.title, &captioned[c].title)
            })
        };
        for &e in &open_entries {
            let Some(c) = best_caption(e) else { continue };
            if best_entry(c) != Some(e) || caption_paired[c] {
                continue;
            }
            entry_paired[e] = true;
            caption_paired[c] = true;
            let (entry, number) = listed[e];
            if captioned[c].number != number {
                findings.push(numbered_otherwise(kind, entry, number, captioned[c]));
            }
        }
    }

    // Most entries must have found their caption before a missing one means anything.
    let paired = entry_paired.iter().filter(|p| **p).count();
    let lists_this_kind = paired * 2 >= listed.len();

    // 3. Entries left: a caption of that number with another title, or none at all.
    for (e, (entry, number)) in listed.iter().enumerate() {
        if entry_paired[e] {
            continue;
        }
        let same_number =
            by_number.get(number).into_iter().flatten().copied().find(|&c| !caption_paired[c]);
        if let Some(c) = same_number {
            caption_paired[c] = true;
            findings.push(titled_otherwise(kind, entry, number, captioned[c]));
        } else if lists_this_kind && !by_number.contains_key(number) {
            findings.push(no_caption(kind, entry, number, captioned));
        }
    }

    // 4. Captions no entry lists.
    if !lists_this_kind {
        return;
    }
    let numbers_listed: HashSet<&str> = listed.iter().map(|(_, n)| *n).collect();
    for (c, caption) in captioned.iter().enumerate() {
        if caption_paired[c] || caption.span.start() >= annex {
            continue;
        }
        // A second caption with a listed number is S301's to report.
        if numbers_listed.contains(caption.number.as_str()) {
            continue;
        }
        let first = listed[0].0;
        findings.push(
            finding(
                CODE,
                msg!(
                    "s302.message-caption-not-listed",
                    kind,
                    number = caption.number,
                    title = caption.title,
                    list = list_name(kind)
                ),
                Label::new(caption.span, msg!("s302.label-not-listed")),
            )
            .with_related(Label::new(first.span, list_label(kind))),
        );
    }
}

/// The candidate most like its counterpart, if one is more alike than every other.
fn best_of<'t>(
    names: &Names,
    candidates: impl Iterator<Item = usize>,
    titles: impl Fn(usize) -> (&'t String, &'t String),
) -> Option<usize> {
    let mut best: Option<(usize, (usize, usize))> = None;
    let mut tied = false;
    for candidate in candidates {
        let (a, b) = titles(candidate);
        if !same_title(names, a, b) || a.trim().is_empty() || b.trim().is_empty() {
            continue;
        }
        let score = likeness(names, a, b);
        match best {
            Some((_, top)) if more_alike(top, score) => {}
            Some((_, top)) if !more_alike(score, top) => tied = true,
            _ => {
                best = Some((candidate, score));
                tied = false;
            }
        }
    }
    best.filter(|_| !tied).map(|(c, _)| c)
}

fn numbered_otherwise(kind: &str, entry: &Entry, number: &str, caption: &Caption) -> Finding {
    finding(
        CODE,
        msg!(
            "s302.message-numbered-otherwise",
            list = list_name(kind),
            title = entry.title,
            kind,
            number,
            line = caption.line,
            caption_number = caption.number
        ),
        Label::new(entry.label_span, msg!("s302.label-in-list", kind, number)),
    )
    .with_related(Label::new(
        caption.span,
        msg!("s302.label-in-caption", kind, number = caption.number),
    ))
    .with_values(caption.number.clone(), number)
    .with_note(msg!("s302.note-numbered-otherwise"))
}

fn titled_otherwise(kind: &str, entry: &Entry, number: &str, caption: &Caption) -> Finding {
    finding(
        CODE,
        msg!(
            "s302.message-titled-otherwise",
            list = list_name(kind),
            kind,
            number,
            title = entry.title,
            line = caption.line,
            caption_title = caption.title
        ),
        Label::new(entry.label_span, msg!("s302.label-in-list", kind, number)),
    )
    .with_related(Label::new(caption.span, msg!("s302.label-in-caption", kind, number)))
    .with_values(caption.title.clone(), entry.title.clone())
}

fn no_caption(kind: &str, entry: &Entry, number: &str, captioned: &[&Caption]) -> Finding {
    let numbers: Vec<&str> = captioned.iter().map(|c| c.number.as_str()).collect();
    finding(
        CODE,
        msg!("s302.message-no-caption", list = list_name(kind), kind, number, title = entry.title),
        Label::new(entry.label_span, msg!("s302.label-no-caption")),
    )
    .with_note(msg!("s302.note-captions", kind, numbers = numbers.join(", ")))
}

/// DAFTAR ISI against the chapter and section headings.
fn check_chapters(
    names: &Names,
    entries: &[Entry],
    headings: &[Chapter],
    findings: &mut Vec<Finding>,
) {
    if headings.is_empty() {
        return;
    }
    let mut listed: Vec<(&Entry, u32, Vec<&Entry>)> = Vec::new();
    let mut in_chapter = false;
    for entry in entries {
        match entry.named {
            Named::Chapter { number } => {
                listed.push((entry, number, Vec::new()));
                in_chapter = true;
            }
            Named::Section { .. } => {
                if let (Some((_, _, sections)), true) = (listed.last_mut(), in_chapter) {
                    sections.push(entry);
                }
            }
            // LAMPIRAN, DAFTAR PUSTAKA: the sections after them are not the chapter's.
            _ => {
                let title = entry.title.trim().to_uppercase();
                if title.starts_with("LAMPIRAN") || title.starts_with("DAFTAR") {
                    in_chapter = false;
                }
            }
        }
    }
    if listed.is_empty() {
        return;
    }
    for (entry, number, sections) in &listed {
        let same_number: Vec<&Chapter> = headings.iter().filter(|h| h.number == *number).collect();
        let Some(last) = same_number.last() else {
            let numerals: Vec<&str> = headings.iter().map(|h| h.numeral.as_str()).collect();
            findings.push(
                finding(
                    CODE,
                    msg!("s302.message-no-chapter", number, title = entry.title),
                    Label::new(entry.label_span, msg!("s302.label-no-chapter")),
                )
                .with_note(msg!("s302.note-chapters", numerals = numerals.join(", "))),
            );
            continue;
        };
        let Some(heading) = same_number.iter().find(|h| same_title(names, &entry.title, &h.title))
        else {
            let message = msg!(
                "s302.message-chapter-titled-otherwise",
                numeral = last.numeral,
                title = entry.title,
                line = last.line,
                heading = last.title
            );
            findings.push(heading_titled_otherwise(entry, message, (&last.title, last.span)));
            continue;
        };
        check_sections(names, entry, sections, heading, findings);
    }
    let numbers_listed: HashSet<u32> = listed.iter().map(|(_, n, _)| *n).collect();
    let first = listed[0].0;
    for heading in headings {
        if !numbers_listed.contains(&heading.number) {
            findings.push(
                finding(
                    CODE,
                    msg!(
                        "s302.message-chapter-not-listed",
                        numeral = heading.numeral,
                        title = heading.title
                    ),
                    Label::new(heading.span, msg!("s302.label-not-listed")),
                )
                .with_related(Label::new(first.span, msg!("s302.label-contents"))),
            );
        }
    }
}

/// An entry of DAFTAR ISI whose heading (`title`, `span`) has another title, reported with
/// `message`.
fn heading_titled_otherwise(entry: &Entry, message: Message, heading: (&str, Span)) -> Finding {
    let (title, span) = heading;
    finding(CODE, message, Label::new(entry.label_span, msg!("s302.label-contents-title")))
        .with_related(Label::new(span, msg!("s302.label-heading")))
        .with_values(title, entry.title.clone())
}

fn check_sections(
    names: &Names,
    chapter_entry: &Entry,
    listed: &[&Entry],
    heading: &Chapter,
    findings: &mut Vec<Finding>,
) {
    if listed.is_empty() || heading.sections.is_empty() {
        return;
    }
    for entry in listed {
        let Named::Section { letter } = entry.named else { continue };
        let same_letter: Vec<_> = heading.sections.iter().filter(|s| s.letter == letter).collect();
        match same_letter.last() {
            None => findings.push(
                finding(
                    CODE,
                    msg!(
                        "s302.message-no-section",
                        letter = letter.to_string(),
                        title = entry.title,
                        numeral = heading.numeral
                    ),
                    Label::new(entry.label_span, msg!("s302.label-no-section")),
                )
                .with_related(Label::new(heading.span, msg!("s302.label-chapter"))),
            ),
            Some(last)
                if !same_letter.iter().any(|s| same_title(names, &entry.title, &s.title)) =>
            {
                let message = msg!(
                    "s302.message-section-titled-otherwise",
                    letter = letter.to_string(),
                    numeral = heading.numeral,
                    title = entry.title,
                    line = last.line,
                    heading = last.title
                );
                findings.push(heading_titled_otherwise(entry, message, (&last.title, last.span)))
            }
            Some(_) => {}
        }
    }
    let letters: HashSet<char> = listed
        .iter()
        .filter_map(|e| match e.named {
            Named::Section { letter } => Some(letter),
            _ => None,
        })
        .collect();
    for section in &heading.sections {
        if !letters.contains(&section.letter) {
            findings.push(
                finding(
                    CODE,
                    msg!(
                        "s302.message-section-not-listed",
                        letter = section.letter.to_string(),
                        title = section.title,
                        numeral = heading.numeral
                    ),
                    Label::new(section.span, msg!("s302.label-not-listed")),
                )
                .with_related(Label::new(
                    chapter_entry.span,
                    msg!("s302.label-chapter-in-contents"),
                )),
            );
        }
    }
}
