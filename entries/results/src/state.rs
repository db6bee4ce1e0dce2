//! What the visitor chose (data set, rules, vote edits, lot outcomes, zone shown), and its
//! form in the address (`?d=…&r=…&t=…&o=…&e=…&l=…&z=…`), so that a link reproduces the view.
//! Plain Rust, tested natively; the page reads and writes it through `URLSearchParams`.

use per_seats::{Rounding, RuleSet};

/// The data sets the viewer offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataSet {
    /// The 2017 parliamentary election, with the official seats.
    Albania2017,
    /// A small synthetic example with candidate lists (Article 163).
    Synthetic,
    /// A file the visitor opened (not in the address: it never leaves the device).
    Own,
}

impl DataSet {
    /// The name in the address.
    pub fn code(self) -> &'static str {
        match self {
            DataSet::Albania2017 => "albania-2017",
            DataSet::Synthetic => "synthetic-lists",
            DataSet::Own => "own",
        }
    }

    /// The data set named `code` in an address.
    pub fn parse(code: &str) -> Option<Self> {
        [DataSet::Albania2017, DataSet::Synthetic, DataSet::Own]
            .into_iter()
            .find(|d| d.code() == code)
    }

    /// Where the data set is served (`None`: the visitor's own file).
    pub fn url(self) -> Option<&'static str> {
        match self {
            DataSet::Albania2017 => Some("/results/data/albania-2017.json"),
            DataSet::Synthetic => Some("/results/data/synthetic-lists.json"),
            DataSet::Own => None,
        }
    }
}

/// One edited vote count: `subject` has `votes` in zone number `zone` (0-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub zone: usize,
    pub subject: String,
    pub votes: u64,
}

/// One lot outcome entered: in zone number `zone`, `winner` won the drawing (between
/// subjects when `list` is `None`, else between the candidates of the list of `list`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LotPick {
    pub zone: usize,
    pub list: Option<String>,
    pub winner: String,
}

/// The state of the viewer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewState {
    pub data: DataSet,
    /// The rule set chosen; `None`: the one the data set names (else `al-2024`).
    pub rules: Option<RuleSet>,
    /// A threshold typed by the visitor (percent), replacing the rule set's.
    pub threshold: Option<String>,
    /// A rounding chosen by the visitor, replacing the rule set's.
    pub rounding: Option<Rounding>,
    pub edits: Vec<Edit>,
    pub lots: Vec<LotPick>,
    /// The zone shown (0-based).
    pub zone: usize,
}

impl Default for ViewState {
    /// The 2017 election under the rules it names, as published.
    fn default() -> Self {
        ViewState {
            data: DataSet::Albania2017,
            rules: None,
            threshold: None,
            rounding: None,
            edits: Vec::new(),
            lots: Vec::new(),
            zone: 0,
        }
    }
}

impl ViewState {
    /// Sets the votes of `subject` in `zone` (`original`: the count in the data, where an
    /// edit back to it is dropped).
    pub fn set_votes(&mut self, zone: usize, subject: &str, votes: u64, original: u64) {
        self.edits
            .retain(|e| !(e.zone == zone && e.subject == subject));
        if votes != original {
            self.edits.push(Edit {
                zone,
                subject: subject.to_owned(),
                votes,
            });
        }
    }

    /// The edited votes of `subject` in `zone`, if edited.
    pub fn edited(&self, zone: usize, subject: &str) -> Option<u64> {
        self.edits
            .iter()
            .find(|e| e.zone == zone && e.subject == subject)
            .map(|e| e.votes)
    }

    /// Back to the data as published, under its own rules (same data set and zone).
    pub fn reset(&mut self) {
        *self = ViewState {
            data: self.data,
            zone: self.zone,
            ..ViewState::default()
        };
    }

