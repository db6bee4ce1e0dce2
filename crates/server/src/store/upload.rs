//! Uploaded documents: their kind and checked format in clear, their content sealed.

use super::{on_tx, on_tx_rows, parsed, AccountId, StoreError, StoreResult, Tx, Unix};
use per_domain::{UploadFormat, UploadId, UploadKind};

/// An upload to store, its content already checked and sealed.
#[derive(Debug)]
pub struct NewUpload<'a> {
    pub id: &'a UploadId,
    pub account: AccountId,
    pub kind: UploadKind,
    pub format: UploadFormat,
    pub bytes: i64,
    pub width: Option<i64>,
    pub height: Option<i64>,
    pub content_sealed: &'a [u8],
    pub created_at: Unix,
}

/// A stored upload, without its content.
#[derive(Debug, Clone)]
pub struct StoredUpload {
    pub id: UploadId,
    pub kind: UploadKind,
    pub format: UploadFormat,
    pub bytes: i64,
    pub width: Option<i64>,
    pub height: Option<i64>,
}

type UploadRow = (String, String, String, i64, Option<i64>, Option<i64>);

impl Tx {
    pub async fn insert_upload(&mut self, u: &NewUpload<'_>) -> StoreResult<()> {
        on_tx_rows!(self, c => sqlx::query(
            "INSERT INTO uploads
               (id, account_id, kind, format, bytes, width, height, content_sealed, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(u.id.as_str())
        .bind(u.account.0)
        .bind(u.kind.code())
        .bind(u.format.code())
        .bind(u.bytes)
        .bind(u.width)
        .bind(u.height)
        .bind(u.content_sealed)
        .bind(u.created_at)
        .execute(&mut *c)
        .await)?;
        Ok(())
    }

    pub async fn upload_count(&mut self, account: AccountId) -> StoreResult<i64> {
        Ok(on_tx!(self, c => sqlx::query_scalar(
            "SELECT COUNT(*) FROM uploads WHERE account_id = $1",
        )
        .bind(account.0)
        .fetch_one(&mut *c)
        .await)?)
    }

    /// An upload of this account, if it exists.
    pub async fn upload(
        &mut self,
        account: AccountId,
        id: &UploadId,
    ) -> StoreResult<Option<StoredUpload>> {
        let row: Option<UploadRow> = on_tx!(self, c => sqlx::query_as(
            "SELECT id, kind, format, bytes, width, height FROM uploads
             WHERE account_id = $1 AND id = $2",
        )
        .bind(account.0)
        .bind(id.as_str())
        .fetch_optional(&mut *c)
        .await)?;
        row.map(|(id, kind, format, bytes, width, height)| {
            Ok(StoredUpload {
                id: parsed("upload id", UploadId::parse(&id))?,
                kind: parsed("upload kind", UploadKind::parse(&kind))?,
                format: UploadFormat::from_code(&format)
                    .ok_or(StoreError::Corrupt("upload format"))?,
                bytes,
                width,
                height,
            })
        })
        .transpose()
    }

    /// The sealed content of an upload of this account.
    pub async fn upload_content(
        &mut self,
        account: AccountId,
        id: &UploadId,
    ) -> StoreResult<Option<Vec<u8>>> {
        Ok(on_tx!(self, c => sqlx::query_scalar(
            "SELECT content_sealed FROM uploads WHERE account_id = $1 AND id = $2",
        )
        .bind(account.0)
        .bind(id.as_str())
        .fetch_optional(&mut *c)
        .await)?)
    }
}
