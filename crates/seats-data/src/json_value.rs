//! A small JSON reader (RFC 8259): every value with the line and column where it starts,
//! object members in their order with duplicates kept (the format refuses them by name),
//! numbers kept as their text (read exactly by [`whole`]). No floating point and no serde:
//! the results viewer's wasm carries this reader, which is a fraction of serde_json's size.

use crate::error::{DataError, JsonKind, JsonProblem};

/// Where a value starts: line and column, 1-based (columns count characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Pos {
    pub line: usize,
    pub column: usize,
}

impl Pos {
    /// An error at this position.
    pub fn error(self, problem: JsonProblem) -> DataError {
        DataError::Json {
            line: self.line,
            column: self.column,
            problem,
        }
    }
}

/// A JSON value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Value {
    Null,
    Bool(bool),
    /// The number as written (valid JSON number syntax).
    Number(String),
    String(String),
    Array(Vec<Node>),
    /// Members in order; a name may occur twice.
    Object(Vec<(String, Node)>),
}

/// A value and where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Node {
    pub pos: Pos,
    pub value: Value,
}

impl Node {
    /// What kind of value this is, for messages ("a string", "an array", …).
    pub fn kind(&self) -> JsonKind {
        match &self.value {
            Value::Null => JsonKind::Null,
            Value::Bool(_) => JsonKind::Bool,
            Value::Number(_) => JsonKind::Number,
            Value::String(_) => JsonKind::String,
            Value::Array(_) => JsonKind::Array,
            Value::Object(_) => JsonKind::Object,
        }
    }
}

/// How deep arrays and objects may nest: the format needs five levels; this bounds the
/// reader's recursion on hostile input.
const MAX_DEPTH: usize = 64;

/// Reads `text` as one JSON value (whitespace around it allowed, nothing after it).
pub(crate) fn parse(text: &str) -> Result<Node, DataError> {
    let mut r = Reader {
        chars: text.chars().peekable(),
        pos: Pos { line: 1, column: 1 },
    };
    r.skip_space();
    let node = r.value(0)?;
    r.skip_space();
    if r.peek().is_some() {
        return Err(r.pos.error(JsonProblem::TextAfterEnd));
    }
    Ok(node)
}

struct Reader<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
    pos: Pos,
}

