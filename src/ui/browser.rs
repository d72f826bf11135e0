//! The only module that touches the browser: the clock, local storage, downloads, reading a
//! chosen file and printing. Everything it saves is written in the assessment file format, so
//! a saved record is read back through the same strict import as a file.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;

use std::cell::Cell;

use wasm_bindgen::closure::Closure;

use crate::config::{SiteConfig, StorageMode};
use crate::domain::{export, import, Assessment, Catalog, Timestamp};

const PREFIX: &str = "hicp-check/";
const META_KEY: &str = "hicp-check/meta";
const RECORD_PREFIX: &str = "hicp-check/assessment/";
const SET_ASIDE_PREFIX: &str = "hicp-check/set-aside/";

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
    /// Each readable assessment with the exact text it was stored as.
    pub assessments: Vec<(String, Assessment, String)>,
    /// Records that could not be read: moved aside so that they harm nothing, kept to download.
    pub set_aside: Vec<SetAside>,
    /// Why storage cannot be used, when it cannot.
    pub unavailable: Option<String>,
}

/// A saved record that could not be read, kept under its own key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetAside {
    pub key: String,
    /// Why it could not be read; `None` when it was set aside at an earlier start.
    pub reason: Option<crate::domain::ImportError>,
}

const MODE_KEY: &str = "hicp-check/mode";

thread_local! {
    static MODE: Cell<StorageMode> = const { Cell::new(StorageMode::Device) };
}

fn storage_for(mode: StorageMode) -> Option<web_sys::Storage> {
    let window = web_sys::window()?;
    match mode {
        StorageMode::Device => window.local_storage().ok().flatten(),
        StorageMode::Session => window.session_storage().ok().flatten(),
    }
}

/// The storage of the current mode: local storage, or this tab's session storage.
fn storage() -> Option<web_sys::Storage> {
    storage_for(MODE.with(Cell::get))
}

pub fn mode() -> StorageMode {
    MODE.with(Cell::get)
}

/// Settles the storage mode at start: the person's own choice where they made one (kept in
/// the storage it chose), otherwise the host's default.
pub fn init_mode(default: StorageMode, person_may_choose: bool) {
    let chosen = |mode| {
        storage_for(mode)
            .and_then(|s| s.get_item(MODE_KEY).ok().flatten())
            .is_some()
    };
    let mode = if !person_may_choose {
        default
    } else if chosen(StorageMode::Session) {
        StorageMode::Session
    } else if chosen(StorageMode::Device) {
        StorageMode::Device
    } else {
        default
    };
    MODE.with(|m| m.set(mode));
}

/// Switches where answers are kept, moving every record across: choosing "this tab only"
/// leaves nothing behind in the browser's long-term storage.
pub fn set_mode(mode: StorageMode) {
    let old = MODE.with(|m| m.replace(mode));
    if old == mode {
        return;
    }
    let (Some(from), Some(to)) = (storage_for(old), storage_for(mode)) else {
        return;
    };
    for key in keys(&from).iter().filter(|k| k.starts_with(PREFIX)) {
        if let Ok(Some(v)) = from.get_item(key) {
            if key != MODE_KEY && to.set_item(key, &v).is_ok() {
                let _ = from.remove_item(key);
            }
        }
    }
    let _ = from.remove_item(MODE_KEY);
    let _ = to.set_item(MODE_KEY, "chosen");
}

fn keys(store: &web_sys::Storage) -> Vec<String> {
    let len = store.length().unwrap_or(0);
    (0..len)
        .filter_map(|i| store.key(i).ok().flatten())
        .collect()
}

