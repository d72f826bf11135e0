//! Calendar dates and timestamps as they travel in files: `YYYY-MM-DD` and ISO 8601 UTC
//! timestamps (what a browser's `Date.toISOString()` writes). The domain never reads a clock;
//! callers pass these in.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date, checked to exist (no 31 April, 29 February only in leap years).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// # Errors
    /// Returns a message for the person when the date does not exist or is outside 1900-2999.
    pub fn new(year: u16, month: u8, day: u8) -> Result<Date, String> {
        if !(1900..=2999).contains(&year) {
            return Err(format!("the year {year} is outside 1900-2999"));
        }
        if !(1..=12).contains(&month) {
            return Err(format!("there is no month {month}"));
        }
        if day == 0 || day > days_in_month(year, month) {
            return Err(format!("{year}-{month:02} has no day {day}"));
        }
        Ok(Date { year, month, day })
    }

    pub fn year(self) -> u16 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// The same day `years` earlier; 29 February becomes 28 February in a common year.
    pub fn years_before(self, years: u16) -> Date {
        let year = self.year.saturating_sub(years).max(1900);
        let day = self.day.min(days_in_month(year, self.month));
        Date {
            year,
            month: self.month,
            day,
        }
    }
}

impl Date {
    /// The same day `months` earlier, clamped to the month's last day (31 May, 3 months
    /// before, is 28 or 29 February).
    pub fn months_before(self, months: u8) -> Date {
        let total = i32::from(self.year) * 12 + i32::from(self.month) - 1 - i32::from(months);
        let year = u16::try_from(total.div_euclid(12))
            .unwrap_or(1900)
            .max(1900);
        let month = total.rem_euclid(12) as u8 + 1;
        let day = self.day.min(days_in_month(year, month));
        Date { year, month, day }
    }

    /// The last day of the quarter the date falls in: 31 March, 30 June, 30 September or
    /// 31 December.
    pub fn quarter_end(self) -> Date {
        let month = (self.month - 1) / 3 * 3 + 3;
        let day = days_in_month(self.year, month);
        Date { month, day, ..self }
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        _ => 31,
    }
}

fn digits(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

impl FromStr for Date {
    type Err = String;

    fn from_str(s: &str) -> Result<Date, String> {
        let bad = || format!("\"{}\" is not a date of the form YYYY-MM-DD", truncate(s));
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(bad());
        }
        let year = digits(&s[0..4]).ok_or_else(bad)?;
        let month = digits(&s[5..7]).ok_or_else(bad)?;
        let day = digits(&s[8..10]).ok_or_else(bad)?;
        Date::new(year as u16, month as u8, day as u8)
    }
}

fn truncate(s: &str) -> String {
    s.chars().take(40).collect()
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// An instant in UTC, kept as the ISO 8601 text it arrived as (`2026-11-25T09:30:00.000Z`),
/// so that a file round-trips byte for byte. Checked on the way in.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(String);

impl Timestamp {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The calendar date part.
    pub fn date(&self) -> Date {
        self.0[..10]
            .parse()
            .expect("checked when the timestamp was made")
    }
}

impl FromStr for Timestamp {
    type Err = String;

    fn from_str(s: &str) -> Result<Timestamp, String> {
        let bad = || {
            format!(
                "\"{}\" is not a UTC timestamp such as 2026-01-31T09:30:00Z",
                truncate(s)
            )
        };
        if s.len() < 20 || s.len() > 30 || !s.is_ascii() {
            return Err(bad());
        }
        s[..10].parse::<Date>().map_err(|_| bad())?;
        let time = &s[10..];
        let b = time.as_bytes();
        let shape_ok = b[0] == b'T'
            && b[3] == b':'
            && b[6] == b':'
            && digits(&time[1..3]).is_some_and(|h| h < 24)
            && digits(&time[4..6]).is_some_and(|m| m < 60)
            && digits(&time[7..9]).is_some_and(|s| s < 61)
            && b.last() == Some(&b'Z');
        let fraction = &time[9..time.len() - 1];
        let fraction_ok =
            fraction.is_empty() || (fraction.starts_with('.') && digits(&fraction[1..]).is_some());
        if shape_ok && fraction_ok {
            Ok(Timestamp(s.to_owned()))
        } else {
            Err(bad())
        }
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_and_print() {
        let d: Date = "2024-02-29".parse().unwrap();
        assert_eq!(d.to_string(), "2024-02-29");
        assert_eq!(d.years_before(1).to_string(), "2023-02-28");
        let may: Date = "2026-05-31".parse().unwrap();
        assert_eq!(may.months_before(3).to_string(), "2026-02-28");
        assert_eq!(may.months_before(5).to_string(), "2025-12-31");
        assert_eq!(may.months_before(0), may);
        for bad in [
            "2023-02-29",
            "2024-13-01",
            "2024-04-31",
            "24-01-01",
            "2024/01/01",
            "2024-1-01x",
            "",
            "1899-12-31",
        ] {
            assert!(bad.parse::<Date>().is_err(), "{bad}");
        }
    }

    #[test]
    fn timestamps_accept_browser_iso_strings_only() {
        for ok in ["2026-11-25T09:30:00.000Z", "2026-11-25T09:30:00Z"] {
            let t: Timestamp = ok.parse().unwrap();
            assert_eq!(t.as_str(), ok);
            assert_eq!(t.date().to_string(), "2026-11-25");
        }
        for bad in [
            "2026-11-25",
            "2026-11-25T25:00:00Z",
            "2026-11-25T09:30:00",
            "2026-11-25T09:30:00.Z",
            "2026-11-25 09:30:00Z",
            "2026-11-25T09:30:00+01:00",
            "2026-11-25T09:30:00.000000000000Z",
        ] {
            assert!(bad.parse::<Timestamp>().is_err(), "{bad}");
        }
    }
}