impl Reader<'_> {
    fn peek(&mut self) -> Option<char> {
        self.chars.peek().copied()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.chars.next()?;
        if c == '\n' {
            self.pos.line += 1;
            self.pos.column = 1;
        } else {
            self.pos.column += 1;
        }
        Some(c)
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(' ' | '\t' | '\n' | '\r')) {
            self.next();
        }
    }

    fn expect_colon(&mut self) -> Result<(), DataError> {
        match self.peek() {
            Some(':') => {
                self.next();
                Ok(())
            }
            Some(_) => Err(self.pos.error(JsonProblem::ExpectedColon)),
            None => Err(self.pos.error(JsonProblem::EndsBeforeColon)),
        }
    }

    fn value(&mut self, depth: usize) -> Result<Node, DataError> {
        let pos = self.pos;
        let value = match self.peek() {
            None => return Err(pos.error(JsonProblem::EndsBeforeValue)),
            Some('{') => self.object(depth)?,
            Some('[') => self.array(depth)?,
            Some('"') => Value::String(self.string()?),
            Some('-' | '0'..='9') => Value::Number(self.number()?),
            Some('t') => self.word("true", Value::Bool(true))?,
            Some('f') => self.word("false", Value::Bool(false))?,
            Some('n') => self.word("null", Value::Null)?,
            Some(_) => return Err(pos.error(JsonProblem::ExpectedValue)),
        };
        Ok(Node { pos, value })
    }

    fn word(&mut self, word: &str, value: Value) -> Result<Value, DataError> {
        let pos = self.pos;
        for want in word.chars() {
            if self.next() != Some(want) {
                return Err(pos.error(JsonProblem::ExpectedValue));
            }
        }
        Ok(value)
    }

    fn nested(&self, depth: usize) -> Result<usize, DataError> {
        if depth >= MAX_DEPTH {
            return Err(self.pos.error(JsonProblem::TooDeep));
        }
        Ok(depth + 1)
    }

    fn array(&mut self, depth: usize) -> Result<Value, DataError> {
        let depth = self.nested(depth)?;
        self.next(); // [
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(']') {
            self.next();
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_space();
            items.push(self.value(depth)?);
            self.skip_space();
            let at = self.pos;
            match self.next() {
                Some(',') => {}
                Some(']') => return Ok(Value::Array(items)),
                _ => return Err(at.error(JsonProblem::ExpectedCommaInArray)),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, DataError> {
        let depth = self.nested(depth)?;
        self.next(); // {
        let mut members = Vec::new();
        self.skip_space();
        if self.peek() == Some('}') {
            self.next();
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_space();
            if self.peek() != Some('"') {
                return Err(self.pos.error(JsonProblem::ExpectedMemberName));
            }
            let name = self.string()?;
            self.skip_space();
            self.expect_colon()?;
            self.skip_space();
            members.push((name, self.value(depth)?));
            self.skip_space();
            let at = self.pos;
            match self.next() {
                Some(',') => {}
                Some('}') => return Ok(Value::Object(members)),
                _ => return Err(at.error(JsonProblem::ExpectedCommaInObject)),
            }
        }
    }

    fn string(&mut self) -> Result<String, DataError> {
        let start = self.pos;
        self.next(); // "
        let mut out = String::new();
        loop {
            let at = self.pos;
            match self.next() {
                None => return Err(start.error(JsonProblem::UnclosedString)),
                Some('"') => return Ok(out),
                Some('\\') => match self.next() {
                    Some('"') => out.push('"'),
                    Some('\\') => out.push('\\'),
                    Some('/') => out.push('/'),
                    Some('b') => out.push('\u{8}'),
                    Some('f') => out.push('\u{c}'),
                    Some('n') => out.push('\n'),
                    Some('r') => out.push('\r'),
                    Some('t') => out.push('\t'),
                    Some('u') => out.push(self.unicode_escape(at)?),
                    _ => return Err(at.error(JsonProblem::InvalidEscape)),
                },
                Some(c) if u32::from(c) < 0x20 => {
                    return Err(at.error(JsonProblem::ControlCharacter))
                }
                Some(c) => out.push(c),
            }
        }
    }

    fn hex4(&mut self, at: Pos) -> Result<u32, DataError> {
        let mut n = 0;
        for _ in 0..4 {
            let d = self
                .next()
                .and_then(|c| c.to_digit(16))
                .ok_or_else(|| at.error(JsonProblem::InvalidUnicodeEscape))?;
            n = n * 16 + d;
        }
        Ok(n)
    }

    /// `\uXXXX`, with a surrogate pair as one character.
    fn unicode_escape(&mut self, at: Pos) -> Result<char, DataError> {
        let bad = || at.error(JsonProblem::InvalidUnicodeEscape);
        let first = self.hex4(at)?;
        let code = if (0xD800..0xDC00).contains(&first) {
            if self.next() != Some('\\') || self.next() != Some('u') {
                return Err(bad());
            }
            let second = self.hex4(at)?;
            if !(0xDC00..0xE000).contains(&second) {
                return Err(bad());
            }
            0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        } else {
            first
        };
        char::from_u32(code).ok_or_else(bad)
    }

    fn number(&mut self) -> Result<String, DataError> {
        let start = self.pos;
        let mut text = String::new();
        let bad = || start.error(JsonProblem::InvalidNumber);
        if self.peek() == Some('-') {
            text.push('-');
            self.next();
        }
        let digits = |r: &mut Self, text: &mut String| {
            let mut n = 0;
            while let Some(c @ '0'..='9') = r.peek() {
                text.push(c);
                r.next();
                n += 1;
            }
            n
        };
        match self.peek() {
            Some('0') => {
                text.push('0');
                self.next();
            }
            Some('1'..='9') => {
                digits(self, &mut text);
            }
            _ => return Err(bad()),
        }
        if self.peek() == Some('.') {
            text.push('.');
            self.next();
            if digits(self, &mut text) == 0 {
                return Err(bad());
            }
        }
        if let Some(e @ ('e' | 'E')) = self.peek() {
            text.push(e);
            self.next();
            if let Some(s @ ('+' | '-')) = self.peek() {
                text.push(s);
                self.next();
            }
            if digits(self, &mut text) == 0 {
                return Err(bad());
            }
        }
        Ok(text)
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

    fn value(text: &str) -> Value {
        parse(text).unwrap().value
    }

    #[test]
    fn reads_every_kind_of_value_with_its_position() {
        let n = parse(
            "{\"a\": [1, -2.5e3, true, null],\n  \"b\": \"x\\u00e9\\ud83d\\ude00\", \"a\": {}}",
        )
        .unwrap();
        let Value::Object(members) = n.value else {
            panic!()
        };
        assert_eq!(members.len(), 3, "duplicates kept");
        assert_eq!(members[0].0, "a");
        let Value::Array(items) = &members[0].1.value else {
            panic!()
        };
        assert_eq!(items[1].value, Value::Number("-2.5e3".into()));
        assert_eq!(
            items[1].pos,
            Pos {
                line: 1,
                column: 11
            }
        );
        assert_eq!(members[1].1.value, Value::String("xé😀".into()));
        assert_eq!(members[1].1.pos, Pos { line: 2, column: 8 });
        assert_eq!(value(" \"Shqipëri\" "), Value::String("Shqipëri".into()));
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
            let e = parse(text).unwrap_err();
            assert!(matches!(e, DataError::Json { .. }), "{text:?}");
            assert_eq!(
                e.to_string(),
                format!("line {line}, column {column}: {message}"),
                "{text:?}"
            );
        }
        let deep = "[".repeat(100) + &"]".repeat(100);
        assert!(parse(&deep).is_err(), "nesting is bounded");
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
            ("18446744073709551616", Whole::TooLarge),
            ("1e30", Whole::TooLarge),
            ("1.5", Whole::Fraction),
            ("0.5", Whole::Fraction),
            ("125e-2", Whole::Fraction),
            ("1e-400", Whole::Fraction),
            ("-5", Whole::Negative),
            ("-0.5", Whole::Negative),
        ] {
            assert_eq!(whole(text), want, "{text}");
        }
    }
}