/// Reads every saved assessment. Never fails: problems are reported in [`Loaded`].
pub fn load(catalog: &Catalog) -> Loaded {
    let mut loaded = Loaded {
        meta: Meta::default(),
        assessments: Vec::new(),
        set_aside: Vec::new(),
        unavailable: None,
    };
    let Some(store) = storage() else {
        loaded.unavailable = Some("this browser does not allow this page to store data".into()); // worded by the app
        return loaded;
    };
    for key in keys(&store) {
        if key.starts_with(SET_ASIDE_PREFIX) {
            loaded.set_aside.push(SetAside { key, reason: None });
            continue;
        }
        let Some(id) = key.strip_prefix(RECORD_PREFIX) else {
            continue;
        };
        let Ok(Some(text)) = store.get_item(&key) else {
            continue;
        };
        match import(catalog, &text) {
            Ok(a) => loaded.assessments.push((id.to_owned(), a, text)),
            Err(e) => {
                // Move it aside; if even that fails (storage full), it stays where it was.
                let aside = format!("{SET_ASIDE_PREFIX}{id}");
                let moved =
                    store.set_item(&aside, &text).is_ok() && store.remove_item(&key).is_ok();
                loaded.set_aside.push(SetAside {
                    key: if moved { aside } else { key },
                    reason: Some(e),
                });
            }
        }
    }
    loaded
        .assessments
        .sort_unstable_by(|a, b| b.1.updated.cmp(&a.1.updated).then_with(|| a.0.cmp(&b.0)));
    if let Ok(Some(text)) = store.get_item(META_KEY) {
        loaded.meta = serde_json::from_str(&text).unwrap_or_default();
    }
    loaded
}

/// Why a save did not happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// The browser refused: storage full, switched off or gone.
    Refused,
    /// Another tab saved this assessment since this tab last read or wrote it.
    Conflict { stored: String },
}

/// Saves one assessment, unless another tab changed it since `expected` (the text this tab
/// last read or wrote): then nothing is overwritten and the other text is returned.
///
/// # Errors
/// [`SaveError`], for the person to be told.
pub fn save(
    catalog: &Catalog,
    id: &str,
    assessment: &Assessment,
    expected: Option<&str>,
) -> Result<String, SaveError> {
    let store = storage().ok_or(SaveError::Refused)?;
    let key = format!("{RECORD_PREFIX}{id}");
    if let Ok(Some(stored)) = store.get_item(&key) {
        if expected != Some(stored.as_str()) {
            return Err(SaveError::Conflict { stored });
        }
    }
    let text = export(catalog, assessment, &now());
    store
        .set_item(&key, &text)
        .map_err(|_| SaveError::Refused)?;
    Ok(text)
}

/// The text of a set-aside record, to download.
pub fn read_key(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

pub fn remove_key(key: &str) {
    if let Some(store) = storage() {
        let _ = store.remove_item(key);
    }
}

/// Calls `on_change(id, new text or None when removed)` when another tab changes a saved
/// assessment in this browser's long-term storage.
pub fn watch_other_tabs(on_change: impl Fn(String, Option<String>) + 'static) {
    let listener =
        Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |e: web_sys::StorageEvent| {
            if mode() != StorageMode::Device {
                return;
            }
            let Some(key) = e.key() else { return };
            if let Some(id) = key.strip_prefix(RECORD_PREFIX) {
                on_change(id.to_owned(), e.new_value());
            }
        });
    let _ = gloo::utils::window()
        .add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
    listener.forget();
}

/// Saves what is kept beside the assessments.
///
/// # Errors
/// [`SaveError::Refused`] when the browser refuses.
pub fn save_meta(meta: &Meta) -> Result<(), SaveError> {
    let text = serde_json::to_string(meta).expect("plain data always serializes");
    storage()
        .ok_or(SaveError::Refused)?
        .set_item(META_KEY, &text)
        .map_err(|_| SaveError::Refused)
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
pub async fn read_text(file: web_sys::File) -> Result<String, Failure> {
    let promise = file.text();
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()
        .and_then(|v| v.as_string())
        .ok_or(Failure::Unreadable)
}

pub fn print() {
    let _ = gloo::utils::window().print();
}

/// Asks the browser not to evict this site's storage when space runs low. A browser may say
/// no, or refuse to be asked (in a frame, say): answers are saved either way, so the outcome
/// is awaited only to be set aside, never left as an unhandled rejection.
pub fn ask_for_persistent_storage() {
    let storage = gloo::utils::window().navigator().storage();
    if let Ok(promise) = storage.persist() {
        yew::platform::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        });
    }
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

