//! Evidence files: kept as Blobs in IndexedDB (never local storage, never copied through wasm
//! memory), or, in tab-only mode, in this tab's memory alone, never touching IndexedDB.
//!
//! One database for the origin ([`DATABASE`], one object store of Blobs under string keys);
//! copies of the app side by side on one site share it, and keep apart by their keys, built
//! on [`storage`]'s scope: `hicp-check/<folder>#<pack>/evidence/<assessment id>/<item id>`.
//! An assessment id never holds a `/` (see [`super::page::new_id`]), so one assessment's prefix
//! never begins another's.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;

use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, IdbDatabase, IdbKeyRange, IdbTransactionMode};

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
    /// Tab-only mode's files, in key order (as IndexedDB keeps them).
    static MEMORY: RefCell<Vec<(String, Blob)>> = const { RefCell::new(Vec::new()) };
}

/// The key of one item's evidence file in one assessment, for this copy and its pack.
pub fn evidence_key(assessment_id: &str, item_id: &str) -> String {
    format!("{}{item_id}", assessment_prefix(assessment_id))
}

/// What every key of one assessment's evidence starts with (it ends with `/`).
pub fn assessment_prefix(assessment_id: &str) -> String {
    format!("{}{assessment_id}/", pack_prefix())
}

/// What every evidence key of this copy and its pack starts with (it ends with `/`).
pub fn pack_prefix() -> String {
    storage::evidence_prefix()
}

/// What every key of this copy starts with, whatever its pack: not another copy's.
pub fn copy_prefix() -> String {
    storage::copy_prefix()
}

/// Keeps one file under `key`, replacing what was there.
///
/// # Errors
/// [`StoreFailure`]; then nothing changed.
pub async fn put(key: &str, blob: &Blob) -> Result<(), StoreFailure> {
    let items = [(key.to_owned(), blob.clone())];
    run(Op::Put, "", &items).await.map(drop)
}

/// Keeps every file in one transaction: all of them are kept, or none.
///
/// # Errors
/// [`StoreFailure`]; then nothing changed.
pub async fn put_all(items: &[(String, Blob)]) -> Result<(), StoreFailure> {
    if items.is_empty() {
        return Ok(());
    }
    run(Op::Put, "", items).await.map(drop)
}

/// The file kept under `key`, if any.
///
/// # Errors
/// [`StoreFailure`] when the store cannot be read.
pub async fn get(key: &str) -> Result<Option<Blob>, StoreFailure> {
    let found = run(Op::Get, key, &[]).await?;
    Ok((!found.is_undefined()).then(|| found.unchecked_into()))
}

/// Every key that starts with `prefix`, in order.
///
/// # Errors
/// [`StoreFailure`] when the store cannot be read, or for a prefix [`range`] refuses.
pub async fn keys(prefix: &str) -> Result<Vec<String>, StoreFailure> {
    let found = Array::from(&run(Op::Keys, prefix, &[]).await?);
    Ok(found.iter().filter_map(|k| k.as_string()).collect())
}

/// Removes the file kept under `key`, if any.
///
/// # Errors
/// [`StoreFailure`]; then nothing changed.
pub async fn remove(key: &str) -> Result<(), StoreFailure> {
    run(Op::Remove, key, &[]).await.map(drop)
}

/// Removes every file whose key starts with `prefix`, and no other.
///
/// # Errors
/// [`StoreFailure`]; then nothing changed. A prefix [`range`] refuses is [`StoreFailure::Failed`].
pub async fn remove_prefix(prefix: &str) -> Result<(), StoreFailure> {
    run(Op::RemovePrefix, prefix, &[]).await.map(drop)
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
    stored(Op::RemovePrefix, &copy_prefix(), &[])
        .await
        .map(drop)
}

/// How many bytes this site uses and may use, as the browser estimates them; `None` where the
/// browser does not tell.
pub async fn estimate() -> Option<(f64, f64)> {
    let promise = web_sys::window()?.navigator().storage().estimate().ok()?;
    let estimate = JsFuture::from(promise).await.ok()?;
    let number = |name: &str| Reflect::get(&estimate, &name.into()).ok()?.as_f64();
    Some((number("usage")?, number("quota")?))
}

/// What is asked of the store: every public function is one of these, on a key (or a prefix)
/// or, to put, on the items.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Op {
    Put,
    Get,
    Keys,
    Remove,
    RemovePrefix,
}

/// What [`run`] gives: one future type for every operation, so that each public function
/// only holds a box.
type Pending<'a> = Pin<Box<dyn Future<Output = Result<JsValue, StoreFailure>> + 'a>>;

