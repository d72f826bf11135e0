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
use crate::i18n::messages;
use crate::ui::browser;
use crate::ui::hooks::{use_assessment, AssessmentHandle};

fn percent(handle: &AssessmentHandle, c: &Coverage) -> String {
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
fn csf_function(handle: &AssessmentHandle, prefix: &str, name: &str) -> String {
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

#[derive(Properties, PartialEq)]
pub struct ViewProps {
    pub assessment: Rc<Assessment>,
}

#[component(Lenses)]
pub fn lenses(props: &ViewProps) -> Html {
    let handle = use_assessment();
    let catalog = handle.catalog.clone();
    let a = &props.assessment;
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
                                <td>{ percent(&handle, &r.coverage) }</td>
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
                <table>
                    <thead><tr><th scope="col">{ handle.t("views.csf.function") }</th><th scope="col">{ handle.t("views.coverage") }</th></tr></thead>
                    <tbody>
                    { for csf_results(&catalog, a).into_iter().map(|(prefix, name, c)| html! {
                        <tr data-testid={format!("csf-{prefix}")}><th scope="row">{ handle.tf("views.csf.row", &[("function", &csf_function(&handle, prefix, name)), ("prefix", prefix)]) }</th><td>{ percent(&handle, &c) }</td></tr>
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
    let summary = handle.tf(
        "views.look_back.summary",
        &[
            ("qualifying", &r.qualifying.len().to_string()),
            ("date", &human_date(&handle, r.window_start)),
            ("recent", &r.too_recent.len().to_string()),
            ("undated", &r.undated.len().to_string()),
            ("not_in_place", &r.not_in_place.to_string()),
        ],
    );
    let since = |id: &dyn std::fmt::Display, d: crate::domain::Date| {
        handle.tf(
            "views.look_back.since",
            &[("id", &id.to_string()), ("date", &human_date(&handle, d))],
        )
    };
    let list = |items: Vec<String>| html! { <ul>{ for items.into_iter().map(|t| html! { <li>{ t }</li> }) }</ul> };
    html! {
        <section id="look-back" aria-labelledby="look-back-h">
            <h3 id="look-back-h">{ handle.t("views.look_back.heading") }</h3>
            <p>{ handle.t("views.look_back.intro") }</p>
            <div class="field">
                <label for="look-back-date">{ handle.t("views.look_back.as_of") }</label>
                <input type="date" id="look-back-date" value={as_of.to_string()} onchange={on_date} />
            </div>
            <p id="look-back-summary">{ summary }</p>
            if !r.qualifying.is_empty() {
                <p>{ handle.t("views.look_back.qualifying") }</p>
                { list(r.qualifying.iter().map(|(id, d)| since(id, *d)).collect()) }
            }
            if !r.too_recent.is_empty() {
                <p>{ handle.t("views.look_back.too_recent") }</p>
                { list(r.too_recent.iter().map(|(id, d)| since(id, *d)).collect()) }
            }
            if !r.undated.is_empty() {
                <p>{ handle.t("views.look_back.undated") }</p>
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
        let (other, catalog, texts) = (other.clone(), handle.catalog.clone(), handle.texts.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            let (other, catalog, texts) = (other.clone(), catalog.clone(), texts.clone());
            yew::platform::spawn_local(async move {
                let name = file.name();
                let outcome = match browser::read_text(file).await {
                    Ok(text) => import(&catalog, &text)
                        .map(|a| (name, Rc::new(a)))
                        .map_err(|e| messages::import_error(&texts, &e)),
                    Err(e) => Err(texts.get(e.key()).to_owned()),
                };
                other.set(Some(outcome));
            });
        })
    };
    let catalog = &handle.catalog;
    let pct = |p: Option<u32>| {
        p.map(|p| handle.tf("views.percent", &[("percent", &p.to_string())]))
            .unwrap_or_else(|| "–".into())
    };
    let label = |c: Change| {
        handle.t(match c {
            Change::Improved => "views.compare.improved",
            Change::Slipped => "views.compare.slipped",
            Change::New => "views.compare.new",
            Change::NowNotApplicable => "views.compare.now_not_applicable",
            Change::NowUnanswered => "views.compare.now_unanswered",
        })
    };
    let choice = |c: &Option<crate::domain::ChoiceId>| {
        c.as_ref()
            .and_then(|c| catalog.scale().choice(c))
            .map(|c| c.label.clone())
            .unwrap_or_else(|| handle.t("views.compare.unanswered"))
    };
    html! {
        <section id="compare" aria-labelledby="compare-h">
            <h3 id="compare-h">{ handle.t("views.compare.heading") }</h3>
            <div class="field">
                <label for="compare-file">{ handle.t("views.compare.file") }</label>
                <input type="file" id="compare-file" accept=".json,application/json" {onchange} />
            </div>
            { match &*other {
                None => html! {},
                Some(Err(why)) => html! { <p class="banner problem" role="alert" id="compare-error">{ why.clone() }</p> },
                Some(Ok((name, before))) => {
                    let cmp = compare(catalog, before, &props.assessment);
                    html! {
                        <div id="compare-result" role="status">
                            <p id="compare-summary">{ handle.tf("views.compare.summary", &[
                                ("before", &pct(cmp.overall.0)), ("after", &pct(cmp.overall.1)),
                                ("improved", &cmp.count(Change::Improved).to_string()), ("slipped", &cmp.count(Change::Slipped).to_string()),
                                ("new", &cmp.count(Change::New).to_string()), ("name", name),
                            ]) }</p>
                            <table id="compare-changes">
                                <thead><tr><th scope="col">{ handle.t("views.compare.sub_practice") }</th><th scope="col">{ handle.t("views.compare.before") }</th><th scope="col">{ handle.t("views.compare.now") }</th><th scope="col">{ handle.t("views.compare.change") }</th></tr></thead>
                                <tbody>{ for cmp.changes.iter().map(|c| html! {
                                    <tr data-testid={format!("change-{}", c.sub_practice.as_str().replace('.', "-"))}>
                                        <th scope="row">{ c.sub_practice.to_string() }</th><td>{ choice(&c.before) }</td><td>{ choice(&c.after) }</td><td>{ label(c.change) }</td>
                                    </tr>
                                }) }</tbody>
                            </table>
                            <table id="compare-practices">
                                <thead><tr><th scope="col">{ handle.t("views.compare.practice_or_threat") }</th><th scope="col">{ handle.t("views.compare.before") }</th><th scope="col">{ handle.t("views.compare.now") }</th></tr></thead>
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
    let handle = use_assessment();
    let catalog = handle.catalog.clone();
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
            <h3 id="share-h">{ handle.t("views.share.heading") }</h3>
            <p>{ handle.t("views.share.intro") }</p>
            <div class="actions">
                <button type="button" id="share-preview" onclick={on_show} aria-expanded={shown.to_string()}>{ handle.t(if *shown { "views.share.hide" } else { "views.share.preview" }) }</button>
                <button type="button" id="share-download" onclick={on_download}>{ handle.t("views.share.download") }</button>
            </div>
            if *shown {
                <pre id="share-text" class="preview" tabindex="0" aria-label={handle.t("views.share.file")}>{ sanitized_text() }</pre>
            }
        </section>
    }
}
