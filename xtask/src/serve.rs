//! `cargo xtask serve`, and the servers the browser tests use.
//!
//! Two origins, as in real life: the widget's files from one, the host pages
//! that embed it from another. The widget server sends what a well set up
//! CDN would: `application/wasm`, CORS, long caching for hashed names, and
//! the precompressed `.br`/`.gz` copies as they are.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::thread;

use crate::dist;
use crate::files::with_suffix;
use crate::tools::{self, Need};
use crate::{root, Result};

const DEFAULT_PORT: u16 = 8017;

/// Where host pages write the address of the widget's folder, as in
/// `{{CDS17_BASE}}/cds17.js`.
pub const BASE_PLACEHOLDER: &str = "{{CDS17_BASE}}";

/// Where a host page wants the copy-paste snippet of `dist/manifest.json`,
/// as a webmaster would paste it, pointed at where dist/ is served.
pub const SNIPPET_PLACEHOLDER: &str = "{{CDS17_SNIPPET}}";

/// Where a host page wants the snippet's `<style>` that holds the widget's
/// height from the first paint (see xtask/src/hold.rs).
pub const HOLD_PLACEHOLDER: &str = "{{CDS17_HOLD}}";

pub fn run(args: &[String]) -> Result {
    let port = match args {
        [] => DEFAULT_PORT,
        [flag, port] if flag == "--port" => port.parse().map_err(|_| format!("not a port: {port}"))?,
        _ => return Err("usage: cargo xtask serve [--port N]".into()),
    };
    tools::ensure(Need::Build)?;
    dist::build(&format!("http://127.0.0.1:{port}/"))?;
    let origins = start(port, port.checked_add(1).ok_or("port too high")?)?;
    println!();
    println!("cds17 is being served (Ctrl-C to stop):");
    println!("  standalone page:   {}/", origins.widget);
    println!("  deep link:         {}/#cds17-7", origins.widget);
    println!(
        "  sample host page:  {}/   (another origin, as on a real site)",
        origins.host
    );
    println!(
        "  the snippet:       <script src=\"{}/cds17.js\" async></script>",
        origins.widget
    );
    loop {
        thread::park();
    }
}

pub struct Origins {
    pub widget: String,
    pub host: String,
}

/// Starts both servers on 127.0.0.1 and returns their origins. They serve
/// until the process ends.
pub fn start(widget_port: u16, host_port: u16) -> Result<Origins> {
    let widget = bind(widget_port)?;
    let widget_origin = origin_of(&widget)?;
    spawn(
        widget,
        Arc::new(Site::Widget {
            dist: root().join("dist"),
        }),
    );
    let host = start_host(host_port, &widget_origin)?;
    Ok(Origins {
        widget: widget_origin,
        host,
    })
}

/// Starts the host-page server alone (port 0: any free port), its pages
/// pointing at the widget served from `widget_base`; returns its origin.
pub fn start_host(port: u16, widget_base: &str) -> Result<String> {
    let host = bind(port)?;
    let origin = origin_of(&host)?;
    let root = root();
    spawn(
        host,
        Arc::new(Site::Host {
            pages: root.join("www").join("host"),
            test_pages: root.join("tests").join("e2e").join("hosts"),
            widget_base: widget_base.trim_end_matches('/').to_string(),
        }),
    );
    Ok(origin)
}

enum Site {
    Widget {
        dist: PathBuf,
    },
    Host {
        pages: PathBuf,
        /// Served under `/test/`.
        test_pages: PathBuf,
        widget_base: String,
    },
}

fn bind(port: u16) -> Result<TcpListener> {
    TcpListener::bind(("127.0.0.1", port)).map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))
}

fn origin_of(listener: &TcpListener) -> Result<String> {
    let address = listener.local_addr().map_err(|e| e.to_string())?;
    Ok(format!("http://{address}"))
}

fn spawn(listener: TcpListener, site: Arc<Site>) {
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let site = Arc::clone(&site);
            thread::spawn(move || {
                // A visitor that hangs up early is no error of ours.
                let _ = respond(stream, &site);
            });
        }
    });
}

struct Request {
    method: String,
    path: String,
    accepts_brotli: bool,
    accepts_gzip: bool,
}

fn read_request(stream: &TcpStream) -> Option<Request> {
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let method = parts.next()?.to_string();
    let target = parts.next()?;
    let path = target.split(['?', '#']).next().unwrap_or("/").to_string();
    let (mut accepts_brotli, mut accepts_gzip) = (false, false);
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).ok()? == 0 || header.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            if name.trim().eq_ignore_ascii_case("accept-encoding") {
                let codings: Vec<&str> = value
                    .split(',')
                    .map(|c| c.split(';').next().unwrap_or("").trim())
                    .collect();
                accepts_brotli = codings.contains(&"br");
                accepts_gzip = codings.contains(&"gzip");
            }
        }
    }
    Some(Request {
        method,
        path,
        accepts_brotli,
        accepts_gzip,
    })
}

