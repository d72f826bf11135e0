//! The only module that touches the browser: the clock, local storage, downloads, reading a
//! chosen file and printing. Everything it saves is written in the assessment file format, so
//! a saved record is read back through the same strict import as a file.

use std::collections::BTreeMap;

use gloo::storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;

use crate::domain::{export, import, Assessment, Catalog, Timestamp};

const PREFIX: &str = "hicp-check/";
const META_KEY: &str = "hicp-check/meta";
const RECORD_PREFIX: &str = "hicp-check/assessment/";

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

/// What is kept beside the assessments: which one is open, and when each was last downloaded.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    pub current: Option<String>,
    #[serde(default)]
    pub screen: Option<String>,
    #[serde(default)]
    pub exported: BTreeMap<String, String>,
}

/// What was found in storage at start.
pub struct Loaded {
    pub meta: Meta,
    pub assessments: Vec<(String, Assessment)>,
    /// Records that could not be read, with the reason; they are left where they are.
    pub unreadable: Vec<(String, String)>,
    /// Why storage cannot be used, when it cannot.
    pub unavailable: Option<String>,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads every saved assessment. Never fails: problems are reported in [`Loaded`].
pub fn load(catalog: &Catalog) -> Loaded {
    let mut loaded = Loaded {
        meta: Meta::default(),
        assessments: Vec::new(),
        unreadable: Vec::new(),
        unavailable: None,
    };
    let Some(store) = storage() else {
        loaded.unavailable = Some("this browser does not allow this page to store data".into());
        return loaded;
    };
    let len = store.length().unwrap_or(0);
    let keys: Vec<String> = (0..len)
        .filter_map(|i| store.key(i).ok().flatten())
        .collect();
    for key in keys {
        let Some(id) = key.strip_prefix(RECORD_PREFIX) else {
            continue;
        };
        let Ok(Some(text)) = store.get_item(&key) else {
            continue;
        };
        match import(catalog, &text) {
            Ok(a) => loaded.assessments.push((id.to_owned(), a)),
            Err(e) => loaded.unreadable.push((id.to_owned(), e.to_string())),
        }
    }
    loaded
        .assessments
        .sort_by(|a, b| b.1.updated.cmp(&a.1.updated));
    if let Ok(Some(text)) = store.get_item(META_KEY) {
        loaded.meta = serde_json::from_str(&text).unwrap_or_default();
    }
    loaded
}

/// Saves one assessment.
///
/// # Errors
/// A message for the person when the browser refuses (storage full or switched off).
pub fn save(catalog: &Catalog, id: &str, assessment: &Assessment) -> Result<(), String> {
    let text = export(catalog, assessment, &now());
    LocalStorage::raw()
        .set_item(&format!("{RECORD_PREFIX}{id}"), &text)
        .map_err(|_| refusal())
}

pub fn save_meta(meta: &Meta) -> Result<(), String> {
    let text = serde_json::to_string(meta).expect("plain data always serializes");
    LocalStorage::raw()
        .set_item(META_KEY, &text)
        .map_err(|_| refusal())
}

fn refusal() -> String {
    "The browser refused to save (its storage may be full or switched off). Your answers are still on screen: download a copy now.".into()
}

pub fn remove(id: &str) {
    if let Some(store) = storage() {
        let _ = store.remove_item(&format!("{RECORD_PREFIX}{id}"));
    }
}

pub fn remove_meta() {
    if let Some(store) = storage() {
        let _ = store.remove_item(META_KEY);
    }
}

/// Removes everything HICP Check stored on this device, and nothing else.
pub fn erase_all() {
    let Some(store) = storage() else { return };
    let len = store.length().unwrap_or(0);
    let keys: Vec<String> = (0..len)
        .filter_map(|i| store.key(i).ok().flatten())
        .collect();
    for key in keys.iter().filter(|k| k.starts_with(PREFIX)) {
        let _ = store.remove_item(key);
    }
}

/// Offers `text` as a file download; nothing is sent anywhere.
pub fn download(file_name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = gloo::utils::document();
    if let Ok(a) = document.create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(&url);
        a.set_download(file_name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Reads a chosen or dropped file as text.
///
/// # Errors
/// A message for the person when the file cannot be read.
pub async fn read_text(file: web_sys::File) -> Result<String, String> {
    let promise = file.text();
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()
        .and_then(|v| v.as_string())
        .ok_or_else(|| "The file could not be read.".to_owned())
}

pub fn print() {
    let _ = gloo::utils::window().print();
}

/// Asks the browser not to evict this site's storage when space runs low.
pub fn ask_for_persistent_storage() {
    let storage = gloo::utils::window().navigator().storage();
    let _ = storage.persist();
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
