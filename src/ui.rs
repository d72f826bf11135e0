//! The Yew app (WebAssembly only). One reducer at the root ([`state`]), effects at the edge
//! ([`app`]), browser APIs only in [`browser`], and one small component per file.

pub mod app;
pub mod browser;
pub mod components;
pub mod hooks;
pub mod state;

use std::rc::Rc;

use yew::prelude::*;

use crate::content;
use crate::i18n::{self, Texts};

#[derive(Properties, PartialEq)]
struct BrokenProps {
    message: AttrValue,
    /// There is no app context here: the page reads its own texts.
    texts: Rc<Texts>,
}

/// Shown instead of the app when the built-in content does not load: never a blank page.
#[component(Broken)]
fn broken(props: &BrokenProps) -> Html {
    html! {
        <main class="broken">
            <h1>{ props.texts.get("broken.heading") }</h1>
            <p role="alert">{ props.message.clone() }</p>
            <p>{ props.texts.get("broken.nothing_changed") }</p>
        </main>
    }
}

/// Mounts the app into the page's `#app` element (or the body).
pub fn start() {
    let root = gloo::utils::document()
        .get_element_by_id("app")
        .unwrap_or_else(|| gloo::utils::body().into());
    let language = browser::language();
    // Asked for at once, so that it downloads while the settings file does.
    let bundle = (language != i18n::DEFAULT)
        .then(|| browser::fetch_text(&browser::language_file(&language)));
    yew::platform::spawn_local(async move {
        let (config, config_problem) = browser::load_config().await;
        let (texts, overlays, language_problem) = match bundle {
            None => (Texts::english(), None, None),
            Some(fetched) => match language_texts(fetched.await) {
                Ok((texts, bundle)) => {
                    browser::keep_offline(&browser::language_file(&language));
                    (texts, Some(bundle), None)
                }
                Err(_) => (
                    Texts::english(),
                    None,
                    i18n::about_language(&language, "language.unavailable")
                        .map(|text| (language.clone(), text)),
                ),
            },
        };
        browser::set_document_language(texts.language());
        let texts = Rc::new(texts);
        let built_in = match &overlays {
            Some(bundle) => content::built_in_translated(bundle.packs()),
            None => content::built_in(),
        };
        let catalog = match (built_in, config.pack.is_empty()) {
            (Err(e), _) => Err(e),
            (Ok(built_in), true) => Ok(built_in),
            (Ok(_), false) => match browser::fetch_text(&config.pack).await {
                Ok(Some(text)) => content::load(&config.pack, &text),
                Ok(None) => Err(content::ContentError {
                    file: config.pack.clone(),
                    problem: "the file is not on this site".into(),
                }),
                Err(problem) => Err(content::ContentError {
                    file: config.pack.clone(),
                    problem,
                }),
            },
        };
        let catalog = match catalog {
            Ok(c) => c,
            Err(e) => return show_broken(root, &e, texts),
        };
        browser::init_mode(config.storage, config.storage_choice);
        // The loading shell from index.html makes way for the app.
        root.set_text_content(None);
        browser::apply_colors(&config);
        let props = app::AppProps {
            catalog: Rc::new(catalog),
            config: Rc::new(config),
            texts,
            config_problem,
            language_problem,
        };
        yew::Renderer::<app::App>::with_root_and_props(root, props).render();
    });
}

/// The texts (and content overlays) of a fetched language file.
fn language_texts(
    fetched: Result<Option<String>, String>,
) -> Result<(Texts, i18n::Bundle), String> {
    let text = fetched?.ok_or("the language file is not on this site")?;
    let bundle = i18n::Bundle::parse(&text)?;
    Ok((Texts::from_bundle(&bundle)?, bundle))
}

/// Replaces the loading shell with the page that says which pack is broken, and how.
fn show_broken(root: web_sys::Element, error: &content::ContentError, texts: Rc<Texts>) {
    let props = BrokenProps {
        message: error.to_string().into(),
        texts,
    };
    root.set_text_content(None);
    yew::Renderer::<Broken>::with_root_and_props(root, props).render();
}
