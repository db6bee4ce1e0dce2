//! The tamper-evident audit log: who viewed or decided what, when. Each entry's hash covers
//! its fields and the previous entry's hash (SHA-256), so editing, removing or reordering
//! any row breaks the chain from there on; `per-server audit verify` walks it. Entries are
//! appended in the transaction of what they record, and name personal data only by keyed
//! hashes ([`crate::crypto::Keys::mac`]).

use crate::crypto::Keys;
use crate::store::{AuditRow, Store, StoreError, Tx, Unix};
use sha2::{Digest, Sha256};

/// The hash before the first entry.
pub const GENESIS: [u8; 32] = [0; 32];

/// What an entry records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    SignIn,
    SignInFailed,
    SignInLocked,
    SignOut,
    ViewRequest,
    ViewImage,
    Assign,
    Release,
    Decide,
    Reverse,
    Export,
}

impl Action {
    pub fn code(self) -> &'static str {
        match self {
            Action::SignIn => "sign_in",
            Action::SignInFailed => "sign_in_failed",
            Action::SignInLocked => "sign_in_locked",
            Action::SignOut => "sign_out",
            Action::ViewRequest => "view_request",
            Action::ViewImage => "view_image",
            Action::Assign => "assign",
            Action::Release => "release",
            Action::Decide => "decide",
            Action::Reverse => "reverse",
            Action::Export => "export",
        }
    }
}

/// The chain's hash of one entry.
pub fn entry_hash(
    seq: i64,
    at: Unix,
    actor: &str,
    action: &str,
    subject: &str,
    detail_hash: &[u8],
    prev_hash: &[u8],
) -> Vec<u8> {
    let mut h = Sha256::new();
    h.update(seq.to_be_bytes());
    h.update(at.to_be_bytes());
    // Length-prefixed, so no two field splits hash alike.
    for part in [
        actor.as_bytes(),
        action.as_bytes(),
        subject.as_bytes(),
        detail_hash,
        prev_hash,
    ] {
        h.update((part.len() as u64).to_be_bytes());
        h.update(part);
    }
    h.finalize().to_vec()
}

/// Appends one entry in the caller's transaction. `detail` (personal data allowed) is kept
/// only as its keyed hash.
pub async fn append(
    tx: &mut Tx,
    keys: &Keys,
    now: Unix,
    actor: &str,
    action: Action,
    subject: &str,
    detail: &[u8],
) -> Result<(), StoreError> {
    let last = tx.lock_audit_chain(now).await?;
    let (seq, prev_hash) = match last {
        Some((seq, hash)) => (seq + 1, hash),
        None => (1, GENESIS.to_vec()),
    };
    let detail_hash = keys.mac(&[b"audit detail", detail]);
    let hash = entry_hash(
        seq,
        now,
        actor,
        action.code(),
        subject,
        &detail_hash,
        &prev_hash,
    );
    tx.insert_audit(&AuditRow {
        seq,
        at: now,
        actor: actor.to_owned(),
        action: action.code().to_owned(),
        subject: subject.to_owned(),
        detail_hash,
        prev_hash,
        hash,
    })
    .await
}

/// The outcome of walking the chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verified {
    Intact {
        entries: u64,
    },
    /// The first entry whose hash, link or number is wrong.
    Broken {
        seq: i64,
    },
}

/// Walks the whole chain, a thousand entries at a time.
pub async fn verify(store: &Store) -> Result<Verified, StoreError> {
    let mut tx = store.read().await?;
    let mut prev = GENESIS.to_vec();
    let mut expected_seq = 1;
    let mut entries = 0u64;
    loop {
        let rows = tx.audit_rows(expected_seq - 1, 1000).await?;
        if rows.is_empty() {
            return Ok(Verified::Intact { entries });
        }
        for r in rows {
            let hash = entry_hash(
                r.seq,
                r.at,
                &r.actor,
                &r.action,
                &r.subject,
                &r.detail_hash,
                &r.prev_hash,
            );
            if r.seq != expected_seq || r.prev_hash != prev || r.hash != hash {
                return Ok(Verified::Broken {
                    seq: expected_seq.min(r.seq),
                });
            }
            prev = r.hash;
            expected_seq += 1;
            entries += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_changes_the_hash() {
        let base = entry_hash(1, 10, "ana", "decide", "PER-1", b"d", &GENESIS);
        for other in [
            entry_hash(2, 10, "ana", "decide", "PER-1", b"d", &GENESIS),
            entry_hash(1, 11, "ana", "decide", "PER-1", b"d", &GENESIS),
            entry_hash(1, 10, "anb", "decide", "PER-1", b"d", &GENESIS),
            entry_hash(1, 10, "ana", "decidf", "PER-1", b"d", &GENESIS),
            entry_hash(1, 10, "ana", "decide", "PER-2", b"d", &GENESIS),
            entry_hash(1, 10, "ana", "decide", "PER-1", b"e", &GENESIS),
            entry_hash(1, 10, "ana", "decide", "PER-1", b"d", &[1; 32]),
            entry_hash(1, 10, "an", "adecide", "PER-1", b"d", &GENESIS),
        ] {
            assert_ne!(base, other);
        }
    }
}
