//! What a player types: an order (see [`Order`]'s words), a turn, or one of the game's own
//! commands. The terminal and the window's command line read the same commands.

use std::str::FromStr;

use super::muster::MusterOrder;
use super::{Advance, Order};
use crate::sim::orders::words::OrderParseError;

/// The help page: every command, one line each.
pub const HELP: &str = "\
Orders (to the selected force; several may be queued):
  march PLACE          march to a neighbouring place (id or name)
  rest N               rest N days: the animals graze, the men forage (graze N)
  forage N             camp N days and send foraging parties out along every
                       road: wild food as grain, cut grass as fodder (lost men
                       where a town about has shut its gates)
  pace standard|light|forced
                       the 30-li day with the train, the slowest element's
                       own pace, or a forced march (stragglers and fatigue)
  drink men|animals|shared
                       who drinks first when water is short
  water N              carry N days of water (0: the next leg's need)
  ask                  ask the state here for supplies (buy: it may sell)
  gift N               give the state here N bolts of silk
  seize                seize the state's grain by force
  hostage              demand a prince of the state here as hostage
  king                 put a friendly king on the throne of a state that
                       submitted or was conquered
  battle               meet the state's army in the field
  engage               attack the enemy force in the field here
  storm                storm the state's city
  besiege N [assault D] [refuse]
                       besiege up to N days, assault from day D, refuse terms
  terms accept|refuse  accept or refuse the terms of the siege
  split NAME share X   send off a detachment with share X (0-1) of the army
  split NAME men N     ... or with N men; then 'force NAME' to give it orders,
                       or give them at once: split NAME men N { march P; ask };
                       add grain T, fodder T or water M for tonnes, not a share
  join FORCE           merge into FORCE where it is
  wait FORCE N         wait up to N days for FORCE to join
  slaughter N [KIND]   slaughter N oxen (or horses, donkeys, camels) for meat
  rations full|X       put the men on a share X of the full ration (0.75):
                       the grain lasts longer, the men are fed less
  punish               punish the greedy officers: less withheld, morale falls
  hand FORCE GOODS N   hand N t of grain|fodder|water (m³), or N horses|oxen|
                       donkeys|camels, to FORCE at the same place
  buy grain|fodder N   buy at most N t more from states that sell
                       (buy grain all: as much as it can carry and pay for)
  cache GOODS N        leave N t of grain|fodder|water in a depot here
  draw GOODS N         take N t of it from the depot here
  convoy men N [KIND N] [grain T] [fodder T]
                       send a convoy from the base's reserve up the road to
                       join the force (it eats on the way)
  home                 go home the way the army came (by road where it did not
                       walk it), and on to home if it set out elsewhere
  cancel               take back the orders not yet begun;  orders: list them
  forecast [ORDERS]    what the queue (and ORDERS, split by ;) will cost:
                       days, dry nights, men and stores at each arrival
  reach (or r)         each road out of where the orders end: can the force
                       reach its far end on what it carries?
Before the army sets out (where the campaign offers a muster):
  muster               the muster: what the base holds, what each column takes,
                       and what it can carry, eat and drink on the road ahead
  muster ITEM N        the selected column takes N (or +N more, -N less) of
                       infantry cavalry horses oxen donkeys camels carts
                       grain fodder water (t, m³) silk gold
  muster leave MONTH [DAY] [YEAR]   the day the army leaves
  muster column NAME   split the selected column in two, the new one NAME
  muster drop          the selected column's men and stores join another
  muster history       the army as it was
Turns:
  end (or e)           resolve until the next decision
  day (or d)           resolve one day
  days N               resolve N days
Other:
  force N|NAME         select a force      status (or s)   the status view
  log                  the whole chronicle report          the report so far
  save NAME / load NAME                    help (or ?)     quit (or q)
Names with spaces go in quotes: split \"Wang's column\" men 1000";

/// A command of the player's.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// An order to the selected force.
    Order(Order),
    /// Resolve the world.
    Advance(Advance),
    /// Select a force: by its number in the list, or (the start of) its name.
    Select(String),
    /// The status view.
    Status,
    /// Every force's queued orders.
    Orders,
    /// What the selected force's queue will cost, with these orders added to it first.
    Forecast(Vec<Order>),
    /// Whether the selected force can reach the far end of each road out of where its orders
    /// leave it.
    Reach,
    /// The whole chronicle.
    Log,
    /// The campaign report.
    Report,
    /// Save under a name.
    Save(String),
    /// Load the save of a name.
    Load(String),
    /// The help page.
    Help,
    /// Look at or change the muster, before the army sets out.
    Muster(MusterOrder),
    /// Leave the game.
    Quit,
}

/// Why a line is not a command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommandError {
    /// Nothing was typed.
    Empty,
    /// A command wrongly given: what is wrong and how to give it.
    Bad(String),
    /// No command begins so.
    Unknown(String),
}

impl std::fmt::Display for CommandError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CommandError::Empty => Ok(()),
            CommandError::Bad(why) => write!(f, "{why}"),
            CommandError::Unknown(verb) => {
                write!(f, "unknown command '{verb}'; 'help' lists them")
            }
        }
    }
}

impl FromStr for Command {
    type Err = CommandError;

    fn from_str(line: &str) -> Result<Command, CommandError> {
        let line = line.trim();
        match line.parse::<Order>() {
            Ok(order) => return Ok(Command::Order(order)),
            Err(OrderParseError::Bad(why)) => return Err(CommandError::Bad(why)),
            Err(OrderParseError::NotAnOrder) => {}
        }
        let mut words = line.split_whitespace();
        let Some(verb) = words.next() else {
            return Err(CommandError::Empty);
        };
        // A name may have spaces, in quotes or not.
        let rest = line[verb.len()..].trim().trim_matches('"').to_string();
        let named = |what: &str| {
            if rest.is_empty() {
                Err(CommandError::Bad(format!("{verb} {what}")))
            } else {
                Ok(rest.clone())
            }
        };
        Ok(match verb.to_lowercase().as_str() {
            "end" | "e" | "next" | "n" => Command::Advance(Advance::Turn),
            "day" | "d" => Command::Advance(Advance::Days(1)),
            "days" => match rest.parse::<u32>() {
                Ok(n) if n > 0 => Command::Advance(Advance::Days(n)),
                _ => {
                    return Err(CommandError::Bad(format!(
                        "days N, with N a whole number from 1 to {}",
                        u32::MAX
                    )));
                }
            },
            "force" | "f" => Command::Select(named("N or force NAME")?),
            "status" | "s" => Command::Status,
            "orders" | "o" => Command::Orders,
            "reach" | "r" => Command::Reach,
            "forecast" | "fc" => Command::Forecast(
                rest.split(';')
                    .map(str::trim)
                    .filter(|o| !o.is_empty())
                    .map(|o| match o.parse::<Order>() {
                        Ok(order) => Ok(order),
                        Err(OrderParseError::Bad(why)) => Err(CommandError::Bad(why)),
                        Err(OrderParseError::NotAnOrder) => Err(CommandError::Bad(format!(
                            "forecast [ORDER; ORDER ...]: '{o}' is not an order"
                        ))),
                    })
                    .collect::<Result<_, _>>()?,
            ),
            "muster" => Command::Muster(rest.parse().map_err(CommandError::Bad)?),
            "log" => Command::Log,
            "report" => Command::Report,
            "save" => Command::Save(named("NAME")?),
            "load" => Command::Load(named("NAME")?),
            "help" | "?" | "h" => Command::Help,
            "quit" | "q" | "exit" => Command::Quit,
            other => return Err(CommandError::Unknown(other.to_string())),
        })
    }
}
