//! The game window (feature `gui`, on by default): a menu to pick a scenario, a seed, a new game
//! or a save; the map of the scenario's places and routes with the forces on it; a HUD with the
//! date and each force's strength and supplies, orders as buttons, the chronicle and a command
//! line; siege and end panels; a compare screen; hot reload of the scenario's RON files.
//!
//! The window drives the same [`Game`] and [`Session`] the terminal mode does: the simulation
//! runs in the game's own world, every order goes through the session's command line (a button
//! is a command), and the engine accepts it or refuses it with its reason.
//!
//! Plugins, one per part, as in Bevy's examples: [`theme`] (fonts, colours, buttons), [`menu`],
//! [`map`], [`hud`], [`compare`], [`reload`], [`script`] (scripted runs for smoke tests,
//! screenshots and frame-rate figures).

mod compare;
mod hud;
mod map;
mod menu;
mod reload;
mod script;
mod theme;

use std::path::PathBuf;
use std::time::Instant;

use bevy::prelude::*;

use crate::play::text::Session;
use crate::play::{Advance, Game};
use crate::save::SaveFile;
use crate::scenario::Scenario;
use crate::sim::Commander;

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
    /// A command of the terminal mode (an order, a turn, save, load…).
    Command(String),
    /// Select a force to command.
    SelectForce(String),
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
    /// Load this save.
    Load(PathBuf),
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

/// The game in play, if any, in a terminal session so that the window takes every command the
/// terminal mode does. Not `Send` (the game holds its own Bevy app), so a non-send resource.
pub struct Current {
    /// The session.
    pub session: Option<Session>,
    /// The campaign file it was loaded from (hot reload watches it).
    pub path: Option<PathBuf>,
    /// The historical plan commands (watching), rather than the player.
    pub watch: bool,
    /// Bumped whenever the game is replaced (new, loaded, reloaded): the map is drawn anew.
    pub epoch: u64,
}

impl Current {
    /// Starts `game` from `path`.
    fn start(&mut self, game: Game, path: Option<PathBuf>, watch: bool, saves: &std::path::Path) {
        self.session = Some(Session::new(game, saves));
        self.path = path;
        self.watch = watch;
        self.epoch += 1;
    }

    /// The game, if one is in play.
    pub fn game(&mut self) -> Option<&mut Game> {
        self.session.as_mut().map(|s| &mut s.game)
    }
}

/// Where saves and screenshots go.
#[derive(Resource, Debug, Clone)]
pub struct Settings {
    /// Saves.
    pub saves: PathBuf,
    /// Screenshots of the script.
    pub shots: PathBuf,
}

/// Days passing on their own: playing or paused, and how fast.
#[derive(Resource, Debug, Clone)]
pub struct Clock {
    /// Days pass on their own.
    pub playing: bool,
    /// Index into [`SPEEDS`].
    pub speed: usize,
    /// Days owed to the clock.
    owed: f32,
}

/// Days a second while playing.
pub const SPEEDS: [f32; 6] = [1.0, 2.0, 5.0, 10.0, 20.0, 60.0];

