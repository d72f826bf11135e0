//! The built-in pack's guidance texts (each sub-practice's "in place" means, why it matters,
//! and its technical details), which the app does not compile in (`content::COMPILED`):
//! fetched once an assessment is open, and kept offline by the service worker from then on.
//! Until they come, a card says so; when they cannot come (offline before their first use),
//! it says that.
//!
//! Only the texts themselves re-render when they come ([`Text`]), never the screen around
//! them: a re-render sets every input back to what is saved, and would take away what someone
//! is typing and has not yet left.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use serde_json::Value;
use yew::functional::UseForceUpdateHandle;
use yew::prelude::*;

use super::browser::{fetch::fetch_text, service_worker};
use super::hooks::use_fixed;
use crate::content::{GUIDANCE_FIELDS, GUIDANCE_FILE, GUIDANCE_LATER, GUIDANCE_UNAVAILABLE};
use crate::domain::{Catalog, SubPracticeId};

thread_local! {
    static ASKED: Cell<bool> = const { Cell::new(false) };
    /// The catalogue with its guidance filled in (or marked unavailable), once known.
    static FILLED: RefCell<Option<Rc<Catalog>>> = const { RefCell::new(None) };
    /// The texts shown while waiting, by a number of their own.
    static WAITING: RefCell<Vec<(u32, UseForceUpdateHandle)>> = const { RefCell::new(Vec::new()) };
    static NEXT: Cell<u32> = const { Cell::new(0) };
}

/// Fetches `catalog`'s guidance texts, once per page, when it has them still to come.
pub fn fetch(catalog: Rc<Catalog>) {
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
            let [a, b, c] = GUIDANCE_FIELDS.map(|k| of.get(k)?.as_str().map(str::to_owned));
            Some([a?, b?, c?])
        };
        let filled = catalog.with_guidance(GUIDANCE_LATER, found, GUIDANCE_UNAVAILABLE);
        if texts.is_some() {
            // Kept even when fetched before the service worker controlled the page.
            service_worker::keep_offline(GUIDANCE_FILE);
        }
        FILLED.with(|f| *f.borrow_mut() = Some(Rc::new(filled)));
        for (_, text) in WAITING.with(|w| std::mem::take(&mut *w.borrow_mut())) {
            text.force_update();
        }
    });
}

#[derive(Properties, PartialEq)]
pub struct TextProps {
    pub id: SubPracticeId,
    /// Which of the sub-practice's guidance texts: 0 "in place", 1 why, 2 technical.
    pub which: usize,
}

/// One guidance text of a sub-practice: the pack's, or while it comes or when it cannot, why
/// it is not there.
#[component(Text)]
pub fn text(props: &TextProps) -> Html {
    let handle = use_fixed();
    let update = use_force_update();
    let own = |c: &Catalog| {
        let s = c.sub_practice(&props.id)?;
        Some(s.guidance()[props.which.min(2)].to_owned())
    };
    // The catalogue's own text unless it is still to come (a host's pack, a translation).
    let text = match own(&handle.catalog) {
        Some(t) if t == GUIDANCE_LATER => FILLED
            .with(|f| f.borrow().as_deref().and_then(own))
            .unwrap_or(t),
        t => t.unwrap_or_default(),
    };
    let waits = text == GUIDANCE_LATER;
    use_effect_with(waits, move |waits| {
        let number = NEXT.with(|n| n.replace(n.get() + 1));
        if *waits {
            match FILLED.with(|f| f.borrow().is_some()) {
                // Came between the render and now.
                true => update.force_update(),
                false => WAITING.with(|w| w.borrow_mut().push((number, update))),
            }
        }
        move || WAITING.with(|w| w.borrow_mut().retain(|(n, _)| *n != number))
    });
    let shown = match text.as_str() {
        GUIDANCE_LATER => handle.texts.get("answer.guidance_loading"),
        GUIDANCE_UNAVAILABLE => handle.texts.get("answer.guidance_unavailable"),
        text => text,
    };
    html! { shown.to_owned() }
}
