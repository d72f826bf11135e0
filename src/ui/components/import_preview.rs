//! The preview of a file that was opened, and the choice to open it as a new assessment or
//! to replace the open one; the passphrase dialog while a protected file waits.

use yew::prelude::*;

use super::unlock::Unlock;
use crate::domain::Tier;
use crate::ui::browser::page::{focus_soon, new_id};
use crate::ui::evidence::keep_staged;
use crate::ui::hooks::{use_assessment, AssessmentHandle};
use crate::ui::state::Action;
use crate::ui::wording::{display_name, file_for, human_date};

#[component(ImportPreview)]
pub fn import_preview() -> Html {
    let handle = use_assessment();
    let problem = use_state(|| None::<String>);
    use_effect_with(handle.state.staged.is_some(), |shown| {
        if *shown {
            focus_soon("import-heading");
        }
    });
    let Some(staged) = handle.state.staged.clone() else {
        return html! { <Unlock /> };
    };
    let a = &staged.assessment;
    let answered = a.answers.values().filter(|x| x.choice.is_some()).count();
    let act = |action: fn(&AssessmentHandle)| {
        let h = handle.clone();
        Callback::from(move |_| action(&h))
    };
    // A package's evidence files are stored first, all or none; only then does the
    // assessment open, so that nothing saved before changes when storage refuses them.
    let accept = |replace: bool| {
        let (h, problem) = (handle.clone(), problem.clone());
        Callback::from(move |_| {
            let id = if replace {
                h.current().map(|e| e.id.clone())
            } else {
                Some(new_id())
            };
            let (Some(id), Some(staged)) = (id, h.state.staged.clone()) else {
                return;
            };
            let (h, problem) = (h.clone(), problem.clone());
            yew::platform::spawn_local(async move {
                match keep_staged(&h.state.texts.0, &staged, &id).await {
                    Ok(()) if replace => h.dispatch(Action::ImportReplace),
                    Ok(()) => h.dispatch(Action::ImportAsNew { id }),
                    Err(why) => problem.set(Some(why)),
                }
            });
        })
    };
    let can_replace = handle.current().is_some();
    let tier = handle.t(match a.tier {
        Some(Tier::Small) => "files.preview.small",
        Some(Tier::Medium) => "files.preview.medium",
        Some(Tier::Large) => "files.preview.large",
        None => "files.preview.no_size",
    });
    let coverage = match staged.percent {
        Some(p) => handle.tf("files.preview.percent", &[("percent", &p.to_string())]),
        None => handle.t("files.preview.nothing_scored"),
    };
    html! {
        <section id="import-preview" class="panel" aria-labelledby="import-heading">
            <h2 id="import-heading" tabindex="-1">{ handle.tf("files.preview.heading", &[("name", &staged.file_name)]) }</h2>
            <dl class="facts">
                <dt>{ handle.t("files.preview.organization") }</dt><dd id="preview-name">{ display_name(&handle.texts, &a.organization.name) }</dd>
                <dt>{ handle.t("files.preview.size") }</dt><dd>{ tier }</dd>
                <dt>{ handle.t("files.preview.answers") }</dt><dd id="preview-answers">{ answered }</dd>
                <dt>{ handle.t("files.preview.coverage") }</dt><dd>{ coverage }</dd>
                <dt>{ handle.t("files.preview.last_changed") }</dt><dd>{ human_date(&handle.texts, a.updated.date()) }</dd>
            </dl>
            if let Some(asked) = &a.asked {
                <p id="preview-request">{ file_for(&handle, &display_name(&handle.texts, &a.organization.name), asked) }</p>
            }
            if !staged.warnings.is_empty() {
                <div class="banner" id="import-warnings">
                    <p>{ handle.t("files.preview.warnings") }</p>
                    <ul>{ for staged.warnings.iter().map(|w| html! { <li>{ w.clone() }</li> }) }</ul>
                </div>
            }
            if let Some(why) = (*problem).clone() {
                <p class="banner problem" id="import-problem" role="alert">{ why }</p>
            }
            if !staged.files.is_empty() {
                <p id="preview-files">{ handle.tf("evidence.preview_files", &[("count", &staged.files.len().to_string())]) }</p>
            }
            <div class="actions">
                <button type="button" class="primary" id="import-as-new" onclick={accept(false)}>
                    { handle.t("files.preview.as_new") }
                </button>
                if can_replace {
                    <button type="button" id="import-replace" onclick={accept(true)}>
                        { handle.t("files.preview.replace") }
                    </button>
                }
                <button type="button" id="import-cancel" onclick={act(|h| h.dispatch(Action::CancelImport))}>{ handle.t("files.cancel") }</button>
            </div>
        </section>
    }
}
