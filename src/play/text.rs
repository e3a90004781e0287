//! The terminal mode (`heavenly-horses play SCENARIO --text`): a status view that fits 80×24,
//! what happened since the last turn, orders by short names, and help. It reads commands from any
//! input, so a test or a script can play a whole campaign.

use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};

use bevy::prelude::Entity;

use super::{Advance, Game, Order, describe, supply_days};
use crate::report;
use crate::save::{self, SaveFile};
use crate::scenario::types::{DetachSize, PlanStep};
use crate::sim::components::*;

/// The help page: every command, one line each.
pub const HELP: &str = "\
Orders (to the selected force; several may be queued):
  march PLACE          march to a neighbouring place (id or name)
  rest N               rest N days: the animals graze, the men forage (graze N)
  ask                  ask the state here for supplies (buy: it may sell)
  gift N               give the state here N bolts of silk
  seize                seize the state's grain by force
  battle               meet the state's army in the field
  storm                storm the state's city
  besiege N [assault D] [refuse]
                       besiege up to N days, assault from day D, refuse terms
  terms accept|refuse  accept or refuse the terms of the siege
  split NAME share X   send off a detachment with share X (0-1) of the army
  split NAME men N     ... or with N men; then 'force NAME' to give it orders
  join FORCE           merge into FORCE where it is
  wait FORCE N         wait up to N days for FORCE to join
  slaughter N          slaughter N oxen for meat
  home                 go home the way the army came
  cancel               take back the orders not yet begun;  orders: list them
Turns:
  end (or e)           resolve until the next decision
  day (or d)           resolve one day
  days N               resolve N days
Other:
  force N|NAME         select a force      status (or s)   the status view
  log                  the whole chronicle report          the report so far
  save NAME / load NAME                    help (or ?)     quit (or q)
Names with spaces go in quotes: split \"Wang's column\" men 1000";

/// Splits a command line into words, keeping "quoted words" together.
pub fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            c if c.is_whitespace() && !quoted => {
                if !word.is_empty() {
                    out.push(std::mem::take(&mut word));
                }
            }
            c => word.push(c),
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

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
}

fn number<T: std::str::FromStr>(w: Option<&String>, what: &str) -> Result<T, String> {
    w.ok_or_else(|| format!("{what} is missing"))?
        .parse()
        .map_err(|_| {
            format!(
                "'{}' is not a number ({what})",
                w.map_or("", |s| s.as_str())
            )
        })
}

impl Session {
    /// A session on `game`, saving into `saves`.
    pub fn new(mut game: Game, saves: &Path) -> Self {
        let selected = game
            .forces()
            .first()
            .map(|v| v.force.name.clone())
            .unwrap_or_default();
        Session {
            game,
            selected,
            saves: saves.to_path_buf(),
            quit: false,
        }
    }

    /// The status view: the date, each force, and what it has been ordered.
    pub fn status(&mut self) -> String {
        let rules = self.game.scenario.rules.clone();
        let mut s = String::new();
        let prestige = self.game.app.world().resource::<Prestige>().0;
        s.push_str(&format!(
            "{} · Han prestige {prestige:+.2}\n",
            self.game.date()
        ));
        let forces = self.game.forces();
        for (i, v) in forces.iter().enumerate() {
            let f = &v.force;
            let mark = if f.name == self.selected { '*' } else { ' ' };
            let where_ = match f.location {
                Location::At(p) => format!("at {}", self.game.place_name(p)),
                Location::OnRoute { to, .. } => format!("to {}", self.game.place_name(to)),
            };
            let doing = super::doing(v);
            let (grain, fodder, water) = supply_days(&rules, f);
            let days = |d: f64| {
                if d.is_finite() {
                    format!("{:.0}d", d.min(999.0))
                } else {
                    "-".to_string()
                }
            };
            s.push_str(&format!(
                "{}{mark} {:<24} {:<24} {}\n",
                i + 1,
                f.name,
                where_,
                doing
            ));
            s.push_str(&format!(
                "   men {} ({} foot, {} horse) morale {:.2}  grain {} fodder {} water {}\n",
                f.men.total(),
                f.men.infantry,
                f.men.cavalry,
                f.morale,
                days(grain),
                days(fodder),
                days(water)
            ));
            s.push_str(&format!(
                "   horses {} oxen {} donkeys {} camels {}\n",
                f.animals.horses, f.animals.oxen, f.animals.donkeys, f.animals.camels
            ));
            if f.name == self.selected
                && let Location::At(here) = f.location
            {
                s.push_str(&self.surroundings(here));
            }
            if !v.queued.is_empty() {
                let orders: Vec<String> = v.queued.iter().take(3).map(describe).collect();
                let more = if v.queued.len() > 3 {
                    format!(" (+{})", v.queued.len() - 3)
                } else {
                    String::new()
                };
                s.push_str(&format!("   orders: {}{more}\n", orders.join("; ")));
            }
        }
        if let Some(outcome) = self.game.ended() {
            s.push_str(&format!(
                "The campaign is over: {}. 'report' for the whole story.\n",
                outcome.word()
            ));
        }
        s
    }

