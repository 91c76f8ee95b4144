//! `cargo xtask <command>`: the only way in.
//!
//! - `dist`: build a release `dist/` (optimised wasm, hashed names, .gz/.br);
//! - `serve`: build `dist/` and serve it, plus a sample host page on another
//!   origin, on 127.0.0.1;
//! - `test`: every check and test, as CI runs it.
//!
//! Each installs what it needs and skips what is already there.

mod bench;
mod dist;
mod files;
mod hold;
mod hosts;
mod html;
mod icons;
mod lighthouse;
mod names;
mod nginx;
mod oembed;
mod offline;
mod og;
mod pages;
mod paint;
mod poster;
mod qr;
mod serve;
mod site;
mod sitemap;
mod speech;
mod test;
mod tools;
mod wordpress;
mod words;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub type Result<T = ()> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let outcome = match args.first().map(String::as_str) {
        Some("dist") => dist::run(&args[1..]).map(|_| ()),
        Some("serve") => serve::run(&args[1..]),
        Some("test") => test::run(&args[1..]),
        Some("e2e") => test::run_end_to_end(&args[1..]),
        Some("web") => test::run_components_in_browser(),
        Some("bench") => bench::run(&args[1..]),
        Some("lighthouse") => lighthouse::run(&args[1..]),
        Some("setup") => tools::ensure(tools::Need::Everything),
        _ => Err(USAGE.to_string()),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

const USAGE: &str = "usage: cargo xtask <command>
  dist    build a release dist/ (optimised wasm, hashed names, .gz and .br)
  serve   build dist/, serve it and a sample host page from another origin
          [--port N]  the widget's port (default 8017; the host page uses N+1)
  test    run every check and test, as CI does
          [--skip-e2e]  only the Rust checks and native tests
  web     only the component tests in a browser (tests/web.rs), quick
  e2e     only the browser tests, on the dist/ already built
          [playwright arguments, e.g. -g 'deep links']
  bench   cds17 against a plain-JS floor in headless Chromium, then
          Lighthouse; writes target/bench/report.json and the README's
          tables [--runs N]
  lighthouse  Lighthouse (mobile) on the pages we ship and the sample host
          page; writes target/lighthouse/ and the README's table
  setup   install every tool the other commands need";

/// The repository root (the parent of `xtask/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Runs a command in the repository root, echoing it, and fails on a
/// non-zero exit.
pub fn run_command(program: &str, args: &[&str]) -> Result {
    run_command_with(program, args, &[])
}

/// [`run_command`] with extra environment variables.
pub fn run_command_with(program: &str, args: &[&str], envs: &[(&str, &str)]) -> Result {
    println!("$ {program} {}", args.join(" "));
    let status = std::process::Command::new(program)
        .args(args)
        .envs(envs.iter().copied())
        .current_dir(root())
        .status()
        .map_err(|e| format!("could not start {program}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{program} {} failed ({status})", args.join(" ")))
    }
}

/// [`run_command`] that returns what the command printed on its standard
/// output.
pub fn run_command_for_output(program: &str, args: &[&str]) -> Result<String> {
    println!("$ {program} {}", args.join(" "));
    let output = std::process::Command::new(program)
        .args(args)
        .current_dir(root())
        .stderr(std::process::Stdio::inherit())
        .output()
        .map_err(|e| format!("could not start {program}: {e}"))?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        Err(format!("{program} {} failed ({})", args.join(" "), output.status))
    }
}

/// Runs a command and returns its standard output, or `None` if it could not
/// run or failed.
pub fn command_output(program: &str, args: &[&str]) -> Option<String> {
    let output = std::process::Command::new(program)
        .args(args)
        .current_dir(root())
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}
