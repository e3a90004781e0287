//! The `heavenly-horses` command line: play a campaign in the terminal, run it headless on a plan
//! and report it, replay a save, or validate a scenario.

use std::path::PathBuf;
use std::process::ExitCode;

mod cli;

use clap::{Parser, Subcommand, ValueEnum};
use cli::output::{err, out};
use heavenly_horses::play::Game;
use heavenly_horses::save::SaveFile;
use heavenly_horses::scenario;
use heavenly_horses::sim::Commander;
use heavenly_horses::{report, runner, terminal};

/// Who commands in `run`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum PlanChoice {
    /// The orders the real commander gave (the scenario's plan).
    Historical,
    /// The heuristic commander: the cheapest road to the objective, asking every state on the way.
    Ai,
}

impl PlanChoice {
    /// The commander it names.
    fn commander(self) -> Commander {
        match self {
            PlanChoice::Historical => Commander::Historical,
            PlanChoice::Ai => Commander::Ai,
        }
    }
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
        /// In the window: a script of window lines and commands, separated by ';' (see `window --help`).
        #[arg(long, value_delimiter = ';')]
        script: Vec<String>,
        /// The seed (default: the scenario's own).
        #[arg(long)]
        seed: Option<u64>,
        /// The folder for saves and the autosave.
        #[arg(long, default_value = "saves")]
        saves: PathBuf,
        /// In the window: its size in pixels, such as 1920x1080.
        #[arg(long, value_parser = parse_size, default_value = "1280x720")]
        size: (u32, u32),
    },
    /// Open the game window at its menu (what running with no command does), or on a scenario.
    Window {
        /// A campaign file to play at once, instead of the menu.
        scenario: Option<PathBuf>,
        /// Watch the historical plan play itself.
        #[arg(long)]
        watch: bool,
        /// The seed (default: the scenario's own).
        #[arg(long)]
        seed: Option<u64>,
        /// The folder for saves and the autosave.
        #[arg(long, default_value = "saves")]
        saves: PathBuf,
        /// The folder for the script's screenshots.
        #[arg(long, default_value = "screenshots")]
        shots: PathBuf,
        /// The window's size in pixels, such as 1920x1080.
        #[arg(long, value_parser = parse_size, default_value = "1280x720")]
        size: (u32, u32),
        /// Lines to carry out one after another, separated by ';': `click LABEL`, `shot NAME`,
        /// `until DAY`, `until compared`, `frames N`, `expect TEXT`, `measure`, `fps`, `quit`, or
        /// any command of the terminal mode.
        #[arg(long, value_delimiter = ';')]
        script: Vec<String>,
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
        /// The scenarios folder that holds the save's campaign (default: scenarios/ here, then
        /// the scenarios/ folder beside the save's folder).
        #[arg(long)]
        scenarios: Option<PathBuf>,
        /// Print the report as one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Check campaigns with their map and rules files, and list every problem.
    Validate {
        /// Campaign files, or folders (every campaign file under them is checked).
        #[arg(required = true)]
        scenarios: Vec<PathBuf>,
        /// Print `{"ok": …, "problems": [{path, line, col, field, message}]}`.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    #[cfg(feature = "gui")]
    let _ = STARTED.set(std::time::Instant::now());
    let cli = Cli::parse();
    let Some(command) = cli.command else {
        return window(WindowArgs {
            saves: PathBuf::from("saves"),
            shots: PathBuf::from("screenshots"),
            size: (1280, 720),
            ..WindowArgs::default()
        });
    };
    if let Command::Play { saves, .. } | Command::Window { saves, .. } = &command
        && saves.exists()
        && !saves.is_dir()
    {
        err(&format!(
            "error: --saves {} is a file; give a folder for the saves (it is made if missing)",
            saves.display()
        ));
        return ExitCode::from(2);
    }
    match command {
        Command::Run {
            scenario,
            seed,
            plan,
            json,
        } => {
            let Some(scenario) = cli::load(&scenario) else {
                return ExitCode::from(2);
            };
            let seed = seed.unwrap_or(scenario.campaign.seed);
            let mut app = runner::run(&scenario, seed, plan.commander());
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
            script,
            size,
        } => {
            if !text {
                // The old flags (--autoplay, --commands, --screenshots with --shot-days) are
                // script lines too.
                let mut lines = commands;
                lines.extend(script);
                if screenshots.is_some() {
                    for day in &shot_days {
                        lines.push(format!("until {day}"));
                        lines.push(format!("shot day-{day:04}"));
                    }
                    lines.push("quit".to_string());
                }
                return window(WindowArgs {
                    scenario: Some(scenario),
                    seed,
                    watch: autoplay,
                    shots: screenshots.unwrap_or_else(|| PathBuf::from("screenshots")),
                    saves,
                    script: lines,
                    size,
                });
            }
            let Some(scenario) = cli::load(&scenario) else {
                return ExitCode::from(2);
            };
            let seed = seed.unwrap_or(scenario.campaign.seed);
            let game = Game::new(scenario, seed);
            let stdin = std::io::stdin();
            let mut stdout = std::io::stdout();
            match terminal::play(game, &saves, stdin.lock(), &mut stdout) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    err(&format!("error: {e}"));
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
        } => cli::compare::run(cli::compare::Args {
            paths: scenarios,
            runs,
            seed,
            commander: plan.commander(),
            threads,
            json,
            csv,
            chart,
        }),
        Command::Window {
            scenario,
            watch,
            seed,
            saves,
            shots,
            script,
            size,
        } => window(WindowArgs {
            scenario,
            seed,
            watch,
            saves,
            shots,
            script,
            size,
        }),
        Command::Replay {
            save,
            json,
            scenarios,
        } => {
            let roots = [scenarios.unwrap_or_else(scenario::files::scenarios_dir)];
            let game = SaveFile::read(&save).and_then(|file| file.restore(&save, &roots));
            match game {
                Ok(mut game) => print_report(&game.report(), json),
                Err(e) => {
                    err(&format!("error: {e}"));
                    ExitCode::from(2)
                }
            }
        }
        Command::Validate { scenarios, json } => cli::validate::run(&scenarios, json),
    }
}

/// Prints a report as text or JSON.
fn print_report(report: &report::CampaignReport, json: bool) -> ExitCode {
    if json {
        match serde_json::to_string(report) {
            Ok(text) => out(&format!("{text}\n")),
            Err(e) => {
                err(&format!("error: could not write the report: {e}"));
                return ExitCode::FAILURE;
            }
        }
    } else {
        out(&report::render_text(report));
    }
    ExitCode::SUCCESS
}

/// How to open the window.
#[derive(Debug, Default)]
#[cfg_attr(not(feature = "gui"), allow(dead_code))]
struct WindowArgs {
    scenario: Option<PathBuf>,
    seed: Option<u64>,
    watch: bool,
    saves: PathBuf,
    shots: PathBuf,
    script: Vec<String>,
    size: (u32, u32),
}

/// A window size written `WIDTHxHEIGHT`, each from 320 to 8192 pixels.
fn parse_size(text: &str) -> Result<(u32, u32), String> {
    let bad = || format!("'{text}' is not a window size: give WIDTHxHEIGHT, such as 1920x1080");
    let (w, h) = text.split_once(['x', 'X', '×']).ok_or_else(bad)?;
    let (w, h) = (
        w.trim().parse::<u32>().map_err(|_| bad())?,
        h.trim().parse::<u32>().map_err(|_| bad())?,
    );
    if !(320..=8192).contains(&w) || !(240..=8192).contains(&h) {
        return Err(format!(
            "{w}x{h}: a window is from 320x240 to 8192x8192 pixels"
        ));
    }
    Ok((w, h))
}

/// The campaign to suggest for the terminal: the one given, or the one the menu file offers first.
#[cfg_attr(feature = "gui", allow(dead_code))]
fn terminal_campaign(given: Option<PathBuf>) -> PathBuf {
    let scenarios = scenario::files::scenarios_dir();
    given.unwrap_or_else(|| {
        heavenly_horses::scenario::load::menu(&scenarios)
            .ok()
            .flatten()
            .and_then(|m| m.first)
            .map_or_else(|| scenarios.join("CAMPAIGN.ron"), |f| scenarios.join(f))
    })
}

/// Opens the game window (when built with the `gui` feature), or says in a line why it cannot
/// and how to play in the terminal.
#[cfg(feature = "gui")]
fn window(args: WindowArgs) -> ExitCode {
    let campaign = terminal_campaign(args.scenario.clone());
    let options = heavenly_horses::ui::WindowOptions {
        scenario: args.scenario,
        seed: args.seed,
        watch: args.watch,
        saves: args.saves,
        shots: args.shots,
        script: args.script,
        size: args.size,
        started: STARTED
            .get()
            .copied()
            .unwrap_or_else(std::time::Instant::now),
    };
    match heavenly_horses::ui::run(options) {
        Ok(bevy::app::AppExit::Success) => ExitCode::SUCCESS,
        Ok(bevy::app::AppExit::Error(_)) => ExitCode::FAILURE,
        Err(no_display) => {
            err(&format!(
                "{no_display}; play in the terminal instead: heavenly-horses play {} --text",
                campaign.display()
            ));
            ExitCode::from(2)
        }
    }
}

/// When the program started.
#[cfg(feature = "gui")]
static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// Without the `gui` feature there is no window: say how to play in the terminal.
#[cfg(not(feature = "gui"))]
fn window(args: WindowArgs) -> ExitCode {
    err(&format!(
        "this build has no game window (it was built without the gui feature); play in the terminal with --text:\n  heavenly-horses play {} --text\n(heavenly-horses --help lists every command)",
        terminal_campaign(args.scenario).display()
    ));
    ExitCode::from(2)
}
