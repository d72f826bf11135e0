//! The first screen of the results: where the organization stands (overall, and each of the
//! five threats) and what to do first (the first items of the action plan), then the links
//! to every section. It is also the top of the printed summary page.

use yew::prelude::*;

use super::charts::ring;
use super::coverage_text;
use crate::domain::{PlanItem, Results};
use crate::ui::tools::Part;
use crate::ui::wording::human_date;

/// How many plan items the overview shows.
pub const FIRST_ITEMS: usize = 3;

pub fn overview(handle: &Part, r: &Results, plan: &[PlanItem]) -> Html {
    let catalog = &handle.catalog;
    let overall = handle.tf(
        "results.overall_sentence",
        &[("coverage", &coverage_text(handle, &r.overall, true))],
    );
    html! {
        <section class="overview" id="overview" aria-labelledby="overview-heading">
            <h2 id="overview-heading" class="visually-hidden">{ handle.t("results.nav.overview") }</h2>
            <div class="standing">
                <h3>{ handle.t("results.overall") }</h3>
                <div class="overall">
                    { ring(handle, r.overall.percent()) }
                    <p id="overall">{ overall }</p>
                </div>
                <h3>{ handle.t("results.by_threat") }</h3>
                <ul class="threat-summary" id="threat-summary">
                    { for r.threats.iter().filter_map(|t| Some((catalog.threat(&t.threat)?, t))).map(|(threat, t)| html! {
                        <li><strong>{ handle.tf("results.threat_name", &[("threat", &threat.name)]) }</strong>
                            { match t.coverage.percent() {
                                Some(p) => handle.tf("results.threat_scored", &[("percent", &p.to_string()), ("gaps", &t.gaps.len().to_string())]),
                                None => handle.tf("results.threat_unscored", &[("gaps", &t.gaps.len().to_string())]),
                            } }</li>
                    }) }
                </ul>
            </div>
            <div class="first-steps">
                <h3>{ handle.t("results.first_steps") }</h3>
                if plan.is_empty() {
                    <p>{ handle.t("results.plan_empty") }</p>
                } else {
                    <ol id="first-steps">
                        { for plan.iter().take(FIRST_ITEMS).filter_map(|item| {
                            let s = catalog.sub_practice(&item.sub_practice)?;
                            let who = (!item.owner.is_empty()).then(|| handle.tf("results.first_owner", &[("owner", &item.owner)]));
                            let when = item.target.map(|d| handle.tf("results.first_target", &[("date", &human_date(&handle.texts, d))]));
                            Some(html! {
                                <li><strong>{ format!("{} {}", s.id, s.title) }</strong>
                                    { for who.into_iter().chain(when).map(|x| html! { <span class="hint">{ format!(" {x}") }</span> }) }
                                </li>
                            })
                        }) }
                    </ol>
                    <p><a href="#plan-heading" id="whole-plan">{ handle.tf("results.whole_plan", &[("count", &plan.len().to_string())]) }</a></p>
                }
            </div>
        </section>
    }
}

/// The links to every section of the results.
pub fn navigation(handle: &Part) -> Html {
    let links = [
        ("#overview", "results.nav.overview"),
        ("#threats", "results.nav.threats"),
        ("#practices", "results.nav.practices"),
        ("#plan", "results.nav.plan"),
        ("#views", "results.nav.views"),
        ("#files", "results.nav.files"),
    ];
    html! {
        <nav class="sections no-print" id="results-nav" aria-label={handle.t("results.nav.label")}>
            <ul>{ for links.iter().map(|(href, key)| html! {
                <li><a href={*href}>{ handle.t(key) }</a></li>
            }) }</ul>
        </nav>
    }
}
