//! Keep-alive latency benchmark: starts the real server on port 0 and times sequential
//! requests over one kept-alive connection, for an entry page, a hashed asset and an API route.
//!
//! ```text
//! cargo run -p per-server --profile server --example keepalive [-- --dist dist] [--requests 200]
//! ```
//!
//! Without `--dist` it writes a small built app of its own (an entry page and a 120 KB hashed
//! script). Prints the mean, median and 99th percentile per request. Nagle's algorithm meeting
//! delayed ACKs shows as ~20-40 ms per file request; with `TCP_NODELAY` they take well under 1 ms.

use per_server::config::{Argon2Cost, Config};
use per_server::startup::Application;
use std::path::PathBuf;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let mut dist: Option<PathBuf> = None;
    let mut requests = 200usize;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--dist" => dist = args.next().map(PathBuf::from),
            "--requests" => requests = args.next().unwrap_or_default().parse()?,
            other => anyhow::bail!("unknown option {other} (--dist DIR, --requests N)"),
        }
    }
    let data = tempfile::tempdir()?;
    let own_dist = tempfile::tempdir()?;
    let dist = match dist {
        Some(d) => d,
        None => {
            write_dist(own_dist.path())?;
            own_dist.path().to_owned()
        }
    };
    let asset = hashed_asset(&dist)?;
    let mut config = Config::new("127.0.0.1:0".parse()?, data.path().to_owned());
    config.dist = Some(dist);
    config.argon2 = Argon2Cost {
        memory_kib: 256,
        iterations: 1,
        lanes: 1,
    };
    let app = Application::build(config).await?;
    let port = app.port();
    tokio::spawn(app.run_until_stopped());

    println!("{requests} sequential requests over one kept-alive connection (127.0.0.1:{port})");
    for path in ["/", asset.as_str(), "/api/health"] {
        let times = run(port, path, requests).await?;
        println!("{}", summary(path, &times));
    }
    Ok(())
}

/// Times `n` GETs of `path` over one connection.
async fn run(port: u16, path: &str, n: usize) -> anyhow::Result<Vec<Duration>> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).await?;
    stream.set_nodelay(true)?;
    let request = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: br\r\n\r\n");
    let mut buffer = Vec::with_capacity(256 * 1024);
    let mut times = Vec::with_capacity(n);
    for _ in 0..n {
        let started = Instant::now();
        stream.write_all(request.as_bytes()).await?;
        let status = read_response(&mut stream, &mut buffer).await?;
        times.push(started.elapsed());
        anyhow::ensure!(status == 200, "{path} answered {status}");
    }
    Ok(times)
}

/// Reads one response (with a `Content-Length` body) and returns its status.
async fn read_response(stream: &mut TcpStream, buffer: &mut Vec<u8>) -> anyhow::Result<u16> {
    buffer.clear();
    let mut chunk = [0u8; 64 * 1024];
    let head_end = loop {
        if let Some(i) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        let read = stream.read(&mut chunk).await?;
        anyhow::ensure!(read > 0, "connection closed");
        buffer.extend_from_slice(&chunk[..read]);
    };
    let head = String::from_utf8_lossy(&buffer[..head_end]).to_ascii_lowercase();
    let status: u16 = head.split_whitespace().nth(1).unwrap_or_default().parse()?;
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .map(|v| v.trim().parse())
        .transpose()?
        .unwrap_or(0);
    while buffer.len() < head_end + length {
        let read = stream.read(&mut chunk).await?;
        anyhow::ensure!(read > 0, "connection closed");
        buffer.extend_from_slice(&chunk[..read]);
    }
    Ok(status)
}

fn summary(path: &str, times: &[Duration]) -> String {
    let mut sorted = times.to_vec();
    sorted.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let mean = ms(times.iter().sum::<Duration>()) / times.len() as f64;
    let p50 = ms(sorted[sorted.len() / 2]);
    let p99 = ms(sorted[(sorted.len() * 99 / 100).min(sorted.len() - 1)]);
    format!("{path:<40} mean {mean:8.3} ms  median {p50:8.3} ms  p99 {p99:8.3} ms")
}

/// A built app of our own: a start page and one hashed script.
fn write_dist(dir: &std::path::Path) -> std::io::Result<()> {
    let loader = "import init from '/start-0123456789abcdef.js'; init();";
    let filler = "<p>PER</p>".repeat(150);
    std::fs::write(
        dir.join("index.html"),
        format!("<!doctype html><html><head><script type=\"module\">{loader}</script></head><body>{filler}</body></html>"),
    )?;
    let script = "export default function init() {}\n".repeat(3600);
    std::fs::write(dir.join("start-0123456789abcdef.js"), script)
}

/// The first hashed `.js` or `.wasm` file at the top of `dist`.
fn hashed_asset(dist: &std::path::Path) -> anyhow::Result<String> {
    let mut names: Vec<String> = std::fs::read_dir(dist)?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| (n.ends_with(".js") || n.ends_with(".wasm")) && n.contains('-'))
        .collect();
    names.sort();
    names
        .first()
        .map(|n| format!("/{n}"))
        .ok_or_else(|| anyhow::anyhow!("no hashed .js or .wasm at the top of {}", dist.display()))
}
