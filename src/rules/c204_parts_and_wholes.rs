//! # C204 `parts-do-not-add-up`
//!
//! A whole stated in prose whose parts, listed with it or in the list that follows, do not
//! add up to it.
//!
//! ## What it checks
//!
//! 1. **A whole and its parts in one sentence.** "53 orang ASN yang terdiri dari 38 orang
//!    PNS dan 15 orang PPPK", "sebanyak 27 orang (10 orang PNS, 5 orang PPPK dan 12 orang
//!    PPNPN)": the parts must sum to the whole. The sentence must say that the parts make
//!    up the whole: a composition word right after the whole (terdiri dari/atas, meliputi,
//!    berupa, yaitu, yakni, dengan rincian, terbagi atas) or a breakdown in parentheses
//!    right after it.
//! 2. **A list of units after the totals.** When a list follows the sentence that states a
//!    whole with its categories ("84 orang yang terdiri dari PNS sebanyak 38 orang, …, 25
//!    orang PPNPN dan 6 orang Pegawai *Outsourcing*"), and each item gives a unit's count
//!    ("Sub Bagian Tata Usaha sebanyak 27 orang (10 orang PNS, 5 orang PPPK, …)", "LTSA
//!    Subang sebanyak 1 orang PNS"), the items must add up to the whole, and the items'
//!    counts of each category to that category's total (the overall sum only when the
//!    list mentions every category). Categories are matched by name:
//!    an abbreviation in parentheses ("(PNS)"), or the initials of the long name without
//!    the little words ("Pegawai Pemerintah dengan Perjanjian Kerja" is PPPK), in any
//!    case. Figure captions, subheadings and up to two short lead-in lines may sit between
//!    the totals and the list; a heading of the same or a higher rank, a table or a
//!    paragraph with figures ends the search.
//! 3. **A breakdown of a group stated earlier in the section.** "Rincian pegawai ASN (PNS
//!    dan PPPK) berdasarkan Jenis Kelamin adalah 29 orang laki-laki dan 24 orang
//!    perempuan" must add up to the ASN stated earlier in the same section ("53 orang
//!    Aparatur Sipil Negara (ASN)"), matched by name or abbreviation.
//!
//! ## When it stays silent
//!
//! Parts and whole must count the same kind of thing: the same unit word (people counted
//! as "orang", "pegawai", "jiwa", "peserta" or "PMI" alike) or no unit; a whole of no
//! known unit ("3 seksi") never takes parts of a known one ("10 orang"). A percentage or
//! an amount of money beside a part is not a part. The sentence is left alone when its
//! list is unclear: a count of anything else, a piece without a count ("dan tenaga
//! honorer"), a number that is not read as a count ("10 PNS/5 PPPK", "Sasaran 3",
//! "1. Bidang A"), an approximation ("sekitar", "lebih dari"), a partial list ("antara
//! lain", "termasuk"), a comparison ("menjadi", "target", two periods), states that may
//! overlap ("telah", "belum"), or a count of the same kind after the list ends (also after
//! "ditambah", "selain itu", "belum termasuk": counts on top of the whole). Numbers that
//! name things after a capitalised word or an abbreviation ("SDN 12", "RT 03") are no
//! counts. A part broken down in turn without parentheses ("9 orang Satlinmas yaitu 6
//! laki-laki dan 3 perempuan, serta 5 petugas") leaves both lists unread. A breakdown of
//! a narrowed group ("Rincian ASN yang telah mengikuti pelatihan …") is of a subset and is
//! not compared with the group's size.
//!
//! A list whose items name a category the totals do not name is some other breakdown and
//! is not checked; a category the list never mentions is not checked, nor then the
//! overall sum; when an item names no category, only the overall sum is checked. When an
//! item's own parts disagree with its total, that item is reported, and the list's sum is
//! reported only if neither reading of the item gives the whole. A group named twice in
//! the section with two sizes is not checked.
//!
//! All counts are whole numbers and taken as exact.
//!
//! ## Example
//!
//! ```text
//! Jumlah pegawai 40 orang yang terdiri dari 22 orang PNS, 9 orang PPPK dan 8 orang PPNPN.
//! ```
//!
//! 22 + 9 + 8 = 39, not 40.

