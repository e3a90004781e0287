//! The campaign in play in the window's world: starting one (new, loaded, reloaded), carrying
//! out what buttons, keys, the command line and the script ask for (orders to the selected
//! force, turns, saves), and days passing while the clock plays. Every order goes to the
//! simulation's orders phase; what it answers is shown in the window's reply, red when refused.

use std::path::{Path, PathBuf};

use bevy::prelude::*;

use super::compare::Comparing;
use super::menu::Catalogue;
use super::theme;
use super::{Reply, Screen, Settings, UiAction, UiSystems};
use crate::play::command::{Command, CommandError, HELP};
use crate::play::muster::MusterOrder;
use crate::play::{self, Advance, Order, text, view, words};
use crate::report;
use crate::save::{self, SaveFile};
use crate::scenario::Scenario;
use crate::sim::Commander;

/// The campaign in play, if any, and the window's hold on it.
#[derive(Resource, Debug, Clone, Default)]
pub struct Campaign {
    /// A campaign is in play.
    pub active: bool,
    /// The campaign file it was loaded from (hot reload watches it).
    pub path: Option<PathBuf>,
    /// The historical plan commands (watching), rather than the player.
    pub watch: bool,
    /// Bumped whenever the campaign is replaced (new, loaded, reloaded): the map is drawn anew.
    pub epoch: u64,
    /// The selected force.
    pub selected: Option<Entity>,
    /// A detachment yet to split off, selected by name to give it its orders.
    pub pending: Option<String>,
}

