//! The terminal front end (`heavenly-horses play SCENARIO --text`), beside the window: a status
//! view that fits 80×24, what happened since the last turn, orders by short names, and help. It
//! reads commands from any input, so a test or a script can play a whole campaign; a line that
//! is not text (not UTF-8) is refused like any other bad command, and a closed output ends the
//! game quietly.

use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};

use crate::play::command::{Command, CommandError, HELP};
use crate::play::{Game, Played, text, view, words};
use crate::report;
use crate::save::{self, SaveFile};

/// The terminal session: the game, the selected force, where saves go.
pub struct Session {
    /// The game.
    pub game: Game,
    /// The selected force's name.
    pub selected: String,
    /// The folder saves are written to.
    pub saves: PathBuf,
    /// Whether the player asked to quit.
    pub quit: bool,
    /// How many actions the autosave holds.
    autosaved: usize,
}

/// The first force's name, or none.
fn first_force(game: &Game) -> String {
    let world = game.world_ref();
    view::forces(world)
        .first()
        .map(|e| view::force_name(world, *e))
        .unwrap_or_default()
}

impl Session {
    /// A session on `game`, saving into `saves`.
    pub fn new(game: Game, saves: &Path) -> Self {
        let selected = first_force(&game);
        Session {
            game,
            selected,
            saves: saves.to_path_buf(),
            quit: false,
            autosaved: 0,
        }
    }

    /// The status view.
    pub fn status(&self) -> String {
        text::status(self.game.world_ref(), &self.selected)
    }

    /// The short line of orders under the status view.
    pub fn prompt_hint() -> &'static str {
        "march rest ask gift seize battle storm besiege split join home · end day · help"
    }

    /// Saves the game under `name`.
    fn save(&mut self, name: &str) -> Result<String, String> {
        let path = save::path_in(&self.saves, name)?;
        SaveFile::of(self.game.world_ref())
            .write(&path)
            .map_err(|e| format!("could not save to {}: {e}", path.display()))?;
        if name == "autosave" {
            self.autosaved = self.game.world_ref().resource::<Played>().actions.len();
        }
        Ok(format!("saved to {}", path.display()))
    }

    /// Saves the game as the autosave if anything was done since it was last saved.
    fn autosave_if_changed(&mut self) {
        let done = self.game.world_ref().resource::<Played>().actions.len();
        if done != self.autosaved {
            let _ = self.save("autosave");
        }
    }

    /// Loads the save `name`; the current game is kept if it fails.
    fn load(&mut self, name: &str) -> Result<String, String> {
        let path = save::path_in(&self.saves, name)?;
        let file = SaveFile::read(&path).map_err(|e| e.to_string())?;
        // The scenarios folder of the campaign in play first, then the game's own.
        let roots = [
            save::locate::root_and_name(&self.game.scenario().path).0,
            crate::scenario::files::scenarios_dir(),
        ];
        let game = file.restore(&path, &roots).map_err(|e| e.to_string())?;
        self.game = game;
        self.autosaved = self.game.world_ref().resource::<Played>().actions.len();
        self.selected = first_force(&self.game);
        Ok(format!("loaded {} ({})", path.display(), self.game.date()))
    }

    /// Selects a force by its number in the status view or (the start of) its name, or a
    /// detachment yet to split off.
    fn select(&mut self, which: &str) -> String {
        let world = self.game.world_ref();
        let forces = view::forces(world);
        let by_number = which
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|i| forces.get(i).copied());
        let lower = which.to_lowercase();
        let by_name = forces.iter().copied().find(|e| {
            view::force_name(world, *e)
                .to_lowercase()
                .starts_with(&lower)
        });
        if let Some(e) = by_number.or(by_name) {
            self.selected = view::force_name(world, e);
            return format!("{} selected\n", self.selected);
        }
        match view::pending_detachment(world, which) {
            // A detachment ordered to split off can be given its orders already.
            Some((name, _)) => {
                self.selected = name.clone();
                format!(
                    "{name} selected: it has yet to split off, and its orders will be its plan\n"
                )
            }
            None => {
                let names: Vec<String> = forces
                    .iter()
                    .enumerate()
                    .map(|(i, e)| format!("{} {}", i + 1, view::force_name(world, *e)))
                    .collect();
                format!("no force '{which}'; the forces: {}\n", names.join(", "))
            }
        }
    }

    /// Carries out one command line and returns what to print.
    pub fn command(&mut self, line: &str) -> String {
        let command = match line.parse::<Command>() {
            Ok(c) => c,
            Err(CommandError::Empty) => return String::new(),
            Err(e) => return format!("{e}\n"),
        };
        match command {
            Command::Order(order) => {
                let force = self.selected.clone();
                match self.game.give(&force, order) {
                    Ok(given) => format!("{}\n", words::given(self.game.world_ref(), &given)),
                    Err(why) => format!(
                        "refused: {}\n",
                        words::refused(self.game.world_ref(), &force, &why)
                    ),
                }
            }
            Command::Advance(how) => {
                if self.game.ended().is_some() {
                    return "the campaign is over; 'report' for the whole story, 'quit' to leave\n"
                        .to_string();
                }
                let turn = self.game.advance(how);
                let mut s = text::turn(self.game.world_ref(), &turn);
                if let Err(why) = self.save("autosave") {
                    s.push_str(&format!("(autosave failed: {why})\n"));
                }
                s.push_str(&self.status());
                s
            }
            Command::Select(which) => self.select(&which),
            Command::Status => self.status(),
            Command::Orders => text::orders(self.game.world_ref()),
            Command::Reach => text::reach_of(self.game.world_ref(), &self.selected),
            Command::Forecast(orders) => {
                text::forecast_of(self.game.world_ref(), &self.selected, &orders)
            }
            Command::Muster(order) => {
                match crate::play::muster::order(self.game.world(), &self.selected, &order) {
                    Ok(done) => {
                        if let Some(name) = done.select {
                            self.selected = name;
                        }
                        done.told
                    }
                    Err(why) => format!("{why}\n"),
                }
            }
            Command::Log => text::log(self.game.world_ref()),
            Command::Report => report::render_text(&self.game.report()),
            Command::Save(name) => match self.save(&name) {
                Ok(m) | Err(m) => format!("{m}\n"),
            },
            Command::Load(name) => match self.load(&name) {
                Ok(m) => format!("{m}\n{}", self.status()),
                Err(m) => format!("{m}\nThe game goes on as it was.\n"),
            },
            Command::Help => format!("{HELP}\n"),
            Command::Quit => {
                self.quit = true;
                "farewell\n".to_string()
            }
        }
    }
}

