//! Answering, practice by practice: a navigator with each practice's progress, and one card
//! per sub-practice with the question, the answer scale as native radio buttons, help on
//! demand, a note, an "in place since" date and the evidence.

use yew::prelude::*;

use super::evidence::{use_evidence, EvidenceProps};
use crate::domain::catalog::NistCsf;
use crate::domain::evidence::Item;
use crate::domain::{Answer, PracticeId, SubPracticeId, NOTE_MAX};
use crate::ui::browser::page::focus_soon;
use crate::ui::dom::{date_change, dom_id, input_value};
use crate::ui::guidance;
use crate::ui::hooks::{use_assessment, use_fixed, Fixed};
use crate::ui::state::{Edit, Screen};
use crate::ui::wording::human_date;

#[derive(Properties, PartialEq)]
pub struct AnswerScreenProps {
    pub practice: PracticeId,
}

#[component(AnswerScreen)]
pub fn answer_screen(props: &AnswerScreenProps) -> Html {
    let handle = use_assessment();
    let Some(entry) = handle.current().cloned() else {
        return html! {};
    };
    let catalog = handle.catalog.clone();
    let a = entry.assessment.clone();
    let Some(tier) = a.tier else {
        return html! { <p>{ handle.t("answer.choose_size") }</p> };
    };
    let practices = catalog.practices();
    let index = practices
        .iter()
        .position(|p| p.id == props.practice)
        .unwrap_or(0);
    let practice = &practices[index];
    let scope = catalog.in_scope(tier, a.include_optional);
    let Some(results) = handle.results() else {
        return html! {};
    };
    let next_unanswered = {
        // The first unanswered sub-practice after this practice's first one, wrapping round.
        let start = scope
            .iter()
            .position(|s| s.practice == practice.id)
            .unwrap_or(0);
        let order = scope.iter().cycle().skip(start).take(scope.len());
        order
            .filter(|s| a.choice(&s.id).is_none())
            .map(|s| (s.practice.clone(), s.id.clone()))
            .next()
    };
    let threats: Vec<String> = practice
        .threats
        .iter()
        .filter_map(|t| catalog.threat(t))
        .map(|t| t.name.clone())
        .collect();
    let total = &results.overall;
    let progress = handle.tf(
        "answer.progress",
        &[
            ("answered", &total.answered().to_string()),
            ("total", &total.in_scope.to_string()),
        ],
    );
    let heading = handle.tf(
        "answer.heading",
        &[
            ("number", &practice.number.to_string()),
            ("total", &practices.len().to_string()),
            ("name", &practice.name),
        ],
    );
    let helps_against = handle.tf("answer.helps_against", &[("threats", &threats.join("; "))]);
    let go = |p: usize| {
        let (h, id) = (
            handle.clone(),
            practices[p.min(practices.len() - 1)].id.clone(),
        );
        Callback::from(move |_| h.go(Screen::Answer(id.clone())))
    };
    let on_next_unanswered = next_unanswered.clone().map(|(p, id)| {
        let h = handle.clone();
        Callback::from(move |_| {
            h.go(Screen::Answer(p.clone()));
            focus_soon(&format!("q-{}", dom_id(id.as_str())));
        })
    });
    html! {
        <div class="answering">
            <nav id="practice-nav" aria-label={handle.t("answer.practices")} class="navigator">
                <p id="progress" aria-live="polite">
                    { progress }
                </p>
                <progress max={total.in_scope.to_string()} value={total.answered().to_string()} aria-labelledby="progress"></progress>
                <ol>
                    { for results.practices.iter().map(|(pid, c)| {
                        let p = catalog.practice(pid).expect("scored practices exist");
                        let h = handle.clone();
                        let target = pid.clone();
                        let onclick = Callback::from(move |_| h.go(Screen::Answer(target.clone())));
                        let done = c.unanswered == 0;
                        html! {
                            <li>
                                <button type="button" id={format!("nav-practice-{}", p.number)} {onclick}
                                    aria-current={(pid == &practice.id).then_some("page")}
                                    class={classes!(done.then_some("done"))}>
                                    <span class="name">{ handle.tf("answer.practice_name", &[("number", &p.number.to_string()), ("name", &p.name)]) }</span>
                                    <span class="count">{ handle.tf("answer.practice_count", &[("answered", &c.answered().to_string()), ("total", &c.in_scope.to_string())]) }</span>
                                </button>
                            </li>
                        }
                    }) }
                </ol>
                if let Some(onclick) = on_next_unanswered {
                    <button type="button" id="next-unanswered" {onclick}>{ handle.t("answer.next_unanswered") }</button>
                } else {
                    <p id="all-answered">{ handle.t("answer.all_answered") }</p>
                }
            </nav>
            <section class="practice" aria-labelledby="screen-heading">
                <h1 id="screen-heading" tabindex="-1">{ heading }</h1>
                <p>{ practice.summary.clone() }</p>
                <p class="hint">{ helps_against }</p>
                { for scope.iter().filter(|s| s.practice == practice.id).map(|s| html! {
                    <SubPracticeCard id={s.id.clone()} answer={a.answers.get(&s.id).cloned()}
                        assessment={entry.id.clone()} evidence={a.evidence.get(&s.id).cloned().unwrap_or_default()} />
                }) }
                <div class="actions pager">
                    if index > 0 {
                        <button type="button" id="prev-practice" onclick={go(index - 1)}>{ handle.t("answer.previous") }</button>
                    }
                    if index + 1 < practices.len() {
                        <button type="button" class="primary" id="next-practice" onclick={go(index + 1)}>{ handle.t("answer.next") }</button>
                    } else {
                        <button type="button" class="primary" id="to-results" onclick={let h = handle.clone(); Callback::from(move |_| h.go(Screen::Results))}>{ handle.t("answer.to_results") }</button>
                    }
                </div>
            </section>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct SubPracticeCardProps {
    pub id: SubPracticeId,
    pub answer: Option<Answer>,
    /// The open assessment's id, under which its evidence files are kept.
    pub assessment: String,
    pub evidence: Vec<Item>,
}

#[component(SubPracticeCard)]
pub fn sub_practice_card(props: &SubPracticeCardProps) -> Html {
    // Not use_assessment: a card re-renders only when its own answer changes.
    let handle = use_fixed();
    let evidence = use_evidence(EvidenceProps {
        assessment: props.assessment.clone(),
        sub: props.id.clone(),
        items: props.evidence.clone(),
    });
    let catalog = handle.catalog.clone();
    let Some(s) = catalog.sub_practice(&props.id) else {
        return html! {};
    };
    let key = dom_id(s.id.as_str());
    let answer = props.answer.clone().unwrap_or_default();
    let on_note = {
        let (h, id) = (handle.clone(), s.id.clone());
        Callback::from(move |e: Event| {
            h.edit(Edit::Note(
                id.clone(),
                input_value(&e).chars().take(NOTE_MAX).collect(),
            ))
        })
    };
    let on_since = {
        let (h, id) = (handle.clone(), s.id.clone());
        Callback::from(move |e: Event| {
            if let Some(d) = date_change(&e) {
                h.edit(Edit::Since(id.clone(), d));
            }
        })
    };
    html! {
        <article class="card" id={format!("sp-{key}")} aria-labelledby={format!("t-{key}")}>
            <h2 id={format!("t-{key}")}><span class="sp-id">{ s.id.to_string() }</span>{ " " }{ s.title.clone() }</h2>
            <fieldset id={format!("q-{key}")} tabindex="-1">
                <legend>{ s.questions[0].clone() }</legend>
                { for catalog.scale().choices.iter().map(|c| {
                    let input_id = format!("a-{key}-{}", c.id);
                    let (h, id, choice) = (handle.clone(), s.id.clone(), c.id.clone());
                    let onchange = Callback::from(move |_| h.edit(Edit::Choice(id.clone(), choice.clone())));
                    html! {
                        <div class="option">
                            <input type="radio" id={input_id.clone()} name={format!("answer-{key}")} value={c.id.to_string()}
                                checked={answer.choice.as_ref() == Some(&c.id)} {onchange} />
                            <label for={input_id}>{ c.label.clone() }</label>
                        </div>
                    }
                }) }
            </fieldset>
            // Always there, one line high: the first answer fills it in without moving the
            // page below (inserting it cost a layout of every card after it).
            <p class="hint given" id={format!("given-{key}")}>{ answer.at.as_ref().map(|at| {
                let date = human_date(&handle.texts, at.date());
                match answer.by.as_str() {
                    "" => handle.tf("team.given_here", &[("date", &date)]),
                    by => handle.tf("team.given_by", &[("name", by), ("date", &date)]),
                }
            }) }</p>
            if s.questions.len() > 1 {
                <div class="also">
                    <p>{ handle.t("answer.also_ask") }</p>
                    <ul>{ for s.questions[1..].iter().map(|q| html! { <li>{ q.clone() }</li> }) }</ul>
                </div>
            }
            <details class="help">
                <summary>{ handle.t("answer.in_place") }</summary>
                <p><guidance::Text id={s.id.clone()} which={0} /></p>
                <p><strong>{ handle.t("answer.why") }</strong><guidance::Text id={s.id.clone()} which={1} /></p>
            </details>
            <details class="help">
                <summary>{ handle.t("answer.technical") }</summary>
                <p><guidance::Text id={s.id.clone()} which={2} /></p>
                { nist_refs(&handle, &s.nist_csf) }
            </details>
            <div class="extras">
                <div class="field">
                    <label for={format!("note-{key}")}>{ handle.t("answer.note") }</label>
                    <textarea id={format!("note-{key}")} rows="2" maxlength={NOTE_MAX.to_string()} value={answer.note.clone()} onchange={on_note} />
                </div>
                <div class="field">
                    <label for={format!("since-{key}")}>{ handle.t("answer.since") }</label>
                    <input type="date" id={format!("since-{key}")} min="1900-01-01" max="2999-12-31"
                        value={answer.since.map(|d| d.to_string()).unwrap_or_default()} onchange={on_since} />
                </div>
            </div>
            { evidence }
        </article>
    }
}

/// The NIST CSF references HICP prints for a sub-practice, a misprint shown as printed with
/// what it stands for and why; or which of "HICP prints none" and "not recorded yet" holds.
fn nist_refs(handle: &Fixed, refs: &NistCsf) -> Html {
    match refs {
        NistCsf::Printed(refs) => {
            let list: Vec<String> = refs
                .iter()
                .map(|r| match &r.reads_as {
                    Some(meant) => handle.tf(
                        "answer.nist_read_as",
                        &[("printed", &r.printed), ("csf", meant)],
                    ),
                    None => r.printed.clone(),
                })
                .collect();
            html! {
                <>
                    <p class="hint">{ handle.tf("answer.nist_refs", &[("refs", &list.join(", "))]) }</p>
                    { for refs.iter().filter_map(|r| r.flag.as_ref()).map(|flag| html! {
                        <p class="hint flag">{ flag.clone() }</p>
                    }) }
                </>
            }
        }
        NistCsf::NonePrinted => {
            html! { <p class="hint">{ handle.t("answer.nist_none_printed") }</p> }
        }
        NistCsf::NotRecorded => {
            html! { <p class="hint">{ handle.t("answer.nist_not_recorded") }</p> }
        }
    }
}
