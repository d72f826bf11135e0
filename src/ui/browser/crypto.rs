//! Web Crypto: a passphrase-protected file is sealed and opened with PBKDF2-SHA-256 and
//! AES-256-GCM, in the browser's own implementation.

use wasm_bindgen::JsCast;

use super::files::Failure;

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
    encrypt_bytes(passphrase, text.as_bytes()).await
}

/// Encrypts `bytes` (an assessment file, or an evidence package) into an envelope file.
///
/// # Errors
/// A message for the person when the browser cannot encrypt.
pub async fn encrypt_bytes(passphrase: &str, bytes: &[u8]) -> Result<String, Failure> {
    use crate::domain::envelope::{Envelope, ITERATIONS};
    let (crypto, subtle) = subtle()?;
    let mut salt = [0u8; 16];
    let mut iv = [0u8; 12];
    crypto
        .get_random_values_with_u8_array(&mut salt)
        .and_then(|_| crypto.get_random_values_with_u8_array(&mut iv))
        .map_err(|_| Failure::NoRandom)?;
    let key = derive_key(&composed(passphrase), &salt, ITERATIONS).await?;
    let params = object(&[
        ("name", "AES-GCM".into()),
        ("iv", js_sys::Uint8Array::from(&iv[..]).into()),
    ]);
    let data = promised(subtle.encrypt_with_object_and_u8_array(&params, &key, bytes))
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

/// Opens an envelope with `passphrase`: what was sealed, as bytes.
///
/// # Errors
/// A [`Failure`]: most often, the passphrase is wrong.
pub async fn decrypt(
    passphrase: &str,
    envelope: &crate::domain::envelope::Envelope,
) -> Result<Vec<u8>, Failure> {
    let nfc = composed(passphrase);
    match open(&nfc, envelope).await {
        // Files protected before passphrases were composed: as typed.
        Err(Failure::WrongPassphrase) if nfc != passphrase => open(passphrase, envelope).await,
        opened => opened,
    }
}

/// A passphrase in Unicode's composed form (NFC): "é" typed as one character on one system and
/// as "e" plus an accent on another derives the same key.
fn composed(passphrase: &str) -> String {
    js_sys::JsString::from(passphrase).normalize("NFC").into()
}

async fn open(
    passphrase: &str,
    envelope: &crate::domain::envelope::Envelope,
) -> Result<Vec<u8>, Failure> {
    let (_, subtle) = subtle()?;
    let key = derive_key(passphrase, &envelope.salt, envelope.iterations).await?;
    let params = object(&[
        ("name", "AES-GCM".into()),
        ("iv", js_sys::Uint8Array::from(&envelope.iv[..]).into()),
    ]);
    let plain = promised(subtle.decrypt_with_object_and_u8_array(&params, &key, &envelope.data))
        .await
        .map_err(|_| Failure::WrongPassphrase)?;
    Ok(js_sys::Uint8Array::new(&plain).to_vec())
}

/// The SHA-256 of `bytes`, as 64 lowercase hexadecimal digits.
///
/// # Errors
/// [`Failure::NoCrypto`] when the browser has no Web Crypto here.
pub async fn sha256(bytes: &js_sys::Uint8Array) -> Result<String, Failure> {
    let (_, subtle) = subtle()?;
    let digest = promised(subtle.digest_with_str_and_buffer_source("SHA-256", bytes))
        .await
        .map_err(|_| Failure::NoCrypto)?;
    let digest = js_sys::Uint8Array::new(&digest).to_vec();
    Ok(digest.iter().map(|b| format!("{b:02x}")).collect())
}
