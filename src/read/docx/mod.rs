//! Word documents (.docx) read directly: the zip archive is opened with `zip`, and
//! `word/document.xml` is walked with `quick-xml` into a *text view* of the document.
//!
//! The text view is what the tab-separated text export of a Word document (the .txt kind)
//! looks like, so every later step — tables, captions, headings, every check — reads a
//! .docx unchanged, and findings point at a line of the view (which codespan shows):
//!
//! - each paragraph is one block followed by a blank line: the text of its runs joined,
//!   `w:tab` a tab, `w:br`/`w:cr` a line break;
//! - a paragraph of an automatically numbered list starts with the label Word draws for
//!   it ("1.", "a)", "BAB II", a bullet as `-`), counted as Word counts it
//!   ([`numbering`]); an item of a sub-list is indented under a Markdown list item, so
//!   it reads as nested;
//! - a paragraph with a heading style (Heading1–3, Judul1–3) or an outline level 0–2
//!   becomes a Markdown heading (`#`, `##`, `###`), as a reader of the .txt kind expects;
//! - each table row is one line, its cells separated by tabs, the paragraphs of a cell
//!   joined with a space (tabs and line breaks inside a cell become spaces, so the row
//!   stays one line);
//! - a cell spanning `n` grid columns (`w:gridSpan`) is its text and then `n − 1` empty
//!   cells, and `w:gridBefore` leaves empty cells in front, so columns stay aligned;
//! - a cell that continues a vertical merge (`w:vMerge` without `restart`) is empty, as
//!   it is in Word's own text export and in an HTML table: a merged header label then
//!   reads as one label over its rows (repeating it would make the second header row look
//!   like data), a merged goal is carried down by the table reader as the text export's
//!   is, and a merged number is not counted once per row in a total;
//! - a table inside a table cell is flattened: its text joins the text of the outer cell;
//! - text boxes (`w:txbxContent`) and the fallback copy of drawing content
//!   (`mc:Fallback`) are skipped: they are floating, not in the reading order.
//!
//! Damaged input is an error, never a panic: not a zip archive (or a truncated one), no
//! `word/document.xml`, XML that is not well formed, or a document that decompresses to
//! more than [`MAX_DOCUMENT_BYTES`] (a zip bomb).

mod numbering;

use numbering::{Counter, Label, Numbering};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::io::{Cursor, Read};

/// The most of `word/document.xml` read once decompressed. Real reports are a few
/// megabytes of XML; more than this is a damaged file or a zip bomb.
pub const MAX_DOCUMENT_BYTES: u64 = 200 * 1024 * 1024;

/// Why a .docx could not be read (the caller adds the file name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocxError {
    /// Not a zip archive, a truncated one, or a member that does not decompress.
    NotZip(String),
    /// A zip archive without `word/document.xml`.
    NoDocument,
    /// `word/document.xml` decompresses to more than the limit (in MB).
    TooLarge(u64),
    /// `word/document.xml` is not well-formed XML (or not UTF-8).
    BadXml(String),
}

/// The text view of a .docx and where each of its lines comes from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DocxView {
    pub text: String,
    /// For each line of `text` (0-based), its place in the document; `None` for the
    /// blank lines between blocks.
    pub lines: Vec<Option<LinePlace>>,
}

/// Where a line of the text view comes from, numbered from 1 in document order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinePlace {
    /// The `n`th paragraph of the body (empty ones counted, tables not).
    Paragraph(usize),
    /// Row `row` of the `table`th table of the body.
    TableRow { table: usize, row: usize },
}

/// A place in the document, as the JSON `location` shows it: `{"paragraph": N}` or
/// `{"table": T, "row": R, "column": C}` (all from 1; `column` the grid column).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(untagged)]
pub enum Place {
    Paragraph { paragraph: usize },
    Table { table: usize, row: usize, column: usize },
}

impl DocxView {
    /// The place of byte `offset` of the view.
    pub fn place(&self, offset: usize) -> Option<Place> {
        place_in(&self.text, &self.lines, offset)
    }
}

