//! Running inside another page's frame: the content's height goes out, an erase request from
//! the parent comes in, and nothing else crosses the frame boundary.

use std::cell::Cell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Whether the app runs inside another page's frame.
pub fn embedded() -> bool {
    let window = gloo::utils::window();
    window.parent().ok().flatten().is_some_and(|p| p != window)
}

/// In a frame: tells the parent page the content's height (the only thing that ever crosses
/// the frame boundary) whenever it changes, and calls `on_erase` when the parent, and only the
/// parent (from one of `origins`, if any are set), asks to erase everything.
pub fn serve_embedding(origins: Vec<String>, on_erase: impl Fn() + 'static) {
    let window = gloo::utils::window();
    let Some(parent) = window.parent().ok().flatten() else {
        return;
    };
    let body = gloo::utils::body();
    let last = std::rc::Rc::new(Cell::new(0));
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
                let _ = parent.post_message(&message, "*");
            }
        }
    };
    let observer = Closure::<dyn Fn()>::new(post);
    if let Ok(ro) = web_sys::ResizeObserver::new(observer.as_ref().unchecked_ref()) {
        ro.observe(&body);
    }
    observer.forget();
    let listener =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            // Identity, not `instanceof`: a parent on another origin is not a local Window.
            let parent_value: &wasm_bindgen::JsValue = parent.as_ref();
            let from_parent = e
                .source()
                .is_some_and(|s| &wasm_bindgen::JsValue::from(s) == parent_value);
            let origin_ok = origins.is_empty() || origins.contains(&e.origin());
            let is_erase = e.data().as_string().as_deref() == Some("hicp-check:erase")
                || js_sys::Reflect::get(&e.data(), &"type".into())
                    .ok()
                    .and_then(|t| t.as_string())
                    .as_deref()
                    == Some("hicp-check:erase");
            if from_parent && origin_ok && is_erase {
                on_erase();
            }
        });
    let _ = window.add_event_listener_with_callback("message", listener.as_ref().unchecked_ref());
    listener.forget();
}
