//! `periksa check --format html`: the review page. Its cells and counts are read from the
//! page as written (the planted slips highlighted in their tables, the clean twin with
//! none, report text escaped, the counts those of `--format json`); then the page is
//! validated by the Nu Html Checker (npm `vnu-jar`, run with Java) and opened in a real
//! browser, Debian's Chromium, headless: the DOM after the page's script ran must show
//! the highlights and the counts, a filter given in the URL must hide the other findings,
//! and a screenshot goes to `target/test-artefacts/`.
//!
//! Chromium is found through `CHROMIUM`, else at /usr/bin/chromium; the checker through
//! `VNU_JAR`, else where `.ci/run` installs it (`target/vnu`). Where one is absent its
//! tests say so and return, except under CI (`CI` set), where its absence is a failure.

mod common;

use assert_cmd::Command;
use regex::Regex;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const EXAMPLE: &str = "fixtures/examples/laporan-kinerja-2025.md";
const CLEAN: &str = "fixtures/examples/laporan-kinerja-2025-bersih.md";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// periksa, speaking English whatever the machine's locale.
fn periksa() -> Command {
    let mut cmd = Command::cargo_bin("periksa").expect("the binary is built");
    cmd.env("LC_ALL", "C").current_dir(root());
    cmd
}

/// `periksa check --format html ARGS…`: exit code and page.
fn page(args: &[&str]) -> (i32, String) {
    let output = periksa().args(["check", "--format", "html"]).args(args).output().unwrap();
    let page = String::from_utf8(output.stdout).expect("the page is UTF-8");
    (output.status.code().expect("periksa exits"), page)
}

fn json(args: &[&str]) -> Value {
    let output = periksa().args(["check", "--format", "json"]).args(args).output().unwrap();
    serde_json::from_slice(&output.stdout).expect("--format json is JSON")
}

