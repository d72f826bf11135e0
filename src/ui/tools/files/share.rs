//! A sanitized copy to share: no names, notes or owners; shown on request and downloadable.

use yew::prelude::*;

use super::use_part;
use crate::domain::{export, sanitized};
use crate::ui::browser::{files::download, page::now};
use crate::ui::downloads::file_stem;

#[component(Share)]
pub fn share_view() -> Html {
    let handle = use_part();
    let catalog = handle.catalog.clone();
    let shown = use_state(|| false);
    // Made when asked for, not on every render of the results.
    let sanitized_text = {
        let (catalog, a) = (catalog.clone(), handle.assessment.clone());
        move || export(&catalog, &sanitized(&a), &now())
    };
    let on_show = {
        let shown = shown.clone();
        Callback::from(move |_| shown.set(!*shown))
    };
    let on_download = {
        let make = sanitized_text.clone();
        Callback::from(move |_| {
            let stem = file_stem("shared", &now().date().to_string());
            download(&format!("{stem}.json"), "application/json", &make());
        })
    };
    html! {
        <section id="share" aria-labelledby="share-h">
            <h3 id="share-h">{ handle.t("views.share.heading") }</h3>
            <p>{ handle.t("views.share.intro") }</p>
            <div class="actions">
                <button type="button" id="share-preview" onclick={on_show} aria-expanded={shown.to_string()}>{ handle.t(if *shown { "views.share.hide" } else { "views.share.preview" }) }</button>
                <button type="button" id="share-download" onclick={on_download}>{ handle.t("views.share.download") }</button>
            </div>
            if *shown {
                <pre id="share-text" class="preview" tabindex="0" aria-label={handle.t("views.share.file")}>{ sanitized_text() }</pre>
            }
        </section>
    }
}
