//! OSCAL for compliance tools, beside the results: the assessment results for tools that read
//! only OSCAL 1.1, and a link to HICP itself in OSCAL as this copy of HICP Check serves it
//! (`oscal/index.html`, which lists the catalog, profiles, plans and mapping collections the
//! results point at), unless a host's own pack is in use. Static files, fetched only when
//! someone follows the link.

use yew::prelude::*;

use crate::domain::oscal::publish::index_path;
use crate::domain::Catalog;
use crate::ui::browser::package::host_pack;
use crate::ui::tools::Part;

pub(super) fn published(handle: &Part, catalog: &Catalog, on_older: Callback<MouseEvent>) -> Html {
    html! {
        <details class="fold no-print" id="oscal">
            <summary>{ handle.t("results.oscal.heading") }</summary>
            <p><button type="button" id="download-oscal-1-1" onclick={on_older}>{ handle.t("results.oscal.older") }</button></p>
            if let Some(href) = index_path(catalog).filter(|_| !host_pack()) {
                <p>{ handle.t("results.oscal.intro") }
                    <a {href} id="oscal-index" target="_blank" rel="noopener">{ handle.t("results.oscal.index") }</a></p>
            }
        </details>
    }
}
