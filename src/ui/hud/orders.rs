//! The orders the selected force can be given where it stands, as buttons, each carrying its
//! [`Order`] (the simulation still checks each and refuses it with its reason).

use bevy::prelude::*;

use super::super::UiAction;
use super::super::game::Campaign;
use super::super::theme::{self, UiFont};
use super::forces::{ForcesChanged, Shown, in_field};
use super::{Built, OrderButtons, OrderKey};
use crate::play::Order;
use crate::scenario::types::{DetachSize, DrinkFirst, Pace, PlanStep};
use crate::sim::ActiveScenario;
use crate::sim::base::{Base, Convoy};
use crate::sim::enemy::EnemyForce;
use crate::sim::force::Activity;
use crate::sim::map::{Location, MapIndex, Place, Route};
use crate::sim::orders::check::warlike;

/// The orders a force at `here` might be given, as (label, order).
fn orders_at(
    here: Entity,
    index: &MapIndex,
    routes: &Query<&Route>,
    places: &Query<&Place>,
) -> Vec<(String, Order)> {
    let step = |s: PlanStep| Order::Step(s);
    let mut roads: Vec<(String, Order)> = index
        .routes_from(here)
        .iter()
        .filter_map(|r| routes.get(*r).ok())
        .filter_map(|r| places.get(r.other(here)).ok())
        .map(|p| {
            (
                format!("March to {}", p.name),
                step(PlanStep::March(p.id.clone())),
            )
        })
        .collect();
    roads.sort_by(|a, b| a.0.cmp(&b.0));
    let mut out = roads;
    out.push(("Rest 3 days".into(), step(PlanStep::Rest(3))));
    out.push(("Forage 3 days".into(), step(PlanStep::Forage(3))));
    out.extend([
        (
            "Standard pace (30 li)".into(),
            step(PlanStep::Pace(Pace::Standard)),
        ),
        ("Light pace".into(), step(PlanStep::Pace(Pace::Light))),
        ("Forced march".into(), step(PlanStep::Pace(Pace::Forced))),
        (
            "Men drink first".into(),
            step(PlanStep::Drink(DrinkFirst::Men)),
        ),
        (
            "Animals drink first".into(),
            step(PlanStep::Drink(DrinkFirst::Animals)),
        ),
        (
            "Share the water".into(),
            step(PlanStep::Drink(DrinkFirst::Shared)),
        ),
        ("Water for the leg".into(), step(PlanStep::CarryWater(0))),
        ("Water for 5 days".into(), step(PlanStep::CarryWater(5))),
    ]);
    if index.state_at(here).is_some() {
        out.extend([
            ("Ask for food".to_string(), step(PlanStep::Request)),
            ("Gift 1,000 bolts".to_string(), step(PlanStep::Gift(1000))),
            ("Seize grain".to_string(), step(PlanStep::Requisition)),
            (
                "Besiege (60 days)".to_string(),
                step(PlanStep::Besiege {
                    days: 60,
                    assault_from: None,
                    accept_terms: true,
                }),
            ),
            (
                "Besiege, assault from day 30".to_string(),
                step(PlanStep::Besiege {
                    days: 80,
                    assault_from: Some(30),
                    accept_terms: true,
                }),
            ),
            ("Storm".to_string(), step(PlanStep::Attack)),
            ("Battle".to_string(), step(PlanStep::Battle)),
            ("Demand a hostage".to_string(), step(PlanStep::Hostage)),
            (
                "Install a friendly king".to_string(),
                step(PlanStep::InstallKing),
            ),
        ]);
    }
    out
}

