//! `cargo xtask dist`: a release `dist/`.
//!
//! cds17.js            the loader, with wasm-bindgen's glue folded in (stable name)
//! cds17.<hash>.js     the same loader under an immutable name
//! cds17.<hash>.wasm   the optimised module
//! cds17.quiz.<hash>.wasm the self-check module, fetched when a visitor
//!                     opens the self-check
//! cds17.en.<hash>.txt the widget's English words (the Vietnamese ones are
//!                     in the loader, which paints with them)
//! index.html          the standalone page, with the embed builder
//! embed.html          the iframe page
//! oembed.json, og.png the standalone page's oEmbed answer and image (each
//!                     card page has its own beside it)
//! the/N/              a shareable page per card, with its image (og.png)
//! en/the/N/           the same in English
//! poster/, en/poster/ the posters for notice boards: A4 pages with QR codes
//! sitemap.xml         our pages, with their language alternates
//! sw.js               the service worker of our own pages (offline.rs)
//! manifest.webmanifest, icon-*.png  the standalone page on a home screen
//! fallback.*.html     the 17 points as a table, for placeholders
//! *.gz, *.br          precompressed copies, for servers that send them as is

use std::fs;
use std::path::{Path, PathBuf};

use crate::files::{
    file_size, integrity, path_str, read, read_text, recreate, short_hash, with_suffix, write,
};
use crate::names::NameMap;
use crate::site::checked_base_url;
use crate::tools::{self, node_bin, wasm_bindgen_path, Need, WASM_TARGET};
use crate::{hold, icons, offline, pages, paint, poster, sitemap};
use crate::{root, run_command, run_command_for_output, Result};

/// What wasm-opt may assume of the browser: what current Rust emits and
/// every browser with WebAssembly since 2021 supports.
const WASM_FEATURES: &[&str] = &[
    "--enable-reference-types",
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-multivalue",
    "--enable-mutable-globals",
];

/// The wasm's stack; see `build_wasm`.
const STACK_BYTES: u32 = 128 * 1024;

pub struct Dist {
    pub dir: PathBuf,
    pub wasm: String,
    /// `cds17.quiz.<hash>.wasm`: the self-check module, fetched only when a
    /// visitor opens the self-check.
    pub quiz_wasm: String,
    /// The text files shipped beside the wasm: every language but the one
    /// the loader carries.
    pub texts: Vec<TextFile>,
    /// Presenter mode's stylesheet (www/present.css, minified), fetched the
    /// first time a visitor presents.
    pub presenter: TextFile,
}

/// A file the loader fetches when a widget first needs it, with its
/// integrity: a language's words, as build.rs wrote them, or presenter
/// mode's stylesheet.
pub struct TextFile {
    /// `vi` or `en`; `present` for the stylesheet. The loader names it
    /// `__CDS17_TEXT_<LANG>__`.
    pub lang: &'static str,
    /// `cds17.<lang>.<hash>.txt`, `cds17.present.<hash>.css`
    pub name: String,
    pub bytes: Vec<u8>,
}

impl Dist {
    /// The files a visitor downloads whose widget starts in `lang`: the
    /// loader (with the glue, the CSS, the first paint and the Vietnamese
    /// words), the wasm, and that language's text file if it has one. The
    /// other language's text comes only if they switch to it.
    pub fn visitor_files(&self, lang: &str) -> Vec<PathBuf> {
        let mut files = vec![self.dir.join("cds17.js"), self.dir.join(&self.wasm)];
        files.extend(
            self.texts
                .iter()
                .filter(|t| t.lang == lang)
                .map(|t| self.dir.join(&t.name)),
        );
        files
    }

    /// What the loader fetches on demand: the text files and presenter
    /// mode's stylesheet.
    pub fn fetched(&self) -> Vec<&TextFile> {
        self.texts.iter().chain([&self.presenter]).collect()
    }
}

/// Where `dist/` is served from, when `--base-url` does not say: the widget
/// origin of `cargo xtask serve`.
pub const DEFAULT_BASE_URL: &str = "http://127.0.0.1:8017/cds17/";

pub fn run(args: &[String]) -> Result<Dist> {
    let base_url = match args {
        [] => DEFAULT_BASE_URL.to_string(),
        [flag, url] if flag == "--base-url" => checked_base_url(url)?,
        _ => return Err("usage: cargo xtask dist [--base-url https://example.gov.vn/cds17/]".into()),
    };
    tools::ensure(Need::Build)?;
    build(&base_url)
}

