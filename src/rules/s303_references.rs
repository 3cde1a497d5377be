//! # S303 `dangling-reference`
//!
//! A table or figure referred to in prose that no caption has: "lihat Tabel 3.9" in a
//! report whose tables stop at 3.8.
//!
//! ## What it checks
//!
//! References in sentences ("pada Tabel 2.1 berikut", "sebagaimana Gambar 3", "Tabel 3.4
//! di atas") must name a table or figure whose caption stands somewhere in the report.
//! Only kinds the report captions at all are checked (a report whose figures carry their
//! captions inside the images has no "Gambar" caption to find), and a reference to
//! another document's table ("Tabel 2 Lampiran Peraturan …", "Tabel 1 Permendagri …",
//! "Tabel 4.1 Renstra …") is left alone. A caption may be written "Tabel 3.1", "Tabel 3.1
//! Title", "Tabel 3.1: Title" or "Tabel 3.1." and may sit under an image; a sentence that
//! starts with a table's number ("Tabel 3.2 di atas memperlihatkan …") is no caption.
//!
//! ## Example
//!
//! ```text
//! Rincian realisasi per kegiatan disajikan pada Tabel 3.9 berikut.
//! ```
//!
//! No caption in the report reads "Tabel 3.9".

use super::support::finding;
use super::Context;
use crate::diagnostics::{Finding, Label};
use crate::facts::captions::{kind_of, CAPTION};

use crate::msg;
use crate::span::Span;
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

const CODE: &str = "S303";

/// "Tabel 3.4", "gambar 2", "Grafik 3.1" anywhere in a sentence.
static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?P<kind>tabel|table|gambar|grafik|diagram|bagan)\s+(?P<n>\d+([.-]\d+)*[a-z]?)\b",
    )
    .expect("a valid pattern")
});
/// Words after a reference that make it another document's.
static ELSEWHERE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s,]*((pada|dalam|di)\s+)?([\p{L}-]+\s+)?(lampiran|profil|peraturan|permen\w*|kepmen\w*|perpres|perda|perbup|perwal|pergub|pp|uu|undang|keputusan|pedoman|juknis|laporan|lkjip|lkj|lakip|renstra|rencana|rpjmd|rpjmn|rkpd|renja|dokumen)\b")
        .expect("a valid pattern")
});

pub fn check(ctx: &Context, findings: &mut Vec<Finding>) {
    let captioned = ctx.captions();
    let known: HashSet<(&str, &str)> =
        captioned.iter().map(|c| (c.kind, c.number.as_str())).collect();
    let kinds: HashSet<&str> = captioned.iter().map(|c| c.kind).collect();
    for &sentence in &ctx.sentences {
        let text = sentence.text(ctx.doc);
        // A caption is no reference to itself.
        let is_caption = sentence.span.start() == sentence.block.span.start()
            && CAPTION.is_match(&sentence.block.text);
        for caps in REFERENCE.captures_iter(text) {
            let (Some(kind), Some(n), Some(all)) = (caps.name("kind"), caps.name("n"), caps.get(0))
            else {
                continue;
            };
            let kind = kind_of(kind.as_str());
            let after = text.get(all.end()..).unwrap_or_default();
            if !kinds.contains(kind)
                || known.contains(&(kind, n.as_str()))
                || ELSEWHERE.is_match(after)
                || (is_caption
                    && text[..all.start()].trim_start_matches(['*', '_', ' ', '!', '[']).is_empty())
            {
                continue;
            }
            let span =
                Span::new(sentence.span.start() + all.start(), sentence.span.start() + all.end());
            let same_kind: Vec<&str> =
                captioned.iter().filter(|c| c.kind == kind).map(|c| c.number.as_str()).collect();
            findings.push(
                finding(
                    CODE,
                    msg!("s303.message", kind, number = n.as_str()),
                    Label::new(span, msg!("s303.label-no-caption")),
                )
                .with_note(msg!(
                    "s303.note-captions",
                    kind,
                    numbers = same_kind.join(", ")
                )),
            );
        }
    }
}
