//! Opening an assessment file (file picker or drag and drop), the preview of what it holds,
//! and the choice to open it as a new assessment or to replace the open one.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{DragEvent, HtmlInputElement};
use yew::prelude::*;

use super::header::display_name;
use super::human_date;
use crate::domain::envelope::{Envelope, MIN_PASSPHRASE};
use crate::domain::score;
use crate::domain::transfer::{import_with_warnings, ImportError, MAX_FILE_BYTES};
use crate::ui::browser;
use crate::ui::hooks::{use_assessment, AssessmentHandle};
use crate::ui::state::{Action, Locked, Notice, Staged, Tone};

fn read(handle: AssessmentHandle, file: web_sys::File) {
    let name: String = file.name().chars().take(80).collect();
    let size = file.size() as usize;
    yew::platform::spawn_local(async move {
        // Refuse a huge file before reading it into memory at all.
        let outcome = if size > MAX_FILE_BYTES {
            Err(ImportError::TooLarge { bytes: size }.to_string())
        } else {
            match browser::read_text(file).await {
                Ok(text) => match Envelope::parse(&text) {
                    Ok(Some(envelope)) => {
                        handle.dispatch(Action::Lock(Locked {
                            file_name: name,
                            envelope: Rc::new(envelope),
                        }));
                        return;
                    }
                    Ok(None) => {
                        import_with_warnings(&handle.catalog, &text).map_err(|e| e.to_string())
                    }
                    Err(why) => Err(why),
                },
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

fn field_value(id: &str) -> String {
    gloo::utils::document()
        .get_element_by_id(id)
        .and_then(|el| el.dyn_into::<HtmlInputElement>().ok())
        .map(|i| i.value())
        .unwrap_or_default()
}

/// Asks for the passphrase of a protected file, then opens it like any other.
#[component(Unlock)]
fn unlock() -> Html {
    let handle = use_assessment();
    let error = use_state(|| None::<String>);
    let busy = use_state(|| false);
    use_effect_with(handle.state.locked.is_some(), |shown| {
        if *shown {
            browser::focus_soon("unlock-passphrase");
        }
    });
    let Some(locked) = handle.state.locked.clone() else {
        return html! {};
    };
    let onsubmit = {
        let (h, error, busy, locked) =
            (handle.clone(), error.clone(), busy.clone(), locked.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let pass = field_value("unlock-passphrase");
            let (h, error, busy, locked) = (h.clone(), error.clone(), busy.clone(), locked.clone());
            busy.set(true);
            yew::platform::spawn_local(async move {
                let outcome = match browser::decrypt(&pass, &locked.envelope).await {
                    Ok(text) => import_with_warnings(&h.catalog, &text).map_err(|e| e.to_string()),
                    Err(why) => Err(why),
                };
                busy.set(false);
                match outcome {
                    Ok((a, warnings)) => h.dispatch(Action::Stage(Staged {
                        file_name: locked.file_name.clone(),
                        assessment: Rc::new(a),
                        warnings: warnings.iter().map(ToString::to_string).collect(),
                    })),
                    Err(why) => {
                        error.set(Some(why));
                        browser::focus_soon("unlock-passphrase");
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
            <h2 id="unlock-heading">{ format!("\u{201c}{}\u{201d} is protected by a passphrase", locked.file_name) }</h2>
            <form {onsubmit}>
                <div class="field">
                    <label for="unlock-passphrase">{ "Passphrase" }</label>
                    <input type="password" id="unlock-passphrase" autocomplete="current-password" aria-describedby="unlock-error" />
                </div>
                <p id="unlock-error" role="alert" class="problem-text">{ (*error).clone().unwrap_or_default() }</p>
                <div class="actions">
                    <button type="submit" class="primary" id="unlock-open" disabled={*busy}>{ if *busy { "Opening\u{2026}" } else { "Open" } }</button>
                    <button type="button" id="unlock-cancel" onclick={cancel}>{ "Cancel" }</button>
                </div>
            </form>
        </section>
    }
}

/// Downloads the open assessment encrypted under a passphrase the person chooses.
#[component(ProtectedDownload)]
pub fn protected_download() -> Html {
    let handle = use_assessment();
    let message = use_state(|| None::<String>);
    let onsubmit = {
        let (h, message) = (handle.clone(), message.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (pass, again) = (field_value("protect-pass"), field_value("protect-confirm"));
            if pass.chars().count() < MIN_PASSPHRASE {
                message.set(Some(format!(
                    "Choose a passphrase of at least {MIN_PASSPHRASE} characters."
                )));
                return;
            }
            if pass != again {
                message.set(Some("The two passphrases differ.".into()));
                return;
            }
            let Some(entry) = h.current().cloned() else {
                return;
            };
            let (h, message) = (h.clone(), message.clone());
            yew::platform::spawn_local(async move {
                let at = browser::now();
                let text = crate::domain::export(&h.catalog, &entry.assessment, &at);
                match browser::encrypt(&pass, &text).await {
                    Ok(sealed) => {
                        let stem =
                            file_stem(&entry.assessment.organization.name, &at.date().to_string());
                        browser::download(
                            &format!("{stem}-protected.json"),
                            "application/json",
                            &sealed,
                        );
                        message.set(Some("Downloaded. Keep the passphrase somewhere safe: without it the file cannot be opened.".into()));
                    }
                    Err(why) => message.set(Some(why)),
                }
            });
        })
    };
    html! {
        <section id="protect" aria-labelledby="protect-h">
            <h3 id="protect-h">{ "Download with a passphrase" }</h3>
            <p>{ "The file is encrypted in this browser (AES-256-GCM, with a key made from the passphrase by PBKDF2). Nobody, HICP Check included, can open it without the passphrase." }</p>
            <form {onsubmit}>
                <div class="field">
                    <label for="protect-pass">{ format!("Passphrase (at least {MIN_PASSPHRASE} characters)") }</label>
                    <input type="password" id="protect-pass" autocomplete="new-password" />
                </div>
                <div class="field">
                    <label for="protect-confirm">{ "The same passphrase again" }</label>
                    <input type="password" id="protect-confirm" autocomplete="new-password" />
                </div>
                <p id="protect-message" role="status">{ (*message).clone().unwrap_or_default() }</p>
                <button type="submit" id="protect-download">{ "Download protected copy" }</button>
            </form>
        </section>
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
        return html! { <Unlock /> };
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
                <dt>{ "Organization" }</dt><dd id="preview-name">{ display_name(&handle, &a.organization.name) }</dd>
                <dt>{ "Size" }</dt><dd>{ a.tier.map(|t| t.label()).unwrap_or("Not chosen yet") }</dd>
                <dt>{ "Answers" }</dt><dd id="preview-answers">{ answered }</dd>
                <dt>{ "Coverage" }</dt><dd>{ results.overall.percent().map(|p| format!("{p} %")).unwrap_or_else(|| "Nothing scored yet".into()) }</dd>
                <dt>{ "Last changed" }</dt><dd>{ human_date(&handle, a.updated.date()) }</dd>
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
