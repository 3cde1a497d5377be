//! Indonesian number words, read and written.
//!
//! Reports confirm important digits with words in parentheses: `84 (delapan puluh empat)
//! orang`. Reading the words lets periksa check that both say the same number; writing them
//! lets a fix suggest the canonical spelling.
//!
//! The grammar is strict on purpose: a phrase that is not a well-formed number (`empat puluh
//! puluh`, `satu puluh`) has no value, so a typo in the words is reported instead of being
//! silently read as something else.
//!
//! ```text
//! number   := "nol" | group+            (scales strictly descending)
//! group    := "seribu" | "sejuta" | "semiliar" | "semilyar" | "setriliun" | …
//!           | small scale                (scale: ribu, juta, miliar/milyar, triliun, …)
//!           | small                      (only as the last group)
//! small    := hundreds? tens?            (1..=999, at least one part)
//! hundreds := "seratus" | digit2 "ratus"
//! tens     := "sepuluh" | "sebelas" | digit2 "belas" | digit2 "puluh" digit1? | digit1
//! digit1   := satu … sembilan;  digit2 := dua … sembilan
//! ```
//!
//! `satu ribu` and `satu juta` are accepted (both are seen in formal writing and the value is
//! unambiguous), but `satu ratus`, `satu puluh` and `satu belas` are not: those are always
//! written `seratus`, `sepuluh`, `sebelas`.

use rust_decimal::Decimal;

/// The scale words, largest first. `kuadriliun` and `kuintiliun` are rare in reports but make
/// [`to_number_words`] total over `u64`.
const SCALES: [(&str, u128); 7] = [
    ("kuintiliun", 1_000_000_000_000_000_000),
    ("kuadriliun", 1_000_000_000_000_000),
    ("triliun", 1_000_000_000_000),
    ("miliar", 1_000_000_000),
    ("milyar", 1_000_000_000),
    ("juta", 1_000_000),
    ("ribu", 1_000),
];

const DIGITS: [&str; 10] =
    ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"];

/// `satu` … `sembilan` as 1 … 9 (`nol` is not a digit inside a phrase).
fn digit(word: &str) -> Option<u128> {
    DIGITS.iter().position(|d| *d == word).filter(|&i| i > 0).map(|i| i as u128)
}

fn scale(word: &str) -> Option<u128> {
    SCALES.iter().find(|(w, _)| *w == word).map(|&(_, v)| v)
}

/// `seribu`, `sejuta`, … : the scale words with the "one" prefix fused in.
fn se_scale(word: &str) -> Option<u128> {
    word.strip_prefix("se").and_then(scale)
}

/// Reads a number from 1 to 999 starting at `tokens[*i]`, advancing `*i`.
fn parse_small(tokens: &[&str], i: &mut usize) -> Option<u128> {
    let start = *i;
    let mut value = 0;
    match tokens.get(*i) {
        Some(&"seratus") => {
            value = 100;
            *i += 1;
        }
        Some(w) => {
            if let (Some(d @ 2..), Some(&"ratus")) = (digit(w), tokens.get(*i + 1)) {
                value = d * 100;
                *i += 2;
            }
        }
        None => return None,
    }
    match tokens.get(*i) {
        Some(&"sepuluh") => {
            value += 10;
            *i += 1;
        }
        Some(&"sebelas") => {
            value += 11;
            *i += 1;
        }
        Some(w) => {
            if let Some(d) = digit(w) {
                match tokens.get(*i + 1) {
                    Some(&"puluh") if d >= 2 => {
                        value += d * 10;
                        *i += 2;
                        if let Some(u) = tokens.get(*i).and_then(|w| digit(w)) {
                            value += u;
                            *i += 1;
                        }
                    }
                    Some(&"belas") if d >= 2 => {
                        value += 10 + d;
                        *i += 2;
                    }
                    _ => {
                        value += d;
                        *i += 1;
                    }
                }
            }
        }
        None => {}
    }
    (*i > start).then_some(value)
}

