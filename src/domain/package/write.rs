//! Making a package. The output depends on the entries only: every file carries the same
//! date (1980-01-01 00:00, zip's earliest, as Git and reproducible builds use) and the same
//! permissions (rw-r--r--).
//!
//! Text (the assessment, the index, CSV, most evidence) is deflated. Formats that are already
//! compressed (images, zip-based office files, archives, video) are stored as they are:
//! deflating them again costs time and saves nothing. A large file of any other kind is
//! deflated on trial first, and stored if that saves little, or if it would deflate past
//! [`Limits::max_ratio`]: a package this module writes is always one that [`super::read`]
//! opens with the default limits.

use std::io::Write;

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::{Entry, Limits, Names, PackageError};

/// The zip of `entries`, in their order. Refuses unsafe and duplicate names, and what
/// [`super::read`] would refuse with the default limits: too many files, or too large.
pub fn write(entries: &[Entry]) -> Result<Vec<u8>, PackageError> {
    let limits = Limits::DEFAULT;
    if entries.len() > limits.max_entries {
        return Err(PackageError::TooManyEntries {
            limit: limits.max_entries as u64,
        });
    }
    let mut names = Names::default();
    let mut total: u64 = 0;
    for entry in entries {
        names.admit(&entry.name)?;
        let size = entry.bytes.len() as u64;
        if size > limits.max_entry_bytes {
            return Err(PackageError::EntryTooLarge {
                name: super::shown(&entry.name),
                limit: limits.max_entry_bytes,
            });
        }
        total += size;
        if total > limits.max_total_bytes {
            return Err(PackageError::TotalTooLarge {
                limit: limits.max_total_bytes,
            });
        }
    }
    let base = SimpleFileOptions::default()
        .last_modified_time(DateTime::DEFAULT)
        .unix_permissions(0o644);
    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::with_capacity(total as usize / 2)));
    for entry in entries {
        let method = if deflates(&entry.bytes, &limits) {
            CompressionMethod::Deflated
        } else {
            CompressionMethod::Stored
        };
        // Writing into memory fails only past zip's 4 GiB, far above the limits.
        zip.start_file(entry.name.as_str(), base.compression_method(method))
            .and_then(|()| Ok(zip.write_all(&entry.bytes)?))
            .expect("a zip in memory, within the limits, is written");
    }
    Ok(zip
        .finish()
        .expect("a zip in memory is finished")
        .into_inner())
}

/// Whether `bytes` is worth deflating (see the module's documentation).
fn deflates(bytes: &[u8], limits: &Limits) -> bool {
    if compressed_already(bytes) {
        return false;
    }
    let size = bytes.len() as u64;
    if size <= limits.ratio_from_bytes {
        return true;
    }
    let mut trial = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
    let deflated = trial
        .write_all(bytes)
        .and_then(|()| trial.finish())
        .map_or(size, |d| d.len() as u64)
        .max(1);
    deflated < size - size / 16 && size / deflated <= limits.max_ratio
}

/// Whether `bytes` starts as a compressed format does: PNG, JPEG, GIF, WebP, zip (and so
/// docx, xlsx, pptx, odt), gzip, bzip2, xz, zstd, 7z, RAR, Ogg, MP3, MP4/HEIC/MOV.
fn compressed_already(bytes: &[u8]) -> bool {
    const MAGIC: [&[u8]; 12] = [
        b"\x89PNG",
        b"\xFF\xD8\xFF",
        b"GIF8",
        b"PK\x03\x04",
        b"\x1F\x8B",
        b"BZh",
        b"\xFD7zXZ\x00",
        b"\x28\xB5\x2F\xFD",
        b"7z\xBC\xAF\x27\x1C",
        b"Rar!",
        b"OggS",
        b"ID3",
    ];
    MAGIC.iter().any(|m| bytes.starts_with(m))
        || (bytes.len() > 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP")
        || (bytes.len() > 8 && &bytes[4..8] == b"ftyp")
}
