//! The HUD over the map: the date, prestige and the turn controls along the top; the forces,
//! the selected force's men, animals, days of grain, fodder and water and morale, and its orders
//! as buttons on the left; the siege (walls, days, the defenders' water and stores, the terms
//! they offer) or the end of the campaign (the result beside the historical record and the
//! strength along the route) on the right; the chronicle, the game's replies and the command
//! line (every command of the terminal mode) along the bottom.
//!
//! Keys: Space ends the turn, D passes a day, P plays or pauses, [ and ] change the speed, Tab
//! selects the next force, 1–9 give the order on that button, F5 saves, F9 loads the quick
//! save, Enter opens the command line (Enter runs it, Escape leaves it), Escape goes to the
//! menu.

use bevy::asset::RenderAssetUsages;
use bevy::input_focus::{FocusCause, InputFocus};
use bevy::prelude::*;
use bevy::render::render_resource::{Extent3d, TextureDimension, TextureFormat};
use bevy::text::EditableText;

use super::theme::{self, Chosen, UiFont};
use super::{Clock, Current, Reply, SPEEDS, Screen, UiAction, UiSystems};
use crate::play::supply_days;
use crate::scenario::types::Figure;
use crate::sim::components::*;

#[derive(Component)]
struct TopText;
#[derive(Component)]
struct ForceList;
#[derive(Component)]
struct ForceDetails;
#[derive(Component)]
struct OrderButtons;
#[derive(Component)]
struct SidePanel;
#[derive(Component)]
struct SideText;
#[derive(Component)]
struct TermsButtons;
#[derive(Component)]
struct EndChart;
#[derive(Component)]
struct EndButtons;
#[derive(Component)]
struct LogText;
#[derive(Component)]
struct ReplyText;
#[derive(Component)]
pub(super) struct CommandLine;
/// An order button's place in the list (its key is this number).
#[derive(Component)]
struct OrderKey(usize);

/// What the dynamic parts were last built for (rebuilt when it changes).
#[derive(Resource, Debug, Default)]
struct Built {
    forces: String,
    orders: String,
    terms: String,
    chart_epoch: Option<u64>,
    /// The end panel's words, made with the chart.
    end_text: String,
}

