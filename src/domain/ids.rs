//! Stable identifiers. Results, answers and files are keyed by these, never by display text
//! or position, so that a reworded title or a reordered list changes nothing that was saved.

use std::fmt;

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Wraps an id as written in a pack or a file. Validation happens where the id is
            /// looked up, so an unknown one can be reported with its context.
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_type!(
    /// A threat, such as `threat.ransomware`.
    ThreatId
);
id_type!(
    /// A practice, such as `practice.8`.
    PracticeId
);
id_type!(
    /// A sub-practice as HICP numbers it: `<practice>.<S|M|L>.<letter>`, such as `1.M.B`.
    SubPracticeId
);
id_type!(
    /// A choice of the answer scale, such as `in_place`.
    ChoiceId
);
id_type!(
    /// A factor of the organization-size table, such as `size.beds`.
    FactorId
);

impl SubPracticeId {
    /// The practice number and tier written into the id, or `None` when it is not of HICP's
    /// `<number>.<S|M|L>.<letter>` form.
    pub fn parts(&self) -> Option<(u32, Tier)> {
        let mut it = self.0.split('.');
        let number = it.next()?;
        let tier = it.next()?;
        let letter = it.next()?;
        if it.next().is_some()
            || letter.len() != 1
            || !letter.bytes().all(|b| b.is_ascii_uppercase())
            || number.is_empty()
            || number.len() > 3
            || !number.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let tier = match tier {
            "S" => Tier::Small,
            "M" => Tier::Medium,
            "L" => Tier::Large,
            _ => return None,
        };
        Some((number.parse().ok()?, tier))
    }
}

/// An organization size, and with it a set of sub-practices (HICP's "best fit" tiers).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tier {
    Small,
    Medium,
    Large,
}

impl Tier {
    pub const ALL: [Tier; 3] = [Tier::Small, Tier::Medium, Tier::Large];

    /// The lowercase key used in packs and files.
    pub fn key(self) -> &'static str {
        match self {
            Tier::Small => "small",
            Tier::Medium => "medium",
            Tier::Large => "large",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Tier::Small => "Small",
            Tier::Medium => "Medium",
            Tier::Large => "Large",
        }
    }

    pub fn from_key(key: &str) -> Option<Tier> {
        Tier::ALL.into_iter().find(|t| t.key() == key)
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sub_practice_id_parts() {
        assert_eq!(
            SubPracticeId::new("10.M.A").parts(),
            Some((10, Tier::Medium))
        );
        assert_eq!(SubPracticeId::new("1.S.C").parts(), Some((1, Tier::Small)));
        for bad in [
            "", "1.S", "1.X.A", "1.S.a", "1.S.AB", "a.S.A", "1.S.A.B", ".S.A",
        ] {
            assert_eq!(SubPracticeId::new(bad).parts(), None, "{bad}");
        }
    }

    #[test]
    fn tier_keys_round_trip() {
        for t in Tier::ALL {
            assert_eq!(Tier::from_key(t.key()), Some(t));
        }
        assert_eq!(Tier::from_key("huge"), None);
    }
}
