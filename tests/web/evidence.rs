//! Evidence files in IndexedDB (and in memory in tab-only mode), through
//! `ui::browser::evidence_store`, in a real browser.

use hicp_check::config::StorageMode;
use hicp_check::ui::browser::evidence_store::{
    assessment_prefix, copy_prefix, erase_copy, evidence_key, forget_memory, get, keys, put,
    put_all, remove, remove_prefix, StoreFailure,
};
use hicp_check::ui::browser::storage;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::Blob;

fn blob(bytes: &[u8]) -> Blob {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    Blob::new_with_u8_array_sequence(&parts).unwrap()
}

async fn bytes(blob: &Blob) -> Vec<u8> {
    let buffer = JsFuture::from(blob.array_buffer()).await.unwrap();
    js_sys::Uint8Array::new(&buffer).to_vec()
}

/// The page's folder, as the app's keys hold it.
fn folder() -> String {
    let path = web_sys::window().unwrap().location().pathname().unwrap();
    path[..=path.rfind('/').unwrap()].to_owned()
}

/// A clean start: this copy's evidence erased, in the long-term mode, with the built-in pack.
async fn fresh() {
    storage::set_mode(StorageMode::Device);
    storage::use_pack("hicp-2018");
    erase_copy().await.unwrap();
}

#[wasm_bindgen_test]
async fn a_file_of_300_kb_comes_back_byte_for_byte() {
    fresh().await;
    let content: Vec<u8> = (0..300_000u32).map(|i| (i * 7 % 251) as u8).collect();
    let key = evidence_key("a1", "1.S.A");
    assert_eq!(
        key,
        format!("hicp-check{}#hicp-2018/evidence/a1/1.S.A", folder())
    );
    assert_eq!(get(&key).await, Ok(None));
    put(&key, &blob(&content)).await.unwrap();
    let back = get(&key).await.unwrap().expect("the file is kept");
    assert_eq!(back.size(), 300_000.0);
    assert!(bytes(&back).await == content, "the same bytes");
    // Put again: replaced, not added.
    put(&key, &blob(b"second")).await.unwrap();
    assert_eq!(bytes(&get(&key).await.unwrap().unwrap()).await, b"second");
    assert_eq!(
        keys(&assessment_prefix("a1")).await.unwrap(),
        std::slice::from_ref(&key)
    );
    remove(&key).await.unwrap();
    assert_eq!(get(&key).await, Ok(None));
}

/// A put that fails midway (a value IndexedDB cannot clone, standing in for a Blob) leaves
/// none of the files before it: the one transaction is aborted.
#[wasm_bindgen_test]
async fn put_all_keeps_all_or_none() {
    fresh().await;
    let items = |middle: Blob| {
        vec![
            (evidence_key("p", "1"), blob(b"one")),
            (evidence_key("p", "2"), middle),
            (evidence_key("p", "3"), blob(b"three")),
        ]
    };
    let uncloneable: Blob = JsValue::from(js_sys::Function::new_no_args("")).unchecked_into();
    assert_eq!(
        put_all(&items(uncloneable)).await,
        Err(StoreFailure::Failed)
    );
    assert_eq!(keys(&copy_prefix()).await.unwrap(), Vec::<String>::new());
    assert_eq!(get(&evidence_key("p", "1")).await, Ok(None));

    put_all(&items(blob(b"two"))).await.unwrap();
    let kept = keys(&assessment_prefix("p")).await.unwrap();
    assert_eq!(kept, ["1", "2", "3"].map(|i| evidence_key("p", i)));
    let second = get(&kept[1]).await.unwrap().unwrap();
    assert_eq!(bytes(&second).await, b"two");
}

