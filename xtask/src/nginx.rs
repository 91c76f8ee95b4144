//! A real nginx (Debian's) serving `dist/` with `www/nginx.conf`, as a host
//! would, for the end-to-end tests.

use std::fs;
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::files::path_str;
use crate::{command_output, root, Result};

/// Debian's packages: nginx with gzip_static, and the brotli_static module.
pub const PACKAGES: &[&str] = &["nginx-light", "libnginx-mod-http-brotli-static"];

const BROTLI_STATIC: &str = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";

/// Stops nginx when dropped.
pub struct Nginx {
    child: Child,
    config: String,
    prefix: String,
    /// Where `dist/` is served: `http://127.0.0.1:<port>/cds17`.
    pub base: String,
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

pub fn start(dist: &Path) -> Result<Nginx> {
    let dir = root().join("target").join("nginx");
    if dir.exists() {
        fs::remove_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;

    // The documented file, pointed at this dist/.
    let documented = fs::read_to_string(root().join("www").join("nginx.conf")).map_err(|e| e.to_string())?;
    if !documented.contains("alias /var/www/cds17/;") {
        return Err("www/nginx.conf no longer aliases /var/www/cds17/".into());
    }
    let location = documented.replace("alias /var/www/cds17/;", &format!("alias {}/;", path_str(dist)));
    fs::write(dir.join("cds17.conf"), location).map_err(|e| e.to_string())?;

    let port = free_port()?;
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
         listen 127.0.0.1:{port};\n\
         server_name localhost;\n\
         include {d}/cds17.conf;\n\
         }}\n\
         }}\n",
        // As root, workers would run as nobody, who may not read the clone.
        user = if is_root { "user root;\n" } else { "" },
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
        base: format!("http://127.0.0.1:{port}/cds17"),
    };
    let deadline = Instant::now() + Duration::from_secs(10);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        if Instant::now() > deadline || nginx.child.try_wait().ok().flatten().is_some() {
            let log = fs::read_to_string(dir.join("error.log")).unwrap_or_default();
            return Err(format!("nginx did not start:\n{log}"));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Ok(nginx)
}

fn free_port() -> Result<u16> {
    let listener = TcpListener::bind(("127.0.0.1", 0)).map_err(|e| e.to_string())?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    Ok(port)
}
