//! Every user-facing string, in five languages, and the language the voter chose (a context
//! signal, remembered in `localStorage` under `per.lang`).
//!
//! - [`catalog`]: a table of texts by key; Albanian compiled in, the other languages fetched
//!   as JSON when chosen (or at start-up when remembered), so that they are not in the wasm.
//! - [`frame`]: the page frame's table, shown by every entry page;
//! - [`text`]: the registration pages' table; an entry page may declare its own table with
//!   [`text_table!`](crate::text_table) (the results viewer does). Keys of every table
//!   convert into a [`TextId`].
//! - [`format`]: placeholders, waits, and the texts of domain values.
//! - [`context`]: the reactive side (language signal, switch, `tr`).
//!
//! The register is formal in every language (Albanian formal plural, Italian *Lei*, German
//! *Sie*, Greek formal plural). Placeholders:
//! - `{code_len}`, `{pw_min}`, `{pw_max}`: limits from `per-domain`, filled by [`t`];
//! - `{n}` (a number) and `{x}` (a text): filled by [`fill`]; `{a}` and `{b}` by [`fill_named`].

pub mod catalog;
pub mod context;
pub mod format;
pub mod frame;
pub mod text;

pub use catalog::{Catalog, LoadFailed, TextId};
pub use context::{text, tr, use_lang, Fetch, LangContext, LangSwitch, Languages};
pub use format::*;
pub use frame::{Frame, FRAME};
pub use text::{install, is_loaded, parse_texts, raw, Key, CATALOG};

#[cfg(test)]
mod tests;
