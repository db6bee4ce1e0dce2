//! The registration window: new requests are accepted between its configured open and close
//! instants (in 2025: 120 to 68 days before polling day).

use crate::clock::rfc3339;
use crate::state::AppState;
use per_domain::api::WindowView;

/// Whether registration is open now.
pub fn is_open(state: &AppState) -> bool {
    state.window.is_open(state.clock.now())
}

/// The window and the server's clock, for the app's countdown.
pub fn view(state: &AppState) -> WindowView {
    let now = state.clock.now();
    WindowView {
        opens_at: state.window.opens_at.map(rfc3339),
        closes_at: state.window.closes_at.map(rfc3339),
        now: rfc3339(now),
        open: state.window.is_open(now),
    }
}
