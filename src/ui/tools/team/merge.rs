//! Merging returned respondent files: each file is opened and checked, refused with a
//! sentence or read; where answers differ the coordinator picks; then everything is taken in
//! at once (evidence files stored first, all or none) and a summary says what changed and
//! from whom. Until then the assessment is untouched.

use crate::domain::map::Map;
use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::{use_part, Part};
use crate::domain::team::merge::{check, differences, merge, Difference, Pick, Response};
use crate::domain::{Answer, Assessment};
use crate::i18n::messages::{refusal, taken};
use crate::ui::browser::page::now;
use crate::ui::dom::dom_id;
use crate::ui::opening::{self, Opened};

/// The files chosen, read and checked: a sentence per file, the responses accepted, their
/// evidence files, and where they differ.
#[derive(PartialEq)]
struct Review {
    said: Vec<(bool, String)>,
    responses: Vec<Response>,
    files: Vec<(String, web_sys::Blob)>,
    diffs: Vec<Difference>,
}

/// Per difference: the answer taken (`None` while none is chosen, `Some(None)` for the
/// coordinator's own) and whether the notes are kept together.
type Picks = Vec<(Option<Option<usize>>, bool)>;

#[component(Merge)]
pub fn merge_view() -> Html {
    let part = use_part();
    let review = use_state(|| None::<Rc<Review>>);
    let picks = use_state(Picks::new);
    let outcome = use_state(|| None::<(bool, Vec<String>)>);
    // Which choice of files is the latest (an earlier one still being read is dropped), and
    // whether a merge is under way (a second click does nothing).
    let (latest, busy) = (use_mut_ref(|| 0_u32), use_mut_ref(|| false));
    let onchange = {
        let (h, review, picks, outcome, latest) = (
            part.clone(),
            review.clone(),
            picks.clone(),
            outcome.clone(),
            latest.clone(),
        );
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let files: Vec<web_sys::File> = input
                .files()
                .map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect())
                .unwrap_or_default();
            input.set_value("");
            *latest.borrow_mut() += 1;
            let this = *latest.borrow();
            let (h, review, picks, outcome, latest) = (
                h.clone(),
                review.clone(),
                picks.clone(),
                outcome.clone(),
                latest.clone(),
            );
            yew::platform::spawn_local(async move {
                let count = files.len();
                let r = read(&h, files).await;
                if *latest.borrow() != this {
                    return;
                }
                picks.set(vec![(None, false); r.diffs.len()]);
                let read = h.tf("team.merge.read_count", &[("count", &count.to_string())]);
                outcome.set(Some((false, vec![read])));
                review.set(Some(Rc::new(r)));
            });
        })
    };
    let left = picks.iter().filter(|p| p.0.is_none()).count();
    let on_merge = {
        let (h, review, picks, outcome, busy) = (
            part.clone(),
            review.clone(),
            picks.clone(),
            outcome.clone(),
            busy.clone(),
        );
        Callback::from(move |_| {
            let Some(r) = (*review).clone() else { return };
            if left > 0 {
                let left = h.tf("team.merge.left", &[("count", &left.to_string())]);
                outcome.set(Some((true, vec![left])));
                return;
            }
            let chosen: Map<_, _> = r
                .diffs
                .iter()
                .zip(picks.iter())
                .map(|(d, p)| {
                    (
                        d.id.clone(),
                        Pick {
                            take: p.0.flatten(),
                            notes_together: p.1,
                        },
                    )
                })
                .collect();
            if busy.replace(true) {
                return;
            }
            let (h, review, outcome, busy) =
                (h.clone(), review.clone(), outcome.clone(), busy.clone());
            yew::platform::spawn_local(async move {
                let (merged, summary) = merge(&h.assessment, &r.responses, &chosen, &now());
                // The app keeps the evidence files first, all or none, then the answers.
                let saved = h.save(&merged, &r.files).await;
                *busy.borrow_mut() = false;
                if let Err(why) = saved {
                    outcome.set(Some((true, vec![why])));
                    return;
                }
                let lines = summary
                    .iter()
                    .map(|t| taken(&h.texts, t, &h.date(t.answered.date())))
                    .collect();
                outcome.set(Some((false, lines)));
                review.set(None);
            });
        })
    };
    let on_cancel = {
        let (review, outcome) = (review.clone(), outcome.clone());
        Callback::from(move |_| {
            review.set(None);
            outcome.set(None);
        })
    };
    html! {
        <section id="merge" aria-labelledby="merge-h">
            <h2 id="merge-h">{ part.t("team.merge.heading") }</h2>
            <p>{ part.t("team.merge.intro") }</p>
            <div class="field">
                <label for="merge-files">{ part.t("team.merge.choose") }</label>
                <input type="file" id="merge-files" multiple=true accept=".json,.zip,application/json,application/zip" {onchange} />
            </div>
            if let Some(r) = (*review).clone() {
                <div id="merge-review">
                    <ul id="merge-said">
                        { for r.said.iter().map(|(problem, text)| html! { <li class={classes!(problem.then_some("problem"))}>{ text.clone() }</li> }) }
                    </ul>
                    if !r.diffs.is_empty() {
                        <h3 id="diffs-h">{ part.t("team.merge.differ") }</h3>
                        { for r.diffs.iter().enumerate().map(|(i, d)| difference(&part, &r, d, i, &picks)) }
                    }
                    <div class="actions">
                        if !r.responses.is_empty() {
                            <button type="button" class="primary" id="merge-confirm" onclick={on_merge}>{ part.t("team.merge.confirm") }</button>
                        }
                        <button type="button" id="merge-cancel" onclick={on_cancel}>{ part.t("files.cancel") }</button>
                    </div>
                </div>
            }
            // Always on the page, so that a screen reader hears each change of it.
            <div id="merge-outcome" role="status" class={classes!((*outcome).as_ref().map(|o| if o.0 { "banner problem" } else { "banner" }))}>
                if let Some((_, lines)) = (*outcome).clone() {
                    <ul>{ for lines.into_iter().map(|l| html! { <li>{ l }</li> }) }</ul>
                }
            </div>
        </section>
    }
}

