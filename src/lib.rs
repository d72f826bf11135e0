//! HICP Check: a browser-only self-assessment against the HHS 405(d) Health Industry
//! Cybersecurity Practices (HICP).
//!
//! - [`domain`] is pure Rust: the catalogue, sizing, scoring, the action plan and the file
//!   format. It never touches a browser API, so it is tested natively.
//! - [`config`] reads and checks a host's settings for a self-hosted copy.
//! - [`content`] compiles the built-in content packs in and validates them into a
//!   [`domain::Catalog`].
//! - [`i18n`] holds the interface strings of every language, as data.
//! - `ui` (WebAssembly only) is the Yew app; `ui::browser` is the only place that touches
//!   storage, files and downloads.

pub mod config;
pub mod content;
pub mod domain;
pub mod i18n;
pub mod package_index;
pub mod packaging;
#[cfg(target_arch = "wasm32")]
pub mod ui;
