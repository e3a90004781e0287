//! The menu: pick a campaign (the shipped scenarios and any campaign file or mod folder under
//! `scenarios/`), a seed, a new game (to command, or to watch the historical plan), a saved
//! game, or the compare screen.
//!
//! Keys: ↑ ↓ pick a campaign, Enter plays it, W watches it, C compares, G goes back to the game,
//! L loads the autosave,
//! Escape quits.

use bevy::input_focus::InputFocus;
use bevy::prelude::*;
use bevy::text::{EditableText, EditableTextFilter};

mod catalogue;

pub use catalogue::{Catalogue, saves, scenarios_dir};

use super::theme::{self, Chosen, UiFont};
use super::{Reply, Screen, Settings, UiAction, UiSystems};

#[derive(Component)]
struct SeedField;
#[derive(Component)]
struct Description;
#[derive(Component)]
struct MenuReply;

fn spawn_menu(
    mut commands: Commands,
    font: Res<UiFont>,
    settings: Res<Settings>,
    mut catalogue: ResMut<Catalogue>,
    mut focus: ResMut<InputFocus>,
) {
    // Scan anew each time: a modder may have added a file.
    let seed_text = std::mem::take(&mut catalogue.seed_text);
    let picked = catalogue
        .entries
        .get(catalogue.picked)
        .map(|e| e.path.clone());
    *catalogue = Catalogue::scan(&scenarios_dir());
    catalogue.seed_text = seed_text.clone();
    if let Some(i) = picked.and_then(|p| catalogue.entries.iter().position(|e| e.path == p)) {
        catalogue.picked = i;
    }
    focus.clear();
    let (title, tagline) = match (&catalogue.menu, &catalogue.menu_error) {
        (Some(m), _) => (m.title.clone(), m.tagline.clone()),
        (None, Some(e)) => (
            "Campaigns".to_string(),
            format!("the menu file did not load: {e}"),
        ),
        (None, None) => ("Campaigns".to_string(), String::new()),
    };
    let campaigns: Vec<_> = catalogue
        .entries
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let label = if e.error.is_some() {
                format!("{} (does not load)", e.name)
            } else {
                e.name.clone()
            };
            theme::button(&font, &label, "", UiAction::PickScenario(i))
        })
        .collect();
    let saves: Vec<_> = saves(&settings.saves)
        .into_iter()
        .take(6)
        .map(|(path, line)| theme::button(&font, &line, "", UiAction::Load(path)))
        .collect();
    let root = commands
        .spawn((
            DespawnOnExit(Screen::Menu),
            Node {
                width: percent(100),
                height: percent(100),
                flex_direction: FlexDirection::Column,
                align_items: AlignItems::Center,
                padding: UiRect::all(px(24)),
                row_gap: px(10),
                ..default()
            },
        ))
        .id();
    commands.entity(root).with_children(|root| {
        root.spawn((Text::new(title), font.at(44.0), TextColor(theme::HAN_RED)));
        root.spawn((Text::new(tagline), font.at(17.0), TextColor(theme::INK)));
        root.spawn(Node {
            flex_direction: FlexDirection::Row,
            column_gap: px(24),
            margin: UiRect::top(px(12)),
            ..default()
        })
        .with_children(|row| {
            row.spawn(theme::panel(Node {
                flex_direction: FlexDirection::Column,
                padding: UiRect::all(px(8)),

                width: px(470),
                ..default()
            }))
            .with_children(|col| {
                col.spawn((
                    Text::new("Campaigns (↑ ↓)"),
                    font.at(18.0),
                    TextColor(theme::INK),
                ));
                for b in campaigns {
                    col.spawn(b);
                }
                col.spawn((
                    Text::new("Saved games"),
                    font.at(18.0),
                    TextColor(theme::INK),
                    Node {
                        margin: UiRect::top(px(12)),
                        ..default()
                    },
                ));
                let none = saves.is_empty();
                for b in saves {
                    col.spawn(b);
                }
                if none {
                    col.spawn((Text::new("none yet"), font.at(14.0), TextColor(theme::INK)));
                }
            });
            row.spawn(theme::panel(Node {
                flex_direction: FlexDirection::Column,
                padding: UiRect::all(px(8)),

                width: px(560),
                row_gap: px(8),
                ..default()
            }))
            .with_children(|col| {
                col.spawn((
                    Description,
                    Text::new(""),
                    font.at(15.0),
                    TextColor(theme::INK),
                ));
                col.spawn(Node {
                    flex_direction: FlexDirection::Row,
                    align_items: AlignItems::Center,
                    column_gap: px(8),
                    ..default()
                })
                .with_children(|line| {
                    line.spawn((Text::new("Seed:"), font.at(15.0), TextColor(theme::INK)));
                    line.spawn((
                        SeedField,
                        EditableText::new(seed_text),
                        EditableTextFilter::new(|c| c.is_ascii_digit()),
                        font.at(15.0),
                        TextColor(theme::INK),
                        BackgroundColor(Color::WHITE),
                        BorderColor::all(theme::INK),
                        Node {
                            width: px(180),
                            height: px(24),
                            border: UiRect::all(px(1)),
                            padding: UiRect::axes(px(4), px(2)),
                            ..default()
                        },
                    ));
                    line.spawn((
                        Text::new("(click and type; empty: the scenario's own)"),
                        font.at(13.0),
                        TextColor(theme::INK),
                    ));
                });
                col.spawn(theme::button(
                    &font,
                    "New game",
                    "Enter",
                    UiAction::NewGame { watch: false },
                ));
                col.spawn(theme::button(
                    &font,
                    "Watch the historical plan",
                    "W",
                    UiAction::NewGame { watch: true },
                ));
                col.spawn(theme::button(
                    &font,
                    "Compare the expeditions",
                    "C",
                    UiAction::Go(Screen::Compare),
                ));
                col.spawn(theme::button(
                    &font,
                    "Back to the game",
                    "G",
                    UiAction::Go(Screen::Playing),
                ));
                col.spawn(theme::button(&font, "Quit", "Esc", UiAction::Quit));
                col.spawn((
                    MenuReply,
                    Text::new(""),
                    font.at(14.0),
                    TextColor(theme::ERROR),
                ));
            });
        });
    });
}

