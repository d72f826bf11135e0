//! Results and report: the overview (where the organization stands, what to do first), the
//! links to every section, the ways to keep a copy, then the threats (with the threat ×
//! practice map), the practices, the action plan (with what it would achieve), other views,
//! and files and sharing. The same screen prints as the report: a one-page summary (the
//! report's header, the overview and the map), then the detail.
//!
//! The screen's heading is the app's (`ui::components::tools::results_screen`); the rest is
//! this part's, under it.

use yew::prelude::*;

mod action_plan;
mod charts;
mod lenses;
mod look_back;
mod overview;
mod projection;
mod published;
mod summary;
mod threat_map;
mod threats;

use super::{use_part, Part};
use crate::domain::{fingerprint, Coverage};
use crate::ui::browser::{
    files::download,
    package,
    page::{now, print},
};
use crate::ui::downloads::{download_file, file_stem};
use crate::ui::evidence::package_failure;
use crate::ui::wording::human_date;
use lenses::lenses;
use look_back::LookBackView;

#[component(Results)]
pub fn results() -> Html {
    let handle = use_part();
    let catalog = handle.catalog.clone();
    let a = handle.assessment.clone();
    let name = handle.name();
    let today = now().date().to_string();
    let on_json = {
        let h = handle.clone();
        Callback::from(move |_| h.exported(&download_file(&h.catalog, &h.assessment)))
    };
    // Written by the package worker: their code is not part of a first visit.
    let document = |kind: &'static str, suffix: &'static str, mime: &'static str| {
        let (h, a, stem) = (
            handle.clone(),
            a.clone(),
            file_stem(&a.organization.name, &today),
        );
        Callback::from(move |_| {
            let (h, a, stem) = (h.clone(), a.clone(), stem.clone());
            yew::platform::spawn_local(async move {
                let at = now();
                let file = crate::domain::export(&h.catalog, &a, &at);
                match package::document(kind, &file, at.as_str()).await {
                    Ok(text) => download(&format!("{stem}-{suffix}"), mime, &text),
                    Err(f) => h.notify(true, package_failure(&h.texts, &f)),
                }
            });
        })
    };
    // The evidence package: what became of it is said in the notice.
    let on_package = {
        let h = handle.clone();
        Callback::from(move |_| {
            let h = h.clone();
            h.notify(false, h.t("evidence.packing"));
            yew::platform::spawn_local(async move {
                match h.package(None).await {
                    Ok(done) => h.notify(false, done),
                    Err(why) => h.notify(true, why),
                }
            });
        })
    };
    let on_oscal = document("oscal", "oscal-assessment-results.json", "application/json");
    let on_oscal_older = document(
        "oscal-1.1.3",
        "oscal-1.1.3-assessment-results.json",
        "application/json",
    );
    let on_csv = document("csv", "findings.csv", "text/csv");
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
    let plan = std::rc::Rc::new(crate::domain::action_plan(&catalog, &a));
    html! {
        <>
            <dl class="facts report-header" id="report-header">
                <dt>{ handle.t("results.organization") }</dt><dd>{ name.clone() }</dd>
                <dt>{ handle.t("results.size_assessed") }</dt><dd id="report-tier">{ size_assessed }</dd>
                <dt>{ handle.t("results.date") }</dt><dd>{ human_date(&handle.texts, now().date()) }</dd>
                <dt>{ handle.t("results.content") }</dt><dd>{ content }</dd>
                <dt>{ handle.t("results.fingerprint") }</dt><dd id="fingerprint">{ fingerprint(&catalog, &a) }</dd>
            </dl>
            if let Some(r) = handle.results() {
                { overview::overview(&handle, r, &plan) }
            }
            { overview::navigation(&handle) }
            <div class="actions no-print">
                <button type="button" class="primary" id="download-json" onclick={on_json}>{ handle.t("results.download_json") }</button>
                <button type="button" id="download-csv" onclick={on_csv}>{ handle.t("results.download_csv") }</button>
                <button type="button" id="download-oscal" onclick={on_oscal}>{ handle.t("results.download_oscal") }</button>
                <button type="button" id="download-package" onclick={on_package}>{ handle.t("evidence.download_package") }</button>
                <button type="button" id="print" onclick={Callback::from(|_| print())}>{ handle.t("results.print") }</button>
            </div>
            { published::published(&handle, &catalog, on_oscal_older) }
            if let Some(r) = handle.results() {
                <section class="threats-detail" id="threats" aria-labelledby="threats-heading">
                    <h2 id="threats-heading">{ handle.t("results.five_threats") }</h2>
                    <h3 id="map-heading">{ handle.t("results.map.heading") }</h3>
                    <threat_map::ThreatMapView assessment={a.clone()} />
                    <details class="fold" open=true>
                        <summary>{ handle.t("results.threats_in_detail") }</summary>
                        { threats::threats_detail(&handle, r) }
                    </details>
                </section>
                { summary::summary(&handle, r) }
            }
            { action_plan::plan(&handle, &a, &plan) }
            <section class="more-views" id="views" aria-labelledby="views-heading">
                <h2 id="views-heading">{ handle.t("results.other_views") }</h2>
                { lenses(&handle, &a) }
                <LookBackView assessment={a.clone()} />
            </section>
            <section class="no-print" id="files" aria-labelledby="more-heading">
                <h2 id="more-heading">{ handle.t("results.compare_and_share") }</h2>
                { super::files::files() }
            </section>
        </>
    }
}

/// Coverage in words: each count a clause of its own, listed with the language's separator;
/// the things to find out only where `with_tasks` asks for them.
fn coverage_text(handle: &Part, c: &Coverage, with_tasks: bool) -> String {
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
