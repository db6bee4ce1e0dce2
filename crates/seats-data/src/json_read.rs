//! A small JSON reader (RFC 8259) with no tree, for the command line's files of any size
//! ([`crate::json_value`] is the tree reader of [`crate::parse_json`]): [`check`] reads the whole text once for its
//! syntax (every error at the line and column where it is, the first in the text), then
//! [`Doc`] reads values in place, where they are, as often as asked: object members in
//! order with duplicates kept (the format refuses them by name), strings borrowed from the
//! text unless escaped, numbers as their text (read exactly by [`whole`]). No floating
//! point and no serde: the results viewer's wasm carries this reader.

use std::borrow::Cow;

use crate::error::{DataError, JsonKind, JsonProblem};

/// How deep arrays and objects may nest: the format needs five levels; this bounds the
/// checker's recursion on hostile input.
const MAX_DEPTH: usize = 64;

/// The error `problem` at byte `offset` of `text`: its line and column, 1-based (columns
/// count characters), found only when there is an error.
pub(crate) fn error_at(text: &str, offset: usize, problem: JsonProblem) -> DataError {
    let before = &text.as_bytes()[..offset.min(text.len())];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    // Characters are the bytes that do not continue a UTF-8 sequence.
    let column = 1 + before[line_start..]
        .iter()
        .filter(|&&b| b & 0xC0 != 0x80)
        .count();
    DataError::Json {
        line,
        column,
        problem,
    }
}

/// Checks that `text` is one JSON value (whitespace around it allowed, nothing after it);
/// the error is the first in the text, as `(byte offset, problem)`. When the value is an
/// object, gives where its members are: `(name, value)` offsets, in order.
///
/// One loop over the text with a stack of the open arrays and objects (no recursion): a
/// value, then what may follow it in the innermost container.
pub(crate) fn check(text: &str) -> Result<Vec<(usize, usize)>, (usize, JsonProblem)> {
    let mut c = Checker {
        b: text.as_bytes(),
        i: 0,
        top: Vec::new(),
    };
    c.run()
        .map(|()| c.top)
        .map_err(|(at, syntax)| (at, syntax.problem()))
}

/// The syntax errors (small, so that the checker's results stay in registers).
#[derive(Debug, Clone, Copy)]
enum Syntax {
    TextAfterEnd,
    ExpectedValue,
    EndsBeforeValue,
    ExpectedColon,
    EndsBeforeColon,
    TooDeep,
    ExpectedCommaInArray,
    ExpectedCommaInObject,
    ExpectedMemberName,
    UnclosedString,
    InvalidEscape,
    ControlCharacter,
    InvalidUnicodeEscape,
    InvalidNumber,
}

impl Syntax {
    fn problem(self) -> JsonProblem {
        match self {
            Self::TextAfterEnd => JsonProblem::TextAfterEnd,
            Self::ExpectedValue => JsonProblem::ExpectedValue,
            Self::EndsBeforeValue => JsonProblem::EndsBeforeValue,
            Self::ExpectedColon => JsonProblem::ExpectedColon,
            Self::EndsBeforeColon => JsonProblem::EndsBeforeColon,
            Self::TooDeep => JsonProblem::TooDeep,
            Self::ExpectedCommaInArray => JsonProblem::ExpectedCommaInArray,
            Self::ExpectedCommaInObject => JsonProblem::ExpectedCommaInObject,
            Self::ExpectedMemberName => JsonProblem::ExpectedMemberName,
            Self::UnclosedString => JsonProblem::UnclosedString,
            Self::InvalidEscape => JsonProblem::InvalidEscape,
            Self::ControlCharacter => JsonProblem::ControlCharacter,
            Self::InvalidUnicodeEscape => JsonProblem::InvalidUnicodeEscape,
            Self::InvalidNumber => JsonProblem::InvalidNumber,
        }
    }
}

type Checked = Result<(), (usize, Syntax)>;

/// Bytes that stand for themselves inside a string (not `"`, `\` or a control character).
const PLAIN: [bool; 256] = {
    let mut t = [true; 256];
    let mut c = 0;
    while c < 0x20 {
        t[c] = false;
        c += 1;
    }
    t[b'"' as usize] = false;
    t[b'\\' as usize] = false;
    t
};

