//! Shown instead of the app in a frame on a page that `embed_origins` does not list: one
//! sentence saying where this copy may be used, and a way to open it on its own page.

use yew::prelude::*;

use crate::i18n::Texts;

/// The page, naming the `origins` that may frame this copy.
pub fn refused_page(t: &Texts, origins: &[String]) -> Html {
    let here = gloo::utils::window().location().href().unwrap_or_default();
    html! {
        <main id="main" class="broken" aria-label="HICP Check">
            <h1>{ "HICP Check" }</h1>
            <p id="embed-refused">{ t.fill("host.embed_refused", &[("origins", &origins.join(", "))]) }</p>
            <p><a href={here} target="_blank" rel="noopener noreferrer">{ t.get("host.embed_open") }</a></p>
        </main>
    }
}
