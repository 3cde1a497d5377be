//! # C203 `wrong-prose-arithmetic`
//!
//! Arithmetic written out in prose or LaTeX math whose printed result does not follow from
//! its own operands: "2.450 + 1.320 = 3.870", "$17.516/34.209 \times 100 = 61,20\%$".
//!
//! ## What it checks
//!
//! A computation written in a sentence — numbers, operators and parentheses, then `=` and
//! the result — is recomputed and its result compared with the one printed. Operators are
//! `+`; `-`, `−` or `–`; `×`, `x`, `\times`, `\cdot`; `/`, `:`, `÷`, `\div` and
//! `\frac{a}{b}`, with the usual precedence. The shapes reports use are read alike as
//! plain text and inside `$…$` or `$$…$$`:
//!
//! - `(812 − 1.103) / (1.103) × 100% = (−)26,38%`
//! - `17.516 : 34.209 x 100% = 51,20%`
//! - `Rp 1.200.000 × 12 bulan = Rp 14.400.000`
//!
//! The result is the figure right after `=`. In a chain (`a + b = c = d`) each computation
//! is compared with a single figure that follows it; a figure compared with a figure, or a
//! computation with a computation, is left alone.
//!
//! Only figures the figure reader accepts take part: a year, a date, a regulation number
//! (`Nomor 53 Tahun 2014`), a phone number or a letter code (`3/20888/PK.02.02/VIII/2020`)
//! is not an operand, and a computation that touches one is not checked. Neither is a
//! formula with names in it (`\frac{(Pg_t - Pg_{t-1})}{(Pg_{t-1})} \times 100\%`), a
//! definition (`Pg_t = 812 Kasus`), a lone `= 5`, a result written first
//! (`51,20% = 17.516 / 34.209 × 100%`), or inline code. A colon spaced on one side only
//! (`Sasaran 1: 45 + 5 = 50`) is punctuation, and a computation that opens with a small
//! whole number and a colon (`Sasaran 1 : 45 + 5`) may be a label: it is left alone.
//! Numbers glued to an operator or a command (`812-1.103`, `\times100`) or written with a
//! LaTeX decimal comma (`26{,}38`) are not read as figures, so their computation is missed,
//! never misread.
//!
//! ## Rounding, signs and percentages
//!
//! Integer operands are exact; an operand with decimals stands for the interval of its
//! printed precision, and so does the result. A finding is reported only when the
//! recomputed interval and the printed one cannot meet.
//!
//! A decrease is often written as a positive number (`= 26,38%` for −26,38): the sign of
//! the result is not compared, only its size. A percentage is read both ways reports
//! mean it: `× 100%` as a factor of 100 (`17.516 / 34.209 × 100% = 51,20%`) and `80%` as
//! 0,8 (`80% × 1.000 = 800`); the result is accepted when either reading gives it, and a
//! ratio may be printed as a percentage without `× 100` (`16,40 / 20,00 = 82,00`). A
//! percentage printed at one of the achievement caps of `rules/policy.yaml` is accepted
//! when a ratio gives at least the cap (`130 / 100 × 100% = 120%`). A difference of two bare numbers whose
//! first is the smaller one (`70 – 79 = 3`) is a range on a scale, not a subtraction.
//!
//! ## Example
//!
//! ```text
//! Capaian = $(1.240 - 1.550) / (1.550) \times 100\% = (-)21,00\%$
//! ```
//!
//! (1.240 − 1.550) / 1.550 × 100 = −20; the result should be (-)20,00.

mod compare;
mod equalities;
mod evaluate;
mod expression;
mod tokens;

use super::Context;
use crate::diagnostics::Finding;

use equalities::{check_run, runs};
use tokens::tokenize_into;

const CODE: &str = "C203";

