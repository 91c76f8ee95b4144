//! `cargo xtask test`: every check and test, as CI runs it.

use crate::dist::{self, visitor_sizes};
use crate::files::{copy_tree, path_str};
use crate::tools::{self, node_bin, Need, WASM_TARGET};
use crate::{nginx, run_command, run_command_with, speech, wordpress, Result};

/// The most a visitor may download, gzip-compressed: the loader (with the
/// glue and the CSS), the wasm and the text of the language their widget
/// starts in. Bytes are deterministic, so this is a test, not a benchmark.
/// 60 KB until presenter mode (issue 27), which, with listening and
/// sharing, may raise it by 1 KB; presenter mode used 715 B of that.
pub const BUDGET_GZIP_BYTES: u64 = 61_000;

/// The most the wasm may weigh after `wasm-opt -Oz`, uncompressed: what the
/// browser compiles. The self-check module is held to it too.
pub const BUDGET_WASM_BYTES: u64 = 130_000;

/// The most a visitor downloads, gzip-compressed, when they first open the
/// self-check: its module, on top of what they have.
pub const BUDGET_SELF_CHECK_GZIP_BYTES: u64 = 45_000;

/// The most a presenter downloads, gzip-compressed, when they first press
/// Present: presenter mode's stylesheet, on top of what they have.
pub const BUDGET_PRESENTER_GZIP_BYTES: u64 = 1_500;

/// The most a posters' page may weigh, gzip-compressed, with its 18 QR
/// codes inline: all a commune office downloads to print them.
pub const BUDGET_POSTER_GZIP_BYTES: u64 = 100_000;

/// The most our pages' service worker may weigh, gzip-compressed: every
/// visitor to them downloads it once they have loaded.
pub const BUDGET_SERVICE_WORKER_GZIP_BYTES: u64 = 3_000;

pub fn run(args: &[String]) -> Result {
    let skip_e2e = args.iter().any(|arg| arg == "--skip-e2e");
    tools::ensure(if skip_e2e { Need::Build } else { Need::Everything })?;
    if !skip_e2e {
        tools::ensure_debian_packages(nginx::PACKAGES)?;
        tools::ensure_debian_packages(wordpress::PACKAGES)?;
    }
    tools::ensure_rust_components()?;

    run_command("cargo", &["fmt", "--all", "--check"])?;
    run_command(
        "cargo",
        &["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"],
    )?;
    // The browser build three times: as Rust sites get it, as `dist` builds
    // it (hydrating, without the compiled-in text), and the self-check
    // module.
    for features in [None, Some(dist::WIDGET_FEATURES), Some(dist::SELF_CHECK_FEATURES)] {
        let mut args = vec!["clippy", "--package", "cds17", "--lib", "--target", WASM_TARGET];
        if let Some(features) = features {
            args.extend(["--no-default-features", features]);
        }
        args.extend(["--", "-D", "warnings"]);
        run_command("cargo", &args)?;
    }
    // The native server-side render that `dist` runs for the first paint,
    // in the prerender's own target directory.
    run_command(
        "cargo",
        &[
            "clippy",
            "--package",
            "cds17",
            "--all-targets",
            "--no-default-features",
            "--features=ssr,bundled-text",
            "--target-dir",
            "target/prerender",
            "--",
            "-D",
            "warnings",
        ],
    )?;
    run_command("cargo", &["test", "--workspace"])?;
    // The loader's reading of options and deep links, in Node.
    run_command("node", &["--test", "tests/js/"])?;
    if skip_e2e {
        return Ok(());
    }
    components_in_browser()?;

    // A later release, with one change to the widget's wasm, for the test
    // of our service worker's update; then the release the tests use.
    let later = dist::build_release(dist::DEFAULT_BASE_URL, Some("a later release"))?;
    copy_tree(&later.dir, &later_release())?;
    let built = dist::build(dist::DEFAULT_BASE_URL)?;
    check_budgets(&built)?;
    end_to_end(&built.dir, &[])
}

fn check_budgets(built: &dist::Dist) -> Result {
    let mut over = Vec::new();
    for lang in cds17_content::LANGS {
        let sizes = visitor_sizes(built, lang)?;
        println!(
            "budget: a visitor starting in {lang} downloads {} bytes gzip (at most {BUDGET_GZIP_BYTES})",
            sizes.gzip
        );
        if sizes.gzip > BUDGET_GZIP_BYTES {
            over.push(format!("{lang}: {} bytes gzip", sizes.gzip));
        }
    }
    for module in [&built.wasm, &built.quiz_wasm] {
        let wasm = std::fs::metadata(built.dir.join(module))
            .map_err(|e| e.to_string())?
            .len();
        println!("budget: {module} is {wasm} bytes (at most {BUDGET_WASM_BYTES})");
        if wasm > BUDGET_WASM_BYTES {
            over.push(format!("{module}: {wasm} bytes"));
        }
    }
    let quiz = dist::sizes_of(&[built.dir.join(&built.quiz_wasm)])?;
    println!(
        "budget: opening the self-check downloads {} bytes gzip more (at most {BUDGET_SELF_CHECK_GZIP_BYTES})",
        quiz.gzip
    );
    if quiz.gzip > BUDGET_SELF_CHECK_GZIP_BYTES {
        over.push(format!("the self-check module: {} bytes gzip", quiz.gzip));
    }
    for lang in cds17_content::LANGS {
        let page = built
            .dir
            .join(crate::site::poster_folder(lang))
            .join("index.html");
        let poster = dist::sizes_of(&[page])?;
        println!(
            "budget: the {lang} posters' page is {} bytes gzip (at most {BUDGET_POSTER_GZIP_BYTES})",
            poster.gzip
        );
        if poster.gzip > BUDGET_POSTER_GZIP_BYTES {
            over.push(format!("the {lang} posters' page: {} bytes gzip", poster.gzip));
        }
    }
    let presenter = dist::sizes_of(&[built.dir.join(&built.presenter.name)])?;
    println!(
        "budget: presenting downloads {} bytes gzip more (at most {BUDGET_PRESENTER_GZIP_BYTES})",
        presenter.gzip
    );
    if presenter.gzip > BUDGET_PRESENTER_GZIP_BYTES {
        over.push(format!(
            "presenter mode's stylesheet: {} bytes gzip",
            presenter.gzip
        ));
    }
    let worker = dist::sizes_of(&[built.dir.join("sw.js")])?;
    println!(
        "budget: sw.js is {} bytes gzip (at most {BUDGET_SERVICE_WORKER_GZIP_BYTES})",
        worker.gzip
    );
    if worker.gzip > BUDGET_SERVICE_WORKER_GZIP_BYTES {
        over.push(format!("sw.js: {} bytes gzip", worker.gzip));
    }
    if over.is_empty() {
        Ok(())
    } else {
        Err(format!("over budget: {}", over.join("; ")))
    }
}

