//! A catalog of texts by key: Albanian compiled in, the other languages installed from JSON
//! files fetched on demand (`<dir><code>.json`, one object of key name → text). Each entry
//! page links the catalogs it shows; [`text_table!`](crate::text_table) declares one.

use per_domain::Language;
use std::fmt;
use std::sync::OnceLock;

/// Declares a text table: an enum of keys, and a [`Catalog`] static holding their Albanian
/// texts (NUL-separated, no table of pointers in the bundle) and where the other languages
/// are fetched from.
///
/// ```text
/// per_client::text_table! {
///     pub enum Key; pub static CATALOG = "/public/i18n/";
///     Back => "Kthehuni";
/// }
/// ```
#[macro_export]
macro_rules! text_table {
    ($vis:vis enum $key_ty:ident; $svis:vis static $catalog:ident = $dir:literal;
     $($(#[$doc:meta])* $key:ident => $sq:literal;)*) => {
        /// One user-facing text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        $vis enum $key_ty { $($key),* }

        impl $key_ty {
            /// Every key, for exhaustive tests of the tables.
            pub const ALL: &'static [$key_ty] = &[$($key_ty::$key),*];
        }

        impl From<$key_ty> for $crate::i18n::TextId {
            fn from(key: $key_ty) -> Self {
                $crate::i18n::TextId::new(&$catalog, key as usize)
            }
        }

        /// The texts of this table.
        $svis static $catalog: $crate::i18n::Catalog = $crate::i18n::Catalog::new(
            $dir,
            concat!($($sq, "\0"),*),
            concat!($(stringify!($key), "\0"),*),
            $key_ty::ALL.len(),
        );
    };
}

/// The texts of one table in the five languages.
pub struct Catalog {
    dir: &'static str,
    sq: &'static str,
    names: &'static str,
    len: usize,
    /// en, it, el, de: each set once and kept for the session (at most four leaked tables).
    loaded: [OnceLock<&'static [Box<str>]>; 4],
}

impl fmt::Debug for Catalog {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Catalog")
            .field("dir", &self.dir)
            .field("len", &self.len)
            .finish_non_exhaustive()
    }
}

/// One text of one table: its catalog and the key's index there. The keys of every table
/// convert into it, so what shows a text ([`t`](crate::i18n::t), [`tr`](crate::i18n::tr),
/// the page heading) takes a key of any table, and an entry links only the tables it uses.
#[derive(Clone, Copy)]
pub struct TextId {
    catalog: &'static Catalog,
    index: usize,
}

impl TextId {
    /// The text at `index` of `catalog` (what [`text_table!`](crate::text_table)'s keys give).
    pub const fn new(catalog: &'static Catalog, index: usize) -> Self {
        TextId { catalog, index }
    }

    /// The text in `lang`, placeholders and all.
    pub fn raw(self, lang: Language) -> &'static str {
        self.catalog.raw(lang, self.index)
    }
}

impl fmt::Debug for TextId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = self.catalog.names().nth(self.index).unwrap_or("?");
        write!(f, "{}{name}", self.catalog.dir)
    }
}

impl PartialEq for TextId {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.catalog, other.catalog) && self.index == other.index
    }
}

impl Eq for TextId {}

/// A language file could not be fetched or read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadFailed;

impl Catalog {
    /// A catalog of `len` keys named in `names` with the Albanian texts `sq` (both
    /// NUL-terminated lists, in key order), the other languages under `dir`.
    pub const fn new(dir: &'static str, sq: &'static str, names: &'static str, len: usize) -> Self {
        Catalog {
            dir,
            sq,
            names,
            len,
            loaded: [const { OnceLock::new() }; 4],
        }
    }

