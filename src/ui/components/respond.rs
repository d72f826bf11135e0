//! The respondent's view of a respondent file: who asks, for which practices, their message,
//! only the questions given, and the answered file to send back.

use yew::prelude::*;

use super::answer::SubPracticeCard;
use crate::domain::{export, PracticeId, SubPracticeId};
use crate::ui::browser::files::download;
use crate::ui::browser::package;
use crate::ui::browser::page::now;
use crate::ui::downloads::file_stem;
use crate::ui::evidence::{download_package, package_failure};
use crate::ui::hooks::AssessmentHandle;
use crate::ui::state::{Action, Notice, Tone};
use crate::ui::wording::{display_name, human_date};

/// Not a component of its own (each costs code on every first visit): the root calls it.
pub fn respond(handle: &AssessmentHandle) -> Html {
    let Some(entry) = handle.current().cloned() else {
        return html! {};
    };
    let a = entry.assessment.clone();
    let Some(asked) = a.asked.clone() else {
        return html! {};
    };
    let catalog = handle.catalog.clone();
    let r = &asked.request;
    let org = display_name(&handle.texts, &a.organization.name);
    let of = |s: &SubPracticeId, p: &PracticeId| {
        catalog.sub_practice(s).is_some_and(|x| &x.practice == p)
    };
    let practices: Vec<_> = catalog
        .practices()
        .iter()
        .filter(|p| r.scope.iter().any(|s| of(s, &p.id)))
        .collect();
    let names: Vec<String> = practices
        .iter()
        .map(|p| {
            handle.tf(
                "answer.practice_name",
                &[("number", &p.number.to_string()), ("name", &p.name)],
            )
        })
        .collect();
    let done = r.scope.iter().filter(|s| a.choice(s).is_some()).count();
    // Sealed by the package worker (its SHA-256 is not part of a first visit), which seals a
    // respondent's evidence package too.
    // With evidence files, the answered file travels in an evidence package.
    let with_files = a.evidence_files().next().is_some();
    let send = {
        let (h, entry, org) = (handle.clone(), entry.clone(), org.clone());
        Callback::from(move |_| {
            let (h, id, org, a) = (
                h.clone(),
                entry.id.clone(),
                org.clone(),
                entry.assessment.clone(),
            );
            yew::platform::spawn_local(async move {
                let at = now();
                let texts = h.texts.clone();
                let said = if with_files {
                    download_package(&h.catalog, &texts, &id, &a, &at, None).await
                } else {
                    let file = export(&h.catalog, &a, &at);
                    package::document("sealed", &file, at.as_str())
                        .await
                        .map(|text| {
                            let stem = file_stem(
                                &format!("{org} {} answered", a.author()),
                                &at.date().to_string(),
                            );
                            download(&format!("{stem}.json"), "application/json", &text);
                            h.t("team.respond.downloaded")
                        })
                        .map_err(|f| package_failure(&texts, &f))
                };
                let tone = match said {
                    Ok(_) => {
                        h.dispatch(Action::Exported { id, at });
                        Tone::Info
                    }
                    Err(_) => Tone::Problem,
                };
                let text = said.unwrap_or_else(|why| why);
                h.dispatch(Action::Notify(Some(Notice { tone, text })));
            });
        })
    };
    html! {
        <section class="respond" aria-labelledby="screen-heading">
            <h1 id="screen-heading" tabindex="-1">{ handle.tf("team.respond.heading", &[("name", &r.respondent)]) }</h1>
            <p id="respond-from">{ handle.tf("team.respond.from", &[("organization", &org), ("count", &r.scope.len().to_string()), ("practices", &names.join("; "))]) }</p>
            if !r.message.is_empty() {
                <p id="respond-message">{ handle.tf("team.respond.message", &[("organization", &org), ("message", &r.message)]) }</p>
            }
            <p id="respond-progress" aria-live="polite">{ handle.tf("answer.progress", &[("answered", &done.to_string()), ("total", &r.scope.len().to_string())]) }</p>
            { for r.scope.iter().map(|s| html! {
                <SubPracticeCard id={s.clone()} answer={a.answers.get(s).cloned()}
                    assessment={entry.id.clone()} evidence={a.evidence.get(s).cloned().unwrap_or_default()} />
            }) }
            <div class="actions">
                <button type="button" class="primary" id="respond-download" onclick={send}>{ handle.t(if with_files { "team.respond.download_files" } else { "team.respond.download" }) }</button>
            </div>
            <p class="hint" id="respond-status">{ match &entry.exported {
                Some(t) if t >= &a.updated => handle.tf("team.respond.sent", &[("date", &human_date(&handle.texts, t.date())), ("organization", &org)]),
                _ => handle.tf("team.respond.when_done", &[("organization", &org)]),
            } }</p>
        </section>
    }
}