struct Checker<'t> {
    b: &'t [u8],
    i: usize,
    /// The members of the top-level object: offsets of each name and value.
    top: Vec<(usize, usize)>,
}

impl Checker<'_> {
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    #[inline(always)]
    fn space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.b.get(self.i) {
            self.i += 1;
        }
    }

    fn run(&mut self) -> Checked {
        // The open containers, innermost last: true for an object.
        let mut open = [false; MAX_DEPTH];
        let mut depth = 0;
        self.space();
        'value: loop {
            // A value at `i`.
            match self.peek() {
                None => return Err((self.i, Syntax::EndsBeforeValue)),
                Some(c @ (b'{' | b'[')) => {
                    if depth >= MAX_DEPTH {
                        return Err((self.i, Syntax::TooDeep));
                    }
                    let object = c == b'{';
                    open[depth] = object;
                    depth += 1;
                    self.i += 1;
                    self.space();
                    match (object, self.peek()) {
                        (true, Some(b'}')) | (false, Some(b']')) => {
                            self.i += 1;
                            depth -= 1;
                        }
                        (true, _) => {
                            self.member(depth)?;
                            continue 'value;
                        }
                        (false, _) => continue 'value,
                    }
                }
                Some(b'"') => self.string()?,
                Some(b'-' | b'0'..=b'9') => self.number()?,
                Some(b't') => self.word(b"true")?,
                Some(b'f') => self.word(b"false")?,
                Some(b'n') => self.word(b"null")?,
                Some(_) => return Err((self.i, Syntax::ExpectedValue)),
            }
            // After a value: what the innermost container allows.
            loop {
                self.space();
                if depth == 0 {
                    return match self.peek() {
                        Some(_) => Err((self.i, Syntax::TextAfterEnd)),
                        None => Ok(()),
                    };
                }
                let object = open[depth - 1];
                match (object, self.peek()) {
                    (_, Some(b',')) => {
                        self.i += 1;
                        self.space();
                        if object {
                            self.member(depth)?;
                        }
                        continue 'value;
                    }
                    (true, Some(b'}')) | (false, Some(b']')) => {
                        self.i += 1;
                        depth -= 1;
                    }
                    (true, _) => return Err((self.i, Syntax::ExpectedCommaInObject)),
                    (false, _) => return Err((self.i, Syntax::ExpectedCommaInArray)),
                }
            }
        }
    }

    /// A member's name and colon, up to its value (`depth`: the object's level, 1 for the
    /// top level, whose members are noted).
    #[inline(always)]
    fn member(&mut self, depth: usize) -> Checked {
        if self.peek() != Some(b'"') {
            return Err((self.i, Syntax::ExpectedMemberName));
        }
        let name = self.i;
        self.string()?;
        self.space();
        match self.peek() {
            Some(b':') => self.i += 1,
            Some(_) => return Err((self.i, Syntax::ExpectedColon)),
            None => return Err((self.i, Syntax::EndsBeforeColon)),
        }
        self.space();
        if depth == 1 {
            self.top.push((name, self.i));
        }
        Ok(())
    }

    fn word(&mut self, word: &[u8]) -> Checked {
        let start = self.i;
        for &want in word {
            if self.peek() != Some(want) {
                return Err((start, Syntax::ExpectedValue));
            }
            self.i += 1;
        }
        Ok(())
    }

    #[inline(always)]
    fn string(&mut self) -> Checked {
        let start = self.i;
        self.i += 1; // "
        loop {
            // The plain run up to the next quote, backslash or control character.
            while let Some(&c) = self.b.get(self.i) {
                if !PLAIN[usize::from(c)] {
                    break;
                }
                self.i += 1;
            }
            let at = self.i;
            match self.peek() {
                None => return Err((start, Syntax::UnclosedString)),
                Some(b'"') => {
                    self.i += 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    self.i += 1;
                    match self.peek() {
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => self.i += 1,
                        Some(b'u') => {
                            self.i += 1;
                            self.unicode_escape(at)?;
                        }
                        _ => return Err((at, Syntax::InvalidEscape)),
                    }
                }
                Some(_) => return Err((at, Syntax::ControlCharacter)),
            }
        }
    }

    fn hex4(&mut self, at: usize) -> Result<u32, (usize, Syntax)> {
        let mut n = 0;
        for _ in 0..4 {
            let d = self
                .peek()
                .and_then(|c| char::from(c).to_digit(16))
                .ok_or((at, Syntax::InvalidUnicodeEscape))?;
            self.i += 1;
            n = n * 16 + d;
        }
        Ok(n)
    }

    /// `\uXXXX` after its `\u`, with a surrogate pair as one character; errors at `at`.
    fn unicode_escape(&mut self, at: usize) -> Checked {
        let bad = (at, Syntax::InvalidUnicodeEscape);
        let first = self.hex4(at)?;
        let code = if (0xD800..0xDC00).contains(&first) {
            if self.peek() != Some(b'\\') {
                return Err(bad);
            }
            self.i += 1;
            if self.peek() != Some(b'u') {
                return Err(bad);
            }
            self.i += 1;
            let second = self.hex4(at)?;
            if !(0xDC00..0xE000).contains(&second) {
                return Err(bad);
            }
            0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        } else {
            first
        };
        char::from_u32(code).map(|_| ()).ok_or(bad)
    }

    #[inline(always)]
    fn digits(&mut self) -> usize {
        let start = self.i;
        while let Some(b'0'..=b'9') = self.peek() {
            self.i += 1;
        }
        self.i - start
    }

    #[inline(always)]
    fn number(&mut self) -> Checked {
        let start = self.i;
        let bad = (start, Syntax::InvalidNumber);
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        match self.peek() {
            Some(b'0') => self.i += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(bad),
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            if self.digits() == 0 {
                return Err(bad);
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.i += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.i += 1;
            }
            if self.digits() == 0 {
                return Err(bad);
            }
        }
        Ok(())
    }
}

