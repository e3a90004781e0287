//! Checks a scenario beyond its syntax: references between entries, ranges, and feasibility,
//! each problem pointing at the file, line and column with what would be valid.

mod campaign;
mod map;
mod plan;
mod rules;

use std::collections::BTreeSet;

use super::source::{Problem, SourceFile};

pub use campaign::campaign;
pub use map::map;
pub use rules::rules;

/// The closest known name to `wrong`, if any is close enough to be a likely typo.
pub fn did_you_mean<'a>(wrong: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    known
        .into_iter()
        .map(|k| (strsim::levenshtein(wrong, k), k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 3))
        .min()
        .map(|(_, k)| k)
}

/// A finite number above zero.
pub(super) fn positive(x: f64) -> bool {
    x.is_finite() && x > 0.0
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

pub(super) fn check_share(
    src: &SourceFile,
    out: &mut Vec<Problem>,
    field: &str,
    value: f64,
    lo: f64,
    hi: f64,
) {
    if !(lo..=hi).contains(&value) || !value.is_finite() {
        let name = field.rsplit('.').next().unwrap_or(field);
        out.push(src.problem_at(
            &format!("{name}:"),
            field,
            format!("{value} is out of range; give a number from {lo} to {hi}"),
        ));
    }
}