impl Campaign {
    /// The name orders go to: the pending detachment's, or the selected force's.
    fn order_target(&self, world: &World) -> Option<String> {
        self.pending
            .clone()
            .or_else(|| self.selected.map(|e| view::force_name(world, e)))
    }
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

/// Marks a campaign just begun in the world: the first force selected, the map to draw anew.
fn begun(world: &mut World, path: Option<PathBuf>, watch: bool) {
    let first = view::forces(world).first().copied();
    let mut campaign = world.resource_mut::<Campaign>();
    campaign.active = true;
    campaign.path = path;
    campaign.watch = watch;
    campaign.epoch += 1;
    campaign.selected = first;
    campaign.pending = None;
}

/// Starts a new game of `scenario` in the world.
pub fn begin(world: &mut World, scenario: &Scenario, seed: u64, path: PathBuf, watch: bool) {
    let commander = if watch {
        Commander::Historical
    } else {
        Commander::Player
    };
    play::start(world, scenario, seed, commander);
    begun(world, Some(path), watch);
}

/// The campaign replaced by `actions` replayed on `scenario` (hot reload): checked in a game of
/// its own first, so that a replay that fails leaves the campaign in play as it was.
pub fn reload(world: &mut World, scenario: &Scenario) -> Result<(), String> {
    let played = world.resource::<play::Played>().clone();
    let commander = *world.resource::<Commander>();
    // A mustered army is mustered anew from the changed files.
    let choice = world
        .get_resource::<play::muster::Mustered>()
        .map(|m| m.choice.clone());
    let mustered = match &choice {
        Some(choice) => {
            play::muster::mustered(scenario, choice).map_err(|why| format!("the muster: {why}"))?
        }
        None => scenario.clone(),
    };
    crate::play::Game::replay_as(mustered.clone(), played.seed, commander, &played.actions)?;
    play::replay(world, &mustered, played.seed, commander, &played.actions)?;
    if let Some(choice) = choice {
        world.insert_resource(play::muster::Mustered {
            original: scenario.clone(),
            choice,
        });
    }
    let (path, watch) = {
        let c = world.resource::<Campaign>();
        (c.path.clone(), c.watch)
    };
    begun(world, path, watch);
    Ok(())
}

/// Opens the window on a scenario, playing at once (or the menu says why it could not).
pub fn open_at_start(world: &mut World, path: &Path, seed: Option<u64>, watch: bool) {
    match Scenario::load(path) {
        Ok(scenario) => {
            let seed = seed.unwrap_or(scenario.campaign.seed);
            begin(world, &scenario, seed, path.to_path_buf(), watch);
            world
                .resource_mut::<NextState<Screen>>()
                .set(Screen::Playing);
            world.resource_mut::<Clock>().playing = watch;
            world
                .resource_mut::<Reply>()
                .say(theme::latin(&scenario.campaign.description));
        }
        Err(e) => {
            // The menu shows why, and the player can pick another.
            world
                .resource_mut::<Reply>()
                .fail(format!("the scenario did not load:\n{e}"));
        }
    }
}

/// Keeps the selection on a force in the field.
fn keep_selection(world: &mut World) {
    let forces = view::forces(world);
    let mut campaign = world.resource_mut::<Campaign>();
    if campaign.pending.is_none() && campaign.selected.is_none_or(|e| !forces.contains(&e)) {
        campaign.selected = forces.first().copied();
    }
}

/// Gives `order` to the selected force and says what came of it.
fn give(world: &mut World, order: Order) -> Result<String, String> {
    let campaign = world.resource::<Campaign>().clone();
    if !campaign.active {
        return Err("no game in play: start one from the menu".to_string());
    }
    let Some(target) = campaign.order_target(world) else {
        return Err("no force is in the field".to_string());
    };
    match play::give(world, &target, order) {
        Ok(given) => Ok(words::given(world, &given)),
        Err(why) => Err(format!("refused: {}", words::refused(world, &target, &why))),
    }
}

/// Resolves the world, autosaves, and tells the turn.
fn turn(world: &mut World, how: Advance) -> Result<String, String> {
    if !world.resource::<Campaign>().active {
        return Err("no game in play: start one from the menu".to_string());
    }
    if play::ended(world).is_some() {
        return Err("the campaign is over; 'report' for the whole story".to_string());
    }
    let turn = play::advance(world, how);
    let mut said = text::turn(world, &turn);
    if let Err(why) = save_as(world, "autosave") {
        said.push_str(&format!("(autosave failed: {why})\n"));
    }
    Ok(said)
}

/// Saves the game in play under `name` in the saves folder.
fn save_as(world: &mut World, name: &str) -> Result<String, String> {
    let saves = world.resource::<Settings>().saves.clone();
    let path = save::path_in(&saves, name)?;
    SaveFile::of(world)
        .write(&path)
        .map_err(|e| format!("could not save to {}: {e}", path.display()))?;
    Ok(format!("saved to {}", path.display()))
}

/// Loads a save into the world; the game in play goes on if it fails.
fn load(world: &mut World, path: &Path) -> Result<String, String> {
    let file = SaveFile::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let scenario = file
        .restore_into(path, &[crate::scenario::files::scenarios_dir()], world)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let watch = file.commander == Commander::Historical;
    begun(world, Some(scenario.path.clone()), watch);
    world.resource_mut::<Clock>().playing = false;
    let date = world.resource::<crate::sim::Calendar>().describe();
    world
        .resource_mut::<NextState<Screen>>()
        .set(Screen::Playing);
    Ok(format!("loaded {} ({date})", path.display()))
}

/// Selects a force by its number or (the start of) its name, or a pending detachment.
fn select(world: &mut World, which: &str) -> Result<String, String> {
    let forces = view::forces(world);
    let by_number = which
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_sub(1))
        .and_then(|i| forces.get(i).copied());
    if let Some(e) = by_number.or_else(|| view::find_force(world, which)) {
        let mut c = world.resource_mut::<Campaign>();
        c.selected = Some(e);
        c.pending = None;
        return Ok(format!("{} selected", view::force_name(world, e)));
    }
    match view::pending_detachment(world, which) {
        Some((name, _)) => {
            world.resource_mut::<Campaign>().pending = Some(name.clone());
            Ok(format!(
                "{name} selected: it has yet to split off, and its orders will be its plan"
            ))
        }
        None => Err(format!("no force '{which}'")),
    }
}

