//! A validated catalogue as plain lines of text, and back: how the app carries a pack without
//! reading JSON or validating at run time.
//!
//! - The built-in pack is compiled by `cargo run --bin compile-pack`, which reads and validates
//!   it with `crate::content` (the checks a host's pack gets), into
//!   `content/hicp-2018.compiled`; the app compiles that file in (`crate::content::COMPILED`).
//! - A host's own pack is read and validated by the tools part, which hands the app the same
//!   lines.
//!
//! Only [`Catalog::compact`] writes these lines, and only from a catalogue that validated, so
//! [`Catalog::from_compact`] trusts them: it checks their shape, not their content.
//!
//! One value per line, in a fixed order. A text has its backslashes doubled and its line
//! breaks written `\n`; an absent optional text is the line `\-`, which no text can be. A
//! list is its length, then its items; a yes or no is `1` or `0`; a tier is its key.

use super::pack::{
    CatalogParts, Choice, Citation, Lens, LensItem, NistCsf, NistRef, PackInfo, Practice, Scale,
    SubPractice, Threat, TierRule,
};
use super::Catalog;
use crate::domain::ids::{ChoiceId, FactorId, PracticeId, SubPracticeId, ThreatId};
use crate::domain::sizing::{FactorChoice, FactorKind, Lean, SizeFactor, Sizing};

mod lines;

use lines::{In, Out};

/// The first line of every compact catalogue: the format and its version.
pub const COMPACT_FORMAT: &str = "hicp-check-compiled/1";

impl Catalog {
    /// This catalogue as lines of text. `stamp` is the second line: what the lines were made
    /// from (`crate::content::stamp` of the pack's file, for the compiled built-in pack), or
    /// `-`.
    pub fn compact(&self, stamp: &str) -> String {
        let mut out = Out(String::new());
        out.raw(COMPACT_FORMAT);
        out.raw(stamp);
        let i = &self.info;
        for text in [
            &i.id,
            &i.content_version,
            &i.edition,
            &i.language,
            &i.title,
            &i.source,
        ] {
            out.text(text);
        }
        out.text(&self.scale.id);
        out.list(&self.scale.choices, |out, c| {
            out.text(c.id.as_str());
            out.text(&c.label);
            out.text(&c.description);
            out.opt_number(c.points);
            out.flag(c.applies);
            out.flag(c.task);
        });
        out.list(&self.tiers, |out, r| {
            out.raw(r.id.key());
            out.text(&r.label);
            out.text(&r.source);
            for tiers in [&r.required, &r.optional] {
                out.list(tiers, |out, t| out.raw(t.key()));
            }
        });
        let lean = |l: Lean| if l == Lean::Larger { "1" } else { "0" };
        out.raw(lean(self.sizing.gap_rule));
        out.raw(lean(self.sizing.tie_rule));
        out.list(&self.sizing.factors, |out, f| {
            out.text(f.id.as_str());
            out.text(&f.group);
            out.text(&f.label);
            out.number(f.kind as u32);
            out.list(&f.bands.iter().collect::<Vec<_>>(), |out, (tier, band)| {
                out.raw(tier.key());
                out.text(band);
            });
            out.opt(f.unit.as_deref());
            let ranges: Vec<_> = f.ranges.iter().collect();
            out.list(&ranges, |out, (tier, (min, max))| {
                out.raw(tier.key());
                out.number(*min);
                out.opt_number(*max);
            });
            out.list(&f.choices, |out, c| {
                out.text(&c.id);
                out.text(&c.label);
                out.raw(c.tier.key());
            });
            out.opt(f.note.as_deref());
        });
        out.list(&self.threats, |out, t| {
            out.text(t.id.as_str());
            out.number(t.number);
            out.text(&t.name);
            out.opt(t.name_2023.as_deref());
            out.confidence(t.name_2023_confidence);
            out.text(&t.summary);
            out.list(&t.cited, |out, c| {
                out.text(c.sub_practice.as_str());
                out.opt(c.flag.as_deref());
            });
        });
        out.list(&self.practices, |out, p| {
            out.text(p.id.as_str());
            out.number(p.number);
            out.text(&p.name);
            out.opt(p.name_tv2.as_deref());
            out.opt(p.name_2023.as_deref());
            out.confidence(p.name_2023_confidence);
            out.list(&p.threats, |out, t| out.text(t.as_str()));
            out.text(&p.summary);
        });
        out.list(&self.sub_practices, |out, s| {
            out.text(s.id.as_str());
            out.text(s.practice.as_str());
            out.raw(s.tier.key());
            out.text(&s.title);
            match &s.nist_csf {
                NistCsf::NotRecorded => out.raw("n"),
                NistCsf::NonePrinted => out.raw("0"),
                NistCsf::Printed(refs) => {
                    out.raw("p");
                    out.list(refs, |out, r| {
                        out.text(&r.printed);
                        out.opt(r.reads_as.as_deref());
                        out.opt(r.flag.as_deref());
                    });
                }
            }
            out.list(&s.questions, |out, q| out.text(q));
            for text in s.guidance() {
                out.text(text);
            }
        });
        out.list(&self.lenses, |out, l| {
            out.text(&l.id);
            out.text(&l.name);
            out.flag(l.provisional);
            out.text(&l.note);
            out.list(&l.items, |out, i| {
                for text in [&i.id, &i.label, &i.group, &i.name] {
                    out.text(text);
                }
                out.flag(i.name_confirmed);
                out.list(&i.sub_practices, |out, s| out.text(s.as_str()));
            });
        });
        out.0
    }

