//! The tools part: the tools that only one screen uses, in a wasm module of its own
//! (`src/bin/tools.rs`), so that a first visit does not download them:
//! - on the Work together screen, the coordinator's tools for working together without a
//!   server, preparing respondent files and merging the returned ones ([`team`]);
//! - the printable blank questionnaire ([`blank`]);
//! - the results screen and report ([`results`]), with its tools for files: comparing with
//!   an earlier file, the sanitized copy to share and the download under a passphrase
//!   ([`files`]).
//!
//! The app fetches it in the background once an assessment is open, or when one of those
//! screens opens first (`super::browser::parts`), and the service worker keeps it from then
//! on. The app's screen mounts it into an element
//! with `hicp-tools(element, input, save)`: `input` names the `view` (`team`, `results`, or
//! `blank` with its `tier`), carries the open assessment as a file (`assessment`; none for
//! the blank questionnaire), and what
//! the app's pack and texts were made from (as for the package worker: `pack_file`, `pack`,
//! `bundle`). The part never writes storage: it hands every change back through
//! `save(change, done)`, and the app calls `done(null)` once it has it, or `done(sentence)`
//! saying why not. A change is one of:
//! - `{assessment, ids, blobs}`: the whole assessment as a file, with any evidence files to
//!   keep (by item id);
//! - `{edit, id, value}`: a plan line's `owner` or `target` date (`""`: none) for one
//!   sub-practice;
//! - `{exported}`: the assessment was downloaded as a file at that time;
//! - `{package, passphrase}`: download the evidence package (sealed under `passphrase` when
//!   given), which only the app can make since it holds the evidence files; the app answers
//!   `{ok, said}`, what became of it in words;
//! - `{notice, problem}`: a sentence for the app's notice line, a problem or not;
//! - `{go}`: show the screen with this key (`blank:medium`, say).
//!
//! It reads a host's own pack for the app, too, which carries no pack reader:
//! `hicp-tools-pack(file, text, bundle)` gives the catalogue as lines (`Catalog::compact`) or
//! every mistake in the pack worded, an array of sentences.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;
use yew::AppHandle;

mod blank;
mod files;
mod results;
mod team;

use crate::domain::{
    export, import, score, Assessment, Catalog, Date, Results, SubPracticeId, Tier, Timestamp,
};
use crate::i18n::Texts;
use crate::ui::browser::page::now;

/// What every component of the part reads: the pack, the texts, the assessment, and the way
/// back to the app.
#[derive(Clone)]
pub struct Part {
    pub catalog: Rc<Catalog>,
    pub texts: Rc<Texts>,
    pub assessment: Rc<Assessment>,
    /// The assessment's results, on the results screen.
    results: Rc<Option<Results>>,
    save: Rc<Function>,
}

impl PartialEq for Part {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.assessment, &other.assessment) && Rc::ptr_eq(&self.save, &other.save)
    }
}

impl Part {
    pub fn t(&self, key: &str) -> String {
        self.texts.get(key).to_owned()
    }

    pub fn tf(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.texts.fill(key, args)
    }

    pub fn date(&self, d: Date) -> String {
        crate::ui::wording::human_date(&self.texts, d)
    }

    /// The organization's name, or the words for an unnamed one.
    pub fn name(&self) -> String {
        crate::ui::wording::display_name(&self.texts, &self.assessment.organization.name)
    }

    pub fn results(&self) -> Option<&Results> {
        self.results.as_ref().as_ref()
    }

    /// Hands `a` (and evidence files to keep, by item id) to the app; `Err` says why the app
    /// could not take it, and then nothing changed.
    pub async fn save(
        &self,
        a: &Assessment,
        files: &[(String, web_sys::Blob)],
    ) -> Result<(), String> {
        let (ids, blobs) = (Array::new(), Array::new());
        for (id, blob) in files {
            ids.push(&JsValue::from_str(id));
            blobs.push(blob);
        }
        let file = export(&self.catalog, a, &now());
        self.hand(&[
            ("assessment", JsValue::from_str(&file)),
            ("ids", ids.into()),
            ("blobs", blobs.into()),
        ])
        .await
    }

