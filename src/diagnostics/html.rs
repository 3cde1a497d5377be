//! `periksa check --format html`: one self-contained review page for auditors.
//!
//! The page shows each report's tables as tables, with the cell a finding is about
//! highlighted and the cells it was checked against marked more lightly, and each finding
//! of the prose beside the sentence it is about. Findings alone do not carry the tables,
//! so the renderer takes the [`Document`] each file was read into.
//!
//! The page needs nothing but itself: styles and the small filter script are inline, no
//! asset or font is fetched. Every text from the report goes through maud, which escapes
//! it, so a report that prints `<` or `&` cannot break the page. Without JavaScript the
//! page shows everything (the filters stay hidden); with it, filters by check and by
//! severity hide the other findings, and their state lives in the URL's fragment
//! (`review.html#rule=A101&severity=error`) so a filtered view can be linked to.

use super::{Finding, Label, Severity};
use crate::document::{BlockKind, Document};
use crate::figures::lexer::CellFigure;
use crate::messages::Lang;
use crate::msg;
use crate::read::SourceFile;
use crate::span::Span;
use crate::tables::{Cell, Column, RowKind, Table};
use maud::{html, Markup, PreEscaped, DOCTYPE};
use std::collections::{BTreeMap, BTreeSet};

/// One checked file: what was read and the findings to show (after any baseline).
pub struct FileView<'a> {
    pub doc: &'a Document,
    pub findings: &'a [Finding],
}

/// A file or folder that could not be checked, and why.
pub struct NotChecked<'a> {
    pub path: Option<&'a str>,
    pub error: &'a str,
}

/// The language of what the page quotes from a report (its tables and sentences): the
/// reports periksa reads are Indonesian, whatever the language of the messages.
const REPORT_LANG: &str = "id";

const STYLE: &str = include_str!("html/review.css");
const SCRIPT: &str = include_str!("html/review.js");

/// The whole page, in `lang`.
pub fn render(files: &[FileView], not_checked: &[NotChecked], lang: Lang) -> String {
    let all: Vec<&Finding> = files.iter().flat_map(|f| f.findings).collect();
    let title = match files {
        [one] => msg!("html.title-one", file = one.doc.source.name.as_str()),
        _ => msg!("html.title", n = files.len()),
    }
    .render(lang);
    let page = html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="generator" content={ "periksa " (env!("CARGO_PKG_VERSION")) };
                title { (title) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                header.page {
                    h1 { (title) }
                    p.generated { (msg!("html.generated", version = env!("CARGO_PKG_VERSION")).render(lang)) }
                }
                (summary(files, &all, not_checked, lang))
                (filters(&all, lang))
                @for (i, file) in files.iter().enumerate() {
                    (file_section(i, file, lang))
                }
                script { (PreEscaped(SCRIPT)) }
            }
        }
    };
    page.into_string()
}

fn severity_word(severity: Severity, lang: Lang) -> String {
    match severity {
        Severity::Error => msg!("html.severity-error"),
        Severity::Warning => msg!("html.severity-warning"),
        Severity::Info => msg!("html.severity-info"),
    }
    .render(lang)
}

/// Counts by severity, most severe first: errors, warnings, notes.
fn severity_counts<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> [usize; 3] {
    let mut counts = [0; 3];
    for f in findings {
        counts[2 - f.severity as usize] += 1;
    }
    counts
}

const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

