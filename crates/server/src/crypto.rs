//! The server's secrets: random tokens and codes, hashes, Argon2id passwords, sealed data.
//!
//! One 32-byte master key (from `PER_DATA_KEY`, or in development a file made on first run)
//! derives the HMAC key for codes and identifiers and the XChaCha20-Poly1305 key for data at
//! rest. Each key has a key id (from its fingerprint) written into every sealed value, so
//! keys can be rotated: `PER_DATA_KEY_PREVIOUS` (comma-separated) still opens older values.
//! Key material is zeroized when dropped.

use crate::config::Argon2Cost;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hmac::{Hmac, Mac};
use per_domain::{OneTimeCode, SecretToken};
use rand::rngs::OsRng;
use rand::RngCore;
use sha2::{Digest, Sha256};
use std::path::Path;
use zeroize::Zeroizing;

type HmacSha256 = Hmac<Sha256>;

/// The format of sealed values: 1 = XChaCha20-Poly1305 under the `per/seal/v1` key;
/// 2 = the same, with the 4-byte key id after the version byte.
const SEAL_V1: u8 = 1;
const SEAL_V2: u8 = 2;

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("PER_DATA_KEY must be 32 bytes in base64")]
    BadEnvKey,
    #[error("the key file {0} is not 32 bytes in base64")]
    BadKeyFile(String),
    #[error("PER_DATA_KEY_PREVIOUS must be keys of 32 bytes in base64, comma-separated")]
    BadPreviousKey,
    #[error("cannot read or write the key file: {0}")]
    Io(#[from] std::io::Error),
}

/// Where the master key came from: production accepts only the environment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeySource {
    Environment,
    /// `data.key` in the data directory (made by an earlier development run).
    File,
    /// Made just now, into `data.key`.
    Generated,
}

#[derive(Debug, thiserror::Error)]
#[error("sealed data could not be opened (wrong key or tampered)")]
pub struct OpenError;

/// The keys derived from one master key, and its id.
#[derive(Clone, zeroize::Zeroize, zeroize::ZeroizeOnDrop)]
struct KeySet {
    id: [u8; 4],
    mac: [u8; 32],
    seal: [u8; 32],
}

/// The derived keys: the current set and older ones that still open sealed values. `Debug`
/// prints the key id only.
#[derive(Clone)]
pub struct Keys {
    current: KeySet,
    previous: Vec<KeySet>,
    argon2: Argon2Cost,
    source: KeySource,
}

impl std::fmt::Debug for Keys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Keys(id {}, ***)", self.key_id())
    }
}

impl KeySet {
    fn derive(master: &[u8; 32]) -> KeySet {
        let derive = |label: &[u8]| -> [u8; 32] {
            let mut mac = <HmacSha256 as Mac>::new_from_slice(master).expect("any key length");
            mac.update(label);
            mac.finalize().into_bytes().into()
        };
        let fingerprint = derive(b"per/key-id/v1");
        KeySet {
            id: [
                fingerprint[0],
                fingerprint[1],
                fingerprint[2],
                fingerprint[3],
            ],
            mac: derive(b"per/mac/v1"),
            seal: derive(b"per/seal/v1"),
        }
    }
}

impl Keys {
    /// Reads `PER_DATA_KEY`, else `data_dir/data.key`, else makes that file (mode 0600); and
    /// `PER_DATA_KEY_PREVIOUS`. See [`Keys::source`].
    pub fn load(data_dir: &Path, argon2: Argon2Cost) -> Result<Keys, KeyError> {
        let mut previous = Vec::new();
        if let Ok(list) = std::env::var("PER_DATA_KEY_PREVIOUS") {
            for text in list.split(',').filter(|t| !t.trim().is_empty()) {
                let master = Zeroizing::new(decode_key(text).ok_or(KeyError::BadPreviousKey)?);
                previous.push(KeySet::derive(&master));
            }
        }
        let (master, source) = if let Ok(env) = std::env::var("PER_DATA_KEY") {
            let master = decode_key(&env).ok_or(KeyError::BadEnvKey)?;
            (Zeroizing::new(master), KeySource::Environment)
        } else {
            let path = data_dir.join("data.key");
            if path.exists() {
                let text = Zeroizing::new(std::fs::read_to_string(&path)?);
                let master = decode_key(&text)
                    .ok_or_else(|| KeyError::BadKeyFile(path.display().to_string()))?;
                (Zeroizing::new(master), KeySource::File)
            } else {
                let mut master = Zeroizing::new([0u8; 32]);
                OsRng.fill_bytes(master.as_mut());
                write_private(&path, Zeroizing::new(STANDARD.encode(*master)).as_bytes())?;
                (master, KeySource::Generated)
            }
        };
        let mut keys = Keys::from_master(&master, argon2);
        keys.previous = previous;
        keys.source = source;
        Ok(keys)
    }