fn spawn_hud(mut commands: Commands, font: Res<UiFont>, mut built: ResMut<Built>) {
    *built = Built::default();
    let top = |n: Node| Node {
        position_type: PositionType::Absolute,
        ..n
    };
    // A panel over the map: a column with a margin inside.
    let column = |n: Node| Node {
        position_type: PositionType::Absolute,
        flex_direction: FlexDirection::Column,
        padding: UiRect::all(px(8)),
        ..n
    };
    // Along the top: the date and the turn controls.
    commands
        .spawn((
            DespawnOnExit(Screen::Playing),
            theme::panel(top(Node {
                top: px(0),
                left: px(0),
                right: px(0),
                flex_direction: FlexDirection::Row,
                flex_wrap: FlexWrap::Wrap,
                align_items: AlignItems::Center,
                column_gap: px(2),
                padding: UiRect::axes(px(6), px(3)),
                ..default()
            })),
        ))
        .with_children(|bar| {
            bar.spawn((TopText, Text::new(""), font.at(14.0), TextColor(theme::INK)));
            let buttons = [
                ("End turn", "Space", UiAction::Command("end".into())),
                ("Day", "D", UiAction::Command("day".into())),
                ("Play/pause", "P", UiAction::TogglePlay),
                ("Slower", "[", UiAction::Speed(-1)),
                ("Faster", "]", UiAction::Speed(1)),
                ("Save", "F5", UiAction::Command("save quick".into())),
                ("Menu", "Esc", UiAction::Go(Screen::Menu)),
            ];
            for (label, key, action) in buttons {
                bar.spawn(theme::button(&font, label, key, action));
            }
        });
    // On the left: the forces, the selected one's state, its orders.
    commands
        .spawn((
            DespawnOnExit(Screen::Playing),
            theme::panel(column(Node {
                top: px(40),
                left: px(8),
                width: px(330),
                row_gap: px(4),
                ..default()
            })),
        ))
        .with_children(|col| {
            col.spawn((
                ForceList,
                Node {
                    flex_direction: FlexDirection::Row,
                    flex_wrap: FlexWrap::Wrap,
                    ..default()
                },
            ));
            col.spawn((
                ForceDetails,
                Text::new(""),
                font.at(13.0),
                TextColor(theme::INK),
            ));
            col.spawn((
                OrderButtons,
                Node {
                    flex_direction: FlexDirection::Row,
                    flex_wrap: FlexWrap::Wrap,
                    ..default()
                },
            ));
        });
    // On the right: the siege, or the end.
    commands
        .spawn((
            DespawnOnExit(Screen::Playing),
            SidePanel,
            theme::panel(column(Node {
                top: px(40),
                right: px(8),
                max_width: px(560),
                row_gap: px(4),
                ..default()
            })),
            Visibility::Hidden,
        ))
        .with_children(|col| {
            col.spawn((
                SideText,
                Text::new(""),
                font.at(13.0),
                TextColor(theme::INK),
            ));
            col.spawn((
                TermsButtons,
                Node {
                    flex_direction: FlexDirection::Row,
                    ..default()
                },
            ));
            col.spawn((
                EndChart,
                ImageNode::default(),
                Node {
                    width: px(540),
                    height: px(300),
                    display: Display::None,
                    ..default()
                },
            ));
            col.spawn((
                EndButtons,
                Node {
                    flex_direction: FlexDirection::Row,
                    display: Display::None,
                    ..default()
                },
            ))
            .with_children(|row| {
                row.spawn(theme::button(
                    &font,
                    "Compare the expeditions",
                    "C",
                    UiAction::Go(Screen::Compare),
                ));
                row.spawn(theme::button(
                    &font,
                    "Menu",
                    "Esc",
                    UiAction::Go(Screen::Menu),
                ));
            });
        });
    // Along the bottom: the chronicle and the replies, and the command line.
    commands
        .spawn((
            DespawnOnExit(Screen::Playing),
            theme::panel(column(Node {
                bottom: px(0),
                left: px(0),
                right: px(0),
                row_gap: px(2),
                ..default()
            })),
        ))
        .with_children(|col| {
            col.spawn((LogText, Text::new(""), font.at(13.0), TextColor(theme::INK)));
            col.spawn((
                ReplyText,
                Text::new(""),
                font.at(13.0),
                TextColor(theme::INK),
            ));
            col.spawn(Node {
                flex_direction: FlexDirection::Row,
                align_items: AlignItems::Center,
                column_gap: px(6),
                ..default()
            })
            .with_children(|line| {
                line.spawn((Text::new(">"), font.at(14.0), TextColor(theme::INK)));
                line.spawn((
                    CommandLine,
                    EditableText::new(""),
                    font.at(14.0),
                    TextColor(theme::INK),
                    BackgroundColor(Color::WHITE),
                    Node {
                        width: px(700),
                        height: px(22),
                        padding: UiRect::axes(px(4), px(1)),
                        ..default()
                    },
                ));
                line.spawn((
                    Text::new("Enter: type a command ('help' lists them), Enter runs it"),
                    font.at(12.0),
                    TextColor(theme::INK),
                ));
            });
        });
}

/// Days of stores, for people.
fn days(d: f64) -> String {
    if d.is_finite() {
        format!("{:.0}", d.min(999.0))
    } else {
        "-".to_string()
    }
}