/// Carries out a line of the command line.
fn line(world: &mut World, line: &str) -> Result<String, String> {
    let command = match line.parse::<Command>() {
        Ok(c) => c,
        Err(CommandError::Empty) => return Ok(String::new()),
        Err(e) => return Err(e.to_string()),
    };
    let active = world.resource::<Campaign>().active;
    if !active && !matches!(command, Command::Help | Command::Quit | Command::Load(_)) {
        return Err("no game in play: start one from the menu".to_string());
    }
    let selected = world.resource::<Campaign>().order_target(world);
    match command {
        Command::Order(order) => give(world, order),
        Command::Advance(how) => turn(world, how),
        Command::Select(which) => select(world, &which),
        Command::Status => Ok(text::status(world, selected.as_deref().unwrap_or(""))),
        Command::Orders => Ok(text::orders(world)),
        Command::Reach => Ok(text::reach_of(world, selected.as_deref().unwrap_or(""))),
        Command::Forecast(orders) => Ok(text::forecast_of(
            world,
            selected.as_deref().unwrap_or(""),
            &orders,
        )),
        Command::Muster(order) => muster(world, &order),
        Command::Log => Ok(text::log(world)),
        Command::Report => Ok(report::render_text(&report::of(world))),
        Command::Save(name) => save_as(world, &name),
        Command::Load(name) => {
            let saves = world.resource::<Settings>().saves.clone();
            let path = save::path_in(&saves, &name)?;
            load(world, &path).map_err(|e| format!("{e}\nThe game goes on as it was."))
        }
        Command::Help => Ok(HELP.to_string()),
        Command::Quit => {
            world.write_message(AppExit::Success);
            Ok("farewell".to_string())
        }
    }
}

/// Looks at or changes the muster: a change starts the campaign afresh, its map drawn anew, with
/// the same column selected (or the one split off).
pub fn muster(world: &mut World, order: &MusterOrder) -> Result<String, String> {
    let selected = world
        .resource::<Campaign>()
        .order_target(world)
        .unwrap_or_default();
    let done = play::muster::order(world, &selected, order)?;
    if *order != MusterOrder::Show {
        let (path, watch) = {
            let c = world.resource::<Campaign>();
            (c.path.clone(), c.watch)
        };
        begun(world, path, watch);
        let name = done.select.unwrap_or(selected);
        let column = view::find_force(world, &name);
        if column.is_some() {
            world.resource_mut::<Campaign>().selected = column;
        }
        // The muster panel shows the sheet.
        return Ok(done.done);
    }
    Ok(done.told)
}

/// Starts a new game of the scenario picked in the menu.
fn new_game(world: &mut World, watch: bool) -> Result<String, String> {
    let catalogue = world.resource::<Catalogue>();
    let Some(entry) = catalogue.entries.get(catalogue.picked).cloned() else {
        return Err("no scenario to play: put a campaign file under scenarios/".to_string());
    };
    let seed = catalogue.seed();
    match Scenario::load(&entry.path) {
        Ok(scenario) => {
            let seed = seed.unwrap_or(scenario.campaign.seed);
            begin(world, &scenario, seed, entry.path.clone(), watch);
            world.resource_mut::<Clock>().playing = watch;
            world
                .resource_mut::<NextState<Screen>>()
                .set(Screen::Playing);
            Ok(format!(
                "{} (seed {seed}): {}\n{}",
                entry.name,
                if watch {
                    "the historical plan plays itself; P pauses"
                } else {
                    "give your orders, then end the turn"
                },
                theme::latin(&scenario.campaign.description)
            ))
        }
        Err(e) => {
            let mut catalogue = world.resource_mut::<Catalogue>();
            let picked = catalogue.picked;
            catalogue.entries[picked].error = Some(e.to_string());
            Err(format!("{} did not load:\n{e}", entry.path.display()))
        }
    }
}

