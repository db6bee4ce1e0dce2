//! `per-server`: runs the CEC backend, or records an official's decision from the command line.

use anyhow::{bail, Context};
use per_domain::{ReferenceNumber, RejectionReason};
use per_server::config::Config;
use per_server::review::{decide, Decision};
use per_server::startup::{open_state, Application};
use std::net::SocketAddr;
use std::path::PathBuf;

const USAGE: &str = "usage:
  per-server serve  [--addr 127.0.0.1:8080] [--data-dir .per] [--dist dist] [--secure-cookies]
  per-server decide [--data-dir .per] --reference PER-XXXX-XXXX (--approve | --reject REASON[,REASON...])
reasons: address_mismatch, proof_of_address_unreadable, identity_mismatch, face_mismatch,
         document_unreadable, not_eligible, duplicate";

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn,tower_http=warn".into()),
        )
        .with_ansi(std::env::var_os("NO_COLOR").is_none() && std::env::var_os("CI").is_none())
        .init();
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("serve") => serve(&args[1..]).await,
        Some("decide") => decide_command(&args[1..]).await,
        _ => {
            eprintln!("{USAGE}");
            std::process::exit(2);
        }
    }
}

/// Options common to both commands.
struct Options {
    addr: SocketAddr,
    data_dir: PathBuf,
    dist: Option<PathBuf>,
    secure_cookies: bool,
    reference: Option<String>,
    decision: Option<String>,
}

fn parse_options(args: &[String]) -> anyhow::Result<Options> {
    let mut o = Options {
        addr: "127.0.0.1:8080".parse()?,
        data_dir: PathBuf::from(".per"),
        dist: None,
        secure_cookies: false,
        reference: None,
        decision: None,
    };
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .with_context(|| format!("{name} needs a value"))
        };
        match flag.as_str() {
            "--addr" => o.addr = value("--addr")?.parse().context("--addr: not an address")?,
            "--data-dir" => o.data_dir = value("--data-dir")?.into(),
            "--dist" => o.dist = Some(value("--dist")?.into()),
            "--secure-cookies" => o.secure_cookies = true,
            "--reference" => o.reference = Some(value("--reference")?),
            "--approve" => o.decision = Some("approve".to_owned()),
            "--reject" => o.decision = Some(format!("reject:{}", value("--reject")?)),
            other => bail!("unknown option {other}\n{USAGE}"),
        }
    }
    Ok(o)
}

async fn serve(args: &[String]) -> anyhow::Result<()> {
    let o = parse_options(args)?;
    let mut config = Config::new(o.addr, o.data_dir);
    config.dist = o.dist;
    config.secure_cookies = o.secure_cookies;
    let app = Application::build(config).await?;
    tracing::info!("PER listening on http://{}:{}", o.addr.ip(), app.port());
    println!("listening on http://{}:{}", o.addr.ip(), app.port());
    app.run_until_stopped().await?;
    Ok(())
}

async fn decide_command(args: &[String]) -> anyhow::Result<()> {
    let o = parse_options(args)?;
    let reference = o.reference.context("--reference is required")?;
    let reference = ReferenceNumber::parse(&reference)
        .map_err(|p| anyhow::anyhow!("--reference: {}", p.english()))?;
    let decision = match o.decision.as_deref() {
        Some("approve") => Decision::Approve,
        Some(reject) => {
            let codes = reject.trim_start_matches("reject:");
            let mut reasons = Vec::new();
            for code in codes.split(',').filter(|c| !c.is_empty()) {
                match RejectionReason::from_code(code.trim()) {
                    Some(r) => reasons.push(r),
                    None => bail!("--reject: unknown reason {code}\n{USAGE}"),
                }
            }
            Decision::Reject(reasons)
        }
        None => bail!("--approve or --reject is required\n{USAGE}"),
    };
    let config = Config::new(o.addr, o.data_dir);
    let state = open_state(&config).await?;
    let view = decide(&state, &reference, &decision).await?;
    println!("{} is now {}", view.reference, view.status.code());
    Ok(())
}