/// The top line, the force list and the selected force's state.
fn show_forces(
    mut commands: Commands,
    mut current: NonSendMut<Current>,
    clock: Res<Clock>,
    font: Res<UiFont>,
    mut built: ResMut<Built>,
    mut top: Single<&mut Text, (With<TopText>, Without<ForceDetails>)>,
    mut details: Single<&mut Text, (With<ForceDetails>, Without<TopText>)>,
    list: Single<Entity, With<ForceList>>,
    buttons: Query<(Entity, &UiAction, Has<Chosen>)>,
) {
    let Some(session) = current.session.as_mut() else {
        return;
    };
    let selected = session.selected.clone();
    let game = &mut session.game;
    let rules = game.scenario.rules.clone();
    let prestige = game.app.world().resource::<Prestige>().0;
    let state = match game.ended() {
        Some(o) => format!("campaign over: {}", o.word()),
        None if clock.playing => format!("▶ {} days/s", SPEEDS[clock.speed]),
        None => "paused".to_string(),
    };
    let t = format!("{} · prestige {prestige:+.2} · {state}", game.date());
    if top.0 != t {
        top.0 = t;
    }
    let forces = game.forces();
    let names: Vec<String> = forces.iter().map(|v| v.force.name.clone()).collect();
    let key = names.join("|");
    if built.forces != key {
        built.forces = key;
        commands.entity(*list).despawn_children();
        commands.entity(*list).with_children(|row| {
            for (i, name) in names.iter().enumerate() {
                let hint = if i == 0 { "Tab" } else { "" };
                row.spawn(theme::button(
                    &font,
                    name,
                    hint,
                    UiAction::SelectForce(name.clone()),
                ));
            }
        });
    }
    theme::mark_chosen(
        &mut commands,
        &buttons,
        |action| matches!(action, UiAction::SelectForce(name) if *name == selected),
    );
    let mut text = String::new();
    if let Some(v) = forces.iter().find(|v| v.force.name == selected) {
        let f = &v.force;
        let (grain, fodder, water) = supply_days(&rules, f);
        let place = match f.location {
            Location::At(p) => format!("at {}", game.place_name(p)),
            Location::OnRoute { from, to, .. } => format!(
                "between {} and {}",
                game.place_name(from),
                game.place_name(to)
            ),
        };
        text = format!(
            "{}, {place}\n{}\nmen {} ({} horse, {} foot), morale {:.2}\nhorses {} · oxen {} · donkeys {} · camels {}\ndays of grain {} · fodder {} · water {}\nqueued: {}",
            f.name,
            crate::play::doing(v),
            f.men.total(),
            f.men.cavalry,
            f.men.infantry,
            f.morale,
            f.animals.horses,
            f.animals.oxen,
            f.animals.donkeys,
            f.animals.camels,
            days(grain),
            days(fodder),
            days(water),
            if v.queued.is_empty() {
                "nothing".to_string()
            } else {
                v.queued
                    .iter()
                    .map(crate::play::describe)
                    .collect::<Vec<_>>()
                    .join("; ")
            }
        );
    } else if let Some((name, _)) = game.pending_detachment(&selected) {
        text = format!("{name} has yet to split off: its orders will be its plan");
    }
    if details.0 != text {
        details.0 = text;
    }
}

/// The orders the selected force can be given where it stands, as buttons (the engine still
/// checks each and refuses it with its reason).
fn show_orders(
    mut commands: Commands,
    mut current: NonSendMut<Current>,
    font: Res<UiFont>,
    mut built: ResMut<Built>,
    panel: Single<Entity, With<OrderButtons>>,
) {
    let watching = current.watch;
    let Some(session) = current.session.as_mut() else {
        return;
    };
    let selected = session.selected.clone();
    let game = &mut session.game;
    let ended = game.ended().is_some();
    let forces = game.forces();
    let Some(v) = forces.iter().find(|v| v.force.name == selected) else {
        return;
    };
    let f = &v.force;
    let mut orders: Vec<(String, String)> = Vec::new();
    if !ended && !watching {
        match f.location {
            Location::At(here) => {
                let world = game.world();
                let mut roads: Vec<(String, String)> = world
                    .query::<&Route>()
                    .iter(world)
                    .filter_map(|r| {
                        let other = if r.a == here {
                            r.b
                        } else if r.b == here {
                            r.a
                        } else {
                            return None;
                        };
                        let p = world.get::<Place>(other)?;
                        Some((format!("March to {}", p.name), format!("march {}", p.id)))
                    })
                    .collect();
                roads.sort();
                orders.extend(roads);
                let state_here = world
                    .query::<&OasisState>()
                    .iter(world)
                    .find(|s| s.place == here)
                    .map(|s| s.name.clone());
                orders.push(("Rest 3 days".into(), "rest 3".into()));
                if state_here.is_some() {
                    orders.push(("Ask for food".into(), "ask".into()));
                    orders.push(("Gift 1,000 bolts".into(), "gift 1000".into()));
                    orders.push(("Seize grain".into(), "seize".into()));
                    orders.push(("Besiege (60 days)".into(), "besiege 60".into()));
                    orders.push((
                        "Besiege, assault from day 30".into(),
                        "besiege 80 assault 30".into(),
                    ));
                    orders.push(("Storm".into(), "storm".into()));
                    orders.push(("Battle".into(), "battle".into()));
                }
                for other in forces
                    .iter()
                    .filter(|o| o.force.name != f.name && o.force.location == Location::At(here))
                {
                    orders.push((
                        format!("Join {}", other.force.name),
                        format!("join \"{}\"", other.force.name),
                    ));
                }
                orders.push((
                    "Split off a third".into(),
                    format!("split \"Column {}\" share 0.33", forces.len() + 1),
                ));
            }
            Location::OnRoute { .. } => {}
        }
        if f.animals.oxen > 0 {
            orders.push(("Slaughter 1,000 oxen".into(), "slaughter 1000".into()));
        }
        if !f.homeward {
            orders.push(("Go home".into(), "home".into()));
        }
        if !v.queued.is_empty() {
            orders.push(("Cancel last order".into(), "cancel".into()));
        }
    }
    let key = format!("{selected}|{orders:?}");
    if built.orders == key {
        return;
    }
    built.orders = key;
    commands.entity(*panel).despawn_children();
    commands.entity(*panel).with_children(|col| {
        if watching {
            col.spawn((
                Text::new("The historical plan commands: watch (P plays or pauses)."),
                font.at(13.0),
                TextColor(theme::INK),
            ));
        }
        for (i, (label, command)) in orders.into_iter().enumerate() {
            let hint = if i < 9 {
                (i + 1).to_string()
            } else {
                String::new()
            };
            col.spawn((
                OrderKey(i + 1),
                theme::button(&font, &label, &hint, UiAction::Command(command)),
            ));
        }
    });
}

