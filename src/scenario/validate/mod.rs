//! Checks a scenario beyond its syntax: references between entries, every number within its
//! bounds (counts that cannot overflow, finite non-negative stores, shares from 0 to 1, speeds
//! above 0, a ceiling on days), and feasibility, each problem pointing at the value's own file,
//! line and column, with what would be valid.

mod army;
mod campaign;
mod map;
mod muster;
mod objective;
mod plan;
mod rules;

use std::collections::BTreeSet;

pub use super::source::did_you_mean;
use super::source::{Problem, SourceFile};

pub use campaign::{campaign, routes_against_rules};
pub use map::map;
pub use rules::rules;

/// The most men of one arm, or in all, in a force or an event.
pub const MAX_MEN: u32 = 10_000_000;
/// The most animals of one kind in a force or an event.
pub const MAX_ANIMALS: u32 = 10_000_000;
/// The most people, households or soldiers of a state.
pub const MAX_PEOPLE: u32 = 100_000_000;
/// The most tonnes (or cubic metres) of a store.
pub const MAX_TONNES: f64 = 10_000_000.0;
/// The most days of anything: a campaign, a rest, a siege, a wait.
pub const MAX_DAYS: u32 = 36_500;
/// The most bolts of silk or jin of gold.
pub const MAX_TREASURE: u32 = 1_000_000_000;

/// A number for a message: plain where it is short, with an exponent where it is huge or tiny.
pub fn num(x: f64) -> String {
    if x.is_finite() && x != 0.0 && !(1e-4..1e9).contains(&x.abs()) {
        format!("{x:e}")
    } else {
        format!("{x}")
    }
}

/// Whether a name can be written in the terminal's words: not empty, no quotes, braces or
/// semicolons.
pub fn writable_name(name: &str) -> bool {
    !name.trim().is_empty() && !name.contains(['"', '{', '}', ';'])
}

pub(super) fn unknown(kind: &str, wrong: &str, known: &BTreeSet<&str>) -> String {
    match did_you_mean(wrong, known.iter().copied()) {
        Some(k) => format!("no {kind} '{wrong}'; did you mean '{k}'?"),
        None => {
            let list: Vec<&str> = known.iter().copied().take(12).collect();
            format!("no {kind} '{wrong}'; known: {}", list.join(", "))
        }
    }
}

/// The problems found in one file.
pub(super) struct Checker<'a> {
    pub(super) src: &'a SourceFile,
    pub(super) out: Vec<Problem>,
}

impl<'a> Checker<'a> {
    pub(super) fn new(src: &'a SourceFile) -> Self {
        Checker {
            src,
            out: Vec::new(),
        }
    }

    /// A problem with the value at `field`: the first found for a field is the one told.
    pub(super) fn problem(&mut self, field: impl AsRef<str>, message: impl Into<String>) {
        let field = field.as_ref();
        if self.out.iter().any(|p| p.field == field) {
            return;
        }
        let p = self.src.problem(field, message);
        self.out.push(p);
    }

    /// A number from `lo` to `hi`.
    pub(super) fn within(&mut self, field: impl AsRef<str>, value: f64, lo: f64, hi: f64) {
        if !(value.is_finite() && value >= lo && value <= hi) {
            let field = field.as_ref();
            self.problem(
                field,
                format!(
                    "{} is out of range; give a number from {} to {}",
                    num(value),
                    num(lo),
                    num(hi)
                ),
            );
        }
    }

    /// A share from 0 to 1.
    pub(super) fn share(&mut self, field: impl AsRef<str>, value: f64) {
        self.within(field, value, 0.0, 1.0);
    }

    /// A number above 0 and at most `hi`.
    pub(super) fn positive(&mut self, field: impl AsRef<str>, value: f64, hi: f64) {
        if !(value.is_finite() && value > 0.0 && value <= hi) {
            let field = field.as_ref();
            self.problem(
                field,
                format!(
                    "{} is out of range; give a number above 0 and at most {}",
                    num(value),
                    num(hi)
                ),
            );
        }
    }

    /// A whole number from `lo` to `hi`.
    pub(super) fn count(&mut self, field: impl AsRef<str>, value: u32, lo: u32, hi: u32) {
        if !(lo..=hi).contains(&value) {
            let field = field.as_ref();
            self.problem(
                field,
                format!("{value} is out of range; give a whole number from {lo} to {hi}"),
            );
        }
    }

    /// Every number of the file is finite (no `inf`, no `NaN`).
    pub(super) fn finite_everywhere(&mut self) {
        let Ok(value) = ron::from_str::<ron::Value>(&self.src.text) else {
            return;
        };
        let mut bad = Vec::new();
        non_finite(&value, String::new(), &mut bad);
        for field in bad {
            let written = self.src.value_text(&field).unwrap_or("it").to_string();
            self.problem(
                field,
                format!("`{written}` is not a finite number; give a number such as 1.5"),
            );
        }
    }
}

/// The paths of the non-finite numbers in a parsed RON value.
fn non_finite(value: &ron::Value, path: String, out: &mut Vec<String>) {
    match value {
        ron::Value::Number(n) if !(*n).into_f64().is_finite() => out.push(path),
        ron::Value::Seq(items) => {
            for (i, v) in items.iter().enumerate() {
                non_finite(v, format!("{path}[{i}]"), out);
            }
        }
        ron::Value::Map(fields) => {
            for (k, v) in fields.iter() {
                let key = match k {
                    ron::Value::String(s) => s.clone(),
                    _ => continue,
                };
                let sub = if path.is_empty() {
                    key
                } else {
                    format!("{path}.{key}")
                };
                non_finite(v, sub, out);
            }
        }
        ron::Value::Option(Some(v)) => non_finite(v, path, out),
        _ => {}
    }
}
