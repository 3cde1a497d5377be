//! The reviewer's working paper: one row per check performed ([`CheckRecord`]), passed or
//! failed, then the counts per check. As CSV (with the `csv` crate, for any spreadsheet)
//! or as an .xlsx workbook (with `rust_xlsxwriter`: the checks on one sheet, the counts on
//! another).
//!
//! Figures stay as the report prints them; the recomputed values are shown in the report's
//! number format, as the range the printed inputs allow.

use crate::arith::Interval;
use crate::figures::Locale;
use crate::messages::{Lang, Message};
use crate::msg;
use crate::read::SourceFile;
use crate::rules::worksheet::{CheckRecord, Verdict};
use rust_decimal::RoundingStrategy;
use std::collections::BTreeMap;

/// The checks of one file.
pub struct FileWorksheet<'a> {
    pub source: &'a SourceFile,
    /// The report's number format, for the recomputed values.
    pub locale: Locale,
    pub records: &'a [CheckRecord],
}

/// The columns of a row, as text.
fn header(lang: Lang) -> Vec<String> {
    [
        msg!("worksheet.column-file"),
        msg!("worksheet.column-line"),
        msg!("worksheet.column-column"),
        msg!("worksheet.column-check"),
        msg!("worksheet.column-place"),
        msg!("worksheet.column-row"),
        msg!("worksheet.column-inputs"),
        msg!("worksheet.column-formula"),
        msg!("worksheet.column-recomputed"),
        msg!("worksheet.column-printed"),
        msg!("worksheet.column-verdict"),
        msg!("worksheet.column-finding"),
    ]
    .iter()
    .map(|m| m.render(lang))
    .collect()
}

fn row(file: &FileWorksheet, record: &CheckRecord, lang: Lang) -> Vec<String> {
    let source = file.source;
    let at = source.line_col(record.span.start());
    vec![
        source.name.clone(),
        at.line.to_string(),
        at.column.to_string(),
        record.code.to_string(),
        record.place.render(lang),
        record.row.clone().unwrap_or_default(),
        record.inputs.join("; "),
        record.formula.render(lang),
        record
            .recomputed
            .map(|i| show_interval(&i, record.decimals, file.locale))
            .unwrap_or_default(),
        record.printed.clone(),
        verdict(record.verdict).render(lang),
        match (record.verdict, record.reported) {
            (_, true) => msg!("worksheet.reported").render(lang),
            (Verdict::Fails, false) => msg!("worksheet.not-reported").render(lang),
            _ => String::new(),
        },
    ]
}

fn verdict(verdict: Verdict) -> Message {
    match verdict {
        Verdict::Holds => msg!("worksheet.verdict-holds"),
        Verdict::HoldsByRounding => msg!("worksheet.verdict-holds-by-rounding"),
        Verdict::Fails => msg!("worksheet.verdict-fails"),
    }
}

/// The values the printed inputs allow, two decimals finer than the printed figure,
/// rounded outwards so the range shown holds the whole interval; one value when exact.
pub fn show_interval(interval: &Interval, decimals: u32, locale: Locale) -> String {
    let places = (decimals + 2).min(8);
    let lo = interval.lo.round_dp_with_strategy(places, RoundingStrategy::ToNegativeInfinity);
    let hi = interval.hi.round_dp_with_strategy(places, RoundingStrategy::ToPositiveInfinity);
    if interval.is_exact() {
        let value = interval.lo.normalize();
        let shown = locale.format(value, value.scale().min(places));
        // A value with more decimals than shown (34 / 30 × 100) says so.
        return if value.scale() > places { format!("{shown}…") } else { shown };
    }
    format!("{} – {}", locale.format(lo, places), locale.format(hi, places))
}

