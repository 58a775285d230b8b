//! Running the built `venture` binary as testers do, logging to a file in
//! the temporary folder (never to the terminal the test runs in).

/// Runs `venture` with these arguments and waits for it.
pub fn venture(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_venture"))
        .args(args)
        .env(
            "VENTURE_LOG",
            std::env::temp_dir().join("venture-cli-test.log"),
        )
        .output()
        .expect("the venture binary runs")
}
