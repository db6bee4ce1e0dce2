//! Uploads: the type by content, the size, the pixel limits, re-encoding (no metadata left),
//! PDFs by structure, sealed at rest, a bounded number per account, retries after a failure.

use crate::helpers::*;
use per_domain::UploadId;
use per_server::service::upload::{content, MAX_UPLOADS_PER_ACCOUNT};
use serde_json::Value;

async fn refused(r: reqwest::Response, status: u16) -> String {
    assert_eq!(r.status(), status);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["error"], "invalid_input", "{body}");
    assert_eq!(body["fields"][0]["field"], "upload", "{body}");
    body["fields"][0]["code"].as_str().unwrap().to_owned()
}

async fn stored(app: &TestApp, id: &str) -> Vec<u8> {
    let account = account_of(app, PHONE_E164).await;
    content(&app.state, account, &UploadId::parse(id).unwrap())
        .await
        .unwrap()
        .expect("stored")
}

#[tokio::test]
async fn uploads_need_a_session_and_a_known_kind() {
    let app = spawn_app().await;
    assert_eq!(
        app.upload("id_card_front", pdf(), "application/pdf")
            .await
            .status(),
        401
    );
    app.register(PHONE, EMAIL).await;
    let r = app.upload("selfie", pdf(), "application/pdf").await;
    assert_eq!(refused(r, 400).await, "upload_kind_invalid");
}

#[tokio::test]
async fn the_type_comes_from_the_content() {
    let app = spawn_app().await;
    app.register(PHONE, EMAIL).await;
    // A PNG named and declared as a PDF is a PNG.
    let r = app
        .client
        .post(app.url("/api/upload/passport_page"))
        .header("content-type", "application/pdf")
        .header(
            "content-disposition",
            "attachment; filename=\"passport.pdf\"",
        )
        .body(png(900, 700))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["format"], "png");
    assert_eq!(
        (v["width"].as_u64(), v["height"].as_u64()),
        (Some(900), Some(700))
    );
    // A PDF declared as a JPEG is a PDF, stored as sent.
    let r = app.upload("proof_of_address", pdf(), "image/jpeg").await;
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["format"], "pdf");
    assert_eq!(stored(&app, v["upload_id"].as_str().unwrap()).await, pdf());
    // Text is none of the three, whatever it says.
    let r = app
        .upload(
            "proof_of_address",
            b"hello, this is a PDF".to_vec(),
            "application/pdf",
        )
        .await;
    assert_eq!(refused(r, 400).await, "upload_type_unsupported");
}

#[tokio::test]
async fn a_6_mb_file_is_refused_before_it_is_read() {
    let app = spawn_app().await;
    app.register(PHONE, EMAIL).await;
    let mut big = pdf();
    big.resize(6 * 1024 * 1024, b' ');
    let r = app.upload("proof_of_address", big, "application/pdf").await;
    assert_eq!(refused(r, 413).await, "upload_too_large");
}

#[tokio::test]
async fn polyglots_are_refused() {
    let app = spawn_app().await;
    app.register(PHONE, EMAIL).await;
    // A JPEG with a PDF after it: two files in one.
    let mut both = jpeg(800, 600);
    both.extend(pdf());
    let r = app.upload("id_card_front", both, "image/jpeg").await;
    assert_eq!(refused(r, 400).await, "upload_type_unsupported");
    // A ZIP or a PNG appended after the JPEG's end, even behind opaque padding.
    for sig in [
        &b"PK\x03\x04\x14\0\0\0"[..],
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
    ] {
        let mut both = jpeg(800, 600);
        both.extend([0u8; 64]);
        both.extend(sig);
        both.extend([7u8; 200]);
        let r = app.upload("id_card_front", both, "image/jpeg").await;
        assert_eq!(refused(r, 400).await, "upload_type_unsupported");
    }
    // A PDF hiding a script.
    let active = String::from_utf8(pdf()).unwrap().replace(
        "/Type /Catalog",
        "/Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >>",
    );
    let r = app
        .upload("proof_of_address", active.into_bytes(), "application/pdf")
        .await;
    assert_eq!(refused(r, 400).await, "upload_type_unsupported");
}