/// The order buttons, rebuilt when the selected force or what it can do changes.
pub(super) fn show_orders(
    mut commands: Commands,
    campaign: Res<Campaign>,
    forces: Shown,
    changed: ForcesChanged,
    routes: Query<&Route>,
    places: Query<&Place>,
    index: Option<Res<MapIndex>>,
    status: Option<Res<crate::sim::CampaignStatus>>,
    base: Option<Res<Base>>,
    scenario: Option<Res<ActiveScenario>>,
    font: Res<UiFont>,
    mut built: ResMut<Built>,
    panel: Single<Entity, With<OrderButtons>>,
    (enemies, enemies_changed, mut enemies_gone): (
        Query<&EnemyForce>,
        Query<(), Changed<EnemyForce>>,
        RemovedComponents<EnemyForce>,
    ),
) {
    let (Some(index), Some(status)) = (index, status) else {
        return;
    };
    let enemies_moved = !enemies_changed.is_empty() || enemies_gone.read().count() > 0;
    if !campaign.active
        || (!campaign.is_changed()
            && changed.is_empty()
            && !enemies_moved
            && !built.orders.is_empty())
    {
        return;
    }
    let watching = campaign.watch;
    let mut orders: Vec<(String, Order)> = Vec::new();
    let selected = campaign
        .selected
        .filter(|_| campaign.pending.is_none())
        .and_then(|e| forces.get(e).ok());
    if let Some((me, force, column, _, condition, location, activity, standing, queue)) = selected
        && status.ended.is_none()
        && !watching
        // A party held captive can do nothing until it slips away.
        && !matches!(activity, Activity::Held { .. })
    {
        if let Location::At(here) = *location {
            orders.extend(orders_at(here, &index, &routes, &places));
            let field = in_field(&forces);
            for (other, name) in &field {
                if *other != me && forces.get(*other).is_ok_and(|o| *o.5 == Location::At(here)) {
                    orders.push((
                        format!("Join {name}"),
                        Order::Step(PlanStep::Join(name.clone())),
                    ));
                }
            }
            // An enemy in the field here may be attacked.
            for foe in enemies.iter().filter(|e| e.location == Location::At(here)) {
                let name = scenario
                    .as_deref()
                    .and_then(|s| foe.effect.in_campaign(&s.0.campaign))
                    .and_then(|e| e.party())
                    .unwrap_or("the enemy");
                orders.push((format!("Engage {name}"), Order::Step(PlanStep::Engage)));
            }
            orders.push((
                "Split off a third".into(),
                Order::Step(PlanStep::Detach {
                    name: format!("Column {}", field.len() + 1),
                    size: DetachSize::Share(0.33),
                    plan: Vec::new(),
                    stores: Default::default(),
                }),
            ));
        }
        if column.animals.oxen > 0 {
            orders.push(("Slaughter 1,000 oxen".into(), Order::Slaughter(1000)));
        }
        if column.ration() < 1.0 {
            orders.push(("Full rations".into(), Order::Rations(1.0)));
        } else {
            orders.push(("Three-quarter rations".into(), Order::Rations(0.75)));
        }
        if condition.corruption > 0.0 {
            orders.push(("Punish the officers".into(), Order::Punish));
        }
        let convoy = base
            .as_deref()
            .zip(scenario.as_deref())
            .and_then(|(base, scenario)| {
                Convoy::suggested(&base.reserve, &scenario.0.rules)
                    .filter(|_| *location != Location::At(base.place))
            });
        if let Some(convoy) = convoy {
            orders.push((
                format!("Convoy: {:.0} t of grain from the base", convoy.grain_t),
                Order::Convoy(convoy),
            ));
        }
        if !standing.homeward {
            orders.push(("Go home".into(), Order::Step(PlanStep::Return)));
        }
        if !queue.queued().is_empty() {
            orders.push(("Cancel last order".into(), Order::Cancel));
        }
        // An embassy does not fight, besiege or seize.
        if force.envoy {
            orders.retain(|(_, o)| !matches!(o, Order::Step(s) if warlike(s)));
        }
    }
    let key = format!("{:?}|{watching}|{orders:?}", campaign.selected);
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
        for (i, (label, order)) in orders.into_iter().enumerate() {
            let hint = if i < 9 {
                (i + 1).to_string()
            } else {
                String::new()
            };
            col.spawn((
                OrderKey(i + 1),
                theme::compact_button(&font, &label, &hint, UiAction::Order(order)),
            ));
        }
    });
}
