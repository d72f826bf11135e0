//! Mounts the app into the page. Everything else lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    hicp_check::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("HICP Check runs in a browser: build it with `trunk build --release`.");
}
