//! The muster panel, on the right while the army has not yet set out (where the campaign offers
//! a muster, and the player commands): each thing the base holds, what the columns take and what
//! the historical army took, with buttons that give the selected column less or more; the day
//! the army leaves, a month earlier or later; buttons to split off a column, drop one, or take
//! the army as it was; and each column's load, days of food, fodder and water and the history's
//! first marches run ahead. Every button types a `muster` command, as the command line would.
//! The sheet is worked out again (an exclusive system: it runs the simulation ahead) only when
//! the muster or the selection changes.

use bevy::prelude::*;

use super::super::UiAction;
use super::super::game::Campaign;
use super::super::theme::{self, UiFont};
use crate::play::muster::{self, Row, Sheet};
use crate::play::view;
use crate::scenario::types::StartDate;

/// The muster panel.
#[derive(Component)]
pub(super) struct MusterPanel;

/// The muster sheet shown, and what it was worked out for.
#[derive(Resource, Debug, Default)]
pub(super) struct MusterView {
    /// The campaign's epoch and the selected column.
    key: Option<(u64, String)>,
    /// The sheet, while the muster is open.
    sheet: Option<Sheet>,
    /// The selected column's name.
    selected: String,
}

/// Works the sheet out again when the muster or the selection has changed; none once the army
/// has set out, while the historical plan is watched, or where the campaign offers no muster.
pub(super) fn make_muster_view(world: &mut World) {
    let campaign = world.resource::<Campaign>();
    let open = campaign.active && !campaign.watch && muster::open(world).is_ok();
    if !open {
        if world.resource::<MusterView>().sheet.is_some() {
            *world.resource_mut::<MusterView>() = MusterView::default();
        }
        return;
    }
    let selected = campaign
        .selected
        .map(|e| view::force_name(world, e))
        .unwrap_or_default();
    let key = Some((campaign.epoch, selected.clone()));
    if world.resource::<MusterView>().key == key {
        return;
    }
    let sheet = muster::sheet_of(world);
    *world.resource_mut::<MusterView>() = MusterView {
        key,
        sheet,
        selected,
    };
}

/// A step for an item's buttons: a round number near a twentieth of what the base holds.
fn step(row: &Row) -> f64 {
    let raw = (row.limit.max(row.history) / 20.0).max(1.0);
    let power = 10f64.powf(raw.log10().floor());
    [5.0, 2.0, 1.0]
        .into_iter()
        .map(|m| m * power)
        .find(|s| *s <= raw)
        .unwrap_or(power)
}

/// A day a month from `d` (earlier for -1, later for +1).
fn month_from(d: StartDate, by: i32) -> StartDate {
    let months = i64::from(d.month) - 1 + i64::from(by);
    let years = months.div_euclid(12);
    StartDate {
        year_bc: d.year_bc - years as i32,
        month: months.rem_euclid(12) as u32 + 1,
        day: d.day,
    }
}

/// A `muster` command as a button's action.
fn line(command: String) -> UiAction {
    UiAction::Line(command)
}