/// Carries out one action.
fn act(world: &mut World, action: UiAction) {
    let said: Option<Result<String, String>> = match action {
        UiAction::Order(order) => Some(give(world, order)),
        UiAction::Advance(how) => Some(turn(world, how)),
        UiAction::Line(text) => {
            let out = line(world, &text);
            Some(match out {
                Ok(s) => Ok(format!("> {text}\n{}", s.trim_end())),
                Err(s) => Err(format!("> {text}\n{}", s.trim_end())),
            })
        }
        UiAction::Pass(days) => {
            pass(world, days);
            None
        }
        UiAction::Save(name) => Some(save_as(world, &name)),
        UiAction::Load(path) => Some(load(world, &path)),
        UiAction::SelectForce(e) => {
            let mut c = world.resource_mut::<Campaign>();
            c.selected = Some(e);
            c.pending = None;
            Some(Ok(format!("{} selected", view::force_name(world, e))))
        }
        UiAction::TogglePlay => {
            let mut clock = world.resource_mut::<Clock>();
            clock.playing = !clock.playing;
            clock.owed = 0.0;
            None
        }
        UiAction::Speed(step) => {
            let mut clock = world.resource_mut::<Clock>();
            clock.speed = (clock.speed as i32 + step).clamp(0, SPEEDS.len() as i32 - 1) as usize;
            None
        }
        UiAction::PickScenario(index) => {
            let mut catalogue = world.resource_mut::<Catalogue>();
            if index < catalogue.entries.len() {
                catalogue.picked = index;
            }
            None
        }
        UiAction::NewGame { watch } => Some(new_game(world, watch)),
        UiAction::Go(target) => {
            if target == Screen::Playing && !world.resource::<Campaign>().active {
                Some(Err("no game in play: start one".to_string()))
            } else {
                if *world.resource::<State<Screen>>().get() == Screen::Playing {
                    world.resource_mut::<Clock>().playing = false;
                }
                world.resource_mut::<NextState<Screen>>().set(target);
                None
            }
        }
        UiAction::ComparePick { side, index } => {
            let n = world.resource::<Catalogue>().entries.len();
            if side < 2 && index < n {
                world.resource_mut::<Comparing>().picked[side] = index;
            }
            None
        }
        UiAction::CompareRuns(runs) => {
            world.resource_mut::<Comparing>().runs = runs.max(1);
            None
        }
        UiAction::RunCompare => {
            world.resource_scope(|world, mut comparing: Mut<Comparing>| {
                comparing.start(world.resource::<Catalogue>());
            });
            None
        }
        UiAction::Quit => {
            world.write_message(AppExit::Success);
            None
        }
    };
    keep_selection(world);
    match said {
        Some(Ok(text)) => world.resource_mut::<Reply>().say(text.trim_end()),
        Some(Err(text)) => world.resource_mut::<Reply>().fail(text.trim_end()),
        None => {}
    }
}

/// Carries out the actions asked for this frame.
fn carry_out(world: &mut World) {
    let actions = std::mem::take(&mut world.resource_mut::<theme::Actions>().0);
    for action in actions {
        act(world, action);
    }
    // Keep the catalogue's pick inside it.
    let mut catalogue = world.resource_mut::<Catalogue>();
    catalogue.picked = catalogue
        .picked
        .min(catalogue.entries.len().saturating_sub(1));
}

/// While playing, days pass at the clock's speed (each one an action of the game, so that saves
/// and hot reload replay it).
fn pass_days(world: &mut World) {
    let playing = world.resource::<Clock>().playing
        && *world.resource::<State<Screen>>().get() == Screen::Playing
        && world.resource::<Campaign>().active;
    if !playing {
        return;
    }
    if play::ended(world).is_some() {
        world.resource_mut::<Clock>().playing = false;
        return;
    }
    let delta = world.resource::<Time>().delta_secs();
    let days = {
        let mut clock = world.resource_mut::<Clock>();
        clock.owed += delta * SPEEDS[clock.speed];
        // At most a few days a frame, so that the window stays responsive.
        let days = (clock.owed.floor() as u32).min(4);
        clock.owed -= days as f32;
        clock.owed = clock.owed.min(4.0);
        days
    };
    for _ in 0..days {
        if play::ended(world).is_some() {
            break;
        }
        play::advance(world, Advance::Days(1));
    }
    keep_selection(world);
}

/// Passes `days` days at once (the script's `until`).
pub fn pass(world: &mut World, days: u32) {
    for _ in 0..days {
        if play::ended(world).is_some() {
            break;
        }
        play::advance(world, Advance::Days(1));
    }
    keep_selection(world);
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Campaign>();
    app.init_resource::<Clock>();
    app.add_systems(
        Update,
        (carry_out, pass_days).chain().in_set(UiSystems::Act),
    );
}