    /// Hands the app a change of another kind (see the module's docs), without waiting: a
    /// plan edit it cannot take is said in its notice line.
    fn tell(&self, change: Vec<(&'static str, JsValue)>) {
        let part = self.clone();
        yew::platform::spawn_local(async move {
            if let Err(why) = part.hand(&change).await {
                part.notify(true, why);
            }
        });
    }

    /// The owner (`"owner"`) or target date (`"target"`, `""` for none) of the plan line for
    /// `id`.
    pub fn edit_plan(&self, field: &'static str, id: &SubPracticeId, value: String) {
        self.tell(vec![
            ("edit", field.into()),
            ("id", id.as_str().into()),
            ("value", value.into()),
        ]);
    }

    /// The assessment was downloaded as a file `at` that time.
    pub fn exported(&self, at: &Timestamp) {
        self.tell(vec![("exported", at.as_str().into())]);
    }

    /// Has the app download the evidence package, sealed under `passphrase` when given;
    /// what became of it, in words (`Err`: nothing was downloaded).
    pub async fn package(&self, passphrase: Option<String>) -> Result<String, String> {
        let pass = passphrase.map_or(JsValue::UNDEFINED, JsValue::from);
        let answer = self
            .ask(&[("package", true.into()), ("passphrase", pass)])
            .await
            .unwrap_or_default();
        let field = |k: &str| Reflect::get(&answer, &k.into()).unwrap_or_default();
        let said = field("said")
            .as_string()
            .unwrap_or_else(|| self.t("failure.unreadable"));
        match field("ok").is_truthy() {
            true => Ok(said),
            false => Err(said),
        }
    }

    /// Has the app show the screen with this key (`ui::state::Screen::key`).
    pub fn go(&self, screen: String) {
        self.tell(vec![("go", screen.into())]);
    }

    /// A sentence for the app's notice line.
    pub fn notify(&self, problem: bool, text: String) {
        let part = self.clone();
        yew::platform::spawn_local(async move {
            let change = [("notice", text.into()), ("problem", problem.into())];
            let _ = part.hand(&change).await;
        });
    }

    /// Hands the app a change made of `fields`; `Err` says why the app could not take it.
    async fn hand(&self, fields: &[(&str, JsValue)]) -> Result<(), String> {
        match self.ask(fields).await {
            Ok(v) if v.is_null() || v.is_undefined() => Ok(()),
            Ok(v) => Err(v.as_string().unwrap_or_default()),
            Err(_) => Err(self.t("failure.unreadable")),
        }
    }

    /// Hands the app a change made of `fields` (those undefined left out), and gives what
    /// the app answered.
    async fn ask(&self, fields: &[(&str, JsValue)]) -> Result<JsValue, JsValue> {
        let change = Object::new();
        for (key, value) in fields.iter().filter(|(_, v)| !v.is_undefined()) {
            let _ = Reflect::set(&change, &JsValue::from_str(key), value);
        }
        JsFuture::from(Promise::new(&mut |done, _| {
            let _ = self.save.call2(&JsValue::NULL, &change, &done);
        }))
        .await
    }
}

#[hook]
pub fn use_part() -> Part {
    use_context::<Part>().expect("the tools part's root provides it")
}

/// Which screen's tools the part shows.
#[derive(Clone, Copy, PartialEq)]
enum View {
    Team,
    Results,
    Blank(Tier),
}

#[derive(Properties, PartialEq)]
pub struct ToolsPartProps {
    pub part: Part,
    view: View,
}

#[component(ToolsPart)]
fn tools_part(props: &ToolsPartProps) -> Html {
    html! {
        <ContextProvider<Part> context={props.part.clone()}>
            { match props.view {
                View::Team => team::team(),
                View::Results => html! { <results::Results /> },
                View::Blank(tier) => blank::blank(&props.part, tier),
            } }
        </ContextProvider<Part>>
    }
}

thread_local! {
    /// The part as mounted, and where: mounting again into the same element updates it.
    static MOUNTED: RefCell<Option<(web_sys::Element, AppHandle<ToolsPart>)>> = const { RefCell::new(None) };
}

/// Registers the part's entry functions on `window` (`hicp-tools`, `hicp-tools-unmount`) and
/// says it is ready.
pub fn register() {
    let window = gloo::utils::window();
    let entry = Closure::<dyn Fn(web_sys::Element, JsValue, Function) -> bool>::new(mount);
    let _ = Reflect::set(&window, &JsValue::from_str("hicp-tools"), entry.as_ref());
    entry.forget();
    let read = Closure::<dyn Fn(String, String, Option<String>) -> JsValue>::new(read_pack);
    let _ = Reflect::set(&window, &"hicp-tools-pack".into(), read.as_ref());
    read.forget();
    let unmount = Closure::<dyn Fn()>::new(unmount);
    let _ = Reflect::set(&window, &"hicp-tools-unmount".into(), unmount.as_ref());
    unmount.forget();
    if let Ok(ready) = web_sys::Event::new("hicp-tools-ready") {
        let _ = window.dispatch_event(&ready);
    }
}

/// A host's own pack (`file`, `text`), read and validated for the app, which does not carry
/// the code: the lines of [`Catalog::compact`], or every mistake in it worded in the language
/// of `bundle` (the language file, when the app uses one) as an array of sentences.
fn read_pack(file: String, text: String, bundle: Option<String>) -> JsValue {
    if let Ok(catalog) = crate::content::load(&file, &text) {
        return catalog.compact("-").into();
    }
    let texts = match bundle.map(|b| crate::i18n::Bundle::parse(&b)) {
        Some(Ok(bundle)) => {
            Texts::from_bundle(&bundle).unwrap_or_else(|_| Texts::english_complete())
        }
        _ => Texts::english_complete(),
    };
    crate::content::check(&file, &text)
        .iter()
        .map(|e| JsValue::from_str(&crate::i18n::messages::content_error(&texts, e)))
        .collect::<Array>()
        .into()
}

/// Takes the part off the page, with what it held (the assessment, a file compared, the
/// passphrase fields): its screen was left.
fn unmount() {
    if let Some((_, app)) = MOUNTED.with(|m| m.borrow_mut().take()) {
        app.destroy();
    }
}

#[component(Probe)]
fn probe() -> Html {
    html! {}
}

/// Yew numbers the roots it mounts, from 1 in each wasm module, and keeps the number on the
/// root's element (`__yew_subtree_id`); an event is handled by the app whose number the
/// closest numbered element carries. The part is mounted inside the main app's root, so its
/// root must not take a number the main app's has: it takes numbers (mounting nothing on a
/// detached element) until it is past them. The e2e tests of the team screen fail without.
fn past_the_app_roots() {
    let document = gloo::utils::document();
    let number = |e: &JsValue| {
        Reflect::get(e, &JsValue::from_str("__yew_subtree_id"))
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0)
    };
    let app = document
        .get_element_by_id("app")
        .map_or(0.0, |e| number(&e));
    let highest = app.max(document.body().map_or(0.0, |b| number(&b)));
    while let Ok(element) = document.create_element("div") {
        let probe = yew::Renderer::<Probe>::with_root(element.clone()).render();
        probe.destroy();
        if number(&element) > highest {
            break;
        }
    }
}

