//! The one-page summary of the results: overall coverage, each threat in a line, and each
//! practice as a bar and in a table.

use yew::prelude::*;

use crate::domain::Results;
use crate::ui::components::charts::{Bars, Ring};
use crate::ui::hooks::AssessmentHandle;
use crate::ui::wording::coverage_text;

pub fn summary(handle: &AssessmentHandle, r: &Results) -> Html {
    let catalog = &handle.catalog;
    let overall = handle.tf(
        "results.overall_sentence",
        &[("coverage", &coverage_text(handle, &r.overall, true))],
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
                    html! { <tr data-testid={format!("result-practice-{}", p.number)}><th scope="row">{ format!("{}. {}", p.number, p.name) }</th><td>{ coverage_text(handle, c, false) }</td></tr> }
                }) }
                </tbody>
            </table>
        </section>
    }
}
