//! Writes the synthetic reports that `scripts/measure` times: one report each of 100 KB,
//! 1 MB and 10 MB, and a folder of 1,000 reports of 50 KB.
//!
//! `cargo run --release --example synthetic_reports -- OUT_DIR`

#[path = "../benches/synthetic/mod.rs"]
mod synthetic;

use std::path::PathBuf;

/// The single reports, by name and size.
const SIZES: [(&str, usize); 3] =
    [("report-100k.md", 100_000), ("report-1m.md", 1_000_000), ("report-10m.md", 10_000_000)];
const FOLDER_REPORTS: u64 = 1_000;
const FOLDER_REPORT_BYTES: usize = 50_000;

fn main() -> std::io::Result<()> {
    let Some(out) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: synthetic_reports OUT_DIR");
        std::process::exit(2);
    };
    std::fs::create_dir_all(&out)?;
    for (name, bytes) in SIZES {
        std::fs::write(out.join(name), synthetic::report(bytes, 0))?;
    }
    let folder = out.join("folder");
    std::fs::create_dir_all(&folder)?;
    for n in 1..=FOLDER_REPORTS {
        let report = synthetic::report(FOLDER_REPORT_BYTES, n);
        std::fs::write(folder.join(format!("report-{n:04}.md")), report)?;
    }
    Ok(())
}