/// `op`, in this tab's memory in tab-only mode (done at once), else in IndexedDB: the
/// JavaScript value that IndexedDB gives (a Blob or `undefined`, an array of keys, or what a
/// write returns).
fn run<'a>(op: Op, key: &'a str, items: &'a [(String, Blob)]) -> Pending<'a> {
    if storage::mode() != StorageMode::Session {
        return Box::pin(stored(op, key, items));
    }
    let by_prefix = matches!(op, Op::Keys | Op::RemovePrefix);
    let hit = |k: &String| {
        if by_prefix {
            k.starts_with(key)
        } else {
            k == key
        }
    };
    let found = MEMORY.with(|m| {
        let mut m = m.borrow_mut();
        match op {
            Op::Put => {
                for (key, blob) in items {
                    m.retain(|(k, _)| k != key);
                    let at = m.partition_point(|(k, _)| k < key);
                    m.insert(at, (key.clone(), blob.clone()));
                }
            }
            Op::Get => return m.iter().find(|(k, _)| hit(k)).map(|(_, b)| b.into()),
            Op::Keys => {
                let keys = m.iter().filter(|(k, _)| hit(k));
                return Some(
                    keys.map(|(k, _)| JsValue::from(k))
                        .collect::<Array>()
                        .into(),
                );
            }
            Op::Remove | Op::RemovePrefix => m.retain(|(k, _)| !hit(k)),
        }
        None
    });
    Box::pin(std::future::ready(Ok(found.unwrap_or_default())))
}

/// `op` in IndexedDB, in one transaction: when a request cannot be made, the transaction is
/// aborted and nothing of it kept. The last request's result, once it is read, or once every
/// change is committed.
async fn stored(op: Op, key: &str, items: &[(String, Blob)]) -> Result<JsValue, StoreFailure> {
    let query = match op {
        Op::Keys | Op::RemovePrefix => range(key)?,
        _ => key.into(),
    };
    let write = !matches!(op, Op::Get | Op::Keys);
    let mode = match write {
        true => IdbTransactionMode::Readwrite,
        false => IdbTransactionMode::Readonly,
    };
    // A cached connection closed since (by the browser, or for an upgrade) is opened anew.
    let mut tx = None;
    for _ in 0..2 {
        tx = database()
            .await?
            .transaction_with_str_and_mode(FILES, mode)
            .ok();
        if tx.is_some() {
            break;
        }
        DB.with(|d| d.take());
    }
    let tx = tx.ok_or(StoreFailure::Failed)?;
    let request = tx.object_store(FILES).and_then(|store| match op {
        Op::Put => {
            let mut last = Err(JsValue::NULL);
            for (key, blob) in items {
                last = Ok(store.put_with_key(blob, &key.into())?);
            }
            last
        }
        Op::Get => store.get(&query),
        Op::Keys => store.get_all_keys_with_key(&query),
        Op::Remove | Op::RemovePrefix => store.delete(&query),
    });
    let request = request.map_err(|e| {
        let _ = tx.abort();
        failure(&e)
    })?;
    let (target, ok, fail): (&JsValue, _, _) = match write {
        true => (&tx, "oncomplete", "onabort"),
        false => (&request, "onsuccess", "onerror"),
    };
    settled(target, &[ok], &[fail])
        .await
        .map_err(|_| failure(&Reflect::get(target, &"error".into()).unwrap_or_default()))?;
    request.result().map_err(|e| failure(&e))
}

/// The keys that start with `prefix`, exactly: from `prefix` up to, not including, `prefix`
/// with its last character raised by one, when that is an ASCII character (`/` or `#` for
/// those built here); any other prefix, the empty one too (every copy's files), is refused.
fn range(prefix: &str) -> Result<JsValue, StoreFailure> {
    let Some(&last @ 0..0x7f) = prefix.as_bytes().last() else {
        return Err(StoreFailure::Failed);
    };
    let end = format!("{}{}", &prefix[..prefix.len() - 1], char::from(last + 1));
    IdbKeyRange::bound_with_lower_open_and_upper_open(&prefix.into(), &end.into(), false, true)
        .map(Into::into)
        .map_err(|e| failure(&e))
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
        let close = close.unchecked_into::<Function>().bind0(&db);
        let _ = Reflect::set(&db, &"onversionchange".into(), &close);
    }
    Ok(DB.with(|d| d.borrow_mut().get_or_insert(db).clone()))
}

/// The first of `target`'s events named in `ok` (its event) or in `fail` (an error): the one
/// future that every request and transaction is awaited through.
fn settled(target: &JsValue, ok: &[&str], fail: &[&str]) -> JsFuture {
    let promise = Promise::new(&mut |resolve, reject| {
        for (names, then) in [(ok, &resolve), (fail, &reject)] {
            for name in names {
                let _ = Reflect::set(target, &JsValue::from(*name), then);
            }
        }
    });
    JsFuture::from(promise)
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
