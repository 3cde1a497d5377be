//! Snapshots of the tables periksa reads from the project's own fixtures: the header
//! path of every column, every row and every cell's figure. A change in reading shows up
//! here as a diff to review (`cargo insta review`).

mod common;

use periksa::output::tables::{render_json, render_text};

fn snapshot_tables(path: &str) {
    let doc = common::read_fixture(path);
    let name = path.replace(['/', '.'], "_");
    insta::assert_snapshot!(
        format!("{name}_text"),
        render_text(&doc, &periksa::knowledge::Knowledge::builtin())
    );
    insta::assert_snapshot!(format!("{name}_json"), render_json(&doc));
}

#[test]
fn tab_separated_report() {
    snapshot_tables("fixtures/reading/tab-tables.txt");
}

#[test]
fn markdown_pipe_tables() {
    snapshot_tables("fixtures/reading/pipe-tables.md");
}

#[test]
fn example_report() {
    snapshot_tables("fixtures/examples/laporan-kinerja-2025.md");
}
