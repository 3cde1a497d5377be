//! Lines of a file with their byte offsets, line ends (LF or CRLF) excluded.

use crate::span::Span;

/// One line: `span` covers its content without the line end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    pub span: Span,
}

impl Line {
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.span.range()]
    }

    pub fn is_blank(&self, source: &str) -> bool {
        self.text(source).trim().is_empty()
    }
}

/// The lines of `text[from..to]`. A final line without a line end counts; an empty
/// remainder after the last line end does not.
pub fn lines_in(text: &str, from: usize, to: usize) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = from;
    let bytes = text.as_bytes();
    while start < to {
        let end = match memchr_newline(&bytes[start..to]) {
            Some(i) => start + i,
            None => to,
        };
        let content_end = if end > start && bytes[end - 1] == b'\r' { end - 1 } else { end };
        lines.push(Line { span: Span::new(start, content_end) });
        start = end + 1;
    }
    lines
}

fn memchr_newline(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_and_last_line() {
        let text = "a\r\nbc\n\nd";
        let lines = lines_in(text, 0, text.len());
        let texts: Vec<_> = lines.iter().map(|l| l.text(text)).collect();
        assert_eq!(texts, ["a", "bc", "", "d"]);
    }
}
