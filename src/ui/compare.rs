//! The compare screen: pick two campaigns of the catalogue (or a what-if overlay), a number of
//! runs, and run them on all cores in the background; the same table as `compare` prints
//! (medians with 10–90 % ranges beside the historical record) and the same chart page (Minard's
//! maps, strength, stores, losses, men home).
//!
//! Keys: R runs, 1/2/3 pick 100, 200 or 1,000 runs, F shows the chart full size, S saves it as
//! a PNG beside the saves, Escape goes back to the menu.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::JoinHandle;

use bevy::prelude::*;

use super::menu::Catalogue;
use super::theme::{self, Chosen, UiFont};
use super::{Reply, Screen, Settings, UiAction, UiSystems};
use crate::report::{chart, compare as cmp};
use crate::scenario::Scenario;
use crate::sim::Commander;

/// The chart page's size in the window.
const CHART: (u32, u32) = chart::PAGE;

/// What the comparison has come to.
pub struct Done {
    /// The table, as `compare` prints it.
    pub table: String,
    /// The chart page, RGB.
    pub chart: Vec<u8>,
}

/// A comparison under way in the background.
struct Job {
    done: Arc<AtomicUsize>,
    total: usize,
    handle: JoinHandle<Result<Done, String>>,
}

/// The compare screen's choices and its comparison.
#[derive(Resource, Default)]
pub struct Comparing {
    /// The catalogue's indices of the two campaigns.
    pub picked: [usize; 2],
    /// Runs of each.
    pub runs: usize,
    job: Option<Job>,
    /// The last result.
    pub result: Option<Result<Done, String>>,
    /// Bumped when a result arrives.
    generation: u64,
}

impl Comparing {
    /// Starts the comparison of the picked campaigns in the background.
    pub fn start(&mut self, catalogue: &Catalogue) {
        if self.job.is_some() {
            return;
        }
        let paths: Vec<_> = self
            .picked
            .iter()
            .filter_map(|i| catalogue.entries.get(*i).map(|e| e.path.clone()))
            .collect();
        let runs = self.runs.max(1);
        let done = Arc::new(AtomicUsize::new(0));
        let counter = done.clone();
        let handle = std::thread::spawn(move || {
            let scenarios: Vec<Scenario> = paths
                .iter()
                .map(|p| Scenario::load(p).map_err(|e| format!("{}: {e}", p.display())))
                .collect::<Result<_, _>>()?;
            let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
            let seed = 1;
            let (comparison, results) = cmp::compare(
                &scenarios,
                runs,
                seed,
                Commander::Historical,
                threads,
                &|| {
                    counter.fetch_add(1, Ordering::Relaxed);
                },
            );
            let records = cmp::representative_records(&scenarios, &results, Commander::Historical);
            let places: Vec<_> = scenarios.iter().map(cmp::places_of).collect();
            let series: Vec<chart::Series> = scenarios
                .iter()
                .zip(&records)
                .zip(&results)
                .zip(&places)
                .map(|(((s, record), runs), places)| chart::Series {
                    name: &s.campaign.name,
                    record,
                    runs,
                    places,
                })
                .collect();
            let chart = chart::page_rgb(&series, CHART)?;
            Ok(Done {
                table: cmp::render_table(&comparison),
                chart,
            })
        });
        self.job = Some(Job {
            done,
            total: runs * 2,
            handle,
        });
        self.result = None;
    }

    /// Is a comparison running or done?
    pub fn ready(&self) -> bool {
        self.job.is_none() && self.result.is_some()
    }
}

#[derive(Component)]
struct Progress;
#[derive(Component)]
struct Table;
#[derive(Component)]
struct ChartImage;

fn spawn_compare(
    mut commands: Commands,
    font: Res<UiFont>,
    catalogue: Res<Catalogue>,
    mut comparing: ResMut<Comparing>,
) {
    if comparing.runs == 0 {
        comparing.runs = 200;
        comparing.picked = catalogue.compare_pair(&super::menu::scenarios_dir());
    }
    // Force the result to be shown anew.
    comparing.generation += 1;
    let entries: Vec<(usize, String)> = catalogue
        .entries
        .iter()
        .enumerate()
        .filter(|(_, e)| e.error.is_none())
        .map(|(i, e)| (i, e.name.clone()))
        .collect();
    commands
        .spawn((
            DespawnOnExit(Screen::Compare),
            Node {
                width: percent(100),
                height: percent(100),
                flex_direction: FlexDirection::Column,
                padding: UiRect::all(px(8)),
                row_gap: px(4),
                ..default()
            },
        ))
        .with_children(|root| {
            root.spawn((
                Text::new("Compare the expeditions: many seeded runs of each, beside the historical record"),
                font.at(20.0),
                TextColor(theme::HAN_RED),
            ));
            for side in 0..2 {
                root.spawn(Node {
                    flex_direction: FlexDirection::Row,
                    flex_wrap: FlexWrap::Wrap,
                    align_items: AlignItems::Center,
                    ..default()
                })
                .with_children(|row| {
                    row.spawn((
                        Text::new(if side == 0 { "A: " } else { "B: " }),
                        font.at(15.0),
                        TextColor(theme::INK),
                    ));
                    for (i, name) in &entries {
                        row.spawn(theme::button(
                            &font,
                            name,
                            "",
                            UiAction::ComparePick { side, index: *i },
                        ));
                    }
                });
            }
            root.spawn(Node {
                flex_direction: FlexDirection::Row,
                align_items: AlignItems::Center,
                ..default()
            })
            .with_children(|row| {
                row.spawn((Text::new("Runs: "), font.at(15.0), TextColor(theme::INK)));
                for (runs, key) in [(100, "1"), (200, "2"), (1000, "3")] {
                    row.spawn(theme::button(
                        &font,
                        &format!("{runs}"),
                        key,
                        UiAction::CompareRuns(runs),
                    ));
                }
                row.spawn(theme::button(&font, "Run", "R", UiAction::RunCompare));
                row.spawn(theme::button(&font, "Menu", "Esc", UiAction::Go(Screen::Menu)));
                row.spawn((
                    Progress,
                    Text::new(""),
                    font.at(14.0),
                    TextColor(theme::INK),
                    Node {
                        margin: UiRect::left(px(12)),
                        ..default()
                    },
                ));
            });
            root.spawn(Node {
                flex_direction: FlexDirection::Row,
                column_gap: px(8),
                ..default()
            })
            .with_children(|row| {
                row.spawn(theme::panel(Node {
                    flex_direction: FlexDirection::Column,
                    padding: UiRect::all(px(6)),
                    width: px(750),
                    height: px(560),
                    overflow: Overflow::clip(),
                    ..default()
                }))
                .with_child((Table, Text::new(""), font.mono(9.5), TextColor(theme::INK)));
                row.spawn((
                    ChartImage,
                    ImageNode::default(),
                    Node {
                        height: px(500),
                        width: px(500.0 * CHART.0 as f32 / CHART.1 as f32),
                        display: Display::None,
                        ..default()
                    },
                ));
            });
            });
}

