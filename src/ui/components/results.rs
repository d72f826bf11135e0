//! Results and report: overall and per-practice coverage, the five threats with the gaps
//! behind each, the action plan with owners and dates, and the ways to keep a copy. The same
//! screen prints as the report (a one-page summary, then the detail).

use yew::prelude::*;

use super::charts::{Bars, Ring};
use super::files::{download_assessment, file_stem, ProtectedDownload};
use super::header::display_name;
use super::views::{CompareView, Lenses, LookBackView, ShareView};
use super::{date_change, dom_id, human_date, input_value};
use crate::domain::{action_plan, findings_csv, fingerprint, score, Coverage, PlanKind};
use crate::ui::browser;
use crate::ui::hooks::use_assessment;
use crate::ui::state::Edit;

fn coverage_text(c: &Coverage) -> String {
    let head = match c.percent() {
        Some(p) => format!("{p}% in place, over {} answered", c.assessed),
        None => "Nothing scored yet".into(),
    };
    let mut parts = vec![head];
    if c.not_applicable > 0 {
        parts.push(format!("{} not applicable", c.not_applicable));
    }
    if c.unanswered > 0 {
        parts.push(format!("{} unanswered", c.unanswered));
    }
    parts.join("; ")
}

#[component(Results)]
pub fn results() -> Html {
    let handle = use_assessment();
    let Some(entry) = handle.current().cloned() else {
        return html! {};
    };
    let catalog = handle.catalog.clone();
    let a = entry.assessment.clone();
    let r = score(&catalog, &a);
    let plan = action_plan(&catalog, &a);
    let name = display_name(&handle, &a.organization.name);
    let today = browser::now().date().to_string();
    let on_json = {
        let (h, e) = (handle.clone(), entry.clone());
        Callback::from(move |_| download_assessment(&h, &e))
    };
    let on_oscal = {
        let (h, a, stem) = (
            handle.clone(),
            a.clone(),
            file_stem(&a.organization.name, &today),
        );
        Callback::from(move |_| {
            let doc = crate::domain::oscal::assessment_results(&h.catalog, &a, &browser::now());
            browser::download(
                &format!("{stem}-oscal-assessment-results.json"),
                "application/json",
                &doc,
            );
        })
    };
    let on_csv = {
        let (h, a, stem) = (
            handle.clone(),
            a.clone(),
            file_stem(&a.organization.name, &today),
        );
        Callback::from(move |_| {
            browser::download(
                &format!("{stem}-findings.csv"),
                "text/csv",
                &findings_csv(&h.catalog, &a),
            )
        })
    };
    let tier = a
        .tier
        .map(|t| catalog.tier_rule(t).label.clone())
        .unwrap_or_default();
    let bars: Vec<(String, Option<u32>)> = r
        .practices
        .iter()
        .filter_map(|(p, c)| {
            Some((
                format!(
                    "{}. {}",
                    catalog.practice(p)?.number,
                    catalog.practice(p)?.name
                ),
                c.percent(),
            ))
        })
        .collect();
    html! {
        <div class="results">
            <h1 id="screen-heading" tabindex="-1">{ format!("Results for {name}") }</h1>
            <dl class="facts report-header" id="report-header">
                <dt>{ "Organization" }</dt><dd>{ name.clone() }</dd>
                <dt>{ "Size assessed" }</dt><dd id="report-tier">{ format!("{tier}{}", if a.include_optional { " (with the large sub-practices)" } else { "" }) }</dd>
                <dt>{ "Date" }</dt><dd>{ human_date(&handle, browser::now().date()) }</dd>
                <dt>{ "Content" }</dt><dd>{ format!("{} (content {})", catalog.info().title, catalog.info().content_version) }</dd>
                <dt>{ "Answers fingerprint" }</dt><dd id="fingerprint">{ fingerprint(&catalog, &a) }</dd>
            </dl>
            <div class="actions no-print">
                <button type="button" class="primary" id="download-json" onclick={on_json}>{ "Download the assessment (JSON)" }</button>
                <button type="button" id="download-csv" onclick={on_csv}>{ "Download findings (CSV)" }</button>
                <button type="button" id="download-oscal" onclick={on_oscal}>{ "Download OSCAL assessment results" }</button>
                <button type="button" id="print" onclick={Callback::from(|_| browser::print())}>{ "Print / save as PDF" }</button>
            </div>
            <section class="summary" aria-labelledby="summary-heading">
                <h2 id="summary-heading">{ "Overall" }</h2>
                <div class="overall">
                    <Ring percent={r.overall.percent()} />
                    <p id="overall">{ coverage_text(&r.overall) }
                        if r.overall.tasks > 0 { { format!("; {} to find out", r.overall.tasks) } }
                        { "." }
                    </p>
                </div>
                <h2>{ "By threat" }</h2>
                <ul class="threat-summary" id="threat-summary">
                    { for r.threats.iter().filter_map(|t| Some((catalog.threat(&t.threat)?, t))).map(|(threat, t)| html! {
                        <li><strong>{ format!("{}: ", threat.name) }</strong>
                            { t.coverage.percent().map(|p| format!("{p}%")).unwrap_or_else(|| "not scored yet".into()) }
                            { format!(" ({} gaps)", t.gaps.len()) }</li>
                    }) }
                </ul>
                <h2>{ "By practice" }</h2>
                <Bars bars={bars} />
                <table id="practice-results">
                    <caption class="visually-hidden">{ "Coverage by practice" }</caption>
                    <thead><tr><th scope="col">{ "Practice" }</th><th scope="col">{ "Coverage" }</th></tr></thead>
                    <tbody>
                    { for r.practices.iter().map(|(p, c)| {
                        let p = catalog.practice(p).expect("scored practices exist");
                        html! { <tr data-testid={format!("result-practice-{}", p.number)}><th scope="row">{ format!("{}. {}", p.number, p.name) }</th><td>{ coverage_text(c) }</td></tr> }
                    }) }
                    </tbody>
                </table>
            </section>
            <section class="threats-detail" aria-labelledby="threats-heading">
                <h2 id="threats-heading">{ "The five threats" }</h2>
                { for r.threats.iter().map(|t| {
                    let threat = catalog.threat(&t.threat).expect("scored threats exist");
                    html! {
                        <article class="threat" id={format!("threat-{}", threat.number)}>
                            <h3>{ threat.name.clone() }</h3>
                            <p class="coverage">{ coverage_text(&t.coverage) }</p>
                            if t.gaps.is_empty() {
                                <p>{ "No known gaps." }</p>
                            } else {
                                <p>{ "Gaps behind this threat:" }</p>
                                <ul>{ for t.gaps.iter().filter_map(|g| catalog.sub_practice(g)).map(|s| html! {
                                    <li>{ format!("{} {}", s.id, s.title) }</li>
                                }) }</ul>
                            }
                        </article>
                    }
                }) }
            </section>
            <section class="more-views" aria-labelledby="views-heading">
                <h2 id="views-heading">{ "Other views" }</h2>
                <Lenses assessment={a.clone()} />
                <LookBackView assessment={a.clone()} />
            </section>
            <section class="no-print" aria-labelledby="more-heading">
                <h2 id="more-heading">{ "Compare and share" }</h2>
                <CompareView assessment={a.clone()} />
                <ShareView assessment={a.clone()} />
                <ProtectedDownload />
            </section>
            <section class="plan" aria-labelledby="plan-heading">
                <h2 id="plan-heading">{ "Action plan" }</h2>
                if plan.is_empty() {
                    <p id="plan-empty">{ "No gaps among the answered sub-practices." }</p>
                } else {
                    <p>{ "Gaps first that protect against the most threats, foundations before advanced measures. Give each an owner and a target date; they are saved as you type." }</p>
                    <table id="plan-table">
                        <thead><tr>
                            <th scope="col">{ "#" }</th><th scope="col">{ "Sub-practice" }</th><th scope="col">{ "Status" }</th>
                            <th scope="col">{ "Threats" }</th><th scope="col">{ "Owner" }</th><th scope="col">{ "Target date" }</th>
                        </tr></thead>
                        <tbody>
                        { for plan.iter().enumerate().map(|(i, item)| {
                            let s = catalog.sub_practice(&item.sub_practice).expect("planned sub-practices exist");
                            let key = dom_id(s.id.as_str());
                            let status = match item.kind {
                                PlanKind::FindOut => "Find out".to_owned(),
                                PlanKind::Gap => catalog.scale().choice(&item.choice).map(|c| c.label.clone()).unwrap_or_default(),
                            };
                            let on_owner = { let (h, id) = (handle.clone(), s.id.clone());
                                Callback::from(move |e: Event| h.edit(Edit::Owner(id.clone(), input_value(&e).chars().take(200).collect()))) };
                            let on_target = { let (h, id) = (handle.clone(), s.id.clone());
                                Callback::from(move |e: Event| if let Some(d) = date_change(&e) { h.edit(Edit::Target(id.clone(), d)) }) };
                            html! {
                                <tr id={format!("plan-{key}")}>
                                    <td>{ i + 1 }</td>
                                    <th scope="row">{ format!("{} {}", s.id, s.title) }
                                        <details class="help guidance">
                                            <summary>{ "What to do" }</summary>
                                            <p>{ s.in_place.clone() }</p>
                                            <p class="hint">{ s.technical.clone() }</p>
                                        </details>
                                    </th>
                                    <td>{ status }</td>
                                    <td>{ item.threats }</td>
                                    <td><input type="text" id={format!("owner-{key}")} maxlength="200" aria-label={format!("Owner of {}", s.id)} value={item.owner.clone()} onchange={on_owner} /></td>
                                    <td><input type="date" id={format!("target-{key}")} aria-label={format!("Target date for {}", s.id)} value={item.target.map(|d| d.to_string()).unwrap_or_default()} onchange={on_target} /></td>
                                </tr>
                            }
                        }) }
                        </tbody>
                    </table>
                }
            </section>
        </div>
    }
}
