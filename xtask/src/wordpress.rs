//! A real WordPress for the oEmbed tests, from Debian's packages, on
//! 127.0.0.1: MariaDB, PHP-FPM and nginx, each started here with its files
//! under target/wordpress-site/ and stopped when the value is dropped.
//!
//! It is set up as a commune's site would be, with one addition, a
//! must-use plugin that lets WordPress fetch from 127.0.0.1 (it refuses
//! local addresses by default). An author (who may not post scripts)
//! writes one post per link to paste, holding only that link on a line of
//! its own; WordPress then finds our oEmbed answer and embeds the widget.

use std::fs;
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::files::{path_str, recreate, write};
use crate::{command_output, nginx, root, Result};

/// Debian's packages: WordPress with a theme, its database and PHP.
pub const PACKAGES: &[&str] = &[
    "wordpress",
    "wordpress-theme-twentytwentythree",
    "mariadb-server",
    "php-fpm",
    "php-mysql",
];

/// The name Debian's `wp-config.php` takes the site's configuration by
/// (`/etc/wordpress/config-<name>.php`, chosen with `WORDPRESS_CONFIG`).
const CONFIG_NAME: &str = "cds17test";
const DEBIAN_WORDPRESS: &str = "/usr/share/wordpress";

/// A running WordPress; everything stops when it is dropped.
pub struct WordPress {
    children: Vec<Child>,
    /// `http://127.0.0.1:<port>`
    pub origin: String,
    /// Each pasted link, with the address of the post that holds it.
    pub posts: Vec<(String, String)>,
}