/// The siege panel with the terms the city would offer, or the end of the campaign beside the
/// historical record, with the strength along the route.
fn show_side(
    mut commands: Commands,
    mut current: NonSendMut<Current>,
    font: Res<UiFont>,
    mut built: ResMut<Built>,
    mut images: ResMut<Assets<Image>>,
    mut side: Single<&mut Visibility, With<SidePanel>>,
    mut side_text: Single<&mut Text, With<SideText>>,
    terms_row: Single<Entity, With<TermsButtons>>,
    mut chart: Single<(&mut ImageNode, &mut Node), (With<EndChart>, Without<EndButtons>)>,
    mut end_buttons: Single<&mut Node, (With<EndButtons>, Without<EndChart>)>,
) {
    let epoch = current.epoch;
    let Some(game) = current.game() else {
        return;
    };
    let rules = game.scenario.rules.clone();
    let mut text = String::new();
    let mut terms_key = String::new();
    let forces = game.forces();
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
        let Some(s) = game.app.world().get::<OasisState>(state) else {
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
            format!(
                "stream diverted; cisterns: {:.0} days",
                s.water_days.max(0.0)
            )
        } else {
            "their stream still flows".to_string()
        };
        let t = &rules.siege.terms;
        let offered = if s.refused_before {
            "It refused the Han food: no terms, it will be sacked.".to_string()
        } else {
            format!(
                "When it breaks it will offer: {} horses, {} superior horses, {:.0} t of grain, hostages and a new king.\nYou will {} them ({}).",
                (f64::from(s.horses) * t.horses) as u32,
                (f64::from(s.superior_horses) * t.superior_horses) as u32,
                s.grain_surplus_kg.max(0.0) * t.grain / 1000.0,
                if accept_terms { "accept" } else { "refuse" },
                if accept_terms {
                    "the city submits"
                } else {
                    "the defenders kill their horses and fight on"
                }
            )
        };
        text.push_str(&format!(
            "Siege of {} by {}\nday {days} of at most {max_days}\n{wall}\ngarrison {}, morale {:.2}\n{:.0} days of food; {water}\n{offered}\n",
            s.name,
            v.force.name,
            s.garrison,
            s.defender_morale.max(0.0),
            s.food_days.max(0.0)
        ));
        if !s.refused_before {
            terms_key = format!("{}|{accept_terms}", v.force.name);
        }
    }
    if built.terms != terms_key {
        built.terms = terms_key.clone();
        commands.entity(*terms_row).despawn_children();
        if !terms_key.is_empty() {
            commands.entity(*terms_row).with_children(|row| {
                row.spawn(theme::button(
                    &font,
                    "Accept the terms",
                    "",
                    UiAction::Command("terms accept".into()),
                ));
                row.spawn(theme::button(
                    &font,
                    "Refuse the terms",
                    "",
                    UiAction::Command("terms refuse".into()),
                ));
            });
        }
    }
    let ended = game.ended();
    if let Some(outcome) = ended {
        // The campaign is over and its world no longer changes: its report and chart are made
        // once (anew only for another game, loaded or reloaded).
        if built.chart_epoch != Some(epoch) {
            built.chart_epoch = Some(epoch);
            built.end_text = end_text(game, outcome);
            let record = game
                .app
                .world()
                .resource::<crate::sim::DailyRecord>()
                .clone();
            let places = crate::report::compare::places_of(&game.scenario);
            let series = crate::report::chart::Series {
                name: &game.scenario.campaign.name,
                record: &record,
                runs: &[],
                places: &places,
            };
            let size = (1080, 600);
            if let Ok(rgb) = crate::report::chart::march_rgb(&series, size) {
                let (image, node) = &mut *chart;
                image.image = images.add(rgb_image(&rgb, size));
                node.display = Display::Flex;
            }
        }
        text.push_str(&built.end_text);
        end_buttons.display = Display::Flex;
    } else if built.chart_epoch.is_some() {
        built.chart_epoch = None;
        chart.1.display = Display::None;
        end_buttons.display = Display::None;
    }
    **side = if text.is_empty() {
        Visibility::Hidden
    } else {
        Visibility::Visible
    };
    if side_text.0 != text {
        side_text.0 = text;
    }
}

