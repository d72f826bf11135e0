//! The practices: each one's coverage as a bar and in a table.

use yew::prelude::*;

use super::charts::bars as bar_chart;
use super::coverage_text;
use crate::domain::Results;
use crate::ui::tools::Part;

pub fn summary(handle: &Part, r: &Results) -> Html {
    let catalog = &handle.catalog;
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
        <section class="practices" id="practices" aria-labelledby="practices-heading">
            <h2 id="practices-heading">{ handle.t("results.by_practice") }</h2>
            { bar_chart(handle, &bars) }
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
