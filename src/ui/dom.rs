//! What form fields give and what the page's ids are made of.

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The value of the input or textarea an event came from.
pub fn input_value(e: &Event) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

/// A date field's change: `Some(None)` when cleared, `Some(Some(date))` for a date HICP Check
/// accepts, `None` to ignore. Browsers report a change while a year is still being typed
/// ("0002-12-31"); ignoring it keeps the field from being reset under the person's fingers.
pub fn date_change(e: &Event) -> Option<Option<crate::domain::Date>> {
    let raw = input_value(e);
    if raw.is_empty() {
        Some(None)
    } else {
        raw.parse().ok().map(Some)
    }
}

/// A DOM id made from a stable id: `1.S.A` becomes `1-S-A`.
pub fn dom_id(id: &str) -> String {
    id.replace('.', "-")
}
