//! The package worker: a wasm module of its own, run in a dedicated Web Worker, that writes and
//! reads evidence packages (zips) with `hicp_check::domain::package`. The main app starts it
//! on first use (`src/ui/browser/package.rs`), so the zip code is never part of a first visit,
//! and a large zip never blocks the page.
//!
//! Protocol (JS objects; every ArrayBuffer is transferred, not copied):
//! - on start: `{ready: true}`
//! - `{id, op: "write", names: [string], parts: [Uint8Array]}` → `{id, ok: Uint8Array}`
//! - `{id, op: "read", bytes: Uint8Array}` → `{id, names: [string], parts: [Uint8Array]}`
//! - `{id, op: "document", kind, assessment, now, pack_file?, pack?, bundle?}` → `{id, text}`:
//!   from an assessment file, the OSCAL assessment results (`kind: "oscal"` in OSCAL 1.2.3,
//!   `"oscal-1.1.3"` in 1.1.3, each importing the plan published beside this copy), the findings
//!   CSV (`"csv"`) or, from a respondent's copy, the answered file sealed with its
//!   fingerprint (`"sealed"`), made with the app's own pack and texts: the host's pack (`pack_file`,
//!   `pack`) and the language file (`bundle`) when the app uses them, else the built-in pack
//!   and English. The pack and texts are made once and kept while the request's sources stay
//!   the same.
//! - `{id, op: "pack", assessment, now, ids: [string], parts: [Uint8Array], pack_file?, pack?,
//!   bundle?}` → `{id, ok: Uint8Array}`: the evidence package of an assessment file and its
//!   evidence files by item id (`hicp_check::packaging::pack`)
//! - `{id, op: "unpack", bytes, pack_file?, pack?, bundle?}` → `{id, assessment, ids, parts,
//!   absent}`: a package opened and checked (`hicp_check::packaging::unpack`)
//! - for these two, what goes wrong comes back worded in the app's language: `{id, message}`
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
    use hicp_check::domain::Catalog;
    use hicp_check::domain::{findings_csv, oscal, team, transfer, Timestamp};
    use hicp_check::i18n::Texts;
    use hicp_check::{content, packaging};
    use js_sys::{Array, Object, Reflect, Uint8Array};
    use std::cell::RefCell;
    use std::rc::Rc;
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
            Some(op @ ("pack" | "unpack")) => {
                packaging(request, &reply, &transfer, op).map(|()| Ok(()))
            }
            Some("document") => document(request).map(|text| {
                set(&reply, "text", &JsValue::from_str(&text));
                Ok(())
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

    /// A document made from an assessment file with the app's pack and texts; `None` when
    /// the request does not hold what it needs.
    fn document(request: &JsValue) -> Option<String> {
        let text = |key| get(request, key).as_string();
        let made = context(request)?;
        let catalog = &made.0;
        let assessment = transfer::import(catalog, &text("assessment")?).ok()?;
        let now: Timestamp = text("now")?.parse().ok()?;
        let results = |version| {
            oscal::assessment_results(
                catalog,
                &assessment,
                &now,
                version,
                site(request).as_deref(),
            )
        };
        Some(match text("kind")?.as_str() {
            "oscal" => results(oscal::Version::V1_2_3),
            "oscal-1.1.3" => results(oscal::Version::V1_1_3),
            "csv" => findings_csv(catalog, &assessment),
            // A respondent's copy, marked answered and sealed with its fingerprint.
            "sealed" => {
                transfer::export(catalog, &team::answered(catalog, &assessment, &now)?, &now)
            }
            _ => return None,
        })
    }

    /// The folder this copy of HICP Check is served from (where the worker's script is), for
    /// the assessment results to point at the OSCAL documents published beside it; none with a
    /// host's own pack, which those documents do not describe.
    fn site(request: &JsValue) -> Option<String> {
        if !get(request, "pack").is_undefined() {
            return None;
        }
        let href = get(&get(&js_sys::global(), "location"), "href").as_string()?;
        let folder = href.split(['?', '#']).next()?;
        Some(folder[..=folder.rfind('/')?].to_owned())
    }

    thread_local! {
        /// The pack and texts made for the last request, with what they were made from: the
        /// app sends the same with every request, and a pack is read once, not per document.
        static CONTEXT: RefCell<Option<(Sources, Made)>> = const { RefCell::new(None) };
    }

    type Sources = [Option<String>; 3];
    type Made = Rc<(Catalog, Texts)>;

    /// The app's pack and texts, made again from what the request says they were made from.
    fn context(request: &JsValue) -> Option<Made> {
        let sources: Sources = ["pack_file", "pack", "bundle"].map(|k| get(request, k).as_string());
        let known = CONTEXT.with(|c| {
            c.borrow()
                .as_ref()
                .filter(|(made_from, _)| *made_from == sources)
                .map(|(_, made)| made.clone())
        });
        if known.is_some() {
            return known;
        }
        let made = Rc::new(content::made_from(&sources)?);
        CONTEXT.with(|c| *c.borrow_mut() = Some((sources, made.clone())));
        Some(made)
    }

    fn packaging(request: &JsValue, reply: &Object, transfer: &Array, op: &str) -> Option<()> {
        let made = context(request)?;
        let (catalog, texts) = (&made.0, &made.1);
        let outcome = if op == "pack" {
            let files = pairs(request, "ids")?;
            let now: Timestamp = get(request, "now").as_string()?.parse().ok()?;
            let mut file = get(request, "assessment").as_string()?;
            // A respondent's copy leaves answered and sealed, as its assessment file does.
            if let Ok(a) = transfer::import(catalog, &file) {
                if let Some(sealed) = team::answered(catalog, &a, &now) {
                    file = transfer::export(catalog, &sealed, &now);
                }
            }
            packaging::pack(catalog, texts, &file, &now, files)
                .map(|zip| set(reply, "ok", &bytes_out(&zip, transfer)))
        } else {
            let bytes: Uint8Array = get(request, "bytes").dyn_into().ok()?;
            packaging::unpack(catalog, texts, &bytes.to_vec()).map(|opened| {
                let (ids, parts) = (Array::new(), Array::new());
                for (id, bytes) in opened.files {
                    ids.push(&JsValue::from_str(&id));
                    parts.push(&bytes_out(&bytes, transfer));
                }
                set(reply, "assessment", &JsValue::from_str(&opened.assessment));
                set(reply, "ids", &ids);
                set(reply, "parts", &parts);
                set(reply, "absent", &JsValue::from_f64(opened.absent as f64));
            })
        };
        if let Err(message) = outcome {
            set(reply, "message", &JsValue::from_str(&message));
        }
        Some(())
    }

    /// The entries of a write request; `None` unless names and parts pair up.
    fn entries_of(request: &JsValue) -> Option<Vec<Entry>> {
        let pairs = pairs(request, "names")?;
        Some(
            pairs
                .into_iter()
                .map(|(name, bytes)| Entry { name, bytes })
                .collect(),
        )
    }

    /// The strings of `request[key]`, each with the bytes at the same place of
    /// `request.parts`; `None` unless both are arrays of one length, of strings and bytes.
    fn pairs(request: &JsValue, key: &str) -> Option<Vec<(String, Vec<u8>)>> {
        let keys: Array = get(request, key).dyn_into().ok()?;
        let parts: Array = get(request, "parts").dyn_into().ok()?;
        if keys.length() != parts.length() {
            return None;
        }
        keys.iter()
            .zip(parts.iter())
            .map(|(k, part)| Some((k.as_string()?, part.dyn_into::<Uint8Array>().ok()?.to_vec())))
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