/// Counts per check: performed, holds, holds only by rounding, fails.
fn counts<'a>(files: &'a [FileWorksheet<'a>]) -> BTreeMap<&'static str, [usize; 4]> {
    let mut counts: BTreeMap<&'static str, [usize; 4]> = BTreeMap::new();
    for record in files.iter().flat_map(|f| f.records) {
        let entry = counts.entry(record.code).or_default();
        entry[0] += 1;
        entry[1 + record.verdict as usize] += 1;
    }
    counts
}

fn counts_header(lang: Lang) -> Vec<String> {
    [
        msg!("worksheet.column-check"),
        msg!("worksheet.column-performed"),
        msg!("worksheet.verdict-holds"),
        msg!("worksheet.verdict-holds-by-rounding"),
        msg!("worksheet.verdict-fails"),
    ]
    .iter()
    .map(|m| m.render(lang))
    .collect()
}

fn counts_rows<'a>(files: &'a [FileWorksheet<'a>], lang: Lang) -> Vec<Vec<String>> {
    let counts = counts(files);
    let mut rows: Vec<Vec<String>> = counts
        .iter()
        .map(|(code, c)| std::iter::once(code.to_string()).chain(c.iter().map(usize::to_string)))
        .map(Iterator::collect)
        .collect();
    let mut total = [0usize; 4];
    for c in counts.values() {
        for (t, n) in total.iter_mut().zip(c) {
            *t += n;
        }
    }
    rows.push(
        std::iter::once(msg!("worksheet.total").render(lang))
            .chain(total.iter().map(usize::to_string))
            .collect(),
    );
    rows
}

/// The worksheet as CSV: the checks, a blank line, then the counts per check.
pub fn render_csv(files: &[FileWorksheet], lang: Lang) -> String {
    let mut checks = vec![header(lang)];
    checks.extend(files.iter().flat_map(|f| f.records.iter().map(move |r| row(f, r, lang))));
    let mut counts = vec![counts_header(lang)];
    counts.extend(counts_rows(files, lang));
    format!("{}\n{}", csv_of(&checks), csv_of(&counts))
}

fn csv_of(rows: &[Vec<String>]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in rows {
        // Writing to memory fails only on a record of another length than the first,
        // which these are not; such a row would be left out rather than stop the report.
        let _ = writer.write_record(row);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// The worksheet as an .xlsx workbook: the checks on the first sheet (header row frozen,
/// filters on), the counts on the second.
pub fn render_xlsx(files: &[FileWorksheet], lang: Lang) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let failing = Format::new().set_background_color("#F8D7DA");
    let rounding = Format::new().set_background_color("#FFF3CD");
    let error = |e: rust_xlsxwriter::XlsxError| e.to_string();

    let sheet = workbook.add_worksheet();
    sheet.set_name(msg!("worksheet.sheet-checks").render(lang)).map_err(error)?;
    let header = header(lang);
    for (c, title) in header.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, title, &bold).map_err(error)?;
    }
    let mut r: u32 = 1;
    for file in files {
        for record in file.records {
            let format = match record.verdict {
                Verdict::Fails => Some(&failing),
                Verdict::HoldsByRounding => Some(&rounding),
                Verdict::Holds => None,
            };
            for (c, text) in row(file, record, lang).iter().enumerate() {
                let c = c as u16;
                // Line and column are numbers in a spreadsheet; figures stay as printed.
                let number = (c == 1 || c == 2).then(|| text.parse::<f64>().ok()).flatten();
                match (number, format) {
                    (Some(n), Some(f)) => sheet.write_number_with_format(r, c, n, f),
                    (Some(n), None) => sheet.write_number(r, c, n),
                    (None, Some(f)) => sheet.write_string_with_format(r, c, text, f),
                    (None, None) => sheet.write_string(r, c, text),
                }
                .map_err(error)?;
            }
            r += 1;
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(error)?;
    if r > 1 {
        sheet.autofilter(0, 0, r - 1, (header.len() - 1) as u16).map_err(error)?;
    }
    sheet.autofit();

    let summary = workbook.add_worksheet();
    summary.set_name(msg!("worksheet.sheet-counts").render(lang)).map_err(error)?;
    for (c, title) in counts_header(lang).iter().enumerate() {
        summary.write_string_with_format(0, c as u16, title, &bold).map_err(error)?;
    }
    for (i, counts) in counts_rows(files, lang).iter().enumerate() {
        let r = i as u32 + 1;
        summary.write_string(r, 0, &counts[0]).map_err(error)?;
        for (c, n) in counts.iter().enumerate().skip(1) {
            let n: f64 = n.parse().unwrap_or_default();
            summary.write_number(r, c as u16, n).map_err(error)?;
        }
    }
    summary.autofit();
    workbook.save_to_buffer().map_err(error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    #[test]
    fn intervals_are_shown_outwards_in_the_report_format() {
        let i = Interval {
            lo: Decimal::new(844958333, 7), // 84.4958333
            hi: Decimal::new(845041667, 7), // 84.5041667
        };
        assert_eq!(show_interval(&i, 2, Locale::Id), "84,4958 – 84,5042");
        assert_eq!(show_interval(&Interval::exact(Decimal::new(1085, 0)), 0, Locale::Id), "1.085");
        assert_eq!(show_interval(&Interval::exact(Decimal::new(845, 1)), 2, Locale::Id), "84,5");
    }
}
