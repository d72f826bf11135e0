//! Opening an assessment file: the file picker and drag and drop, both into the one way a
//! file is opened ([`crate::ui::opening`]).

use web_sys::{DragEvent, HtmlInputElement};
use yew::prelude::*;

use crate::ui::hooks::{use_assessment, AssessmentHandle};
use crate::ui::opening::{self, Opened};
use crate::ui::state::{Action, Notice, Tone};

/// Opens `file` and shows the outcome: the passphrase dialog, the preview, or why not.
fn read(handle: AssessmentHandle, file: web_sys::File) {
    yew::platform::spawn_local(async move {
        let action = match opening::open(&handle.catalog, &handle.texts, file).await {
            Opened::Locked(locked) => Action::Lock(locked),
            Opened::Staged(staged) => Action::Stage(staged),
            Opened::Refused { file_name, why } => Action::Notify(Some(Notice {
                tone: Tone::Problem,
                text: handle.tf("files.not_opened", &[("why", &why), ("name", &file_name)]),
            })),
        };
        handle.dispatch(action);
    });
}

#[component(OpenFile)]
pub fn open_file() -> Html {
    let handle = use_assessment();
    let dragging = use_state(|| false);
    let onchange = {
        let h = handle.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                read(h.clone(), file);
            }
            input.set_value("");
        })
    };
    let ondragover = {
        let d = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            d.set(true);
        })
    };
    let ondragleave = {
        let d = dragging.clone();
        Callback::from(move |_: DragEvent| d.set(false))
    };
    let ondrop = {
        let (h, d) = (handle.clone(), dragging.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            d.set(false);
            if let Some(file) = e
                .data_transfer()
                .and_then(|t| t.files())
                .and_then(|f| f.get(0))
            {
                read(h.clone(), file);
            }
        })
    };
    html! {
        <div class={classes!("dropzone", dragging.then_some("dragging"))} id="dropzone"
             {ondragover} {ondragleave} {ondrop}>
            <label for="file-input">{ handle.t("files.open_label") }</label>
            <input type="file" id="file-input" accept=".json,.zip,application/json,application/zip" {onchange} />
            <p class="hint">{ handle.t("files.drop_hint") }</p>
        </div>
    }
}
