//! Answering, practice by practice: a navigator with each practice's progress, and one card
//! per sub-practice with the question, the answer scale as native radio buttons, help on
//! demand, a note and an "in place since" date.

use yew::prelude::*;

use super::{date_change, dom_id, input_value};
use crate::domain::{score, Answer, PracticeId, SubPracticeId};
use crate::ui::browser;
use crate::ui::hooks::use_assessment;
use crate::ui::state::{Edit, Screen};

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
        return html! { <p>{ "Choose a size first." }</p> };
    };
    let practices = catalog.practices();
    let index = practices
        .iter()
        .position(|p| p.id == props.practice)
        .unwrap_or(0);
    let practice = &practices[index];
    let scope = catalog.in_scope(tier, a.include_optional);
    let results = score(&catalog, &a);
    let go = |p: usize| {
        let (h, id) = (
            handle.clone(),
            practices[p.min(practices.len() - 1)].id.clone(),
        );
        Callback::from(move |_| h.go(Screen::Answer(id.clone())))
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
    let on_next_unanswered = next_unanswered.clone().map(|(p, id)| {
        let h = handle.clone();
        Callback::from(move |_| {
            h.go(Screen::Answer(p.clone()));
            browser::focus_soon(&format!("q-{}", dom_id(id.as_str())));
        })
    });
    let threats: Vec<String> = practice
        .threats
        .iter()
        .filter_map(|t| catalog.threat(t))
        .map(|t| t.name.clone())
        .collect();
    let total = &results.overall;
    html! {
        <div class="answering">
            <nav id="practice-nav" aria-label="Practices" class="navigator">
                <p id="progress" aria-live="polite">
                    { format!("{} of {} answered", total.answered(), total.in_scope) }
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
                                    <span class="name">{ format!("{}. {}", p.number, p.name) }</span>
                                    <span class="count">{ format!("{} of {}", c.answered(), c.in_scope) }</span>
                                </button>
                            </li>
                        }
                    }) }
                </ol>
                if let Some(onclick) = on_next_unanswered {
                    <button type="button" id="next-unanswered" {onclick}>{ "Next unanswered question" }</button>
                } else {
                    <p id="all-answered">{ "Every question is answered." }</p>
                }
            </nav>
            <section class="practice" aria-labelledby="screen-heading">
                <h1 id="screen-heading" tabindex="-1">{ format!("Practice {} of {}: {}", practice.number, practices.len(), practice.name) }</h1>
                <p>{ practice.summary.clone() }</p>
                <p class="hint">{ format!("Helps against: {}.", threats.join("; ")) }</p>
                { for scope.iter().filter(|s| s.practice == practice.id).map(|s| html! {
                    <SubPracticeCard id={s.id.clone()} answer={a.answers.get(&s.id).cloned()} />
                }) }
                <div class="actions pager">
                    if index > 0 {
                        <button type="button" id="prev-practice" onclick={go(index - 1)}>{ "Previous practice" }</button>
                    }
                    if index + 1 < practices.len() {
                        <button type="button" class="primary" id="next-practice" onclick={go(index + 1)}>{ "Next practice" }</button>
                    } else {
                        <button type="button" class="primary" id="to-results" onclick={let h = handle.clone(); Callback::from(move |_| h.go(Screen::Results))}>{ "See the results" }</button>
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
}

#[component(SubPracticeCard)]
pub fn sub_practice_card(props: &SubPracticeCardProps) -> Html {
    let handle = use_assessment();
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
                input_value(&e).chars().take(4000).collect(),
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
            if s.questions.len() > 1 {
                <div class="also">
                    <p>{ "Also ask yourself:" }</p>
                    <ul>{ for s.questions[1..].iter().map(|q| html! { <li>{ q.clone() }</li> }) }</ul>
                </div>
            }
            <details class="help">
                <summary>{ "What \u{201c}in place\u{201d} looks like, and why it matters" }</summary>
                <p>{ s.in_place.clone() }</p>
                <p><strong>{ "Why it matters: " }</strong>{ s.why.clone() }</p>
            </details>
            <details class="help">
                <summary>{ "Technical detail for your IT person" }</summary>
                <p>{ s.technical.clone() }</p>
                if let Some(refs) = s.nist_csf.as_ref().filter(|r| !r.is_empty()) {
                    <p class="hint">{ format!("NIST Cybersecurity Framework references: {}", refs.join(", ")) }</p>
                }
            </details>
            <div class="extras">
                <div class="field">
                    <label for={format!("note-{key}")}>{ "Note (optional)" }</label>
                    <textarea id={format!("note-{key}")} rows="2" maxlength="4000" value={answer.note.clone()} onchange={on_note} />
                </div>
                <div class="field">
                    <label for={format!("since-{key}")}>{ "In place since (optional)" }</label>
                    <input type="date" id={format!("since-{key}")} min="1900-01-01" max="2999-12-31"
                        value={answer.since.map(|d| d.to_string()).unwrap_or_default()} onchange={on_since} />
                </div>
            </div>
        </article>
    }
}