/// The value of Indonesian number words (`delapan puluh empat` is 84), or `None` when the
/// text is not a well-formed number phrase (`empat puluh puluh`, `orang`, an empty string).
///
/// Case-insensitive; any run of white space separates words.
pub fn parse_number_words(text: &str) -> Option<Decimal> {
    let lower = text.to_lowercase();
    let tokens: Vec<&str> = lower.split_whitespace().collect();
    if tokens.is_empty() {
        return None;
    }
    if tokens == ["nol"] {
        return Some(Decimal::ZERO);
    }
    let mut total: u128 = 0;
    // The scale of the previous group: each group must use a smaller one, so that
    // `dua ribu tiga ribu` or `seribu juta` are rejected.
    let mut last_scale = u128::MAX;
    let mut i = 0;
    while i < tokens.len() {
        if let Some(s) = se_scale(tokens[i]) {
            if s >= last_scale {
                return None;
            }
            total += s;
            last_scale = s;
            i += 1;
            continue;
        }
        let small = parse_small(&tokens, &mut i)?;
        match tokens.get(i).and_then(|w| scale(w)) {
            Some(s) if s < last_scale => {
                total += small * s;
                last_scale = s;
                i += 1;
            }
            Some(_) => return None,
            None => {
                // The units group closes the phrase: nothing may follow it.
                if i != tokens.len() {
                    return None;
                }
                total += small;
            }
        }
    }
    Decimal::try_from_i128_with_scale(i128::try_from(total).ok()?, 0).ok()
}

/// Spells 1 … 999.
fn small_words(n: u64, out: &mut Vec<&'static str>) {
    debug_assert!((1..1000).contains(&n));
    let hundreds = (n / 100) as usize;
    let rest = (n % 100) as usize;
    match hundreds {
        0 => {}
        1 => out.push("seratus"),
        h => out.extend([DIGITS[h], "ratus"]),
    }
    match rest {
        0 => {}
        1..=9 => out.push(DIGITS[rest]),
        10 => out.push("sepuluh"),
        11 => out.push("sebelas"),
        12..=19 => out.extend([DIGITS[rest - 10], "belas"]),
        _ => {
            out.extend([DIGITS[rest / 10], "puluh"]);
            if rest % 10 != 0 {
                out.push(DIGITS[rest % 10]);
            }
        }
    }
}

