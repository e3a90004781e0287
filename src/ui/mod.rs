//! The game window (feature `gui`, work in progress): a map of the scenario's places and routes,
//! the forces on it, a HUD with the date and each force's strength and supplies, the chronicle,
//! and turn controls. It drives the same [`Game`] the terminal mode does: the simulation runs in
//! the game's own world, and the window only reads it and asks it to resolve turns.
//!
//! Keys: Space ends the turn (resolves until the next decision), D resolves one day, P plays or
//! pauses (a day a frame), arrows or WASD pan, + and − zoom, Escape quits.

use std::path::PathBuf;

use bevy::math::Isometry2d;
use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, save_to_disk};

use bevy::input::keyboard::{Key, KeyboardInput};

use crate::play::text::Session;
use crate::play::{Advance, Game, supply_days};
use crate::sim::components::*;

/// How the window is opened.
#[derive(Debug, Clone, Default)]
pub struct WindowOptions {
    /// Start resolving a day a frame at once (watching the historical plan).
    pub autoplay: bool,
    /// Take screenshots into this folder at these campaign days, then quit (for smoke tests).
    pub screenshots: Option<(PathBuf, Vec<u32>)>,
    /// Where saves go.
    pub saves: PathBuf,
    /// Commands to type into the command line at the start (for smoke tests).
    pub commands: Vec<String>,
}

/// The game the window shows (the simulation lives in its own world), in a terminal session so
/// that the window's command line takes every command the terminal mode does.
struct GameCell(Session);

/// Window state: playing, where screenshots go.
#[derive(Resource, Debug, Default)]
struct WindowState {
    playing: bool,
    shots: Vec<u32>,
    shot_dir: Option<PathBuf>,
    taken: u32,
    quit_after_frames: Option<u32>,
    last_log: usize,
    /// The command line, while it is open.
    typing: Option<String>,
    /// The last command's reply.
    reply: String,
    /// Commands still to type (smoke tests).
    script: Vec<String>,
}

/// Pixels per degree of latitude on the map.
const SCALE: f32 = 48.0;

/// The map projection: the scenario's places around their centre, longitude shrunk by the
/// cosine of the mean latitude.
#[derive(Resource, Debug, Clone, Copy)]
struct Projection2 {
    lat0: f64,
    lon0: f64,
    cos: f64,
}

impl Projection2 {
    fn at(&self, lat: f64, lon: f64) -> Vec2 {
        Vec2::new(
            ((lon - self.lon0) * self.cos) as f32 * SCALE + 120.0,
            (lat - self.lat0) as f32 * SCALE - 40.0,
        )
    }
}

#[derive(Component)]
struct Hud;
#[derive(Component)]
struct ForcePanel;
#[derive(Component)]
struct LogPanel;
#[derive(Component)]
struct SidePanel;
#[derive(Component)]
struct Banner(String);

/// Opens the window on `game` and runs until the player quits.
pub fn run(game: Game, options: WindowOptions) -> AppExit {
    let mut app = App::new();
    app.add_plugins(DefaultPlugins.set(WindowPlugin {
        primary_window: Some(Window {
            title: format!("Heavenly Horses: {}", game.scenario.campaign.name),
            resolution: (1280u32, 720u32).into(),
            ..default()
        }),
        ..default()
    }));
    let places = &game.scenario.map.places.clone();
    let n = places.len().max(1) as f64;
    let lat0 = places.iter().map(|p| p.lat).sum::<f64>() / n;
    let lon0 = places.iter().map(|p| p.lon).sum::<f64>() / n;
    app.insert_resource(Projection2 {
        lat0,
        lon0,
        cos: lat0.to_radians().cos(),
    });
    let (shot_dir, shots) = match options.screenshots {
        Some((dir, days)) => (Some(dir), days),
        None => (None, Vec::new()),
    };
    app.insert_resource(WindowState {
        playing: options.autoplay,
        shots,
        shot_dir,
        script: options.commands.clone(),
        ..default()
    });
    app.insert_resource(ClearColor(Color::srgb(0.86, 0.80, 0.66)));
    app.insert_non_send(GameCell(Session::new(game, &options.saves)));
    app.add_systems(Startup, setup);
    app.add_systems(
        Update,
        (
            command_line,
            controls,
            advance,
            draw_map,
            place_banners,
            update_hud,
            update_side_panel,
            screenshots,
        )
            .chain(),
    );
    app.run()
}

