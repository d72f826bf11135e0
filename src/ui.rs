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
use crate::domain::Catalog;
use crate::i18n::{self, Texts};
use browser::{embed, fetch, language, package, page, parts, service_worker, storage};
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
    // First: the host's settings, usually already asked for by the page's loader, are read
    // while the language is found (which reads the browser's storage).
    let settings = fetch::load_settings();
    let language = language::language();
    // Asked for at once, so that it downloads while the settings file does.
    let bundle =
        (language != i18n::DEFAULT).then(|| fetch::fetch_text(&language::language_file(&language)));
    yew::platform::spawn_local(async move {
        let settings = settings.await;
        let config = settings.config.clone();
        let fetched = match bundle {
            Some(fetched) => Some(language_texts(fetched.await)),
            None => None,
        };
        // What the parts of the app that run on their own (the package worker, the tools part)
        // need to make the same pack and texts: the language file and the host's pack, each
        // when used.
        let mut sources = Vec::new();
        // The language is used when all of it works: its texts, and (unless the host brings
        // its own pack) its translation of the built-in pack. Otherwise English, and a notice
        // in the language chosen.
        let mut built_in = None;
        let (texts, language_problem) = match fetched {
            None => (Texts::english(), None),
            Some(Ok((texts, bundle, text))) => {
                let refused = config.pack.is_empty() && {
                    built_in = content::translated(content::built_in_lean(), bundle.packs());
                    built_in.is_none()
                };
                if refused {
                    (Texts::english(), unavailable(&language))
                } else {
                    sources.push(("bundle", text));
                    service_worker::keep_offline(&language::language_file(&language));
                    (texts, None)
                }
            }
            Some(Err(_)) => (Texts::english(), unavailable(&language)),
        };
        page::set_document_language(texts.language());
        let texts = Rc::new(texts);
        if page::check_requested() {
            let catalog = catalog(&texts, &config.pack, built_in.take(), &mut sources).await;
            let pack = pack_check(&settings, &catalog);
            return show(root, check::check_page(&texts, &settings, &pack));
        }
        if !embed::allowed_here(&config.embed_origins) {
            return show(root, refused::refused_page(&texts, &config.embed_origins));
        }
        let catalog = match catalog(&texts, &config.pack, built_in.take(), &mut sources).await {
            Ok(c) => c,
            Err((_, mistakes)) => return show(root, broken_page(&texts, &mistakes[0])),
        };
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

/// A pack that could not be used: its file, and every mistake in it worded (never none).
type Unusable = (String, Vec<String>);

/// The pack this copy runs: the built-in one, compiled in (read and validated at build time),
/// or `built_in` when the language chosen translated it; or the host's own pack `file`, fetched
/// and read by the tools part (which the app then needs on every visit), which hands back the
/// catalogue or every mistake, worded. The host's pack joins `sources` once it reads.
async fn catalog(
    texts: &Texts,
    file: &str,
    built_in: Option<Catalog>,
    sources: &mut Vec<(&'static str, String)>,
) -> Result<Catalog, Unusable> {
    if file.is_empty() {
        return Ok(built_in.unwrap_or_else(content::built_in_lean));
    }
    let text = host_pack_text(texts, file).await?;
    let bundle = sources.iter().find(|(k, _)| *k == "bundle");
    let catalog = host_pack(texts, file, &text, bundle.map(|(_, b)| b.as_str())).await?;
    sources.push(("pack_file", file.to_owned()));
    sources.push(("pack", text));
    Ok(catalog)
}

/// What the webmaster's check page says of the pack this copy runs.
fn pack_check(settings: &Settings, catalog: &Result<Catalog, Unusable>) -> PackCheck {
    let file = settings.config.pack.clone();
    if !settings.problems.is_empty() {
        return PackCheck::AfterSettings;
    }
    match catalog {
        Ok(c) => {
            let (title, count) = (c.info().title.clone(), c.sub_practices().len());
            if file.is_empty() {
                PackCheck::BuiltIn { title, count }
            } else {
                PackCheck::Fine { file, title, count }
            }
        }
        Err((file, errors)) => PackCheck::Mistakes {
            file: file.clone(),
            errors: errors.clone(),
        },
    }
}

/// The text of the host's own content pack, named by its settings file.
async fn host_pack_text(texts: &Texts, file: &str) -> Result<String, Unusable> {
    let problem = match fetch::fetch_text(file).await {
        Ok(Some(text)) => return Ok(text),
        Ok(None) => texts.get("content.not_on_site").to_owned(),
        Err(detail) => detail,
    };
    Err(unusable(texts, file, &problem))
}

/// The host's pack `text`, read and validated by the tools part (with the language file
/// `bundle`, when the app uses one, to word its mistakes).
async fn host_pack(
    texts: &Texts,
    file: &str,
    text: &str,
    bundle: Option<&str>,
) -> Result<Catalog, Unusable> {
    let Some(read) = parts::load("tools")
        .await
        .and_then(|_| parts::registered("hicp-tools-pack"))
    else {
        return Err(unreadable(texts, file));
    };
    let reply = read.call3(
        &wasm_bindgen::JsValue::NULL,
        &file.into(),
        &text.into(),
        &bundle.map_or(wasm_bindgen::JsValue::NULL, Into::into),
    );
    // The lines of the catalogue, or an array of its mistakes worded. Anything else (a part
    // that failed, or of another version whose lines this app cannot read) is a pack that
    // could not be read.
    let reply = reply.unwrap_or_default();
    if let Some(lines) = reply.as_string() {
        return Catalog::from_compact(&lines).ok_or_else(|| unreadable(texts, file));
    }
    let mistakes: Vec<String> = if js_sys::Array::is_array(&reply) {
        let list = js_sys::Array::from(&reply);
        list.iter().filter_map(|m| m.as_string()).collect()
    } else {
        Vec::new()
    };
    if mistakes.is_empty() {
        return Err(unreadable(texts, file));
    }
    Err((file.to_owned(), mistakes))
}

/// A pack the tools part could not be loaded to read (offline before its first use, say).
fn unreadable(texts: &Texts, file: &str) -> Unusable {
    let worded = texts.fill("content.reader_unavailable", &[("file", file)]);
    (file.to_owned(), vec![worded])
}

/// A pack that could not be used, for `problem`.
fn unusable(texts: &Texts, file: &str, problem: &str) -> Unusable {
    let worded = i18n::messages::broken_pack(texts, file, problem);
    (file.to_owned(), vec![worded])
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

/// The page that says which pack is broken, and how (`mistake`, worded): never a blank page.
fn broken_page(texts: &Texts, mistake: &str) -> Html {
    html! {
        <main id="main" class="broken">
            <h1>{ texts.get("broken.heading") }</h1>
            <p role="alert">{ mistake }</p>
            <p>{ texts.get("broken.nothing_changed") }</p>
        </main>
    }
}