/// The place of byte `offset` of a view `text` whose lines come from `lines`.
pub fn place_in(text: &str, lines: &[Option<LinePlace>], offset: usize) -> Option<Place> {
    if lines.is_empty() {
        return None;
    }
    let offset = offset.min(text.len());
    let before = text.get(..offset)?;
    let line = before.matches('\n').count();
    match (*lines.get(line)?)? {
        LinePlace::Paragraph(paragraph) => Some(Place::Paragraph { paragraph }),
        LinePlace::TableRow { table, row } => {
            // Cells hold no tabs, so the tabs before the offset count the columns.
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            let column = before[line_start..].matches('\t').count() + 1;
            Some(Place::Table { table, row, column })
        }
    }
}

/// The text view of the .docx in `bytes`.
pub fn render(bytes: &[u8]) -> Result<DocxView, DocxError> {
    render_with_limit(bytes, MAX_DOCUMENT_BYTES)
}

fn render_with_limit(bytes: &[u8], limit: u64) -> Result<DocxView, DocxError> {
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| DocxError::NotZip(e.to_string()))?;
    let member = match archive.by_name("word/document.xml") {
        Ok(member) => member,
        Err(zip::result::ZipError::FileNotFound) => return Err(DocxError::NoDocument),
        Err(e) => return Err(DocxError::NotZip(e.to_string())),
    };
    let xml = read_member(member, limit)?;
    // Lists are optional: a document without any has no numbering part.
    let numbering = match archive.by_name("word/numbering.xml") {
        Ok(member) => Some(read_member(member, limit)?),
        Err(zip::result::ZipError::FileNotFound) => None,
        Err(e) => return Err(DocxError::NotZip(e.to_string())),
    };
    render_parts(&xml, numbering.as_deref())
}

/// The text view of a document whose `word/document.xml` and `word/numbering.xml` (if
/// any) are already unpacked: what [`render`] does once past the zip archive. Public so
/// that the fuzzer (`periksa::fuzzing`) can reach the XML walker without a zip's
/// checksums in the way.
#[doc(hidden)]
pub fn render_parts(document: &str, numbering: Option<&str>) -> Result<DocxView, DocxError> {
    let numbering = match numbering {
        Some(xml) => Numbering::parse(xml)?,
        None => Numbering::default(),
    };
    let items = parse_document_with(document, numbering)?;
    Ok(render_items(&items))
}

/// A member of the archive as UTF-8 text, at most `limit` bytes once decompressed.
fn read_member(member: impl Read, limit: u64) -> Result<String, DocxError> {
    // The declared size can lie; `take` caps what is really decompressed.
    let mut xml = Vec::new();
    member.take(limit + 1).read_to_end(&mut xml).map_err(|e| DocxError::NotZip(e.to_string()))?;
    if xml.len() as u64 > limit {
        return Err(DocxError::TooLarge(limit / (1024 * 1024)));
    }
    String::from_utf8(xml).map_err(|e| {
        DocxError::BadXml(format!("not UTF-8 at byte {}", e.utf8_error().valid_up_to()))
    })
}

/// A paragraph or a table of the document body, in order.
#[derive(Debug, Clone, PartialEq)]
enum Item {
    Paragraph { text: String, heading: Option<u8>, number: usize, list: Option<(Label, usize)> },
    Table(Vec<Vec<Cell>>),
}

#[derive(Debug, Clone, PartialEq, Default)]
struct Cell {
    text: String,
    grid_span: usize,
    continues_merge: bool,
}

/// A paragraph being read.
#[derive(Debug, Default)]
struct Para {
    text: String,
    style: Option<String>,
    outline: Option<u8>,
    /// `w:numPr`: the list instance and level.
    list_id: Option<String>,
    list_level: usize,
}

#[derive(Debug, Default)]
struct Parser {
    items: Vec<Item>,
    /// Body paragraphs seen so far, for their numbers.
    paragraphs: usize,
    para: Option<Para>,
    /// Open tables, innermost last: rows of cells.
    tables: Vec<Vec<Vec<Cell>>>,
    /// Inside `w:r` (where `w:tab` is a character, not a tab stop of `w:pPr`).
    run_depth: usize,
    in_text: bool,
    /// Inside something skipped (text box, fallback copy): its nesting depth.
    skip_depth: usize,
    numbering: Numbering,
    counter: Counter,
}

fn local(name: &[u8]) -> &[u8] {
    name.rsplit(|&b| b == b':').next().unwrap_or(name)
}

fn attr(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes().flatten().find(|a| local(a.key.as_ref()) == name).and_then(|a| {
        a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(|v| v.into_owned())
    })
}

