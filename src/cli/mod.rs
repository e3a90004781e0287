//! The command line's commands that are more than a call into the library: writing output
//! ([`output`]), `compare` ([`compare`]) and `validate` ([`validate`]).

pub mod compare;
pub mod output;
pub mod validate;

use heavenly_horses::scenario::Scenario;

use output::err;

/// Loads a scenario, or says why not (each problem with its line and a caret).
pub fn load(path: &std::path::Path) -> Option<Scenario> {
    match Scenario::load(path) {
        Ok(s) => Some(s),
        Err(e) => {
            err(&format!(
                "error: the scenario did not load:\n{}",
                e.render().trim_end()
            ));
            None
        }
    }
}