/// Opens and checks each chosen file in turn, against the assessment and the files before it.
async fn read(h: &Part, files: Vec<web_sys::File>) -> Review {
    let mine: &Assessment = &h.assessment;
    let mut r = Review {
        said: Vec::new(),
        responses: Vec::new(),
        files: Vec::new(),
        diffs: Vec::new(),
    };
    for file in files {
        let (name, outcome) = match opening::open(&h.catalog, &h.texts, file).await {
            Opened::Staged(s) => (s.file_name.clone(), Ok(s)),
            Opened::Locked(l) => (l.file_name.clone(), Err(h.t("team.merge.locked"))),
            Opened::Refused { file_name, why } => (file_name, Err(why)),
        };
        let checked = outcome.and_then(|s| {
            let response = check(&h.catalog, mine, &s.assessment, &r.responses)
                .map_err(|e| refusal(&h.texts, &e))?;
            Ok((s, response))
        });
        match checked {
            Ok((s, response)) => {
                let keep = |id: &String| response.evidence.iter().any(|(_, i)| &i.id == id);
                r.files
                    .extend(s.files.iter().filter(|(id, _)| keep(id)).cloned());
                let older: Vec<&str> = response.older.iter().map(|s| s.as_str()).collect();
                let mut text = h.tf(
                    "team.merge.read",
                    &[
                        ("file", &name),
                        ("name", &response.respondent),
                        ("date", &h.date(response.answered.date())),
                        ("answers", &response.answers.len().to_string()),
                        ("evidence", &response.evidence.len().to_string()),
                    ],
                );
                if !older.is_empty() {
                    text = format!(
                        "{text} {}",
                        h.tf("team.merge.older", &[("ids", &older.join(", "))])
                    );
                }
                r.said.push((false, text));
                r.responses.push(response);
            }
            Err(why) => r.said.push((
                true,
                h.tf("team.merge.refused", &[("why", &why), ("file", &name)]),
            )),
        }
    }
    r.diffs = differences(mine, &r.responses);
    // In the pack's order (the domain's is the ids' text order: 10.M.A before 2.M.A).
    r.diffs.sort_by_key(|d| h.catalog.position(&d.id));
    r
}

/// One difference: each answer on offer as a radio button, with who gave it and when, and
/// the notes kept together on request.
fn difference(
    h: &Part,
    r: &Review,
    d: &Difference,
    i: usize,
    picks: &UseStateHandle<Picks>,
) -> Html {
    let key = dom_id(d.id.as_str());
    let title = h
        .catalog
        .sub_practice(&d.id)
        .map(|s| s.title.clone())
        .unwrap_or_default();
    let set = |take: Option<usize>| {
        let picks = picks.clone();
        Callback::from(move |_: Event| {
            let mut p = (*picks).clone();
            p[i].0 = Some(take);
            picks.set(p);
        })
    };
    let on_notes = {
        let picks = picks.clone();
        Callback::from(move |e: Event| {
            let mut p = (*picks).clone();
            p[i].1 = e.target_unchecked_into::<HtmlInputElement>().checked();
            picks.set(p);
        })
    };
    let notes = d
        .mine
        .iter()
        .chain(d.theirs.iter().map(|(_, a)| a))
        .filter(|a| !a.note.is_empty())
        .count();
    let option = |id: String, take: Option<usize>, who: &str, a: &Answer| {
        let choice = a
            .choice
            .as_ref()
            .and_then(|c| h.catalog.scale().choice(c))
            .map(|c| c.label.clone())
            .unwrap_or_else(|| h.t("team.merge.no_choice"));
        // Answers from files older than format 4 have no date.
        let label = match &a.at {
            Some(t) => h.tf(
                "team.merge.option",
                &[
                    ("who", who),
                    ("choice", &choice),
                    ("date", &h.date(t.date())),
                ],
            ),
            None => h.tf(
                "team.merge.option_undated",
                &[("who", who), ("choice", &choice)],
            ),
        };
        html! {
            <div class="option">
                <input type="radio" id={id.clone()} name={format!("pick-{key}")} checked={picks[i].0 == Some(take)} onchange={set(take)} />
                <label for={id}>{ label }
                    if !a.note.is_empty() { <span class="hint">{ format!(" \u{2014} {}", a.note) }</span> }
                </label>
            </div>
        }
    };
    html! {
        <fieldset id={format!("diff-{key}")} class="difference">
            <legend>{ format!("{} {}", d.id, title) }</legend>
            if let Some(mine) = &d.mine {
                { option(format!("pick-{key}-mine"), None, &h.t("team.merge.yours"), mine) }
            }
            { for d.theirs.iter().map(|(n, a)| option(format!("pick-{key}-{n}"), Some(*n), &r.responses[*n].respondent, a)) }
            if notes > 1 {
                <div class="option">
                    <input type="checkbox" id={format!("notes-{key}")} checked={picks[i].1} onchange={on_notes} />
                    <label for={format!("notes-{key}")}>{ h.t("team.merge.notes_together") }</label>
                </div>
            }
        </fieldset>
    }
}