    /// The catalogue [`Catalog::compact`] wrote as `lines`; `None` when they are not shaped
    /// as it writes them (another version, say).
    pub fn from_compact(lines: &str) -> Option<Catalog> {
        // A line out of place marks the reader bad rather than returning at once: one check
        // at the end, instead of code to drop what was read so far at every line.
        let mut i = In {
            lines: lines.split('\n'),
            bad: false,
        };
        if i.raw() != COMPACT_FORMAT {
            return None;
        }
        i.raw();
        let info = PackInfo {
            id: i.text(),
            content_version: i.text(),
            edition: i.text(),
            language: i.text(),
            title: i.text(),
            source: i.text(),
        };
        let scale = Scale {
            id: i.text(),
            choices: i.list(|i| Choice {
                id: ChoiceId::new(i.text()),
                label: i.text(),
                description: i.text(),
                points: i.opt_number(),
                applies: i.flag(),
                task: i.flag(),
            }),
        };
        let tiers = i.list(|i| TierRule {
            id: i.tier(),
            label: i.text(),
            source: i.text(),
            required: i.list(In::tier),
            optional: i.list(In::tier),
        });
        let lean = |i: &mut In| {
            if i.flag() {
                Lean::Larger
            } else {
                Lean::Smaller
            }
        };
        let sizing = Sizing {
            gap_rule: lean(&mut i),
            tie_rule: lean(&mut i),
            factors: i.list(|i| SizeFactor {
                id: FactorId::new(i.text()),
                group: i.text(),
                label: i.text(),
                kind: {
                    let kind = match i.raw() {
                        "0" => Some(FactorKind::Bands),
                        "1" => Some(FactorKind::Count),
                        "2" => Some(FactorKind::Choices),
                        _ => None,
                    };
                    i.bad |= kind.is_none();
                    kind.unwrap_or(FactorKind::Bands)
                },
                bands: i.map(In::text),
                unit: i.opt(),
                ranges: i.map(|i| (i.number(), i.opt_number())),
                choices: i.list(|i| FactorChoice {
                    id: i.text(),
                    label: i.text(),
                    tier: i.tier(),
                }),
                note: i.opt(),
            }),
        };
        let threats = i.list(|i| Threat {
            id: ThreatId::new(i.text()),
            number: i.number(),
            name: i.text(),
            name_2023: i.opt(),
            name_2023_confidence: i.confidence(),
            summary: i.text(),
            cited: i.list(|i| Citation {
                sub_practice: SubPracticeId::new(i.text()),
                flag: i.opt(),
            }),
        });
        let practices = i.list(|i| Practice {
            id: PracticeId::new(i.text()),
            number: i.number(),
            name: i.text(),
            name_tv2: i.opt(),
            name_2023: i.opt(),
            name_2023_confidence: i.confidence(),
            threats: i.list(|i| ThreatId::new(i.text())),
            summary: i.text(),
        });
        let sub_practices = i.list(|i| SubPractice {
            id: SubPracticeId::new(i.text()),
            practice: PracticeId::new(i.text()),
            tier: i.tier(),
            title: i.text(),
            nist_csf: match i.raw() {
                "n" => NistCsf::NotRecorded,
                "0" => NistCsf::NonePrinted,
                line => {
                    i.bad |= line != "p";
                    NistCsf::Printed(i.list(|i| NistRef {
                        printed: i.text(),
                        reads_as: i.opt(),
                        flag: i.opt(),
                    }))
                }
            },
            questions: i.list(In::text),
            in_place: i.text(),
            why: i.text(),
            technical: i.text(),
        });
        let lenses = i.list(|i| Lens {
            id: i.text(),
            name: i.text(),
            provisional: i.flag(),
            note: i.text(),
            items: i.list(|i| LensItem {
                id: i.text(),
                label: i.text(),
                group: i.text(),
                name: i.text(),
                name_confirmed: i.flag(),
                sub_practices: i.list(|i| SubPracticeId::new(i.text())),
            }),
        });
        // What [`Catalog::compact`] writes ends with a line break: nothing after it.
        if i.bad || i.lines.next() != Some("") || i.lines.next().is_some() {
            return None;
        }
        Some(Catalog::assembled(CatalogParts {
            info,
            scale,
            tiers,
            sizing,
            threats,
            practices,
            sub_practices,
            lenses,
        }))
    }
}
