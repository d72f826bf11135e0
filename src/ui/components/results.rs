//! Results and report: the overview (where the organization stands, what to do first), the
//! links to every section, the ways to keep a copy, then the threats (with the threat ×
//! practice map), the practices, the action plan (with what it would achieve), other views,
//! and files and sharing. The same screen prints as the report: a one-page summary (the
//! report's header, the overview and the map), then the detail.

use yew::prelude::*;

mod action_plan;
mod overview;
mod projection;
mod published;
mod summary;
mod threat_map;
mod threats;

use super::lenses::lenses;
use super::look_back::LookBackView;
use super::tools::files_section;
use crate::domain::fingerprint;
use crate::ui::browser::{
    files::download,
    package,
    page::{now, print},
};
use crate::ui::downloads::{download_assessment, file_stem};
use crate::ui::evidence::{download_package, package_failure};
use crate::ui::hooks::use_assessment;
use crate::ui::state::{Action, Notice, Tone};
use crate::ui::wording::{display_name, human_date};

#[component(Results)]
pub fn results() -> Html {
    let handle = use_assessment();
    let Some(entry) = handle.current().cloned() else {
        return html! {};
    };
    let catalog = handle.catalog.clone();
    let a = entry.assessment.clone();
    let name = display_name(&handle.texts, &a.organization.name);
    let today = now().date().to_string();
    let on_json = {
        let (h, e) = (handle.clone(), entry.clone());
        Callback::from(move |_| download_assessment(&h, &e))
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
                    Err(f) => h.dispatch(Action::Notify(Some(Notice {
                        tone: Tone::Problem,
                        text: package_failure(&h.state.texts.0, &f),
                    }))),
                }
            });
        })
    };
    // The evidence package: what became of it is said in the notice.
    let on_package = {
        let (h, id, a) = (handle.clone(), entry.id.clone(), a.clone());
        Callback::from(move |_| {
            let (h, id, a) = (h.clone(), id.clone(), a.clone());
            let texts = h.state.texts.0.clone();
            let packing = h.t("evidence.packing");
            let catalog = h.catalog.clone();
            let say = move |tone, text| h.dispatch(Action::Notify(Some(Notice { tone, text })));
            say(Tone::Info, packing);
            yew::platform::spawn_local(async move {
                match download_package(&catalog, &texts, &id, &a, &now(), None).await {
                    Ok(done) => say(Tone::Info, done),
                    Err(why) => say(Tone::Problem, why),
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
        <div class="results">
            <h1 id="screen-heading" tabindex="-1">{ handle.tf("results.heading", &[("name", &name)]) }</h1>
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
            { files_section(&handle) }
        </div>
    }
}
