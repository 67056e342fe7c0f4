//! The `chanjiao` binary: wiring only; everything lives in the library.

fn main() -> std::process::ExitCode {
    chanjiao::cli::main()
}
