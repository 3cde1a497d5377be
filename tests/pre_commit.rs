//! periksa as a pre-commit hook, run by the real pre-commit framework (PyPI `pre-commit`)
//! in a temporary git repository: a commit of a defective report is refused, and the
//! commit of the corrected report goes through.
//!
//! pre-commit builds periksa from this repository's HEAD with cargo, as a report
//! repository's hook would. The test needs `git` and `pre-commit` on the PATH (`.ci/run`
//! installs pre-commit) and this checkout to be a git repository; where either is
//! missing it says so and returns.

use std::path::Path;
use std::process::{Command, Output};

fn run(dir: &Path, program: &str, args: &[&str]) -> Output {
    Command::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|err| panic!("{program} {args:?}: {err}"))
}

fn available(program: &str) -> bool {
    Command::new(program).arg("--version").output().is_ok_and(|o| o.status.success())
}

#[test]
fn a_commit_of_a_defective_report_is_refused_until_it_is_fixed() {
    let project = Path::new(env!("CARGO_MANIFEST_DIR"));
    if !available("pre-commit") || !available("git") {
        eprintln!("skipped: pre-commit or git is not on the PATH");
        return;
    }
    let head = run(project, "git", &["rev-parse", "HEAD"]);
    if !head.status.success() {
        eprintln!("skipped: this checkout is not a git repository");
        return;
    }
    let rev = String::from_utf8(head.stdout).unwrap().trim().to_string();

    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    for args in [
        &["init", "-q"][..],
        &["config", "user.email", "peninjau@example.org"],
        &["config", "user.name", "Peninjau"],
        &["config", "commit.gpgsign", "false"],
    ] {
        assert!(run(repo, "git", args).status.success(), "git {args:?}");
    }
    std::fs::write(
        repo.join(".pre-commit-config.yaml"),
        format!(
            "repos:\n  - repo: {}\n    rev: {rev}\n    hooks:\n      - id: periksa\n",
            project.display()
        ),
    )
    .unwrap();
    assert!(run(repo, "pre-commit", &["install"]).status.success());

    let defective = project.join("fixtures/examples/laporan-kinerja-2025.md");
    std::fs::copy(defective, repo.join("laporan.md")).unwrap();
    assert!(run(repo, "git", &["add", "laporan.md", ".pre-commit-config.yaml"]).status.success());
    let refused = run(repo, "git", &["commit", "-q", "-m", "draf laporan"]);
    let said = String::from_utf8_lossy(&refused.stdout).to_string()
        + &String::from_utf8_lossy(&refused.stderr);
    assert!(!refused.status.success(), "the commit went through:\n{said}");
    assert!(said.contains("laporan.md:120:83: error A101"), "{said}");
    assert!(said.contains("laporan.md:156:14: error A102"), "{said}");

    let fixed = project.join("fixtures/examples/laporan-kinerja-2025-bersih.md");
    std::fs::copy(fixed, repo.join("laporan.md")).unwrap();
    assert!(run(repo, "git", &["add", "laporan.md"]).status.success());
    let accepted = run(repo, "git", &["commit", "-q", "-m", "laporan diperbaiki"]);
    assert!(
        accepted.status.success(),
        "the corrected report was refused:\n{}{}",
        String::from_utf8_lossy(&accepted.stdout),
        String::from_utf8_lossy(&accepted.stderr)
    );
}
