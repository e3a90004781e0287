//! The comparison's runs as CSV files, a row per run.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::{CAUSES, RunFigures};

/// The CSV file's name of each campaign file: its stem, `.csv`, made unique by `-2`, `-3`, … where
/// two campaigns share a name (`a/x.ron b/x.ron`, or the same file twice).
pub fn csv_names(paths: &[PathBuf]) -> Vec<String> {
    let mut taken = BTreeSet::new();
    paths
        .iter()
        .map(|p| {
            let stem = p
                .file_stem()
                .map_or("scenario".into(), |s| s.to_string_lossy().into_owned());
            let name = (1..)
                .map(|i| {
                    if i == 1 {
                        format!("{stem}.csv")
                    } else {
                        format!("{stem}-{i}.csv")
                    }
                })
                .find(|n| !taken.contains(n))
                .unwrap_or_default();
            taken.insert(name.clone());
            name
        })
        .collect()
}

/// Writes one CSV file per scenario into `dir`, a row per run, under the names given (see
/// [`csv_names`]).
pub fn write_csv(dir: &Path, sides: &[(String, Vec<RunFigures>)]) -> std::io::Result<Vec<String>> {
    std::fs::create_dir_all(dir)?;
    let mut written = Vec::new();
    for (name, runs) in sides {
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
        let path = dir.join(name);
        crate::atomic::write(&path, text.as_bytes())?;
        written.push(path.display().to_string());
    }
    Ok(written)
}
