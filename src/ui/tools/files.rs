//! The results screen's tools for files: comparing with an earlier assessment file
//! ([`compare`]), the sanitized copy to share ([`share`]), and the download under a
//! passphrase ([`protect`]).

use yew::prelude::*;

mod compare;
mod protect;
mod share;

use super::use_part;

pub fn files() -> Html {
    html! {
        <>
            <compare::Compare />
            <share::Share />
            <protect::Protect />
        </>
    }
}
