//! The words of an order: its [`Display`](std::fmt::Display) and [`FromStr`], one spelling for
//! the terminal, the window's command line and its buttons, saves read by people, and tests.
//! They round-trip:
//! `order.to_string().parse() == Ok(order)`.
//!
//! ```text
//! march PLACE            rest N           pace standard|light|forced
//! drink men|animals|shared                water N
//! ask        gift N       seize      battle     storm
//! besiege N [assault D] [refuse]          terms accept|refuse     slaughter N [KIND]
//! rations full|X         punish           hand FORCE GOODS N       cache GOODS N   draw GOODS N
//! forage N               hostage          king             buy grain|fodder N|all
//! convoy men N [KIND N] [grain T] [fodder T]
//! split NAME share X | split NAME men N [{ ORDER; ORDER; … }]     join FORCE  wait FORCE N
//! home                   cancel
//! ```
//!
//! Names with spaces go in double quotes (`join "The main army"`); a detachment's own
//! orders may follow its size in braces. A few other words are taken too (`m`, `graze`,
//! `request`, `buy`, `attack`, `detach`, `return`, …).

use std::fmt;
use std::str::FromStr;

use super::{Goods, Order};
use crate::scenario::types::{DetachSize, DetachStores, DrinkFirst, Pace, PlanStep};
use crate::scenario::units::{CubicMetres, Tonnes};
use crate::sim::base::{Convoy, ConvoyItem};

/// Why a line is not an order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OrderParseError {
    /// The line does not begin with an order's word (it may be another command).
    NotAnOrder,
    /// It is an order, wrongly given: what is wrong, and how to give it.
    Bad(String),
}

impl fmt::Display for OrderParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OrderParseError::NotAnOrder => write!(f, "not an order"),
            OrderParseError::Bad(why) => write!(f, "{why}"),
        }
    }
}

impl std::error::Error for OrderParseError {}

/// A pace's word, as `pace WORD` takes it.
pub fn pace_word(pace: Pace) -> &'static str {
    match pace {
        Pace::Standard => "standard",
        Pace::Light => "light",
        Pace::Forced => "forced",
    }
}

/// Who drinks first, as `drink WORD` takes it.
pub fn drink_word(first: DrinkFirst) -> &'static str {
    match first {
        DrinkFirst::Men => "men",
        DrinkFirst::Animals => "animals",
        DrinkFirst::Shared => "shared",
    }
}

/// Who drinks first, told in words ("the men drink first").
pub fn drink_phrase(first: DrinkFirst) -> &'static str {
    match first {
        DrinkFirst::Men => "the men drink first",
        DrinkFirst::Animals => "the animals drink first",
        DrinkFirst::Shared => "men and animals share the water",
    }
}

/// A name as a word: bare where it can be, else in double quotes.
pub fn quoted(name: &str) -> String {
    let bare = !name.is_empty()
        && !name
            .chars()
            .any(|c| c.is_whitespace() || matches!(c, '"' | '{' | '}' | ';'));
    if bare {
        name.to_string()
    } else {
        format!("\"{name}\"")
    }
}

impl fmt::Display for Order {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Order::Step(step) => write_step(f, step),
            Order::Slaughter(n) => write!(f, "slaughter {n}"),
            Order::SlaughterAnimals(kind, n) => write!(f, "slaughter {n} {}", kind.name()),
            Order::Rations(share) if *share >= 1.0 => write!(f, "rations full"),
            Order::Rations(share) => write!(f, "rations {share}"),
            Order::Punish => write!(f, "punish"),
            Order::Hand { to, goods, amount } => {
                write!(f, "hand {} {} {amount}", quoted(to), goods.word())
            }
            Order::Buy(goods, Some(t)) => write!(f, "buy {} {t}", goods.word()),
            Order::Buy(goods, None) => write!(f, "buy {} all", goods.word()),
            Order::Cache(goods, amount) => write!(f, "cache {} {amount}", goods.word()),
            Order::Draw(goods, amount) => write!(f, "draw {} {amount}", goods.word()),
            Order::Terms(true) => write!(f, "terms accept"),
            Order::Terms(false) => write!(f, "terms refuse"),
            Order::Convoy(convoy) => {
                write!(f, "convoy")?;
                for item in ConvoyItem::ALL {
                    let x = item.of(convoy);
                    if x > 0.0 || item == ConvoyItem::Men {
                        write!(f, " {} {x}", item.word())?;
                    }
                }
                Ok(())
            }
            Order::Cancel => write!(f, "cancel"),
        }
    }
}

