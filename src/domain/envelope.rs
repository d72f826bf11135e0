//! The passphrase-protected file: an assessment file encrypted in the browser (Web Crypto:
//! PBKDF2-SHA-256 key derivation, AES-256-GCM), wrapped in a small JSON envelope that says how
//! to open it. This module only reads and writes the envelope; the cryptography is the
//! browser's (`ui::browser`).

use serde::{Deserialize, Serialize};

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

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Kdf {
    name: String,
    hash: String,
    iterations: u32,
    salt: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Cipher {
    name: String,
    iv: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Wire {
    format: String,
    format_version: u32,
    kdf: Kdf,
    cipher: Cipher,
    data: String,
}

impl Envelope {
    pub fn to_json(&self) -> String {
        let wire = Wire {
            format: ENCRYPTED_FORMAT.into(),
            format_version: 1,
            kdf: Kdf {
                name: "PBKDF2".into(),
                hash: "SHA-256".into(),
                iterations: self.iterations,
                salt: base64(&self.salt),
            },
            cipher: Cipher {
                name: "AES-GCM".into(),
                iv: base64(&self.iv),
            },
            data: base64(&self.data),
        };
        let mut text = serde_json::to_string_pretty(&wire).expect("plain data always serializes");
        text.push('\n');
        text
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
        // From the text again, not from `value`: one deserializer compiled in, not two.
        let wire: Wire = serde_json::from_str(text).map_err(|_| damaged())?;
        if wire.format_version != 1 {
            return Err(EnvelopeError::Newer);
        }
        let ok = wire.kdf.name == "PBKDF2"
            && wire.kdf.hash == "SHA-256"
            && (MIN_ITERATIONS..=MAX_ITERATIONS).contains(&wire.kdf.iterations)
            && wire.cipher.name == "AES-GCM";
        let (Some(salt), Some(iv), Some(data)) = (
            unbase64(&wire.kdf.salt),
            unbase64(&wire.cipher.iv),
            unbase64(&wire.data),
        ) else {
            return Err(damaged());
        };
        if !ok || salt.len() < 16 || iv.len() != 12 || data.len() < 16 {
            return Err(damaged());
        }
        Ok(Some(Envelope {
            salt,
            iv,
            iterations: wire.kdf.iterations,
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

    #[test]
    fn envelopes_round_trip_and_damage_is_refused() {
        let e = Envelope {
            salt: vec![7; 16],
            iv: vec![9; 12],
            iterations: ITERATIONS,
            data: vec![1; 40],
        };
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
}
