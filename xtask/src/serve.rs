//! `cargo xtask serve`: builds `dist/` and serves it with nginx and
//! `www/nginx.conf`, the very server and configuration the README documents
//! for production, with the sample host page on a second origin, as on a
//! real site. Ctrl-C stops it.

use crate::nginx::{self, Ports};
use crate::tools::{self, Need};
use crate::{dist, Result};

const DEFAULT_PORT: u16 = 8017;

pub fn run(args: &[String]) -> Result {
    let port = match args {
        [] => DEFAULT_PORT,
        [flag, port] if flag == "--port" => port.parse().map_err(|_| format!("not a port: {port}"))?,
        _ => return Err("usage: cargo xtask serve [--port N]".into()),
    };
    tools::ensure(Need::Build)?;
    tools::ensure_debian_packages(nginx::PACKAGES)?;
    let built = dist::build(&format!("http://127.0.0.1:{port}/cds17/"))?;
    let served = nginx::start(
        &built.dir,
        Ports {
            widget: Some(port),
            host: Some(port.checked_add(1).ok_or("port too high")?),
        },
    )?;
    println!();
    println!("cds17 is being served by nginx with www/nginx.conf (Ctrl-C to stop):");
    println!("  standalone page:   {}/", served.base);
    println!("  deep link:         {}/#cds17-7", served.base);
    println!(
        "  sample host page:  {}/   (another origin, as on a real site)",
        served.host
    );
    println!(
        "  the snippet:       <script src=\"{}/cds17.js\" async></script>",
        served.base
    );
    served.wait()
}
