//! The evidence of one sub-practice, on its card: the items with their dates (renamed,
//! re-dated and removed in place, removal confirmed), and a form to add a file, a link or a
//! written record. Says where files are kept and how much room is left.

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::config::StorageMode;
use crate::domain::evidence::{is_link, Item, Kind, PROVIDER_MAX, RECORD_MAX, TITLE_MAX};
use crate::domain::transfer::visible;
use crate::domain::SubPracticeId;
use crate::ui::browser::evidence_store::{self as store, evidence_key};
use crate::ui::browser::page::{new_id, now};
use crate::ui::browser::storage;
use crate::ui::dom::{date_change, dom_id, input_value};
use crate::ui::evidence::{keep_file, megabytes, open_file};
use crate::ui::hooks::use_fixed;
use crate::ui::state::Edit;

pub struct EvidenceProps {
    pub assessment: String,
    pub sub: SubPracticeId,
    pub items: Vec<Item>,
}

/// Which kind the form adds.
#[derive(Clone, Copy, PartialEq)]
enum Adding {
    File,
    Link,
    Record,
}

fn text_of(field: &NodeRef) -> String {
    if let Some(i) = field.cast::<HtmlInputElement>() {
        i.value()
    } else {
        field
            .cast::<HtmlTextAreaElement>()
            .map(|t| t.value())
            .unwrap_or_default()
    }
}

