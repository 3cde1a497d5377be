//! The message catalogue is complete: every message in English and in Indonesian with the
//! same placeholders, every key the code names present with the placeholders the code
//! fills, no message left unused, and every check's findings printed in both languages
//! with nothing left unfilled.

use periksa::diagnostics::human::render_to_string;
use periksa::knowledge::Knowledge;
use periksa::messages::{placeholders, Lang, CATALOGUE};
use periksa::read::{read_document, ReadOptions, SourceFile};
use periksa::rules::check_document;
use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every `msg!("key", …)` in the sources, with the placeholder names it fills.
fn call_sites() -> Vec<(String, String, BTreeSet<String>)> {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    let start = Regex::new(r#"msg!\(\s*"([^"]+)""#).unwrap();
    let mut sites = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for caps in start.captures_iter(&text) {
            let key = caps[1].to_string();
            let whole = caps.get(0).unwrap();
            let args = top_level_args(&text[whole.end()..]);
            let names = args
                .iter()
                .filter_map(|arg| {
                    let name = arg.split('=').next()?.trim();
                    let is_ident = !name.is_empty()
                        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
                    is_ident.then(|| name.to_string())
                })
                .collect();
            let place = format!("{}:{}", file.display(), text[..whole.start()].lines().count());
            sites.push((place, key, names));
        }
    }
    sites
}

/// The comma-separated arguments after the key, up to the macro's closing bracket.
fn top_level_args(rest: &str) -> Vec<String> {
    let mut depth = 0usize;
    let mut args = Vec::new();
    let mut current = String::new();
    let mut in_string = false;
    let mut chars = rest.chars().peekable();
    while let Some(c) = chars.next() {
        if in_string {
            if c == '\\' {
                chars.next();
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => break,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                args.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        if depth == 0 || c != '\n' {
            current.push(c);
        }
    }
    args.push(current);
    args.into_iter().map(|a| a.trim().to_string()).filter(|a| !a.is_empty()).collect()
}

#[test]
fn every_message_exists_in_both_languages_with_the_same_placeholders() {
    let mut problems = Vec::new();
    for (key, entry) in &CATALOGUE.entries {
        if entry.en.trim().is_empty() || entry.id.trim().is_empty() {
            problems.push(format!("{key}: a language is empty"));
        }
        if placeholders(&entry.en) != placeholders(&entry.id) {
            problems.push(format!(
                "{key}: en uses {:?}, id uses {:?}",
                placeholders(&entry.en),
                placeholders(&entry.id)
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_key_the_code_names_is_in_the_catalogue_with_the_placeholders_it_fills() {
    let sites = call_sites();
    assert!(sites.len() > 50, "the scan found only {} call sites", sites.len());
    let mut problems = Vec::new();
    for (place, key, names) in &sites {
        let Some(entry) = CATALOGUE.entries.get(key) else {
            problems.push(format!("{place}: {key} is not in the catalogue"));
            continue;
        };
        let wanted: BTreeSet<String> =
            placeholders(&entry.en).into_iter().map(str::to_string).collect();
        if &wanted != names {
            problems.push(format!("{place}: {key} fills {names:?}, the catalogue has {wanted:?}"));
        }
    }
    let used: BTreeSet<&str> = sites.iter().map(|(_, key, _)| key.as_str()).collect();
    for key in CATALOGUE.entries.keys() {
        if !used.contains(key.as_str()) {
            problems.push(format!("{key}: in the catalogue, used nowhere"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every check's invalid fixtures, printed in English and in Indonesian: no placeholder
/// left unfilled, no key printed instead of its text, and the two languages differ.
#[test]
fn every_finding_prints_in_both_languages() {
    let knowledge = Knowledge::builtin();
    let options = ReadOptions { locale: Default::default(), units: knowledge.units.clone() };
    let unfilled =
        Regex::new(r"\{[a-z_]+\}|\b[a-z]\d{3}\.[a-z-]+\b|\b(ui|label|read)\.[a-z-]+\b").unwrap();
    let mut files: BTreeMap<String, PathBuf> = BTreeMap::new();
    for entry in std::fs::read_dir(root().join("fixtures/rules")).unwrap() {
        let dir = entry.unwrap().path();
        for name in ["invalid.md", "invalid.txt"] {
            if dir.join(name).exists() {
                files.insert(dir.join(name).display().to_string(), dir.join(name));
            }
        }
    }
    assert!(files.len() >= 20);
    let mut problems = Vec::new();
    for (name, path) in files {
        let doc = read_document(SourceFile::load(&path).unwrap(), &options);
        let findings = check_document(&doc, &knowledge);
        assert!(!findings.is_empty(), "{name} gives no finding");
        let en = render_to_string(&doc.source, &findings, Lang::En);
        let id = render_to_string(&doc.source, &findings, Lang::Id);
        for (lang, text) in [("en", &en), ("id", &id)] {
            for m in unfilled.find_iter(text) {
                problems.push(format!("{name} ({lang}): {}", m.as_str()));
            }
        }
        for (f_en, f_id) in
            findings.iter().map(|f| (f.message.render(Lang::En), f.message.render(Lang::Id)))
        {
            if f_en == f_id {
                problems.push(format!("{name}: the same in both languages: {f_en}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
