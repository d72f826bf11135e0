//! The service worker: registering it, offering "reload to update" when a new version waits,
//! and asking it to keep an optional file (a language, the guidance texts) for offline use.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Asks the service worker to keep one of the app's optional files (a language, the guidance
/// texts) for offline use. The files every visit needs are kept anyway; these only once
/// someone has used them.
pub fn keep_offline(path: &str) {
    let container = gloo::utils::window().navigator().service_worker();
    let Ok(ready) = container.ready() else {
        return;
    };
    let message = wasm_bindgen::JsValue::from_str(&format!("hicp-check:keep:{path}"));
    yew::platform::spawn_local(async move {
        if let Ok(reg) = wasm_bindgen_futures::JsFuture::from(ready).await {
            if let Some(worker) = reg
                .unchecked_into::<web_sys::ServiceWorkerRegistration>()
                .active()
            {
                let _ = worker.post_message(&message);
            }
        }
    });
}

/// Registers the service worker, and calls `on_update` when a new version has been installed
/// and waits to take over.
pub fn register_service_worker(on_update: impl Fn() + 'static) {
    let container = gloo::utils::window().navigator().service_worker();
    let promise = container.register("sw.js");
    let on_update = std::rc::Rc::new(on_update);
    yew::platform::spawn_local(async move {
        let Ok(reg) = wasm_bindgen_futures::JsFuture::from(promise).await else {
            return;
        };
        let reg: web_sys::ServiceWorkerRegistration = reg.unchecked_into();
        let has_controller = || {
            gloo::utils::window()
                .navigator()
                .service_worker()
                .controller()
                .is_some()
        };
        if reg.waiting().is_some() && has_controller() {
            on_update();
        }
        let reg2 = reg.clone();
        let found = Closure::<dyn Fn()>::new(move || {
            let Some(worker) = reg2.installing() else {
                return;
            };
            let w2 = worker.clone();
            let on_update = on_update.clone();
            let changed = Closure::<dyn Fn()>::new(move || {
                if w2.state() == web_sys::ServiceWorkerState::Installed && has_controller() {
                    on_update();
                }
            });
            worker.set_onstatechange(Some(changed.as_ref().unchecked_ref()));
            changed.forget();
        });
        reg.set_onupdatefound(Some(found.as_ref().unchecked_ref()));
        found.forget();
    });
}

/// Lets the waiting version take over, then reloads. Answers are already saved.
pub fn apply_update() {
    let container = gloo::utils::window().navigator().service_worker();
    let reload = Closure::<dyn Fn()>::new(|| {
        let _ = gloo::utils::window().location().reload();
    });
    container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    yew::platform::spawn_local(async move {
        let container = gloo::utils::window().navigator().service_worker();
        let Ok(reg) = wasm_bindgen_futures::JsFuture::from(container.get_registration()).await
        else {
            return;
        };
        if let Some(waiting) = reg
            .unchecked_into::<web_sys::ServiceWorkerRegistration>()
            .waiting()
        {
            let _ =
                waiting.post_message(&wasm_bindgen::JsValue::from_str("hicp-check:skip-waiting"));
        }
    });
}