/// Where a value starts in the text (a byte offset).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Val(pub usize);

/// A text that [`check`] has accepted, read in place. Every reading assumes that; on a text
/// it did not check, a reading may be wrong but never panics.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Doc<'t> {
    text: &'t str,
    b: &'t [u8],
}

impl<'t> Doc<'t> {
    pub fn new(text: &'t str) -> Self {
        Self {
            text,
            b: text.as_bytes(),
        }
    }

    /// The top-level value.
    pub fn root(&self) -> Val {
        Val(self.space(0))
    }

    /// The error `problem` at value `v`.
    pub fn error(&self, v: Val, problem: JsonProblem) -> DataError {
        error_at(self.text, v.0, problem)
    }

    /// The first offset from `i` that is not whitespace.
    pub fn space(&self, mut i: usize) -> usize {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.b.get(i) {
            i += 1;
        }
        i
    }

    /// What kind of value `v` is.
    pub fn kind(&self, v: Val) -> JsonKind {
        match self.b.get(v.0) {
            Some(b'{') => JsonKind::Object,
            Some(b'[') => JsonKind::Array,
            Some(b'"') => JsonKind::String,
            Some(b't' | b'f') => JsonKind::Bool,
            Some(b'n') => JsonKind::Null,
            _ => JsonKind::Number,
        }
    }

    pub fn is_null(&self, v: Val) -> bool {
        self.b.get(v.0) == Some(&b'n')
    }

    /// The byte at `i`, if any.
    pub fn byte(&self, i: usize) -> Option<u8> {
        self.b.get(i).copied()
    }

