//! The tools part: a wasm module of its own, run on the page, with the screens only some
//! visits use (`hicp_check::ui::tools`): the results and report (with comparing, sharing and
//! protecting files), the blank questionnaire, and working together. The main app fetches it
//! once an assessment is open, or when one of those screens opens first
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
