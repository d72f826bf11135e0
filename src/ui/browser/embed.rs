//! Running inside another page's frame: whether this page may be framed here at all, the
//! content's height going out (to the parent's origin only), an erase request from the parent
//! coming in, and nothing else crossing the frame boundary.
//!
//! The real control of who may frame the app is the host's `frame-ancestors` header
//! (examples/hosting); `embed_origins` is checked here too, where the browser names the pages
//! around this one (`location.ancestorOrigins`: Chromium and WebKit, not Firefox).

use std::cell::Cell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Whether the app runs inside another page's frame.
pub fn embedded() -> bool {
    let window = gloo::utils::window();
    window.parent().ok().flatten().is_some_and(|p| p != window)
}

/// The origins of the pages around this one, nearest first, where the browser tells them.
fn ancestor_origins() -> Option<Vec<String>> {
    let location = gloo::utils::window().location();
    let list = js_sys::Reflect::get(&location, &"ancestorOrigins".into()).ok()?;
    if list.is_undefined() || list.is_null() {
        return None;
    }
    let len = js_sys::Reflect::get(&list, &"length".into())
        .ok()?
        .as_f64()? as u32;
    (0..len)
        .map(|i| js_sys::Reflect::get(&list, &i.into()).ok()?.as_string())
        .collect()
}

/// Whether the app may run here: at the top level, or in a frame when no origins are listed,
/// or when every page around it is from a listed origin (as far as the browser tells).
pub fn allowed_here(origins: &[String]) -> bool {
    if origins.is_empty() || !embedded() {
        return true;
    }
    ancestor_origins().is_none_or(|around| around.iter().all(|o| origins.contains(o)))
}

/// Where height messages may go: the parent's origin where the browser names it, else the
/// listed origins (a message to an origin the parent is not on is dropped by the browser), and
/// only with no list and no name, any.
fn height_targets(origins: &[String]) -> Vec<String> {
    match ancestor_origins().and_then(|around| around.into_iter().next()) {
        Some(parent) if origins.is_empty() || origins.contains(&parent) => vec![parent],
        Some(_) => Vec::new(),
        None if origins.is_empty() => vec!["*".to_owned()],
        None => origins.to_vec(),
    }
}

/// What to do with the parent page's request to erase everything.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Erase {
    /// From a listed origin: at once.
    Now,
    /// With no list, any page may frame the app: only if the visitor says yes.
    Ask,
}

/// In a frame: tells the parent page the content's height whenever it changes, and calls
/// `on_erase` when the parent, and only the parent, asks to erase everything (unless
/// `parent_may_erase` is off: a host whose settings are broken gets no say).
pub fn serve_embedding(
    origins: Vec<String>,
    parent_may_erase: bool,
    on_erase: impl Fn(Erase) + 'static,
) {
    let window = gloo::utils::window();
    let Some(parent) = window.parent().ok().flatten() else {
        return;
    };
    let body = gloo::utils::body();
    let last = std::rc::Rc::new(Cell::new(0));
    let targets = height_targets(&origins);
    let post = {
        let parent = parent.clone();
        move || {
            let height = gloo::utils::document()
                .document_element()
                .map(|e| e.scroll_height())
                .unwrap_or(0);
            if height != last.replace(height) {
                let message = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&message, &"type".into(), &"hicp-check:height".into());
                let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
                for target in &targets {
                    let _ = parent.post_message(&message, target);
                }
            }
        }
    };
    let observer = Closure::<dyn Fn()>::new(post);
    if let Ok(ro) = web_sys::ResizeObserver::new(observer.as_ref().unchecked_ref()) {
        ro.observe(&body);
    }
    observer.forget();
    if !parent_may_erase {
        return;
    }
    let listener =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            // Identity, not `instanceof`: a parent on another origin is not a local Window.
            let parent_value: &wasm_bindgen::JsValue = parent.as_ref();
            let from_parent = e
                .source()
                .is_some_and(|s| &wasm_bindgen::JsValue::from(s) == parent_value);
            let is_erase = e.data().as_string().as_deref() == Some("hicp-check:erase")
                || js_sys::Reflect::get(&e.data(), &"type".into())
                    .ok()
                    .and_then(|t| t.as_string())
                    .as_deref()
                    == Some("hicp-check:erase");
            if !(from_parent && is_erase) {
                return;
            }
            if origins.is_empty() {
                on_erase(Erase::Ask);
            } else if origins.contains(&e.origin()) {
                on_erase(Erase::Now);
            }
        });
    let _ = window.add_event_listener_with_callback("message", listener.as_ref().unchecked_ref());
    listener.forget();
}
