//! The passphrase-protected file: an assessment file encrypted in the browser (Web Crypto:
//! PBKDF2-SHA-256 key derivation, AES-256-GCM), wrapped in a small JSON envelope that says how
//! to open it. This module only reads and writes the envelope; the cryptography is the
//! browser's (`ui::browser`).

use super::transfer::fields_are;

/// The `format` of an encrypted file.
pub const ENCRYPTED_FORMAT: &str = "hicp-check-encrypted";
/// PBKDF2 iterations for new files (OWASP's figure for PBKDF2-HMAC-SHA-256).
pub const ITERATIONS: u32 = 600_000;
const MIN_ITERATIONS: u32 = 100_000;
const MAX_ITERATIONS: u32 = 10_000_000;
/// The shortest passphrase accepted for a new file.
pub const MIN_PASSPHRASE: usize = 10;

/// Why an encrypted file cannot be opened, before any passphrase is tried.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EnvelopeError {
    Damaged,
    Newer,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Envelope {
    pub salt: Vec<u8>,
    pub iv: Vec<u8>,
    pub iterations: u32,
    /// AES-GCM ciphertext with its tag.
    pub data: Vec<u8>,
}

impl Envelope {
    /// The envelope as JSON, laid out as `serde_json::to_string_pretty` would. Written out
    /// by hand: every value is a number or base64, which never needs escaping.
    pub fn to_json(&self) -> String {
        format!(
            "{{\n  \"format\": \"{ENCRYPTED_FORMAT}\",\n  \"format_version\": 1,\n  \"kdf\": {{\n    \
             \"name\": \"PBKDF2\",\n    \"hash\": \"SHA-256\",\n    \"iterations\": {},\n    \
             \"salt\": \"{}\"\n  }},\n  \"cipher\": {{\n    \"name\": \"AES-GCM\",\n    \
             \"iv\": \"{}\"\n  }},\n  \"data\": \"{}\"\n}}\n",
            self.iterations,
            base64(&self.salt),
            base64(&self.iv),
            base64(&self.data)
        )
    }

