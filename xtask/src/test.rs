//! `cargo xtask test`: every check and test, as CI runs it.

use crate::dist::{self, path_str, visitor_sizes};
use crate::tools::{self, node_bin, Need, WASM_TARGET};
use crate::{run_command, run_command_with, serve, Result};

/// The most a visitor may download, gzip-compressed (loader, glue, wasm, CSS
/// and data). Bytes are deterministic, so this is a test, not a benchmark.
pub const BUDGET_GZIP_BYTES: u64 = 90_000;

pub fn run(args: &[String]) -> Result {
    let skip_e2e = args.iter().any(|arg| arg == "--skip-e2e");
    tools::ensure(if skip_e2e { Need::Build } else { Need::Everything })?;
    tools::ensure_rust_components()?;

    run_command("cargo", &["fmt", "--all", "--check"])?;
    run_command(
        "cargo",
        &["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"],
    )?;
    run_command(
        "cargo",
        &[
            "clippy",
            "--package",
            "cds17",
            "--lib",
            "--target",
            WASM_TARGET,
            "--",
            "-D",
            "warnings",
        ],
    )?;
    run_command("cargo", &["test", "--workspace"])?;
    if skip_e2e {
        return Ok(());
    }

    let built = dist::build()?;
    let sizes = visitor_sizes(&built)?;
    println!(
        "budget: a visitor downloads {} bytes gzip (at most {BUDGET_GZIP_BYTES})",
        sizes.gzip
    );
    if sizes.gzip > BUDGET_GZIP_BYTES {
        return Err(format!(
            "over budget: {} bytes gzip, at most {BUDGET_GZIP_BYTES}",
            sizes.gzip
        ));
    }

    let origins = serve::start(0, 0)?;
    println!("widget origin {}, host origin {}", origins.widget, origins.host);
    run_command_with(
        &path_str(&node_bin("playwright")),
        &["test", "--config", "tests/e2e/playwright.config.ts"],
        &[
            ("CDS17_WIDGET_ORIGIN", origins.widget.as_str()),
            ("CDS17_HOST_ORIGIN", origins.host.as_str()),
            ("CDS17_PINNED_LOADER", built.pinned_loader.as_str()),
        ],
    )
}
