//! Charts drawn by the app as SVG: no chart library, no images. Each chart has a text
//! equivalent beside it, so the SVG itself is hidden from screen readers.

use yew::prelude::*;

use crate::ui::tools::Part;

/// A percent as the chart prints it, or a dash when nothing is scored.
pub fn percent_text(handle: &Part, percent: Option<u32>) -> String {
    match percent {
        Some(p) => handle.tf("charts.percent", &[("percent", &p.to_string())]),
        None => handle.t("charts.not_scored"),
    }
}

/// The overall coverage as a ring; `None` draws an empty ring: nothing scored yet. Charts are
/// plain functions, not components: each component is a copy of Yew's generic code in the
/// app's wasm.
pub fn ring(handle: &Part, percent: Option<u32>) -> Html {
    let p = percent.unwrap_or(0).min(100);
    // Circumference of r=15.9155 is 100, so the dash length is the percent itself.
    let dash = format!("{p} {}", 100 - p);
    html! {
        <svg class="ring" viewBox="0 0 42 42" width="160" height="160" aria-hidden="true" focusable="false">
            <circle class="ring-track" cx="21" cy="21" r="15.9155" fill="none" stroke-width="6" />
            <circle class="ring-value" cx="21" cy="21" r="15.9155" fill="none" stroke-width="6"
                stroke-dasharray={dash} stroke-dashoffset="25" />
            <text x="21" y="23.5" text-anchor="middle" class="ring-text">
                { percent_text(handle, percent) }
            </text>
        </svg>
    }
}

/// Horizontal bars, one per row, 0-100 %: label and percent (`None`: nothing scored) for each.
pub fn bars(handle: &Part, bars: &[(String, Option<u32>)]) -> Html {
    let row_h = 22;
    let height = (bars.len() * row_h) as u32 + 4;
    html! {
        <svg class="bars" viewBox={format!("0 0 500 {height}")} width="100%" aria-hidden="true" focusable="false"
             preserveAspectRatio="xMinYMin meet">
            { for bars.iter().enumerate().map(|(i, (label, percent))| {
                let y = (i * row_h) as u32 + 2;
                let w = percent.unwrap_or(0).min(100) * 2;
                html! {
                    <g>
                        <text x="0" y={(y + 15).to_string()} class="bar-label">{ label.clone() }</text>
                        <rect x="250" y={(y + 3).to_string()} width="200" height="14" class="bar-track" />
                        <rect x="250" y={(y + 3).to_string()} width={w.to_string()} height="14" class="bar-value" />
                        <text x="458" y={(y + 15).to_string()} class="bar-text">
                            { percent_text(handle, *percent) }
                        </text>
                    </g>
                }
            }) }
        </svg>
    }
}