/// Fetches one of the app's own files as text: `Ok(None)` when it does not exist. The request
/// starts at once, before the result is awaited.
///
/// # Errors
/// A message when the file exists but cannot be read.
pub fn fetch_text(path: &str) -> impl std::future::Future<Output = Result<Option<String>, String>> {
    let request = wasm_bindgen_futures::JsFuture::from(gloo::utils::window().fetch_with_str(path));
    let path = path.to_owned();
    async move {
        let response = request
            .await
            .map_err(|_| format!("{path} could not be fetched"))?;
        let response: web_sys::Response = response.unchecked_into();
        if response.status() == 404 {
            return Ok(None);
        }
        if !response.ok() {
            return Err(format!(
                "{path} answered with HTTP status {}",
                response.status()
            ));
        }
        let promise = response
            .text()
            .map_err(|_| format!("{path} could not be read"))?;
        wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .ok()
            .and_then(|v| v.as_string())
            .map(Some)
            .ok_or_else(|| format!("{path} could not be read"))
    }
}

/// Where a language other than English is fetched from (written by scripts/postbuild.py).
pub fn language_file(code: &str) -> String {
    format!("lang/{code}.json")
}

/// Asks the service worker to keep one of the app's optional files (a language) for offline
/// use. The files every visit needs are kept anyway; these only once someone has used them.
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

/// Reads the host's settings file next to index.html. A missing file means the defaults; a
/// broken one, the defaults and a message for the webmaster.
pub async fn load_config() -> (SiteConfig, Option<String>) {
    match fetch_text("hicp-check.config.json").await {
        Ok(None) | Err(_) => (SiteConfig::default(), None),
        Ok(Some(text)) => match SiteConfig::parse(&text) {
            Ok(c) => (c, None),
            Err(e) => (SiteConfig::default(), Some(e.to_string())),
        },
    }
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

/// What went wrong with a file or with encryption, for the interface to word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    Unreadable,
    NoCrypto,
    NoRandom,
    NoKey,
    NotEncrypted,
    WrongPassphrase,
    NotText,
}

impl Failure {
    /// The key of its sentence in the string tables.
    pub fn key(self) -> &'static str {
        match self {
            Failure::Unreadable => "failure.unreadable",
            Failure::NoCrypto => "failure.no_crypto",
            Failure::NoRandom => "failure.no_random",
            Failure::NoKey => "failure.no_key",
            Failure::NotEncrypted => "failure.not_encrypted",
            Failure::WrongPassphrase => "failure.wrong_passphrase",
            Failure::NotText => "failure.not_text",
        }
    }
}

fn subtle() -> Result<(web_sys::Crypto, web_sys::SubtleCrypto), Failure> {
    let crypto = gloo::utils::window()
        .crypto()
        .map_err(|_| Failure::NoCrypto)?;
    let subtle = crypto.subtle();
    Ok((crypto, subtle))
}

fn object(pairs: &[(&str, wasm_bindgen::JsValue)]) -> js_sys::Object {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        let _ = js_sys::Reflect::set(&o, &(*k).into(), v);
    }
    o
}

async fn promised(
    p: Result<js_sys::Promise, wasm_bindgen::JsValue>,
) -> Result<wasm_bindgen::JsValue, ()> {
    let p = p.map_err(|_| ())?;
    wasm_bindgen_futures::JsFuture::from(p)
        .await
        .map_err(|_| ())
}