    /// The address query of this state (without `?`), as `(name, value)` pairs.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = vec![("d", self.data.code().to_owned())];
        if let Some(r) = self.rules {
            out.push(("r", r.name().to_owned()));
        }
        if let Some(t) = &self.threshold {
            out.push(("t", t.clone()));
        }
        if let Some(o) = self.rounding {
            out.push(("o", o.name().to_owned()));
        }
        if !self.edits.is_empty() {
            let e: Vec<String> = self
                .edits
                .iter()
                .map(|e| format!("{}~{}~{}", e.zone, e.subject, e.votes))
                .collect();
            out.push(("e", e.join(";")));
        }
        if !self.lots.is_empty() {
            let l: Vec<String> = self
                .lots
                .iter()
                .map(|l| {
                    format!(
                        "{}~{}~{}",
                        l.zone,
                        l.list.as_deref().unwrap_or(""),
                        l.winner
                    )
                })
                .collect();
            out.push(("l", l.join(";")));
        }
        if self.zone != 0 {
            out.push(("z", self.zone.to_string()));
        }
        out
    }

    /// Reads a state from address pairs; what cannot be read is left at its default.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut s = ViewState::default();
        for (name, value) in pairs {
            match name {
                "d" => {
                    if let Some(d) = DataSet::parse(value).filter(|d| *d != DataSet::Own) {
                        s.data = d;
                    }
                }
                "r" => s.rules = RuleSet::parse(value).ok(),
                "t" if !value.is_empty() => s.threshold = Some(value.to_owned()),
                "o" => s.rounding = Rounding::parse(value).ok(),
                "e" => s.edits = value.split(';').filter_map(edit).collect(),
                "l" => s.lots = value.split(';').filter_map(lot).collect(),
                "z" => s.zone = value.parse().unwrap_or(0),
                _ => {}
            }
        }
        s
    }
}

fn edit(text: &str) -> Option<Edit> {
    let (zone, rest) = text.split_once('~')?;
    let (subject, votes) = rest.rsplit_once('~')?;
    Some(Edit {
        zone: zone.parse().ok()?,
        subject: subject.to_owned(),
        votes: votes.parse().ok()?,
    })
}

fn lot(text: &str) -> Option<LotPick> {
    let (zone, rest) = text.split_once('~')?;
    let (list, winner) = rest.split_once('~')?;
    Some(LotPick {
        zone: zone.parse().ok()?,
        list: (!list.is_empty()).then(|| list.to_owned()),
        winner: winner.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_state_survives_the_address() {
        let mut s = ViewState {
            data: DataSet::Synthetic,
            rules: Some(RuleSet::Dhondt),
            threshold: Some("2.5".into()),
            rounding: Some(Rounding::HalfEven),
            zone: 3,
            ..ViewState::default()
        };
        s.set_votes(3, "PS", 1234, 1000);
        s.set_votes(0, "Lista e Re", 7, 9);
        s.lots.push(LotPick {
            zone: 1,
            list: None,
            winner: "PD".into(),
        });
        s.lots.push(LotPick {
            zone: 1,
            list: Some("A".into()),
            winner: "Ana".into(),
        });
        let pairs = s.to_pairs();
        let back = ViewState::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(back, s);
    }

    #[test]
    fn the_default_state_is_a_short_address_and_bad_parts_are_ignored() {
        assert_eq!(
            ViewState::default().to_pairs(),
            vec![("d", "albania-2017".to_owned())]
        );
        let s = ViewState::from_pairs([
            ("d", "own"),
            ("r", "nope"),
            ("e", "x~PS~1;2~PD~-5;4~PS~10"),
            ("z", "abc"),
        ]);
        assert_eq!(s.data, DataSet::Albania2017);
        assert_eq!(s.rules, None);
        assert_eq!(
            s.edits,
            vec![Edit {
                zone: 4,
                subject: "PS".into(),
                votes: 10
            }]
        );
        assert_eq!(s.zone, 0);
    }

    #[test]
    fn an_edit_back_to_the_original_count_is_no_edit_and_reset_keeps_the_place() {
        let mut s = ViewState::default();
        s.set_votes(2, "PS", 5, 4);
        assert_eq!(s.edited(2, "PS"), Some(5));
        s.set_votes(2, "PS", 4, 4);
        assert!(s.edits.is_empty());
        s.set_votes(2, "PS", 5, 4);
        s.rules = Some(RuleSet::Al2024);
        s.zone = 2;
        s.reset();
        assert_eq!(
            s,
            ViewState {
                zone: 2,
                ..ViewState::default()
            }
        );
    }
}
