//! Lowercase without the whole Unicode case table.
//!
//! `str::to_lowercase` brings Unicode's table of every case pair into the app's wasm: about
//! 7 KB of a first visit, for a size label set inside a sentence (`i18n::messages`). This
//! covers the letters of the alphabets a pack is likely to be written in: Basic Latin,
//! Latin-1, Latin Extended-A, Greek and Cyrillic. Any other letter is left as it is, never
//! changed wrongly (a native test holds every letter of those blocks to the standard
//! library's answer). Code that only the parts run (evidence file names in a package, which
//! must fold as packages always did) keeps the standard library's.

/// `c` in lowercase, where it is a capital of the blocks above; else `c`.
pub fn lower(c: char) -> char {
    let n = c as u32;
    let even = n.is_multiple_of(2);
    let to = match n {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A1 | 0x3A3..=0x3AB => n + 0x20,
        0x410..=0x42F => n + 0x20,
        0x400..=0x40F => n + 0x50,
        // Latin Extended-A pairs its capitals and small letters one after the other, the
        // capital first: even code points from Ā, odd from Ĺ, even again from Ŋ, odd from Ź.
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if even => n + 1,
        0x139..=0x148 | 0x179..=0x17E if !even => n + 1,
        0x178 => 0xFF,
        0x386 => 0x3AC,
        0x388..=0x38A => n + 0x25,
        0x38C => 0x3CC,
        0x38E | 0x38F => n + 0x3F,
        _ => n,
    };
    char::from_u32(to).unwrap_or(c)
}

/// `text` with every letter [`lower`] knows in lowercase.
pub fn lowercase(text: &str) -> String {
    text.chars().map(lower).collect()
}