/// The font every text is set in (Bevy's default font lacks · and −).
#[derive(Resource, Clone)]
struct UiFont(Handle<Font>);

fn setup(
    mut commands: Commands,
    game: NonSend<GameCell>,
    projection: Res<Projection2>,
    mut fonts: ResMut<Assets<Font>>,
) {
    commands.spawn(Camera2d);
    // The font is built into the game, so the window finds it wherever it is started from.
    let handle = fonts.add(Font::from_bytes(
        include_bytes!("../../assets/fonts/DejaVuSans.ttf").to_vec(),
    ));
    commands.insert_resource(UiFont(handle.clone()));
    let font = |size: f32| TextFont {
        font: handle.clone().into(),
        font_size: FontSize::Px(size),
        ..default()
    };
    // Place names on the map.
    for p in &game.0.game.scenario.map.places {
        let at = projection.at(p.lat, p.lon);
        commands.spawn((
            Text2d::new(p.name.clone()),
            font(13.0),
            TextColor(Color::srgb(0.15, 0.1, 0.05)),
            Transform::from_xyz(at.x, at.y + 14.0, 1.0),
        ));
    }
    // The HUD: date along the top, forces on the left, the chronicle along the bottom.
    commands.spawn((
        Hud,
        Text::new(""),
        font(16.0),
        TextColor(Color::BLACK),
        Node {
            position_type: PositionType::Absolute,
            top: px(8),
            left: px(12),
            ..default()
        },
    ));
    commands.spawn((
        ForcePanel,
        Text::new(""),
        font(14.0),
        TextColor(Color::BLACK),
        BackgroundColor(Color::srgba(1.0, 1.0, 0.95, 0.8)),
        Node {
            position_type: PositionType::Absolute,
            top: px(56),
            left: px(12),
            width: px(360),
            padding: UiRect::all(px(6)),
            ..default()
        },
    ));
    commands.spawn((
        SidePanel,
        Text::new(""),
        font(14.0),
        TextColor(Color::BLACK),
        BackgroundColor(Color::srgba(1.0, 1.0, 0.95, 0.85)),
        Node {
            position_type: PositionType::Absolute,
            top: px(56),
            right: px(12),
            width: px(340),
            padding: UiRect::all(px(6)),
            ..default()
        },
    ));
    commands.spawn((
        LogPanel,
        Text::new(""),
        font(13.0),
        TextColor(Color::BLACK),
        BackgroundColor(Color::srgba(1.0, 1.0, 0.95, 0.8)),
        Node {
            position_type: PositionType::Absolute,
            bottom: px(8),
            left: px(12),
            right: px(12),
            padding: UiRect::all(px(6)),
            ..default()
        },
    ));
}

fn controls(
    keys: Res<ButtonInput<KeyCode>>,
    mut state: ResMut<WindowState>,
    mut game: NonSendMut<GameCell>,
    mut camera: Single<(&mut Transform, &mut Projection), With<Camera2d>>,
    time: Res<Time>,
    mut exit: MessageWriter<AppExit>,
) {
    if game.0.quit {
        exit.write(AppExit::Success);
    }
    if state.typing.is_some() {
        return;
    }
    if keys.just_pressed(KeyCode::Escape) {
        exit.write(AppExit::Success);
    }
    if keys.just_pressed(KeyCode::KeyP) {
        state.playing = !state.playing;
    }
    if keys.just_pressed(KeyCode::Space) {
        game.0.game.advance(Advance::Turn);
    }
    if keys.just_pressed(KeyCode::KeyD) {
        game.0.game.advance(Advance::Days(1));
    }
    let (transform, projection) = &mut *camera;
    let speed = 400.0 * time.delta_secs();
    let pan = [
        (KeyCode::ArrowLeft, KeyCode::KeyA, Vec3::NEG_X),
        (KeyCode::ArrowRight, KeyCode::KeyF, Vec3::X),
        (KeyCode::ArrowUp, KeyCode::KeyW, Vec3::Y),
        (KeyCode::ArrowDown, KeyCode::KeyS, Vec3::NEG_Y),
    ];
    for (a, b, dir) in pan {
        if keys.pressed(a) || keys.pressed(b) {
            transform.translation += dir * speed;
        }
    }
    if let Projection::Orthographic(ortho) = &mut **projection {
        if keys.pressed(KeyCode::Equal) || keys.pressed(KeyCode::NumpadAdd) {
            ortho.scale *= 1.0 - time.delta_secs();
        }
        if keys.pressed(KeyCode::Minus) || keys.pressed(KeyCode::NumpadSubtract) {
            ortho.scale *= 1.0 + time.delta_secs();
        }
    }
}

