//! Preparing respondent files: a person's name, a message, and the practices or single
//! questions given to them; the file downloads at once and the request is kept with the
//! assessment. Then the list of files prepared, each with whether an answer came back.

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::use_part;
use crate::domain::team::{respondent_file, Request, Sent, MESSAGE_MAX, RESPONDENT_MAX};
use crate::domain::transfer::REQUESTS_MAX;
use crate::domain::{export, Assessment, Catalog, SubPracticeId};
use crate::ui::browser::files::download;
use crate::ui::browser::page::{new_id, now};
use crate::ui::dom::dom_id;
use crate::ui::downloads::file_stem;

#[component(Prepare)]
pub fn prepare() -> Html {
    let part = use_part();
    let chosen = use_state(Vec::<SubPracticeId>::new);
    let (name_ref, message_ref) = (use_node_ref(), use_node_ref());
    let said = use_state(|| None::<(bool, String)>);
    let busy = use_mut_ref(|| false);
    let a = part.assessment.clone();
    let Some(tier) = a.tier else {
        return html! {};
    };
    let catalog = part.catalog.clone();
    let scope = catalog.in_scope(tier, a.include_optional);
    let toggle = |ids: Vec<SubPracticeId>, on: bool| {
        let chosen = chosen.clone();
        Callback::from(move |_: Event| {
            let mut now: Vec<SubPracticeId> = (*chosen).clone();
            now.retain(|x| !ids.contains(x));
            if !on {
                now.extend(ids.iter().cloned());
            }
            chosen.set(now);
        })
    };
    let on_prepare = {
        let (part, chosen, said, busy) = (part.clone(), chosen.clone(), said.clone(), busy.clone());
        let order: Vec<SubPracticeId> = scope.iter().map(|s| s.id.clone()).collect();
        let (name_ref, message_ref) = (name_ref.clone(), message_ref.clone());
        Callback::from(move |_| {
            let (Some(name), Some(message)) = (
                name_ref.cast::<HtmlInputElement>(),
                message_ref.cast::<HtmlTextAreaElement>(),
            ) else {
                return;
            };
            let who: String = name.value().trim().chars().take(RESPONDENT_MAX).collect();
            let full = part.assessment.requests.len() >= REQUESTS_MAX;
            let problem = match (who.is_empty(), chosen.is_empty()) {
                _ if full => Some("team.too_many"),
                (true, _) => Some("team.need_name"),
                (_, true) => Some("team.need_questions"),
                _ => None,
            };
            if let Some(key) = problem {
                said.set(Some((true, part.t(key))));
                return;
            }
            let text: String = message.value().trim().chars().take(MESSAGE_MAX).collect();
            // In the pack's order, whatever order they were ticked in.
            let given = order
                .iter()
                .filter(|s| chosen.contains(s))
                .cloned()
                .collect();
            // One at a time: the next is prepared from the assessment this one is saved into.
            if busy.replace(true) {
                return;
            }
            let request = Request::new(format!("r-{}", new_id()), who.clone(), text, given, now());
            let mut a = (*part.assessment).clone();
            a.requests.push(Sent {
                request: request.clone(),
                merged: Vec::new(),
            });
            a.updated = now();
            let (part, said, chosen, busy) =
                (part.clone(), said.clone(), chosen.clone(), busy.clone());
            yew::platform::spawn_local(async move {
                // Kept first, sent second: a file whose request was not kept would be refused
                // when it comes back.
                let saved = part.save(&a, &[]).await;
                *busy.borrow_mut() = false;
                match saved {
                    Ok(()) => {
                        send_file(&part.catalog, &a, &request);
                        name.set_value("");
                        message.set_value("");
                        chosen.set(Vec::new());
                        said.set(Some((false, part.tf("team.prepared", &[("name", &who)]))));
                    }
                    Err(why) => said.set(Some((true, why))),
                }
            });
        })
    };
    html! {
        <section id="prepare" aria-labelledby="prepare-h">
            <p>{ part.tf("team.intro", &[("name", &part.name())]) }</p>
            <h2 id="prepare-h">{ part.t("team.prepare") }</h2>
            <div class="field">
                <label for="respondent-name">{ part.t("team.name") }</label>
                <input type="text" id="respondent-name" ref={name_ref} maxlength={RESPONDENT_MAX.to_string()} />
            </div>
            <div class="field">
                <label for="respondent-message">{ part.t("team.message") }</label>
                <textarea id="respondent-message" ref={message_ref} rows="3" maxlength={MESSAGE_MAX.to_string()} />
            </div>
            <fieldset id="give">
                <legend>{ part.t("team.give") }</legend>
                { for catalog.practices().iter().map(|p| {
                    let subs: Vec<SubPracticeId> = scope.iter().filter(|s| s.practice == p.id).map(|s| s.id.clone()).collect();
                    let all = !subs.is_empty() && subs.iter().all(|s| chosen.contains(s));
                    let some = subs.iter().filter(|s| chosen.contains(s)).count();
                    html! {
                        <div class="give">
                            <input type="checkbox" id={format!("give-{}", p.number)} checked={all} onchange={toggle(subs.clone(), all)} />
                            <label for={format!("give-{}", p.number)}>{ part.tf("answer.practice_name", &[("number", &p.number.to_string()), ("name", &p.name)]) }</label>
                            <details>
                                <summary>{ part.tf("team.single", &[("chosen", &some.to_string()), ("total", &subs.len().to_string())]) }</summary>
                                { for scope.iter().filter(|s| s.practice == p.id).map(|s| {
                                    let key = format!("give-{}", dom_id(s.id.as_str()));
                                    let on = chosen.contains(&s.id);
                                    html! {
                                        <div class="option">
                                            <input type="checkbox" id={key.clone()} checked={on} onchange={toggle(vec![s.id.clone()], on)} />
                                            <label for={key}>{ format!("{} {}", s.id, s.title) }</label>
                                        </div>
                                    }
                                }) }
                            </details>
                        </div>
                    }
                }) }
            </fieldset>
            <p id="prepare-status" role="status" class={classes!((*said).as_ref().filter(|s| s.0).map(|_| "problem"))}>
                { (*said).as_ref().map(|s| s.1.clone()).unwrap_or_default() }
            </p>
            <div class="actions">
                <button type="button" class="primary" id="prepare-download" onclick={on_prepare}>{ part.t("team.download") }</button>
            </div>
        </section>
    }
}

