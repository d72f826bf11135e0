//! The tools part: a wasm module of its own, run on the page, with the tools only one screen
//! uses (`hicp_check::ui::tools`): working together, and comparing, sharing and protecting
//! files from the results. The main app fetches it the first time one of those screens opens
//! (`hicp_check::ui::browser::parts`), so a first visit never downloads it; once started it
//! registers itself on `window` for the app to mount.

#[cfg(target_arch = "wasm32")]
fn main() {
    hicp_check::ui::tools::register();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The tools part runs in a browser: build it with `trunk build --release`.");
}
