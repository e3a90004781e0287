//! The comparison's runs as CSV files, a row per run.

use std::fmt::Write as _;
use std::path::Path;

use super::{CAUSES, RunFigures};

/// Writes one CSV file per scenario into `dir`, a row per run.
pub fn write_csv(dir: &Path, sides: &[(String, Vec<RunFigures>)]) -> std::io::Result<Vec<String>> {
    std::fs::create_dir_all(dir)?;
    let mut written = Vec::new();
    for (stem, runs) in sides {
        let mut text = String::from(
            "seed,outcome,days,objective_day,men_at_objective,siege_days,horses_obtained,men_home,horses_home",
        );
        for cause in CAUSES {
            let _ = write!(text, ",lost_{cause}");
        }
        text.push('\n');
        let opt = |x: Option<u32>| x.map_or(String::new(), |v| v.to_string());
        for r in runs {
            let _ = write!(
                text,
                "{},{},{},{},{},{},{},{},{}",
                r.seed,
                r.outcome,
                r.days,
                opt(r.objective_day),
                opt(r.men_at_objective),
                opt(r.siege_days),
                r.horses_obtained,
                r.men_home,
                r.horses_home
            );
            for l in r.losses {
                let _ = write!(text, ",{l}");
            }
            text.push('\n');
        }
        let path = dir.join(format!("{stem}.csv"));
        std::fs::write(&path, text)?;
        written.push(path.display().to_string());
    }
    Ok(written)
}
