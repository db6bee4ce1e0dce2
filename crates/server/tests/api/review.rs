//! The review console: officials' sign-in (password + TOTP or a recovery code, lockout,
//! idle timeout), the queue, the assignment race, decisions and reversals by role, the
//! audit chain and its tamper detection, the public statistics, and who can reach what.

use crate::helpers::*;
use per_domain::api::review::{OfficialLogin, Role};
use per_server::service::audit::{self, Verified};
use per_server::service::review::officials::{self, Enrolment};
use reqwest::{Client, Response};
use serde_json::{json, Value};

const OFFICIAL_PASSWORD: &str = "Gjirokaster-Kalaja-77";

async fn official(app: &TestApp, login: &str, role: Role) -> Enrolment {
    let password = per_domain::Password::parse(OFFICIAL_PASSWORD).unwrap();
    officials::add(
        &app.state.store,
        &app.state.keys,
        &OfficialLogin::parse(login).unwrap(),
        "Test Official",
        role,
        &password,
        app.state.clock.now(),
    )
    .await
    .unwrap()
    .expect("a new login")
}

fn code_now(app: &TestApp, e: &Enrolment) -> String {
    officials::totp_code(&e.secret_base32, app.state.clock.now()).unwrap()
}

async fn sign_in_with(
    app: &TestApp,
    c: &Client,
    login: &str,
    password: &str,
    code: &str,
) -> Response {
    c.post(app.url("/api/review/sign-in"))
        .json(&json!({"login": login, "password": password, "code": code}))
        .send()
        .await
        .unwrap()
}

/// A new client signed in as a new official of `role`.
async fn signed_in_official(app: &TestApp, login: &str, role: Role) -> Client {
    let e = official(app, login, role).await;
    let c = new_client();
    let r = sign_in_with(app, &c, login, OFFICIAL_PASSWORD, &code_now(app, &e)).await;
    assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());
    c
}

async fn error_of(r: Response) -> (u16, String) {
    let status = r.status().as_u16();
    let body: Value = r.json().await.unwrap_or(json!({}));
    (status, body["error"].as_str().unwrap_or("").to_owned())
}

/// The voter (app.client) submits a request; its reference.
async fn submitted(app: &TestApp) -> String {
    app.ready(PHONE, EMAIL).await;
    let body = app.request_body("0123456789abcdef0123").await;
    let r = app.post("/api/request", &body).await;
    assert_eq!(r.status(), 201, "{}", r.text().await.unwrap());
    let v: Value = r.json().await.unwrap();
    v["reference"].as_str().unwrap().to_owned()
}

async fn audit_actions(app: &TestApp) -> Vec<(String, String)> {
    let mut tx = app.state.store.read().await.unwrap();
    tx.audit_rows(0, 10_000)
        .await
        .unwrap()
        .into_iter()
        .map(|r| (r.actor, r.action))
        .collect()
}

