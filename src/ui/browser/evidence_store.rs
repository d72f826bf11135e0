//! Evidence files: kept as Blobs in IndexedDB (never local storage, never copied through wasm
//! memory), or, in tab-only mode, in this tab's memory alone, never touching IndexedDB.
//!
//! One database for the origin ([`DATABASE`], one object store of Blobs under string keys);
//! copies of the app side by side on one site share it, and keep apart by their keys, built
//! on [`storage`]'s scope: `hicp-check/<folder>#<pack>/evidence/<assessment id>/<item id>`.
//! An assessment id never holds a `/` (see [`super::page::new_id`]), so one assessment's prefix
//! never begins another's.

use std::cell::RefCell;

use js_sys::{Array, Function, JsString, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, IdbDatabase, IdbKeyRange, IdbObjectStore, IdbRequest, IdbTransaction};
use web_sys::{IdbTransactionMode, StorageEstimate};

use super::storage;
use crate::config::StorageMode;

const DATABASE: &str = "hicp-check-evidence";
const FILES: &str = "files";

/// Why the store did not do what was asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoreFailure {
    /// The browser's storage for this site is full (`QuotaExceededError`): nothing was kept.
    Full,
    /// IndexedDB cannot be opened here (absent, switched off, a private mode, blocked).
    Unavailable,
    /// Anything else; nothing of the failed write was kept.
    Failed,
}

thread_local! {
    static DB: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
    /// Tab-only mode's files, in the order kept.
    static MEMORY: RefCell<Vec<(String, Blob)>> = const { RefCell::new(Vec::new()) };
}

/// The key of one item's evidence file in one assessment, for this copy and its pack.
pub fn evidence_key(assessment_id: &str, item_id: &str) -> String {
    format!("{}{item_id}", assessment_prefix(assessment_id))
}

/// What every key of one assessment's evidence starts with (it ends with `/`).
pub fn assessment_prefix(assessment_id: &str) -> String {
    format!("{}{assessment_id}/", storage::evidence_prefix())
}

/// What every key of this copy starts with, whatever its pack: not another copy's.
pub fn copy_prefix() -> String {
    storage::copy_prefix()
}

fn in_memory() -> bool {
    storage::mode() == StorageMode::Session
}

/// Keeps one file under `key`, replacing what was there.
///
/// # Errors
/// [`StoreFailure`]; then nothing changed.
pub async fn put(key: &str, blob: &Blob) -> Result<(), StoreFailure> {
    put_all(&[(key.to_owned(), blob.clone())]).await
}

/// Keeps every file in one transaction: all of them are kept, or none.
///
/// # Errors
/// [`StoreFailure`]; then nothing changed.
pub async fn put_all(items: &[(String, Blob)]) -> Result<(), StoreFailure> {
    if in_memory() {
        MEMORY.with(|m| {
            let mut m = m.borrow_mut();
            for (key, blob) in items {
                m.retain(|(k, _)| k != key);
                m.push((key.clone(), blob.clone()));
            }
        });
        return Ok(());
    }
    let (tx, store) = transaction(IdbTransactionMode::Readwrite).await?;
    for (key, blob) in items {
        if let Err(e) = store.put_with_key(blob, &key.into()) {
            // What was put before stays out: the transaction is aborted, never committed.
            let _ = tx.abort();
            return Err(failure(&e));
        }
    }
    settled(&tx, &["oncomplete"], &["onabort"]).await.map(drop)
}

/// The file kept under `key`, if any.
///
/// # Errors
/// [`StoreFailure`] when the store cannot be read.
pub async fn get(key: &str) -> Result<Option<Blob>, StoreFailure> {
    if in_memory() {
        return Ok(MEMORY.with(|m| {
            let m = m.borrow();
            m.iter().find(|(k, _)| k == key).map(|(_, b)| b.clone())
        }));
    }
    Ok(read(IdbObjectStore::get, &key.into())
        .await?
        .dyn_into()
        .ok())
}

/// Every key that starts with `prefix`, in order.
///
/// # Errors
/// [`StoreFailure`] when the store cannot be read.
pub async fn keys(prefix: &str) -> Result<Vec<String>, StoreFailure> {
    if in_memory() {
        let mut keys: Vec<String> = MEMORY.with(|m| {
            let m = m.borrow();
            m.iter()
                .map(|(k, _)| k)
                .filter(|k| k.starts_with(prefix))
                .cloned()
                .collect()
        });
        keys.sort_unstable();
        return Ok(keys);
    }
    let found = read(IdbObjectStore::get_all_keys_with_key, &range(prefix)?).await?;
    Ok(Array::from(&found)
        .iter()
        .filter_map(|k| k.as_string())
        .collect())
}

/// Removes the file kept under `key`, if any.
///
/// # Errors
/// [`StoreFailure`]; then nothing changed.
pub async fn remove(key: &str) -> Result<(), StoreFailure> {
    if in_memory() {
        MEMORY.with(|m| m.borrow_mut().retain(|(k, _)| k != key));
        return Ok(());
    }
    delete(&key.into()).await
}

/// Removes every file whose key starts with `prefix`, and no other.
///
/// # Errors
/// [`StoreFailure`]; then nothing changed.
pub async fn remove_prefix(prefix: &str) -> Result<(), StoreFailure> {
    if in_memory() {
        MEMORY.with(|m| m.borrow_mut().retain(|(k, _)| !k.starts_with(prefix)));
        return Ok(());
    }
    delete(&range(prefix)?).await
}

/// Forgets every file kept in this tab's memory (tab-only mode's files).
pub fn forget_memory() {
    MEMORY.with(|m| m.borrow_mut().clear());
}