    /// Where the value starting at `i` ends (the offset after it).
    pub fn end(&self, i: usize) -> usize {
        match self.b.get(i) {
            Some(b'"') => self.string_end(i),
            Some(b'{' | b'[') => {
                let mut depth = 0usize;
                let mut j = i;
                while let Some(&c) = self.b.get(j) {
                    match c {
                        b'"' => {
                            j = self.string_end(j);
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                return j + 1;
                            }
                        }
                        _ => {}
                    }
                    j += 1;
                }
                j
            }
            _ => {
                let mut j = i;
                while let Some(&c) = self.b.get(j) {
                    if matches!(c, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r') {
                        break;
                    }
                    j += 1;
                }
                j
            }
        }
    }

    /// The offset after the string starting (with its quote) at `i`.
    fn string_end(&self, i: usize) -> usize {
        let mut j = i + 1;
        while let Some(&c) = self.b.get(j) {
            match c {
                b'"' => return j + 1,
                b'\\' => j += 2,
                _ => j += 1,
            }
        }
        j
    }

    /// When the string at `i` (its quote) is `plain` exactly (written with no escape, as
    /// `plain` has none), the offset after it.
    #[inline(always)]
    pub fn plain_string_is(&self, i: usize, plain: &str) -> Option<usize> {
        let start = i + 1;
        let end = start + plain.len();
        let bytes = self.b.get(start..end)?;
        (bytes == plain.as_bytes() && self.b.get(end) == Some(&b'"')).then_some(end + 1)
    }

    /// The string at `i` (its quote) and the offset after it.
    pub fn string_at(&self, i: usize) -> (Cow<'t, str>, usize) {
        let start = i + 1;
        let mut j = start;
        while let Some(&c) = self.b.get(j) {
            match c {
                b'"' => return (Cow::Borrowed(self.slice(start, j)), j + 1),
                b'\\' => break,
                _ => j += 1,
            }
        }
        let mut out = String::from(self.slice(start, j));
        loop {
            match self.b.get(j) {
                None => return (Cow::Owned(out), j),
                Some(b'"') => return (Cow::Owned(out), j + 1),
                Some(b'\\') => {
                    let c = match self.b.get(j + 1) {
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            let (c, len) = self.unicode_at(j);
                            out.push(c);
                            j += len;
                            continue;
                        }
                        // `"`, `\` and `/` stand for themselves.
                        Some(&c) => char::from(c),
                        None => return (Cow::Owned(out), j),
                    };
                    out.push(c);
                    j += 2;
                }
                Some(_) => {
                    let run = j;
                    while let Some(&c) = self.b.get(j) {
                        if c == b'"' || c == b'\\' {
                            break;
                        }
                        j += 1;
                    }
                    out.push_str(self.slice(run, j));
                }
            }
        }
    }

    /// The `\u` escape (one, or a surrogate pair) at `j`: its character and its length.
    fn unicode_at(&self, j: usize) -> (char, usize) {
        let hex = |k: usize| {
            self.b.get(k..k + 4).map_or(0xFFFD, |h| {
                h.iter()
                    .fold(0, |n, &c| n * 16 + char::from(c).to_digit(16).unwrap_or(0))
            })
        };
        let first = hex(j + 2);
        if (0xD800..0xDC00).contains(&first) {
            let second = hex(j + 8);
            let code = 0x10000 + ((first - 0xD800) << 10) + (second.wrapping_sub(0xDC00) & 0x3FF);
            (char::from_u32(code).unwrap_or('\u{FFFD}'), 12)
        } else {
            (char::from_u32(first).unwrap_or('\u{FFFD}'), 6)
        }
    }

    fn slice(&self, from: usize, to: usize) -> &'t str {
        self.text.get(from..to).unwrap_or_default()
    }

    /// The string `v`, which must be one.
    pub fn string(&self, v: Val) -> Cow<'t, str> {
        self.string_at(v.0).0
    }

    /// The number `v` as written.
    pub fn number(&self, v: Val) -> &'t str {
        self.slice(v.0, self.end(v.0))
    }

    /// The number at `i` as a count (see [`whole`]; `None` for anything else) and the
    /// offset after it.
    pub fn count_at(&self, i: usize) -> (Option<u64>, usize) {
        if !matches!(self.b.get(i), Some(b'-' | b'0'..=b'9')) {
            return (None, self.end(i));
        }
        // Plain digits (the common case) are read as they are scanned.
        let mut j = i;
        let mut n: u64 = 0;
        while let Some(&c @ b'0'..=b'9') = self.b.get(j) {
            n = n.wrapping_mul(10).wrapping_add(u64::from(c - b'0'));
            j += 1;
        }
        let plain = j > i && j - i <= 19;
        match self.b.get(j) {
            Some(b'.' | b'e' | b'E') => {}
            _ if plain => return (Some(n), j),
            _ => {}
        }
        let end = self.end(i);
        let n = match whole(self.slice(i, end)) {
            Whole::Count(n) => Some(n),
            _ => None,
        };
        (n, end)
    }

    /// The members at `(name, value)` offsets (as [`check`] gives them for the top level).
    pub fn members_at(&self, at: &[(usize, usize)]) -> Vec<(Cow<'t, str>, Val)> {
        at.iter()
            .map(|&(name, value)| (self.string_at(name).0, Val(value)))
            .collect()
    }

    /// The members of the object `v`, in order.
    pub fn members(&self, v: Val) -> Members<'t> {
        Members {
            doc: *self,
            i: v.0 + 1,
        }
    }

    /// The items of the array `v`, in order.
    pub fn items(&self, v: Val) -> Items<'t> {
        Items {
            doc: *self,
            i: v.0 + 1,
        }
    }
}

