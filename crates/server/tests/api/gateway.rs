//! A stand-in SMS gateway for the tests: records every request (its bearer token and JSON
//! body), answers 503 to the first `fail_first`, or never answers the first `hang_first`.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use axum::{Json, Router};
use serde_json::Value;
use std::sync::{Arc, Mutex};

#[derive(Debug, Clone)]
pub struct Received {
    pub token: Option<String>,
    pub body: Value,
    pub answered: StatusCode,
}

#[derive(Clone)]
pub struct Gateway {
    pub url: String,
    received: Arc<Mutex<Vec<Received>>>,
    hung: Arc<tokio::sync::Notify>,
}

#[derive(Clone)]
struct Stub {
    received: Arc<Mutex<Vec<Received>>>,
    fail_first: usize,
    hang_first: usize,
    hung: Arc<tokio::sync::Notify>,
}

async fn sms(State(stub): State<Stub>, headers: HeaderMap, Json(body): Json<Value>) -> StatusCode {
    let token = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::to_owned);
    let n = stub.received.lock().unwrap().len();
    if n < stub.hang_first {
        stub.received.lock().unwrap().push(Received {
            token: token.clone(),
            body: body.clone(),
            answered: StatusCode::REQUEST_TIMEOUT,
        });
        stub.hung.notify_one();
        std::future::pending::<()>().await;
    }
    let answered = if n < stub.fail_first {
        StatusCode::SERVICE_UNAVAILABLE
    } else {
        StatusCode::ACCEPTED
    };
    stub.received.lock().unwrap().push(Received {
        token,
        body,
        answered,
    });
    answered
}

impl Gateway {
    pub async fn start(fail_first: usize, hang_first: usize) -> Gateway {
        let received = Arc::new(Mutex::new(Vec::new()));
        let hung = Arc::new(tokio::sync::Notify::new());
        let stub = Stub {
            received: received.clone(),
            fail_first,
            hang_first,
            hung: hung.clone(),
        };
        let app = Router::new().route("/sms", post(sms)).with_state(stub);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/sms", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await });
        Gateway {
            url,
            received,
            hung,
        }
    }

    pub fn received(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }

    /// Waits until a request is being held unanswered.
    pub async fn wait_hung(&self) {
        self.hung.notified().await;
    }
}