fn write_step(f: &mut fmt::Formatter<'_>, step: &PlanStep) -> fmt::Result {
    match step {
        PlanStep::March(to) => write!(f, "march {}", quoted(to)),
        PlanStep::Rest(n) => write!(f, "rest {n}"),
        PlanStep::Forage(n) => write!(f, "forage {n}"),
        PlanStep::Hostage => write!(f, "hostage"),
        PlanStep::InstallKing => write!(f, "king"),
        PlanStep::Pace(p) => write!(f, "pace {}", pace_word(*p)),
        PlanStep::Drink(d) => write!(f, "drink {}", drink_word(*d)),
        PlanStep::CarryWater(n) => write!(f, "water {n}"),
        PlanStep::Request => write!(f, "ask"),
        PlanStep::Gift(n) => write!(f, "gift {n}"),
        PlanStep::Requisition => write!(f, "seize"),
        PlanStep::Battle => write!(f, "battle"),
        PlanStep::Engage => write!(f, "engage"),
        PlanStep::Attack => write!(f, "storm"),
        PlanStep::Besiege {
            days,
            assault_from,
            accept_terms,
        } => {
            write!(f, "besiege {days}")?;
            if let Some(d) = assault_from {
                write!(f, " assault {d}")?;
            }
            if !accept_terms {
                write!(f, " refuse")?;
            }
            Ok(())
        }
        PlanStep::Detach {
            name,
            size,
            plan,
            stores,
        } => {
            write!(f, "split {}", quoted(name))?;
            match size {
                DetachSize::Share(x) => write!(f, " share {x}")?,
                DetachSize::Men(n) => write!(f, " men {n}")?,
            }
            if let Some(t) = stores.grain_t {
                write!(f, " grain {}", t.0)?;
            }
            if let Some(t) = stores.fodder_t {
                write!(f, " fodder {}", t.0)?;
            }
            if let Some(m) = stores.water_m3 {
                write!(f, " water {}", m.0)?;
            }
            if !plan.is_empty() {
                write!(f, " {{ ")?;
                for (i, inner) in plan.iter().enumerate() {
                    if i > 0 {
                        write!(f, "; ")?;
                    }
                    write_step(f, inner)?;
                }
                write!(f, " }}")?;
            }
            Ok(())
        }
        PlanStep::Join(name) => write!(f, "join {}", quoted(name)),
        PlanStep::WaitFor { force, days } => write!(f, "wait {} {days}", quoted(force)),
        PlanStep::Return => write!(f, "home"),
        PlanStep::Hold => write!(f, "hold"),
    }
}

/// A piece of a command line.
#[derive(Debug, Clone, PartialEq)]
enum Token {
    /// A word, or a quoted name.
    Word(String),
    /// `{`
    Open,
    /// `}`
    Close,
    /// `;`
    Semicolon,
}

/// Splits a line into words, "quoted names", braces and semicolons.
fn tokens(line: &str) -> Result<Vec<Token>, OrderParseError> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut chars = line.chars();
    let flush = |word: &mut String, out: &mut Vec<Token>| {
        if !word.is_empty() {
            out.push(Token::Word(std::mem::take(word)));
        }
    };
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                flush(&mut word, &mut out);
                let mut name = String::new();
                let mut closed = false;
                for c in chars.by_ref() {
                    if c == '"' {
                        closed = true;
                        break;
                    }
                    name.push(c);
                }
                if !closed {
                    return Err(OrderParseError::Bad(
                        "a name in quotes needs its closing quote".to_string(),
                    ));
                }
                out.push(Token::Word(name));
            }
            '{' | '}' | ';' => {
                flush(&mut word, &mut out);
                out.push(match c {
                    '{' => Token::Open,
                    '}' => Token::Close,
                    _ => Token::Semicolon,
                });
            }
            c if c.is_whitespace() => flush(&mut word, &mut out),
            c => word.push(c),
        }
    }
    flush(&mut word, &mut out);
    Ok(out)
}

