//! Han prestige changes, each told as an event.

use bevy::prelude::*;

use super::campaign::Prestige;
use super::log::SimEvent;

/// Moves Han prestige by `by` (kept within -1..1) and tells of it.
pub fn change_prestige(prestige: &mut Prestige, by: f64, events: &mut MessageWriter<SimEvent>) {
    prestige.change(by);
    events.write(SimEvent::PrestigeChanged {
        by,
        now: prestige.0,
    });
}
