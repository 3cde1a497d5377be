//! Reading: a file on disk becomes a [`Document`].
//!
//! The file is split into Markdown stretches and tab-separated tables ([`segments`]);
//! Markdown goes through pulldown-cmark ([`markdown`]), tab lines are split into cells
//! ([`tab_table`]). Captions are matched to the tables below them, continued tables are
//! joined, and the figures of every prose block are read with their spans.

pub mod docx;
pub mod headings;
pub mod html_table;
pub mod lines;
pub mod markdown;
pub mod segments;
pub mod source;
pub mod tab_table;

pub use source::{ReadError, SourceFile, SourceKind};

use crate::document::{Block, BlockKind, ContentsEntry, ContentsList, Document};
use crate::figures::{scan_prose, Locale, Units};
use crate::span::Span;
use crate::tables::caption::parse_table_caption;
use crate::tables::raw::RawTable;
use crate::tables::{assemble_tables, TablePart};
use markdown::{read_markdown, MarkdownItem};
use segments::Segment;

/// What reading needs besides the file.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    pub locale: Locale,
    pub units: Units,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions { locale: Locale::Id, units: Units::builtin() }
    }
}

/// Reads `source` into a document: its layout, then its tables, then its prose figures.
pub fn read_document(source: SourceFile, options: &ReadOptions) -> Document {
    let Layout { mut blocks, parts, part_blocks, contents } = read_layout(&source);
    let assembled = assemble_tables(parts, options.locale, &options.units);
    for (part, block) in part_blocks.into_iter().enumerate() {
        blocks[block].kind = BlockKind::Table(assembled.table_of_part[part]);
    }
    read_prose_figures(&mut blocks, options);
    Document {
        source,
        locale: options.locale,
        blocks,
        tables: assembled.tables,
        contents,
        reading_findings: assembled.findings,
    }
}

/// A report's blocks in order, with placeholders for its tables, and the table parts yet
/// to be assembled into tables. The stages of [`read_document`] are public so that the
/// benchmarks can time each one.
#[derive(Debug)]
pub struct Layout {
    pub blocks: Vec<Block>,
    pub parts: Vec<TablePart>,
    /// The block of each part.
    pub part_blocks: Vec<usize>,
    pub contents: Vec<ContentsList>,
}

