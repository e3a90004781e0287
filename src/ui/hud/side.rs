//! The right-hand panel: the siege a force presses (walls, days, the defenders' food and water,
//! the terms the city would offer, computed as the simulation hands them over), or the end of
//! the campaign beside the historical record, with the march on Minard's map.

use bevy::prelude::*;

use super::super::UiAction;
use super::super::game::Campaign;
use super::super::theme::{self, UiFont};
use super::forces::{ForcesChanged, Shown};
use super::{Built, EndButtons, EndChart, SidePanel, SideText, TermsButtons};
use crate::play::Order;
use crate::report::{self, CampaignReport};
use crate::scenario::types::{Figure, HistoryDef};
use crate::sim::force::Activity;
use crate::sim::state::OasisState;
use crate::sim::{ActiveScenario, Calendar, CampaignStatus, DailyRecord, Outcome};

/// The siege panel's words for one siege.
fn siege_text(
    state: &OasisState,
    besieger: &str,
    days: u32,
    max_days: u32,
    accept_terms: bool,
    terms: crate::sim::state::Terms,
    side: &str,
) -> String {
    let wall = if state.outer_breached {
        format!("outer wall breached, inner {:.1}", state.walls.inner)
    } else {
        format!(
            "walls {:.1} outer, {:.1} inner",
            state.walls.outer, state.walls.inner
        )
    };
    let water = if state.water_diverted {
        format!(
            "stream diverted; cisterns: {:.0} days",
            state.water_days.max(0.0)
        )
    } else {
        "their stream still flows".to_string()
    };
    let offered = if state.refused_before {
        format!("It refused the {side} food: no terms, it will be sacked.")
    } else {
        format!(
            "When it breaks it will offer: {} horses, {} superior horses, {:.0} t of grain, hostages and a new king.\nYou will {} them ({}).",
            terms.horses,
            terms.superior_horses,
            terms.grain.tonnes(),
            if accept_terms { "accept" } else { "refuse" },
            if accept_terms {
                "the city submits"
            } else {
                "the defenders kill their horses and fight on"
            }
        )
    };
    format!(
        "Siege of {} by {besieger}\nday {days} of at most {max_days}\n{wall}\ngarrison {}, morale {:.2}\n{:.0} days of food; {water}\n{offered}\n",
        state.name,
        state.garrison,
        state.defender_morale.max(0.0),
        state.food_days.max(0.0)
    )
}