/// Builds `dist/`. `base_url` is where it will be served from; the
/// copy-paste snippet in `dist/snippet.html` and `dist/manifest.json` uses
/// it.
pub fn build(base_url: &str) -> Result<Dist> {
    build_release(base_url, None)
}

/// [`build`], with `mark`, for the tests, in a custom section of the
/// widget's wasm: a later release whose wasm differs from this one's, and
/// so every name and hash that follows from it.
pub fn build_release(base_url: &str, mark: Option<&str>) -> Result<Dist> {
    let base_url = checked_base_url(base_url)?;
    let root = root();
    let work = root.join("target").join("cds17-dist");
    recreate(&work)?;
    // The self-check module first: both builds write the same file, and
    // each is taken from there before the next.
    let quiz_built = build_wasm(SELF_CHECK_FEATURES)?;
    let (quiz_glue, quiz_wasm) = bindgen_and_optimise(&quiz_built.wasm, &work.join("quiz"))?;
    let built = build_wasm(WIDGET_FEATURES)?;
    let (glue, wasm) = bindgen_and_optimise(&built.wasm, &work.join("widget"))?;
    let wasm = match mark {
        Some(mark) => with_custom_section(wasm, "cds17-release", mark.as_bytes()),
        None => wasm,
    };
    let wasm_name = format!("cds17.{}.wasm", short_hash(&wasm));
    let quiz_wasm_name = format!("cds17.quiz.{}.wasm", short_hash(&quiz_wasm));
    let quiz_module = Module {
        glue: quiz_glue,
        name: quiz_wasm_name.clone(),
        wasm: quiz_wasm,
    };

    write(&work.join("glue.js"), glue.as_bytes())?;
    write(&work.join("wasm.wasm"), &wasm)?;
    write(&work.join("widget.css"), built.stylesheet.as_bytes())?;
    let words = |lang: &str| -> Result<&str> {
        built
            .texts
            .iter()
            .find(|(text_lang, _)| *text_lang == lang)
            .map(|(_, text)| text.as_str())
            .ok_or_else(|| format!("build.rs wrote no {lang} text"))
    };
    let paint = paint::encode_for_loader([words("vi")?, words("en")?])?;
    write(&work.join("paint.json"), paint.as_bytes())?;
    let carried = words(LOADER_LANG)?;
    write(&work.join("words.vi.txt"), carried.as_bytes())?;
    let texts = built
        .texts
        .iter()
        .filter(|(lang, _)| *lang != LOADER_LANG)
        .map(|(lang, text)| TextFile {
            lang,
            name: format!("cds17.{lang}.{}.txt", short_hash(text.as_bytes())),
            bytes: text.as_bytes().to_vec(),
        })
        .collect::<Vec<_>>();
    write(&work.join("quiz-glue.js"), quiz_module.glue.as_bytes())?;
    write(&work.join("quiz.wasm"), &quiz_module.wasm)?;
    let presenter = presenter_stylesheet(&work)?;
    let fetched: Vec<&TextFile> = texts.iter().chain([&presenter]).collect();
    let loader = loader(
        &glue,
        &built.stylesheet,
        &paint,
        carried,
        &wasm_name,
        &wasm,
        &quiz_module,
        &fetched,
        false,
    )?;
    let pinned_loader = format!("cds17.{}.js", short_hash(&loader));

    let dist = root.join("dist");
    recreate(&dist)?;
    write(&dist.join(&wasm_name), &wasm)?;
    write(&dist.join(&quiz_wasm_name), &quiz_module.wasm)?;
    for text in &fetched {
        write(&dist.join(&text.name), &text.bytes)?;
    }
    write(&dist.join("cds17.js"), &loader)?;
    write(&dist.join(&pinned_loader), &loader)?;
    let loader_integrity = integrity(&loader);
    // The style that holds the widget's height from the first paint: the
    // builder's snippet (a), the recommended snippet and our own pages
    // start with it.
    let hold_vi = hold::hold_css("vi")?;
    let hold_en = hold::hold_css("en")?;
    let hold_both = format!("{hold_vi}{hold_en}");
    let content = pages::write_all(
        &dist,
        &pages::Build {
            base_url: &base_url,
            pinned_loader: &pinned_loader,
            loader_integrity: &loader_integrity,
            hold_vi: &hold_vi,
            hold_en: &hold_en,
            hold_both: &hold_both,
        },
    )?;
    poster::write_all(&dist, &content, &base_url)?;
    sitemap::write_sitemap(&dist, &base_url, content.cards.len())?;
    // The builder's preview, which the page mounts itself, is held too.
    let preview = "#builder-preview";
    let page_hold = format!(
        "{hold_vi}{}{}",
        hold::hold_css_for(preview, "vi")?,
        hold::hold_css_for(preview, "en")?
    );
    let page = read_text(&root.join("index.html"))?
        .replace("__CDS17_HEAD__", &pages::standalone_head(&base_url))
        .replace("__CDS17_REGISTER_WORKER__", &offline::registration(""))
        .replace("__CDS17_HOLD__", &page_hold)
        .replace("__CDS17_HOLD_VI__", &hold_vi)
        .replace("__CDS17_HOLD_EN__", &hold_en)
        .replace("__CDS17_LOADER__", &pinned_loader)
        .replace("__CDS17_LOADER_INTEGRITY__", &loader_integrity)
        .replace("__CDS17_FALLBACK__", &pages::fallback(&content, "vi", "./"));
    write(&dist.join("index.html"), page.as_bytes())?;

    // The recommended snippet: that style, the placeholder with a link to
    // the full explainer in it (for readers without JavaScript, and where
    // the widget cannot start), the pinned loader.
    let snippet = format!(
        "<style>{hold_vi}</style>\n<div data-cds17>\n  <a href=\"{base_url}\">{}</a>\n</div>\n\
         <script src=\"{base_url}{pinned_loader}\" integrity=\"{loader_integrity}\" crossorigin=\"anonymous\" \
         async></script>\n",
        crate::html::escape(crate::words::NAME_VI)
    );
    write(&dist.join("snippet.html"), snippet.as_bytes())?;
    // What our pages need offline: the pinned loader they load, both
    // modules, the text files, and the fallbacks the embed builder puts in
    // its snippets; the pages themselves are listed there.
    let mut offline_files = vec![pinned_loader.clone(), wasm_name.clone(), quiz_wasm_name.clone()];
    offline_files.extend(fetched.iter().map(|text| text.name.clone()));
    offline_files.extend(cds17_content::LANGS.map(|lang| format!("fallback.{lang}.html")));
    // The manifest and its icons, which a phone asks for when it installs
    // the standalone page.
    offline_files.extend(icons::write_all(&dist)?);
    offline::write_service_worker(&dist, &offline_files, content.cards.len())?;
    write_manifest(&dist, &base_url, &pinned_loader, &wasm_name, &texts, &snippet)?;
    compress_all(&dist)?;

    let built = Dist {
        dir: dist,
        wasm: wasm_name,
        quiz_wasm: quiz_wasm_name,
        texts,
        presenter,
    };
    print_sizes(&built)?;
    Ok(built)
}