/// The first stage of reading: the file split into Markdown, tab tables and HTML tables,
/// read into blocks and table parts, with captions matched and headings inferred.
pub fn read_layout(source: &SourceFile) -> Layout {
    let text = source.text.as_str();
    let mut items: Vec<MarkdownItem> = Vec::new();
    for segment in segments::split(text, source.content_start()) {
        match segment {
            Segment::Markdown(span) => read_markdown(text, span, &mut items),
            Segment::TabTable(lines) => {
                items.push(MarkdownItem::Table(tab_table::read_tab_table(text, &lines)))
            }
            // A `<table>` with no row in it is left to Markdown, as HTML.
            Segment::HtmlTable(span) => match html_table::read_html_table(text, span) {
                Some(table) => items.push(MarkdownItem::Table(table)),
                None => read_markdown(text, span, &mut items),
            },
        }
    }

    // Blocks in order, with placeholders for tables; table parts with their surroundings.
    // Each item gives at most one block: sized once, the list is not grown by doubling
    // (which leaves up to half of it unused for the rest of the run).
    let mut blocks: Vec<Block> = Vec::with_capacity(items.len());
    let mut parts: Vec<TablePart> = Vec::new();
    let mut part_blocks: Vec<usize> = Vec::new();
    let mut contents: Vec<ContentsList> = Vec::new();
    let mut previous_was_table = false;
    for item in items {
        match item {
            MarkdownItem::Block(block) => {
                let open_list = match blocks.last().map(|b| &b.kind) {
                    Some(BlockKind::Contents(i)) => Some(*i),
                    _ => None,
                };
                // A list goes on in the next block when that is the next item of a
                // Markdown list (sub-items too), or lines that are plainly entries: a
                // table or figure with its number, or a page number after dot leaders.
                // A chapter heading just after the list is neither.
                if let Some(i) = open_list {
                    let item = block.kind == BlockKind::ListItem;
                    let goes_on = contents_lines(&block, item).filter(|entries| {
                        item || entries.iter().all(|e| {
                            has_page_number(&e.cells[0].0) || is_caption_entry(&e.cells[0].0)
                        })
                    });
                    if let Some(entries) = goes_on {
                        contents[i].entries.extend(entries);
                        contents[i].span = contents[i].span.cover(block.span);
                        if let Some(last) = blocks.last_mut() {
                            last.span = last.span.cover(block.span);
                        }
                        continue;
                    }
                }
                // A list of contents written as lines ("Tabel 3.1 Capaian …… 14") under
                // its heading.
                if let (Some(heading), Some(entries)) =
                    (contents_heading(&blocks), contents_lines(&block, false))
                {
                    blocks.push(placeholder(BlockKind::Contents(contents.len()), block.span));
                    contents.push(ContentsList { heading, span: block.span, entries });
                    previous_was_table = false;
                    continue;
                }
                // A page number or running footer between two parts of a table is the
                // page break itself, not text between two tables.
                previous_was_table &= is_page_furniture(&block.text);
                blocks.push(block);
            }
            MarkdownItem::Table(raw) => {
                // A list of tables grouped by chapter: each group a table of its own.
                if let Some(BlockKind::Contents(i)) = blocks.last().map(|b| b.kind.clone()) {
                    if raw
                        .rows
                        .iter()
                        .all(|r| r.cells.first().is_some_and(|c| is_caption_entry(c.text.trim())))
                    {
                        let more = contents_list(String::new(), raw);
                        contents[i].entries.extend(more.entries);
                        contents[i].span = contents[i].span.cover(more.span);
                        if let Some(last) = blocks.last_mut() {
                            last.span = last.span.cover(more.span);
                        }
                        continue;
                    }
                }
                if let Some(heading) = contents_heading(&blocks) {
                    blocks.push(placeholder(BlockKind::Contents(contents.len()), raw.span));
                    contents.push(contents_list(heading, raw));
                    previous_was_table = false;
                    continue;
                }
                let caption = raw
                    .caption
                    .as_ref()
                    .and_then(|c| parse_table_caption(&c.text).map(|parsed| (parsed, c.span)))
                    .or_else(|| caption_above(&blocks, text, raw.span));
                part_blocks.push(blocks.len());
                blocks.push(placeholder(BlockKind::Table(parts.len()), raw.span));
                parts.push(TablePart { raw, caption, follows_table: previous_was_table });
                previous_was_table = true;
            }
        }
    }

    headings::infer_headings(&mut blocks);
    Layout { blocks, parts, part_blocks, contents }
}

/// The last stage of reading: the figures of every paragraph, list item and heading,
/// with file spans.
pub fn read_prose_figures(blocks: &mut [Block], options: &ReadOptions) {
    for block in blocks {
        if matches!(
            block.kind,
            BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Heading { .. }
        ) {
            let mut figures = scan_prose(&block.text, options.locale, &options.units);
            for figure in &mut figures {
                figure.span = block.map.to_source(figure.span);
                figure.number_span = block.map.to_source(figure.number_span);
                if let Some(words) = &mut figure.words {
                    words.span = block.map.to_source(words.span);
                }
            }
            // The figures live as long as the document: the room the list grew into is
            // freed.
            figures.shrink_to_fit();
            block.figures = figures;
        }
    }
}

fn placeholder(kind: BlockKind, span: Span) -> Block {
    Block { kind, span, text: String::new(), map: Default::default(), figures: Vec::new() }
}