    /// The state at `here` and the roads from it, wrapped to 80 columns.
    fn surroundings(&mut self, here: Entity) -> String {
        let mut s = String::new();
        let world = self.game.app.world();
        let index = world.resource::<MapIndex>();
        let season = world.resource::<Calendar>().season();
        if let Some(state) = index
            .state_at
            .get(&here)
            .and_then(|e| world.get::<OasisState>(*e))
        {
            let (grain, _) = crate::sim::diplomacy::spare(&self.game.scenario.rules, state, season);
            let relation = match state.relation {
                Relation::Unmet => "not yet asked",
                Relation::Submitted => "submitted",
                Relation::Refused => "refused",
                Relation::Conquered => "conquered",
                Relation::Victorious => "beat the Han",
                Relation::Trading => "sells",
            };
            s.push_str(&format!(
                "   here: {} ({relation}), {} soldiers, walls {:.1}, {:.0} t grain to spare\n",
                state.name,
                state.soldiers,
                state.walls.outer,
                grain / 1000.0
            ));
        }
        let mut roads: Vec<String> = Vec::new();
        for r in index.routes_from.get(&here).into_iter().flatten() {
            let Some(route) = world.get::<Route>(*r) else {
                continue;
            };
            let Some(place) = world.get::<Place>(route.other(here)) else {
                continue;
            };
            let dry = route.dry_km();
            let dry = if dry > 0.0 {
                format!(", {dry:.0} km dry")
            } else {
                String::new()
            };
            roads.push(format!("{} {:.0} km{dry}", place.id, route.length_km));
        }
        let mut line = String::from("   roads:");
        for road in roads {
            if line.chars().count() + road.len() + 3 > 80 {
                s.push_str(line.trim_end_matches(" ·"));
                s.push('\n');
                line = String::from("         ");
            }
            line.push(' ');
            line.push_str(&road);
            line.push_str(" ·");
        }
        s.push_str(line.trim_end_matches(" ·"));
        s.push('\n');
        s
    }

