//! `/review/requests/{reference}`: one request side by side (two columns on a desktop,
//! stacked on a phone): the face frame and the liveness verdict, the document photos and
//! the proof (each enlarged by a click or a key, a PDF as a link), the entered data next
//! to the civil registry's (mismatches marked in words and symbols, not by colour alone),
//! the address, duplicates as links and the history; "take this request", the decision
//! form, and the supervisor's reverse form.

use super::Problem;
use crate::api;
use crate::session::use_session;
use crate::texts::{rt, rtr, status_key, RKey};
use crate::wire::{DecisionForm, DecisionKind, RequestDetail, ReverseForm};
use leptos::prelude::*;
use leptos::task::spawn_local;
use per_client::components::PageHeading;
use per_client::i18n::{fill, use_lang};
use per_domain::{Field, Problem, RejectionReason, RequestStatus, Route};

/// What is wrong with a decision before it is sent: the domain's own parse (the server
/// runs it again), one message for the first problem.
pub fn form_problem(
    decision: DecisionKind,
    reasons: &[RejectionReason],
    note: &str,
    reverse: bool,
) -> Option<RKey> {
    let (reasons, note) = (reasons.to_vec(), note.to_owned());
    let parsed = if reverse {
        ReverseForm {
            decision,
            reasons,
            note,
        }
        .parse()
    } else {
        DecisionForm {
            decision,
            reasons,
            note,
        }
        .parse()
    };
    let problems = parsed.err()?;
    let first = problems.first()?;
    Some(match (first.field, first.code) {
        (Field::Reasons, _) => RKey::ErrReasonsNeeded,
        (Field::Note, Problem::Required) => RKey::ErrNoteNeeded,
        (Field::Note, _) => RKey::ErrNoteTooLong,
        _ => RKey::ErrInvalid,
    })
}

fn decision_key(d: DecisionKind) -> RKey {
    match d {
        DecisionKind::Approve => RKey::DecisionApprove,
        DecisionKind::Reject => RKey::DecisionReject,
        DecisionKind::RequestCorrection => RKey::DecisionCorrection,
    }
}

/// Whether a request is decided (and so may be reversed by a supervisor).
fn decided(s: RequestStatus) -> bool {
    matches!(
        s,
        RequestStatus::Approved | RequestStatus::Rejected | RequestStatus::CorrectionRequested
    )
}