/// `wasm` with a custom section appended: the browser ignores it.
fn with_custom_section(mut wasm: Vec<u8>, name: &str, payload: &[u8]) -> Vec<u8> {
    let mut body = leb128(name.len());
    body.extend(name.as_bytes());
    body.extend(payload);
    wasm.push(0);
    wasm.extend(leb128(body.len()));
    wasm.extend(body);
    wasm
}

/// `n` as an unsigned LEB128, as the wasm format writes sizes.
fn leb128(mut n: usize) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return out;
        }
        out.push(byte | 0x80);
    }
}

/// The widget's build for `cds17.js`: it hydrates the loader's first paint.
pub const WIDGET_FEATURES: &str = "--features=hydrate";
/// The self-check module's build (`src/self_check.rs`).
pub const SELF_CHECK_FEATURES: &str = "--features=self-check";

/// A wasm module as the loader gets it: wasm-bindgen's glue, with the
/// short names applied, and the optimised module under its hashed name.
pub struct Module {
    pub glue: String,
    pub name: String,
    pub wasm: Vec<u8>,
}

/// wasm-bindgen's glue for `wasm` and the module `wasm-opt -Oz` makes of
/// it, in `work`. An ES module, for esbuild to bundle into the loader: it
/// keeps what the loader imports (the async start, the exports) and drops
/// the rest (`initSync`). Without a default address, the loader always
/// passes the response it fetched.
fn bindgen_and_optimise(wasm: &Path, work: &Path) -> Result<(String, Vec<u8>)> {
    recreate(work)?;
    run_command(
        &wasm_bindgen_path(),
        &[
            "--target",
            "web",
            "--omit-default-module-path",
            "--no-typescript",
            "--out-dir",
            &path_str(work),
            &path_str(wasm),
        ],
    )?;
    let optimised = work.join("cds17.opt.wasm");
    let mut wasm_opt_args = vec![
        "-Oz",
        "--strip-debug",
        "--strip-producers",
        "--strip-target-features",
        // Last, so the names it prints are the module's final ones.
        "--minify-imports-and-exports-and-modules",
    ];
    wasm_opt_args.extend_from_slice(WASM_FEATURES);
    let input = path_str(&work.join("cds17_bg.wasm"));
    let output = path_str(&optimised);
    wasm_opt_args.extend_from_slice(&[input.as_str(), "-o", output.as_str()]);
    let name_map = run_command_for_output(&path_str(&node_bin("wasm-opt")), &wasm_opt_args)?;
    let glue = NameMap::parse(&name_map)?.apply(&read_text(&work.join("cds17.js"))?)?;
    Ok((glue, read(&optimised)?))
}