/// The end of the campaign beside the scenario's historical record.
fn end_text(game: &mut crate::play::Game, outcome: Outcome) -> String {
    let r = game.report();
    let history = game.scenario.campaign.history.clone();
    let hist = |f: Figure| {
        history
            .as_ref()
            .and_then(|h| h.figures.iter().find(|x| x.figure == f))
            .map_or(String::new(), |x| format!(" (history: {:.0})", x.value))
    };
    let mut text = format!(
        "The campaign is over: {}{}\nmen home {} of {}{}\nhorses home {}{}\nhorses taken {}{}\n",
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
    );
    if let Some(siege) = &r.siege {
        text.push_str(&format!(
            "siege of {}: {} days, {}{}\n",
            siege.name,
            siege.days,
            siege.result,
            hist(Figure::SiegeDays)
        ));
    }
    text.push_str(
        "The march, Minard's way (width: men alive; stained by the main cause of heavy losses):",
    );
    text
}

/// An RGB buffer as a Bevy image.
pub(super) fn rgb_image(rgb: &[u8], size: (u32, u32)) -> Image {
    let mut rgba = Vec::with_capacity(rgb.len() / 3 * 4);
    for px in rgb.chunks_exact(3) {
        rgba.extend_from_slice(&[px[0], px[1], px[2], 255]);
    }
    Image::new(
        Extent3d {
            width: size.0,
            height: size.1,
            depth_or_array_layers: 1,
        },
        TextureDimension::D2,
        rgba,
        TextureFormat::Rgba8UnormSrgb,
        RenderAssetUsages::default(),
    )
}

/// The chronicle's last lines, and the game's last reply (red when it refused).
fn show_log(
    mut current: NonSendMut<Current>,
    reply: Res<Reply>,
    mut log: Single<&mut Text, (With<LogText>, Without<ReplyText>)>,
    mut said: Single<(&mut Text, &mut TextColor), (With<ReplyText>, Without<LogText>)>,
) {
    let Some(game) = current.game() else {
        return;
    };
    let chronicle = &game.app.world().resource::<Chronicle>().0;
    let reply_lines: Vec<&str> = reply.text.lines().collect();
    let shown = reply_lines.len().min(if reply.whole { 30 } else { 5 });
    let start = chronicle.len().saturating_sub(7usize.saturating_sub(shown));
    let t = chronicle[start..]
        .iter()
        .map(|e| format!("day {:>3}  {}", e.day, theme::latin(&e.text)))
        .collect::<Vec<_>>()
        .join("\n");
    if log.0 != t {
        log.0 = t;
    }
    let (text, colour) = &mut *said;
    let t = reply_lines[reply_lines.len() - shown..].join("\n");
    if text.0 != t {
        text.0 = t;
    }
    colour.0 = if reply.error {
        theme::ERROR
    } else {
        Color::srgb(0.1, 0.25, 0.55)
    };
}

