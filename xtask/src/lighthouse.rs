//! `cargo xtask lighthouse`: Lighthouse (npm's, mobile profile, on Debian's
//! Chromium) on the pages we ship and the sample host page, served as in
//! the tests: dist/ through nginx with www/nginx.conf, the host page from
//! another origin. It writes target/lighthouse/<page>.json and the table in
//! docs/speed.md. `cargo xtask bench` runs it too.

use crate::files::{path_str, read_text, replace_between, SPEED_DOC};
use crate::tools::{self, node_bin, Need};
use crate::{nginx, root, Result};

const MARK_START: &str = "<!-- lighthouse:start -->";
const MARK_END: &str = "<!-- lighthouse:end -->";

pub fn run(args: &[String]) -> Result {
    if !args.is_empty() {
        return Err("usage: cargo xtask lighthouse".into());
    }
    tools::ensure(Need::Everything)?;
    tools::ensure_debian_packages(nginx::PACKAGES)?;
    let built = crate::dist::build(crate::dist::DEFAULT_BASE_URL)?;
    let nginx = nginx::start(&built.dir, nginx::Ports::ANY)?;
    measure(&nginx.base, &nginx.host)
}

/// Runs Lighthouse on each page and puts its table in docs/speed.md.
pub fn measure(widget_base: &str, host: &str) -> Result {
    let pages = [
        ("standalone page", format!("{widget_base}/")),
        ("card page", format!("{widget_base}/the/7/")),
        ("iframe page", format!("{widget_base}/embed.html?card=4&lang=en")),
        ("sample host page", format!("{host}/")),
    ];
    let out = root().join("target").join("lighthouse");
    std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    let mut table = String::from(
        "| page | performance | accessibility | best practices | SEO | CLS | TBT | LCP |\n\
         | --- | --- | --- | --- | --- | --- | --- | --- |\n",
    );
    // The flags every browser of the tests starts with.
    let flags: Vec<String> = serde_json::from_str(&read_text(&root().join("tests/e2e/chromium-args.json"))?)
        .map_err(|e| format!("tests/e2e/chromium-args.json: {e}"))?;
    let chrome_flags = format!("--chrome-flags={}", flags.join(" "));
    for (index, (name, url)) in pages.iter().enumerate() {
        let report = out.join(format!("{index}.json"));
        let args = [
            url.as_str(),
            "--quiet",
            "--form-factor=mobile",
            "--output=json",
            &format!("--output-path={}", path_str(&report)),
            &chrome_flags,
        ];
        println!("$ lighthouse {url}");
        let status = std::process::Command::new(node_bin("lighthouse"))
            .args(args)
            .env("CHROME_PATH", "/usr/bin/chromium")
            .current_dir(root())
            .status()
            .map_err(|e| format!("could not start lighthouse: {e}"))?;
        if !status.success() {
            return Err(format!("lighthouse failed on {url} ({status})"));
        }
        let report: serde_json::Value =
            serde_json::from_str(&read_text(&report)?).map_err(|e| format!("{name}: {e}"))?;
        let score = |category: &str| {
            report["categories"][category]["score"]
                .as_f64()
                .map(|score| format!("{:.0}", score * 100.0))
                .unwrap_or_else(|| "–".into())
        };
        let shown = |audit: &str| {
            report["audits"][audit]["displayValue"]
                .as_str()
                .unwrap_or("–")
                .replace('\u{a0}', " ")
        };
        table.push_str(&format!(
            "| {name} | {} | {} | {} | {} | {} | {} | {} |\n",
            score("performance"),
            score("accessibility"),
            score("best-practices"),
            score("seo"),
            shown("cumulative-layout-shift"),
            shown("total-blocking-time"),
            shown("largest-contentful-paint"),
        ));
    }
    println!("{table}");
    let when = crate::command_output("date", &["-u", "+%Y-%m-%d"]).unwrap_or_default();
    let text = format!(
        "Measured {} with `cargo xtask lighthouse` (Lighthouse's mobile profile: \
         simulated Slow 4G, 4× CPU).\n\n{table}",
        when.trim()
    );
    replace_between(SPEED_DOC, MARK_START, MARK_END, &text)
}
