//! The document's UUIDs: RFC 4122 version 5 (name-based, SHA-1) under HICP Check's own
//! namespace, so that the same input always gives the same document.

use crate::domain::assessment::Assessment;
use crate::domain::canonical::Canonical;
use crate::domain::catalog::Catalog;
use crate::domain::date::Timestamp;

/// The namespace under which every UUID of the document is derived (RFC 4122 version 5).
/// Made once at random; it must never change, or every UUID would.
const UUID_NAMESPACE: [u8; 16] = [
    0xe8, 0xf1, 0xfa, 0xd6, 0x61, 0x33, 0x47, 0x20, 0x99, 0x55, 0xd9, 0x39, 0x93, 0x5d, 0x83, 0x4a,
];

/// Where the document's UUIDs come from: a canonical rendering of everything the document
/// says, and one of the assessment's identity alone.
pub(super) struct Ids {
    content: Vec<u8>,
    subject: Vec<u8>,
}

impl Ids {
    pub(super) fn new(catalog: &Catalog, assessment: &Assessment, generated: &Timestamp) -> Ids {
        let canonical = Canonical::new(catalog, assessment);
        let mut subject = Vec::new();
        for field in canonical.identity() {
            feed(&mut subject, field);
        }
        let mut content = subject.clone();
        feed(&mut content, canonical.content_version());
        feed(&mut content, assessment.updated.as_str());
        feed(&mut content, generated.as_str());
        feed(&mut content, canonical.tier());
        feed(&mut content, &canonical.include_optional().to_string());
        for fields in canonical.answers() {
            fields.iter().for_each(|f| feed(&mut content, f));
        }
        for fields in canonical.plan() {
            fields.iter().for_each(|f| feed(&mut content, f));
        }
        Ids { content, subject }
    }

    /// Changes whenever anything in the document does.
    pub(super) fn content(&self, purpose: &str) -> String {
        uuid_v5(&UUID_NAMESPACE, &named(purpose, &self.content))
    }

    /// Stays the same for one assessment while its answers change.
    pub(super) fn subject(&self, purpose: &str) -> String {
        uuid_v5(&UUID_NAMESPACE, &named(purpose, &self.subject))
    }
}

/// The same for everyone: for things defined by the pack alone.
pub(super) fn fixed_uuid(purpose: &str) -> String {
    uuid_v5(&UUID_NAMESPACE, purpose.as_bytes())
}

/// Length-prefixed, so that no two different field lists render the same.
fn feed(out: &mut Vec<u8>, field: &str) {
    out.extend_from_slice(&(field.len() as u64).to_be_bytes());
    out.extend_from_slice(field.as_bytes());
}

fn named(purpose: &str, seed: &[u8]) -> Vec<u8> {
    let mut name = Vec::with_capacity(purpose.len() + 9 + seed.len());
    feed(&mut name, purpose);
    name.extend_from_slice(seed);
    name
}

/// An RFC 4122 version-5 UUID: SHA-1 of the namespace and the name, with the version and
/// variant bits set. Lower-case hex, as OSCAL examples write them.
fn uuid_v5(namespace: &[u8; 16], name: &[u8]) -> String {
    let mut input = namespace.to_vec();
    input.extend_from_slice(name);
    let hash = sha1(&input);
    let mut b = [0u8; 16];
    b.copy_from_slice(&hash[..16]);
    b[6] = (b[6] & 0x0f) | 0x50;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// SHA-1 (FIPS 180-4), only to name UUIDs as RFC 4122 version 5 prescribes; not a security
/// measure. Small enough to keep here rather than add a crate to the app.
fn sha1(data: &[u8]) -> [u8; 20] {
    let mut h: [u32; 5] = [
        0x6745_2301,
        0xefcd_ab89,
        0x98ba_dcfe,
        0x1032_5476,
        0xc3d2_e1f0,
    ];
    let mut message = data.to_vec();
    message.push(0x80);
    while message.len() % 64 != 56 {
        message.push(0);
    }
    message.extend_from_slice(&((data.len() as u64) * 8).to_be_bytes());
    for block in message.chunks_exact(64) {
        let mut w = [0u32; 80];
        for (i, word) in block.chunks_exact(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let [mut a, mut b, mut c, mut d, mut e] = h;
        for (i, &wi) in w.iter().enumerate() {
            let (f, k) = match i {
                0..=19 => ((b & c) | (!b & d), 0x5a82_7999),
                20..=39 => (b ^ c ^ d, 0x6ed9_eba1),
                40..=59 => ((b & c) | (b & d) | (c & d), 0x8f1b_bcdc),
                _ => (b ^ c ^ d, 0xca62_c1d6),
            };
            let t = a
                .rotate_left(5)
                .wrapping_add(f)
                .wrapping_add(e)
                .wrapping_add(k)
                .wrapping_add(wi);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = t;
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 20];
    for (chunk, word) in out.chunks_exact_mut(4).zip(h) {
        chunk.copy_from_slice(&word.to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha1_matches_the_standard_test_vectors() {
        let hex = |d: [u8; 20]| d.iter().map(|b| format!("{b:02x}")).collect::<String>();
        assert_eq!(hex(sha1(b"")), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
        assert_eq!(
            hex(sha1(b"abc")),
            "a9993e364706816aba3e25717850c26c9cd0d89d"
        );
        assert_eq!(
            hex(sha1(
                b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
            )),
            "84983e441c3bd26ebaae4aa1f95129e5e54670f1"
        );
    }

    #[test]
    fn uuid_v5_matches_rfc_4122() {
        // Python's uuid.uuid5(uuid.NAMESPACE_DNS, "python.org").
        let dns = [
            0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4,
            0x30, 0xc8,
        ];
        assert_eq!(
            uuid_v5(&dns, b"python.org"),
            "886313e1-3b8a-5372-9b90-0c9aee199e5d"
        );
    }
}
