//! The JSON API under `/api`: one module per part of the voter's journey.

mod draft;
mod face;
mod health;
pub mod openapi;
mod password;
mod request;
mod review;
mod session;
mod signup;
mod upload;
mod window;

use crate::error::AppError;
use crate::state::AppState;
use axum::extract::DefaultBodyLimit;
use axum::routing::{delete, get, post};
use axum::Router;
use per_domain::api::JpegFrame;
use per_domain::UploadKind;

/// Request bodies are small JSON, except camera frames.
const BODY_LIMIT: usize = 64 * 1024;
const FACE_BODY_LIMIT: usize =
    JpegFrame::MAX_FRAMES * (JpegFrame::MAX_BYTES / 3 * 4 + 8) + BODY_LIMIT;

/// The API router, to be nested under `/api`.
pub fn api() -> Router<AppState> {
    Router::new()
        .route("/health", get(health::health))
        .route("/openapi.json", get(openapi::openapi_json))
        .route("/signup", post(signup::start))
        .route("/signup/verify", post(signup::verify))
        .route("/signup/resend", post(signup::resend))
        .route("/signup/complete", post(signup::complete))
        .route(
            "/session",
            post(session::sign_in)
                .delete(session::sign_out)
                .get(password::session_clock),
        )
        .route("/password", post(password::change))
        .route("/password/reset", post(password::start_reset))
        .route("/password/reset/complete", post(password::complete_reset))
        .route("/sessions", delete(session::sign_out_everywhere))
        .route("/me", get(session::me))
        .route("/face/challenge", post(face::challenge))
        .route("/face/assisted", post(face::assisted))
        .route("/request", post(request::submit).get(request::current))
        .route("/request/withdraw", post(request::withdraw))
        .route(
            "/draft",
            get(draft::get).put(draft::put).delete(draft::delete),
        )
        .route("/window", get(window::window))
        .route("/statistics", get(review::public_statistics))
        .nest("/review", review::router())
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .merge(
            Router::new()
                .route("/face", post(face::capture))
                .layer(DefaultBodyLimit::max(FACE_BODY_LIMIT)),
        )
        .merge(
            Router::new()
                // POST /upload/{kind} stores a file, GET /upload/{id} describes one.
                .route(
                    "/upload/{kind_or_id}",
                    post(upload::upload).get(upload::describe),
                )
                .layer(DefaultBodyLimit::max(UploadKind::MAX_BYTES)),
        )
        .fallback(|| async { AppError::NotFound })
}
