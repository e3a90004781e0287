//! The game's keys, and the command line.
//!
//! Space ends the turn, D passes a day, P plays or pauses, [ and ] change the speed, Tab selects
//! the next force, 1–9 give the order on that button, F5 saves, F9 loads the quick save, H shows
//! the help and O the orders, C compares once the campaign is over, Enter opens the command line
//! (Enter runs it, Escape leaves it), Escape goes to the menu.

use bevy::input_focus::{FocusCause, InputFocus};
use bevy::prelude::*;
use bevy::text::EditableText;

use super::super::game::Campaign;
use super::super::{Reply, Screen, Settings, UiAction, theme};
use super::{CommandLine, OrderKey};
use crate::play::Advance;
use crate::sim::CampaignStatus;
use crate::sim::force::{Column, Force, Standing};

/// The game's keys, and the command line.
pub(super) fn keys(
    keys: Res<ButtonInput<KeyCode>>,
    mouse: Res<ButtonInput<MouseButton>>,
    mut focus: ResMut<InputFocus>,
    mut line: Single<(Entity, &mut EditableText), With<CommandLine>>,
    editing: Query<(), With<EditableText>>,
    order_buttons: Query<(&OrderKey, &UiAction)>,
    campaign: Res<Campaign>,
    status: Option<Res<CampaignStatus>>,
    settings: Res<Settings>,
    forces: Query<(Entity, &Force, &Column, &Standing)>,
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
                actions.0.push(UiAction::Line(command));
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
        (KeyCode::Space, UiAction::Advance(Advance::Turn)),
        (KeyCode::KeyD, UiAction::Advance(Advance::Days(1))),
        (KeyCode::KeyP, UiAction::TogglePlay),
        (KeyCode::BracketLeft, UiAction::Speed(-1)),
        (KeyCode::BracketRight, UiAction::Speed(1)),
        (KeyCode::F5, UiAction::Save("quick".into())),
        (
            KeyCode::F9,
            UiAction::Load(settings.saves.join("quick.json")),
        ),
        (KeyCode::Escape, UiAction::Go(Screen::Menu)),
        (KeyCode::KeyH, UiAction::Line("help".into())),
        (KeyCode::KeyO, UiAction::Line("orders".into())),
    ];
    theme::press(&keys, pairs.to_vec(), &mut actions);
    if keys.just_pressed(KeyCode::KeyC) && status.is_some_and(|s| s.ended.is_some()) {
        actions.0.push(UiAction::Go(Screen::Compare));
    }
    if keys.just_pressed(KeyCode::Tab) {
        let mut field: Vec<(u32, Entity)> = forces
            .iter()
            .filter(|(_, _, c, s)| !s.merged && c.men.total() > 0)
            .map(|(e, f, _, _)| (f.raised, e))
            .collect();
        field.sort();
        let i = field
            .iter()
            .position(|(_, e)| Some(*e) == campaign.selected)
            .map_or(0, |i| (i + 1) % field.len().max(1));
        if let Some((_, e)) = field.get(i) {
            actions.0.push(UiAction::SelectForce(*e));
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
