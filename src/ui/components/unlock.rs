//! The passphrase dialog of a protected file, which then opens like any other.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::ui::browser::page::focus_soon;
use crate::ui::hooks::use_assessment;
use crate::ui::opening::{self, Opened};
use crate::ui::state::Action;

#[component(Unlock)]
pub fn unlock() -> Html {
    let handle = use_assessment();
    let error = use_state(|| None::<String>);
    let busy = use_state(|| false);
    let passphrase = use_node_ref();
    use_effect_with(handle.state.locked.is_some(), |shown| {
        if *shown {
            focus_soon("unlock-passphrase");
        }
    });
    let Some(locked) = handle.state.locked.clone() else {
        return html! {};
    };
    let onsubmit = {
        let (h, error, busy, locked, passphrase) = (
            handle.clone(),
            error.clone(),
            busy.clone(),
            locked.clone(),
            passphrase.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let pass = passphrase
                .cast::<HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            let (h, error, busy, locked) = (h.clone(), error.clone(), busy.clone(), locked.clone());
            busy.set(true);
            yew::platform::spawn_local(async move {
                let outcome = opening::unlock(&h.catalog, &h.texts, &locked, &pass).await;
                busy.set(false);
                match outcome {
                    Opened::Staged(staged) => h.dispatch(Action::Stage(staged)),
                    // Never: what a passphrase opens is imported, not unwrapped again.
                    Opened::Locked(_) => {}
                    Opened::Refused { why, .. } => {
                        error.set(Some(why));
                        focus_soon("unlock-passphrase");
                    }
                }
            });
        })
    };
    let cancel = {
        let h = handle.clone();
        Callback::from(move |_| h.dispatch(Action::CancelImport))
    };
    html! {
        <section id="unlock" class="panel" aria-labelledby="unlock-heading">
            <h2 id="unlock-heading">{ handle.tf("files.unlock.heading", &[("name", &locked.file_name)]) }</h2>
            <form {onsubmit}>
                <div class="field">
                    <label for="unlock-passphrase">{ handle.t("files.unlock.passphrase") }</label>
                    <input type="password" id="unlock-passphrase" ref={passphrase} autocomplete="current-password" aria-describedby="unlock-error" />
                </div>
                <p id="unlock-error" role="alert" class="problem-text">{ (*error).clone().unwrap_or_default() }</p>
                <div class="actions">
                    <button type="submit" class="primary" id="unlock-open" disabled={*busy}>{ handle.t(if *busy { "files.unlock.opening" } else { "files.unlock.open" }) }</button>
                    <button type="button" id="unlock-cancel" onclick={cancel}>{ handle.t("files.cancel") }</button>
                </div>
            </form>
        </section>
    }
}
