//! The action plan: every gap and every thing to find out, most pressing first, each with an
//! owner and a target date the person fills in.

use std::rc::Rc;

use yew::prelude::*;

use super::projection::Projection;
use crate::domain::{Assessment, PlanItem, PlanKind, OWNER_MAX};
use crate::ui::dom::{date_change, dom_id, input_value};
use crate::ui::tools::Part;

pub fn plan(handle: &Part, a: &Rc<Assessment>, plan: &Rc<Vec<PlanItem>>) -> Html {
    html! {
        <section class="plan" id="plan" aria-labelledby="plan-heading">
            <h2 id="plan-heading">{ handle.t("results.action_plan") }</h2>
            if plan.is_empty() {
                <p id="plan-empty">{ handle.t("results.plan_empty") }</p>
            } else {
                <p>{ handle.t("results.plan_intro") }</p>
                <table id="plan-table">
                    <thead><tr>
                        <th scope="col">{ handle.t("results.plan.number") }</th><th scope="col">{ handle.t("results.plan.sub_practice") }</th><th scope="col">{ handle.t("results.plan.status") }</th>
                        <th scope="col">{ handle.t("results.plan.threats") }</th><th scope="col">{ handle.t("results.plan.owner") }</th><th scope="col">{ handle.t("results.plan.target") }</th>
                    </tr></thead>
                    <tbody>
                    { for plan.iter().enumerate().map(|(i, item)| plan_row(handle, i, item)) }
                    </tbody>
                </table>
                <Projection assessment={a.clone()} plan={plan.clone()} />
            }
        </section>
    }
}

/// One line of the plan, numbered from 1.
fn plan_row(handle: &Part, i: usize, item: &PlanItem) -> Html {
    let catalog = &handle.catalog;
    let s = catalog
        .sub_practice(&item.sub_practice)
        .expect("planned sub-practices exist");
    let key = dom_id(s.id.as_str());
    let status = match item.kind {
        PlanKind::FindOut => handle.t("results.plan.find_out"),
        PlanKind::Gap => catalog
            .scale()
            .choice(&item.choice)
            .map(|c| c.label.clone())
            .unwrap_or_default(),
    };
    let on_owner = {
        let (h, id) = (handle.clone(), s.id.clone());
        Callback::from(move |e: Event| {
            let owner = input_value(&e).chars().take(OWNER_MAX).collect();
            h.edit_plan("owner", &id, owner)
        })
    };
    let on_target = {
        let (h, id) = (handle.clone(), s.id.clone());
        Callback::from(move |e: Event| {
            if let Some(d) = date_change(&e) {
                h.edit_plan("target", &id, d.map(|d| d.to_string()).unwrap_or_default())
            }
        })
    };
    html! {
        <tr id={format!("plan-{key}")}>
            <td>{ i + 1 }</td>
            <th scope="row">{ format!("{} {}", s.id, s.title) }
                <details class="help guidance">
                    <summary>{ handle.t("results.plan.what_to_do") }</summary>
                    <p>{ s.in_place.clone() }</p>
                    <p class="hint">{ s.technical.clone() }</p>
                </details>
            </th>
            <td>{ status }</td>
            <td>{ item.threats }</td>
            <td><input type="text" id={format!("owner-{key}")} maxlength={OWNER_MAX.to_string()} aria-label={handle.tf("results.plan.owner_of", &[("id", s.id.as_str())])} value={item.owner.clone()} onchange={on_owner} /></td>
            <td><input type="date" id={format!("target-{key}")} aria-label={handle.tf("results.plan.target_for", &[("id", s.id.as_str())])} value={item.target.map(|d| d.to_string()).unwrap_or_default()} onchange={on_target} /></td>
        </tr>
    }
}