impl Drop for WordPress {
    /// SIGTERM to each master, newest first: PHP-FPM and nginx then take
    /// their workers down with them (a killed master would leave them
    /// running), and MariaDB shuts down cleanly. One that has not ended
    /// within seconds is killed.
    fn drop(&mut self) {
        for child in self.children.iter_mut().rev() {
            let _ = Command::new("kill")
                .args(["-TERM", &child.id().to_string()])
                .status();
            let deadline = Instant::now() + Duration::from_secs(10);
            while child.try_wait().ok().flatten().is_none() && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(50));
            }
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

fn spawn(program: &str, args: &[&str], log: &Path) -> Result<Child> {
    let log = fs::File::create(log).map_err(|e| format!("{}: {e}", log.display()))?;
    let errors = log.try_clone().map_err(|e| e.to_string())?;
    Command::new(program)
        .args(args)
        .stdout(Stdio::from(log))
        .stderr(Stdio::from(errors))
        .spawn()
        .map_err(|e| format!("could not start {program}: {e}"))
}

fn wait_for(what: &str, ready: impl Fn() -> bool, log: &Path) -> Result {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !ready() {
        if Instant::now() > deadline {
            let log = fs::read_to_string(log).unwrap_or_default();
            return Err(format!("{what} did not start:\n{log}"));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Ok(())
}

/// PHP-FPM's program, whatever PHP version Debian has.
fn php_fpm() -> Result<PathBuf> {
    let sbin = fs::read_dir("/usr/sbin").map_err(|e| e.to_string())?;
    sbin.filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .find(|path| {
            path.file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|name| name.starts_with("php-fpm"))
        })
        .ok_or_else(|| "no php-fpm in /usr/sbin".to_string())
}

/// Starts WordPress and writes, as its author, a post for each of `links`.
pub fn start(links: &[String]) -> Result<WordPress> {
    let dir = root().join("target").join("wordpress-site");
    recreate(&dir)?;
    let d = path_str(&dir);
    let mut site = WordPress {
        children: Vec::new(),
        origin: String::new(),
        posts: Vec::new(),
    };

    // The database, on a socket of its own, with no network.
    let socket = format!("{d}/mysql.sock");
    let db_log = dir.join("mariadb.log");
    let datadir = format!("{d}/db");
    crate::run_command(
        "mariadb-install-db",
        &[
            "--user=root",
            &format!("--datadir={datadir}"),
            "--auth-root-authentication-method=normal",
            "--skip-test-db",
        ],
    )?;
    site.children.push(spawn(
        "mariadbd",
        &[
            "--no-defaults",
            "--user=root",
            &format!("--datadir={datadir}"),
            &format!("--socket={socket}"),
            "--skip-networking",
            &format!("--pid-file={d}/mysql.pid"),
        ],
        &db_log,
    )?);
    wait_for("MariaDB", || Path::new(&socket).exists(), &db_log)?;
    crate::run_command(
        "mariadb",
        &[
            &format!("--socket={socket}"),
            "-uroot",
            "-e",
            "CREATE DATABASE wp; CREATE USER 'wp'@'localhost' IDENTIFIED BY 'wp'; \
             GRANT ALL ON wp.* TO 'wp'@'localhost';",
        ],
    )?;

    // PHP, as root (-R), since the workers must read this checkout.
    let php_socket = format!("{d}/php.sock");
    let fpm_log = dir.join("php-fpm.log");
    write(
        &dir.join("php-fpm.conf"),
        format!(
            "[global]\npid = {d}/php-fpm.pid\nerror_log = {d}/php-fpm.log\ndaemonize = no\n\
             [www]\nlisten = {php_socket}\npm = static\npm.max_children = 4\ncatch_workers_output = yes\n"
        )
        .as_bytes(),
    )?;
    site.children.push(spawn(
        &path_str(&php_fpm()?),
        &["-R", "-F", "-y", &format!("{d}/php-fpm.conf")],
        &dir.join("php-fpm.out"),
    )?);
    wait_for("PHP-FPM", || Path::new(&php_socket).exists(), &fpm_log)?;

    // The site's address, its configuration and the must-use plugin.
    let port = nginx::free_port()?;
    site.origin = format!("http://127.0.0.1:{port}");
    let plugins = dir.join("mu-plugins");
    fs::create_dir_all(&plugins).map_err(|e| e.to_string())?;
    write(&plugins.join("cds17-local.php"), LOCAL_PLUGIN.as_bytes())?;
    let config = format!(
        "<?php\n// Written by cargo xtask test (xtask/src/wordpress.rs) for its own WordPress.\n\
         define('DB_NAME', 'wp');\ndefine('DB_USER', 'wp');\ndefine('DB_PASSWORD', 'wp');\n\
         define('DB_HOST', 'localhost:{socket}');\n\
         define('DONT_SET_WP_CONTENT_DIR', true);\n\
         define('WPMU_PLUGIN_DIR', '{}');\n\
         define('WP_HOME', '{origin}');\ndefine('WP_SITEURL', '{origin}');\n\
         // No calls home to wordpress.org, which this machine cannot reach.\n\
         define('WP_HTTP_BLOCK_EXTERNAL', true);\ndefine('DISABLE_WP_CRON', true);\n\
         define('AUTOMATIC_UPDATER_DISABLED', true);\n",
        path_str(&plugins),
        origin = site.origin,
    );
    write(
        Path::new(&format!("/etc/wordpress/config-{CONFIG_NAME}.php")),
        config.as_bytes(),
    )?;

    // nginx in front of PHP, for the browser and for WordPress itself.
    let web_log = dir.join("nginx-error.log");
    let is_root = command_output("id", &["-u"]).is_some_and(|uid| uid.trim() == "0");
    write(
        &dir.join("nginx.conf"),
        format!(
            "{user}daemon off;\npid {d}/nginx.pid;\nerror_log {d}/nginx-error.log warn;\n\
             events {{ worker_connections 64; }}\n\
             http {{\n access_log off;\n client_body_temp_path {d}/body;\n proxy_temp_path {d}/proxy;\n\
             fastcgi_temp_path {d}/fastcgi;\n uwsgi_temp_path {d}/uwsgi;\n scgi_temp_path {d}/scgi;\n\
             include /etc/nginx/mime.types;\n\
             server {{\n  listen 127.0.0.1:{port};\n  root {DEBIAN_WORDPRESS};\n  index index.php;\n\
             location / {{ try_files $uri $uri/ /index.php?$args; }}\n\
             location ~ \\.php$ {{\n   include /etc/nginx/fastcgi_params;\n\
             fastcgi_param SCRIPT_FILENAME $document_root$fastcgi_script_name;\n\
             fastcgi_param WORDPRESS_CONFIG {CONFIG_NAME};\n   fastcgi_pass unix:{php_socket};\n  }}\n }}\n}}\n",
            user = if is_root { "user root;\n" } else { "" },
        )
        .as_bytes(),
    )?;
    site.children.push(spawn(
        "nginx",
        &[
            "-c",
            &format!("{d}/nginx.conf"),
            "-p",
            &d,
            "-e",
            &format!("{d}/nginx-error.log"),
        ],
        &dir.join("nginx.out"),
    )?);
    wait_for(
        "nginx for WordPress",
        || TcpStream::connect(("127.0.0.1", port)).is_ok(),
        &web_log,
    )?;

    // Install, make the author, and write the posts.
    write(
        &dir.join("setup.php"),
        SETUP.replace("{{CONFIG}}", CONFIG_NAME).as_bytes(),
    )?;
    let mut args = vec![format!("{d}/setup.php")];
    args.extend(links.iter().cloned());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = crate::run_command_for_output("php", &args)?;
    for line in output.lines() {
        if let Some((link, post)) = line.split_once(' ') {
            site.posts
                .push((link.to_string(), format!("{}/?p={post}", site.origin)));
        }
    }
    if site.posts.len() != links.len() {
        return Err(format!(
            "WordPress wrote {} posts for {} links:\n{output}",
            site.posts.len(),
            links.len()
        ));
    }
    Ok(site)
}

/// The must-use plugin: the one thing a real site would not need.
const LOCAL_PLUGIN: &str = "<?php
// cds17's tests serve the widget on 127.0.0.1, on ports of their own:
// WordPress refuses to fetch local addresses, and ports but 80, 443 and
// 8080, unless told.
add_filter('http_request_host_is_external', '__return_true');
add_filter('http_allowed_safe_ports', function ($ports, $host, $url) {
    $ports[] = (int) parse_url($url, PHP_URL_PORT);
    return $ports;
}, 10, 3);
// The site answers on an address with a port; keep WordPress from
// redirecting it to itself.
remove_action('template_redirect', 'redirect_canonical');
";

/// Installs the site, makes an author, and as that author writes one post
/// per link given, holding only that link on its own line; prints each
/// link with its post's id.
const SETUP: &str = "<?php
$_SERVER['HTTP_HOST'] = '127.0.0.1';
$_SERVER['WORDPRESS_CONFIG'] = '{{CONFIG}}';
define('WP_INSTALLING', true);
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
wp_install('Xã thử nghiệm', 'admin', 'admin@example.invalid', false, '', wp_generate_password());
$author = wp_insert_user(['user_login' => 'author', 'user_pass' => wp_generate_password(),
    'user_email' => 'author@example.invalid', 'role' => 'author']);
if (is_wp_error($author)) { fwrite(STDERR, $author->get_error_message()); exit(1); }
wp_set_current_user($author);
foreach (array_slice($argv, 1) as $link) {
    $post = wp_insert_post(['post_title' => 'Chuyển đổi số ở xã ta', 'post_status' => 'publish',
        'post_author' => $author, 'post_content' => \"Đoạn trước.\\n\\n$link\\n\\nĐoạn sau.\"], true);
    if (is_wp_error($post)) { fwrite(STDERR, $post->get_error_message()); exit(1); }
    echo $link, ' ', $post, \"\\n\";
}
";