    pub fn from_master(master: &[u8; 32], argon2: Argon2Cost) -> Keys {
        Keys {
            current: KeySet::derive(master),
            previous: Vec::new(),
            argon2,
            source: KeySource::Environment,
        }
    }

    /// Where the master key came from.
    pub fn source(&self) -> KeySource {
        self.source
    }

    /// The current key's id (8 hex digits), written into every value sealed now.
    pub fn key_id(&self) -> String {
        self.current.id.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// A keyed hash: for one-time codes (bound to their sign-up and channel) and for
    /// identifiers that must be found again without being stored in clear (the NID).
    pub fn mac(&self, parts: &[&[u8]]) -> Vec<u8> {
        self.mac_of(parts).finalize().into_bytes().to_vec()
    }

    /// Checks a keyed hash in constant time.
    pub fn mac_matches(&self, parts: &[&[u8]], expected: &[u8]) -> bool {
        self.mac_of(parts).verify_slice(expected).is_ok()
    }

    /// Each part is length-prefixed, so `["ab", "c"]` and `["a", "bc"]` differ.
    fn mac_of(&self, parts: &[&[u8]]) -> HmacSha256 {
        let mut mac =
            <HmacSha256 as Mac>::new_from_slice(&self.current.mac).expect("any key length");
        for part in parts {
            mac.update(&(part.len() as u64).to_be_bytes());
            mac.update(part);
        }
        mac
    }

    /// Encrypts with a fresh random nonce, bound to `context` (e.g. `identity/42`: what the
    /// data is and whose), so a sealed value moved to another row or account does not open.
    /// The output is version byte ‖ key id ‖ nonce ‖ ciphertext.
    pub fn seal(&self, context: &str, plaintext: &[u8]) -> Vec<u8> {
        let cipher = XChaCha20Poly1305::new((&self.current.seal).into());
        let mut nonce = [0u8; 24];
        OsRng.fill_bytes(&mut nonce);
        let payload = Payload {
            msg: plaintext,
            aad: context.as_bytes(),
        };
        let sealed = cipher
            .encrypt(XNonce::from_slice(&nonce), payload)
            .expect("encryption of an in-memory buffer cannot fail");
        [&[SEAL_V2][..], &self.current.id, &nonce, &sealed].concat()
    }

    /// Opens a sealed value with the key its id names (version 1: the current key).
    pub fn open(&self, context: &str, sealed: &[u8]) -> Result<Vec<u8>, OpenError> {
        let (set, rest) = match sealed.split_first() {
            Some((&SEAL_V1, rest)) => (&self.current, rest),
            Some((&SEAL_V2, rest)) if rest.len() >= 4 => {
                let (id, rest) = rest.split_at(4);
                let set = std::iter::once(&self.current)
                    .chain(&self.previous)
                    .find(|k| k.id == id)
                    .ok_or(OpenError)?;
                (set, rest)
            }
            _ => return Err(OpenError),
        };
        if rest.len() < 24 {
            return Err(OpenError);
        }
        let (nonce, body) = rest.split_at(24);
        let payload = Payload {
            msg: body,
            aad: context.as_bytes(),
        };
        XChaCha20Poly1305::new((&set.seal).into())
            .decrypt(XNonce::from_slice(nonce), payload)
            .map_err(|_| OpenError)
    }

    fn argon2(&self) -> Argon2<'static> {
        let c = self.argon2;
        let params = Params::new(c.memory_kib, c.iterations, c.lanes, None)
            .expect("valid argon2 parameters");
        Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
    }

    /// Argon2id in PHC string form (salt and parameters included).
    /// Hashes the NFKC form of the password (`passwords::normalise`).
    pub fn hash_password(&self, password: &str) -> String {
        let password = crate::passwords::normalise(password);
        let salt = SaltString::generate(&mut OsRng);
        self.argon2()
            .hash_password(password.as_bytes(), &salt)
            .expect("argon2 hashing with valid parameters")
            .to_string()
    }

    /// Verifies the NFKC form of the password against its hash.
    pub fn verify_password(&self, password: &str, phc: &str) -> bool {
        let password = crate::passwords::normalise(password);
        PasswordHash::new(phc)
            .map(|hash| {
                self.argon2()
                    .verify_password(password.as_bytes(), &hash)
                    .is_ok()
            })
            .unwrap_or(false)
    }

    /// Spends the same time as a real check, so a wrong login does not reveal that the
    /// account does not exist.
    pub fn waste_password_check(&self, password: &str) {
        let _ = self.hash_password(password);
    }
}

