//! The `compare` command: many seeded runs of two or more campaigns, as a table (or JSON), CSV
//! files and a chart page. Every argument is checked before the first run: the seeds must fit,
//! the chart must be `.svg` or `.png`, and the CSV folder and the chart file must be writable.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use heavenly_horses::report::chart::{self, Series};
use heavenly_horses::report::compare as cmp;
use heavenly_horses::sim::Commander;

use super::output::{err, out};

/// What `compare` was asked.
pub struct Args {
    /// The campaign files.
    pub paths: Vec<PathBuf>,
    /// Runs of each.
    pub runs: usize,
    /// The first seed.
    pub seed: u64,
    /// Who commands.
    pub commander: Commander,
    /// Threads, if given.
    pub threads: Option<usize>,
    /// JSON instead of the table.
    pub json: bool,
    /// The CSV folder.
    pub csv: Option<PathBuf>,
    /// The chart file.
    pub chart: Option<PathBuf>,
}

/// Whether `file` can be written: its folder made, and the file opened for writing (a file made
/// only for the test is removed again).
fn writable(file: &Path) -> Result<(), String> {
    if file.is_dir() {
        return Err(format!("{} is a folder; give a file name", file.display()));
    }
    if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot make the folder {}: {e}", dir.display()))?;
    }
    let existed = file.exists();
    std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(file)
        .map_err(|e| format!("cannot write {}: {e}", file.display()))?;
    if !existed {
        let _ = std::fs::remove_file(file);
    }
    Ok(())
}

/// Checks the arguments before any run: what is wrong, in a line.
fn check(args: &Args) -> Result<(), String> {
    if args.runs == 0 {
        return Err("--runs must be at least 1".to_string());
    }
    if cmp::seeds(args.seed, args.runs).is_none() {
        return Err(format!(
            "--seed {} with --runs {} runs past the last seed ({}); give a smaller --seed",
            args.seed,
            args.runs,
            u64::MAX
        ));
    }
    if let Some(file) = &args.chart {
        chart::format_of(file)?;
        writable(file)?;
    }
    if let Some(dir) = &args.csv {
        if dir.exists() && !dir.is_dir() {
            return Err(format!(
                "--csv {} is a file; give a folder for the CSV files",
                dir.display()
            ));
        }
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot make the folder {}: {e}", dir.display()))?;
        for name in cmp::csv_names(&args.paths) {
            writable(&dir.join(name))?;
        }
    }
    Ok(())
}

/// Runs the comparison and writes what was asked.
pub fn run(args: Args) -> ExitCode {
    use indicatif::{ProgressBar, ProgressStyle};
    if let Err(why) = check(&args) {
        err(&format!("error: {why}"));
        return ExitCode::from(2);
    }
    let mut scenarios = Vec::new();
    for path in &args.paths {
        let Some(s) = super::load(path) else {
            return ExitCode::from(2);
        };
        scenarios.push(s);
    }
    let threads = args
        .threads
        .or_else(|| std::thread::available_parallelism().ok().map(|n| n.get()))
        .unwrap_or(1)
        .max(1);
    // A progress bar on a terminal (indicatif draws nothing when standard error is not one).
    let bar = ProgressBar::new((args.runs * scenarios.len()) as u64);
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} runs, {eta} left") {
        bar.set_style(style);
    }
    let (comparison, results) = cmp::compare(
        &scenarios,
        args.runs,
        args.seed,
        args.commander,
        threads,
        &|| bar.inc(1),
    );
    bar.finish_and_clear();
    if let Some(dir) = &args.csv {
        let named: Vec<(String, Vec<cmp::RunFigures>)> = cmp::csv_names(&args.paths)
            .into_iter()
            .zip(&results)
            .map(|(name, r)| (name, r.clone()))
            .collect();
        match cmp::write_csv(dir, &named) {
            Ok(files) => err(&format!("wrote {}", files.join(", "))),
            Err(e) => {
                err(&format!(
                    "error: could not write the CSV files into {}: {e}",
                    dir.display()
                ));
                return ExitCode::FAILURE;
            }
        }
    }
    if let Some(file) = &args.chart {
        let records = cmp::representative_records(&scenarios, &results, args.commander);
        let places: Vec<Vec<(String, f64, f64)>> = scenarios.iter().map(cmp::places_of).collect();
        let series: Vec<Series> = scenarios
            .iter()
            .zip(&records)
            .zip(&results)
            .zip(&places)
            .map(|(((s, record), runs), places)| Series {
                name: &s.campaign.name,
                record,
                runs,
                places,
            })
            .collect();
        if let Err(e) = chart::draw(file, &series) {
            err(&format!("error: {e}"));
            return ExitCode::FAILURE;
        }
        err(&format!("drew {}", file.display()));
    }
    if args.json {
        match serde_json::to_string(&comparison) {
            Ok(text) => out(&format!("{text}\n")),
            Err(e) => {
                err(&format!("error: {e}"));
                return ExitCode::FAILURE;
            }
        }
    } else {
        out(&cmp::render_table(&comparison));
    }
    ExitCode::SUCCESS
}