/// The command line: Enter opens it, Enter runs the command (any command of the terminal mode),
/// Escape closes it. Scripted commands (smoke tests) are typed one a frame.
fn command_line(
    mut input: MessageReader<KeyboardInput>,
    mut state: ResMut<WindowState>,
    mut game: NonSendMut<GameCell>,
) {
    if !state.script.is_empty() {
        let line = state.script.remove(0);
        state.reply = format!("> {line}\n{}", game.0.command(&line));
        return;
    }
    for key in input.read() {
        if !key.state.is_pressed() {
            continue;
        }
        match (&key.logical_key, state.typing.is_some()) {
            (Key::Enter, false) => state.typing = Some(String::new()),
            (Key::Enter, true) => {
                let line = state.typing.take().unwrap_or_default();
                state.reply = format!("> {line}\n{}", game.0.command(&line));
            }
            (Key::Escape, true) => state.typing = None,
            (Key::Backspace, true) => {
                if let Some(t) = state.typing.as_mut() {
                    t.pop();
                }
            }
            (Key::Character(c), true) => {
                if let Some(t) = state.typing.as_mut() {
                    t.push_str(c);
                }
            }
            (Key::Space, true) => {
                if let Some(t) = state.typing.as_mut() {
                    t.push(' ');
                }
            }
            _ => {}
        }
    }
}

/// While playing, a day a frame.
fn advance(state: Res<WindowState>, mut game: NonSendMut<GameCell>) {
    if state.playing && game.0.game.ended().is_none() {
        crate::sim::advance_day(game.0.game.world());
    }
}

/// Where a force is on the map.
fn position(game: &Game, force: &Force, projection: &Projection2) -> Vec2 {
    let world = game.app.world();
    let (lat, lon) = crate::sim::record::lat_lon(
        force.location,
        |e| world.get::<Place>(e).map(|p| (p.lat, p.lon)),
        |r| world.get::<Route>(r).map(|r| r.length_km),
    );
    projection.at(lat, lon)
}

fn draw_map(mut gizmos: Gizmos, mut game: NonSendMut<GameCell>, projection: Res<Projection2>) {
    let world = game.0.game.world();
    let mut routes = world.query::<&Route>();
    let mut places = world.query::<&Place>();
    let mut states = world.query::<&OasisState>();
    let spot = |world: &World, e: Entity| {
        world
            .get::<Place>(e)
            .map_or(Vec2::ZERO, |p| projection.at(p.lat, p.lon))
    };
    for r in routes.iter(world) {
        let (a, b) = (spot(world, r.a), spot(world, r.b));
        let dry = r.dry_km();
        let colour = if dry > 0.0 {
            Color::srgb(0.75, 0.45, 0.15)
        } else {
            Color::srgb(0.2, 0.45, 0.75)
        };
        gizmos.line_2d(a, b, colour);
    }
    for p in places.iter(world) {
        gizmos.circle_2d(
            Isometry2d::from_translation(projection.at(p.lat, p.lon)),
            4.0,
            Color::srgb(0.3, 0.25, 0.2),
        );
    }
    for s in states.iter(world) {
        let colour = match s.relation {
            Relation::Submitted | Relation::Conquered => Color::srgb(0.1, 0.6, 0.2),
            Relation::Refused | Relation::Victorious => Color::srgb(0.8, 0.1, 0.1),
            Relation::Trading => Color::srgb(0.8, 0.7, 0.1),
            Relation::Unmet => Color::srgb(0.5, 0.5, 0.5),
        };
        let at = spot(world, s.place);
        gizmos.circle_2d(Isometry2d::from_translation(at), 9.0, colour);
    }
}

