//! Opening an assessment file (file picker or drag and drop), the preview of what it holds,
//! and the choice to open it as a new assessment or to replace the open one.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{DragEvent, HtmlInputElement};
use yew::prelude::*;

use super::header::display_name;
use super::human_date;
use crate::domain::envelope::{Envelope, MIN_PASSPHRASE};
use crate::domain::transfer::{import_with_warnings, ImportError, MAX_FILE_BYTES};
use crate::domain::{score, Tier};
use crate::i18n::messages;
use crate::ui::browser;
use crate::ui::hooks::{use_assessment, AssessmentHandle};
use crate::ui::state::{Action, Locked, Notice, Staged, Tone};

fn read(handle: AssessmentHandle, file: web_sys::File) {
    let name: String = file.name().chars().take(80).collect();
    let size = file.size() as usize;
    yew::platform::spawn_local(async move {
        // Refuse a huge file before reading it into memory at all.
        let outcome = if size > MAX_FILE_BYTES {
            Err(messages::import_error(
                &handle.texts,
                &ImportError::TooLarge { bytes: size },
            ))
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
                    Ok(None) => import_with_warnings(&handle.catalog, &text)
                        .map_err(|e| messages::import_error(&handle.texts, &e)),
                    Err(why) => Err(messages::envelope_error(&handle.texts, why)),
                },
                Err(e) => Err(handle.t(e.key())),
            }
        };
        match outcome {
            Ok((a, warnings)) => handle.dispatch(Action::Stage(Staged {
                file_name: name,
                assessment: Rc::new(a),
                warnings: warnings
                    .iter()
                    .map(|w| messages::warning(&handle.texts, w))
                    .collect(),
            })),
            Err(why) => handle.dispatch(Action::Notify(Some(Notice {
                tone: Tone::Problem,
                text: handle.tf("files.not_opened", &[("why", &why), ("name", &name)]),
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
            <label for="file-input">{ handle.t("files.open_label") }</label>
            <input type="file" id="file-input" accept=".json,application/json" {onchange} />
            <p class="hint">{ handle.t("files.drop_hint") }</p>
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
                    Ok(text) => import_with_warnings(&h.catalog, &text)
                        .map_err(|e| messages::import_error(&h.texts, &e)),
                    Err(why) => Err(h.t(why.key())),
                };
                busy.set(false);
                match outcome {
                    Ok((a, warnings)) => h.dispatch(Action::Stage(Staged {
                        file_name: locked.file_name.clone(),
                        assessment: Rc::new(a),
                        warnings: warnings
                            .iter()
                            .map(|w| messages::warning(&h.texts, w))
                            .collect(),
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
            <h2 id="unlock-heading">{ handle.tf("files.unlock.heading", &[("name", &locked.file_name)]) }</h2>
            <form {onsubmit}>
                <div class="field">
                    <label for="unlock-passphrase">{ handle.t("files.unlock.passphrase") }</label>
                    <input type="password" id="unlock-passphrase" autocomplete="current-password" aria-describedby="unlock-error" />
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
                        message.set(Some(h.t("files.protect.downloaded")));
                    }
                    Err(why) => message.set(Some(h.t(why.key()))),
                }
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
                    <input type="password" id="protect-pass" autocomplete="new-password" />
                </div>
                <div class="field">
                    <label for="protect-confirm">{ handle.t("files.protect.again") }</label>
                    <input type="password" id="protect-confirm" autocomplete="new-password" />
                </div>
                <p id="protect-message" role="status">{ (*message).clone().unwrap_or_default() }</p>
                <button type="submit" id="protect-download">{ handle.t("files.protect.download") }</button>
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
    let tier = handle.t(match a.tier {
        Some(Tier::Small) => "files.preview.small",
        Some(Tier::Medium) => "files.preview.medium",
        Some(Tier::Large) => "files.preview.large",
        None => "files.preview.no_size",
    });
    let coverage = match results.overall.percent() {
        Some(p) => handle.tf("files.preview.percent", &[("percent", &p.to_string())]),
        None => handle.t("files.preview.nothing_scored"),
    };
    html! {
        <section id="import-preview" class="panel" aria-labelledby="import-heading">
            <h2 id="import-heading" tabindex="-1">{ handle.tf("files.preview.heading", &[("name", &staged.file_name)]) }</h2>
            <dl class="facts">
                <dt>{ handle.t("files.preview.organization") }</dt><dd id="preview-name">{ display_name(&handle, &a.organization.name) }</dd>
                <dt>{ handle.t("files.preview.size") }</dt><dd>{ tier }</dd>
                <dt>{ handle.t("files.preview.answers") }</dt><dd id="preview-answers">{ answered }</dd>
                <dt>{ handle.t("files.preview.coverage") }</dt><dd>{ coverage }</dd>
                <dt>{ handle.t("files.preview.last_changed") }</dt><dd>{ human_date(&handle, a.updated.date()) }</dd>
            </dl>
            if !staged.warnings.is_empty() {
                <div class="banner" id="import-warnings">
                    <p>{ handle.t("files.preview.warnings") }</p>
                    <ul>{ for staged.warnings.iter().map(|w| html! { <li>{ w.clone() }</li> }) }</ul>
                </div>
            }
            <div class="actions">
                <button type="button" class="primary" id="import-as-new"
                    onclick={act(|h| h.dispatch(Action::ImportAsNew { id: browser::new_id() }))}>
                    { handle.t("files.preview.as_new") }
                </button>
                if can_replace {
                    <button type="button" id="import-replace" onclick={act(|h| h.dispatch(Action::ImportReplace))}>
                        { handle.t("files.preview.replace") }
                    </button>
                }
                <button type="button" id="import-cancel" onclick={act(|h| h.dispatch(Action::CancelImport))}>{ handle.t("files.cancel") }</button>
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