/// The members of an object: `(name, value)`.
pub(crate) struct Members<'t> {
    doc: Doc<'t>,
    i: usize,
}

impl<'t> Iterator for Members<'t> {
    type Item = (Cow<'t, str>, Val);

    fn next(&mut self) -> Option<Self::Item> {
        let d = &self.doc;
        let i = d.space(self.i);
        if d.b.get(i) != Some(&b'"') {
            return None;
        }
        let (name, after) = d.string_at(i);
        // After the name: spaces, `:`, spaces, the value.
        let value = d.space(d.space(after) + 1);
        let end = d.space(d.end(value));
        self.i = if d.b.get(end) == Some(&b',') {
            end + 1
        } else {
            end
        };
        Some((name, Val(value)))
    }
}

/// The items of an array.
pub(crate) struct Items<'t> {
    doc: Doc<'t>,
    i: usize,
}

impl Iterator for Items<'_> {
    type Item = Val;

    fn next(&mut self) -> Option<Val> {
        let d = &self.doc;
        let i = d.space(self.i);
        match d.b.get(i) {
            None | Some(b']') => None,
            Some(_) => {
                let end = d.space(d.end(i));
                self.i = if d.b.get(end) == Some(&b',') {
                    end + 1
                } else {
                    end
                };
                Some(Val(i))
            }
        }
    }
}

/// What a JSON number is as a count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Whole {
    /// A whole number that fits in `u64` (`12`, `1.0`, `1e3`).
    Count(u64),
    /// Below zero (and not `-0`).
    Negative,
    /// Not a whole number (`1.5`).
    Fraction,
    /// Whole, but beyond `u64`.
    TooLarge,
}

