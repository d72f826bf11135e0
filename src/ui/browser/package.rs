//! The evidence package's client: writes and reads package zips through the package worker
//! (`src/bin/package-worker.rs`, a wasm module of its own), so that the zip code never enters
//! this wasm and a first visit never downloads it.
//!
//! The worker is started on first use and kept for later ones. Its loader's URL is relative, so
//! each copy of the app (/a/, /b/ on one origin) starts its own. The service worker keeps its
//! files for offline use once they have been fetched (assets/sw.js, `ON_USE`).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

pub use crate::domain::package::PackageError;

/// The worker's loader as Trunk names it (index.html, `data-bin="package-worker"`).
const LOADER: &str = "package-worker_loader.js";

/// Why a package could not be written or read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackageFailure {
    /// The package was refused: what is wrong with it.
    Refused(PackageError),
    /// The worker could not be loaded or started (offline before it was ever used, say), or
    /// stopped on the way.
    Unavailable,
}

/// The zip of `entries` (name, content), in their order. The contents' buffers are handed to
/// the worker (transferred): they are empty afterwards.
pub async fn write(entries: Vec<(String, Uint8Array)>) -> Result<Uint8Array, PackageFailure> {
    let names = Array::new();
    let parts = Array::new();
    let transfer = Array::new();
    for (name, part) in &entries {
        names.push(&JsValue::from_str(name));
        parts.push(part);
        let buffer = part.buffer();
        if !transfer.includes(&buffer, 0) {
            transfer.push(&buffer);
        }
    }
    let request = Object::new();
    set(&request, "op", &"write".into());
    set(&request, "names", &names);
    set(&request, "parts", &parts);
    let reply = ask(request, transfer).await?;
    get(&reply, "ok")
        .dyn_into()
        .map_err(|_| PackageFailure::Unavailable)
}

/// The files of the package zip `bytes` (name, content), in the zip's order. The buffer of
/// `bytes` is handed to the worker (transferred).
pub async fn read(bytes: Uint8Array) -> Result<Vec<(String, Uint8Array)>, PackageFailure> {
    let request = Object::new();
    set(&request, "op", &"read".into());
    set(&request, "bytes", &bytes);
    let reply = ask(request, Array::of1(&bytes.buffer())).await?;
    let names: Array = get(&reply, "names").unchecked_into();
    let parts: Array = get(&reply, "parts").unchecked_into();
    names
        .iter()
        .zip(parts.iter())
        .map(|(name, part)| Some((name.as_string()?, part.dyn_into().ok()?)))
        .collect::<Option<_>>()
        .ok_or(PackageFailure::Unavailable)
}

fn set(object: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(object, &JsValue::from_str(key), value);
}

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// The started worker, and the resolve function of each request waiting for its reply. Id 0
/// waits for the worker's `{ready: true}`.
struct Client {
    worker: Worker,
    ready: Promise,
    next: Cell<u32>,
    waiting: RefCell<HashMap<u32, Function>>,
}

thread_local! {
    static CLIENT: RefCell<Option<Rc<Client>>> = const { RefCell::new(None) };
}

/// A promise resolved with the reply to request `id`, or with `undefined` if the worker fails
/// first.
fn reply_to(waiting: &RefCell<HashMap<u32, Function>>, id: u32) -> Promise {
    Promise::new(&mut |resolve, _| {
        waiting.borrow_mut().insert(id, resolve);
    })
}

impl Client {
    fn start() -> Option<Rc<Client>> {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options(LOADER, &options).ok()?;
        let waiting = RefCell::default();
        let ready = reply_to(&waiting, 0);
        let client = Rc::new(Client {
            worker,
            ready,
            next: Cell::new(1),
            waiting,
        });
        let on_reply = client.clone();
        let replied = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let data = event.data();
            let id = get(&data, "id").as_f64().unwrap_or(0.0) as u32;
            let resolve = on_reply.waiting.borrow_mut().remove(&id);
            if let Some(resolve) = resolve {
                let _ = resolve.call1(&JsValue::NULL, &data);
            }
        });
        let on_failure = client.clone();
        // The loader, the glue or the wasm could not be fetched or started, or the worker
        // stopped: every request waiting fails, and the next one starts a new worker.
        let failed = Closure::<dyn Fn()>::new(move || {
            CLIENT.with(|c| {
                let mut c = c.borrow_mut();
                if c.as_ref().is_some_and(|c| Rc::ptr_eq(c, &on_failure)) {
                    *c = None;
                }
            });
            on_failure.worker.terminate();
            let waiting: Vec<Function> = on_failure
                .waiting
                .borrow_mut()
                .drain()
                .map(|(_, f)| f)
                .collect();
            for resolve in waiting {
                let _ = resolve.call1(&JsValue::NULL, &JsValue::UNDEFINED);
            }
        });
        client
            .worker
            .set_onmessage(Some(replied.as_ref().unchecked_ref()));
        client
            .worker
            .set_onerror(Some(failed.as_ref().unchecked_ref()));
        replied.forget();
        failed.forget();
        Some(client)
    }
}

/// Sends `request` (its `id` set here) with `transfer`, and waits for the reply.
async fn ask(request: Object, transfer: Array) -> Result<JsValue, PackageFailure> {
    let client = CLIENT
        .with(|c| {
            let mut c = c.borrow_mut();
            if c.is_none() {
                *c = Client::start();
            }
            c.clone()
        })
        .ok_or(PackageFailure::Unavailable)?;
    let ready = JsFuture::from(client.ready.clone()).await;
    if !ready.is_ok_and(|r| r.is_truthy()) {
        return Err(PackageFailure::Unavailable);
    }
    let id = client.next.get();
    client.next.set(id.wrapping_add(1).max(1));
    set(&request, "id", &JsValue::from(id));
    let reply = reply_to(&client.waiting, id);
    // A buffer that cannot be transferred (a view of wasm memory, say) is copied.
    if client
        .worker
        .post_message_with_transfer(&request, &transfer)
        .is_err()
        && client.worker.post_message(&request).is_err()
    {
        client.waiting.borrow_mut().remove(&id);
        return Err(PackageFailure::Unavailable);
    }
    let reply = JsFuture::from(reply)
        .await
        .map_err(|_| PackageFailure::Unavailable)?;
    if reply.is_undefined() {
        return Err(PackageFailure::Unavailable);
    }
    let error = get(&reply, "error");
    if error.is_undefined() {
        return Ok(reply);
    }
    let limit = get(&error, "limit").as_f64().map(|l| l as u64);
    PackageError::from_parts(
        &get(&error, "kind").as_string().unwrap_or_default(),
        get(&error, "name").as_string(),
        limit,
        get(&error, "damage").as_string().as_deref(),
    )
    .map_or(Err(PackageFailure::Unavailable), |e| {
        Err(PackageFailure::Refused(e))
    })
}
