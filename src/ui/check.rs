//! The webmaster's check page (`index.html?check`): this copy's settings file and content pack
//! read with the very checks the app uses, every mistake listed, and whether the copy is ready
//! to publish. It starts nothing else: no storage, no service worker.

use yew::prelude::*;

use crate::config::Settings;
use crate::i18n::{messages, Texts};

/// What the check found in the content pack.
pub enum PackCheck {
    BuiltIn {
        title: String,
        count: usize,
    },
    Fine {
        file: String,
        title: String,
        count: usize,
    },
    /// Every mistake, worded.
    Mistakes {
        file: String,
        errors: Vec<String>,
    },
    /// The settings file names the pack, so a settings file with mistakes comes first.
    AfterSettings,
}

/// The page, from what the checks found.
pub fn check_page(t: &Texts, settings: &Settings, pack: &PackCheck) -> Html {
    let settings_result = match (settings.problems.is_empty(), settings.found) {
        (false, _) => html! {
            <ul id="check-settings-problems">{ for settings.problems.iter().map(|p| html! {
                <li>{ messages::config_problem(t, p) }</li>
            }) }</ul>
        },
        (true, true) => {
            html! { <p id="check-settings-fine">{ t.get("host.check.settings_fine") }</p> }
        }
        (true, false) => {
            html! { <p id="check-settings-fine">{ t.get("host.check.settings_absent") }</p> }
        }
    };
    let count = |n: &usize| n.to_string();
    let pack_result = match pack {
        PackCheck::BuiltIn { title, count: n } => html! {
            <p id="check-pack-fine">{ t.fill("host.check.pack_built_in", &[("title", title), ("count", &count(n))]) }</p>
        },
        PackCheck::Fine {
            file,
            title,
            count: n,
        } => html! {
            <p id="check-pack-fine">{ t.fill("host.check.pack_fine", &[("file", file), ("title", title), ("count", &count(n))]) }</p>
        },
        PackCheck::Mistakes { file, errors } => html! {
            <>
                <p>{ t.fill("host.check.pack_mistakes", &[("file", file)]) }</p>
                <ul id="check-pack-problems">{ for errors.iter().map(|e| html! {
                    <li>{ e }</li>
                }) }</ul>
            </>
        },
        PackCheck::AfterSettings => html! { <p>{ t.get("host.check.pack_after_settings") }</p> },
    };
    let ready = settings.problems.is_empty()
        && matches!(pack, PackCheck::BuiltIn { .. } | PackCheck::Fine { .. });
    html! {
        <main id="main" class="check" aria-label="HICP Check">
            <h1>{ t.get("host.check.heading") }</h1>
            <p>{ t.get("host.check.intro") }</p>
            <section aria-labelledby="check-settings-h">
                <h2 id="check-settings-h">{ t.get("host.check.settings") }</h2>
                { settings_result }
            </section>
            <section aria-labelledby="check-pack-h">
                <h2 id="check-pack-h">{ t.get("host.check.pack") }</h2>
                { pack_result }
            </section>
            <p id="check-verdict" role="status" class={classes!((!ready).then_some("problem-text"))}>
                { t.get(if ready { "host.check.ready" } else { "host.check.not_ready" }) }
            </p>
        </main>
    }
}
