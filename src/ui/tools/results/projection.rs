//! What the plan would achieve: overall and per-threat coverage once the first N items of the
//! action plan are done (N chosen by the person), and, where items have target dates, the
//! coverage expected at each quarter's end.

use std::rc::Rc;

use yew::prelude::*;

use super::charts::{bars as bar_chart, percent_text};
use crate::domain::outlook::{by_quarter, once_done};
use crate::domain::{Assessment, PlanItem, Results};
use crate::ui::browser::page::now;
use crate::ui::dom::input_value;
use crate::ui::tools::use_part;
use crate::ui::wording::human_date;

/// How many items the projection takes until the person chooses.
pub const DEFAULT_ITEMS: usize = 5;

#[derive(Properties, PartialEq)]
pub struct ProjectionProps {
    pub assessment: Rc<Assessment>,
    /// The action plan of `assessment`, as the results screen made it.
    pub plan: Rc<Vec<PlanItem>>,
}

#[component(Projection)]
pub fn projection(props: &ProjectionProps) -> Html {
    let handle = use_part();
    let chosen = use_state(|| DEFAULT_ITEMS);
    let Some(before) = handle.results() else {
        return html! {};
    };
    let catalog = &handle.catalog;
    let a = &props.assessment;
    let plan = &props.plan;
    if plan.is_empty() {
        return html! {};
    }
    let n = (*chosen).clamp(1, plan.len());
    let after = once_done(catalog, a, plan.iter().take(n).map(|i| &i.sub_practice));
    let threat = |r: &Results, i: usize| r.threats.get(i).and_then(|t| t.coverage.percent());
    let name = |i: usize| {
        catalog
            .threat(&before.threats[i].threat)
            .map(|t| t.name.clone())
            .unwrap_or_default()
    };
    // The threat that would gain most, for the sentence.
    let most = (0..before.threats.len()).max_by_key(|&i| {
        threat(&after, i)
            .unwrap_or(0)
            .saturating_sub(threat(before, i).unwrap_or(0))
    });
    let mut sentence = handle.tf(
        "results.projection.sentence",
        &[
            ("count", &n.to_string()),
            ("from", &percent_text(&handle, before.overall.percent())),
            ("to", &percent_text(&handle, after.overall.percent())),
        ],
    );
    if let Some(i) = most {
        sentence.push_str(&handle.tf(
            "results.projection.threat",
            &[
                ("threat", &name(i)),
                ("from", &percent_text(&handle, threat(before, i))),
                ("to", &percent_text(&handle, threat(&after, i))),
            ],
        ));
    }
    let bars: Vec<(String, Option<u32>)> = (0..before.threats.len())
        .flat_map(|i| {
            [
                (
                    handle.tf("results.projection.now", &[("threat", &name(i))]),
                    threat(before, i),
                ),
                (
                    handle.tf("results.projection.then", &[("threat", &name(i))]),
                    threat(&after, i),
                ),
            ]
        })
        .collect();
    let on_count = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            if let Ok(n) = input_value(&e).trim().parse::<usize>() {
                chosen.set(n.max(1));
            }
        })
    };
    let quarters = by_quarter(catalog, a, plan, now().date());
    html! {
        <div class="projection" id="projection">
            <h3 id="projection-heading">{ handle.t("results.projection.heading") }</h3>
            <p class="no-print">
                <label for="projection-n">{ handle.t("results.projection.items") }</label>{ " " }
                <input type="number" id="projection-n" min="1" max={plan.len().to_string()} value={n.to_string()} onchange={on_count} />
            </p>
            <p id="projection-sentence">{ sentence }</p>
            { bar_chart(&handle, &bars) }
            <table id="projection-threats">
                <caption class="visually-hidden">{ handle.t("results.projection.caption") }</caption>
                <thead><tr><th scope="col">{ handle.t("results.projection.threat_col") }</th><th scope="col">{ handle.t("results.projection.now_col") }</th><th scope="col">{ handle.t("results.projection.then_col") }</th></tr></thead>
                <tbody>{ for (0..before.threats.len()).map(|i| html! {
                    <tr><th scope="row">{ name(i) }</th><td>{ percent_text(&handle, threat(before, i)) }</td><td>{ percent_text(&handle, threat(&after, i)) }</td></tr>
                }) }</tbody>
            </table>
            if !quarters.is_empty() {
                <table id="projection-quarters">
                    <caption>{ handle.t("results.projection.by_quarter") }</caption>
                    <thead><tr><th scope="col">{ handle.t("results.projection.quarter_col") }</th><th scope="col">{ handle.t("results.projection.overall_col") }</th></tr></thead>
                    <tbody>{ for quarters.iter().map(|(end, r)| html! {
                        <tr><th scope="row">{ human_date(&handle.texts, *end) }</th><td>{ percent_text(&handle, r.overall.percent()) }</td></tr>
                    }) }</tbody>
                </table>
            }
        </div>
    }
}
