//! The README shows real output: the example report's findings and `periksa explain A102`
//! are printed as the README says.

use assert_cmd::Command;

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap()
}

/// The fenced block that starts right after the first line containing `marker`.
fn block_after(text: &str, marker: &str) -> String {
    let at = text.find(marker).unwrap_or_else(|| panic!("README has no {marker:?}"));
    let rest = &text[at..];
    let open = rest.find("```").unwrap();
    let body_start = open + rest[open..].find('\n').unwrap() + 1;
    let body_end = body_start + rest[body_start..].find("```").unwrap();
    rest[body_start..body_end].to_string()
}

fn run(args: &[&str]) -> String {
    let output =
        Command::cargo_bin("periksa").unwrap().args(args).env_remove("NO_COLOR").output().unwrap();
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn the_example_output_in_the_readme_is_real() {
    let shown = block_after(&readme(), "prints two errors");
    let real = run(&["check", "--color", "never", "fixtures/examples/laporan-kinerja-2025.md"]);
    assert_eq!(shown, real);
}

#[test]
fn the_explain_sample_in_the_readme_is_real() {
    let shown = block_after(&readme(), "```console\n$ periksa explain A102");
    let shown = shown.strip_prefix("$ periksa explain A102\n").unwrap_or(&shown);
    let head = shown.split("…").next().unwrap();
    let real = run(&["explain", "A102"]);
    assert!(real.starts_with(head), "README:\n{head}\nreal:\n{real}");
}