/// The canonical Indonesian spelling of `n`, lower-case, words separated by one space:
/// `84` is `delapan puluh empat`, `1000` is `seribu`, `1_000_000` is `satu juta`.
///
/// [`parse_number_words`] reads it back to `n`.
pub fn to_number_words(n: u64) -> String {
    if n == 0 {
        return "nol".to_string();
    }
    let mut out: Vec<&'static str> = Vec::new();
    for &(word, s) in SCALES.iter().filter(|(w, _)| *w != "milyar") {
        let group = ((n as u128 / s) % 1000) as u64;
        match group {
            0 => {}
            1 if word == "ribu" => out.push("seribu"),
            g => {
                small_words(g, &mut out);
                out.push(word);
            }
        }
    }
    let units = n % 1000;
    if units != 0 {
        small_words(units, &mut out);
    }
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str) -> Option<u64> {
        parse_number_words(text).map(|d| u64::try_from(d).unwrap())
    }

    #[test]
    fn reads_small_numbers() {
        assert_eq!(value("nol"), Some(0));
        assert_eq!(value("satu"), Some(1));
        assert_eq!(value("sembilan"), Some(9));
        assert_eq!(value("sepuluh"), Some(10));
        assert_eq!(value("sebelas"), Some(11));
        assert_eq!(value("dua belas"), Some(12));
        assert_eq!(value("sembilan belas"), Some(19));
        assert_eq!(value("dua puluh"), Some(20));
        assert_eq!(value("delapan puluh empat"), Some(84));
        assert_eq!(value("seratus"), Some(100));
        assert_eq!(value("seratus satu"), Some(101));
        assert_eq!(value("seratus sebelas"), Some(111));
        assert_eq!(value("dua ratus"), Some(200));
        assert_eq!(value("sembilan ratus sembilan puluh sembilan"), Some(999));
    }

    #[test]
    fn reads_scales_and_compositions() {
        assert_eq!(value("seribu"), Some(1000));
        assert_eq!(value("dua ribu"), Some(2000));
        assert_eq!(value("sebelas ribu"), Some(11_000));
        assert_eq!(value("seratus ribu"), Some(100_000));
        assert_eq!(value("dua ratus tiga puluh empat ribu lima ratus"), Some(234_500));
        assert_eq!(value("satu juta dua ratus ribu"), Some(1_200_000));
        assert_eq!(value("sejuta"), Some(1_000_000));
        assert_eq!(value("sejuta seribu"), Some(1_001_000));
        assert_eq!(value("satu ribu"), Some(1000));
        assert_eq!(value("lima miliar"), Some(5_000_000_000));
        assert_eq!(value("lima milyar"), Some(5_000_000_000));
        assert_eq!(value("semiliar"), Some(1_000_000_000));
        assert_eq!(value("setriliun"), Some(1_000_000_000_000));
        assert_eq!(
            value("empat belas miliar tujuh ratus satu juta tujuh ribu"),
            Some(14_701_007_000)
        );
        assert_eq!(
            value("dua triliun tiga miliar empat juta lima ribu enam"),
            Some(2_003_004_005_006)
        );
    }

    #[test]
    fn case_and_spacing_do_not_matter() {
        assert_eq!(value("  Delapan   PULUH\tempat "), Some(84));
        assert_eq!(value("Tiga Puluh\nDelapan"), Some(38));
    }

    #[test]
    fn malformed_phrases_have_no_value() {
        for text in [
            "",
            "   ",
            "orang",
            "empat puluh puluh",
            "lima belas belas",
            "satu puluh",
            "satu belas",
            "satu ratus",
            "sebelas belas",
            "nol nol",
            "satu nol",
            "ribu",
            "juta",
            "dua ribu tiga ribu",
            "seribu juta",
            "dua juta tiga miliar",
            "seratus seratus",
            "sepuluh dua",
            "dua puluh dua ratus",
            "delapan puluh empat orang",
            "empat-puluh",
            "se ribu",
        ] {
            assert_eq!(parse_number_words(text), None, "{text:?}");
        }
    }

    #[test]
    fn canonical_spelling() {
        assert_eq!(to_number_words(0), "nol");
        assert_eq!(to_number_words(10), "sepuluh");
        assert_eq!(to_number_words(11), "sebelas");
        assert_eq!(to_number_words(15), "lima belas");
        assert_eq!(to_number_words(84), "delapan puluh empat");
        assert_eq!(to_number_words(100), "seratus");
        assert_eq!(to_number_words(1000), "seribu");
        assert_eq!(to_number_words(1001), "seribu satu");
        assert_eq!(to_number_words(234_500), "dua ratus tiga puluh empat ribu lima ratus");
        assert_eq!(to_number_words(1_000_000), "satu juta");
        assert_eq!(to_number_words(1_200_000), "satu juta dua ratus ribu");
        assert_eq!(to_number_words(2_000_000_000), "dua miliar");
        assert_eq!(to_number_words(1_000_000_000_000), "satu triliun");
    }

    #[test]
    fn round_trip_up_to_one_hundred_thousand() {
        for n in 0..=100_000u64 {
            let words = to_number_words(n);
            assert_eq!(value(&words), Some(n), "{n}: {words}");
        }
    }

    #[test]
    fn round_trip_large_values() {
        for n in [
            999_999,
            1_000_001,
            14_701_007_000,
            999_999_999_999,
            1_000_000_000_000,
            123_456_789_012_345,
            1_000_000_000_000_000,
            999_999_999_999_999_999,
            u64::MAX,
        ] {
            let words = to_number_words(n);
            assert_eq!(value(&words), Some(n), "{n}: {words}");
        }
    }
}