#[component]
pub fn RequestPage(reference: String) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let detail = RwSignal::new(None::<RequestDetail>);
    let message = RwSignal::new(None::<RKey>);
    let notice = RwSignal::new(None::<String>);
    let reference = StoredValue::new(reference);

    let load = move || {
        spawn_local(async move {
            match api::detail(&reference.get_value()).await {
                Ok(d) => detail.set(Some(d)),
                Err(f) => message.set(Some(f.key())),
            }
        });
    };
    load();

    let mine = move || {
        let me = session
            .official
            .with(|o| o.as_ref().map(|o| o.login.clone()));
        detail.with(|d| {
            d.as_ref()
                .is_some_and(|d| d.item.assigned_to.is_some() && d.item.assigned_to == me)
        })
    };

    let take = move |_| {
        spawn_local(async move {
            match api::assign(&reference.get_value()).await {
                Ok(()) => {
                    message.set(None);
                    load();
                }
                Err(f) => {
                    message.set(Some(f.key()));
                    load();
                }
            }
        });
    };
    let release = move |_| {
        spawn_local(async move {
            match api::release(&reference.get_value()).await {
                Ok(()) => load(),
                Err(f) => message.set(Some(f.key())),
            }
        });
    };

    let done = Callback::new(move |s: String| {
        notice.set(Some(s));
        load();
    });
    let body = move || {
        detail.get().map(|d| {
            let l = lang.get();
            let item = d.item.clone();
            let status_text = rt(l, status_key(item.status));
            let holder = match (&item.assigned_to, mine()) {
                (_, true) => view! { <p class="review-hold" id="assignment">{rt(l, RKey::TakenByYou)}</p>
                    <button type="button" class="button button--secondary button--inline" id="release" on:click=release>{rt(l, RKey::ReleaseRequest)}</button> }.into_any(),
                (Some(other), false) => view! { <p class="review-hold" id="assignment">{fill(&rt(l, RKey::TakenByOther), None, Some(other))}</p> }.into_any(),
                (None, false) if decided(item.status) => ().into_any(),
                (None, false) => view! {
                    <button type="button" class="button button--inline" id="take" on:click=take>{rt(l, RKey::TakeRequest)}</button>
                }.into_any(),
            };
            let can_take_again = item.assigned_to.is_some() && !mine() && !decided(item.status);
            // The decision form to the holder; the reverse form to a supervisor once decided.
            let form = if mine() && !decided(item.status) {
                Some(false)
            } else if session.is_supervisor() && decided(item.status) {
                Some(true)
            } else {
                None
            };
            view! {
                <p class="review-meta">
                    <span class="reference" id="request-reference">{item.reference.clone()}</span> " "
                    <span class=["tag tag--", item.status.code()].concat() id="request-status" data-status=item.status.code()>{status_text}</span>
                </p>
                <div class="review-actions">{holder}{can_take_again.then(|| view! {
                    <button type="button" class="button button--secondary button--inline" id="take" on:click=take>{rt(l, RKey::TakeRequest)}</button>
                })}</div>
                <div class="review-grid">
                    <div class="review-col">
                        <section aria-labelledby="face-title">
                            <h2 class="heading-m" id="face-title">{rt(l, RKey::FaceTitle)}</h2>
                            <div inner_html=crate::html::face(l, &d.face, &d.face.frame.as_deref().map(api::image_url).unwrap_or_default())></div>
                        </section>
                        <Documents ids=d.documents.clone() proof_kind=d.proof_kind.clone()/>
                    </div>
                    <div class="review-col">
                        <div inner_html=crate::html::details(l, &d)></div>
                        {form.map(|reverse| view! {
                            <DecisionSection reference=reference.get_value() reverse done message/>
                        })}
                    </div>
                </div>
            }
        })
    };

    view! {
        <a href=Route::ReviewQueue.path() class="back-link" id="back-to-queue">{rtr(RKey::BackToQueue)}</a>
        <Problem message/>
        {move || notice.get().map(|n| view! { <div class="panel review-notice" role="status" id="decision-notice"><p>{n}</p></div> })}
        <PageHeading key=RKey::RequestTitle/>
        {body}
    }
}

/// One document: an image enlarged by a click (or Enter/Space: it is a button), or, when
/// the file is no image (a PDF proof), a link that opens it.
#[component]
fn DocumentView(id: String, n: u32) -> impl IntoView {
    let lang = use_lang();
    let big = RwSignal::new(false);
    let not_image = RwSignal::new(false);
    let url = api::image_url(&id);
    move || {
        let l = lang.get();
        let label = fill(
            &rt(
                l,
                if big.get() {
                    RKey::Shrink
                } else {
                    RKey::Enlarge
                },
            ),
            Some(n),
            None,
        );
        if not_image.get() {
            return view! {
                <li><a href=url.clone() target="_blank" rel="noopener" class="review-pdf" data-document=n>
                    {fill(&rt(l, RKey::OpenPdf), Some(n), None)}</a></li>
            }.into_any();
        }
        view! {
            <li>
                <button type="button" class="review-zoom" aria-expanded=move || big.get().to_string()
                    aria-label=label data-document=n on:click=move |_| big.update(|b| *b = !*b)>
                    <img src=url.clone() alt=fill(&rt(l, RKey::DocumentAlt), Some(n), None)
                        class=move || if big.get() { "review-doc review-doc--full" } else { "review-doc" }
                        on:error=move |_| not_image.set(true)/>
                </button>
            </li>
        }.into_any()
    }
}

#[component]
fn Documents(ids: Vec<String>, proof_kind: String) -> impl IntoView {
    let lang = use_lang();
    let list = ids
        .into_iter()
        .zip(1u32..)
        .map(|(id, n)| view! { <DocumentView id n/> })
        .collect_view();
    view! {
        <section aria-labelledby="documents-title">
            <h2 class="heading-m" id="documents-title">{rtr(RKey::DocumentsTitle)}</h2>
            <ul class="review-docs" id="documents">{list}</ul>
            <p>{move || rt(lang.get(), RKey::ProofKind)} ": " <span id="proof-kind">{proof_kind}</span></p>
        </section>
    }
}

