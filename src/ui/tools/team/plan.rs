//! The action plan by respondent: the plan's items whose answers one person gave (a
//! respondent, or the coordinator), numbered as in the whole plan, so that the coordinator
//! can follow up with each. The whole plan stays on the results screen and in the report.

use yew::prelude::*;

use super::use_part;
use crate::domain::{action_plan, PlanKind};

#[component(PlanByRespondent)]
pub fn plan_by_respondent() -> Html {
    let part = use_part();
    let plan = action_plan(&part.catalog, &part.assessment);
    let by = |id| {
        part.assessment
            .answers
            .get(id)
            .map_or("", |a| a.by.as_str())
    };
    // Each respondent once, in the plan's order.
    let mut names: Vec<&str> = Vec::new();
    for name in plan
        .iter()
        .map(|p| by(&p.sub_practice))
        .filter(|b| !b.is_empty())
    {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    let shown = use_state(|| None::<String>);
    if names.is_empty() {
        return html! {};
    }
    let who = (*shown).clone().unwrap_or_else(|| names[0].to_owned());
    let onchange = {
        let shown = shown.clone();
        Callback::from(move |e: Event| {
            let v = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            shown.set(Some(v.strip_prefix('=').unwrap_or_default().to_owned()));
        })
    };
    let rows: Vec<Html> = plan
        .iter()
        .enumerate()
        .filter(|(_, p)| by(&p.sub_practice) == who)
        .map(|(i, p)| {
            let title = part
                .catalog
                .sub_practice(&p.sub_practice)
                .map(|s| s.title.clone())
                .unwrap_or_default();
            let status = match p.kind {
                PlanKind::FindOut => part.t("results.plan.find_out"),
                PlanKind::Gap => part
                    .catalog
                    .scale()
                    .choice(&p.choice)
                    .map(|c| c.label.clone())
                    .unwrap_or_default(),
            };
            html! {
                <tr>
                    <td>{ i + 1 }</td>
                    <th scope="row">{ format!("{} {}", p.sub_practice, title) }</th>
                    <td>{ status }</td>
                    <td>{ p.owner.clone() }</td>
                    <td>{ p.target.map(|d| part.date(d)).unwrap_or_default() }</td>
                </tr>
            }
        })
        .collect();
    html! {
        <section id="plan-by-respondent" aria-labelledby="plan-by-h">
            <h2 id="plan-by-h">{ part.t("team.plan.heading") }</h2>
            <div class="field">
                <label for="plan-by">{ part.t("team.filter") }</label>
                <select id="plan-by" {onchange}>
                    { for names.iter().map(|n| html! { <option value={format!("={n}")} selected={*n == who}>{ *n }</option> }) }
                    <option value="=" selected={who.is_empty()}>{ part.t("team.filter_you") }</option>
                </select>
            </div>
            if rows.is_empty() {
                <p id="plan-by-empty" data-by={who.clone()}>{ part.t("team.plan.none") }</p>
            } else {
                <table id="plan-by-table" data-by={who.clone()}>
                    <thead><tr>
                        <th scope="col">{ part.t("results.plan.number") }</th><th scope="col">{ part.t("results.plan.sub_practice") }</th>
                        <th scope="col">{ part.t("results.plan.status") }</th><th scope="col">{ part.t("results.plan.owner") }</th>
                        <th scope="col">{ part.t("results.plan.target") }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            }
        </section>
    }
}
