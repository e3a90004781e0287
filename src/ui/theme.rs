//! The window's look: its colours and fonts, and its buttons: Bevy's headless button widget
//! (`bevy_ui_widgets`), styled here, each carrying the [`UiAction`] it asks for.

use bevy::asset::RenderAssetUsages;
use bevy::picking::hover::Hovered;
use bevy::prelude::*;
use bevy::render::render_resource::{Extent3d, TextureDimension, TextureFormat};
use bevy::ui::{InteractionDisabled, Pressed};
use bevy::ui_widgets::{Activate, Button as WidgetButton};

use super::UiAction;

/// Ink for text.
pub const INK: Color = Color::srgb(0.12, 0.08, 0.04);
/// The map's paper.
pub const PAPER: Color = Color::srgb(0.86, 0.80, 0.66);
/// Panels over the map.
pub const PANEL: Color = Color::srgba(1.0, 0.98, 0.92, 0.88);
/// A button at rest, hovered, pressed, chosen and unavailable.
const BUTTON: Color = Color::srgb(0.93, 0.88, 0.76);
const BUTTON_HOVER: Color = Color::srgb(0.98, 0.93, 0.80);
const BUTTON_PRESSED: Color = Color::srgb(0.80, 0.70, 0.52);
const BUTTON_CHOSEN: Color = Color::srgb(0.75, 0.22, 0.15);
const BUTTON_DISABLED: Color = Color::srgb(0.80, 0.78, 0.74);
/// Han red.
pub const HAN_RED: Color = Color::srgb(0.70, 0.12, 0.10);
/// An error.
pub const ERROR: Color = Color::srgb(0.75, 0.05, 0.05);

/// The fonts every text is set in, built into the game so that the window finds them wherever
/// it is started from (Bevy's default font lacks · and −): DejaVu Sans, and DejaVu Sans Mono for
/// tables.
#[derive(Resource, Clone)]
pub struct UiFont {
    sans: Handle<Font>,
    mono: Handle<Font>,
}

impl UiFont {
    /// Loads the fonts.
    pub fn new(fonts: &mut Assets<Font>) -> Self {
        let sans = fonts.add(Font::from_bytes(
            include_bytes!("../../assets/fonts/DejaVuSans.ttf").to_vec(),
        ));
        let mono = fonts.add(Font::from_bytes(
            include_bytes!("../../assets/fonts/DejaVuSansMono.ttf").to_vec(),
        ));
        UiFont { sans, mono }
    }

    /// The sans font at `size` pixels.
    pub fn at(&self, size: f32) -> TextFont {
        TextFont {
            font: self.sans.clone().into(),
            font_size: FontSize::Px(size),
            ..default()
        }
    }

    /// The monospaced font at `size` pixels.
    pub fn mono(&self, size: f32) -> TextFont {
        TextFont {
            font: self.mono.clone().into(),
            font_size: FontSize::Px(size),
            ..default()
        }
    }
}

/// `text` without Chinese characters, which the shipped fonts cannot show (the sources quote the
/// Shiji and the Hanshu in Chinese; the window shows their English).
pub fn latin(text: &str) -> String {
    let kept: String = text
        .chars()
        .filter(|c| !matches!(*c as u32, 0x3000..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF))
        .collect();
    kept.replace(":  \"", ": \"")
        .replace("( ", "(")
        .replace(" )", ")")
}

/// A button's words, for the script's `click` and for showing which one is chosen.
#[derive(Component, Debug, Clone)]
pub struct ButtonLabel(pub String);

/// A button shown as the current choice (the picked scenario, the selected force).
#[derive(Component, Debug, Clone, Copy)]
pub struct Chosen;

/// A button: its words, what it does; a hint (its key) after the words.
pub fn button(font: &UiFont, label: &str, hint: &str, action: UiAction) -> impl Bundle + use<> {
    button_at(font, label, hint, action, 14.0, 3.0)
}

/// A small button with its key, for lists of many (the selected force's orders).
pub fn compact_button(
    font: &UiFont,
    label: &str,
    hint: &str,
    action: UiAction,
) -> impl Bundle + use<> {
    button_at(font, label, hint, action, 12.0, 1.0)
}

/// A small button, for panels with many (the muster's).
pub fn small_button(font: &UiFont, label: &str, action: UiAction) -> impl Bundle + use<> {
    button_at(font, label, "", action, 12.0, 1.0)
}

