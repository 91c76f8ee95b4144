//! Installs what the commands need, and skips what is already there.

use std::fs;
use std::path::PathBuf;

use crate::{command_output, root, run_command, run_command_with, Result};

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// The nightly that builds the release wasm, and nothing else: rebuilding
/// the standard library (`-Zbuild-std`) with panics that abort without
/// their messages (`-Cpanic=immediate-abort`) takes unstable flags, and
/// saves every visitor about 24 KB of wasm (7.5 KB gzip). Pinned, because
/// those flags change: move it forward on purpose, here only.
pub const RELEASE_NIGHTLY: &str = "nightly-2026-10-25";

/// Debian packages the browser tests need: the browser, its driver,
/// poppler's pdftotext and pdftoppm, to read and rasterise what printing
/// gives, and zbar's zbarimg, to decode the posters' QR codes as a phone
/// would.
const TEST_PACKAGES: &[&str] = &["chromium", "chromium-driver", "poppler-utils", "zbar-tools"];

/// What `dist` needs from Debian: the Noto fonts, with every Vietnamese
/// diacritic, that the cards' images are drawn with (and that make
/// screenshots look the same on every machine).
const BUILD_PACKAGES: &[&str] = &["fonts-noto-core"];

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// What `dist` and `serve` need.
    Build,
    /// What `test` needs as well: a browser.
    Everything,
}

pub fn ensure(need: Need) -> Result {
    ensure_wasm_target()?;
    ensure_release_nightly()?;
    ensure_wasm_bindgen()?;
    ensure_node_packages()?;
    ensure_debian_packages(BUILD_PACKAGES)?;
    if need == Need::Everything {
        ensure_debian_packages(TEST_PACKAGES)?;
        ensure_debian_packages(crate::speech::PACKAGES)?;
    }
    Ok(())
}

/// rustfmt and clippy, which the checks run.
pub fn ensure_rust_components() -> Result {
    let have = |tool: &str| command_output("cargo", &[tool, "--version"]).is_some();
    if have("fmt") && have("clippy") {
        return Ok(());
    }
    run_command("rustup", &["component", "add", "rustfmt", "clippy"])
}

/// The target, for the checks and the tests that build for the browser on
/// stable.
fn ensure_wasm_target() -> Result {
    let installed = command_output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if !installed.lines().any(|line| line.trim() == WASM_TARGET) {
        run_command("rustup", &["target", "add", WASM_TARGET])?;
    }
    Ok(())
}

/// [`RELEASE_NIGHTLY`], with the target and the standard library's source
/// that `-Zbuild-std` rebuilds.
fn ensure_release_nightly() -> Result {
    let toolchain = format!("+{RELEASE_NIGHTLY}");
    let has = |what: &str| {
        command_output("rustup", &[&toolchain, what, "list", "--installed"])
            .unwrap_or_default()
            .lines()
            .map(str::trim)
            .map(String::from)
            .collect::<Vec<_>>()
    };
    let ready = command_output("rustup", &["run", RELEASE_NIGHTLY, "rustc", "--version"]).is_some()
        && has("target").iter().any(|target| target == WASM_TARGET)
        && has("component")
            .iter()
            .any(|component| component.starts_with("rust-src"));
    if ready {
        return Ok(());
    }
    run_command(
        "rustup",
        &[
            "toolchain",
            "install",
            RELEASE_NIGHTLY,
            "--profile",
            "minimal",
            "--component",
            "rust-src",
            "--target",
            WASM_TARGET,
        ],
    )
}

/// The CLI must be the very version of the `wasm-bindgen` crate in
/// Cargo.lock, or the generated glue does not match the wasm.
fn ensure_wasm_bindgen() -> Result {
    let wanted = locked_version("wasm-bindgen")?;
    let have = command_output(&wasm_bindgen_path(), &["--version"]).unwrap_or_default();
    if have.split_whitespace().nth(1) == Some(wanted.as_str()) {
        return Ok(());
    }
    // Without --locked: the registry mirror lacks a version the CLI's own
    // lock file pins.
    run_command("cargo", &["install", "wasm-bindgen-cli", "--version", &wanted])
}

pub fn cargo_home() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"))
}

/// `wasm-bindgen` where `cargo install` puts it, so a fresh PATH is no matter.
pub fn wasm_bindgen_path() -> String {
    cargo_installed("wasm-bindgen")
}

/// The runner of `tests/web.rs`, which wasm-bindgen-cli installs beside
/// `wasm-bindgen`, at the same version as the `wasm-bindgen-test` crate needs.
pub fn wasm_bindgen_test_runner_path() -> String {
    cargo_installed("wasm-bindgen-test-runner")
}

fn cargo_installed(program: &str) -> String {
    let installed = cargo_home().join("bin").join(program);
    if installed.exists() {
        installed.display().to_string()
    } else {
        program.to_string()
    }
}

fn locked_version(package: &str) -> Result<String> {
    let lock = fs::read_to_string(root().join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    let wanted_name = format!("name = \"{package}\"");
    while let Some(line) = lines.next() {
        if line.trim() == wanted_name {
            if let Some(version) = lines.next().and_then(|l| l.trim().strip_prefix("version = ")) {
                return Ok(version.trim_matches('"').to_string());
            }
        }
    }
    Err(format!("{package} is not in Cargo.lock"))
}

/// Node packages (wasm-opt from npm's binaryen, esbuild, Playwright) from
/// package-lock.json. Debian's binaryen is too old: its wasm-opt breaks
/// modules from current Rust.
fn ensure_node_packages() -> Result {
    let lock = fs::read_to_string(root().join("package-lock.json"))
        .map_err(|e| format!("package-lock.json: {e}"))?;
    let marker = root().join("node_modules").join(".cds17-installed-lock");
    let tools_present = ["wasm-opt", "esbuild", "playwright"]
        .iter()
        .all(|tool| node_bin(tool).exists());
    if tools_present && fs::read_to_string(&marker).is_ok_and(|installed| installed == lock) {
        return Ok(());
    }
    run_command("npm", &["ci", "--no-audit", "--no-fund"])?;
    fs::write(&marker, lock).map_err(|e| format!("{}: {e}", marker.display()))
}

pub fn node_bin(tool: &str) -> PathBuf {
    root().join("node_modules").join(".bin").join(tool)
}

pub fn ensure_debian_packages(packages: &[&str]) -> Result {
    let missing: Vec<&str> = packages
        .iter()
        .copied()
        .filter(|package| {
            let status = command_output("dpkg-query", &["-W", "-f=${Status}", package]).unwrap_or_default();
            status != "install ok installed"
        })
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let is_root = command_output("id", &["-u"]).is_some_and(|uid| uid.trim() == "0");
    let quiet = [("DEBIAN_FRONTEND", "noninteractive")];
    let apt = |args: &[&str]| {
        if is_root {
            run_command_with("apt-get", args, &quiet)
        } else {
            let mut with_sudo = vec!["DEBIAN_FRONTEND=noninteractive", "apt-get"];
            with_sudo.extend_from_slice(args);
            run_command("sudo", &with_sudo)
        }
    };
    apt(&["update", "-q"])?;
    let mut install = vec!["install", "-y", "-q", "--no-install-recommends"];
    install.extend(missing);
    apt(&install)
}