    fn slot(&self, lang: Language) -> Option<&OnceLock<&'static [Box<str>]>> {
        let i = match lang {
            Language::Sq => return None,
            Language::En => 0,
            Language::It => 1,
            Language::El => 2,
            Language::De => 3,
        };
        Some(&self.loaded[i])
    }

    /// Whether the texts of `lang` are here, so that it can be shown at once.
    pub fn is_loaded(&self, lang: Language) -> bool {
        self.slot(lang).is_none_or(|s| s.get().is_some())
    }

    /// The text at `index` (a key) in `lang`, placeholders and all. A language not loaded
    /// gives the Albanian text (an entry only shows a language once it is loaded).
    pub fn raw(&self, lang: Language, index: usize) -> &'static str {
        match self.slot(lang).and_then(|s| s.get().copied()) {
            Some(texts) => &texts[index],
            None => self.sq.split('\0').nth(index).unwrap_or_default(),
        }
    }

    /// The key names, in key order (as in the JSON files).
    pub fn names(&self) -> impl Iterator<Item = &'static str> {
        self.names.split_terminator('\0')
    }

    /// The Albanian texts, in key order.
    pub fn albanian(&self) -> impl Iterator<Item = &'static str> {
        self.sq.split_terminator('\0')
    }

    /// The number of keys.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the table has no key.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The address of the file of `lang`.
    pub fn url(&self, lang: Language) -> String {
        [self.dir, lang.code(), ".json"].concat()
    }

    /// Parses a language file: a JSON object of key name → text. Every key must have a text;
    /// names the catalog does not know are ignored. `None` when it is not such a file.
    pub fn parse(&self, json: &str) -> Option<Box<[Box<str>]>> {
        let mut texts: Vec<Option<Box<str>>> = vec![None; self.len];
        let mut r = Strings(json.trim_start());
        r.eat('{')?;
        if r.eat('}').is_none() {
            loop {
                let name = r.string()?;
                r.eat(':')?;
                let text = r.string()?;
                if let Some(i) = self.names().position(|n| n == name) {
                    texts[i] = Some(text.into());
                }
                if r.eat('}').is_some() {
                    break;
                }
                r.eat(',')?;
            }
        }
        if !r.0.trim_start().is_empty() {
            return None;
        }
        texts.into_iter().collect()
    }

    /// What is wrong with `json` as this table's file of `lang`, one line each (none: it is
    /// complete): unknown or missing keys, empty texts, placeholders (`{…}`) other than the
    /// Albanian text's. For the tests of every table; never called by the app.
    pub fn file_problems(&self, lang: Language, json: &str) -> Vec<String> {
        fn placeholders(text: &str) -> Vec<&str> {
            let mut out: Vec<&str> = text
                .match_indices('{')
                .filter_map(|(i, _)| text[i..].find('}').map(|j| &text[i..=i + j]))
                .collect();
            out.sort_unstable();
            out.dedup();
            out
        }
        let file: serde_json::Map<String, serde_json::Value> = match serde_json::from_str(json) {
            Ok(file) => file,
            Err(e) => return vec![format!("{lang:?}: not a JSON object: {e}")],
        };
        let names: Vec<&str> = self.names().collect();
        let mut problems: Vec<String> = file
            .keys()
            .filter(|k| !names.contains(&k.as_str()))
            .map(|k| format!("{lang:?}: unknown key {k}"))
            .collect();
        for (name, sq) in names.iter().zip(self.albanian()) {
            match file.get(*name).and_then(|v| v.as_str()) {
                None => problems.push(format!("{lang:?}: {name} is missing or not a text")),
                Some(text) if text.trim().is_empty() => {
                    problems.push(format!("{lang:?}: {name} is empty"));
                }
                Some(text) if placeholders(text) != placeholders(sq) => problems.push(format!(
                    "{lang:?}: {name} has placeholders {:?}, Albanian {:?}",
                    placeholders(text),
                    placeholders(sq)
                )),
                Some(_) => {}
            }
        }
        problems
    }

    /// Parses the file of `lang` ([`Catalog::parse`]) and keeps its texts for the session.
    /// Does nothing for Albanian or a language already loaded.
    pub fn install(&self, lang: Language, json: &str) -> Result<(), LoadFailed> {
        let Some(slot) = self.slot(lang) else {
            return Ok(());
        };
        if slot.get().is_none() {
            let texts = self.parse(json).ok_or(LoadFailed)?;
            slot.get_or_init(|| Box::leak(texts));
        }
        Ok(())
    }
}

/// A reader of the JSON a language file is: an object whose values are all strings. Small
/// on purpose (an entry page need not carry a general JSON parser to read its texts).
struct Strings<'a>(&'a str);

impl Strings<'_> {
    /// Skips white space, then `c`.
    fn eat(&mut self, c: char) -> Option<()> {
        self.0 = self
            .0
            .trim_start_matches([' ', '\t', '\n', '\r'])
            .strip_prefix(c)?;
        Some(())
    }

    /// Four hex digits of a `\u` escape.
    fn hex4(&mut self) -> Option<u32> {
        let digits = self.0.get(..4)?;
        self.0 = &self.0[4..];
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        u32::from_str_radix(digits, 16).ok()
    }

    /// A string (after white space), its escapes resolved.
    fn string(&mut self) -> Option<String> {
        self.eat('"')?;
        let mut out = String::new();
        loop {
            let end = self.0.find(['"', '\\'])?;
            let (plain, rest) = self.0.split_at(end);
            if plain.chars().any(|c| c < ' ') {
                return None;
            }
            out.push_str(plain);
            let mut chars = rest.chars();
            let quote = chars.next() == Some('"');
            self.0 = chars.as_str();
            if quote {
                return Some(out);
            }
            let escape = self.0.chars().next()?;
            self.0 = &self.0[escape.len_utf8()..];
            out.push(match escape {
                '"' => '"',
                '\\' => '\\',
                '/' => '/',
                'b' => '\u{8}',
                'f' => '\u{c}',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                'u' => {
                    let hi = self.hex4()?;
                    let code = if (0xD800..0xDC00).contains(&hi) {
                        self.0 = self.0.strip_prefix("\\u")?;
                        let lo = self.hex4()?;
                        if !(0xDC00..0xE000).contains(&lo) {
                            return None;
                        }
                        0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                    } else {
                        hi
                    };
                    char::from_u32(code)?
                }
                _ => return None,
            });
        }
    }
}
