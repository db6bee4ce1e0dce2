//! `/my-request`: where the voter's request stands (submitted, under review, approved,
//! rejected with coded reasons each linking to the answer to fix, correction requested,
//! withdrawn), "apply again" with every answer pre-filled, withdrawing; the account: the
//! password change, signing out here or everywhere.

use leptos::prelude::*;
use leptos::task::spawn_local;
use per_client::api::{self, ApiFailure};
use per_client::components::{ErrorSummary, PageHeading};
use per_client::draft::{self, KeyValue, WebStore};
use per_client::form::{self, ErrorItem, Step};
use per_client::i18n::{self, t, tr, use_lang, Key};
use per_client::nav;
use per_domain::api::{ErrorKind, RequestView};
use per_domain::{Date, RejectionReason, RequestStatus, Route};

use crate::texts::AKey;

/// Where the answer behind a rejection reason is changed (`None`: no answer can fix it).
pub fn fix_link(reason: RejectionReason) -> Option<String> {
    let route = Route::of_fix(reason.fix()?)?;
    Some(match route {
        // The face capture is its own step, not a "change" of the check page.
        Route::Face => route.path().to_owned(),
        _ => [route.path(), "?change"].concat(),
    })
}

/// Whether the voter is asked to change answers (and so sees a fix link per reason).
pub fn needs_fixing(status: RequestStatus) -> bool {
    matches!(
        status,
        RequestStatus::Rejected | RequestStatus::CorrectionRequested
    )
}

/// Before opening the request to fix or re-apply: this tab's old draft is dropped, so the
/// request pages load the server's, pre-filled from the request.
fn prepare_draft() {
    if let Some(s) = WebStore::session() {
        s.remove(draft::REQUEST_KEY);
    }
}

/// What the page knows so far.
#[derive(Debug, Clone, PartialEq)]
enum Load {
    Loading,
    Request(RequestView),
    /// No request yet: where to continue (the face step or the request's steps).
    NoRequest {
        next: Route,
    },
    NotSignedIn,
    Failed(ApiFailure),
}

/// `2026-11-21T10:00:00Z` as `21.11.2026` (the time is not needed here).
pub fn display_date(rfc3339: &str) -> String {
    match rfc3339.get(..10) {
        // `YYYY-MM-DD`, checked to be a real date.
        Some(d) if Date::parse(d).is_ok() => [&d[8..], ".", &d[5..7], ".", &d[..4]].concat(),
        _ => rfc3339.to_owned(),
    }
}

async fn load() -> Load {
    let unauthorized = |f: &ApiFailure| f.kind() == Some(ErrorKind::Unauthorized);
    match api::my_request().await {
        Ok(Some(view)) => Load::Request(view),
        Ok(None) => match api::me().await {
            Ok(me) => Load::NoRequest {
                next: if me.face_captured {
                    Route::RequestResume
                } else {
                    Route::Face
                },
            },
            Err(f) if unauthorized(&f) => Load::NotSignedIn,
            Err(f) => Load::Failed(f),
        },
        Err(f) if unauthorized(&f) => Load::NotSignedIn,
        Err(f) => Load::Failed(f),
    }
}