#[cfg(test)]
fn parse_document(xml: &str) -> Result<Vec<Item>, DocxError> {
    parse_document_with(xml, Numbering::default())
}

fn parse_document_with(xml: &str, numbering: Numbering) -> Result<Vec<Item>, DocxError> {
    let mut reader = Reader::from_str(xml);
    let mut parser = Parser { numbering, ..Parser::default() };
    let mut depth: usize = 0;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| DocxError::BadXml(format!("{e} (at byte {})", reader.error_position())))?;
        match event {
            Event::Start(e) => {
                depth += 1;
                parser.start(&e, false);
            }
            Event::Empty(e) => parser.start(&e, true),
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                parser.end(local(e.name().as_ref()));
            }
            Event::Text(t) if parser.wants_text() => {
                let text = t.decode().map_err(|e| DocxError::BadXml(e.to_string()))?;
                parser.push_text(&text);
            }
            Event::CData(t) if parser.wants_text() => {
                let text = t.decode().map_err(|e| DocxError::BadXml(e.to_string()))?;
                parser.push_text(&text);
            }
            Event::GeneralRef(r) if parser.wants_text() => {
                let bad = |what: String| DocxError::BadXml(what);
                let resolved = match r.resolve_char_ref().map_err(|e| bad(e.to_string()))? {
                    Some(ch) => ch.to_string(),
                    None => {
                        let name = r.decode().map_err(|e| bad(e.to_string()))?;
                        quick_xml::escape::resolve_predefined_entity(&name)
                            .ok_or_else(|| bad(format!("unknown entity &{name};")))?
                            .to_string()
                    }
                };
                parser.push_text(&resolved);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if depth != 0 {
        return Err(DocxError::BadXml("the document ends inside an element".into()));
    }
    Ok(parser.items)
}

impl Parser {
    fn wants_text(&self) -> bool {
        self.in_text && self.skip_depth == 0
    }

    fn push_text(&mut self, text: &str) {
        if let Some(para) = &mut self.para {
            para.text.push_str(text);
        }
    }

    fn push_char(&mut self, ch: char) {
        if self.skip_depth == 0 && self.run_depth > 0 {
            self.push_text(ch.encode_utf8(&mut [0; 4]));
        }
    }

    fn start(&mut self, e: &BytesStart<'_>, empty: bool) {
        let name = e.name();
        let name = local(name.as_ref());
        if self.skip_depth > 0 {
            if !empty {
                self.skip_depth += 1;
            }
            return;
        }
        if matches!(name, b"txbxContent" | b"Fallback") {
            if !empty {
                self.skip_depth = 1;
            }
            return;
        }
        match name {
            // A paragraph inside a paragraph (only through skipped content) or inside a
            // nested table's cell goes on in the paragraph already open.
            b"p" if self.para.is_none() => {
                self.para = Some(Para::default());
                if empty {
                    self.end(b"p");
                }
            }
            b"pStyle" => {
                if let (Some(para), Some(style)) = (&mut self.para, attr(e, b"val")) {
                    para.style = Some(style);
                }
            }
            b"numId" => {
                if let (Some(para), Some(id)) = (&mut self.para, attr(e, b"val")) {
                    para.list_id = Some(id);
                }
            }
            b"ilvl" => {
                if let (Some(para), Some(level)) = (&mut self.para, attr(e, b"val")) {
                    para.list_level = level.parse().unwrap_or(0);
                }
            }
            b"outlineLvl" => {
                if let (Some(para), Some(level)) = (&mut self.para, attr(e, b"val")) {
                    para.outline = level.parse().ok();
                }
            }
            b"r" if !empty => self.run_depth += 1,
            b"t" if !empty => self.in_text = true,
            b"tab" => self.push_char('\t'),
            b"br" | b"cr" => self.push_char('\n'),
            b"noBreakHyphen" => self.push_char('-'),
            b"tbl" if !empty => {
                // A table inside a cell is flattened into that cell (see `end`).
                self.tables.push(Vec::new());
            }
            b"tr" if self.tables.len() == 1 => {
                if let Some(table) = self.tables.last_mut() {
                    table.push(Vec::new());
                }
            }
            b"gridBefore" if self.tables.len() == 1 => {
                let n: usize = attr(e, b"val").and_then(|v| v.parse().ok()).unwrap_or(0);
                if let Some(row) = self.tables.last_mut().and_then(|t| t.last_mut()) {
                    row.extend((0..n.min(64)).map(|_| Cell { grid_span: 1, ..Cell::default() }));
                }
            }
            b"tc" if self.tables.len() == 1 => {
                if let Some(row) = self.tables.last_mut().and_then(|t| t.last_mut()) {
                    row.push(Cell { grid_span: 1, ..Cell::default() });
                }
            }
            b"gridSpan" if self.tables.len() == 1 => {
                let n: usize = attr(e, b"val").and_then(|v| v.parse().ok()).unwrap_or(1);
                if let Some(cell) = self.current_cell() {
                    cell.grid_span = n.clamp(1, 64);
                }
            }
            b"vMerge" if self.tables.len() == 1 => {
                let restart = attr(e, b"val").is_some_and(|v| v == "restart");
                if let Some(cell) = self.current_cell() {
                    cell.continues_merge = !restart;
                }
            }
            _ => {}
        }
    }

