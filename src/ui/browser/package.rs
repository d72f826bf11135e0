//! The evidence package's client: writes and reads package zips through the package worker
//! (`src/bin/package-worker.rs`, a wasm module of its own), so that the zip code never enters
//! this wasm and a first visit never downloads it.
//!
//! The worker is started on first use and kept for later ones; one that fails is dropped, and
//! the next request starts another. Its loader's URL is relative, so each copy of the app
//! (/a/, /b/ on one origin) starts its own. The service worker keeps its files for offline use
//! once they have been fetched (assets/sw.js, `ON_USE`). Every request carries a port of its
//! own for its reply. The code here is kept small: every first visit downloads it.

use std::cell::RefCell;

use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageChannel, Worker};

/// The worker's loader as Trunk names it (index.html, `data-bin="package-worker"`).
const LOADER: &str = "package-worker_loader.js";

/// Why a package could not be written or read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackageFailure {
    /// Refused, and why, worded by the worker in the app's language.
    Refused(String),
    /// The worker could not be loaded or started (offline before it was ever used, say), or
    /// stopped on the way.
    Unavailable,
}

/// The evidence package of an assessment file (`assessment`) and its evidence `files` (item
/// id, bytes; the buffers are handed to the worker). See `hicp_check::packaging::pack`.
pub async fn pack(
    assessment: &str,
    now: &str,
    files: Vec<(String, Uint8Array)>,
) -> Result<Uint8Array, PackageFailure> {
    let (ids, parts, transfer) = (Array::new(), Array::new(), Array::new());
    for (id, part) in &files {
        ids.push(&JsValue::from_str(id));
        parts.push(part);
        transfer.push(&part.buffer());
    }
    let request = with_sources("pack");
    set(&request, "assessment", &assessment.into());
    set(&request, "now", &now.into());
    set(&request, "ids", &ids);
    set(&request, "parts", &parts);
    let reply = ask(request, transfer).await?;
    Ok(get(&reply, "ok").unchecked_into())
}

/// An evidence package opened and checked: its assessment file, its evidence files by item
/// id, and how many files its records list that it lacks. See
/// `hicp_check::packaging::unpack`.
pub async fn unpack(
    bytes: Uint8Array,
) -> Result<(String, Vec<(String, Uint8Array)>, usize), PackageFailure> {
    let request = with_sources("unpack");
    set(&request, "bytes", &bytes);
    let reply = ask(request, Array::of1(&bytes.buffer())).await?;
    // The worker's reply, as it makes it: no check costs code here.
    let ids: Array = get(&reply, "ids").unchecked_into();
    let parts: Array = get(&reply, "parts").unchecked_into();
    let files = (0..ids.length())
        .map(|i| {
            (
                ids.get(i).as_string().unwrap_or_default(),
                parts.get(i).unchecked_into(),
            )
        })
        .collect();
    let assessment = get(&reply, "assessment").as_string().unwrap_or_default();
    Ok((
        assessment,
        files,
        get(&reply, "absent").as_f64().unwrap_or(0.0) as usize,
    ))
}

/// A request for `op`, with what the app's pack and texts were made from.
pub fn with_sources(op: &str) -> Object {
    let request = Object::new();
    set(&request, "op", &op.into());
    SOURCES.with(|s| {
        for (key, value) in s.borrow().iter() {
            set(&request, key, &JsValue::from_str(value));
        }
    });
    request
}

/// A document the worker writes from an assessment file (`assessment`, as `export` writes it):
/// `"oscal"` (assessment results, OSCAL 1.2.3), `"oscal-1.1.3"` (the same in OSCAL 1.1.3),
/// `"csv"` (the findings) or `"sealed"` (a respondent's copy,
/// answered and sealed with its fingerprint). It reads the assessment with the same pack and
/// language as the app ([`remember_sources`]). Off the first visit: their code is the worker's.
pub async fn document(kind: &str, assessment: &str, now: &str) -> Result<String, PackageFailure> {
    let request = with_sources("document");
    set(&request, "kind", &kind.into());
    set(&request, "assessment", &assessment.into());
    set(&request, "now", &now.into());
    let reply = ask(request, Array::new()).await?;
    get(&reply, "text")
        .as_string()
        .ok_or(PackageFailure::Unavailable)
}

