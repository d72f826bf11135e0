//! The assessments saved in this browser: open, rename, duplicate, delete (confirmed), and
//! erase everything HICP Check keeps here (confirmed), for shared computers.

use yew::prelude::*;

use super::header::display_name;
use super::{human_date, input_value};
use crate::ui::browser;
use crate::ui::hooks::use_assessment;
use crate::ui::state::{Action, Entry};

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
                name: input_value(&ev).chars().take(200).collect(),
                now: browser::now(),
            })
        })
    };
    let on_duplicate = {
        let (h, id) = (handle.clone(), id.clone());
        Callback::from(move |_| {
            h.dispatch(Action::Duplicate {
                from: id.clone(),
                id: browser::new_id(),
                now: browser::now(),
            })
        })
    };
    let toggle = |on: bool| {
        let c = confirming.clone();
        Callback::from(move |_| c.set(on))
    };
    let name = display_name(&handle, &a.organization.name);
    html! {
        <li class="saved" data-testid="saved-assessment">
            <h2>{ name.clone() }</h2>
            <p class="hint">{ format!("{} · last changed {} · {}",
                a.tier.map(|t| t.label()).unwrap_or("size not chosen"),
                human_date(&handle, a.updated.date()),
                e.exported.as_ref().map(|t| format!("last downloaded {}", human_date(&handle, t.date()))).unwrap_or_else(|| "never downloaded".into())) }</p>
            <div class="field">
                <label for={format!("rename-{id}")}>{ format!("Name of \u{201c}{name}\u{201d}") }</label>
                <input type="text" id={format!("rename-{id}")} maxlength="200" value={a.organization.name.clone()} onchange={on_rename} />
            </div>
            <div class="actions">
                <button type="button" class="primary" onclick={act(Action::Open)}>{ format!("Open \u{201c}{name}\u{201d}") }</button>
                <button type="button" onclick={on_duplicate}>{ "Duplicate" }</button>
                if *confirming {
                    <span role="alert">{ format!("Delete \u{201c}{name}\u{201d} from this browser? This cannot be undone. ") }</span>
                    <button type="button" class="danger" onclick={act(Action::Delete)}>{ "Yes, delete" }</button>
                    <button type="button" onclick={toggle(false)}>{ "Keep it" }</button>
                } else {
                    <button type="button" onclick={toggle(true)}>{ "Delete" }</button>
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
            browser::erase_all();
            c.set(false);
            h.dispatch(Action::EraseAll);
        })
    };
    html! {
        <>
            <h1 id="screen-heading" tabindex="-1">{ "Saved assessments" }</h1>
            <p>{ "These live in this browser only. Clearing the browser's site data removes them: download a copy of each one you want to keep." }</p>
            if handle.state.entries.is_empty() {
                <p id="library-empty">{ "There are no saved assessments in this browser." }</p>
            } else {
                <ul class="library" id="library">
                    { for handle.state.entries.iter().map(|e| html! { <Row key={e.id.clone()} entry={e.clone()} /> }) }
                </ul>
            }
            <section class="panel erase" aria-labelledby="erase-heading">
                <h2 id="erase-heading">{ "Erase everything on this device" }</h2>
                <p>{ "On a shared computer, erase your answers when you are done. This removes every assessment HICP Check keeps in this browser." }</p>
                if *confirming {
                    <p role="alert">{ "Erase every saved assessment from this browser? Files you downloaded are not affected. This cannot be undone." }</p>
                    <div class="actions">
                        <button type="button" class="danger" id="erase-confirm" onclick={on_erase}>{ "Yes, erase everything" }</button>
                        <button type="button" id="erase-cancel" onclick={toggle(false)}>{ "Cancel" }</button>
                    </div>
                } else {
                    <button type="button" id="erase-all" onclick={toggle(true)}>{ "Erase everything…" }</button>
                }
            </section>
        </>
    }
}