/// Reads the JSON number `text` exactly (no floating point): `1e3` is 1000, `2.50e1` is 25.
pub(crate) fn whole(text: &str) -> Whole {
    // The common case: plain digits, no sign, fraction or exponent.
    if !text.is_empty() && text.len() <= 19 && text.bytes().all(|b| b.is_ascii_digit()) {
        let n = text.bytes().fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
        return Whole::Count(n);
    }
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(i) => {
            let e = &text[i + 1..];
            // An exponent beyond i64 is as good as infinite either way.
            let far = if e.starts_with('-') {
                -(1 << 40)
            } else {
                1 << 40
            };
            (&text[..i], e.parse::<i64>().unwrap_or(far))
        }
        None => (text, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    // The value is `digits` × 10^`shift`.
    let all = [int, frac].concat();
    let digits = all.trim_start_matches('0');
    if digits.is_empty() {
        return Whole::Count(0);
    }
    let shift = exponent.saturating_sub(i64::try_from(frac.len()).unwrap_or(i64::MAX));
    let kept = if shift >= 0 {
        digits
    } else {
        let drop = usize::try_from(shift.unsigned_abs()).unwrap_or(usize::MAX);
        let significant = digits.trim_end_matches('0');
        if digits.len() - significant.len() < drop {
            return if negative {
                Whole::Negative
            } else {
                Whole::Fraction
            };
        }
        &digits[..digits.len() - drop]
    };
    if negative {
        return Whole::Negative;
    }
    let zeros = usize::try_from(shift.max(0)).unwrap_or(usize::MAX);
    if kept.len().saturating_add(zeros) > 20 {
        return Whole::TooLarge;
    }
    let mut n: u64 = 0;
    for d in kept
        .bytes()
        .map(|b| u64::from(b - b'0'))
        .chain(std::iter::repeat_n(0, zeros))
    {
        n = match n.checked_mul(10).and_then(|n| n.checked_add(d)) {
            Some(n) => n,
            None => return Whole::TooLarge,
        };
    }
    Whole::Count(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> String {
        let Err((offset, problem)) = check(text) else {
            panic!("{text:?} checks")
        };
        error_at(text, offset, problem).to_string()
    }

    #[test]
    fn reads_every_kind_of_value_in_place() {
        let text =
            "{\"a\": [1, -2.5e3, true, null],\n  \"b\": \"x\\u00e9\\ud83d\\ude00\", \"a\": {}}";
        check(text).unwrap();
        let d = Doc::new(text);
        let members: Vec<_> = d.members(d.root()).collect();
        assert_eq!(members.len(), 3, "duplicates kept");
        assert_eq!(members[0].0, "a");
        let items: Vec<_> = d.items(members[0].1).collect();
        assert_eq!(items.len(), 4);
        assert_eq!(d.number(items[1]), "-2.5e3");
        assert_eq!(d.kind(items[2]), JsonKind::Bool);
        assert!(d.is_null(items[3]));
        assert_eq!(d.string(members[1].1), "xé😀");
        assert!(matches!(
            d.string(Val(text.find("\"x").unwrap())),
            Cow::Owned(_)
        ));
        assert_eq!(d.kind(members[2].1), JsonKind::Object);
        assert_eq!(d.members(members[2].1).count(), 0);
        let plain = "[\"Shqipëri\", []]";
        check(plain).unwrap();
        let d = Doc::new(plain);
        let items: Vec<_> = d.items(d.root()).collect();
        assert!(matches!(d.string(items[0]), Cow::Borrowed("Shqipëri")));
        assert_eq!(d.items(items[1]).count(), 0);
        assert_eq!(
            error_at("{\n  \"é\": x", 10, JsonProblem::ExpectedValue).to_string(),
            "line 2, column 8: expected a value"
        );
    }

    #[test]
    fn refuses_what_is_not_json_at_its_position() {
        let cases = [
            ("{\"zones\": [}", 1, 12, "expected a value"),
            ("[1 2]", 1, 4, "expected , or ] in an array"),
            ("{\"a\" 1}", 1, 6, "expected : after a member name"),
            ("{a: 1}", 1, 2, "expected a member name in quotes"),
            ("\"abc", 1, 1, "a string is not closed"),
            ("01", 1, 2, "text after the end of the JSON value"),
            ("1.", 1, 1, "invalid number"),
            ("-", 1, 1, "invalid number"),
            ("tru", 1, 1, "expected a value"),
            ("\"\\x\"", 1, 2, "invalid escape in a string"),
            ("\"\\ud800\"", 1, 2, "invalid \\u escape in a string"),
            ("\"a\nb\"", 1, 3, "a control character in a string"),
            ("", 1, 1, "the file ends where a value was expected"),
        ];
        for (text, line, column, message) in cases {
            assert_eq!(
                error(text),
                format!("line {line}, column {column}: {message}"),
                "{text:?}"
            );
        }
        let deep = "[".repeat(100) + &"]".repeat(100);
        assert!(check(&deep).is_err(), "nesting is bounded");
    }

    #[test]
    fn numbers_are_read_exactly_as_counts() {
        for (text, want) in [
            ("0", Whole::Count(0)),
            ("-0", Whole::Count(0)),
            ("12", Whole::Count(12)),
            ("1.0", Whole::Count(1)),
            ("1e3", Whole::Count(1000)),
            ("2.50e1", Whole::Count(25)),
            ("0.5e1", Whole::Count(5)),
            ("0.05e2", Whole::Count(5)),
            ("120e-1", Whole::Count(12)),
            ("18446744073709551615", Whole::Count(u64::MAX)),
            (
                "9999999999999999999",
                Whole::Count(9_999_999_999_999_999_999),
            ),
            ("18446744073709551616", Whole::TooLarge),
            ("1e20", Whole::TooLarge),
            ("1e999999999999999999999", Whole::TooLarge),
            ("1.5", Whole::Fraction),
            ("15e-1", Whole::Fraction),
            ("-1", Whole::Negative),
            ("-0.5", Whole::Negative),
            ("1e-999999999999999999999", Whole::Fraction),
            ("0e5", Whole::Count(0)),
        ] {
            assert_eq!(whole(text), want, "{text}");
        }
    }
}