/// What the app's pack and texts are made from (as the package worker is told).
const SOURCES: [&str; 3] = ["pack_file", "pack", "bundle"];

/// The pack and texts made from what the app handed over last: the same for every change
/// while a page lives, so made once.
type Made = ([Option<String>; 3], Rc<Catalog>, Rc<Texts>);

/// The pack and texts the app's are made from `sources`, made again only when they differ.
fn made(sources: [Option<String>; 3]) -> Option<(Rc<Catalog>, Rc<Texts>)> {
    thread_local! {
        static MADE: RefCell<Option<Made>> = const { RefCell::new(None) };
    }
    if let Some(kept) = MADE.with(|m| {
        let m = m.borrow();
        let (from, catalog, texts) = m.as_ref()?;
        (*from == sources).then(|| (catalog.clone(), texts.clone()))
    }) {
        return Some(kept);
    }
    let (catalog, texts) = crate::content::made_from(&sources)?;
    let (catalog, texts) = (Rc::new(catalog), Rc::new(texts));
    crate::ui::browser::package::remember_sources(
        SOURCES
            .into_iter()
            .zip(sources.clone())
            .filter_map(|(k, v)| Some((k, v?)))
            .collect(),
    );
    MADE.with(|m| *m.borrow_mut() = Some((sources, catalog.clone(), texts.clone())));
    Some((catalog, texts))
}

/// Shows the part's `view` in `root` for the assessment in `input`, or updates it there;
/// `false` when it cannot (a pack, texts or assessment it cannot read), for the app to say so.
fn mount(root: web_sys::Element, input: JsValue, save: Function) -> bool {
    let text = |key: &str| {
        Reflect::get(&input, &JsValue::from_str(key))
            .ok()
            .and_then(|v| v.as_string())
    };
    let Some((catalog, texts)) = made(SOURCES.map(text)) else {
        return false;
    };
    let view = match text("view").as_deref() {
        Some("team") => View::Team,
        Some("results") => View::Results,
        Some("blank") => match text("tier").as_deref().and_then(Tier::from_key) {
            Some(tier) => View::Blank(tier),
            None => return false,
        },
        _ => return false,
    };
    let assessment = match (text("assessment"), view) {
        (Some(t), _) => import(&catalog, &t).ok(),
        (None, View::Blank(_)) => Some(Assessment::new(now())),
        (None, _) => None,
    };
    let Some(assessment) = assessment else {
        return false;
    };
    let results = (view == View::Results).then(|| score(&catalog, &assessment));
    let part = Part {
        catalog,
        texts,
        results: Rc::new(results),
        assessment: Rc::new(assessment),
        save: Rc::new(save),
    };
    MOUNTED.with(|m| {
        let mut m = m.borrow_mut();
        match m.as_mut() {
            Some((at, app)) if *at == root => app.update(ToolsPartProps { part, view }),
            _ => {
                if let Some((_, old)) = m.take() {
                    old.destroy();
                }
                past_the_app_roots();
                let app = yew::Renderer::<ToolsPart>::with_root_and_props(
                    root.clone(),
                    ToolsPartProps { part, view },
                )
                .render();
                *m = Some((root, app));
            }
        }
    });
    true
}
