//! The coordinator's tools for working together without a server: preparing respondent files
//! ([`prepare`]), merging the returned ones ([`merge`]) and the plan by respondent ([`plan`]).

use yew::prelude::*;

mod merge;
mod plan;
mod prepare;

use super::{use_part, Part};

pub fn team() -> Html {
    html! {
        <>
            <prepare::Prepare />
            <prepare::Prepared />
            <merge::Merge />
            <plan::PlanByRespondent />
        </>
    }
}
