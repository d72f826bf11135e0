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
    let request = read(start(path, false));
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
fn start(path: &str, fresh: bool) -> js_sys::Promise {
    let window = gloo::utils::window();
    if fresh {
        let init = web_sys::RequestInit::new();
        init.set_cache(web_sys::RequestCache::NoCache);
        window.fetch_with_str_and_init(path, &init)
    } else {
        window.fetch_with_str(path)
    }
}

/// The text of the answer `promise` (a `fetch`) settles with.
fn read(
    promise: js_sys::Promise,
) -> impl std::future::Future<Output = Result<Option<String>, Failed>> {
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
///
/// The request starts when this is called. Its answer is usually there already: the page's
/// loader asks for the file before it asks for the app's wasm (scripts/postbuild.py, EARLY),
/// and that request is the one read, once; without it (a page written by hand), one is made
/// now.
pub fn load_settings() -> impl std::future::Future<Output = Settings> {
    let window = gloo::utils::window();
    let key = wasm_bindgen::JsValue::from_str(EARLY_SETTINGS);
    let early = js_sys::Reflect::get(&window, &key)
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    let _ = js_sys::Reflect::delete_property(&window, &key);
    let answer = read(early.unwrap_or_else(|| start(config::FILE, true)));
    async move { settings_from(answer.await) }
}

/// The window's property where the page's loader leaves its request for the settings file.
const EARLY_SETTINGS: &str = "hicpCheckSettings";

fn settings_from(answer: Result<Option<String>, Failed>) -> Settings {
    match answer {
        Ok(text) => Settings::from_file(text.as_deref()),
        Err(Failed::Status(status)) => Settings::broken(vec![ConfigProblem::HttpStatus { status }]),
        Err(Failed::Unreachable | Failed::Unreadable) => {
            Settings::broken(vec![ConfigProblem::Unreachable])
        }
    }
}