fn decode_key(text: &str) -> Option<[u8; 32]> {
    STANDARD.decode(text.trim()).ok()?.try_into().ok()
}

fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)?.write_all(bytes)
}

/// A new opaque token (32 random bytes, base64url) and the SHA-256 the store keeps.
pub fn new_token() -> (SecretToken, Vec<u8>) {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    let token = SecretToken::parse(&URL_SAFE_NO_PAD.encode(bytes)).expect("43 base64url chars");
    let hash = token_hash(&token);
    (token, hash)
}

pub fn token_hash(token: &SecretToken) -> Vec<u8> {
    Sha256::digest(token.expose().as_bytes()).to_vec()
}

/// A uniformly random 6-digit code.
pub fn new_code() -> OneTimeCode {
    use rand::Rng;
    OneTimeCode::from_random(OsRng.gen_range(0..1_000_000))
}

/// A uniform random index below `n` (`n` > 0): the order of a face challenge's steps.
pub fn random_below(n: usize) -> usize {
    use rand::Rng;
    OsRng.gen_range(0..n)
}

/// 40 random bits for a reference number.
pub fn random_u64() -> u64 {
    OsRng.next_u64()
}

/// A new upload's id: 128 random bits.
pub fn new_upload_id() -> per_domain::UploadId {
    let mut bytes = [0u8; 16];
    OsRng.fill_bytes(&mut bytes);
    per_domain::UploadId::from_random(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHEAP: Argon2Cost = Argon2Cost {
        memory_kib: 64,
        iterations: 1,
        lanes: 1,
    };

    #[test]
    fn seal_round_trips_and_detects_tampering() {
        let keys = Keys::from_master(&[7; 32], CHEAP);
        let sealed = keys.seal("identity/1", b"J05415123A");
        assert!(!sealed.windows(10).any(|w| w == b"J05415123A"));
        assert_eq!(keys.open("identity/1", &sealed).unwrap(), b"J05415123A");
        let mut bad = sealed.clone();
        let last = bad.len() - 1;
        bad[last] ^= 1;
        assert!(keys.open("identity/1", &bad).is_err(), "tampered");
        assert!(
            keys.open("identity/2", &sealed).is_err(),
            "moved to another account"
        );
        let other = Keys::from_master(&[8; 32], CHEAP);
        assert!(other.open("identity/1", &sealed).is_err(), "another key");
    }

    #[test]
    fn a_rotated_key_still_opens_what_it_sealed() {
        let old = Keys::from_master(&[1; 32], CHEAP);
        let sealed = old.seal("t", b"x");
        let mut new = Keys::from_master(&[2; 32], CHEAP);
        assert_ne!(new.key_id(), old.key_id());
        assert!(new.open("t", &sealed).is_err(), "unknown key id");
        new.previous.push(KeySet::derive(&[1; 32]));
        assert_eq!(new.open("t", &sealed).unwrap(), b"x");
        assert_eq!(&new.seal("t", b"y")[1..5], &new.current.id);
    }

    #[test]
    fn passwords_are_argon2id() {
        let keys = Keys::from_master(&[7; 32], CHEAP);
        let phc = keys.hash_password("correct horse");
        assert!(phc.starts_with("$argon2id$"), "{phc}");
        assert!(keys.verify_password("correct horse", &phc));
        assert!(!keys.verify_password("correct horsf", &phc));
        assert!(!keys.verify_password("x", "not a hash"));
    }

    #[test]
    fn macs_bind_every_part() {
        let keys = Keys::from_master(&[7; 32], CHEAP);
        let m = keys.mac(&[b"1", b"phone", b"123456"]);
        assert!(keys.mac_matches(&[b"1", b"phone", b"123456"], &m));
        assert!(!keys.mac_matches(&[b"1", b"email", b"123456"], &m));
        assert!(!keys.mac_matches(&[b"1phone", b"", b"123456"], &m));
    }

    #[test]
    fn key_file_is_made_once_and_reused() {
        let dir = tempfile::tempdir().unwrap();
        let a = Keys::load(dir.path(), CHEAP).unwrap();
        assert_eq!(a.source(), KeySource::Generated);
        let b = Keys::load(dir.path(), CHEAP).unwrap();
        assert_eq!(b.source(), KeySource::File);
        assert_eq!(b.open("t", &a.seal("t", b"x")).unwrap(), b"x");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join("data.key"))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn tokens_are_unique_and_hashed() {
        let (a, ha) = new_token();
        let (b, hb) = new_token();
        assert_ne!(a.expose(), b.expose());
        assert_ne!(ha, hb);
        assert_eq!(token_hash(&a), ha);
    }
}