pub fn check(ctx: &Context, findings: &mut Vec<Finding>) {
    let text = ctx.doc.source.text.as_str();
    let mut tokens = Vec::new();
    for &sentence in &ctx.sentences {
        tokenize_into(text, &sentence, &mut tokens);
        for run in runs(&tokens) {
            check_run(ctx, text, &run, findings);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::Knowledge;
    use crate::read::{read_document, ReadOptions, SourceFile, SourceKind};

    /// The (expected, found) of every finding of this check on `text`, read as `kind`.
    fn findings_in(text: &str, kind: SourceKind) -> Vec<(String, String)> {
        let source = SourceFile::new("t".into(), kind, text.into());
        let doc = read_document(source, &ReadOptions::default());
        let knowledge = Knowledge::builtin();
        let ctx = Context::new(&doc, &knowledge);
        let mut out = Vec::new();
        check(&ctx, &mut out);
        out.into_iter()
            .map(|f| (f.expected.unwrap_or_default(), f.found.unwrap_or_default()))
            .collect()
    }

    fn md(text: &str) -> Vec<(String, String)> {
        findings_in(text, SourceKind::Markdown)
    }

    fn pair(expected: &str, found: &str) -> Vec<(String, String)> {
        vec![(expected.to_string(), found.to_string())]
    }

    #[test]
    fn right_computations_are_silent() {
        for text in [
            "Penurunan kasus = $(812 - 1.103) / (1.103) \\times 100\\% = (-)26,38\\%$\n",
            "Penurunan kasus = (812 − 1.103) / (1.103) × 100% = (−)26,38%\n",
            "Capaian ($17.516/34.209 \\times 100 = 51,20\\%$).\n",
            "$$\\frac{17.516}{34.209} \\times 100\\% = 51,20\\%$$\n",
            "Capaian 17.516 : 34.209 x 100% = 51,20%.\n",
            "Jumlah 2.450 + 1.320 = 3.770 orang.\n",
            "Biaya Rp 1.200.000 × 12 bulan = Rp 14.400.000 setahun.\n",
            "Sebanyak 80% × 1.000 = 800 orang.\n",
            "Rasio 17.516/34.209 = 51,20%.\n",
        ] {
            assert_eq!(md(text), vec![], "{text}");
        }
    }

    #[test]
    fn a_decrease_without_its_sign_is_silent() {
        assert_eq!(md("Penurunan = $(812 - 1.103) / (1.103) \\times 100\\% = 26,38\\%$\n"), []);
    }

    #[test]
    fn slips_are_reported_in_the_report_s_notation() {
        assert_eq!(md("Jumlah 2.450 + 1.320 = 3.870 orang.\n"), pair("3.770", "3.870"));
        assert_eq!(
            md("Turun = $(812 - 1.103) / (1.103) \\times 100\\% = (-)27,38\\%$\n"),
            pair("(-)26,38", "(-)27,38")
        );
        assert_eq!(md("Capaian 17.516 : 34.209 x 100% = 52,20%.\n"), pair("51,20", "52,20"));
        assert_eq!(md("Sebanyak 80% × 1.000 = 700 orang.\n"), pair("800", "700"));
    }

    #[test]
    fn what_is_not_arithmetic_is_left_alone() {
        for text in [
            "$$\\frac{(Pg_t - Pg_{t-1})}{(Pg_{t-1})} \\times 100\\%$$\n",
            "Pg_t = 812 Kasus\n",
            "Pg_{t-1} = 1.103 Kasus\n",
            "Renstra Tahun 2020 - 2024 = 5 dokumen.\n",
            "Periode 2020 – 2024 = 5 tahun.\n",
            "Peraturan Nomor 53 Tahun 2014 = pedoman.\n",
            "Surat 3/20888/PK.02.02/VIII/2020 = 4 lembar.\n",
            "Telp. 022-7333212 = kantor.\n",
            "Nilai = 5\n",
            "Skor 70 – 79 = 3 (baik).\n",
            "Contoh `2 + 2 = 5` dalam kode.\n",
            "Tahun 2024 - 5 + 3 = 8.\n",
            "x = 5 dan 2x + 3 = 7.\n",
            "Realisasi / Target × 100% = 51,20%.\n",
            "Nilai (2 + 3) × 4 = 20 = 21.\n",
            "1 / 0 = 5 dan 1 / (1 - 1) = 2.\n",
            "Sasaran 1: 45 + 5 = 50 orang.\n",
            "Sasaran 2 : 45 + 5 = 50 orang.\n",
            "Kode `` 2 + 2 = 5 `` dan ` 3 + 3 = 7 `.\n",
            "Capaian 130 / 100 × 100% = 120%.\n",
            "Capaian 16,40/20,00 = 82,00 pada indikator laju.\n",
        ] {
            assert_eq!(md(text), vec![], "{text}");
        }
    }

    #[test]
    fn a_label_colon_is_punctuation_and_a_cap_holds_only_for_a_ratio() {
        assert_eq!(md("Sasaran 1: 45 + 5 = 60 orang.\n"), pair("50", "60"));
        assert_eq!(md("Jumlah pegawai : 120 + 15 = 145 orang.\n"), pair("135", "145"));
        assert_eq!(md("Nilai 70% + 60% = 120%.\n"), pair("130", "120"));
    }

    #[test]
    fn deep_parentheses_are_given_up_without_a_stack_overflow() {
        let deep = format!("Nilai {}1 + 1{} = 3\n", "(".repeat(5000), ")".repeat(5000));
        assert_eq!(md(&deep), vec![]);
    }

    #[test]
    fn long_computations_are_given_up_without_a_stack_overflow() {
        let long = format!("Nilai {}1 = 3\n", "1 + ".repeat(50_000));
        assert_eq!(md(&long), vec![]);
        let fine = format!("Nilai {}1 = 30\n", "1 + ".repeat(20));
        assert_eq!(md(&fine), pair("21", "30"));
    }

    #[test]
    fn chains_check_each_computation_against_the_figure_after_it() {
        assert_eq!(md("Total 2 + 3 = 6 = 6.\n"), pair("5", "6"));
        assert_eq!(md("Nilai 17.516/34.209 = 0,51 × 100% = 53%.\n"), pair("51", "53"));
    }

    #[test]
    fn plain_text_reads_the_same() {
        let text = "Penurunan kasus = (812 − 1.103) / (1.103) × 100% = (−)28,38%\n";
        assert_eq!(findings_in(text, SourceKind::PlainText), pair("(−)26,38", "(−)28,38"));
    }

    #[test]
    fn expressions_render_with_the_parentheses_they_need() {
        let text = "Turun = $\\frac{812 - 1.103}{1.103} \\times 100\\% = 20\\%$\n";
        let source = SourceFile::new("t".into(), SourceKind::Markdown, text.into());
        let doc = read_document(source, &ReadOptions::default());
        let knowledge = Knowledge::builtin();
        let ctx = Context::new(&doc, &knowledge);
        let mut out = Vec::new();
        check(&ctx, &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(
            out[0].note.as_ref().map(|n| n.render(crate::messages::Lang::En)).as_deref(),
            Some("(812 − 1.103) / 1.103 × 100 = -26,3825…")
        );
    }
}