/// The picked campaign's description and the reply, and the chosen button marked.
fn show_menu(
    mut commands: Commands,
    mut catalogue: ResMut<Catalogue>,
    reply: Res<Reply>,
    mut description: Single<&mut Text, (With<Description>, Without<MenuReply>)>,
    mut said: Single<(&mut Text, &mut TextColor), (With<MenuReply>, Without<Description>)>,
    seed: Single<&EditableText, With<SeedField>>,
    buttons: Query<(Entity, &UiAction, Has<Chosen>)>,
) {
    catalogue.seed_text = seed.value().to_string();
    let text = match catalogue.entries.get(catalogue.picked) {
        Some(e) => match &e.error {
            Some(err) => format!(
                "{}\n{}\n\nIt does not load:\n{err}",
                e.name,
                e.path.display()
            ),
            // The panel wraps the description to its own width (wrapped here too, its lines
            // broke twice, leaving a word alone on a line).
            None => format!("{}\n{}\n\n{}", e.name, e.path.display(), e.description),
        },
        None => "No campaign files under scenarios/.".to_string(),
    };
    if description.0 != text {
        description.0 = text;
    }
    let (said_text, colour) = &mut *said;
    if said_text.0 != reply.text {
        said_text.0 = reply.text.clone();
    }
    colour.0 = if reply.error {
        theme::ERROR
    } else {
        theme::INK
    };
    let picked = UiAction::PickScenario(catalogue.picked);
    theme::mark_chosen(&mut commands, &buttons, |action| *action == picked);
}