/// The caption of a table that starts at `table`: the block just above it when it reads
/// as a caption (`Tabel 3.5` / title), or a bare `Tabel 3.5` followed by a title block.
fn caption_above(
    blocks: &[Block],
    text: &str,
    table: Span,
) -> Option<(crate::tables::caption::ParsedCaption, Span)> {
    let last = blocks.last()?;
    if !is_caption_candidate(last) || !only_blank_between(text, last.span.end(), table.start()) {
        return None;
    }
    if let Some(caption) = parse_table_caption(&last.text) {
        return Some((caption, last.span));
    }
    // `Tabel 3.5` on its own, then the title as a block of its own.
    let before = blocks.get(blocks.len().checked_sub(2)?)?;
    if !is_caption_candidate(before)
        || !only_blank_between(text, before.span.end(), last.span.start())
    {
        return None;
    }
    let joined = format!("{}\n{}", before.text.trim(), last.text.trim());
    let caption = parse_table_caption(&joined)?;
    let bare = parse_table_caption(&before.text)?;
    (bare.title.is_none()).then_some((caption, before.span.cover(last.span)))
}

/// Page numbers ("28", "xii"), running headers or footers that end with one
/// ("Laporan Kinerja … Tahun 2024   27", "LKjIP Kecamatan … 2024") and form feeds: what
/// a page break leaves between two parts of a table.
fn is_page_furniture(text: &str) -> bool {
    static PAGE_NUMBER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)^\s*(\d{1,4}|[ivxlc]{1,7}|halaman \d{1,4}( dari \d{1,4})?)\s*$")
            .expect("a valid pattern")
    });
    // The running title's middle is measured in code: as `{0,150}` in the pattern it
    // tripled the time to build it. A line has one middle: the page number is its last
    // word and the one space before it is the pattern's `\s`.
    static RUNNING_TITLE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)^\s*(laporan|lkj|lakip|lkjip)\b(?P<middle>.*)\s\d{1,4}\s*$")
            .expect("a valid pattern")
    });
    const MIDDLE_CHARS: usize = 150;
    let furniture = |line: &str| {
        PAGE_NUMBER.is_match(line)
            || RUNNING_TITLE
                .captures(line)
                .and_then(|c| c.name("middle"))
                .is_some_and(|middle| middle.as_str().chars().count() <= MIDDLE_CHARS)
    };
    // A footer, a form feed and the next page's header may stand in one block.
    text.lines().all(|line| line.trim().is_empty() || furniture(line))
}

fn is_caption_candidate(block: &Block) -> bool {
    matches!(block.kind, BlockKind::Paragraph | BlockKind::Heading { .. })
}

fn only_blank_between(text: &str, from: usize, to: usize) -> bool {
    from <= to && text.get(from..to).is_some_and(|gap| gap.trim().is_empty())
}

/// `DAFTAR TABEL` (or ISI, GAMBAR, …) when it is the block just above.
fn contents_heading(blocks: &[Block]) -> Option<String> {
    let mut last = blocks.last()?;
    // "Halaman" or "HAL" over the page column, between the heading and the list.
    let page_label = last.text.trim().trim_matches('*').trim().trim_end_matches('.');
    // Every table asks this of the block above it, often a long paragraph: ASCII text is
    // compared as it stands, only other text is case-mapped first.
    let is_page_label = if page_label.is_ascii() {
        ["hal", "halaman", "page"].iter().any(|w| page_label.eq_ignore_ascii_case(w))
    } else {
        ["hal", "halaman", "page"].contains(&page_label.to_lowercase().as_str())
    };
    if is_page_label {
        last = blocks.get(blocks.len().checked_sub(2)?)?;
    }
    let title = last.text.trim().trim_matches('*').trim();
    let known = ["DAFTAR ISI", "DAFTAR TABEL", "DAFTAR GAMBAR", "DAFTAR GRAFIK", "DAFTAR LAMPIRAN"];
    // "DAFTAR TABEL (Lanjutan)": the list goes on after a page break.
    let is_known = if title.is_ascii() {
        let head = title.split(" (").next().unwrap_or_default().trim();
        known.iter().any(|k| head.eq_ignore_ascii_case(k))
    } else {
        let upper = title.to_uppercase();
        known.contains(&upper.split(" (").next().unwrap_or_default().trim())
    };
    is_known.then(|| title.to_string())
}

