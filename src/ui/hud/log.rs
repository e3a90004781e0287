//! The bottom panel: the chronicle's last lines, and the game's last reply (red when it
//! refused).

use bevy::prelude::*;

use super::super::theme;
use super::super::{Campaign, Reply};
use super::{LogText, ReplyText};
use crate::report::chronicle::{Names, lines};
use crate::sim::{Calendar, Chronicle};

/// Lines of the panel, chronicle and reply together.
const SHOWN: usize = 7;

/// Shows the chronicle's last lines and the reply, when either changed.
pub(super) fn show_log(world: &mut World, mut last: Local<Option<(usize, u64, String, bool)>>) {
    let Some(campaign) = world.get_resource::<Campaign>() else {
        return;
    };
    if !campaign.active {
        return;
    }
    let epoch = campaign.epoch;
    let reply = world.resource::<Reply>().clone();
    let (Some(chronicle), Some(calendar)) = (
        world.get_resource::<Chronicle>(),
        world.get_resource::<Calendar>(),
    ) else {
        return;
    };
    let now = (chronicle.0.len(), epoch, reply.text.clone(), reply.whole);
    if last.as_ref() == Some(&now) {
        return;
    }
    *last = Some(now);
    let reply_lines: Vec<&str> = reply.text.lines().collect();
    let shown = reply_lines.len().min(if reply.whole { 30 } else { 5 });
    let want = SHOWN.saturating_sub(shown);
    // The last lines told, read from the end of the chronicle.
    let names = Names::new(world);
    let mut told: Vec<String> = Vec::new();
    for logged in chronicle.0.iter().rev() {
        if told.len() >= want {
            break;
        }
        for text in lines(&names, calendar, logged).into_iter().rev() {
            told.push(format!("day {:>3}  {}", logged.day, theme::latin(&text)));
        }
    }
    told.truncate(want);
    told.reverse();
    let log_text = told.join("\n");
    let reply_text = reply_lines[reply_lines.len() - shown..].join("\n");
    let colour = if reply.error {
        theme::ERROR
    } else {
        Color::srgb(0.1, 0.25, 0.55)
    };
    let mut q = world.query_filtered::<&mut Text, With<LogText>>();
    for mut text in q.iter_mut(world) {
        text.0 = log_text.clone();
    }
    let mut q = world.query_filtered::<(&mut Text, &mut TextColor), With<ReplyText>>();
    for (mut text, mut ink) in q.iter_mut(world) {
        text.0 = reply_text.clone();
        ink.0 = colour;
    }
}