/// Where the release wasm is built: a target directory of its own, since
/// its flags (and its own build of the standard library) differ from every
/// other build's, and sharing one would rebuild everything each time.
const WASM_TARGET_DIR: &str = "target/wasm-release";

/// `cargo build` of the widget for the browser, as small as it can be made.
///
/// - The standard library is rebuilt with `panic=immediate-abort`, and
///   without panic locations or `Debug` output. A panic in the browser
///   traps either way (the crate already aborts on panic), but with the
///   prebuilt library every visitor downloads its panic messages, file
///   names and formatting code: about 24 KB of wasm and 7.5 KB gzip. That
///   takes unstable flags, so this one build uses the pinned nightly
///   ([`tools::RELEASE_NIGHTLY`]); everything else builds on stable.
/// - The stack is 128 KiB instead of Rust's default 1 MiB, which every page
///   that embeds the widget would otherwise reserve. Building the whole view
///   in one inlined call takes more than 64 KiB (a mount then traps with
///   "memory access out of bounds"); 128 KiB passes every test.
/// - Source paths lose the registry's long local prefix: the build is then
///   the same on every machine.
fn build_wasm(features: &str) -> Result<BuiltWasm> {
    let registry = tools::cargo_home().join("registry").join("src");
    let rustflags = format!(
        "--remap-path-prefix={}=crates -C link-arg=-zstack-size={STACK_BYTES} \
         -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none",
        path_str(&registry)
    );
    let args = [
        "build",
        "--release",
        "--lib",
        "--package",
        "cds17",
        "--target",
        WASM_TARGET,
        "--target-dir",
        WASM_TARGET_DIR,
        // Without `bundled-text`: the loader carries or fetches the words.
        "--no-default-features",
        features,
        "-Zbuild-std=std,panic_abort",
        "--message-format=json-render-diagnostics",
    ];
    let toolchain = format!("+{}", tools::RELEASE_NIGHTLY);
    println!("$ cargo {toolchain} {}", args.join(" "));
    let output = std::process::Command::new("cargo")
        .arg(&toolchain)
        .args(args)
        .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS", &rustflags)
        .current_dir(root())
        .stderr(std::process::Stdio::inherit())
        .output()
        .map_err(|e| format!("could not start cargo: {e}"))?;
    if !output.status.success() {
        return Err(format!("cargo build of the wasm failed ({})", output.status));
    }
    // The stylesheet build.rs wrote: it goes into the loader (see `loader`).
    let messages = String::from_utf8_lossy(&output.stdout);
    let out_dir = messages
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|message| message["reason"] == "build-script-executed")
        .filter(|message| {
            message["package_id"]
                .as_str()
                .is_some_and(|id| id.contains("#cds17@"))
        })
        .find_map(|message| message["out_dir"].as_str().map(PathBuf::from))
        .ok_or("cargo did not say where the cds17 build script wrote its output")?;
    // Kept apart from the next build's, under the name wasm-bindgen's glue
    // takes from it (`cds17_bg.js`, which `names.rs` expects).
    let built = root()
        .join(WASM_TARGET_DIR)
        .join(WASM_TARGET)
        .join("release")
        .join("cds17.wasm");
    let kept_dir = root()
        .join(WASM_TARGET_DIR)
        .join(features.trim_start_matches("--features="));
    recreate(&kept_dir)?;
    let kept = kept_dir.join("cds17.wasm");
    write(&kept, &read(&built)?)?;
    Ok(BuiltWasm {
        wasm: kept,
        stylesheet: read_text(&out_dir.join("widget.css"))?,
        texts: cds17_content::LANGS
            .iter()
            .map(|lang| Ok((*lang, read_text(&out_dir.join(format!("text.{lang}.txt")))?)))
            .collect::<Result<_>>()?,
    })
}

