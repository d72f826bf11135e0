//! A comparison with another assessment file (last year's, say): what improved, slipped or is
//! new, per sub-practice, practice and threat. The file is opened the one way files are.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::use_part;
use crate::domain::compare::{compare, Change};
use crate::domain::{Assessment, ImportError};
use crate::i18n::messages;
use crate::ui::opening::{self, Opened};

#[component(Compare)]
pub fn compare_view() -> Html {
    let handle = use_part();
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
                let outcome = match opening::open(&catalog, &texts, file).await {
                    Opened::Staged(staged) => Ok((name, staged.assessment)),
                    // As before the one way in: a protected file is not compared.
                    Opened::Locked(_) => Err(messages::import_error(
                        &texts,
                        &ImportError::NotAnAssessment,
                    )),
                    Opened::Refused { why, .. } => Err(why),
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
                    let cmp = compare(catalog, before, &handle.assessment);
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
