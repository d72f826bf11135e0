//! The page itself: the clock, fresh ids, keyboard focus, printing, the host's colours and the
//! document's language.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsCast;

use crate::config::SiteConfig;
use crate::domain::Timestamp;

/// The current instant, as the browser's clock has it.
pub fn now() -> Timestamp {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    iso.parse().unwrap_or_else(|_| {
        "2000-01-01T00:00:00.000Z"
            .parse()
            .expect("a valid timestamp")
    })
}

/// A fresh id for a saved assessment, unique on this device.
pub fn new_id() -> String {
    let random = (js_sys::Math::random() * 1e9) as u64;
    format!("{:x}-{random:x}", js_sys::Date::now() as u64)
}

pub fn print() {
    let _ = gloo::utils::window().print();
}

/// Moves keyboard focus to an element (after a step change), if it exists.
pub fn focus(id: &str) {
    if let Some(el) = gloo::utils::document().get_element_by_id(id) {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// Moves focus to an element once the current render has reached the page.
pub fn focus_soon(id: &str) {
    let id = id.to_owned();
    gloo::timers::callback::Timeout::new(0, move || focus(&id)).forget();
}

/// At most this long after [`after_paint`] is asked, its work runs even if no frame came.
const AFTER_PAINT_LATEST_MS: u32 = 200;

/// Runs `f` once, after the page has had its chance to paint what was just rendered, so that
/// start-up work nothing on screen waits for (the service worker, persistent storage) does not
/// lengthen the task that renders the first screen. A page that paints no frame (a hidden tab,
/// or a frame out of view on a host's page, where browsers hold animation frames back) runs it
/// after [`AFTER_PAINT_LATEST_MS`] all the same.
pub fn after_paint(f: impl FnOnce() + 'static) {
    use gloo::timers::callback::Timeout;
    fn run<F: FnOnce()>(once: &Cell<Option<F>>) {
        if let Some(f) = once.take() {
            f();
        }
    }
    let once = Rc::new(Cell::new(Some(f)));
    let after_frame = once.clone();
    let frame = wasm_bindgen::closure::Closure::once_into_js(move || {
        Timeout::new(0, move || run(&after_frame)).forget();
    });
    let _ = gloo::utils::window().request_animation_frame(frame.unchecked_ref());
    Timeout::new(AFTER_PAINT_LATEST_MS, move || run(&once)).forget();
}

/// Applies the host's colours as CSS custom properties (checked hex values only).
pub fn apply_colors(config: &SiteConfig) {
    let Some(root) = gloo::utils::document().document_element() else {
        return;
    };
    let Ok(root) = root.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    let style = root.style();
    let c = &config.colors;
    for (name, value) in [
        ("--accent", &c.accent),
        ("--accent-ink", &c.accent_text),
        ("--ink", &c.ink),
        ("--paper", &c.background),
    ] {
        if let Some(v) = value {
            let _ = style.set_property(name, v);
        }
    }
}

/// Tells the page (and so screen readers and spell checkers) which language it is in.
pub fn set_document_language(code: &str) {
    if let Some(html) = gloo::utils::document().document_element() {
        let _ = html.set_attribute("lang", code);
    }
}

/// Whether the page was opened as the webmaster's check page: `index.html?check`.
pub fn check_requested() -> bool {
    let search = gloo::utils::window()
        .location()
        .search()
        .unwrap_or_default();
    search
        .trim_start_matches('?')
        .split('&')
        .any(|part| part == "check" || part.starts_with("check="))
}
