//! The game window (feature `gui`, on by default): a menu to pick a scenario, a seed, a new game
//! or a save; the map of the scenario's places and routes with the forces on it; a HUD with the
//! date and each force's strength and supplies, orders as buttons, the chronicle and a command
//! line; siege and end panels; a compare screen; hot reload of the scenario's RON files.
//!
//! The simulation runs in the window's own world (its plugin beside the window's): the map and
//! panels read the forces', places' and states' components, redrawn as they change; buttons carry
//! typed [`Order`]s, handed to the simulation's orders phase like any commander's, and the
//! refusals come back typed. The command line takes every command of the terminal mode
//! ([`crate::play::command::Command`]).
//!
//! Plugins, one per part, as in Bevy's examples: [`theme`] (fonts, colours, buttons), [`menu`],
//! [`game`] (the campaign in play: actions, days passing, saves), [`map`], [`hud`], [`compare`],
//! [`reload`], [`script`] (scripted runs for smoke tests, screenshots and frame-rate figures).

// The window draws and decides nothing: its geometry may use the platform's float functions.
#![allow(clippy::disallowed_methods)]

mod compare;
mod game;
mod hud;
mod map;
mod menu;
mod reload;
mod script;
mod theme;

use std::path::PathBuf;
use std::time::Instant;

use bevy::prelude::*;

use crate::play::{Advance, Order};

pub use game::Campaign;

/// How the window is opened.
#[derive(Debug, Clone)]
pub struct WindowOptions {
    /// The scenario to start playing at once; `None` opens the menu.
    pub scenario: Option<PathBuf>,
    /// The seed (default: the scenario's own).
    pub seed: Option<u64>,
    /// Watch the historical plan play itself instead of commanding.
    pub watch: bool,
    /// Where saves go.
    pub saves: PathBuf,
    /// Where the script's screenshots go.
    pub shots: PathBuf,
    /// Lines to carry out one after another (see [`script`]): window verbs, or commands of the
    /// terminal mode.
    pub script: Vec<String>,
    /// The window's size in pixels.
    pub size: (u32, u32),
    /// When the program started (for the first-frame figure).
    pub started: Instant,
}

/// The screens.
#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    /// Pick a scenario, a seed, a new game or a save.
    #[default]
    Menu,
    /// The map and the campaign.
    Playing,
    /// Many runs of two scenarios side by side.
    Compare,
}

/// What a button, a key or the script asks for.
#[derive(Component, Debug, Clone, PartialEq)]
pub enum UiAction {
    /// An order to the selected force.
    Order(Order),
    /// Resolve the world.
    Advance(Advance),
    /// A line of the command line: any command of the terminal mode.
    Line(String),
    /// Pass so many days, quietly (the script's `until`).
    Pass(u32),
    /// Save the game under a name.
    Save(String),
    /// Load this save.
    Load(PathBuf),
    /// Select a force to command.
    SelectForce(Entity),
    /// Play or pause the days.
    TogglePlay,
    /// Days go by faster (+1) or slower (−1) while playing.
    Speed(i32),
    /// Pick the scenario at this index of the catalogue.
    PickScenario(usize),
    /// A new game of the picked scenario: to command, or to watch the historical plan.
    NewGame {
        /// Watch the historical plan.
        watch: bool,
    },
    /// Go to a screen.
    Go(Screen),
    /// Pick a scenario of the catalogue for a side of the comparison.
    ComparePick {
        /// 0 or 1.
        side: usize,
        /// Index in the catalogue.
        index: usize,
    },
    /// Runs of each scenario for the comparison.
    CompareRuns(usize),
    /// Run the comparison.
    RunCompare,
    /// Quit the game.
    Quit,
}

/// Where saves and screenshots go.
#[derive(Resource, Debug, Clone)]
pub struct Settings {
    /// Saves.
    pub saves: PathBuf,
    /// Screenshots of the script.
    pub shots: PathBuf,
}

/// The last reply of the game to a command (or an error), shown above the chronicle.
#[derive(Resource, Debug, Clone, Default)]
pub struct Reply {
    /// The text.
    pub text: String,
    /// It is an error.
    pub error: bool,
    /// Shown whole over the map (a long reply such as `help` or `status`) until the next key or
    /// click.
    pub whole: bool,
}

impl Reply {
    fn say(&mut self, text: impl Into<String>) {
        self.text = text.into();
        self.error = false;
        self.whole = self.text.lines().count() > 5;
    }

