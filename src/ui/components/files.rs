//! Opening an assessment file (file picker or drag and drop), the preview of what it holds,
//! and the choice to open it as a new assessment or to replace the open one.

use std::rc::Rc;

use web_sys::{DragEvent, HtmlInputElement};
use yew::prelude::*;

use super::header::display_name;
use super::human_date;
use crate::domain::score;
use crate::domain::transfer::{import_with_warnings, ImportError, MAX_FILE_BYTES};
use crate::ui::browser;
use crate::ui::hooks::{use_assessment, AssessmentHandle};
use crate::ui::state::{Action, Notice, Staged, Tone};

fn read(handle: AssessmentHandle, file: web_sys::File) {
    let name: String = file.name().chars().take(80).collect();
    let size = file.size() as usize;
    yew::platform::spawn_local(async move {
        // Refuse a huge file before reading it into memory at all.
        let outcome = if size > MAX_FILE_BYTES {
            Err(ImportError::TooLarge { bytes: size }.to_string())
        } else {
            match browser::read_text(file).await {
                Ok(text) => import_with_warnings(&handle.catalog, &text).map_err(|e| e.to_string()),
                Err(e) => Err(e),
            }
        };
        match outcome {
            Ok((a, warnings)) => handle.dispatch(Action::Stage(Staged {
                file_name: name,
                assessment: Rc::new(a),
                warnings: warnings.iter().map(ToString::to_string).collect(),
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
    use_effect_with(handle.state.staged.is_some(), |shown| {
        if *shown {
            browser::focus_soon("import-heading");
        }
    });
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
            if !staged.warnings.is_empty() {
                <div class="banner" id="import-warnings">
                    <p>{ "The file opens, with these changes:" }</p>
                    <ul>{ for staged.warnings.iter().map(|w| html! { <li>{ w.clone() }</li> }) }</ul>
                </div>
            }
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

/// Downloads an assessment as its JSON file and remembers when.
pub fn download_assessment(handle: &AssessmentHandle, entry: &crate::ui::state::Entry) {
    let at = browser::now();
    let stem = file_stem(&entry.assessment.organization.name, &at.date().to_string());
    let text = crate::domain::export(&handle.catalog, &entry.assessment, &at);
    browser::download(&format!("{stem}.json"), "application/json", &text);
    handle.dispatch(Action::Exported {
        id: entry.id.clone(),
        at,
    });
}

/// A file name made from the organization's name and a date: `hicp-check-riverside-2026-11-25`.
pub fn file_stem(name: &str, date: &str) -> String {
    let slug: String = name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let slug = slug
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let slug: String = if slug.is_empty() {
        "assessment".into()
    } else {
        slug.chars().take(40).collect()
    };
    format!("hicp-check-{slug}-{date}")
}
