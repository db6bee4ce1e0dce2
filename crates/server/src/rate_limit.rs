//! The API's rate limits in front of every `/api` route: a token bucket per client address
//! (IPv6 by its /64, which one subscriber usually holds whole) and one for the whole process
//! (`governor`'s GCRA, in memory: each process counts its own). Beyond either, the answer is
//! 429 `too_many_requests` with `Retry-After`, before anything else runs.

use crate::config::Limits;
use crate::error::AppError;
use crate::extract::client_ip;
use crate::state::AppState;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultDirectRateLimiter, DefaultKeyedRateLimiter, Quota};
use std::net::IpAddr;
use std::num::NonZeroU32;

/// The two buckets (`[limits] api_per_address_*`, `api_global_*`).
#[derive(Debug)]
pub struct ApiLimiter {
    per_address: DefaultKeyedRateLimiter<IpAddr>,
    global: DefaultDirectRateLimiter,
}

/// Which bucket refused a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    Address { retry_after_seconds: u32 },
    Global { retry_after_seconds: u32 },
}

fn quota(per_minute: u32, burst: u32) -> Quota {
    let one = NonZeroU32::MIN;
    Quota::per_minute(NonZeroU32::new(per_minute).unwrap_or(one))
        .allow_burst(NonZeroU32::new(burst).unwrap_or(one))
}

/// The bucket's key of an address: IPv4 whole, IPv6 its /64 (an IPv4-mapped one as IPv4).
pub fn address_key(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => ip,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let mut o = v6.octets();
                o[8..].fill(0);
                IpAddr::V6(o.into())
            }
        },
    }
}

impl ApiLimiter {
    pub fn new(limits: &Limits) -> ApiLimiter {
        ApiLimiter {
            per_address: DefaultKeyedRateLimiter::keyed(quota(
                limits.api_per_address_per_minute,
                limits.api_per_address_burst,
            )),
            global: DefaultDirectRateLimiter::direct(quota(
                limits.api_global_per_minute,
                limits.api_global_burst,
            )),
        }
    }

    /// Takes one request from the address's bucket, then from the global one (an address
    /// over its own limit spends nothing of the others').
    pub fn check(&self, ip: IpAddr) -> Result<(), Refused> {
        let seconds = |wait: std::time::Duration| {
            // Whole seconds, rounded up: a client that waits that long is let through.
            (wait.as_millis().div_ceil(1000)).clamp(1, u128::from(u32::MAX)) as u32
        };
        if let Err(not_until) = self.per_address.check_key(&address_key(ip)) {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            return Err(Refused::Address {
                retry_after_seconds: seconds(wait),
            });
        }
        if let Err(not_until) = self.global.check() {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            return Err(Refused::Global {
                retry_after_seconds: seconds(wait),
            });
        }
        Ok(())
    }

    /// Forgets the addresses whose buckets are full again (the housekeeping calls it), so
    /// the map does not grow with every address ever seen.
    pub fn forget_idle(&self) {
        self.per_address.retain_recent();
        self.per_address.shrink_to_fit();
    }
}

/// The middleware: the client's address as the sign-up limits take it (`extract::client_ip`,
/// `behind_proxy`), then [`ApiLimiter::check`].
pub async fn limit(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    let ip = match client_ip(&state, &parts) {
        Ok(ip) => ip,
        Err(e) => return e.into_response(),
    };
    match state.api_limiter.check(ip) {
        Ok(()) => next.run(Request::from_parts(parts, body)).await,
        Err(Refused::Address {
            retry_after_seconds,
        }) => {
            tracing::info!(
                event = "api_rate_limit",
                scope = "address",
                retry_after_seconds,
                "request refused: too many from one address"
            );
            AppError::TooMany {
                retry_after_seconds,
            }
            .into_response()
        }
        Err(Refused::Global {
            retry_after_seconds,
        }) => {
            tracing::warn!(
                event = "api_rate_limit",
                scope = "global",
                retry_after_seconds,
                "request refused: the process's API budget is spent"
            );
            AppError::TooMany {
                retry_after_seconds,
            }
            .into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bucket_holds_its_burst_and_ipv6_counts_by_its_64() {
        let limits = Limits {
            api_per_address_burst: 2,
            api_per_address_per_minute: 1,
            ..Limits::default()
        };
        let limiter = ApiLimiter::new(&limits);
        let a: IpAddr = "203.0.113.1".parse().unwrap();
        assert_eq!(limiter.check(a), Ok(()));
        assert_eq!(limiter.check(a), Ok(()));
        assert!(matches!(limiter.check(a), Err(Refused::Address { .. })));
        assert_eq!(
            address_key("2001:db8:1:2::1".parse().unwrap()),
            address_key("2001:db8:1:2:ffff::9".parse().unwrap())
        );
        assert_eq!(address_key("::ffff:203.0.113.1".parse().unwrap()), a);
    }
}