/// The decision form (or, with `reverse`, the supervisor's reverse form: a note required).
/// Its fields are static HTML ([`crate::html::decision_fields`]), read on submit.
#[component]
fn DecisionSection(
    reference: String,
    reverse: bool,
    done: Callback<String>,
    message: RwSignal<Option<RKey>>,
) -> impl IntoView {
    let lang = use_lang();
    let busy = RwSignal::new(false);
    let prefix: &'static str = if reverse { "reverse" } else { "decision" };
    let reference = StoredValue::new(reference);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let id = |tail: &str| [prefix, "-", tail].concat();
        let Some(kind) = DecisionKind::ALL
            .into_iter()
            .find(|k| crate::dom_checked(&id(&k.code().replace('_', "-"))))
        else {
            message.set(Some(RKey::ErrInvalid));
            return;
        };
        let chosen: Vec<RejectionReason> = if kind == DecisionKind::Approve {
            Vec::new()
        } else {
            RejectionReason::ALL
                .into_iter()
                .filter(|r| {
                    crate::dom_checked(&id(&["reason-", &r.code().replace('_', "-")].concat()))
                })
                .collect()
        };
        let text = crate::dom_value(&id("note"));
        if let Some(p) = form_problem(kind, &chosen, &text, reverse) {
            message.set(Some(p));
            return;
        }
        busy.set(true);
        spawn_local(async move {
            let r = reference.get_value();
            let answer = if reverse {
                api::reverse(
                    &r,
                    &ReverseForm {
                        decision: kind,
                        reasons: chosen,
                        note: text,
                    },
                )
                .await
            } else {
                api::decide(
                    &r,
                    &DecisionForm {
                        decision: kind,
                        reasons: chosen,
                        note: text,
                    },
                )
                .await
            };
            busy.set(false);
            match answer {
                Ok(()) => {
                    message.set(None);
                    let l = lang.get_untracked();
                    done.run(fill(
                        &rt(l, RKey::DecisionSent),
                        None,
                        Some(&rt(l, decision_key(kind))),
                    ));
                }
                Err(f) => message.set(Some(f.key())),
            }
        });
    };

    let title = if reverse {
        RKey::ReverseTitle
    } else {
        RKey::DecisionTitle
    };
    let send = if reverse {
        RKey::SendReverse
    } else {
        RKey::SendDecision
    };
    view! {
        <section class="review-decision" aria-labelledby=[prefix, "-title"].concat()>
            <h2 class="heading-m" id=[prefix, "-title"].concat()>{rtr(title)}</h2>
            <form novalidate on:submit=on_submit id=[prefix, "-form"].concat()>
                <div inner_html=move || crate::html::decision_fields(lang.get(), prefix, reverse)></div>
                <button type="submit" class="button" id=[prefix, "-submit"].concat() aria-disabled=move || busy.get().then_some("true")>
                    {move || if busy.get() { rtr(RKey::Sending)() } else { rtr(send)() }}
                </button>
            </form>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use per_domain::api::review::NOTE_MAX;

    #[test]
    fn a_rejection_needs_a_reason_and_a_reversal_a_note() {
        use RejectionReason::AddressMismatch as A;
        assert_eq!(form_problem(DecisionKind::Approve, &[], "", false), None);
        assert_eq!(
            form_problem(DecisionKind::Reject, &[], "", false),
            Some(RKey::ErrReasonsNeeded)
        );
        assert_eq!(
            form_problem(DecisionKind::RequestCorrection, &[A], "", false),
            None
        );
        assert_eq!(
            form_problem(DecisionKind::Reject, &[A], " ", true),
            Some(RKey::ErrNoteNeeded)
        );
        let long = "x".repeat(NOTE_MAX + 1);
        assert_eq!(
            form_problem(DecisionKind::Approve, &[], &long, false),
            Some(RKey::ErrNoteTooLong)
        );
    }
}