#[component]
pub fn MyRequest() -> impl IntoView {
    let lang = use_lang();
    let state = RwSignal::new(Load::Loading);
    let errors = RwSignal::new(Vec::<ErrorItem>::new());
    let confirming = RwSignal::new(false);
    spawn_local(async move { state.set(load().await) });

    let sign_out = move |everywhere: bool| {
        spawn_local(async move {
            let done = if everywhere {
                api::sign_out_everywhere().await
            } else {
                api::sign_out().await
            };
            match done {
                Ok(()) | Err(ApiFailure::Api { .. }) => {
                    draft::forget_all_here();
                    // The start page is another entry: a full page load.
                    nav::go(Route::Start);
                }
                Err(f) => errors.set(form::from_failure(
                    &f,
                    Step::MyRequest,
                    form::input_id,
                    None,
                )),
            }
        });
    };

    let withdraw = move |_| {
        spawn_local(async move {
            match api::withdraw().await {
                Ok(view) => {
                    confirming.set(false);
                    errors.set(Vec::new());
                    state.set(Load::Request(view));
                }
                Err(f) => errors.set(form::from_failure(
                    &f,
                    Step::MyRequest,
                    form::input_id,
                    None,
                )),
            }
        });
    };

    let body = move || {
        match state.get() {
        Load::Loading => view! { <p role="status">{tr(Key::Loading)}</p> }.into_any(),
        Load::NotSignedIn => view! {
            <p id="not-signed-in">{tr(Key::NotSignedIn)}</p>
            <p><a href=Route::SignIn.path() class="button">{tr(Key::SignIn)}</a></p>
        }
        .into_any(),
        Load::NoRequest { next } => view! {
            <p id="no-request">{tr(Key::NoRequest)}</p>
            <p><a href=next.path() rel=nav::rel(next) class="button" id="continue-registration">{tr(Key::ContinueRegistration)}</a></p>
        }
        .into_any(),
        Load::Failed(f) => {
            let msgs = form::from_failure(&f, Step::MyRequest, form::input_id, None);
            view! {
                <div class="warning" role="alert">
                    {msgs.into_iter().map(|m| view! { <p>{move || m.msg.render(lang.get())}</p> }).collect_view()}
                </div>
            }
            .into_any()
        }
        Load::Request(view) => {
            let code = view.status.code();
            let status = view.status;
            let reasons = view.reasons.clone();
            let fixable = needs_fixing(status);
            view! {
                <dl class="summary-list">
                    <div class="summary-list__row">
                        <dt>{tr(Key::ReferenceLabel)}</dt>
                        <dd><strong id="request-reference" class="reference">{view.reference.as_str().to_owned()}</strong></dd>
                    </div>
                    <div class="summary-list__row">
                        <dt>{tr(Key::StatusLabel)}</dt>
                        <dd>
                            <strong id="request-status" class=["tag tag--", code].concat() data-status=code>
                                {move || i18n::status(lang.get(), status)}
                            </strong>
                        </dd>
                    </div>
                    <div class="summary-list__row">
                        <dt>{tr(Key::SubmittedAt)}</dt>
                        <dd>{display_date(&view.submitted_at)}</dd>
                    </div>
                    {view.decided_at.map(|d| view! {
                        <div class="summary-list__row">
                            <dt>{tr(Key::DecidedAt)}</dt>
                            <dd>{display_date(&d)}</dd>
                        </div>
                    })}
                </dl>
                {view.document_expired.then(|| view! { <p class="warning" id="document-expired">{tr(Key::DocumentExpiredNote)}</p> })}
                {(status == RequestStatus::Approved).then(|| view! { <p id="approved-next">{tr(Key::ApprovedNext)}</p> })}
                {(!reasons.is_empty()).then(|| view! {
                    <h2 class="heading-m">{tr(Key::ReasonsTitle)}</h2>
                    <ul class="list list--bullet" id="request-reasons">
                        {reasons.into_iter().map(|r| view! {
                            <li data-reason=r.code()>
                                {move || i18n::reason(lang.get(), r)}
                                {fix_link(r).filter(|_| fixable).map(|href| view! {
                                    " "
                                    <a href=href class="fix-link" rel="external" on:click=move |_| prepare_draft()>
                                        {tr(Key::FixAnswer)}
                                    </a>
                                })}
                            </li>
                        }).collect_view()}
                    </ul>
                })}
                {(status == RequestStatus::CorrectionRequested).then(|| view! {
                    <p>{tr(Key::CorrectionLead)}</p>
                    <p>
                        <a href=Route::RequestCheck.path() rel="external" class="button" id="correct-answers" on:click=move |_| prepare_draft()>
                            {tr(Key::CorrectAnswers)}
                        </a>
                    </p>
                })}
                // A correction is made on the same request ("correct your answers"): a second
                // button for a new one would leave the voter to guess which to press.
                {(view.can_reapply && status != RequestStatus::CorrectionRequested).then(|| view! {
                    <p>{tr(Key::ApplyAgainLead)}</p>
                    <p>
                        <a href=Route::RequestCheck.path() rel="external" class="button" id="apply-again" on:click=move |_| prepare_draft()>
                            {tr(Key::ApplyAgain)}
                        </a>
                    </p>
                })}
                {view.can_withdraw.then(|| view! {
                    <h2 class="heading-m">{tr(Key::WithdrawTitle)}</h2>
                    <p>{tr(Key::WithdrawLead)}</p>
                    <Show
                        when=move || confirming.get()
                        fallback=move || view! {
                            <p><button type="button" class="button button--secondary" id="withdraw" on:click=move |_| confirming.set(true)>{tr(Key::Withdraw)}</button></p>
                        }
                    >
                        <div class="warning" role="alert">
                            <p>{tr(Key::WithdrawConfirmLead)}</p>
                            <p>
                                <button type="button" class="button" id="withdraw-confirm" on:click=withdraw>{tr(Key::WithdrawConfirm)}</button>
                                " "
                                <button type="button" class="button button--secondary" id="withdraw-cancel" on:click=move |_| confirming.set(false)>{tr(Key::WithdrawCancel)}</button>
                            </p>
                        </div>
                    </Show>
                })}
            }
            .into_any()
        }
    }
    };

    view! {
        <ErrorSummary errors=errors/>
        <PageHeading key=Key::MyRequestTitle/>
        {super::Notice::view_or(None)}
        {body}
        <Show when=move || !matches!(state.get(), Load::NotSignedIn | Load::Loading)>
            <h2 class="heading-m">{tr(AKey::AccountTitle)}</h2>
            <p><a href=Route::ChangePassword.path() id="change-password">{tr(AKey::ChangeTitle)}</a></p>
            <p>
                <button type="button" class="button button--secondary" id="sign-out" on:click=move |_| sign_out(false)>
                    {move || t(lang.get(), Key::SignOut)}
                </button>
            </p>
            <p>{tr(AKey::SignOutEverywhereLead)}</p>
            <p>
                <button type="button" class="button button--secondary" id="sign-out-everywhere" on:click=move |_| sign_out(true)>
                    {tr(AKey::SignOutEverywhere)}
                </button>
            </p>
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_reason_links_to_the_answer_that_fixes_it() {
        for (reason, link) in [
            (RejectionReason::FaceMismatch, Some("/register/face")),
            (
                RejectionReason::AddressMismatch,
                Some("/request/address?change"),
            ),
            (
                RejectionReason::ProofOfAddressUnreadable,
                Some("/request/proof?change"),
            ),
            (
                RejectionReason::IdentityMismatch,
                Some("/request/document?change"),
            ),
            (
                RejectionReason::DocumentUnreadable,
                Some("/request/photo?change"),
            ),
            (RejectionReason::NotEligible, None),
            (RejectionReason::Duplicate, None),
        ] {
            assert_eq!(fix_link(reason).as_deref(), link, "{reason:?}");
        }
    }

    #[test]
    fn only_rejections_and_corrections_ask_for_fixes() {
        assert!(needs_fixing(RequestStatus::Rejected));
        assert!(needs_fixing(RequestStatus::CorrectionRequested));
        for s in [
            RequestStatus::Submitted,
            RequestStatus::UnderReview,
            RequestStatus::Approved,
            RequestStatus::Withdrawn,
        ] {
            assert!(!needs_fixing(s), "{s:?}");
        }
    }

    #[test]
    fn dates_are_shown_day_first() {
        assert_eq!(display_date("2026-11-21T10:00:00Z"), "21.11.2026");
        assert_eq!(display_date("2026-01-05"), "05.01.2026");
        assert_eq!(display_date("garbage"), "garbage");
    }
}
