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
    let output = Command::cargo_bin("periksa")
        .unwrap()
        .args(args)
        .env_remove("NO_COLOR")
        .env("LC_ALL", "C")
        .output()
        .unwrap();
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

/// The commands of the README's *Workflows* section, run as written: every line of its
/// `sh` blocks that starts with `periksa`, in a copy of the project's fixtures, with the
/// binary just built first on the PATH (as `cargo install --path .` puts it). Each must
/// run: exit 0 (nothing wrong) or 1 (findings), never 2 (a usage or input error).
#[test]
fn the_workflow_commands_in_the_readme_run_as_written() {
    let readme = readme();
    let start = readme.find("\n## Workflows").expect("README has a Workflows section");
    let end = readme[start + 1..].find("\n## ").map_or(readme.len(), |e| start + 1 + e);
    let section = &readme[start..end];
    let mut commands = Vec::new();
    let mut in_sh = false;
    for line in section.lines() {
        match line.trim_start() {
            "```sh" => in_sh = true,
            "```" => in_sh = false,
            command if in_sh && command.starts_with("periksa ") => {
                // A comment after the command explains it; it is not part of it.
                let command = command.split("  #").next().unwrap().trim_end();
                commands.push(command.to_string());
            }
            _ => {}
        }
    }
    assert!(commands.len() >= 6, "only {} commands found: {commands:?}", commands.len());

    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let work = tempfile::tempdir().unwrap();
    copy_dir(&root.join("fixtures"), &work.path().join("fixtures"));
    let binary = assert_cmd::cargo::cargo_bin("periksa");
    let path = format!(
        "{}:{}",
        binary.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    for command in &commands {
        let output = std::process::Command::new("sh")
            .arg("-c")
            .arg(command)
            .current_dir(work.path())
            .env("PATH", &path)
            .env_remove("LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .output()
            .unwrap();
        let code = output.status.code();
        assert!(
            matches!(code, Some(0 | 1)),
            "`{command}` exited {code:?}:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(!output.stdout.is_empty() || command.contains('>'), "`{command}` printed nothing");
    }
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The Indonesian sample of the seed report is real. The seed lives beside the project
/// (`../shared`), not in it: a clone without it skips this test.
#[test]
fn the_indonesian_seed_sample_in_the_readme_is_real() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let seed = "../shared/seed/lakip-2024-bp3mi-jawa-barat.txt";
    if !root.join(seed).exists() {
        eprintln!("skipped: {seed} is not beside the project");
        return;
    }
    let shown = block_after(&readme(), "```console\n$ periksa check --lang id");
    let (command, output) = shown.split_once('\n').unwrap();
    let args: Vec<&str> = command.trim_start_matches("$ periksa ").split(' ').collect();
    assert!(args.contains(&"--lang") && args.contains(&seed), "{command}");
    let real =
        Command::cargo_bin("periksa").unwrap().args(&args).current_dir(root).output().unwrap();
    assert_eq!(output, String::from_utf8(real.stdout).unwrap());

    // The finding shown in full is one of the real findings, word for word.
    let excerpt = block_after(&readme(), "the 80,76 of seven table cells");
    let mut full_args: Vec<&str> =
        args.iter().copied().filter(|a| *a != "--format" && *a != "concise").collect();
    full_args.extend(["--color", "never"]);
    let full =
        Command::cargo_bin("periksa").unwrap().args(&full_args).current_dir(root).output().unwrap();
    let full = String::from_utf8(full.stdout).unwrap();
    assert!(full.contains(&excerpt), "README:\n{excerpt}\nreal:\n{full}");
}
