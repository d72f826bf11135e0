//! Local storage (or this tab's session storage): the saved assessments, what is kept beside
//! them, the storage mode and the language chosen. Every key is built by [`Keys`], private to
//! this module; everything saved is written in the assessment file format, so a saved record
//! is read back through the same strict import as a file.

use crate::domain::map::Map;
use std::cell::Cell;

use serde::{Deserialize, Serialize};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::page::now;
use crate::config::StorageMode;
use crate::domain::{export, import, Assessment, Catalog, ImportError};

/// Every storage key, built in this one place, scoped to this copy of the app: its folder on
/// the site and the content pack it runs. Two copies on one origin (`/a/` and `/b/`) share one
/// local storage; scoped keys keep each copy's records, erasing and set-aside records its own.
///
/// A copy's keys start `hicp-check/a/#`: the folder, then `#`, which a URL's path never holds,
/// so no copy's keys begin with another's. The language and the storage mode belong to the
/// copy; assessments, their meta record and set-aside records to the copy and its pack
/// (`hicp-check/a/#hicp-2018/assessment/<id>`).
struct Keys;

/// Keys written before copies were told apart, read once to move them into a copy's scope.
mod legacy {
    pub const RECORD: &str = "hicp-check/assessment/";
    pub const SET_ASIDE: &str = "hicp-check/set-aside/";
    pub const META: &str = "hicp-check/meta";
    pub const MODE: &str = "hicp-check/mode";
    pub const LANGUAGE: &str = "hicp-check/language";
}

thread_local! {
    /// This copy's prefix, from the page's folder, which does not change while the app runs.
    static COPY: String = {
        let path = gloo::utils::window().location().pathname().unwrap_or_default();
        let folder = path.rfind('/').map_or("/", |i| &path[..=i]);
        format!("hicp-check{folder}#")
    };
    /// This copy's and its pack's prefix, set at start once the pack is known.
    static PACK: std::cell::RefCell<String> = std::cell::RefCell::new(COPY.with(|c| format!("{c}/")));
}

impl Keys {
    const RECORD: &'static str = "assessment/";
    const SET_ASIDE: &'static str = "set-aside/";

    /// This copy's prefix: `hicp-check` + the folder of the page + `#`.
    fn copy() -> String {
        COPY.with(String::clone)
    }

    /// This copy's and its pack's prefix.
    fn pack() -> String {
        PACK.with(|p| p.borrow().clone())
    }

    fn meta() -> String {
        format!("{}meta", Self::pack())
    }

    fn mode() -> String {
        format!("{}mode", Self::copy())
    }

    fn language() -> String {
        format!("{}language", Self::copy())
    }

    fn record(id: &str) -> String {
        format!("{}{}{id}", Self::pack(), Self::RECORD)
    }

    fn set_aside(id: &str) -> String {
        format!("{}{}{id}", Self::pack(), Self::SET_ASIDE)
    }

    /// The assessment id of a record's key; `None` for any other key.
    fn record_id(key: &str) -> Option<&str> {
        key.strip_prefix(&Self::pack())?.strip_prefix(Self::RECORD)
    }

    fn is_set_aside(key: &str) -> bool {
        key.strip_prefix(&Self::pack())
            .is_some_and(|k| k.starts_with(Self::SET_ASIDE))
    }

    /// Whether this copy wrote the key (and may move or erase it).
    fn is_ours(key: &str) -> bool {
        key.starts_with(&Self::copy())
    }
}

/// Scopes every assessment key to the content pack this copy runs (its id); called once at
/// start, before anything is read.
pub fn use_pack(pack_id: &str) {
    PACK.with(|p| *p.borrow_mut() = format!("{}{pack_id}/", Keys::copy()));
}

/// What this copy's keys start with, whatever the pack (IndexedDB's evidence keys too).
pub(super) fn copy_prefix() -> String {
    Keys::copy()
}

/// What the keys of this copy's and its pack's evidence files start with (in IndexedDB,
/// [`super::evidence_store`]): `hicp-check/a/#hicp-2018/evidence/`.
pub(super) fn evidence_prefix() -> String {
    format!("{}evidence/", Keys::pack())
}

/// What is kept beside the assessments: which one is open, and when each was last downloaded.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    pub current: Option<String>,
    #[serde(default)]
    pub screen: Option<String>,
    #[serde(default)]
    pub exported: Map<String, String>,
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
    /// Where it is kept: a handle to pass back to this module, not a key to build on.
    pub key: String,
    /// Why it could not be read; `None` when it was set aside at an earlier start.
    pub reason: Option<crate::domain::ImportError>,
}

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
        storage_for(mode).is_some_and(|s| {
            [Keys::mode().as_str(), legacy::MODE]
                .iter()
                .any(|k| s.get_item(k).ok().flatten().is_some())
        })
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

