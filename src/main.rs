//! The `periksa` binary: all the work is in the library; this only maps the outcome to an
//! exit code.

fn main() -> std::process::ExitCode {
    periksa::cli::main()
}
