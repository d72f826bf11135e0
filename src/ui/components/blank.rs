//! A printable blank questionnaire for one tier, for walking through on paper with colleagues.

use yew::prelude::*;

use crate::domain::Tier;
use crate::ui::browser;
use crate::ui::hooks::use_assessment;
use crate::ui::state::Screen;

#[derive(Properties, PartialEq)]
pub struct BlankProps {
    pub tier: Tier,
}

#[component(Blank)]
pub fn blank(props: &BlankProps) -> Html {
    let handle = use_assessment();
    let catalog = handle.catalog.clone();
    let scope = catalog.in_scope(props.tier, false);
    let choose = |t: Tier| {
        let h = handle.clone();
        Callback::from(move |_| h.go(Screen::Blank(t)))
    };
    html! {
        <div class="blank">
            <h1 id="screen-heading" tabindex="-1">{ format!("Blank questionnaire: {} organizations", props.tier.label()) }</h1>
            <div class="actions no-print">
                { for Tier::ALL.into_iter().map(|t| html! {
                    <button type="button" id={format!("blank-{}", t.key())} onclick={choose(t)} aria-current={(t == props.tier).then_some("page")}>{ format!("{} ({})", t.label(), catalog.in_scope(t, false).len()) }</button>
                }) }
                <button type="button" class="primary" id="blank-print" onclick={Callback::from(|_| browser::print())}>{ "Print / save as PDF" }</button>
            </div>
            <p>{ format!("{} sub-practices of {}. For each, tick one answer and note who knows more.", scope.len(), catalog.info().title) }</p>
            <ol class="blank-list">
                { for scope.iter().map(|s| html! {
                    <li class="blank-item" data-testid="blank-item">
                        <p><strong>{ format!("{} {}", s.id, s.title) }</strong></p>
                        <p>{ s.questions[0].clone() }</p>
                        <p class="boxes" aria-hidden="true">{ for catalog.scale().choices.iter().map(|c| html! { <span>{ format!("\u{2610} {}", c.label) }</span> }) }</p>
                        <p class="lines">{ "Notes: ______________________________________________" }</p>
                    </li>
                }) }
            </ol>
        </div>
    }
}