    fn current_cell(&mut self) -> Option<&mut Cell> {
        self.tables.last_mut()?.last_mut()?.last_mut()
    }

    fn end(&mut self, name: &[u8]) {
        if self.skip_depth > 0 {
            self.skip_depth -= 1;
            return;
        }
        match name {
            b"p" => {
                // In a nested table, the paragraph goes on until the outer cell ends.
                if self.tables.len() > 1 {
                    if let Some(para) = &mut self.para {
                        para.text.push(' ');
                    }
                    return;
                }
                let Some(para) = self.para.take() else { return };
                let label = para
                    .list_id
                    .as_deref()
                    .and_then(|id| self.counter.next(&self.numbering, id, para.list_level));
                if self.tables.is_empty() {
                    let heading = heading_level(&para);
                    self.paragraphs += 1;
                    let number = self.paragraphs;
                    let list = label.map(|label| (label, para.list_level));
                    self.items.push(Item::Paragraph { text: para.text, heading, number, list });
                } else if let Some(cell) = self.current_cell() {
                    // A numbered cell ("1." in the No column) shows its label.
                    let text = match label {
                        Some(label) => format!("{} {}", label.marker(), para.text.trim()),
                        None => para.text.clone(),
                    };
                    let text = text.trim();
                    if !text.is_empty() {
                        if !cell.text.is_empty() {
                            cell.text.push(' ');
                        }
                        cell.text.push_str(text);
                    }
                }
            }
            b"r" => self.run_depth = self.run_depth.saturating_sub(1),
            b"t" => self.in_text = false,
            b"tbl" => {
                let table = self.tables.pop().unwrap_or_default();
                if self.tables.is_empty() {
                    self.items.push(Item::Table(table));
                } else if self.tables.len() == 1 {
                    // The end of a nested table: its text, gathered in one paragraph,
                    // goes into the outer cell.
                    if self.para.is_some() {
                        self.end(b"p");
                    }
                }
            }
            _ => {}
        }
    }
}

/// Heading1–3 (Word's style ids in any language edition are usually `Heading1`; an
/// Indonesian template may call them `Judul1`), or an outline level 0–2.
fn heading_level(para: &Para) -> Option<u8> {
    if let Some(style) = &para.style {
        let lower = style.to_lowercase().replace(' ', "");
        for prefix in ["heading", "judul"] {
            if let Some(rest) = lower.strip_prefix(prefix) {
                if let Ok(level @ 1..=3) = rest.parse::<u8>() {
                    return Some(level);
                }
            }
        }
    }
    para.outline.filter(|&l| l <= 2).map(|l| l + 1)
}