/// Builds the panel anew when the sheet changes; hides it when there is none.
pub(super) fn show_muster(
    mut commands: Commands,
    view: Res<MusterView>,
    font: Res<UiFont>,
    mut panel: Single<(Entity, &mut Visibility), With<MusterPanel>>,
) {
    if !view.is_changed() {
        return;
    }
    let (root, visibility) = &mut *panel;
    commands.entity(*root).despawn_children();
    let Some(sheet) = &view.sheet else {
        **visibility = Visibility::Hidden;
        return;
    };
    **visibility = Visibility::Visible;
    let ink = TextColor(theme::INK);
    let names: Vec<&str> = sheet.columns.iter().map(|c| c.name.as_str()).collect();
    let new_name = (2..)
        .map(|n| format!("Column {n}"))
        .find(|n| !names.iter().any(|c| c.eq_ignore_ascii_case(n)))
        .unwrap_or_default();
    commands.entity(*root).with_children(|col| {
        col.spawn((
            Text::new(format!("Muster at {}: {}", sheet.base, sheet.window)),
            font.at(14.0),
            ink,
            Node {
                max_width: px(580),
                ..default()
            },
        ));
        col.spawn((
            Text::new(format!(
                "The buttons change {}; select another column on the left.",
                view.selected
            )),
            font.at(12.0),
            ink,
        ));
        col.spawn((Text::new(Row::header()), font.mono(12.0), ink));
        for row in &sheet.rows {
            let step = step(row);
            let name = row.item.name();
            let amount = |x: f64| {
                if row.item.counted() {
                    format!("{x:.0}")
                } else {
                    format!("{x}")
                }
            };
            col.spawn(Node {
                flex_direction: FlexDirection::Row,
                align_items: AlignItems::Center,
                ..default()
            })
            .with_children(|r| {
                // Each line is as wide as the others in the monospaced font.
                r.spawn((
                    Text::new(format!("{:<56}", row.line())),
                    font.mono(12.0),
                    ink,
                    Node {
                        flex_shrink: 0.0,
                        ..default()
                    },
                ));
                r.spawn(theme::small_button(
                    &font,
                    &format!("-{}", amount(step)),
                    line(format!("muster {name} -{}", amount(step))),
                ));
                r.spawn(theme::small_button(
                    &font,
                    &format!("+{}", amount(step)),
                    line(format!("muster {name} +{}", amount(step))),
                ));
            });
        }
        col.spawn(Node {
            flex_direction: FlexDirection::Row,
            align_items: AlignItems::Center,
            flex_wrap: FlexWrap::Wrap,
            ..default()
        })
        .with_children(|r| {
            let marked = if sheet.leave == sheet.history_leave {
                ""
            } else {
                " *"
            };
            r.spawn((
                Text::new(format!(
                    "Leaves {}{marked} (history: {})",
                    sheet.leave.words(&sheet.calendar),
                    sheet.history_leave.words(&sheet.calendar)
                )),
                font.at(13.0),
                ink,
            ));
            for (label, by) in [("A month earlier", -1), ("A month later", 1)] {
                let d = month_from(sheet.leave, by);
                r.spawn(theme::small_button(
                    &font,
                    label,
                    line(format!("muster leave {} {} {}", d.month, d.day, d.year_bc)),
                ));
            }
        });
        col.spawn(Node {
            flex_direction: FlexDirection::Row,
            flex_wrap: FlexWrap::Wrap,
            ..default()
        })
        .with_children(|r| {
            r.spawn(theme::small_button(
                &font,
                &format!("Split off {new_name}"),
                line(format!("muster column {new_name}")),
            ));
            r.spawn(theme::small_button(
                &font,
                "Drop this column",
                line("muster drop".to_string()),
            ));
            r.spawn(theme::small_button(
                &font,
                "The army as it was",
                line("muster history".to_string()),
            ));
        });
        for c in &sheet.columns {
            let text = if c.name == view.selected {
                let mut t = c.summary.clone();
                for l in &c.lines {
                    t.push_str("\n  ");
                    t.push_str(l);
                }
                t
            } else {
                c.summary.clone()
            };
            col.spawn((
                Text::new(theme::latin(&text)),
                font.at(12.0),
                ink,
                Node {
                    max_width: px(580),
                    ..default()
                },
            ));
        }
        col.spawn((
            Text::new("Give the first order, or end the turn, and the army sets out."),
            font.at(12.0),
            TextColor(theme::HAN_RED),
        ));
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::muster::Item;

    #[test]
    fn steps_are_round_numbers_near_a_twentieth_of_the_base() {
        let row = |limit: f64| Row {
            item: Item::Grain,
            limit,
            taken: 0.0,
            history: 0.0,
        };
        assert_eq!(step(&row(2000.0)), 100.0);
        assert_eq!(step(&row(30000.0)), 1000.0);
        assert_eq!(step(&row(100000.0)), 5000.0);
        assert_eq!(step(&row(500.0)), 20.0);
        assert_eq!(step(&row(0.0)), 1.0);
    }

    #[test]
    fn a_month_earlier_or_later_crosses_the_year() {
        let d = |year_bc, month| StartDate {
            year_bc,
            month,
            day: 1,
        };
        assert_eq!(month_from(d(104, 1), -1), d(105, 12));
        assert_eq!(month_from(d(104, 12), 1), d(103, 1));
        assert_eq!(month_from(d(104, 8), 1), d(104, 9));
    }
}