fn respond(mut stream: TcpStream, site: &Site) -> std::io::Result<()> {
    let Some(request) = read_request(&stream) else {
        return Ok(());
    };
    let head_only = request.method == "HEAD";
    if request.method != "GET" && !head_only {
        return send(
            &mut stream,
            405,
            "text/plain",
            &[],
            b"method not allowed",
            head_only,
        );
    }
    let Some(file) = resolve(site, &request.path) else {
        return send(&mut stream, 404, "text/plain", &[], b"not found", head_only);
    };
    let content_type = content_type(&file);
    match site {
        Site::Widget { .. } => {
            let mut headers = vec![
                ("Access-Control-Allow-Origin", "*".to_string()),
                ("Cache-Control", cache_control(&file).to_string()),
                ("X-Content-Type-Options", "nosniff".to_string()),
            ];
            let precompressed = [("br", request.accepts_brotli), ("gzip", request.accepts_gzip)]
                .into_iter()
                .filter(|(_, accepted)| *accepted)
                .map(|(coding, _)| {
                    (
                        coding,
                        with_suffix(&file, if coding == "br" { "br" } else { "gz" }),
                    )
                })
                .find(|(_, path)| path.is_file());
            if is_compressible(&file) {
                headers.push(("Vary", "Accept-Encoding".to_string()));
            }
            let body = match precompressed {
                Some((coding, path)) => {
                    headers.push(("Content-Encoding", coding.to_string()));
                    std::fs::read(path)?
                }
                None => std::fs::read(&file)?,
            };
            send(&mut stream, 200, content_type, &headers, &body, head_only)
        }
        Site::Host { widget_base, .. } => {
            let mut body = std::fs::read(&file)?;
            if content_type.starts_with("text/html") || content_type.starts_with("text/javascript") {
                let mut text = String::from_utf8_lossy(&body).replace(BASE_PLACEHOLDER, widget_base);
                if text.contains(SNIPPET_PLACEHOLDER) {
                    text = text.replace(SNIPPET_PLACEHOLDER, &snippet(widget_base));
                }
                if text.contains(HOLD_PLACEHOLDER) {
                    let hold = crate::hold::hold_css("vi").unwrap_or_default();
                    text = text.replace(HOLD_PLACEHOLDER, &format!("<style>{hold}</style>"));
                }
                body = text.into_bytes();
            }
            let headers = [("Cache-Control", "no-store".to_string())];
            send(&mut stream, 200, content_type, &headers, &body, head_only)
        }
    }
}

/// The snippet from `dist/manifest.json`, its base URL replaced by where the
/// widget is served now.
fn snippet(widget_base: &str) -> String {
    let manifest = std::fs::read_to_string(root().join("dist").join("manifest.json")).unwrap_or_default();
    let manifest: serde_json::Value = serde_json::from_str(&manifest).unwrap_or_default();
    let snippet = manifest["snippet"].as_str().unwrap_or_default();
    let base_url = manifest["base_url"].as_str().unwrap_or_default();
    if base_url.is_empty() {
        return snippet.to_string();
    }
    snippet.replace(base_url, &format!("{widget_base}/"))
}

/// The file a URL path names, never outside the site's folders.
fn resolve(site: &Site, url_path: &str) -> Option<PathBuf> {
    let (base, rest) = match site {
        Site::Widget { dist } => (dist, url_path),
        Site::Host { test_pages, .. } if url_path.starts_with("/test/") => {
            (test_pages, &url_path["/test".len()..])
        }
        Site::Host { pages, .. } => (pages, url_path),
    };
    let relative = Path::new(rest.trim_start_matches('/'));
    if relative.components().any(|c| !matches!(c, Component::Normal(_))) {
        return None;
    }
    let mut path = base.join(relative);
    if path.is_dir() {
        path = path.join("index.html");
    }
    path.is_file().then_some(path)
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|ext| ext.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn is_compressible(path: &Path) -> bool {
    !matches!(path.extension().and_then(|ext| ext.to_str()), Some("png"))
}

/// Hashed names never change, so they are cached for good; stable names
/// are checked every time, so a rebuild shows at once.
fn cache_control(path: &Path) -> &'static str {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let hashed = name
        .split('.')
        .any(|part| part.len() == 10 && part.bytes().all(|b| b.is_ascii_hexdigit()));
    if hashed {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    }
}

fn send(
    stream: &mut TcpStream,
    status: u16,
    content_type: &str,
    headers: &[(&str, String)],
    body: &[u8],
    head_only: bool,
) -> std::io::Result<()> {
    let reason = match status {
        200 => "OK",
        404 => "Not Found",
        _ => "Method Not Allowed",
    };
    let mut head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(name);
        head.push_str(": ");
        head.push_str(value);
        head.push_str("\r\n");
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(body)?;
    }
    stream.flush()
}
