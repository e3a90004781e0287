//! Scripted runs of the window, for smoke tests, screenshots and frame-rate figures
//! (`--script "line; line; …"`). One line is carried out every few frames, so that the screen
//! settles between them. A line is a window verb or a command of the terminal mode:
//!
//! - `click LABEL`: press the button whose words begin with LABEL (as a click would);
//! - `shot NAME`: save a screenshot as NAME.png in the shots folder;
//! - `until DAY`: wait until that day of the campaign (or its end), passing a day a frame if
//!   the days playing on their own or not; `until compared`: wait for the comparison;
//!   `until reloaded`, `until reload-failed`: wait for an edit of the scenario to reload, or to
//!   fail to;
//! - `frames N`: wait N frames;
//! - `expect TEXT`: the game's last reply must contain TEXT (else the run fails); `banner TEXT`:
//!   the hot-reload error banner must;
//! - `measure` then `fps`: print the frames a second in between;
//! - `quit`: quit (with a failure status if a line failed);
//! - anything else: a command of the terminal mode, as typed on the command line.
//!
//! Each line done is printed (`done: LINE`), for a test that acts in between; the first frame's
//! time after launch is printed as soon as it is drawn.

use std::collections::VecDeque;
use std::time::Instant;

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured, save_to_disk};
use bevy::ui_widgets::Activate;

use super::compare::Comparing;
use super::reload::Watched;
use super::theme::{self, ButtonLabel};
use super::{Reply, Settings, UiAction, UiSystems};
use crate::sim::{Calendar, CampaignStatus};

/// The script and where it stands.
#[derive(Resource, Debug)]
struct Script {
    lines: VecDeque<String>,
    wait: u32,
    quitting: Option<u32>,
    failed: Vec<String>,
    measuring: Option<(u32, Instant)>,
    frames: u32,
    reloads_seen: u32,
    failures_seen: u32,
    /// Frames the current `until` has waited.
    waited: u32,
}

/// Frames between two lines, for the screen to settle.
const SETTLE: u32 = 3;

fn run_script(
    mut commands: Commands,
    mut script: ResMut<Script>,
    calendar: Option<Res<Calendar>>,
    status: Option<Res<CampaignStatus>>,
    comparing: Res<Comparing>,
    reply: Res<Reply>,
    settings: Res<Settings>,
    watched: Res<Watched>,
    buttons: Query<(Entity, &ButtonLabel)>,
    mut actions: ResMut<theme::Actions>,
    mut exit: MessageWriter<AppExit>,
) {
    script.frames += 1;
    if let Some(left) = script.quitting {
        if left == 0 {
            for f in &script.failed {
                eprintln!("script: {f}");
            }
            exit.write(if script.failed.is_empty() {
                AppExit::Success
            } else {
                AppExit::error()
            });
        } else {
            script.quitting = Some(left - 1);
        }
        return;
    }
    if script.wait > 0 {
        script.wait -= 1;
        return;
    }
    let Some(line) = script.lines.front().cloned() else {
        return;
    };
    // No line waits for ever: after a minute or so of frames it fails, and the run goes on.
    if line.starts_with("until") {
        script.waited += 1;
        if script.waited > 4000 {
            script.failed.push(format!("'{line}' never came"));
            script.lines.pop_front();
            script.waited = 0;
            return;
        }
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    let rest = line
        .trim()
        .split_once(' ')
        .map_or("", |(_, r)| r.trim())
        .to_string();
    match words.first().copied().unwrap_or("") {
        "until" if rest == "compared" => {
            if !comparing.ready() {
                return;
            }
        }
        "until" if rest == "reloaded" => {
            if watched.reloads <= script.reloads_seen {
                return;
            }
            script.reloads_seen = watched.reloads;
        }
        "until" if rest == "reload-failed" => {
            if watched.failures <= script.failures_seen {
                return;
            }
            script.failures_seen = watched.failures;
        }
        "until" => {
            let day: u32 = rest.parse().unwrap_or(0);
            if let (Some(calendar), Some(status)) = (&calendar, &status)
                && calendar.day < day
                && status.ended.is_none()
            {
                actions.0.push(UiAction::Pass(1));
                return;
            }
        }
        "frames" => {
            script.lines.pop_front();
            script.wait = rest.parse().unwrap_or(1);
            return;
        }
        "shot" => {
            let path = settings.shots.join(format!("{rest}.png"));
            commands
                .spawn(Screenshot::primary_window())
                .observe(save_to_disk(path));
        }
        "click" => {
            let want = rest.to_lowercase();
            // The button with exactly these words, or else the first that begins with them.
            let exact = buttons.iter().find(|(_, l)| l.0.to_lowercase() == want);
            match exact.or_else(|| {
                buttons
                    .iter()
                    .find(|(_, label)| label.0.to_lowercase().starts_with(&want))
            }) {
                Some((entity, _)) => commands.trigger(Activate { entity }),
                None => script
                    .failed
                    .push(format!("no button '{rest}' on the screen")),
            }
        }
        "expect" => {
            if !reply.text.to_lowercase().contains(&rest.to_lowercase()) {
                script.failed.push(format!(
                    "expected '{rest}' in the reply, which was: {}",
                    reply.text
                ));
            }
        }
        "banner" => {
            let shown = watched.error.clone().unwrap_or_default();
            if !shown.to_lowercase().contains(&rest.to_lowercase()) {
                script.failed.push(format!(
                    "expected '{rest}' in the reload banner, which was: {shown}"
                ));
            }
        }
        "measure" => {
            script.measuring = Some((script.frames, Instant::now()));
        }
        "fps" => {
            if let Some((from, at)) = script.measuring {
                let frames = script.frames - from;
                let secs = at.elapsed().as_secs_f64();
                println!(
                    "fps: {:.1} ({frames} frames in {secs:.2} s)",
                    f64::from(frames) / secs.max(1e-9)
                );
            }
        }
        "quit" => {
            // Give the last screenshots a few frames to reach the disk.
            script.quitting = Some(30);
        }
        _ => actions.0.push(UiAction::Line(line.clone())),
    }
    script.lines.pop_front();
    script.wait = SETTLE;
    script.waited = 0;
    println!("done: {line}");
}

/// Logs when the first frame has been drawn.
fn first_frame(mut commands: Commands, started: Res<Started>) {
    let started = started.0;
    commands
        .spawn(Screenshot::primary_window())
        .observe(move |_: On<ScreenshotCaptured>| {
            println!(
                "first frame drawn {:.2} s after launch",
                started.elapsed().as_secs_f64()
            );
        });
}

/// When the program started.
#[derive(Resource, Debug, Clone, Copy)]
struct Started(Instant);

/// The script plugin, with its lines and the program's start.
pub(super) fn plugin(lines: Vec<String>, started: Instant) -> impl Fn(&mut App) {
    move |app: &mut App| {
        let scripted = !lines.is_empty();
        app.insert_resource(Script {
            lines: lines.iter().map(|l| l.trim().to_string()).collect(),
            wait: 10,
            quitting: None,
            failed: Vec::new(),
            measuring: None,
            frames: 0,
            reloads_seen: 0,
            failures_seen: 0,
            waited: 0,
        });
        app.insert_resource(Started(started));
        if scripted {
            app.add_systems(Startup, first_frame);
            app.add_systems(Update, run_script.in_set(UiSystems::Input));
        }
    }
}
