//! The five threats in detail: each one's coverage, the gaps behind it, and the sub-practices
//! HICP's own threat table cites for it (a printed oddity with the pack's flag beside it).

use yew::prelude::*;

use super::coverage_text;
use crate::domain::Results;
use crate::ui::tools::Part;

pub fn threats_detail(handle: &Part, r: &Results) -> Html {
    let catalog = &handle.catalog;
    html! {
        <>
            { for r.threats.iter().map(|t| {
                let threat = catalog.threat(&t.threat).expect("scored threats exist");
                html! {
                    <article class="threat" id={format!("threat-{}", threat.number)}>
                        <h3>{ threat.name.clone() }</h3>
                        <p class="coverage">{ coverage_text(handle, &t.coverage, false) }</p>
                        if t.gaps.is_empty() {
                            <p>{ handle.t("results.no_gaps") }</p>
                        } else {
                            <p>{ handle.t("results.gaps_behind") }</p>
                            <ul>{ for t.gaps.iter().filter_map(|g| catalog.sub_practice(g)).map(|s| html! {
                                <li>{ format!("{} {}", s.id, s.title) }</li>
                            }) }</ul>
                        }
                        <p>{ handle.t("results.cited") }</p>
                        <ul class="cited">{ for threat.cited.iter().map(|c| {
                            let title = catalog.sub_practice(&c.sub_practice).map(|s| s.title.clone()).unwrap_or_default();
                            html! {
                                <li>{ format!("{} {}", c.sub_practice, title) }
                                    if let Some(flag) = &c.flag { <span class="hint flag">{ format!(" {flag}") }</span> }
                                </li>
                            }
                        }) }</ul>
                    </article>
                }
            }) }
        </>
    }
}
