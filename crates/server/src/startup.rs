//! Builds the application from its configuration, so `main` and the tests start the same thing.

use crate::clock::Clock;
use crate::config::Config;
use crate::crypto::Keys;
use crate::notifier::DevOutbox;
use crate::routes;
use crate::security;
use crate::state::AppState;
use crate::static_files::StaticApp;
use crate::store::Store;
use anyhow::Context;
use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::Router;
use std::sync::Arc;
use tokio::net::TcpListener;
use tokio::sync::{Mutex, Semaphore};
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
        std::fs::create_dir_all(&config.data_dir)
            .with_context(|| format!("cannot create {}", config.data_dir.display()))?;
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

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        axum::serve(self.listener, self.router)
            .with_graceful_shutdown(shutdown_signal())
            .await
    }
}

/// Opens the store, loads the keys and chooses the notifier (the development outbox until
/// SMTP and SMS are configured).
pub async fn open_state(config: &Config) -> anyhow::Result<AppState> {
    let store = Store::open(&config.data_dir.join("per.sqlite"))
        .await
        .context("cannot open the database")?;
    let keys = Keys::load(&config.data_dir, config.argon2).context("cannot load the data key")?;
    tracing::warn!(
        "no SMTP or SMS gateway configured: using the development outbox, which prints every \
         message (codes included) to the console; never use it in production"
    );
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    Ok(AppState {
        notifier: Arc::new(DevOutbox::new(store.clone())),
        store,
        keys,
        clock: Clock::default(),
        secure_cookies: config.secure_cookies,
        argon2_slots: Arc::new(Semaphore::new(cores)),
        code_issue: Arc::new(Mutex::new(())),
    })
}

/// The whole HTTP surface: `/api`, then the app for every other path.
pub fn app(state: AppState, static_app: Option<StaticApp>) -> Router {
    // Entry pages carry their own CSP (their loader's hash); every other answer this one.
    let csp = security::content_security_policy(&[]);
    let secure = state.secure_cookies;
    let api = routes::api().layer(SetResponseHeaderLayer::overriding(
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
