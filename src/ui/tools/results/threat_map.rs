//! The threat × practice map: the five threats down, the practices across, each cell the
//! coverage of that practice's sub-practices where HICP links it to the threat. A cell says
//! its figure in numbers as well as in colour, and opens the gaps behind it.

use yew::prelude::*;

use crate::domain::outlook::{threat_map, Cell};
use crate::domain::Assessment;
use crate::ui::tools::use_part;

#[derive(Properties, PartialEq)]
pub struct MapProps {
    pub assessment: std::rc::Rc<Assessment>,
}

/// The colour band of a coverage, for the cell's class: the number is always printed too.
fn band(percent: Option<u32>) -> &'static str {
    match percent {
        None => "cov-none",
        Some(0..=33) => "cov-low",
        Some(34..=66) => "cov-mid",
        Some(67..=99) => "cov-high",
        Some(_) => "cov-full",
    }
}

#[component(ThreatMapView)]
pub fn threat_map_view(props: &MapProps) -> Html {
    let handle = use_part();
    // The open cell, as (threat row, practice column).
    let open = use_state(|| None::<(usize, usize)>);
    let Some(results) = handle.results() else {
        return html! {};
    };
    let catalog = &handle.catalog;
    let map = threat_map(catalog, &props.assessment, results);
    let threat_name = |row: usize| {
        catalog
            .threat(&map.threats[row])
            .map(|t| t.name.clone())
            .unwrap_or_default()
    };
    let practice = |col: usize| catalog.practice(&map.practices[col]);
    let name = |row: usize, col: usize, cell: &Cell| -> String {
        let (threat, practice) = (
            threat_name(row),
            practice(col).map(|p| p.name.clone()).unwrap_or_default(),
        );
        match cell {
            Cell::NotLinked => handle.tf(
                "results.map.not_linked_name",
                &[("threat", &threat), ("practice", &practice)],
            ),
            Cell::Linked { coverage, gaps } => match coverage.percent() {
                Some(p) => handle.tf(
                    "results.map.cell_name",
                    &[
                        ("threat", &threat),
                        ("practice", &practice),
                        ("percent", &p.to_string()),
                        ("gaps", &gaps.len().to_string()),
                    ],
                ),
                None => handle.tf(
                    "results.map.unscored_name",
                    &[
                        ("threat", &threat),
                        ("practice", &practice),
                        ("gaps", &gaps.len().to_string()),
                    ],
                ),
            },
        }
    };
    let opened = (*open).and_then(|(row, col)| {
        let cell = map.cells.get(row)?.get(col)?;
        let Cell::Linked { gaps, .. } = cell else {
            return None;
        };
        Some((name(row, col, cell), gaps.clone()))
    });
    html! {
        <div class="threat-map">
            <div class="table-scroll" role="region" tabindex="0" aria-labelledby="map-heading">
                <table id="threat-map">
                    <caption class="visually-hidden">{ handle.t("results.map.caption") }</caption>
                    <thead><tr>
                        <td></td>
                        { for (0..map.practices.len()).filter_map(practice).map(|p| html! {
                            <th scope="col"><span aria-hidden="true">{ p.number }</span><span class="visually-hidden">{ format!("{}. {}", p.number, p.name) }</span></th>
                        }) }
                    </tr></thead>
                    <tbody>
                    { for map.cells.iter().enumerate().map(|(row, cells)| html! {
                        <tr>
                            <th scope="row">{ threat_name(row) }</th>
                            { for cells.iter().enumerate().map(|(col, cell)| {
                                let label = name(row, col, cell);
                                match cell {
                                    Cell::NotLinked => html! {
                                        <td class="cov-na" data-cell={format!("{row}-{col}")}><span aria-label={label} role="img">{ "–" }</span></td>
                                    },
                                    Cell::Linked { coverage, gaps } => {
                                        let percent = coverage.percent();
                                        let pressed = *open == Some((row, col));
                                        let onclick = {
                                            let open = open.clone();
                                            Callback::from(move |_| open.set((!pressed).then_some((row, col))))
                                        };
                                        html! {
                                            <td class={band(percent)} data-cell={format!("{row}-{col}")}>
                                                <button type="button" aria-label={label} aria-expanded={pressed.to_string()} aria-controls="map-gaps" {onclick}>
                                                    { percent.map_or_else(|| "·".to_owned(), |p| format!("{p}%")) }
                                                    if !gaps.is_empty() { <span class="cell-gaps">{ gaps.len() }</span> }
                                                </button>
                                            </td>
                                        }
                                    }
                                }
                            }) }
                        </tr>
                    }) }
                    </tbody>
                </table>
            </div>
            <p class="hint">{ handle.t("results.map.legend") }</p>
            <div id="map-gaps" aria-live="polite">
                if let Some((title, gaps)) = opened {
                    <h4>{ title }</h4>
                    if gaps.is_empty() {
                        <p>{ handle.t("results.no_gaps") }</p>
                    } else {
                        <ul>{ for gaps.iter().filter_map(|g| catalog.sub_practice(g)).map(|s| html! {
                            <li>{ format!("{} {}", s.id, s.title) }</li>
                        }) }</ul>
                    }
                }
            </div>
        </div>
    }
}