mod breakdown;
mod lists;
mod names;
mod parts;
mod report;

use super::Context;
use crate::diagnostics::Finding;
use crate::document::{Block, BlockKind};
use crate::facts::sentences::Sentence;
use crate::figures::Figure;
use breakdown::{breakdowns, group_breakdown, Breakdown};
use lists::{categories, counts_of, read_item, Item};
use names::Name;
use parts::parts_in;
use report::{check_category, check_group, check_list_total, check_sentence_whole};
use std::collections::HashMap;
use std::sync::LazyLock;

const CODE: &str = "C204";

/// The most lead-in lines ("Adapun rinciannya adalah sebagai berikut:") between the
/// totals and their list.
const MAX_LEAD_INS: usize = 2;

/// The longest lead-in line, in characters.
const MAX_LEAD_IN_CHARS: usize = 200;

pub fn check(ctx: &Context, findings: &mut Vec<Finding>) {
    let all: &[Sentence] = &ctx.sentences;
    let mut walk = Walk::default();
    let mut next = 0;
    for block in &ctx.doc.blocks {
        // Sentences come block by block, in the order of the blocks.
        let first = next;
        while next < all.len() && std::ptr::eq(all[next].block, block) {
            next += 1;
        }
        walk.block(ctx, block, &all[first..next], findings);
    }
    walk.close_list(ctx, findings);
}

/// What the walk over the blocks remembers.
#[derive(Default)]
struct Walk<'d> {
    /// The rank of the heading of the current section.
    section_level: Option<u8>,
    /// Named wholes and parts of the current section, by key.
    groups: HashMap<String, Stated<'d>>,
    /// The last totals that a list may break down.
    pending: Option<Totals<'d>>,
    /// The list being read.
    list: Option<List<'d>>,
}

/// A group's size as stated in the section.
struct Stated<'d> {
    figure: &'d Figure,
    /// The group's name there ("ASN").
    label: String,
    /// False once the same name was given two different sizes.
    consistent: bool,
}

/// Wholes stated with their categories, waiting for a list.
struct Totals<'d> {
    breakdowns: Vec<Breakdown<'d>>,
    level: Option<u8>,
    lead_ins: usize,
}

/// The items of a list, as read so far.
struct List<'d> {
    totals: Option<Totals<'d>>,
    items: Vec<Item<'d>>,
    column: usize,
    /// An item that is not a unit's count, or items at different depths.
    unclear: bool,
}

impl<'d> Walk<'d> {
    fn block(
        &mut self,
        ctx: &Context<'d>,
        block: &'d Block,
        own: &[Sentence<'d>],
        findings: &mut Vec<Finding>,
    ) {
        let text = ctx.doc.source.text.as_str();
        match &block.kind {
            BlockKind::Heading { level, .. } => {
                self.close_list(ctx, findings);
                self.groups.clear();
                let ends = |t: &Totals| t.level.is_none_or(|l| *level <= l);
                self.pending = self.pending.take().filter(|t| !ends(t));
                self.section_level = Some(*level);
            }
            BlockKind::Paragraph => {
                self.close_list(ctx, findings);
                let found = self.prose(ctx, own, findings);
                for b in &found {
                    self.register(b);
                }
                self.after_paragraph(block, found);
            }
            BlockKind::ListItem => {
                let found = self.prose(ctx, own, findings);
                let column = ctx.doc.source.line_col(block.span.start()).column;
                let list = self.list.get_or_insert_with(|| List {
                    totals: self.pending.take(),
                    items: Vec::new(),
                    column,
                    unclear: false,
                });
                match read_item(text, block, &found) {
                    Some(item) if list.column == column => list.items.push(item),
                    _ => list.unclear = true,
                }
            }
            BlockKind::Html => {}
            BlockKind::Table(_) | BlockKind::Contents(_) | BlockKind::Code => {
                self.close_list(ctx, findings);
                self.pending = None;
            }
        }
    }

    /// Checks the wholes of the block's sentences and the breakdowns of named groups;
    /// returns the wholes found.
    fn prose(
        &self,
        ctx: &Context<'d>,
        own: &[Sentence<'d>],
        findings: &mut Vec<Finding>,
    ) -> Vec<Breakdown<'d>> {
        let text = ctx.doc.source.text.as_str();
        let mut found = Vec::new();
        for sentence in own {
            for b in breakdowns(text, sentence) {
                check_sentence_whole(ctx, &b, findings);
                found.push(b);
            }
            if let Some(group) = group_breakdown(text, sentence) {
                self.check_group(ctx, sentence, &group, findings);
            }
        }
        found
    }

    /// Remembers the named wholes and parts of a paragraph, for later breakdowns.
    fn register(&mut self, b: &Breakdown<'d>) {
        let named = b.name.iter().map(|n| (n, b.whole));
        let parts = b.parts.iter().filter_map(|p| p.name.as_ref().map(|n| (n, p.figure)));
        for (name, figure) in named.chain(parts) {
            for key in name.keys() {
                self.groups
                    .entry(key.clone())
                    .and_modify(|s| {
                        s.consistent &= s.figure.value == figure.value;
                        s.figure = figure;
                        s.label.clone_from(&name.label);
                    })
                    .or_insert(Stated { figure, label: name.label.clone(), consistent: true });
            }
        }
    }

    /// The size of `group` as stated in the section, when it was stated with one size.
    fn stated(&self, group: &Name) -> Option<&Stated<'d>> {
        let mut found: Option<&Stated<'d>> = None;
        for key in group.keys() {
            let Some(stated) = self.groups.get(key) else { continue };
            let value = stated.figure.value;
            if !stated.consistent || found.is_some_and(|f| f.figure.value != value) {
                return None;
            }
            if found.is_none_or(|f| f.figure.span.start() < stated.figure.span.start()) {
                found = Some(stated);
            }
        }
        found
    }

