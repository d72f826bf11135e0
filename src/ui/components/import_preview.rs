//! The preview of a file that was opened, and the choice to open it as a new assessment or
//! to replace the open one; the passphrase dialog while a protected file waits.

use yew::prelude::*;

use super::unlock::Unlock;
use crate::domain::Tier;
use crate::ui::browser::page::{focus_soon, new_id};
use crate::ui::hooks::{use_assessment, AssessmentHandle};
use crate::ui::state::Action;
use crate::ui::wording::{display_name, human_date};

#[component(ImportPreview)]
pub fn import_preview() -> Html {
    let handle = use_assessment();
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
                    onclick={act(|h| h.dispatch(Action::ImportAsNew { id: new_id() }))}>
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