/// The game's keys, and the command line.
fn keys(
    keys: Res<ButtonInput<KeyCode>>,
    mouse: Res<ButtonInput<MouseButton>>,
    mut focus: ResMut<InputFocus>,
    mut line: Single<(Entity, &mut EditableText), With<CommandLine>>,
    editing: Query<(), With<EditableText>>,
    order_buttons: Query<(&OrderKey, &UiAction)>,
    mut current: NonSendMut<Current>,
    mut actions: ResMut<theme::Actions>,
    mut reply: ResMut<Reply>,
) {
    if reply.whole
        && (keys.get_just_pressed().next().is_some() || mouse.get_just_pressed().next().is_some())
    {
        reply.whole = false;
    }
    let (entity, text) = &mut *line;
    if focus.get() == Some(*entity) {
        if keys.just_pressed(KeyCode::Enter) {
            let command = text.value().to_string();
            text.clear();
            if !command.trim().is_empty() {
                actions.0.push(UiAction::Command(command));
            }
        }
        if keys.just_pressed(KeyCode::Escape) {
            focus.clear();
        }
        return;
    }
    if focus.get().is_some_and(|e| editing.contains(e)) {
        return;
    }
    if keys.just_pressed(KeyCode::Enter) {
        focus.set(*entity, FocusCause::Navigated);
        reply.say("type a command ('help' lists them); Enter runs it, Escape leaves the line");
        return;
    }
    let pairs = [
        (KeyCode::Space, UiAction::Command("end".into())),
        (KeyCode::KeyD, UiAction::Command("day".into())),
        (KeyCode::KeyP, UiAction::TogglePlay),
        (KeyCode::BracketLeft, UiAction::Speed(-1)),
        (KeyCode::BracketRight, UiAction::Speed(1)),
        (KeyCode::F5, UiAction::Command("save quick".into())),
        (KeyCode::F9, UiAction::Command("load quick".into())),
        (KeyCode::Escape, UiAction::Go(Screen::Menu)),
        (KeyCode::KeyH, UiAction::Command("help".into())),
        (KeyCode::KeyO, UiAction::Command("orders".into())),
    ];
    theme::press(&keys, pairs.to_vec(), &mut actions);
    if keys.just_pressed(KeyCode::KeyC) && current.game().is_some_and(|g| g.ended().is_some()) {
        actions.0.push(UiAction::Go(Screen::Compare));
    }
    if keys.just_pressed(KeyCode::Tab)
        && let Some(session) = current.session.as_mut()
    {
        let forces = session.game.forces();
        let i = forces
            .iter()
            .position(|v| v.force.name == session.selected)
            .map_or(0, |i| (i + 1) % forces.len().max(1));
        if let Some(v) = forces.get(i) {
            actions.0.push(UiAction::SelectForce(v.force.name.clone()));
        }
    }
    let digits = [
        KeyCode::Digit1,
        KeyCode::Digit2,
        KeyCode::Digit3,
        KeyCode::Digit4,
        KeyCode::Digit5,
        KeyCode::Digit6,
        KeyCode::Digit7,
        KeyCode::Digit8,
        KeyCode::Digit9,
    ];
    for (i, key) in digits.iter().enumerate() {
        if keys.just_pressed(*key)
            && let Some((_, action)) = order_buttons.iter().find(|(k, _)| k.0 == i + 1)
        {
            actions.0.push(action.clone());
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Built>();
    app.add_systems(OnEnter(Screen::Playing), spawn_hud);
    app.add_systems(
        Update,
        (
            keys.in_set(UiSystems::Input),
            (show_forces, show_orders, show_side, show_log).in_set(UiSystems::Show),
        )
            .run_if(in_state(Screen::Playing)),
    );
}