/// Collects a finished comparison, and shows the progress, the table and the chart.
fn show_compare(
    mut commands: Commands,
    mut comparing: ResMut<Comparing>,
    mut images: ResMut<Assets<Image>>,
    mut progress: Single<&mut Text, (With<Progress>, Without<Table>)>,
    mut table: Single<&mut Text, (With<Table>, Without<Progress>)>,
    mut chart: Single<(&mut ImageNode, &mut Node), With<ChartImage>>,
    buttons: Query<(Entity, &UiAction, Has<Chosen>)>,
    reply: Res<Reply>,
    mut shown: Local<u64>,
) {
    if reply.is_changed() && !reply.text.is_empty() {
        progress.0 = reply.text.clone();
    }
    if let Some(job) = &comparing.job {
        let done = job.done.load(Ordering::Relaxed);
        let t = format!("running: {done} of {} runs…", job.total);
        if progress.0 != t {
            progress.0 = t;
        }
        if job.handle.is_finished()
            && let Some(job) = comparing.job.take()
        {
            comparing.result = Some(
                job.handle
                    .join()
                    .unwrap_or_else(|_| Err("the comparison failed".to_string())),
            );
            comparing.generation += 1;
        }
    }
    if *shown != comparing.generation {
        *shown = comparing.generation;
        match &comparing.result {
            Some(Ok(done)) => {
                progress.0 = format!(
                    "{} runs each (seeds from 1), the historical plan",
                    comparing.runs
                );
                table.0 = theme::latin(&done.table);
                let (image, node) = &mut *chart;
                image.image = images.add(theme::rgb_image(&done.chart, CHART));
                node.display = Display::Flex;
            }
            Some(Err(e)) => {
                progress.0 = format!("the comparison failed: {e}");
            }
            None if comparing.job.is_none() => {
                table.0 = "Pick two campaigns and the runs, then Run (R).".to_string();
            }
            None => {}
        }
    }
    theme::mark_chosen(&mut commands, &buttons, |action| match action {
        UiAction::ComparePick { side, index } => comparing.picked[*side] == *index,
        UiAction::CompareRuns(runs) => comparing.runs == *runs,
        _ => false,
    });
}

/// The compare screen's keys.
fn compare_keys(
    keys: Res<ButtonInput<KeyCode>>,
    mut actions: ResMut<theme::Actions>,
    comparing: Res<Comparing>,
    settings: Res<Settings>,
    mut reply: ResMut<Reply>,
    mut chart: Single<&mut Node, With<ChartImage>>,
    mut big: Local<bool>,
) {
    let pairs = [
        (KeyCode::KeyR, UiAction::RunCompare),
        (KeyCode::Digit1, UiAction::CompareRuns(100)),
        (KeyCode::Digit2, UiAction::CompareRuns(200)),
        (KeyCode::Digit3, UiAction::CompareRuns(1000)),
        (KeyCode::Escape, UiAction::Go(Screen::Menu)),
    ];
    theme::press(&keys, pairs.to_vec(), &mut actions);
    if keys.just_pressed(KeyCode::KeyF) {
        // The chart full size over the table, and back.
        *big = !*big;
        if *big {
            chart.position_type = PositionType::Absolute;
            chart.left = px(0);
            chart.top = px(0);
            chart.height = px(1450);
            chart.width = px(1400);
        } else {
            chart.position_type = PositionType::Relative;
            chart.height = px(500);
            chart.width = px(500.0 * CHART.0 as f32 / CHART.1 as f32);
        }
    }
    if keys.just_pressed(KeyCode::KeyS)
        && let Some(Ok(done)) = &comparing.result
    {
        let path = settings.saves.join("compare.png");
        let saved = std::fs::create_dir_all(&settings.saves)
            .map_err(|e| e.to_string())
            .and_then(|_| chart::save_rgb(&path, &done.chart, CHART));
        match saved {
            Ok(()) => reply.say(format!("saved the chart to {}", path.display())),
            Err(e) => reply.fail(format!("could not save the chart: {e}")),
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Comparing>();
    app.add_systems(OnEnter(Screen::Compare), spawn_compare);
    app.add_systems(
        Update,
        (
            compare_keys.in_set(UiSystems::Input),
            show_compare.in_set(UiSystems::Show),
        )
            .run_if(in_state(Screen::Compare)),
    );
}