fn place_banners(
    mut commands: Commands,
    mut game: NonSendMut<GameCell>,
    projection: Res<Projection2>,
    font: Res<UiFont>,
    mut banners: Query<(Entity, &Banner, &mut Transform)>,
) {
    let forces = game.0.game.forces();
    for (entity, banner, mut transform) in &mut banners {
        match forces.iter().find(|v| v.force.name == banner.0) {
            Some(v) => {
                let at = position(&game.0.game, &v.force, &projection);
                transform.translation = at.extend(2.0);
            }
            None => commands.entity(entity).despawn(),
        }
    }
    for (i, v) in forces.iter().enumerate() {
        if banners.iter().any(|(_, b, _)| b.0 == v.force.name) {
            continue;
        }
        let at = position(&game.0.game, &v.force, &projection);
        let colour = [
            Color::srgb(0.75, 0.1, 0.1),
            Color::srgb(0.1, 0.3, 0.7),
            Color::srgb(0.1, 0.55, 0.2),
        ][i % 3];
        commands
            .spawn((
                Banner(v.force.name.clone()),
                Sprite::from_color(colour, Vec2::new(14.0, 18.0)),
                Transform::from_translation(at.extend(2.0)),
            ))
            .with_child((
                Text2d::new(v.force.name.clone()),
                TextFont {
                    font: font.0.clone().into(),
                    font_size: FontSize::Px(12.0),
                    ..default()
                },
                TextColor(colour),
                Transform::from_xyz(0.0, -18.0, 0.1),
            ));
    }
}

fn update_hud(
    mut game: NonSendMut<GameCell>,
    mut state: ResMut<WindowState>,
    mut hud: Single<&mut Text, (With<Hud>, Without<ForcePanel>, Without<LogPanel>)>,
    mut panel: Single<&mut Text, (With<ForcePanel>, Without<Hud>, Without<LogPanel>)>,
    mut log: Single<&mut Text, (With<LogPanel>, Without<Hud>, Without<ForcePanel>)>,
) {
    let rules = game.0.game.scenario.rules.clone();
    let prestige = game.0.game.app.world().resource::<Prestige>().0;
    let ended = game
        .0
        .game
        .ended()
        .map_or(String::new(), |o| format!(" · campaign over: {}", o.word()));
    let playing = if state.playing { "playing" } else { "paused" };
    hud.0 = format!(
        "{} · Han prestige {prestige:+.2} · {playing}{ended}\nSpace: end turn · D: a day · P: play or pause · arrows: pan · +/−: zoom · Esc: quit",
        game.0.game.date()
    );
    let mut text = String::new();
    for v in game.0.game.forces() {
        let f = &v.force;
        let (grain, fodder, water) = supply_days(&rules, f);
        let days = |d: f64| {
            if d.is_finite() {
                format!("{:.0}", d.min(999.0))
            } else {
                "-".to_string()
            }
        };
        text.push_str(&format!(
            "{}\n  men {} ({} horse), morale {:.2}\n  horses {} oxen {} donkeys {} camels {}\n  days of grain {}, fodder {}, water {}\n",
            f.name,
            f.men.total(),
            f.men.cavalry,
            f.morale,
            f.animals.horses,
            f.animals.oxen,
            f.animals.donkeys,
            f.animals.camels,
            days(grain),
            days(fodder),
            days(water)
        ));
    }
    panel.0 = text;
    let chronicle = &game.0.game.app.world().resource::<Chronicle>().0;
    let start = chronicle.len().saturating_sub(5);
    let mut text: Vec<String> = chronicle[start..]
        .iter()
        .map(|e| format!("day {:>3}  {}", e.day, e.text))
        .collect();
    state.last_log = chronicle.len();
    if !state.reply.is_empty() {
        text = state.reply.lines().take(8).map(str::to_string).collect();
    }
    text.push(match &state.typing {
        Some(t) => format!("> {t}_"),
        None => "Enter: type a command (as in the terminal mode; 'help' lists them)".to_string(),
    });
    log.0 = text.join("\n");
}

