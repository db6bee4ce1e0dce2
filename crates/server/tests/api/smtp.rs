//! A real SMTP conversation: aiosmtpd (from the venv scripts/setup makes; `PER_TEST_PYTHON`;
//! `smtp_server.py`) requires authentication and receives the code e-mail into a maildir;
//! the test reads the headers, the language and both parts. A wrong password is a
//! permanent failure: the message is given up, not retried.

use crate::helpers::*;
use per_server::config::EmailChannel;
use per_server::notifier::smtp::{SmtpSecurity, SmtpSettings};
use serde_json::json;
use std::time::{Duration, Instant};

struct SmtpServer {
    child: std::process::Child,
    port: u16,
    maildir: tempfile::TempDir,
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_aiosmtpd(python: &str) -> SmtpServer {
    start_aiosmtpd_with(python, &[])
}

fn start_aiosmtpd_with(python: &str, tls: &[&std::path::Path]) -> SmtpServer {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let maildir = tempfile::tempdir().unwrap();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/api/smtp_server.py");
    let child = std::process::Command::new(python)
        .arg(script)
        .arg(port.to_string())
        .arg(maildir.path().join("mail"))
        .args(tls)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("aiosmtpd starts");
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "aiosmtpd did not listen");
        std::thread::sleep(Duration::from_millis(50));
    }
    SmtpServer {
        child,
        port,
        maildir,
    }
}

fn smtp_settings(port: u16, password: &str) -> EmailChannel {
    EmailChannel::Smtp(SmtpSettings {
        host: "127.0.0.1".to_owned(),
        port,
        security: SmtpSecurity::None,
        from: "KQZ PER <no-reply@per.example>".to_owned(),
        username: Some("per".to_owned()),
        password: Some(password.to_owned()),
        timeout_seconds: 10,
        ca_file: None,
    })
}