    fn fail(&mut self, text: impl Into<String>) {
        self.say(text);
        self.error = true;
    }
}

/// The order of the window's work in a frame: read keys and pointer, carry out what was asked,
/// then show the result.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UiSystems {
    /// Keys, pointer, script.
    Input,
    /// Actions carried out, days passed.
    Act,
    /// Map and panels brought up to date.
    Show,
}

/// Why the window cannot open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoDisplay(pub String);

impl std::fmt::Display for NoDisplay {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Whether there is a display to open a window on: on Linux and the BSDs, an X11 or Wayland one
/// named in the environment.
fn display() -> Result<(), NoDisplay> {
    let unix_desktop = cfg!(all(unix, not(target_os = "macos")));
    let named = |var: &str| std::env::var_os(var).is_some_and(|v| !v.is_empty());
    if unix_desktop && !named("DISPLAY") && !named("WAYLAND_DISPLAY") {
        return Err(NoDisplay(
            "there is no display to open the game window on (neither DISPLAY nor WAYLAND_DISPLAY is set)"
                .to_string(),
        ));
    }
    Ok(())
}

/// Opens the window and runs until the player quits; or, with no display to open it on, says
/// so (the windowing library's own failure is caught, not printed as a panic).
pub fn run(options: WindowOptions) -> Result<AppExit, NoDisplay> {
    display()?;
    // Building the window's app connects to the display; a display that is named but cannot be
    // reached fails there.
    let quiet = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let built = std::panic::catch_unwind(move || build(options));
    std::panic::set_hook(quiet);
    match built {
        Ok(mut app) => Ok(app.run()),
        Err(_) => {
            let named = ["DISPLAY", "WAYLAND_DISPLAY"]
                .iter()
                .filter_map(|v| std::env::var(v).ok().map(|d| format!("{v}={d}")))
                .collect::<Vec<_>>()
                .join(", ");
            Err(NoDisplay(format!(
                "the game window could not open: the display ({named}) cannot be reached"
            )))
        }
    }
}

/// The window's app, built.
fn build(options: WindowOptions) -> App {
    let mut app = App::new();
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: Some(Window {
                    title: "Heavenly Horses".to_string(),
                    resolution: options.size.into(),
                    ..default()
                }),
                ..default()
            })
            .set(bevy::log::LogPlugin {
                // Started with Ctrl+C ignored (in the background, under nohup), Bevy says it
                // installs no handler of its own: nothing for the player, whose terminal should
                // show only what the game has to say (one line where there is no display).
                filter: format!(
                    "{},bevy_app::terminal_ctrl_c_handler=warn",
                    bevy::log::DEFAULT_FILTER
                ),
                ..default()
            }),
    );
    // The simulation lives in the window's world.
    app.add_plugins((crate::sim::plugin, crate::ai::plugin));
    app.init_state::<Screen>();
    // The fonts are there before the first screen is drawn (its OnEnter runs before Startup).
    let font = theme::UiFont::new(&mut app.world_mut().resource_mut::<Assets<Font>>());
    app.insert_resource(font);
    app.insert_resource(ClearColor(theme::PAPER));
    app.insert_resource(Settings {
        saves: options.saves.clone(),
        shots: options.shots.clone(),
    });
    app.init_resource::<Reply>();
    app.configure_sets(
        Update,
        (UiSystems::Input, UiSystems::Act, UiSystems::Show).chain(),
    );
    app.add_plugins((
        theme::plugin,
        game::plugin,
        menu::plugin,
        map::plugin,
        hud::plugin,
        compare::plugin,
        reload::plugin,
        script::plugin(options.script.clone(), options.started),
    ));
    if let Some(path) = &options.scenario {
        game::open_at_start(app.world_mut(), path, options.seed, options.watch);
    }
    app.add_systems(Startup, setup);
    app.add_systems(Update, scale_with_window);
    app
}

fn setup(mut commands: Commands) {
    // No multisampling: lines and text stay crisp enough, and software renderers (llvmpipe)
    // draw four times fewer samples.
    commands.spawn((Camera2d, Msaa::Off));
}

/// The panels and text scale with the window (laid out for 1280×720); the map shows more or less
/// of itself, and zooms.
fn scale_with_window(window: Single<&Window, Changed<Window>>, mut scale: ResMut<UiScale>) {
    let s = (window.width() / 1280.0)
        .min(window.height() / 720.0)
        .clamp(0.6, 3.0);
    if (scale.0 - s).abs() > 0.01 {
        scale.0 = s;
    }
}
