//! A `redis-server` of its own for each test: a free port on loopback, no persistence, stopped
//! when dropped, with the faults the fleet tests inject (pause, killed clients, restart).
//!
//! `scripts/redis.sh` installs Debian's `redis-server`. Without it a test is skipped loudly, except
//! under CI (`CI` set), where it fails: the Redis suites must not pass by not running.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running `redis-server`.
#[derive(Debug)]
pub struct RedisServer {
    child: Option<Child>,
    port: u16,
    dir: tempfile::TempDir,
    extra_args: Vec<String>,
    binary: PathBuf,
    tls: bool,
}

/// `redis-server` on the `PATH`, if installed.
fn find_binary() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join("redis-server"))
        .find(|candidate| candidate.is_file())
}

impl RedisServer {
    /// Starts a server. A missing `redis-server` fails the test, unless
    /// `INSURUP_SKIP_REDIS_SUITES` is set (then `None`, after a loud message).
    pub fn start() -> Option<Self> {
        Self::start_with(&[])
    }

    /// Starts a server that speaks TLS only, with a certificate for `localhost` signed by a CA
    /// of its own ([`RedisServer::ca_certificate`]); made with the `openssl` command.
    pub fn start_tls() -> Option<Self> {
        let mut server = Self::start_with(&[])?;
        server.stop();
        let dir = server.dir.path().to_owned();
        make_certificates(&dir);
        let file = |name: &str| dir.join(name).display().to_string();
        server.extra_args = vec![
            "--tls-port".to_owned(),
            server.port.to_string(),
            "--port".to_owned(),
            "0".to_owned(),
            "--tls-cert-file".to_owned(),
            file("server.crt"),
            "--tls-key-file".to_owned(),
            file("server.key"),
            "--tls-ca-cert-file".to_owned(),
            file("ca.crt"),
            "--tls-auth-clients".to_owned(),
            "no".to_owned(),
        ];
        server.tls = true;
        server.launch(false);
        Some(server)
    }

    /// The CA that signed a TLS server's certificate (PEM).
    pub fn ca_certificate(&self) -> Vec<u8> {
        std::fs::read(self.dir.path().join("ca.crt")).expect("the CA certificate")
    }

    /// Starts a server with extra `redis-server` arguments (ACL users, say).
    pub fn start_with(extra_args: &[&str]) -> Option<Self> {
        let Some(binary) = find_binary() else {
            // A suite that needs Redis fails without it: scripts/test-rust.sh installs it. Only
            // an explicit opt-out skips (a laptop without Redis).
            if std::env::var_os("INSURUP_SKIP_REDIS_SUITES").is_none() {
                panic!(
                    "redis-server is not installed: scripts/redis.sh installs it \
                     (apt-get install -y redis-server), or set INSURUP_SKIP_REDIS_SUITES=1 to skip"
                );
            }
            eprintln!(
                "\n*** SKIPPED: redis-server is not installed (INSURUP_SKIP_REDIS_SUITES) ***\n"
            );
            return None;
        };
        let mut server = RedisServer {
            child: None,
            port: free_port(),
            dir: tempfile::tempdir().expect("a directory for redis-server"),
            extra_args: extra_args.iter().map(|arg| (*arg).to_owned()).collect(),
            binary,
            tls: false,
        };
        server.launch(true);
        Some(server)
    }

    /// Starts the server; `on_any_port` lets it move to another port if its own is taken.
    fn launch(&mut self, on_any_port: bool) {
        // Another test's server may take the same port between the check and the start: then
        // this one exits, and a fresh start tries another port.
        for _ in 0..5 {
            if self.try_launch() {
                return;
            }
            if !on_any_port {
                break;
            }
            self.port = free_port();
        }
        panic!(
            "redis-server did not start on port {}; its log: {}",
            self.port,
            std::fs::read_to_string(self.log_path()).unwrap_or_default()
        );
    }

    /// Starts redis-server and waits until it accepts connections; false if it exited first.
    fn try_launch(&mut self) -> bool {
        let log = std::fs::File::create(self.log_path()).expect("a log file");
        let mut command = Command::new(&self.binary);
        command.args(["--bind", "127.0.0.1"]);
        if !self.tls {
            command.args(["--port", &self.port.to_string()]);
        }
        let child = command
            .args(["--save", "", "--appendonly", "no"])
            .arg("--dir")
            .arg(self.dir.path())
            .args(&self.extra_args)
            .stdin(Stdio::null())
            .stdout(log)
            .stderr(Stdio::null())
            .spawn()
            .expect("redis-server starts");
        self.child = Some(child);
        self.wait_until_ready()
    }

