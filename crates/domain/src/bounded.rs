//! Lists in request bodies are bounded while they are read: [`at_most`] stops at its limit,
//! so a body within the size limit cannot make the server hold a huge list (tens of
//! thousands of tiny items) before the domain parse looks at it. The limits are generous;
//! the parse still names a list that is merely too long (`frame_too_many`, ...).

use serde::de::{Deserialize, Deserializer, Error, SeqAccess, Visitor};
use std::fmt;
use std::marker::PhantomData;

/// `#[serde(deserialize_with = "crate::bounded::at_most::<N, _, _>")]` on a `Vec<T>` field:
/// more than `N` items are a deserialisation error ("invalid length").
pub fn at_most<'de, const N: usize, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct AtMost<T, const N: usize>(PhantomData<T>);

    impl<'de, T: Deserialize<'de>, const N: usize> Visitor<'de> for AtMost<T, N> {
        type Value = Vec<T>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "a list of at most {N} items")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(N));
            while let Some(item) = seq.next_element()? {
                if items.len() == N {
                    return Err(A::Error::invalid_length(N + 1, &self));
                }
                items.push(item);
            }
            Ok(items)
        }
    }

    deserializer.deserialize_seq(AtMost::<T, N>(PhantomData))
}

#[cfg(test)]
mod tests {
    #[derive(Debug, serde::Deserialize)]
    struct Body {
        #[serde(default, deserialize_with = "super::at_most::<3, _, _>")]
        items: Vec<u8>,
    }

    #[test]
    fn a_list_up_to_its_limit_is_read_and_a_longer_one_refused() {
        let ok: Body = serde_json::from_str(r#"{"items":[1,2,3]}"#).unwrap();
        assert_eq!(ok.items, [1, 2, 3]);
        let none: Body = serde_json::from_str("{}").unwrap();
        assert!(none.items.is_empty());
        let e = serde_json::from_str::<Body>(r#"{"items":[1,2,3,4]}"#).unwrap_err();
        assert!(e.to_string().contains("at most 3"), "{e}");
        // A huge list stops at the limit, whatever follows.
        let huge = format!(r#"{{"items":[{}0]}}"#, "0,".repeat(100_000));
        assert!(serde_json::from_str::<Body>(&huge).is_err());
    }
}
