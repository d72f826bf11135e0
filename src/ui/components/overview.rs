//! What HICP covers, from the content pack: the five threats and the ten practices with how
//! many sub-practices each has per size.

use yew::prelude::*;

use crate::ui::browser::page;
use crate::ui::hooks::use_fixed;

/// Shown once the rest of the first screen has been painted: it is below the ways in, and
/// making its table's elements and laying them out took about 8 of the 60 ms from the app's
/// start to a usable Start button (measured on a cold load). Added under everything else, it
/// moves nothing on the page.
#[component(Overview)]
pub fn overview() -> Html {
    let handle = use_fixed();
    let shown = use_state(|| false);
    {
        let shown = shown.clone();
        use_effect_with((), move |_| page::after_paint(move || shown.set(true)));
    }
    if !*shown {
        return Html::default();
    }
    let catalog = handle.catalog.clone();
    let totals = catalog.tier_counts(None);
    let intro = handle.tf(
        "overview.intro",
        &[
            ("title", &catalog.info().title),
            ("small", &totals[0].to_string()),
            ("medium", &totals[1].to_string()),
            ("large", &totals[2].to_string()),
        ],
    );
    html! {
        <section id="overview" aria-labelledby="overview-heading">
            <h2 id="overview-heading">{ handle.t("overview.heading") }</h2>
            <p>{ intro }</p>
            <h3>{ handle.t("overview.threats") }</h3>
            <ol class="threats">
                { for catalog.threats().iter().map(|t| html! {
                    <li data-testid={format!("threat-{}", t.number)}>
                        <strong>{ t.name.clone() }</strong>{ " " }{ t.summary.clone() }
                    </li>
                }) }
            </ol>
            <h3>{ handle.t("overview.practices") }</h3>
            <table class="practices">
                <caption>{ handle.t("overview.caption") }</caption>
                <thead><tr>
                    <th scope="col">{ handle.t("overview.practice") }</th>
                    <th scope="col">{ handle.t("overview.small") }</th>
                    <th scope="col">{ handle.t("overview.medium") }</th>
                    <th scope="col">{ handle.t("overview.large") }</th>
                </tr></thead>
                <tbody>
                    { for catalog.practices().iter().map(|p| {
                        let c = catalog.tier_counts(Some(&p.id));
                        html! {
                            <tr data-testid={format!("practice-{}", p.number)}>
                                <th scope="row">{ handle.tf("overview.practice_name", &[("number", &p.number.to_string()), ("name", &p.name)]) }</th>
                                <td class="count-small">{ c[0] }</td>
                                <td class="count-medium">{ c[1] }</td>
                                <td class="count-large">{ c[2] }</td>
                            </tr>
                        }
                    }) }
                </tbody>
                <tfoot><tr data-testid="practice-totals">
                    <th scope="row">{ handle.t("overview.all_practices") }</th>
                    <td class="count-small">{ totals[0] }</td>
                    <td class="count-medium">{ totals[1] }</td>
                    <td class="count-large">{ totals[2] }</td>
                </tr></tfoot>
            </table>
        </section>
    }
}