/// A button whose words are `size` pixels high, `pad` pixels below and above them.
fn button_at(
    font: &UiFont,
    label: &str,
    hint: &str,
    action: UiAction,
    size: f32,
    pad: f32,
) -> impl Bundle + use<> {
    let text = if hint.is_empty() {
        label.to_string()
    } else {
        format!("{label} · {hint}")
    };
    (
        WidgetButton,
        Hovered::default(),
        action,
        ButtonLabel(label.to_string()),
        Node {
            padding: UiRect::axes(px(6), px(pad)),
            margin: UiRect::all(px(if pad >= 3.0 { 2.0 } else { 1.0 })),
            border: UiRect::all(px(1)),
            border_radius: BorderRadius::all(px(3)),
            ..default()
        },
        BorderColor::all(Color::srgb(0.45, 0.35, 0.22)),
        BackgroundColor(BUTTON),
        children![(
            Text::new(text),
            font.at(size),
            TextColor(INK),
            Pickable::IGNORE
        )],
    )
}

/// A panel over the map (a column, unless `node` says otherwise).
pub fn panel(node: Node) -> impl Bundle + use<> {
    (
        node,
        BackgroundColor(PANEL),
        BorderColor::all(Color::srgb(0.55, 0.45, 0.30)),
    )
}

/// Marks as chosen the buttons whose action `chosen` says is the current choice, and unmarks the
/// others.
pub fn mark_chosen(
    commands: &mut Commands,
    buttons: &Query<(Entity, &UiAction, Has<Chosen>)>,
    chosen: impl Fn(&UiAction) -> bool,
) {
    for (entity, action, marked) in buttons {
        let should = chosen(action);
        if should && !marked {
            commands.entity(entity).try_insert(Chosen);
        } else if !should && marked {
            commands.entity(entity).try_remove::<Chosen>();
        }
    }
}

/// Queues the action of each key in `pairs` pressed this frame.
pub fn press(keys: &ButtonInput<KeyCode>, pairs: Vec<(KeyCode, UiAction)>, actions: &mut Actions) {
    for (key, action) in pairs {
        if keys.just_pressed(key) {
            actions.0.push(action);
        }
    }
}

/// Buttons light up under the pointer, darken when pressed, and show the current choice.
fn style_buttons(
    mut buttons: Query<
        (
            &Hovered,
            Has<Pressed>,
            Has<InteractionDisabled>,
            Has<Chosen>,
            &Children,
            &mut BackgroundColor,
        ),
        With<WidgetButton>,
    >,
    mut texts: Query<&mut TextColor>,
) {
    for (hovered, pressed, disabled, chosen, children, mut background) in &mut buttons {
        let colour = match (disabled, pressed, chosen, hovered.get()) {
            (true, ..) => BUTTON_DISABLED,
            (_, true, ..) => BUTTON_PRESSED,
            (_, _, true, _) => BUTTON_CHOSEN,
            (_, _, _, true) => BUTTON_HOVER,
            _ => BUTTON,
        };
        if background.0 != colour {
            background.0 = colour;
        }
        let ink = if chosen { Color::WHITE } else { INK };
        for child in children.iter() {
            if let Ok(mut text) = texts.get_mut(child)
                && text.0 != ink
            {
                text.0 = ink;
            }
        }
    }
}

/// A button pressed (by pointer, or by Enter or Space when focused): queue its action.
fn on_activate(activate: On<Activate>, actions: Query<&UiAction>, mut queue: ResMut<Actions>) {
    if let Ok(action) = actions.get(activate.entity) {
        queue.0.push(action.clone());
    }
}

/// Actions asked for this frame, by buttons, keys and the script, carried out in order.
#[derive(Resource, Debug, Default)]
pub struct Actions(pub Vec<UiAction>);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Actions>();
    app.add_observer(on_activate);
    app.add_systems(Update, style_buttons);
}

/// An RGB buffer as a Bevy image.
pub fn rgb_image(rgb: &[u8], size: (u32, u32)) -> Image {
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

#[cfg(test)]
mod tests {
    #[test]
    fn chinese_quotations_are_left_out_of_the_window_and_the_english_kept() {
        assert_eq!(
            super::latin("men home: 萬餘人 \"10,000 and more men\" [S123]"),
            "men home: \"10,000 and more men\" [S123]"
        );
    }
}
