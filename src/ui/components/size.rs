//! The size step: the organization's name, HICP's best-fit questions, the recommended tier
//! with a reason per factor, and the person's own choice of tier.

use yew::prelude::*;

use crate::domain::sizing::{FactorKind, SizeFactor};
use crate::domain::{recommend, FactorAnswer, Tier, NAME_MAX};
use crate::i18n::messages;
use crate::ui::dom::{dom_id, input_value};
use crate::ui::hooks::AssessmentHandle;
use crate::ui::state::{Edit, Screen};

fn factor_input(handle: &AssessmentHandle, f: &SizeFactor, current: Option<&FactorAnswer>) -> Html {
    let id = dom_id(f.id.as_str());
    let set = {
        let (h, fid) = (handle.clone(), f.id.clone());
        move |answer: Option<FactorAnswer>| h.edit(Edit::Factor(fid.clone(), answer))
    };
    match f.kind {
        FactorKind::Count => {
            let hint = handle.tf(
                "size.count_hint",
                &[("unit", f.unit.as_deref().unwrap_or_default())],
            );
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
                    <span class="hint">{ hint }</span>
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
                            { handle.t("size.clear") }
                        </button>
                    }
                </fieldset>
            }
        }
    }
}

pub fn size_screen(handle: &AssessmentHandle) -> Html {
    let Some(entry) = handle.current().cloned() else {
        return html! {};
    };
    let a = &entry.assessment;
    let sizing = handle.catalog.sizing();
    let rec = recommend(sizing, &a.organization.sizing);
    let chosen = a.tier.or(rec.tier);
    let groups = [
        ("common", handle.t("size.group_common")),
        ("provider", handle.t("size.group_provider")),
        ("other", handle.t("size.group_other")),
    ];
    let rec_heading = match rec.tier {
        Some(t) => handle.tf(
            "size.recommended",
            &[("size", &handle.catalog.tier_rule(t).label)],
        ),
        None => handle.t("size.no_recommendation"),
    };
    let on_name = {
        let h = handle.clone();
        Callback::from(move |e: Event| {
            h.edit(Edit::Name(input_value(&e).chars().take(NAME_MAX).collect()))
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
    html! {
        <>
            <h1 id="screen-heading" tabindex="-1">{ handle.t("size.heading") }</h1>
            <p>{ handle.t("size.intro") }</p>
            <div class="field">
                <label for="org-name">{ handle.t("size.name_label") }</label>
                <input type="text" id="org-name" maxlength={NAME_MAX.to_string()} autocomplete="organization" value={a.organization.name.clone()} onchange={on_name} />
            </div>
            { for groups.iter().map(|(group, title)| html! {
                <section class="factor-group" aria-label={title.clone()}>
                    <h2>{ title.clone() }</h2>
                    { for sizing.factors.iter().filter(|f| f.group == *group)
                        .map(|f| factor_input(handle, f, a.organization.sizing.get(&f.id))) }
                </section>
            }) }
            <section id="recommendation" class="panel" aria-labelledby="rec-heading" aria-live="polite">
                <h2 id="rec-heading">{ rec_heading }</h2>
                <p id="rec-summary">{ messages::summary(&handle.texts, &rec) }</p>
                <ul class="reasons">
                    { for rec.reasons.iter().filter(|r| r.vote.is_some()).map(|r| html! {
                        <li><strong>{ handle.tf("size.reason_factor", &[("factor", &r.label)]) }</strong>{ messages::reason(&handle.texts, &r.why) }</li>
                    }) }
                </ul>
            </section>
            { tier_choice(handle, chosen, rec.tier, a.include_optional) }
            <div class="actions">
                <button type="button" class="primary" id="size-continue" onclick={on_continue} disabled={chosen.is_none()}>
                    { handle.t("size.continue") }
                </button>
            </div>
        </>
    }
}

fn tier_choice(
    handle: &AssessmentHandle,
    chosen: Option<Tier>,
    recommended: Option<Tier>,
    include_optional: bool,
) -> Html {
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
            <legend>{ handle.t("size.tier_legend") }</legend>
            { for Tier::ALL.into_iter().map(|t| {
                let rule = catalog.tier_rule(t);
                let count = catalog.in_scope(t, false).len();
                let h = handle.clone();
                let onchange = Callback::from(move |_| h.edit(Edit::Tier(t)));
                let id = format!("tier-{}", t.key());
                html! {
                    <div class="option">
                        <input type="radio" name="tier" id={id.clone()} value={t.key()} checked={chosen == Some(t)} {onchange} />
                        <label for={id}>
                            { handle.tf("size.tier_option", &[("size", &rule.label), ("count", &count.to_string()), ("source", &rule.source)]) }
                            if recommended == Some(t) { <span class="tag">{ handle.t("size.recommended_tag") }</span> }
                        </label>
                    </div>
                }
            }) }
            if chosen.is_some_and(|t| !catalog.tier_rule(t).optional.is_empty()) {
                <div class="option">
                    <input type="checkbox" id="include-optional" checked={include_optional} onchange={on_optional} />
                    <label for="include-optional">{ handle.t("size.include_optional") }</label>
                </div>
            }
        </fieldset>
    }
}
