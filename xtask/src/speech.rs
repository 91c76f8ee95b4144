//! A voice for the browser tests that hear a card read aloud
//! (tests/e2e/speech.spec.ts): Chromium with `--enable-speech-dispatcher`
//! talks to Debian's speech-dispatcher, which speaks with espeak-ng.
//!
//! These machines have no sound device. With speech-dispatcher's default
//! audio (PulseAudio) the first utterance starts, then the daemon hangs when
//! the browser closes, and every later browser lists no voices until it is
//! killed. So xtask starts a daemon of its own for the tests, with libao's
//! null driver for audio, which cannot fail: its configuration, its home
//! (where libao reads `.libao`) and its socket all live under
//! `target/speech/`, and the speech tests' browser alone is started with
//! them, so that it finds that daemon. A user's own speech and
//! sound settings are never read or written.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::files::{path_str, recreate, write};
use crate::{root, Result};

/// The Debian packages: the daemon, its espeak-ng module, its libao output.
pub const PACKAGES: &[&str] = &[
    "speech-dispatcher",
    "speech-dispatcher-espeak-ng",
    "speech-dispatcher-audio-plugins",
    "espeak-ng",
    "libao4",
];

/// The daemon's configuration: espeak-ng, and silent audio.
const SPEECHD_CONF: &str = "\
# Written by cargo xtask (xtask/src/speech.rs) for the browser tests.
AudioOutputMethod \"libao\"
AddModule \"espeak-ng\" \"sd_espeak-ng\" \"espeak-ng.conf\"
DefaultModule espeak-ng
";

/// The test browsers' speech daemon, started before them and stopped with
/// this: one daemon that is there before any browser asks, rather than one
/// each browser would try to start at once.
pub struct Daemon {
    child: Child,
    /// `CDS17_SPEECH_HOME`, `CDS17_SPEECH_CONFIG` and
    /// `CDS17_SPEECH_RUNTIME`, which tests/e2e/speech.spec.ts passes on to
    /// its browser as `HOME`, `XDG_CONFIG_HOME` and `XDG_RUNTIME_DIR`.
    pub env: Vec<(&'static str, String)>,
}

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Writes the set-up afresh under `target/speech/`, and starts the daemon
/// on it; returns once its socket is there.
pub fn start() -> Result<Daemon> {
    let dir = root().join("target").join("speech");
    let home = dir.join("home");
    let config = dir.join("config");
    let runtime = dir.join("run");
    let socket = runtime.join("speech-dispatcher").join("speechd.sock");
    recreate(&dir)?;
    for folder in [&home, &config.join("speech-dispatcher"), &socket_folder(&socket)?] {
        fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    }
    private(&runtime)?;
    write(
        &config.join("speech-dispatcher").join("speechd.conf"),
        SPEECHD_CONF.as_bytes(),
    )?;
    write(&home.join(".libao"), b"default_driver=null\n")?;
    let env = vec![
        ("CDS17_SPEECH_HOME", path_str(&home)),
        ("CDS17_SPEECH_CONFIG", path_str(&config)),
        ("CDS17_SPEECH_RUNTIME", path_str(&runtime)),
    ];
    let child = Command::new("speech-dispatcher")
        // In the foreground, as our child, and never gone for want of clients
        // between two tests: it goes when `Daemon` is dropped.
        .args([
            "--run-single",
            "--timeout",
            "0",
            "--communication-method",
            "unix_socket",
        ])
        .arg("--socket-path")
        .arg(&socket)
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", &config)
        .env("XDG_RUNTIME_DIR", &runtime)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("speech-dispatcher: {e}"))?;
    let daemon = Daemon { child, env };
    for _ in 0..100 {
        if socket.exists() {
            return Ok(daemon);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err(format!(
        "speech-dispatcher did not open {} within 10 s",
        socket.display()
    ))
}

fn socket_folder(socket: &Path) -> Result<PathBuf> {
    socket
        .parent()
        .map(Path::to_path_buf)
        .ok_or_else(|| format!("{} has no folder", socket.display()))
}

/// A runtime directory is the user's alone (XDG base directory spec).
fn private(dir: &Path) -> Result {
    use std::os::unix::fs::PermissionsExt as _;
    fs::set_permissions(dir, fs::Permissions::from_mode(0o700)).map_err(|e| format!("{}: {e}", dir.display()))
}
