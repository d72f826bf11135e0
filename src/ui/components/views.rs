//! Other views of the open assessment, below the results: the HHS Cybersecurity Performance
//! Goals and NIST CSF lenses, the 12-month look-back, a comparison with another assessment
//! file, and a sanitized copy to share.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::files::file_stem;
use super::{date_change, human_date};
use crate::domain::compare::{compare, Change};
use crate::domain::lens::{csf_results, lens_results};
use crate::domain::lookback::look_back;
use crate::domain::{export, import, sanitized, Assessment, Coverage};
use crate::ui::browser;
use crate::ui::hooks::use_assessment;

fn percent(c: &Coverage) -> String {
    match c.percent() {
        Some(p) => format!("{p}% over {} answered", c.assessed),
        None if c.in_scope == 0 => "none in scope".into(),
        None => "not scored yet".into(),
    }
}

#[derive(Properties, PartialEq)]
pub struct ViewProps {
    pub assessment: Rc<Assessment>,
}

#[component(Lenses)]
pub fn lenses(props: &ViewProps) -> Html {
    let catalog = use_assessment().catalog;
    let a = &props.assessment;
    html! {
        <>
            { for catalog.lenses().iter().map(|lens| html! {
                <section class="lens" id={lens.id.replace('.', "-")} aria-labelledby={format!("{}-h", lens.id.replace('.', "-"))}>
                    <h3 id={format!("{}-h", lens.id.replace('.', "-"))}>
                        { lens.name.clone() }
                        if lens.provisional { <span class="tag provisional">{ " (provisional mapping)" }</span> }
                    </h3>
                    <p class="hint">{ lens.note.clone() }</p>
                    <table>
                        <thead><tr><th scope="col">{ "Goal" }</th><th scope="col">{ "Coverage" }</th><th scope="col">{ "Sub-practices in scope" }</th></tr></thead>
                        <tbody>
                        { for lens_results(&catalog, a, lens).into_iter().map(|r| html! {
                            <tr data-testid={format!("lens-{}", r.item.label)}>
                                <th scope="row">{ format!("{} {} ({})", r.item.label, r.item.name, r.item.group.to_lowercase()) }
                                    if !r.item.name_confirmed { <span class="hint">{ " name unconfirmed" }</span> }
                                </th>
                                <td>{ percent(&r.coverage) }</td>
                                <td>{ r.in_scope.iter().map(|id| id.to_string()).collect::<Vec<_>>().join(", ") }</td>
                            </tr>
                        }) }
                        </tbody>
                    </table>
                </section>
            }) }
            <section class="lens" id="lens-csf" aria-labelledby="lens-csf-h">
                <h3 id="lens-csf-h">{ "NIST Cybersecurity Framework functions" }</h3>
                <p class="hint">{ "From the NIST CSF v1.1 references HICP prints for medium and large sub-practices; small sub-practices carry none." }</p>
                <table>
                    <thead><tr><th scope="col">{ "Function" }</th><th scope="col">{ "Coverage" }</th></tr></thead>
                    <tbody>
                    { for csf_results(&catalog, a).into_iter().map(|(prefix, name, c)| html! {
                        <tr data-testid={format!("csf-{prefix}")}><th scope="row">{ format!("{name} ({prefix})") }</th><td>{ percent(&c) }</td></tr>
                    }) }
                    </tbody>
                </table>
            </section>
        </>
    }
}

#[component(LookBackView)]
pub fn look_back_view(props: &ViewProps) -> Html {
    let handle = use_assessment();
    let catalog = handle.catalog.clone();
    let as_of = use_state(|| browser::now().date());
    let on_date = {
        let as_of = as_of.clone();
        Callback::from(move |e: Event| {
            if let Some(Some(d)) = date_change(&e) {
                as_of.set(d);
            }
        })
    };
    let r = look_back(&catalog, &props.assessment, *as_of);
    let list = |items: Vec<String>| html! { <ul>{ for items.into_iter().map(|t| html! { <li>{ t }</li> }) }</ul> };
    html! {
        <section id="look-back" aria-labelledby="look-back-h">
            <h3 id="look-back-h">{ "Recognized security practices: the 12-month look-back" }</h3>
            <p>{ "A 2021 law (Public Law 116-321) asks HHS to consider recognized security practices, HICP among them, that were in place for the previous 12 months. From your \u{201c}in place since\u{201d} dates:" }</p>
            <div class="field">
                <label for="look-back-date">{ "As of" }</label>
                <input type="date" id="look-back-date" value={as_of.to_string()} onchange={on_date} />
            </div>
            <p id="look-back-summary">{ format!("{} in place since {} or earlier; {} in place more recently; {} in place with no date; {} not in place.",
                r.qualifying.len(), human_date(&handle, r.window_start), r.too_recent.len(), r.undated.len(), r.not_in_place) }</p>
            if !r.qualifying.is_empty() {
                <p>{ "In place for the whole 12 months:" }</p>
                { list(r.qualifying.iter().map(|(id, d)| format!("{id} (since {})", human_date(&handle, *d))).collect()) }
            }
            if !r.too_recent.is_empty() {
                <p>{ "In place, but not for the whole 12 months:" }</p>
                { list(r.too_recent.iter().map(|(id, d)| format!("{id} (since {})", human_date(&handle, *d))).collect()) }
            }
            if !r.undated.is_empty() {
                <p>{ "In place, with no date given (add one on the question to count it):" }</p>
                { list(r.undated.iter().map(|id| id.to_string()).collect()) }
            }
        </section>
    }
}

