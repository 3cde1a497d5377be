//! How fast each stage of checking a report is, and the whole of it, on synthetic reports
//! of 100 KB, 1 MB and 10 MB (see `synthetic/mod.rs`), and on a folder of 1,000 reports
//! checked in parallel as `periksa check FOLDER` does. divan prints bytes per second for
//! each: the stages are
//!
//! - `read`: the file split into blocks and table parts (Markdown, tab and HTML tables);
//! - `tables`: the parts assembled into tables (headers, rows, figures of every cell);
//! - `prose_figures`: the figures of every paragraph;
//! - `facts`: what each column and row of each table stands for;
//! - `checks`: every check (which builds its own facts and index);
//! - `render`: the findings printed as the terminal shows them;
//! - `end_to_end`: all of it, from the text to the printed findings.
//!
//! `cargo bench --bench pipeline`; `scripts/measure` times the release binary instead, with
//! its peak memory.

mod synthetic;

use divan::counter::BytesCount;
use divan::Bencher;
use periksa::document::Document;
use periksa::facts::document_facts;
use periksa::knowledge::Knowledge;
use periksa::messages::Lang;
use periksa::read::{
    read_document, read_layout, read_prose_figures, ReadOptions, SourceFile, SourceKind,
};
use periksa::rules::check_document;
use periksa::tables::assemble_tables;
use rayon::prelude::*;

fn main() {
    divan::main();
}

const SIZES: [usize; 3] = [100_000, 1_000_000, 10_000_000];
const FOLDER_REPORTS: u64 = 1_000;
const FOLDER_REPORT_BYTES: usize = 50_000;

fn source(bytes: usize) -> SourceFile {
    SourceFile::new("report.md".into(), SourceKind::Markdown, synthetic::report(bytes, 0))
}

fn setting() -> (Knowledge, ReadOptions) {
    let knowledge = Knowledge::builtin();
    let options = ReadOptions { units: knowledge.units.clone(), ..ReadOptions::default() };
    (knowledge, options)
}

fn document(bytes: usize) -> (Document, Knowledge) {
    let (knowledge, options) = setting();
    (read_document(source(bytes), &options), knowledge)
}

/// Checks one report and renders its findings, as `periksa check` does for each file.
fn check_and_render(source: SourceFile, knowledge: &Knowledge, options: &ReadOptions) -> usize {
    let doc = read_document(source, options);
    let findings = check_document(&doc, knowledge);
    periksa::diagnostics::human::render_to_string(&doc.source, &findings, Lang::En).len()
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn read(bencher: Bencher, bytes: usize) {
    let source = source(bytes);
    bencher.counter(BytesCount::new(bytes)).bench(|| read_layout(&source));
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn tables(bencher: Bencher, bytes: usize) {
    let (_, options) = setting();
    let layout = read_layout(&source(bytes));
    bencher
        .counter(BytesCount::new(bytes))
        .with_inputs(|| layout.parts.clone())
        .bench_values(|parts| assemble_tables(parts, options.locale, &options.units));
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn prose_figures(bencher: Bencher, bytes: usize) {
    let (_, options) = setting();
    let layout = read_layout(&source(bytes));
    bencher
        .counter(BytesCount::new(bytes))
        .with_inputs(|| layout.blocks.clone())
        .bench_local_refs(|blocks| read_prose_figures(blocks, &options));
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn facts(bencher: Bencher, bytes: usize) {
    let (doc, knowledge) = document(bytes);
    bencher.counter(BytesCount::new(bytes)).bench(|| document_facts(&doc, &knowledge).len());
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn checks(bencher: Bencher, bytes: usize) {
    let (doc, knowledge) = document(bytes);
    bencher.counter(BytesCount::new(bytes)).bench(|| check_document(&doc, &knowledge));
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn render(bencher: Bencher, bytes: usize) {
    let (doc, knowledge) = document(bytes);
    let findings = check_document(&doc, &knowledge);
    assert!(!findings.is_empty(), "the synthetic report has slips planted to render");
    bencher
        .counter(BytesCount::new(bytes))
        .bench(|| periksa::diagnostics::human::render_to_string(&doc.source, &findings, Lang::En));
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn end_to_end(bencher: Bencher, bytes: usize) {
    let (knowledge, options) = setting();
    let source = source(bytes);
    bencher
        .counter(BytesCount::new(bytes))
        .with_inputs(|| source.clone())
        .bench_values(|source| check_and_render(source, &knowledge, &options));
}

/// 1,000 reports of 50 KB, checked in parallel on every core, as `periksa check FOLDER`.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn folder_of_1000_reports(bencher: Bencher) {
    let (knowledge, options) = setting();
    let sources: Vec<SourceFile> = (1..=FOLDER_REPORTS)
        .map(|n| {
            let text = synthetic::report(FOLDER_REPORT_BYTES, n);
            SourceFile::new(format!("report-{n:04}.md"), SourceKind::Markdown, text)
        })
        .collect();
    let bytes: usize = sources.iter().map(|s| s.text.len()).sum();
    bencher.counter(BytesCount::new(bytes)).with_inputs(|| sources.clone()).bench_values(
        |sources| {
            sources
                .into_par_iter()
                .map(|source| check_and_render(source, &knowledge, &options))
                .sum::<usize>()
        },
    );
}
