//! The languages PER speaks: Albanian (the default), English, Italian, Greek, German.

use crate::problem::Problem;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    Sq,
    En,
    It,
    El,
    De,
}

impl Language {
    pub const ALL: [Language; 5] = [
        Language::Sq,
        Language::En,
        Language::It,
        Language::El,
        Language::De,
    ];

    /// Parses a BCP 47 tag by its primary subtag (`en-GB` is English).
    pub fn parse(tag: &str) -> Result<Language, Problem> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
        match primary.to_ascii_lowercase().as_str() {
            "sq" => Ok(Language::Sq),
            "en" => Ok(Language::En),
            "it" => Ok(Language::It),
            "el" => Ok(Language::El),
            "de" => Ok(Language::De),
            _ => Err(Problem::LanguageInvalid),
        }
    }

    /// The BCP 47 code, for `<html lang>` and storage.
    pub fn code(self) -> &'static str {
        match self {
            Language::Sq => "sq",
            Language::En => "en",
            Language::It => "it",
            Language::El => "el",
            Language::De => "de",
        }
    }

    /// The language's name in itself, for the language switcher.
    pub fn endonym(self) -> &'static str {
        match self {
            Language::Sq => "Shqip",
            Language::En => "English",
            Language::It => "Italiano",
            Language::El => "Ελληνικά",
            Language::De => "Deutsch",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_tags() {
        assert_eq!(Language::parse("en-GB"), Ok(Language::En));
        assert_eq!(Language::parse("SQ"), Ok(Language::Sq));
        assert_eq!(Language::parse("el_GR"), Ok(Language::El));
        assert_eq!(Language::parse("fr"), Err(Problem::LanguageInvalid));
        for l in Language::ALL {
            assert_eq!(Language::parse(l.code()), Ok(l));
        }
    }
}
