//! The browser's edge: every call into a browser API lives below this module, one file per
//! concern. Nothing here knows the app's state or components; the store ([`super::store`])
//! and the components call these functions, and only [`storage`] knows a storage key.

pub mod crypto;
pub mod embed;
pub mod evidence_store;
pub mod fetch;
pub mod files;
pub mod language;
pub mod package;
pub mod page;
pub mod parts;
pub mod service_worker;
pub mod storage;
