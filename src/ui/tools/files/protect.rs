//! Downloads the open assessment encrypted under a passphrase the person chooses, alone or as
//! an evidence package with its files; and the evidence package unprotected.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::use_part;
use crate::domain::envelope::MIN_PASSPHRASE;
use crate::ui::browser::{crypto::encrypt, files::download, page::now};
use crate::ui::downloads::file_stem;

fn value(field: &NodeRef) -> String {
    field
        .cast::<HtmlInputElement>()
        .map(|i| i.value())
        .unwrap_or_default()
}

#[component(Protect)]
pub fn protect() -> Html {
    let handle = use_part();
    let message = use_state(|| None::<String>);
    let (pass_field, again_field, with_files) = (use_node_ref(), use_node_ref(), use_node_ref());
    let onsubmit = {
        let (h, message) = (handle.clone(), message.clone());
        let (pass_field, again_field) = (pass_field.clone(), again_field.clone());
        let with_files = with_files.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (pass, again) = (value(&pass_field), value(&again_field));
            if pass.chars().count() < MIN_PASSPHRASE {
                message.set(Some(h.tf(
                    "files.protect.too_short",
                    &[("min", &MIN_PASSPHRASE.to_string())],
                )));
                return;
            }
            if pass != again {
                message.set(Some(h.t("files.protect.differ")));
                return;
            }
            let (h, message) = (h.clone(), message.clone());
            let fields = [pass_field.clone(), again_field.clone()];
            let package = with_files
                .cast::<HtmlInputElement>()
                .is_some_and(|c| c.checked());
            yew::platform::spawn_local(async move {
                let at = now();
                let outcome = if package {
                    message.set(Some(h.t("evidence.packing")));
                    h.package(Some(pass)).await
                } else {
                    let text = crate::domain::export(&h.catalog, &h.assessment, &at);
                    match encrypt(&pass, &text).await {
                        Ok(sealed) => {
                            let name = &h.assessment.organization.name;
                            let stem = file_stem(name, &at.date().to_string());
                            let file = format!("{stem}-protected.json");
                            download(&file, "application/json", &sealed);
                            Ok(h.t("files.protect.downloaded"))
                        }
                        Err(why) => Err(h.t(why.key())),
                    }
                };
                // Not left in the page for the next person at a shared computer.
                if package || outcome.is_ok() {
                    for field in fields.iter().filter_map(NodeRef::cast::<HtmlInputElement>) {
                        field.set_value("");
                    }
                }
                message.set(Some(outcome.unwrap_or_else(|why| why)));
            });
        })
    };
    let pass_label = handle.tf(
        "files.protect.passphrase",
        &[("min", &MIN_PASSPHRASE.to_string())],
    );
    html! {
        <section id="protect" aria-labelledby="protect-h">
            <h3 id="protect-h">{ handle.t("files.protect.heading") }</h3>
            <p>{ handle.t("files.protect.intro") }</p>
            <form {onsubmit}>
                <div class="field">
                    <label for="protect-pass">{ pass_label }</label>
                    <input type="password" id="protect-pass" ref={pass_field} autocomplete="new-password" />
                </div>
                <div class="field">
                    <label for="protect-confirm">{ handle.t("files.protect.again") }</label>
                    <input type="password" id="protect-confirm" ref={again_field} autocomplete="new-password" />
                </div>
                <div class="option">
                    <input type="checkbox" id="protect-package" ref={with_files} />
                    <label for="protect-package">{ handle.t("evidence.protect_package") }</label>
                </div>
                <p id="protect-message" role="status">{ (*message).clone().unwrap_or_default() }</p>
                <button type="submit" id="protect-download">{ handle.t("files.protect.download") }</button>
            </form>
        </section>
    }
}