/// Files checked, counts by severity and by check, and the files that could not be read.
fn summary(files: &[FileView], all: &[&Finding], not_checked: &[NotChecked], lang: Lang) -> Markup {
    let counts = severity_counts(all.iter().copied());
    let mut by_rule: BTreeMap<&str, (&str, Severity, usize)> = BTreeMap::new();
    for f in all {
        let entry = by_rule.entry(f.code).or_insert((f.name, f.severity, 0));
        entry.1 = entry.1.max(f.severity);
        entry.2 += 1;
    }
    html! {
        section #summary {
            h2 { (msg!("html.summary").render(lang)) }
            div.counts {
                div.count #count-files data-count=(files.len()) {
                    span.n { (files.len()) } " " span.what { (msg!("html.files-checked").render(lang)) }
                }
                @for (severity, n) in SEVERITIES.iter().zip(counts) {
                    div class={ "count sev-" (severity.as_str()) } id={ "count-" (severity.as_str()) } data-count=(n) {
                        span.n { (n) } " " span.what { (severity_plural(*severity, lang)) }
                    }
                }
            }
            @if !by_rule.is_empty() {
                table.by-rule {
                    caption { (msg!("html.by-rule").render(lang)) }
                    thead { tr { th { (msg!("html.rule").render(lang)) } th { (msg!("html.name").render(lang)) } th.num { (msg!("html.count").render(lang)) } } }
                    tbody {
                        @for (code, (name, severity, n)) in &by_rule {
                            tr data-rule-count=(code) {
                                td { span class={ "badge sev-" (severity.as_str()) } { (code) } }
                                td { (name) }
                                td.num { (n) }
                            }
                        }
                    }
                }
            }
            @if files.len() > 1 {
                nav.files {
                    ol {
                        @for (i, file) in files.iter().enumerate() {
                            @let [e, w, n] = severity_counts(file.findings);
                            li {
                                a href={ "#file-" (i) } { (file.doc.source.name) } " "
                                span.minor { (msg!("html.count-errors", n = e).render(lang)) " · " (msg!("html.count-warnings", n = w).render(lang)) " · " (msg!("html.count-notes", n = n).render(lang)) }
                            }
                        }
                    }
                }
            }
            @if !not_checked.is_empty() {
                section #not-checked {
                    h3 { (msg!("html.not-checked").render(lang)) }
                    ul {
                        @for item in not_checked {
                            li {
                                // Most reasons already start with the file's name.
                                @match item.path {
                                    Some(path) if !item.error.starts_with(path) => { code { (path) } ": " (item.error) }
                                    _ => (item.error),
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn severity_plural(severity: Severity, lang: Lang) -> String {
    match severity {
        Severity::Error => msg!("html.errors"),
        Severity::Warning => msg!("html.warnings"),
        Severity::Info => msg!("html.notes"),
    }
    .render(lang)
}

/// The filter form: hidden until the script shows it, so that a page read without
/// JavaScript offers no control that does nothing.
fn filters(all: &[&Finding], lang: Lang) -> Markup {
    let mut rules: BTreeMap<&str, (&str, usize)> = BTreeMap::new();
    for f in all {
        rules.entry(f.code).or_insert((f.name, 0)).1 += 1;
    }
    let mut by_severity: BTreeMap<Severity, usize> = BTreeMap::new();
    for f in all {
        *by_severity.entry(f.severity).or_default() += 1;
    }
    let shown = msg!("html.shown", shown = "{shown}", total = "{total}").render(lang);
    html! {
        form #filters hidden {
            fieldset {
                legend { (msg!("html.severity").render(lang)) }
                @for severity in SEVERITIES {
                    label { input type="checkbox" name="severity" value=(severity.as_str()) checked; " " (severity_word(severity, lang)) " " span.minor { "(" (by_severity.get(&severity).copied().unwrap_or(0)) ")" } }
                }
            }
            @if !rules.is_empty() {
                fieldset {
                    legend { (msg!("html.rules").render(lang)) }
                    @for (code, (name, n)) in &rules {
                        label title=(name) { input type="checkbox" name="rule" value=(code) checked; " " (code) " " span.minor { "(" (n) ")" } }
                    }
                }
            }
            p { button type="reset" { (msg!("html.show-all").render(lang)) } " " output #shown data-template=(shown) {} }
        }
    }
}

/// Where a finding is shown: under a table, or beside a piece of prose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Home {
    Table(usize),
    Prose(Span),
}

/// A cell of a table: its table, its row, its column (overflow cells after the columns).
type CellKey = (usize, usize, usize);

/// Which findings (by index in the file) point at a place, as primary or related.
#[derive(Debug, Default, Clone)]
struct Hits {
    primary: BTreeSet<usize>,
    related: BTreeSet<usize>,
}

/// Everything a file's section needs to know about where its findings point.
struct Layout {
    homes: Vec<Home>,
    cells: BTreeMap<CellKey, Hits>,
    captions: BTreeMap<usize, Hits>,
    /// The element a finding's location links to (a cell or a mark), by finding.
    anchors: BTreeMap<usize, String>,
}

fn overlaps(a: Span, b: Span) -> bool {
    a == b || (a.start() < b.end() && b.start() < a.end())
}

fn row_cells(row: &crate::tables::Row) -> impl Iterator<Item = &Cell> {
    row.cells.iter().chain(&row.overflow)
}

/// The cells `span` points at: the cell it is exactly, else every cell it overlaps (a
/// finding about a whole row marks the row).
fn cells_at(table: &Table, span: Span) -> Vec<(usize, usize)> {
    let mut exact = Vec::new();
    let mut overlapping = Vec::new();
    for (r, row) in table.rows.iter().enumerate() {
        for (c, cell) in row_cells(row).enumerate() {
            if cell.span == span {
                exact.push((r, c));
            } else if !cell.span.is_empty() && overlaps(cell.span, span) {
                overlapping.push((r, c));
            }
        }
    }
    if exact.is_empty() {
        overlapping
    } else {
        exact
    }
}

fn within(outer: Span, span: Span) -> bool {
    outer.start() <= span.start() && span.start() < outer.end().max(outer.start() + 1)
}

/// The table whose body or caption holds `span`.
fn table_holding(doc: &Document, span: Span) -> Option<usize> {
    doc.tables.iter().position(|t| {
        t.parts.iter().any(|p| within(*p, span)) || t.caption.is_some_and(|c| within(c, span))
    })
}

fn layout(file_index: usize, file: &FileView) -> Layout {
    let doc = file.doc;
    let mut layout = Layout {
        homes: Vec::new(),
        cells: BTreeMap::new(),
        captions: BTreeMap::new(),
        anchors: BTreeMap::new(),
    };
    for (i, finding) in file.findings.iter().enumerate() {
        let span = finding.primary.span;
        let home = match table_holding(doc, span) {
            Some(t) => Home::Table(t),
            None => Home::Prose(excerpt(doc, span)),
        };
        layout.homes.push(home);
        let labels = std::iter::once((&finding.primary, true))
            .chain(finding.related.iter().map(|l| (l, false)));
        for (label, primary) in labels {
            let Some(t) = table_holding(doc, label.span) else { continue };
            let table = &doc.tables[t];
            let cells = cells_at(table, label.span);
            if cells.is_empty() && primary && table.caption.is_some_and(|c| within(c, label.span)) {
                layout.captions.entry(t).or_default().primary.insert(i);
                layout.anchors.entry(i).or_insert_with(|| caption_id(file_index, t));
            }
            for (r, c) in cells {
                let hits = layout.cells.entry((t, r, c)).or_default();
                if primary {
                    hits.primary.insert(i);
                    layout.anchors.entry(i).or_insert_with(|| cell_id(file_index, (t, r, c)));
                } else {
                    hits.related.insert(i);
                }
            }
        }
    }
    layout
}

fn finding_id(file: usize, i: usize) -> String {
    format!("f{file}-{i}")
}

fn cell_id(file: usize, (t, r, c): CellKey) -> String {
    format!("c{file}-{t}-{r}-{c}")
}

fn caption_id(file: usize, t: usize) -> String {
    format!("t{file}-{t}")
}

/// A mark in the excerpt that starts at `excerpt`, starting at byte `at`.
fn mark_id(file: usize, excerpt: usize, at: usize) -> String {
    format!("m{file}-{excerpt}-{at}")
}

/// The longest excerpt shown for a prose finding before it is cut to its sentence.
const LONG_EXCERPT: usize = 600;

/// The prose around `span`: its paragraph (or list item, heading), or its line when it
/// is in no such block; a long one is cut to the sentence that holds `span`.
fn excerpt(doc: &Document, span: Span) -> Span {
    let text = &doc.source.text;
    let block = doc.blocks.iter().find(|b| {
        matches!(b.kind, BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Heading { .. })
            && within(b.span, span)
    });
    let whole = match block {
        Some(b) if b.span.end() >= span.end() => b.span,
        _ => {
            let start = text[..span.start().min(text.len())].rfind('\n').map_or(0, |i| i + 1);
            let end = text[span.end().min(text.len())..]
                .find('\n')
                .map_or(text.len(), |i| i + span.end());
            Span::new(start, end.max(start))
        }
    };
    // Without the line break that ends it.
    let trimmed = whole.start() + text[whole.range()].trim_end().len();
    let whole = Span::new(whole.start(), trimmed.max(span.end().min(whole.end())));
    if whole.len() <= LONG_EXCERPT {
        return whole;
    }
    // A sentence ends at ". " (or a line break); figures such as 84,05 or 1.200 have no
    // space after their separator, so they do not end one.
    let before = &text[whole.start()..span.start()];
    let start = before
        .rmatch_indices(['.', '\n', ';'])
        .find(|(i, _)| before[i + 1..].starts_with([' ', '\n']) || before[*i..].starts_with('\n'))
        .map_or(whole.start(), |(i, _)| whole.start() + i + 1);
    let after = &text[span.end()..whole.end()];
    let end = after
        .match_indices(['.', '\n', ';'])
        .find(|(i, _)| after[i + 1..].is_empty() || after[i + 1..].starts_with([' ', '\n']))
        .map_or(whole.end(), |(i, _)| span.end() + i + 1);
    let start = start + text[start..].len() - text[start..].trim_start().len();
    Span::new(start.min(span.start()), end.max(span.end()))
}

fn file_section(index: usize, file: &FileView, lang: Lang) -> Markup {
    let doc = file.doc;
    let source = &doc.source;
    let layout = layout(index, file);
    // Items in the order of the report: each table, and each piece of prose with findings.
    let mut items: Vec<(usize, Home, Vec<usize>)> = doc
        .tables
        .iter()
        .enumerate()
        .map(|(t, table)| {
            let start =
                table.caption.map_or(table.span().start(), |c| c.start().min(table.span().start()));
            (start, Home::Table(t), Vec::new())
        })
        .collect();
    for (i, home) in layout.homes.iter().enumerate() {
        match items.iter_mut().find(|item| item.1 == *home) {
            Some(item) => item.2.push(i),
            None => {
                let Home::Prose(span) = home else { unreachable!("every table is an item") };
                items.push((span.start(), *home, vec![i]));
            }
        }
    }
    items.sort_by_key(|item| (item.0, item.1));
    let [e, w, n] = severity_counts(file.findings);
    html! {
        section.file id={ "file-" (index) } {
            h2 { a href=(file_href(source)) { (source.name) } }
            p.file-counts {
                span.sev-error { (msg!("html.count-errors", n = e).render(lang)) } " · "
                span.sev-warning { (msg!("html.count-warnings", n = w).render(lang)) } " · "
                span.sev-info { (msg!("html.count-notes", n = n).render(lang)) }
            }
            @if file.findings.is_empty() {
                p.clean { (msg!("html.no-findings-file").render(lang)) }
            }
            @for (_, home, findings) in &items {
                @match home {
                    Home::Table(t) => (table_item(index, file, &layout, *t, findings, lang)),
                    Home::Prose(span) => (prose_item(index, file, &layout, *span, findings, lang)),
                }
            }
        }
    }
}

/// The report itself, relative to where periksa ran (as the user named it), for a page
/// saved next to it.
fn file_href(source: &SourceFile) -> String {
    const PATH: &percent_encoding::AsciiSet =
        &percent_encoding::NON_ALPHANUMERIC.remove(b'/').remove(b'.').remove(b'-').remove(b'_');
    percent_encoding::utf8_percent_encode(&source.name, PATH).to_string()
}

fn hits_attrs(file: usize, hits: &Hits) -> (String, String) {
    let ids: Vec<String> =
        hits.primary.iter().chain(&hits.related).map(|&i| finding_id(file, i)).collect();
    let class = if hits.primary.is_empty() { "hit related" } else { "hit primary" };
    (ids.join(" "), class.to_string())
}

/// The title of a marked place: each finding's code and what the label says there.
fn hits_title(file: &FileView, hits: &Hits, key_span: Option<Span>, lang: Lang) -> String {
    let mut lines = Vec::new();
    for &i in hits.primary.iter().chain(&hits.related) {
        let f = &file.findings[i];
        let label: Option<&Label> = std::iter::once(&f.primary)
            .chain(&f.related)
            .find(|l| key_span.is_none_or(|s| overlaps(l.span, s)));
        let text = label.map(|l| l.message.render(lang)).filter(|t| !t.is_empty());
        lines.push(match text {
            Some(text) => format!("{} {}", f.code, text),
            None => format!("{} {}", f.code, f.message.render(lang)),
        });
    }
    lines.join("\n")
}

fn table_item(
    file_index: usize,
    file: &FileView,
    layout: &Layout,
    t: usize,
    findings: &[usize],
    lang: Lang,
) -> Markup {
    let table = &file.doc.tables[t];
    let source = &file.doc.source;
    // Findings told elsewhere (a sentence, another table) that point at cells here.
    let elsewhere: BTreeSet<usize> = layout
        .cells
        .iter()
        .filter(|((table, _, _), _)| *table == t)
        .flat_map(|(_, hits)| hits.primary.iter().chain(&hits.related))
        .copied()
        .filter(|&i| layout.homes[i] != Home::Table(t))
        .collect();
    let ids: Vec<String> =
        findings.iter().chain(&elsewhere).map(|&i| finding_id(file_index, i)).collect();
    let name = table.name().render(lang);
    let line = source.line(table.span().start());
    let caption_hits = layout.captions.get(&t);
    let heading = html! {
        span.table-name {
            @if let Some(hits) = caption_hits {
                @let (data, class) = hits_attrs(file_index, hits);
                mark id=(caption_id(file_index, t)) class=(class) data-findings=(data) { (name) }
            } @else {
                (name)
            }
        }
        @if let Some(title) = &table.title { " " span.table-title lang=(REPORT_LANG) { (title) } }
        " " span.minor { (msg!("html.line", line).render(lang)) }
    };
    let body = html! {
        div.scroll {
            table.report lang=(REPORT_LANG) {
                (table_head(&table.columns))
                tbody {
                    @for (r, row) in table.rows.iter().enumerate() {
                        tr class=[(row.kind == RowKind::Section).then_some("section")] {
                            th.ln scope="row" { (source.line(row.span.start())) }
                            @for (c, cell) in row_cells(row).enumerate() {
                                (table_cell(file_index, file, layout, (t, r, c), cell, c >= row.cells.len(), lang))
                            }
                        }
                    }
                }
            }
        }
    };
    html! {
        @if findings.is_empty() && elsewhere.is_empty() {
            details.item.table-item.clean-table data-contains="" {
                summary { (heading) " " span.minor { "· " (msg!("html.no-findings").render(lang)) } }
                (body)
            }
        } @else {
            section.item.table-item data-contains=(ids.join(" ")) {
                h3 { (heading) }
                (body)
                @if !findings.is_empty() {
                    (finding_list(file_index, file, layout, findings, lang))
                }
                @if !elsewhere.is_empty() {
                    p.elsewhere {
                        (msg!("html.checked-against").render(lang)) " "
                        @for (n, &i) in elsewhere.iter().enumerate() {
                            @if n > 0 { ", " }
                            @let f = &file.findings[i];
                            a.back data-findings=(finding_id(file_index, i)) href={ "#" (finding_id(file_index, i)) } {
                                (f.code) " " (msg!("html.line", line = source.line(f.primary.span.start())).render(lang))
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The header rows: each label once over the columns it groups, a column's last label
/// reaching down to the body.
fn table_head(columns: &[Column]) -> Markup {
    let depth = columns.iter().map(|c| c.path.len()).max().unwrap_or(0);
    if depth == 0 {
        return html! {};
    }
    let mut rows: Vec<Vec<(String, usize, usize)>> = vec![Vec::new(); depth];
    for (d, row) in rows.iter_mut().enumerate() {
        let mut c = 0;
        while c < columns.len() {
            let path = &columns[c].path;
            if path.is_empty() {
                if d == 0 {
                    row.push((String::new(), 1, depth));
                }
                c += 1;
                continue;
            }
            if d >= path.len() {
                c += 1;
                continue;
            }
            if d == path.len() - 1 {
                row.push((path[d].clone(), 1, depth - d));
                c += 1;
                continue;
            }
            let mut span = 1;
            while c + span < columns.len() {
                let next = &columns[c + span].path;
                if next.len() > d + 1 && next[..=d] == path[..=d] {
                    span += 1;
                } else {
                    break;
                }
            }
            row.push((path[d].clone(), span, 1));
            c += span;
        }
    }
    html! {
        thead {
            @for (d, row) in rows.iter().enumerate() {
                tr {
                    @if d == 0 { th.ln rowspan=(depth) {} }
                    @for (label, colspan, rowspan) in row {
                        th colspan=(colspan) rowspan=(rowspan) scope="col" { (label) }
                    }
                }
            }
        }
    }
}

fn table_cell(
    file_index: usize,
    file: &FileView,
    layout: &Layout,
    key: CellKey,
    cell: &Cell,
    overflow: bool,
    lang: Lang,
) -> Markup {
    let mut class = String::new();
    if matches!(cell.value, CellFigure::Figure(_) | CellFigure::Nil(_)) {
        class.push_str("num ");
    }
    if overflow {
        class.push_str("overflow ");
    }
    match layout.cells.get(&key) {
        Some(hits) => {
            let (data, hit_class) = hits_attrs(file_index, hits);
            let first = hits.primary.iter().chain(&hits.related).next().copied().unwrap_or(0);
            let severity = hits
                .primary
                .iter()
                .map(|&i| file.findings[i].severity)
                .max()
                .map_or(String::new(), |s| format!(" sev-{}", s.as_str()));
            html! {
                td id=(cell_id(file_index, key)) class={ (class) (hit_class) (severity) } data-findings=(data)
                    title=(hits_title(file, hits, Some(cell.span), lang)) {
                    a href={ "#" (finding_id(file_index, first)) } { (cell.text) }
                }
            }
        }
        None => {
            let class = Some(class.trim_end()).filter(|c| !c.is_empty());
            html! { td class=[class] { (cell.text) } }
        }
    }
}

fn prose_item(
    file_index: usize,
    file: &FileView,
    layout: &Layout,
    excerpt: Span,
    findings: &[usize],
    lang: Lang,
) -> Markup {
    let source = &file.doc.source;
    let ids: Vec<String> = findings.iter().map(|&i| finding_id(file_index, i)).collect();
    let text = &source.text;
    // Every place of these findings' labels that falls in the excerpt, as a mark.
    let mut marks: Vec<(Span, usize, bool)> = Vec::new();
    for &i in findings {
        let f = &file.findings[i];
        marks.push((f.primary.span, i, true));
        marks.extend(f.related.iter().map(|l| (l.span, i, false)));
    }
    marks.retain(|(s, _, _)| {
        s.start() >= excerpt.start() && s.end() <= excerpt.end() && !s.is_empty()
    });
    let mut cuts: Vec<usize> = vec![excerpt.start(), excerpt.end()];
    for (s, _, _) in &marks {
        cuts.extend([s.start(), s.end()]);
    }
    cuts.retain(|&c| text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    let mut pieces: Vec<(Span, Option<Hits>)> = Vec::new();
    for pair in cuts.windows(2) {
        let piece = Span::new(pair[0], pair[1]);
        let mut hits = Hits::default();
        for (s, i, primary) in &marks {
            if s.start() <= piece.start() && piece.end() <= s.end() {
                if *primary {
                    hits.primary.insert(*i);
                } else {
                    hits.related.insert(*i);
                }
            }
        }
        let hits = (!hits.primary.is_empty() || !hits.related.is_empty()).then_some(hits);
        pieces.push((piece, hits));
    }
    let cut_before = excerpt.start() > 0 && !text[..excerpt.start()].ends_with('\n');
    let cut_after = excerpt.end() < text.len() && !text[excerpt.end()..].starts_with(['\n', '\r']);
    let line = source.line(excerpt.start());
    // The marks a finding's location links to: where a primary place starts.
    let starts: BTreeSet<usize> =
        findings.iter().map(|&i| file.findings[i].primary.span.start()).collect();
    html! {
        section.item.prose-item data-contains=(ids.join(" ")) {
            h3 { span.minor { (msg!("html.line", line).render(lang)) } }
            blockquote.excerpt lang=(REPORT_LANG) {
                @if cut_before { "… " }
                @for (piece, hits) in &pieces {
                    @let words = &text[piece.range()];
                    @match hits {
                        Some(hits) => {
                            @let (data, class) = hits_attrs(file_index, hits);
                            @let id = starts.contains(&piece.start()).then(|| mark_id(file_index, excerpt.start(), piece.start()));
                            @let severity = hits.primary.iter().map(|&i| file.findings[i].severity).max().map_or(String::new(), |s| format!(" sev-{}", s.as_str()));
                            mark id=[id] class={ (class) (severity) } data-findings=(data)
                                title=(hits_title(file, hits, Some(*piece), lang)) { (words) }
                        }
                        None => (words),
                    }
                }
                @if cut_after { " …" }
            }
            (finding_list(file_index, file, layout, findings, lang))
        }
    }
}

fn finding_list(
    file_index: usize,
    file: &FileView,
    layout: &Layout,
    findings: &[usize],
    lang: Lang,
) -> Markup {
    html! {
        ol.findings {
            @for &i in findings {
                (finding_item(file_index, file, layout, i, lang))
            }
        }
    }
}

/// `file:line:col` of a label, linked to its place on this page when it has one.
fn location(source: &SourceFile, span: Span) -> String {
    let at = source.line_col(span.start());
    format!("{}:{}:{}", source.name, at.line, at.column)
}

fn finding_item(
    file_index: usize,
    file: &FileView,
    layout: &Layout,
    i: usize,
    lang: Lang,
) -> Markup {
    let f = &file.findings[i];
    let source = &file.doc.source;
    let anchor = match (layout.anchors.get(&i), layout.homes[i]) {
        (Some(anchor), _) => anchor.clone(),
        (None, Home::Prose(excerpt)) => {
            mark_id(file_index, excerpt.start(), f.primary.span.start())
        }
        (None, Home::Table(t)) => caption_id(file_index, t),
    };
    let values = match (&f.expected, &f.found) {
        (Some(expected), Some(found)) => Some(msg!("ui.expected-found", expected, found)),
        (Some(expected), None) => Some(msg!("ui.expected", expected)),
        _ => None,
    };
    let related_cells: BTreeMap<Span, String> = layout
        .cells
        .iter()
        .filter(|(_, hits)| hits.related.contains(&i))
        .filter_map(|(&(t, r, c), _)| {
            let cell = row_cells(&file.doc.tables[t].rows[r]).nth(c)?;
            Some((cell.span, cell_id(file_index, (t, r, c))))
        })
        .collect();
    html! {
        li id=(finding_id(file_index, i)) class={ "finding sev-" (f.severity.as_str()) }
            data-rule=(f.code) data-severity=(f.severity.as_str()) {
            div.finding-head {
                span class={ "badge sev-" (f.severity.as_str()) } { (severity_word(f.severity, lang)) }
                " "
                code.code { (f.code) } span.name { "/" (f.name) }
                " "
                a.loc href={ "#" (anchor) } { (location(source, f.primary.span)) }
            }
            p.message { (f.message.render(lang)) }
            @if let Some(values) = values { p.values { (values.render(lang)) } }
            @if let Some(note) = &f.note { p.note { (note.render(lang)) } }
            @if !f.related.is_empty() {
                details.related open[f.related.len() <= 4] {
                    summary { (msg!("html.related", n = f.related.len()).render(lang)) }
                    ul {
                        @for label in &f.related {
                            li {
                                @match related_cells.get(&label.span) {
                                    Some(id) => a.loc href={ "#" (id) } { (location(source, label.span)) },
                                    None => span.loc { (location(source, label.span)) },
                                }
                                @let text = label.message.render(lang);
                                @if !text.is_empty() { " — " (text) }
                            }
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::{read_document, ReadOptions, SourceKind};

    fn column(path: &[&str]) -> Column {
        Column {
            path: path.iter().map(|s| s.to_string()).collect(),
            label_span: None,
            inferred: false,
        }
    }

    #[test]
    fn a_group_label_spans_its_columns_and_a_single_label_reaches_down() {
        let columns = [
            column(&["No"]),
            column(&["Tahun 2024", "Target"]),
            column(&["Tahun 2024", "Realisasi"]),
            column(&["Tahun 2025", "Target"]),
            column(&[]),
        ];
        let head = table_head(&columns).into_string();
        let rows: Vec<&str> = head.split("<tr>").skip(1).collect();
        assert_eq!(rows.len(), 2, "{head}");
        assert!(rows[0].contains(r#"<th colspan="1" rowspan="2" scope="col">No</th>"#));
        assert!(rows[0].contains(r#"<th colspan="2" rowspan="1" scope="col">Tahun 2024</th>"#));
        assert!(rows[0].contains(r#"<th colspan="1" rowspan="1" scope="col">Tahun 2025</th>"#));
        assert!(rows[0].contains(r#"<th colspan="1" rowspan="2" scope="col"></th>"#), "no header");
        assert_eq!(rows[1].matches("<th ").count(), 3, "{}", rows[1]);
        // A table with no header row has no head.
        assert!(table_head(&[column(&[]), column(&[])]).into_string().is_empty());
        assert!(table_head(&[]).into_string().is_empty());
    }

    fn doc(text: &str) -> Document {
        let source = SourceFile::new("r.md".into(), SourceKind::Markdown, text.into());
        read_document(source, &ReadOptions::default())
    }

    #[test]
    fn a_short_paragraph_is_shown_whole() {
        let text = "# Bab\n\nRealisasi 1.014 orang dari target 1.200 orang. Capaian 84,50%.\n";
        let doc = doc(text);
        let at = text.find("84,50").unwrap();
        let shown = excerpt(&doc, Span::new(at, at + 5));
        assert_eq!(
            &text[shown.range()],
            "Realisasi 1.014 orang dari target 1.200 orang. Capaian 84,50%."
        );
    }

    #[test]
    fn a_long_paragraph_is_cut_to_the_sentence_of_the_figure() {
        let filler = "Kalimat pengantar yang panjang tentang kinerja balai. ".repeat(12);
        let text = format!(
            "# Bab\n\n{filler}Realisasi 1.014 orang dari target 1.200 orang atau 84,05%. {filler}\n"
        );
        let doc = doc(&text);
        let at = text.find("84,05").unwrap();
        let shown = excerpt(&doc, Span::new(at, at + 5));
        assert_eq!(
            &text[shown.range()],
            "Realisasi 1.014 orang dari target 1.200 orang atau 84,05%."
        );
    }
}