#[tokio::test]
async fn officials_sign_in_with_password_and_totp_or_a_recovery_code() {
    let app = spawn_app().await;
    let e = official(&app, "ana.reviewer", Role::Reviewer).await;
    assert!(e
        .otpauth_uri
        .starts_with("otpauth://totp/PER:ana.reviewer?secret="));
    assert_eq!(e.recovery_codes.len(), 10);
    let c = new_client();

    // A wrong code, a wrong password, an unknown login: one answer.
    let code = code_now(&app, &e);
    let wrong = format!("{:06}", (code.parse::<u32>().unwrap() + 1) % 1_000_000);
    for (login, password, code) in [
        ("ana.reviewer", OFFICIAL_PASSWORD, wrong.as_str()),
        ("ana.reviewer", "not-the-password", code.as_str()),
        ("nobody", OFFICIAL_PASSWORD, code.as_str()),
    ] {
        let r = sign_in_with(&app, &c, login, password, code).await;
        assert_eq!(error_of(r).await, (401, "sign_in_failed".into()), "{login}");
    }
    let r = sign_in_with(&app, &c, "ana.reviewer", OFFICIAL_PASSWORD, &code).await;
    assert_eq!(r.status(), 200);
    let cookie = r.headers()["set-cookie"].to_str().unwrap().to_owned();
    for part in [
        "per_review=",
        "HttpOnly",
        "SameSite=Strict",
        "Path=/api/review",
    ] {
        assert!(cookie.contains(part), "{part} in {cookie}");
    }
    let view: Value = r.json().await.unwrap();
    assert_eq!(view["role"], "reviewer");
    assert_eq!(view["idle_timeout_seconds"], 900);
    let me = c.get(app.url("/api/review/me")).send().await.unwrap();
    assert_eq!(me.status(), 200);

    // The same code again, within its window: refused (the step is spent).
    let other = new_client();
    let r = sign_in_with(&app, &other, "ana.reviewer", OFFICIAL_PASSWORD, &code).await;
    assert_eq!(error_of(r).await, (401, "sign_in_failed".into()));
    // A recovery code works once.
    let recovery = e.recovery_codes[3].to_uppercase();
    let r = sign_in_with(&app, &other, "ana.reviewer", OFFICIAL_PASSWORD, &recovery).await;
    assert_eq!(r.status(), 200);
    let third = new_client();
    let r = sign_in_with(&app, &third, "ana.reviewer", OFFICIAL_PASSWORD, &recovery).await;
    assert_eq!(error_of(r).await, (401, "sign_in_failed".into()));
    // A code of the next step (clock skew of one step) is accepted.
    let next = officials::totp_code(&e.secret_base32, app.state.clock.now() + 30).unwrap();
    let r = sign_in_with(&app, &third, "ana.reviewer", OFFICIAL_PASSWORD, &next).await;
    assert_eq!(r.status(), 200);

    // 15 idle minutes end the session; activity keeps it.
    app.state.clock.advance(14 * 60);
    assert_eq!(
        c.get(app.url("/api/review/me"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    app.state.clock.advance(14 * 60);
    assert_eq!(
        c.get(app.url("/api/review/me"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    app.state.clock.advance(15 * 60 + 1);
    let r = c.get(app.url("/api/review/me")).send().await.unwrap();
    assert_eq!(error_of(r).await, (401, "signed_out".into()));

    // Every sign-in, failed or not, is in the audit log; unknown logins only hashed.
    let actions = audit_actions(&app).await;
    let count = |a: &str| actions.iter().filter(|(_, x)| x == a).count();
    assert_eq!(count("sign_in"), 3, "{actions:?}");
    assert_eq!(count("sign_in_failed"), 5, "{actions:?}");
    assert!(actions.iter().all(|(actor, _)| actor != "nobody"));
    assert_eq!(
        audit::verify(&app.state.store).await.unwrap(),
        Verified::Intact {
            entries: actions.len() as u64
        }
    );
}

#[tokio::test]
async fn five_wrong_sign_ins_lock_the_login_before_argon2_runs() {
    let app = spawn_app().await;
    let e = official(&app, "lock.me", Role::Reviewer).await;
    let c = new_client();
    let runs = || {
        app.state
            .argon2_runs
            .load(std::sync::atomic::Ordering::Relaxed)
    };
    let before = runs();
    for _ in 0..5 {
        let r = sign_in_with(&app, &c, "lock.me", "wrong-password-1", "123456").await;
        assert_eq!(r.status(), 401);
    }
    for _ in 0..3 {
        let r = sign_in_with(&app, &c, "lock.me", OFFICIAL_PASSWORD, &code_now(&app, &e)).await;
        assert_eq!(error_of(r).await, (429, "too_many_requests".into()));
    }
    assert_eq!(runs() - before, 5, "locked attempts never reach Argon2id");
    app.state.clock.advance(15 * 60 + 1);
    let r = sign_in_with(&app, &c, "lock.me", OFFICIAL_PASSWORD, &code_now(&app, &e)).await;
    assert_eq!(r.status(), 200);
}

#[tokio::test]
async fn two_reviewers_race_for_a_request_and_only_the_holder_decides() {
    let app = spawn_app().await;
    let reference = submitted(&app).await;
    let ana = signed_in_official(&app, "ana", Role::Reviewer).await;
    let ben = signed_in_official(&app, "ben", Role::Reviewer).await;

    // The queue: oldest first, the 5-day clock, the country, the filters.
    let page: Value = ana
        .get(app.url("/api/review/queue?status=submitted&country=IT"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(page["total"], 1, "{page}");
    let item = &page["items"][0];
    assert_eq!(item["reference"], reference.as_str());
    assert_eq!(item["country"], "IT");
    assert_eq!(item["overdue"], false);
    assert!(item["due_at"].as_str().unwrap().ends_with('Z'));
    assert_eq!(item["assigned_to"], Value::Null);
    for q in [
        "country=DE",
        "status=approved",
        "min_age_days=1",
        "flag=assisted_route",
    ] {
        let p: Value = ana
            .get(app.url(&format!("/api/review/queue?{q}")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(p["total"], 0, "{q}: {p}");
    }
    let r = ana
        .get(app.url("/api/review/queue?zone=13"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);

    // Both take it at once: exactly one wins.
    let path = app.url(&format!("/api/review/requests/{reference}/assign"));
    let (a, b) = tokio::join!(ana.post(&path).send(), ben.post(&path).send());
    let (a, b) = (error_of(a.unwrap()).await, error_of(b.unwrap()).await);
    let (winner, loser) = match (a.0, b.0) {
        (200, 409) => (&ana, &ben),
        (409, 200) => (&ben, &ana),
        other => panic!("one wins, one is refused: {other:?} {a:?} {b:?}"),
    };
    assert!(a.1 == "assigned_to_other" || b.1 == "assigned_to_other");
    // The voter sees it under review.
    let view: Value = app.get("/api/request").await.json().await.unwrap();
    assert_eq!(view["status"], "under_review");
    // The holder renews; the other is still refused.
    assert_eq!(winner.post(&path).send().await.unwrap().status(), 200);
    let r = loser.post(&path).send().await.unwrap();
    assert_eq!(error_of(r).await, (409, "assigned_to_other".into()));

    // Only the holder decides.
    let decision = app.url(&format!("/api/review/requests/{reference}/decision"));
    let reject = json!({"decision": "reject", "reasons": ["address_mismatch"], "note": "street"});
    let r = loser.post(&decision).json(&reject).send().await.unwrap();
    assert_eq!(error_of(r).await, (409, "not_assigned".into()));
    let r = winner
        .post(&decision)
        .json(&json!({"decision": "reject", "reasons": []}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let r = winner.post(&decision).json(&reject).send().await.unwrap();
    assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());
    let made: Value = r.json().await.unwrap();
    assert_eq!(made["status"], "rejected");
    let view: Value = app.get("/api/request").await.json().await.unwrap();
    assert_eq!(view["status"], "rejected");
    assert_eq!(view["reasons"], json!(["address_mismatch"]));
    assert_eq!(
        app.deliver().await,
        2,
        "an SMS and an e-mail, from the same transaction"
    );
    // Decided: no second decision.
    let r = winner.post(&decision).json(&reject).send().await.unwrap();
    assert_eq!(error_of(r).await.0, 409);

    // A reviewer cannot reverse; a supervisor can, with a note.
    let reverse = app.url(&format!("/api/review/requests/{reference}/reverse"));
    let approve = json!({"decision": "approve", "reasons": [], "note": "registry corrected"});
    let r = winner.post(&reverse).json(&approve).send().await.unwrap();
    assert_eq!(error_of(r).await, (403, "forbidden_role".into()));
    let sup = signed_in_official(&app, "sara.sup", Role::Supervisor).await;
    let r = sup
        .post(&reverse)
        .json(&json!({"decision": "approve", "reasons": [], "note": " "}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400, "a reversal needs a note");
    let r = sup.post(&reverse).json(&approve).send().await.unwrap();
    assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());
    let view: Value = app.get("/api/request").await.json().await.unwrap();
    assert_eq!(view["status"], "approved");

    let actions = audit_actions(&app).await;
    for (actor, action) in [("ana", "sign_in"), ("sara.sup", "reverse")] {
        assert!(
            actions.contains(&(actor.into(), action.into())),
            "{actions:?}"
        );
    }
    assert_eq!(actions.iter().filter(|(_, a)| a == "decide").count(), 1);
    assert!(actions.iter().filter(|(_, a)| a == "assign").count() >= 2);

    // Statistics, public: one submitted, approved.
    let r = new_client()
        .get(app.url("/api/statistics"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["cache-control"], "public, max-age=60");
    let s: Value = r.json().await.unwrap();
    assert_eq!(s["total"]["submitted"], 1, "{s}");
    assert_eq!(s["total"]["approved"], 1, "{s}");
    assert_eq!(s["by_country"][0]["key"], "IT");
}

#[tokio::test]
async fn an_edited_audit_row_breaks_the_chain_at_its_seq() {
    let app = spawn_app().await;
    for login in ["ana1", "ana2", "ana3"] {
        signed_in_official(&app, login, Role::Reviewer).await;
    }
    assert_eq!(
        audit::verify(&app.state.store).await.unwrap(),
        Verified::Intact { entries: 3 }
    );
    let sql = "UPDATE audit_log SET actor = 'someone-else' WHERE seq = 2";
    match &app.database_url {
        Some(url) => {
            use sqlx::Connection;
            let mut c = sqlx::PgConnection::connect(url).await.unwrap();
            sqlx::query(sql).execute(&mut c).await.unwrap();
        }
        None => {
            use sqlx::Connection;
            let path = app.dir.path().join("per.sqlite");
            let mut c = sqlx::SqliteConnection::connect(&format!("sqlite:{}", path.display()))
                .await
                .unwrap();
            sqlx::query(sql).execute(&mut c).await.unwrap();
        }
    }
    assert_eq!(
        audit::verify(&app.state.store).await.unwrap(),
        Verified::Broken { seq: 2 }
    );
    if app.database_url.is_none() {
        // The command says so and exits 1.
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_per-server"))
            .args(["--dev", "--data-dir"])
            .arg(app.dir.path())
            .args(["audit", "verify"])
            .env_remove("DATABASE_URL")
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(1), "{stdout}");
        assert!(stdout.contains("broken at seq 2"), "{stdout}");
    }
}

#[tokio::test]
async fn review_endpoints_refuse_voters_strangers_and_other_sites() {
    let app = spawn_app().await;
    let reference = submitted(&app).await;
    let endpoints = [
        ("GET", "/api/review/me".to_owned()),
        ("GET", "/api/review/queue".to_owned()),
        ("POST", format!("/api/review/requests/{reference}/assign")),
        ("DELETE", format!("/api/review/requests/{reference}/assign")),
        ("POST", format!("/api/review/requests/{reference}/decision")),
        ("POST", format!("/api/review/requests/{reference}/reverse")),
    ];
    let body = json!({"decision": "approve", "reasons": [], "note": "x"});
    // app.client holds the voter's session cookie: it opens nothing here.
    for client in [&app.client, &new_client()] {
        for (method, path) in &endpoints {
            let r = client
                .request(method.parse().unwrap(), app.url(path))
                .json(&body)
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 401, "{method} {path}");
        }
    }
    // A cross-site POST is refused before anything else, signed in or not.
    let ana = signed_in_official(&app, "ana", Role::Administrator).await;
    let r = ana
        .post(app.url(&format!("/api/review/requests/{reference}/assign")))
        .header("sec-fetch-site", "cross-site")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    let r = new_client()
        .post(app.url("/api/review/sign-in"))
        .header("origin", "https://evil.example")
        .json(&json!({"login": "ana", "password": "x", "code": "123456"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    // Unknown references are 404, not someone else's request.
    let r = ana
        .post(app.url("/api/review/requests/PER-0000-0000/assign"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    // A disabled official's session ends at once.
    officials::disable(&app.state.store, &OfficialLogin::parse("ana").unwrap())
        .await
        .unwrap();
    let r = ana.get(app.url("/api/review/me")).send().await.unwrap();
    assert_eq!(r.status(), 401);
}

#[tokio::test]
async fn a_request_side_by_side_and_its_images_only_for_officials_and_audited() {
    let app = spawn_app().await;
    let reference = submitted(&app).await;
    // An upload of the voter that no request names.
    let stray = app.upload_id("proof_of_address", pdf()).await;
    let ana = signed_in_official(&app, "ana", Role::Reviewer).await;
    let r = ana
        .get(app.url(&format!("/api/review/requests/{reference}")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());
    let d: Value = r.json().await.unwrap();
    assert_eq!(d["item"]["reference"], reference.as_str());
    assert!(d["identity"]
        .as_array()
        .unwrap()
        .contains(&json!(["surname", "Çela"])));
    assert!(d["address"]
        .as_array()
        .unwrap()
        .contains(&json!(["city", "Milano"])));
    assert_eq!(d["proof_kind"], "rental_contract");
    let registry = d["registry"].as_array().unwrap();
    assert_eq!(registry.len(), 4);
    assert_eq!(registry[0]["field"], "personal_number");
    // No registry loaded in this test: every field is not found.
    assert!(
        registry.iter().all(|f| f["result"] == "not_found"),
        "{registry:?}"
    );
    assert_eq!(d["face"]["route"], "live");
    let frame = d["face"]["frame"].as_str().unwrap().to_owned();
    let documents: Vec<String> = d["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect();
    assert_eq!(documents.len(), 3);
    assert_eq!(d["history"], json!([]));

    for id in documents.iter().chain([&frame]) {
        let r = ana
            .get(app.url(&format!("/api/review/images/{id}")))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{id}");
        assert_eq!(r.headers()["cache-control"], "no-store");
        let media = r.headers()["content-type"].to_str().unwrap().to_owned();
        let bytes = r.bytes().await.unwrap();
        if id == &frame {
            assert_eq!(media, "image/jpeg");
            assert!(bytes.starts_with(&[0xFF, 0xD8]));
        } else {
            assert_eq!(media, "application/pdf");
            assert!(bytes.starts_with(b"%PDF"));
        }
    }
    let nothing = per_server::crypto::new_upload_id();
    for id in [
        stray.as_str(),
        nothing.as_str(),
        "face-PER-0000-0000",
        "not-an-id",
    ] {
        let r = ana
            .get(app.url(&format!("/api/review/images/{id}")))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 404, "{id}");
    }
    // Neither the voter nor a stranger reaches them.
    for c in [&app.client, &new_client()] {
        let r = c
            .get(app.url(&format!("/api/review/images/{}", documents[0])))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 401);
    }
    let actions = audit_actions(&app).await;
    let count = |a: &str| actions.iter().filter(|(_, x)| x == a).count();
    assert_eq!(count("view_request"), 1);
    assert_eq!(count("view_image"), 4);
}

async fn load_registry(app: &TestApp) {
    per_server::service::registry::TableRegistry::new(
        app.state.store.clone(),
        app.state.keys.clone(),
    )
    .load_csv(
        "personal_number,first_name,surname,date_of_birth,sex,municipality,zone\n\
             J05415123A,Ëndra,Çela,1990-04-15,F,Tiranë,Tiranë\n",
    )
    .await
    .unwrap();
}

/// The voter submits; `holder` assigns and decides.
async fn decided(app: &TestApp, holder: &Client, reference: &str, decision: Value) {
    let r = holder
        .post(app.url(&format!("/api/review/requests/{reference}/assign")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let r = holder
        .post(app.url(&format!("/api/review/requests/{reference}/decision")))
        .json(&decision)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());
}

#[tokio::test]
async fn administrators_export_the_approved_voters_of_a_zone() {
    let app = spawn_app().await;
    load_registry(&app).await;
    let reference = submitted(&app).await;
    let admin = signed_in_official(&app, "admin", Role::Administrator).await;
    let reviewer = signed_in_official(&app, "rev", Role::Reviewer).await;
    let sup = signed_in_official(&app, "sup", Role::Supervisor).await;
    // The registry found the NID: zone 11 (Tiranë), no mismatch flag.
    let page: Value = reviewer
        .get(app.url("/api/review/queue?zone=11"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(page["total"], 1, "{page}");
    assert_eq!(page["items"][0]["zone"], 11);
    assert_eq!(page["items"][0]["flags"], json!([]));
    decided(&app, &reviewer, &reference, json!({"decision": "approve"})).await;

    let url = app.url("/api/review/export/approved.csv?zone=11");
    for c in [&reviewer, &sup] {
        let r = c.get(&url).send().await.unwrap();
        assert_eq!(error_of(r).await, (403, "forbidden_role".into()));
    }
    let r = admin.get(&url).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    assert_eq!(r.headers()["cache-control"], "no-store");
    let csv = r.text().await.unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 2, "{csv}");
    assert!(lines[0].starts_with("reference,zone,first_name,surname,country"));
    assert_eq!(
        lines[1],
        format!("{reference},11,Ëndra,Çela,IT,Milano,20121,Via Roma 12,,")
    );
    let other: String = admin
        .get(app.url("/api/review/export/approved.csv?zone=3"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(other.lines().count(), 1, "only the header: {other}");
    let r = admin
        .get(app.url("/api/review/export/approved.csv"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let actions = audit_actions(&app).await;
    assert_eq!(
        actions.iter().filter(|(_, a)| a == "export").count(),
        2,
        "{actions:?}"
    );
    let s: Value = new_client()
        .get(app.url("/api/statistics"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(s["by_zone"][0]["key"], "11");
    assert_eq!(s["by_zone"][0]["approved"], 1);
}

#[tokio::test]
async fn face_frames_and_documents_are_shredded_after_the_retention_time() {
    use per_server::service::housekeeping::shred;
    let app = spawn_app().await;
    let reference = submitted(&app).await;
    let ana = signed_in_official(&app, "ana", Role::Reviewer).await;
    let d: Value = ana
        .get(app.url(&format!("/api/review/requests/{reference}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let document = d["documents"][0].as_str().unwrap().to_owned();
    // Undecided: nothing goes, however old.
    app.state.clock.advance(40 * 86_400);
    assert_eq!(shred(&app.state).await.unwrap().documents, 0);
    let ana = signed_in_official(&app, "ana2", Role::Reviewer).await;
    decided(
        &app,
        &ana,
        &reference,
        json!({"decision": "reject", "reasons": ["not_eligible"]}),
    )
    .await;
    // 29 days after the decision: kept; 30 days and a second: deleted.
    app.state.clock.advance(29 * 86_400);
    let kept = shred(&app.state).await.unwrap();
    assert_eq!((kept.face_frames, kept.documents), (0, 0));
    app.state.clock.advance(86_400 + 1);
    let gone = shred(&app.state).await.unwrap();
    assert_eq!((gone.face_frames, gone.documents), (1, 3), "{gone:?}");
    let ana = signed_in_official(&app, "ana3", Role::Reviewer).await;
    let r = ana
        .get(app.url(&format!("/api/review/images/{document}")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    let d: Value = ana
        .get(app.url(&format!("/api/review/requests/{reference}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(d["face"]["frame"], Value::Null);
    assert_eq!(d["history"][0]["decision"], "rejected");
    assert_eq!(d["history"][0]["by"], "ana2");
    // The sealed bytes are gone from the file too.
    let mut tx = app.state.store.read().await.unwrap();
    assert!(tx.upload_anywhere(&document).await.unwrap().is_none());
}

#[tokio::test]
async fn statistics_are_public_and_computed_at_most_once_a_minute() {
    let app = spawn_app().await;
    let total = |s: Value| s["total"]["submitted"].as_u64().unwrap();
    let get = || async {
        let r = new_client()
            .get(app.url("/api/statistics"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        assert_eq!(r.headers()["cache-control"], "public, max-age=60");
        r.json::<Value>().await.unwrap()
    };
    assert_eq!(total(get().await), 0);
    submitted(&app).await;
    assert_eq!(total(get().await), 0, "served from the minute's cache");
    app.state.clock.advance(61);
    let s = get().await;
    assert_eq!(total(s.clone()), 1);
    assert_eq!(s["total"]["pending"], 1);
    assert_eq!(s["by_country"][0]["key"], "IT");
}
