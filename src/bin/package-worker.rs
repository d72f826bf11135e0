//! The package worker: a wasm module of its own, run in a dedicated Web Worker, that writes and
//! reads evidence packages (zips) with `hicp_check::domain::package`. The main app starts it
//! on first use (`src/ui/browser/package.rs`), so the zip code is never part of a first visit,
//! and a large zip never blocks the page.
//!
//! Protocol (JS objects; every ArrayBuffer is transferred, not copied):
//! - on start: `{ready: true}`
//! - `{id, op: "write", names: [string], parts: [Uint8Array]}` → `{id, ok: Uint8Array}`
//! - `{id, op: "read", bytes: Uint8Array}` → `{id, names: [string], parts: [Uint8Array]}`
//! - a refusal: `{id, error: {kind, name?, limit?, damage?}}` (`PackageError::kind` and its
//!   parts); a request it cannot make sense of: `{id, error: {kind: "bad-request"}}`.
//!
//! A reply goes to the port sent with the request (`postMessage(request, [...buffers, port])`)
//! when there is one, as the app's client does; otherwise to the worker's own `postMessage`.

#[cfg(target_arch = "wasm32")]
fn main() {
    worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The package worker runs in a browser: build it with `trunk build --release`.");
}

#[cfg(target_arch = "wasm32")]
mod worker {
    use hicp_check::domain::package::{self, Entry, Limits, PackageError};
    use js_sys::{Array, Object, Reflect, Uint8Array};
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, MessagePort};

    pub fn start() {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let answering = scope.clone();
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let (reply, transfer) = answer(&event.data());
            // Every buffer in `transfer` is the worker's own: transferring cannot fail.
            match event.ports().get(0).dyn_into::<MessagePort>() {
                Ok(port) => {
                    let _ = port.post_message_with_transferable(&reply, &transfer);
                    port.close();
                }
                Err(_) => {
                    let _ = answering.post_message_with_transfer(&reply, &transfer);
                }
            }
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        let ready = Object::new();
        set(&ready, "ready", &JsValue::TRUE);
        let _ = scope.post_message(&ready);
    }

    fn set(object: &Object, key: &str, value: &JsValue) {
        let _ = Reflect::set(object, &JsValue::from_str(key), value);
    }

    fn get(object: &JsValue, key: &str) -> JsValue {
        Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    }

    /// The reply to `request`, and the buffers to transfer with it.
    fn answer(request: &JsValue) -> (Object, Array) {
        let reply = Object::new();
        let transfer = Array::new();
        set(&reply, "id", &get(request, "id"));
        let outcome = match get(request, "op").as_string().as_deref() {
            Some("write") => entries_of(request).map(|entries| {
                package::write(&entries).map(|zip| {
                    set(&reply, "ok", &bytes_out(&zip, &transfer));
                })
            }),
            Some("read") => get(request, "bytes")
                .dyn_into::<Uint8Array>()
                .ok()
                .map(|bytes| {
                    package::read(&bytes.to_vec(), Limits::DEFAULT).map(|entries| {
                        let names = Array::new();
                        let parts = Array::new();
                        for entry in entries {
                            names.push(&JsValue::from_str(&entry.name));
                            parts.push(&bytes_out(&entry.bytes, &transfer));
                        }
                        set(&reply, "names", &names);
                        set(&reply, "parts", &parts);
                    })
                }),
            _ => None,
        };
        match outcome {
            Some(Ok(())) => {}
            Some(Err(e)) => set(&reply, "error", &error_of(&e)),
            None => {
                let error = Object::new();
                set(&error, "kind", &JsValue::from_str("bad-request"));
                set(&reply, "error", &error);
            }
        }
        (reply, transfer)
    }

    /// The entries of a write request; `None` unless names and parts pair up.
    fn entries_of(request: &JsValue) -> Option<Vec<Entry>> {
        let names: Array = get(request, "names").dyn_into().ok()?;
        let parts: Array = get(request, "parts").dyn_into().ok()?;
        if names.length() != parts.length() {
            return None;
        }
        names
            .iter()
            .zip(parts.iter())
            .map(|(name, part)| {
                Some(Entry {
                    name: name.as_string()?,
                    bytes: part.dyn_into::<Uint8Array>().ok()?.to_vec(),
                })
            })
            .collect()
    }

    /// `bytes` as a Uint8Array of its own, its buffer added to `transfer`.
    fn bytes_out(bytes: &[u8], transfer: &Array) -> Uint8Array {
        let array = Uint8Array::new_from_slice(bytes);
        transfer.push(&array.buffer());
        array
    }

    fn error_of(e: &PackageError) -> Object {
        let error = Object::new();
        set(&error, "kind", &JsValue::from_str(e.kind()));
        if let Some(name) = e.name() {
            set(&error, "name", &JsValue::from_str(name));
        }
        if let Some(limit) = e.limit() {
            set(&error, "limit", &JsValue::from_f64(limit as f64));
        }
        if let Some(damage) = e.damage() {
            set(&error, "damage", &JsValue::from_str(damage.as_str()));
        }
        error
    }
}