/// Switches where answers are kept, moving every record across (and the language chosen):
/// choosing "this tab only" leaves nothing behind in the browser's long-term storage.
/// Returns how many records could not be moved (the storage refused them); those stay where
/// they were, whole.
pub fn set_mode(mode: StorageMode) -> usize {
    let old = MODE.with(|m| m.replace(mode));
    if old == mode {
        return 0;
    }
    let (Some(from), Some(to)) = (storage_for(old), storage_for(mode)) else {
        return 0;
    };
    let mode_key = Keys::mode();
    let mut failed = 0;
    for key in keys(&from)
        .iter()
        .filter(|k| Keys::is_ours(k) && **k != mode_key)
    {
        if let Ok(Some(v)) = from.get_item(key) {
            if to.set_item(key, &v).is_ok() {
                let _ = from.remove_item(key);
            } else {
                failed += 1;
            }
        }
    }
    let _ = from.remove_item(&mode_key);
    let _ = to.set_item(&mode_key, "chosen");
    failed
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
    take_legacy_records(catalog, &store);
    for key in keys(&store) {
        if Keys::is_set_aside(&key) {
            loaded.set_aside.push(SetAside { key, reason: None });
            continue;
        }
        let Some(id) = Keys::record_id(&key) else {
            continue;
        };
        let Ok(Some(text)) = store.get_item(&key) else {
            continue;
        };
        match import(catalog, &text) {
            Ok(a) => loaded.assessments.push((id.to_owned(), a, text)),
            Err(e) => {
                // Move it aside; if even that fails (storage full), it stays where it was.
                let aside = Keys::set_aside(id);
                let moved =
                    store.set_item(&aside, &text).is_ok() && store.remove_item(&key).is_ok();
                loaded.set_aside.push(SetAside {
                    key: if moved { aside } else { key },
                    reason: Some(e),
                });
            }
        }
    }
    loaded.assessments =
        crate::domain::order::sorted_by(std::mem::take(&mut loaded.assessments), &|a, b| {
            b.1.updated.cmp(&a.1.updated).then_with(|| a.0.cmp(&b.0))
        });
    if let Ok(Some(text)) = store.get_item(&Keys::meta()) {
        loaded.meta = serde_json::from_str(&text).unwrap_or_default();
    }
    loaded
}

/// Moves the records saved before copies were told apart into this copy's scope: each one
/// whose pack this copy runs (the first copy of that pack to start takes it), and each one
/// no pack can read (it is then set aside here). A record of another pack stays where it is,
/// for the copy that runs it.
fn take_legacy_records(catalog: &Catalog, store: &web_sys::Storage) {
    let (mut left, mut moved) = (false, false);
    for key in keys(store) {
        let (id, aside) = if let Some(id) = key.strip_prefix(legacy::RECORD) {
            (id, false)
        } else if let Some(id) = key.strip_prefix(legacy::SET_ASIDE) {
            (id, true)
        } else {
            continue;
        };
        let Ok(Some(text)) = store.get_item(&key) else {
            continue;
        };
        let to = match import(catalog, &text) {
            Err(ImportError::OtherContentPack { .. }) => {
                left = true;
                continue;
            }
            // An unreadable record goes where this copy's own would, to be set aside with
            // its reason by the reading that follows.
            _ if !aside => Keys::record(id),
            _ => Keys::set_aside(id),
        };
        let free = matches!(store.get_item(&to), Ok(None));
        if free && store.set_item(&to, &text).is_ok() {
            let _ = store.remove_item(&key);
            moved = true;
        }
    }
    // Which assessment was open: the copy that took the records takes this too.
    if let Ok(Some(meta)) = store.get_item(legacy::META) {
        let meta_key = Keys::meta();
        if moved && matches!(store.get_item(&meta_key), Ok(None)) {
            let _ = store.set_item(&meta_key, &meta);
        }
        if !left {
            let _ = store.remove_item(legacy::META);
        }
    }
}

/// Why a save did not happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// The browser refused: storage full, switched off or gone.
    Refused,
    /// Another tab saved this assessment, or erased it, since this tab last read or wrote it.
    Conflict,
}

/// Saves one assessment, unless another tab changed or erased it since `expected` (the text
/// this tab last read or wrote; `None` for one it never saved): then nothing is overwritten.
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
    let key = Keys::record(id);
    // A record erased meanwhile is a conflict too: never silently made again.
    if store.get_item(&key).ok().flatten().as_deref() != expected {
        return Err(SaveError::Conflict);
    }
    let text = export(catalog, assessment, &now());
    store
        .set_item(&key, &text)
        .map_err(|_| SaveError::Refused)?;
    Ok(text)
}

/// The text saved for one assessment, as it is now (another tab may have changed it).
pub fn read(id: &str) -> Option<String> {
    storage()?.get_item(&Keys::record(id)).ok().flatten()
}

/// The text of a set-aside record, to download.
pub fn read_set_aside(record: &SetAside) -> Option<String> {
    storage()?.get_item(&record.key).ok().flatten()
}

pub fn remove_set_aside(record: &SetAside) {
    if let Some(store) = storage() {
        let _ = store.remove_item(&record.key);
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
            if let Some(id) = Keys::record_id(&key) {
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
        .set_item(&Keys::meta(), &text)
        .map_err(|_| SaveError::Refused)
}

pub fn remove(id: &str) {
    if let Some(store) = storage() {
        let _ = store.remove_item(&Keys::record(id));
    }
}

pub fn remove_meta() {
    if let Some(store) = storage() {
        let _ = store.remove_item(&Keys::meta());
    }
}

/// Removes everything this copy of HICP Check stored in this browser, on the device and in
/// this tab, and nothing else: not another copy's records on the same site.
pub fn erase_all() {
    for store in [StorageMode::Device, StorageMode::Session].map(storage_for) {
        let Some(store) = store else { continue };
        for key in keys(&store).iter().filter(|k| Keys::is_ours(k)) {
            let _ = store.remove_item(key);
        }
    }
}

/// The language the person chose: in this tab's storage, or on the device (read before the
/// storage mode is settled, so both are asked).
pub fn chosen_language() -> Option<String> {
    let language = Keys::language();
    let ask = |mode, key: &str| storage_for(mode)?.get_item(key).ok().flatten();
    ask(StorageMode::Session, &language)
        .or_else(|| ask(StorageMode::Device, &language))
        .or_else(|| ask(StorageMode::Device, legacy::LANGUAGE))
}

/// Remembers the language where answers are kept: in tab-only mode, not on the device.
pub fn remember_language(code: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(&Keys::language(), code);
    }
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
