//! The Yew app (WebAssembly only). One reducer at the root ([`state`]), effects at the edge
//! ([`app`]), persistence owned by the [`store`], browser APIs only under [`browser`], one
//! way to open a file ([`opening`]), and one small component per file.

pub mod app;
pub mod browser;
pub mod check;
pub mod components;
pub mod dom;
pub mod downloads;
pub mod evidence;
pub mod guidance;
pub mod hooks;
pub mod opening;
pub mod refused;
pub mod state;
pub mod store;
pub mod tools;
pub mod wording;

use std::rc::Rc;

use yew::prelude::*;

use crate::config::Settings;
use crate::content;
use crate::i18n::{self, Texts};
use browser::{embed, fetch, language, package, page, service_worker, storage};
use check::PackCheck;

#[derive(Properties, PartialEq)]
struct PageProps {
    content: Html,
}

/// A page shown instead of the app: a broken pack, a frame on a page not allowed, the check
/// page. It has no state and no context; one component serves them all.
#[component(Page)]
fn page_shown(props: &PageProps) -> Html {
    props.content.clone()
}

/// Replaces the loading shell with `content`.
fn show(root: web_sys::Element, content: Html) {
    root.set_text_content(None);
    yew::Renderer::<Page>::with_root_and_props(root, PageProps { content }).render();
}

/// Mounts the app into the page's `#app` element (or the body).
pub fn start() {
    let root = gloo::utils::document()
        .get_element_by_id("app")
        .unwrap_or_else(|| gloo::utils::body().into());
    let language = language::language();
    // Asked for at once, so that it downloads while the settings file does.
    let bundle =
        (language != i18n::DEFAULT).then(|| fetch::fetch_text(&language::language_file(&language)));
    yew::platform::spawn_local(async move {
        let settings = fetch::load_settings().await;
        let config = settings.config.clone();
        let fetched = match bundle {
            Some(fetched) => Some(language_texts(fetched.await)),
            None => None,
        };
        // The host's own pack, fetched once: read into a catalogue here, and checked for every
        // mistake on the check page.
        let pack_text = match config.pack.as_str() {
            "" => None,
            file => Some(host_pack_text(file).await),
        };
        // What the package worker needs to make the same pack and texts: the language file
        // here, the host's pack below (once the check page, which reads it too, is ruled out).
        let mut sources = Vec::new();
        let catalog = match &pack_text {
            None => Ok(None),
            Some(Ok(text)) => content::load(&config.pack, text).map(Some),
            Some(Err(e)) => Err(e.clone()),
        };
        // The language is used only when all of it works: its texts, and (unless the host
        // brings its own pack) its translation of the built-in pack. Otherwise English, and a
        // notice in the language chosen.
        let (texts, catalog, language_problem) = match (fetched, catalog) {
            (fetched, Err(e)) => {
                let texts = match fetched {
                    Some(Ok((texts, _, _))) => texts,
                    _ => Texts::english(),
                };
                (texts, Err(e), None)
            }
            (None, Ok(host)) => (
                Texts::english(),
                host.map_or_else(content::built_in_lean, Ok),
                None,
            ),
            (Some(Ok((texts, bundle, text))), Ok(host)) => {
                let translated = match host {
                    Some(pack) => Ok(pack),
                    None => content::built_in_translated(content::BUILT_IN_LEAN, bundle.packs()),
                };
                match translated {
                    Ok(catalog) => {
                        sources.push(("bundle", text));
                        service_worker::keep_offline(&language::language_file(&language));
                        (texts, Ok(catalog), None)
                    }
                    Err(_) => (
                        Texts::english(),
                        content::built_in_lean(),
                        unavailable(&language),
                    ),
                }
            }
            (Some(Err(_)), Ok(host)) => (
                Texts::english(),
                host.map_or_else(content::built_in_lean, Ok),
                unavailable(&language),
            ),
        };
        page::set_document_language(texts.language());
        let texts = Rc::new(texts);
        if page::check_requested() {
            let pack = pack_check(&settings, &catalog, pack_text.as_ref());
            return show(root, check::check_page(&texts, &settings, &pack));
        }
        if !embed::allowed_here(&config.embed_origins) {
            return show(root, refused::refused_page(&texts, &config.embed_origins));
        }
        let catalog = match catalog {
            Ok(c) => c,
            Err(e) => return show(root, broken_page(&texts, &e)),
        };
        if let Some(Ok(text)) = pack_text {
            sources.push(("pack_file", config.pack.clone()));
            sources.push(("pack", text));
        }
        package::remember_sources(sources);
        storage::init_mode(config.storage, config.storage_choice);
        // The loading shell from index.html makes way for the app.
        root.set_text_content(None);
        page::apply_colors(&config);
        let props = app::AppProps {
            catalog: Rc::new(catalog),
            config: Rc::new(config),
            texts,
            config_problems: Rc::new(settings.problems),
            language_problem,
        };
        yew::Renderer::<app::App>::with_root_and_props(root, props).render();
    });
}

/// Every mistake in the pack this copy runs, for the webmaster's check page: `pack_text` is
/// what fetching the host's pack gave, if it names one.
fn pack_check(
    settings: &Settings,
    catalog: &Result<crate::domain::Catalog, content::ContentError>,
    pack_text: Option<&Result<String, content::ContentError>>,
) -> PackCheck {
    let file = settings.config.pack.clone();
    if !settings.problems.is_empty() {
        return PackCheck::AfterSettings;
    }
    let fine = |c: &crate::domain::Catalog| (c.info().title.clone(), c.sub_practices().len());
    let errors = match (catalog, pack_text) {
        (Ok(c), None) => {
            let (title, count) = fine(c);
            return PackCheck::BuiltIn { title, count };
        }
        (Ok(c), Some(_)) => {
            let (title, count) = fine(c);
            return PackCheck::Fine { file, title, count };
        }
        (Err(_), Some(Ok(text))) => content::check(&file, text),
        (Err(e), _) => vec![e.clone()],
    };
    let file = errors.first().map_or(file, |e| e.file.clone());
    PackCheck::Mistakes { file, errors }
}

/// The text of the host's own content pack, named by its settings file.
async fn host_pack_text(file: &str) -> Result<String, content::ContentError> {
    match fetch::fetch_text(file).await {
        Ok(Some(text)) => Ok(text),
        Ok(None) => Err(content::ContentError {
            file: file.to_owned(),
            problem: content::ContentProblem::NotOnSite,
        }),
        Err(detail) => Err(content::ContentError {
            file: file.to_owned(),
            problem: content::ContentProblem::Unreachable { detail },
        }),
    }
}

/// The notice, in the language chosen, that it could not be loaded.
fn unavailable(language: &str) -> Option<(String, String)> {
    i18n::about_language(language, "language.unavailable").map(|text| (language.to_owned(), text))
}

/// The texts (and content overlays) of a fetched language file.
fn language_texts(
    fetched: Result<Option<String>, String>,
) -> Result<(Texts, i18n::Bundle, String), String> {
    let text = fetched?.ok_or("the language file is not on this site")?;
    let bundle = i18n::Bundle::parse(&text)?;
    Ok((Texts::from_bundle(&bundle)?, bundle, text))
}

/// The page that says which pack is broken, and how: never a blank page.
fn broken_page(texts: &Texts, error: &content::ContentError) -> Html {
    html! {
        <main class="broken">
            <h1>{ texts.get("broken.heading") }</h1>
            <p role="alert">{ i18n::messages::content_error(texts, error) }</p>
            <p>{ texts.get("broken.nothing_changed") }</p>
        </main>
    }
}