/// `cargo xtask web`: the component tests alone (`tests/web.rs`), which
/// take seconds on a warm build where the Playwright suite takes minutes.
pub fn run_components_in_browser() -> Result {
    tools::ensure(Need::Everything)?;
    components_in_browser()
}

/// `tests/web.rs` in headless Chromium: wasm-bindgen-test-runner drives it
/// through ChromeDriver, with the flags in `webdriver.json`.
fn components_in_browser() -> Result {
    let wasm_tests = ["--target", WASM_TARGET, "--test", "web"];
    let mut clippy = vec!["clippy"];
    clippy.extend(wasm_tests);
    clippy.extend(["--", "-D", "warnings"]);
    run_command("cargo", &clippy)?;
    let mut test = vec!["test"];
    test.extend(wasm_tests);
    let runner = tools::wasm_bindgen_test_runner_path();
    run_command_with(
        "cargo",
        &test,
        &[
            ("CHROMEDRIVER", "/usr/bin/chromedriver"),
            ("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", runner.as_str()),
        ],
    )
}

/// `cargo xtask e2e [playwright arguments]`: the browser tests alone, on the
/// dist/ already built. For working on the tests; `test` runs them anyway.
pub fn run_end_to_end(args: &[String]) -> Result {
    let dist = crate::root().join("dist");
    if !dist.join("manifest.json").exists() {
        return Err("no dist/ yet: run cargo xtask dist first".into());
    }
    tools::ensure(Need::Everything)?;
    tools::ensure_debian_packages(nginx::PACKAGES)?;
    tools::ensure_debian_packages(wordpress::PACKAGES)?;
    end_to_end(&dist, args)
}

/// dist/ through a real nginx with the documented configuration; the host
/// pages from another origin, as on a real site; Playwright in between.
fn end_to_end(dist: &std::path::Path, extra: &[String]) -> Result {
    // Served where the build says it is (WordPress fetches our pages by
    // the addresses in them), or anywhere for a build for elsewhere.
    let base_url = built_base_url(dist)?;
    let ports = nginx::Ports {
        widget: local_port(&base_url),
        host: None,
    };
    let nginx = nginx::start(dist, ports).map_err(|e| {
        format!("{e}\n(is `cargo xtask serve` holding the port of {base_url}? stop it first)")
    })?;
    let host = &nginx.host;
    println!("widget served by nginx at {}, host pages at {host}", nginx.base);
    // The later release `run` builds; `cargo xtask e2e` alone may have none.
    let later = if later_release().join("sw.js").exists() {
        path_str(&later_release())
    } else {
        String::new()
    };
    let pasted = ["", "the/5/", "en/the/5/", "the/9/"].map(|page| format!("{base_url}{page}"));
    let site = wordpress::start(&pasted)?;
    println!("WordPress at {}", site.origin);
    let posts = serde_json::Value::Object(
        site.posts
            .iter()
            .map(|(link, post)| (link.clone(), serde_json::Value::from(post.as_str())))
            .collect(),
    )
    .to_string();
    let speech = speech::start()?;
    let mut args = vec!["test", "--config", "tests/e2e/playwright.config.ts"];
    args.extend(extra.iter().map(String::as_str));
    let mut env = vec![
        ("CDS17_WIDGET_BASE", nginx.base.as_str()),
        ("CDS17_HOST_ORIGIN", host.as_str()),
        ("CDS17_WORDPRESS_POSTS", posts.as_str()),
        ("CDS17_LATER_RELEASE", later.as_str()),
    ];
    env.extend(speech.env.iter().map(|(name, value)| (*name, value.as_str())));
    run_command_with(&path_str(&node_bin("playwright")), &args, &env)
}

/// The address `dist` was built for (`dist/manifest.json`).
fn built_base_url(dist: &std::path::Path) -> Result<String> {
    dist::read_manifest(dist)?["base_url"]
        .as_str()
        .map(String::from)
        .ok_or_else(|| "dist/manifest.json has no base_url".to_string())
}

/// The port of a base URL on this machine that nginx can serve
/// (`http://127.0.0.1:<port>/cds17/`), if it is one.
fn local_port(base_url: &str) -> Option<u16> {
    base_url
        .strip_prefix("http://127.0.0.1:")?
        .strip_suffix("/cds17/")?
        .parse()
        .ok()
}

/// Where `run` keeps a later release of dist/ (`build_release`).
fn later_release() -> std::path::PathBuf {
    crate::root().join("target").join("release-later")
}