/// A whole number for `what`, or what is wrong with the word.
fn number(word: Option<&str>, what: &str, example: &str) -> Result<u32, OrderParseError> {
    let Some(word) = word else {
        return Err(OrderParseError::Bad(format!(
            "{what} is missing (such as {example})"
        )));
    };
    word.parse::<u32>().map_err(|_| {
        let why = if word.starts_with('-') {
            "cannot be negative"
        } else if word.parse::<f64>().is_ok() {
            "must be a whole number"
        } else {
            "is not a number"
        };
        OrderParseError::Bad(format!(
            "'{word}' {why}: give {what} as a whole number from 0 to {}, such as {example}",
            u32::MAX
        ))
    })
}

/// A share from 0 to 1 for `what`.
/// An amount of stores a detachment takes: tonnes or cubic metres, none or more.
fn stores_amount(word: Option<&str>, goods: Goods) -> Result<f64, OrderParseError> {
    match word.map(str::parse::<f64>) {
        Some(Ok(x)) if x.is_finite() && x >= 0.0 => Ok(x),
        _ => Err(OrderParseError::Bad(format!(
            "how much {}? give a number from 0 after it, such as '{} 100'",
            goods.word(),
            goods.word()
        ))),
    }
}

/// An amount of goods: tonnes or cubic metres (a number), or animals (a whole number).
fn amount(word: Option<&str>, goods: Goods) -> Result<f64, OrderParseError> {
    let what = match goods {
        Goods::Grain | Goods::Fodder => "the tonnes",
        Goods::Water => "the cubic metres",
        Goods::Animals(_) => "the animals",
    };
    let Some(word) = word else {
        return Err(OrderParseError::Bad(format!(
            "{what} of {} are missing (such as 100)",
            goods.word()
        )));
    };
    match word.parse::<f64>() {
        Ok(x) if x.is_finite() && x > 0.0 && (goods.is_stores() || x.fract() == 0.0) => Ok(x),
        _ => Err(OrderParseError::Bad(format!(
            "'{word}' is not an amount: give {what} of {} as a number above 0, such as 100",
            goods.word()
        ))),
    }
}

fn share(word: Option<&str>, what: &str) -> Result<f64, OrderParseError> {
    let bad = |w: &str| {
        OrderParseError::Bad(format!(
            "'{w}' is not a share: give {what} as a number between 0 and 1, such as 0.3"
        ))
    };
    let Some(word) = word else {
        return Err(OrderParseError::Bad(format!(
            "{what} is missing (such as 0.3)"
        )));
    };
    match word.parse::<f64>() {
        Ok(x) if x.is_finite() => Ok(x),
        _ => Err(bad(word)),
    }
}

