//! `GET /api/openapi.json`: the OpenAPI 3.1 document of this API, generated from the
//! handlers' `#[utoipa::path]` annotations and the wire types of `per_domain::api` (their
//! `ToSchema` comes with per-domain's `openapi` feature, which only the server turns on).
//! Built once per process; no cookie needed. `tests/api/openapi.rs` checks that it lists
//! every route of [`super::api`], so a route without its annotation fails the tests.

use crate::extract::{review_cookie_name, session_cookie_name};
use crate::state::AppState;
use axum::extract::State;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use std::sync::OnceLock;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, SecurityScheme};
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "PER API",
        description = "Registration of Albanian voters abroad: the voter's API, the officials' \
            review API and the public statistics. Errors are `ApiError` bodies; state-changing \
            requests must come from the service's own pages (`Sec-Fetch-Site: same-origin`, or \
            an `Origin` equal to the host) or from a client that sends neither header."
    ),
    paths(
        openapi_json,
        super::health::health,
        super::window::window,
        super::signup::start,
        super::signup::verify,
        super::signup::resend,
        super::signup::complete,
        super::session::sign_in,
        super::session::sign_out,
        super::session::sign_out_everywhere,
        super::session::me,
        super::password::session_clock,
        super::password::change,
        super::password::start_reset,
        super::password::complete_reset,
        super::face::challenge,
        super::face::capture,
        super::face::assisted,
        super::request::submit,
        super::request::current,
        super::request::withdraw,
        super::draft::get,
        super::draft::put,
        super::draft::delete,
        super::upload::upload,
        super::upload::describe,
        super::review::sign_in,
        super::review::sign_out,
        super::review::me,
        super::review::queue,
        super::review::assign,
        super::review::release,
        super::review::request_detail,
        super::review::image,
        super::review::decide,
        super::review::reverse,
        super::review::export_csv,
        super::review::public_statistics,
    ),
    tags(
        (name = "health", description = "Liveness of the server and its database"),
        (name = "signup", description = "Creating an account: both contacts verified by code"),
        (name = "session", description = "The voter's session and password"),
        (name = "voter", description = "The voter's registration: face check, uploads, draft, request"),
        (name = "review", description = "The officials' console (its own cookie, sent only to /api/review)"),
        (name = "statistics", description = "Public counts"),
        (name = "meta", description = "This document"),
    )
)]
#[derive(Debug)]
pub struct ApiDoc;

/// The document, with the cookie names this server uses (`__Host-per_session` and
/// `__Secure-per_review` behind TLS; `per_session` and `per_review` in development).
pub fn document(voter_cookie: &str, review_cookie: &str) -> utoipa::openapi::OpenApi {
    let mut doc = ApiDoc::openapi();
    let components = doc.components.get_or_insert_with(Default::default);
    components.add_security_scheme(
        "voter_session",
        SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
            voter_cookie,
            "The voter's session (HttpOnly, SameSite=Strict), set by sign-in and sign-up",
        ))),
    );
    components.add_security_scheme(
        "review_session",
        SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
            review_cookie,
            "An official's session (HttpOnly, SameSite=Strict, Path=/api/review)",
        ))),
    );
    // Every route is behind the API's rate limits (`rate_limit.rs`): any may answer 429.
    let too_many = utoipa::openapi::ResponseBuilder::new()
        .description(
            "Too many requests from this address or to this server (or a lock or budget of \
             this operation): `retry_after_seconds` (also `Retry-After`)",
        )
        .content(
            "application/json",
            utoipa::openapi::ContentBuilder::new()
                .schema(Some(utoipa::openapi::Ref::from_schema_name("ApiError")))
                .build(),
        )
        .build();
    for item in doc.paths.paths.values_mut() {
        for op in [
            &mut item.get,
            &mut item.put,
            &mut item.post,
            &mut item.delete,
            &mut item.patch,
        ]
        .into_iter()
        .flatten()
        {
            op.responses
                .responses
                .entry("429".to_owned())
                .or_insert_with(|| too_many.clone().into());
        }
    }
    doc
}

#[utoipa::path(
    get,
    path = "/api/openapi.json",
    operation_id = "openapi",
    tag = "meta",
    summary = "This OpenAPI 3.1 document",
    responses((status = 200, description = "The document", content_type = "application/json", body = Object)),
)]
pub async fn openapi_json(State(state): State<AppState>) -> Response {
    // One per cookie naming (a process has one; the tests run both in one process).
    static DOCS: [OnceLock<String>; 2] = [OnceLock::new(), OnceLock::new()];
    let body = DOCS[usize::from(state.secure_cookies)].get_or_init(|| {
        document(session_cookie_name(&state), review_cookie_name(&state))
            .to_json()
            .unwrap_or_else(|e| format!("{{\"error\":\"internal\",\"message\":\"{e}\"}}"))
    });
    (
        [
            (CONTENT_TYPE, "application/json"),
            (CACHE_CONTROL, "public, max-age=300"),
        ],
        body.clone(),
    )
        .into_response()
}