/// Where the test leaves what a person may want to look at (pages, screenshots).
fn artefacts() -> PathBuf {
    let dir = root().join("target/test-artefacts");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A highlighted cell: its classes, the findings it belongs to, and its text.
#[derive(Debug, Clone, PartialEq)]
struct Hit {
    class: String,
    findings: String,
    text: String,
}

/// The cells of `html` marked as a finding's place (`primary`) or as one it was checked
/// against (`related`).
fn hit_cells(html: &str, kind: &str) -> Vec<Hit> {
    let re = Regex::new(
        r#"<td id="c[^"]*" class="([^"]*)" data-findings="([^"]*)"[^>]*><a [^>]*>([^<]*)</a></td>"#,
    )
    .unwrap();
    re.captures_iter(html)
        .map(|c| Hit {
            class: c[1].to_string(),
            findings: c[2].to_string(),
            text: c[3].to_string(),
        })
        .filter(|hit| hit.class.split(' ').any(|c| c == kind))
        .collect()
}

/// The items of a page (each table, each piece of prose with findings), as HTML.
fn items(html: &str) -> Vec<&str> {
    html.split(r#"class="item "#).skip(1).collect()
}

fn item_named<'a>(html: &'a str, name: &str) -> &'a str {
    let heading = format!(r#"<span class="table-name">{name}</span>"#);
    items(html)
        .into_iter()
        .find(|item| item.contains(&heading))
        .unwrap_or_else(|| panic!("no item for {name}"))
}

#[test]
fn the_planted_slips_are_highlighted_in_their_tables() {
    let (code, html) = page(&[EXAMPLE]);
    assert_eq!(code, 1, "the example has two errors");
    let primary = hit_cells(&html, "primary");
    let texts: Vec<&str> = primary.iter().map(|h| h.text.as_str()).collect();
    assert_eq!(texts, ["84,05", "61"]);
    assert!(primary.iter().all(|h| h.class.contains("sev-error")), "{primary:?}");

    let t32 = item_named(&html, "Tabel 3.2");
    assert_eq!(hit_cells(t32, "primary")[0].text, "84,05");
    // The row's target and realisation, which the percentage was recomputed from.
    let related: Vec<String> = hit_cells(t32, "related").into_iter().map(|h| h.text).collect();
    assert_eq!(related, ["1.200 orang", "1.014 orang"]);
    assert!(t32.contains("A101</code>"), "the finding is under its table");
    assert!(t32.contains("expected 84,50, found 84,05"));
    assert!(t32.contains("1.014 / 1.200 × 100 = 84,5"), "the note, as the human output has it");
    assert!(t32.contains(">fixtures/examples/laporan-kinerja-2025.md:120:83</a>"));

    let t34 = item_named(&html, "Tabel 3.4");
    assert_eq!(hit_cells(t34, "primary")[0].text, "61");
    assert_eq!(hit_cells(t34, "related").len(), 6, "the six rows it should sum");
    assert!(t34.contains("expected 59, found 61"));
    assert!(t34.contains(">fixtures/examples/laporan-kinerja-2025.md:156:14</a>"));
    // Each highlighted cell links to its finding, and the finding's place to the cell.
    let id = &hit_cells(t34, "primary")[0].findings;
    assert!(t34.contains(&format!(r##"<li id="{id}" class="finding sev-error""##)));
}

#[test]
fn the_clean_twin_has_no_highlight() {
    let (code, html) = page(&[CLEAN]);
    assert_eq!(code, 0);
    assert!(hit_cells(&html, "primary").is_empty() && hit_cells(&html, "related").is_empty());
    assert!(!html.contains("class=\"finding"));
    assert!(html.contains("No findings in this file."));
    // Its tables are still there, folded.
    assert!(items(&html).len() >= 6, "every table is shown");
    assert!(html.contains(r#"<span class="table-name">Tabel 3.2</span>"#));
}

/// The counts the page's summary states: files, then by severity, then by check.
fn summary_counts(html: &str) -> (usize, [usize; 3], BTreeMap<String, usize>) {
    let count = |id: &str| -> usize {
        let re = Regex::new(&format!(r#"id="count-{id}" data-count="(\d+)""#)).unwrap();
        re.captures(html).unwrap_or_else(|| panic!("no count-{id}"))[1].parse().unwrap()
    };
    let re = Regex::new(r#"<tr data-rule-count="(\w+)">.*?<td class="num">(\d+)</td>"#).unwrap();
    let rules = re.captures_iter(html).map(|c| (c[1].to_string(), c[2].parse().unwrap())).collect();
    (count("files"), [count("error"), count("warning"), count("info")], rules)
}

/// The same counts from `--format json`.
fn json_counts(report: &Value) -> (usize, [usize; 3], BTreeMap<String, usize>) {
    let files = report["files"].as_array().unwrap();
    let checked = files.iter().filter(|f| f.get("error").is_none()).count();
    let mut severities = [0; 3];
    let mut rules = BTreeMap::new();
    for d in files.iter().flat_map(|f| f["diagnostics"].as_array().unwrap()) {
        let i = ["error", "warning", "info"].iter().position(|s| d["severity"] == *s).unwrap();
        severities[i] += 1;
        *rules.entry(d["code"].as_str().unwrap().to_string()).or_insert(0) += 1;
    }
    (checked, severities, rules)
}

#[test]
fn the_summary_counts_are_those_of_the_json_output() {
    let mut runs: Vec<Vec<&str>> =
        vec![vec![EXAMPLE], vec![CLEAN], vec!["fixtures/examples/"], vec!["fixtures/rules/"]];
    let seed = common::seed_path().map(|p| p.display().to_string());
    if let Some(seed) = &seed {
        runs.push(vec![seed.as_str(), EXAMPLE]);
    }
    for args in runs {
        let (_, html) = page(&args);
        let from_json = json_counts(&json(&args));
        assert_eq!(summary_counts(&html), from_json, "{args:?}");
        // And as many findings are listed as counted.
        let listed = html.matches(r#"<li id="f"#).count();
        assert_eq!(listed, from_json.1.iter().sum::<usize>(), "{args:?}");
    }
}

#[test]
fn report_text_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let report = "\
# Laporan & \"kutip\"

**Tabel 3.1**
Capaian Kinerja & \"Anggaran\" <1>

| No | Indikator (a<b) & miring | Target | Realisasi | % |
|----|--------------------------|--------|-----------|---|
| 1. | Jumlah lulusan x < 5 & 'y' | 100 | 90 | 95,00 |

## Bab <script>alert(1)</script>

Nilai IKPA <img src=x onerror=alert(1)> & \"A<B\": realisasi sebesar 89,62 lebih tinggi dari target 90.
";
    let path = dir.path().join("laporan <&>.md");
    std::fs::write(&path, report).unwrap();
    let path = path.display().to_string();
    let (code, html) = page(&[&path]);
    assert_eq!(code, 1, "the percentage and the comparison are wrong:\n{html}");
    for raw in ["<script>alert", "<img src=x", "(a<b)", "x < 5", "\"A<B\"", "<1>", "<&>"] {
        assert!(!html.contains(raw), "{raw} is in the page unescaped");
    }
    assert!(html.contains("Capaian Kinerja &amp; &quot;Anggaran&quot; &lt;1&gt;"), "the caption");
    assert!(html.contains(">Indikator (a&lt;b) &amp; miring</th>"), "a header");
    assert!(html.contains(">Jumlah lulusan x &lt; 5 &amp; 'y'</td>"), "a cell");
    assert!(
        html.contains("Nilai IKPA &lt;img src=x onerror=alert(1)&gt; &amp; &quot;A&lt;B&quot;: "),
        "the sentence"
    );
    assert!(html.contains("laporan &lt;&amp;&gt;.md"), "the file's name");
    // The one script is the page's own, at the end.
    assert_eq!(html.matches("<script>").count(), 1);
    assert_eq!(hit_cells(&html, "primary")[0].text, "95,00");
    assert!(
        html.contains(r#"class="hit primary sev-error""#) && html.contains(">lebih tinggi</mark>")
    );
}

#[test]
fn several_files_make_one_page_and_unreadable_ones_are_listed() {
    let (code, html) = page(&[EXAMPLE, CLEAN, "fixtures/no-such-report.md"]);
    assert_eq!(code, 2, "a file could not be read");
    assert_eq!(html.matches("<!DOCTYPE html>").count(), 1);
    assert_eq!(html.matches(r#"<section class="file""#).count(), 2);
    assert!(html.contains(r##"<a href="#file-0">fixtures/examples/laporan-kinerja-2025.md</a>"##));
    assert!(html
        .contains(r##"<a href="#file-1">fixtures/examples/laporan-kinerja-2025-bersih.md</a>"##));
    let not_checked = &html[html.find(r#"<section id="not-checked">"#).expect("listed")..];
    assert!(not_checked.contains("<li>fixtures/no-such-report.md: cannot read"), "{not_checked}");
}

#[test]
fn a_baseline_leaves_out_the_findings_it_accepts() {
    let dir = tempfile::tempdir().unwrap();
    let baseline = dir.path().join("baseline.json").display().to_string();
    let written = periksa().args(["check", "--write-baseline", &baseline, EXAMPLE]).output();
    assert!(written.unwrap().status.success());
    let (code, html) = page(&["--baseline", &baseline, EXAMPLE]);
    assert_eq!(code, 0);
    assert!(hit_cells(&html, "primary").is_empty(), "accepted findings are not highlighted");
    assert_eq!(summary_counts(&html).1, [0, 0, 0]);
    // The tables are still shown.
    assert!(html.contains(r#"<span class="table-name">Tabel 3.2</span>"#));
}

#[test]
fn the_page_speaks_the_language_of_the_run() {
    let (_, html) = page(&["--lang", "id", EXAMPLE]);
    assert!(html.contains(r#"<html lang="id">"#));
    assert!(html.contains("<h2>Ringkasan</h2>"));
    assert!(html.contains("seharusnya 84,50, tertulis 84,05"));
    assert!(html.contains("{shown} dari {total} temuan ditampilkan"));
    let (_, html) = page(&["--lang", "en", EXAMPLE]);
    assert!(html.contains(r#"<html lang="en">"#));
    assert!(html.contains("<h2>Summary</h2>"));
}

#[test]
fn the_page_fetches_nothing() {
    let (_, html) = page(&[EXAMPLE]);
    for outside in ["http://", "https://", "src=", "<link", "@import", "url("] {
        assert!(!html.contains(outside), "the page refers to {outside}");
    }
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"));
}

// The seed: the real report, when ../shared is beside this checkout.

#[test]
fn the_seed_shows_its_swapped_digits_beside_the_sentence() {
    let Some(seed) = common::seed_path() else {
        eprintln!("skipped: ../shared/seed is not beside this checkout");
        return;
    };
    let (_, html) = page(&[&seed.display().to_string()]);
    std::fs::write(artefacts().join("seed.html"), &html).unwrap();
    let item = items(&html)
        .into_iter()
        .find(|item| item.starts_with("prose-item") && item.contains(">80,67</mark>"))
        .expect("the sentence with 80,67 is shown");
    let mark = Regex::new(r#"<mark id="[^"]*" class="hit primary sev-error" data-findings="([^"]*)"[^>]*>80,67</mark>"#)
        .unwrap();
    let id = mark.captures(item).expect("80,67 is marked")[1].to_string();
    assert!(item.contains("C202</code>"));
    assert!(item.contains("expected 80,76, found 80,67"));
    assert!(item.contains("Pembangunan zona integritas"), "the sentence around it");
    // The table cells it was held to are marked, in Tabel 1 among others.
    let related: Vec<Hit> = hit_cells(&html, "related")
        .into_iter()
        .filter(|h| h.findings.split(' ').any(|f| f == id))
        .collect();
    assert_eq!(related.len(), 7, "{related:?}");
    assert!(related.iter().all(|h| h.text == "80,76"));
    assert_eq!(
        hit_cells(item_named(&html, "Tabel 1"), "related")
            .iter()
            .filter(|h| h.text == "80,76")
            .count(),
        1
    );
}

// The Nu Html Checker.

/// An outside tool: where it is, or `None` with the reason printed; under CI its absence
/// fails the test.
fn tool(found: Option<PathBuf>, reason: &str) -> Option<PathBuf> {
    if found.is_some() {
        return found;
    }
    if std::env::var_os("CI").is_some() {
        panic!("{reason}");
    }
    eprintln!("skipped: {reason}");
    None
}

fn vnu_jar() -> Option<PathBuf> {
    let installed = root().join("target/vnu/node_modules/vnu-jar/build/dist/vnu.jar");
    let found = match std::env::var_os("VNU_JAR") {
        Some(path) => Some(PathBuf::from(path)),
        None => installed.is_file().then(|| installed.clone()),
    };
    tool(
        found,
        &format!(
            "the Nu Html Checker is not installed (set VNU_JAR, or run `npm install --prefix \
             target/vnu vnu-jar`; looked for {})",
            installed.display()
        ),
    )
}

#[test]
fn the_pages_are_valid_html5() {
    let Some(jar) = vnu_jar() else { return };
    let dir = artefacts();
    let mut pages = Vec::new();
    let mut runs = vec![
        ("example", vec![EXAMPLE]),
        ("several", vec![EXAMPLE, CLEAN, "fixtures/no-such-report.md"]),
        ("id", vec!["--lang", "id", "fixtures/examples/"]),
    ];
    let seed = common::seed_path().map(|p| p.display().to_string());
    if let Some(seed) = &seed {
        runs.push(("seed-valid", vec![seed.as_str()]));
    }
    for (name, args) in runs {
        let path = dir.join(format!("{name}.html"));
        std::fs::write(&path, page(&args).1).unwrap();
        pages.push(path);
    }
    let output = std::process::Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--format", "gnu"])
        .args(&pages)
        .output()
        .expect("java runs the Nu Html Checker");
    let said = String::from_utf8_lossy(&output.stderr).to_string()
        + &String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success() && said.trim().is_empty(), "the checker objects:\n{said}");

    // It does read the pages: a planted stray end tag is an error.
    let planted = dir.join("planted.html");
    let html = std::fs::read_to_string(&pages[0]).unwrap().replace("</h1>", "</h1></div>");
    std::fs::write(&planted, html).unwrap();
    let output = std::process::Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--format", "gnu", "--errors-only"])
        .arg(&planted)
        .output()
        .unwrap();
    assert!(!output.status.success(), "the checker passed a page with a stray </div>");
}

// A real browser.

fn chromium() -> Option<PathBuf> {
    let installed = PathBuf::from("/usr/bin/chromium");
    let found = match std::env::var_os("CHROMIUM") {
        Some(path) => Some(PathBuf::from(path)),
        None => installed.is_file().then_some(installed),
    };
    tool(
        found,
        "Chromium is not installed (set CHROMIUM, or `apt-get install chromium`; looked for \
         /usr/bin/chromium)",
    )
}

/// Headless Chromium with a fresh profile and no network of its own, on `url`; what it
/// printed on stdout.
fn headless(chromium: &Path, args: &[String], url: &str) -> String {
    let profile = tempfile::tempdir().unwrap();
    let output = std::process::Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(url)
        .output()
        .expect("chromium runs");
    assert!(
        output.status.success(),
        "chromium failed on {url}:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).to_string()
}

fn file_url(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// The elements with class `kind` after the script ran: (their classes, their text).
fn marked_after_script(dom: &str) -> Vec<(String, String)> {
    let re =
        Regex::new(r#"<td id="c[^"]*" class="([^"]*)"[^>]*><a [^>]*>([^<]*)</a></td>"#).unwrap();
    re.captures_iter(dom).map(|c| (c[1].to_string(), c[2].to_string())).collect()
}

fn shown(dom: &str) -> String {
    let re = Regex::new(r#"<output id="shown"[^>]*>([^<]*)</output>"#).unwrap();
    re.captures(dom).expect("the filter's status is there")[1].to_string()
}

#[test]
fn in_chromium_the_highlights_counts_and_filters_work() {
    let Some(chromium) = chromium() else { return };
    let dir = artefacts();
    let path = dir.join("review-example.html");
    std::fs::write(&path, page(&[EXAMPLE]).1).unwrap();
    let url = file_url(&path);

    let dom = headless(&chromium, &["--dump-dom".into()], &url);
    assert!(dom.contains(r#"<form id="filters">"#), "the script showed the filters");
    assert_eq!(shown(&dom), "2 of 2 findings shown");
    let (_, severities, _) = summary_counts(&dom);
    assert_eq!(severities, [2, 0, 0]);
    let primary: Vec<String> = marked_after_script(&dom)
        .into_iter()
        .filter(|(class, _)| class.contains("hit primary") && !class.contains("off"))
        .map(|(_, text)| text)
        .collect();
    assert_eq!(primary, ["84,05", "61"]);

    // A filter in the URL: only A101 is left; 61's highlight and its finding are gone.
    let dom = headless(&chromium, &["--dump-dom".into()], &format!("{url}#rule=A101"));
    assert_eq!(shown(&dom), "1 of 2 findings shown");
    let cells = marked_after_script(&dom);
    let class_of = |text: &str| cells.iter().find(|(_, t)| t == text).unwrap().0.clone();
    assert!(!class_of("84,05").contains("off"));
    assert!(class_of("61").contains("off"), "{}", class_of("61"));
    assert!(dom.contains(r#"data-rule="A102" data-severity="error" hidden"#));
    // Filtering by severity: warnings only leaves nothing of this report.
    let dom = headless(&chromium, &["--dump-dom".into()], &format!("{url}#severity=warning"));
    assert_eq!(shown(&dom), "0 of 2 findings shown");

    let shot = dir.join("review-example.png");
    let _ = std::fs::remove_file(&shot);
    headless(
        &chromium,
        &[format!("--screenshot={}", shot.display()), "--window-size=1280,1800".into()],
        &url,
    );
    let png = std::fs::read(&shot).expect("a screenshot was taken");
    assert!(png.starts_with(b"\x89PNG") && png.len() > 10_000, "{} bytes", png.len());

    if let Some(seed) = common::seed_path() {
        let seed = seed.display().to_string();
        let path = dir.join("review-seed.html");
        std::fs::write(&path, page(&[&seed]).1).unwrap();
        let (_, _, rules) = json_counts(&json(&[&seed]));
        let (c202, total) = (rules["C202"], rules.values().sum::<usize>());
        let url = format!("{}#rule=C202", file_url(&path));
        let dom = headless(&chromium, &["--dump-dom".into()], &url);
        assert_eq!(shown(&dom), format!("{c202} of {total} findings shown"));
        headless(
            &chromium,
            &[
                format!("--screenshot={}", dir.join("review-seed-c202.png").display()),
                "--window-size=1280,2400".into(),
            ],
            &url,
        );
    }
}
