//! The size step: the organization's name, HICP's best-fit questions, the recommended tier
//! with a reason per factor, and the person's own choice of tier.

use yew::prelude::*;

use super::{dom_id, input_value};
use crate::domain::sizing::{FactorKind, SizeFactor};
use crate::domain::{recommend, FactorAnswer, Tier};
use crate::ui::hooks::{use_assessment, AssessmentHandle};
use crate::ui::state::{Edit, Screen};

fn factor_input(handle: &AssessmentHandle, f: &SizeFactor, current: Option<&FactorAnswer>) -> Html {
    let id = dom_id(f.id.as_str());
    let set = {
        let (h, fid) = (handle.clone(), f.id.clone());
        move |answer: Option<FactorAnswer>| h.edit(Edit::Factor(fid.clone(), answer))
    };
    match f.kind {
        FactorKind::Count => {
            let value = match current {
                Some(FactorAnswer::Count(n)) => n.to_string(),
                _ => String::new(),
            };
            let onchange = Callback::from(move |e: Event| {
                let v = input_value(&e);
                set(v.trim().parse::<u32>().ok().map(FactorAnswer::Count));
            });
            html! {
                <div class="factor count">
                    <label for={id.clone()}>{ f.label.clone() }</label>
                    <input type="number" id={id} min="0" max="1000000" inputmode="numeric" {value} {onchange}
                        aria-describedby={f.note.as_ref().map(|_| format!("{}-note", dom_id(f.id.as_str())))} />
                    <span class="hint">{ format!(" {} (leave empty if it does not apply)", f.unit.clone().unwrap_or_default()) }</span>
                    if let Some(note) = &f.note {
                        <p class="hint" id={format!("{}-note", dom_id(f.id.as_str()))}>{ note.clone() }</p>
                    }
                </div>
            }
        }
        FactorKind::Bands | FactorKind::Choices => {
            let options: Vec<(String, String, FactorAnswer)> = if f.kind == FactorKind::Bands {
                f.bands
                    .iter()
                    .map(|(t, text)| (t.key().to_owned(), text.clone(), FactorAnswer::Band(*t)))
                    .collect()
            } else {
                f.choices
                    .iter()
                    .map(|c| {
                        (
                            c.id.clone(),
                            c.label.clone(),
                            FactorAnswer::Choice(c.id.clone()),
                        )
                    })
                    .collect()
            };
            html! {
                <fieldset class="factor" id={id.clone()}>
                    <legend>{ f.label.clone() }</legend>
                    { for options.into_iter().map(|(key, text, answer)| {
                        let checked = current == Some(&answer);
                        let set = set.clone();
                        let onchange = Callback::from(move |_| set(Some(answer.clone())));
                        let input_id = format!("{id}-{key}");
                        html! {
                            <div class="option">
                                <input type="radio" id={input_id.clone()} name={id.clone()} value={key} {checked} {onchange} />
                                <label for={input_id}>{ text }</label>
                            </div>
                        }
                    }) }
                    if current.is_some() {
                        <button type="button" class="link" onclick={let set = set.clone(); Callback::from(move |_| set(None))}>
                            { "Clear this answer" }
                        </button>
                    }
                </fieldset>
            }
        }
    }
}

