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
use crate::ui::hooks::{use_assessment, AssessmentHandle};
use crate::ui::state::Edit;

/// Coverage in words: each count a clause of its own, listed with the language's separator;
/// the things to find out only where `with_tasks` asks for them.
fn coverage_text(handle: &AssessmentHandle, c: &Coverage, with_tasks: bool) -> String {
    let head = match c.percent() {
        Some(p) => handle.tf(
            "results.coverage.scored",
            &[
                ("percent", &p.to_string()),
                ("answered", &c.assessed.to_string()),
            ],
        ),
        None => handle.t("results.coverage.nothing_scored"),
    };
    let mut parts = vec![head];
    if c.not_applicable > 0 {
        let n = c.not_applicable.to_string();
        parts.push(handle.tf("results.coverage.not_applicable", &[("count", &n)]));
    }
    if c.unanswered > 0 {
        let n = c.unanswered.to_string();
        parts.push(handle.tf("results.coverage.unanswered", &[("count", &n)]));
    }
    if with_tasks && c.tasks > 0 {
        let n = c.tasks.to_string();
        parts.push(handle.tf("results.coverage.to_find_out", &[("count", &n)]));
    }
    parts.join(&handle.t("results.coverage.separator"))
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
    let size_assessed = if a.include_optional {
        handle.tf("results.size_with_large", &[("tier", &tier)])
    } else {
        tier
    };
    let content = handle.tf(
        "results.content_version",
        &[
            ("title", &catalog.info().title),
            ("version", &catalog.info().content_version),
        ],
    );
    let overall = handle.tf(
        "results.overall_sentence",
        &[("coverage", &coverage_text(&handle, &r.overall, true))],
    );
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
            <h1 id="screen-heading" tabindex="-1">{ handle.tf("results.heading", &[("name", &name)]) }</h1>
            <dl class="facts report-header" id="report-header">
                <dt>{ handle.t("results.organization") }</dt><dd>{ name.clone() }</dd>
                <dt>{ handle.t("results.size_assessed") }</dt><dd id="report-tier">{ size_assessed }</dd>
                <dt>{ handle.t("results.date") }</dt><dd>{ human_date(&handle, browser::now().date()) }</dd>
                <dt>{ handle.t("results.content") }</dt><dd>{ content }</dd>
                <dt>{ handle.t("results.fingerprint") }</dt><dd id="fingerprint">{ fingerprint(&catalog, &a) }</dd>
            </dl>
            <div class="actions no-print">
                <button type="button" class="primary" id="download-json" onclick={on_json}>{ handle.t("results.download_json") }</button>
                <button type="button" id="download-csv" onclick={on_csv}>{ handle.t("results.download_csv") }</button>
                <button type="button" id="download-oscal" onclick={on_oscal}>{ handle.t("results.download_oscal") }</button>
                <button type="button" id="print" onclick={Callback::from(|_| browser::print())}>{ handle.t("results.print") }</button>
            </div>
            <section class="summary" aria-labelledby="summary-heading">
                <h2 id="summary-heading">{ handle.t("results.overall") }</h2>
                <div class="overall">
                    <Ring percent={r.overall.percent()} />
                    <p id="overall">{ overall }</p>
                </div>
                <h2>{ handle.t("results.by_threat") }</h2>
                <ul class="threat-summary" id="threat-summary">
                    { for r.threats.iter().filter_map(|t| Some((catalog.threat(&t.threat)?, t))).map(|(threat, t)| html! {
                        <li><strong>{ handle.tf("results.threat_name", &[("threat", &threat.name)]) }</strong>
                            { match t.coverage.percent() {
                                Some(p) => handle.tf("results.threat_scored", &[("percent", &p.to_string()), ("gaps", &t.gaps.len().to_string())]),
                                None => handle.tf("results.threat_unscored", &[("gaps", &t.gaps.len().to_string())]),
                            } }</li>
                    }) }
                </ul>
                <h2>{ handle.t("results.by_practice") }</h2>
                <Bars bars={bars} />
                <table id="practice-results">
                    <caption class="visually-hidden">{ handle.t("results.coverage_by_practice") }</caption>
                    <thead><tr><th scope="col">{ handle.t("results.practice") }</th><th scope="col">{ handle.t("results.coverage") }</th></tr></thead>
                    <tbody>
                    { for r.practices.iter().map(|(p, c)| {
                        let p = catalog.practice(p).expect("scored practices exist");
                        html! { <tr data-testid={format!("result-practice-{}", p.number)}><th scope="row">{ format!("{}. {}", p.number, p.name) }</th><td>{ coverage_text(&handle, c, false) }</td></tr> }
                    }) }
                    </tbody>
                </table>
            </section>
            <section class="threats-detail" aria-labelledby="threats-heading">
                <h2 id="threats-heading">{ handle.t("results.five_threats") }</h2>
                { for r.threats.iter().map(|t| {
                    let threat = catalog.threat(&t.threat).expect("scored threats exist");
                    html! {
                        <article class="threat" id={format!("threat-{}", threat.number)}>
                            <h3>{ threat.name.clone() }</h3>
                            <p class="coverage">{ coverage_text(&handle, &t.coverage, false) }</p>
                            if t.gaps.is_empty() {
                                <p>{ handle.t("results.no_gaps") }</p>
                            } else {
                                <p>{ handle.t("results.gaps_behind") }</p>
                                <ul>{ for t.gaps.iter().filter_map(|g| catalog.sub_practice(g)).map(|s| html! {
                                    <li>{ format!("{} {}", s.id, s.title) }</li>
                                }) }</ul>
                            }
                        </article>
                    }
                }) }
            </section>
            <section class="more-views" aria-labelledby="views-heading">
                <h2 id="views-heading">{ handle.t("results.other_views") }</h2>
                <Lenses assessment={a.clone()} />
                <LookBackView assessment={a.clone()} />
            </section>
            <section class="no-print" aria-labelledby="more-heading">
                <h2 id="more-heading">{ handle.t("results.compare_and_share") }</h2>
                <CompareView assessment={a.clone()} />
                <ShareView assessment={a.clone()} />
                <ProtectedDownload />
            </section>
            <section class="plan" aria-labelledby="plan-heading">
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
                        { for plan.iter().enumerate().map(|(i, item)| {
                            let s = catalog.sub_practice(&item.sub_practice).expect("planned sub-practices exist");
                            let key = dom_id(s.id.as_str());
                            let status = match item.kind {
                                PlanKind::FindOut => handle.t("results.plan.find_out"),
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
                                            <summary>{ handle.t("results.plan.what_to_do") }</summary>
                                            <p>{ s.in_place.clone() }</p>
                                            <p class="hint">{ s.technical.clone() }</p>
                                        </details>
                                    </th>
                                    <td>{ status }</td>
                                    <td>{ item.threats }</td>
                                    <td><input type="text" id={format!("owner-{key}")} maxlength="200" aria-label={handle.tf("results.plan.owner_of", &[("id", s.id.as_str())])} value={item.owner.clone()} onchange={on_owner} /></td>
                                    <td><input type="date" id={format!("target-{key}")} aria-label={handle.tf("results.plan.target_for", &[("id", s.id.as_str())])} value={item.target.map(|d| d.to_string()).unwrap_or_default()} onchange={on_target} /></td>
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
