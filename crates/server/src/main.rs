//! `per-server`: runs the CEC backend; from the command line also records an official's
//! decision, manages officials' accounts and verifies the audit log.

use anyhow::Context;
use clap::{Args, Parser, Subcommand};
use per_domain::{ReferenceNumber, RejectionReason};
use per_server::config::Mode;
use per_server::service::decision::{decide, Decision};
use per_server::service::registry::TableRegistry;
use per_server::settings::Settings;
use per_server::startup::{open_state, Application};
use std::net::SocketAddr;
use std::path::PathBuf;

/// The CEC backend of PER.
#[derive(Debug, Parser)]
#[command(name = "per-server", version)]
struct Cli {
    /// A TOML settings file (overridden by PER_* variables, then by these options).
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Development mode: allows the development outbox (prints codes), a generated data key
    /// file and cookies without Secure. Never in production.
    #[arg(long, global = true)]
    dev: bool,
    /// Where the SQLite file (unless DATABASE_URL is set) and, with --dev, the key file live.
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the API, the built app, and deliver the outbox.
    Serve(ServeArgs),
    /// Record an official's decision on a request; the voter's notices go to the outbox.
    Decide(DecideArgs),
    /// The embedded civil registry.
    #[command(subcommand)]
    Registry(RegistryCommand),
    /// Officials' accounts for the review console.
    #[command(subcommand)]
    Official(OfficialCommand),
    /// The audit log.
    #[command(subcommand)]
    Audit(AuditCommand),
}

#[derive(Debug, Subcommand)]
enum OfficialCommand {
    /// Create an official: prints the TOTP secret (otpauth URI and base32) and 10 recovery
    /// codes, once.
    Add {
        login: String,
        #[arg(long, value_parser = ["reviewer", "supervisor", "administrator"])]
        role: String,
        /// The official's full name.
        #[arg(long, default_value = "")]
        name: String,
        /// Read the password from the first line of standard input instead of prompting.
        #[arg(long)]
        password_stdin: bool,
    },
    /// Disable an official: their sessions and assignments end at once.
    Disable { login: String },
}

#[derive(Debug, Subcommand)]
enum AuditCommand {
    /// Walk the hash chain: exit 1 and name the first broken entry if any.
    Verify,
}

#[derive(Debug, Subcommand)]
enum RegistryCommand {
    /// Load citizens from a CSV file (header
    /// personal_number,first_name,surname,date_of_birth,sex,municipality,zone; see
    /// crates/server/registry/sample.csv); every line is checked before any is written.
    Load {
        #[arg(value_name = "FILE.csv")]
        file: PathBuf,
    },
}

#[derive(Debug, Args)]
struct ServeArgs {
    /// Where to listen (port 0: any free port).
    #[arg(long)]
    addr: Option<SocketAddr>,
    /// The built app (Trunk's dist/).
    #[arg(long, value_name = "DIR")]
    dist: Option<PathBuf>,
    /// Mark the session cookie Secure (always on in production).
    #[arg(long)]
    secure_cookies: bool,
}