/// Exactly the keys that start with the prefix: not `abcd/…` beside `abc/…`, nor `abc0`
/// (the first string after them), while a key with U+FFFF after the prefix goes with it.
#[wasm_bindgen_test]
async fn remove_prefix_removes_exactly_the_prefix() {
    fresh().await;
    let prefix = assessment_prefix("abc");
    let lookalike = format!("{}0", prefix.trim_end_matches('/'));
    let all = [
        evidence_key("abc", "1"),
        evidence_key("abc", "2"),
        format!("{prefix}\u{ffff}\u{ffff}z"),
        evidence_key("abcd", "1"),
        lookalike.clone(),
    ];
    let items: Vec<_> = all
        .iter()
        .map(|k| (k.clone(), blob(k.as_bytes())))
        .collect();
    put_all(&items).await.unwrap();
    assert_eq!(keys(&prefix).await.unwrap(), all[..3]);
    remove_prefix(&prefix).await.unwrap();
    assert_eq!(keys(&prefix).await.unwrap(), Vec::<String>::new());
    let mut left = vec![evidence_key("abcd", "1"), lookalike];
    left.sort();
    assert_eq!(keys(&copy_prefix()).await.unwrap(), left);
    // The empty prefix (every copy's files) is refused, and so is nothing removed.
    assert_eq!(remove_prefix("").await, Err(StoreFailure::Failed));
    assert_eq!(keys(&copy_prefix()).await.unwrap().len(), 2);
}

/// In tab-only mode the files stay in memory: IndexedDB never sees them.
#[wasm_bindgen_test]
async fn tab_only_mode_keeps_files_in_memory_only() {
    fresh().await;
    storage::set_mode(StorageMode::Session);
    let (key, other) = (evidence_key("t", "1"), evidence_key("u", "1"));
    put_all(&[(key.clone(), blob(b"tab")), (other.clone(), blob(b"u"))])
        .await
        .unwrap();
    assert_eq!(bytes(&get(&key).await.unwrap().unwrap()).await, b"tab");
    assert_eq!(
        keys(&copy_prefix()).await.unwrap(),
        [key.clone(), other.clone()]
    );
    remove_prefix(&assessment_prefix("u")).await.unwrap();
    assert_eq!(
        keys(&copy_prefix()).await.unwrap(),
        std::slice::from_ref(&key)
    );

    storage::set_mode(StorageMode::Device);
    assert_eq!(keys(&copy_prefix()).await.unwrap(), Vec::<String>::new());
    assert_eq!(get(&key).await, Ok(None));

    storage::set_mode(StorageMode::Session);
    assert!(get(&key).await.unwrap().is_some(), "still in memory");
    forget_memory();
    assert_eq!(get(&key).await, Ok(None));
    storage::set_mode(StorageMode::Device);
}

/// Two packs of one copy, and another copy on the same site (`/elsewhere/`, its key written
/// as that copy would), never see each other's files; erasing this copy leaves the other's.
#[wasm_bindgen_test]
async fn copies_and_packs_keep_apart() {
    fresh().await;
    storage::use_pack("pack-a");
    let in_a = evidence_key("x", "1");
    put(&in_a, &blob(b"a")).await.unwrap();
    let elsewhere = "hicp-check/elsewhere/#pack-a/evidence/x/1";
    put(elsewhere, &blob(b"other copy")).await.unwrap();

    storage::use_pack("pack-b");
    let in_b = evidence_key("x", "1");
    assert_ne!(in_a, in_b);
    assert_eq!(get(&in_b).await, Ok(None));
    assert_eq!(
        keys(&assessment_prefix("x")).await.unwrap(),
        Vec::<String>::new()
    );
    put(&in_b, &blob(b"b")).await.unwrap();
    assert_eq!(
        keys(&copy_prefix()).await.unwrap(),
        [in_a.clone(), in_b.clone()]
    );

    erase_copy().await.unwrap();
    assert_eq!(keys(&copy_prefix()).await.unwrap(), Vec::<String>::new());
    assert_eq!(
        bytes(&get(elsewhere).await.unwrap().unwrap()).await,
        b"other copy"
    );
    remove(elsewhere).await.unwrap();
    storage::use_pack("hicp-2018");
}