fn render_items(items: &[Item]) -> DocxView {
    let mut view = DocxView::default();
    let mut tables = 0;
    // The open Markdown list items: (level, column where their text starts).
    let mut open_items: Vec<(usize, usize)> = Vec::new();
    for item in items {
        match item {
            Item::Paragraph { text, heading, number, list } => {
                let text = text.trim_end();
                if text.trim().is_empty() && list.is_none() {
                    continue;
                }
                let text = match list {
                    Some((label, level)) if heading.is_none() => {
                        open_items.retain(|&(l, _)| l < *level);
                        let marker = label.marker();
                        // Indented under an open Markdown list item it is nested; anywhere
                        // else indentation would make an indented code block of it.
                        let indent = open_items.last().map_or(0, |&(_, column)| column);
                        if label.is_markdown_item() {
                            open_items.push((*level, indent + marker.len() + 1));
                        }
                        format!("{}{marker} {}", " ".repeat(indent), text.trim_start())
                            .trim_end()
                            .to_string()
                    }
                    Some((label, _)) => {
                        open_items.clear();
                        format!("{} {}", label.marker(), text.trim_start())
                    }
                    None => {
                        open_items.clear();
                        text.to_string()
                    }
                };
                let line = if let Some(level) = heading {
                    format!(
                        "{} {}",
                        "#".repeat(usize::from(*level)),
                        text.replace(['\n', '\t'], " ")
                    )
                } else {
                    text
                };
                for part in line.split('\n') {
                    view.push_line(part, Some(LinePlace::Paragraph(*number)));
                }
                view.push_line("", None);
            }
            Item::Table(rows) => {
                open_items.clear();
                tables += 1;
                let grid = table_grid(rows);
                for (row, cells) in grid.iter().enumerate() {
                    let place = LinePlace::TableRow { table: tables, row: row + 1 };
                    view.push_line(&cells.join("\t"), Some(place));
                }
                if !grid.is_empty() {
                    view.push_line("", None);
                }
            }
        }
    }
    view
}

impl DocxView {
    fn push_line(&mut self, line: &str, place: Option<LinePlace>) {
        self.text.push_str(line);
        self.text.push('\n');
        self.lines.push(place);
    }
}