/// Reads one order from `toks[*at..]`, stopping before a `;` or `}` at its own depth.
fn order(toks: &[Token], at: &mut usize) -> Result<Order, OrderParseError> {
    let mut words: Vec<&str> = Vec::new();
    let mut inner: Option<Vec<PlanStep>> = None;
    while let Some(t) = toks.get(*at) {
        match t {
            Token::Word(w) => {
                if inner.is_some() {
                    return Err(OrderParseError::Bad(
                        "nothing may follow a detachment's orders in braces".to_string(),
                    ));
                }
                words.push(w);
                *at += 1;
            }
            Token::Open => {
                *at += 1;
                let mut steps = Vec::new();
                loop {
                    match toks.get(*at) {
                        Some(Token::Close) => {
                            *at += 1;
                            break;
                        }
                        Some(Token::Semicolon) => *at += 1,
                        Some(_) => match order(toks, at)? {
                            Order::Step(step) => steps.push(step),
                            other => {
                                return Err(OrderParseError::Bad(format!(
                                    "a detachment's orders are steps of its march; '{other}' is not one"
                                )));
                            }
                        },
                        None => {
                            return Err(OrderParseError::Bad(
                                "a detachment's orders in braces need their closing '}'"
                                    .to_string(),
                            ));
                        }
                    }
                }
                inner = Some(steps);
            }
            Token::Close | Token::Semicolon => break,
        }
    }
    let Some((verb, rest)) = words.split_first() else {
        return Err(OrderParseError::NotAnOrder);
    };
    let arg = |i: usize| rest.get(i).copied();
    let step = |s: PlanStep| Ok(Order::Step(s));
    let verb = verb.to_lowercase();
    if inner.is_some() && !matches!(verb.as_str(), "split" | "detach") {
        return Err(OrderParseError::Bad(
            "only 'split' takes orders in braces".to_string(),
        ));
    }
    let bad = |why: &str| Err(OrderParseError::Bad(why.to_string()));
    match verb.as_str() {
        "march" | "m" => match arg(0) {
            Some(to) => step(PlanStep::March(to.to_string())),
            None => bad("march where? 'march PLACE'"),
        },
        "rest" | "r" | "graze" => step(PlanStep::Rest(number(arg(0), "the days", "3")?)),
        "forage" => step(PlanStep::Forage(number(arg(0), "the days", "3")?)),
        "hostage" | "hostages" => step(PlanStep::Hostage),
        "king" | "enthrone" => step(PlanStep::InstallKing),
        "convoy" => {
            let usage = "convoy men N [horses|oxen|donkeys|camels N] [grain T] [fodder T]";
            let mut convoy = Convoy::default();
            let mut i = 0;
            while let Some(word) = arg(i) {
                let lower = word.to_lowercase();
                let Some(item) = ConvoyItem::ALL.into_iter().find(|c| c.word() == lower) else {
                    return bad(usage);
                };
                let x = match item {
                    ConvoyItem::Grain => stores_amount(arg(i + 1), Goods::Grain)?,
                    ConvoyItem::Fodder => stores_amount(arg(i + 1), Goods::Fodder)?,
                    _ => f64::from(number(arg(i + 1), item.word(), "500")?),
                };
                item.set(&mut convoy, x);
                i += 2;
            }
            if i == 0 {
                return bad(usage);
            }
            Ok(Order::Convoy(convoy))
        }
        "pace" => match arg(0).map(str::to_lowercase).as_deref() {
            Some("standard") => step(PlanStep::Pace(Pace::Standard)),
            Some("light") => step(PlanStep::Pace(Pace::Light)),
            Some("forced") => step(PlanStep::Pace(Pace::Forced)),
            _ => bad("at what pace? 'pace standard', 'pace light' or 'pace forced'"),
        },
        "drink" => match arg(0).map(str::to_lowercase).as_deref() {
            Some("men") => step(PlanStep::Drink(DrinkFirst::Men)),
            Some("animals") => step(PlanStep::Drink(DrinkFirst::Animals)),
            Some("shared") | Some("share") => step(PlanStep::Drink(DrinkFirst::Shared)),
            _ => bad("who drinks first? 'drink men', 'drink animals' or 'drink shared'"),
        },
        "water" => match arg(0) {
            Some(_) => step(PlanStep::CarryWater(number(
                arg(0),
                "the days of water",
                "5",
            )?)),
            None => bad("for how many days? 'water N' (0: the next leg's need)"),
        },
        "buy" if arg(0).is_some() => {
            let usage = "buy grain|fodder N (the most tonnes to buy from now on), or buy grain all";
            let Some(goods) = arg(0)
                .and_then(Goods::parse)
                .filter(|g| matches!(g, Goods::Grain | Goods::Fodder))
            else {
                return bad(usage);
            };
            match arg(1).map(str::to_lowercase).as_deref() {
                Some("all") => Ok(Order::Buy(goods, None)),
                Some(_) => Ok(Order::Buy(goods, Some(stores_amount(arg(1), goods)?))),
                None => bad(usage),
            }
        }
        "ask" | "request" | "buy" => step(PlanStep::Request),
        "gift" => step(PlanStep::Gift(number(arg(0), "the bolts of silk", "1000")?)),
        "seize" | "requisition" => step(PlanStep::Requisition),
        "battle" => step(PlanStep::Battle),
        "engage" => step(PlanStep::Engage),
        "storm" | "attack" => step(PlanStep::Attack),
        "besiege" => {
            let days = number(arg(0), "the most days", "60")?;
            let mut assault_from = None;
            let mut accept_terms = true;
            let mut i = 1;
            while let Some(word) = arg(i) {
                match word.to_lowercase().as_str() {
                    "assault" => {
                        assault_from = Some(number(arg(i + 1), "the day to assault", "30")?);
                        i += 2;
                    }
                    "refuse" => {
                        accept_terms = false;
                        i += 1;
                    }
                    other => {
                        return Err(OrderParseError::Bad(format!(
                            "besiege: what is '{other}'? 'besiege N [assault D] [refuse]'"
                        )));
                    }
                }
            }
            step(PlanStep::Besiege {
                days,
                assault_from,
                accept_terms,
            })
        }
        "terms" => match arg(0).map(str::to_lowercase).as_deref() {
            Some("accept") => Ok(Order::Terms(true)),
            Some("refuse") => Ok(Order::Terms(false)),
            _ => bad("'terms accept' or 'terms refuse'"),
        },
        "split" | "detach" => {
            let usage =
                "split NAME share X, or split NAME men N, then [grain T] [fodder T] [water M]";
            let Some(name) = arg(0) else {
                return bad(usage);
            };
            let size = match arg(1).map(str::to_lowercase).as_deref() {
                Some("share") => DetachSize::Share(share(arg(2), "the share")?),
                Some("men") => DetachSize::Men(number(arg(2), "the men", "1000")?),
                _ => return bad(usage),
            };
            // The stores it takes, where not its share.
            let mut stores = DetachStores::default();
            let mut i = 3;
            while let Some(word) = arg(i) {
                let goods = Goods::parse(word).filter(|g| g.is_stores());
                let Some(goods) = goods else {
                    return bad(usage);
                };
                let x = stores_amount(arg(i + 1), goods)?;
                match goods {
                    Goods::Grain => stores.grain_t = Some(Tonnes(x)),
                    Goods::Fodder => stores.fodder_t = Some(Tonnes(x)),
                    _ => stores.water_m3 = Some(CubicMetres(x)),
                }
                i += 2;
            }
            step(PlanStep::Detach {
                name: name.to_string(),
                size,
                plan: inner.unwrap_or_default(),
                stores,
            })
        }
        "join" => match arg(0) {
            Some(f) => step(PlanStep::Join(f.to_string())),
            None => bad("join which force? 'join FORCE'"),
        },
        "wait" => match arg(0) {
            Some(f) => step(PlanStep::WaitFor {
                force: f.to_string(),
                days: number(arg(1), "the days", "30")?,
            }),
            None => bad("wait for which force? 'wait FORCE DAYS'"),
        },
        "slaughter" => {
            let n = number(arg(0), "the animals", "1000")?;
            match arg(1).map(str::to_lowercase).as_deref() {
                None | Some("oxen") => Ok(Order::Slaughter(n)),
                Some(word) => match Goods::parse(word) {
                    Some(Goods::Animals(kind)) => Ok(Order::SlaughterAnimals(kind, n)),
                    _ => bad("slaughter N [oxen|horses|donkeys|camels]"),
                },
            }
        }
        "rations" | "ration" => match arg(0).map(str::to_lowercase).as_deref() {
            Some("full") => Ok(Order::Rations(1.0)),
            Some(x) => Ok(Order::Rations(share(
                Some(x),
                "the share of a full ration",
            )?)),
            None => bad(
                "'rations full', or 'rations X' with X the share of a full ration, such as 0.75",
            ),
        },
        "punish" => Ok(Order::Punish),
        "hand" | "give" => {
            let usage = "hand FORCE grain|fodder|water|horses|oxen|donkeys|camels N";
            let (Some(to), Some(what)) = (arg(0), arg(1)) else {
                return bad(usage);
            };
            let Some(goods) = Goods::parse(what) else {
                return bad(usage);
            };
            if rest.len() > 3 {
                return bad(usage);
            }
            Ok(Order::Hand {
                to: to.to_string(),
                goods,
                amount: amount(arg(2), goods)?,
            })
        }
        "cache" | "draw" => {
            let usage = format!("{verb} grain|fodder|water N (tonnes; water in cubic metres)");
            let Some(goods) = arg(0).and_then(Goods::parse) else {
                return Err(OrderParseError::Bad(usage));
            };
            if rest.len() > 2 {
                return Err(OrderParseError::Bad(usage));
            }
            let n = amount(arg(1), goods)?;
            Ok(if verb == "cache" {
                Order::Cache(goods, n)
            } else {
                Order::Draw(goods, n)
            })
        }
        "cancel" | "undo" => Ok(Order::Cancel),
        "home" | "return" | "retreat" => step(PlanStep::Return),
        "hold" | "garrison" => step(PlanStep::Hold),
        _ => Err(OrderParseError::NotAnOrder),
    }
}

