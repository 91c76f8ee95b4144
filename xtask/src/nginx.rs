//! A real nginx (Debian's), the server `cargo xtask serve`, the tests, the
//! bench and Lighthouse all use. Two origins, as in real life: `dist/` from
//! one, with `www/nginx.conf` as it is documented for production, and the
//! host pages that embed the widget (`hosts.rs`) from another.

use std::fs;
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::files::{path_str, recreate};
use crate::{command_output, hosts, root, Result};

/// Debian's packages: nginx with gzip_static, and the brotli_static module.
pub const PACKAGES: &[&str] = &["nginx-light", "libnginx-mod-http-brotli-static"];

const BROTLI_STATIC: &str = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";

/// Where each origin listens; `None` takes any free port.
pub struct Ports {
    pub widget: Option<u16>,
    pub host: Option<u16>,
}

impl Ports {
    pub const ANY: Ports = Ports {
        widget: None,
        host: None,
    };
}

/// Stops nginx when dropped.
pub struct Nginx {
    child: Child,
    config: String,
    prefix: String,
    /// Where `dist/` is served: `http://127.0.0.1:<port>/cds17`.
    pub base: String,
    /// The host pages' origin: `http://127.0.0.1:<port>`.
    pub host: String,
}

impl Drop for Nginx {
    /// `nginx -s stop` asks the master to take its workers down with it; a
    /// killed master would leave them holding the port.
    fn drop(&mut self) {
        let stopped = Command::new("nginx")
            .args(["-c", &self.config, "-p", &self.prefix, "-s", "stop"])
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|status| status.success());
        if !stopped {
            let _ = self.child.kill();
        }
        let _ = self.child.wait();
    }
}

impl Nginx {
    /// Serves until nginx ends, as it does on Ctrl-C.
    pub fn wait(mut self) -> Result {
        let status = self.child.wait().map_err(|e| e.to_string())?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("nginx stopped ({status})"))
        }
    }
}

/// Serves `dist` and the host pages, on `ports`.
pub fn start(dist: &Path, ports: Ports) -> Result<Nginx> {
    let dir = root().join("target").join("nginx");
    recreate(&dir)?;

    // The documented file, pointed at this dist/.
    let documented = fs::read_to_string(root().join("www").join("nginx.conf")).map_err(|e| e.to_string())?;
    if !documented.contains("alias /var/www/cds17/;") {
        return Err("www/nginx.conf no longer aliases /var/www/cds17/".into());
    }
    let location = documented.replace("alias /var/www/cds17/;", &format!("alias {}/;", path_str(dist)));
    fs::write(dir.join("cds17.conf"), location).map_err(|e| e.to_string())?;

    let widget_port = ports.widget.map_or_else(free_port, Ok)?;
    let host_port = ports.host.map_or_else(free_port, Ok)?;
    let base = format!("http://127.0.0.1:{widget_port}/cds17");
    let pages = hosts::render(&base, &dir.join("host"))?;

    let is_root = command_output("id", &["-u"]).is_some_and(|uid| uid.trim() == "0");
    let d = path_str(&dir);
    let config = format!(
        "load_module {BROTLI_STATIC};\n\
         {user}\
         daemon off;\n\
         pid {d}/nginx.pid;\n\
         error_log {d}/error.log warn;\n\
         worker_processes 1;\n\
         events {{ worker_connections 256; }}\n\
         http {{\n\
         access_log off;\n\
         client_body_temp_path {d}/body;\n\
         proxy_temp_path {d}/proxy;\n\
         fastcgi_temp_path {d}/fastcgi;\n\
         uwsgi_temp_path {d}/uwsgi;\n\
         scgi_temp_path {d}/scgi;\n\
         sendfile on;\n\
         server {{\n\
         listen 127.0.0.1:{widget_port};\n\
         server_name localhost;\n\
         include {d}/cds17.conf;\n\
         }}\n\
         # The host pages: a site of the commune's, compressing its pages,\n\
         # never cached, so that a change to them shows at once.\n\
         server {{\n\
         listen 127.0.0.1:{host_port};\n\
         server_name localhost;\n\
         root {pages};\n\
         types {{ text/html html; text/javascript js; }}\n\
         default_type application/octet-stream;\n\
         charset utf-8;\n\
         charset_types text/javascript;\n\
         gzip on;\n\
         gzip_types text/javascript;\n\
         add_header Cache-Control \"no-store\" always;\n\
         }}\n\
         }}\n",
        // As root, workers would run as nobody, who may not read the clone.
        user = if is_root { "user root;\n" } else { "" },
        pages = path_str(&pages),
    );
    let config_path = dir.join("nginx.conf");
    fs::write(&config_path, config).map_err(|e| e.to_string())?;

    let child = Command::new("nginx")
        .args([
            "-c",
            &path_str(&config_path),
            "-p",
            &d,
            "-e",
            &format!("{d}/error.log"),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| format!("could not start nginx: {e}"))?;
    let mut nginx = Nginx {
        child,
        config: path_str(&config_path),
        prefix: d.clone(),
        base,
        host: format!("http://127.0.0.1:{host_port}"),
    };
    let deadline = Instant::now() + Duration::from_secs(10);
    for port in [widget_port, host_port] {
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if Instant::now() > deadline || nginx.child.try_wait().ok().flatten().is_some() {
                let log = fs::read_to_string(dir.join("error.log")).unwrap_or_default();
                return Err(format!("nginx did not start:\n{log}"));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    Ok(nginx)
}

pub fn free_port() -> Result<u16> {
    let listener = TcpListener::bind(("127.0.0.1", 0)).map_err(|e| e.to_string())?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    Ok(port)
}
