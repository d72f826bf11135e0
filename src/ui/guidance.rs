//! The built-in pack's guidance texts (each sub-practice's "why it matters" and technical
//! details), which the app does not compile in (`content::BUILT_IN_LEAN`): fetched once an
//! assessment is open, and kept offline by the service worker from then on. Until they come,
//! a card says so; when they cannot come (offline before their first use), it says that.

use std::cell::Cell;
use std::rc::Rc;

use serde_json::Value;
use yew::UseStateHandle;

use super::browser::{fetch::fetch_text, service_worker};
use crate::content::{GUIDANCE_FILE, GUIDANCE_LATER, GUIDANCE_UNAVAILABLE};
use crate::domain::{Catalog, SubPracticeId};

thread_local! {
    static ASKED: Cell<bool> = const { Cell::new(false) };
}

/// Fills in `catalog`'s guidance texts, once per page, when it has them still to come.
pub fn fetch(catalog: UseStateHandle<Rc<Catalog>>) {
    if !catalog.awaits_guidance(GUIDANCE_LATER) || ASKED.with(|a| a.replace(true)) {
        return;
    }
    yew::platform::spawn_local(async move {
        let texts = fetch_text(GUIDANCE_FILE)
            .await
            .ok()
            .flatten()
            .and_then(|t| serde_json::from_str::<Value>(&t).ok());
        let found = |id: &SubPracticeId| {
            let of = texts.as_ref()?.get(id.as_str())?;
            let text = |k: &str| of.get(k)?.as_str().map(str::to_owned);
            Some((text("why")?, text("technical")?))
        };
        let filled = catalog.with_guidance(GUIDANCE_LATER, found, GUIDANCE_UNAVAILABLE);
        if texts.is_some() {
            // Kept even when fetched before the service worker controlled the page.
            service_worker::keep_offline(GUIDANCE_FILE);
        }
        catalog.set(Rc::new(filled));
    });
}

/// A guidance text as a card shows it: the text, or why it is not there.
pub fn shown(text: &str, t: &crate::i18n::Texts) -> String {
    match text {
        GUIDANCE_LATER => t.get("answer.guidance_loading").to_owned(),
        GUIDANCE_UNAVAILABLE => t.get("answer.guidance_unavailable").to_owned(),
        text => text.to_owned(),
    }
}
