//! Builds the application from its configuration, so `main` and the tests start the same thing.

use crate::clock::Clock;
use crate::config::{Config, EmailChannel, Mode, SmsChannel};
use crate::crypto::Keys;
use crate::notifier::dev::DevOutbox;
use crate::notifier::sms::SmsGateway;
use crate::notifier::smtp::SmtpMailer;
use crate::notifier::{Channels, Notifier};
use crate::routes;
use crate::security;
use crate::service::registry::TableRegistry;
use crate::state::AppState;
use crate::static_files::StaticApp;
use crate::store::Store;
use anyhow::Context;
use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::serve::ListenerExt;
use axum::Router;
use std::sync::Arc;
use tokio::net::TcpListener;
use tokio::sync::{Notify, Semaphore};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

/// A server bound to its port, ready to run.
#[derive(Debug)]
pub struct Application {
    listener: TcpListener,
    router: Router,
    state: AppState,
}

impl Application {
    pub async fn build(config: Config) -> anyhow::Result<Application> {
        let problems = config.production_problems();
        if !problems.is_empty() {
            anyhow::bail!(
                "refusing to start in production: {}; fix the configuration, or run with --dev \
                 for development",
                problems.join("; ")
            );
        }
        let state = open_state(&config).await?;
        let static_app =
            match &config.dist {
                Some(dist) => Some(StaticApp::load(dist).with_context(|| {
                    format!("cannot read the entry pages in {}", dist.display())
                })?),
                None => None,
            };
        let router = app(state.clone(), static_app);
        let listener = TcpListener::bind(config.addr)
            .await
            .with_context(|| format!("cannot listen on {}", config.addr))?;
        Ok(Application {
            listener,
            router,
            state,
        })
    }

    pub fn port(&self) -> u16 {
        self.listener.local_addr().map(|a| a.port()).unwrap_or(0)
    }

    pub fn state(&self) -> AppState {
        self.state.clone()
    }

    /// Serves until SIGTERM or Ctrl-C, with the outbox's delivery worker running beside
    /// (unless the configuration turns it off) and the housekeeping purge.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let worker = self
            .state
            .delivery
            .worker
            .then(|| crate::delivery::spawn_worker(self.state.clone()));
        let purger = crate::service::housekeeping::spawn_purger(self.state.clone());
        // TCP_NODELAY: a file's body is written after its headers; with Nagle's algorithm
        // the body waits for the client's delayed ACK of the headers (25-40 ms per file on a
        // kept-alive connection).
        let listener = self.listener.tap_io(|tcp| {
            if let Err(e) = tcp.set_nodelay(true) {
                tracing::warn!("cannot set TCP_NODELAY: {e}");
            }
        });
        let app = self
            .router
            .into_make_service_with_connect_info::<std::net::SocketAddr>();
        let served = axum::serve(listener, app)
            .with_graceful_shutdown(shutdown_signal())
            .await;
        if let Some(worker) = worker {
            worker.abort();
        }
        purger.abort();
        served
    }
}

/// Opens the store, loads the keys and sets up each channel (SMTP, the SMS gateway, or the
/// development outbox, which `Application::build` allows only with `--dev`).
pub async fn open_state(config: &Config) -> anyhow::Result<AppState> {
    std::fs::create_dir_all(&config.data_dir)
        .with_context(|| format!("cannot create {}", config.data_dir.display()))?;
    let store = Store::open(config.database_url.as_deref(), &config.data_dir)
        .await
        .context("cannot open the database")?;
    let keys = Keys::load(&config.data_dir, config.argon2).context("cannot load the data key")?;
    let clock = Clock::default();
    let dev: Arc<dyn Notifier> = Arc::new(DevOutbox::new(store.clone(), clock.clone()));
    let email: Arc<dyn Notifier> = match &config.email {
        EmailChannel::Smtp(s) => Arc::new(SmtpMailer::new(s).context("smtp")?),
        EmailChannel::DevOutbox => dev.clone(),
    };
    let sms: Arc<dyn Notifier> = match &config.sms {
        SmsChannel::Gateway(s) => Arc::new(SmsGateway::new(s).context("sms gateway")?),
        SmsChannel::DevOutbox => dev.clone(),
    };
    if config.mode == Mode::Development {
        tracing::warn!(
            "DEVELOPMENT MODE (--dev): the development outbox prints every message it gets \
             (codes included), a data key file is accepted and cookies may lack Secure; never \
             use it in production"
        );
    }
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let face = match &config.face_models {
        Some(dir) => Some(Arc::new(
            crate::service::face::FaceChecker::load(dir, config.face_workers)
                .context("face models")?,
        )),
        None => {
            tracing::warn!("no face models (PER_FACE_MODELS): the face check answers 503");
            None
        }
    };
    Ok(AppState {
        channels: Channels { sms, email },
        store: store.clone(),
        keys: keys.clone(),
        clock,
        secure_cookies: config.secure_cookies,
        argon2_slots: Arc::new(Semaphore::new(cores)),
        behind_proxy: config.behind_proxy,
        argon2_runs: Arc::default(),
        argon2_queue: Arc::default(),
        // Eight checks a core (each some 50 ms): beyond half a second of work, shed.
        argon2_queue_limit: 8 * cores,
        outbox_wakeup: Arc::new(Notify::new()),
        delivery: config.delivery,
        window: config.window,
        registry: Arc::new(TableRegistry::new(store.clone(), keys.clone())),
        decode_slots: Arc::new(Semaphore::new(cores)),
        face,
        review: config.review,
        statistics_cache: Arc::default(),
        limits: config.limits,
        phone_countries: config.phone_countries.clone().into(),
        uploads_in_flight: Arc::default(),
        api_limiter: Arc::new(crate::rate_limit::ApiLimiter::new(&config.limits)),
    })
}

/// The whole HTTP surface: `/api`, then the app for every other path.
pub fn app(state: AppState, static_app: Option<StaticApp>) -> Router {
    // Entry pages carry their own CSP (their loader's hash); every other answer this one.
    let csp = security::content_security_policy(&[]);
    let secure = state.secure_cookies;
    let api = routes::api()
        .layer(axum::middleware::from_fn(security::same_origin_only))
        // Before anything else runs: a flood is refused at the door.
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::rate_limit::limit,
        ))
        // Unless the answer says otherwise (the public statistics), nothing is cached.
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ));
    let mut router = Router::new().nest("/api", api).with_state(state);
    router = match static_app {
        Some(app) => {
            let app = Arc::new(app);
            router.fallback(move |req: Request| {
                let app = Arc::clone(&app);
                async move { app.serve(req).await }
            })
        }
        None => router.fallback(|| async { crate::error::AppError::NotFound }),
    };
    for (name, value) in security::headers(&csp, secure) {
        // An entry page's own CSP (set by `static_files`) stays; every other answer gets this.
        router = if name == header::CONTENT_SECURITY_POLICY {
            router.layer(SetResponseHeaderLayer::if_not_present(name, value))
        } else {
            router.layer(SetResponseHeaderLayer::overriding(name, value))
        };
    }
    router.layer(TraceLayer::new_for_http())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
