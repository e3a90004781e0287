//! The HUD over the map: the date, prestige and the turn controls along the top ([`forces`]);
//! the forces, the selected force's men, animals, days of grain, fodder and water and morale
//! ([`forces`]), and its orders as buttons on the left ([`orders`]); the siege (walls, days, the
//! defenders' water and stores, the terms they offer) or the end of the campaign (the result
//! beside the historical record and the strength along the route) on the right ([`side`]); the
//! chronicle, the game's replies and the command line along the bottom ([`log`]); the muster
//! on the right until the army sets out ([`muster`]); and the keys ([`keys`]).
//!
//! The panels are redrawn when what they show changes (Bevy's change detection on the forces'
//! components and the campaign), not every frame.

mod forces;
mod keys;
mod log;
mod muster;
mod orders;
mod side;

use bevy::prelude::*;
use bevy::text::EditableText;

use super::theme::{self, UiFont};
use super::{Screen, UiAction, UiSystems};
use crate::play::Advance;

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
            bar.spawn((TopText, Text::new(""), font.at(13.0), TextColor(theme::INK)));
            let buttons = [
                ("End turn", "Space", UiAction::Advance(Advance::Turn)),
                ("Day", "D", UiAction::Advance(Advance::Days(1))),
                ("Play/pause", "P", UiAction::TogglePlay),
                ("Slower", "[", UiAction::Speed(-1)),
                ("Faster", "]", UiAction::Speed(1)),
                ("Save", "F5", UiAction::Save("quick".into())),
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
    // On the right, until the army sets out: the muster.
    commands.spawn((
        DespawnOnExit(Screen::Playing),
        muster::MusterPanel,
        theme::panel(column(Node {
            top: px(40),
            right: px(8),
            max_width: px(600),
            row_gap: px(2),
            ..default()
        })),
        Visibility::Hidden,
    ));
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

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Built>();
    app.init_resource::<side::EndReport>();
    app.init_resource::<muster::MusterView>();
    app.add_systems(OnEnter(Screen::Playing), spawn_hud);
    app.add_systems(
        Update,
        (
            keys::keys.in_set(UiSystems::Input),
            (
                side::make_end_report,
                muster::make_muster_view,
                (
                    forces::show_forces,
                    orders::show_orders,
                    side::show_side,
                    muster::show_muster,
                    log::show_log,
                ),
            )
                .chain()
                .in_set(UiSystems::Show),
        )
            .run_if(in_state(Screen::Playing)),
    );
}