/// The evidence part of a question's card. A hook, not a component: a component of its own
/// would compile in Yew's machinery for one more component type.
#[hook]
pub fn use_evidence(props: EvidenceProps) -> Html {
    let props = &props;
    let h = use_fixed();
    let key = dom_id(props.sub.as_str());
    // Every id of this card's evidence, made in one place: `ev-title-1-S-A`, and `ev-1-S-A`.
    let id = |part: &str| {
        let sep = if part.is_empty() { "" } else { "-" };
        format!("ev-{part}{sep}{key}")
    };
    let adding = use_state(|| Adding::File);
    let message = use_state(String::new);
    let confirming = use_state(|| None::<String>);
    let room = use_state(|| None::<(u64, u64)>);
    // Kept across renders: a render while a file is being kept must not point the form at
    // new refs, or the form could not be cleared once the file is in.
    let fields = use_memo((), |_| <[NodeRef; 6]>::default());
    let in_tab = storage::mode() == StorageMode::Session;
    {
        let room = room.clone();
        use_effect_with(props.items.len(), move |_| {
            yew::platform::spawn_local(async move {
                room.set(store::estimate().await.map(|(u, q)| (u as u64, q as u64)))
            });
        });
    }
    let t = |k: &str| h.texts.get(k).to_owned();
    let onsubmit = {
        let (h, message, adding) = (h.clone(), message.clone(), *adding);
        let (assessment, sub, fields) =
            (props.assessment.clone(), props.sub.clone(), fields.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let [title, as_of, by, file, url, text] = (*fields).clone();
            let say = |k: &str| message.set(h.texts.get(k).to_owned());
            let title_text = visible(text_of(&title).trim());
            let Ok(date) = text_of(&as_of).parse() else {
                return say("evidence.need_date");
            };
            if title_text.is_empty() {
                return say("evidence.need_title");
            }
            let mut item = Item {
                id: new_id(),
                title: title_text.chars().take(TITLE_MAX).collect(),
                as_of: date,
                provided_by: visible(text_of(&by).trim())
                    .chars()
                    .take(PROVIDER_MAX)
                    .collect(),
                added: now(),
                kind: Kind::Record {
                    text: String::new(),
                },
            };
            let chosen = file
                .cast::<HtmlInputElement>()
                .and_then(|i| i.files())
                .and_then(|f| f.get(0));
            match adding {
                Adding::Link => {
                    let link = text_of(&url).trim().to_owned();
                    if !is_link(&link) {
                        return say("evidence.need_https");
                    }
                    item.kind = Kind::Link { url: link };
                }
                Adding::Record => {
                    let body = visible(text_of(&text).trim());
                    if body.is_empty() {
                        return say("evidence.need_text");
                    }
                    item.kind = Kind::Record {
                        text: body.chars().take(RECORD_MAX).collect(),
                    };
                }
                Adding::File if chosen.is_none() => return say("evidence.need_file"),
                Adding::File => {}
            }
            let (h, message, assessment, sub) =
                (h.clone(), message.clone(), assessment.clone(), sub.clone());
            let clear = [title, by, file, url, text];
            yew::platform::spawn_local(async move {
                if let Some(chosen) = chosen {
                    message.set(h.texts.get("evidence.keeping").to_owned());
                    match keep_file(&h.texts, &assessment, &item.id, &chosen).await {
                        Ok(kind) => item.kind = kind,
                        Err(why) => return message.set(why),
                    }
                }
                let title = item.title.clone();
                h.edit(Edit::AddEvidence(sub, item));
                for f in &clear {
                    if let Some(i) = f.cast::<HtmlInputElement>() {
                        i.set_value("");
                    } else if let Some(t) = f.cast::<HtmlTextAreaElement>() {
                        t.set_value("");
                    }
                }
                message.set(h.texts.fill("evidence.added", &[("title", &title)]));
            });
        })
    };
    let on_kind = {
        let adding = adding.clone();
        Callback::from(move |e: Event| {
            adding.set(match input_value(&e).as_str() {
                "link" => Adding::Link,
                "record" => Adding::Record,
                _ => Adding::File,
            })
        })
    };
    let where_kept = if in_tab {
        t("evidence.in_tab")
    } else {
        match *room {
            Some((used, quota)) => h.texts.fill(
                "evidence.room",
                &[
                    ("used", &megabytes(used)),
                    ("free", &megabytes(quota.saturating_sub(used))),
                ],
            ),
            None => t("evidence.in_browser"),
        }
    };
    let [title, as_of, by, file, url, text] = (*fields).clone();
    html! {
        <details class="evidence" id={id("")} open={!props.items.is_empty()}>
            <summary>{ h.texts.fill("evidence.summary", &[("count", &props.items.len().to_string())]) }</summary>
            if !props.items.is_empty() {
                <ul class="evidence-items">
                    { for props.items.iter().map(|item| item_view(&h, &props.assessment, &props.sub, item, &confirming, &message)) }
                </ul>
            }
            <form class="evidence-add" {onsubmit}>
                <fieldset>
                    <legend>{ t("evidence.add_heading") }</legend>
                    <p class="hint" id={id("where")}>{ where_kept }</p>
                    { field(&id("kind"), &t("evidence.kind"), html! {
                        <select id={id("kind")} onchange={on_kind}>
                            <option value="file" selected={*adding == Adding::File}>{ t("package.kind_file") }</option>
                            <option value="link" selected={*adding == Adding::Link}>{ t("package.kind_link") }</option>
                            <option value="record" selected={*adding == Adding::Record}>{ t("package.kind_record") }</option>
                        </select>
                    }) }
                    { field(&id("title"), &t("evidence.title"), html! { <input id={id("title")} ref={title} /> }) }
                    { field(&id("as-of"), &t("evidence.as_of"), html! {
                        <input type="date" id={id("as-of")} ref={as_of} min="1900-01-01" max="2999-12-31" value={now().date().to_string()} />
                    }) }
                    { field(&id("by"), &t("evidence.provided_by"), html! { <input id={id("by")} ref={by} /> }) }
                    { match *adding {
                        Adding::File => field(&id("file"), &t("evidence.file"), html! { <input type="file" id={id("file")} ref={file} /> }),
                        Adding::Link => field(&id("url"), &t("evidence.url"), html! { <input type="url" id={id("url")} ref={url} placeholder="https://" /> }),
                        Adding::Record => field(&id("text"), &t("evidence.text"), html! { <textarea id={id("text")} ref={text} rows="2" /> }),
                    } }
                    <p class="ev-message" id={id("msg")} role="status">{ (*message).clone() }</p>
                    <button type="submit" id={id("add")}>{ t("evidence.add") }</button>
                </fieldset>
            </form>
        </details>
    }
}

/// A labelled form field.
fn field(id: &str, label: &str, input: Html) -> Html {
    html! {
        <div class="field">
            <label for={id.to_owned()}>{ label.to_owned() }</label>
            { input }
        </div>
    }
}

