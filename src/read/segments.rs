//! Splitting a file into Markdown stretches and tab-separated tables.
//!
//! A Word document exported as text writes each table row as one line with its cells
//! separated by tabs. Markdown would read such lines as a paragraph, an indented code block
//! or a list (`1.<TAB>…`), so they are found first, line by line, and only the stretches
//! between them go to the Markdown parser.

use super::lines::{lines_in, Line};
use crate::span::Span;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    /// Text for the Markdown parser.
    Markdown(Span),
    /// Consecutive lines that hold tab-separated cells.
    TabTable(Vec<Line>),
}

/// Splits `text[from..]` into segments, in order.
pub fn split(text: &str, from: usize) -> Vec<Segment> {
    let lines = lines_in(text, from, text.len());
    let mut segments = Vec::new();
    let mut markdown_start = from;
    let mut fence: Option<(char, usize)> = None;
    let mut i = 0;
    while i < lines.len() {
        let line_text = lines[i].text(text);
        if let Some(marker) = fence_marker(line_text) {
            fence = match fence {
                None => Some(marker),
                Some(open) if marker.0 == open.0 && marker.1 >= open.1 => None,
                still_open => still_open,
            };
            i += 1;
            continue;
        }
        if fence.is_some() || !is_tab_line(line_text) {
            i += 1;
            continue;
        }
        let run_end =
            (i..lines.len()).find(|&j| !is_tab_line(lines[j].text(text))).unwrap_or(lines.len());
        let run = &lines[i..run_end];
        if run.len() >= 2 && run.iter().any(|l| has_inner_tab(l.text(text))) {
            let start = run[0].span.start;
            if start > markdown_start {
                segments.push(Segment::Markdown(Span::new(markdown_start, start)));
            }
            segments.push(Segment::TabTable(run.to_vec()));
            markdown_start = next_line_start(text, run[run.len() - 1].span.end);
        }
        i = run_end;
    }
    if markdown_start < text.len() {
        segments.push(Segment::Markdown(Span::new(markdown_start, text.len())));
    }
    segments
}

/// A line with a tab and something besides white space.
fn is_tab_line(line: &str) -> bool {
    line.contains('\t') && !line.trim().is_empty()
}

/// A tab after the first non-blank character: the line separates cells, it is not just
/// indented.
fn has_inner_tab(line: &str) -> bool {
    line.trim_start().trim_end().contains('\t')
}

/// A fence of three or more backticks or tildes (at most three spaces in), with the fence
/// character and its length.
fn fence_marker(line: &str) -> Option<(char, usize)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let rest = &line[indent..];
    let ch = rest.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let count = rest.chars().take_while(|c| *c == ch).count();
    (count >= 3).then_some((ch, count))
}

fn next_line_start(text: &str, line_end: usize) -> usize {
    match text[line_end..].find('\n') {
        Some(i) => line_end + i + 1,
        None => text.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<String> {
        split(text, 0)
            .into_iter()
            .map(|s| match s {
                Segment::Markdown(span) => format!("md:{:?}", &text[span.range()]),
                Segment::TabTable(lines) => format!("tab:{}", lines.len()),
            })
            .collect()
    }

    #[test]
    fn tab_lines_become_a_table() {
        let text = "Tabel 1\nJudul\n\nNo\tNama\n1.\tA\n\nSetelah.\n";
        assert_eq!(kinds(text), ["md:\"Tabel 1\\nJudul\\n\\n\"", "tab:2", "md:\"\\nSetelah.\\n\""]);
    }

    #[test]
    fn indented_lines_and_fenced_code_are_not_tables() {
        let text = "\tkode\n\tlagi\n```\na\tb\nc\td\n```\n";
        assert_eq!(kinds(text), [format!("md:{text:?}")]);
    }

    #[test]
    fn crlf_tables() {
        let text = "No\tNama\r\n1.\tA\r\n";
        assert_eq!(kinds(text), ["tab:2"]);
    }
}
