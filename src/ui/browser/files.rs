//! Files in and out: reading a chosen or dropped file as text, and offering text as a
//! download. Nothing is ever sent anywhere.

use wasm_bindgen::JsCast;

/// Offers `text` as a file download; nothing is sent anywhere.
pub fn download(file_name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    if let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) {
        download_blob(file_name, &blob);
    }
}

/// Offers bytes (a file kept as evidence, a package) as a file download.
pub fn download_blob(file_name: &str, blob: &web_sys::Blob) {
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else {
        return;
    };
    // The link is in the document when clicked, and its address lives on for a while after:
    // some Firefox and Safari versions cancel a download whose link is detached or whose
    // address is revoked at once.
    let document = gloo::utils::document();
    if let Ok(a) = document.create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(&url);
        a.set_download(file_name);
        a.set_hidden(true);
        let body = gloo::utils::body();
        let _ = body.append_child(&a);
        a.click();
        let _ = body.remove_child(&a);
    }
    gloo::timers::callback::Timeout::new(REVOKE_AFTER_MS, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
}

/// A blob made of `bytes`, of type `mime`.
pub fn blob_of(bytes: &js_sys::Uint8Array, mime: &str) -> Option<web_sys::Blob> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_u8_array_sequence_and_options(&js_sys::Array::of1(bytes), &options).ok()
}

/// Reads a file or blob whole, as bytes.
///
/// # Errors
/// [`Failure::Unreadable`] when the browser cannot read it (gone from disk, say).
pub async fn read_bytes(blob: &web_sys::Blob) -> Result<js_sys::Uint8Array, Failure> {
    wasm_bindgen_futures::JsFuture::from(blob.array_buffer())
        .await
        .map(|b| js_sys::Uint8Array::new(&b))
        .map_err(|_| Failure::Unreadable)
}

/// How long a download's address stays valid after its link was clicked.
const REVOKE_AFTER_MS: u32 = 60_000;

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
