//! `cargo xtask bench`: cds17 against a plain-JS floor in headless Chromium.
//!
//! It builds dist/, the floor (tests/bench/floor, with the same 17 cards from
//! content/cards.toml) and a variant of the loader with the wasm folded in;
//! serves them through nginx with www/nginx.conf and the host pages from
//! another origin; runs tests/bench/run.mjs; and writes target/bench/
//! report.json and the table in docs/speed.md.

use std::fs;

use crate::dist::{self, compress_all};
use crate::files::{
    copy_tree, file_size, path_str, read, read_text, replace_between, with_suffix, write, SPEED_DOC,
};
use crate::tools::{self, node_bin, Need};
use crate::{nginx, root, run_command, run_command_with, Result};

const MARK_START: &str = "<!-- bench:start -->";
const MARK_END: &str = "<!-- bench:end -->";
const BREAKDOWN_START: &str = "<!-- breakdown:start -->";
const BREAKDOWN_END: &str = "<!-- breakdown:end -->";

/// `cargo xtask bench [--runs N] [--breakdown]`: `--breakdown` runs the
/// traced breakdown alone (tests/bench/breakdown.mjs), `N` times in each
/// condition (5 by default), and skips the comparison and Lighthouse.
pub fn run(args: &[String]) -> Result {
    let usage = || "usage: cargo xtask bench [--runs N] [--breakdown]".to_string();
    let (mut runs, mut only_breakdown) = (None, false);
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--runs" => runs = Some(args.next().ok_or_else(usage)?.clone()),
            "--breakdown" => only_breakdown = true,
            _ => return Err(usage()),
        }
    }
    let breakdown_runs = runs.clone().unwrap_or_else(|| "5".to_string());
    let runs = runs.unwrap_or_else(|| "7".to_string());
    tools::ensure(Need::Everything)?;
    tools::ensure_debian_packages(nginx::PACKAGES)?;
    let built = dist::build(dist::DEFAULT_BASE_URL)?;

    // What nginx serves: dist/, the floor, and the one-file variant.
    let served = root().join("target").join("bench").join("served");
    copy_tree(&built.dir, &served)?;
    let work = root().join("target").join("cds17-dist");
    let inline = dist::loader(
        &read_text(&work.join("glue.js"))?,
        &read_text(&work.join("widget.css"))?,
        &read_text(&work.join("paint.json"))?,
        &read_text(&work.join("words.vi.txt"))?,
        &built.wasm,
        &read(&work.join("wasm.wasm"))?,
        &dist::Module {
            glue: read_text(&work.join("quiz-glue.js"))?,
            name: built.quiz_wasm.clone(),
            wasm: read(&work.join("quiz.wasm"))?,
        },
        &built.fetched(),
        true,
    )?;
    write(&served.join("cds17.inline.js"), &inline)?;
    write(&served.join("floor.js"), &floor()?)?;
    compress_all(&served)?;

    let sizes = |files: &[&str]| -> Result<serde_json::Value> {
        let (mut gzip, mut brotli) = (0, 0);
        for file in files {
            gzip += file_size(&with_suffix(&served.join(file), "gz"))?;
            brotli += file_size(&with_suffix(&served.join(file), "br"))?;
        }
        Ok(serde_json::json!({ "gzip": gzip, "brotli": brotli }))
    };
    // The bench's widget starts in Vietnamese, whose words the loader carries.
    let files = serde_json::json!({
        "cds17": sizes(&["cds17.js", built.wasm.as_str()])?,
        "inline": sizes(&["cds17.inline.js"])?,
        "floor": sizes(&["floor.js"])?,
    });

    let nginx = nginx::start(&served, nginx::Ports::ANY)?;
    let host = nginx.host.clone();
    let out = root().join("target").join("bench");
    run_command_with(
        "node",
        &["tests/bench/run.mjs"],
        &[
            ("CDS17_WIDGET_BASE", nginx.base.as_str()),
            ("CDS17_HOST_ORIGIN", host.as_str()),
            ("BENCH_RUNS", runs.as_str()),
            ("BENCH_BREAKDOWN_RUNS", breakdown_runs.as_str()),
            ("BENCH_ONLY", if only_breakdown { "breakdown" } else { "" }),
            ("BENCH_OUT", path_str(&out).as_str()),
            ("BENCH_FILES", files.to_string().as_str()),
        ],
    )?;
    replace_between(
        SPEED_DOC,
        BREAKDOWN_START,
        BREAKDOWN_END,
        &read_text(&out.join("breakdown.md"))?,
    )?;
    if only_breakdown {
        return Ok(());
    }
    update_speed_doc(&read_text(&out.join("report.md"))?)?;
    // Lighthouse, on the same servers (the standalone page and a card page
    // from dist/, not the bench's copy, which holds the same files).
    crate::lighthouse::measure(&nginx.base, &host)
}

/// tests/bench/floor/floor.js with the cards and the stylesheet filled in,
/// minified as the loader is.
fn floor() -> Result<Vec<u8>> {
    let folder = root().join("tests").join("bench").join("floor");
    let content = cds17_content::load()?;
    let cards: Vec<serde_json::Value> = content
        .cards
        .iter()
        .map(|card| {
            let text = |lang: &str| {
                let text = card.text(lang);
                [&text.title, &text.before, &text.after]
            };
            serde_json::json!({ "vi": text("vi"), "en": text("en") })
        })
        .collect();
    let source = read_text(&folder.join("floor.js"))?
        .replace("__FLOOR_CARDS__", &serde_json::Value::Array(cards).to_string())
        .replace(
            "__FLOOR_STYLE__",
            &serde_json::Value::String(read_text(&folder.join("floor.css"))?).to_string(),
        );
    let work = root().join("target").join("bench");
    fs::create_dir_all(&work).map_err(|e| e.to_string())?;
    let unminified = work.join("floor.js");
    write(&unminified, source.as_bytes())?;
    let minified = work.join("floor.min.js");
    run_command(
        &path_str(&node_bin("esbuild")),
        &[
            &path_str(&unminified),
            "--minify",
            &format!("--outfile={}", path_str(&minified)),
            "--log-level=warning",
        ],
    )?;
    read(&minified)
}

/// docs/speed.md shows the latest table, between two markers.
fn update_speed_doc(table: &str) -> Result {
    replace_between(SPEED_DOC, MARK_START, MARK_END, table)
}
