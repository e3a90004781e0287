//! The top line (date, prestige, the clock), the forces as buttons, and the selected force's
//! state: men, animals, days of grain, fodder and water, morale, what it does and its orders.

use bevy::prelude::*;

use super::super::UiAction;
use super::super::game::{Campaign, Clock, SPEEDS};
use super::super::theme::{self, Chosen, UiFont};
use super::{Built, ForceDetails, ForceList, TopText};
use crate::play::{view, words};
use crate::sim::force::{Activity, Column, Condition, Force, Orders, Standing, Stores};
use crate::sim::log::Chronicle;
use crate::sim::map::{Location, Place, Route};
use crate::sim::{ActiveScenario, Calendar, CampaignStatus, Prestige};

/// Days of stores, for people.
fn days(d: f64) -> String {
    if d.is_finite() {
        format!("{:.0}", d.min(999.0))
    } else {
        "-".to_string()
    }
}

/// The forces' components the panels show.
pub(super) type Shown<'w, 's> = Query<
    'w,
    's,
    (
        Entity,
        &'static Force,
        &'static Column,
        &'static Stores,
        &'static Condition,
        &'static Location,
        &'static Activity,
        &'static Standing,
        &'static Orders,
    ),
>;

/// Whether any force has changed since the system last ran.
pub(super) type ForcesChanged<'w, 's> = Query<
    'w,
    's,
    (),
    Or<(
        Changed<Column>,
        Changed<Stores>,
        Changed<Location>,
        Changed<Activity>,
        Changed<Standing>,
        Changed<Orders>,
    )>,
>;

/// The forces in the field, in the order they were raised: entity and name.
pub(super) fn in_field(forces: &Shown) -> Vec<(Entity, String)> {
    let mut out: Vec<(u32, Entity, String)> = forces
        .iter()
        .filter(|(_, _, column, _, _, _, _, standing, _)| {
            !standing.merged && column.men.total() > 0
        })
        .map(|(e, f, ..)| (f.raised, e, f.name.clone()))
        .collect();
    out.sort_by_key(|(raised, ..)| *raised);
    out.into_iter().map(|(_, e, n)| (e, n)).collect()
}

/// The campaign's resources, once one is in play.
pub(super) type CampaignState<'w> = (
    Option<Res<'w, Calendar>>,
    Option<Res<'w, Prestige>>,
    Option<Res<'w, CampaignStatus>>,
    Option<Res<'w, ActiveScenario>>,
);

/// The top line, the force list and the selected force's state, redrawn when they change.
pub(super) fn show_forces(
    mut commands: Commands,
    campaign: Res<Campaign>,
    clock: Res<Clock>,
    state: CampaignState,
    forces: Shown,
    changed: ForcesChanged,
    places: Query<&Place>,
    routes: Query<&Route>,
    font: Res<UiFont>,
    mut built: ResMut<Built>,
    mut top: Single<&mut Text, (With<TopText>, Without<ForceDetails>)>,
    mut details: Single<&mut Text, (With<ForceDetails>, Without<TopText>)>,
    list: Single<Entity, With<ForceList>>,
    buttons: Query<(Entity, &UiAction, Has<Chosen>)>,
    chronicle: Option<Res<Chronicle>>,
) {
    let (Some(calendar), Some(prestige), Some(status), Some(scenario)) = state else {
        return;
    };
    let dirty = campaign.is_changed()
        || clock.is_changed()
        || calendar.is_changed()
        || !changed.is_empty()
        || built.forces.is_empty();
    if !dirty || !campaign.active {
        return;
    }
    let clock_state = match status.ended {
        Some(o) => format!("campaign over: {}", o.word()),
        None if clock.playing => format!("▶ {} d/s", SPEEDS[clock.speed]),
        None => "paused".to_string(),
    };
    // The season's weather: the heat that raises the water needed, snow that shuts roads.
    let season = calendar.season();
    let rules = &scenario.0.rules;
    let heat = rules.attrition.water_by_season.get(season);
    let mut weather = String::new();
    if heat > 1.0 + 1e-9 {
        weather.push_str(&format!(" · heat: water ×{heat:.1}"));
    }
    let snowbound = routes.iter().filter(|r| r.closed(season)).count();
    if snowbound > 0 {
        weather.push_str(&format!(" · snow shuts {snowbound}"));
        weather.push_str(if snowbound == 1 { " road" } else { " roads" });
    }
    top.0 = format!(
        "{}{weather} · prestige {:+.2} · {clock_state}",
        calendar.describe(),
        prestige.0
    );
    let field = in_field(&forces);
    let key = format!(
        "{}:{}",
        campaign.epoch,
        field
            .iter()
            .map(|(_, n)| n.as_str())
            .collect::<Vec<_>>()
            .join("|")
    );
    if built.forces != key {
        built.forces = key;
        commands.entity(*list).despawn_children();
        commands.entity(*list).with_children(|row| {
            for (i, (e, name)) in field.iter().enumerate() {
                let hint = if i == 0 { "Tab" } else { "" };
                let action = UiAction::SelectForce(*e);
                // Many columns in the field: smaller buttons leave room for the orders.
                if field.len() > 3 {
                    row.spawn(theme::compact_button(&font, name, hint, action));
                } else {
                    row.spawn(theme::button(&font, name, hint, action));
                }
            }
        });
    }
    let selected = campaign.selected;
    theme::mark_chosen(&mut commands, &buttons, |action| {
        campaign.pending.is_none()
            && matches!(action, UiAction::SelectForce(e) if Some(*e) == selected)
    });
    let place = |e: Entity| places.get(e).map_or("", |p| p.name.as_str());
    let text = if let Some(name) = &campaign.pending {
        format!("{name} has yet to split off: its orders will be its plan")
    } else if let Some((_, f, column, stores, condition, location, activity, standing, orders)) =
        selected.and_then(|e| forces.get(e).ok())
    {
        let (grain, fodder, water) = view::supply_days(&scenario.0.rules, column, stores);
        let at = match *location {
            Location::At(p) => format!("at {}", place(p)),
            Location::OnRoute { from, to, .. } => {
                format!("between {} and {}", place(from), place(to))
            }
        };
        let a = &column.animals;
        format!(
            "{}, {at}\n{}\nmen {} ({} horse, {} foot), morale {:.2}\nhorses {} · oxen {} · donkeys {} · camels {}\ndays of grain {} · fodder {} · water {}{}{}\nqueued: {}",
            f.name,
            view::doing(activity, standing, orders),
            column.men.total(),
            column.men.cavalry,
            column.men.infantry,
            condition.morale,
            a.horses,
            a.oxen,
            a.donkeys,
            a.camels,
            days(grain),
            days(fodder),
            days(water),
            if column.ration() < 1.0 {
                format!(" · rations {:.0}%", column.ration() * 100.0)
            } else {
                String::new()
            },
            match chronicle
                .as_ref()
                .map(|c| {
                    view::losses_words(&view::day_losses(
                        &c.0,
                        selected.unwrap_or(Entity::PLACEHOLDER),
                        calendar.day.saturating_sub(1),
                    ))
                })
                .filter(|w| !w.is_empty())
            {
                Some(w) => format!("\nlost yesterday {w}"),
                None => String::new(),
            },
            if orders.queued().is_empty() {
                "nothing".to_string()
            } else {
                orders
                    .queued()
                    .iter()
                    .map(|s| words::step(s, &scenario.0.campaign.world.treasure))
                    .collect::<Vec<_>>()
                    .join("; ")
            }
        )
    } else {
        String::new()
    };
    if details.0 != text {
        details.0 = text;
    }
}
