//! Opening an assessment file (file picker or drag and drop), the preview of what it holds,
//! and the choice to open it as a new assessment or to replace the open one.

use std::rc::Rc;

use web_sys::{DragEvent, HtmlInputElement};
use yew::prelude::*;

use super::header::display_name;
use super::human_date;
use crate::domain::{import, score};
use crate::ui::browser;
use crate::ui::hooks::{use_assessment, AssessmentHandle};
use crate::ui::state::{Action, Notice, Staged, Tone};

fn read(handle: AssessmentHandle, file: web_sys::File) {
    let name = file.name();
    yew::platform::spawn_local(async move {
        let outcome = match browser::read_text(file).await {
            Ok(text) => import(&handle.catalog, &text).map_err(|e| e.to_string()),
            Err(e) => Err(e),
        };
        match outcome {
            Ok(a) => handle.dispatch(Action::Stage(Staged {
                file_name: name,
                assessment: Rc::new(a),
            })),
            Err(why) => handle.dispatch(Action::Notify(Some(Notice {
                tone: Tone::Problem,
                text: format!(
                    "\u{201c}{name}\u{201d} was not opened. {why} Nothing you saved has changed."
                ),
            }))),
        }
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
            <label for="file-input">{ "Open an assessment file (.json) you downloaded earlier" }</label>
            <input type="file" id="file-input" accept=".json,application/json" {onchange} />
            <p class="hint">{ "or drop the file here. It is read in this browser only." }</p>
        </div>
    }
}

#[component(ImportPreview)]
pub fn import_preview() -> Html {
    let handle = use_assessment();
    let Some(staged) = handle.state.staged.clone() else {
        return html! {};
    };
    let a = &staged.assessment;
    let results = score(&handle.catalog, a);
    let answered = a.answers.values().filter(|x| x.choice.is_some()).count();
    let act = |action: fn(&AssessmentHandle)| {
        let h = handle.clone();
        Callback::from(move |_| action(&h))
    };
    let can_replace = handle.current().is_some();
    html! {
        <section id="import-preview" class="panel" aria-labelledby="import-heading">
            <h2 id="import-heading" tabindex="-1">{ format!("Open \u{201c}{}\u{201d}?", staged.file_name) }</h2>
            <dl class="facts">
                <dt>{ "Organization" }</dt><dd id="preview-name">{ display_name(&a.organization.name) }</dd>
                <dt>{ "Size" }</dt><dd>{ a.tier.map(|t| t.label()).unwrap_or("Not chosen yet") }</dd>
                <dt>{ "Answers" }</dt><dd id="preview-answers">{ answered }</dd>
                <dt>{ "Coverage" }</dt><dd>{ results.overall.percent().map(|p| format!("{p} %")).unwrap_or_else(|| "Nothing scored yet".into()) }</dd>
                <dt>{ "Last changed" }</dt><dd>{ human_date(a.updated.date()) }</dd>
            </dl>
            <div class="actions">
                <button type="button" class="primary" id="import-as-new"
                    onclick={act(|h| h.dispatch(Action::ImportAsNew { id: browser::new_id() }))}>
                    { "Open as a new assessment" }
                </button>
                if can_replace {
                    <button type="button" id="import-replace" onclick={act(|h| h.dispatch(Action::ImportReplace))}>
                        { "Replace the open assessment" }
                    </button>
                }
                <button type="button" id="import-cancel" onclick={act(|h| h.dispatch(Action::CancelImport))}>{ "Cancel" }</button>
            </div>
        </section>
    }
}