    fn check_group(
        &self,
        ctx: &Context<'d>,
        sentence: &Sentence<'d>,
        group: &breakdown::GroupBreakdown,
        findings: &mut Vec<Finding>,
    ) {
        let Some(stated) = self.stated(&group.group) else { return };
        let whole = stated.figure;
        let text = ctx.doc.source.text.as_str();
        let Some(parts) = parts_in(text, group.region, whole, sentence.figures) else { return };
        check_group(ctx, whole, &stated.label, &group.by, &parts, findings);
    }

    /// What a paragraph leaves for a list that may follow.
    fn after_paragraph(&mut self, block: &Block, found: Vec<Breakdown<'d>>) {
        if !found.is_empty() {
            self.pending =
                Some(Totals { breakdowns: found, level: self.section_level, lead_ins: 0 });
            return;
        }
        if is_caption(block) {
            return;
        }
        let lead_in =
            block.figures.is_empty() && block.text.trim().chars().count() <= MAX_LEAD_IN_CHARS;
        match &mut self.pending {
            Some(t) if lead_in && t.lead_ins < MAX_LEAD_INS => t.lead_ins += 1,
            _ => self.pending = None,
        }
    }

    /// Checks the list just read against the totals before it.
    fn close_list(&mut self, ctx: &Context<'d>, findings: &mut Vec<Finding>) {
        let Some(list) = self.list.take() else { return };
        let Some(totals) = list.totals else { return };
        if list.unclear || list.items.len() < 2 {
            return;
        }
        // The nearest whole whose categories the list names.
        for whole in totals.breakdowns.iter().rev() {
            let Some(categories) = categories(whole, &list.items) else { continue };
            let counts: Vec<_> = (0..whole.parts.len())
                .map(|index| counts_of(&list.items, &categories, index))
                .collect();
            // A list that never mentions a category may break down only some of the whole
            // (the PNS by golongan): its sum is not the whole's.
            if counts.iter().all(|c| !c.is_empty()) {
                check_list_total(ctx, whole, &list.items, findings);
            }
            if categories.complete {
                for (part, counts) in whole.parts.iter().zip(&counts) {
                    check_category(ctx, part, counts, findings);
                }
            }
            return;
        }
    }
}

/// A figure caption between the totals and their list: "Gambar 2 …".
fn is_caption(block: &Block) -> bool {
    static CAPTION: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"(?i)^\s*(gambar|grafik|diagram|bagan|foto)\s+\d+(\.\d+)*\b")
            .expect("a valid pattern")
    });
    CAPTION.is_match(&block.text)
}
