//! What a compiled pack was made from: the FNV-1a hash of the pack file's bytes, in hex,
//! carriage returns left out (a checkout with Windows line ends is the same pack). build.rs
//! includes this file too, to tell whether `content/hicp-2018.compiled` is stale.

/// The stamp of a file's bytes.
pub fn stamp(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes.iter().filter(|b| **b != b'\r') {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("fnv1a64:{hash:016x}")
}
