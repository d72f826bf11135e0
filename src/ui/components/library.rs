//! The assessments saved in this browser: open, rename, duplicate, delete (confirmed), and
//! erase everything HICP Check keeps here (confirmed), for shared computers.

use yew::prelude::*;

use crate::domain::NAME_MAX;

use crate::ui::browser::page::{new_id, now};
use crate::ui::dom::input_value;
use crate::ui::hooks::use_assessment;
use crate::ui::state::{Action, Entry};
use crate::ui::wording::{display_name, human_date};

#[derive(Properties, PartialEq)]
struct RowProps {
    entry: Entry,
}

#[component(Row)]
fn row(props: &RowProps) -> Html {
    let handle = use_assessment();
    let confirming = use_state(|| false);
    let e = &props.entry;
    let a = &e.assessment;
    let id = e.id.clone();
    let act = |make: fn(String) -> Action| {
        let (h, id) = (handle.clone(), id.clone());
        Callback::from(move |_| h.dispatch(make(id.clone())))
    };
    let on_rename = {
        let (h, id) = (handle.clone(), id.clone());
        Callback::from(move |ev: Event| {
            h.dispatch(Action::Rename {
                id: id.clone(),
                name: input_value(&ev).chars().take(NAME_MAX).collect(),
                now: now(),
            })
        })
    };
    let on_duplicate = {
        let (h, id, a) = (handle.clone(), id.clone(), a.clone());
        Callback::from(move |_| {
            let copy = new_id();
            // The copy's evidence files first, so that it never refers to files not kept.
            let (h, from, a) = (h.clone(), id.clone(), a.clone());
            yew::platform::spawn_local(async move {
                crate::ui::evidence::copy_files(&from, &copy, &a).await;
                h.dispatch(Action::Duplicate {
                    from,
                    id: copy,
                    now: now(),
                })
            });
        })
    };
    let toggle = |on: bool| {
        let c = confirming.clone();
        Callback::from(move |_| c.set(on))
    };
    let name = display_name(&handle.texts, &a.organization.name);
    let summary = {
        let size = a
            .tier
            .map(|t| handle.catalog.tier_rule(t).label.clone())
            .unwrap_or_else(|| handle.t("library.size_not_chosen"));
        let changed = human_date(&handle.texts, a.updated.date());
        match &e.exported {
            Some(t) => handle.tf(
                "library.summary_downloaded",
                &[
                    ("size", &size),
                    ("changed", &changed),
                    ("downloaded", &human_date(&handle.texts, t.date())),
                ],
            ),
            None => handle.tf(
                "library.summary_never",
                &[("size", &size), ("changed", &changed)],
            ),
        }
    };
    html! {
        <li class="saved" data-testid="saved-assessment">
            <h2>{ name.clone() }</h2>
            <p class="hint">{ summary }</p>
            <div class="field">
                <label for={format!("rename-{id}")}>{ handle.tf("library.rename", &[("name", &name)]) }</label>
                <input type="text" id={format!("rename-{id}")} maxlength={NAME_MAX.to_string()} value={a.organization.name.clone()} onchange={on_rename} />
            </div>
            <div class="actions">
                <button type="button" class="primary" onclick={act(Action::Open)}>{ handle.tf("library.open", &[("name", &name)]) }</button>
                <button type="button" onclick={on_duplicate}>{ handle.t("library.duplicate") }</button>
                if *confirming {
                    <span role="alert">{ handle.tf("library.delete_confirm", &[("name", &name)]) }</span>
                    <button type="button" class="danger" onclick={act(Action::Delete)}>{ handle.t("library.delete_yes") }</button>
                    <button type="button" onclick={toggle(false)}>{ handle.t("library.delete_keep") }</button>
                } else {
                    <button type="button" onclick={toggle(true)}>{ handle.t("library.delete") }</button>
                }
            </div>
        </li>
    }
}

#[component(Library)]
pub fn library() -> Html {
    let handle = use_assessment();
    let confirming = use_state(|| false);
    let toggle = |on: bool| {
        let c = confirming.clone();
        Callback::from(move |_| c.set(on))
    };
    let on_erase = {
        let (h, c) = (handle.clone(), confirming.clone());
        Callback::from(move |_| {
            c.set(false);
            h.erase_everything();
        })
    };
    html! {
        <>
            <h1 id="screen-heading" tabindex="-1">{ handle.t("library.heading") }</h1>
            <p>{ handle.t("library.intro") }</p>
            if handle.state.entries.is_empty() {
                <p id="library-empty">{ handle.t("library.empty") }</p>
            } else {
                <ul class="library" id="library">
                    { for handle.state.entries.iter().map(|e| html! { <Row key={e.id.clone()} entry={e.clone()} /> }) }
                </ul>
            }
            <section class="panel erase" aria-labelledby="erase-heading">
                <h2 id="erase-heading">{ handle.t("library.erase_heading") }</h2>
                <p>{ handle.t("library.erase_intro") }</p>
                if *confirming {
                    <p role="alert">{ handle.t("library.erase_confirm") }</p>
                    <div class="actions">
                        <button type="button" class="danger" id="erase-confirm" onclick={on_erase}>{ handle.t("library.erase_yes") }</button>
                        <button type="button" id="erase-cancel" onclick={toggle(false)}>{ handle.t("library.erase_cancel") }</button>
                    </div>
                } else {
                    <button type="button" id="erase-all" onclick={toggle(true)}>{ handle.t("library.erase") }</button>
                }
            </section>
        </>
    }
}