struct BuiltWasm {
    wasm: PathBuf,
    /// The widget's stylesheet, minified.
    stylesheet: String,
    /// The words, per language: build.rs wrote them.
    texts: Vec<(&'static str, String)>,
}

/// The language whose words the loader carries: the default one, which the
/// first paint of most widgets needs before anything else has arrived.
pub const LOADER_LANG: &str = "vi";

/// The loader: `www/loader.js`, bundled by esbuild with what it imports
/// (`www/options.js`, wasm-bindgen's glue of the widget and that of the
/// self-check module, both tree-shaken), with
/// the stylesheet, the first paint and the Vietnamese words filled in,
/// minified. The stylesheet is a JavaScript string rather than data in the
/// wasm: the browser takes it as it is, where from the wasm it would be
/// copied into linear memory and decoded from UTF-8 on every page. With
/// `inline_wasm`, the wasm is folded in too, in base64: one request instead
/// of two, and no streaming compilation (`cargo xtask bench` compares).
#[allow(clippy::too_many_arguments)]
pub fn loader(
    glue: &str,
    stylesheet: &str,
    paint: &str,
    words: &str,
    wasm_name: &str,
    wasm: &[u8],
    quiz: &Module,
    texts: &[&TextFile],
    inline_wasm: bool,
) -> Result<Vec<u8>> {
    use base64::Engine as _;
    let www = root().join("www");
    let name = if inline_wasm { "cds17.inline" } else { "cds17" };
    // The bundle's own folder: the loader's imports, side by side.
    let work = root().join("target").join("cds17-dist").join(name);
    recreate(&work)?;
    write(&work.join("glue.js"), glue.as_bytes())?;
    write(&work.join("quiz-glue.js"), quiz.glue.as_bytes())?;
    write(&work.join("options.js"), &read(&www.join("options.js"))?)?;
    let inline = if inline_wasm {
        base64::engine::general_purpose::STANDARD.encode(wasm)
    } else {
        String::new()
    };
    let mut source = read_text(&www.join("loader.js"))?;
    for text in texts {
        let key = text.lang.to_uppercase();
        source = source
            .replace(
                &format!("__CDS17_TEXT_{key}_INTEGRITY__"),
                &integrity(&text.bytes),
            )
            .replace(&format!("__CDS17_TEXT_{key}__"), &text.name);
    }
    let text = source
        .replace("__CDS17_VERSION__", &crate_version()?)
        .replace("__CDS17_WASM__", wasm_name)
        .replace("__CDS17_WASM_INTEGRITY__", &integrity(wasm))
        .replace("__CDS17_QUIZ_WASM__", &quiz.name)
        .replace("__CDS17_QUIZ_WASM_INTEGRITY__", &integrity(&quiz.wasm))
        .replace("__CDS17_WASM_INLINE__", &inline)
        .replace(
            "'__CDS17_STYLESHEET__'",
            &serde_json::Value::from(stylesheet).to_string(),
        )
        .replace("'__CDS17_PAINT__'", paint)
        .replace(
            "'__CDS17_WORDS_VI__'",
            &serde_json::Value::from(words).to_string(),
        )
        .replace("'__CDS17_TOOL_WORDS__'", &tool_words()?);
    if let Some(at) = text.find("'__CDS17_") {
        let left: String = text[at..].chars().take(40).collect();
        return Err(format!(
            "www/loader.js has a value the build does not fill in: {left}"
        ));
    }
    // The file's first line says what it is, to a webmaster who opens it;
    // esbuild would put it where the loader's module starts, after the
    // glue. And the whole bundle is strict, as its modules were written.
    let banner = text
        .lines()
        .next()
        .filter(|line| line.starts_with("/*!"))
        .ok_or("www/loader.js does not start with its /*! … */ line")?;
    let banner = format!("--banner:js={banner}\n\"use strict\";");
    let entry = work.join("loader.js");
    write(&entry, text.as_bytes())?;
    let bundled = work.join("bundled.js");
    run_command(
        &path_str(&node_bin("esbuild")),
        &[
            &path_str(&entry),
            "--bundle",
            // A classic script: webmasters paste a plain <script src>.
            "--format=iife",
            "--minify",
            &banner,
            "--legal-comments=none",
            // Vietnamese as UTF-8 rather than \u escapes: smaller, and it gzips better.
            "--charset=utf8",
            &format!("--outfile={}", path_str(&bundled)),
            "--log-level=warning",
        ],
    )?;
    read(&bundled)
}

/// The words of what the loader does itself (copying, sharing, listening) from
/// `content/ui.toml`: `[[share, listen, copied, not copied], …]`, a list per
/// language in the order of `LANGS`, as the loader's `LANGS` has them.
fn tool_words() -> Result<String> {
    let content = cds17_content::load()?;
    let word = |key: &str, lang: &str| {
        content
            .ui
            .iter()
            .find(|string| string.key == key)
            .map(|string| string.text(lang))
            .ok_or_else(|| format!("content/ui.toml has no {key}"))
    };
    let mut pairs = Vec::new();
    for lang in cds17_content::LANGS {
        pairs.push(serde_json::json!([
            word("share", lang)?,
            word("listen", lang)?,
            word("link_copied", lang)?,
            word("link_not_copied", lang)?,
        ]));
    }
    Ok(serde_json::Value::from(pairs).to_string())
}

/// Presenter mode's stylesheet, `www/present.css` minified by esbuild, under
/// its hashed name.
fn presenter_stylesheet(work: &Path) -> Result<TextFile> {
    let minified = work.join("present.css");
    run_command(
        &path_str(&node_bin("esbuild")),
        &[
            &path_str(&root().join("www").join("present.css")),
            "--minify",
            "--charset=utf8",
            &format!("--outfile={}", path_str(&minified)),
            "--log-level=warning",
        ],
    )?;
    let bytes = read(&minified)?;
    Ok(TextFile {
        lang: "present",
        name: format!("cds17.present.{}.css", short_hash(&bytes)),
        bytes,
    })
}

/// Bytes a visitor downloads, each way the server may send them.
pub struct Sizes {
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

/// What a visitor downloads whose widget starts in `lang`.
pub fn visitor_sizes(dist: &Dist, lang: &str) -> Result<Sizes> {
    sizes_of(&dist.visitor_files(lang))
}

pub fn sizes_of(files: &[PathBuf]) -> Result<Sizes> {
    let mut sizes = Sizes {
        raw: 0,
        gzip: 0,
        brotli: 0,
    };
    for file in files {
        sizes.raw += file_size(file)?;
        sizes.gzip += file_size(&with_suffix(file, "gz"))?;
        sizes.brotli += file_size(&with_suffix(file, "br"))?;
    }
    Ok(sizes)
}

fn print_sizes(dist: &Dist) -> Result {
    let row = |name: &str, sizes: &Sizes| {
        println!(
            "      {:>32} {:>9} {:>9} {:>9}",
            name, sizes.raw, sizes.gzip, sizes.brotli
        );
    };
    println!("dist/ {:>32} {:>9} {:>9} {:>9}", "", "raw", "gzip", "brotli");
    let mut files = vec![dist.dir.join("cds17.js"), dist.dir.join(&dist.wasm)];
    files.extend(dist.texts.iter().map(|text| dist.dir.join(&text.name)));
    files.push(dist.dir.join(&dist.quiz_wasm));
    files.push(dist.dir.join(&dist.presenter.name));
    for file in &files {
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        row(&name, &sizes_of(std::slice::from_ref(file))?);
    }
    for lang in cds17_content::LANGS {
        row(
            &format!("a visitor starting in {lang} downloads"),
            &visitor_sizes(dist, lang)?,
        );
    }
    Ok(())
}

pub fn compress_all(dir: &Path) -> Result {
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            compress_all(&path)?;
            continue;
        }
        let compressible = path.extension().and_then(|ext| ext.to_str()).is_some_and(|ext| {
            matches!(
                ext,
                "js" | "wasm" | "html" | "css" | "json" | "svg" | "txt" | "xml"
            )
        });
        if !compressible {
            continue;
        }
        let bytes = read(&path)?;
        // Zopfli: plain gzip that every browser reads, about 5 % smaller
        // than zlib's best, paid once here instead of by every visitor.
        let mut gzip = Vec::new();
        zopfli::compress(
            zopfli::Options::default(),
            zopfli::Format::Gzip,
            bytes.as_slice(),
            &mut gzip,
        )
        .map_err(|e| e.to_string())?;
        write(&with_suffix(&path, "gz"), &gzip)?;
        let mut brotli = Vec::new();
        let params = brotli::enc::BrotliEncoderParams {
            quality: 11,
            lgwin: 22,
            ..Default::default()
        };
        brotli::BrotliCompress(&mut bytes.as_slice(), &mut brotli, &params).map_err(|e| e.to_string())?;
        write(&with_suffix(&path, "br"), &brotli)?;
    }
    Ok(())
}

