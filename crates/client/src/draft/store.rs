//! Where drafts are kept: a string key-value store (Web Storage, or memory in tests), typed
//! values in it as JSON, and the random keys drafts carry.

use serde::de::DeserializeOwned;
use serde::Serialize;
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;

/// A string store: `localStorage`, `sessionStorage`, or memory in tests.
pub trait KeyValue {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&self, key: &str, value: &str);
    fn remove(&self, key: &str);
}

/// A Web Storage area. Failures (private mode, quota) are ignored: the app still works,
/// it just forgets on reload.
#[derive(Debug, Clone)]
pub struct WebStore(web_sys::Storage);

impl WebStore {
    pub fn local() -> Option<WebStore> {
        web_sys::window()?.local_storage().ok()?.map(WebStore)
    }

    pub fn session() -> Option<WebStore> {
        web_sys::window()?.session_storage().ok()?.map(WebStore)
    }
}

impl KeyValue for WebStore {
    fn get(&self, key: &str) -> Option<String> {
        self.0.get_item(key).ok().flatten()
    }
    fn set(&self, key: &str, value: &str) {
        let _ = self.0.set_item(key, value);
    }
    fn remove(&self, key: &str) {
        let _ = self.0.remove_item(key);
    }
}

/// A store in memory, for tests.
#[derive(Default)]
pub struct MemoryStore(RefCell<HashMap<String, String>>);

impl fmt::Debug for MemoryStore {
    /// The keys only: the values are drafts.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let map = self.0.borrow();
        let mut keys: Vec<&String> = map.keys().collect();
        keys.sort();
        f.debug_struct("MemoryStore").field("keys", &keys).finish()
    }
}

impl KeyValue for MemoryStore {
    fn get(&self, key: &str) -> Option<String> {
        self.0.borrow().get(key).cloned()
    }
    fn set(&self, key: &str, value: &str) {
        self.0.borrow_mut().insert(key.to_owned(), value.to_owned());
    }
    fn remove(&self, key: &str) {
        self.0.borrow_mut().remove(key);
    }
}

pub fn load<T: DeserializeOwned>(store: &impl KeyValue, key: &str) -> Option<T> {
    serde_json::from_str(&store.get(key)?).ok()
}

pub fn save<T: Serialize>(store: &impl KeyValue, key: &str, value: &T) {
    if let Ok(json) = serde_json::to_string(value) {
        store.set(key, &json);
    }
}

/// Lower-case hex of some bytes.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[usize::from(b >> 4)] as char);
        s.push(DIGITS[usize::from(b & 15)] as char);
    }
    s
}

/// A new idempotency key: 16 random bytes from `crypto.getRandomValues`, as 32 hex characters.
/// Browser only.
pub fn new_idempotency_key() -> String {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok())
        .is_some();
    if !filled {
        // No Web Crypto (very old browser): still unique enough for idempotency.
        for b in bytes.iter_mut() {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    hex(&bytes)
}
