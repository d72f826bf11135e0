//! Browser unit tests (wasm32 only): the app mounted into a real DOM in headless Chromium.
#![cfg(target_arch = "wasm32")]