#[tokio::test]
async fn starttls_with_a_private_ca_then_auth() {
    let Ok(python) = std::env::var("PER_TEST_PYTHON") else {
        eprintln!("PER_TEST_PYTHON is not set (scripts/setup sets it): no SMTP server to talk to");
        return;
    };
    // A private CA, and the server's certificate signed by it.
    let certs = tempfile::tempdir().unwrap();
    let path = |name: &str| certs.path().join(name);
    let openssl = |args: &[&str]| {
        let ok = std::process::Command::new("openssl")
            .current_dir(certs.path())
            .args(args)
            .stderr(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .status()
            .expect("openssl runs")
            .success();
        assert!(ok, "openssl {args:?}");
    };
    openssl(&[
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=PER test CA",
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
    ]);
    openssl(&[
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/CN=localhost",
        "-keyout",
        "key.pem",
        "-out",
        "server.csr",
    ]);
    std::fs::write(
        path("ext.cnf"),
        "subjectAltName=DNS:localhost\nbasicConstraints=CA:FALSE\n",
    )
    .unwrap();
    openssl(&[
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-days",
        "1",
        "-extfile",
        "ext.cnf",
        "-out",
        "cert.pem",
    ]);
    let (cert, key, ca) = (path("cert.pem"), path("key.pem"), path("ca.pem"));
    let smtp = start_aiosmtpd_with(&python, &[&cert, &key]);
    let dir = tempfile::tempdir().unwrap();
    let mut config = test_config(&dir).await;
    config.email = EmailChannel::Smtp(SmtpSettings {
        host: "localhost".to_owned(),
        port: smtp.port,
        security: SmtpSecurity::Starttls,
        from: "KQZ PER <no-reply@per.example>".to_owned(),
        username: Some("per".to_owned()),
        password: Some("smtp-secret".to_owned()),
        timeout_seconds: 10,
        ca_file: Some(ca),
    });
    let app = spawn_with(config, dir).await;
    app.start_signup(PHONE, EMAIL).await;
    let delivered = app.deliver().await;
    let mut tx = app.state.store.read().await.unwrap();
    let m = tx.messages_to(EMAIL).await.unwrap();
    assert_eq!(delivered, 2, "the e-mail went over STARTTLS: {m:?}");
    let new = smtp.maildir.path().join("mail/new");
    assert_eq!(std::fs::read_dir(&new).unwrap().count(), 1);
}

#[tokio::test]
async fn a_wrong_smtp_password_is_given_up_not_retried() {
    let Ok(python) = std::env::var("PER_TEST_PYTHON") else {
        eprintln!("PER_TEST_PYTHON is not set (scripts/setup sets it): no SMTP server to talk to");
        return;
    };
    let smtp = start_aiosmtpd(&python);
    let dir = tempfile::tempdir().unwrap();
    let mut config = test_config(&dir).await;
    config.email = smtp_settings(smtp.port, "wrong");
    let app = spawn_with(config, dir).await;
    app.start_signup(PHONE, EMAIL).await;
    assert_eq!(app.deliver().await, 1, "only the SMS (dev)");
    let mut tx = app.state.store.read().await.unwrap();
    let m = &tx.messages_to(EMAIL).await.unwrap()[0];
    assert!(m.given_up && !m.has_payload, "{m:?}");
}

#[tokio::test]
async fn the_code_email_is_multipart_in_the_voters_language() {
    let Ok(python) = std::env::var("PER_TEST_PYTHON") else {
        eprintln!("PER_TEST_PYTHON is not set (scripts/setup sets it): no SMTP server to talk to");
        return;
    };
    let smtp = start_aiosmtpd(&python);
    let dir = tempfile::tempdir().unwrap();
    let mut config = test_config(&dir).await;
    config.email = smtp_settings(smtp.port, "smtp-secret");
    let app = spawn_with(config, dir).await;
    let r = app
        .post(
            "/api/signup",
            &json!({"phone": PHONE, "email": EMAIL, "language": "it"}),
        )
        .await;
    assert_eq!(r.status(), 201);
    assert_eq!(
        app.deliver().await,
        2,
        "the SMS (dev) and the e-mail (SMTP)"
    );

    let new = smtp.maildir.path().join("mail/new");
    let files: Vec<_> = std::fs::read_dir(&new).unwrap().collect();
    assert_eq!(files.len(), 1, "one e-mail received");
    let raw = std::fs::read_to_string(files[0].as_ref().unwrap().path()).unwrap();
    let (head, body) = raw.split_once("\n\n").expect("headers, then the body");
    let header = |name: &str| {
        head.lines()
            .find_map(|l| l.strip_prefix(&format!("{name}: ")))
            .unwrap_or_else(|| panic!("no {name} header in:\n{head}"))
            .to_owned()
    };
    assert_eq!(header("From"), "\"KQZ PER\" <no-reply@per.example>");
    assert_eq!(header("To"), EMAIL);
    assert_eq!(header("Subject"), "Il Suo codice PER");
    assert_eq!(header("Content-Language"), "it");
    assert!(
        header("Content-Type").starts_with("multipart/alternative"),
        "{head}"
    );
    assert!(
        body.contains("Content-Type: text/plain; charset=utf-8"),
        "{body}"
    );
    assert!(
        body.contains("Content-Type: text/html; charset=utf-8"),
        "{body}"
    );
    assert!(
        body.contains("lang=3D\"it\"") || body.contains("lang=\"it\""),
        "{body}"
    );
    let code: String = body
        .split("codice PER: ")
        .nth(1)
        .expect("the code's sentence")
        .chars()
        .take(6)
        .collect();
    assert!(code.chars().all(|c| c.is_ascii_digit()), "{code}");
    assert_eq!(
        body.matches(&format!("codice PER: {code}")).count(),
        2,
        "the code is in both parts"
    );
    assert!(body.contains("Il Suo codice PER"), "Italian text: {body}");
}