/// The right-hand panel: the siege under way (walls, days, the defenders' food, water and
/// morale), and at the end the result beside the historical record.
fn update_side_panel(
    mut game: NonSendMut<GameCell>,
    mut side: Single<(&mut Text, &mut Visibility), With<SidePanel>>,
) {
    let mut text = String::new();
    let forces = game.0.game.forces();
    for v in &forces {
        let Activity::Besieging {
            state,
            days,
            max_days,
            accept_terms,
            ..
        } = v.force.activity
        else {
            continue;
        };
        let Some(s) = game.0.game.app.world().get::<OasisState>(state) else {
            continue;
        };
        let wall = if s.outer_breached {
            format!("outer wall breached, inner {:.1}", s.walls.inner)
        } else {
            format!(
                "walls {:.1} outer, {:.1} inner",
                s.walls.outer, s.walls.inner
            )
        };
        let water = if s.water_diverted {
            format!("stream diverted; cisterns: {:.0} d", s.water_days.max(0.0))
        } else {
            "their stream still flows".to_string()
        };
        let terms = if accept_terms { "accepted" } else { "refused" };
        text.push_str(&format!(
            "Siege of {}\n  day {days} of at most {max_days}\n  {wall}\n  garrison {}, morale {:.2}\n  {:.0} days of food; {water}\n  terms will be {terms}\n",
            s.name,
            s.garrison,
            s.defender_morale.max(0.0),
            s.food_days.max(0.0)
        ));
    }
    if let Some(outcome) = game.0.game.ended() {
        let r = game.0.game.report();
        let history = game.0.game.scenario.campaign.history.clone();
        let hist = |f: crate::scenario::types::Figure| {
            history
                .as_ref()
                .and_then(|h| h.figures.iter().find(|x| x.figure == f))
                .map_or(String::new(), |x| format!(" (history: {:.0})", x.value))
        };
        use crate::scenario::types::Figure;
        text.push_str(&format!(
            "The campaign is over: {}{}\n  men home {} of {}{}\n  horses home {}{}\n  horses taken {}{}\n",
            outcome.word(),
            history
                .as_ref()
                .map_or(String::new(), |h| format!(" (history: {})", h.outcome)),
            r.men.returned,
            r.men.start,
            hist(Figure::MenHome),
            r.horses.returned,
            hist(Figure::HorsesHome),
            r.horses.obtained,
            hist(Figure::HorsesObtained),
        ));
        if let Some(siege) = &r.siege {
            text.push_str(&format!(
                "  siege of {}: {} days, {}{}\n",
                siege.name,
                siege.days,
                siege.result,
                hist(Figure::SiegeDays)
            ));
        }
    }
    let (content, visibility) = &mut *side;
    **visibility = if text.is_empty() {
        Visibility::Hidden
    } else {
        Visibility::Visible
    };
    content.0 = text;
}

/// Takes the smoke test's screenshots at their days, then quits a few frames after the last.
fn screenshots(
    mut commands: Commands,
    mut state: ResMut<WindowState>,
    game: NonSend<GameCell>,
    mut exit: MessageWriter<AppExit>,
) {
    let Some(dir) = state.shot_dir.clone() else {
        return;
    };
    if let Some(frames) = state.quit_after_frames {
        if frames == 0 {
            exit.write(AppExit::Success);
        } else {
            state.quit_after_frames = Some(frames - 1);
        }
        return;
    }
    let day = game.0.game.app.world().resource::<Calendar>().day;
    let ended = game.0.game.ended().is_some();
    let due: Vec<u32> = state
        .shots
        .iter()
        .copied()
        .filter(|d| *d <= day || ended)
        .collect();
    for d in due {
        state.shots.retain(|x| *x != d);
        state.taken += 1;
        let path = dir.join(format!("day-{d:04}.png"));
        commands
            .spawn(Screenshot::primary_window())
            .observe(save_to_disk(path));
    }
    if state.shots.is_empty() && state.taken > 0 {
        // Give the last capture a few frames to reach the disk.
        state.quit_after_frames = Some(30);
    }
}
