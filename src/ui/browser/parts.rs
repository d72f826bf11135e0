//! The parts of the app that run on the page, fetched when needed or ahead of it
//! ([`prefetch`]): a wasm module of their own (the tools part, `src/bin/tools.rs`), so that a
//! first visit does not download them. The service worker keeps a part's files once fetched
//! (assets/sw.js, `ON_USE`), so a part fetched once online works offline afterwards.
//!
//! A part is started by its loader, `<name>_loader.js` next to the page, as a module script;
//! once started, it registers its entry function on `window` under `hicp-<name>` and says so
//! with the event `hicp-<name>-ready`. A loader that could not be fetched fires `error`; one
//! whose module could not start fires `hicp-<name>-failed`.

use std::cell::RefCell;

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

thread_local! {
    /// Each part asked for on this page, and the promise that it settled. A module script is
    /// fetched once per page: a part that could not be fetched is not asked for again until
    /// the page is reloaded.
    static ASKED: RefCell<Vec<(&'static str, Promise)>> = const { RefCell::new(Vec::new()) };
    /// The parts [`prefetch`] was asked for on this page.
    static PREFETCHED: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
}

/// Fetches and starts part `name` in the background, once per page: so that it is there, and
/// kept offline, before it is first needed. Through the service worker, which is what keeps
/// it: when none controls the page yet, once one does; when none will (a reload that passed
/// it by, a browser that allows none), at once, so that the part is in the page for the rest
/// of the visit at least.
pub fn prefetch(name: &'static str) {
    if PREFETCHED.with(|p| p.borrow().contains(&name)) {
        return;
    }
    PREFETCHED.with(|p| p.borrow_mut().push(name));
    let start = move || {
        yew::platform::spawn_local(async move {
            let _ = load(name).await;
        })
    };
    let navigator = gloo::utils::window().navigator();
    if !Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        return start();
    }
    let container = navigator.service_worker();
    if container.controller().is_some() {
        return start();
    }
    let ready = container.ready();
    // `load` fetches once per page however often this runs (a later update, say).
    let start = Closure::<dyn Fn()>::new(start);
    let _ = container
        .add_event_listener_with_callback("controllerchange", start.as_ref().unchecked_ref());
    let start: Function = start.into_js_value().unchecked_into();
    yew::platform::spawn_local(async move {
        let Ok(ready) = ready else {
            let _ = start.call0(&JsValue::NULL);
            return;
        };
        let Ok(registration) = JsFuture::from(ready).await else {
            return;
        };
        let registration: web_sys::ServiceWorkerRegistration = registration.unchecked_into();
        // Once the worker is activated (and so has claimed the pages it will), a page still
        // not in its charge stays so until a reload.
        if let Some(worker) = registration.active() {
            if worker.state() != web_sys::ServiceWorkerState::Activated {
                let activated = Promise::new(&mut |resolve, _| {
                    let _ = worker.add_event_listener_with_callback("statechange", &resolve);
                });
                let _ = JsFuture::from(activated).await;
            }
        }
        let container = gloo::utils::window().navigator().service_worker();
        if container.controller().is_none() {
            let _ = start.call0(&JsValue::NULL);
        }
    });
}

/// The entry function of part `name`, fetched and started on first use; `None` when it could
/// not be fetched or started (offline before its first use, say).
pub async fn load(name: &'static str) -> Option<Function> {
    let window = gloo::utils::window();
    let key = format!("hicp-{name}");
    let settled = ASKED.with(|asked| {
        let mut asked = asked.borrow_mut();
        if let Some((_, p)) = asked.iter().find(|(n, _)| *n == name) {
            return Some(p.clone());
        }
        let document = gloo::utils::document();
        let script = document.create_element("script").ok()?;
        let _ = script.set_attribute("type", "module");
        let _ = script.set_attribute("src", &format!("{name}_loader.js"));
        let promise = Promise::new(&mut |resolve, _| {
            for event in ["ready", "failed"] {
                let _ = window
                    .add_event_listener_with_callback(&format!("hicp-{name}-{event}"), &resolve);
            }
            let _ = script.add_event_listener_with_callback("error", &resolve);
        });
        document.head()?.append_child(&script).ok()?;
        asked.push((name, promise.clone()));
        Some(promise)
    })?;
    let _ = JsFuture::from(settled).await;
    let entry = registered(&key)?;
    // Fetched past the service worker (none controlled the page yet: a first visit to a copy
    // with a pack of its own, which needs the part to start), it would not be kept offline:
    // ask the worker to keep its files. Fetched through it, they are kept already.
    let navigator = window.navigator();
    if Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false)
        && navigator.service_worker().controller().is_none()
    {
        for file in ["_loader.js", ".js", "_bg.wasm"] {
            super::service_worker::keep_offline(&format!("{name}{file}"));
        }
    }
    Some(entry)
}

/// A function a part registered on `window` under `key` (`hicp-tools-pack`, say), once the
/// part is started ([`load`]).
pub fn registered(key: &str) -> Option<Function> {
    Reflect::get(&gloo::utils::window(), &JsValue::from_str(key))
        .ok()?
        .dyn_into()
        .ok()
}
