//! # C205 `count-mismatch`
//!
//! A count that disagrees with what it counts: its own number words, the list or table it
//! announces, or the places its sentence names.
//!
//! ## What it checks
//!
//! **Number words.** Reports confirm a count in words: "84 (delapan puluh empat) orang",
//! "4 (empat) misi", "5 (LIMA) IKU". The words are read as a number (nol … triliun, belas,
//! puluh, ratus, ribu, juta, miliar, the se- forms, in any case) and must equal the digits.
//! Words in parentheses that are not a number ("(PNS)", "(dua kali lipat)") are left alone.
//! Either side may be the slip, so the finding names both.
//!
//! **A list or table announced.** "Balai menetapkan 4 (empat) misi sebagai berikut:"
//! followed by a list must be followed by 4 items. The sentence must be the last one before
//! the list and announce it ("berikut", or a colon at its end); the count must name what
//! lists hold (misi, tujuan, sasaran, indikator, IKU, program, kegiatan, langkah, titik,
//! lokasi, …) and be the only such count of the sentence. Items are Markdown list items,
//! or lines that start with "a)", "1.", "(2)" as a text export writes them; only the first
//! level counts (sub-items are indented deeper or marked another way: in a lettered list,
//! "1)", "2)" written flat under an item that ends with a colon are its sub-items, and the
//! list goes on at the next letter), a page number inside the list does not end it, and an enumeration (a, b, c or 1, 2, 3) must run
//! without a gap. A table announced the same way ("7 (tujuh) indikator kinerja, berikut
//! indikator dan nilainya:", then the caption and the table) is counted by its rows: an
//! indicator count against the rows of a column headed "Indikator" or "IKU" (totals,
//! averages and section rows left out, all parts of a table continued after a page break
//! counted), a count of "Sasaran Strategis" against the distinct goals of the column headed
//! "Sasaran".
//!
//! **Places enumerated.** "di 14 titik kabupaten/kota … terselenggara di Kab. A, Kab. B
//! (2), … dan Kota C": the places after "di", "yaitu", "meliputi" or "terdiri dari", split
//! at commas, "dan" and "serta", must add up to the count, a place followed by "(2)"
//! counting twice. The count must be of places (titik, lokasi, kabupaten, kota,
//! kecamatan, desa, sekolah, puskesmas, negara, …) and stand after "di", "pada", "ke" or
//! "sebanyak"; every item must be a name (each word capitalised, at most six words) of the
//! kind counted ("Kab." for kabupaten, "Kota" for kota).
//!
//! ## Limits
//!
//! What may cover only part of what follows, or something else, is left alone: a count
//! with "antara lain", "di antaranya", "seperti", "beberapa", "yang belum tercapai" in its
//! sentence, a count that points back ("4 (empat) misi tersebut"), a sentence that names
//! other things after its count ("3 (tiga) program, dengan rincian kegiatan sebagai
//! berikut:"). So is a list interrupted by text, or by items marked another way, whose
//! enumeration carries on after it; a table with sub-rows ("1.1", "a. …"), repeated or
//! summing names ("Nilai Akhir"), or a row that could not be aligned; a table that falls
//! short when another table of indicators follows it closely; more goals than counted
//! when a goal is named anew at the top of a page. Places are left alone in a sentence
//! that plans or hedges ("direncanakan", "namun", "antara lain"), when prefixed and bare
//! names mix ("Kab. Pangkajene dan Kepulauan" reads as two), and when fewer places than
//! titik or lokasi are named with no "(2)" to say which hold more than one.
//!
//! ## Example
//!
//! ```text
//! Jumlah pegawai sebanyak 84 (delapan puluh tiga) orang.
//!
//! Balai menetapkan 4 (empat) misi sebagai berikut:
//!
//! a) meningkatkan mutu pelatihan;
//! b) memperluas kemitraan; dan
//! c) mewujudkan tata kelola yang akuntabel.
//! ```
//!
//! 84 is "delapan puluh empat"; the words say 83. Four missions are announced, the list
//! has three.

mod announced;
mod counts;
mod enumerators;
mod lists;
mod number_words;
mod places;
mod tables;

use super::Context;
use crate::diagnostics::Finding;

const CODE: &str = "C205";

pub fn check(ctx: &Context, findings: &mut Vec<Finding>) {
    number_words::check_number_words(ctx, findings);
    announced::check_announced_lists_and_tables(ctx, findings);
    places::check_enumerated_places(ctx, findings);
}
