//! The open assessment through other frameworks' eyes: the HHS Cybersecurity Performance Goals
//! (and any other lens the pack brings) and the NIST CSF functions.

use yew::prelude::*;

use crate::domain::lens::{csf_results, csf_unreferenced, lens_results};
use crate::domain::{Assessment, Catalog, Coverage};
use crate::ui::tools::Part;

fn percent(handle: &Part, c: &Coverage) -> String {
    match c.percent() {
        Some(p) => handle.tf(
            "views.coverage.scored",
            &[
                ("percent", &p.to_string()),
                ("answered", &c.assessed.to_string()),
            ],
        ),
        None if c.in_scope == 0 => handle.t("views.coverage.none_in_scope"),
        None => handle.t("views.coverage.not_scored"),
    }
}

/// A NIST CSF function's name in the person's language, by its prefix; the domain's English
/// name for a prefix this table does not know.
fn csf_function(handle: &Part, prefix: &str, name: &str) -> String {
    let key = match prefix {
        "ID" => "views.csf.identify",
        "PR" => "views.csf.protect",
        "DE" => "views.csf.detect",
        "RS" => "views.csf.respond",
        "RC" => "views.csf.recover",
        _ => return name.to_owned(),
    };
    handle.t(key)
}

pub fn lenses(handle: &Part, a: &Assessment) -> Html {
    let catalog = handle.catalog.clone();
    html! {
        <>
            { for catalog.lenses().iter().map(|lens| html! {
                <section class="lens" id={lens.id.replace('.', "-")} aria-labelledby={format!("{}-h", lens.id.replace('.', "-"))}>
                    <h3 id={format!("{}-h", lens.id.replace('.', "-"))}>
                        { lens.name.clone() }
                        if lens.provisional { <span class="tag provisional">{ handle.t("views.lens.provisional") }</span> }
                    </h3>
                    <p class="hint">{ lens.note.clone() }</p>
                    <table>
                        <thead><tr><th scope="col">{ handle.t("views.lens.goal") }</th><th scope="col">{ handle.t("views.coverage") }</th><th scope="col">{ handle.t("views.lens.in_scope") }</th></tr></thead>
                        <tbody>
                        { for lens_results(&catalog, a, lens).into_iter().map(|r| html! {
                            <tr data-testid={format!("lens-{}", r.item.label)}>
                                <th scope="row">{ format!("{} {} ({})", r.item.label, r.item.name, r.item.group.to_lowercase()) }
                                    if !r.item.name_confirmed { <span class="hint">{ handle.t("views.lens.name_unconfirmed") }</span> }
                                </th>
                                <td>{ percent(handle, &r.coverage) }</td>
                                <td>{ r.in_scope.iter().map(|id| id.to_string()).collect::<Vec<_>>().join(", ") }</td>
                            </tr>
                        }) }
                        </tbody>
                    </table>
                </section>
            }) }
            <section class="lens" id="lens-csf" aria-labelledby="lens-csf-h">
                <h3 id="lens-csf-h">{ handle.t("views.csf.heading") }</h3>
                <p class="hint">{ handle.t("views.csf.note") }</p>
                { unreferenced(handle, &catalog, a) }
                <table>
                    <thead><tr><th scope="col">{ handle.t("views.csf.function") }</th><th scope="col">{ handle.t("views.coverage") }</th></tr></thead>
                    <tbody>
                    { for csf_results(&catalog, a).into_iter().map(|(prefix, name, c)| html! {
                        <tr data-testid={format!("csf-{prefix}")}><th scope="row">{ handle.tf("views.csf.row", &[("function", &csf_function(handle, prefix, name)), ("prefix", prefix)]) }</th><td>{ percent(handle, &c) }</td></tr>
                    }) }
                    </tbody>
                </table>
            </section>
        </>
    }
}

/// How many in-scope sub-practices count under no function, each reason on its own line.
fn unreferenced(handle: &Part, catalog: &Catalog, a: &Assessment) -> Html {
    let gaps = csf_unreferenced(catalog, a);
    let total = gaps.in_scope.to_string();
    let line = |key: &str, count: usize| {
        (count > 0).then(|| {
            let text = handle.tf(key, &[("count", &count.to_string()), ("total", &total)]);
            html! { <p class="hint" data-testid={key.replace('.', "-")}>{ text }</p> }
        })
    };
    html! {
        <>
            { line("views.csf.not_recorded", gaps.not_recorded) }
            { line("views.csf.none_printed", gaps.none_printed) }
        </>
    }
}
