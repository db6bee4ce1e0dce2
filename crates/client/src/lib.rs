//! The shared client library of PER's entry pages (each its own HTML page and wasm bundle,
//! see `per_domain::Entry`): texts in five languages, the API client, drafts, the page frame
//! and start-up, components, form errors and the camera.
//!
//! Logic lives in plain modules tested natively (`i18n`, `form`, `api` decoding, `draft`,
//! `camera` sizing, `nav`); components stay thin. Lower modules call nothing above them: what
//! they need from the top (fetching a language file, forgetting drafts on a 401, remembering a
//! language) is given by [`shell::start`].
#![cfg_attr(test, allow(clippy::unwrap_used))]

pub mod api;
pub mod camera;
pub mod components;
pub mod dom;
pub mod draft;
pub mod form;
pub mod i18n;
pub mod idle;
pub mod nav;
pub mod registration;
pub mod request;
pub mod shell;
pub mod submit;
pub mod upload;
