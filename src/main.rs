//! The `heavenly-horses` command line: run a campaign headless and report it.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use heavenly_horses::scenario::Scenario;
use heavenly_horses::{report, sim};

#[derive(Parser)]
#[command(
    name = "heavenly-horses",
    version,
    about = "Heavenly Horses: a historical logistics game. Campaigns live in scenarios/*.ron."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
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
    match cli.command {
        Command::Run {
            scenario,
            seed,
            json,
        } => {
            let scenario = match Scenario::load(&scenario) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("error: the scenario did not load:\n{e}");
                    return ExitCode::from(2);
                }
            };
            let seed = seed.unwrap_or(scenario.campaign.seed);
            let mut app = sim::headless_app(&scenario, seed);
            sim::run_to_end(app.world_mut());
            let report = report::build(app.world_mut());
            if json {
                match serde_json::to_string(&report) {
                    Ok(text) => println!("{text}"),
                    Err(e) => {
                        eprintln!("error: could not write the report: {e}");
                        return ExitCode::FAILURE;
                    }
                }
            } else {
                print!("{}", report::render_text(&report));
            }
            ExitCode::SUCCESS
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
