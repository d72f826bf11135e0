//! Opening a package, however hostile: names are checked before any byte is inflated, and
//! every limit is checked on the bytes as they are inflated, a chunk at a time.

use std::io::{Cursor, ErrorKind, Read};

use zip::result::ZipError;
use zip::{CompressionMethod, ZipArchive};

use super::{shown, Damage, Entry, Limits, Names, PackageError};

/// The files of the zip `bytes`, in the zip's order; directory entries are skipped. Refuses
/// the whole package at its first problem (see [`PackageError`]).
pub fn read(bytes: &[u8], limits: Limits) -> Result<Vec<Entry>, PackageError> {
    // A zip starts with a file's header, or with the end record when it is empty.
    if !bytes.starts_with(b"PK") {
        return Err(PackageError::NotAZip);
    }
    let damaged = |name: Option<&str>, damage| PackageError::Damaged {
        name: name.map(shown),
        damage,
    };
    // The zip crate keeps one entry per name: a second file of the same name would vanish
    // without a word. The names as the central directory lists them, checked first.
    let mut listed = Names::default();
    for name in central_names(bytes).unwrap_or_default() {
        listed.admit(&name)?;
    }
    let mut zip =
        ZipArchive::new(Cursor::new(bytes)).map_err(|_| damaged(None, Damage::Directory))?;

    // What the central directory says, before any file is inflated: names, duplicates, count,
    // encryption and method. Every name in it is checked, the directories' too.
    let mut names = Names::default();
    let mut files = Vec::new();
    for i in 0..zip.len() {
        let file = zip.by_index_raw(i).map_err(|e| match e {
            ZipError::Io(e) if e.kind() == ErrorKind::UnexpectedEof => {
                damaged(None, Damage::Truncated)
            }
            _ => damaged(None, Damage::Directory),
        })?;
        let name = file
            .name()
            .map_err(|_| damaged(None, Damage::Directory))?
            .into_owned();
        let is_dir = file.is_dir();
        names.admit(name.strip_suffix('/').filter(|_| is_dir).unwrap_or(&name))?;
        if is_dir {
            continue;
        }
        if file.encrypted() {
            return Err(PackageError::Encrypted { name: shown(&name) });
        }
        if !matches!(
            file.compression(),
            CompressionMethod::Stored | CompressionMethod::Deflated
        ) {
            return Err(PackageError::UnsupportedMethod { name: shown(&name) });
        }
        // A compressed size larger than the whole zip is a lie; the ratio is taken on at most
        // the zip's length.
        files.push((i, name, file.compressed_size().min(bytes.len() as u64)));
        if files.len() > limits.max_entries {
            return Err(PackageError::TooManyEntries {
                limit: limits.max_entries as u64,
            });
        }
    }

    let mut total: u64 = 0;
    let mut out = Vec::with_capacity(files.len());
    let mut chunk = vec![0u8; 64 * 1024];
    for (i, name, compressed) in files {
        let mut file = zip.by_index(i).map_err(|e| match e {
            ZipError::Io(e) if e.kind() == ErrorKind::UnexpectedEof => {
                damaged(Some(&name), Damage::Truncated)
            }
            _ => damaged(Some(&name), Damage::Data),
        })?;
        let mut content = Vec::new();
        loop {
            let n = match file.read(&mut chunk) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                Err(e) => return Err(damaged(Some(&name), damage_of(&e))),
            };
            content.extend_from_slice(&chunk[..n]);
            let size = content.len() as u64;
            total += n as u64;
            if size > limits.max_entry_bytes {
                return Err(PackageError::EntryTooLarge {
                    name: shown(&name),
                    limit: limits.max_entry_bytes,
                });
            }
            if total > limits.max_total_bytes {
                return Err(PackageError::TotalTooLarge {
                    limit: limits.max_total_bytes,
                });
            }
            if size > limits.ratio_from_bytes && size / compressed.max(1) > limits.max_ratio {
                return Err(PackageError::CompressionRatio {
                    name: shown(&name),
                    limit: limits.max_ratio,
                });
            }
        }
        out.push(Entry {
            name,
            bytes: content,
        });
    }
    Ok(out)
}

/// Every name in the central directory, in its order, duplicates included (directories
/// without their trailing `/`); `None` where the directory cannot be walked (the zip crate
/// then says how it is damaged) or is a Zip64 one.
fn central_names(bytes: &[u8]) -> Option<Vec<String>> {
    let u16_at = |at: usize| Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?));
    let u32_at = |at: usize| Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?));
    let floor = bytes.len().saturating_sub(22 + usize::from(u16::MAX));
    let end = (floor..=bytes.len().checked_sub(22)?)
        .rev()
        .find(|&i| bytes[i..].starts_with(b"PK\x05\x06"))?;
    let (count, mut at) = (u16_at(end + 10)?, u32_at(end + 16)? as usize);
    if count == u16::MAX {
        return None;
    }
    let mut names = Vec::with_capacity(usize::from(count));
    for _ in 0..count {
        if u32_at(at)? != 0x0201_4b50 {
            return None;
        }
        let name_len = usize::from(u16_at(at + 28)?);
        let rest = usize::from(u16_at(at + 30)?) + usize::from(u16_at(at + 32)?);
        let name = String::from_utf8_lossy(bytes.get(at + 46..at + 46 + name_len)?);
        names.push(name.strip_suffix('/').unwrap_or(&name).to_owned());
        at += 46 + name_len + rest;
    }
    Some(names)
}

/// What an error while inflating says of the zip. The zip crate tells a checksum and a size
/// mismatch apart only by their message.
fn damage_of(e: &std::io::Error) -> Damage {
    let said = e.to_string();
    if e.kind() == ErrorKind::UnexpectedEof {
        Damage::Truncated
    } else if said.contains("checksum") {
        Damage::Checksum
    } else if said.contains("declared uncompressed size") {
        Damage::Size
    } else {
        Damage::Data
    }
}
