//! The `heavenly-horses` command line: play a campaign in the terminal, run it headless on a plan
//! and report it, replay a save, or validate a scenario.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use heavenly_horses::play::{self, Game};
use heavenly_horses::save::SaveFile;
use heavenly_horses::scenario::Scenario;
use heavenly_horses::sim::Commander;
use heavenly_horses::{report, sim};

/// Who commands in `run`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum PlanChoice {
    /// The orders the real commander gave (the scenario's plan).
    Historical,
    /// The heuristic commander: the cheapest road to the objective, asking every state on the way.
    Ai,
}

#[derive(Parser)]
#[command(
    name = "heavenly-horses",
    version,
    about = "Heavenly Horses: a historical logistics game. Campaigns live in scenarios/*.ron."
)]
struct Cli {
    /// What to do; with none, the game window opens on the 102 BC campaign (when built with it).
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Autoplay a scenario's historical plan and report the campaign.
    Run {
        /// The campaign file, such as scenarios/second_expedition_102bc.ron.
        scenario: PathBuf,
        /// The seed (default: the scenario's own).
        #[arg(long)]
        seed: Option<u64>,
        /// Who commands: the historical plan or the heuristic commander.
        #[arg(long, value_enum, default_value = "historical")]
        plan: PlanChoice,
        /// Print the report as one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Play a campaign turn by turn.
    Play {
        /// The campaign file, such as scenarios/second_expedition_102bc.ron.
        scenario: PathBuf,
        /// Play in the terminal (reads commands from standard input; 'help' lists them).
        #[arg(long)]
        text: bool,
        /// In the window: watch the historical plan, a day a frame.
        #[arg(long)]
        autoplay: bool,
        /// In the window: save screenshots into this folder at the --shot-days, then quit.
        #[arg(long)]
        screenshots: Option<PathBuf>,
        /// The campaign days of the screenshots, such as 10,60,300.
        #[arg(long, value_delimiter = ',', default_value = "10,60,300")]
        shot_days: Vec<u32>,
        /// In the window: commands to type into its command line at the start, separated by ';'.
        #[arg(long, value_delimiter = ';')]
        commands: Vec<String>,
        /// The seed (default: the scenario's own).
        #[arg(long)]
        seed: Option<u64>,
        /// The folder for saves and the autosave.
        #[arg(long, default_value = "saves")]
        saves: PathBuf,
    },
    /// Run two (or more) scenarios many times each and compare them with the historical record.
    Compare {
        /// The campaign files, such as scenarios/first_expedition_104bc.ron scenarios/second_expedition_102bc.ron.
        #[arg(required = true, num_args = 2..)]
        scenarios: Vec<PathBuf>,
        /// Runs of each scenario.
        #[arg(long, default_value_t = 1000)]
        runs: usize,
        /// The first seed (run i uses seed + i).
        #[arg(long, default_value_t = 0)]
        seed: u64,
        /// Who commands.
        #[arg(long, value_enum, default_value = "historical")]
        plan: PlanChoice,
        /// Threads (default: all cores); the figures are the same for any number.
        #[arg(long)]
        threads: Option<usize>,
        /// Print the table as JSON.
        #[arg(long)]
        json: bool,
        /// Write one CSV file per scenario into this folder, a row per run.
        #[arg(long)]
        csv: Option<PathBuf>,
        /// Draw the comparison on one page (SVG).
        #[arg(long)]
        chart: Option<PathBuf>,
    },
    /// Replay a save exactly and report the campaign as it stood.
    Replay {
        /// The save file (such as saves/autosave.json).
        save: PathBuf,
        /// Print the report as one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Check a scenario and its map and rules files, and list every problem.
    Validate {
        /// The campaign file.
        scenario: PathBuf,
        /// Print `{"ok": …, "problems": [{path, line, col, field, message}]}`.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let Some(command) = cli.command else {
        return window(
            PathBuf::from("scenarios/second_expedition_102bc.ron"),
            None,
            false,
            None,
            Vec::new(),
            PathBuf::from("saves"),
            Vec::new(),
        );
    };
    match command {
        Command::Run {
            scenario,
            seed,
            plan,
            json,
        } => {
            let Some(scenario) = load(&scenario) else {
                return ExitCode::from(2);
            };
            let seed = seed.unwrap_or(scenario.campaign.seed);
            let commander = match plan {
                PlanChoice::Historical => Commander::Historical,
                PlanChoice::Ai => Commander::Ai,
            };
            let mut app = sim::headless_app_for(&scenario, seed, commander);
            sim::run_to_end(app.world_mut());
            print_report(&report::build(app.world_mut()), json)
        }
        Command::Play {
            scenario,
            text,
            seed,
            saves,
            autoplay,
            screenshots,
            shot_days,
            commands,
        } => {
            if !text {
                return window(
                    scenario,
                    seed,
                    autoplay,
                    screenshots,
                    shot_days,
                    saves,
                    commands,
                );
            }
            let Some(scenario) = load(&scenario) else {
                return ExitCode::from(2);
            };
            let seed = seed.unwrap_or(scenario.campaign.seed);
            let game = Game::new(scenario, seed);
            let stdin = std::io::stdin();
            let mut stdout = std::io::stdout();
            match play::text::play(game, &saves, stdin.lock(), &mut stdout) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Compare {
            scenarios,
            runs,
            seed,
            plan,
            threads,
            json,
            csv,
            chart,
        } => compare(&scenarios, runs, seed, plan, threads, json, csv, chart),
        Command::Replay { save, json } => {
            let game = SaveFile::read(&save).and_then(|file| file.restore());
            match game {
                Ok(mut game) => print_report(&game.report(), json),
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(2)
                }
            }
        }
        Command::Validate { scenario, json } => {
            let result = Scenario::load(&scenario);
            if json {
                let problems = result
                    .as_ref()
                    .err()
                    .map(|e| e.problems.clone())
                    .unwrap_or_default();
                let value = serde_json::json!({ "ok": result.is_ok(), "problems": problems });
                println!("{value}");
            } else {
                match &result {
                    Ok(s) => println!(
                        "{}: ok ({} places, {} routes, {} states, {} plan steps)",
                        scenario.display(),
                        s.map.places.len(),
                        s.map.routes.len(),
                        s.map.states.len(),
                        s.campaign.plan.len()
                    ),
                    Err(e) => eprintln!("{e}"),
                }
            }
            if result.is_ok() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(2)
            }
        }
    }
}

/// Loads a scenario, or says why not.
fn load(path: &std::path::Path) -> Option<Scenario> {
    match Scenario::load(path) {
        Ok(s) => Some(s),
        Err(e) => {
            eprintln!("error: the scenario did not load:\n{e}");
            None
        }
    }
}

/// Prints a report as text or JSON.
fn print_report(report: &report::CampaignReport, json: bool) -> ExitCode {
    if json {
        match serde_json::to_string(report) {
            Ok(text) => println!("{text}"),
            Err(e) => {
                eprintln!("error: could not write the report: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        print!("{}", report::render_text(report));
    }
    ExitCode::SUCCESS
}

/// The `compare` command.
#[allow(clippy::too_many_arguments)]
fn compare(
    paths: &[PathBuf],
    runs: usize,
    seed: u64,
    plan: PlanChoice,
    threads: Option<usize>,
    json: bool,
    csv: Option<PathBuf>,
    chart: Option<PathBuf>,
) -> ExitCode {
    use heavenly_horses::report::compare as cmp;
    use indicatif::{ProgressBar, ProgressStyle};
    let mut scenarios = Vec::new();
    for path in paths {
        let Some(s) = load(path) else {
            return ExitCode::from(2);
        };
        scenarios.push(s);
    }
    if runs == 0 {
        eprintln!("error: --runs must be at least 1");
        return ExitCode::from(2);
    }
    let threads = threads
        .or_else(|| std::thread::available_parallelism().ok().map(|n| n.get()))
        .unwrap_or(1)
        .max(1);
    let commander = match plan {
        PlanChoice::Historical => Commander::Historical,
        PlanChoice::Ai => Commander::Ai,
    };
    // A progress bar on a terminal (indicatif draws nothing when standard error is not one).
    let bar = ProgressBar::new((runs * scenarios.len()) as u64);
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} runs, {eta} left") {
        bar.set_style(style);
    }
    let seeds = seed..seed + runs as u64;
    let results: Vec<Vec<cmp::RunFigures>> = scenarios
        .iter()
        .map(|s| cmp::run_many(s, commander, seeds.clone(), threads, &|| bar.inc(1)))
        .collect();
    bar.finish_and_clear();
    let comparison = cmp::Comparison {
        runs,
        seed,
        plan: match plan {
            PlanChoice::Historical => "historical".into(),
            PlanChoice::Ai => "ai".into(),
        },
        sides: scenarios
            .iter()
            .zip(&results)
            .map(|(s, r)| cmp::side(s, r))
            .collect(),
    };
    if let Some(dir) = &csv {
        let named: Vec<(String, Vec<cmp::RunFigures>)> = paths
            .iter()
            .zip(&results)
            .map(|(p, r)| {
                let stem = p
                    .file_stem()
                    .map_or("scenario".into(), |s| s.to_string_lossy().into_owned());
                (stem, r.clone())
            })
            .collect();
        match cmp::write_csv(dir, &named) {
            Ok(files) => eprintln!("wrote {}", files.join(", ")),
            Err(e) => {
                eprintln!(
                    "error: could not write the CSV files into {}: {e}",
                    dir.display()
                );
                return ExitCode::FAILURE;
            }
        }
    }
    if let Some(file) = &chart {
        // Each campaign's representative run: the one whose men home is the median.
        let records: Vec<heavenly_horses::sim::DailyRecord> = scenarios
            .iter()
            .zip(&results)
            .map(|(s, r)| {
                let mut by_home: Vec<&cmp::RunFigures> = r.iter().collect();
                by_home.sort_by_key(|f| (f.men_home, f.seed));
                let seed = by_home[by_home.len() / 2].seed;
                cmp::play_one(s, seed, commander).1
            })
            .collect();
        let places: Vec<Vec<(String, f64, f64)>> = scenarios
            .iter()
            .map(|s| {
                s.map
                    .places
                    .iter()
                    .map(|p| (p.name.clone(), p.lat, p.lon))
                    .collect()
            })
            .collect();
        let series: Vec<heavenly_horses::report::chart::Series> = scenarios
            .iter()
            .zip(&records)
            .zip(&results)
            .zip(&places)
            .map(
                |(((s, record), runs), places)| heavenly_horses::report::chart::Series {
                    name: &s.campaign.name,
                    record,
                    runs,
                    places,
                },
            )
            .collect();
        if let Err(e) = heavenly_horses::report::chart::draw(file, &series) {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
        eprintln!("drew {}", file.display());
    }
    if json {
        match serde_json::to_string(&comparison) {
            Ok(text) => println!("{text}"),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        print!("{}", cmp::render_table(&comparison));
    }
    ExitCode::SUCCESS
}

/// Opens the game window (when built with the `gui` feature).
#[cfg(feature = "gui")]
fn window(
    scenario: PathBuf,
    seed: Option<u64>,
    autoplay: bool,
    screenshots: Option<PathBuf>,
    shot_days: Vec<u32>,
    saves: PathBuf,
    commands: Vec<String>,
) -> ExitCode {
    let Some(scenario) = load(&scenario) else {
        return ExitCode::from(2);
    };
    let seed = seed.unwrap_or(scenario.campaign.seed);
    let commander = if autoplay {
        Commander::Historical
    } else {
        Commander::Player
    };
    let game = Game::commanded_by(scenario, seed, commander);
    let options = heavenly_horses::ui::WindowOptions {
        autoplay,
        screenshots: screenshots.map(|dir| (dir, shot_days)),
        saves,
        commands,
    };
    match heavenly_horses::ui::run(game, options) {
        bevy::app::AppExit::Success => ExitCode::SUCCESS,
        bevy::app::AppExit::Error(_) => ExitCode::FAILURE,
    }
}

/// Without the `gui` feature there is no window: say how to play in the terminal.
#[cfg(not(feature = "gui"))]
fn window(
    scenario: PathBuf,
    _seed: Option<u64>,
    _autoplay: bool,
    _screenshots: Option<PathBuf>,
    _shot_days: Vec<u32>,
    _saves: PathBuf,
    _commands: Vec<String>,
) -> ExitCode {
    eprintln!(
        "this build has no game window (build with --features gui); play in the terminal with --text:\n  heavenly-horses play {} --text\n(heavenly-horses --help lists every command)",
        scenario.display()
    );
    ExitCode::from(2)
}