    /// The short line of orders under the status view.
    pub fn prompt_hint() -> &'static str {
        "march rest ask gift seize battle storm besiege split join home · end day · help"
    }

    /// Saves the game under `name`.
    fn save(&mut self, name: &str) -> Result<String, String> {
        let path = save::path_in(&self.saves, name)?;
        SaveFile::of(&self.game)
            .write(&path)
            .map_err(|e| format!("could not save to {}: {e}", path.display()))?;
        Ok(format!("saved to {}", path.display()))
    }

    /// Writes the autosave (after every turn).
    fn autosave(&mut self) -> Option<String> {
        self.save("autosave").err()
    }

    /// Loads the save `name`; the current game is kept if it fails.
    fn load(&mut self, name: &str) -> Result<String, String> {
        let path = save::path_in(&self.saves, name)?;
        let file = SaveFile::read(&path).map_err(|e| e.to_string())?;
        let game = file.restore().map_err(|e| e.to_string())?;
        self.game = game;
        self.selected = self
            .game
            .forces()
            .first()
            .map(|v| v.force.name.clone())
            .unwrap_or_default();
        Ok(format!("loaded {} ({})", path.display(), self.game.date()))
    }

    /// Carries out one command line and returns what to print.
    pub fn command(&mut self, line: &str) -> String {
        let w = words(line);
        let Some(verb) = w.first().map(|v| v.to_lowercase()) else {
            return String::new();
        };
        let arg = |i: usize| w.get(i);
        let force = self.selected.clone();
        let order = |step: PlanStep| Some(Order::Step(step));
        let parsed: Result<Option<Order>, String> = (|| {
            Ok(match verb.as_str() {
                "march" | "m" => order(PlanStep::March(
                    arg(1).ok_or("march where? 'march PLACE'")?.clone(),
                )),
                "rest" | "r" | "graze" | "forage" => order(PlanStep::Rest(number(arg(1), "days")?)),
                "ask" | "request" | "buy" => order(PlanStep::Request),
                "gift" => order(PlanStep::Gift(number(arg(1), "bolts of silk")?)),
                "seize" | "requisition" => order(PlanStep::Requisition),
                "battle" => order(PlanStep::Battle),
                "storm" | "attack" => order(PlanStep::Attack),
                "besiege" => {
                    let days = number(arg(1), "the most days")?;
                    let mut assault_from = None;
                    let mut accept_terms = true;
                    let mut i = 2;
                    while let Some(word) = arg(i) {
                        match word.as_str() {
                            "assault" => {
                                assault_from = Some(number(arg(i + 1), "the day to assault")?);
                                i += 2;
                            }
                            "refuse" => {
                                accept_terms = false;
                                i += 1;
                            }
                            other => return Err(format!("besiege: what is '{other}'?")),
                        }
                    }
                    order(PlanStep::Besiege {
                        days,
                        assault_from,
                        accept_terms,
                    })
                }
                "terms" => match arg(1).map(|s| s.as_str()) {
                    Some("accept") => Some(Order::Terms(true)),
                    Some("refuse") => Some(Order::Terms(false)),
                    _ => return Err("'terms accept' or 'terms refuse'".to_string()),
                },
                "split" | "detach" => {
                    let name = arg(1).ok_or("split NAME share X, or split NAME men N")?;
                    let size = match arg(2).map(|s| s.as_str()) {
                        Some("share") => DetachSize::Share(number(arg(3), "the share")?),
                        Some("men") => DetachSize::Men(number(arg(3), "the men")?),
                        _ => return Err("split NAME share X, or split NAME men N".to_string()),
                    };
                    order(PlanStep::Detach {
                        name: name.clone(),
                        size,
                        plan: Vec::new(),
                    })
                }
                "join" => order(PlanStep::Join(arg(1).ok_or("join which force?")?.clone())),
                "wait" => order(PlanStep::WaitFor {
                    force: arg(1).ok_or("wait FORCE DAYS")?.clone(),
                    days: number(arg(2), "days")?,
                }),
                "slaughter" => Some(Order::Slaughter(number(arg(1), "oxen")?)),
                "cancel" | "undo" => Some(Order::Cancel),
                "home" | "return" | "retreat" => order(PlanStep::Return),
                _ => None,
            })
        })();
        match parsed {
            Err(e) => return format!("{e}\n"),
            Ok(Some(order)) => {
                return match self.game.give(&force, order) {
                    Ok(done) => format!("{done}\n"),
                    Err(why) => format!("refused: {why}\n"),
                };
            }
            Ok(None) => {}
        }
        match verb.as_str() {
            "end" | "e" | "next" | "n" => self.turn(Advance::Turn),
            "day" | "d" => self.turn(Advance::Days(1)),
            "days" => match number::<u32>(arg(1), "days") {
                Ok(n) if n > 0 => self.turn(Advance::Days(n)),
                Ok(_) => "days N, with N above 0\n".to_string(),
                Err(e) => format!("{e}\n"),
            },
            "force" | "f" => {
                let Some(which) = arg(1) else {
                    return "force N or force NAME\n".to_string();
                };
                let forces = self.game.forces();
                let by_number = which
                    .parse::<usize>()
                    .ok()
                    .and_then(|n| n.checked_sub(1))
                    .and_then(|i| forces.get(i));
                let lower = which.to_lowercase();
                let by_name = forces
                    .iter()
                    .find(|v| v.force.name.to_lowercase().starts_with(&lower));
                match by_number.or(by_name) {
                    Some(v) => {
                        self.selected = v.force.name.clone();
                        format!("{} selected\n", self.selected)
                    }
                    None => match self.game.pending_detachment(which) {
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
                                .map(|(i, v)| format!("{} {}", i + 1, v.force.name))
                                .collect();
                            format!("no force '{which}'; the forces: {}\n", names.join(", "))
                        }
                    },
                }
            }
            "status" | "s" => self.status(),
            "orders" | "o" => {
                let forces = self.game.forces();
                let mut out = String::new();
                for v in forces {
                    let list: Vec<String> = v.queued.iter().map(describe).collect();
                    let list = if list.is_empty() {
                        "none".to_string()
                    } else {
                        list.join("; ")
                    };
                    out.push_str(&super::text::wrap(
                        &format!("{}: {list}", v.force.name),
                        80,
                        "    ",
                    ));
                }
                out
            }
            "log" => {
                let log = &self.game.app.world().resource::<Chronicle>().0;
                log.iter()
                    .map(|e| format!("day {:>4}  {}\n", e.day, e.text))
                    .collect()
            }
            "report" => {
                let r = self.game.report();
                report::render_text(&r)
            }
            "save" => match arg(1) {
                Some(name) => match self.save(name) {
                    Ok(m) | Err(m) => format!("{m}\n"),
                },
                None => "save NAME\n".to_string(),
            },
            "load" => match arg(1) {
                Some(name) => match self.load(name) {
                    Ok(m) => format!("{m}\n{}", self.status()),
                    Err(m) => format!("{m}\nThe game goes on as it was.\n"),
                },
                None => "load NAME\n".to_string(),
            },
            "help" | "?" | "h" => format!("{HELP}\n"),
            "quit" | "q" | "exit" => {
                self.quit = true;
                "farewell\n".to_string()
            }
            other => format!("unknown command '{other}'; 'help' lists them\n"),
        }
    }

    /// Resolves a turn and tells what happened, then the status.
    fn turn(&mut self, advance: Advance) -> String {
        if self.game.ended().is_some() {
            return "the campaign is over; 'report' for the whole story, 'quit' to leave\n"
                .to_string();
        }
        let summary = self.game.advance(advance);
        let days = if summary.days == 1 { "day" } else { "days" };
        let mut s = format!("— {} {days}: {} —\n", summary.days, summary.why);
        // The most telling lines: the last ones, at most five, wrapped to 80 columns.
        let skip = summary.log.len().saturating_sub(5);
        if skip > 0 {
            s.push_str(&format!("  ({skip} earlier lines: 'log')\n"));
        }
        for e in &summary.log[skip..] {
            s.push_str(&wrap(
                &format!("day {:>3} {}", e.day, e.text),
                80,
                "        ",
            ));
        }
        if let Some(why) = self.autosave() {
            s.push_str(&format!("(autosave failed: {why})\n"));
        }
        s.push_str(&self.status());
        s
    }
}

/// Wraps `text` at spaces to lines of at most `width` columns, continuing lines with `indent`.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            out.push_str(&line);
            out.push('\n');
            line = indent.to_string();
            line.push_str(word);
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    out.push_str(&line);
    out.push('\n');
    out
}

/// Plays a game in the terminal, reading commands from `input` until it ends or the player quits.
pub fn play(game: Game, saves: &Path, input: impl BufRead, out: &mut impl Write) -> io::Result<()> {
    let mut session = Session::new(game, saves);
    writeln!(out, "{}", session.game.scenario.campaign.name)?;
    writeln!(out, "{}", session.status())?;
    writeln!(out, "{}", Session::prompt_hint())?;
    write!(out, "> ")?;
    out.flush()?;
    for line in input.lines() {
        let line = line?;
        let reply = session.command(line.trim());
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