/// Downloads the respondent file for `request`, with the answers of `a` as they stand.
fn send_file(catalog: &Catalog, a: &Assessment, request: &Request) {
    let at = now();
    let name = format!("{} for {}", a.organization.name, request.respondent);
    let stem = file_stem(&name, &at.date().to_string());
    let file = export(catalog, &respondent_file(a, request), &at);
    download(&format!("{stem}.json"), "application/json", &file);
}

/// The respondent files prepared so far: to whom, which questions, when, and whether an
/// answer came back; each can be downloaded again.
#[component(Prepared)]
pub fn prepared() -> Html {
    let part = use_part();
    let a = part.assessment.clone();
    if a.requests.is_empty() {
        return html! {};
    }
    html! {
        <section id="prepared" aria-labelledby="prepared-h">
            <h2 id="prepared-h">{ part.t("team.prepared_heading") }</h2>
            <table id="requests">
                <thead><tr>
                    <th scope="col">{ part.t("team.name") }</th><th scope="col">{ part.t("team.questions") }</th>
                    <th scope="col">{ part.t("team.sent") }</th><th scope="col">{ part.t("team.returned") }</th><td></td>
                </tr></thead>
                <tbody>
                { for a.requests.iter().enumerate().map(|(i, s)| {
                    let r = &s.request;
                    let returned = match s.merged.last() {
                        Some(t) => part.tf("team.merged_on", &[("date", &part.date(t.date()))]),
                        None => part.t("team.waiting"),
                    };
                    let again = {
                        let (part, r) = (part.clone(), r.clone());
                        Callback::from(move |_| send_file(&part.catalog, &part.assessment, &r))
                    };
                    let ids: Vec<&str> = r.scope.iter().map(|s| s.as_str()).collect();
                    html! {
                        <tr id={format!("request-{i}")}>
                            <th scope="row">{ r.respondent.clone() }</th>
                            <td>{ ids.join(", ") }</td>
                            <td>{ part.date(r.sent.date()) }</td>
                            <td>{ returned }</td>
                            <td><button type="button" id={format!("again-{i}")} onclick={again}
                                aria-label={part.tf("team.again_for", &[("name", &r.respondent)])}>{ part.t("team.again") }</button></td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
        </section>
    }
}