#[tokio::test]
async fn an_opaque_trailer_after_a_jpeg_is_accepted_and_dropped() {
    let app = spawn_app().await;
    app.register(PHONE, EMAIL).await;
    // A phone's trailer after EOI (Samsung-like, with 0xFF bytes and a fake EOI in it),
    // after a JPEG whose comment segment holds an EOI of its own (as a thumbnail would).
    let exif = with_gps_exif(&jpeg(1000, 750));
    let comment = b"thumb \xFF\xD8\xFF\xD9 end";
    let mut plain = exif[..2].to_vec();
    plain.extend([0xFF, 0xFE]);
    plain.extend((comment.len() as u16 + 2).to_be_bytes());
    plain.extend(comment);
    plain.extend(&exif[2..]);
    let mut trailed = plain.clone();
    let trailer: Vec<u8> = b"SEFH\0\0\x01\xFF\xD9\xFF\xFF\0\x10trailer-data"
        .iter()
        .copied()
        .chain((0..4000u32).map(|i| (i * 31 % 251) as u8))
        .chain(*b"SEFT")
        .collect();
    trailed.extend(&trailer);
    let id = app.upload_id("id_card_front", trailed).await;
    let kept = stored(&app, &id).await;
    assert!(image::load_from_memory(&kept).is_ok(), "still a picture");
    assert!(kept.ends_with(&[0xFF, 0xD9]), "ends at its EOI");
    assert!(!kept.windows(4).any(|w| w == b"SEFH" || w == b"SEFT"));
    assert!(
        !kept.windows(64).any(|w| w == &trailer[16..80]),
        "no trailer"
    );
    // The walk finds the real end: the JPEG without the trailer.
    assert_eq!(
        per_server::service::upload::jpeg_end(&plain[..]),
        Some(plain.len())
    );
    let mut with = plain.clone();
    with.extend(&trailer);
    assert_eq!(
        per_server::service::upload::jpeg_end(&with),
        Some(plain.len())
    );
}

#[tokio::test]
async fn truncated_and_bomb_images_are_refused_and_a_retry_works() {
    let app = spawn_app().await;
    app.register(PHONE, EMAIL).await;
    let whole = jpeg(1200, 800);
    let half = whole[..whole.len() / 2].to_vec();
    let r = app.upload("id_card_front", half, "image/jpeg").await;
    assert_eq!(refused(r, 400).await, "upload_corrupt");
    let started = std::time::Instant::now();
    let r = app.upload("id_card_front", png_bomb(), "image/png").await;
    assert_eq!(refused(r, 400).await, "upload_dimensions");
    assert!(started.elapsed().as_secs() < 5, "refused before decoding");
    let r = app
        .upload("id_card_front", jpeg(300, 200), "image/jpeg")
        .await;
    assert_eq!(
        refused(r, 400).await,
        "upload_dimensions",
        "too small to read"
    );
    // The failures stored nothing; the retry goes through.
    let id = app.upload_id("id_card_front", whole).await;
    assert!(stored(&app, &id).await.starts_with(&[0xFF, 0xD8, 0xFF]));
}

#[tokio::test]
async fn gps_metadata_is_gone_after_storage_and_the_file_is_sealed() {
    let app = spawn_app().await;
    app.register(PHONE, EMAIL).await;
    let tagged = with_gps_exif(&jpeg(1000, 750));
    assert!(tagged.windows(4).any(|w| w == b"Exif"));
    let id = app.upload_id("id_card_back", tagged).await;
    let kept = stored(&app, &id).await;
    assert!(image::load_from_memory(&kept).is_ok(), "still a picture");
    assert!(!kept.windows(4).any(|w| w == b"Exif"), "no EXIF");
    assert!(
        !kept.windows(24).any(|w| w == GPS_LATITUDE),
        "no GPS position"
    );
    // At rest it is sealed: the database holds neither the JPEG nor the re-encoded one.
    let all = sqlite_bytes(&app);
    assert!(!all
        .windows(kept.len().min(64))
        .any(|w| w == &kept[..kept.len().min(64)]));
}

#[tokio::test]
async fn uploads_per_account_are_bounded() {
    let app = spawn_app().await;
    app.register(PHONE, EMAIL).await;
    for _ in 0..MAX_UPLOADS_PER_ACCOUNT {
        app.upload_id("proof_of_address", pdf()).await;
    }
    let r = app
        .upload("proof_of_address", pdf(), "application/pdf")
        .await;
    assert_eq!(refused(r, 400).await, "upload_too_many");
}

#[tokio::test]
async fn an_upload_is_described_to_its_voter_only() {
    let app = spawn_app().await;
    app.register(PHONE, EMAIL).await;
    let id = app.upload_id("passport_page", jpeg(1000, 700)).await;
    let v: Value = app
        .get(&format!("/api/upload/{id}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(v["kind"], "passport_page");
    assert_eq!(v["format"], "jpeg");
    assert_eq!(v["width"], 1000);
    let stranger = TestApp {
        address: app.address.clone(),
        database_url: app.database_url.clone(),
        client: new_client(),
        state: app.state.clone(),
        dir: tempfile::tempdir().unwrap(),
    };
    stranger
        .register("+39 333 765 4321", "arben.leka@example.it")
        .await;
    assert_eq!(
        stranger.get(&format!("/api/upload/{id}")).await.status(),
        404
    );
    assert_eq!(app.get("/api/upload/not-an-id").await.status(), 404);
}