/// The menu's keys (not while the seed is being typed).
fn menu_keys(
    keys: Res<ButtonInput<KeyCode>>,
    focus: Res<InputFocus>,
    editing: Query<(), With<EditableText>>,
    catalogue: Res<Catalogue>,
    settings: Res<Settings>,
    mut actions: ResMut<theme::Actions>,
) {
    if focus.get().is_some_and(|e| editing.contains(e)) {
        return;
    }
    let n = catalogue.entries.len().max(1);
    let pairs = [
        (KeyCode::Enter, UiAction::NewGame { watch: false }),
        (KeyCode::KeyW, UiAction::NewGame { watch: true }),
        (KeyCode::KeyC, UiAction::Go(Screen::Compare)),
        (KeyCode::KeyG, UiAction::Go(Screen::Playing)),
        (KeyCode::Escape, UiAction::Quit),
        (
            KeyCode::ArrowDown,
            UiAction::PickScenario((catalogue.picked + 1) % n),
        ),
        (
            KeyCode::ArrowUp,
            UiAction::PickScenario((catalogue.picked + n - 1) % n),
        ),
    ];
    theme::press(&keys, pairs.to_vec(), &mut actions);
    if keys.just_pressed(KeyCode::KeyL) {
        actions
            .0
            .push(UiAction::Load(settings.saves.join("autosave.json")));
    }
}

pub(super) fn plugin(app: &mut App) {
    app.insert_resource(Catalogue::scan(&scenarios_dir()));
    app.add_systems(OnEnter(Screen::Menu), spawn_menu);
    app.add_systems(
        Update,
        (
            menu_keys.in_set(UiSystems::Input),
            show_menu.in_set(UiSystems::Show),
        )
            .run_if(in_state(Screen::Menu)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_menu_lists_the_shipped_campaigns_but_not_maps_or_rules() {
        let catalogue = Catalogue::scan(&scenarios_dir());
        let names: Vec<&str> = catalogue.entries.iter().map(|e| e.name.as_str()).collect();
        // Every campaign file at the top of the folder (the menu's own file aside), and no map or
        // rules file under it.
        let campaigns = std::fs::read_dir(scenarios_dir())
            .unwrap()
            .flatten()
            .filter(|e| {
                let name = e.file_name().to_string_lossy().to_string();
                name.ends_with(".ron") && name != "menu.ron"
            })
            .count();
        assert_eq!(catalogue.entries.len(), campaigns, "{names:?}");
        for name in [
            "The Second Expedition (102 BC)",
            "Zhang Qian's Mission to the Yuezhi (139 BC)",
        ] {
            assert!(names.contains(&name), "{names:?}");
        }
        assert!(catalogue.entries.iter().all(|e| e.error.is_none()));
        // The guided campaign is picked first, for a new player.
        assert!(
            catalogue.entries[catalogue.picked]
                .path
                .ends_with("first_campaign_tutorial.ron")
        );
    }

    #[test]
    fn a_mod_folder_campaign_is_listed_and_a_broken_one_with_its_error() {
        let dir = std::env::temp_dir().join(format!("hh-menu-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let mods = dir.join("mods/zhizhi");
        std::fs::create_dir_all(&mods).unwrap();
        let shipped = scenarios_dir();
        for sub in ["maps", "rules"] {
            std::fs::create_dir_all(mods.join(sub)).unwrap();
        }
        std::fs::copy(
            shipped.join("maps/western_regions.ron"),
            mods.join("maps/western_regions.ron"),
        )
        .unwrap();
        std::fs::copy(
            shipped.join("rules/han_army.ron"),
            mods.join("rules/han_army.ron"),
        )
        .unwrap();
        let good = std::fs::read_to_string(shipped.join("first_expedition_104bc.ron")).unwrap();
        std::fs::write(mods.join("good.ron"), &good).unwrap();
        std::fs::write(
            mods.join("broken.ron"),
            good.replacen("seed: 104", "seed: \"many\"", 1),
        )
        .unwrap();
        let catalogue = Catalogue::scan(&dir);
        assert_eq!(catalogue.entries.len(), 2);
        let broken = &catalogue.entries[0];
        assert!(broken.path.ends_with("broken.ron"));
        let error = broken.error.as_deref().unwrap_or("");
        assert!(error.contains("broken.ron:"), "{error}");
        assert_eq!(catalogue.entries[1].name, "The First Expedition (104 BC)");
        let _ = std::fs::remove_dir_all(dir);
    }
}