#[component(CompareView)]
pub fn compare_view(props: &ViewProps) -> Html {
    let handle = use_assessment();
    let other = use_state(|| None::<Result<(String, Rc<Assessment>), String>>);
    let onchange = {
        let (other, catalog) = (other.clone(), handle.catalog.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            let (other, catalog) = (other.clone(), catalog.clone());
            yew::platform::spawn_local(async move {
                let name = file.name();
                let outcome = match browser::read_text(file).await {
                    Ok(text) => import(&catalog, &text)
                        .map(|a| (name, Rc::new(a)))
                        .map_err(|e| e.to_string()),
                    Err(e) => Err(e),
                };
                other.set(Some(outcome));
            });
        })
    };
    let catalog = &handle.catalog;
    let pct = |p: Option<u32>| p.map(|p| format!("{p}%")).unwrap_or_else(|| "–".into());
    let label = |c: Change| match c {
        Change::Improved => "Improved",
        Change::Slipped => "Slipped",
        Change::New => "New answer",
        Change::NowNotApplicable => "Now not applicable",
        Change::NowUnanswered => "Now unanswered",
    };
    let choice = |c: &Option<crate::domain::ChoiceId>| {
        c.as_ref()
            .and_then(|c| catalog.scale().choice(c))
            .map(|c| c.label.clone())
            .unwrap_or_else(|| "Unanswered".into())
    };
    html! {
        <section id="compare" aria-labelledby="compare-h">
            <h3 id="compare-h">{ "Compare with an earlier assessment" }</h3>
            <div class="field">
                <label for="compare-file">{ "Open an earlier assessment file (.json) to compare with this one" }</label>
                <input type="file" id="compare-file" accept=".json,application/json" {onchange} />
            </div>
            { match &*other {
                None => html! {},
                Some(Err(why)) => html! { <p class="banner problem" role="alert" id="compare-error">{ why.clone() }</p> },
                Some(Ok((name, before))) => {
                    let cmp = compare(catalog, before, &props.assessment);
                    html! {
                        <div id="compare-result" role="status">
                            <p id="compare-summary">{ format!("Against \u{201c}{name}\u{201d}: overall {} \u{2192} {}; {} improved, {} slipped, {} new.",
                                pct(cmp.overall.0), pct(cmp.overall.1), cmp.count(Change::Improved), cmp.count(Change::Slipped), cmp.count(Change::New)) }</p>
                            <table id="compare-changes">
                                <thead><tr><th scope="col">{ "Sub-practice" }</th><th scope="col">{ "Before" }</th><th scope="col">{ "Now" }</th><th scope="col">{ "Change" }</th></tr></thead>
                                <tbody>{ for cmp.changes.iter().map(|c| html! {
                                    <tr data-testid={format!("change-{}", c.sub_practice.as_str().replace('.', "-"))}>
                                        <th scope="row">{ c.sub_practice.to_string() }</th><td>{ choice(&c.before) }</td><td>{ choice(&c.after) }</td><td>{ label(c.change) }</td>
                                    </tr>
                                }) }</tbody>
                            </table>
                            <table id="compare-practices">
                                <thead><tr><th scope="col">{ "Practice or threat" }</th><th scope="col">{ "Before" }</th><th scope="col">{ "Now" }</th></tr></thead>
                                <tbody>
                                { for cmp.practices.iter().filter_map(|(id, b, a)| Some((catalog.practice(id)?, b, a))).map(|(p, b, a)| html! {
                                    <tr><th scope="row">{ format!("{}. {}", p.number, p.name) }</th><td>{ pct(*b) }</td><td>{ pct(*a) }</td></tr>
                                }) }
                                { for cmp.threats.iter().filter_map(|(id, b, a)| Some((catalog.threat(id)?, b, a))).map(|(t, b, a)| html! {
                                    <tr><th scope="row">{ t.name.clone() }</th><td>{ pct(*b) }</td><td>{ pct(*a) }</td></tr>
                                }) }
                                </tbody>
                            </table>
                        </div>
                    }
                }
            } }
        </section>
    }
}

#[component(ShareView)]
pub fn share_view(props: &ViewProps) -> Html {
    let catalog = use_assessment().catalog;
    let shown = use_state(|| false);
    // Made when asked for, not on every render of the results.
    let sanitized_text = {
        let (catalog, a) = (catalog.clone(), props.assessment.clone());
        move || export(&catalog, &sanitized(&a), &browser::now())
    };
    let on_show = {
        let shown = shown.clone();
        Callback::from(move |_| shown.set(!*shown))
    };
    let on_download = {
        let make = sanitized_text.clone();
        Callback::from(move |_| {
            let stem = file_stem("shared", &browser::now().date().to_string());
            browser::download(&format!("{stem}.json"), "application/json", &make());
        })
    };
    html! {
        <section id="share" aria-labelledby="share-h">
            <h3 id="share-h">{ "Share without names" }</h3>
            <p>{ "A copy for a consultant, your association or a benchmark: it keeps the size, the answers, the \u{201c}in place since\u{201d} dates and the plan's target dates, and drops the organization's name, every note and every owner." }</p>
            <div class="actions">
                <button type="button" id="share-preview" onclick={on_show} aria-expanded={shown.to_string()}>{ if *shown { "Hide the preview" } else { "Preview exactly what the file holds" } }</button>
                <button type="button" id="share-download" onclick={on_download}>{ "Download the sanitized copy" }</button>
            </div>
            if *shown {
                <pre id="share-text" class="preview" tabindex="0" aria-label="The sanitized file">{ sanitized_text() }</pre>
            }
        </section>
    }
}
