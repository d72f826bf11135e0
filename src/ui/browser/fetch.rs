//! Fetching the app's own files: a language, a host's content pack, the host's settings file.
//! Never another site's: the Content-Security-Policy would refuse it anyway.

use wasm_bindgen::JsCast;

use crate::config::{self, ConfigProblem, Settings};

/// Why one of the app's own files could not be had.
enum Failed {
    /// No answer at all (offline, refused, or the request could not be made).
    Unreachable,
    /// The server answered with this error status (other than 404).
    Status(u16),
    /// The answer could not be read as text.
    Unreadable,
}

/// Fetches one of the app's own files as text: `Ok(None)` when it does not exist. The request
/// starts at once, before the result is awaited.
///
/// # Errors
/// A message when the file exists but cannot be read.
pub fn fetch_text(path: &str) -> impl std::future::Future<Output = Result<Option<String>, String>> {
    let request = request(path, false);
    let path = path.to_owned();
    async move {
        request.await.map_err(|failed| match failed {
            Failed::Unreachable => format!("{path} could not be fetched"),
            Failed::Status(status) => format!("{path} answered with HTTP status {status}"),
            Failed::Unreadable => format!("{path} could not be read"),
        })
    }
}

/// Starts the request; `fresh` asks the server past the browser's HTTP cache, so that a host's
/// edit to its settings file is seen at the next visit, not whenever the cache expires.
fn request(
    path: &str,
    fresh: bool,
) -> impl std::future::Future<Output = Result<Option<String>, Failed>> {
    let window = gloo::utils::window();
    let promise = if fresh {
        let init = web_sys::RequestInit::new();
        init.set_cache(web_sys::RequestCache::NoCache);
        window.fetch_with_str_and_init(path, &init)
    } else {
        window.fetch_with_str(path)
    };
    let request = wasm_bindgen_futures::JsFuture::from(promise);
    async move {
        let response = request.await.map_err(|_| Failed::Unreachable)?;
        let response: web_sys::Response = response.unchecked_into();
        match response.status() {
            404 => return Ok(None),
            _ if response.ok() => {}
            status => return Err(Failed::Status(status)),
        }
        let promise = response.text().map_err(|_| Failed::Unreadable)?;
        wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .ok()
            .and_then(|v| v.as_string())
            .map(Some)
            .ok_or(Failed::Unreadable)
    }
}

/// Reads the host's settings file next to index.html. A missing file means the defaults; one
/// that is there but cannot be used (unreadable, a mistake, a server error) means the most
/// private mode, with every problem for the webmaster.
pub async fn load_settings() -> Settings {
    match request(config::FILE, true).await {
        Ok(text) => Settings::from_file(text.as_deref()),
        Err(Failed::Status(status)) => Settings::broken(vec![ConfigProblem::HttpStatus { status }]),
        Err(Failed::Unreachable | Failed::Unreadable) => {
            Settings::broken(vec![ConfigProblem::Unreachable])
        }
    }
}
