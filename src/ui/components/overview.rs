//! What HICP covers, from the content pack: the five threats and the ten practices with how
//! many sub-practices each has per size.

use yew::prelude::*;

use crate::ui::hooks::use_assessment;

#[component(Overview)]
pub fn overview() -> Html {
    let catalog = use_assessment().catalog;
    let totals = catalog.tier_counts(None);
    html! {
        <section id="overview" aria-labelledby="overview-heading">
            <h2 id="overview-heading">{ "What HICP covers" }</h2>
            <p>{ format!("{}. It names five threats and ten practices against them, with {} sub-practices for small organizations, {} for medium and {} for large.",
                catalog.info().title, totals[0], totals[1], totals[2]) }</p>
            <h3>{ "The five threats" }</h3>
            <ol class="threats">
                { for catalog.threats().iter().map(|t| html! {
                    <li data-testid={format!("threat-{}", t.number)}>
                        <strong>{ t.name.clone() }</strong>{ " " }{ t.summary.clone() }
                    </li>
                }) }
            </ol>
            <h3>{ "The ten practices" }</h3>
            <table class="practices">
                <caption>{ "Sub-practices per organization size" }</caption>
                <thead><tr>
                    <th scope="col">{ "Practice" }</th>
                    <th scope="col">{ "Small" }</th>
                    <th scope="col">{ "Medium" }</th>
                    <th scope="col">{ "Large" }</th>
                </tr></thead>
                <tbody>
                    { for catalog.practices().iter().map(|p| {
                        let c = catalog.tier_counts(Some(&p.id));
                        html! {
                            <tr data-testid={format!("practice-{}", p.number)}>
                                <th scope="row">{ format!("{}. {}", p.number, p.name) }</th>
                                <td class="count-small">{ c[0] }</td>
                                <td class="count-medium">{ c[1] }</td>
                                <td class="count-large">{ c[2] }</td>
                            </tr>
                        }
                    }) }
                </tbody>
                <tfoot><tr data-testid="practice-totals">
                    <th scope="row">{ "All practices" }</th>
                    <td class="count-small">{ totals[0] }</td>
                    <td class="count-medium">{ totals[1] }</td>
                    <td class="count-large">{ totals[2] }</td>
                </tr></tfoot>
            </table>
        </section>
    }
}