fn item_view(
    h: &crate::ui::hooks::Fixed,
    assessment: &str,
    sub: &SubPracticeId,
    item: &Item,
    confirming: &UseStateHandle<Option<String>>,
    message: &UseStateHandle<String>,
) -> Html {
    let t = |k: &str| h.texts.get(k).to_owned();
    let id = item.id.clone();
    let on_title = {
        let (h, sub, id) = (h.clone(), sub.clone(), id.clone());
        Callback::from(move |e: Event| {
            let title = visible(input_value(&e).trim());
            if !title.is_empty() {
                h.edit(Edit::EvidenceTitle(
                    sub.clone(),
                    id.clone(),
                    title.chars().take(TITLE_MAX).collect(),
                ));
            }
        })
    };
    let on_date = {
        let (h, sub, id) = (h.clone(), sub.clone(), id.clone());
        Callback::from(move |e: Event| {
            if let Some(Some(d)) = date_change(&e) {
                h.edit(Edit::EvidenceAsOf(sub.clone(), id.clone(), d));
            }
        })
    };
    let ask = {
        let (c, id) = (confirming.clone(), id.clone());
        Callback::from(move |_| c.set(Some(id.clone())))
    };
    let keep = {
        let c = confirming.clone();
        Callback::from(move |_| c.set(None))
    };
    let remove = {
        let (h, c, sub, id) = (h.clone(), confirming.clone(), sub.clone(), id.clone());
        let key = evidence_key(assessment, &id);
        let is_file = item.is_file();
        Callback::from(move |_| {
            c.set(None);
            h.edit(Edit::RemoveEvidence(sub.clone(), id.clone()));
            if is_file {
                let key = key.clone();
                yew::platform::spawn_local(async move {
                    let _ = store::remove(&key).await;
                });
            }
        })
    };
    let what = match &item.kind {
        Kind::File { name, size, .. } => {
            let onclick = {
                let (h, m, a, item) = (
                    h.clone(),
                    message.clone(),
                    assessment.to_owned(),
                    item.clone(),
                );
                Callback::from(move |_| {
                    let (h, m, a, item) = (h.clone(), m.clone(), a.clone(), item.clone());
                    yew::platform::spawn_local(async move {
                        if let Err(why) = open_file(&h.texts, &a, &item).await {
                            m.set(why);
                        }
                    });
                })
            };
            html! {
                <button type="button" class="link" id={format!("ev-open-{id}")} {onclick}>
                    { h.texts.fill("evidence.open", &[("name", name), ("size", &megabytes(*size))]) }
                </button>
            }
        }
        Kind::Link { url } => {
            html! { <a href={url.clone()} rel="noreferrer noopener" target="_blank">{ url.clone() }</a> }
        }
        Kind::Record { text } => html! { <span class="record">{ text.clone() }</span> },
    };
    let by = if item.provided_by.is_empty() {
        String::new()
    } else {
        h.texts
            .fill("package.provided_by", &[("who", &item.provided_by)])
    };
    let kind = t(match item.kind {
        Kind::File { .. } => "package.kind_file",
        Kind::Link { .. } => "package.kind_link",
        Kind::Record { .. } => "package.kind_record",
    });
    html! {
        <li id={format!("ev-item-{id}")}>
            <div class="ev-line">
                <input aria-label={h.texts.fill("evidence.title_of", &[("kind", &kind)])} value={item.title.clone()} onchange={on_title} maxlength={TITLE_MAX.to_string()} />
                <input type="date" aria-label={t("evidence.as_of")} value={item.as_of.to_string()} onchange={on_date} min="1900-01-01" max="2999-12-31" />
            </div>
            <p class="hint">{ h.texts.fill("evidence.added_on", &[("kind", &kind), ("date", &item.added.date().to_string()), ("by", &by)]) }</p>
            <p>{ what }</p>
            if confirming.as_deref() == Some(id.as_str()) {
                <p role="alert">
                    { h.texts.fill("evidence.remove_ask", &[("title", &item.title)]) }{ " " }
                    <button type="button" id={format!("ev-remove-yes-{id}")} onclick={remove}>{ t("evidence.remove_yes") }</button>{ " " }
                    <button type="button" onclick={keep}>{ t("evidence.remove_no") }</button>
                </p>
            } else {
                <button type="button" id={format!("ev-remove-{id}")} onclick={ask}>{ t("evidence.remove") }</button>
            }
        </li>
    }
}
