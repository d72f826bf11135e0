//! The interface language: which one to use, remembering the person's choice, and where a
//! language other than English is fetched from.

use super::storage;

/// The interface language: the person's choice, else the browser's if there is a table for
/// it, else English.
pub fn language() -> String {
    let available = crate::i18n::languages();
    let browser_lang = gloo::utils::window()
        .navigator()
        .language()
        .map(|l| l.split('-').next().unwrap_or("").to_ascii_lowercase());
    storage::chosen_language()
        .into_iter()
        .chain(browser_lang)
        .find(|l| available.contains(&l.as_str()))
        .unwrap_or_else(|| crate::i18n::DEFAULT.to_owned())
}

/// Remembers the person's language and reloads in it; answers are already saved.
pub fn set_language(code: &str) {
    storage::remember_language(code);
    let _ = gloo::utils::window().location().reload();
}

/// Where a language other than English is fetched from (written by scripts/postbuild.py).
pub fn language_file(code: &str) -> String {
    format!("lang/{code}.json")
}