    /// Waits for redis-server's own word that it listens (a connection alone could reach
    /// another process on the port); false if it exited instead.
    fn wait_until_ready(&mut self) -> bool {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            let child = self.child.as_mut().expect("a started server");
            if child.try_wait().ok().flatten().is_some() {
                self.child = None;
                return false;
            }
            let log = std::fs::read_to_string(self.log_path()).unwrap_or_default();
            if log.contains("Ready to accept connections") {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "redis-server did not listen on port {} within 10 s; its log: {}",
            self.port,
            std::fs::read_to_string(self.log_path()).unwrap_or_default()
        );
    }

    fn log_path(&self) -> PathBuf {
        self.dir.path().join("redis.log")
    }

    /// Its directory.
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// Its port.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// `redis://127.0.0.1:<port>/`, or `rediss://localhost:<port>/` with TLS.
    pub fn url(&self) -> String {
        if self.tls {
            format!("rediss://localhost:{}/", self.port)
        } else {
            format!("redis://127.0.0.1:{}/", self.port)
        }
    }

    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.as_ref().map_or(0, Child::id)
    }

    /// A plain connection for the test's own commands.
    pub fn connection(&self) -> redis::Connection {
        self.connection_as(&self.url())
    }

    /// A plain connection through `url` (an ACL user's, say).
    pub fn connection_as(&self, url: &str) -> redis::Connection {
        redis::Client::open(url)
            .and_then(|client| client.get_connection_with_timeout(Duration::from_secs(5)))
            .expect("a connection to the test's redis-server")
    }

    /// Runs one command and returns its answer.
    pub fn command<T: redis::FromRedisValue>(&self, args: &[&str]) -> T {
        let mut command = redis::cmd(args[0]);
        for arg in &args[1..] {
            command.arg(*arg);
        }
        command
            .query(&mut self.connection())
            .unwrap_or_else(|error| panic!("redis {args:?}: {error}"))
    }

    /// Blocks every client's commands for `duration` (`CLIENT PAUSE … ALL`).
    pub fn pause(&self, duration: Duration) {
        let millis = duration.as_millis().to_string();
        let _: () = self.command(&["CLIENT", "PAUSE", &millis, "ALL"]);
    }

    /// Closes every client connection (`CLIENT KILL TYPE normal`); returns how many.
    pub fn kill_clients(&self) -> i64 {
        self.command(&["CLIENT", "KILL", "TYPE", "normal"])
    }

    /// Freezes the server process (SIGSTOP) until [`RedisServer::resume`].
    pub fn freeze(&self) {
        signal(self.pid(), "-STOP");
    }

    /// Thaws a frozen server (SIGCONT).
    pub fn resume(&self) {
        signal(self.pid(), "-CONT");
    }

    /// Kills the server; its data (kept in memory only) is gone.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Kills the server and starts an empty one on the same port.
    pub fn restart(&mut self) {
        self.stop();
        self.launch(false);
    }
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A CA, and a certificate for `localhost` and 127.0.0.1 it signed, in `dir`.
fn make_certificates(dir: &Path) {
    let openssl = |args: &[&str]| {
        let output = Command::new("openssl")
            .args(args)
            .current_dir(dir)
            .output()
            .expect("the openssl command runs");
        assert!(
            output.status.success(),
            "openssl {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    };
    std::fs::write(
        dir.join("server.ext"),
        "subjectAltName=DNS:localhost,IP:127.0.0.1\n",
    )
    .expect("the extension file");
    openssl(&[
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=fleet-test-ca",
        "-keyout",
        "ca.key",
        "-out",
        "ca.crt",
    ]);
    openssl(&[
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/CN=localhost",
        "-keyout",
        "server.key",
        "-out",
        "server.csr",
    ]);
    openssl(&[
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.crt",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-days",
        "1",
        "-extfile",
        "server.ext",
        "-out",
        "server.crt",
    ]);
}

fn signal(pid: u32, signal: &str) {
    let status = Command::new("kill")
        .args([signal, &pid.to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success(), "kill {signal} {pid}");
}

/// A free loopback port below the kernel's ephemeral range. The kernel hands ports of that range
/// to every `bind` to port 0 (the sandboxes of the tests running beside this one) and to every
/// outgoing connection, so a port taken from it could be given away while redis-server starts,
/// or while a test has it stopped; ports below it are only ever chosen here.
fn free_port() -> u16 {
    let ephemeral_start = std::fs::read_to_string("/proc/sys/net/ipv4/ip_local_port_range")
        .ok()
        .and_then(|range| range.split_whitespace().next()?.parse::<u16>().ok())
        .unwrap_or(32768);
    let (low, high) = (
        ephemeral_start.saturating_sub(12_000).max(1024),
        ephemeral_start,
    );
    loop {
        let port = rand::random_range(low..high);
        if TcpListener::bind(("127.0.0.1", port)).is_ok() {
            return port;
        }
    }
}
