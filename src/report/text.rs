//! The campaign report as text for a terminal: what `run` prints without `--json`.

use std::fmt::Write as _;

use super::CampaignReport;

fn pct(part: u32, whole: u32) -> f64 {
    if whole == 0 {
        0.0
    } else {
        100.0 * f64::from(part) / f64::from(whole)
    }
}

/// The report as text for a terminal.
pub fn render_text(r: &CampaignReport) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{}  (seed {})", r.scenario, r.seed);
    let _ = writeln!(
        s,
        "Outcome: {} after {}, {}",
        r.outcome.to_uppercase(),
        days(r.days),
        r.date
    );
    if let Some(level) = &r.level {
        let _ = writeln!(s, "{level} ({} points)", r.points);
    }
    for g in &r.goals {
        let mark = match g.met_day {
            Some(day) => format!("met on day {day}"),
            None => "not met".to_string(),
        };
        let optional = if g.required { "" } else { ", optional" };
        let _ = writeln!(s, "  Goal: {} ({mark}{optional})", g.goal);
    }
    let _ = writeln!(s, "\nRoute");
    let _ = writeln!(
        s,
        "  {:>4}  {:<28} {:>6} {:>6} {:>6} {:>7} {:>6} {:>7} {:>8} {:>8}",
        "day",
        "place",
        "men",
        "horses",
        "oxen",
        "donkeys",
        "camels",
        "grain t",
        "fodder t",
        "water m3"
    );
    for p in &r.places {
        let _ = writeln!(
            s,
            "  {:>4}  {:<28} {:>6} {:>6} {:>6} {:>7} {:>6} {:>7.0} {:>8.0} {:>8.0}",
            p.day,
            p.name,
            p.men,
            p.horses,
            p.oxen,
            p.donkeys,
            p.camels,
            p.grain_t,
            p.fodder_t,
            p.water_m3
        );
    }
    if r.forces.len() > 1 {
        let _ = writeln!(s, "\nForces");
        for f in &r.forces {
            let _ = writeln!(
                s,
                "  {:<28} {:<12} {:>6} men {:>6} horses  {}",
                f.name, f.status, f.men, f.horses, f.at
            );
        }
    }
    if !r.states.is_empty() {
        let _ = writeln!(s, "\nStates");
        for st in &r.states {
            let _ = writeln!(
                s,
                "  day {:>4}  {:<24} {}",
                st.day,
                st.name,
                if st.answer == super::records::StateAnswer::DefeatedTheHan {
                    format!("defeated the {}", r.side)
                } else {
                    st.answer.words().to_string()
                }
            );
        }
    }
    if !r.sieges.is_empty() {
        let _ = writeln!(s, "\nSieges");
        for sg in &r.sieges {
            let water = if sg.water_diverted {
                ", water diverted"
            } else {
                ""
            };
            let _ = writeln!(
                s,
                "  {:<24} {} days{water}: {}",
                sg.name,
                sg.days,
                sg.result.word()
            );
        }
    }
    let m = &r.men;
    let _ = writeln!(s, "\nMen");
    let _ = writeln!(s, "  set out {:>8}", m.start);
    let _ = writeln!(
        s,
        "  came home {:>6}  ({:.1}%)",
        m.returned,
        pct(m.returned, m.start)
    );
    let _ = writeln!(s, "  alive at end {:>3}", m.end);
    let l = &m.losses;
    let _ = writeln!(
        s,
        "  lost to hunger {:>7}  thirst {:>7}  exposure {:>7}",
        l.hunger, l.thirst, l.exposure
    );
    let _ = writeln!(
        s,
        "          disease {:>6}  desertion {:>4}  combat {:>9}",
        l.disease, l.desertion, l.combat
    );
    if l.captured > 0 {
        let _ = writeln!(s, "          taken alive {:>2}", l.captured);
    }
    let _ = writeln!(
        s,
        "  enemy killed {:>8}  taken alive {:>6}  captives held at the end {}",
        r.enemy_killed, r.enemy_captured, r.captives
    );
    let _ = writeln!(
        s,
        "\nAnimals        set out   gained     end  hunger  thirst exposure combat slaughtered"
    );
    for a in &r.animals {
        let _ = writeln!(
            s,
            "  {:<12} {:>8} {:>8} {:>7} {:>7} {:>7} {:>8} {:>6} {:>11}",
            a.kind.name(),
            a.start,
            a.gained,
            a.end,
            a.losses.hunger,
            a.losses.thirst,
            a.losses.exposure,
            a.losses.combat,
            a.losses.slaughtered
        );
    }
    let _ = writeln!(
        s,
        "\nHorses: {} set out, {} taken ({} superior), {} came home",
        r.horses.start, r.horses.obtained, r.horses.superior_obtained, r.horses.returned
    );
    if !r.tribute.is_empty() {
        let given: Vec<String> = r
            .tribute
            .iter()
            .map(|t| format!("{} {:.0} t", t.name, t.grain_t))
            .collect();
        let _ = writeln!(s, "Grain from the states: {}", given.join(", "));
    }
    if !r.hostages.is_empty() {
        let _ = writeln!(s, "Hostages sent to court: {}", r.hostages.join(", "));
    }
    if r.treasure_spent_cash > 0.0 {
        let (treasure, currency) = &r.treasure_words;
        let _ = writeln!(
            s,
            "{} spent: {:.0} {currency}",
            capitalised(treasure),
            r.treasure_spent_cash
        );
    }
    if r.abandoned_t > 0.0 {
        let _ = writeln!(
            s,
            "Stores abandoned for want of carriers: {:.0} t",
            r.abandoned_t
        );
    }
    let _ = writeln!(s, "\nChronicle");
    for e in &r.chronicle {
        let _ = writeln!(s, "  day {:>4}  {}", e.day, e.text);
    }
    s
}

/// `n` days in words: "1 day", "3 days".
pub fn days(n: u32) -> String {
    if n == 1 {
        "1 day".to_string()
    } else {
        format!("{n} days")
    }
}

/// `words` with a capital first letter ("silk and gold" → "Silk and gold").
fn capitalised(words: &str) -> String {
    let mut chars = words.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
