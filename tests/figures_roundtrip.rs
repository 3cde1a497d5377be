//! Printing a value the way a report does and lexing it back must give the same value and
//! precision, in both locales: the lexer and `Locale::format` agree on the number grammar.
//! Findings print expected values with `Locale::format`, so a disagreement here would make
//! periksa suggest figures it could not read itself.

use periksa::figures::{lex_cell, scan_prose, CellFigure, Figure, FigureKind, Locale, Units};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// A value of at most ±10^12 with 0 to 4 decimals, and its number of decimals.
fn value_and_decimals() -> impl Strategy<Value = (Decimal, u32)> {
    (0u32..=4).prop_flat_map(|decimals| {
        let bound = 10i64.pow(12 + decimals);
        (-bound..=bound).prop_map(move |mantissa| (Decimal::new(mantissa, decimals), decimals))
    })
}

fn locale() -> impl Strategy<Value = Locale> {
    prop_oneof![Just(Locale::Id), Just(Locale::En)]
}

fn cell_figure(text: &str, base: usize, locale: Locale, units: &Units) -> Figure {
    match lex_cell(text, base, locale, units) {
        CellFigure::Figure(figure) => figure,
        other => panic!("{text:?} in {locale}: {other:?}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn a_formatted_cell_lexes_back((value, decimals) in value_and_decimals(), locale in locale()) {
        let units = Units::builtin();
        let printed = locale.format(value, decimals);
        let figure = cell_figure(&printed, 0, locale, &units);
        prop_assert_eq!(figure.value, value);
        prop_assert_eq!(figure.decimals, decimals);
        prop_assert_eq!(figure.kind, FigureKind::Plain);
        prop_assert_eq!(figure.span.range(), 0..printed.len());
        prop_assert_eq!(figure.number_span.range(), 0..printed.len());
    }

    #[test]
    fn a_formatted_percent_lexes_back(
        (value, decimals) in value_and_decimals(),
        locale in locale(),
        space in prop_oneof![Just(""), Just(" "), Just("\u{a0}")],
    ) {
        let units = Units::builtin();
        let number = locale.format(value, decimals);
        let printed = format!("  {number}{space}% ");
        let figure = cell_figure(&printed, 100, locale, &units);
        prop_assert_eq!(figure.value, value);
        prop_assert_eq!(figure.decimals, decimals);
        prop_assert_eq!(figure.kind, FigureKind::Percent);
        prop_assert_eq!(figure.span.range(), 102..100 + printed.len() - 1);
        prop_assert_eq!(figure.number_span.range(), 102..102 + number.len());
    }

    #[test]
    fn a_formatted_count_lexes_back((value, decimals) in value_and_decimals(), locale in locale()) {
        let units = Units::builtin();
        let number = locale.format(value, decimals);
        let printed = format!("{number} orang");
        let figure = cell_figure(&printed, 0, locale, &units);
        prop_assert_eq!(figure.value, value);
        prop_assert_eq!(figure.decimals, decimals);
        prop_assert_eq!(figure.kind, FigureKind::Count);
        prop_assert_eq!(figure.unit.as_deref(), Some("orang"));
        prop_assert_eq!(&printed[figure.number_span.range()], number.as_str());
    }

    #[test]
    fn a_formatted_figure_is_found_in_prose(
        (value, decimals) in value_and_decimals(),
        locale in locale(),
    ) {
        let units = Units::builtin();
        let number = locale.format(value, decimals);
        let sentence = format!("realisasi sebesar {number} orang pada akhir tahun");
        let figures = scan_prose(&sentence, locale, &units);
        prop_assert_eq!(figures.len(), 1, "{:?}", figures);
        let figure = &figures[0];
        prop_assert_eq!(figure.value, value);
        prop_assert_eq!(figure.decimals, decimals);
        prop_assert_eq!(figure.kind, FigureKind::Count);
        prop_assert_eq!(&sentence[figure.span.range()], format!("{number} orang"));
        prop_assert_eq!(&sentence[figure.number_span.range()], number.as_str());
    }
}

/// Characters that exercise every branch of the lexer: digits, both separators, signs,
/// dashes, `Rp`, `%`, parentheses, units, words and multi-byte characters.
const ALPHABET: &[&str] = &[
    "0", "1", "2", "9", "0", "5", ".", ",", "-", "\u{2212}", "–", "—", "(", ")", "(-)", "%", "\\%",
    "Rp", "Rp.", "rp", " ", " ", "\u{a0}", "\n", "\t", "orang", "persen", "lima", "puluh", "Tabel",
    "tahun", "Januari", "juta", "/", "+", "_", "{", "}", "^", "=", ":", "é", "🙂", "\u{301}", "a",
    "Z", "*", "$",
];

fn tricky_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(ALPHABET), 0..40)
        .prop_map(|pieces| pieces.concat())
}

/// The spans of a figure are inside `text`, on char boundaries, and nested as documented.
fn check_spans(text: &str, figure: &Figure, base: usize) -> Result<(), TestCaseError> {
    let span = figure.span.range();
    let number = figure.number_span.range();
    prop_assert!(span.start >= base && span.end <= base + text.len());
    prop_assert!(span.start <= number.start && number.end <= span.end);
    let local = |r: std::ops::Range<usize>| (r.start - base)..(r.end - base);
    prop_assert!(text.get(local(span.clone())).is_some());
    prop_assert!(text.get(local(number)).is_some());
    if let Some(words) = &figure.words {
        let w = words.span.range();
        prop_assert!(span.start <= w.start && w.end <= span.end);
        prop_assert_eq!(text.get(local(w)), Some(words.text.as_str()));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_text_lexes_without_panic(text in tricky_text(), locale in locale()) {
        let units = Units::builtin();
        if let CellFigure::Figure(figure) = lex_cell(&text, 10, locale, &units) {
            check_spans(&text, &figure, 10)?;
            prop_assert_eq!(figure.span.range(), (10 + text.len() - text.trim_start().len())..(10 + text.trim_end().len()));
        }
        let figures = scan_prose(&text, locale, &units);
        for figure in &figures {
            check_spans(&text, figure, 0)?;
        }
        for pair in figures.windows(2) {
            prop_assert!(pair[0].span.end() <= pair[1].span.start());
        }
    }
}