impl FromStr for Order {
    type Err = OrderParseError;

    fn from_str(line: &str) -> Result<Order, OrderParseError> {
        let toks = tokens(line)?;
        let mut at = 0;
        let parsed = order(&toks, &mut at)?;
        if at < toks.len() {
            return Err(OrderParseError::Bad(
                "one order at a time: a ';' or '}' belongs inside a detachment's braces"
                    .to_string(),
            ));
        }
        Ok(parsed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_of_every_order_read_back_as_the_order() {
        let orders = [
            Order::Step(PlanStep::March("the_pass".into())),
            Order::Step(PlanStep::Rest(3)),
            Order::Step(PlanStep::Forage(4)),
            Order::Step(PlanStep::Hostage),
            Order::Step(PlanStep::InstallKing),
            Order::Convoy(Convoy {
                men: 300,
                animals: crate::scenario::types::PerAnimal {
                    donkeys: 2000,
                    camels: 15,
                    ..Default::default()
                },
                grain_t: 80.5,
                fodder_t: 0.0,
            }),
            Order::Step(PlanStep::Pace(Pace::Standard)),
            Order::Step(PlanStep::Pace(Pace::Forced)),
            Order::Step(PlanStep::Drink(DrinkFirst::Shared)),
            Order::Step(PlanStep::CarryWater(6)),
            Order::Step(PlanStep::Request),
            Order::Step(PlanStep::Gift(1000)),
            Order::Step(PlanStep::Requisition),
            Order::Step(PlanStep::Battle),
            Order::Step(PlanStep::Attack),
            Order::Step(PlanStep::Besiege {
                days: 80,
                assault_from: Some(30),
                accept_terms: false,
            }),
            Order::Step(PlanStep::Detach {
                name: "The southern columns".into(),
                size: DetachSize::Share(0.3),
                plan: vec![
                    PlanStep::March("an_oasis".into()),
                    PlanStep::Request,
                    PlanStep::Join("The main army".into()),
                ],
                stores: DetachStores::default(),
            }),
            Order::Step(PlanStep::Detach {
                name: "Wang".into(),
                size: DetachSize::Men(1000),
                plan: vec![],
                stores: DetachStores {
                    grain_t: Some(Tonnes(120.5)),
                    fodder_t: None,
                    water_m3: Some(CubicMetres(40.0)),
                },
            }),
            Order::Step(PlanStep::WaitFor {
                force: "The southern columns".into(),
                days: 60,
            }),
            Order::Step(PlanStep::Return),
            Order::Slaughter(1000),
            Order::SlaughterAnimals(crate::scenario::types::AnimalKind::Donkeys, 300),
            Order::Rations(0.75),
            Order::Rations(1.0),
            Order::Punish,
            Order::Hand {
                to: "The southern columns".into(),
                goods: Goods::Grain,
                amount: 120.5,
            },
            Order::Hand {
                to: "Wang".into(),
                goods: Goods::Animals(crate::scenario::types::AnimalKind::Camels),
                amount: 200.0,
            },
            Order::Cache(Goods::Water, 40.0),
            Order::Buy(Goods::Grain, Some(200.0)),
            Order::Buy(Goods::Fodder, None),
            Order::Draw(Goods::Fodder, 12.25),
            Order::Terms(true),
            Order::Terms(false),
            Order::Cancel,
        ];
        for o in orders {
            let words = o.to_string();
            assert_eq!(words.parse::<Order>(), Ok(o), "{words}");
        }
    }

    #[test]
    fn a_wrongly_given_order_says_how_to_give_it() {
        let why = |line: &str| match line.parse::<Order>() {
            Err(OrderParseError::Bad(why)) => why,
            other => panic!("{line}: {other:?}"),
        };
        assert!(why("besiege -5").contains("cannot be negative"));
        assert!(why("rest many").contains("not a number"));
        assert!(why("split X share 2x").contains("between 0 and 1"));
        assert!(why("join \"Li").contains("closing quote"));
        assert_eq!("end".parse::<Order>(), Err(OrderParseError::NotAnOrder));
    }
}