/// What the app's pack and texts were made from, for the worker to make the same: the host's
/// pack (`pack_file`, `pack`) and the language file (`bundle`), each when used.
pub fn remember_sources(sources: Vec<(&'static str, String)>) {
    SOURCES.with(|s| *s.borrow_mut() = sources);
}

/// Whether the app runs on a host's own pack rather than the built-in one.
pub fn host_pack() -> bool {
    SOURCES.with(|s| s.borrow().iter().any(|(k, _)| *k == "pack"))
}

fn set(object: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(object, &JsValue::from_str(key), value);
}

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

thread_local! {
    static SOURCES: RefCell<Vec<(&'static str, String)>> = const { RefCell::new(Vec::new()) };
    /// The worker once started, and a promise of its first event: its `{ready: true}`
    /// message, or the error event of a worker that could not be loaded or started.
    static WORKER: RefCell<Option<(Worker, Promise)>> = const { RefCell::new(None) };
}

/// The worker, started on first use.
fn worker() -> Option<(Worker, Promise)> {
    WORKER.with(|started| {
        let mut started = started.borrow_mut();
        if started.is_none() {
            // `{type: "module"}`: the loader imports the glue. A plain object costs less code
            // than web-sys's WorkerOptions.
            let options = Object::new();
            set(&options, "type", &"module".into());
            let worker = Worker::new_with_options(LOADER, options.unchecked_ref()).ok()?;
            let ready = Promise::new(&mut |resolve, _| {
                let _ = worker.add_event_listener_with_callback("message", &resolve);
                let _ = worker.add_event_listener_with_callback("error", &resolve);
            });
            *started = Some((worker, ready));
        }
        started.clone()
    })
}

/// Sends `request` with `transfer` and a port of its own for the reply (so that no request
/// needs an id), and waits for the reply or for the worker to fail. A worker that fails is
/// dropped: the next request starts a new one (back online, say).
async fn ask(request: Object, transfer: Array) -> Result<JsValue, PackageFailure> {
    let (worker, ready) = worker().ok_or(PackageFailure::Unavailable)?;
    // An error event has no `data`.
    let data = |event: Result<JsValue, JsValue>| get(&event.unwrap_or_default(), "data");
    let mut reply = data(JsFuture::from(ready).await);
    if reply.is_truthy() {
        let channel = MessageChannel::new().map_err(|_| PackageFailure::Unavailable)?;
        let mut failed = JsValue::UNDEFINED;
        let replied = Promise::new(&mut |resolve, _| {
            channel.port1().set_onmessage(Some(&resolve));
            let _ = worker.add_event_listener_with_callback("error", &resolve);
            failed = resolve.into();
        });
        transfer.push(&channel.port2());
        // A buffer that cannot be transferred (a view of wasm memory, say) is copied.
        reply = if worker
            .post_message_with_transfer(&request, &transfer)
            .is_ok()
            || worker
                .post_message_with_transfer(&request, &Array::of1(&channel.port2()))
                .is_ok()
        {
            data(JsFuture::from(replied).await)
        } else {
            JsValue::UNDEFINED
        };
        let _ = worker.remove_event_listener_with_callback("error", failed.unchecked_ref());
        channel.port1().close();
    }
    if reply.is_undefined() {
        worker.terminate();
        WORKER.with(|started| {
            let mut started = started.borrow_mut();
            if started.as_ref().is_some_and(|(w, _)| *w == worker) {
                *started = None;
            }
        });
        return Err(PackageFailure::Unavailable);
    }
    if let Some(message) = get(&reply, "message").as_string() {
        return Err(PackageFailure::Refused(message));
    }
    if get(&reply, "error").is_undefined() {
        Ok(reply)
    } else {
        // A request the worker could not make sense of: another version of it, say.
        Err(PackageFailure::Unavailable)
    }
}