/// The siege panel with the terms the city would offer, or the end of the campaign beside the
/// historical record, with the strength along the route.
pub(super) fn show_side(
    mut commands: Commands,
    campaign: Res<Campaign>,
    forces: Shown,
    changed: ForcesChanged,
    states: Query<&OasisState>,
    state_changed: Query<(), Changed<OasisState>>,
    resources: (
        Option<Res<ActiveScenario>>,
        Option<Res<Calendar>>,
        Option<Res<CampaignStatus>>,
        Option<Res<DailyRecord>>,
    ),
    font: Res<UiFont>,
    mut built: ResMut<Built>,
    mut images: ResMut<Assets<Image>>,
    mut side: Single<&mut Visibility, With<SidePanel>>,
    mut side_text: Single<&mut Text, With<SideText>>,
    terms_row: Single<Entity, With<TermsButtons>>,
    mut chart: Single<(&mut ImageNode, &mut Node), (With<EndChart>, Without<EndButtons>)>,
    mut end_buttons: Single<&mut Node, (With<EndButtons>, Without<EndChart>)>,
    reports: Res<EndReport>,
) {
    let (Some(scenario), Some(calendar), Some(status), Some(record)) = resources else {
        return;
    };
    if !campaign.active {
        return;
    }
    let dirty = campaign.is_changed()
        || !changed.is_empty()
        || !state_changed.is_empty()
        || reports.is_changed();
    if !dirty {
        return;
    }
    let rules = &scenario.0.rules;
    let mut text = String::new();
    let mut terms_key = String::new();
    for (_, f, _, _, _, _, activity, _, _) in &forces {
        let Activity::Besieging {
            state,
            days,
            max_days,
            accept_terms,
            ..
        } = *activity
        else {
            continue;
        };
        let Ok(s) = states.get(state) else {
            continue;
        };
        let terms = s.terms(rules, calendar.season());
        text.push_str(&siege_text(
            s,
            &f.name,
            days,
            max_days,
            accept_terms,
            terms,
            &scenario.0.campaign.world.side,
        ));
        if !s.refused_before {
            terms_key = format!("{}|{accept_terms}", f.name);
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
                    UiAction::Order(Order::Terms(true)),
                ));
                row.spawn(theme::button(
                    &font,
                    "Refuse the terms",
                    "",
                    UiAction::Order(Order::Terms(false)),
                ));
            });
        }
    }
    if let (Some(outcome), Some(report)) = (status.ended, &reports.report) {
        // The campaign is over and its world no longer changes: its report and chart are made
        // once (anew only for another game, loaded or reloaded).
        if built.chart_epoch != Some(campaign.epoch) {
            built.chart_epoch = Some(campaign.epoch);
            built.end_text = end_text(report, outcome, scenario.0.campaign.history.as_ref());
            let places = report::compare::places_of(&scenario.0);
            let series = report::chart::Series {
                name: &scenario.0.campaign.name,
                record: &record,
                runs: &[],
                places: &places,
            };
            let size = (1080, 600);
            if let Ok(rgb) = report::chart::march_rgb(&series, size) {
                let (image, node) = &mut *chart;
                image.image = images.add(theme::rgb_image(&rgb, size));
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

/// The report of a finished campaign, made once when it ends (by an exclusive system, which can
/// read the whole world).
#[derive(Resource, Debug, Default)]
pub(super) struct EndReport {
    epoch: Option<u64>,
    report: Option<CampaignReport>,
}

/// Makes the end report once the campaign in play has ended.
pub(super) fn make_end_report(world: &mut World) {
    let Some(campaign) = world.get_resource::<Campaign>() else {
        return;
    };
    let epoch = campaign.epoch;
    let ended = campaign.active
        && world
            .get_resource::<CampaignStatus>()
            .is_some_and(|s| s.ended.is_some());
    let mut end = world.resource_mut::<EndReport>();
    if !ended {
        if end.report.is_some() {
            *end = EndReport::default();
        }
        return;
    }
    if end.epoch == Some(epoch) {
        return;
    }
    let report = report::of(world);
    let mut end = world.resource_mut::<EndReport>();
    end.epoch = Some(epoch);
    end.report = Some(report);
}

/// The end of the campaign beside the scenario's historical record.
fn end_text(r: &CampaignReport, outcome: Outcome, history: Option<&HistoryDef>) -> String {
    let hist = |f: Figure| {
        history
            .and_then(|h| h.figures.iter().find(|x| x.figure == f))
            .map_or(String::new(), |x| format!(" (history: {:.0})", x.value))
    };
    let mut text = format!(
        "The campaign is over: {}{}\nmen home {} of {}{}\nhorses home {}{}\nhorses taken {}{}\n",
        outcome.word(),
        history.map_or(String::new(), |h| format!(" (history: {})", h.outcome)),
        r.men.returned,
        r.men.start,
        hist(Figure::MenHome),
        r.horses.returned,
        hist(Figure::HorsesHome),
        r.horses.obtained,
        hist(Figure::HorsesObtained),
    );
    if let Some(level) = &r.level {
        text.push_str(&format!("{level} ({} points)\n", r.points));
    }
    for g in &r.goals {
        let met = g
            .met_day
            .map_or("not met".to_string(), |d| format!("met on day {d}"));
        text.push_str(&format!("goal: {} ({met})\n", g.goal));
    }
    if let Some(siege) = &r.siege {
        text.push_str(&format!(
            "siege of {}: {} days, {}{}\n",
            siege.name,
            siege.days,
            siege.result.word(),
            hist(Figure::SiegeDays)
        ));
    }
    text.push_str(
        "The march, Minard's way (width: men alive; stained by the main cause of heavy losses):",
    );
    text
}