#[derive(Debug, Args)]
struct DecideArgs {
    /// The request's reference, PER-XXXX-XXXX.
    #[arg(long)]
    reference: String,
    #[arg(
        long,
        conflicts_with_all = ["reject", "correct"],
        required_unless_present_any = ["reject", "correct"]
    )]
    approve: bool,
    /// Reasons, comma-separated: address_mismatch, proof_of_address_unreadable,
    /// identity_mismatch, face_mismatch, document_unreadable, not_eligible, duplicate.
    #[arg(
        long,
        value_delimiter = ',',
        value_name = "REASON",
        conflicts_with = "correct"
    )]
    reject: Vec<String>,
    /// Ask for a correction of what these reasons point at (same codes as --reject).
    #[arg(long, value_delimiter = ',', value_name = "REASON")]
    correct: Vec<String>,
    /// Who decides (kept with the decision); default `cli:$USER`.
    #[arg(long)]
    by: Option<String>,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn,tower_http=warn".into()),
        )
        .with_ansi(std::env::var_os("NO_COLOR").is_none() && std::env::var_os("CI").is_none())
        .init();
    let cli = Cli::parse();
    let mode = if cli.dev {
        Mode::Development
    } else {
        Mode::Production
    };
    let mut settings = Settings::load(cli.config.as_deref())?;
    if let Some(dir) = cli.data_dir {
        settings.data_dir = dir;
    }
    match cli.command {
        Command::Serve(args) => {
            if let Some(addr) = args.addr {
                settings.addr = addr;
            }
            if args.dist.is_some() {
                settings.dist = args.dist;
            }
            let mut config = settings.into_config(mode)?;
            if args.secure_cookies {
                config.secure_cookies = true;
            }
            let app = Application::build(config.clone()).await?;
            tracing::info!(
                "PER listening on http://{}:{}",
                config.addr.ip(),
                app.port()
            );
            println!("listening on http://{}:{}", config.addr.ip(), app.port());
            app.run_until_stopped().await?;
            Ok(())
        }
        Command::Registry(RegistryCommand::Load { file }) => {
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("cannot read {}", file.display()))?;
            let config = settings.into_config(mode)?;
            let state = open_state(&config).await?;
            let registry = TableRegistry::new(state.store.clone(), state.keys.clone());
            let n = registry.load_csv(&text).await?;
            println!("loaded {n} citizens from {}", file.display());
            Ok(())
        }
        Command::Official(cmd) => {
            use per_domain::api::review::{OfficialLogin, Role};
            use per_server::service::review::officials;
            let config = settings.into_config(mode)?;
            let state = open_state(&config).await?;
            match cmd {
                OfficialCommand::Add {
                    login,
                    role,
                    name,
                    password_stdin,
                } => {
                    let login = OfficialLogin::parse(&login)
                        .map_err(|p| anyhow::anyhow!("LOGIN: {}", p.english()))?;
                    let role = Role::from_code(&role).context("--role")?;
                    let password = if password_stdin {
                        let mut line = String::new();
                        std::io::stdin().read_line(&mut line)?;
                        line.trim_end_matches(['\r', '\n']).to_owned()
                    } else {
                        eprint!("password for {}: ", login.as_str());
                        let mut line = String::new();
                        std::io::stdin().read_line(&mut line)?;
                        line.trim_end_matches(['\r', '\n']).to_owned()
                    };
                    let password = per_domain::Password::parse(&password)
                        .and_then(|p| p.check_not_common().map(|()| p))
                        .map_err(|p| anyhow::anyhow!("password: {}", p.english()))?;
                    let now = state.clock.now();
                    let enrolment = officials::add(
                        &state.store,
                        &state.keys,
                        &login,
                        name.trim(),
                        role,
                        &password,
                        now,
                    )
                    .await?
                    .with_context(|| format!("the login {} is taken", login.as_str()))?;
                    println!("official {} ({}) created", login.as_str(), role.code());
                    println!("otpauth URI: {}", enrolment.otpauth_uri);
                    println!("TOTP secret (base32): {}", enrolment.secret_base32);
                    println!("recovery codes (each works once; shown only now):");
                    for code in &enrolment.recovery_codes {
                        println!("  {code}");
                    }
                }
                OfficialCommand::Disable { login } => {
                    let login = OfficialLogin::parse(&login)
                        .map_err(|p| anyhow::anyhow!("LOGIN: {}", p.english()))?;
                    anyhow::ensure!(
                        officials::disable(&state.store, &login).await?,
                        "no official has the login {}",
                        login.as_str()
                    );
                    println!("official {} disabled", login.as_str());
                }
            }
            Ok(())
        }
        Command::Audit(AuditCommand::Verify) => {
            use per_server::service::audit::{verify, Verified};
            let config = settings.into_config(mode)?;
            let state = open_state(&config).await?;
            match verify(&state.store).await? {
                Verified::Intact { entries } => {
                    println!("audit log: {entries} entries, chain intact");
                    Ok(())
                }
                Verified::Broken { seq } => {
                    println!("audit log: chain broken at seq {seq}");
                    std::process::exit(1);
                }
            }
        }
        Command::Decide(args) => {
            let reference = ReferenceNumber::parse(&args.reference)
                .map_err(|p| anyhow::anyhow!("--reference: {}", p.english()))?;
            let decision = if args.approve {
                Decision::Approve
            } else {
                let correct = !args.correct.is_empty();
                let reasons = if correct { &args.correct } else { &args.reject }
                    .iter()
                    .map(|code| {
                        RejectionReason::from_code(code.trim())
                            .with_context(|| format!("--reject: unknown reason {code}"))
                    })
                    .collect::<anyhow::Result<Vec<_>>>()?;
                if correct {
                    Decision::RequestCorrection(reasons)
                } else {
                    Decision::Reject(reasons)
                }
            };
            let by = args.by.unwrap_or_else(|| {
                format!(
                    "cli:{}",
                    std::env::var("USER").unwrap_or_else(|_| "unknown".into())
                )
            });
            let config = settings.into_config(mode)?;
            let problems = config.production_problems();
            anyhow::ensure!(
                problems.is_empty(),
                "refusing to decide in production: {}",
                problems.join("; ")
            );
            let state = open_state(&config).await?;
            let view = decide(&state, &reference, &decision, &by).await?;
            println!("{} is now {}", view.reference, view.status.code());
            Ok(())
        }
    }
}