/// `dist/manifest.json`: every file with its size and SRI hash, and the
/// snippet that pins the loader. The hashes are those of the bytes as
/// stored; a browser checks them after undoing gzip or brotli.
fn write_manifest(
    dist: &Path,
    base_url: &str,
    pinned_loader: &str,
    wasm: &str,
    texts: &[TextFile],
    snippet: &str,
) -> Result {
    let mut files = serde_json::Map::new();
    let mut names = Vec::new();
    list_files(dist, "", &mut names)?;
    names.retain(|name| name != "manifest.json");
    names.sort();
    for name in names {
        let bytes = read(&dist.join(&name))?;
        files.insert(
            name,
            serde_json::json!({ "bytes": bytes.len(), "integrity": integrity(&bytes) }),
        );
    }
    let manifest = serde_json::json!({
        "version": crate_version()?,
        "base_url": base_url,
        "loader": "cds17.js",
        "pinned_loader": pinned_loader,
        "wasm": wasm,
        "texts": texts
            .iter()
            .map(|text| (text.lang.to_string(), serde_json::Value::from(text.name.as_str())))
            .collect::<serde_json::Map<_, _>>(),
        "snippet": snippet,
        "files": files,
    });
    let text = serde_json::to_string_pretty(&manifest).map_err(|e| e.to_string())?;
    write(&dist.join("manifest.json"), text.as_bytes())
}