impl Default for Clock {
    fn default() -> Self {
        Clock {
            playing: false,
            speed: 3,
            owed: 0.0,
        }
    }
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

/// Opens the window and runs until the player quits.
pub fn run(options: WindowOptions) -> AppExit {
    let mut app = App::new();
    app.add_plugins(DefaultPlugins.set(WindowPlugin {
        primary_window: Some(Window {
            title: "Heavenly Horses".to_string(),
            resolution: (1280u32, 720u32).into(),
            ..default()
        }),
        ..default()
    }));
    app.init_state::<Screen>();
    // The fonts are there before the first screen is drawn (its OnEnter runs before Startup).
    let font = theme::UiFont::new(&mut app.world_mut().resource_mut::<Assets<Font>>());
    app.insert_resource(font);
    app.insert_resource(ClearColor(theme::PAPER));
    app.insert_resource(Settings {
        saves: options.saves.clone(),
        shots: options.shots.clone(),
    });
    app.init_resource::<Clock>();
    app.init_resource::<Reply>();
    let mut current = Current {
        session: None,
        path: None,
        watch: false,
        epoch: 0,
    };
    let mut start_playing = false;
    if let Some(path) = &options.scenario {
        match Scenario::load(path) {
            Ok(scenario) => {
                let seed = options.seed.unwrap_or(scenario.campaign.seed);
                let commander = if options.watch {
                    Commander::Historical
                } else {
                    Commander::Player
                };
                let game = Game::commanded_by(scenario, seed, commander);
                current.start(game, Some(path.clone()), options.watch, &options.saves);
                start_playing = true;
            }
            Err(e) => {
                // The menu shows why, and the player can pick another.
                app.world_mut()
                    .resource_mut::<Reply>()
                    .fail(format!("the scenario did not load:\n{e}"));
            }
        }
    }
    app.insert_non_send(current);
    if start_playing {
        app.insert_state(Screen::Playing);
        app.world_mut().resource_mut::<Clock>().playing = options.watch;
    }
    app.add_plugins((
        theme::plugin,
        menu::plugin,
        map::plugin,
        hud::plugin,
        compare::plugin,
        reload::plugin,
        script::plugin(options.script.clone(), options.started),
    ));
    app.add_systems(Startup, setup);
    app.add_systems(Update, scale_with_window);
    app.add_systems(
        Update,
        (carry_out, pass_days).chain().in_set(UiSystems::Act),
    );
    app.configure_sets(
        Update,
        (UiSystems::Input, UiSystems::Act, UiSystems::Show).chain(),
    );
    app.run()
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

/// Carries out the actions asked for this frame.
fn carry_out(
    mut queue: ResMut<theme::Actions>,
    mut current: NonSendMut<Current>,
    mut clock: ResMut<Clock>,
    mut reply: ResMut<Reply>,
    mut next: ResMut<NextState<Screen>>,
    screen: Res<State<Screen>>,
    settings: Res<Settings>,
    mut catalogue: ResMut<menu::Catalogue>,
    mut comparing: ResMut<compare::Comparing>,
    mut exit: MessageWriter<AppExit>,
) {
    for action in std::mem::take(&mut queue.0) {
        match action {
            UiAction::Command(line) => {
                let Some(session) = current.session.as_mut() else {
                    reply.fail("no game in play: start one from the menu");
                    continue;
                };
                let out = session.command(&line);
                let refused = out.starts_with("refused") || out.starts_with("no ");
                if session.quit {
                    exit.write(AppExit::Success);
                }
                let text = format!("> {line}\n{}", out.trim_end());
                if refused {
                    reply.fail(text);
                } else {
                    reply.say(text);
                }
                if line.starts_with("load") && !refused {
                    let commander = *session.game.app.world().resource::<Commander>();
                    current.watch = commander == Commander::Historical;
                    current.epoch += 1;
                }
            }
            UiAction::SelectForce(name) => {
                if let Some(session) = current.session.as_mut() {
                    let out = session.command(&format!("force {name}"));
                    reply.say(out.trim_end().to_string());
                }
            }
            UiAction::TogglePlay => {
                clock.playing = !clock.playing;
                clock.owed = 0.0;
            }
            UiAction::Speed(step) => {
                clock.speed =
                    (clock.speed as i32 + step).clamp(0, SPEEDS.len() as i32 - 1) as usize;
            }
            UiAction::PickScenario(index) => {
                if index < catalogue.entries.len() {
                    catalogue.picked = index;
                }
            }
            UiAction::NewGame { watch } => {
                let Some(entry) = catalogue.entries.get(catalogue.picked).cloned() else {
                    reply.fail("no scenario to play: put a campaign file under scenarios/");
                    continue;
                };
                match Scenario::load(&entry.path) {
                    Ok(scenario) => {
                        let seed = catalogue.seed().unwrap_or(scenario.campaign.seed);
                        let commander = if watch {
                            Commander::Historical
                        } else {
                            Commander::Player
                        };
                        let game = Game::commanded_by(scenario, seed, commander);
                        current.start(game, Some(entry.path.clone()), watch, &settings.saves);
                        clock.playing = watch;
                        reply.say(format!(
                            "{} (seed {seed}): {}",
                            entry.name,
                            if watch {
                                "the historical plan plays itself; P pauses"
                            } else {
                                "give your orders, then end the turn"
                            }
                        ));
                        next.set(Screen::Playing);
                    }
                    Err(e) => {
                        let picked = catalogue.picked;
                        catalogue.entries[picked].error = Some(e.to_string());
                        reply.fail(format!("{} did not load:\n{e}", entry.path.display()));
                    }
                }
            }
            UiAction::Load(path) => match SaveFile::read(&path).and_then(|f| {
                let scenario = PathBuf::from(&f.scenario);
                f.restore().map(|g| (g, scenario, f.commander))
            }) {
                Ok((game, scenario, commander)) => {
                    let date = game.date();
                    let watch = commander == Commander::Historical;
                    current.start(game, Some(scenario), watch, &settings.saves);
                    clock.playing = false;
                    reply.say(format!("loaded {} ({date})", path.display()));
                    next.set(Screen::Playing);
                }
                Err(e) => reply.fail(format!("{}: {e}", path.display())),
            },
            UiAction::Go(target) => {
                if target == Screen::Playing && current.session.is_none() {
                    reply.fail("no game in play: start one");
                    continue;
                }
                if *screen.get() == Screen::Playing {
                    clock.playing = false;
                }
                next.set(target);
            }
            UiAction::ComparePick { side, index } => {
                if side < 2 && index < catalogue.entries.len() {
                    comparing.picked[side] = index;
                }
            }
            UiAction::CompareRuns(runs) => comparing.runs = runs.max(1),
            UiAction::RunCompare => comparing.start(&catalogue),
            UiAction::Quit => {
                exit.write(AppExit::Success);
            }
        }
    }
    // Keep the catalogue's picks inside it.
    catalogue.picked = catalogue
        .picked
        .min(catalogue.entries.len().saturating_sub(1));
}

/// While playing, days pass at the clock's speed (each one an action of the game, so that saves
/// and hot reload replay it).
fn pass_days(
    mut clock: ResMut<Clock>,
    mut current: NonSendMut<Current>,
    screen: Res<State<Screen>>,
    time: Res<Time>,
) {
    if !clock.playing || *screen.get() != Screen::Playing {
        return;
    }
    let Some(game) = current.game() else {
        return;
    };
    if game.ended().is_some() {
        clock.playing = false;
        return;
    }
    clock.owed += time.delta_secs() * SPEEDS[clock.speed];
    // At most a few days a frame, so that the window stays responsive.
    let days = (clock.owed.floor() as u32).min(4);
    clock.owed -= days as f32;
    clock.owed = clock.owed.min(4.0);
    for _ in 0..days {
        if game.ended().is_some() {
            break;
        }
        game.advance(Advance::Days(1));
    }
}
