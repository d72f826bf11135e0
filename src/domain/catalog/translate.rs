//! A catalogue in another language: a translation overlay (`format: "hicp-check-translation"`,
//! in a language file's `packs`) laid over it.
//!
//! Every text the overlay has replaces the catalogue's, matched by id; ids, tiers, points,
//! references and everything else stay the catalogue's. A text the overlay lacks stays in the
//! catalogue's language. An overlay that gives any text empty, or as something other than
//! text (null included), is refused whole, and the app then stays in English and says so.
//! That is stricter than validating the translated pack, which checks only some texts for
//! emptiness, and it means a translated catalogue validates whenever the catalogue did, and
//! needs no reading again.
//!
//! The app's catalogue has no lenses (`Catalog::lean`), its parts' has: an overlay's lens
//! texts are checked all the same, so that the app and its parts take or refuse the same
//! overlay.

use serde_json::Value;

use super::Catalog;

/// The overlay's entries of `section`: id and what it says for that id.
fn entries<'a>(overlay: &'a Value, section: &str) -> impl Iterator<Item = (&'a str, &'a Value)> {
    overlay
        .get(section)
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .map(|(id, v)| (id.as_str(), v))
}

/// Lays texts over a catalogue; `ok` until the overlay gives one that cannot be used.
struct Lay {
    ok: bool,
}

impl Lay {
    /// The overlay's text at `field` of `from`: `None` when it has none there, and marked not
    /// ok when what it has is not a text a person can read.
    fn text<'a>(&mut self, from: &'a Value, field: &str) -> Option<&'a str> {
        let value = from.get(field)?;
        let text = value.as_str().filter(|t| !t.trim().is_empty());
        self.ok &= text.is_some();
        text
    }

    /// Replaces `to` with the overlay's text at `field`, if it has one.
    fn put(&mut self, to: &mut String, from: &Value, field: &str) {
        if let Some(t) = self.text(from, field) {
            *to = t.to_owned();
        }
    }

    /// As [`Lay::put`], for a text the catalogue may lack.
    fn put_opt(&mut self, to: &mut Option<String>, from: &Value, field: &str) {
        if let Some(t) = self.text(from, field) {
            *to = Some(t.to_owned());
        }
    }
}

/// The entry of `list` whose id (`id_of`) is `id`.
fn find<'a, T>(list: &'a mut [T], id: &str, id_of: impl Fn(&T) -> &str) -> Option<&'a mut T> {
    list.iter_mut().find(|x| id_of(x) == id)
}

impl Catalog {
    /// This catalogue with the texts of `overlay` laid over it; `None` when the overlay gives
    /// a text that cannot be used (see the module's docs).
    pub fn translated(self, overlay: &Value) -> Option<Catalog> {
        let mut c = self;
        let mut lay = Lay { ok: true };
        let info = &mut c.info;
        lay.put(&mut info.title, overlay, "title");
        lay.put(&mut info.source, overlay, "source");
        lay.put(&mut info.language, overlay, "language");
        for (id, t) in entries(overlay, "answer_scale") {
            if let Some(x) = find(&mut c.scale.choices, id, |x| x.id.as_str()) {
                lay.put(&mut x.label, t, "label");
                lay.put(&mut x.description, t, "description");
            }
        }
        for (id, t) in entries(overlay, "tiers") {
            if let Some(x) = find(&mut c.tiers, id, |x| x.id.key()) {
                lay.put(&mut x.label, t, "label");
                lay.put(&mut x.source, t, "source");
            }
        }
        for (id, t) in entries(overlay, "sizing") {
            if let Some(f) = find(&mut c.sizing.factors, id, |x| x.id.as_str()) {
                lay.put(&mut f.label, t, "label");
                lay.put_opt(&mut f.unit, t, "unit");
                lay.put_opt(&mut f.note, t, "note");
                for (tier, band) in f.bands.iter_mut() {
                    lay.put(band, &t["bands"], tier.key());
                }
                for (choice, _) in entries(t, "choices") {
                    if let Some(x) = find(&mut f.choices, choice, |x| &x.id) {
                        lay.put(&mut x.label, &t["choices"], choice);
                    }
                }
            }
        }
        for (id, t) in entries(overlay, "threats") {
            if let Some(x) = find(&mut c.threats, id, |x| x.id.as_str()) {
                lay.put(&mut x.name, t, "name");
                lay.put(&mut x.summary, t, "summary");
                for (cited, _) in entries(t, "flags") {
                    if let Some(x) = find(&mut x.cited, cited, |x| x.sub_practice.as_str()) {
                        lay.put_opt(&mut x.flag, &t["flags"], cited);
                    }
                }
            }
        }
        for (id, t) in entries(overlay, "practices") {
            if let Some(x) = find(&mut c.practices, id, |x| x.id.as_str()) {
                lay.put(&mut x.name, t, "name");
                lay.put(&mut x.summary, t, "summary");
            }
        }
        for (id, t) in entries(overlay, "sub_practices") {
            if let Some(x) = find(&mut c.sub_practices, id, |x| x.id.as_str()) {
                lay.put(&mut x.title, t, "title");
                lay.put(&mut x.in_place, t, "in_place");
                lay.put(&mut x.why, t, "why");
                lay.put(&mut x.technical, t, "technical");
                if let Some(questions) = t.get("questions") {
                    let texts: Option<Vec<String>> = questions.as_array().and_then(|q| {
                        q.iter()
                            .map(|q| q.as_str().filter(|q| !q.trim().is_empty()))
                            .map(|q| q.map(str::to_owned))
                            .collect()
                    });
                    match texts.filter(|q| !q.is_empty()) {
                        Some(texts) => x.questions = texts,
                        None => lay.ok = false,
                    }
                }
                if let super::NistCsf::Printed(refs) = &mut x.nist_csf {
                    for (printed, _) in entries(t, "nist_flags") {
                        if let Some(r) = find(refs, printed, |r| &r.printed) {
                            lay.put_opt(&mut r.flag, &t["nist_flags"], printed);
                        }
                    }
                }
            }
        }
        for (id, t) in entries(overlay, "lenses") {
            let Some(lens) = find(&mut c.lenses, id, |x| &x.id) else {
                // Not in this catalogue (the app's, which has none): checked, not laid.
                lay.text(t, "name");
                lay.text(t, "note");
                for (item, _) in entries(t, "items") {
                    lay.text(&t["items"], item);
                }
                continue;
            };
            lay.put(&mut lens.name, t, "name");
            lay.put(&mut lens.note, t, "note");
            for (item, _) in entries(t, "items") {
                match find(&mut lens.items, item, |x| &x.id) {
                    Some(i) => lay.put(&mut i.name, &t["items"], item),
                    None => {
                        lay.text(&t["items"], item);
                    }
                }
            }
        }
        lay.ok.then_some(c)
    }
}
