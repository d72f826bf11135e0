//! The team part: a wasm module of its own, run on the page, with the coordinator's tools for
//! working together (`hicp_check::ui::team`). The main app fetches it the first time its Work
//! together screen opens (`hicp_check::ui::browser::parts`), so a first visit never downloads
//! it; once started it registers itself on `window` for the app to mount.

#[cfg(target_arch = "wasm32")]
fn main() {
    hicp_check::ui::team::register();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The team part runs in a browser: build it with `trunk build --release`.");
}
