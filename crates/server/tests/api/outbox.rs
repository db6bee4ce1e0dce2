//! The transactional outbox: each message delivered once, its payload erased; the SMS
//! gateway retried with backoff until it answers; codes past their life never sent.

use crate::gateway::Gateway;
use crate::helpers::*;
use per_server::config::SmsChannel;
use per_server::notifier::sms::SmsSettings;
use per_server::service::signup::CODE_TTL_SECONDS;

async fn messages(app: &TestApp, destination: &str) -> Vec<per_server::store::MessageState> {
    let mut tx = app.state.store.read().await.unwrap();
    tx.messages_to(destination).await.unwrap()
}

#[tokio::test]
async fn every_message_is_delivered_once_and_its_payload_erased() {
    let app = spawn_app().await;
    app.start_signup(PHONE, EMAIL).await;
    let queued = messages(&app, PHONE_E164).await;
    assert_eq!(queued.len(), 1, "the code's SMS is in the outbox");
    assert!(queued[0].has_payload && !queued[0].delivered);
    assert_eq!(app.deliver().await, 2, "an SMS and an e-mail");
    assert_eq!(app.deliver().await, 0, "nothing is sent twice");
    let sent = messages(&app, PHONE_E164).await;
    assert!(sent[0].delivered && !sent[0].has_payload, "{sent:?}");
    assert_eq!(app.delivered_to(PHONE_E164).await.len(), 1);
}

#[tokio::test]
async fn the_sms_gateway_is_retried_with_backoff_until_it_answers() {
    let gateway = Gateway::start(2, 0).await;
    let dir = tempfile::tempdir().unwrap();
    let mut config = test_config(&dir).await;
    config.sms = SmsChannel::Gateway(SmsSettings {
        url: gateway.url.clone(),
        token: Some("gateway-token".to_owned()),
        timeout_seconds: 5,
    });
    let app = spawn_with(config, dir).await;
    app.start_signup(PHONE, EMAIL).await;

    assert_eq!(
        app.deliver().await,
        1,
        "the e-mail goes; the gateway answers 503"
    );
    let m = &messages(&app, PHONE_E164).await[0];
    assert_eq!((m.attempts, m.delivered), (1, false));
    assert_eq!(app.deliver().await, 0, "not before the backoff");
    assert_eq!(gateway.received().len(), 1);

    app.state.clock.advance(5);
    assert_eq!(app.deliver().await, 0, "503 again");
    app.state.clock.advance(9);
    assert_eq!(app.deliver().await, 0, "the second wait is 10 s");
    app.state.clock.advance(1);
    assert_eq!(app.deliver().await, 1, "the third try is accepted");
    let m = &messages(&app, PHONE_E164).await[0];
    assert_eq!((m.attempts, m.delivered, m.has_payload), (3, true, false));

    let received = gateway.received();
    let answers: Vec<u16> = received.iter().map(|r| r.answered.as_u16()).collect();
    assert_eq!(answers, vec![503, 503, 202]);
    for r in &received {
        assert_eq!(r.token.as_deref(), Some("gateway-token"));
        assert_eq!(r.body["to"], PHONE_E164);
        assert_eq!(r.body["language"], "sq");
        let text = r.body["text"].as_str().unwrap();
        assert!(text.starts_with("Kodi juaj PER: "), "{text}");
    }
}

#[tokio::test]
async fn a_code_past_its_life_is_erased_unsent() {
    let gateway = Gateway::start(usize::MAX, 0).await;
    let dir = tempfile::tempdir().unwrap();
    let mut config = test_config(&dir).await;
    config.sms = SmsChannel::Gateway(SmsSettings {
        url: gateway.url.clone(),
        token: None,
        timeout_seconds: 5,
    });
    let app = spawn_with(config, dir).await;
    app.start_signup(PHONE, EMAIL).await;
    app.deliver().await;
    app.state.clock.advance(CODE_TTL_SECONDS);
    app.deliver().await;
    let m = &messages(&app, PHONE_E164).await[0];
    assert!(
        m.given_up && !m.delivered && !m.has_payload,
        "the code is gone from the outbox: {m:?}"
    );
}

#[tokio::test]
async fn a_gateway_that_does_not_answer_is_a_timeout_and_retried() {
    let gateway = Gateway::start(0, 1).await;
    let dir = tempfile::tempdir().unwrap();
    let mut config = test_config(&dir).await;
    config.sms = SmsChannel::Gateway(SmsSettings {
        url: gateway.url.clone(),
        token: None,
        timeout_seconds: 1,
    });
    let app = spawn_with(config, dir).await;
    app.start_signup(PHONE, EMAIL).await;
    assert_eq!(app.deliver().await, 1, "the SMS times out; the e-mail goes");
    let m = &messages(&app, PHONE_E164).await[0];
    assert_eq!((m.attempts, m.delivered, m.has_payload), (1, false, true));
    app.state.clock.advance(5);
    assert_eq!(app.deliver().await, 1, "the retry is answered");
    let answers: Vec<u16> = gateway
        .received()
        .iter()
        .map(|r| r.answered.as_u16())
        .collect();
    assert_eq!(answers, vec![408, 202]);
}