/// `manifest.json` of the dist/ in `dir`, as [`write_manifest`] wrote it.
pub fn read_manifest(dir: &Path) -> Result<serde_json::Value> {
    let text = read_text(&dir.join("manifest.json"))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", dir.join("manifest.json").display()))
}

/// Every file under `dir`, as paths relative to it with `/` between parts.
fn list_files(dir: &Path, prefix: &str, out: &mut Vec<String>) -> Result {
    for entry in fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let entry = entry.map_err(|e| e.to_string())?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if path.is_dir() {
            list_files(&path, &format!("{prefix}{name}/"), out)?;
        } else {
            out.push(format!("{prefix}{name}"));
        }
    }
    Ok(())
}

/// The crate's version, for `CDS17.version`.
fn crate_version() -> Result<String> {
    let manifest = read_text(&root().join("Cargo.toml"))?;
    manifest
        .lines()
        .find_map(|line| line.strip_prefix("version = "))
        .map(|version| version.trim_matches('"').to_string())
        .ok_or_else(|| "Cargo.toml has no version".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_written_as_leb128() {
        assert_eq!(leb128(0), [0]);
        assert_eq!(leb128(127), [127]);
        assert_eq!(leb128(128), [0x80, 1]);
        assert_eq!(leb128(624_485), [0xe5, 0x8e, 0x26]);
    }

    #[test]
    fn a_custom_section_is_appended_after_the_module() {
        let module = b"\0asm\x01\0\0\0".to_vec();
        let marked = with_custom_section(module.clone(), "ab", b"xyz");
        assert_eq!(&marked[..8], &module[..]);
        assert_eq!(&marked[8..], &[0, 6, 2, b'a', b'b', b'x', b'y', b'z']);
    }
}
