//! Splitting a file into Markdown stretches, tab-separated tables and HTML tables.
//!
//! A Word document exported as text writes each table row as one line with its cells
//! separated by tabs. Markdown would read such lines as a paragraph, an indented code block
//! or a list (`1.<TAB>…`), so they are found first, line by line, and only the stretches
//! between them go to the Markdown parser.
//!
//! An HTML `<table>` that starts a line is taken out whole, up to its own `</table>`
//! (nested tables counted): Markdown would end an HTML block at the first blank line.

use super::lines::{lines_in, Line};
use crate::span::Span;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    /// Text for the Markdown parser.
    Markdown(Span),
    /// Consecutive lines that hold tab-separated cells.
    TabTable(Vec<Line>),
    /// From a line that starts with `<table` to the line of its `</table>`.
    HtmlTable(Span),
}

/// Splits `text[from..]` into segments, in order.
pub fn split(text: &str, from: usize) -> Vec<Segment> {
    let lines = lines_in(text, from, text.len());
    let table_ends = html_table_ends(text, &lines);
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
        if let (None, Some(&end)) = (fence, table_ends.get(&i)) {
            let span = Span::new(lines[i].span.start(), lines[end].span.end());
            if span.start() > markdown_start {
                segments.push(Segment::Markdown(Span::new(markdown_start, span.start())));
            }
            segments.push(Segment::HtmlTable(span));
            markdown_start = next_line_start(text, span.end());
            i = end + 1;
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
            let start = run[0].span.start();
            if start > markdown_start {
                segments.push(Segment::Markdown(Span::new(markdown_start, start)));
            }
            segments.push(Segment::TabTable(run.to_vec()));
            markdown_start = next_line_start(text, run[run.len() - 1].span.end());
        }
        i = run_end;
    }
    if markdown_start < text.len() {
        segments.push(Segment::Markdown(Span::new(markdown_start, text.len())));
    }
    segments
}

/// For each line that starts an HTML table (`<table` at most three spaces in, outside
/// fenced code), the line of the `</table>` that closes it. One pass with a stack of open
/// tables, so a table that never closes costs nothing more.
fn html_table_ends(text: &str, lines: &[Line]) -> std::collections::HashMap<usize, usize> {
    let mut ends = std::collections::HashMap::new();
    // Open tables: the line that opened each, and whether the table starts that line.
    let mut open: Vec<(usize, bool)> = Vec::new();
    let mut fence: Option<(char, usize)> = None;
    for (i, line) in lines.iter().enumerate() {
        let line_text = line.text(text);
        if let Some(marker) = fence_marker(line_text) {
            fence = match fence {
                None => Some(marker),
                Some(open) if marker.0 == open.0 && marker.1 >= open.1 => None,
                still_open => still_open,
            };
            continue;
        }
        if fence.is_some() || !line_text.contains('<') {
            continue;
        }
        let indent = line_text.len() - line_text.trim_start_matches(' ').len();
        for (at, _) in line_text.match_indices('<') {
            let rest = &line_text[at..];
            if tag_at(rest, "<table") {
                open.push((i, at == indent && indent <= 3));
            } else if tag_at(rest, "</table") {
                if let Some((opened, at_start)) = open.pop() {
                    if at_start {
                        ends.insert(opened, i);
                    }
                }
            }
        }
    }
    ends
}

/// `rest` starts with the tag name `name` (ASCII case aside), followed by the end of
/// the name: white space, `>`, `/` or the end of the line.
fn tag_at(rest: &str, name: &str) -> bool {
    let bytes = rest.as_bytes();
    bytes.len() >= name.len()
        && bytes[..name.len()].eq_ignore_ascii_case(name.as_bytes())
        && bytes
            .get(name.len())
            .is_none_or(|b| matches!(b, b' ' | b'\t' | b'>' | b'/' | b'\r' | b'\n'))
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
                Segment::HtmlTable(span) => format!("html:{:?}", &text[span.range()]),
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

    #[test]
    fn html_tables_are_taken_out_whole() {
        let text =
            "Tabel 1\n\n<table>\n<tr><td>1</td></tr>\n\n<tr><td>2</td></tr>\n</table>\nSetelah.\n";
        assert_eq!(
            kinds(text),
            [
                "md:\"Tabel 1\\n\\n\"",
                "html:\"<table>\\n<tr><td>1</td></tr>\\n\\n<tr><td>2</td></tr>\\n</table>\"",
                "md:\"Setelah.\\n\""
            ]
        );
    }

    #[test]
    fn nested_unclosed_and_fenced_html_tables() {
        // The outer table closes at its own `</table>`, not the nested one's.
        let text = "<TABLE>\n<tr><td><table><tr><td>x</td></tr></table></td></tr>\n</table>\n";
        assert_eq!(kinds(text), [format!("html:{:?}", text.trim_end())]);
        // An unclosed table, one in a code fence, or one inside a paragraph line stays Markdown.
        for text in [
            "<table>\n<tr><td>1</td></tr>\n",
            "```\n<table></table>\n```\n",
            "Teks <table></table>\n",
        ] {
            assert_eq!(kinds(text), [format!("md:{text:?}")]);
        }
    }
}