#[component(SizeScreen)]
pub fn size_screen() -> Html {
    let handle = use_assessment();
    let Some(entry) = handle.current().cloned() else {
        return html! {};
    };
    let a = &entry.assessment;
    let sizing = handle.catalog.sizing();
    let rec = recommend(sizing, &a.organization.sizing);
    let on_name = {
        let h = handle.clone();
        Callback::from(move |e: Event| {
            h.edit(Edit::Name(input_value(&e).chars().take(200).collect()))
        })
    };
    let on_continue = {
        let (h, first) = (handle.clone(), handle.catalog.practices()[0].id.clone());
        let tier = a.tier.or(rec.tier);
        Callback::from(move |_| {
            if let Some(t) = tier {
                h.edit(Edit::Tier(t));
                h.go(Screen::Answer(first.clone()));
            }
        })
    };
    let chosen = a.tier.or(rec.tier);
    let groups = [
        ("common", "About your organization"),
        ("provider", "If you provide care"),
        ("other", "If you are not a care provider"),
    ];
    html! {
        <>
            <h1 id="screen-heading" tabindex="-1">{ "Your organization's size" }</h1>
            <p>{ "HICP asks organizations to check themselves against the practices for their size. Answer what applies; HICP Check suggests the size that fits best, and you can choose another." }</p>
            <div class="field">
                <label for="org-name">{ "Organization name (stays in this browser)" }</label>
                <input type="text" id="org-name" maxlength="200" autocomplete="organization" value={a.organization.name.clone()} onchange={on_name} />
            </div>
            { for groups.iter().map(|(group, title)| html! {
                <section class="factor-group" aria-label={*title}>
                    <h2>{ *title }</h2>
                    { for sizing.factors.iter().filter(|f| f.group == *group)
                        .map(|f| factor_input(&handle, f, a.organization.sizing.get(&f.id))) }
                </section>
            }) }
            <section id="recommendation" class="panel" aria-labelledby="rec-heading" aria-live="polite">
                <h2 id="rec-heading">{ match rec.tier {
                    Some(t) => format!("Recommended size: {}", t.label()),
                    None => "No recommendation yet".into(),
                } }</h2>
                <p id="rec-summary">{ rec.summary() }</p>
                <ul class="reasons">
                    { for rec.reasons.iter().filter(|r| r.vote.is_some()).map(|r| html! {
                        <li><strong>{ format!("{}: ", r.label) }</strong>{ r.reason.clone() }</li>
                    }) }
                </ul>
            </section>
            <TierChoice chosen={chosen} recommended={rec.tier} include_optional={a.include_optional} />
            <div class="actions">
                <button type="button" class="primary" id="size-continue" onclick={on_continue} disabled={chosen.is_none()}>
                    { "Continue to the questions" }
                </button>
            </div>
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct TierChoiceProps {
    pub chosen: Option<Tier>,
    pub recommended: Option<Tier>,
    pub include_optional: bool,
}

#[component(TierChoice)]
fn tier_choice(props: &TierChoiceProps) -> Html {
    let handle = use_assessment();
    let catalog = handle.catalog.clone();
    let on_optional = {
        let h = handle.clone();
        Callback::from(move |e: Event| {
            let on = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .checked();
            h.edit(Edit::IncludeOptional(on));
        })
    };
    html! {
        <fieldset id="tier-choice" class="tiers">
            <legend>{ "The size you will assess against" }</legend>
            { for Tier::ALL.into_iter().map(|t| {
                let rule = catalog.tier_rule(t);
                let count = catalog.in_scope(t, false).len();
                let h = handle.clone();
                let onchange = Callback::from(move |_| h.edit(Edit::Tier(t)));
                let id = format!("tier-{}", t.key());
                html! {
                    <div class="option">
                        <input type="radio" name="tier" id={id.clone()} value={t.key()} checked={props.chosen == Some(t)} {onchange} />
                        <label for={id}>
                            { format!("{} ({} sub-practices, {})", rule.label, count, rule.source) }
                            if props.recommended == Some(t) { <span class="tag">{ " recommended" }</span> }
                        </label>
                    </div>
                }
            }) }
            if props.chosen.is_some_and(|t| !catalog.tier_rule(t).optional.is_empty()) {
                <div class="option">
                    <input type="checkbox" id="include-optional" checked={props.include_optional} onchange={on_optional} />
                    <label for="include-optional">{ "Also assess the large-organization sub-practices (HICP encourages medium organizations to consider them)" }</label>
                </div>
            }
        </fieldset>
    }
}
