//! One component per file, each with its own props. Helpers more than one of them needs live
//! outside this folder, in modules named for what they own ([`super::wording`],
//! [`super::dom`], [`super::downloads`], [`super::opening`]), so that no two components
//! import each other.

pub mod answer;
pub mod banners;
pub mod evidence;
pub mod header;
pub mod import_preview;
pub mod library;
pub mod open_file;
pub mod overview;
pub mod respond;
pub mod size;
pub mod start;
pub mod tools;
pub mod unlock;
