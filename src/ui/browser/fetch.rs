//! Fetching the app's own files: a language, a host's content pack, the host's settings file.
//! Never another site's: the Content-Security-Policy would refuse it anyway.

use wasm_bindgen::JsCast;

use crate::config::SiteConfig;

/// The host's settings file, next to index.html.
const CONFIG_FILE: &str = "hicp-check.config.json";

/// Fetches one of the app's own files as text: `Ok(None)` when it does not exist. The request
/// starts at once, before the result is awaited.
///
/// # Errors
/// A message when the file exists but cannot be read.
pub fn fetch_text(path: &str) -> impl std::future::Future<Output = Result<Option<String>, String>> {
    request(path, false)
}

/// Starts the request; `fresh` asks the server past the browser's HTTP cache, so that a host's
/// edit to its settings file is seen at the next visit, not whenever the cache expires.
fn request(
    path: &str,
    fresh: bool,
) -> impl std::future::Future<Output = Result<Option<String>, String>> {
    let window = gloo::utils::window();
    let promise = if fresh {
        let init = web_sys::RequestInit::new();
        init.set_cache(web_sys::RequestCache::NoCache);
        window.fetch_with_str_and_init(path, &init)
    } else {
        window.fetch_with_str(path)
    };
    let request = wasm_bindgen_futures::JsFuture::from(promise);
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

/// Reads the host's settings file next to index.html. A missing file means the defaults; a
/// broken one, the defaults and a message for the webmaster.
pub async fn load_config() -> (SiteConfig, Option<String>) {
    match request(CONFIG_FILE, true).await {
        Ok(None) | Err(_) => (SiteConfig::default(), None),
        Ok(Some(text)) => match SiteConfig::parse(&text) {
            Ok(c) => (c, None),
            Err(e) => (SiteConfig::default(), Some(e.to_string())),
        },
    }
}