    /// `Ok(None)` when `text` is not an encrypted file at all.
    ///
    /// # Errors
    /// [`EnvelopeError`] when it claims to be one but cannot be opened.
    pub fn parse(text: &str) -> Result<Option<Envelope>, EnvelopeError> {
        let text = text.trim_start_matches('\u{feff}');
        let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else {
            return Ok(None);
        };
        if value.get("format").and_then(|f| f.as_str()) != Some(ENCRYPTED_FORMAT) {
            return Ok(None);
        }
        let damaged = || EnvelopeError::Damaged;
        // Read by hand over `value`: serde derives would compile in a parser of their own.
        let (kdf, cipher) = (&value["kdf"], &value["cipher"]);
        let shaped = fields_are(
            &value,
            &["format", "format_version", "kdf", "cipher", "data"],
            &[],
        ) && fields_are(kdf, &["name", "hash", "iterations", "salt"], &[])
            && fields_are(cipher, &["name", "iv"], &[]);
        if !shaped {
            return Err(damaged());
        }
        let number = |v: &serde_json::Value| v.as_u64().and_then(|n| u32::try_from(n).ok());
        let (Some(version), Some(iterations)) =
            (number(&value["format_version"]), number(&kdf["iterations"]))
        else {
            return Err(damaged());
        };
        if version != 1 {
            return Err(EnvelopeError::Newer);
        }
        let ok = kdf["name"] == "PBKDF2"
            && kdf["hash"] == "SHA-256"
            && (MIN_ITERATIONS..=MAX_ITERATIONS).contains(&iterations)
            && cipher["name"] == "AES-GCM";
        let base = |v: &serde_json::Value| v.as_str().and_then(unbase64);
        let (Some(salt), Some(iv), Some(data)) = (
            base(&kdf["salt"]),
            base(&cipher["iv"]),
            base(&value["data"]),
        ) else {
            return Err(damaged());
        };
        if !ok || salt.len() < 16 || iv.len() != 12 || data.len() < 16 {
            return Err(damaged());
        }
        Ok(Some(Envelope {
            salt,
            iv,
            iterations,
            data,
        }))
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding.
pub fn base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Decodes standard base64 with padding; `None` for anything else.
pub fn unbase64(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    if !bytes.len().is_multiple_of(4) {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3);
    for (ci, chunk) in bytes.chunks(4).enumerate() {
        let last = ci + 1 == bytes.len() / 4;
        let pad = chunk.iter().rev().take_while(|&&c| c == b'=').count();
        if pad > 2 || (pad > 0 && !last) {
            return None;
        }
        let mut n = 0u32;
        for &c in &chunk[..4 - pad] {
            // By range, not by a search of the alphabet: a protected evidence package holds
            // megabytes.
            let v = match c {
                b'A'..=b'Z' => c - b'A',
                b'a'..=b'z' => c - b'a' + 26,
                b'0'..=b'9' => c - b'0' + 52,
                b'+' => 62,
                b'/' => 63,
                _ => return None,
            };
            n = (n << 6) | u32::from(v);
        }
        n <<= 6 * pad as u32;
        let decoded = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&decoded[..3 - pad]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trips_and_matches_rfc_4648_vectors() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), coded);
            assert_eq!(unbase64(coded).unwrap(), plain.as_bytes());
        }
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(unbase64(&base64(&all)).unwrap(), all);
        for bad in ["Zg=", "Z===", "Zg==Zg==", "Zm9v!A==", "===="] {
            assert_eq!(unbase64(bad), None, "{bad}");
        }
    }

    fn sample() -> Envelope {
        Envelope {
            salt: vec![7; 16],
            iv: vec![9; 12],
            iterations: ITERATIONS,
            data: vec![1; 40],
        }
    }

    #[test]
    fn envelopes_round_trip_and_damage_is_refused() {
        let e = sample();
        assert_eq!(Envelope::parse(&e.to_json()).unwrap(), Some(e.clone()));
        assert_eq!(
            Envelope::parse("{\"format\": \"hicp-check-assessment\"}"),
            Ok(None)
        );
        assert_eq!(Envelope::parse("not json"), Ok(None));
        let damaged = e.to_json().replace("600000", "10");
        assert_eq!(Envelope::parse(&damaged), Err(EnvelopeError::Damaged));
        let short_iv = Envelope {
            iv: vec![1; 8],
            ..e
        };
        assert!(Envelope::parse(&short_iv.to_json()).is_err());
    }

    #[test]
    fn the_envelope_is_pretty_json_and_its_shape_is_checked() {
        let e = sample();
        let text = e.to_json();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["kdf"]["iterations"], ITERATIONS);
        assert_eq!(value["cipher"]["iv"], base64(&e.iv));
        let mut pretty = serde_json::to_string_pretty(&value).unwrap();
        pretty.push('\n');
        // serde_json's map sorts its keys; the envelope keeps its own order, so compare sets of
        // lines as well as the whole value.
        let lines = |t: &str| {
            let mut l: Vec<String> = t.lines().map(|l| l.trim_end_matches(',').into()).collect();
            l.sort();
            l
        };
        assert_eq!(lines(&text), lines(&pretty));
        assert!(text.starts_with("{\n  \"format\": \"hicp-check-encrypted\",\n"));
        for (from, to, expected) in [
            (
                "\"data\"",
                "\"extra\": 1,\n  \"data\"",
                EnvelopeError::Damaged,
            ),
            (
                "\"iv\"",
                "\"tag\": \"\",\n    \"iv\"",
                EnvelopeError::Damaged,
            ),
            (
                "\"format_version\": 1",
                "\"format_version\": 2",
                EnvelopeError::Newer,
            ),
            (
                "\"format_version\": 1",
                "\"format_version\": \"1\"",
                EnvelopeError::Damaged,
            ),
            ("\"AES-GCM\"", "\"AES-CBC\"", EnvelopeError::Damaged),
            ("\"SHA-256\"", "\"SHA-1\"", EnvelopeError::Damaged),
        ] {
            let edited = text.replacen(from, to, 1);
            assert_ne!(edited, text, "{from}");
            assert_eq!(Envelope::parse(&edited), Err(expected), "{edited}");
        }
    }
}