/// The rows of a table as grid cells: spans spread, vertical merges resolved.
fn table_grid(rows: &[Vec<Cell>]) -> Vec<Vec<String>> {
    let mut grid: Vec<Vec<String>> = Vec::new();
    for row in rows {
        let mut line: Vec<String> = Vec::new();
        for cell in row {
            let text = if cell.continues_merge {
                String::new()
            } else {
                cell.text.replace(['\t', '\n'], " ")
            };
            line.push(text);
            line.extend((1..cell.grid_span).map(|_| String::new()));
        }
        grid.push(line);
    }
    grid
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(inner: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{inner}</w:body></w:document>"#
        )
    }

    fn view(inner: &str) -> String {
        render_items(&parse_document(&body(inner)).unwrap()).text
    }

    #[test]
    fn runs_join_and_tabs_and_breaks_are_kept() {
        let text = view(
            r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>Capaian </w:t></w:r><w:r><w:t xml:space="preserve">84,05 &amp; </w:t><w:tab/><w:t>x</w:t><w:br/><w:t>y</w:t></w:r></w:p>"#,
        );
        assert_eq!(text, "Capaian 84,05 & \tx\ny\n\n");
    }

    #[test]
    fn heading_styles_and_outline_levels_are_headings() {
        let text = view(
            r#"<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>BAB III</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="Judul1"/></w:pPr><w:r><w:t>A</w:t></w:r></w:p><w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr><w:r><w:t>B</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="Heading5"/></w:pPr><w:r><w:t>C</w:t></w:r></w:p>"#,
        );
        assert_eq!(text, "## BAB III\n\n# A\n\n### B\n\nC\n\n");
    }

    #[test]
    fn merged_cells_keep_columns_aligned() {
        let cell = |props: &str, text: &str| {
            format!("<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>")
        };
        let rows = [
            format!(
                "<w:tr>{}{}</w:tr>",
                cell("", "Sasaran"),
                cell(r#"<w:gridSpan w:val="2"/>"#, "Capaian")
            ),
            format!(
                "<w:tr>{}{}{}</w:tr>",
                cell(r#"<w:vMerge w:val="restart"/>"#, "Meningkatnya mutu"),
                cell("", "10"),
                cell(r#"<w:vMerge w:val="restart"/>"#, "7")
            ),
            format!(
                "<w:tr>{}{}{}</w:tr>",
                cell("<w:vMerge/>", ""),
                cell("", "20"),
                cell("<w:vMerge/>", "")
            ),
        ];
        let text = view(&format!("<w:tbl>{}</w:tbl>", rows.concat()));
        assert_eq!(text, "Sasaran\tCapaian\t\nMeningkatnya mutu\t10\t7\n\t20\t\n\n");
    }

    #[test]
    fn nested_tables_are_flattened_and_text_boxes_skipped() {
        let text = view(
            r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>b</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>c</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc><w:tc><w:p><w:r><w:t>d</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p><w:r><w:t>e</w:t><w:drawing><w:txbxContent><w:p><w:r><w:t>box</w:t></w:r></w:p></w:txbxContent></w:drawing></w:r></w:p>"#,
        );
        assert_eq!(text, "a b c\td\n\ne\n\n");
    }

    #[test]
    fn numbered_paragraphs_show_their_labels_and_nest_under_list_items() {
        let numbering = Numbering::parse(
            r#"<w:numbering xmlns:w="w">
              <w:abstractNum w:abstractNumId="0">
                <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
                <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>
                <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/></w:lvl>
              </w:abstractNum>
              <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
            </w:numbering>"#,
        )
        .unwrap();
        let item = |level: u8, text: &str| {
            format!(
                r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
            )
        };
        let inner = [
            item(0, "satu"),
            item(1, "sub"),
            item(2, "butir"),
            item(0, "dua"),
            "<w:p><w:r><w:t>Teks.</w:t></w:r></w:p>".to_string(),
            item(1, "tanpa induk"),
            "<w:tbl><w:tr><w:tc>".to_string()
                + &item(0, "")
                + "</w:tc><w:tc><w:p><w:r><w:t>A</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
        ]
        .concat();
        let items = parse_document_with(&body(&inner), numbering).unwrap();
        assert_eq!(
            render_items(&items).text,
            // "a)" is no Markdown list item, so the bullet under it is indented only as far
            // as "1." (deeper, it would be an indented code block). "2." restarts the
            // letters. With no list item open, a sub-item stands at the margin. The number
            // in the table's first cell counts on.
            "1. satu\n\n   a) sub\n\n   - butir\n\n2. dua\n\nTeks.\n\na) tanpa induk\n\n3.\tA\n\n"
        );
    }

    #[test]
    fn a_caption_numbered_by_a_field_reads_as_its_text() {
        // Word's Insert Caption: the number is the result of a SEQ field; its instruction
        // is not text.
        let text = view(
            r#"<w:p><w:pPr><w:pStyle w:val="Caption"/></w:pPr><w:r><w:t xml:space="preserve">Tabel 3.</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> SEQ Tabel \* ARABIC </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> Capaian Kinerja</w:t></w:r></w:p>"#,
        );
        assert_eq!(text, "Tabel 3.1 Capaian Kinerja\n\n");
    }

    #[test]
    fn each_line_knows_its_paragraph_or_table_cell() {
        let xml = body(
            r#"<w:p/><w:p><w:r><w:t>a</w:t><w:br/><w:t>b</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>yz</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#,
        );
        let view = render_items(&parse_document(&xml).unwrap());
        assert_eq!(view.text, "a\nb\n\nx\tyz\n\n");
        // The empty first paragraph is counted: "a" is the second.
        assert_eq!(view.place(0), Some(Place::Paragraph { paragraph: 2 }));
        assert_eq!(view.place(2), Some(Place::Paragraph { paragraph: 2 }));
        assert_eq!(view.place(4), None);
        assert_eq!(view.place(7), Some(Place::Table { table: 1, row: 1, column: 2 }));
        assert_eq!(
            serde_json::to_string(&view.place(7)).unwrap(),
            r#"{"table":1,"row":1,"column":2}"#
        );
    }

    #[test]
    fn a_small_limit_refuses_a_large_document() {
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        writer.start_file("word/document.xml", zip::write::SimpleFileOptions::default()).unwrap();
        std::io::Write::write_all(&mut writer, &[b' '; 2048]).unwrap();
        let bytes = writer.finish().unwrap().into_inner();
        assert_eq!(render_with_limit(&bytes, 1024), Err(DocxError::TooLarge(0)));
    }

    #[test]
    fn malformed_xml_is_an_error() {
        assert!(matches!(
            parse_document(&body("<w:p><w:r><w:t>x</w:r></w:p>")),
            Err(DocxError::BadXml(_))
        ));
        assert!(matches!(parse_document("<w:document><w:body>"), Err(DocxError::BadXml(_))));
    }

    #[test]
    fn damaged_archives_are_errors() {
        assert!(matches!(render(b"not a zip"), Err(DocxError::NotZip(_))));
    }
}