/// Removes every file of this copy (all its packs), in IndexedDB whatever the mode, and in
/// this tab's memory; nothing of another copy on the same site.
///
/// # Errors
/// [`StoreFailure`] when IndexedDB could not be cleared ([`StoreFailure::Unavailable`]: it
/// cannot be opened here, so it holds nothing this copy could have kept).
pub async fn erase_copy() -> Result<(), StoreFailure> {
    forget_memory();
    delete(&range(&copy_prefix())?).await
}

/// How many bytes this site uses and may use, as the browser estimates them; `None` where the
/// browser does not tell.
pub async fn estimate() -> Option<(f64, f64)> {
    let promise = web_sys::window()?.navigator().storage().estimate().ok()?;
    let estimate: StorageEstimate = JsFuture::from(promise).await.ok()?.unchecked_into();
    Some((estimate.get_usage()?, estimate.get_quota()?))
}

/// The keys that start with `prefix`, exactly: from `prefix` up to, not including, the first
/// string after every one that starts with it (its last UTF-16 unit below U+FFFF raised by one).
fn range(prefix: &str) -> Result<JsValue, StoreFailure> {
    let mut end: Vec<u16> = prefix.encode_utf16().collect();
    while end.last() == Some(&u16::MAX) {
        end.pop();
    }
    let from = JsValue::from(prefix);
    let range = match end.last_mut() {
        Some(unit) => {
            *unit += 1;
            let end = JsString::from_char_code(&end);
            IdbKeyRange::bound_with_lower_open_and_upper_open(&from, &end, false, true)
        }
        None => IdbKeyRange::lower_bound(&from),
    };
    range.map(Into::into).map_err(|e| failure(&e))
}

/// One request in a read-only transaction, and its result.
async fn read(
    request: fn(&IdbObjectStore, &JsValue) -> Result<IdbRequest, JsValue>,
    query: &JsValue,
) -> Result<JsValue, StoreFailure> {
    let (_, store) = transaction(IdbTransactionMode::Readonly).await?;
    let request = request(&store, query).map_err(|e| failure(&e))?;
    settled(&request, &["onsuccess"], &["onerror"]).await?;
    request.result().map_err(|e| failure(&e))
}

/// Deletes a key, or every key in a range, once the deletion is committed.
async fn delete(query: &JsValue) -> Result<(), StoreFailure> {
    let (tx, store) = transaction(IdbTransactionMode::Readwrite).await?;
    store.delete(query).map_err(|e| failure(&e))?;
    settled(&tx, &["oncomplete"], &["onabort"]).await.map(drop)
}

/// A transaction on the files, in a connection opened anew when the cached one was closed.
async fn transaction(
    mode: IdbTransactionMode,
) -> Result<(IdbTransaction, IdbObjectStore), StoreFailure> {
    for _ in 0..2 {
        let db = database().await?;
        if let Ok(tx) = db.transaction_with_str_and_mode(FILES, mode) {
            let store = tx.object_store(FILES).map_err(|e| failure(&e))?;
            return Ok((tx, store));
        }
        DB.with(|d| d.take());
    }
    Err(StoreFailure::Failed)
}

/// The connection, opened once (and its store made at the first open on this origin). It is
/// closed when another tab asks to upgrade the database, so that it never blocks it.
async fn database() -> Result<IdbDatabase, StoreFailure> {
    if let Some(db) = DB.with(|d| d.borrow().clone()) {
        return Ok(db);
    }
    use StoreFailure::Unavailable;
    let request = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .and_then(|f| f.open_with_u32(DATABASE, 1).ok())
        .ok_or(Unavailable)?;
    // Blocked: an older connection elsewhere would not close; taken as unavailable.
    let failed = ["onerror", "onblocked"];
    settled(&request, &["onupgradeneeded", "onsuccess"], &failed)
        .await
        .map_err(|_| Unavailable)?;
    let db: IdbDatabase = request.result().map_err(|_| Unavailable)?.unchecked_into();
    // During an upgrade the request has its transaction; the store is made while it is active.
    if request.transaction().is_some() {
        db.create_object_store(FILES).map_err(|_| Unavailable)?;
        settled(&request, &["onsuccess"], &failed)
            .await
            .map_err(|_| Unavailable)?;
    }
    if let Ok(close) = Reflect::get(&db, &"close".into()) {
        db.set_onversionchange(Some(&close.unchecked_into::<Function>().bind0(&db)));
    }
    Ok(DB.with(|d| d.borrow_mut().get_or_insert(db).clone()))
}

/// Waits for the first of `target`'s events named in `ok` (its event) or `fail` (the failure
/// of the target's `error`): the one future every request and transaction is awaited through.
async fn settled(target: &JsValue, ok: &[&str], fail: &[&str]) -> Result<JsValue, StoreFailure> {
    let promise = Promise::new(&mut |resolve, reject| {
        for (names, then) in [(ok, &resolve), (fail, &reject)] {
            for name in names {
                let _ = Reflect::set(target, &JsValue::from(*name), then);
            }
        }
    });
    JsFuture::from(promise)
        .await
        .map_err(|_| failure(&Reflect::get(target, &"error".into()).unwrap_or_default()))
}

/// [`StoreFailure::Full`] for a `QuotaExceededError`, [`StoreFailure::Failed`] for any other.
fn failure(error: &JsValue) -> StoreFailure {
    match Reflect::get(error, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
    {
        Some(name) if name == "QuotaExceededError" => StoreFailure::Full,
        _ => StoreFailure::Failed,
    }
}