/// Plays a game in the terminal, reading commands from `input` until it ends or the player quits.
/// A line that is not UTF-8 is refused, and the game goes on.
/// Orders given since the last turn are autosaved when the session ends, and an output that
/// closes (the terminal gone) ends it quietly.
pub fn play(
    game: Game,
    saves: &Path,
    mut input: impl BufRead,
    out: &mut impl Write,
) -> io::Result<()> {
    let mut session = Session::new(game, saves);
    let played = play_session(&mut session, &mut input, out);
    // Orders given since the last turn are kept, however the session ends (quit, end of input,
    // or an output that closed).
    session.autosave_if_changed();
    match played {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// The session's loop: the status, then a reply to each line of `input`.
fn play_session(
    session: &mut Session,
    input: &mut impl BufRead,
    out: &mut impl Write,
) -> io::Result<()> {
    let campaign = &session.game.scenario().campaign;
    writeln!(out, "{}", campaign.name)?;
    if !campaign.description.is_empty() {
        write!(out, "{}", text::wrap(&campaign.description, 80, ""))?;
    }
    writeln!(out, "{}", session.status())?;
    writeln!(out, "{}", Session::prompt_hint())?;
    write!(out, "> ")?;
    out.flush()?;
    let mut bytes = Vec::new();
    loop {
        bytes.clear();
        if input.read_until(b'\n', &mut bytes)? == 0 {
            break;
        }
        let reply = match std::str::from_utf8(&bytes) {
            Ok(line) => session.command(line.trim()),
            Err(_) => {
                "that line is not text this game can read (UTF-8); type it again\n".to_string()
            }
        };
        write!(out, "{reply}")?;
        if session.quit {
            break;
        }
        write!(out, "> ")?;
        out.flush()?;
    }
    writeln!(out)?;
    Ok(())
}