/// The AES-256-GCM key for `passphrase` and `salt` (PBKDF2-SHA-256).
async fn derive_key(
    passphrase: &str,
    salt: &[u8],
    iterations: u32,
) -> Result<web_sys::CryptoKey, Failure> {
    let (_, subtle) = subtle()?;
    let failed = |_| Failure::NoKey;
    let raw = js_sys::Uint8Array::from(passphrase.as_bytes());
    let usages = js_sys::Array::of1(&"deriveKey".into());
    let base = promised(subtle.import_key_with_object(
        "raw",
        &raw,
        &object(&[("name", "PBKDF2".into())]),
        false,
        &usages,
    ))
    .await
    .map_err(failed)?;
    let params = object(&[
        ("name", "PBKDF2".into()),
        ("hash", "SHA-256".into()),
        ("iterations", iterations.into()),
        ("salt", js_sys::Uint8Array::from(salt).into()),
    ]);
    let usages = js_sys::Array::of2(&"encrypt".into(), &"decrypt".into());
    let aes = object(&[("name", "AES-GCM".into()), ("length", 256.into())]);
    let key = promised(subtle.derive_key_with_object_and_object(
        &params,
        &base.unchecked_into(),
        &aes,
        false,
        &usages,
    ))
    .await
    .map_err(failed)?;
    Ok(key.unchecked_into())
}

/// Encrypts `text` under `passphrase` into an envelope file.
///
/// # Errors
/// A message for the person when the browser cannot encrypt.
pub async fn encrypt(passphrase: &str, text: &str) -> Result<String, Failure> {
    use crate::domain::envelope::{Envelope, ITERATIONS};
    let (crypto, subtle) = subtle()?;
    let mut salt = [0u8; 16];
    let mut iv = [0u8; 12];
    crypto
        .get_random_values_with_u8_array(&mut salt)
        .and_then(|_| crypto.get_random_values_with_u8_array(&mut iv))
        .map_err(|_| Failure::NoRandom)?;
    let key = derive_key(passphrase, &salt, ITERATIONS).await?;
    let params = object(&[
        ("name", "AES-GCM".into()),
        ("iv", js_sys::Uint8Array::from(&iv[..]).into()),
    ]);
    let data = promised(subtle.encrypt_with_object_and_u8_array(&params, &key, text.as_bytes()))
        .await
        .map_err(|_| Failure::NotEncrypted)?;
    let envelope = Envelope {
        salt: salt.to_vec(),
        iv: iv.to_vec(),
        iterations: ITERATIONS,
        data: js_sys::Uint8Array::new(&data).to_vec(),
    };
    Ok(envelope.to_json())
}

/// Opens an envelope with `passphrase`.
///
/// # Errors
/// A [`Failure`]: most often, the passphrase is wrong.
pub async fn decrypt(
    passphrase: &str,
    envelope: &crate::domain::envelope::Envelope,
) -> Result<String, Failure> {
    let (_, subtle) = subtle()?;
    let key = derive_key(passphrase, &envelope.salt, envelope.iterations).await?;
    let params = object(&[
        ("name", "AES-GCM".into()),
        ("iv", js_sys::Uint8Array::from(&envelope.iv[..]).into()),
    ]);
    let plain = promised(subtle.decrypt_with_object_and_u8_array(&params, &key, &envelope.data))
        .await
        .map_err(|_| Failure::WrongPassphrase)?;
    String::from_utf8(js_sys::Uint8Array::new(&plain).to_vec()).map_err(|_| Failure::NotText)
}

const LANGUAGE_KEY: &str = "hicp-check/language";

/// The interface language: the person's choice, else the browser's if there is a table for
/// it, else English.
pub fn language() -> String {
    let available = crate::i18n::languages();
    let chosen =
        storage_for(StorageMode::Device).and_then(|s| s.get_item(LANGUAGE_KEY).ok().flatten());
    let browser_lang = gloo::utils::window()
        .navigator()
        .language()
        .map(|l| l.split('-').next().unwrap_or("").to_lowercase());
    chosen
        .into_iter()
        .chain(browser_lang)
        .find(|l| available.contains(&l.as_str()))
        .unwrap_or_else(|| crate::i18n::DEFAULT.to_owned())
}

/// Remembers the person's language and reloads in it; answers are already saved.
pub fn set_language(code: &str) {
    if let Some(s) = storage_for(StorageMode::Device) {
        let _ = s.set_item(LANGUAGE_KEY, code);
    }
    let _ = gloo::utils::window().location().reload();
}

/// Tells the page (and so screen readers and spell checkers) which language it is in.
pub fn set_document_language(code: &str) {
    if let Some(html) = gloo::utils::document().document_element() {
        let _ = html.set_attribute("lang", code);
    }
}