/// "Capaian Kinerja ........ 14": an entry's page number after dot leaders.
fn has_page_number(line: &str) -> bool {
    static LEADERS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)[.…_]{3,}\s*(\d{1,4}|[ivxlc]{1,6})\s*$").expect("a valid pattern")
    });
    LEADERS.is_match(line)
}

/// "Tabel 3.1 …", "Gambar 2 …": an entry of a list of tables or figures.
fn is_caption_entry(line: &str) -> bool {
    static CAPTION_ENTRY: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)^(tabel|table|gambar|grafik|diagram|bagan)\s+\d")
            .expect("a valid pattern")
    });
    CAPTION_ENTRY.is_match(line)
}

/// The lines of a paragraph or list item as entries of a list of contents, when every
/// line reads as one: "Tabel 3.1 Capaian Kinerja ........ 14", "BAB II PERENCANAAN
/// KINERJA", "A. Rencana Strategis … 11", "KATA PENGANTAR … i". With `any_line`, every
/// line is one (an item of a list already known to be a list of contents).
fn contents_lines(block: &Block, any_line: bool) -> Option<Vec<ContentsEntry>> {
    static ENTRY: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)^((tabel|table|gambar|grafik|diagram|bagan)\s+\d|bab\s+([ivxl]+|\d{1,2})\b|[a-h]\.\s|kata pengantar|daftar\s|ringkasan eksekutif|ikhtisar eksekutif|lampiran)|[.…_]{3,}\s*(\d{1,4}|[ivxlc]{1,6})\s*$",
        )
        .expect("a valid pattern")
    });
    if !matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem) {
        return None;
    }
    let mut entries = Vec::new();
    let mut offset = 0;
    for line in block.text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        if !any_line && !ENTRY.is_match(trimmed) {
            return None;
        }
        let lead = line.len() - line.trim_start().len();
        let span = block.map.to_source(Span::new(start + lead, start + lead + trimmed.len()));
        entries.push(ContentsEntry { span, cells: vec![(trimmed.to_string(), span)] });
    }
    (!entries.is_empty()).then_some(entries)
}

fn contents_list(heading: String, raw: RawTable) -> ContentsList {
    let entries = raw
        .rows
        .into_iter()
        .map(|row| ContentsEntry {
            span: row.span,
            cells: row.cells.into_iter().map(|c| (c.text.into_string(), c.span)).collect(),
        })
        .collect();
    ContentsList { heading, span: raw.span, entries }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_and_running_footers_are_page_furniture() {
        for text in [
            "28",
            "xii",
            "Laporan Kinerja Dinas Tahun 2024\t\t27",
            "Halaman 4 dari 30",
            "Laporan Kinerja Kecamatan Tahun 2024\t14\n\u{c}\nLKjIP Kecamatan Sungai 2024",
        ] {
            assert!(is_page_furniture(text), "{text:?}");
        }
        for text in ["Tabel 3.6", "Jumlah peserta 28 orang", "Laporan ini disusun"] {
            assert!(!is_page_furniture(text), "{text:?}");
        }
    }

    #[test]
    fn a_running_title_is_furniture_up_to_150_characters_before_its_page_number() {
        // "Laporan" then its middle (the space before the page number is not part of it),
        // in characters of three bytes each.
        let title = |middle: usize| format!("Laporan{} 27", "—".repeat(middle));
        assert!(is_page_furniture(&title(150)));
        assert!(!is_page_furniture(&title(151)));
    }

    #[test]
    fn a_table_continued_after_a_page_number_is_one_table() {
        let text = "Tabel 3.1 Peserta\n\nNo\tKegiatan\tPeserta\n1.\tA\t10\n2.\tB\t20\n\n27\n\n\
                    No\tKegiatan\tPeserta\n3.\tC\t30\nJumlah\t\t60\n";
        let source = SourceFile::new("t.txt".into(), SourceKind::PlainText, text.into());
        let doc = read_document(source, &ReadOptions::default());
        assert_eq!(doc.tables.len(), 1);
        assert_eq!(doc.tables[0].parts.len(), 2);
        assert_eq!(doc.tables[0].rows.len(), 4);
    }
}
