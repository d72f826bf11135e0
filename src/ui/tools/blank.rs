//! A printable blank questionnaire for one tier, for walking through on paper with colleagues.
//! The screen's heading is the app's (`ui::components::tools::blank_screen`).

use yew::prelude::*;

use super::Part;
use crate::domain::Tier;
use crate::ui::browser::page::print;

pub fn blank(handle: &Part, tier: Tier) -> Html {
    let catalog = handle.catalog.clone();
    let scope = catalog.in_scope(tier, false);
    let intro = handle.tf(
        "blank.intro",
        &[
            ("count", &scope.len().to_string()),
            ("title", &catalog.info().title),
        ],
    );
    let choose = |t: Tier| {
        let h = handle.clone();
        Callback::from(move |_| h.go(format!("blank:{}", t.key())))
    };
    html! {
        <>
            <div class="actions no-print">
                { for Tier::ALL.into_iter().map(|t| html! {
                    <button type="button" id={format!("blank-{}", t.key())} onclick={choose(t)} aria-current={(t == tier).then_some("page")}>{ handle.tf("blank.tier_button", &[("size", &catalog.tier_rule(t).label), ("count", &catalog.in_scope(t, false).len().to_string())]) }</button>
                }) }
                <button type="button" class="primary" id="blank-print" onclick={Callback::from(|_| print())}>{ handle.t("blank.print") }</button>
            </div>
            <p>{ intro }</p>
            <ol class="blank-list">
                { for scope.iter().map(|s| html! {
                    <li class="blank-item" data-testid="blank-item">
                        <p><strong>{ handle.tf("blank.item_title", &[("id", s.id.as_str()), ("title", &s.title)]) }</strong></p>
                        <p>{ s.questions[0].clone() }</p>
                        <p class="boxes" aria-hidden="true">{ for catalog.scale().choices.iter().map(|c| html! { <span>{ handle.tf("blank.box", &[("label", &c.label)]) }</span> }) }</p>
                        <p class="lines">{ handle.t("blank.notes") }</p>
                    </li>
                }) }
            </ol>
        </>
    }
}
